"""Test factories for job seekers and the staff who work with them.

BSNs are generated so that they pass the elfproef; each factory call gets a new one. Pass
`bsn="..."` to choose one. The file is encrypted and hashed the way the services do it.
"""

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone

import factory

from werkroute.accounts.constants import Role
from werkroute.accounts.models import Team, User
from werkroute.catalogue.tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
)
from werkroute.core.audit.crypto import encrypt_subject_id, subject_hash
from werkroute.core.models import Municipality
from werkroute.jobseekers.models import JobSeeker

BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)
_bsn_numbers = itertools.count(10_000_000)


def bsn_from(prefix: int) -> str | None:
    """The BSN with these first eight digits, or None when no ninth digit makes it valid."""
    digits = f"{prefix:08d}"
    check = sum(int(d) * w for d, w in zip(digits, BSN_WEIGHTS, strict=True)) % 11
    return None if check == 10 else digits + str(check)


def next_bsn() -> str:
    while True:
        bsn = bsn_from(next(_bsn_numbers) * 7 % 90_000_000 + 10_000_000)
        if bsn:
            return bsn


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class JobSeekerFactory(factory.django.DjangoModelFactory):
    """A registered job seeker on social assistance for two years, without a login."""

    class Meta:
        model = JobSeeker

    class Params:
        bsn = factory.LazyFunction(next_bsn)

    municipality = factory.SubFactory(MunicipalityFactory)
    first_name = "Fatima"
    last_name = factory.Sequence(lambda n: f"Vermeulen-{n:04d}")
    date_of_birth = dt.date(1984, 5, 17)
    bsn_encrypted = factory.LazyAttribute(lambda o: encrypt_subject_id(o.bsn))
    bsn_hash = factory.LazyAttribute(lambda o: subject_hash(o.bsn))
    postcode = "3511AB"
    benefit_start = factory.LazyFunction(
        lambda: timezone.localdate().replace(day=1) - dt.timedelta(days=730)
    )


def make_staff(
    role: str, municipality: Municipality, team: Team | None = None, **user_fields: Any
) -> User:
    """A user with one municipal role (case manager, team lead, ...), optionally in a team."""
    user = UserFactory(**user_fields)
    MembershipFactory(
        user=user, role=role, region=municipality.region, municipality=municipality, team=team
    )
    return user


def make_case_manager(municipality: Municipality, team: Team | None = None, **kw: Any) -> User:
    return make_staff(Role.CASE_MANAGER, municipality, team, **kw)


def make_job_seeker_with_login(**fields: Any) -> JobSeeker:
    """A job seeker who can log in to the self-service pages."""
    return JobSeekerFactory(user=UserFactory(), **fields)
