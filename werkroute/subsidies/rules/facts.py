"""The facts a rule may ask about: their names, kinds and Dutch labels, and the two bags of facts
(about the person and about the job) the checker takes.

Plain Python: no Django. A value of None means "unknown"; the checker then answers "misschien"
for a rule that needs it, never a silent yes or no.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

FactKind = Literal["int", "number", "bool", "choice", "date"]

# A vocabulary: the allowed codes of a choice fact, each with its Dutch label. The caller passes
# them in (the Django side builds them from the apps' TextChoices), keyed by vocabulary name.
Vocabularies = Mapping[str, Mapping[str, str]]

# A contract for an indefinite period counts as this many months when a rule asks for a
# minimum contract length (and no length was given).
OPEN_ENDED_MONTHS = 1200
PERMANENT_CONTRACT = "permanent"


@dataclass(frozen=True)
class FactSpec:
    name: str
    kind: FactKind
    label: str  # Dutch, lower case: used inside sentences
    about: Literal["person", "job"]
    vocabulary: str = ""  # for choice facts: the name of the vocabulary
    unit: str = ""  # for numbers: what follows the number in a sentence ("jaar", "uur")


FACT_SPECS: tuple[FactSpec, ...] = (
    FactSpec("age", "int", "leeftijd", "person", unit="jaar"),
    FactSpec("benefit_type", "choice", "uitkering", "person", vocabulary="benefit_type"),
    FactSpec("benefit_months", "int", "duur van de uitkering", "person", unit="maanden"),
    FactSpec(
        "months_without_work",
        "int",
        "tijd zonder werk (ingeschreven als werkzoekende)",
        "person",
        unit="maanden",
    ),
    FactSpec(
        "registered_as_jobseeker",
        "bool",
        "ingeschreven als werkzoekende zonder werk (bij UWV of VDAB)",
        "person",
    ),
    FactSpec(
        "in_target_group_register",
        "bool",
        "in het doelgroepregister (banenafspraak)",
        "person",
    ),
    FactSpec(
        "work_limiting_disability",
        "bool",
        "arbeidsbeperking vastgesteld (in Vlaanderen: arbeidshandicap erkend door VDAB)",
        "person",
    ),
    FactSpec(
        "wage_value_percent",
        "int",
        "loonwaarde (procent van het minimumloon)",
        "person",
        unit="procent",
    ),
    FactSpec(
        "sheltered_work_indication", "bool", "indicatie beschut werk (advies van UWV)", "person"
    ),
    FactSpec("is_status_holder", "bool", "statushouder", "person"),
    FactSpec("lives_in", "choice", "woonplaats (land of gewest)", "person", vocabulary="region"),
    FactSpec("hours_per_week", "number", "uren per week", "job", unit="uur"),
    FactSpec("contract_type", "choice", "soort contract", "job", vocabulary="contract_type"),
    FactSpec("contract_months", "int", "duur van het contract", "job", unit="maanden"),
    FactSpec("wage_per_month", "number", "brutoloon per maand", "job", unit="euro"),
    FactSpec("work_region", "choice", "werkplek (land of gewest)", "job", vocabulary="region"),
    FactSpec("start_date", "date", "begindatum van de baan", "job"),
    FactSpec(
        "employer_recognised_training_company",
        "bool",
        "werkgever is erkend leerbedrijf (SBB)",
        "job",
    ),
    FactSpec(
        "worked_for_employer_before",
        "bool",
        "werkte het afgelopen half jaar al bij deze werkgever",
        "job",
    ),
    FactSpec(
        "employer_sector",
        "choice",
        "soort werkgever (privé of overheid)",
        "job",
        vocabulary="employer_sector",
    ),
    FactSpec("hire_number", "int", "hoeveelste werknemer bij deze werkgever", "job"),
)
FACTS: dict[str, FactSpec] = {spec.name: spec for spec in FACT_SPECS}


@dataclass(frozen=True)
class PersonFacts:
    """What the checker knows about the candidate. None: not known."""

    age: int | None = None
    benefit_type: str | None = None
    benefit_months: int | None = None
    months_without_work: int | None = None
    registered_as_jobseeker: bool | None = None
    in_target_group_register: bool | None = None
    work_limiting_disability: bool | None = None
    wage_value_percent: int | None = None
    sheltered_work_indication: bool | None = None
    is_status_holder: bool | None = None
    lives_in: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class JobFacts:
    """What the checker knows about the job. None: not known."""

    hours_per_week: float | None = None
    contract_type: str | None = None
    contract_months: int | None = None
    wage_per_month: float | None = None
    work_region: str | None = None
    start_date: dt.date | None = None
    employer_recognised_training_company: bool | None = None
    worked_for_employer_before: bool | None = None
    employer_sector: str | None = None
    hire_number: int | None = None

    def as_dict(self) -> dict[str, Any]:
        values = asdict(self)
        # A permanent contract without a stated length runs indefinitely.
        if values["contract_months"] is None and values["contract_type"] == PERMANENT_CONTRACT:
            values["contract_months"] = OPEN_ENDED_MONTHS
        return values


def all_facts(person: PersonFacts, job: JobFacts) -> dict[str, Any]:
    return {**person.as_dict(), **job.as_dict()}


# --- Writing values in Dutch --------------------------------------------------------------------

MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def format_number(value: float) -> str:
    """24 -> "24", 10.45 -> "10,45", 6000 -> "6.000"."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, fraction = f"{value:.2f}".rstrip("0").partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + fraction


def format_date(value: dt.date) -> str:
    return f"{value.day} {MONTHS_NL[value.month - 1]} {value.year}"


def format_value(spec: FactSpec, value: Any, vocabularies: Vocabularies) -> str:
    """One fact value (or a list of them) as Dutch text."""
    if isinstance(value, list | tuple):
        parts = [format_value(spec, item, vocabularies) for item in value]
        return ", ".join(parts[:-1]) + " of " + parts[-1] if len(parts) > 1 else "".join(parts)
    if spec.kind == "bool":
        return "ja" if value else "nee"
    if spec.kind == "choice":
        return str(vocabularies.get(spec.vocabulary, {}).get(value, value))
    if spec.kind == "date":
        return format_date(value)
    if spec.name == "contract_months" and value >= OPEN_ENDED_MONTHS:
        return "onbepaalde tijd"
    number = format_number(value)
    if spec.unit == "euro":
        return f"€ {number}"
    return f"{number} {spec.unit}".strip()
