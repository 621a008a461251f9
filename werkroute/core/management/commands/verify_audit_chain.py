from typing import Any

from django.core.management.base import BaseCommand, CommandError

from werkroute.core.audit.services import LOGS, chain_head, verify_chain


class Command(BaseCommand):
    help = (
        "Check the hash chains of the processing log and the access audit. Prints each problem "
        "with its sequence number and exits non-zero if there is one. Record the printed head "
        "hashes elsewhere: entries cut from the end show only against an earlier head."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        broken = 0
        for name in LOGS:
            problems = verify_chain(name)
            count, head = chain_head(name)
            if not problems:
                self.stdout.write(
                    self.style.SUCCESS(f"{name} log: OK: {count} entries (head {head})")
                )
                continue
            broken += len(problems)
            for problem in problems:
                self.stderr.write(self.style.ERROR(f"{name} log: {problem}"))
        if broken:
            raise CommandError(f"audit chains broken: {broken} problem(s) found")
