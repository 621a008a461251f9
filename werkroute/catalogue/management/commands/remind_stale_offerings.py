from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from werkroute.catalogue.services import REMIND_AGAIN_AFTER_DAYS, Reminder, remind_stale_offerings


class Command(BaseCommand):
    help = (
        "Mail each organisation about its public offerings that nobody checked for too long. "
        "Without --send it only prints what it would send."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--send",
            action="store_true",
            help=f"Really send the e-mails (an offering is mentioned again after "
            f"{REMIND_AGAIN_AFTER_DAYS} days at the earliest).",
        )

    def handle(self, *args: Any, send: bool, **options: Any) -> None:
        reminders = remind_stale_offerings(dry_run=not send)
        if not reminders:
            self.stdout.write("Geen aanbod om aan te herinneren.")
            return
        for reminder in reminders:
            self.stdout.write(self._describe(reminder, send))
        sent = sum(1 for r in reminders if r.sent)
        if send:
            self.stdout.write(self.style.SUCCESS(f"{sent} e-mail(s) verstuurd."))
        else:
            self.stdout.write(
                self.style.WARNING("Proefrun: niets verstuurd. Gebruik --send om te versturen.")
            )

    def _describe(self, reminder: Reminder, send: bool) -> str:
        to = ", ".join(reminder.recipients) or "(geen e-mailadres bekend)"
        if not send:
            verb = "Zou sturen aan"
        elif reminder.sent:
            verb = "Verstuurd aan"
        else:
            verb = "Niet verstuurd aan"
        lines = [f"{reminder.organisation.name}: {verb} {to}"]
        lines += [
            f"  - {o.title} (laatst gecontroleerd {o.last_checked_on:%Y-%m-%d})"
            for o in reminder.offerings
        ]
        return "\n".join(lines)
