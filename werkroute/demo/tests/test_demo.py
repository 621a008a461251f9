"""The demo region generator: deterministic, complete, coherent and safe on a real database."""

import datetime as dt
from collections import Counter
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

import pytest

from werkroute.accounts.constants import Role
from werkroute.accounts.models import Membership, User
from werkroute.catalogue.constants import (
    EVENT_KINDS,
    AttendanceMode,
    OfferingKind,
    OfferingStatus,
    OrganisationKind,
    TargetGroup,
)
from werkroute.catalogue.models import Location, Offering, Organisation, OrganisationMembership
from werkroute.core.colors import MIN_CONTRAST_WITH_WHITE, contrast_with_white
from werkroute.core.geo import Point, haversine_km
from werkroute.core.models import Municipality, Neighbourhood, PostcodeArea, Region
from werkroute.demo.generator import SIZES, generate_demo
from werkroute.demo.generator.geography import MUNICIPALITIES, REGION_CODE
from werkroute.demo.generator.occupations import FIELD_WEIGHTS
from werkroute.demo.generator.users import DEMO_PASSWORD, DEMO_USERNAMES, demo_users_q
from werkroute.demo.models import DemoRun, DemoSize

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 2)
SMALL = SIZES[DemoSize.SMALL]
TARGET_FIELDS = (
    "hospitality_tourism",
    "construction_installation",
    "care_welfare",
    "transport_logistics",
    "cleaning",
    "retail",
    "production_technology",
)


def _snapshot() -> list[tuple[str, float | None, float | None]]:
    return list(Offering.objects.order_by("pk").values_list("title", "lat", "lon"))


def _location_snapshot() -> list[tuple[str, str, float, float]]:
    return list(Location.objects.order_by("pk").values_list("name", "postcode", "lat", "lon"))


@pytest.fixture
def small_demo() -> None:
    generate_demo(seed=1, size=DemoSize.SMALL, today=TODAY)


def test_same_seed_gives_the_same_demo_and_another_seed_does_not() -> None:
    generate_demo(seed=7, size=DemoSize.SMALL, today=TODAY)
    first, first_locations = _snapshot(), _location_snapshot()
    generate_demo(seed=7, size=DemoSize.SMALL, today=TODAY)
    assert _snapshot() == first
    assert _location_snapshot() == first_locations
    generate_demo(seed=8, size=DemoSize.SMALL, today=TODAY)
    assert _snapshot() != first
    assert _location_snapshot() != first_locations


def test_small_demo_has_the_promised_counts(small_demo: None) -> None:
    counts = Counter(Offering.objects.values_list("kind", flat=True))
    assert counts[OfferingKind.VACANCY] == SMALL.vacancies
    assert sum(counts[kind] for kind in EVENT_KINDS) == SMALL.events
    assert all(counts[kind] >= 8 for kind in EVENT_KINDS)
    assert counts[OfferingKind.COURSE] == SMALL.courses
    others = (
        OfferingKind.WORK_EXPERIENCE,
        OfferingKind.BASIC_JOB,
        OfferingKind.VOLUNTEERING,
        OfferingKind.SUPPORT_SERVICE,
        OfferingKind.ENTREPRENEURSHIP_SUPPORT,
    )
    assert [counts[kind] for kind in others] == [SMALL.others // 5] * 5
    assert set(counts) == set(OfferingKind.values)
    employers_only = Organisation.objects.filter(kinds=[OrganisationKind.EMPLOYER])
    assert employers_only.count() == SMALL.employers
    assert Organisation.objects.count() == SMALL.employers + SMALL.partners
    assert DemoRun.objects.get().seed == 1


def test_region_and_municipalities(small_demo: None) -> None:
    region = Region.objects.get(code=REGION_CODE)
    assert region.name == "Zuid-Kennemerland en IJmond"
    assert contrast_with_white(region.primary_colour) >= MIN_CONTRAST_WITH_WHITE
    assert region.contact_email and region.contact_phone and region.address
    region.full_clean()
    codes = sorted(region.municipalities.values_list("code", flat=True))
    assert codes == sorted(spec.code for spec in MUNICIPALITIES)
    assert PostcodeArea.objects.count() == 64
    assert Neighbourhood.objects.count() == 50
    for municipality in region.municipalities.all():
        municipality.full_clean()
        areas = PostcodeArea.objects.filter(municipality_code=municipality.code)
        mean_lat = sum(a.lat for a in areas) / len(areas)
        assert municipality.lat == pytest.approx(mean_lat, abs=1e-5)


def test_locations_lie_near_their_postcode_and_inside_the_region(small_demo: None) -> None:
    areas = {area.pc4: area for area in PostcodeArea.objects.all()}
    margin = 0.02  # degrees, about 1.5 km
    min_lat = min(a.lat for a in areas.values()) - margin
    max_lat = max(a.lat for a in areas.values()) + margin
    min_lon = min(a.lon for a in areas.values()) - margin
    max_lon = max(a.lon for a in areas.values()) + margin
    locations = Location.objects.select_related("municipality", "neighbourhood")
    assert locations.count() >= SMALL.employers + SMALL.partners
    for location in locations:
        area = areas[location.postcode[:4]]
        assert haversine_km(Point(area.lat, area.lon), Point(location.lat, location.lon)) < 5
        assert min_lat <= location.lat <= max_lat and min_lon <= location.lon <= max_lon
        assert location.city == area.place
        assert location.municipality.code == area.municipality_code
        assert location.neighbourhood.municipality_id == location.municipality_id
        location.full_clean()


def test_every_offering_is_complete_and_valid(small_demo: None) -> None:
    offerings = Offering.objects.select_related("location", "organisation")
    for offering in offerings:
        assert offering.target_groups and offering.languages and offering.join_methods
        assert offering.publish_from < TODAY
        if offering.attendance_mode == AttendanceMode.REMOTE:
            assert offering.location is None and offering.lat is None
        else:
            assert offering.lat == offering.location.lat
            assert offering.municipality_id == offering.location.municipality_id
        offering.full_clean()  # choices, vocabularies, dates, 'everyone' alone
    for organisation in Organisation.objects.all():
        organisation.full_clean()
    assert offerings.filter(attendance_mode=AttendanceMode.REMOTE).exists()
    assert offerings.exclude(status=OfferingStatus.PUBLISHED).exists()


def test_events_are_upcoming_at_sensible_hours(small_demo: None) -> None:
    events = Offering.objects.filter(kind__in=EVENT_KINDS)
    assert events.exclude(recurrence="").exists()
    for event in events:
        starts = timezone.localtime(event.starts_at)
        assert 1 <= (starts.date() - TODAY).days <= 120
        assert 9 <= starts.hour <= 19 and starts.weekday() < 6
        assert dt.timedelta(hours=2) <= event.ends_at - event.starts_at <= dt.timedelta(hours=4)
        if event.recurrence:
            assert event.recurrence_until > starts.date()
            assert event.date_until == event.recurrence_until


def test_some_offerings_are_stale_and_some_only_for_some_residents(small_demo: None) -> None:
    total = Offering.objects.count()
    stale = Offering.objects.stale(TODAY).count()
    restricted = Offering.objects.filter(open_to__isnull=False).distinct().count()
    assert 0.03 <= stale / total <= 0.2
    assert 0.03 <= restricted / total <= 0.2
    cutoff = TODAY - dt.timedelta(days=settings.CATALOGUE_STALE_AFTER_DAYS)
    assert Offering.objects.filter(last_checked_on__gte=cutoff).count() > total * 0.8
    for offering in Offering.objects.filter(open_to__isnull=False).distinct():
        assert 1 <= offering.open_to.count() <= 2


def test_demo_users_and_their_rights(small_demo: None) -> None:
    users = {user.username: user for user in User.objects.filter(username__in=DEMO_USERNAMES)}
    assert sorted(users) == sorted(DEMO_USERNAMES)
    assert all(user.check_password(DEMO_PASSWORD) for user in users.values())
    admin = users["beheerder"]
    assert admin.is_staff and admin.is_superuser
    assert Membership.objects.filter(
        user=admin, role=Role.FUNCTIONAL_ADMIN, municipality__isnull=True
    ).exists()
    local = Membership.objects.get(user=users["beheer-haarlem"])
    assert local.role == Role.FUNCTIONAL_ADMIN and local.municipality.name == "Haarlem"
    kinds = {
        "partner-uwv": OrganisationKind.PUBLIC_EMPLOYMENT_SERVICE,
        "partner-roc": OrganisationKind.SCHOOL,
        "partner-wijkteam": OrganisationKind.NEIGHBOURHOOD_TEAM,
        "werkgever": OrganisationKind.EMPLOYER,
    }
    for username, kind in kinds.items():
        membership = OrganisationMembership.objects.get(user=users[username])
        assert kind in membership.organisation.kinds
        assert membership.organisation.offerings.exists()


def test_rerun_replaces_the_demo_instead_of_adding_to_it(small_demo: None) -> None:
    generate_demo(seed=2, size=DemoSize.SMALL, today=TODAY)
    assert Region.objects.count() == 1
    assert DemoRun.objects.get().seed == 2
    assert Offering.objects.count() == SMALL.vacancies + SMALL.events + SMALL.courses + 30
    assert User.objects.count() == User.objects.filter(demo_users_q()).count()
    assert User.objects.filter(username__in=DEMO_USERNAMES).count() == len(DEMO_USERNAMES)


def test_refuses_a_database_with_real_data_and_changes_nothing() -> None:
    Region.objects.create(code="echte-regio", name="Echte regio")
    with pytest.raises(CommandError, match="Deze database bevat echte gegevens"):
        call_command("demo", size=DemoSize.SMALL, seed=1, stdout=StringIO())
    assert list(Region.objects.values_list("code", flat=True)) == ["echte-regio"]
    assert not Municipality.objects.exists()
    assert not PostcodeArea.objects.exists()
    assert not Organisation.objects.exists()
    assert not User.objects.exists()
    assert not DemoRun.objects.exists()


def test_refuses_when_a_demo_username_is_taken() -> None:
    User.objects.create_user("beheerder", password="een-echt-wachtwoord")
    with pytest.raises(CommandError, match="beheerder"):
        call_command("demo", size=DemoSize.SMALL, seed=1, stdout=StringIO())
    assert not Region.objects.exists() and not DemoRun.objects.exists()
    assert User.objects.get().check_password("een-echt-wachtwoord")


def test_city_demo_through_the_command() -> None:
    out = StringIO()
    call_command("demo", size=DemoSize.CITY, seed=1, stdout=out)
    vacancies = Offering.objects.filter(kind=OfferingKind.VACANCY)
    assert vacancies.count() >= 1500
    events = Counter(Offering.objects.filter(kind__in=EVENT_KINDS).values_list("kind", flat=True))
    assert sum(events.values()) >= 150 and len(events) == 3
    assert Offering.objects.filter(kind=OfferingKind.COURSE).count() >= 100
    partners = Organisation.objects.exclude(kinds=[OrganisationKind.EMPLOYER])
    assert partners.count() >= 60
    assert Organisation.objects.filter(kinds__has=OrganisationKind.EMPLOYER).count() >= 300
    # Every occupational field, the sectors municipalities target most.
    fields = Counter(vacancies.values_list("occupation__field__code", flat=True))
    assert set(fields) == set(FIELD_WEIGHTS)
    assert all(fields[code] >= 50 for code in TARGET_FIELDS)
    inclusive = vacancies.filter(inclusive_employer=True).count() / vacancies.count()
    assert 0.25 <= inclusive <= 0.5
    _check_requirements_fit_the_occupation(vacancies)
    text = out.getvalue()
    for expected in (*DEMO_USERNAMES, DEMO_PASSWORD, "http://127.0.0.1:8000/", "/partner/"):
        assert expected in text
    assert "/beheer/" in text


def _check_requirements_fit_the_occupation(vacancies) -> None:  # type: ignore[no-untyped-def]
    rules = {
        "forklift_driver": lambda o: "forklift" in o.certificates,
        "truck_driver": lambda o: (
            {"C", "CE"} & set(o.driving_licences) and "code95" in o.certificates
        ),
        "bus_driver": lambda o: "D" in o.driving_licences and "code95" in o.certificates,
        "security_guard": lambda o: "security_guard" in o.certificates,
        "bricklayer": lambda o: "vca_basic" in o.certificates,
        "cook": lambda o: "food_hygiene" in o.certificates,
    }
    checked = 0
    for offering in vacancies.filter(occupation__code__in=list(rules)).select_related("occupation"):
        assert rules[offering.occupation.code](offering), offering.title
        checked += 1
    assert checked >= 10
    languages = set(vacancies.exclude(language_level="").values_list("language_level", flat=True))
    assert {"A2", "B1"} <= languages
    assert vacancies.exclude(education_level="").exists()
    assert vacancies.filter(description__contains="Ervaring is niet nodig").exists()
    assert not vacancies.filter(target_groups__has=TargetGroup.SELF_EMPLOYED).exists()
