"""Sending invitations and reminders by letter, e-mail or sms through the pluggable senders.

A dry run (the default) only lists what would go out and stores nothing. A real run claims each
invitation first (one Invitation row per member and channel, guarded by a unique constraint), so
two runs at once never send the same invitation twice; a failed send gives the claim back.
Message texts and addresses never reach the logs: ids and channels only.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from werkroute.casework import notifications
from werkroute.core.audit.models import AccessAction
from werkroute.outreach.constants import (
    REMINDER_AFTER_DAYS,
    CampaignStatus,
    Channel,
    InvitationKind,
    MemberStatus,
)
from werkroute.outreach.letters import LetterMessage, letter_pdf
from werkroute.outreach.models import Campaign, CampaignMember, Invitation
from werkroute.outreach.services._common import (
    member_change,
    move,
    now_or,
    require_member,
    require_works_on,
)
from werkroute.outreach.texts import address_lines, email_body, invitation_text, sms_body

logger = logging.getLogger(__name__)

DEFAULT_LETTER_SENDER = "werkroute.outreach.letters.ManualPrintSender"
# Stored and printed text of the command's output: Dutch, without personal data.
MISSING_ADDRESS = {
    Channel.LETTER: "geen postcode bekend",
    Channel.EMAIL: "geen e-mailadres bekend",
    Channel.SMS: "geen telefoonnummer bekend",
}
ALREADY_SENT = "al verstuurd"
SEND_FAILED = "versturen mislukt"


@dataclass
class Delivery:
    member: CampaignMember
    channel: str
    kind: str
    problem: str = ""
    sent: bool = False


@dataclass
class SendRun:
    campaign: Campaign
    send: bool
    deliveries: list[Delivery] = field(default_factory=list)

    @property
    def sent(self) -> list[Delivery]:
        return [d for d in self.deliveries if d.sent]

    @property
    def to_send(self) -> list[Delivery]:
        return [d for d in self.deliveries if not d.problem]

    @property
    def problems(self) -> list[Delivery]:
        return [d for d in self.deliveries if d.problem]

    @property
    def to_send_invitations(self) -> int:
        return sum(1 for d in self.to_send if d.kind == InvitationKind.INVITATION)

    @property
    def to_send_reminders(self) -> int:
        return sum(1 for d in self.to_send if d.kind == InvitationKind.REMINDER)


def sender_for(channel: str) -> notifications.Sender:
    """The configured sender; letters fall back to printing by hand from the campaign page."""
    configured = getattr(settings, "WERKROUTE_SENDERS", {})
    if channel == Channel.LETTER and channel not in configured:
        return import_string(DEFAULT_LETTER_SENDER)()
    return notifications.sender_for(channel)


# --- What is due ---------------------------------------------------------------------------


def _address(member: CampaignMember, channel: str) -> str:
    job_seeker = member.job_seeker
    return {
        Channel.LETTER: job_seeker.postcode,
        Channel.EMAIL: job_seeker.email,
        Channel.SMS: job_seeker.phone,
    }[channel]


def _deliveries(member: CampaignMember, channels: list[str], kind: str) -> list[Delivery]:
    return [
        Delivery(
            member=member,
            channel=channel,
            kind=kind,
            problem="" if _address(member, channel) else MISSING_ADDRESS[channel],
        )
        for channel in channels
    ]


def _sendable(campaign: Campaign) -> QuerySet[CampaignMember]:
    return (
        campaign.members.filter(paused=False, job_seeker__anonymised_at__isnull=True)
        .select_related("campaign__municipality__region", "job_seeker__user", "assigned_to")
        .order_by("pk")
    )


def due_deliveries(campaign: Campaign, now: dt.datetime) -> list[Delivery]:
    """Invitations for members not yet invited; one reminder for those invited long enough
    ago without any response. Paused members get nothing."""
    deliveries: list[Delivery] = []
    for member in _sendable(campaign).filter(status=MemberStatus.SELECTED):
        deliveries += _deliveries(member, campaign.channels, InvitationKind.INVITATION)
    reminders = _sendable(campaign).filter(
        status=MemberStatus.INVITED,
        invited_at__lte=now - dt.timedelta(days=REMINDER_AFTER_DAYS),
        last_reminder_at__isnull=True,
    )
    for member in reminders:
        deliveries += _deliveries(member, campaign.channels, InvitationKind.REMINDER)
    return deliveries


# --- Sending -------------------------------------------------------------------------------


def _message(member: CampaignMember, channel: str, kind: str, today: dt.date) -> Any:
    job_seeker = member.job_seeker
    reference = f"campagnedeelnemer {member.public_id}"
    if channel == Channel.SMS:
        body = sms_body(member, kind, today)
        return notifications.Message(channel, job_seeker.phone, body, reference=reference)
    text = invitation_text(member, kind, today)
    if channel == Channel.EMAIL:
        return notifications.Message(
            channel, job_seeker.email, email_body(text), subject=text.subject, reference=reference
        )
    return LetterMessage(
        channel,
        "\n".join(address_lines(job_seeker)),
        email_body(text),
        subject=text.subject,
        reference=reference,
        pdf=letter_pdf(member, kind, today),
    )


def _store(delivery: Delivery, actor: Any, now: dt.datetime) -> bool:
    """Store the invitation before sending it; False when another run already did."""
    try:
        with transaction.atomic():
            Invitation.objects.create(
                member=delivery.member,
                channel=delivery.channel,
                kind=delivery.kind,
                sent_at=now,
                sent_by_id=getattr(actor, "pk", None),
            )
    except IntegrityError:
        return False
    return True


def _release(delivery: Delivery) -> None:
    Invitation.objects.filter(
        member=delivery.member, channel=delivery.channel, kind=InvitationKind.INVITATION
    ).delete()


def _send_one(delivery: Delivery, actor: Any, now: dt.datetime) -> None:
    is_invitation = delivery.kind == InvitationKind.INVITATION
    if is_invitation and not _store(delivery, actor, now):
        delivery.problem = ALREADY_SENT
        return
    message = _message(delivery.member, delivery.channel, delivery.kind, timezone.localdate(now))
    try:
        sender_for(delivery.channel).send(message)
    except (notifications.SendError, OSError) as error:
        if is_invitation:
            _release(delivery)
        delivery.problem = SEND_FAILED
        logger.warning(
            "%s for campaign member %s failed: %s",
            delivery.kind,
            delivery.member.public_id,
            type(error).__name__,
        )
        return
    if not is_invitation:
        _store(delivery, actor, now)
    delivery.sent = True


def _after_sending(member: CampaignMember, kind: str, actor: Any, now: dt.datetime) -> None:
    """The member is invited (or reminded): the status moves, the audit says what was shared."""
    name = "uitnodiging versturen" if kind == InvitationKind.INVITATION else "herinnering versturen"
    with member_change(name, actor=actor, member=member, action=AccessAction.SHARE):
        if kind == InvitationKind.INVITATION and member.status == MemberStatus.SELECTED:
            move(member, MemberStatus.INVITED, actor=actor, at=now)
        elif kind == InvitationKind.REMINDER:
            member.last_reminder_at = now
            member.save(update_fields=["last_reminder_at", "updated_at"])


def _deliver(deliveries: list[Delivery], actor: Any, now: dt.datetime) -> None:
    """Send one member's deliveries (all of one kind); then record it once."""
    for delivery in deliveries:
        if not delivery.problem:
            _send_one(delivery, actor, now)
    if any(d.sent for d in deliveries):
        _after_sending(deliveries[0].member, deliveries[0].kind, actor, now)


def _require_running(campaign: Campaign) -> None:
    if campaign.status != CampaignStatus.RUNNING:
        raise ValidationError(
            _("Deze campagne loopt niet. Start de campagne om uitnodigingen te versturen."),
            code="not_running",
        )


def send_invitations(
    *,
    actor: Any,
    campaign: Campaign,
    send: bool = False,
    now: dt.datetime | None = None,
) -> SendRun:
    """What is due for this campaign; with send=True it really goes out. `actor` None: the
    scheduled job."""
    if actor is not None:
        require_works_on(actor, campaign)
    _require_running(campaign)
    now = now_or(now)
    run = SendRun(campaign=campaign, send=send, deliveries=due_deliveries(campaign, now))
    if send:
        for _key, group in groupby(run.deliveries, key=lambda d: (d.member.pk, d.kind)):
            _deliver(list(group), actor, now)
    return run


def resend_invitation(
    *, actor: Any, member: CampaignMember, now: dt.datetime | None = None
) -> list[Delivery]:
    """Send now, on the campaign's channels: the invitation if none went out yet, else a
    reminder. Refused for a paused member and for someone who already responded."""
    require_member(actor, member)
    _require_running(member.campaign)
    if member.paused:
        raise ValidationError(
            _("Het versturen staat op pauze voor deze persoon. Hervat het eerst."), code="paused"
        )
    if member.status == MemberStatus.SELECTED:
        kind = InvitationKind.INVITATION
    elif member.status in (MemberStatus.INVITED, MemberStatus.NO_RESPONSE):
        kind = InvitationKind.REMINDER
    else:
        raise ValidationError(
            _("Deze persoon heeft al gereageerd. U hoeft niets meer te sturen."), code="responded"
        )
    deliveries = _deliveries(member, member.campaign.channels, kind)
    if all(d.problem for d in deliveries):
        raise ValidationError(
            _("Er is geen adres, e-mailadres of telefoonnummer bekend om naar te sturen."),
            code="no_address",
        )
    _deliver(deliveries, actor, now_or(now))
    return deliveries
