"""Caseloads: the case manager's list and its filters, and the team lead's counts.

Every query starts from the job seekers the user works with (werkroute.jobseekers.queries).
"""

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone

from werkroute.accounts.constants import Role
from werkroute.accounts.models import Team, User
from werkroute.casework.constants import (
    SENIOR_MIN_AGE,
    YOUTH_MAX_AGE,
    YOUTH_MIN_AGE,
    AppointmentStatus,
    TargetGroup,
)
from werkroute.casework.models import Appointment, Conversation
from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.jobseekers.constants import LONG_TERM_MONTHS, BenefitType
from werkroute.jobseekers.models import JobSeeker, Obstacle

# --- Dates ---------------------------------------------------------------------------------


def years_before(day: dt.date, years: int) -> dt.date:
    """The same day `years` earlier; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def benefit_start_cutoff(today: dt.date, months: int) -> dt.date:
    """The latest benefit start that counts as at least `months` months, as JobSeeker counts."""
    index = today.year * 12 + today.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])


# --- Caseloads -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseloadFilters:
    no_conversation: bool = False
    follow_up_overdue: bool = False
    obstacle_kind: str = ""
    benefit_months_min: int | None = None
    target_group: str = ""


def _last_conversation() -> QuerySet[Conversation]:
    return Conversation.objects.filter(job_seeker=OuterRef("pk")).order_by(
        "-held_on", "-created_at"
    )


def with_casework(qs: QuerySet[JobSeeker], now: dt.datetime | None = None) -> QuerySet[JobSeeker]:
    """Annotates what the caseload shows and filters on.

    Follow-up overdue: a planned appointment whose time has passed (nobody marked it held or
    not shown), or the last conversation's agreed date has passed and no appointment (planned
    or held) was made since that conversation.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    appointments = Appointment.objects.filter(job_seeker=OuterRef("pk"))
    planned = appointments.filter(status=AppointmentStatus.PLANNED)
    since_last = appointments.filter(
        status__in=[AppointmentStatus.PLANNED, AppointmentStatus.HELD],
        starts_at__date__gte=OuterRef("last_conversation_on"),
    )
    qs = qs.annotate(
        has_conversation=Exists(Conversation.objects.filter(job_seeker=OuterRef("pk"))),
        last_conversation_on=Subquery(_last_conversation().values("held_on")[:1]),
        agreed_follow_up_on=Subquery(_last_conversation().values("follow_up_on")[:1]),
        next_appointment_at=Subquery(
            planned.filter(starts_at__gte=now).order_by("starts_at").values("starts_at")[:1]
        ),
        missed_planned=Exists(planned.filter(starts_at__lt=now)),
    )
    return qs.annotate(
        no_follow_up_since=~Exists(since_last),
    ).annotate(
        follow_up_overdue=ExpressionWrapper(
            Q(missed_planned=True)
            | (Q(agreed_follow_up_on__lt=today) & Q(no_follow_up_since=True)),
            output_field=BooleanField(),
        ),
    )


def _target_group_q(group: str, today: dt.date) -> Q:
    if group == TargetGroup.LONG_TERM:
        return _benefit_q(today, LONG_TERM_MONTHS)
    if group == TargetGroup.YOUTH:
        return Q(
            date_of_birth__lte=years_before(today, YOUTH_MIN_AGE),
            date_of_birth__gt=years_before(today, YOUTH_MAX_AGE + 1),
        )
    if group == TargetGroup.OVER_55:
        return Q(date_of_birth__lte=years_before(today, SENIOR_MIN_AGE))
    if group == TargetGroup.SELF_EMPLOYED:
        return Q(benefit_type=BenefitType.SELF_EMPLOYED_SUPPORT)
    if group == TargetGroup.STATUS_HOLDER:
        return Q(is_status_holder=True)
    if group == TargetGroup.TARGET_GROUP_REGISTER:
        return Q(in_target_group_register=True)
    raise ValueError(f"unknown target group {group!r}")


def _benefit_q(today: dt.date, months: int) -> Q:
    """A benefit that still runs and started at least `months` months ago."""
    return Q(benefit_end__isnull=True, benefit_start__lte=benefit_start_cutoff(today, months))


def apply_filters(
    qs: QuerySet[JobSeeker], filters: CaseloadFilters, today: dt.date | None = None
) -> QuerySet[JobSeeker]:
    """Narrows an annotated caseload (see with_casework) by the chosen filters."""
    today = today or timezone.localdate()
    if filters.no_conversation:
        qs = qs.filter(has_conversation=False)
    if filters.follow_up_overdue:
        qs = qs.filter(follow_up_overdue=True)
    if filters.obstacle_kind:
        active = Obstacle.objects.filter(
            job_seeker=OuterRef("pk"), kind=filters.obstacle_kind, is_active=True
        )
        qs = qs.filter(Exists(active))
    if filters.benefit_months_min is not None:
        qs = qs.filter(_benefit_q(today, filters.benefit_months_min))
    if filters.target_group:
        qs = qs.filter(_target_group_q(filters.target_group, today))
    return qs


def caseload(
    user: Any, filters: CaseloadFilters | None = None, now: dt.datetime | None = None
) -> QuerySet[JobSeeker]:
    """The user's own clients, with what the caseload list shows, narrowed by the filters."""
    now = now or timezone.now()
    qs = jobseeker_queries.staff_visible_to(user).filter(case_manager=user)
    qs = apply_filters(
        with_casework(qs, now), filters or CaseloadFilters(), timezone.localdate(now)
    )
    return qs.order_by("last_name", "first_name", "pk")


# --- The team lead's overview --------------------------------------------------------------


@dataclass(frozen=True)
class CaseManagerCounts:
    case_manager: User
    total: int
    no_conversation: int
    follow_up_overdue: int
    appointments_next_week: int


@dataclass(frozen=True)
class TeamOverview:
    team: Team
    rows: list[CaseManagerCounts]


def led_teams(user: Any) -> QuerySet[Team]:
    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(memberships__user=user, memberships__role=Role.TEAM_LEAD).distinct()


def _team_case_managers(team: Team) -> QuerySet[User]:
    return (
        User.objects.filter(memberships__team=team, memberships__role=Role.CASE_MANAGER)
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def _counts_by_case_manager(user: Any, team: Team, now: dt.datetime) -> dict[int, dict[str, int]]:
    week = Appointment.objects.filter(
        job_seeker=OuterRef("pk"),
        status=AppointmentStatus.PLANNED,
        starts_at__gte=now,
        starts_at__lt=now + dt.timedelta(days=7),
    )
    qs = with_casework(
        jobseeker_queries.staff_visible_to(user).filter(
            municipality_id=team.municipality_id, case_manager__in=_team_case_managers(team)
        ),
        now,
    ).annotate(has_appointment_next_week=Exists(week))
    rows = (
        qs.order_by()
        .values("case_manager")
        .annotate(
            total=Count("pk"),
            no_conversation=Count("pk", filter=Q(has_conversation=False)),
            follow_up_overdue=Count("pk", filter=Q(follow_up_overdue=True)),
            appointments_next_week=Count("pk", filter=Q(has_appointment_next_week=True)),
        )
    )
    return {row.pop("case_manager"): row for row in rows}


def team_overview(user: Any, now: dt.datetime | None = None) -> list[TeamOverview]:
    """Per team this user leads, per case manager: how many clients and how many need action."""
    now = now or timezone.now()
    overviews = []
    for team in led_teams(user).select_related("municipality"):
        counts = _counts_by_case_manager(user, team, now)
        empty = dict.fromkeys(
            ("total", "no_conversation", "follow_up_overdue", "appointments_next_week"), 0
        )
        rows = [
            CaseManagerCounts(case_manager=manager, **counts.get(manager.pk, empty))
            for manager in _team_case_managers(team)
        ]
        overviews.append(TeamOverview(team=team, rows=rows))
    return overviews
