"""Browser-test fixtures: a live server, a Dutch browser context and a small realistic region."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

import pytest
from playwright.sync_api import ConsoleMessage, Error, Page, expect
from pytest_django.live_server_helper import LiveServer

from werkroute.catalogue.constants import OfferingKind, Recurrence
from werkroute.catalogue.models import Location, Offering, Organisation
from werkroute.catalogue.tests.test_search import offer
from werkroute.core.models import Municipality, PostcodeArea, Region
from werkroute.taxonomy.models import Occupation, OccupationalField

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
# Playwright's expect() and waits: generous enough for a loaded CI machine, far below a hang.
TIMEOUT_MS = 10_000
# Console noise that says nothing about the page: the browser asking for a favicon, and tiles
# (MAP_TILE_URL is empty in the test settings, so none should be requested at all).
NOISE = ("favicon.ico", "tile.openstreetmap.org")

expect.set_options(timeout=TIMEOUT_MS)


def _flushes_the_database(item: pytest.Item) -> bool:
    names = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    return (
        "live_server" in names
        or "transactional_db" in names
        or bool(marker and marker.kwargs.get("transaction"))
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests that flush the database after all others, as Django and pytest-django intend.

    pytest-django sorts them last, but pytest then regroups tests by pytest-playwright's
    session-scoped ``browser_name`` parameter, pulling the browser tests forward. Their flush
    empties what migrations loaded (occupations, processing activities ...), which later tests
    in the same process (or xdist worker) rely on. This keeps the relative order otherwise.
    """
    items[:] = sorted(items, key=_flushes_the_database)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict, live_server: LiveServer) -> dict:
    """Every page talks Dutch in Dutch time, against this worker's live server."""
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "locale": "nl-NL",
        "timezone_id": "Europe/Amsterdam",
        "viewport": DESKTOP,
    }


@pytest.fixture(autouse=True)
def _playwright_timeouts(request: pytest.FixtureRequest) -> None:
    if "page" in request.fixturenames:
        page: Page = request.getfixturevalue("page")
        page.set_default_timeout(TIMEOUT_MS)
        page.set_default_navigation_timeout(TIMEOUT_MS)


class BrowserErrors:
    """Collects console errors (CSP violations land there) and uncaught exceptions of a page."""

    def __init__(self, page: Page) -> None:
        self.messages: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", self._on_page_error)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        where = message.location.get("url", "") if message.location else ""
        text = f"{message.text} ({where})" if where else message.text
        if not any(noise in text for noise in NOISE):
            self.messages.append(text)

    def _on_page_error(self, error: Error) -> None:
        self.messages.append(f"uncaught {error.name}: {error.message}")

    def take(self) -> list[str]:
        """The errors since the last call, forgetting them."""
        taken, self.messages = self.messages, []
        return taken


@pytest.fixture
def browser_errors(page: Page) -> BrowserErrors:
    return BrowserErrors(page)


@dataclass
class RouteData:
    region: Region
    organisation: Organisation
    vacancy: Offering
    job_fair: Offering
    training: Offering
    course: Offering
    support: Offering
    stale: Offering


def _occupation() -> Occupation:
    """The built-in forklift driver (migrations load it; a flushed database no longer has it)."""
    field, _ = OccupationalField.objects.get_or_create(
        code="logistics", defaults={"name": "Logistiek", "name_en": "Logistics"}
    )
    occupation, _ = Occupation.objects.get_or_create(
        code="forklift_driver",
        defaults={
            "name": "Heftruckchauffeur",
            "isco08": "8344",
            "field": field,
            "synonyms": "heftruckbestuurder\nvorkheftruckchauffeur",
        },
    )
    return occupation


@pytest.fixture
def route_data(transactional_db: None, live_server: LiveServer) -> Iterator[RouteData]:
    """A small labour-market region with an offering of every sort a job seeker meets."""
    region = Region.objects.create(
        code="zk",
        name="Zuid-Kennemerland en IJmond",
        contact_email="routekaart@zk.example",
        contact_phone="023 511 51 15",
        address="Zijlsingel 1, 2013 DN Haarlem",
    )
    towns = {}
    for code, name, slug, lat, lon in [
        ("GM0392", "Haarlem", "haarlem", 52.383, 4.648),
        ("GM0453", "Velsen", "velsen", 52.460, 4.629),
        ("GM0375", "Beverwijk", "beverwijk", 52.484, 4.654),
    ]:
        towns[slug] = Municipality.objects.create(
            region=region, code=code, name=name, slug=slug, lat=lat, lon=lon
        )
    for pc4, lat, lon, place, code in [
        ("2011", 52.383, 4.633, "Haarlem", "GM0392"),
        ("1971", 52.462, 4.610, "IJmuiden", "GM0453"),
        ("1941", 52.483, 4.658, "Beverwijk", "GM0375"),
    ]:
        PostcodeArea.objects.create(pc4=pc4, lat=lat, lon=lon, place=place, municipality_code=code)
    org = Organisation.objects.create(
        name="Werkplein Zuid-Kennemerland",
        region=region,
        kinds=["municipal_department"],
        website="https://werkplein.example",
        email="info@werkplein.example",
    )
    haarlem = Location.objects.create(
        organisation=org,
        name="Werkplein Haarlem",
        street_address="Zijlsingel 1",
        postcode="2013DN",
        city="Haarlem",
        municipality=towns["haarlem"],
        lat=52.3840,
        lon=4.6400,
        accessibility="Rolstoeltoegankelijk, lift aanwezig",
    )
    ijmuiden = Location.objects.create(
        organisation=org,
        name="Werkplein IJmuiden",
        street_address="Plein 1945 nr. 1",
        postcode="1971GC",
        city="IJmuiden",
        municipality=towns["velsen"],
        lat=52.4590,
        lon=4.6160,
    )
    now = timezone.now().replace(second=0, microsecond=0)
    today = timezone.localdate()
    data = RouteData(
        region=region,
        organisation=org,
        vacancy=offer(
            org,
            "Heftruckchauffeur",
            description="Je rijdt met de heftruck in ons magazijn in Haarlem. Rijbewijs nodig.",
            occupation=_occupation(),
            location=haarlem,
            hours_min=32,
            hours_max=38,
            contract_type="temporary",
            salary_min=Decimal("2600"),
            salary_max=Decimal("3000"),
            salary_period="month",
            signup_url="https://werkplein.example/vacatures/heftruck",
            contact_phone="023 511 51 15",
            contact_email="vacatures@werkplein.example",
            driving_licences=["B"],
            certificates=["forklift"],
        ),
        job_fair=offer(
            org,
            "Banenmarkt IJmond",
            kind=OfferingKind.JOB_FAIR,
            description="Veertig werkgevers uit de IJmond zoeken nieuwe collega's.",
            location=ijmuiden,
            starts_at=now + dt.timedelta(days=14),
            ends_at=now + dt.timedelta(days=14, hours=3),
            join_methods=["walk_in"],
            themes=["finding_work", "networking"],
        ),
        training=offer(
            org,
            "Beter solliciteren in drie ochtenden",
            kind=OfferingKind.APPLICATION_TRAINING,
            description="Schrijf een goede brief en oefen het gesprek.",
            location=haarlem,
            starts_at=now + dt.timedelta(days=7),
            ends_at=now + dt.timedelta(days=7, hours=3),
            recurrence=Recurrence.WEEKLY,
            recurrence_until=today + dt.timedelta(days=21),
            join_methods=["sign_up"],
            capacity=12,
        ),
        course=offer(
            org,
            "Cursus digitale vaardigheden",
            kind=OfferingKind.COURSE,
            description="Leer werken met e-mail, DigiD en online solliciteren.",
            location=haarlem,
            join_methods=["sign_up"],
            themes=["digital_skills"],
        ),
        support=offer(
            org,
            "Budgetcoach online",
            kind=OfferingKind.SUPPORT_SERVICE,
            description="Hulp bij geld en schulden, via videobellen.",
            join_methods=["sign_up"],
            themes=["money_debts"],
            opening_hours="ma–vr 9.00–17.00",
        ),
        stale=offer(
            org,
            "Magazijnmedewerker dagdienst",
            description="Orders verzamelen en inpakken.",
            location=ijmuiden,
            last_checked_on=today - dt.timedelta(days=400),
        ),
    )
    yield data
