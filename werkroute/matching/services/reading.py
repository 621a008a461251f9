"""Matches on demand: the best vacancies for one person, the best candidates for one vacancy.

Callers hand in what the user may see (DESIGN.md: matching never decides who sees what). Each
request scores live against the cached arrays, so a profile change shows at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import QuerySet
from django.utils.translation import gettext as _

import numpy as np

from werkroute.catalogue.constants import OfferingKind, Theme
from werkroute.catalogue.models import Offering
from werkroute.catalogue.search import SearchParams, search_offerings
from werkroute.core.audit.crypto import EncryptedSubject
from werkroute.core.audit.models import SubjectType
from werkroute.core.audit.services import processing
from werkroute.jobseekers.models import JobSeeker
from werkroute.matching import explain, features, freshness, space
from werkroute.matching.engine import PeopleMatrix, pair_parts, score_rows, top_k
from werkroute.matching.models import MatchingSettings

ACTIVITY = "matching"
COURSES_PER_GAP = 2
# For a person, the best limit x SPREAD_POOL offerings are scored; the list takes from them at
# most MATCHING_MAX_PER_EMPLOYER of one employer (see spread_over_employers).
SPREAD_POOL = 5
# What to search for in the catalogue's courses to close a gap (certificates by their usual name).
CERTIFICATE_QUERIES = {
    "vca_basic": "VCA",
    "vca_full": "VCA",
    "forklift": "heftruck",
    "reach_truck": "reachtruck",
    "first_aid": "EHBO",
    "emergency_response": "BHV",
    "food_hygiene": "hygiëne",
    "social_hygiene": "sociale hygiëne",
    "security_guard": "beveiliger",
    "code95": "code 95",
}


class MatchingOff(Exception):
    """The municipality switched matching off: no suggestions, for anyone there."""


def is_enabled(municipality_id: int) -> bool:
    found = MatchingSettings.objects.filter(municipality_id=municipality_id).first()
    return found is None or found.enabled


def _require_enabled(municipality_id: int) -> None:
    if not is_enabled(municipality_id):
        raise MatchingOff


@dataclass
class PersonMatches:
    results: list[explain.Explained]
    notices: list[str] = field(default_factory=list)  # what limits the suggestions


def _notices(record: Any, job_seeker: JobSeeker) -> list[str]:
    notices = []
    if not record.occupations:
        notices.append(
            _(
                "Er staan nog geen beroepen in de wensen of de werkervaring. Voeg die toe: dan "
                "passen de voorstellen veel beter."
            )
        )
    if record.x_km is None:
        notices.append(
            _(
                "Er staat geen (bekende) postcode in het dossier, dus de afstand telt niet mee. "
                "Vul de postcode in."
            )
        )
    return notices


def matches_for_person(
    *, actor: Any, job_seeker: JobSeeker, limit: int = 10, employer_id: int | None = None
) -> PersonMatches:
    """The best open vacancies and work offerings for one person, explained part by part.

    With employer_id: only that employer's offerings among the best limit x SPREAD_POOL (the pool
    the spread list picks from), not spread: the ones shown plus those it counted as "more".
    The caller has checked that actor may see job_seeker; this writes the processing log.
    """
    _require_enabled(job_seeker.municipality_id)
    offering_space = space.offering_space()
    people = space.person_matrix(job_seeker, offering_space)
    record = people.records[0]
    with processing(
        "matching: vacatures voor een persoon",
        activity=ACTIVITY,
        subjects=[_subject(job_seeker)],
        actor=actor,
    ):
        if employer_id is None:
            columns, left_out = _best_columns(people, offering_space, limit)
        else:
            columns, left_out = (
                _employer_columns(people, offering_space, employer_id, limit * SPREAD_POOL),
                {},
            )
        results = _explain_person(job_seeker, people, offering_space, columns)
    _note_left_out(results, left_out)
    return PersonMatches(results, _notices(record, job_seeker))


def _employer_columns(
    people: PeopleMatrix, offering_space: space.OfferingSpace, employer_id: int, limit: int
) -> list[int]:
    """One employer's columns among the person's best `limit`, best first.

    The same pool as the spread list's, so the list holds exactly the ones counted as "more".
    """
    best = _pool(people, offering_space, limit)
    employers = _employers_of(offering_space, best)
    return [c for c, e in zip(best, employers, strict=True) if e == employer_id]


def _pool(people: PeopleMatrix, offering_space: space.OfferingSpace, wanted: int) -> list[int]:
    """The person's best `wanted` columns, best first."""
    if offering_space.matrix.size == 0:
        return []
    scores = score_rows(people, offering_space.matrix, 0, 1)
    columns, values = top_k(scores, wanted)
    return [int(c) for c, v in zip(columns[0], values[0], strict=True) if np.isfinite(v)]


def _employers_of(offering_space: space.OfferingSpace, columns: list[int]) -> list[Any]:
    """The employer (organisation key) of the offering in each column."""
    keys = offering_space.matrix.keys
    found = dict(
        Offering.objects.filter(pk__in=[int(keys[c]) for c in columns]).values_list(
            "pk", "organisation_id"
        )
    )
    return [found.get(int(keys[c])) for c in columns]


def _note_left_out(results: list[explain.Explained], left_out: dict[Hashable, int]) -> None:
    """Put on each employer's last result how many of its suitable offerings were left out."""
    last: dict[Hashable, explain.Explained] = {}
    for result in results:
        last[result.offering.organisation_id] = result
    for employer, result in last.items():
        result.more_at_employer = left_out.get(employer, 0)


def _best_columns(
    people: PeopleMatrix, offering_space: space.OfferingSpace, limit: int
) -> tuple[list[int], dict[Hashable, int]]:
    """The columns of the list, and per employer how many of its best were left out of it."""
    per_employer = settings.MATCHING_MAX_PER_EMPLOYER
    best = _pool(people, offering_space, limit * SPREAD_POOL if per_employer > 0 else limit)
    if per_employer <= 0 or len(best) <= limit:
        return best[:limit], {}
    employers = _employers_of(offering_space, best)
    columns = spread_over_employers(best, employers, per_employer, limit)
    shown = set(columns)
    left_out = Counter(e for c, e in zip(best, employers, strict=True) if c not in shown)
    return columns, dict(left_out)


def spread_over_employers(
    columns: Sequence[int], employers: Sequence[Hashable], per_employer: int, limit: int
) -> list[int]:
    """The best columns (in order), at most per_employer of one employer while others are left.

    One employer with ten near-identical vacancies would otherwise fill a person's whole list.
    Columns held back fill the list when too few others are left, so it is spread, never
    shortened; it stays in the order of the columns (best first).
    """
    counts: dict[Hashable, int] = {}
    chosen: list[int] = []
    held_back: list[int] = []
    for column, employer in zip(columns, employers, strict=True):
        seen = counts.get(employer, 0)
        if employer is not None and seen >= per_employer:
            held_back.append(column)
            continue
        counts[employer] = seen + 1
        chosen.append(column)
    picked = set((chosen + held_back)[:limit])
    return [column for column in columns if column in picked]


def _explain_person(
    job_seeker: JobSeeker,
    people: PeopleMatrix,
    offering_space: space.OfferingSpace,
    columns: list[int],
) -> list[explain.Explained]:
    record = people.records[0]
    text_vector = offering_space.text_space.transform([record.text])[0]
    pairs = pair_parts(
        record,
        text_vector,
        offering_space.matrix,
        columns,
        offering_space.occupations,
        space.weights_by_municipality(),
    )
    offerings = Offering.objects.select_related("organisation", "location", "occupation").in_bulk(
        [p.offering_key for p in pairs]
    )
    labels = features.occupation_labels()
    source = features.occupation_sources([job_seeker.pk])[job_seeker.pk]
    courses = courses_for_gaps({item for pair in pairs for item in pair.missing}, job_seeker)
    results = []
    for pair in pairs:
        offering = offerings[pair.offering_key]
        results.append(
            explain.Explained(
                offering=offering,
                score=pair.score,
                parts=pair.parts,
                reasons=explain.reasons_for(pair, record, offering, labels, source),
                gaps=[
                    explain.Gap(item, explain.gap_text(item), courses[item])
                    for item in pair.missing
                ],
            )
        )
    return results


Item = tuple[str, str]
_course_keys: dict[tuple[Item, str], list[int]] = {}


def courses_for_gap(item: Item, job_seeker: JobSeeker | None = None) -> list[Offering]:
    """Open courses in the catalogue that help to meet a requirement, nearest first."""
    return courses_for_gaps({item}, job_seeker)[item]


def courses_for_gaps(items: set[Item], job_seeker: JobSeeker | None = None) -> dict[Item, list]:
    """Courses for several gaps of one person: a catalogue search per gap and postcode area,
    remembered for MATCHING_RECHECK_SECONDS (many people share gaps and areas), then one query."""
    if not freshness.recently_checked("courses"):
        _course_keys.clear()
        freshness.note_checked("courses")
    area = (job_seeker.postcode or "")[:4] if job_seeker is not None else ""
    keys = {}
    for item in items:
        if (item, area) not in _course_keys:
            _course_keys[item, area] = _search_course_keys(item, job_seeker)
        keys[item] = _course_keys[item, area]
    found = Offering.objects.select_related("organisation", "location").in_bulk(
        {pk for pks in keys.values() for pk in pks}
    )
    return {item: [found[pk] for pk in pks if pk in found] for item, pks in keys.items()}


def _search_course_keys(item: Item, job_seeker: JobSeeker | None) -> list[int]:
    kind, code = item
    params = SearchParams(kinds=[OfferingKind.COURSE])
    if kind == "licence":
        params.q, params.themes = f"rijbewijs {code}", [Theme.MOBILITY]
    elif kind == "certificate":
        query = CERTIFICATE_QUERIES.get(code)
        if query is None:
            return []
        params.q = query
    elif kind == "dutch":
        params.themes = [Theme.DUTCH_LANGUAGE]
    else:
        params.themes = [Theme.LEARNING]
    place = _place_of(job_seeker)
    if place is not None:
        params.origin, params.sort = place, "distance"
    found = _first_keys(params)
    if not found and params.q and kind == "licence":
        params.q = "rijbewijs"
        found = _first_keys(params)
    return found


def _first_keys(params: SearchParams) -> list[int]:
    return list(search_offerings(params).queryset.values_list("pk", flat=True)[:COURSES_PER_GAP])


def _place_of(job_seeker: JobSeeker | None) -> Any:
    from werkroute.core import geo

    if job_seeker is None or not job_seeker.postcode:
        return None
    try:
        return geo.locate_postcode(job_seeker.postcode)
    except (geo.PostcodeError, ValidationError):
        return None


def _subject(job_seeker: JobSeeker) -> EncryptedSubject:
    return EncryptedSubject(job_seeker.bsn_encrypted, job_seeker.bsn_hash, SubjectType.BSN)


# --- One vacancy, many people -------------------------------------------------------------


@dataclass
class Candidate:
    job_seeker: JobSeeker
    explained: explain.Explained


def candidates_for_offering(
    *, actor: Any, offering: Offering, people: QuerySet[JobSeeker], limit: int = 20
) -> list[Candidate]:
    """The best candidates for one vacancy among the people the caller may see."""
    offering_space = space.offering_space()
    column = offering_space.column_of.get(offering.pk)
    if column is None:
        raise ValidationError(
            _(
                "Deze vacature is niet (meer) open, of heeft geen soort werk. Alleen open "
                "vacatures en ander werk krijgen kandidaten."
            )
        )
    people_space = space.people_space()
    single = offering_space.matrix.subset([column])
    scores = score_rows(people_space.matrix, single, 0, people_space.matrix.size)[:, 0].copy()
    pool = people.exclude(municipality_id__in=space.disabled_municipalities())
    best = _best_visible_rows(people_space, scores, pool, limit)
    if not best:
        return []
    return _explain_candidates(actor, offering, people_space.matrix, offering_space, column, best)


PROBE = 200  # best-scored people checked against the pool before the pool is read whole


def _best_visible_rows(
    people_space: space.PeopleSpace, scores: np.ndarray, pool: QuerySet[JobSeeker], limit: int
) -> list[int]:
    """Rows of the best-scored people in the pool, best first.

    The best-scored few hundred often hold enough of the pool's people (always for a pool of
    everyone): one small query. Otherwise the pool's keys are read whole, as plain rows.
    """
    finite = int(np.isfinite(scores).sum())
    keys = people_space.matrix.keys
    window = _best_first(scores, min(PROBE, finite))
    visible = set(pool.filter(pk__in=keys[window].tolist()).values_list("pk", flat=True))
    chosen = [int(r) for r in window if int(keys[r]) in visible][:limit]
    if len(chosen) == limit or window.size >= finite:
        return chosen
    pool_keys = _pool_keys(pool)
    rows = np.searchsorted(keys, pool_keys)  # the space's keys are in primary-key order
    known = rows < keys.size
    rows = rows[known][keys[rows[known]] == pool_keys[known]]
    in_pool = np.full(scores.shape, -np.inf, dtype=scores.dtype)
    in_pool[rows] = scores[rows]
    return _best_first(in_pool, min(limit, int(np.isfinite(in_pool).sum()))).tolist()


def _pool_keys(pool: QuerySet[JobSeeker]) -> np.ndarray:
    """Primary keys of a pool as plain rows: 5,600 model-less rows read in a few ms."""
    query = pool.order_by().values_list("pk", flat=True)
    sql, params = query.query.get_compiler(using=query.db).as_sql()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        return np.array([row[0] for row in cursor.fetchall()], dtype=np.int64)


def _best_first(scores: np.ndarray, n: int) -> np.ndarray:
    """Rows of the n highest scores, best first (ties in row order)."""
    if n < scores.size:
        part = np.argpartition(-scores, n)[:n]
        return part[np.lexsort((part, -scores[part]))]
    return np.argsort(-scores, kind="stable")[:n]


def _explain_candidates(
    actor: Any,
    offering: Offering,
    people: PeopleMatrix,
    offering_space: space.OfferingSpace,
    column: int,
    rows: list[int],
) -> list[Candidate]:
    by_pk = JobSeeker.objects.in_bulk([int(people.keys[r]) for r in rows])
    labels = features.occupation_labels()
    weights = space.weights_by_municipality()
    sources = features.occupation_sources(list(by_pk))
    candidates = []
    with processing(
        "matching: kandidaten voor een vacature",
        activity=ACTIVITY,
        subjects=[_subject(by_pk[int(people.keys[r])]) for r in rows],
        actor=actor,
    ):
        texts = offering_space.text_space.transform([people.records[r].text for r in rows])
        for r, text_vector in zip(rows, texts, strict=True):
            record = people.records[r]
            job_seeker = by_pk[int(record.key)]
            (pair,) = pair_parts(
                record,
                text_vector,
                offering_space.matrix,
                [column],
                offering_space.occupations,
                weights,
            )
            source = sources[job_seeker.pk]
            candidates.append(
                Candidate(
                    job_seeker,
                    explain.Explained(
                        offering=offering,
                        score=pair.score,
                        parts=pair.parts,
                        reasons=explain.reasons_for(pair, record, offering, labels, source),
                        gaps=[explain.Gap(item, explain.gap_text(item)) for item in pair.missing],
                    ),
                )
            )
    return candidates
