"""The deterministic demo region: `werkroute demo --seed N --size small|city|large`.

Everything is synthetic and follows from the seed (and today's date, so events stay upcoming).
The whole run is one transaction: a failure leaves the database as it was.
"""

import datetime as dt
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain

from django.db import connection, transaction
from django.utils import translation

from werkroute.catalogue.constants import OfferingKind
from werkroute.demo.generator.activities import courses, entrepreneurship, events, support
from werkroute.demo.generator.campaigns import CampaignSummary, create_campaign
from werkroute.demo.generator.casework import (
    OfferingIndex,
    add_casework,
    backdate_appointments,
    count_records,
    desk_places,
)
from werkroute.demo.generator.context import SIZES, Context, SizeSpec
from werkroute.demo.generator.employers import generate_employer_world
from werkroute.demo.generator.geography import Geography, build_geography
from werkroute.demo.generator.jobseekers import generate_job_seekers
from werkroute.demo.generator.occupations import Taxonomy
from werkroute.demo.generator.offerings import Planned, save_offerings
from werkroute.demo.generator.organisations import Cast, build_cast
from werkroute.demo.generator.referrals import add_referrals
from werkroute.demo.generator.reset import (
    DemoRefused,
    check_demo_database,
    delete_demo_data,
    is_demo_database,
)
from werkroute.demo.generator.users import (
    DEMO_PASSWORD,
    DemoLogin,
    Staff,
    casework_logins,
    create_casework_staff,
    create_users,
    shared_password_hash,
)
from werkroute.demo.generator.vacancies import vacancies
from werkroute.demo.generator.work import basic_jobs, volunteering, work_experience
from werkroute.demo.models import DemoRun

__all__ = ["DEMO_PASSWORD", "SIZES", "DemoLogin", "DemoRefused", "DemoReport", "generate_demo"]

PROGRESS_EVERY = 10_000
SQLITE_CACHE_KIB = -262_144  # negative: a size in KiB, here 256 MiB

Log = Callable[[str], None]


@dataclass
class DemoReport:
    seed: int
    size: str
    partners: int
    employers: int
    locations: int
    offerings: dict[str, int] = field(default_factory=dict)  # per kind, in OfferingKind order
    logins: list[DemoLogin] = field(default_factory=list)
    seconds: float = 0.0
    job_seekers: int = 0
    case_managers: int = 0
    teams: int = 0
    casework: dict[str, int] = field(default_factory=dict)  # records per kind (see Records)
    campaign: CampaignSummary | None = None

    @property
    def total_offerings(self) -> int:
        return sum(self.offerings.values())


def _split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if index < total % parts else 0) for index in range(parts)]


def _offerings(
    ctx: Context, geo: Geography, cast: Cast, taxonomy: Taxonomy, size: SizeSpec
) -> Iterator[Planned]:
    """Every offering in a fixed order; generators, so the large size never sits in memory."""
    others = _split(size.others, 5)
    return chain(
        vacancies(ctx, geo, cast, taxonomy, size.vacancies),
        events(ctx, geo, cast, size.events),
        courses(ctx, geo, cast, size.courses),
        work_experience(ctx, geo, cast, taxonomy, others[0]),
        basic_jobs(ctx, geo, cast, taxonomy, others[1]),
        volunteering(ctx, geo, cast, taxonomy, others[2]),
        support(ctx, geo, cast, others[3]),
        entrepreneurship(ctx, geo, cast, others[4]),
    )


def _progress(log: Log, total: int, what: str = "aanbiedingen") -> Callable[[int], None]:
    reported = [0]

    def report(done: int) -> None:
        if done // PROGRESS_EVERY > reported[0] // PROGRESS_EVERY or done == total:
            log(f"  {done:>7} van {total} {what} opgeslagen")
        reported[0] = done

    return report


@dataclass
class CaseworkWorld:
    staff: Staff
    job_seekers: int
    records: dict[str, int]
    campaign: CampaignSummary


def _casework_world(
    ctx: Context,
    geo: Geography,
    cast: Cast,
    taxonomy: Taxonomy,
    size: SizeSpec,
    password_hash: str,
    say: Log,
) -> CaseworkWorld:
    """Case managers and teams, job seekers with their case work, and Haarlem's campaign."""
    staff = create_casework_staff(ctx, geo, size, password_hash)
    index = OfferingIndex.load(ctx.today)
    places = desk_places(cast)
    report = _progress(say, size.job_seekers, "werkzoekenden")
    done = 0
    for batch in generate_job_seekers(ctx, geo, taxonomy, staff, size.job_seekers):
        add_casework(ctx, batch, index, places)
        done += len(batch)
        report(done)
    campaign = create_campaign(ctx, geo, staff, places)
    backdate_appointments(ctx, geo.region)
    # Last, so it draws after every other generator and changes none of their values.
    add_referrals(ctx, geo.region)
    return CaseworkWorld(staff, done, count_records(geo.region), campaign)


@contextmanager
def _large_sqlite_cache() -> Iterator[None]:
    """One big transaction spills SQLite's small default page cache to disk over and over."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (previous,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = {SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")


def generate_demo(
    *, seed: int, size: str, today: dt.date | None = None, log: Log | None = None
) -> DemoReport:
    """(Re)build the demo region; raises DemoRefused on a database with real data."""
    say = log or (lambda message: None)
    spec = SIZES[size]
    started = time.perf_counter()
    with translation.override("nl"), _large_sqlite_cache(), transaction.atomic():
        check_demo_database()
        if is_demo_database():
            say("Vorige demogegevens verwijderen …")
            delete_demo_data()
        ctx = Context.create(seed, today)
        geo = build_geography(ctx)
        say(f"Regio {geo.region.name}: {len(geo.municipalities)} gemeenten.")
        taxonomy = Taxonomy.load()
        cast = build_cast(ctx, geo, spec, taxonomy)
        say(f"{len(cast.partners)} partners en {len(cast.employers)} werkgevers.")
        total = spec.vacancies + spec.events + spec.courses + spec.others
        counts = save_offerings(
            _offerings(ctx, geo, cast, taxonomy, spec), progress=_progress(say, total)
        )
        password_hash = shared_password_hash()
        logins = create_users(geo, cast, password_hash)
        world = _casework_world(ctx, geo, cast, taxonomy, spec, password_hash, say)
        logins += casework_logins(world.staff)
        generate_employer_world(ctx, geo.region)
        DemoRun.objects.create(seed=seed, size=size)
    return DemoReport(
        seed=seed,
        size=size,
        partners=len(cast.partners),
        employers=len(cast.employers),
        locations=sum(len(actor.locations) for actor in cast.all),
        offerings={kind.value: counts[kind.value] for kind in OfferingKind},
        logins=logins,
        seconds=time.perf_counter() - started,
        job_seekers=world.job_seekers,
        case_managers=len(world.staff.all_case_managers),
        teams=len(world.staff.teams),
        casework=world.records,
        campaign=world.campaign,
    )
