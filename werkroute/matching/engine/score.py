"""Scoring in blocks of people: bounded memory, two threads, the best k offerings per person.

score(person, offering) = Σ weight × part, computed for a block of people against every offering at
once. Blocks keep memory bounded (block_rows × offerings floats a buffer, three buffers a thread)
whatever the number of people; numpy releases the GIL, so two threads use both cores.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Hashable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

from werkroute.matching.engine.config import (
    DEFAULT_WEIGHTS,
    DISTANCE_SQUARED_CAP,
    PART_CODES,
    UNKNOWN_DISTANCE_SQUARED,
    Weights,
)
from werkroute.matching.engine.matrices import (
    OfferingMatrix,
    PeopleMatrix,
    missing_items,
    occupation_similarity,
    offering_hours,
    person_hours,
)
from werkroute.matching.engine.records import OccupationInfo, OfferingRecord, PersonRecord


class _Workspace(threading.local):
    """Per-thread buffers, reused block after block (allocating 80 MB each time costs)."""

    buffers: dict[tuple[str, tuple[int, int]], np.ndarray]

    def __init__(self) -> None:
        self.buffers = {}

    def get(self, name: str, shape: tuple[int, int]) -> np.ndarray:
        key = (name, shape)
        if key not in self.buffers:
            self.buffers = {k: v for k, v in self.buffers.items() if k[0] != name}
            self.buffers[key] = np.empty(shape, dtype=np.float32)
        return self.buffers[key]


_workspace = _Workspace()


def score_rows(
    people: PeopleMatrix, offerings: OfferingMatrix, start: int, stop: int
) -> np.ndarray:
    """Weighted scores of people[start:stop] against every offering: (stop − start, V) float32.

    The returned array is a per-thread buffer: use it before this thread scores the next block.
    """
    shape = (stop - start, offerings.size)
    scores = _workspace.get("scores", shape)
    np.matmul(people.linear[start:stop], offerings.linear.T, out=scores)
    scratch = _workspace.get("scratch", shape)
    np.matmul(people.distance[start:stop], offerings.distance.T, out=scratch)
    np.minimum(scratch, people.distance_cap[start:stop, None], out=scratch)
    scores -= scratch
    _add_occupation_fit(people, offerings, start, stop, scores, scratch)
    _exclude_closed(people, offerings, start, stop, scores)
    return scores


def _add_occupation_fit(
    people: PeopleMatrix,
    offerings: OfferingMatrix,
    start: int,
    stop: int,
    scores: np.ndarray,
    scratch: np.ndarray,
) -> None:
    fit = people.occupation_fit[start:stop]
    runs = offerings.occupation_runs
    if runs is None:
        np.take(fit, offerings.occupation_column, axis=1, out=scratch)
        scores += scratch
        return
    for first, end, column in runs:
        scores[:, first:end] += fit[:, column : column + 1]


def _exclude_closed(
    people: PeopleMatrix, offerings: OfferingMatrix, start: int, stop: int, scores: np.ndarray
) -> None:
    """Offerings open only to some municipalities never reach anyone else."""
    if not offerings.restricted:
        return
    municipalities = people.municipality[start:stop]
    for municipality in set(municipalities):
        closed = offerings.closed_to(municipality)
        if closed.size:
            rows = [i for i, m in enumerate(municipalities) if m == municipality]
            scores[np.ix_(rows, closed)] = -np.inf


def top_k(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Column indexes and values of the k highest scores of each row, best first."""
    n_columns = scores.shape[1]
    k = min(k, n_columns)
    if k == 0:
        empty = np.zeros((scores.shape[0], 0))
        return empty.astype(np.int64), empty.astype(np.float32)
    if n_columns >= TOP_K_STRIDES * k * 4:
        candidates = _top_k_candidates(scores, k)
        values = np.take_along_axis(scores, candidates, axis=1)
        index, best = _exact_top_k(values, k)
        return np.take_along_axis(candidates, index, axis=1), best
    return _exact_top_k(scores, k)


# Columns are split into TOP_K_STRIDES interleaved slices; the k best of a row lie in the k
# strided groups with the highest maxima, so the exact selection runs on k × strides values
# instead of every column. The maxima are elementwise over contiguous slices: one cheap pass.
TOP_K_STRIDES = 16


def _top_k_candidates(scores: np.ndarray, k: int) -> np.ndarray:
    """(rows, ≥ k × strides) column indexes that surely hold each row's k highest scores."""
    rows, n_columns = scores.shape
    groups = n_columns // TOP_K_STRIDES
    body = scores[:, : groups * TOP_K_STRIDES].reshape(rows, TOP_K_STRIDES, groups)
    group_max = body.max(axis=1)
    best_groups = np.argpartition(group_max, groups - k, axis=1)[:, groups - k :]
    offsets = np.arange(TOP_K_STRIDES, dtype=np.int64) * groups
    candidates = (best_groups[:, :, None] + offsets[None, None, :]).reshape(rows, -1)
    if n_columns > groups * TOP_K_STRIDES:
        tail = np.arange(groups * TOP_K_STRIDES, n_columns, dtype=np.int64)
        candidates = np.concatenate([candidates, np.broadcast_to(tail, (rows, tail.size))], axis=1)
    return candidates


def _exact_top_k(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    n_columns = scores.shape[1]
    if k < n_columns:
        index = np.argpartition(scores, n_columns - k, axis=1)[:, n_columns - k :]
    else:
        index = np.broadcast_to(np.arange(n_columns), scores.shape).copy()
    values = np.take_along_axis(scores, index, axis=1)
    order = np.argsort(-values, axis=1, kind="stable")
    return np.take_along_axis(index, order, axis=1), np.take_along_axis(values, order, axis=1)


@dataclass(frozen=True)
class BlockResult:
    start: int  # first person row of the block
    columns: np.ndarray  # (rows, k) offering columns, best first
    scores: np.ndarray  # (rows, k)


def best_offerings(
    people: PeopleMatrix,
    offerings: OfferingMatrix,
    k: int,
    block_rows: int = 1024,
    workers: int = 2,
) -> Iterator[BlockResult]:
    """The k best offerings for every person, block by block, in person order."""

    def one_block(start: int) -> BlockResult:
        stop = min(start + block_rows, people.size)
        columns, values = top_k(score_rows(people, offerings, start, stop), k)
        return BlockResult(start, columns, values.copy())

    yield from _in_blocks(people.size, block_rows, workers, one_block)


def _in_blocks(n_rows: int, block_rows: int, workers: int, work) -> Iterator[BlockResult]:  # noqa: ANN001
    starts = range(0, n_rows, block_rows)
    if workers <= 1 or n_rows <= block_rows:
        for start in starts:
            yield work(start)
        return
    # Each worker thread runs its own single-threaded BLAS: two threads that each start two BLAS
    # threads on two cores wait for each other more than they work.
    with (
        threadpool_limits(limits=1, user_api="blas"),
        ThreadPoolExecutor(max_workers=workers, thread_name_prefix="matching") as pool,
    ):
        yield from pool.map(work, starts)


def dense_reference(
    left: np.ndarray, right: np.ndarray, k: int, block_rows: int = 1024, workers: int = 2
) -> Iterator[BlockResult]:
    """The yardstick: a plain product left @ right.T in the same blocks, with the same top-k."""

    def one_block(start: int) -> BlockResult:
        stop = min(start + block_rows, left.shape[0])
        scores = _workspace.get("reference", (stop - start, right.shape[0]))
        np.matmul(left[start:stop], right.T, out=scores)
        columns, values = top_k(scores, k)
        return BlockResult(start, columns, values.copy())

    yield from _in_blocks(left.shape[0], block_rows, workers, one_block)


# ---------------------------------------------------------------------------
# One pair, part by part: what the explanations show
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OccupationMatch:
    person_occupation: int | None  # which of the person's occupations fits best
    relation: str  # "same", "isco4", "isco3", "isco2", "skills", "none"
    shared_skills: int


@dataclass(frozen=True)
class PairParts:
    offering_key: int
    parts: dict[str, float]  # unweighted, by part code
    weights: Weights
    distance_km: float | None
    missing: list[tuple[str, str]]
    occupation: OccupationMatch

    @property
    def score(self) -> float:
        return sum(getattr(self.weights, code) * value for code, value in self.parts.items())


def pair_parts(
    person: PersonRecord,
    person_text: np.ndarray,
    offerings: OfferingMatrix,
    columns: Sequence[int],
    occupations: Mapping[int, OccupationInfo],
    weights: Mapping[Hashable, Weights] | None = None,
) -> list[PairParts]:
    """Every part of the score of one person against some offerings, with the facts behind them."""
    w = (weights or {}).get(person.municipality, DEFAULT_WEIGHTS)
    needed = {int(offerings.occupation_column[c]) for c in columns}
    sim = occupation_similarity(list(person.occupations), occupations, offerings, needed)
    available = person_hours(person.hours_min, person.hours_max)
    result = []
    for column in columns:
        offering = offerings.records[column]
        u = int(offerings.occupation_column[column])
        bands, unknown_hours = offering_hours(offering.hours_min, offering.hours_max)
        distance_km, distance_part = _distance(person, offering)
        missing = missing_items(person, offering)
        occupation_part, match = _occupation(person, offering, sim, u, occupations)
        parts = {
            "occupation": occupation_part,
            "text": float(person_text @ offerings.linear[column, : offerings.layout.text]),
            "distance": distance_part,
            "hours": float(available @ bands + 0.5 * unknown_hours),
            "requirements": 1.0 - len(missing),
            "inclusion": 1.0 if person.long_term and offering.inclusive else 0.0,
        }
        assert tuple(parts) == PART_CODES
        result.append(PairParts(offering.key, parts, w, distance_km, missing, match))
    return result


def _distance(person: PersonRecord, offering: OfferingRecord) -> tuple[float | None, float]:
    if offering.remote:
        return None, 1.0
    if None in (person.x_km, person.y_km, offering.x_km, offering.y_km):
        return None, 1.0 - UNKNOWN_DISTANCE_SQUARED
    km = math.hypot(person.x_km - offering.x_km, person.y_km - offering.y_km)  # type: ignore[operator]
    ratio = (km / max(person.radius_km, 1.0)) ** 2
    return km, 1.0 - min(ratio, DISTANCE_SQUARED_CAP)


def _occupation(
    person: PersonRecord,
    offering: OfferingRecord,
    sim: np.ndarray,
    column: int,
    occupations: Mapping[int, OccupationInfo],
) -> tuple[float, OccupationMatch]:
    if not person.occupations or offering.occupation is None:
        return 0.0, OccupationMatch(None, "none", 0)
    best = int(np.argmax(sim[:, column]))
    value = float(sim[best, column])
    mine = person.occupations[best]
    if value <= 0:
        return 0.0, OccupationMatch(None, "none", 0)
    theirs = occupations.get(offering.occupation)
    info = occupations.get(mine)
    shared = len(info.essential_skills & theirs.essential_skills) if info and theirs else 0
    if mine == offering.occupation:
        relation = "same"
    elif info and theirs and info.isco and info.isco == theirs.isco:
        relation = "isco4"
    elif info and theirs and info.isco[:3] == theirs.isco[:3] and value >= 0.5:
        relation = "isco3"
    elif info and theirs and info.isco[:2] == theirs.isco[:2] and value >= 0.25:
        relation = "isco2"
    else:
        relation = "skills"
    return value, OccupationMatch(mine, relation, shared)
