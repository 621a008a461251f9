from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from werkroute.catalogue.services import SearchAlert, send_saved_search_alerts


class Command(BaseCommand):
    help = (
        "E-mail users about new offerings that match their saved searches (daily searches at "
        "most once a day, weekly ones once a week). Without --send it only prints what it would "
        "send. Searches are named by their id: the query and the address are never printed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--send", action="store_true", help="Really send the e-mails.")

    def handle(self, *args: Any, send: bool, **options: Any) -> None:
        alerts = send_saved_search_alerts(now=timezone.now(), send=send)
        if not alerts:
            self.stdout.write("Geen nieuw aanbod voor bewaarde zoekopdrachten.")
            return
        for alert in alerts:
            self.stdout.write(self._describe(alert, send))
        if send:
            sent = sum(1 for alert in alerts if alert.sent)
            self.stdout.write(self.style.SUCCESS(f"{sent} e-mail(s) verstuurd."))
        else:
            self.stdout.write(
                self.style.WARNING("Proefrun: niets verstuurd. Gebruik --send om te versturen.")
            )

    def _describe(self, alert: SearchAlert, send: bool) -> str:
        if not send:
            verb = "Zou sturen"
        elif alert.sent:
            verb = "Verstuurd"
        else:
            verb = "Niet verstuurd"
        saved = alert.saved_search
        lines = [f"Zoekopdracht {saved.public_id} ({saved.frequency}): {verb}, {alert.total} nieuw"]
        lines += [f"  - {offering.title}" for offering in alert.offerings]
        return "\n".join(lines)
