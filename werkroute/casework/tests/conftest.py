"""A small municipal world for the casework tests: two municipalities, three teams, every role
that matters once, and a job seeker with a login, an appointment, a route step and a goal."""

from dataclasses import dataclass
from typing import Any

from django.test import Client

import pytest

from werkroute.accounts.constants import Role
from werkroute.accounts.models import Team, User
from werkroute.accounts.tests.helpers import login_verified
from werkroute.casework.models import Action, Appointment, Goal, RouteStep
from werkroute.casework.tests.factories import (
    ActionFactory,
    AppointmentFactory,
    GoalFactory,
    RouteStepFactory,
)
from werkroute.catalogue.tests.factories import MunicipalityFactory, RegionFactory, UserFactory
from werkroute.core.models import Municipality
from werkroute.jobseekers.models import JobSeeker
from werkroute.jobseekers.tests.factories import JobSeekerFactory, TeamFactory, make_staff


def login(client: Client, user: User) -> Client:
    """Staff pass their second factor; job seekers log in without one."""
    if user.memberships.exists() or user.is_superuser:
        return login_verified(client, user)
    client.force_login(user)
    return client


@dataclass
class World:
    municipality: Municipality
    other_municipality: Municipality
    team: Team
    target: JobSeeker
    other_seeker: JobSeeker
    users: dict[str, User | None]
    appointment: Appointment
    step: RouteStep
    goal: Goal
    action: Action

    def client_for(self, who: str) -> Client:
        user = self.users[who]
        return login(Client(), user) if user is not None else Client()

    @property
    def case_manager(self) -> User:
        user = self.users["case_manager"]
        assert user is not None
        return user


@pytest.fixture
def world(db: Any) -> World:
    region = RegionFactory()
    municipality = MunicipalityFactory(region=region)
    other_municipality = MunicipalityFactory(region=region)
    team = TeamFactory(municipality=municipality)
    other_team = TeamFactory(municipality=municipality)
    far_team = TeamFactory(municipality=other_municipality)
    users: dict[str, User | None] = {
        "anonymous": None,
        "case_manager": make_staff(Role.CASE_MANAGER, municipality, team),
        "colleague": make_staff(Role.CASE_MANAGER, municipality, team),
        "team_lead": make_staff(Role.TEAM_LEAD, municipality, team),
        "other_team": make_staff(Role.CASE_MANAGER, municipality, other_team),
        "other_municipality": make_staff(Role.CASE_MANAGER, other_municipality, far_team),
        "self": UserFactory(),
        "other_seeker": UserFactory(),
    }
    target = JobSeekerFactory(
        municipality=municipality,
        case_manager=users["case_manager"],
        user=users["self"],
        email="fatima@example.org",
        phone="0612345678",
    )
    other_seeker = JobSeekerFactory(
        municipality=municipality, case_manager=users["other_team"], user=users["other_seeker"]
    )
    goal = GoalFactory(job_seeker=target)
    return World(
        municipality=municipality,
        other_municipality=other_municipality,
        team=team,
        target=target,
        other_seeker=other_seeker,
        users=users,
        appointment=AppointmentFactory(job_seeker=target),
        step=RouteStepFactory(job_seeker=target, title="Sollicitatiebrief schrijven"),
        goal=goal,
        action=ActionFactory(goal=goal),
    )
