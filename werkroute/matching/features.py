"""From the database to the engine's plain records, in a few bulk queries.

Only the fields listed here reach the engine. Date of birth, gender, nationality, country of birth,
obstacles (health among them), support needed and target-group registrations are never read.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from werkroute.catalogue.constants import JOB_KINDS, AttendanceMode, TargetGroup
from werkroute.catalogue.models import Offering
from werkroute.core.geo import KM_PER_DEGREE_LAT
from werkroute.core.models import PostcodeArea
from werkroute.jobseekers.constants import LONG_TERM_MONTHS
from werkroute.jobseekers.models import Ambition, JobSeeker, Language, Skill, WorkExperience
from werkroute.matching import freshness
from werkroute.matching.engine import OccupationInfo, OfferingRecord, PersonRecord
from werkroute.taxonomy.models import Occupation, OccupationalField, OccupationSkill

# A fixed origin for planar kilometres (the middle of the Netherlands): distances within a region
# differ from great-circle ones by far less than 0.1 %.
ORIGIN_LAT, ORIGIN_LON = 52.1, 5.3
KM_PER_DEGREE_LON = KM_PER_DEGREE_LAT * math.cos(math.radians(ORIGIN_LAT))
# Offerings that welcome people with a distance to the labour market.
INCLUSIVE_GROUPS = (TargetGroup.LONG_TERM_ASSISTANCE, TargetGroup.WORK_LIMITING_DISABILITY)
CHUNK = 2000  # ids per IN (...) query: below SQLite's variable limit


def planar(lat: float | None, lon: float | None) -> tuple[float | None, float | None]:
    if lat is None or lon is None:
        return None, None
    return (lon - ORIGIN_LON) * KM_PER_DEGREE_LON, (lat - ORIGIN_LAT) * KM_PER_DEGREE_LAT


# --- Occupations ---------------------------------------------------------------------------


def occupation_infos() -> dict[int, OccupationInfo]:
    skills: dict[int, set[int]] = defaultdict(set)
    for occupation_id, skill_id in _essential_skill_pairs():
        skills[occupation_id].add(skill_id)
    return {
        pk: OccupationInfo(pk, name, isco or "", frozenset(skills.get(pk, ())))
        for pk, name, isco in Occupation.objects.values_list("pk", "name", "isco08")
    }


def _essential_skill_pairs() -> Iterable[tuple[int, int]]:
    return OccupationSkill.objects.filter(is_essential=True).values_list(
        "occupation_id", "skill_id"
    )


_tables_lock = threading.Lock()
_tables: dict[tuple, tuple[dict[int, str], dict[int, list[int]], dict[int, str]]] = {}


def _occupation_tables() -> tuple[dict[int, str], dict[int, list[int]], dict[int, str]]:
    """Labels, occupations per policy field and field names; cached until occupations change."""
    cached = next(iter(_tables.values()), None)
    if cached is not None and freshness.recently_checked("occupation tables"):
        return cached
    version = tuple(Occupation.objects.aggregate(n=Count("pk"), top=Max("pk")).values())
    freshness.note_checked("occupation tables")
    with _tables_lock:
        if version not in _tables:
            labels: dict[int, str] = {}
            per_field: dict[int, list[int]] = defaultdict(list)
            for pk, name, field_id in Occupation.objects.values_list("pk", "name", "field_id"):
                labels[pk] = name
                if field_id:
                    per_field[field_id].append(pk)
            names = {f.pk: f.label for f in OccupationalField.objects.all()}
            _tables.clear()
            _tables[version] = (labels, dict(per_field), names)
        return _tables[version]


def occupation_labels() -> dict[int, str]:
    return _occupation_tables()[0]


# --- Offerings -----------------------------------------------------------------------------


def matchable_offerings(today: dt.date | None = None) -> QuerySet[Offering]:
    """What matching proposes: public vacancies and other work (not courses or events)."""
    return Offering.objects.public(today).filter(kind__in=list(JOB_KINDS))


def offering_records(queryset: QuerySet[Offering]) -> list[OfferingRecord]:
    labels = occupation_labels()
    rows = list(
        queryset.order_by("pk").values_list(
            "pk",
            "occupation_id",
            "title",
            "description",
            "lat",
            "lon",
            "attendance_mode",
            "hours_min",
            "hours_max",
            "driving_licences",
            "certificates",
            "language_level",
            "education_level",
            "inclusive_employer",
            "target_groups",
        )
    )
    open_to = _open_to([row[0] for row in rows])
    records = []
    for (
        pk,
        occupation_id,
        title,
        description,
        lat,
        lon,
        mode,
        hours_min,
        hours_max,
        licences,
        certificates,
        language_level,
        education_level,
        inclusive_employer,
        target_groups,
    ) in rows:
        x, y = planar(lat, lon)
        occupation_label = labels.get(occupation_id, "") if occupation_id else ""
        records.append(
            OfferingRecord(
                key=pk,
                occupation=occupation_id,
                text=f"{title} {occupation_label} {description}",
                x_km=x,
                y_km=y,
                remote=mode == AttendanceMode.REMOTE,
                hours_min=hours_min,
                hours_max=hours_max,
                licences=frozenset(_codes(licences)),
                certificates=frozenset(_codes(certificates)),
                dutch_level=language_level or "",
                education_level=education_level or "",
                inclusive=bool(inclusive_employer)
                or any(g in _codes(target_groups) for g in INCLUSIVE_GROUPS),
                open_to=open_to.get(pk),
            )
        )
    return records


def _codes(value: object) -> list[str]:
    if isinstance(value, str):
        return [code for code in value.split("|") if code]
    return list(value or [])


def _open_to(offering_ids: list[int]) -> dict[int, frozenset[int]]:
    through = Offering.open_to.through
    found: dict[int, set[int]] = defaultdict(set)
    for chunk in chunks(offering_ids):
        for offering_id, municipality_id in through.objects.filter(
            offering_id__in=chunk
        ).values_list("offering_id", "municipality_id"):
            found[offering_id].add(municipality_id)
    return {k: frozenset(v) for k, v in found.items()}


def chunks(ids: list[int], size: int = CHUNK) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _rows_of_people(model: type, ids: list[int], *fields: str) -> Iterator[tuple]:
    """Rows of a per-person table for these people (job_seeker_id first).

    Ids that fill most of their range (a shard, everyone) are read by range, which spares
    preparing thousands of IN parameters; scattered ids in chunks of IN (...).
    """
    if not ids:
        return
    low, high = min(ids), max(ids)
    if len(ids) >= (high - low + 1) // 2:
        wanted = set(ids)
        rows = model.objects.filter(job_seeker_id__gte=low, job_seeker_id__lte=high).values_list(
            "job_seeker_id", *fields
        )
        yield from (row for row in rows if row[0] in wanted)
        return
    for chunk in chunks(ids):
        yield from model.objects.filter(job_seeker_id__in=chunk).values_list(
            "job_seeker_id", *fields
        )


# --- People --------------------------------------------------------------------------------

PERSON_FIELDS = (
    "pk",
    "municipality_id",
    "postcode",
    "benefit_start",
    "benefit_end",
    "education_level",
    "driving_licences",
    "certificates",
    "hours_min",
    "hours_max",
    "travel_radius_km",
    "talents",
)


@dataclass
class _Parts:
    occupations: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    dutch_level: str = ""


def matchable_people() -> QuerySet[JobSeeker]:
    return JobSeeker.objects.filter(anonymised_at__isnull=True)


def person_records(
    queryset: QuerySet[JobSeeker], today: dt.date | None = None
) -> list[PersonRecord]:
    today = today or timezone.localdate()
    rows = list(queryset.order_by("pk").values_list(*PERSON_FIELDS))
    parts = _person_parts([row[0] for row in rows])
    places = _postcode_points({(row[2] or "")[:4] for row in rows})
    records = []
    for (
        pk,
        municipality_id,
        postcode,
        benefit_start,
        benefit_end,
        education_level,
        licences,
        certificates,
        hours_min,
        hours_max,
        radius,
        talents,
    ) in rows:
        extra = parts.get(pk) or _Parts()
        x, y = places.get((postcode or "")[:4], (None, None))
        records.append(
            PersonRecord(
                key=pk,
                occupations=tuple(dict.fromkeys(extra.occupations)),
                text=" ".join([talents or "", *extra.words]),
                x_km=x,
                y_km=y,
                radius_km=float(radius or 10),
                hours_min=hours_min,
                hours_max=hours_max,
                licences=frozenset(_codes(licences)),
                certificates=frozenset(_codes(certificates)),
                dutch_level=extra.dutch_level,
                education_level=education_level or "",
                long_term=_months(benefit_start, benefit_end, today) >= LONG_TERM_MONTHS,
                municipality=municipality_id,
            )
        )
    return records


def _months(start: dt.date | None, end: dt.date | None, today: dt.date) -> int:
    if start is None:
        return 0
    end = end or today
    return (end.year - start.year) * 12 + end.month - start.month


def _postcode_points(pc4s: set[str]) -> dict[str, tuple[float | None, float | None]]:
    found = PostcodeArea.objects.filter(pc4__in=[p for p in pc4s if p]).values_list(
        "pc4", "lat", "lon"
    )
    return {pc4: planar(lat, lon) for pc4, lat, lon in found}


def _person_parts(ids: list[int]) -> dict[int, _Parts]:
    """Ambitions, experience, skills and Dutch level of many people in four queries a chunk."""
    labels, field_occupations, _names = _occupation_tables()
    parts: dict[int, _Parts] = defaultdict(_Parts)
    for person, occupation_id, field_id, note in _rows_of_people(
        Ambition, ids, "occupation_id", "field_id", "note"
    ):
        p = parts[person]
        if occupation_id:
            p.occupations.append(occupation_id)
            p.words.append(labels.get(occupation_id, ""))
        elif field_id:
            # "I want to work in logistics": every occupation of that field is wanted.
            p.occupations.extend(field_occupations.get(field_id, ()))
        p.words.append(note)
    for person, occupation_id, description in _rows_of_people(
        WorkExperience, ids, "occupation_id", "description"
    ):
        p = parts[person]
        if occupation_id:
            p.occupations.append(occupation_id)
            p.words.append(labels.get(occupation_id, ""))
        p.words.append(description)
    for person, name in _rows_of_people(Skill, ids, "name"):
        parts[person].words.append(name)
    for person, is_dutch, level in _rows_of_people(Language, ids, "is_dutch", "level"):
        if is_dutch and level:
            parts[person].dutch_level = max(parts[person].dutch_level, level)
    return parts


@dataclass(frozen=True)
class OccupationSource:
    """Why an occupation is in a person's features: for the explanation only."""

    ambitions: frozenset[int] = frozenset()
    experience: dict[int, int] = field(default_factory=dict)  # occupation → years
    fields: dict[int, str] = field(default_factory=dict)  # occupation → field, for field wishes


def occupation_sources(person_ids: list[int]) -> dict[int, OccupationSource]:
    ambitions: dict[int, set[int]] = defaultdict(set)
    experience: dict[int, dict[int, int]] = defaultdict(dict)
    fields: dict[int, dict[int, str]] = defaultdict(dict)
    _labels, field_occupations, field_names = _occupation_tables()
    for person, occupation_id, field_id in Ambition.objects.filter(
        job_seeker_id__in=person_ids
    ).values_list("job_seeker_id", "occupation_id", "field_id"):
        if occupation_id:
            ambitions[person].add(occupation_id)
        elif field_id:
            for pk in field_occupations.get(field_id, ()):
                fields[person][pk] = field_names.get(field_id, "")
    for person, occupation_id, years in WorkExperience.objects.filter(
        job_seeker_id__in=person_ids, occupation__isnull=False
    ).values_list("job_seeker_id", "occupation_id", "years"):
        experience[person][occupation_id] = max(experience[person].get(occupation_id, 0), years)
    return {
        pk: OccupationSource(frozenset(ambitions[pk]), experience[pk], fields[pk])
        for pk in person_ids
    }
