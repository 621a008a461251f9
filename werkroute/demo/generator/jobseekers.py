"""The demo's job seekers: synthetic people on a benefit, each with a plausible file.

Names come from Faker (nl_NL), BSNs are random nine-digit numbers that pass the elfproef and all
start with BSN_PREFIX, postcodes are postcode areas of the demo's own table with two random
letters. The BSN is stored as the registration service stores it: encrypted, with a keyed hash.
Health is described only as what it means for work, never as a diagnosis.
"""

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import reset_queries
from django.utils.text import slugify

from stdnum.nl import bsn as stdnum_bsn

from werkroute.accounts.models import User
from werkroute.core.audit.crypto import encrypt_subject_id, subject_hash
from werkroute.core.models import Municipality
from werkroute.demo.generator.context import Context
from werkroute.demo.generator.geography import Geography
from werkroute.demo.generator.occupations import FIELD_WEIGHTS, Taxonomy
from werkroute.demo.generator.organisations import POSTCODE_LETTERS
from werkroute.demo.generator.users import (
    JOB_SEEKER_LOGINS,
    SHOWCASE_MUNICIPALITY,
    Staff,
    name_job_seeker_login,
)
from werkroute.jobseekers.constants import (
    BenefitType,
    ConsentKind,
    ObstacleKind,
    Shift,
    TravelMeans,
    Weekday,
)
from werkroute.jobseekers.models import (
    Ambition,
    Consent,
    JobSeeker,
    Language,
    Obstacle,
    Skill,
    WorkExperience,
)
from werkroute.taxonomy.constants import Certificate, DrivingLicence, EducationLevel, LanguageLevel
from werkroute.taxonomy.models import Occupation

BATCH_SIZE = 2000
BSN_PREFIX = "99"
BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)
EMAIL_DOMAIN = "demo.example"
DAYS_PER_MONTH = 30.44
ADULT_AGE = 18

# Ages: many 27-55, some young people and some over 55.
AGE_BANDS = ((18, 26), (27, 39), (40, 55), (56, 66))
AGE_WEIGHTS = (13, 34, 37, 16)
EDUCATION_WEIGHTS = {
    EducationLevel.NONE: 17,
    EducationLevel.VMBO: 30,
    EducationLevel.MBO2: 21,
    EducationLevel.HAVO_MBO3: 14,
    EducationLevel.MBO4_VWO: 10,
    EducationLevel.HBO: 6,
    EducationLevel.WO: 2,
}
NON_NATIVE_SHARE = 0.35
STATUS_HOLDER_SHARE = 0.29  # of the non-native speakers: about 10% of everyone
REGISTER_SHARE = 0.06
SELF_EMPLOYED_SHARE = 0.08
ENDED_SHARE = 0.03
LONG_AGO_ENDED_SHARE = 0.35  # of the ended benefits: ended more than 10 years ago
OBSTACLE_SHARE = 0.60
CONSENT_SHARE = 0.40
WITHDRAWN_SHARE = 0.05
NT2_LEVELS = (LanguageLevel.A1, LanguageLevel.A2, LanguageLevel.B1, LanguageLevel.B2)
NT2_WEIGHTS = (9, 28, 38, 25)
LOW_NT2 = frozenset({LanguageLevel.A1, LanguageLevel.A2})
DUTCH = "Nederlands"
STATUS_HOLDER_LANGUAGES = ("Arabisch", "Tigrinya", "Dari", "Farsi", "Somalisch", "Koerdisch")
STATUS_HOLDER_LANGUAGE_WEIGHTS = (34, 26, 12, 10, 10, 8)
OTHER_LANGUAGES = (
    "Turks",
    "Tamazight (Berbers)",
    "Pools",
    "Arabisch",
    "Engels",
    "Papiaments",
    "Spaans",
    "Portugees",
    "Roemeens",
    "Bulgaars",
    "Oekraïens",
)
OTHER_LANGUAGE_WEIGHTS = (18, 14, 14, 10, 8, 8, 6, 6, 6, 5, 5)
# The occupational fields municipalities steer people toward: ambitions lie here.
TARGET_FIELDS = (
    "hospitality_tourism",
    "construction_installation",
    "care_welfare",
    "transport_logistics",
    "cleaning",
    "retail",
    "production_technology",
)
HOURS = ((8, 16), (12, 20), (16, 24), (20, 32), (24, 36), (32, 40))
HOURS_WEIGHTS = (10, 18, 22, 20, 14, 16)
RADII = (3, 5, 8, 10, 12, 15, 20, 25)
RADIUS_WEIGHTS = (6, 14, 18, 20, 10, 14, 10, 8)
CERTIFICATES = (
    Certificate.VCA_BASIC,
    Certificate.FORKLIFT,
    Certificate.FIRST_AID,
    Certificate.EMERGENCY_RESPONSE,
    Certificate.FOOD_HYGIENE,
    Certificate.SOCIAL_HYGIENE,
    Certificate.SECURITY_GUARD,
    Certificate.REACH_TRUCK,
    Certificate.VOG,
)
CERTIFICATE_WEIGHTS = (22, 14, 14, 10, 12, 6, 5, 5, 12)
OBSTACLE_WEIGHTS = {
    ObstacleKind.DEBTS: 25,
    ObstacleKind.HEALTH: 25,
    ObstacleKind.CHILDCARE: 18,
    ObstacleKind.CARE_DUTIES: 12,
    ObstacleKind.HOUSING: 12,
    ObstacleKind.TRANSPORT: 10,
    ObstacleKind.DIGITAL_SKILLS: 10,
    ObstacleKind.LANGUAGE: 20,
}

# B1 texts. Order matters: the generator picks from these with a seeded random.
IMPACTS: dict[str, tuple[str, ...]] = {
    ObstacleKind.CHILDCARE: (
        "Heeft jonge kinderen. Kan werken tijdens schooltijden, van 9 tot 14 uur.",
        "Alleenstaande ouder. Zonder opvang is werken op woensdag en in de vakanties lastig.",
        "De kinderopvang is nog niet geregeld. Eerst opvang zoeken, dan kan werk in de ochtend.",
    ),
    ObstacleKind.CARE_DUTIES: (
        "Zorgt voor een familielid. Kan daarom alleen werken op vaste dagen.",
        "Is mantelzorger. Heeft vaste werktijden nodig en werk dicht bij huis.",
    ),
    ObstacleKind.HEALTH: (
        "Kan niet lang staan of zwaar tillen. Werk waarin zitten en staan afwisselen gaat goed.",
        "Heeft na een paar uur werken rust nodig. Begint het liefst met 12 tot 16 uur per week.",
        "Heeft soms een moeilijke periode. Een vaste collega en een rustige werkplek helpen.",
    ),
    ObstacleKind.DEBTS: (
        "Heeft schulden. Vindt het spannend om te gaan werken, omdat het inkomen dan verandert.",
        "Er loopt een schuldhulptraject. Geldzorgen kosten veel energie.",
        "Heeft betalingsachterstanden en wil hulp om het overzicht te houden.",
    ),
    ObstacleKind.LANGUAGE: (
        "Spreekt nog weinig Nederlands. Werk met veel praten of lezen is nu te moeilijk.",
        "Begrijpt eenvoudige uitleg in het Nederlands. Schrijven is nog lastig.",
    ),
    ObstacleKind.TRANSPORT: (
        "Heeft geen rijbewijs en geen auto. Werk moet met de fiets of het ov te bereiken zijn.",
        "Kan niet fietsen. Werk moet dicht bij een bushalte of station zijn.",
    ),
    ObstacleKind.HOUSING: (
        "Woont tijdelijk bij familie en heeft nog geen vaste woonplek. Dat geeft onrust.",
        "Moet binnenkort verhuizen. Wil pas na de verhuizing met werk beginnen.",
    ),
    ObstacleKind.DIGITAL_SKILLS: (
        "Kan nog niet goed met de computer werken. Online solliciteren is lastig.",
        "Heeft geen eigen laptop. Mail lezen en formulieren invullen lukt niet altijd.",
    ),
}
TALENTS = (
    "Is op tijd en betrouwbaar. Werkt graag met de handen.",
    "Is vriendelijk en helpt graag anderen.",
    "Kan goed organiseren en houdt van orde.",
    "Heeft ervaring met koken voor grote groepen.",
    "Werkt graag buiten en is niet bang voor zwaar werk.",
    "Spreekt meerdere talen en maakt makkelijk contact.",
    "Blijft rustig, ook als het druk is.",
    "Is handig met techniek en repareert graag dingen.",
    "Werkt precies en houdt van vaste taken.",
    "Denkt mee en komt met goede ideeën.",
)
SUPPORT = (
    "Hulp bij het maken van een cv.",
    "Een vaste contactpersoon op het werk.",
    "Hulp bij het regelen van kinderopvang.",
    "Begeleiding van een jobcoach in de eerste maanden.",
    "Een taalcursus naast het werk.",
    "Hulp bij het plannen van de week.",
    "Uitleg over wat werken betekent voor de uitkering en de toeslagen.",
)
SKILLS = (
    "klantvriendelijk",
    "samenwerken",
    "werken met een kassa",
    "werken met Word en e-mail",
    "koken voor groepen",
    "tillen en sjouwen",
    "netjes en precies werken",
    "handig met gereedschap",
    "Engels spreken",
    "rijden met een bestelbus",
    "geduld met mensen",
    "omgaan met kinderen",
    "schoonmaken met machines",
    "planning maken",
)
AMBITION_NOTES = (
    "Wil graag parttime beginnen.",
    "Wil eerst een opleiding doen.",
    "Wil het liefst dicht bij huis werken.",
    "Wil later een eigen bedrijf.",
)
UNPAID_WORK = (
    "Vrijwilliger bij de voedselbank",
    "Hulp in de buurtkamer",
    "Mantelzorg voor een familielid",
    "Klussen voor buren en familie",
)


@dataclass
class Person:
    """One job seeker's file before and after saving, with what the case work needs to know."""

    job_seeker: JobSeeker
    languages: list[Language] = field(default_factory=list)
    experience: list[WorkExperience] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    ambitions: list[Ambition] = field(default_factory=list)
    obstacles: list[Obstacle] = field(default_factory=list)
    consents: list[Consent] = field(default_factory=list)
    dutch_level: str = LanguageLevel.C2
    showcase: str = ""  # the username of the job seeker login linked to this file, if any

    @property
    def benefit_running(self) -> bool:
        return self.job_seeker.benefit_end is None


@dataclass
class Pools:
    """What a run draws from: the taxonomy by field, and the BSNs already handed out."""

    taxonomy: Taxonomy
    by_field: dict[str, list[str]]
    used_bsns: set[str] = field(default_factory=set)  # only asked 'is this in it?'
    showcased: int = 0

    @classmethod
    def create(cls, taxonomy: Taxonomy) -> "Pools":
        by_field: dict[str, list[str]] = {}
        for code, occupation in taxonomy.by_code.items():
            by_field.setdefault(occupation.field.code, []).append(code)
        return cls(taxonomy, by_field)

    def occupation(self, ctx: Context, field_code: str) -> Occupation:
        return self.taxonomy.pick(ctx, self.by_field[field_code])


# --- Small parts ---------------------------------------------------------------------------


def synthetic_bsn(ctx: Context, used: set[str]) -> str:
    """A new nine-digit number starting with BSN_PREFIX that passes the elfproef."""
    while True:
        head = BSN_PREFIX + f"{ctx.rng.randrange(10**6):06d}"
        check = sum(int(digit) * weight for digit, weight in zip(head, BSN_WEIGHTS, strict=True))
        if check % 11 == 10:
            continue
        number = f"{head}{check % 11}"
        if number not in used and stdnum_bsn.is_valid(number):
            used.add(number)
            return number


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _birth_date(ctx: Context) -> dt.date:
    low, high = ctx.pick_weighted(AGE_BANDS, AGE_WEIGHTS)
    birthday = _years_before(ctx.today, ctx.rng.randint(low, high))
    return birthday - dt.timedelta(days=ctx.rng.randint(1, 364))


def _months_ago(ctx: Context, months: int) -> dt.date:
    return ctx.today - dt.timedelta(days=int(months * DAYS_PER_MONTH) + ctx.rng.randint(0, 27))


def _benefit_start(ctx: Context, adult_on: dt.date) -> dt.date:
    """From 1 month to 12 years ago, half of them 5 years or longer; never before turning 18."""
    long = ctx.chance(0.5)
    months = ctx.rng.randint(60, 144) if long else 1 + int(59 * ctx.rng.random() ** 1.3)
    start = _months_ago(ctx, months)
    if start >= adult_on:
        return start
    room = max(0, (ctx.today - adult_on).days - 30)
    return adult_on + dt.timedelta(days=ctx.rng.randint(0, room))


def _ended_benefit(ctx: Context, adult_on: dt.date) -> tuple[dt.date, dt.date]:
    """A benefit that stopped: a few over ten years ago (retention), the others recently."""
    long_ago = ctx.chance(LONG_AGO_ENDED_SHARE)
    end = ctx.days_ago(10 * 366 + 30, 12 * 365) if long_ago else ctx.days_ago(30, 900)
    start = end - dt.timedelta(days=ctx.rng.randint(120, 1800))
    if start < adult_on:
        if long_ago and end - adult_on < dt.timedelta(days=60):
            return _ended_benefit_recently(ctx, adult_on)
        start = adult_on
    return start, max(end, start + dt.timedelta(days=60))


def _ended_benefit_recently(ctx: Context, adult_on: dt.date) -> tuple[dt.date, dt.date]:
    end = ctx.days_ago(30, 400)
    return max(adult_on, end - dt.timedelta(days=ctx.rng.randint(120, 900))), end


def _benefit(ctx: Context, born: dt.date) -> dict[str, object]:
    adult_on = _years_before(born, -ADULT_AGE)
    age = (ctx.today - born).days // 365
    if ctx.chance(SELF_EMPLOYED_SHARE):
        kind = BenefitType.SELF_EMPLOYED_SUPPORT
    elif age >= 55 and ctx.chance(0.15):
        kind = ctx.pick((BenefitType.IOAW, BenefitType.IOAZ))
    else:
        kind = BenefitType.SOCIAL_ASSISTANCE
    if ctx.chance(ENDED_SHARE) and (ctx.today - adult_on).days > 400:
        start, end = _ended_benefit(ctx, adult_on)
        return {"benefit_type": kind, "benefit_start": start, "benefit_end": end}
    return {"benefit_type": kind, "benefit_start": _benefit_start(ctx, adult_on)}


def _languages(ctx: Context, status_holder: bool, non_native: bool) -> tuple[list[Language], str]:
    if not non_native:
        languages = [Language(language=DUTCH, level=LanguageLevel.C2, is_dutch=True)]
        if ctx.chance(0.25):
            level = ctx.pick((LanguageLevel.A2, LanguageLevel.B1, LanguageLevel.B2))
            languages.append(Language(language="Engels", level=level))
        return languages, LanguageLevel.C2
    if status_holder:
        mother = ctx.pick_weighted(STATUS_HOLDER_LANGUAGES, STATUS_HOLDER_LANGUAGE_WEIGHTS)
    else:
        mother = ctx.pick_weighted(OTHER_LANGUAGES, OTHER_LANGUAGE_WEIGHTS)
    level = ctx.pick_weighted(NT2_LEVELS, NT2_WEIGHTS)
    languages = [
        Language(language=DUTCH, level=level, is_dutch=True),
        Language(language=mother),
    ]
    if mother != "Engels" and ctx.chance(0.3):
        languages.append(Language(language="Engels", level=ctx.pick(NT2_LEVELS)))
    return languages, level


def _driving_licences(ctx: Context, non_native: bool) -> list[str]:
    licences = []
    if ctx.chance(0.12):
        licences.append(DrivingLicence.AM)
    if ctx.chance(0.22 if non_native else 0.45):
        licences.append(DrivingLicence.B)
        if ctx.chance(0.15):
            licences.append(DrivingLicence.BE)
        if ctx.chance(0.05):
            licences.append(DrivingLicence.C)
            if ctx.chance(0.5):
                licences.append(DrivingLicence.CE)
        if ctx.chance(0.01):
            licences.append(DrivingLicence.D)
    return [code for code in DrivingLicence.values if code in licences]


def _certificates(ctx: Context, licences: list[str]) -> list[str]:
    chosen: list[str] = []
    if ctx.chance(0.3):
        for _item in range(ctx.pick_weighted((1, 2), (70, 30))):
            chosen.append(ctx.pick_weighted(CERTIFICATES, CERTIFICATE_WEIGHTS))
    if {DrivingLicence.C, DrivingLicence.D} & set(licences) and ctx.chance(0.7):
        chosen.append(Certificate.CODE95)
    return [code for code in Certificate.values if code in chosen]


def _availability(ctx: Context, licences: list[str]) -> dict[str, object]:
    values: dict[str, object] = {}
    if ctx.chance(0.85):
        values["hours_min"], values["hours_max"] = ctx.pick_weighted(HOURS, HOURS_WEIGHTS)
    days = [Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY]
    if ctx.chance(0.25):
        days.remove(ctx.pick(days))
    if ctx.chance(0.3):
        days.append(Weekday.SATURDAY)
    if ctx.chance(0.15):
        days.append(Weekday.SUNDAY)
    shifts = [Shift.DAY] if ctx.chance(0.92) else []
    for shift, chance in ((Shift.EVENING, 0.3), (Shift.NIGHT, 0.08), (Shift.WEEKEND, 0.25)):
        if ctx.chance(chance):
            shifts.append(shift)
    values["available_days"] = [code for code in Weekday.values if code in days]
    values["shifts"] = [code for code in Shift.values if code in (shifts or [Shift.DAY])]
    values["travel_radius_km"] = ctx.pick_weighted(RADII, RADIUS_WEIGHTS)
    values["travel_means"] = _travel_means(ctx, licences)
    return values


def _travel_means(ctx: Context, licences: list[str]) -> list[str]:
    means = []
    for code, chance in (
        (TravelMeans.WALK, 0.4),
        (TravelMeans.BIKE, 0.7),
        (TravelMeans.PUBLIC_TRANSPORT, 0.55),
    ):
        if ctx.chance(chance):
            means.append(code)
    if DrivingLicence.AM in licences and ctx.chance(0.7):
        means.append(TravelMeans.MOPED)
    if DrivingLicence.B in licences and ctx.chance(0.6):
        means.append(TravelMeans.CAR)
    return [code for code in TravelMeans.values if code in (means or [TravelMeans.BIKE])]


def _contact(ctx: Context, first_name: str, last_name: str, force: bool) -> dict[str, str]:
    """A made-up address on a reserved domain and a made-up mobile number."""
    values = {}
    if force or ctx.chance(0.75):
        local = f"{slugify(first_name)}.{slugify(last_name).replace('-', '')}"
        values["email"] = f"{local}{ctx.rng.randint(1, 99)}@{EMAIL_DOMAIN}"
    if force or ctx.chance(0.85):
        digits = f"{ctx.rng.randrange(10**7):07d}"
        values["phone"] = f"06 9{digits[:3]} {digits[3:]}"
    return values


# --- Parts of the file ---------------------------------------------------------------------


def _experience(ctx: Context, pools: Pools) -> list[WorkExperience]:
    items = []
    for _item in range(ctx.pick_weighted((0, 1, 2, 3), (15, 40, 30, 15))):
        years = min(15, int(ctx.rng.expovariate(0.35)))
        if ctx.chance(0.1):
            items.append(WorkExperience(description=ctx.pick(UNPAID_WORK), years=years))
            continue
        code = ctx.pick_weighted(list(FIELD_WEIGHTS), list(FIELD_WEIGHTS.values()))
        items.append(WorkExperience(occupation=pools.occupation(ctx, code), years=years))
    return items


def _ambitions(ctx: Context, pools: Pools, experience: list[WorkExperience]) -> list[Ambition]:
    known = [e.occupation for e in experience if e.occupation and e.occupation.field.code]
    fields = [o.field.code for o in known if o.field.code in TARGET_FIELDS]
    weights = [FIELD_WEIGHTS[code] for code in TARGET_FIELDS]
    ambitions = []
    for index in range(ctx.pick_weighted((1, 2), (60, 40))):
        if index == 0 and fields and ctx.chance(0.5):
            field_code = fields[0]
        else:
            field_code = ctx.pick_weighted(TARGET_FIELDS, weights)
        occupation = pools.occupation(ctx, field_code)
        note = ctx.pick(AMBITION_NOTES) if ctx.chance(0.2) else ""
        ambitions.append(Ambition(occupation=occupation, field=occupation.field, note=note))
    return ambitions


def _obstacle_kinds(ctx: Context, age: int, dutch_level: str) -> list[str]:
    if not ctx.chance(OBSTACLE_SHARE):
        return []
    weights = dict(OBSTACLE_WEIGHTS)
    if dutch_level not in LOW_NT2 | {LanguageLevel.B1}:
        del weights[ObstacleKind.LANGUAGE]
    if age >= 50:
        del weights[ObstacleKind.CHILDCARE]
    kinds: list[str] = []
    if dutch_level in LOW_NT2 and ctx.chance(0.7):
        kinds.append(ObstacleKind.LANGUAGE)
    count = ctx.pick_weighted((1, 2, 3), (55, 30, 15))
    while len(kinds) < count:
        kind = ctx.pick_weighted(list(weights), list(weights.values()))
        if kind not in kinds:
            kinds.append(kind)
    return kinds


def _obstacles(ctx: Context, kinds: list[str]) -> list[Obstacle]:
    # About one in ten no longer plays a part: solved, but kept in the file as history.
    return [
        Obstacle(kind=kind, impact=ctx.pick(IMPACTS[kind]), is_active=not ctx.chance(0.1))
        for kind in kinds
    ]


def _consents(ctx: Context, start: dt.date, force: bool) -> list[Consent]:
    consents = []
    earliest = max(0, (ctx.today - start).days)
    if ctx.chance(WITHDRAWN_SHARE):
        given = ctx.today - dt.timedelta(days=ctx.rng.randint(0, earliest))
        withdrawn = given + dt.timedelta(days=ctx.rng.randint(0, max(0, (ctx.today - given).days)))
        consents.append(_consent(ctx, given, withdrawn))
    if force or ctx.chance(CONSENT_SHARE):
        given = ctx.today - dt.timedelta(days=ctx.rng.randint(1, max(1, min(earliest, 900))))
        if consents and given < consents[0].withdrawn_at.date():  # type: ignore[union-attr]
            given = consents[0].withdrawn_at.date()  # type: ignore[union-attr]
        consents.append(_consent(ctx, given, None))
    return consents


def _consent(ctx: Context, given: dt.date, withdrawn: dt.date | None) -> Consent:
    return Consent(
        kind=ConsentKind.SHARE_PROFILE_WITH_EMPLOYERS,
        given_at=ctx.at(given, ctx.rng.randint(9, 16), ctx.pick((0, 15, 30, 45))),
        withdrawn_at=ctx.at(withdrawn, ctx.rng.randint(9, 20)) if withdrawn else None,
    )


# --- One person ----------------------------------------------------------------------------


def _job_seeker(
    ctx: Context, geo: Geography, municipality: Municipality, bsn: str, showcase: bool
) -> JobSeeker:
    first_name, last_name = ctx.fake.first_name(), ctx.fake.last_name()
    born = _birth_date(ctx)
    area = geo.random_postcode(ctx, municipality)
    letters = "".join(ctx.pick(POSTCODE_LETTERS) for _letter in range(2))
    return JobSeeker(
        public_id=ctx.public_id(),
        municipality=municipality,
        first_name=first_name,
        last_name=last_name,
        bsn_encrypted=encrypt_subject_id(bsn),
        bsn_hash=subject_hash(bsn),
        date_of_birth=born,
        postcode=f"{area.pc4}{letters}",
        **_contact(ctx, first_name, last_name, showcase),
        **_benefit(ctx, born),
    )


def _showcase_login(municipality: Municipality, pools: Pools) -> str:
    """The first two people of Haarlem get the job seeker logins."""
    if municipality.name != SHOWCASE_MUNICIPALITY or pools.showcased >= len(JOB_SEEKER_LOGINS):
        return ""
    pools.showcased += 1
    return JOB_SEEKER_LOGINS[pools.showcased - 1]


def _make_showcase(ctx: Context, person: Person, staff: Staff) -> None:
    """A file worth looking at: a long benefit (so the campaign selects it), a running case."""
    job_seeker = person.job_seeker
    login = person.showcase
    job_seeker.benefit_type, job_seeker.benefit_end = BenefitType.SOCIAL_ASSISTANCE, None
    job_seeker.benefit_start = min(
        job_seeker.benefit_start or ctx.today, ctx.today - dt.timedelta(days=800)
    )
    job_seeker.benefit_start = max(
        job_seeker.benefit_start, _years_before(job_seeker.date_of_birth, -ADULT_AGE)
    )
    first = login == JOB_SEEKER_LOGINS[0]
    job_seeker.case_manager = staff.named["klantmanager" if first else "klantmanager2"]
    job_seeker.user = staff.named[login]
    if not person.obstacles:
        person.obstacles = _obstacles(ctx, [ObstacleKind.DIGITAL_SKILLS])
    if not first:
        person.consents = []  # this one has not given consent (yet): the page offers it


MONITORING_COUNTRIES = ("MA", "TR", "SR", "PL", "UA", "SY", "ER", "AF")
REFUGEE_COUNTRIES = ("SY", "ER", "AF", "UA")


def _monitoring_fields(bsn_hash: str, non_native: bool, status_holder: bool) -> dict[str, str]:
    """Gender, nationality and country of birth, for the fairness monitor only.

    Drawn from a generator of their own (seeded by the file), so adding them left every other
    value of the demo as it was.
    """
    rng = random.Random(bsn_hash)
    gender = rng.choices(["female", "male", "other", ""], weights=[48, 48, 1, 3])[0]
    if not non_native:
        return {"gender": gender, "nationality": "NL", "country_of_birth": "NL"}
    born = rng.choice(REFUGEE_COUNTRIES if status_holder else MONITORING_COUNTRIES)
    nationality = "NL" if rng.random() < 0.35 else born
    return {"gender": gender, "nationality": nationality, "country_of_birth": born}


def build_person(
    ctx: Context, geo: Geography, pools: Pools, staff: Staff, municipality: Municipality
) -> Person:
    showcase = _showcase_login(municipality, pools)
    job_seeker = _job_seeker(
        ctx, geo, municipality, synthetic_bsn(ctx, pools.used_bsns), bool(showcase)
    )
    job_seeker.case_manager = staff.pick_case_manager(ctx, municipality)
    non_native = ctx.chance(NON_NATIVE_SHARE)
    status_holder = non_native and ctx.chance(STATUS_HOLDER_SHARE)
    languages, dutch_level = _languages(ctx, status_holder, non_native)
    job_seeker.is_status_holder = status_holder
    for name, value in _monitoring_fields(job_seeker.bsn_hash, non_native, status_holder).items():
        setattr(job_seeker, name, value)
    job_seeker.in_target_group_register = ctx.chance(REGISTER_SHARE)
    job_seeker.education_level = ctx.pick_weighted(
        list(EDUCATION_WEIGHTS), list(EDUCATION_WEIGHTS.values())
    )
    job_seeker.driving_licences = _driving_licences(ctx, non_native)
    job_seeker.certificates = _certificates(ctx, job_seeker.driving_licences)
    for name, value in _availability(ctx, job_seeker.driving_licences).items():
        setattr(job_seeker, name, value)
    job_seeker.talents = ctx.pick(TALENTS) if ctx.chance(0.7) else ""
    job_seeker.support_needed = ctx.pick(SUPPORT) if ctx.chance(0.6) else ""
    experience = _experience(ctx, pools)
    person = Person(
        job_seeker=job_seeker,
        languages=languages,
        experience=experience,
        skills=[Skill(name=name) for name in ctx.sample(SKILLS, ctx.rng.randint(1, 3))],
        ambitions=_ambitions(ctx, pools, experience),
        obstacles=_obstacles(ctx, _obstacle_kinds(ctx, job_seeker.age(ctx.today), dutch_level)),
        consents=_consents(ctx, job_seeker.benefit_start or ctx.today, bool(showcase)),
        dutch_level=dutch_level,
        showcase=showcase,
    )
    if showcase:
        _make_showcase(ctx, person, staff)
    for consent in person.consents:
        consent.recorded_by_id = job_seeker.case_manager.pk  # type: ignore[union-attr]
    return person


# --- Saving in batches ---------------------------------------------------------------------


def _save(people: list[Person]) -> None:
    """bulk_create the files, then their parts (each part picks up its file's new key)."""
    JobSeeker.objects.bulk_create([p.job_seeker for p in people], batch_size=BATCH_SIZE)
    parts: dict[type, list] = {
        Language: [],
        WorkExperience: [],
        Skill: [],
        Ambition: [],
        Obstacle: [],
        Consent: [],
    }
    for person in people:
        for items in (
            person.languages,
            person.experience,
            person.skills,
            person.ambitions,
            person.obstacles,
            person.consents,
        ):
            for item in items:
                item.job_seeker = person.job_seeker
                parts[type(item)].append(item)
    for model, items in parts.items():
        model.objects.bulk_create(items, batch_size=BATCH_SIZE)
    for person in people:
        if person.showcase:
            user: User = person.job_seeker.user  # type: ignore[assignment]
            name_job_seeker_login(user, person.job_seeker.first_name, person.job_seeker.last_name)


def generate_job_seekers(
    ctx: Context, geo: Geography, taxonomy: Taxonomy, staff: Staff, total: int
) -> Iterator[list[Person]]:
    """Build and save `total` people, one batch at a time; yields each saved batch."""
    pools = Pools.create(taxonomy)
    done = 0
    while done < total:
        size = min(BATCH_SIZE, total - done)
        batch = [
            build_person(ctx, geo, pools, staff, geo.random_municipality(ctx)) for _ in range(size)
        ]
        _save(batch)
        reset_queries()  # with DEBUG on, Django would otherwise keep every insert in memory
        done += size
        yield batch
