"""Vacancies: occupations from the taxonomy, with titles, conditions and text that fit them."""

import datetime as dt
import re
from collections.abc import Iterator

from werkroute.catalogue.constants import (
    ContractType,
    JoinMethod,
    OfferingKind,
    SalaryPeriod,
    TargetGroup,
    Theme,
)
from werkroute.catalogue.models import Offering
from werkroute.demo import texts
from werkroute.demo.generator.context import Context, lower_first, upper_first
from werkroute.demo.generator.geography import Geography
from werkroute.demo.generator.occupations import FIELD_WEIGHTS, Taxonomy
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
from werkroute.demo.generator.requirements import (
    Conditions,
    Requirements,
    conditions_for,
    euro,
    requirements_for,
)
from werkroute.taxonomy.constants import Certificate, EducationLevel
from werkroute.taxonomy.models import Occupation

REMOTE_SHARE = {"ict": 0.5, "administration_customer_contact": 0.45}
OWN_JOBS_SHARE = 0.92  # the rest are jobs any organisation has, such as reception work
SUPPORTED_GROUPS = (
    TargetGroup.LONG_TERM_ASSISTANCE,
    TargetGroup.STATUS_HOLDERS,
    TargetGroup.WORK_LIMITING_DISABILITY,
    TargetGroup.YOUTH,
)
# Whom a vacancy is meant for: people who lose their job or run a business have other offers.
VACANCY_GROUPS = SUPPORTED_GROUPS + (TargetGroup.OVER_55,)
FIRST_WORD = re.compile(r"[ \-]")


def _usable_synonym(synonym: str) -> bool:
    """Skip abbreviations and odd spellings ('dba', "pm'er", 'ce-chauffeur') as a title."""
    return "'" not in synonym and len(FIRST_WORD.split(synonym)[0]) > 3 and len(synonym) <= 40


def _job_label(ctx: Context, occupation: Occupation) -> str:
    roll = ctx.rng.random()
    if roll < 0.1 and occupation.name_female:
        return occupation.name_female
    synonyms = [s for s in occupation.synonym_list if _usable_synonym(s)]
    if roll > 0.65 and synonyms:
        return upper_first(ctx.pick(synonyms))
    return occupation.name


def _hours_text(conditions: Conditions, exact: str, ranged: str) -> str:
    if conditions.hours_min == conditions.hours_max:
        return exact.format(hours=conditions.hours_min)
    return ranged.format(hours_min=conditions.hours_min, hours_max=conditions.hours_max)


def _vacancy_title(
    ctx: Context,
    label: str,
    occupation: Occupation,
    conditions: Conditions,
    requirements: Requirements,
    words: dict[str, str] | None,
) -> str:
    """The occupation plus at most a few variants, e.g. 'Heftruckchauffeur (32–40 uur)'."""
    parts = [label]
    roll = ctx.rng.random()
    if roll < 0.2 and occupation.field.code in texts.SHIFT_FIELDS:
        parts.append(ctx.pick(texts.SHIFT_VARIANTS))
    elif roll < 0.35 and words:
        parts.append(words["neighbourhood"] if ctx.chance(0.5) else words["place"])
    roll = ctx.rng.random()
    if roll < 0.25:
        parts.append(_hours_text(conditions, texts.HOURS_EXACT_IN_TITLE, texts.HOURS_IN_TITLE))
    elif roll < 0.4 and conditions.contract_type == ContractType.LEARNING_WORKING:
        parts.append(f"({texts.TITLE_LEARNING})")
    elif roll < 0.4 and conditions.contract_type == ContractType.ON_CALL:
        parts.append(f"({texts.TITLE_ON_CALL})")
    elif roll < 0.45 and requirements.no_experience:
        parts.append(f"– {texts.TITLE_NO_EXPERIENCE}")
    elif roll < 0.5:
        full_time = conditions.hours_min >= 32
        parts.append(texts.TITLE_FULL_TIME if full_time else texts.TITLE_PART_TIME)
    if words is None:
        parts.append(texts.TITLE_REMOTE)
    return " ".join(parts)


def _requirement_lines(requirements: Requirements) -> list[str]:
    lines = []
    if requirements.driving_licences:
        codes = " en ".join(requirements.driving_licences)
        lines.append(texts.LICENCE_SENTENCE.format(codes=codes))
    for code in requirements.certificates:
        if code == Certificate.VOG:
            lines.append(texts.VOG_SENTENCE)
        else:
            lines.append(texts.CERTIFICATE_SENTENCE.format(label=Certificate(code).label))
    if requirements.language_level:
        lines.append(texts.LANGUAGE_SENTENCE.format(level=requirements.language_level))
    if requirements.education_level:
        label = EducationLevel(requirements.education_level).label
        lines.append(texts.EDUCATION_SENTENCE.format(label=label))
    return lines


def _offer_lines(ctx: Context, conditions: Conditions) -> list[str]:
    lines = [
        texts.CONTRACT_SENTENCES[conditions.contract_type],
        _hours_text(conditions, texts.HOURS_EXACT_SENTENCE, texts.HOURS_SENTENCE),
    ]
    if conditions.salary_min is not None and conditions.salary_max is not None:
        lines.append(
            texts.SALARY_SENTENCE.format(
                low=euro(conditions.salary_min),
                high=euro(conditions.salary_max),
                period=SalaryPeriod(conditions.salary_period).label,
            )
        )
    return lines + ctx.sample(texts.OFFER_EXTRAS, 2)


def _bullets(heading: str, lines: list[str]) -> str:
    return "\n".join([heading, *(f"- {line}" for line in lines)])


def _vacancy_description(
    ctx: Context,
    occupation: Occupation,
    label: str,
    conditions: Conditions,
    requirements: Requirements,
    words: dict[str, str],
    inclusive: bool,
) -> str:
    """What you do, what we offer, who we look for; plain Dutch from the templates."""
    intro = ctx.pick(texts.VACANCY_INTROS).format(label=lower_first(label), **words)
    tasks = texts.OCCUPATION_TASKS.get(occupation.code) or tuple(
        ctx.sample(texts.FIELD_TASKS[occupation.field.code], 3)
    )
    experience = texts.NO_EXPERIENCE if requirements.no_experience else texts.SOME_EXPERIENCE
    wanted = [
        *_requirement_lines(requirements),
        *ctx.sample(texts.LOOKING_FOR_GENERAL, 2),
        experience,
    ]
    parts = [
        intro,
        _bullets(texts.SECTION_TASKS, list(tasks)),
        _bullets(texts.SECTION_OFFER, _offer_lines(ctx, conditions)),
        _bullets(texts.SECTION_WANTED, wanted),
    ]
    if inclusive:
        parts.append(texts.INCLUSIVE_SENTENCE)
    parts.append(ctx.pick(texts.APPLY_SENTENCES))
    return "\n\n".join(parts)


def set_work(
    offering: Offering,
    occupation: Occupation,
    conditions: Conditions | None,
    requirements: Requirements | None,
) -> None:
    offering.occupation = occupation
    offering.sector_id = occupation.sector_id
    if conditions:
        offering.hours_min, offering.hours_max = conditions.hours_min, conditions.hours_max
        offering.contract_type = conditions.contract_type
        offering.salary_min, offering.salary_max = conditions.salary_min, conditions.salary_max
        offering.salary_period = conditions.salary_period
        offering.positions = conditions.positions
    if requirements:
        offering.driving_licences = requirements.driving_licences
        offering.certificates = requirements.certificates
        offering.language_level = requirements.language_level
        offering.education_level = requirements.education_level


def _vacancy(ctx: Context, geo: Geography, actor: Actor, occupation: Occupation) -> Planned:
    requirements = requirements_for(ctx, occupation)
    conditions = conditions_for(ctx, occupation)
    place = choose_place(ctx, actor, REMOTE_SHARE.get(occupation.field.code, 0.0))
    location = place[0]
    words = place_words(geo, actor, location)
    label = _job_label(ctx, occupation)
    title_words = words if location else None
    groups: list[str] = []
    if actor.inclusive and ctx.chance(0.5):
        groups = ctx.sample(SUPPORTED_GROUPS, 2)
    offering = new_offering(
        ctx,
        actor,
        OfferingKind.VACANCY,
        title=_vacancy_title(ctx, label, occupation, conditions, requirements, title_words),
        description=_vacancy_description(
            ctx, occupation, label, conditions, requirements, words, actor.inclusive
        ),
        place=place,
        themes=[Theme.FINDING_WORK],
        target_groups=audience(ctx, groups, everyone_share=0.55, groups=VACANCY_GROUPS),
        activity_languages=languages(ctx, (), extra_share=0.08),
        join_methods=[JoinMethod.APPLY],
    )
    set_work(offering, occupation, conditions, requirements)
    offering.inclusive_employer = actor.inclusive
    if ctx.chance(0.6):
        offering.publish_until = ctx.today + dt.timedelta(days=ctx.rng.randint(14, 90))
    return Planned(offering, restrict(ctx, geo, actor, location, share=0.05))


def vacancies(
    ctx: Context, geo: Geography, cast: Cast, taxonomy: Taxonomy, count: int
) -> Iterator[Planned]:
    hiring = cast.employers + cast.hiring_partners
    volumes = [actor.volume for actor in hiring]
    common = taxonomy.known(texts.COMMON_OCCUPATIONS)
    fields = list(FIELD_WEIGHTS)
    # The first vacancies cover every occupational field once, whatever the seed.
    first_of_field = {
        code: next(a for a in cast.employers if a.hiring_field == code) for code in fields
    }
    for index in range(count):
        if index < len(fields):
            actor = first_of_field[fields[index]]
            in_field = [c for c in actor.hires if taxonomy.field_of(c) == fields[index]]
            codes = in_field or actor.hires
        else:
            actor = ctx.pick_weighted(hiring, volumes)
            codes = actor.hires if ctx.chance(OWN_JOBS_SHARE) else common
        yield _vacancy(ctx, geo, actor, taxonomy.pick(ctx, codes))
