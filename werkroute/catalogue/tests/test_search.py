"""Route-map search on the database's own full-text engine (runs on SQLite and PostgreSQL)."""

import datetime as dt

from django.utils import timezone

import pytest

from werkroute.catalogue.constants import OfferingKind, OfferingStatus, SortOrder
from werkroute.catalogue.models import Location, Offering, Organisation
from werkroute.catalogue.search import SearchParams, distance_km, search_offerings
from werkroute.core import geo
from werkroute.core.models import Municipality, PostcodeArea, Region
from werkroute.taxonomy.models import Occupation

pytestmark = pytest.mark.django_db


@pytest.fixture
def region() -> Region:
    region = Region.objects.create(code="zk", name="Zuid-Kennemerland en IJmond")
    for code, name, slug, lat, lon in [
        ("GM0392", "Haarlem", "haarlem", 52.383, 4.648),
        ("GM0453", "Velsen", "velsen", 52.450, 4.629),
        ("GM0375", "Beverwijk", "beverwijk", 52.484, 4.654),
    ]:
        Municipality.objects.create(
            region=region, code=code, name=name, slug=slug, lat=lat, lon=lon
        )
    for pc4, lat, lon, place, code in [
        ("2011", 52.383, 4.633, "Haarlem", "GM0392"),
        ("1971", 52.462, 4.610, "IJmuiden", "GM0453"),
        ("1941", 52.483, 4.658, "Beverwijk", "GM0375"),
    ]:
        PostcodeArea.objects.create(pc4=pc4, lat=lat, lon=lon, place=place, municipality_code=code)
    return region


@pytest.fixture
def org(region: Region) -> Organisation:
    return Organisation.objects.create(name="Spaarne Logistiek", region=region, kinds=["employer"])


def place(org: Organisation, city: str, lat: float, lon: float) -> Location:
    municipality = Municipality.objects.filter(name__in=[city, "Velsen"]).order_by("name").first()
    if city == "Haarlem":
        municipality = Municipality.objects.get(name="Haarlem")
    return Location.objects.create(
        organisation=org,
        name=f"Vestiging {city}",
        postcode="2011AB",
        city=city,
        municipality=municipality,
        lat=lat,
        lon=lon,
    )


def offer(org: Organisation, title: str, **fields) -> Offering:  # type: ignore[no-untyped-def]
    defaults = {
        "kind": OfferingKind.VACANCY,
        "description": "Een mooie plek om te werken.",
        "target_groups": ["everyone"],
        "languages": ["nl"],
        "join_methods": ["apply"],
        "status": OfferingStatus.PUBLISHED,
        "publish_from": timezone.localdate() - dt.timedelta(days=3),
        "attendance_mode": "remote",
    }
    defaults.update(fields)
    if "location" in fields:
        defaults["attendance_mode"] = "in_person"
    return Offering.objects.create(organisation=org, title=title, **defaults)


def titles(params: SearchParams) -> list[str]:
    return [o.title for o in search_offerings(params).queryset]


def test_compound_words_are_found_by_their_parts(org: Organisation) -> None:
    offer(org, "Heftruckchauffeur gezocht")
    offer(org, "Magazijnmedewerker dagdienst")
    offer(org, "Kok in een grand café")
    assert titles(SearchParams(q="heftruck")) == ["Heftruckchauffeur gezocht"]
    assert titles(SearchParams(q="magazijn")) == ["Magazijnmedewerker dagdienst"]
    assert titles(SearchParams(q="CAFÉ")) == ["Kok in een grand café"]


def test_a_compound_query_finds_the_words_written_apart(org: Organisation) -> None:
    offer(org, "Medewerker magazijn (32 uur)")
    assert titles(SearchParams(q="magazijnmedewerker")) == ["Medewerker magazijn (32 uur)"]


def test_plural_and_singular_match_through_dutch_stemming(org: Organisation) -> None:
    offer(org, "Gratis trainingen voor werkzoekenden", kind=OfferingKind.COURSE)
    assert titles(SearchParams(q="training")) == ["Gratis trainingen voor werkzoekenden"]


def test_the_occupation_makes_a_vacancy_findable(org: Organisation) -> None:
    forklift = Occupation.objects.get(code="forklift_driver")
    offer(org, "Logistiek talent gezocht", occupation=forklift)
    assert titles(SearchParams(q="heftruck")) == ["Logistiek talent gezocht"]


def test_the_kind_is_searchable(org: Organisation) -> None:
    offer(org, "Beter solliciteren in drie ochtenden", kind=OfferingKind.APPLICATION_TRAINING)
    offer(org, "Banen in de zorg", kind=OfferingKind.VACANCY)
    assert (
        titles(SearchParams(q="sollicitatietraining"))[0] == "Beter solliciteren in drie ochtenden"
    )


def test_a_title_match_ranks_above_a_description_match(org: Organisation) -> None:
    offer(org, "Schoonmaker kantoren", description="Ook zorgtaken horen erbij.")
    offer(org, "Zorgmedewerker thuiszorg", description="Help mensen thuis.")
    assert titles(SearchParams(q="zorg"))[0] == "Zorgmedewerker thuiszorg"


def test_stale_offerings_rank_below_fresh_ones(org: Organisation) -> None:
    old = timezone.localdate() - dt.timedelta(days=400)
    offer(org, "Zorgmedewerker A", last_checked_on=old)
    offer(org, "Zorgmedewerker B")
    assert titles(SearchParams(q="zorgmedewerker")) == ["Zorgmedewerker B", "Zorgmedewerker A"]


def test_without_a_match_for_every_word_it_broadens_and_says_so(org: Organisation) -> None:
    offer(org, "Kok gezocht")
    outcome = search_offerings(SearchParams(q="kok astronaut"))
    assert outcome.broadened
    assert [o.title for o in outcome.queryset] == ["Kok gezocht"]
    assert not search_offerings(SearchParams(q="kok")).broadened


def test_a_query_of_stop_words_only_does_not_filter(org: Organisation) -> None:
    offer(org, "Kok gezocht")
    assert titles(SearchParams(q="de het een")) == ["Kok gezocht"]


def test_distance_filter_keeps_only_offerings_within_the_radius_nearest_first(
    region: Region, org: Organisation
) -> None:
    origin = geo.locate_postcode("2011")
    near = offer(org, "Dichtbij", location=place(org, "Haarlem", 52.385, 4.640))
    middle = offer(org, "Midden", location=place(org, "IJmuiden", 52.462, 4.610))
    offer(org, "Ver weg", location=place(org, "Beverwijk", 52.52, 4.70))
    offer(org, "Online cursus")
    outcome = search_offerings(SearchParams(origin=origin, radius_km=10, sort=SortOrder.DISTANCE))
    found = list(outcome.queryset)
    assert [o.pk for o in found] == [near.pk, middle.pk]
    for offering in found:
        assert distance_km(offering) == pytest.approx(
            geo.planar_km(origin.point, offering.lat, offering.lon), rel=1e-6
        )
        assert distance_km(offering) <= 10
    all_sorted = search_offerings(SearchParams(origin=origin, sort=SortOrder.DISTANCE)).queryset
    distances = [distance_km(o) for o in all_sorted]
    assert distances == sorted(distances) and len(distances) == 3


def test_offerings_for_residents_of_one_municipality_hide_from_others(
    region: Region, org: Organisation
) -> None:
    only_velsen = offer(org, "Alleen Velsen", location=place(org, "IJmuiden", 52.46, 4.61))
    only_velsen.open_to.set([Municipality.objects.get(code="GM0453")])
    offer(org, "Voor iedereen", location=place(org, "IJmuiden", 52.46, 4.61))
    from_haarlem = SearchParams(origin=geo.locate_postcode("2011"))
    from_velsen = SearchParams(origin=geo.locate_postcode("1971"))
    assert titles(from_haarlem) == ["Voor iedereen"]
    assert sorted(titles(from_velsen)) == ["Alleen Velsen", "Voor iedereen"]


def test_date_range_keeps_events_that_overlap_it(org: Organisation) -> None:
    now = timezone.now()
    offer(
        org,
        "Banenmarkt volgende week",
        kind=OfferingKind.JOB_FAIR,
        starts_at=now + dt.timedelta(days=7),
    )
    offer(
        org,
        "Banenmarkt over twee maanden",
        kind=OfferingKind.JOB_FAIR,
        starts_at=now + dt.timedelta(days=60),
    )
    offer(
        org,
        "Elke week netwerken",
        kind=OfferingKind.NETWORKING_MEETING,
        starts_at=now - dt.timedelta(days=30),
        recurrence="weekly",
    )
    offer(org, "Vacature zonder datum")
    today = timezone.localdate()
    found = titles(SearchParams(date_from=today, date_until=today + dt.timedelta(days=14)))
    assert sorted(found) == ["Banenmarkt volgende week", "Elke week netwerken"]


def test_filters_on_kind_group_theme_and_cost(org: Organisation) -> None:
    offer(org, "Jongeren", target_groups=["youth"], themes=["applying"], cost="free")
    offer(org, "Iedereen", target_groups=["everyone"], themes=["learning"], cost="paid")
    offer(org, "55 plus", target_groups=["over_55"], kind=OfferingKind.COURSE, cost="free")
    assert sorted(titles(SearchParams(target_groups=["youth"]))) == ["Iedereen", "Jongeren"]
    assert titles(SearchParams(themes=["learning"])) == ["Iedereen"]
    assert titles(SearchParams(kinds=[OfferingKind.COURSE])) == ["55 plus"]
    assert sorted(titles(SearchParams(free_only=True))) == ["55 plus", "Jongeren"]


def test_only_published_current_offerings_are_public(org: Organisation) -> None:
    today = timezone.localdate()
    offer(org, "Gepubliceerd")
    offer(org, "Concept", status=OfferingStatus.DRAFT)
    offer(org, "Gearchiveerd", status=OfferingStatus.ARCHIVED)
    offer(org, "Nog niet zichtbaar", publish_from=today + dt.timedelta(days=1))
    offer(org, "Niet meer zichtbaar", publish_until=today - dt.timedelta(days=1))
    offer(
        org,
        "Al geweest",
        kind=OfferingKind.JOB_FAIR,
        starts_at=timezone.now() - dt.timedelta(days=2),
    )
    assert titles(SearchParams()) == ["Gepubliceerd"]


def test_the_paginator_caps_the_count_and_keeps_the_ranking(
    org: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from werkroute.catalogue import search

    for n in range(5):
        offer(org, f"Kok {n}", description="kok " * (n + 1))
    monkeypatch.setattr(search, "COUNT_CAP", 3)
    outcome = search_offerings(SearchParams(q="kok"))
    paginator = search.SearchPaginator(outcome.queryset, 2)
    assert paginator.count == 4 and paginator.capped
    ranked = [o.title for o in outcome.queryset]
    assert [o.title for o in paginator.page(1)] == ranked[:2]
    assert [o.title for o in paginator.page(2)] == ranked[2:4]
    uncapped = search.SearchPaginator(search_offerings(SearchParams(q="kok 4")).queryset, 2)
    assert not uncapped.capped
