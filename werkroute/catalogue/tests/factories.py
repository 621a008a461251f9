"""Test factories for regions, organisations, offerings and the people who keep them.

Shared by every app's tests. Defaults make a valid, in-person, draft offering at a location of its
own organisation; traits switch on the common variations (published, event, stale, remote).
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone

import factory

from werkroute.accounts.constants import Role
from werkroute.accounts.models import Membership, User
from werkroute.catalogue.constants import (
    AttendanceMode,
    OfferingKind,
    OfferingStatus,
    OrganisationKind,
    OrganisationRole,
)
from werkroute.catalogue.models import Location, Offering, Organisation, OrganisationMembership
from werkroute.core.models import Municipality, Neighbourhood, PostcodeArea, Region

DEFAULT_PASSWORD = "correct-horse-battery-staple"
# Somewhere in the middle of the Netherlands; every factory place sits near it.
BASE_LAT, BASE_LON = 52.09, 5.12


def _today() -> dt.date:
    return timezone.localdate()


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"regio-{n}")
    name = factory.Sequence(lambda n: f"Regio {n}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    region = factory.SubFactory(RegionFactory)
    code = factory.Sequence(lambda n: f"GM{9000 + n % 1000:04d}")
    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")
    lat = BASE_LAT
    lon = BASE_LON


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighbourhood

    municipality = factory.SubFactory(MunicipalityFactory)
    code = factory.Sequence(lambda n: f"WK{n:06d}")
    name = factory.Sequence(lambda n: f"Wijk {n}")
    lat = factory.SelfAttribute("municipality.lat")
    lon = factory.SelfAttribute("municipality.lon")


class PostcodeAreaFactory(factory.django.DjangoModelFactory):
    """A four-digit postcode area; pass municipality= to tie it to one."""

    class Meta:
        model = PostcodeArea
        django_get_or_create = ("pc4",)

    class Params:
        municipality = None

    pc4 = factory.Sequence(lambda n: f"{1000 + n % 9000}")
    lat = BASE_LAT
    lon = BASE_LON
    place = factory.LazyAttribute(lambda o: o.municipality.name if o.municipality else "Plaats")
    municipality_code = factory.LazyAttribute(
        lambda o: o.municipality.code if o.municipality else ""
    )
    municipality_name = factory.LazyAttribute(
        lambda o: o.municipality.name if o.municipality else ""
    )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kinds = factory.LazyFunction(lambda: [OrganisationKind.WELFARE])
    region = factory.SubFactory(RegionFactory)
    email = factory.Sequence(lambda n: f"info{n}@organisatie.example")


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Locatie {n}")
    street_address = "Dorpsstraat 1"
    postcode = "3511AB"
    city = "Utrecht"
    municipality = factory.SubFactory(
        MunicipalityFactory, region=factory.SelfAttribute("..organisation.region")
    )
    lat = BASE_LAT
    lon = BASE_LON


class OfferingFactory(factory.django.DjangoModelFactory):
    """A valid draft course at a location of its organisation.

    Traits: ``published`` (public from yesterday), ``event`` (a job fair next week), ``stale``
    (last checked well past the stale limit), ``remote`` (online, no location).
    """

    class Meta:
        model = Offering
        skip_postgeneration_save = True

    class Params:
        published = factory.Trait(
            status=OfferingStatus.PUBLISHED,
            publish_from=factory.LazyFunction(lambda: _today() - dt.timedelta(days=1)),
        )
        event = factory.Trait(
            kind=OfferingKind.JOB_FAIR,
            starts_at=factory.LazyFunction(
                lambda: (timezone.now() + dt.timedelta(days=7)).replace(microsecond=0)
            ),
            ends_at=factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=3)),
        )
        stale = factory.Trait(
            last_checked_on=factory.LazyFunction(
                lambda: _today() - dt.timedelta(days=settings.CATALOGUE_STALE_AFTER_DAYS + 10)
            ),
        )
        remote = factory.Trait(attendance_mode=AttendanceMode.REMOTE, location=None)

    kind = OfferingKind.COURSE
    title = factory.Sequence(lambda n: f"Cursus {n}")
    description = "Een korte cursus om beter te leren solliciteren."
    organisation = factory.SubFactory(OrganisationFactory)
    location = factory.SubFactory(
        LocationFactory, organisation=factory.SelfAttribute("..organisation")
    )
    target_groups = factory.LazyFunction(lambda: ["everyone"])
    languages = factory.LazyFunction(lambda: ["nl"])
    join_methods = factory.LazyFunction(lambda: ["sign_up"])
    status = OfferingStatus.DRAFT


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@werkroute.example")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"Jansen {n}")
    password = factory.django.Password(DEFAULT_PASSWORD)


class OrganisationMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMembership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = OrganisationRole.STAFF


class MembershipFactory(factory.django.DjangoModelFactory):
    """A municipal role; leave municipality empty for a region-wide role."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.CASE_MANAGER
    region = factory.SubFactory(RegionFactory)
    municipality = None


def make_partner(*organisations: Organisation, **user_fields: Any) -> User:
    """A user who keeps the offerings of these organisations (one new organisation if none)."""
    user = UserFactory(**user_fields)
    for organisation in organisations or (OrganisationFactory(),):
        OrganisationMembershipFactory(user=user, organisation=organisation)
    return user


def make_functional_admin(
    region: Region, municipality: Municipality | None = None, **user_fields: Any
) -> User:
    """A functional administrator of a whole region, or of one municipality in it."""
    user = UserFactory(**user_fields)
    MembershipFactory(
        user=user, role=Role.FUNCTIONAL_ADMIN, region=region, municipality=municipality
    )
    return user
