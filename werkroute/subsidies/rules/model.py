"""What a scheme (regeling) is once its file has been read and checked. Plain Python: no Django."""

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    MAYBE = "maybe"


COUNTRIES: dict[str, str] = {"nl": "Nederland", "be-vl": "Vlaanderen"}

KINDS: dict[str, str] = {
    "subsidy": "subsidie of premie",
    "tax_credit": "loonkostenvoordeel",
    "insurance": "verzekering",
    "contribution_reduction": "korting op werkgeversbijdragen",
    "instrument": "instrument of voorziening",
    "placement": "tewerkstelling of werkervaring",
}

UNITS: dict[str, str] = {
    "euro_per_hour": "euro per uur",
    "euro_per_month": "euro per maand",
    "euro_per_quarter": "euro per kwartaal",
    "euro_per_year": "euro per jaar",
    "euro_once": "euro, eenmalig",
    "percent_of_wage": "procent van het loon",
    "percent_of_minimum_wage": "procent van het minimumloon",
}

OPERATORS: dict[str, str] = {
    "==": "gelijk aan",
    "!=": "niet gelijk aan",
    "<": "kleiner dan",
    "<=": "kleiner dan of gelijk aan",
    ">": "groter dan",
    ">=": "groter dan of gelijk aan",
    "in": "een van",
    "not in": "geen van",
}


@dataclass(frozen=True)
class Condition:
    """One rule over one fact, with the sentences shown for yes, no and unknown."""

    fact: str
    op: str
    value: Any
    yes: str = ""
    no: str = ""
    unknown: str = ""
    # What a condition that is not met answers: usually "no"; "maybe" where the rule in the
    # file is a simplification and a person should look (e.g. an indexed wage ceiling).
    otherwise: Answer = Answer.NO


@dataclass(frozen=True)
class Group:
    """Conditions that must all hold ("all") or of which one is enough ("any")."""

    mode: str  # "all" or "any"
    items: tuple["Condition | Group", ...]
    yes: str = ""
    no: str = ""
    unknown: str = ""


Rule = Condition | Group


@dataclass(frozen=True)
class Amount:
    text: str
    value: float | None = None
    unit: str = ""

    @property
    def unit_label(self) -> str:
        return UNITS.get(self.unit, self.unit)


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Scheme:
    code: str
    name: str
    country: str
    kind: str
    summary: str
    amount: Amount
    source: Source
    last_checked: dt.date
    conditions: tuple[Rule, ...]
    path: str = ""  # the file, relative to the data directory
    uncertain: str = ""  # what the author is not sure of, shown with the scheme
    check_yourself: tuple[str, ...] = field(default_factory=tuple)

    @property
    def country_label(self) -> str:
        return COUNTRIES.get(self.country, self.country)

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class Catalogue:
    """Every scheme that was read, in a stable order (country, then name)."""

    schemes: tuple[Scheme, ...] = ()

    def for_country(self, country: str) -> list[Scheme]:
        return [s for s in self.schemes if s.country == country]

    def get(self, country: str, code: str) -> Scheme | None:
        return next((s for s in self.schemes if s.country == country and s.code == code), None)

    @property
    def countries(self) -> list[str]:
        return [c for c in COUNTRIES if any(s.country == c for s in self.schemes)]
