import pytest

from werkroute.core import geo
from werkroute.core.models import PostcodeArea


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2011", "2011"), ("2011ab", "2011AB"), (" 2011 AB ", "2011AB"), ("1941  xy", "1941XY")],
)
def test_it_normalises_dutch_postcodes(raw: str, expected: str) -> None:
    assert geo.normalise_postcode(raw) == expected


@pytest.mark.parametrize("raw", ["", "0123", "201", "20111", "2011 ABC", "ABCD", "<b>2011</b>"])
def test_it_rejects_malformed_postcodes_with_a_dutch_message(raw: str) -> None:
    with pytest.raises(geo.PostcodeError, match="geen geldige postcode"):
        geo.normalise_postcode(raw)


@pytest.mark.django_db
def test_it_locates_four_and_six_character_postcodes_at_the_area_centroid() -> None:
    PostcodeArea.objects.create(
        pc4="2011", lat=52.38, lon=4.63, place="Haarlem", municipality_code="GM0392"
    )
    for raw in ("2011", "2011 AB"):
        place = geo.locate_postcode(raw)
        assert place.point == geo.Point(52.38, 4.63)
        assert place.municipality_code == "GM0392"
    assert geo.locate_postcode("2011ab").postcode == "2011AB"


@pytest.mark.django_db
def test_it_says_which_postcode_it_does_not_know() -> None:
    with pytest.raises(geo.PostcodeError, match="9999 kennen we niet"):
        geo.locate_postcode("9999")


def test_planar_distance_agrees_with_great_circle_within_a_region() -> None:
    haarlem = geo.Point(52.3808, 4.6368)
    for lat, lon in [(52.4599, 4.6263), (52.3581, 4.5435), (52.5119, 4.6482), (52.2, 4.9)]:
        exact = geo.haversine_km(haarlem, geo.Point(lat, lon))
        assert geo.planar_km(haarlem, lat, lon) == pytest.approx(exact, rel=2e-3)


def test_haarlem_to_amsterdam_is_about_twenty_kilometres() -> None:
    distance = geo.haversine_km(geo.Point(52.3808, 4.6368), geo.Point(52.3731, 4.8922))
    assert 17 < distance < 18.5


def test_bounding_box_contains_the_circle() -> None:
    origin = geo.Point(52.38, 4.63)
    box = geo.bounding_box(origin, 10)
    assert geo.planar_km(origin, box.max_lat, origin.lon) == pytest.approx(10, rel=1e-9)
    assert geo.planar_km(origin, origin.lat, box.min_lon) == pytest.approx(10, rel=1e-9)
