"""The demo region on the map: region, municipalities, postcode areas and districts."""

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.text import slugify

from werkroute.core.constants import Country, NeighbourhoodKind
from werkroute.core.geo import KM_PER_DEGREE_LAT, Point, km_per_degree_lon, planar_km
from werkroute.core.models import Municipality, Neighbourhood, PostcodeArea, Region
from werkroute.core.services import read_postcode_areas, save_postcode_areas
from werkroute.demo import texts
from werkroute.demo.generator.context import Context

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
POSTCODES_CSV = DATA_DIR / "postcodes.csv"
NEIGHBOURHOODS_CSV = DATA_DIR / "neighbourhoods.csv"

REGION_CODE = "zuid-kennemerland-ijmond"
REGION_COLOUR = "#1f4e79"  # contrast 8.7 with white
MAX_OFFSET_KM = 0.57  # locations lie within 600 m of their postcode area's centre


@dataclass(frozen=True)
class MunicipalitySpec:
    code: str
    name: str
    area: str  # the part of the region people name it by
    colour: str  # every colour here has contrast >= 4.5 with white
    inhabitants: int  # rounded; weighs where organisations settle
    area_code: str  # telephone


MUNICIPALITIES = (
    MunicipalitySpec("GM0392", "Haarlem", "Zuid-Kennemerland", "#a4161a", 163_000, "023"),
    MunicipalitySpec("GM0473", "Zandvoort", "Zuid-Kennemerland", "#005a8c", 17_000, "023"),
    MunicipalitySpec("GM0397", "Heemstede", "Zuid-Kennemerland", "#2e6b30", 27_000, "023"),
    MunicipalitySpec("GM0377", "Bloemendaal", "Zuid-Kennemerland", "#6a2c70", 24_000, "023"),
    MunicipalitySpec("GM0453", "Velsen", "IJmond", "#00607a", 69_000, "0255"),
    MunicipalitySpec("GM0375", "Beverwijk", "IJmond", "#8a3b12", 43_000, "0251"),
    MunicipalitySpec("GM0396", "Heemskerk", "IJmond", "#3d4f8c", 40_000, "0251"),
)


@dataclass
class Geography:
    region: Region
    specs: list[MunicipalitySpec]
    municipalities: list[Municipality]
    postcodes: list[PostcodeArea]
    by_code: dict[str, Municipality] = field(default_factory=dict)
    spec_by_code: dict[str, MunicipalitySpec] = field(default_factory=dict)
    postcodes_by_municipality: dict[str, list[PostcodeArea]] = field(default_factory=dict)
    neighbourhoods_by_municipality: dict[str, list[Neighbourhood]] = field(default_factory=dict)

    def municipality_named(self, name: str) -> Municipality:
        return next(m for m in self.municipalities if m.name == name)

    def random_municipality(self, ctx: Context) -> Municipality:
        weights = [spec.inhabitants for spec in self.specs]
        return ctx.pick_weighted(self.municipalities, weights)

    def random_postcode(self, ctx: Context, municipality: Municipality) -> PostcodeArea:
        return ctx.pick(self.postcodes_by_municipality[municipality.code])

    def area_of(self, municipality: Municipality) -> str:
        return self.spec_by_code[municipality.code].area

    def nearest_neighbourhood(
        self, municipality: Municipality, lat: float, lon: float
    ) -> Neighbourhood | None:
        candidates = self.neighbourhoods_by_municipality.get(municipality.code, [])
        if not candidates:
            return None
        here = Point(lat, lon)
        return min(candidates, key=lambda n: planar_km(here, n.lat, n.lon))


def point_near(ctx: Context, area: PostcodeArea) -> tuple[float, float]:
    """A point spread evenly over a disc of MAX_OFFSET_KM around the area's centre."""
    distance = MAX_OFFSET_KM * math.sqrt(ctx.rng.random())
    angle = ctx.rng.uniform(0, 2 * math.pi)
    lat = area.lat + distance * math.cos(angle) / KM_PER_DEGREE_LAT
    lon = area.lon + distance * math.sin(angle) / km_per_degree_lon(area.lat)
    return round(lat, 6), round(lon, 6)


def _read_postcodes() -> list[PostcodeArea]:
    with POSTCODES_CSV.open(encoding="utf-8") as handle:
        return read_postcode_areas(handle, POSTCODES_CSV.name)


def demo_postcodes() -> list[str]:
    return [area.pc4 for area in _read_postcodes()]


def _create_region(ctx: Context) -> Region:
    return Region.objects.create(
        code=REGION_CODE,
        name=texts.REGION_NAME,
        country=Country.NETHERLANDS,
        primary_colour=REGION_COLOUR,
        contact_email=f"werk@{REGION_CODE}.example",
        contact_phone=ctx.phone("023"),
        website=f"https://www.{REGION_CODE}.example",
        address=texts.REGION_ADDRESS,
    )


def _create_municipalities(
    ctx: Context, region: Region, postcodes: dict[str, list[PostcodeArea]]
) -> list[Municipality]:
    municipalities = []
    for spec in MUNICIPALITIES:
        areas = postcodes[spec.code]
        slug = slugify(spec.name)
        municipalities.append(
            Municipality(
                region=region,
                code=spec.code,
                name=spec.name,
                slug=slug,
                lat=round(sum(a.lat for a in areas) / len(areas), 6),
                lon=round(sum(a.lon for a in areas) / len(areas), 6),
                primary_colour=spec.colour,
                contact_email=f"werk@{slug}.example",
                contact_phone=ctx.phone(spec.area_code),
                website=f"https://www.{slug}.example",
            )
        )
    return Municipality.objects.bulk_create(municipalities)


def _create_neighbourhoods(by_code: dict[str, Municipality]) -> list[Neighbourhood]:
    with NEIGHBOURHOODS_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    neighbourhoods = [
        Neighbourhood(
            municipality=by_code[row["gemeentecode"]],
            code=row["code"],
            name=row["name"],
            kind=NeighbourhoodKind.DISTRICT,
            lat=float(row["lat"]),
            lon=float(row["lon"]),
        )
        for row in rows
    ]
    return Neighbourhood.objects.bulk_create(neighbourhoods)


def build_geography(ctx: Context) -> Geography:
    postcodes = _read_postcodes()
    save_postcode_areas(postcodes)
    by_municipality: dict[str, list[PostcodeArea]] = {spec.code: [] for spec in MUNICIPALITIES}
    for area in postcodes:
        by_municipality[area.municipality_code].append(area)
    region = _create_region(ctx)
    municipalities = _create_municipalities(ctx, region, by_municipality)
    geo = Geography(
        region=region,
        specs=list(MUNICIPALITIES),
        municipalities=municipalities,
        postcodes=postcodes,
        by_code={m.code: m for m in municipalities},
        spec_by_code={spec.code: spec for spec in MUNICIPALITIES},
        postcodes_by_municipality=by_municipality,
    )
    geo.neighbourhoods_by_municipality = {m.code: [] for m in municipalities}
    for neighbourhood in _create_neighbourhoods(geo.by_code):
        geo.neighbourhoods_by_municipality[neighbourhood.municipality.code].append(neighbourhood)
    return geo
