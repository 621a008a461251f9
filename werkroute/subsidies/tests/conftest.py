"""A small world for the subsidies pages: a municipality with a case manager, an employer with a
vacancy, a job seeker in the target group register, and someone from another region."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.test import Client
from django.utils import timezone

import pytest

from werkroute.accounts.constants import Role
from werkroute.accounts.models import User
from werkroute.accounts.tests.helpers import login_verified
from werkroute.catalogue.constants import ContractType, OfferingKind, OrganisationKind, SalaryPeriod
from werkroute.catalogue.models import Offering
from werkroute.catalogue.tests.factories import (
    LocationFactory,
    MunicipalityFactory,
    OfferingFactory,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
    make_partner,
)
from werkroute.jobseekers.models import JobSeeker
from werkroute.jobseekers.tests.factories import JobSeekerFactory, make_staff


@dataclass
class World:
    case_manager: User
    employer: User
    job_seeker_user: User
    anna: JobSeeker  # the case manager's client, 58, in the register, 40 months on bijstand
    stranger: JobSeeker  # a client in another region
    vacancy: Offering  # 32 hours, temporary contract, € 15 an hour

    def client_for(self, user: User) -> Client:
        if user.memberships.exists() or user.organisation_memberships.exists():
            return login_verified(Client(), user)
        client = Client()
        client.force_login(user)
        return client


def years_ago(years: int, today: dt.date) -> dt.date:
    return today.replace(day=1, year=today.year - years) - dt.timedelta(days=1)


def months_ago(months: int, today: dt.date) -> dt.date:
    index = today.year * 12 + today.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


@pytest.fixture
def world(db: Any) -> World:
    today = timezone.localdate()
    region = RegionFactory()
    municipality = MunicipalityFactory(region=region)
    case_manager = make_staff(Role.CASE_MANAGER, municipality)
    employer_organisation = OrganisationFactory(region=region, kinds=[OrganisationKind.EMPLOYER])
    employer = make_partner(employer_organisation)
    job_seeker_user = UserFactory()
    anna = JobSeekerFactory(
        municipality=municipality,
        case_manager=case_manager,
        user=job_seeker_user,
        first_name="Anna",
        date_of_birth=years_ago(58, today),
        benefit_start=months_ago(40, today),
        in_target_group_register=True,
    )
    stranger = JobSeekerFactory(municipality=MunicipalityFactory(region=RegionFactory()))
    location = LocationFactory(organisation=employer_organisation, municipality=municipality)
    vacancy = OfferingFactory(
        published=True,
        kind=OfferingKind.VACANCY,
        organisation=employer_organisation,
        location=location,
        title="Medewerker groenonderhoud",
        hours_min=32,
        hours_max=36,
        contract_type=ContractType.TEMPORARY,
        salary_min=Decimal("15.00"),
        salary_period=SalaryPeriod.HOUR,
    )
    return World(case_manager, employer, job_seeker_user, anna, stranger, vacancy)
