from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from werkroute.casework.constants import REMINDER_WINDOW_HOURS
from werkroute.casework.services import Reminder, send_appointment_reminders


class Command(BaseCommand):
    help = (
        "Send reminders (e-mail or sms) for planned appointments that start soon. "
        "Without --send it only prints what it would send."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--send", action="store_true", help="Really send the reminders.")
        parser.add_argument(
            "--hours",
            type=int,
            default=REMINDER_WINDOW_HOURS,
            help=f"Remind of appointments starting within this many hours "
            f"(default {REMINDER_WINDOW_HOURS}).",
        )

    def handle(self, *args: Any, send: bool, hours: int, **options: Any) -> None:
        reminders = send_appointment_reminders(send=send, window_hours=hours)
        if not reminders:
            self.stdout.write("Geen afspraken om aan te herinneren.")
            return
        for reminder in reminders:
            self.stdout.write(self._describe(reminder, send))
        if send:
            sent = sum(1 for r in reminders if r.sent)
            self.stdout.write(self.style.SUCCESS(f"{sent} herinnering(en) verstuurd."))
        else:
            self.stdout.write(
                self.style.WARNING("Proefrun: niets verstuurd. Gebruik --send om te versturen.")
            )

    def _describe(self, reminder: Reminder, send: bool) -> str:
        # Ids and times only: no names, addresses or numbers in the output.
        appointment = reminder.appointment
        when = timezone.localtime(appointment.starts_at).strftime("%Y-%m-%d %H:%M")
        what = f"afspraak {appointment.public_id} op {when}, per {reminder.channel}"
        if reminder.problem:
            return f"Niet verstuurd: {what} ({reminder.problem})"
        if not send:
            return f"Zou versturen: {what}"
        return f"Verstuurd: {what}" if reminder.sent else f"Overgeslagen: {what}"
