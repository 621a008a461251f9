"""Reads that leave a trace: a campaign's people shown, one member opened, a letter printed."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from werkroute.core.audit.models import AccessAction
from werkroute.jobseekers import services as jobseeker_services
from werkroute.outreach import queries
from werkroute.outreach.constants import InvitationKind
from werkroute.outreach.letters import letter_pdf
from werkroute.outreach.models import CampaignMember
from werkroute.outreach.services._common import member_change, record_members, require_member


def record_members_shown(*, actor: Any, members: Iterable[CampaignMember]) -> None:
    """A page lists these members by name: one access entry per person shown."""
    members = list(members)
    if not members:
        return
    for member in members:
        require_member(actor, member)
    record_members("campagne bekijken", actor=actor, members=members, action=AccessAction.VIEW)


def view_member(*, actor: Any, member: CampaignMember) -> None:
    """One member's page: their status, history and invitations."""
    require_member(actor, member)
    with member_change(
        "campagnedeelnemer bekijken", actor=actor, member=member, action=AccessAction.VIEW
    ):
        pass


def _letter_date(member: CampaignMember, kind: str) -> dt.date:
    """The date the letter went out (or goes out today)."""
    sent = member.invited_at if kind == InvitationKind.INVITATION else member.last_reminder_at
    return timezone.localdate(sent) if sent else timezone.localdate()


def download_letter(
    *,
    actor: Any,
    member: CampaignMember,
    kind: str = InvitationKind.INVITATION,
    today: dt.date | None = None,
) -> bytes:
    """The letter as PDF, to print and post; the download is audited as an export."""
    require_member(actor, member)
    if kind not in InvitationKind.values:
        raise ValueError(f"unknown letter kind {kind!r}")
    pdf = letter_pdf(member, kind, today or _letter_date(member, kind))
    with member_change("brief maken", actor=actor, member=member, action=AccessAction.EXPORT):
        pass
    return pdf


def record_refusal(actor: Any, member_public_id: Any) -> None:
    """A refused attempt at a member's page: written as 'denied'; the user still gets 404."""
    if not getattr(actor, "is_authenticated", False):
        return
    member = queries.find_member(member_public_id)
    if member is None:
        return
    jobseeker_services.record_refusal(actor, member.job_seeker.public_id)
