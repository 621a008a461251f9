"""The engine's arrays for the current data, built once per process and rebuilt when data changes.

Building the offering arrays means tokenising every open vacancy and fitting the text space: seconds
at 20,000 vacancies. One person's or one vacancy's matches then take milliseconds. A cheap version
check (counts and the latest change) tells when the arrays are stale.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Hashable
from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils import timezone

from werkroute.catalogue.models import Offering
from werkroute.jobseekers.models import Ambition, FileChange, JobSeeker, WorkExperience
from werkroute.matching import features, freshness
from werkroute.matching.engine import (
    OccupationInfo,
    OfferingMatrix,
    PeopleMatrix,
    TextSpace,
    Weights,
)
from werkroute.matching.engine.text import tokens
from werkroute.matching.models import MatchingSettings
from werkroute.taxonomy.models import Occupation, OccupationSkill

# The text space is fitted on at most this many offerings (a seeded sample); more adds little.
TEXT_FIT_SAMPLE = 8000


@dataclass
class OfferingSpace:
    version: tuple
    generation: int
    occupations: dict[int, OccupationInfo]
    text_space: TextSpace
    matrix: OfferingMatrix
    column_of: dict[int, int]


@dataclass
class PeopleSpace:
    version: tuple
    matrix: PeopleMatrix
    row_of: dict[int, int]


_lock = threading.Lock()
_generation = 0  # tells people arrays which offering arrays they were built against
_offering_space: OfferingSpace | None = None
_people_space: PeopleSpace | None = None


def _offering_version(today: dt.date) -> tuple:
    offerings = features.matchable_offerings(today).aggregate(
        n=Count("pk"), last=Max("updated_at"), top=Max("pk")
    )
    occupations = Occupation.objects.aggregate(n=Count("pk"), top=Max("pk"))
    return (today, *offerings.values(), *occupations.values(), _skill_version())


def _skill_version() -> tuple:
    return tuple(OccupationSkill.objects.aggregate(n=Count("pk"), top=Max("pk")).values())


def _people_version() -> tuple:
    people = features.matchable_people().aggregate(n=Count("pk"), last=Max("updated_at"))
    return (
        *people.values(),
        FileChange.objects.aggregate(top=Max("pk"))["top"],
        Ambition.objects.count(),
        WorkExperience.objects.count(),
        tuple(sorted(weights_by_municipality().items(), key=lambda item: str(item[0]))),
    )


def build_offering_space(offering_ids: list[int] | None = None) -> OfferingSpace:
    today = timezone.localdate()
    queryset = features.matchable_offerings(today)
    if offering_ids is not None:
        queryset = Offering.objects.filter(pk__in=offering_ids)
    records = features.offering_records(queryset)
    occupations = features.occupation_infos()
    tokenised = [tokens(r.text) for r in records]
    text_space = TextSpace.fit_tokens(_fit_sample(tokenised))
    matrix = OfferingMatrix.build(
        records, occupations, text_space, text_space.transform_tokens(tokenised)
    )
    global _generation
    _generation += 1
    return OfferingSpace(
        version=_offering_version(today),
        generation=_generation,
        occupations=occupations,
        text_space=text_space,
        matrix=matrix,
        column_of={int(k): i for i, k in enumerate(matrix.keys)},
    )


def _fit_sample(documents: list[list[str]]) -> list[list[str]]:
    if len(documents) <= TEXT_FIT_SAMPLE:
        return documents
    step = len(documents) / TEXT_FIT_SAMPLE  # evenly spread, deterministic
    return [documents[int(i * step)] for i in range(TEXT_FIT_SAMPLE)]


def mark_stale() -> None:
    """Check the data version on the next request (after a change through the services)."""
    freshness.forget_checks()


def offering_space() -> OfferingSpace:
    """The arrays of every open vacancy and work offering, current."""
    global _offering_space
    current = _offering_space
    if current is not None and freshness.recently_checked("offerings"):
        return current
    version = _offering_version(timezone.localdate())
    freshness.note_checked("offerings")
    with _lock:
        if _offering_space is None or _offering_space.version != version:
            _offering_space = build_offering_space()
        return _offering_space


def people_space() -> PeopleSpace:
    """The arrays of every active job seeker, scored against the current offering space."""
    global _people_space
    space = offering_space()
    current = _people_space
    if (
        current is not None
        and current.version[-1] == space.generation
        and freshness.recently_checked("people")
    ):
        return current
    version = (*_people_version(), space.generation)
    freshness.note_checked("people")
    with _lock:
        if _people_space is None or _people_space.version != version:
            records = features.person_records(features.matchable_people())
            matrix = PeopleMatrix.build(
                records, space.matrix, space.occupations, weights_by_municipality()
            )
            _people_space = PeopleSpace(
                version, matrix, {int(k): i for i, k in enumerate(matrix.keys)}
            )
        return _people_space


def forget() -> None:
    """Drop the cached arrays (after bulk loads that the version check might not notice)."""
    global _offering_space, _people_space
    with _lock:
        _offering_space = None
        _people_space = None
        freshness.forget_checks()


def weights_by_municipality() -> dict[Hashable, Weights]:
    return {s.municipality_id: s.weights for s in MatchingSettings.objects.all()}


def disabled_municipalities() -> set[int]:
    return set(
        MatchingSettings.objects.filter(enabled=False).values_list("municipality_id", flat=True)
    )


def person_matrix(job_seeker: JobSeeker, space: OfferingSpace) -> PeopleMatrix:
    records = features.person_records(JobSeeker.objects.filter(pk=job_seeker.pk))
    return PeopleMatrix.build(records, space.matrix, space.occupations, weights_by_municipality())
