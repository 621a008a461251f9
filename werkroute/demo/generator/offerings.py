"""What every offering shares (place, audience, publication, contact) and writing them in bulk."""

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.conf import settings
from django.db import reset_queries

from werkroute.catalogue.constants import (
    ActivityLanguage,
    AttendanceMode,
    JoinMethod,
    OfferingStatus,
    OrganisationKind,
    TargetGroup,
)
from werkroute.catalogue.models import Location, Offering
from werkroute.core.models import Municipality
from werkroute.demo.generator.context import Context
from werkroute.demo.generator.geography import Geography
from werkroute.demo.generator.organisations import Actor

BATCH_SIZE = 2000
STATUSES = (
    OfferingStatus.PUBLISHED,
    OfferingStatus.DRAFT,
    OfferingStatus.ARCHIVED,
    OfferingStatus.PENDING_REVIEW,
)
STATUS_WEIGHTS = (95, 2, 2, 1)
STALE_SHARE = 0.10  # offerings nobody checked for longer than CATALOGUE_STALE_AFTER_DAYS
HYBRID_SHARE = 0.05
SPECIFIC_GROUPS = (
    TargetGroup.YOUTH,
    TargetGroup.OVER_55,
    TargetGroup.LONG_TERM_ASSISTANCE,
    TargetGroup.STATUS_HOLDERS,
    TargetGroup.WORK_LIMITING_DISABILITY,
    TargetGroup.JOB_AT_RISK,
)
EXTRA_LANGUAGES = (
    ActivityLanguage.ENGLISH,
    ActivityLanguage.ARABIC,
    ActivityLanguage.TURKISH,
    ActivityLanguage.POLISH,
    ActivityLanguage.UKRAINIAN,
    ActivityLanguage.TIGRINYA,
)


@dataclass
class Planned:
    """An offering ready for bulk_create, with the municipalities it is restricted to (if any)."""

    offering: Offering
    open_to: list[Municipality] = field(default_factory=list)


def choose_place(ctx: Context, actor: Actor, remote_share: float) -> tuple[Location | None, str]:
    if ctx.chance(remote_share) or not actor.locations:
        return None, AttendanceMode.REMOTE
    location = ctx.pick(actor.locations)
    mode = AttendanceMode.HYBRID if ctx.chance(HYBRID_SHARE) else AttendanceMode.IN_PERSON
    return location, mode


def short_place(place: str) -> str:
    """'Spaarndam gem. Haarlem' -> 'Spaarndam', 'Driehuis NH' -> 'Driehuis': names for a title."""
    return place.split(" gem. ")[0].removesuffix(" NH")


def place_words(geo: Geography, actor: Actor, location: Location | None) -> dict[str, str]:
    """The names a title or description template may use for where something happens."""
    municipality = location.municipality if location else actor.home
    assert municipality is not None  # every demo location has one
    neighbourhood = location.neighbourhood if location else None
    neighbourhood_name = municipality.name
    if neighbourhood is not None and not neighbourhood.name.startswith("Wijk "):
        neighbourhood_name = neighbourhood.name
    return {
        "organisation": actor.organisation.name,
        "place": short_place(location.city) if location else municipality.name,
        "municipality": municipality.name,
        "area": geo.area_of(municipality),
        "neighbourhood": neighbourhood_name,
    }


def audience(
    ctx: Context,
    preset: Iterable[str],
    everyone_share: float,
    groups: tuple[str, ...] = SPECIFIC_GROUPS,
) -> list[str]:
    """The preset groups, or 'everyone', or one to three specific groups (never both)."""
    chosen = list(preset)
    if chosen:
        return chosen
    if ctx.chance(everyone_share):
        return [TargetGroup.EVERYONE]
    return ctx.sample(groups, ctx.pick_weighted((1, 2, 3), (60, 30, 10)))


def languages(ctx: Context, preset: Iterable[str], extra_share: float = 0.1) -> list[str]:
    chosen = list(preset) or [ActivityLanguage.DUTCH]
    if chosen == [ActivityLanguage.DUTCH] and ctx.chance(extra_share):
        chosen.append(ctx.pick(EXTRA_LANGUAGES))
    return chosen


def new_offering(
    ctx: Context,
    actor: Actor,
    kind: str,
    *,
    title: str,
    description: str,
    place: tuple[Location | None, str],
    themes: Iterable[str],
    target_groups: list[str],
    activity_languages: list[str],
    join_methods: Iterable[str],
) -> Offering:
    organisation = actor.organisation
    location, mode = place
    methods = list(join_methods)
    offering = Offering(
        public_id=ctx.public_id(),
        kind=kind,
        title=title[:200],
        description=description,
        organisation=organisation,
        location=location,
        attendance_mode=mode,
        themes=list(themes),
        target_groups=target_groups,
        languages=activity_languages,
        join_methods=methods,
        contact_email=organisation.email,
        contact_phone=organisation.phone,
    )
    if JoinMethod.SIGN_UP in methods or JoinMethod.APPLY in methods:
        offering.signup_url = f"{organisation.website}/aanmelden/{offering.public_id.hex[:8]}"
    _publish(ctx, offering)
    return offering


def _publish(ctx: Context, offering: Offering) -> None:
    """Mostly published and recently checked; a tenth not checked for too long (stale)."""
    offering.status = ctx.pick_weighted(STATUSES, STATUS_WEIGHTS)
    stale_after = settings.CATALOGUE_STALE_AFTER_DAYS
    if ctx.chance(STALE_SHARE):
        offering.last_checked_on = ctx.days_ago(stale_after + 1, stale_after + 240)
        offering.publish_from = offering.last_checked_on - dt.timedelta(days=ctx.rng.randint(0, 60))
    else:
        offering.publish_from = ctx.days_ago(1, 60)
        age = (ctx.today - offering.publish_from).days
        offering.last_checked_on = offering.publish_from + dt.timedelta(
            days=ctx.rng.randint(0, min(age, stale_after - 1))
        )


def restrict(
    ctx: Context, geo: Geography, actor: Actor, location: Location | None, share: float
) -> list[Municipality]:
    """Sometimes only residents of one or two municipalities may take part."""
    if not ctx.chance(share):
        return []
    own = location.municipality if location and location.municipality else actor.home
    if OrganisationKind.MUNICIPAL_DEPARTMENT in actor.organisation.kinds:
        own = actor.home  # a municipality serves its own residents
    chosen = [own]
    if ctx.chance(0.3):
        area = geo.area_of(own)
        neighbours = [m for m in geo.municipalities if m != own and geo.area_of(m) == area]
        chosen.append(ctx.pick(neighbours))
    return chosen


def _batches(items: Iterable[Planned], size: int) -> Iterator[list[Planned]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def save_offerings(
    planned: Iterable[Planned], progress: Callable[[int], None] | None = None
) -> Counter[str]:
    """Write offerings in batches; bulk_create skips save(), so derive the flat columns here."""
    through = Offering.open_to.through
    counts: Counter[str] = Counter()
    for batch in _batches(planned, BATCH_SIZE):
        offerings = [item.offering for item in batch]
        for offering in offerings:
            offering.refresh_derived()
        Offering.objects.bulk_create(offerings, batch_size=BATCH_SIZE)
        links = [
            through(offering_id=item.offering.pk, municipality_id=municipality.pk)
            for item in batch
            for municipality in item.open_to
        ]
        through.objects.bulk_create(links, batch_size=BATCH_SIZE)
        counts.update(offering.kind for offering in offerings)
        reset_queries()  # with DEBUG on, Django would otherwise keep every insert in memory
        if progress:
            progress(counts.total())
    return counts
