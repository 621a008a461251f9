"""A labour market with two employers: the market's own (with the vacancies) and a rival."""

from dataclasses import dataclass
from typing import Any

from django.test import Client

import pytest

from werkroute.accounts.constants import Role
from werkroute.accounts.models import User
from werkroute.accounts.tests.helpers import login_verified
from werkroute.catalogue.constants import OfferingKind, OrganisationKind
from werkroute.catalogue.models import Offering, Organisation
from werkroute.catalogue.tests.factories import (
    LocationFactory,
    OfferingFactory,
    OrganisationFactory,
    make_partner,
)
from werkroute.employers import services
from werkroute.employers.models import Proposal
from werkroute.jobseekers.tests.factories import make_staff
from werkroute.matching.tests.conftest import Market, build_market


@dataclass
class World:
    market: Market
    employer: Organisation
    rival: Organisation
    rival_vacancy: Offering
    employer_staff: User
    rival_staff: User
    region_adviser: User

    @property
    def users(self) -> dict[str, User]:
        return self.market.users

    def client_for(self, user: User) -> Client:
        return login_verified(Client(), user)

    def propose(
        self, who: str = "case_manager", person: str = "anna", vacancy: str = "cook"
    ) -> Proposal:
        return services.propose_candidate(
            actor=self.users[who],
            job_seeker=getattr(self.market, person),
            offering=getattr(self.market, vacancy),
            motivation="Kookt graag voor grote groepen.",
        )


def build_world() -> World:
    market = build_market()
    employer = market.cook.organisation
    employer.kvk_number = "12345678"
    employer.save()
    rival = OrganisationFactory(
        region=market.municipality.region, kinds=[OrganisationKind.EMPLOYER]
    )
    location = LocationFactory(organisation=rival, municipality=market.municipality)
    rival_vacancy = OfferingFactory(
        published=True,
        kind=OfferingKind.VACANCY,
        organisation=rival,
        location=location,
        title="Afwasser",
    )
    region_adviser = make_staff(Role.EMPLOYER_ADVISER, market.other_municipality)
    return World(
        market=market,
        employer=employer,
        rival=rival,
        rival_vacancy=rival_vacancy,
        employer_staff=make_partner(employer, first_name="Erik", last_name="Werkgever"),
        rival_staff=make_partner(rival, first_name="Rita", last_name="Concurrent"),
        region_adviser=region_adviser,
    )


@pytest.fixture
def world(db: Any) -> World:
    return build_world()
