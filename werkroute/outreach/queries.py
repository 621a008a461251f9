"""Who sees which campaign and which of its people, and the funnel the council asks about.

Case managers and team leads of a municipality (jobseekers.queries.casework_municipalities) work
with its campaigns. Of a campaign's people they see those they may see anyway (their caseload and
their team's) and those assigned to them or their team. Policy makers of the municipality (or of
its whole region) see the funnel numbers only, never a person. Everyone else gets 404, alike for
"absent" and "not yours".
"""

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from werkroute.accounts.constants import Role
from werkroute.accounts.models import Membership, User
from werkroute.casework.constants import AppointmentStatus
from werkroute.casework.models import Appointment
from werkroute.core.models import Municipality
from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.outreach.constants import (
    CONVERSATION_WINDOWS_DAYS,
    FUNNEL_LINE,
    RESPONDED_OR_BEYOND,
    MemberStatus,
)
from werkroute.outreach.models import Campaign, CampaignMember

# --- Access --------------------------------------------------------------------------------


def _uuid_or_none(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def casework_municipalities(user: Any) -> QuerySet[Municipality]:
    """Where this user works with campaigns and their people."""
    return jobseeker_queries.casework_municipalities(user)


def funnel_municipalities(user: Any) -> QuerySet[Municipality]:
    """Where this user may see campaign numbers: casework, or policy for the place or region."""
    if not user.is_authenticated:
        return Municipality.objects.none()
    if user.is_superuser:
        return Municipality.objects.all()
    policy = Membership.objects.filter(user=user, role=Role.POLICY_MAKER)
    return Municipality.objects.filter(
        Q(pk__in=casework_municipalities(user).values("pk"))
        | Q(pk__in=policy.filter(municipality__isnull=False).values("municipality_id"))
        | Q(region_id__in=policy.filter(municipality__isnull=True).values("region_id"))
    )


def campaigns_visible_to(user: Any) -> QuerySet[Campaign]:
    return Campaign.objects.filter(municipality__in=funnel_municipalities(user)).select_related(
        "municipality"
    )


def access_campaign(user: Any, public_id: Any) -> Campaign:
    """One campaign whose numbers this user may see; 404 alike for absent and not yours."""
    key = _uuid_or_none(public_id)
    found = campaigns_visible_to(user).filter(public_id=key).first() if key else None
    if found is None:
        raise Http404
    return found


def works_on(user: Any, campaign: Campaign) -> bool:
    """Whether this user works with the campaign's people (else: numbers only)."""
    return casework_municipalities(user).filter(pk=campaign.municipality_id).exists()


def _colleagues(user: Any) -> QuerySet[User]:
    """The user and the case managers of the teams they work in."""
    teams = Membership.objects.filter(
        user=user, role__in=jobseeker_queries.CASEWORK_ROLES, team__isnull=False
    ).values("team_id")
    return User.objects.filter(
        Q(pk=user.pk) | Q(memberships__team_id__in=teams, memberships__role=Role.CASE_MANAGER)
    ).distinct()


def members_visible_to(user: Any) -> QuerySet[CampaignMember]:
    """Campaign members this user may see by name, in any campaign they work on."""
    if not user.is_authenticated:
        return CampaignMember.objects.none()
    active = CampaignMember.objects.filter(job_seeker__anonymised_at__isnull=True)
    if user.is_superuser:
        return active
    return active.filter(campaign__municipality__in=casework_municipalities(user)).filter(
        Q(job_seeker__in=jobseeker_queries.staff_visible_to(user))
        | Q(assigned_to__in=_colleagues(user))
    )


def access_member(user: Any, public_id: Any) -> CampaignMember:
    key = _uuid_or_none(public_id)
    found = (
        members_visible_to(user)
        .select_related("campaign__municipality__region", "job_seeker__user", "assigned_to")
        .filter(public_id=key)
        .first()
        if key
        else None
    )
    if found is None:
        raise Http404
    return found


def find_member(public_id: Any) -> CampaignMember | None:
    """Unscoped, for the audit of refused attempts only; never shown to the user."""
    key = _uuid_or_none(public_id)
    return CampaignMember.objects.select_related("job_seeker").filter(public_id=key).first()


def case_managers_of(municipality: Municipality) -> QuerySet[User]:
    """Case managers of the municipality, in a stable order, for assigning members."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__role=Role.CASE_MANAGER,
            memberships__municipality=municipality,
        )
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def case_managers_of_any(municipalities: QuerySet[Municipality]) -> QuerySet[User]:
    return (
        User.objects.filter(
            is_active=True,
            memberships__role=Role.CASE_MANAGER,
            memberships__municipality__in=municipalities,
        )
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


@dataclass(frozen=True)
class MemberFilters:
    status: str = ""
    assigned_to: int | None = None
    reference: str = ""


def filter_members(
    qs: QuerySet[CampaignMember], filters: MemberFilters
) -> QuerySet[CampaignMember]:
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.assigned_to is not None:
        qs = qs.filter(assigned_to_id=filters.assigned_to)
    if filters.reference:
        qs = qs.filter(reference__iexact=filters.reference.strip())
    return qs.select_related("job_seeker", "assigned_to")


# --- The funnel ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int

    @property
    def percent(self) -> int | None:
        if not self.denominator:
            return None
        return round(100 * self.numerator / self.denominator)


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


@dataclass(frozen=True)
class Window:
    days: int
    rate: Rate


@dataclass(frozen=True)
class Funnel:
    total: int
    paused: int
    by_status: list[StatusCount]
    # Cumulative: how many reached each step of the line (invited, responded, ...).
    stages: list[StatusCount]
    response_rate: Rate
    no_show_rate: Rate
    windows: list[Window]
    average_days_to_conversation: float | None


def _status_counts(members: QuerySet[CampaignMember]) -> dict[str, int]:
    rows = members.order_by().values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def no_show_rate(campaign: Campaign) -> Rate:
    """Appointments not shown, of those held or not shown, made with invited members since
    their invitation."""
    rows = (
        Appointment.objects.filter(
            job_seeker__campaign_memberships__campaign=campaign,
            job_seeker__campaign_memberships__invited_at__isnull=False,
            starts_at__gte=F("job_seeker__campaign_memberships__invited_at"),
            status__in=[AppointmentStatus.HELD, AppointmentStatus.NO_SHOW],
        )
        .order_by()
        .values("status")
        .annotate(n=Count("pk", distinct=True))
    )
    counts = {row["status"]: row["n"] for row in rows}
    not_shown = counts.get(AppointmentStatus.NO_SHOW, 0)
    return Rate(not_shown, not_shown + counts.get(AppointmentStatus.HELD, 0))


def _windows(pairs: list[tuple[dt.datetime, dt.datetime | None]], now: dt.datetime) -> list[Window]:
    """Of those invited at least N days ago: the share with a conversation within N days."""
    windows = []
    for days in CONVERSATION_WINDOWS_DAYS:
        span = dt.timedelta(days=days)
        eligible = [(inv, conv) for inv, conv in pairs if inv <= now - span]
        hits = sum(1 for inv, conv in eligible if conv is not None and conv - inv <= span)
        windows.append(Window(days=days, rate=Rate(hits, len(eligible))))
    return windows


def _average_days(pairs: list[tuple[dt.datetime, dt.datetime | None]]) -> float | None:
    spans = [(conv - inv).total_seconds() / 86400 for inv, conv in pairs if conv is not None]
    return round(sum(spans) / len(spans), 1) if spans else None


def funnel(campaign: Campaign, now: dt.datetime | None = None) -> Funnel:
    now = now or timezone.now()
    members = campaign.members.all()
    counts = _status_counts(members)
    labels = dict(MemberStatus.choices)
    pairs = list(
        members.filter(invited_at__isnull=False).values_list("invited_at", "conversation_at")
    )
    invited = len(pairs)
    reached = [
        StatusCount(status, str(labels[status]), sum(counts.get(s, 0) for s in FUNNEL_LINE[index:]))
        for index, status in enumerate(FUNNEL_LINE)
    ]
    reached[0] = StatusCount(FUNNEL_LINE[0], str(labels[FUNNEL_LINE[0]]), invited)
    responded = sum(counts.get(s, 0) for s in RESPONDED_OR_BEYOND)
    return Funnel(
        total=sum(counts.values()),
        paused=members.filter(paused=True).count(),
        by_status=[StatusCount(s, str(labels[s]), counts.get(s, 0)) for s in MemberStatus.values],
        stages=reached,
        response_rate=Rate(responded, invited),
        no_show_rate=no_show_rate(campaign),
        windows=_windows(pairs, now),
        average_days_to_conversation=_average_days(pairs),
    )


def member_counts(campaigns: QuerySet[Campaign]) -> QuerySet[Campaign]:
    """Campaigns with how many people each holds and how many were invited, for the list."""
    return campaigns.annotate(
        member_total=Count("members", distinct=True),
        invited_total=Count("members", filter=Q(members__invited_at__isnull=False), distinct=True),
    )
