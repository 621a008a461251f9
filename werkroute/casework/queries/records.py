"""One person's records: their whole situation, access to one record, offerings to choose.

Records of someone else's client answer 404 exactly like records that do not exist.
"""

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from werkroute.casework.constants import AppointmentStatus, RouteStepStatus
from werkroute.casework.models import Action, Appointment, Conversation, Goal, RouteStep
from werkroute.catalogue.models import Offering
from werkroute.catalogue.search import SearchParams, search_offerings
from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.jobseekers.models import JobSeeker, Obstacle

OFFERING_CHOICES_LIMIT = 10


def _uuid_or_404(value: Any) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


# --- One person's situation ----------------------------------------------------------------


@dataclass(frozen=True)
class ObstacleGoals:
    """An active obstacle and the goals that answer it; obstacle None holds the other goals."""

    obstacle: Obstacle | None
    goals: list[Goal]


@dataclass(frozen=True)
class Situation:
    job_seeker: JobSeeker
    obstacles: list[Obstacle]
    conversations: list[Conversation]
    goals: list[Goal]
    upcoming_appointments: list[Appointment]
    past_appointments: list[Appointment]
    route_steps: list[RouteStep]

    @property
    def latest_conversation(self) -> Conversation | None:
        return self.conversations[0] if self.conversations else None

    @property
    def obstacle_goals(self) -> list[ObstacleGoals]:
        active = {o.pk for o in self.obstacles}
        groups = [
            ObstacleGoals(o, [g for g in self.goals if g.obstacle_id == o.pk])
            for o in self.obstacles
        ]
        others = [g for g in self.goals if g.obstacle_id not in active]
        if others:
            groups.append(ObstacleGoals(None, others))
        return groups


def route_plan(job_seeker: JobSeeker) -> list[RouteStep]:
    return list(
        RouteStep.objects.filter(job_seeker=job_seeker).select_related("offering__organisation")
    )


def appointments_of(job_seeker: JobSeeker) -> QuerySet[Appointment]:
    return Appointment.objects.filter(job_seeker=job_seeker).select_related("case_manager")


def situation(job_seeker: JobSeeker, now: dt.datetime | None = None) -> Situation:
    """Everything on one page: who, what stands in the way, what was agreed, what is next."""
    now = now or timezone.now()
    appointments = appointments_of(job_seeker)
    upcoming = appointments.filter(status=AppointmentStatus.PLANNED, starts_at__gte=now)
    goals = (
        Goal.objects.filter(job_seeker=job_seeker)
        .select_related("obstacle")
        .prefetch_related(Prefetch("actions", queryset=Action.objects.order_by("created_at")))
    )
    return Situation(
        job_seeker=job_seeker,
        obstacles=list(job_seeker.obstacles.filter(is_active=True).order_by("created_at")),
        conversations=list(
            Conversation.objects.filter(job_seeker=job_seeker).select_related("author")
        ),
        goals=list(goals),
        upcoming_appointments=list(upcoming),
        past_appointments=list(
            appointments.exclude(pk__in=upcoming.values("pk")).order_by("-starts_at")
        ),
        route_steps=route_plan(job_seeker),
    )


def open_route_steps(job_seeker: JobSeeker) -> QuerySet[RouteStep]:
    return RouteStep.objects.filter(
        job_seeker=job_seeker, status__in=[RouteStepStatus.PLANNED, RouteStepStatus.BUSY]
    )


# --- Access to one record ------------------------------------------------------------------


def _job_seekers(user: Any, for_write: bool) -> QuerySet[JobSeeker]:
    if for_write:
        return jobseeker_queries.staff_visible_to(user)
    return jobseeker_queries.visible_to(user)


def _first_or_404(qs: QuerySet[Any]) -> Any:
    found = qs.first()
    if found is None:
        raise Http404
    return found


def access_appointment(user: Any, public_id: Any, *, for_write: bool = False) -> Appointment:
    return _first_or_404(
        Appointment.objects.select_related("job_seeker").filter(
            public_id=_uuid_or_404(public_id), job_seeker__in=_job_seekers(user, for_write)
        )
    )


def access_route_step(user: Any, public_id: Any, *, for_write: bool = False) -> RouteStep:
    return _first_or_404(
        RouteStep.objects.select_related("job_seeker", "offering").filter(
            public_id=_uuid_or_404(public_id), job_seeker__in=_job_seekers(user, for_write)
        )
    )


def access_goal(user: Any, public_id: Any, *, for_write: bool = False) -> Goal:
    return _first_or_404(
        Goal.objects.select_related("job_seeker", "obstacle").filter(
            public_id=_uuid_or_404(public_id), job_seeker__in=_job_seekers(user, for_write)
        )
    )


def access_action(user: Any, public_id: Any, *, for_write: bool = False) -> Action:
    return _first_or_404(
        Action.objects.select_related("goal__job_seeker").filter(
            public_id=_uuid_or_404(public_id),
            goal__job_seeker__in=_job_seekers(user, for_write),
        )
    )


def owner_public_id(model: type[Any], public_id: Any) -> uuid.UUID | None:
    """Unscoped: whose record this is, for the audit of refused attempts only; never shown."""
    try:
        key = uuid.UUID(str(public_id))
    except ValueError:
        return None
    path = "goal__job_seeker__public_id" if model is Action else "job_seeker__public_id"
    return model.objects.filter(public_id=key).values_list(path, flat=True).first()


# --- The catalogue, for route steps --------------------------------------------------------


def find_offerings(q: str, limit: int = OFFERING_CHOICES_LIMIT) -> list[Offering]:
    """Public offerings matching the words, best first; nothing without words."""
    if not q.strip():
        return []
    return list(search_offerings(SearchParams(q=q)).queryset[:limit])
