from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from werkroute.casework.services import OverdueReferral, flag_overdue_referrals


class Command(BaseCommand):
    help = (
        "List referrals a partner is late with (not accepted or not answered in time). "
        "With --apply each gets an 'overdue' event in its history (once per status); "
        "without it nothing is written. Prints public ids only, no personal data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--apply", action="store_true", help="Really record the flags.")

    def handle(self, *args: Any, apply: bool, **options: Any) -> None:
        found = flag_overdue_referrals(apply=apply)
        if not found:
            self.stdout.write("Geen verwijzingen te laat.")
            return
        for item in found:
            self.stdout.write(self._describe(item, apply))
        if apply:
            new = sum(1 for item in found if item.newly_flagged)
            self.stdout.write(self.style.SUCCESS(f"{new} verwijzing(en) nieuw gemarkeerd."))
        else:
            self.stdout.write(
                self.style.WARNING("Proefrun: niets vastgelegd. Gebruik --apply om te markeren.")
            )

    def _describe(self, item: OverdueReferral, apply: bool) -> str:
        # Public ids and numbers only: no names, no question, no answer.
        referral = item.referral
        what = "niet geaccepteerd" if item.kind == "accept" else "niet beantwoord"
        line = (
            f"verwijzing {referral.public_id} aan organisatie {referral.organisation.public_id}: "
            f"{what}, {item.days_late} dag(en) te laat"
        )
        if not item.newly_flagged:
            return f"Al gemarkeerd: {line}"
        return f"Gemarkeerd: {line}" if apply else f"Zou markeren: {line}"
