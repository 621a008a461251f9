"""Plain records the engine scores: what the database layer hands over, nothing more.

A person record has no field for age, gender, nationality, origin or health. That is the first
line of fairness by construction: the engine cannot weigh what it is never given.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class OccupationInfo:
    key: int
    label: str
    isco: str  # ISCO-08 unit group, four digits ("" when unknown)
    essential_skills: frozenset[int] = frozenset()


@dataclass(frozen=True)
class PersonRecord:
    key: int
    occupations: tuple[int, ...] = ()  # wanted (ambitions) and done before (experience)
    text: str = ""
    x_km: float | None = None  # planar position, km east/north of a fixed origin
    y_km: float | None = None
    radius_km: float = 10.0
    hours_min: int | None = None
    hours_max: int | None = None
    licences: frozenset[str] = frozenset()
    certificates: frozenset[str] = frozenset()
    dutch_level: str = ""
    education_level: str = ""
    long_term: bool = False  # long on a benefit (the municipality's threshold)
    municipality: Hashable = None  # whose weights apply, and which offerings are open to them


@dataclass(frozen=True)
class OfferingRecord:
    key: int
    occupation: int | None = None
    text: str = ""
    x_km: float | None = None
    y_km: float | None = None
    remote: bool = False
    hours_min: int | None = None
    hours_max: int | None = None
    licences: frozenset[str] = frozenset()
    certificates: frozenset[str] = frozenset()
    dutch_level: str = ""
    education_level: str = ""
    inclusive: bool = False
    # Only people of these municipalities may take part (None: everyone).
    open_to: frozenset[Hashable] | None = field(default=None)
