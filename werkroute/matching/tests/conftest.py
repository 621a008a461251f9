"""A small labour market: one employer near the people and one far away, four job seekers, and
staff in every role that meets matching."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.test import Client
from django.utils import timezone

import pytest

from werkroute.accounts.constants import Role
from werkroute.accounts.models import User
from werkroute.accounts.tests.helpers import login_verified
from werkroute.catalogue.constants import OfferingKind, OrganisationKind, Theme
from werkroute.catalogue.models import Offering
from werkroute.catalogue.tests.factories import (
    LocationFactory,
    MunicipalityFactory,
    OfferingFactory,
    OrganisationFactory,
    PostcodeAreaFactory,
    RegionFactory,
    UserFactory,
    make_functional_admin,
)
from werkroute.core.models import Municipality
from werkroute.jobseekers.constants import ConsentKind
from werkroute.jobseekers.models import Ambition, Consent, JobSeeker, WorkExperience
from werkroute.jobseekers.tests.factories import JobSeekerFactory, TeamFactory, make_staff
from werkroute.matching import space
from werkroute.taxonomy.models import Occupation

NEAR = (52.09, 5.12)
CLOSE_BY = (52.117, 5.12)  # 3 km north
FAR = (53.22, 6.57)  # Groningen


@dataclass
class Market:
    municipality: Municipality
    other_municipality: Municipality
    anna: JobSeeker  # wants to cook, worked in a warehouse, has a login
    bram: JobSeeker  # wants to drive a forklift, has no licence and no certificate
    carla: JobSeeker  # another team's client, consents to share her profile
    dirk: JobSeeker  # no postcode, no ambitions
    cook: Offering
    far_cook: Offering
    forklift: Offering
    warehouse: Offering
    forklift_course: Offering
    licence_course: Offering
    users: dict[str, User]

    def client_for(self, who: str) -> Client:
        user = self.users[who]
        if user.memberships.exists():
            return login_verified(Client(), user)
        client = Client()
        client.force_login(user)
        return client


def occupation(code: str) -> Occupation:
    return Occupation.objects.get(code=code)


def vacancy(location: Any, code: str, **fields: Any) -> Offering:
    return OfferingFactory(
        published=True,
        kind=OfferingKind.VACANCY,
        organisation=location.organisation,
        location=location,
        occupation=occupation(code),
        title=fields.pop("title", occupation(code).name),
        description=fields.pop("description", f"Wij zoeken een {occupation(code).name.lower()}."),
        **fields,
    )


@pytest.fixture
def market(db: Any) -> Market:
    return build_market()


def build_market() -> Market:
    space.forget()
    region = RegionFactory()
    municipality = MunicipalityFactory(region=region, lat=NEAR[0], lon=NEAR[1])
    other = MunicipalityFactory(region=region)
    PostcodeAreaFactory(pc4="3511", lat=NEAR[0], lon=NEAR[1], municipality=municipality)
    PostcodeAreaFactory(pc4="3514", lat=CLOSE_BY[0], lon=CLOSE_BY[1], municipality=municipality)
    employer = OrganisationFactory(region=region, kinds=[OrganisationKind.EMPLOYER])
    school = OrganisationFactory(region=region, kinds=[OrganisationKind.SCHOOL])
    near = LocationFactory(
        organisation=employer, municipality=municipality, lat=NEAR[0], lon=NEAR[1]
    )
    far = LocationFactory(organisation=employer, municipality=other, lat=FAR[0], lon=FAR[1])
    classroom = LocationFactory(
        organisation=school, municipality=municipality, lat=NEAR[0], lon=NEAR[1]
    )
    offerings = {
        "cook": vacancy(near, "cook", hours_min=24, hours_max=32),
        "far_cook": vacancy(far, "cook", hours_min=24, hours_max=32),
        "forklift": vacancy(
            near, "forklift_driver", driving_licences=["B"], certificates=["forklift"]
        ),
        "warehouse": vacancy(near, "warehouse_worker", inclusive_employer=True),
        "forklift_course": OfferingFactory(
            published=True,
            organisation=school,
            location=classroom,
            title="Heftruckcertificaat halen",
            description="In één dag leer je veilig rijden op een heftruck. Daarna doe je examen.",
        ),
        "licence_course": OfferingFactory(
            published=True,
            organisation=school,
            location=classroom,
            title="Rijbewijs B voor je werk",
            themes=[Theme.MOBILITY],
            description="Theorieles en rijlessen voor je rijbewijs B.",
        ),
    }
    team = TeamFactory(municipality=municipality)
    other_team = TeamFactory(municipality=municipality)
    users = {
        "case_manager": make_staff(Role.CASE_MANAGER, municipality, team),
        "other_team": make_staff(Role.CASE_MANAGER, municipality, other_team),
        "employer_adviser": make_staff(Role.EMPLOYER_ADVISER, municipality),
        "functional_admin": make_functional_admin(region, municipality),
        "policy_maker": make_staff(Role.POLICY_MAKER, municipality),
        "self": UserFactory(),
    }
    cm = users["case_manager"]
    people = {
        "anna": JobSeekerFactory(
            municipality=municipality,
            case_manager=cm,
            user=users["self"],
            postcode="3514AB",
            hours_min=24,
            hours_max=32,
            talents="Koken voor grote groepen",
        ),
        "bram": JobSeekerFactory(municipality=municipality, case_manager=cm, postcode="3511AB"),
        "carla": JobSeekerFactory(
            municipality=municipality, case_manager=users["other_team"], postcode="3511AB"
        ),
        "dirk": JobSeekerFactory(municipality=municipality, case_manager=cm, postcode=""),
    }
    Ambition.objects.create(job_seeker=people["anna"], occupation=occupation("cook"))
    WorkExperience.objects.create(
        job_seeker=people["anna"], occupation=occupation("warehouse_worker"), years=3
    )
    Ambition.objects.create(job_seeker=people["bram"], occupation=occupation("forklift_driver"))
    Ambition.objects.create(job_seeker=people["carla"], occupation=occupation("warehouse_worker"))
    Consent.objects.create(
        job_seeker=people["carla"],
        kind=ConsentKind.SHARE_PROFILE_WITH_EMPLOYERS,
        given_at=timezone.now() - dt.timedelta(days=1),
    )
    return Market(municipality, other, **people, **offerings, users=users)
