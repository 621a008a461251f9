"""Table-driven tests of every shipped scheme: for every condition, a case just inside and a case
just outside, starting from facts where the scheme applies.

The table is written by hand from the law, not generated from the files, so a wrong number in a
file shows here. test_every_condition_has_a_row makes sure a condition added to a file gets a row.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pytest

from werkroute.subsidies.constants import vocabularies
from werkroute.subsidies.rules import (
    FACTS,
    Answer,
    JobFacts,
    PersonFacts,
    all_facts,
    evaluate_scheme,
    load_catalogue,
)
from werkroute.subsidies.rules.model import Condition, Group
from werkroute.subsidies.services import DEFAULT_SCHEMES_DIR

IN_2026 = dt.date(2026, 3, 1)


@dataclass(frozen=True)
class Row:
    fact: str
    inside: Any  # just inside the condition: the scheme still applies
    outside: Any  # just outside
    outside_answer: Answer = Answer.NO
    also: dict[str, Any] = field(default_factory=dict)  # other facts for this row (any-groups)


@dataclass(frozen=True)
class Case:
    base: dict[str, Any]  # facts where the scheme applies
    rows: tuple[Row, ...]


EMPLOYMENT = "permanent"
TABLE: dict[tuple[str, str], Case] = {
    ("nl", "loonkostensubsidie"): Case(
        {
            "benefit_type": "social_assistance",
            "work_limiting_disability": True,
            "wage_value_percent": 60,
            "contract_type": EMPLOYMENT,
        },
        (
            Row("benefit_type", "none", "unemployment_benefit"),
            Row("work_limiting_disability", True, False),
            Row("wage_value_percent", 99, 100),
            Row("contract_type", "learning_working", "internship"),
        ),
    ),
    ("nl", "no-riskpolis"): Case(
        {
            "in_target_group_register": True,
            "benefit_type": "social_assistance",
            "age": 40,
            "contract_type": "temporary",
        },
        (
            Row("in_target_group_register", True, False),
            Row(
                "benefit_type",
                "disability_benefit",
                "social_assistance",
                also={"in_target_group_register": False},
            ),
            Row("age", 66, 67),
            Row("contract_type", "on_call", "none"),
        ),
    ),
    ("nl", "proefplaatsing"): Case(
        {"benefit_type": "social_assistance", "contract_months": 12, "contract_type": "temporary"},
        (
            Row("benefit_type", "ioaz", "none"),
            Row("contract_months", 6, 5),
        ),
    ),
    ("nl", "jobcoaching"): Case(
        {
            "work_limiting_disability": True,
            "in_target_group_register": False,
            "sheltered_work_indication": False,
            "benefit_type": "social_assistance",
            "contract_type": EMPLOYMENT,
        },
        (
            Row("work_limiting_disability", True, False),
            Row("in_target_group_register", True, False, also={"work_limiting_disability": False}),
            Row("sheltered_work_indication", True, False, also={"work_limiting_disability": False}),
            Row("benefit_type", "none", "disability_benefit"),
            Row("contract_type", "temp_agency", "internship"),
        ),
    ),
    ("nl", "lkv-oudere-werknemer"): Case(
        {
            "start_date": dt.date(2023, 6, 1),
            "age": 60,
            "benefit_type": "social_assistance",
            "worked_for_employer_before": False,
            "contract_type": EMPLOYMENT,
        },
        (
            Row("start_date", dt.date(2025, 12, 31), dt.date(2026, 1, 1)),
            Row("age", 56, 55),
            Row("age", 66, 67),
            Row("benefit_type", "unemployment_benefit", "none"),
            Row("worked_for_employer_before", False, True),
            Row("contract_type", "on_call", "internship"),
        ),
    ),
    ("nl", "lkv-arbeidsgehandicapte-werknemer"): Case(
        {
            "work_limiting_disability": True,
            "age": 40,
            "worked_for_employer_before": False,
            "contract_type": EMPLOYMENT,
        },
        (
            Row("work_limiting_disability", True, False),
            Row("age", 66, 67),
            Row("worked_for_employer_before", False, True),
            Row("contract_type", "temporary", "none"),
        ),
    ),
    ("nl", "lkv-doelgroep-banenafspraak"): Case(
        {
            "in_target_group_register": True,
            "age": 30,
            "worked_for_employer_before": False,
            "contract_type": EMPLOYMENT,
        },
        (
            Row("in_target_group_register", True, False),
            Row("age", 66, 67),
            Row("worked_for_employer_before", False, True),
            Row("contract_type", "learning_working", "internship"),
        ),
    ),
    ("nl", "lkv-herplaatsen"): Case(
        {"benefit_type": "disability_benefit", "worked_for_employer_before": True, "age": 50},
        (
            Row("benefit_type", "disability_benefit", "social_assistance"),
            Row("worked_for_employer_before", True, False),
            Row("age", 66, 67),
        ),
    ),
    ("nl", "praktijkleren"): Case(
        {"contract_type": "learning_working", "employer_recognised_training_company": True},
        (
            Row("contract_type", "learning_working", "internship"),
            Row("employer_recognised_training_company", True, False),
        ),
    ),
    ("nl", "basisbaan"): Case(
        {"benefit_type": "social_assistance", "benefit_months": 48, "contract_type": EMPLOYMENT},
        (
            Row("benefit_type", "social_assistance", "ioaw"),
            Row("benefit_months", 36, 35),
            Row("contract_type", "temporary", "temp_agency"),
        ),
    ),
    ("nl", "beschut-werk"): Case(
        {"sheltered_work_indication": True, "benefit_type": "none", "contract_type": EMPLOYMENT},
        (
            Row("sheltered_work_indication", True, False),
            Row("benefit_type", "ioaw", "unemployment_benefit"),
            Row("contract_type", "temporary", "on_call"),
        ),
    ),
    ("be-vl", "artikel-60"): Case(
        {"benefit_type": "leefloon", "age": 30, "lives_in": "be-vl", "hours_per_week": 38.0},
        (
            Row("benefit_type", "equivalent_leefloon", "unemployment_benefit"),
            Row("age", 18, 17),
            Row("lives_in", "be-vl", "be-bru"),
            Row("hours_per_week", 19.0, 18.5),
        ),
    ),
    ("be-vl", "doelgroepvermindering-zonder-recente-werkervaring"): Case(
        {
            "registered_as_jobseeker": True,
            "months_without_work": 30,
            "age": 40,
            "work_region": "be-vl",
            "hours_per_week": 38.0,
            "wage_per_month": 2500.0,
            "employer_sector": "private",
        },
        (
            Row("registered_as_jobseeker", True, False),
            Row("months_without_work", 24, 23),
            Row("employer_sector", "private", "public"),
            Row("age", 18, 17),
            Row("age", 65, 66),
            Row("work_region", "be-vl", "be-wal"),
            Row("hours_per_week", 10.45, 10.4),
            # The ceiling is not indexed in the file: above it, a person should look.
            Row("wage_per_month", 3333.0, 3333.01, Answer.MAYBE),
        ),
    ),
    ("be-vl", "doelgroepvermindering-oudere-werknemers"): Case(
        {
            "start_date": dt.date(2024, 3, 1),
            "age": 60,
            "registered_as_jobseeker": True,
            "worked_for_employer_before": False,
            "work_region": "be-vl",
            "wage_per_month": 3000.0,
            "employer_sector": "private",
        },
        (
            Row("employer_sector", "private", "public"),
            Row("start_date", dt.date(2024, 6, 30), dt.date(2024, 7, 1)),
            Row("age", 58, 57),
            Row("registered_as_jobseeker", True, False),
            Row("worked_for_employer_before", False, True),
            Row("work_region", "be-vl", "nl"),
            Row("wage_per_month", 4647.99, 4648.0, Answer.MAYBE),
        ),
    ),
    ("be-vl", "vlaamse-ondersteuningspremie"): Case(
        {
            "work_limiting_disability": True,
            "lives_in": "be-vl",
            "contract_type": EMPLOYMENT,
            "employer_sector": "private",
        },
        (
            Row("work_limiting_disability", True, False),
            Row("lives_in", "be-bru", "be-wal"),
            Row("contract_type", "on_call", "none"),
            # Local authorities and schools may: for a public employer, look closer.
            Row("employer_sector", "private", "public", Answer.MAYBE),
        ),
    ),
    ("be-vl", "individuele-beroepsopleiding"): Case(
        {
            "registered_as_jobseeker": True,
            "worked_for_employer_before": False,
            "work_region": "be-vl",
            "contract_months": 12,
        },
        (
            Row("registered_as_jobseeker", True, False),
            Row("worked_for_employer_before", False, True),
            Row("work_region", "be-bru", "nl"),
            # Shorter than six months is allowed after a shorter IBO: maybe, not no.
            Row("contract_months", 6, 5, Answer.MAYBE),
        ),
    ),
    ("be-vl", "tijdelijke-werkervaring"): Case(
        {
            "registered_as_jobseeker": True,
            "benefit_type": "none",
            "lives_in": "be-vl",
            "hours_per_week": 19.0,
        },
        (
            Row("registered_as_jobseeker", True, False),
            Row(
                "benefit_type",
                "leefloon",
                "none",
                also={"registered_as_jobseeker": False},
            ),
            Row("lives_in", "be-vl", "other"),
            Row("hours_per_week", 19.0, 18.0),
        ),
    ),
    # --- Added with the employer side's second round (issue 5) -----------------------------
    ("nl", "proefplaatsing-uwv"): Case(
        {
            "benefit_type": "unemployment_benefit",
            "worked_for_employer_before": False,
            "contract_months": 6,
        },
        (
            Row("benefit_type", "disability_benefit", "social_assistance"),
            # Possible in another job at the same employer: maybe, not no.
            Row("worked_for_employer_before", False, True, Answer.MAYBE),
            Row("contract_months", 6, 5),
        ),
    ),
    ("nl", "jobcoaching-uwv"): Case(
        {
            "work_limiting_disability": True,
            "benefit_type": "disability_benefit",
            "contract_months": 12,
            "hours_per_week": 20.0,
            "wage_value_percent": 50,
            "contract_type": "temporary",
        },
        (
            Row("work_limiting_disability", True, False),
            # With WW, sometimes UWV too; with bijstand usually the municipality: maybe.
            Row("benefit_type", "disability_benefit", "social_assistance", Answer.MAYBE),
            Row("contract_months", 6, 5),
            Row("hours_per_week", 12.0, 11.5, Answer.MAYBE),
            Row("wage_value_percent", 35, 34, Answer.MAYBE),
        ),
    ),
    ("be-vl", "eerste-aanwervingen"): Case(
        {"employer_sector": "private", "hire_number": 1, "work_region": "be-vl"},
        (
            Row("employer_sector", "private", "public"),
            Row("hire_number", 1, 6),
            # The fourth and fifth hire depend on the 2026 change: maybe.
            Row("hire_number", 3, 4, Answer.MAYBE),
            Row("work_region", "be-wal", "nl"),
        ),
    ),
    ("be-vl", "doelgroepvermindering-jongere-werknemers"): Case(
        {
            "age": 20,
            "work_region": "be-vl",
            "contract_type": "temporary",
            "hours_per_week": 38.0,
            "wage_per_month": 2000.0,
        },
        (
            Row("age", 24, 25),
            Row("work_region", "be-vl", "be-bru"),
            Row("contract_type", "on_call", "learning_working"),
            Row("hours_per_week", 19.0, 18.5, Answer.MAYBE),
            Row("wage_per_month", 2499.99, 2500.0, Answer.MAYBE),
        ),
    ),
    ("be-vl", "individueel-maatwerk"): Case(
        {
            "work_limiting_disability": True,
            "lives_in": "be-vl",
            "work_region": "be-vl",
            "contract_type": EMPLOYMENT,
            "employer_sector": "private",
        },
        (
            Row("work_limiting_disability", True, False),
            # Living in Flanders is enough, or working there.
            Row("lives_in", "be-vl", "be-bru", also={"work_region": "be-bru"}),
            Row("work_region", "be-vl", "be-wal", also={"lives_in": "be-bru"}),
            Row("contract_type", "learning_working", "internship"),
            Row("employer_sector", "private", "public", Answer.MAYBE),
        ),
    ),
    ("be-vl", "collectief-maatwerk"): Case(
        {"work_limiting_disability": True, "work_region": "be-vl", "contract_type": EMPLOYMENT},
        (
            Row("work_limiting_disability", True, False),
            Row("work_region", "be-vl", "be-bru"),
            Row("contract_type", "temporary", "temp_agency"),
        ),
    ),
}

ROWS = [
    pytest.param(key, row, id=f"{key[1]}-{row.fact}-{i}")
    for key, case in TABLE.items()
    for i, row in enumerate(case.rows)
]


@pytest.fixture(scope="module")
def shipped():  # type: ignore[no-untyped-def]
    return load_catalogue(DEFAULT_SCHEMES_DIR, vocabularies(), today=dt.date(2100, 1, 1))


def facts_of(values: dict[str, Any]) -> dict[str, Any]:
    person = {k: v for k, v in values.items() if FACTS[k].about == "person"}
    job = {k: v for k, v in values.items() if FACTS[k].about == "job"}
    job.setdefault("start_date", IN_2026)
    return all_facts(PersonFacts(**person), JobFacts(**job))


def answer(shipped, key: tuple[str, str], values: dict[str, Any]):  # type: ignore[no-untyped-def]
    scheme = shipped.get(*key)
    assert scheme is not None, f"{key} is not in the shipped files"
    return evaluate_scheme(scheme, facts_of(values), vocabularies())


def leaf_facts(rules) -> Counter:  # type: ignore[no-untyped-def]
    found: Counter = Counter()
    for rule in rules:
        if isinstance(rule, Group):
            found.update(leaf_facts(rule.items))
        else:
            found[rule.fact] += 1
    return found


def test_every_shipped_scheme_is_in_the_table(shipped) -> None:  # type: ignore[no-untyped-def]
    assert {(s.country, s.code) for s in shipped.schemes} == set(TABLE)


@pytest.mark.parametrize("key", sorted(TABLE), ids=lambda key: key[1])
def test_every_condition_has_a_row(shipped, key) -> None:  # type: ignore[no-untyped-def]
    in_file = leaf_facts(shipped.get(*key).conditions)
    in_table = Counter(row.fact for row in TABLE[key].rows)
    missing = {fact: n - in_table[fact] for fact, n in in_file.items() if in_table[fact] < n}
    assert not missing, f"conditions of {key[1]} without a row in TABLE: {missing}"


@pytest.mark.parametrize("key", sorted(TABLE), ids=lambda key: key[1])
def test_the_base_case_applies(shipped, key) -> None:  # type: ignore[no-untyped-def]
    outcome = answer(shipped, key, TABLE[key].base)
    assert outcome.answer == Answer.YES, [r.text for r in outcome.reasons]
    assert all(reason.text for reason in outcome.reasons)


@pytest.mark.parametrize(("key", "row"), ROWS)
def test_just_inside_the_condition(shipped, key, row) -> None:  # type: ignore[no-untyped-def]
    outcome = answer(shipped, key, {**TABLE[key].base, **row.also, row.fact: row.inside})
    assert outcome.answer == Answer.YES, [r.text for r in outcome.reasons]


@pytest.mark.parametrize(("key", "row"), ROWS)
def test_just_outside_the_condition(shipped, key, row) -> None:  # type: ignore[no-untyped-def]
    outcome = answer(shipped, key, {**TABLE[key].base, **row.also, row.fact: row.outside})
    assert outcome.answer == row.outside_answer, [r.text for r in outcome.reasons]
    # The reason for the failing condition is there, in words, and not a bare "onbekend".
    failing = [r for r in outcome.reasons if r.answer == row.outside_answer]
    assert failing and not failing[0].text.startswith("onbekend")


@pytest.mark.parametrize("key", sorted(TABLE), ids=lambda key: key[1])
def test_an_unknown_fact_gives_maybe_never_no(shipped, key) -> None:  # type: ignore[no-untyped-def]
    scheme = shipped.get(*key)
    top_level = {rule.fact for rule in scheme.conditions if isinstance(rule, Condition)}
    for fact in leaf_facts(scheme.conditions):
        outcome = answer(shipped, key, {**TABLE[key].base, fact: None})
        assert outcome.answer != Answer.NO, fact
        if fact in top_level:
            assert outcome.answer == Answer.MAYBE, fact
            texts = [r.text for r in outcome.reasons if r.fact == fact]
            assert texts and all(t.startswith("onbekend: ") for t in texts), texts
            assert fact in outcome.unknown_facts
