"""The engine on plain arrays: no database, no Django."""

import math
import random

import numpy as np
import pytest

from werkroute.matching.engine import (
    DEFAULT_WEIGHTS,
    OccupationInfo,
    OfferingMatrix,
    OfferingRecord,
    PeopleMatrix,
    PersonRecord,
    TextSpace,
    Weights,
    best_offerings,
    dense_reference,
    pair_parts,
    score_rows,
    top_k,
)

WORDS = [
    "magazijn",
    "heftruck",
    "orderpicker",
    "schoonmaak",
    "kok",
    "keuken",
    "zorg",
    "bus",
    "chauffeur",
    "kassa",
    "bouw",
]
OCCUPATIONS = {
    1: OccupationInfo(1, "Kok", "5120", frozenset({10, 11, 12})),
    2: OccupationInfo(2, "Zelfstandig kok", "5120", frozenset({10, 11})),
    3: OccupationInfo(3, "Keukenhulp", "9412", frozenset({10})),
    4: OccupationInfo(4, "Magazijnmedewerker", "9333", frozenset({20, 21})),
    5: OccupationInfo(5, "Heftruckchauffeur", "8344", frozenset({21, 22})),
    6: OccupationInfo(6, "Vorkheftruckbestuurder", "8344", frozenset()),
    7: OccupationInfo(7, "Schoonmaker", "9112", frozenset({30})),
    8: OccupationInfo(8, "Glazenwasser", "9123", frozenset({10, 11, 12})),
}


def random_world(seed: int, people: int = 120, offerings: int = 200):
    rng = random.Random(seed)

    def text() -> str:
        return " ".join(rng.choices(WORDS, k=6))

    def maybe(value):
        return value if rng.random() < 0.8 else None

    offering_records = [
        OfferingRecord(
            j,
            occupation=rng.choice([None, *OCCUPATIONS]),
            text=text(),
            x_km=maybe(rng.uniform(-30, 30)),
            y_km=rng.uniform(-30, 30),
            remote=rng.random() < 0.05,
            hours_min=maybe(rng.choice([8, 16, 24, 32])),
            hours_max=maybe(rng.choice([20, 32, 40])),
            licences=frozenset(rng.sample(["B", "C"], rng.randint(0, 1))),
            certificates=frozenset(rng.sample(["vca_basic", "forklift"], rng.randint(0, 2))),
            dutch_level=rng.choice(["", "A2", "B1"]),
            education_level=rng.choice(["", "2_mbo2"]),
            inclusive=rng.random() < 0.3,
            open_to=frozenset({1}) if rng.random() < 0.05 else None,
        )
        for j in range(offerings)
    ]
    offering_records = [
        o if o.x_km is not None else OfferingRecord(**{**o.__dict__, "y_km": None})
        for o in offering_records
    ]
    person_records = []
    for i in range(people):
        located = rng.random() < 0.85
        person_records.append(
            PersonRecord(
                i,
                occupations=tuple(rng.sample(list(OCCUPATIONS), rng.randint(0, 3))),
                text=text(),
                x_km=rng.uniform(-30, 30) if located else None,
                y_km=rng.uniform(-30, 30) if located else None,
                radius_km=rng.choice([5, 10, 25]),
                hours_min=maybe(16),
                hours_max=maybe(rng.choice([24, 40])),
                licences=frozenset(rng.sample(["B"], rng.randint(0, 1))),
                certificates=frozenset(rng.sample(["forklift"], rng.randint(0, 1))),
                dutch_level=rng.choice(["", "A2", "B2"]),
                education_level=rng.choice(["", "1_vmbo", "4_mbo4"]),
                long_term=rng.random() < 0.5,
                municipality=rng.choice([1, 2]),
            )
        )
    space = TextSpace.fit([o.text for o in offering_records], dimensions=16)
    weights = {2: Weights(0.5, 0.1, 0.3, 0.05, 0.2, 0.1)}
    offering_matrix = OfferingMatrix.build(offering_records, OCCUPATIONS, space)
    people_matrix = PeopleMatrix.build(person_records, offering_matrix, OCCUPATIONS, weights)
    return person_records, offering_matrix, people_matrix, space, weights


@pytest.mark.parametrize("shuffled", [False, True])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_block_scores_equal_the_sum_of_the_explained_parts(seed, shuffled):
    people, offerings, matrix, space, weights = random_world(seed)
    # In build order the occupation part is added per stretch of columns; shuffled columns
    # take the cell-by-cell gather.
    assert offerings.occupation_runs is not None
    if shuffled:
        offerings = offerings.subset(np.random.default_rng(seed).permutation(offerings.size))
        assert offerings.occupation_runs is None
    scores = score_rows(matrix, offerings, 0, matrix.size).copy()
    for i in range(0, len(people), 5):
        vector = space.transform([people[i].text])[0]
        pairs = pair_parts(
            people[i], vector, offerings, range(offerings.size), OCCUPATIONS, weights
        )
        explained = np.array([p.score for p in pairs])
        finite = np.isfinite(scores[i])
        assert np.allclose(explained[finite], scores[i][finite], atol=1e-4)
        # Closed offerings are closed exactly to people of other municipalities.
        closed = [
            o.open_to is not None and people[i].municipality not in o.open_to
            for o in offerings.records
        ]
        assert list(~finite) == closed


def test_blocks_and_threads_give_the_same_top_k_as_brute_force():
    _people, offerings, matrix, _space, _weights = random_world(4, people=300)
    full = score_rows(matrix, offerings, 0, matrix.size).copy()
    expected = np.sort(full, axis=1)[:, ::-1][:, :7]
    got = np.concatenate(
        [b.scores for b in best_offerings(matrix, offerings, 7, block_rows=64, workers=2)]
    )
    assert np.allclose(got, expected)


def test_top_k_orders_best_first_and_handles_small_inputs():
    scores = np.array([[0.1, 0.9, 0.5, 0.7]], dtype=np.float32)
    columns, values = top_k(scores, 2)
    assert columns.tolist() == [[1, 3]]
    assert values[0].tolist() == pytest.approx([0.9, 0.7])
    columns, _ = top_k(scores, 10)
    assert columns.tolist() == [[1, 3, 2, 0]]


@pytest.mark.parametrize("n_columns", [639, 640, 1000, 20_003])
@pytest.mark.parametrize("seed", [1, 2])
def test_strided_top_k_finds_exactly_the_largest_values(n_columns, seed):
    # Wide rows take the strided shortcut; ties, −inf (closed offerings) and a tail of columns
    # that does not fill a stride must give the values a full sort gives.
    rng = np.random.default_rng(seed)
    scores = rng.integers(0, 50, size=(37, n_columns)).astype(np.float32)
    scores[rng.random(scores.shape) < 0.3] = -np.inf
    scores[0] = -np.inf
    scores[1, -1] = 1000.0  # the best value sits in the tail
    columns, values = top_k(scores, 10)
    expected = np.sort(scores, axis=1)[:, ::-1][:, :10]
    assert np.array_equal(values, expected)
    assert np.array_equal(np.take_along_axis(scores, columns, axis=1), values)
    assert all(len(set(row)) == 10 for row in columns.tolist())
    assert columns[1, 0] == n_columns - 1


def test_dense_reference_finds_the_largest_products():
    rng = np.random.default_rng(1)
    left = rng.standard_normal((50, 8), dtype=np.float32)
    right = rng.standard_normal((40, 8), dtype=np.float32)
    blocks = list(dense_reference(left, right, 3, block_rows=16, workers=2))
    got = np.concatenate([b.columns for b in blocks])
    expected = np.argsort(-(left @ right.T), axis=1)[:, :3]
    assert (got == expected).all()


def _one(person: PersonRecord, offering: OfferingRecord, weights=None):
    space = TextSpace.fit([offering.text, "iets anders", "nog iets"], dimensions=4)
    offerings = OfferingMatrix.build([offering], OCCUPATIONS, space)
    vector = space.transform([person.text])[0]
    return pair_parts(person, vector, offerings, [0], OCCUPATIONS, weights)[0]


def test_occupation_fit_same_group_and_skills():
    person = PersonRecord(1, occupations=(2,))
    assert (
        _one(PersonRecord(1, occupations=(1,)), OfferingRecord(1, occupation=1)).parts["occupation"]
        == 1.0
    )
    same_group = _one(person, OfferingRecord(1, occupation=1))
    assert same_group.parts["occupation"] == pytest.approx(0.75)
    assert same_group.occupation.relation == "isco4"
    # Glazenwasser (9123) shares every essential skill of kok but no ISCO group: capped at 0.9.
    skills = _one(PersonRecord(1, occupations=(8,)), OfferingRecord(1, occupation=1))
    assert skills.parts["occupation"] == pytest.approx(0.9)
    assert skills.occupation.relation == "skills"
    assert _one(PersonRecord(1), OfferingRecord(1, occupation=1)).parts["occupation"] == 0.0


def test_distance_against_the_travel_radius():
    person = PersonRecord(1, x_km=0.0, y_km=0.0, radius_km=10)
    near = _one(person, OfferingRecord(1, x_km=5.0, y_km=0.0))
    assert near.distance_km == pytest.approx(5.0)
    assert near.parts["distance"] == pytest.approx(0.75)
    assert _one(person, OfferingRecord(1, x_km=10.0, y_km=0.0)).parts["distance"] == pytest.approx(
        0.0
    )
    assert _one(person, OfferingRecord(1, x_km=50.0, y_km=0.0)).parts["distance"] == pytest.approx(
        -1.0
    )
    assert _one(person, OfferingRecord(1, remote=True)).parts["distance"] == 1.0
    assert _one(PersonRecord(1), OfferingRecord(1, x_km=1.0, y_km=1.0)).parts["distance"] == 0.5


def test_hard_requirements_are_gaps():
    person = PersonRecord(1, licences=frozenset({"B"}), dutch_level="A2", education_level="1_vmbo")
    offering = OfferingRecord(
        1,
        licences=frozenset({"B", "C"}),
        certificates=frozenset({"vca_basic"}),
        dutch_level="B1",
        education_level="2_mbo2",
    )
    pair = _one(person, offering)
    assert pair.missing == [
        ("licence", "C"),
        ("certificate", "vca_basic"),
        ("dutch", "B1"),
        ("education", "2_mbo2"),
    ]
    assert pair.parts["requirements"] == -3.0
    # An unknown Dutch or education level is not held against anyone.
    unknown = _one(PersonRecord(1), OfferingRecord(1, dutch_level="B1", education_level="2_mbo2"))
    assert unknown.missing == []
    assert unknown.parts["requirements"] == 1.0


def test_hours_overlap_and_unknown_hours():
    person = PersonRecord(1, hours_min=20, hours_max=28)
    assert _one(person, OfferingRecord(1, hours_min=20, hours_max=28)).parts[
        "hours"
    ] == pytest.approx(1.0)
    assert _one(person, OfferingRecord(1, hours_min=36, hours_max=40)).parts[
        "hours"
    ] == pytest.approx(0.0)
    assert 0 < _one(person, OfferingRecord(1, hours_min=16, hours_max=28)).parts["hours"] < 1
    assert _one(person, OfferingRecord(1)).parts["hours"] == pytest.approx(0.5)
    assert _one(PersonRecord(1), OfferingRecord(1, hours_min=20, hours_max=28)).parts[
        "hours"
    ] == pytest.approx(0.5)


def test_inclusion_needs_both_sides():
    assert (
        _one(PersonRecord(1, long_term=True), OfferingRecord(1, inclusive=True)).parts["inclusion"]
        == 1.0
    )
    assert (
        _one(PersonRecord(1, long_term=False), OfferingRecord(1, inclusive=True)).parts["inclusion"]
        == 0.0
    )


def test_municipal_weights_change_the_score():
    person = PersonRecord(1, occupations=(1,), municipality="x")
    offering = OfferingRecord(1, occupation=1)
    default = _one(person, offering)
    heavier = _one(person, offering, {"x": Weights(occupation=1.0)})
    assert heavier.score - default.score == pytest.approx(1.0 - DEFAULT_WEIGHTS.occupation)


def test_weights_outside_zero_to_one_are_refused():
    with pytest.raises(ValueError, match="between 0 and 1"):
        Weights(occupation=1.5)


def test_text_fit_prefers_shared_words():
    space = TextSpace.fit(
        ["magazijn orderpicker heftruck", "kok keuken koken", "zorg verzorgende ouderen"] * 3,
        dimensions=3,
    )
    vectors = space.transform(["orderpicker in het magazijn", "kok in de keuken", ""])
    assert float(vectors[0] @ vectors[1]) < 0.5
    assert math.isclose(float(np.linalg.norm(vectors[0])), 1.0, rel_tol=1e-5)
    assert float(np.linalg.norm(vectors[2])) == 0.0


def test_the_engine_imports_no_django():
    import subprocess
    import sys

    code = (
        "import sys, werkroute.matching.engine as e; "
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django'"
    )
    # Importing the engine must not pull Django in: workers and benchmarks use it bare.
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
