"""A member's way through the funnel: responses, conversations, follow-ups, pausing.

Each status change is a transition of the member's state machine (outreach/state.py), written
with actor and time. Moving several steps at once (a conversation recorded for someone who never
called) walks the line step by step, so each step has its own Transition row and time.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from werkroute.casework.constants import AppointmentStatus
from werkroute.casework.models import Appointment, Conversation, Transition
from werkroute.casework.state import TransitionNotAllowed
from werkroute.jobseekers.models import JobSeeker
from werkroute.outreach.constants import (
    FINAL_STATUSES,
    FUNNEL_LINE,
    CampaignStatus,
    MemberStatus,
)
from werkroute.outreach.models import CampaignMember
from werkroute.outreach.services._common import member_change, move, require_member
from werkroute.outreach.state import is_ahead, steps_to

M = MemberStatus
SYNC_REASON = "Bijgewerkt uit gesprekken en afspraken"


def _require_running(member: CampaignMember) -> None:
    if member.campaign.status != CampaignStatus.RUNNING:
        raise ValidationError(_("Deze campagne loopt niet. U kunt niets meer veranderen."))


def _walk(
    member: CampaignMember, target: str, *, actor: Any, at: dt.datetime | None, reason: str
) -> list[Transition]:
    return [
        move(member, step, actor=actor, at=at, reason=reason)
        for step in steps_to(member.status, target)
    ]


def change_member_status(
    *,
    actor: Any,
    member: CampaignMember,
    to: str,
    at: dt.datetime | None = None,
    reason: str = "",
) -> list[Transition]:
    """Move a member to `to` (through the steps in between); all steps or none."""
    require_member(actor, member)
    _require_running(member)
    if member.status == M.SELECTED:
        raise TransitionNotAllowed(
            _("Deze persoon is nog niet uitgenodigd. Verstuur eerst de uitnodiging."),
            code="not_invited",
        )
    with member_change("status deelnemer wijzigen", actor=actor, member=member):
        return _walk(member, to, actor=actor, at=at, reason=reason.strip())


def record_response(
    *, actor: Any, member: CampaignMember, declined: bool = False, reason: str = ""
) -> list[Transition]:
    """The person got in touch: to talk, or to say they will not take part."""
    target = M.DECLINED if declined else M.RESPONDED
    return change_member_status(actor=actor, member=member, to=target, reason=reason)


def record_no_response(*, actor: Any, member: CampaignMember) -> list[Transition]:
    return change_member_status(actor=actor, member=member, to=M.NO_RESPONSE)


def mark_conversation_held(
    *, actor: Any, member: CampaignMember, at: dt.datetime | None = None
) -> list[Transition]:
    return change_member_status(actor=actor, member=member, to=M.CONVERSATION_HELD, at=at)


def mark_follow_up_agreed(
    *, actor: Any, member: CampaignMember, at: dt.datetime | None = None
) -> list[Transition]:
    return change_member_status(actor=actor, member=member, to=M.FOLLOW_UP_AGREED, at=at)


# --- Pausing -------------------------------------------------------------------------------


def _set_paused(actor: Any, member: CampaignMember, paused: bool) -> CampaignMember:
    require_member(actor, member)
    if member.paused == paused:
        return member
    name = "versturen pauzeren" if paused else "versturen hervatten"
    with member_change(name, actor=actor, member=member):
        member.paused = paused
        member.save(update_fields=["paused", "updated_at"])
    return member


def pause_member(*, actor: Any, member: CampaignMember) -> CampaignMember:
    """No invitations or reminders go to this person until resumed."""
    return _set_paused(actor, member, True)


def resume_member(*, actor: Any, member: CampaignMember) -> CampaignMember:
    return _set_paused(actor, member, False)


# --- Following casework --------------------------------------------------------------------


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _casework_facts(member: CampaignMember) -> dict[str, dt.datetime | None]:
    """When, since the invitation, the person first responded, talked and agreed a follow-up."""
    since = member.invited_at
    assert since is not None
    job_seeker = member.job_seeker
    made = Appointment.objects.filter(job_seeker=job_seeker, created_at__gte=since).exclude(
        status=AppointmentStatus.CANCELLED
    )
    held = (
        Appointment.objects.filter(
            job_seeker=job_seeker, status=AppointmentStatus.HELD, starts_at__gte=since
        )
        .order_by("starts_at")
        .first()
    )
    conversation = (
        Conversation.objects.filter(job_seeker=job_seeker, held_on__gte=timezone.localdate(since))
        .order_by("held_on", "created_at")
        .first()
    )
    talked = [max(since, _start_of(conversation.held_on))] if conversation else []
    talked += [held.starts_at] if held else []
    talked_at = min(talked) if talked else None
    first_made = made.order_by("created_at").values_list("created_at", flat=True).first()
    responded = [t for t in (first_made, talked_at) if t is not None]
    follow_up = None
    if talked_at is not None:
        later = made.filter(
            starts_at__gt=talked_at,
            status__in=[AppointmentStatus.PLANNED, AppointmentStatus.HELD],
        )
        if held is not None:
            later = later.exclude(pk=held.pk)
        if (conversation and conversation.follow_up_on) or later.exists():
            follow_up = timezone.now()
    return {
        M.RESPONDED: min(responded) if responded else None,
        M.CONVERSATION_HELD: talked_at,
        M.FOLLOW_UP_AGREED: follow_up,
    }


def _sync_one(member: CampaignMember, actor: Any) -> bool:
    facts = _casework_facts(member)
    reached = [status for status in FUNNEL_LINE[1:] if facts[status] is not None]
    if not reached or not is_ahead(member.status, reached[-1]):
        return False
    with member_change("campagne bijwerken uit begeleiding", actor=actor, member=member):
        for step in steps_to(member.status, reached[-1]):
            move(member, step, actor=actor, at=facts.get(step), reason=SYNC_REASON)
    return True


def sync_member_from_casework(job_seeker: JobSeeker, *, actor: Any) -> list[CampaignMember]:
    """Bring this person's campaign memberships up to date with casework.

    Call it after recording a conversation or planning or updating an appointment (casework's
    services do). Since the invitation: an appointment made means the person responded; a
    conversation recorded or an appointment held means a conversation was held; then an agreed
    follow-up date or a later appointment means a follow-up was agreed. Only running campaigns
    and only forward moves; members who declined or are not yet invited are left alone.
    """
    members = (
        CampaignMember.objects.filter(
            job_seeker=job_seeker,
            campaign__status=CampaignStatus.RUNNING,
            invited_at__isnull=False,
        )
        .exclude(status__in=FINAL_STATUSES)
        .select_related("campaign", "job_seeker")
    )
    return [member for member in members if _sync_one(member, actor)]
