"""The organisations of the demo region and where they are: partners first, then employers."""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.text import slugify

from werkroute.catalogue.constants import OrganisationKind
from werkroute.catalogue.models import Location, Organisation
from werkroute.core.geo import Point, planar_km
from werkroute.core.models import Municipality, Neighbourhood, PostcodeArea
from werkroute.demo import texts
from werkroute.demo.generator.context import Context, SizeSpec, upper_first
from werkroute.demo.generator.geography import Geography, point_near
from werkroute.demo.generator.occupations import FIELD_WEIGHTS, Taxonomy

POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
MUNICIPAL_DESK = "Gemeente {municipality} – Werk en Inkomen"
EMPLOYER_SERVICE_POINT = "Werkgeversservicepunt Zuid-Kennemerland en IJmond"
EMPLOYER_VOLUME = (1, 1, 1, 2, 2, 3, 5, 8)  # relative number of vacancies per employer


@dataclass
class PartnerSpec:
    name: str
    kinds: tuple[str, ...]
    home: Municipality
    hires: tuple[str, ...] = ()
    neighbourhood: Neighbourhood | None = None


@dataclass(eq=False)  # compared by identity: two actors are never "equal"
class Actor:
    """An organisation together with what the generator needs to know to give it offerings."""

    organisation: Organisation
    home: Municipality
    locations: list[Location] = field(default_factory=list)
    hiring_field: str = ""  # the occupational field it mainly hires in; "" if it does not hire
    hires: list[str] = field(default_factory=list)  # occupation codes it hires for
    inclusive: bool = False
    volume: int = 1

    def has_any(self, kinds: tuple[str, ...]) -> bool:
        return any(kind in self.organisation.kinds for kind in kinds)


@dataclass
class Cast:
    partners: list[Actor]  # everything that is more than an employer, municipal desks included
    employers: list[Actor]  # organisations that are only an employer

    def with_kinds(self, *kinds: str) -> list[Actor]:
        return [actor for actor in self.partners if actor.has_any(kinds)]

    def providers(self, name_parts: tuple[str, ...], fallback: list[Actor]) -> list[Actor]:
        """Partners whose name shows they offer something (a 'Taalhuis' gives language help)."""
        named = [
            actor
            for actor in self.partners
            if any(part in actor.organisation.name for part in name_parts)
        ]
        return named or fallback

    @property
    def municipal_desks(self) -> list[Actor]:
        return [a for a in self.with_kinds(OrganisationKind.MUNICIPAL_DEPARTMENT) if a.locations]

    @property
    def hiring_partners(self) -> list[Actor]:
        return [actor for actor in self.partners if actor.hiring_field]

    @property
    def all(self) -> list[Actor]:
        return self.partners + self.employers


def _partner_specs(ctx: Context, geo: Geography) -> Iterator[PartnerSpec]:
    """Every partner the demo knows, most important first; the size takes as many as it needs."""
    for municipality in geo.municipalities:
        yield PartnerSpec(
            MUNICIPAL_DESK.format(municipality=municipality.name),
            (OrganisationKind.MUNICIPAL_DEPARTMENT,),
            municipality,
        )
    yield PartnerSpec(
        EMPLOYER_SERVICE_POINT,
        (OrganisationKind.MUNICIPAL_DEPARTMENT,),
        geo.municipality_named("Haarlem"),
    )
    named_teams: set[str] = set()  # only asked 'is this in it?', never iterated
    for name, kinds, home, hires in texts.PARTNER_TEMPLATES:
        spec = PartnerSpec(name, kinds, geo.municipality_named(home), hires)
        if OrganisationKind.NEIGHBOURHOOD_TEAM in kinds:
            spec.neighbourhood = _neighbourhood_named(geo, spec.home, name.split()[-1])
            named_teams.add(name)
        yield spec
    for municipality in geo.municipalities:
        for neighbourhood in geo.neighbourhoods_by_municipality[municipality.code]:
            label = (
                municipality.name if neighbourhood.name.startswith("Wijk ") else neighbourhood.name
            )
            name = texts.NEIGHBOURHOOD_TEAM_NAME.format(neighbourhood=label)
            if name not in named_teams:
                named_teams.add(name)
                yield PartnerSpec(
                    name, (OrganisationKind.NEIGHBOURHOOD_TEAM,), municipality, (), neighbourhood
                )
    while True:
        template, kinds = ctx.pick(texts.EXTRA_PARTNER_NAMES)
        name = template.format(name=upper_first(ctx.fake.last_name()))
        yield PartnerSpec(name, kinds, geo.random_municipality(ctx))


def _neighbourhood_named(
    geo: Geography, municipality: Municipality, name: str
) -> Neighbourhood | None:
    for neighbourhood in geo.neighbourhoods_by_municipality[municipality.code]:
        if neighbourhood.name == name:
            return neighbourhood
    return None


def _contact(ctx: Context, geo: Geography, name: str, home: Municipality) -> dict[str, str]:
    slug = slugify(name)[:60].strip("-")
    return {
        "website": f"https://www.{slug}.example",
        "email": f"info@{slug}.example",
        "phone": ctx.phone(geo.spec_by_code[home.code].area_code),
    }


def _description(kinds: tuple[str, ...], geo: Geography, spec: PartnerSpec) -> str:
    neighbourhood = spec.neighbourhood.name if spec.neighbourhood else spec.home.name
    return texts.ORGANISATION_DESCRIPTIONS[kinds[0]].format(
        municipality=spec.home.name,
        place=spec.home.name,
        neighbourhood=neighbourhood,
        area=geo.area_of(spec.home),
    )


def _build_partners(ctx: Context, geo: Geography, count: int, taxonomy: Taxonomy) -> list[Actor]:
    actors = []
    specs = _partner_specs(ctx, geo)
    for _index in range(count):
        spec = next(specs)
        organisation = Organisation(
            public_id=ctx.public_id(),
            name=spec.name,
            kinds=list(spec.kinds),
            region=geo.region,
            description=_description(spec.kinds, geo, spec),
            **_contact(ctx, geo, spec.name, spec.home),
        )
        actor = Actor(organisation, spec.home, hires=taxonomy.known(spec.hires))
        if actor.hires:
            actor.hiring_field = taxonomy.field_of(actor.hires[0])
            actor.inclusive = ctx.chance(0.8)  # social enterprises mostly are
            actor.volume = 2
        actor.locations = _plan_locations(ctx, geo, actor, spec.neighbourhood)
        actors.append(actor)
    return actors


def _employer_type(ctx: Context, hiring_field: str) -> tuple[str, list[str]]:
    """A kind of company in the field: its name word ("" for a plain company) and its jobs."""
    types = texts.EMPLOYER_TYPES[hiring_field]
    if ctx.chance(0.35):
        every = [code for _word, codes in types for code in codes]
        return "", list(dict.fromkeys(every))  # ordered and without repeats
    word, codes = ctx.pick_weighted(types, [len(codes) for _word, codes in types])
    return word, list(codes)


def _employer_name(ctx: Context, word: str, place: str, used: set[str]) -> str:
    surname = upper_first(ctx.fake.last_name())
    roll = ctx.rng.random()
    if word:
        name = f"{word} {surname}"
    elif roll < 0.7:
        name = f"{surname} {ctx.pick(texts.COMPANY_SUFFIXES)}"
    else:
        name = f"{surname} & {upper_first(ctx.fake.last_name())}"
    unique, number = f"{name} {place}" if name in used else name, 2
    while unique in used:  # only a membership test: the set is never iterated
        unique, number = f"{name} {place} {number}", number + 1
    used.add(unique)
    return unique


def _build_employers(ctx: Context, geo: Geography, count: int, taxonomy: Taxonomy) -> list[Actor]:
    fields = list(FIELD_WEIGHTS)
    ctx.rng.shuffle(fields)  # the first employers cover every field once
    used: set[str] = set()
    actors = []
    for index in range(count):
        if index < len(fields):
            hiring_field = fields[index]
        else:
            hiring_field = ctx.pick_weighted(list(FIELD_WEIGHTS), list(FIELD_WEIGHTS.values()))
        word, hires = _employer_type(ctx, hiring_field)
        hires = taxonomy.known(hires)
        home = geo.random_municipality(ctx)
        name = _employer_name(ctx, word, home.name, used)
        organisation = Organisation(
            public_id=ctx.public_id(),
            name=name,
            kinds=[OrganisationKind.EMPLOYER],
            region=geo.region,
            description=texts.ORGANISATION_DESCRIPTIONS[OrganisationKind.EMPLOYER].format(
                place=home.name
            ),
            sector_id=taxonomy.by_code[hires[0]].sector_id,
            **_contact(ctx, geo, name, home),
        )
        actor = Actor(organisation, home, hiring_field=hiring_field, hires=hires)
        actor.inclusive = ctx.chance(0.35)
        actor.volume = ctx.pick(EMPLOYER_VOLUME)
        actor.locations = _plan_locations(ctx, geo, actor, None)
        actors.append(actor)
    return actors


def _location_count(ctx: Context, actor: Actor) -> int:
    kinds = actor.organisation.kinds
    if (
        OrganisationKind.MUNICIPAL_DEPARTMENT in kinds
        or OrganisationKind.NEIGHBOURHOOD_TEAM in kinds
    ):
        return 1
    return ctx.pick_weighted((1, 2, 3), (65, 25, 10))


def _nearest_postcode(geo: Geography, municipality: Municipality, point: Point) -> PostcodeArea:
    areas = geo.postcodes_by_municipality[municipality.code]
    return min(areas, key=lambda area: planar_km(point, area.lat, area.lon))


def _plan_locations(
    ctx: Context, geo: Geography, actor: Actor, neighbourhood: Neighbourhood | None
) -> list[Location]:
    """1-3 locations: the first in the home municipality, the others anywhere in the region."""
    locations = []
    for index in range(_location_count(ctx, actor)):
        municipality = actor.home if index == 0 else geo.random_municipality(ctx)
        if index == 0 and neighbourhood is not None:
            area = _nearest_postcode(geo, municipality, Point(neighbourhood.lat, neighbourhood.lon))
        else:
            area = geo.random_postcode(ctx, municipality)
        locations.append(_location(ctx, geo, actor.organisation, area, index))
    return locations


def _location(
    ctx: Context, geo: Geography, organisation: Organisation, area: PostcodeArea, index: int
) -> Location:
    lat, lon = point_near(ctx, area)
    municipality = geo.by_code[area.municipality_code]
    name = organisation.name
    if index:
        name = texts.LOCATION_EXTRA_NAME.format(organisation=organisation.name, place=area.place)
    letters = "".join(ctx.pick(POSTCODE_LETTERS) for _letter in range(2))
    return Location(
        organisation=organisation,
        name=name[:200],
        street_address=f"{ctx.fake.street_name()} {ctx.rng.randint(1, 240)}",
        postcode=f"{area.pc4}{letters}",
        city=area.place,
        municipality=municipality,
        neighbourhood=geo.nearest_neighbourhood(municipality, lat, lon),
        lat=lat,
        lon=lon,
        accessibility=ctx.pick(texts.ACCESSIBILITY_NOTES),
    )


def build_cast(ctx: Context, geo: Geography, size: SizeSpec, taxonomy: Taxonomy) -> Cast:
    """Plan every organisation and location in memory, then write them in two bulk inserts."""
    cast = Cast(
        partners=_build_partners(ctx, geo, size.partners, taxonomy),
        employers=_build_employers(ctx, geo, size.employers, taxonomy),
    )
    actors = cast.all
    Organisation.objects.bulk_create([a.organisation for a in actors], batch_size=2000)
    for actor in actors:
        for location in actor.locations:
            location.organisation = actor.organisation  # picks up the primary key just assigned
    Location.objects.bulk_create(
        [location for actor in actors for location in actor.locations], batch_size=2000
    )
    return cast
