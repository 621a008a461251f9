"""Records become arrays: one row per person, one column per offering.

Every part of the score that is linear in a person's and an offering's features is folded into one
matrix product (text, hours, requirements, inclusion, and the constant terms); the distance part
is a second, four-column-thin product plus a cap; the occupation part is a look-up in a small
person × occupation table. Weights are folded into the person's rows, so each municipality can
weigh differently within one product.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from werkroute.matching.engine.config import (
    CERTIFICATES,
    DEFAULT_WEIGHTS,
    DISTANCE_SQUARED_CAP,
    DRIVING_LICENCES,
    EDUCATION_LEVELS,
    HOURS_BANDS,
    LANGUAGE_LEVELS,
    SAME_ISCO_GROUP,
    SAME_OCCUPATION,
    SKILL_SHARE_CAP,
    UNKNOWN_DISTANCE_SQUARED,
    Weights,
)
from werkroute.matching.engine.records import OccupationInfo, OfferingRecord, PersonRecord
from werkroute.matching.engine.text import TextSpace

# Requirement items: each is one thing an offering may demand and a person may lack.
REQUIREMENT_ITEMS: tuple[tuple[str, str], ...] = (
    *(("licence", code) for code in DRIVING_LICENCES),
    *(("certificate", code) for code in CERTIFICATES),
    *(("dutch", level) for level in LANGUAGE_LEVELS),
    *(("education", level) for level in EDUCATION_LEVELS),
)
_ITEM_INDEX = {item: i for i, item in enumerate(REQUIREMENT_ITEMS)}
N_ITEMS = len(REQUIREMENT_ITEMS)
N_BANDS = len(HOURS_BANDS)
DISTANCE_COLUMNS = 6
MIN_RUN_LENGTH = 16  # mean columns per occupation stretch below which a gather is faster


@dataclass(frozen=True)
class Layout:
    """Column ranges of the linear feature matrices."""

    text: int

    @property
    def hours(self) -> slice:
        return slice(self.text, self.text + N_BANDS)

    @property
    def hours_unknown(self) -> int:
        return self.text + N_BANDS

    @property
    def requirements(self) -> slice:
        start = self.hours_unknown + 1
        return slice(start, start + N_ITEMS)

    @property
    def constant(self) -> int:
        return self.requirements.stop

    @property
    def inclusion(self) -> int:
        return self.constant + 1

    @property
    def width(self) -> int:
        return self.inclusion + 1


def _band_overlaps(low: int, high: int) -> np.ndarray:
    return np.array(
        [max(0, min(high, b_high) - max(low, b_low)) for b_low, b_high in HOURS_BANDS],
        dtype=np.float32,
    )


def person_hours(hours_min: int | None, hours_max: int | None) -> np.ndarray:
    """1 for each band the person can work in (0.5 everywhere when unknown)."""
    if hours_min is None and hours_max is None:
        return np.full(N_BANDS, 0.5, dtype=np.float32)
    low, high = hours_min or 0, hours_max if hours_max is not None else 40
    low, high = min(low, high), max(low, high)
    overlaps = _band_overlaps(low, max(high, low + 1))
    return (overlaps > 0).astype(np.float32)


def offering_hours(hours_min: int | None, hours_max: int | None) -> tuple[np.ndarray, float]:
    """Share of the offering's hours in each band (sums to 1), and 1 when the hours are unknown."""
    if hours_min is None and hours_max is None:
        return np.zeros(N_BANDS, dtype=np.float32), 1.0
    low = hours_min if hours_min is not None else hours_max
    high = hours_max if hours_max is not None else hours_min
    assert low is not None and high is not None
    low, high = min(low, high), max(low, high)
    overlaps = _band_overlaps(low, max(high, low + 1))
    return overlaps / overlaps.sum(), 0.0


def _levels_below(level: str, scale: tuple[str, ...]) -> list[str]:
    """Levels a requirement may name that this (known) level does not reach."""
    if level not in scale:
        return []
    return list(scale[scale.index(level) + 1 :])


def person_lacks(person: PersonRecord) -> np.ndarray:
    lacks = np.zeros(N_ITEMS, dtype=np.float32)
    for code in DRIVING_LICENCES:
        if code not in person.licences:
            lacks[_ITEM_INDEX["licence", code]] = 1
    for code in CERTIFICATES:
        if code not in person.certificates:
            lacks[_ITEM_INDEX["certificate", code]] = 1
    # An unknown level is not held against anyone: only a known, lower level is a gap.
    for level in _levels_below(person.dutch_level, LANGUAGE_LEVELS):
        lacks[_ITEM_INDEX["dutch", level]] = 1
    for level in _levels_below(person.education_level, EDUCATION_LEVELS):
        lacks[_ITEM_INDEX["education", level]] = 1
    return lacks


def offering_needs(offering: OfferingRecord) -> np.ndarray:
    needs = np.zeros(N_ITEMS, dtype=np.float32)
    for code in offering.licences:
        if ("licence", code) in _ITEM_INDEX:
            needs[_ITEM_INDEX["licence", code]] = 1
    for code in offering.certificates:
        if ("certificate", code) in _ITEM_INDEX:
            needs[_ITEM_INDEX["certificate", code]] = 1
    if offering.dutch_level in LANGUAGE_LEVELS:
        needs[_ITEM_INDEX["dutch", offering.dutch_level]] = 1
    if offering.education_level in EDUCATION_LEVELS:
        needs[_ITEM_INDEX["education", offering.education_level]] = 1
    return needs


def missing_items(person: PersonRecord, offering: OfferingRecord) -> list[tuple[str, str]]:
    """The requirement items this person lacks for this offering, in a stable order."""
    both = person_lacks(person) * offering_needs(offering)
    return [REQUIREMENT_ITEMS[i] for i in np.flatnonzero(both)]


def _isco_int(code: str) -> int:
    return int(code) if len(code) == 4 and code.isdigit() else -1


@dataclass
class OfferingMatrix:
    """Everything about the offerings the product needs, column by column."""

    keys: np.ndarray  # (V,) int64
    records: list[OfferingRecord]
    linear: np.ndarray  # (V, width) float32
    distance: np.ndarray  # (V, 6) float32
    occupation_column: np.ndarray  # (V,) index into occupation_keys; U means "none"
    occupation_keys: np.ndarray  # (U,)
    occupation_isco: np.ndarray  # (U,) int, −1 unknown
    occupation_skills: sp.csr_matrix  # (U, skills) binary
    skill_index: dict[int, int]
    restricted: list[tuple[int, frozenset[Hashable]]]  # (column, municipalities allowed)
    centre: tuple[float, float]
    layout: Layout
    text_space: TextSpace

    @property
    def size(self) -> int:
        return len(self.keys)

    @property
    def occupation_runs(self) -> list[tuple[int, int, int]] | None:
        """Stretches of columns with one occupation, when they are long enough to add per
        stretch (else None: gather cell by cell)."""
        cache = self.__dict__
        if "_runs" not in cache:
            runs = _occupation_runs(self.occupation_column)
            cache["_runs"] = runs if runs and self.size >= MIN_RUN_LENGTH * len(runs) else None
        return cache["_runs"]

    def closed_to(self, municipality: Hashable) -> np.ndarray:
        """Columns of the offerings that people of this municipality may not take part in."""
        cache = self.__dict__.setdefault("_closed", {})
        if municipality not in cache:
            cache[municipality] = np.array(
                [c for c, allowed in self.restricted if municipality not in allowed],
                dtype=np.int64,
            )
        return cache[municipality]

    def subset(self, columns: Sequence[int]) -> OfferingMatrix:
        """The same offerings' columns only; occupation look-ups stay valid for people built
        against the whole matrix."""
        index = np.asarray(columns, dtype=np.int64)
        if "_allowed_of" not in self.__dict__:
            self.__dict__["_allowed_of"] = dict(self.restricted)
        allowed_of = self.__dict__["_allowed_of"]
        return OfferingMatrix(
            keys=self.keys[index],
            records=[self.records[c] for c in index],
            linear=self.linear[index],
            distance=self.distance[index],
            occupation_column=self.occupation_column[index],
            occupation_keys=self.occupation_keys,
            occupation_isco=self.occupation_isco,
            occupation_skills=self.occupation_skills,
            skill_index=self.skill_index,
            restricted=[
                (i, allowed_of[c]) for i, c in enumerate(index.tolist()) if c in allowed_of
            ],
            centre=self.centre,
            layout=self.layout,
            text_space=self.text_space,
        )

    @classmethod
    def build(
        cls,
        offerings: Sequence[OfferingRecord],
        occupations: Mapping[int, OccupationInfo],
        text_space: TextSpace,
        text_vectors: np.ndarray | None = None,
    ) -> OfferingMatrix:
        layout = Layout(text_space.dimensions)
        n = len(offerings)
        if text_vectors is None and n:
            text_vectors = text_space.transform([o.text for o in offerings])
        # Columns ordered by occupation: the occupation part becomes one broadcast add per
        # occupation over contiguous columns instead of a gather over every cell.
        order = sorted(range(n), key=lambda j: _occupation_sort_key(offerings[j]))
        offerings = [offerings[j] for j in order]
        linear = np.zeros((n, layout.width), dtype=np.float32)
        if n:
            assert text_vectors is not None
            linear[:, : layout.text] = np.asarray(text_vectors)[order]
        located = [(o.x_km, o.y_km) for o in offerings if o.x_km is not None and o.y_km is not None]
        centre = tuple(np.mean(np.array(located), axis=0)) if located else (0.0, 0.0)
        distance = np.zeros((n, DISTANCE_COLUMNS), dtype=np.float32)
        occupation_keys = sorted({o.occupation for o in offerings if o.occupation is not None})
        column_of = {key: i for i, key in enumerate(occupation_keys)}
        none_column = len(occupation_keys)
        occupation_column = np.full(n, none_column, dtype=np.int64)
        restricted: list[tuple[int, frozenset[Hashable]]] = []
        for j, o in enumerate(offerings):
            bands, unknown = offering_hours(o.hours_min, o.hours_max)
            linear[j, layout.hours] = bands
            linear[j, layout.hours_unknown] = unknown
            linear[j, layout.requirements] = offering_needs(o)
            linear[j, layout.constant] = 1.0
            linear[j, layout.inclusion] = 1.0 if o.inclusive else 0.0
            distance[j] = _offering_distance_row(o, centre)
            if o.occupation is not None:
                occupation_column[j] = column_of[o.occupation]
            if o.open_to is not None:
                restricted.append((j, o.open_to))
        skill_index, skills = _skill_matrix([occupations.get(k) for k in occupation_keys])
        return cls(
            keys=np.array([o.key for o in offerings], dtype=np.int64),
            records=list(offerings),
            linear=linear,
            distance=distance,
            occupation_column=occupation_column,
            occupation_keys=np.array(occupation_keys, dtype=np.int64),
            occupation_isco=np.array(
                [
                    _isco_int(occupations[k].isco) if k in occupations else -1
                    for k in occupation_keys
                ],
                dtype=np.int64,
            ),
            occupation_skills=skills,
            skill_index=skill_index,
            restricted=restricted,
            centre=(float(centre[0]), float(centre[1])),
            layout=layout,
            text_space=text_space,
        )


def _occupation_sort_key(offering: OfferingRecord) -> tuple[bool, int]:
    return (offering.occupation is None, offering.occupation or 0)


def _occupation_runs(occupation_column: np.ndarray) -> list[tuple[int, int, int]]:
    """(first column, end column, occupation column) of each stretch of equal occupation."""
    if not occupation_column.size:
        return []
    starts = np.flatnonzero(np.diff(occupation_column)) + 1
    bounds = [0, *starts.tolist(), occupation_column.size]
    return [(a, b, int(occupation_column[a])) for a, b in zip(bounds, bounds[1:], strict=False)]


def _offering_distance_row(o: OfferingRecord, centre: tuple[float, float]) -> np.ndarray:
    if o.remote:
        return np.zeros(DISTANCE_COLUMNS, dtype=np.float32)
    if o.x_km is None or o.y_km is None:
        u = UNKNOWN_DISTANCE_SQUARED
        return np.array([0, 0, 0, 0, u, u], dtype=np.float32)
    x, y = o.x_km - centre[0], o.y_km - centre[1]
    return np.array([-2 * x, -2 * y, 1, x * x + y * y, 0, UNKNOWN_DISTANCE_SQUARED], np.float32)


def _person_distance_row(p: PersonRecord, centre: tuple[float, float]) -> np.ndarray:
    if p.x_km is None or p.y_km is None:
        return np.array([0, 0, 0, 0, 0, 1], dtype=np.float32)
    x, y = p.x_km - centre[0], p.y_km - centre[1]
    r2 = max(p.radius_km, 1.0) ** 2
    return np.array([x / r2, y / r2, (x * x + y * y) / r2, 1 / r2, 1, 0], dtype=np.float32)


def _skill_matrix(
    infos: Sequence[OccupationInfo | None], skill_index: dict[int, int] | None = None
) -> tuple[dict[int, int], sp.csr_matrix]:
    if skill_index is None:
        skill_index = {}
        for info in infos:
            for skill in info.essential_skills if info else ():
                skill_index.setdefault(skill, len(skill_index))
    rows, cols = [], []
    for r, info in enumerate(infos):
        for skill in info.essential_skills if info else ():
            if (c := skill_index.get(skill)) is not None:
                rows.append(r)
                cols.append(c)
    matrix = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)),
        shape=(len(infos), max(len(skill_index), 1)),
    )
    return skill_index, matrix


def occupation_similarity(
    person_occupations: Sequence[int],
    occupations: Mapping[int, OccupationInfo],
    offerings: OfferingMatrix,
    only: set[int] | None = None,
) -> np.ndarray:
    """(len(person_occupations), U + 1): fit of each of a person's occupations with each offering
    occupation; the last column (offerings without an occupation) stays 0. With ``only``, just
    those occupation columns are computed (explaining a few pairs), the rest stay 0."""
    u = len(offerings.occupation_keys)
    sim = np.zeros((len(person_occupations), u + 1), dtype=np.float32)
    if not person_occupations or not u:
        return sim
    if only is not None:
        for column in sorted(c for c in only if c < u):
            key = int(offerings.occupation_keys[column])
            for row, mine in enumerate(person_occupations):
                sim[row, column] = _pair_similarity(mine, key, occupations)
        return sim
    infos = [occupations.get(k) for k in person_occupations]
    isco = np.array([_isco_int(i.isco) if i else -1 for i in infos], dtype=np.int64)[:, None]
    target = offerings.occupation_isco[None, :]
    known = (isco >= 0) & (target >= 0)
    for digits, fit in sorted(SAME_ISCO_GROUP.items()):
        divisor = 10 ** (4 - digits)
        same = known & (isco // divisor == target // divisor)
        sim[:, :u] = np.where(same, np.float32(fit), sim[:, :u])
    _, person_skills = _skill_matrix(infos, offerings.skill_index)
    shared = np.asarray((person_skills @ offerings.occupation_skills.T).todense(), np.float32)
    essential = np.asarray(offerings.occupation_skills.sum(axis=1)).ravel().astype(np.float32)
    share = np.divide(shared, essential[None, :], out=np.zeros_like(shared), where=essential > 0)
    np.maximum(sim[:, :u], SKILL_SHARE_CAP * share, out=sim[:, :u])
    same_key = np.array(person_occupations, dtype=np.int64)[:, None] == offerings.occupation_keys
    sim[:, :u][same_key] = SAME_OCCUPATION
    return sim


def _pair_similarity(mine: int, theirs: int, occupations: Mapping[int, OccupationInfo]) -> float:
    """The same fit as the array version above, for one pair (explaining a few results)."""
    if mine == theirs:
        return SAME_OCCUPATION
    info, other = occupations.get(mine), occupations.get(theirs)
    value = 0.0
    a, b = _isco_int(info.isco) if info else -1, _isco_int(other.isco) if other else -1
    if a >= 0 and b >= 0:
        for digits, fit in sorted(SAME_ISCO_GROUP.items()):
            if a // 10 ** (4 - digits) == b // 10 ** (4 - digits):
                value = fit
    if info and other and other.essential_skills:
        shared = len(info.essential_skills & other.essential_skills)
        value = max(value, SKILL_SHARE_CAP * shared / len(other.essential_skills))
    return value


@dataclass
class PeopleMatrix:
    keys: np.ndarray  # (P,)
    records: list[PersonRecord]
    linear: np.ndarray  # (P, width), weights folded in
    distance: np.ndarray  # (P, 6), weight folded in
    distance_cap: np.ndarray  # (P,) the cap on (d / radius)², weight folded in
    occupation_fit: np.ndarray  # (P, U + 1), weight folded in
    municipality: list[Hashable]

    @property
    def size(self) -> int:
        return len(self.keys)

    @classmethod
    def build(
        cls,
        people: Sequence[PersonRecord],
        offerings: OfferingMatrix,
        occupations: Mapping[int, OccupationInfo],
        weights: Mapping[Hashable, Weights] | None = None,
    ) -> PeopleMatrix:
        weights = weights or {}
        layout = offerings.layout
        n = len(people)
        linear = np.zeros((n, layout.width), dtype=np.float32)
        if n:
            linear[:, : layout.text] = offerings.text_space.transform([p.text for p in people])
        distance = np.zeros((n, DISTANCE_COLUMNS), dtype=np.float32)
        distance_cap = np.zeros(n, dtype=np.float32)
        u = len(offerings.occupation_keys)
        occupation_fit = np.zeros((n, u + 1), dtype=np.float32)
        sim_rows = _similarity_rows(people, occupations, offerings)
        for i, p in enumerate(people):
            w = weights.get(p.municipality, DEFAULT_WEIGHTS)
            linear[i, : layout.text] *= w.text
            linear[i, layout.hours] = w.hours * person_hours(p.hours_min, p.hours_max)
            linear[i, layout.hours_unknown] = w.hours * 0.5
            linear[i, layout.requirements] = -w.requirements * person_lacks(p)
            # Constant terms: requirements start at 1, distance at 1 (the product subtracts).
            linear[i, layout.constant] = w.requirements + w.distance
            linear[i, layout.inclusion] = w.inclusion if p.long_term else 0.0
            distance[i] = w.distance * _person_distance_row(p, offerings.centre)
            distance_cap[i] = w.distance * DISTANCE_SQUARED_CAP
            if p.occupations:
                rows = [sim_rows[k] for k in p.occupations if k in sim_rows]
                if rows:
                    occupation_fit[i] = w.occupation * np.max(rows, axis=0)
        return cls(
            keys=np.array([p.key for p in people], dtype=np.int64),
            records=list(people),
            linear=linear,
            distance=distance,
            distance_cap=distance_cap,
            occupation_fit=occupation_fit,
            municipality=[p.municipality for p in people],
        )


def _similarity_rows(
    people: Sequence[PersonRecord],
    occupations: Mapping[int, OccupationInfo],
    offerings: OfferingMatrix,
) -> dict[int, np.ndarray]:
    keys = sorted({k for p in people for k in p.occupations})
    sim = occupation_similarity(keys, occupations, offerings)
    return {k: sim[i] for i, k in enumerate(keys)}
