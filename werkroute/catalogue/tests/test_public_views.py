"""The public route-map pages: bad input gets a clear message, machines get JSON-LD and iCal."""

import datetime as dt
import json
import re

from django.test import Client
from django.utils import timezone

import pytest
from icalendar import Calendar

from werkroute.catalogue.constants import OfferingKind
from werkroute.catalogue.models import Location, Offering, Organisation
from werkroute.catalogue.tests.test_search import offer
from werkroute.core.models import Municipality, PostcodeArea, Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def org() -> Organisation:
    region = Region.objects.create(code="zk", name="Zuid-Kennemerland en IJmond")
    Municipality.objects.create(
        region=region, code="GM0392", name="Haarlem", slug="haarlem", lat=52.38, lon=4.64
    )
    PostcodeArea.objects.create(
        pc4="2011", lat=52.383, lon=4.633, place="Haarlem", municipality_code="GM0392"
    )
    return Organisation.objects.create(
        name="Werkplein Haarlem", region=region, kinds=["municipal_department"]
    )


@pytest.fixture
def location(org: Organisation) -> Location:
    return Location.objects.create(
        organisation=org,
        name="Werkplein",
        street_address="Zijlsingel 1",
        postcode="2011AB",
        city="Haarlem",
        municipality=Municipality.objects.get(code="GM0392"),
        lat=52.38,
        lon=4.63,
    )


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("postcode=9999", "Postcode 9999 kennen we niet"),
        ("postcode=abc", "geen geldige postcode"),
        (
            "date_from=2026-12-10&amp;date_until=2026-12-01".replace("&amp;", "&"),
            "einddatum ligt voor de begindatum",
        ),
        ("postcode=2011&radius=100000", "hoogstens 250 km"),
        ("postcode=2011&radius=-5", "minstens 1 km"),
        ("postcode=2011&radius=tien", "heel getal"),
        ("radius=10", "Vul uw postcode in om op afstand te zoeken"),
        ("sort=distance", "Vul uw postcode in om op afstand te sorteren"),
        ("q=" + "x" * 10_000, "zoekvraag is te lang"),
        ("date_from=31-31-2026", "geldige datum"),
        ("kind=spaceship", "geen beschikbare keuze"),
    ],
)
def test_bad_input_gets_a_clear_dutch_message(
    client: Client, org: Organisation, query: str, message: str
) -> None:
    response = client.get("/?" + query)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_html_in_the_query_is_shown_as_text(client: Client, org: Organisation) -> None:
    response = client.get("/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert "&lt;script&gt;" in response.content.decode()


def test_search_results_and_shareable_url(client: Client, org: Organisation) -> None:
    offer(org, "Heftruckchauffeur gezocht")
    response = client.get("/", {"q": "heftruck", "kind": "vacancy"})
    html = response.content.decode()
    assert "Heftruckchauffeur gezocht" in html
    assert "1 resultaat" in html
    assert "/kaart/?q=heftruck&amp;kind=vacancy" in html


def test_the_map_returns_geojson_points(
    client: Client, org: Organisation, location: Location
) -> None:
    offer(org, "Vacature op de kaart", location=location)
    offer(org, "Online cursus")
    data = client.get("/kaart.json").json()
    assert [f["properties"]["title"] for f in data["features"]] == ["Vacature op de kaart"]
    assert data["features"][0]["geometry"]["coordinates"] == [4.63, 52.38]
    assert client.get("/kaart.json?postcode=0000").status_code == 400


def test_a_vacancy_carries_job_posting_json_ld(
    client: Client, org: Organisation, location: Location
) -> None:
    vacancy = offer(
        org,
        "Magazijnmedewerker",
        location=location,
        hours_min=24,
        hours_max=32,
        salary_min=14,
        salary_max=16,
        salary_period="hour",
        contract_type="temporary",
    )
    data = json_ld(client.get(f"/aanbod/{vacancy.public_id}/").content.decode())
    assert data["@type"] == "JobPosting"
    assert data["hiringOrganization"]["name"] == "Werkplein Haarlem"
    assert data["jobLocation"]["address"]["addressLocality"] == "Haarlem"
    assert data["baseSalary"]["value"]["unitText"] == "HOUR"
    assert data["employmentType"] == "TEMPORARY"


def test_an_event_has_event_json_ld_and_an_ical_file(
    client: Client, org: Organisation, location: Location
) -> None:
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=5)
    fair = offer(
        org,
        "Banenmarkt Haarlem",
        kind=OfferingKind.JOB_FAIR,
        location=location,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
    )
    page = client.get(f"/aanbod/{fair.public_id}/").content.decode()
    data = json_ld(page)
    assert data["@type"] == "Event"
    assert data["startDate"] == start.isoformat()
    response = client.get(f"/aanbod/{fair.public_id}/agenda.ics")
    assert response["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Banenmarkt Haarlem"
    assert event.decoded("DTSTART") == start
    assert "Werkplein" in str(event["LOCATION"])


def test_a_recurring_event_carries_a_recurrence_rule(client: Client, org: Organisation) -> None:
    start = timezone.now() + dt.timedelta(days=1)
    meeting = offer(
        org,
        "Netwerkcafé",
        kind=OfferingKind.NETWORKING_MEETING,
        starts_at=start,
        recurrence="biweekly",
        recurrence_until=timezone.localdate() + dt.timedelta(days=90),
    )
    event = Calendar.from_ical(client.get(f"/aanbod/{meeting.public_id}/agenda.ics").content).walk(
        "VEVENT"
    )[0]
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["INTERVAL"] == [2]


def test_a_course_has_course_json_ld(client: Client, org: Organisation) -> None:
    course = offer(
        org, "VCA Basis", kind=OfferingKind.COURSE, starts_at=timezone.now() + dt.timedelta(days=9)
    )
    data = json_ld(client.get(f"/aanbod/{course.public_id}/").content.decode())
    assert data["@type"] == "Course"
    assert data["hasCourseInstance"]["courseMode"] == "online"


def test_the_ical_feed_holds_the_dated_results_of_a_search(
    client: Client, org: Organisation
) -> None:
    start = timezone.now() + dt.timedelta(days=3)
    offer(org, "Banenmarkt Zorg", kind=OfferingKind.JOB_FAIR, starts_at=start)
    offer(org, "Banenmarkt Bouw", kind=OfferingKind.JOB_FAIR, starts_at=start)
    offer(org, "Vacature zorg")
    calendar = Calendar.from_ical(client.get("/zoeken.ics", {"q": "zorg"}).content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Banenmarkt Zorg"]


def test_an_archived_or_unknown_offering_is_not_found(client: Client, org: Organisation) -> None:
    archived = offer(org, "Oud", status="archived")
    assert client.get(f"/aanbod/{archived.public_id}/").status_code == 404
    assert client.get("/aanbod/not-a-uuid/").status_code == 404
    assert client.get("/aanbod/00000000-0000-0000-0000-000000000000/agenda.ics").status_code == 404


def test_a_stale_offering_shows_its_age(client: Client, org: Organisation) -> None:
    stale = offer(
        org, "Oude vacature", last_checked_on=timezone.localdate() - dt.timedelta(days=365)
    )
    assert (
        "Dit aanbod is voor het laatst gecontroleerd"
        in client.get(f"/aanbod/{stale.public_id}/").content.decode()
    )
    assert "365 dagen niet gecontroleerd" in client.get("/").content.decode()


def test_english_is_available(client: Client, org: Organisation) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_pwa_files_are_served(client: Client, org: Organisation) -> None:
    manifest = client.get("/manifest.webmanifest")
    assert json.loads(manifest.content)["start_url"] == "/"
    assert b"fetch" in client.get("/sw.js").content
    assert client.get("/offline/").status_code == 200


def test_no_offering_is_needed_for_a_listing(client: Client, org: Organisation) -> None:
    assert Offering.objects.count() == 0
    assert "Niets gevonden" in client.get("/").content.decode()
