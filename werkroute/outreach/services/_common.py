"""What the outreach services share: access checked again, the audit trail, status moves."""

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from werkroute.accounts.models import Membership
from werkroute.casework.models import Transition
from werkroute.casework.state import transition
from werkroute.core.audit.models import AccessAction, AccessOutcome
from werkroute.core.audit.services import processing, record_access
from werkroute.core.models import Municipality
from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.jobseekers import services as jobseeker_services
from werkroute.jobseekers.models import JobSeeker
from werkroute.outreach import queries
from werkroute.outreach.constants import (
    ACTIVITY,
    CAMPAIGN_TIME_FIELDS,
    STATUS_TIME_FIELDS,
)
from werkroute.outreach.models import Campaign, CampaignMember

MEMBER_OBJECT = "outreach.campaignmember"
CAMPAIGN_OBJECT = "outreach.campaign"
SYSTEM_ROLE = "system"
REASON_MAX = 200


# --- Access, checked again -----------------------------------------------------------------


def require_casework_in(actor: Any, municipality: Municipality) -> None:
    if not queries.casework_municipalities(actor).filter(pk=municipality.pk).exists():
        raise PermissionDenied


def require_works_on(actor: Any, campaign: Campaign) -> None:
    if not queries.works_on(actor, campaign):
        raise PermissionDenied


def require_member(actor: Any, member: CampaignMember) -> None:
    if not queries.members_visible_to(actor).filter(pk=member.pk).exists():
        raise PermissionDenied


# --- The audit trail -----------------------------------------------------------------------


def role_of(actor: Any, job_seeker: JobSeeker) -> str:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return SYSTEM_ROLE
    return jobseeker_queries.role_for(actor, job_seeker) or SYSTEM_ROLE


def campaign_role(actor: Any, campaign: Campaign) -> str:
    """The actor's casework role in the campaign's municipality, for campaign-level entries."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return SYSTEM_ROLE
    if actor.is_superuser:
        return jobseeker_queries.SUPERUSER_ROLE
    roles = set(
        Membership.objects.filter(user=actor, municipality_id=campaign.municipality_id).values_list(
            "role", flat=True
        )
    )
    return next((role for role in jobseeker_queries.CASEWORK_ROLES if role in roles), "")


def reason_for(campaign: Campaign) -> str:
    # Stored text of the audit: always Dutch.
    return f"Uitnodigingscampagne: {campaign.name}"[:REASON_MAX]


def _member_entry(actor: Any, member: CampaignMember, subject: Any, action: str) -> None:
    record_access(
        actor=actor,
        role=role_of(actor, member.job_seeker),
        action=action,
        obj_type=MEMBER_OBJECT,
        obj_id=member.public_id,
        subject=subject,
        activity=ACTIVITY,
        outcome=AccessOutcome.ALLOWED,
        reason=reason_for(member.campaign),
    )


@contextmanager
def member_change(
    name: str, *, actor: Any, member: CampaignMember, action: str = AccessAction.CHANGE
) -> Iterator[None]:
    """One processing span around one transaction, ending with one access-audit entry."""
    subject = jobseeker_services.subject_of(member.job_seeker)
    with (
        processing(name, activity=ACTIVITY, subjects=[subject], actor=actor),
        transaction.atomic(),
    ):
        yield
        _member_entry(actor, member, subject, action)


def record_members(
    name: str, *, actor: Any, members: Iterable[CampaignMember], action: str
) -> None:
    """One processing span for many members, one access-audit entry per member."""
    members = list(members)
    subjects = [jobseeker_services.subject_of(m.job_seeker) for m in members]
    with (
        processing(name, activity=ACTIVITY, subjects=subjects, actor=actor),
        transaction.atomic(),
    ):
        for member, subject in zip(members, subjects, strict=True):
            _member_entry(actor, member, subject, action)


def record_campaign_change(name: str, *, actor: Any, campaign: Campaign) -> None:
    """A change to the campaign itself: no person's data, still in both logs."""
    record_access(
        actor=actor,
        role=campaign_role(actor, campaign),
        action=AccessAction.CHANGE,
        obj_type=CAMPAIGN_OBJECT,
        obj_id=campaign.public_id,
        subject=None,
        activity=ACTIVITY,
        outcome=AccessOutcome.ALLOWED,
        reason=reason_for(campaign),
    )


# --- Status moves --------------------------------------------------------------------------


def move(
    member: CampaignMember,
    to: str,
    *,
    actor: Any,
    at: dt.datetime | None = None,
    reason: str = "",
) -> Transition:
    """One member's status change through the state machine; the time of it on the member."""
    logged = transition(member, to, actor=actor, reason=reason)
    field = STATUS_TIME_FIELDS.get(to)
    if field:
        moment = logged.at if at is None else at
        if member.invited_at is not None and moment < member.invited_at:
            moment = member.invited_at
        setattr(member, field, moment)
        member.save(update_fields=[field, "updated_at"])
    return logged


def move_campaign(campaign: Campaign, to: str, *, actor: Any) -> Transition:
    logged = transition(campaign, to, actor=actor)
    field = CAMPAIGN_TIME_FIELDS.get(to)
    if field:
        setattr(campaign, field, logged.at)
        campaign.save(update_fields=[field, "updated_at"])
    return logged


def now_or(now: dt.datetime | None) -> dt.datetime:
    return now or timezone.now()
