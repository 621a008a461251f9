"""A small municipal world shared by the job seeker tests: two municipalities, three teams, every
role once, and a job seeker with a login, a language, an obstacle and an open correction request.
"""

from dataclasses import dataclass
from typing import Any

from django.test import Client

import pytest

from werkroute.accounts.constants import Role
from werkroute.accounts.models import User
from werkroute.accounts.tests.helpers import login_verified
from werkroute.catalogue.tests.factories import MunicipalityFactory, RegionFactory, UserFactory
from werkroute.core.models import Municipality
from werkroute.jobseekers.models import CorrectionRequest, JobSeeker, Language, Obstacle
from werkroute.jobseekers.tests.factories import (
    JobSeekerFactory,
    TeamFactory,
    make_staff,
)

TARGET_BSN = "111222333"
TARGET_LAST_NAME = "Zwanenburg"


def login(client: Client, user: User) -> Client:
    """Staff log in with their second factor when the project has it; job seekers do not."""
    is_staff_member = user.memberships.exclude(role=Role.JOB_SEEKER).exists() or user.is_superuser
    if is_staff_member:
        login_verified(client, user)
    else:
        client.force_login(user)
    return client


@dataclass
class World:
    municipality: Municipality
    other_municipality: Municipality
    target: JobSeeker
    other_seeker: JobSeeker
    users: dict[str, User | None]
    language: Language
    obstacle: Obstacle
    correction: CorrectionRequest

    def client_for(self, who: str) -> Client:
        client = Client()
        user = self.users[who]
        return login(client, user) if user is not None else client


@pytest.fixture
def world(db: Any) -> World:
    region = RegionFactory()
    municipality = MunicipalityFactory(region=region)
    other_municipality = MunicipalityFactory(region=region)
    team, other_team = (
        TeamFactory(municipality=municipality),
        TeamFactory(municipality=municipality),
    )
    far_team = TeamFactory(municipality=other_municipality)
    users: dict[str, User | None] = {
        "anonymous": None,
        "case_manager": make_staff(Role.CASE_MANAGER, municipality, team),
        "colleague": make_staff(Role.CASE_MANAGER, municipality, team),
        "team_lead": make_staff(Role.TEAM_LEAD, municipality, team),
        "other_team": make_staff(Role.CASE_MANAGER, municipality, other_team),
        "other_municipality": make_staff(Role.CASE_MANAGER, other_municipality, far_team),
        "functional_admin": make_staff(Role.FUNCTIONAL_ADMIN, municipality),
        "policy_maker": make_staff(Role.POLICY_MAKER, municipality),
        "self": UserFactory(),
        "other_seeker": UserFactory(),
    }
    target = JobSeekerFactory(
        municipality=municipality,
        case_manager=users["case_manager"],
        user=users["self"],
        bsn=TARGET_BSN,
        last_name=TARGET_LAST_NAME,
    )
    other_seeker = JobSeekerFactory(
        municipality=municipality, case_manager=users["other_team"], user=users["other_seeker"]
    )
    return World(
        municipality=municipality,
        other_municipality=other_municipality,
        target=target,
        other_seeker=other_seeker,
        users=users,
        language=Language.objects.create(job_seeker=target, language="Pools", level="B1"),
        obstacle=Obstacle.objects.create(
            job_seeker=target, kind="childcare", impact="Kan werken tussen 9 en 14 uur."
        ),
        correction=CorrectionRequest.objects.create(
            job_seeker=target, field="last_name", proposed_value="Zwanenburg-de Vries"
        ),
    )
