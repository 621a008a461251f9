"""`werkroute match`: score every active job seeker against every open vacancy, in shards.

Without a broker (the embedded default) the shards run here, one after another, each on two
threads. With REDIS_URL set they go to the Celery workers, which may run on several machines;
`--wait` then follows the run until it is done.
"""

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from werkroute.matching import services, tasks
from werkroute.matching.models import MatchRun, RunStatus


class Command(BaseCommand):
    help = "Score every active job seeker against every open vacancy and store the best matches."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--shard-size", type=int, default=settings.MATCHING_SHARD_SIZE)
        parser.add_argument("--top-k", type=int, default=settings.MATCHING_TOP_K)
        parser.add_argument(
            "--wait", action="store_true", help="With a broker: wait until the run is done."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["shard_size"] < 1 or options["top_k"] < 1:
            raise CommandError("--shard-size en --top-k moeten minstens 1 zijn.")
        started = time.perf_counter()
        run, shards = services.start_run(shard_size=options["shard_size"], top_k=options["top_k"])
        self.stdout.write(f"Run {run.pk}: {run.people} werkzoekenden in {len(shards)} delen.")
        for number, (first, last) in enumerate(shards, start=1):
            tasks.score_shard.delay(run.pk, first, last)
            if settings.CELERY_TASK_ALWAYS_EAGER:
                self.stdout.write(f"  deel {number}/{len(shards)} klaar")
        if not settings.CELERY_TASK_ALWAYS_EAGER:
            self.stdout.write("De delen staan klaar voor de workers.")
            if not options["wait"]:
                return
            run = self._wait(run)
        run.refresh_from_db()
        if run.status == RunStatus.FAILED:
            raise CommandError(f"De run is mislukt: {run.error}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: {run.people} werkzoekenden tegen {run.offerings} vacatures "
                f"in {time.perf_counter() - started:.1f} s."
            )
        )

    def _wait(self, run: MatchRun) -> MatchRun:
        while True:
            run.refresh_from_db()
            if run.status != RunStatus.RUNNING:
                return run
            self.stdout.write(f"  {run.shards_done}/{run.shards} delen klaar")
            time.sleep(2)
