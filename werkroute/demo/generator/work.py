"""Other work on the route map: work-experience places, basic jobs and volunteering."""

from collections.abc import Iterator
from decimal import Decimal

from werkroute.catalogue.constants import (
    ContractType,
    JoinMethod,
    OfferingKind,
    OrganisationKind,
    SalaryPeriod,
    TargetGroup,
    Theme,
)
from werkroute.demo import texts
from werkroute.demo.generator.context import Context, lower_first
from werkroute.demo.generator.geography import Geography
from werkroute.demo.generator.occupations import Taxonomy
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
from werkroute.demo.generator.vacancies import SUPPORTED_GROUPS, set_work
from werkroute.taxonomy.models import Occupation


def _simple_work(
    ctx: Context,
    geo: Geography,
    actor: Actor,
    kind: str,
    occupation: Occupation | None,
    *,
    title: str,
    description: str,
    themes: tuple[str, ...],
    groups: list[str],
    join_methods: tuple[str, ...],
    open_to_share: float,
) -> Planned:
    place = choose_place(ctx, actor, remote_share=0.0)
    words = place_words(geo, actor, place[0])
    label = lower_first(occupation.name) if occupation else ""
    offering = new_offering(
        ctx,
        actor,
        kind,
        title=title.format(label=label, **words),
        description=description.format(label=label, **words),
        place=place,
        themes=themes,
        target_groups=audience(ctx, groups, everyone_share=0.5),
        activity_languages=languages(ctx, ()),
        join_methods=join_methods,
    )
    if occupation:
        set_work(offering, occupation, None, None)
    return Planned(offering, restrict(ctx, geo, actor, place[0], open_to_share))


def work_experience(
    ctx: Context, geo: Geography, cast: Cast, taxonomy: Taxonomy, count: int
) -> Iterator[Planned]:
    codes = taxonomy.known(texts.WORK_EXPERIENCE_OCCUPATIONS)
    # Organisations offer places in jobs they have and that suit someone starting out.
    fitting: list[tuple[Actor, list[str]]] = []
    for actor in cast.hiring_partners + cast.employers:
        own = [code for code in actor.hires if code in codes]
        if own:
            fitting.append((actor, own))
    # Social enterprises and welfare organisations offer most of them.
    only_employer = [OrganisationKind.EMPLOYER]
    weights = [1 if actor.organisation.kinds == only_employer else 5 for actor, _own in fitting]
    for _index in range(count):
        actor, own = ctx.pick_weighted(fitting, weights)
        occupation = taxonomy.by_code[ctx.pick(own)]
        planned = _simple_work(
            ctx,
            geo,
            actor,
            OfferingKind.WORK_EXPERIENCE,
            occupation,
            title=ctx.pick(texts.WORK_EXPERIENCE_TITLES),
            description=texts.WORK_EXPERIENCE_DESCRIPTION,
            themes=(Theme.FINDING_WORK, Theme.LEARNING),
            groups=ctx.sample(SUPPORTED_GROUPS, ctx.rng.randint(1, 2)),
            join_methods=(JoinMethod.REFERRAL, JoinMethod.SIGN_UP),
            open_to_share=0.25,
        )
        offering = planned.offering
        offering.hours_min, offering.hours_max = ctx.pick(((16, 24), (20, 32), (24, 32)))
        offering.contract_type = ContractType.INTERNSHIP
        offering.inclusive_employer = True
        yield planned


def basic_jobs(
    ctx: Context, geo: Geography, cast: Cast, taxonomy: Taxonomy, count: int
) -> Iterator[Planned]:
    pool = cast.municipal_desks + [
        a for a in cast.hiring_partners if a.has_any((OrganisationKind.JOB_COACH,))
    ]
    for _index in range(count):
        template = ctx.pick(texts.BASIC_JOBS)
        groups = [TargetGroup.LONG_TERM_ASSISTANCE]
        if ctx.chance(0.3):
            groups.append(TargetGroup.WORK_LIMITING_DISABILITY)
        planned = _simple_work(
            ctx,
            geo,
            ctx.pick(pool),
            OfferingKind.BASIC_JOB,
            taxonomy.by_code.get(template.occupation),
            title=template.title,
            description=template.description,
            themes=template.themes,
            groups=groups,
            join_methods=(JoinMethod.REFERRAL,),
            open_to_share=0.6,
        )
        offering = planned.offering
        offering.hours_min, offering.hours_max = ctx.pick(((24, 32), (32, 36), (20, 28)))
        offering.contract_type = ContractType.TEMPORARY
        low = 14.40 + ctx.rng.randint(0, 10) * 0.05
        offering.salary_min, offering.salary_max = _euros(low), _euros(low + 1.2)
        offering.salary_period = SalaryPeriod.HOUR
        offering.inclusive_employer = True
        yield planned


def _euros(value: float) -> Decimal:
    return Decimal(f"{value:.2f}")


def volunteering(
    ctx: Context, geo: Geography, cast: Cast, taxonomy: Taxonomy, count: int
) -> Iterator[Planned]:
    default = cast.with_kinds(
        OrganisationKind.WELFARE,
        OrganisationKind.NEIGHBOURHOOD_TEAM,
        OrganisationKind.OTHER_PARTNER,
    )
    pools = [cast.providers(template.providers, default) for template in texts.VOLUNTEERING]
    for _index in range(count):
        choice = ctx.rng.randrange(len(texts.VOLUNTEERING))
        template = texts.VOLUNTEERING[choice]
        planned = _simple_work(
            ctx,
            geo,
            ctx.pick(pools[choice]),
            OfferingKind.VOLUNTEERING,
            taxonomy.by_code.get(template.occupation),
            title=template.title,
            description=template.description,
            themes=template.themes,
            groups=list(template.target_groups),
            join_methods=template.join_methods,
            open_to_share=0.15,
        )
        offering = planned.offering
        offering.hours_min, offering.hours_max = ctx.pick(((2, 4), (4, 8), (3, 6)))
        offering.contract_type = ContractType.NONE
        offering.driving_licences = list(template.driving_licences)
        yield planned
