"""The subsidies app's use cases: the catalogue of schemes, and the eligibility check.

The rules themselves live in data files (see data/README.md) and are read by the plain-Python
engine in werkroute.subsidies.rules; this module adds what Django knows: where the files are,
the vocabularies, and how to turn a job seeker's file and a vacancy into facts. Nothing is
written to the database: a check is a calculation, not a record.
"""

import datetime as dt
import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from werkroute.catalogue.constants import SalaryPeriod
from werkroute.catalogue.models import Offering
from werkroute.core.constants import Country
from werkroute.jobseekers.models import JobSeeker
from werkroute.subsidies.constants import Region, vocabularies
from werkroute.subsidies.rules import (
    Catalogue,
    JobFacts,
    Outcome,
    PersonFacts,
    all_facts,
    evaluate_catalogue,
    load_catalogue,
)

DEFAULT_SCHEMES_DIR = Path(__file__).resolve().parent / "data"
WEEKS_PER_MONTH = Decimal(52) / Decimal(12)

_cache: dict[str, tuple[Any, Catalogue]] = {}


def schemes_dir() -> Path:
    """Where the rule files are: the setting WERKROUTE_SCHEMES_DIR, else the shipped ones."""
    return Path(getattr(settings, "WERKROUTE_SCHEMES_DIR", "") or DEFAULT_SCHEMES_DIR)


def _signature(root: Path) -> tuple[Any, ...]:
    """Changes when a file is added, removed or edited, so a new file counts without a restart.
    The files are small; reading them is cheaper than being wrong about a same-size edit."""
    if not root.is_dir():
        return ()
    return tuple(
        (path.as_posix(), hashlib.sha256(path.read_bytes()).hexdigest())
        for path in sorted(root.glob("**/*.toml"))
    )


def catalogue() -> Catalogue:
    """Every scheme in the data folder. Raises rules.SchemeFileError if a file is wrong."""
    root = schemes_dir()
    signature = _signature(root)
    cached = _cache.get(str(root))
    if cached is not None and cached[0] == signature:
        return cached[1]
    found = load_catalogue(root, vocabularies(), today=timezone.localdate())
    _cache[str(root)] = (signature, found)
    return found


def check_eligibility(person: PersonFacts, job: JobFacts, country: str = "nl") -> list[Outcome]:
    """Which schemes of the country apply to this candidate in this job: yes, no or maybe, each
    with a Dutch reason per condition. Unknown facts give "maybe", never a silent yes or no."""
    return evaluate_catalogue(catalogue(), country, all_facts(person, job), vocabularies())


# --- Facts from the records ---------------------------------------------------------------------


def region_of_country(country: str) -> str:
    """The scheme region of a Werkroute region's country. Werkroute's Belgian regions are Flemish."""
    return Region.FLANDERS if country == Country.BELGIUM else Region.NETHERLANDS


def person_facts(job_seeker: JobSeeker, *, today: dt.date | None = None) -> PersonFacts:
    """What the job seeker's file says that schemes ask about; the rest stays unknown.

    Age is read here on purpose: eligibility for a scheme is not matching, and the law asks it.
    """
    today = today or timezone.localdate()
    benefit_ended = job_seeker.benefit_end is not None and job_seeker.benefit_end < today
    return PersonFacts(
        age=job_seeker.age(today),
        benefit_type="none" if benefit_ended else (job_seeker.benefit_type or None),
        benefit_months=job_seeker.benefit_months(today),
        in_target_group_register=job_seeker.in_target_group_register,
        # Everyone in the register has a work-limiting disability; outside it, the file does not
        # say (health is not recorded), so it stays unknown rather than "no".
        work_limiting_disability=True if job_seeker.in_target_group_register else None,
        is_status_holder=job_seeker.is_status_holder,
        lives_in=region_of_country(job_seeker.municipality.region.country),
    )


def _monthly_wage(offering: Offering, hours: float | None) -> float | None:
    if offering.salary_min is None:
        return None
    if offering.salary_period == SalaryPeriod.MONTH:
        return float(offering.salary_min)
    if offering.salary_period == SalaryPeriod.HOUR and hours:
        return round(float(offering.salary_min * Decimal(str(hours)) * WEEKS_PER_MONTH), 2)
    return None


def job_facts(
    offering: Offering,
    *,
    contract_months: int | None = None,
    wage_per_month: float | None = None,
    start_date: dt.date | None = None,
) -> JobFacts:
    """What the vacancy says that schemes ask about, plus what the adviser adds by hand.

    Hours: the vacancy's minimum (the hours the person can count on), else its maximum.
    """
    hours = offering.hours_min if offering.hours_min is not None else offering.hours_max
    place = offering.municipality or getattr(offering.location, "municipality", None)
    region = place.region if place is not None else offering.organisation.region
    return JobFacts(
        hours_per_week=float(hours) if hours is not None else None,
        contract_type=offering.contract_type or None,
        contract_months=contract_months,
        wage_per_month=wage_per_month
        if wage_per_month is not None
        else _monthly_wage(offering, hours),
        work_region=region_of_country(region.country),
        start_date=start_date or timezone.localdate(),
    )


def country_for(job_seeker: JobSeeker) -> str:
    return region_of_country(job_seeker.municipality.region.country)


def check_for_candidate(
    job_seeker: JobSeeker,
    offering: Offering,
    *,
    contract_months: int | None = None,
    wage_per_month: float | None = None,
    start_date: dt.date | None = None,
) -> list[Outcome]:
    """The check for one candidate in one vacancy, e.g. from a proposal (voordracht).

    The caller has already checked that the user may see this file and written the access audit.
    """
    person = person_facts(job_seeker)
    job = job_facts(
        offering,
        contract_months=contract_months,
        wage_per_month=wage_per_month,
        start_date=start_date,
    )
    return check_eligibility(person, job, country_for(job_seeker))
