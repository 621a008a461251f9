from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from werkroute.jobseekers.retention import apply_retention


class Command(BaseCommand):
    help = (
        "Anonymise job seekers' files whose benefit ended more than WERKROUTE_RETENTION_YEARS "
        "years ago. Without --apply it only prints what it would do."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--apply", action="store_true", help="Really anonymise.")

    def handle(self, *args: Any, apply: bool, **options: Any) -> None:
        result = apply_retention(dry_run=not apply)
        run = result.run
        self.stdout.write(
            f"Regel: {run.rule_years} jaar na einde uitkering "
            f"(uitkering gestopt vóór {run.cutoff:%Y-%m-%d})."
        )
        # Public ids only: no names or numbers in the output.
        verb = "Geanonimiseerd" if apply else "Zou anonimiseren"
        for job_seeker in result.job_seekers:
            self.stdout.write(f"{verb}: dossier {job_seeker.public_id}")
        if apply:
            self.stdout.write(self.style.SUCCESS(f"{run.count} dossier(s) geanonimiseerd."))
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"Proefrun: {run.count} dossier(s) zouden worden geanonimiseerd; niets "
                    "veranderd. Gebruik --apply om te anonimiseren."
                )
            )
