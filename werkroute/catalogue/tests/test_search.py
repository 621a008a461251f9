"""Route-map search on the database's own full-text engine (runs on SQLite and PostgreSQL)."""

import datetime as dt

from django.db import connection
from django.utils import timezone

import pytest

from werkroute.catalogue.constants import OfferingKind, OfferingStatus, SortOrder
from werkroute.catalogue.models import Location, Offering, Organisation
from werkroute.catalogue.search import SearchParams, distance_km, search_offerings
from werkroute.core import geo
from werkroute.core.models import Municipality, PostcodeArea, Region
from werkroute.core.search_index import analyze
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


# --- The paginator's shortcuts give what the search's own ORDER BY gives ----------------------


@pytest.fixture
def catalogue(region: Region, org: Organisation) -> list[Offering]:
    """Sixty offerings with every tie the orders have to break: same place, same dates."""
    import random

    rng = random.Random(7)
    now, today = timezone.now(), timezone.localdate()
    cities = [("Haarlem", 52.383, 4.640), ("IJmuiden", 52.462, 4.610), ("Beverwijk", 52.483, 4.658)]
    locations = [place(org, city, lat, lon) for city, lat, lon in cities]
    locations += [
        place(org, "Haarlem", 52.383 + rng.uniform(-0.05, 0.05), 4.640 + rng.uniform(-0.08, 0.08))
        for _ in range(8)
    ]
    velsen = Municipality.objects.get(code="GM0453")
    offerings = []
    for n in range(60):
        fields: dict = {
            "publish_from": today - dt.timedelta(days=rng.choice([3, 3, 10, 40])),
            "last_checked_on": today - dt.timedelta(days=rng.choice([0, 5, 400])),
            "description": "Werk " * rng.randint(1, 3) + ("zorg" if n % 3 == 0 else ""),
        }
        if n % 7:
            fields["location"] = rng.choice(locations)
        if n % 4 == 0:
            fields |= {
                "kind": OfferingKind.JOB_FAIR,
                "starts_at": now + dt.timedelta(days=rng.choice([2, 2, 9, 30])),
            }
        offering = offer(org, f"Aanbod {n}", **fields)
        if n % 11 == 0:
            offering.open_to.set([velsen])
        offerings.append(offering)
    analyze(connection, ["catalogue_offering"])  # for PostgreSQL's word frequencies
    return offerings


SHORTCUT_SEARCHES = [
    {},
    {"kinds": [OfferingKind.VACANCY]},
    {"sort": SortOrder.DATE},
    {"date_from": "today", "date_until": "month"},
    {"origin": "2011", "radius_km": 5},
    {"origin": "2011", "radius_km": 5, "sort": SortOrder.DISTANCE},
    {"origin": "1971", "sort": SortOrder.DISTANCE},
    {"origin": "1941", "radius_km": 25, "sort": SortOrder.DATE},
    {"q": "werk"},
    {"q": "werk", "origin": "2011", "sort": SortOrder.DISTANCE},
    {"q": "zorg"},
    {"q": "zorg", "origin": "2011", "radius_km": 10},
    {"q": "zorg", "origin": "1971", "sort": SortOrder.DISTANCE},
]


def shortcut_params(spec: dict) -> SearchParams:
    today = timezone.localdate()
    days = {"today": 0, "month": 30}
    spec = dict(spec)
    if "origin" in spec:
        spec["origin"] = geo.locate_postcode(spec["origin"])
    for key in ("date_from", "date_until"):
        if key in spec:
            spec[key] = today + dt.timedelta(days=days[spec[key]])
    return SearchParams(**spec)


@pytest.mark.parametrize("spec", SHORTCUT_SEARCHES)
def test_the_shortcuts_give_the_keys_of_the_searchs_own_order(
    catalogue: list[Offering], spec: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    from werkroute.catalogue import search

    # Small circles, walks for any kind and a common word at this size: every way is taken.
    monkeypatch.setattr(search, "FIRST_RING_KM", 0.3)
    monkeypatch.setattr(search, "WALK_MIN_OFFERINGS", 0)
    monkeypatch.setattr(search, "COMMON_WORD_MIN_OFFERINGS", 0)
    queryset = search_offerings(shortcut_params(spec)).queryset
    shortcuts = getattr(queryset, search.SHORTCUTS)
    # `zorg` is in a third of the offerings: ranked, which on PostgreSQL takes no shortcut.
    ranked_on_postgres = spec.get("q") == "zorg" and connection.vendor == "postgresql"
    assert (shortcuts.first_keys is None) == ranked_on_postgres
    if shortcuts.first_keys is None:
        return
    for limit in (1, 4, 13, 1000):
        expected = list(queryset.values_list("pk", flat=True)[:limit])
        assert expected and shortcuts.first_keys(limit) == expected


def test_pages_come_from_the_shortcuts_with_distances(
    catalogue: list[Offering], monkeypatch: pytest.MonkeyPatch
) -> None:
    from werkroute.catalogue import search

    monkeypatch.setattr(search, "FIRST_RING_KM", 0.3)
    params = shortcut_params({"origin": "2011", "sort": SortOrder.DISTANCE})
    queryset = search_offerings(params).queryset
    paginator = search.SearchPaginator(queryset, 7)
    expected = list(queryset)
    assert paginator.count == len(expected) and not paginator.capped
    for number in paginator.page_range:
        page = list(paginator.page(number))
        assert [o.pk for o in page] == [o.pk for o in expected[(number - 1) * 7 : number * 7]]
        assert all(distance_km(o) is not None for o in page)
    # A queryset derived from the search has no shortcuts: it pages by its own query.
    assert not hasattr(queryset.filter(kind=OfferingKind.VACANCY), search.SHORTCUTS)
    # Kinds with few offerings are sorted from their own index, not walked.
    few = search_offerings(SearchParams(kinds=[OfferingKind.JOB_FAIR])).queryset
    assert getattr(few, search.SHORTCUTS).first_keys is None


def test_a_radius_search_broadens_when_no_match_within_the_radius_has_every_word(
    region: Region, org: Organisation
) -> None:
    offer(org, "Kok en astronaut", location=place(org, "Beverwijk", 52.52, 4.70))
    offer(org, "Kok gezocht", location=place(org, "Haarlem", 52.385, 4.640))
    origin = geo.locate_postcode("2011")
    outcome = search_offerings(SearchParams(q="kok astronaut", origin=origin, radius_km=5))
    assert outcome.broadened
    assert [o.title for o in outcome.queryset] == ["Kok gezocht"]


def test_an_offering_open_to_several_municipalities_shows_to_residents_of_each(
    region: Region, org: Organisation
) -> None:
    from werkroute.catalogue import search

    shared = offer(org, "Velsen en Haarlem", location=place(org, "IJmuiden", 52.46, 4.61))
    shared.open_to.set(Municipality.objects.filter(code__in=["GM0453", "GM0392"]))
    offer(org, "Alleen Beverwijk", location=place(org, "IJmuiden", 52.46, 4.61)).open_to.set(
        Municipality.objects.filter(code="GM0375")
    )
    for postcode, expected in [("2011", ["Velsen en Haarlem"]), ("1941", ["Alleen Beverwijk"])]:
        queryset = search_offerings(SearchParams(origin=geo.locate_postcode(postcode))).queryset
        assert [o.title for o in queryset] == expected
        assert [o.title for o in search.SearchPaginator(queryset, 5).page(1)] == expected


# --- Words found in most offerings filter, but do not rank -----------------------------------


def test_a_query_of_common_words_lists_its_matches_like_a_search_without_words(
    org: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from werkroute.catalogue import search

    today = timezone.localdate()
    offer(org, "Werk werk werk", publish_from=today - dt.timedelta(days=9))
    offer(org, "Zorg en werk", publish_from=today - dt.timedelta(days=1))
    offer(org, "Werk in de zorg", publish_from=today - dt.timedelta(days=5))
    offer(org, "Kok gezocht", description="Een mooie plek.")
    analyze(connection, ["catalogue_offering"])  # PostgreSQL reads the frequencies there
    monkeypatch.setattr(search, "COMMON_WORD_MIN_OFFERINGS", 0)
    # `werk` is in three of the four: it filters, and the newest comes first.
    assert titles(SearchParams(q="werk")) == ["Zorg en werk", "Werk in de zorg", "Werk werk werk"]
    # `zorg` is in two of the four, not more than half: ranked, the title match first.
    assert titles(SearchParams(q="zorg"))[0] == "Zorg en werk"
    # In a catalogue smaller than COMMON_WORD_MIN_OFFERINGS every word ranks.
    monkeypatch.setattr(search, "COMMON_WORD_MIN_OFFERINGS", 5000)
    assert titles(SearchParams(q="werk"))[0] == "Werk werk werk"


def test_document_frequencies_count_the_offerings_with_each_word(org: Organisation) -> None:
    from werkroute.catalogue.search import OFFERING_INDEX

    for n in range(4):
        offer(org, f"Heftruckchauffeur {n}", description="Rijden in het magazijn." * (n % 2))
    analyze(connection, ["catalogue_offering"])
    total, found = OFFERING_INDEX.document_frequencies(connection, ["magazijn", "astronaut"])
    assert total == 4
    assert found == {"magazijn": 2, "astronaut": 0}
