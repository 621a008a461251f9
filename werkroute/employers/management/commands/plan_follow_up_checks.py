"""`werkroute plan-follow-up-checks`: put the 6- and 12-month checks of placements on the
advisers' lists. Run daily by the scheduler; running it twice plans nothing twice."""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from werkroute.employers.services import plan_follow_up_checks


class Command(BaseCommand):
    help = "Plan the 6- and 12-month checks of placements that are due within two weeks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="Plan as if today is YYYY-MM-DD.",
        )

    def handle(self, *args: Any, today: dt.date | None, **options: Any) -> None:
        planned = plan_follow_up_checks(today=today)
        # Counts only: no personal data in the output.
        self.stdout.write(f"{len(planned)} controle(s) gepland.")
