"""What the matching engine weighs, and what it never looks at.

This module is the single source for the score's parts, their default weights and the attributes
that are excluded. The public algorithm description (Algoritmeregister) and the administrator's
weight form are generated from it, so documentation and behaviour cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

# Protected attributes: never part of a person's features, so never part of a score. They are used
# only to monitor outcomes per group, in aggregate.
EXCLUDED_ATTRIBUTES: tuple[str, ...] = ("age", "gender", "nationality", "origin", "health")

# Hours a week are compared in bands; a person available for a band covers that part of a job.
HOURS_BANDS: tuple[tuple[int, int], ...] = ((0, 12), (12, 20), (20, 28), (28, 36), (36, 61))

# Ordered levels; a requirement "at least X" is met by X and everything after it.
LANGUAGE_LEVELS: tuple[str, ...] = ("A1", "A2", "B1", "B2", "C1", "C2")
EDUCATION_LEVELS: tuple[str, ...] = (
    "0_none",
    "1_vmbo",
    "2_mbo2",
    "3_mbo3",
    "4_mbo4",
    "5_hbo",
    "6_wo",
)
DRIVING_LICENCES: tuple[str, ...] = ("AM", "B", "BE", "C", "CE", "D")
CERTIFICATES: tuple[str, ...] = (
    "vca_basic",
    "vca_full",
    "forklift",
    "reach_truck",
    "first_aid",
    "emergency_response",
    "food_hygiene",
    "social_hygiene",
    "security_guard",
    "code95",
    "vog",
)

# Occupation fit: how alike two occupations are when they are not the same one.
SAME_OCCUPATION = 1.0
SAME_ISCO_GROUP = {4: 0.75, 3: 0.5, 2: 0.25}  # digits shared → fit
SKILL_SHARE_CAP = 0.9  # sharing every essential skill is close to, not the same as, one occupation

# Distance part = 1 − min((d / radius)², DISTANCE_SQUARED_CAP): 1 at the door, 0.75 at half the
# radius, 0 at the radius, −1 from about 1.4 × the radius.
DISTANCE_SQUARED_CAP = 2.0
UNKNOWN_DISTANCE_SQUARED = 0.5  # no postcode or no location: neither reward nor punish much

TEXT_DIMENSIONS = 128


@dataclass(frozen=True)
class Part:
    code: str
    name: str  # Dutch, B1: shown to administrators and in the public description
    explains: str  # Dutch: how the part is computed, in one or two sentences
    range: str


PARTS: tuple[Part, ...] = (
    Part(
        "occupation",
        "Beroep",
        "1 als de vacature het beroep is dat iemand wil of heeft gedaan; 0,75 / 0,5 / 0,25 als het "
        "in dezelfde ISCO-beroepsgroep valt (4, 3 of 2 cijfers gelijk); anders het deel van de "
        "essentiële ESCO-vaardigheden van het beroep dat iemand al heeft (hoogstens 0,9).",
        "0 tot 1",
    ),
    Part(
        "text",
        "Tekst",
        "Hoe sterk de woorden van het profiel (talenten, vaardigheden, ervaring, wensen) lijken "
        "op de woorden van de vacature, na Nederlandse stamvorming en het splitsen van "
        "samenstellingen.",
        "meestal 0 tot 1",
    ),
    Part(
        "distance",
        "Afstand",
        "1 − (afstand ÷ reisafstand)²: 1 dichtbij, 0 op de grens van de reisafstand die iemand "
        "wil, −1 ruim daarbuiten. Werk op afstand telt als dichtbij; zonder postcode 0,5.",
        "−1 tot 1",
    ),
    Part(
        "hours",
        "Uren",
        "Welk deel van de uren van de vacature past bij de uren die iemand kan werken. "
        "Onbekende uren tellen voor de helft.",
        "0 tot 1",
    ),
    Part(
        "requirements",
        "Eisen",
        "1 als iemand aan alle harde eisen voldoet (rijbewijs, Nederlands, opleiding, "
        "certificaten); elke eis die ontbreekt trekt 1 af. Ontbrekende eisen worden getoond, met "
        "aanbod dat helpt om ze te halen.",
        "1 of minder",
    ),
    Part(
        "inclusion",
        "Werkgever staat open voor afstand tot werk",
        "1 als de werkgever of het aanbod zegt mensen met een afstand tot werk aan te nemen en "
        "iemand langdurig een uitkering heeft; anders 0.",
        "0 of 1",
    ),
)

PART_CODES: tuple[str, ...] = tuple(p.code for p in PARTS)


@dataclass(frozen=True)
class Weights:
    """Weights of the parts. Defaults sum to 1; a municipality may change them (0 to 1 each)."""

    occupation: float = 0.35
    text: float = 0.15
    distance: float = 0.2
    hours: float = 0.1
    requirements: float = 0.15
    inclusion: float = 0.05

    def as_tuple(self) -> tuple[float, ...]:
        return tuple(getattr(self, code) for code in PART_CODES)

    def as_dict(self) -> dict[str, float]:
        return {code: getattr(self, code) for code in PART_CODES}

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"weight {f.name} must lie between 0 and 1, not {value}")


DEFAULT_WEIGHTS = Weights()
