"""A small municipal world for the campaign tests: two municipalities, two teams, every role that
matters once, and a handful of job seekers chosen so each cohort criterion tells them apart."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.test import Client
from django.utils import timezone

import pytest

from werkroute.accounts.constants import Role
from werkroute.accounts.models import User
from werkroute.accounts.tests.helpers import login_verified
from werkroute.catalogue.tests.factories import MunicipalityFactory, RegionFactory, UserFactory
from werkroute.core.models import Municipality
from werkroute.jobseekers.constants import BenefitType
from werkroute.jobseekers.models import JobSeeker
from werkroute.jobseekers.tests.factories import JobSeekerFactory, TeamFactory, make_staff
from werkroute.outreach.cohort import CohortCriteria
from werkroute.outreach.models import Campaign
from werkroute.outreach.services import CampaignInput, create_campaign
from werkroute.outreach.tests.senders import SENDERS, RecordingSender

TARGET_BSN = "111222333"


def years_ago(years: int, days: int = 0) -> dt.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - dt.timedelta(days=days)


def months_ago(months: int) -> dt.date:
    today = timezone.localdate()
    index = today.year * 12 + today.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def login(client: Client, user: User) -> Client:
    if user.memberships.exists() or user.is_superuser:
        return login_verified(client, user)
    client.force_login(user)
    return client


@dataclass
class World:
    municipality: Municipality
    other_municipality: Municipality
    users: dict[str, User | None]
    people: dict[str, JobSeeker]

    def client_for(self, who: str) -> Client:
        user = self.users[who]
        return login(Client(), user) if user is not None else Client()

    def user(self, who: str) -> User:
        user = self.users[who]
        assert user is not None
        return user

    @property
    def case_manager(self) -> User:
        return self.user("case_manager")


@pytest.fixture(autouse=True)
def _recording_senders(settings: Any) -> None:
    settings.WERKROUTE_SENDERS = dict(SENDERS)
    RecordingSender.sent.clear()


def _people(municipality: Municipality, users: dict[str, User | None]) -> dict[str, JobSeeker]:
    mine, colleague = users["case_manager"], users["colleague"]
    other_team = users["other_team"]
    return {
        # On bijstand for two years, with every way to reach her: the target.
        "long_term": JobSeekerFactory(
            municipality=municipality,
            case_manager=mine,
            bsn=TARGET_BSN,
            first_name="Fatima",
            last_name="Zwanenburg",
            email="fatima@example.org",
            phone="0612345678",
            benefit_start=months_ago(24),
            date_of_birth=years_ago(40),
            education_level="3_mbo3",
        ),
        # On bijstand for half a year only.
        "short_term": JobSeekerFactory(
            municipality=municipality,
            case_manager=colleague,
            first_name="Bram",
            last_name="Jansen",
            email="bram@example.org",
            benefit_start=months_ago(6),
            date_of_birth=years_ago(45),
            education_level="4_mbo4",
        ),
        # 21 years old, vmbo only: youth without a start qualification.
        "youth": JobSeekerFactory(
            municipality=municipality,
            case_manager=mine,
            first_name="Sem",
            last_name="de Vries",
            benefit_start=months_ago(10),
            date_of_birth=years_ago(21),
            education_level="1_vmbo",
        ),
        # Self-employed on Bbz/Tozo, a status holder, no case manager.
        "self_employed": JobSeekerFactory(
            municipality=municipality,
            case_manager=None,
            first_name="Aylin",
            last_name="Kaya",
            benefit_type=BenefitType.SELF_EMPLOYED_SUPPORT,
            benefit_start=months_ago(20),
            date_of_birth=years_ago(35),
            is_status_holder=True,
            phone="0687654321",
        ),
        # Client of another team, in the target-group register.
        "other_team": JobSeekerFactory(
            municipality=municipality,
            case_manager=other_team,
            first_name="Ruud",
            last_name="Bakker",
            benefit_start=months_ago(30),
            date_of_birth=years_ago(58),
            in_target_group_register=True,
        ),
        # Left the benefit last month: never selected.
        "left": JobSeekerFactory(
            municipality=municipality,
            case_manager=mine,
            first_name="Els",
            last_name="Visser",
            benefit_start=months_ago(40),
            benefit_end=timezone.localdate() - dt.timedelta(days=30),
        ),
    }


@pytest.fixture
def world(db: Any) -> World:
    region = RegionFactory()
    municipality = MunicipalityFactory(
        region=region,
        name="Utrecht",
        contact_phone="14 030",
        contact_email="werk@utrecht.example",
        address="Stadsplateau 1, Utrecht",
    )
    other_municipality = MunicipalityFactory(region=region)
    team, other_team = (
        TeamFactory(municipality=municipality),
        TeamFactory(municipality=municipality),
    )
    far_team = TeamFactory(municipality=other_municipality)
    users: dict[str, User | None] = {
        "anonymous": None,
        "case_manager": make_staff(
            Role.CASE_MANAGER, municipality, team, first_name="Karin", last_name="Smit"
        ),
        "colleague": make_staff(Role.CASE_MANAGER, municipality, team),
        "team_lead": make_staff(Role.TEAM_LEAD, municipality, team),
        "other_team": make_staff(Role.CASE_MANAGER, municipality, other_team),
        "other_municipality": make_staff(Role.CASE_MANAGER, other_municipality, far_team),
        "policy_maker": make_staff(Role.POLICY_MAKER, municipality),
        "functional_admin": make_staff(Role.FUNCTIONAL_ADMIN, municipality),
        "job_seeker": UserFactory(),
    }
    people = _people(municipality, users)
    people["long_term"].user = users["job_seeker"]
    people["long_term"].save(update_fields=["user"])
    return World(municipality, other_municipality, users, people)


def make_campaign(
    world: World,
    criteria: CohortCriteria | None = None,
    *,
    channels: tuple[str, ...] = ("letter", "email", "sms"),
    start: bool = True,
    **kw: Any,
) -> Campaign:
    """A campaign made through the service, started unless start=False."""
    from werkroute.outreach.services import start_campaign

    data = CampaignInput(
        name=kw.pop("name", "Langdurig in de bijstand"),
        criteria=criteria or CohortCriteria(benefit_months_min=18),
        channels=channels,
        **kw,
    )
    campaign = create_campaign(actor=world.case_manager, municipality=world.municipality, data=data)
    if start:
        start_campaign(actor=world.case_manager, campaign=campaign)
    return campaign
