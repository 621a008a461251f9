"""Activities on the route map: events, courses, support and help for entrepreneurs."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from werkroute.catalogue.constants import (
    Cost,
    OfferingKind,
    OrganisationKind,
    Recurrence,
)
from werkroute.catalogue.models import Location, Offering
from werkroute.demo import texts
from werkroute.demo.generator.context import Context
from werkroute.demo.generator.geography import Geography
from werkroute.demo.generator.offerings import (
    Planned,
    audience,
    choose_place,
    languages,
    new_offering,
    place_words,
    restrict,
)
from werkroute.demo.generator.organisations import Actor, Cast

WEEKDAYS = (0, 1, 2, 3, 4)
WEEKDAYS_AND_SATURDAY = (0, 1, 2, 3, 4, 5)
RECURRING_SHARE = 0.25
EVENING = 18  # from this hour on, an event lasts at most two and a half hours
RECURRENCE_DAYS = {Recurrence.WEEKLY: 7, Recurrence.BIWEEKLY: 14, Recurrence.MONTHLY: 30}


@dataclass(frozen=True)
class Plan:
    """How one kind of activity is organised: by whom, when and for how many people."""

    kind: str
    templates: tuple[texts.ActivityText, ...]
    organisers: tuple[str, ...]
    start_times: tuple[tuple[int, int], ...]
    days: tuple[int, ...]
    remote_share: float
    capacity: tuple[int, int] | None
    open_to_share: float
    recurrences: tuple[str, ...] = (Recurrence.WEEKLY, Recurrence.BIWEEKLY, Recurrence.MONTHLY)


EVENT_PLANS = (
    Plan(
        OfferingKind.JOB_FAIR,
        texts.JOB_FAIRS,
        (OrganisationKind.MUNICIPAL_DEPARTMENT, OrganisationKind.PUBLIC_EMPLOYMENT_SERVICE),
        ((10, 0), (13, 0), (15, 0), (18, 30)),
        WEEKDAYS_AND_SATURDAY,
        remote_share=0.0,
        capacity=(100, 400),
        open_to_share=0.15,
        recurrences=(Recurrence.MONTHLY,),
    ),
    Plan(
        OfferingKind.APPLICATION_TRAINING,
        texts.APPLICATION_TRAININGS,
        (
            OrganisationKind.PUBLIC_EMPLOYMENT_SERVICE,
            OrganisationKind.MUNICIPAL_DEPARTMENT,
            OrganisationKind.JOB_COACH,
            OrganisationKind.SCHOOL,
            OrganisationKind.UNION,
        ),
        ((9, 30), (13, 30), (19, 0)),
        WEEKDAYS,
        remote_share=0.25,
        capacity=(8, 20),
        open_to_share=0.25,
    ),
    Plan(
        OfferingKind.NETWORKING_MEETING,
        texts.NETWORKING_MEETINGS,
        (
            OrganisationKind.MUNICIPAL_DEPARTMENT,
            OrganisationKind.WELFARE,
            OrganisationKind.NEIGHBOURHOOD_TEAM,
            OrganisationKind.UNION,
            OrganisationKind.OTHER_PARTNER,
        ),
        ((9, 30), (10, 0), (16, 0), (19, 30)),
        WEEKDAYS,
        remote_share=0.15,
        capacity=(15, 60),
        open_to_share=0.25,
    ),
)
COURSE_PLAN = Plan(
    OfferingKind.COURSE,
    texts.COURSES,
    (OrganisationKind.SCHOOL,),
    ((9, 0), (9, 30), (13, 30), (19, 0)),
    WEEKDAYS,
    remote_share=0.2,
    capacity=(8, 16),
    open_to_share=0.2,
)
SUPPORT_PLAN = Plan(
    OfferingKind.SUPPORT_SERVICE,
    texts.SUPPORT_SERVICES,
    (
        OrganisationKind.MUNICIPAL_DEPARTMENT,
        OrganisationKind.NEIGHBOURHOOD_TEAM,
        OrganisationKind.WELFARE,
        OrganisationKind.JOB_COACH,
    ),
    ((10, 0),),
    WEEKDAYS,
    remote_share=0.15,
    capacity=None,
    open_to_share=0.35,
)
ENTREPRENEURSHIP_PLAN = Plan(
    OfferingKind.ENTREPRENEURSHIP_SUPPORT,
    texts.ENTREPRENEURSHIP_SUPPORT,
    (OrganisationKind.OTHER_PARTNER, OrganisationKind.MUNICIPAL_DEPARTMENT),
    ((19, 0), (19, 30)),
    WEEKDAYS,
    remote_share=0.2,
    capacity=(10, 40),
    open_to_share=0.3,
)


def _day(ctx: Context, low: int, high: int, allowed: tuple[int, ...]) -> dt.date:
    """A day low..high days ahead, moved to the nearest allowed weekday inside that window."""
    offset = ctx.rng.randint(low, high)
    step = -1 if offset > low + 3 else 1
    while (ctx.today + dt.timedelta(days=offset)).weekday() not in allowed:
        offset += step
    return ctx.today + dt.timedelta(days=offset)


def _words(ctx: Context, geo: Geography, actor: Actor, location: Location | None) -> dict[str, str]:
    words = place_words(geo, actor, location)
    sector, phrase, _field = ctx.pick(texts.JOB_FAIR_SECTORS)
    where = words["municipality"] if ctx.chance(0.5) else words["area"]
    return {**words, "sector": sector, "sector_phrase": phrase, "where": where}


def _from_template(
    ctx: Context, geo: Geography, plan: Plan, actor: Actor, template: texts.ActivityText
) -> Planned:
    place = choose_place(ctx, actor, plan.remote_share)
    words = _words(ctx, geo, actor, place[0])
    offering = new_offering(
        ctx,
        actor,
        plan.kind,
        title=template.title.format(**words),
        description=template.description.format(**words),
        place=place,
        themes=template.themes,
        target_groups=audience(ctx, template.target_groups, everyone_share=0.6),
        activity_languages=languages(ctx, template.languages),
        join_methods=template.join_methods,
    )
    if plan.capacity and ctx.chance(0.8):
        offering.capacity = ctx.rng.randint(*plan.capacity)
    offering.driving_licences = list(template.driving_licences)
    _set_cost(ctx, offering, template)
    return Planned(offering, restrict(ctx, geo, actor, place[0], plan.open_to_share))


def _set_cost(ctx: Context, offering: Offering, template: texts.ActivityText) -> None:
    if ctx.chance(template.paid_share):
        offering.cost = Cost.PAID
        offering.cost_details = texts.PAID_COURSE.format(price=ctx.rng.randint(3, 90) * 10 - 5)


def _schedule_event(ctx: Context, offering: Offering, plan: Plan) -> None:
    """Upcoming, at a sensible hour, 2-4 hours long; a quarter repeats for a while."""
    day = _day(ctx, 1, 120, plan.days)
    hour, minute = ctx.pick(plan.start_times)
    offering.starts_at = ctx.at(day, hour, minute)
    minutes = ctx.pick((120, 150) if hour >= EVENING else (120, 150, 180, 240))
    offering.ends_at = offering.starts_at + dt.timedelta(minutes=minutes)
    if ctx.chance(RECURRING_SHARE):
        offering.recurrence = ctx.pick(plan.recurrences)
        repeats = ctx.rng.randint(3, 10)
        offering.recurrence_until = day + dt.timedelta(
            days=RECURRENCE_DAYS[offering.recurrence] * repeats
        )


def _schedule_course(ctx: Context, offering: Offering, plan: Plan, schedule: str) -> None:
    """'days:N' runs N days in a row, 'weekly:N' N weeks, 'monthly:N' N months, '' any time."""
    if not schedule:
        offering.description = f"{offering.description} {texts.OPEN_START}"
        return
    unit, amount = schedule.split(":")
    count = int(amount)
    day = _day(ctx, 7, 90, plan.days)
    if unit == "days":  # whole days, 8.30 to 16.30
        offering.starts_at = ctx.at(day, 8, 30)
        offering.ends_at = ctx.at(day + dt.timedelta(days=count - 1), 16, 30)
        return
    hour, minute = ctx.pick(plan.start_times)
    offering.starts_at = ctx.at(day, hour, minute)
    offering.ends_at = offering.starts_at + dt.timedelta(minutes=150)
    offering.recurrence = Recurrence.WEEKLY if unit == "weekly" else Recurrence.MONTHLY
    step = 7 if unit == "weekly" else 30
    offering.recurrence_until = day + dt.timedelta(days=step * (count - 1))


class Organisers:
    """Who organises each template: its named providers, else every partner of the right kind."""

    def __init__(self, cast: Cast, plan: Plan) -> None:
        self.cast = cast
        self.default = cast.with_kinds(*plan.organisers) or cast.partners
        self.pools: dict[str, list[Actor]] = {}

    def pick(self, ctx: Context, template: texts.ActivityText) -> Actor:
        if template.title not in self.pools:
            self.pools[template.title] = self.cast.providers(template.providers, self.default)
        return ctx.pick(self.pools[template.title])


def _planned(
    ctx: Context, geo: Geography, plan: Plan, organisers: Organisers
) -> tuple[Planned, texts.ActivityText]:
    template = ctx.pick(plan.templates)
    actor = organisers.pick(ctx, template)
    return _from_template(ctx, geo, plan, actor, template), template


def events(ctx: Context, geo: Geography, cast: Cast, count: int) -> Iterator[Planned]:
    organisers = [Organisers(cast, plan) for plan in EVENT_PLANS]
    for index in range(count):
        turn = index % len(EVENT_PLANS)  # the three kinds in equal numbers
        planned, _template = _planned(ctx, geo, EVENT_PLANS[turn], organisers[turn])
        _schedule_event(ctx, planned.offering, EVENT_PLANS[turn])
        yield planned


def courses(ctx: Context, geo: Geography, cast: Cast, count: int) -> Iterator[Planned]:
    organisers = Organisers(cast, COURSE_PLAN)
    for _index in range(count):
        planned, template = _planned(ctx, geo, COURSE_PLAN, organisers)
        _schedule_course(ctx, planned.offering, COURSE_PLAN, template.schedule)
        yield planned


def _without_dates(ctx: Context, offering: Offering, template: texts.ActivityText) -> None:
    """Help you can ask for at any time: opening hours instead of dates and places."""
    offering.opening_hours = template.opening_hours or ctx.pick(texts.OPENING_HOURS)
    offering.capacity = None


def support(ctx: Context, geo: Geography, cast: Cast, count: int) -> Iterator[Planned]:
    organisers = Organisers(cast, SUPPORT_PLAN)
    for _index in range(count):
        planned, template = _planned(ctx, geo, SUPPORT_PLAN, organisers)
        _without_dates(ctx, planned.offering, template)
        yield planned


def entrepreneurship(ctx: Context, geo: Geography, cast: Cast, count: int) -> Iterator[Planned]:
    organisers = Organisers(cast, ENTREPRENEURSHIP_PLAN)
    for _index in range(count):
        planned, template = _planned(ctx, geo, ENTREPRENEURSHIP_PLAN, organisers)
        if template.schedule:
            _schedule_course(ctx, planned.offering, ENTREPRENEURSHIP_PLAN, template.schedule)
        else:
            _without_dates(ctx, planned.offering, template)
        yield planned
