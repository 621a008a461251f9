"""Geography: postcodes to points, and distances between points.

The default geocoder looks postcodes up in the PostcodeArea table (the CBS four-digit areas,
loaded with `werkroute import-postcodes`). A six-character postcode resolves to the centre of its
four-digit area, which is precise enough for "how far is this from home". Another geocoder can be
plugged in through settings.GEOCODER without touching callers.
"""

import math
import re
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LAT = math.pi * EARTH_RADIUS_KM / 180
POSTCODE = re.compile(r"^\s*([1-9]\d{3})\s*([A-Za-z]{2})?\s*$")


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float


@dataclass(frozen=True)
class Place:
    postcode: str
    point: Point
    place: str
    municipality_code: str


class PostcodeError(ValueError):
    """A postcode that is malformed or unknown; its message is fit to show to a user."""


class Geocoder(Protocol):
    def locate(self, pc4: str) -> Place | None: ...


class PostcodeTableGeocoder:
    def locate(self, pc4: str) -> Place | None:
        from werkroute.core.models import PostcodeArea

        area = PostcodeArea.objects.filter(pc4=pc4).first()
        if area is None:
            return None
        return Place(
            postcode=pc4,
            point=Point(area.lat, area.lon),
            place=area.place,
            municipality_code=area.municipality_code,
        )


def normalise_postcode(text: str) -> str:
    """'2011 ab' -> '2011AB', '2011' -> '2011'; raises PostcodeError when it is no Dutch postcode."""
    match = POSTCODE.match(text or "")
    if not match:
        raise PostcodeError(
            _(
                "Dit is geen geldige postcode. Vul 4 cijfers in, eventueel met 2 letters: 2011 of 2011 AB."
            )
        )
    digits, letters = match.groups()
    return digits + (letters or "").upper()


def get_geocoder() -> Geocoder:
    return import_string(
        getattr(settings, "GEOCODER", "werkroute.core.geo.PostcodeTableGeocoder")
    )()


def locate_postcode(text: str) -> Place:
    postcode = normalise_postcode(text)
    place = get_geocoder().locate(postcode[:4])
    if place is None:
        raise PostcodeError(
            _("Postcode %(postcode)s kennen we niet. Controleer de postcode of kies een gemeente.")
            % {"postcode": postcode}
        )
    return Place(postcode, place.point, place.place, place.municipality_code)


def haversine_km(a: Point, b: Point) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def km_per_degree_lon(lat: float) -> float:
    return KM_PER_DEGREE_LAT * math.cos(math.radians(lat))


def planar_km(origin: Point, lat: float, lon: float) -> float:
    """Equirectangular distance: the formula the database uses to filter and sort by distance.

    Within a region (tens of km) it differs from the great-circle distance by far less than 0.1 %.
    """
    dy = (lat - origin.lat) * KM_PER_DEGREE_LAT
    dx = (lon - origin.lon) * km_per_degree_lon(origin.lat)
    return math.hypot(dx, dy)


@dataclass(frozen=True)
class BoundingBox:
    min_lat: float
    max_lat: float
    min_lon: float
    max_lon: float


def bounding_box(origin: Point, radius_km: float) -> BoundingBox:
    dlat = radius_km / KM_PER_DEGREE_LAT
    dlon = radius_km / km_per_degree_lon(origin.lat)
    return BoundingBox(origin.lat - dlat, origin.lat + dlat, origin.lon - dlon, origin.lon + dlon)
