import uuid
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkroute.outreach.constants import CampaignStatus
from werkroute.outreach.models import Campaign
from werkroute.outreach.services import Delivery, send_invitations


class Command(BaseCommand):
    help = (
        "Send the invitations and reminders of running outreach campaigns (letter, e-mail, sms). "
        "Without --send it only prints what it would send."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--send", action="store_true", help="Really send.")
        parser.add_argument(
            "--campaign", help="Only this campaign (its public id); default: every running one."
        )

    def handle(self, *args: Any, send: bool, campaign: str | None, **options: Any) -> None:
        campaigns = Campaign.objects.filter(status=CampaignStatus.RUNNING).order_by("pk")
        if campaign:
            campaigns = campaigns.filter(public_id=self._uuid(campaign))
        total = 0
        for one in campaigns.select_related("municipality"):
            run = send_invitations(actor=None, campaign=one, send=send)
            for delivery in run.deliveries:
                self.stdout.write(self._describe(delivery, send))
            total += len(run.sent) if send else len(run.to_send)
        if send:
            self.stdout.write(self.style.SUCCESS(f"{total} bericht(en) verstuurd."))
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"Proefrun: {total} bericht(en) klaar, niets verstuurd. "
                    "Gebruik --send om te versturen."
                )
            )

    def _uuid(self, value: str) -> str:
        try:
            return str(uuid.UUID(value))
        except ValueError:
            raise CommandError(f"Geen geldig campagnenummer: {value}") from None

    def _describe(self, delivery: Delivery, send: bool) -> str:
        # Ids and channels only: no names, addresses or numbers in the output.
        member = delivery.member
        what = (
            f"{delivery.kind} per {delivery.channel} aan deelnemer {member.public_id} "
            f"(campagne {member.campaign.public_id})"
        )
        if delivery.problem:
            return f"Niet verstuurd: {what} ({delivery.problem})"
        if not send:
            return f"Zou versturen: {what}"
        return f"Verstuurd: {what}" if delivery.sent else f"Overgeslagen: {what}"
