"""Each part of a score in plain Dutch (B1): what a case manager and a job seeker read."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from werkroute.catalogue.models import Offering
from werkroute.matching.engine import PairParts, PersonRecord
from werkroute.matching.features import OccupationSource
from werkroute.taxonomy.constants import Certificate, EducationLevel

GOOD, NEUTRAL, GAP = "good", "neutral", "gap"
TEXT_FIT_WORTH_SAYING = 0.3


@dataclass(frozen=True)
class Reason:
    part: str
    text: str
    tone: str = NEUTRAL


@dataclass
class Gap:
    """A hard requirement the person does not meet, with offerings that help to meet it."""

    item: tuple[str, str]
    text: str
    courses: list[Offering] = field(default_factory=list)


@dataclass
class Explained:
    offering: Offering
    score: float
    parts: dict[str, float]
    reasons: list[Reason]
    gaps: list[Gap]
    # Suitable offerings of the same employer that the list left out (on its last one shown).
    more_at_employer: int = 0


def _km(value: float) -> str:
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}".replace(".", ",")


def occupation_reason(pair: PairParts, labels: dict[int, str], source: OccupationSource) -> Reason:
    match = pair.occupation
    mine = match.person_occupation
    label = labels.get(mine, "") if mine else ""
    if match.relation == "none" or mine is None:
        return Reason("occupation", _("Ander beroep dan de wensen en de werkervaring"))
    if match.relation == "same":
        if mine in source.experience:
            years = source.experience[mine]
            if years:
                text = _("Heeft %(years)s jaar ervaring als %(label)s") % {
                    "years": years,
                    "label": label.lower(),
                }
            else:
                text = _("Heeft ervaring als %(label)s") % {"label": label.lower()}
            return Reason("occupation", text, GOOD)
        if mine in source.ambitions:
            return Reason(
                "occupation", _("Wil werken als %(label)s") % {"label": label.lower()}, GOOD
            )
        field_name = source.fields.get(mine, "")
        return Reason(
            "occupation", _("Wil werken in %(field)s") % {"field": field_name.lower()}, GOOD
        )
    if match.relation == "isco4":
        text = _("Lijkt op %(label)s: zelfde beroepsgroep") % {"label": label.lower()}
    elif match.relation in ("isco3", "isco2"):
        text = _("Verwant aan %(label)s") % {"label": label.lower()}
    else:
        text = _("Heeft %(n)s van de belangrijkste vaardigheden voor dit beroep") % {
            "n": match.shared_skills
        }
    return Reason("occupation", text, GOOD if pair.parts["occupation"] >= 0.5 else NEUTRAL)


def distance_reason(pair: PairParts, person: PersonRecord, offering: Offering) -> Reason:
    if pair.distance_km is None:
        if pair.parts["distance"] >= 1.0:
            return Reason("distance", _("Werk op afstand of online"), GOOD)
        if person.x_km is None:
            return Reason("distance", _("Afstand onbekend: er staat geen postcode in het dossier"))
        return Reason("distance", _("Afstand onbekend: de vacature heeft geen werkadres"))
    values = {"km": _km(pair.distance_km), "radius": f"{person.radius_km:.0f}"}
    if pair.distance_km <= person.radius_km:
        return Reason(
            "distance", _("Woont %(km)s km van het werk (past bij %(radius)s km)") % values, GOOD
        )
    return Reason(
        "distance",
        _("Woont %(km)s km van het werk: verder dan de %(radius)s km die past") % values,
        GAP,
    )


def hours_reason(pair: PairParts, person: PersonRecord, offering: Offering) -> Reason:
    if offering.hours_min is None and offering.hours_max is None:
        return Reason("hours", _("Uren van de vacature onbekend"))
    if person.hours_min is None and person.hours_max is None:
        return Reason("hours", _("Uren die iemand kan werken zijn onbekend"))
    value = pair.parts["hours"]
    if value >= 0.99:
        return Reason("hours", _("Uren passen"), GOOD)
    if value > 0:
        return Reason("hours", _("Uren passen deels"), NEUTRAL)
    return Reason("hours", _("Uren passen niet"), GAP)


def gap_text(item: tuple[str, str]) -> str:
    kind, code = item
    if kind == "licence":
        return _("Mist rijbewijs %(code)s") % {"code": code}
    if kind == "certificate":
        return _("Mist %(name)s") % {"name": Certificate(code).label}
    if kind == "dutch":
        return _("Nederlands op niveau %(level)s nodig") % {"level": code}
    return _("Opleiding minimaal %(level)s nodig") % {"level": EducationLevel(code).label}


def requirement_reasons(pair: PairParts, offering: Offering) -> list[Reason]:
    if pair.missing:
        return [Reason("requirements", gap_text(item), GAP) for item in pair.missing]
    has_requirements = (
        offering.driving_licences
        or offering.certificates
        or offering.language_level
        or offering.education_level
    )
    if has_requirements:
        return [Reason("requirements", _("Voldoet aan de eisen"), GOOD)]
    return []


def other_reasons(pair: PairParts) -> list[Reason]:
    reasons = []
    if pair.parts["text"] >= TEXT_FIT_WORTH_SAYING:
        reasons.append(Reason("text", _("Profiel en vacature noemen dezelfde dingen"), GOOD))
    if pair.parts["inclusion"] > 0:
        reasons.append(
            Reason("inclusion", _("Werkgever staat open voor mensen met afstand tot werk"), GOOD)
        )
    return reasons


def reasons_for(
    pair: PairParts,
    person: PersonRecord,
    offering: Offering,
    labels: dict[int, str],
    source: OccupationSource,
) -> list[Reason]:
    return [
        occupation_reason(pair, labels, source),
        distance_reason(pair, person, offering),
        hours_reason(pair, person, offering),
        *requirement_reasons(pair, offering),
        *other_reasons(pair),
    ]
