"""The rules engine on its own: three-valued answers, groups, texts, and no Django."""

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from werkroute.subsidies.rules import (
    Answer,
    JobFacts,
    PersonFacts,
    all_facts,
    evaluate_scheme,
    load_catalogue,
    requirements,
)
from werkroute.subsidies.rules.evaluate import combine
from werkroute.subsidies.rules.facts import OPEN_ENDED_MONTHS, format_number

VOCABULARIES = {
    "benefit_type": {"social_assistance": "bijstand", "ioaw": "IOAW", "none": "geen uitkering"},
    "contract_type": {"permanent": "vast contract", "temporary": "tijdelijk contract"},
    "region": {"nl": "Nederland", "be-vl": "Vlaanderen"},
}
TODAY = dt.date(2026, 6, 1)

HEADER = """
code = "{code}"
name = "Proef"
country = "nl"
kind = "subsidy"
summary = "Een regeling om te testen."
last_checked = 2026-01-15

[amount]
text = "Veel geld."

[source]
title = "Testwet, artikel 1"
url = "https://example.org/testwet"
"""


def scheme_from(tmp_path: Path, conditions: str, code: str = "proef"):  # type: ignore[no-untyped-def]
    folder = tmp_path / "nl"
    folder.mkdir(exist_ok=True)
    text = HEADER.format(code=code) + textwrap.dedent(conditions)
    (folder / f"{code}.toml").write_text(text, encoding="utf-8")
    return load_catalogue(tmp_path, VOCABULARIES, today=TODAY).get("nl", code)


def facts(**values):  # type: ignore[no-untyped-def]
    person = {k: v for k, v in values.items() if k in PersonFacts.__dataclass_fields__}
    job = {k: v for k, v in values.items() if k in JobFacts.__dataclass_fields__}
    return all_facts(PersonFacts(**person), JobFacts(**job))


def test_the_engine_imports_no_django() -> None:
    code = (
        "import sys, werkroute.subsidies.rules\n"
        "loaded = [m for m in sys.modules if m == 'django' or m.startswith('django.')]\n"
        "assert not loaded, loaded\n"
    )
    root = Path(__file__).resolve().parents[3]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


@pytest.mark.parametrize(
    ("mode", "answers", "expected"),
    [
        ("all", ["yes", "yes"], "yes"),
        ("all", ["yes", "maybe"], "maybe"),
        ("all", ["maybe", "no"], "no"),
        ("any", ["no", "no"], "no"),
        ("any", ["no", "maybe"], "maybe"),
        ("any", ["maybe", "yes"], "yes"),
    ],
)
def test_three_valued_logic(mode: str, answers: list[str], expected: str) -> None:
    assert combine(mode, [Answer(a) for a in answers]) == Answer(expected)


def test_texts_are_filled_in_with_dutch_values(tmp_path: Path) -> None:
    scheme = scheme_from(
        tmp_path,
        """
        [[conditions]]
        fact = "age"
        op = ">="
        value = 56
        yes = "is {actual}: {value} of ouder"
        no = "is {actual}, jonger dan {value}"

        [[conditions]]
        fact = "benefit_type"
        op = "in"
        value = ["social_assistance", "ioaw"]

        [[conditions]]
        fact = "wage_per_month"
        op = "<="
        value = 3333.5
        """,
    )
    outcome = evaluate_scheme(
        scheme, facts(age=55, benefit_type="ioaw", wage_per_month=2300.0), VOCABULARIES
    )
    assert outcome.answer == Answer.NO
    first, second, third = outcome.reasons
    assert (first.answer, first.text) == (Answer.NO, "is 55 jaar, jonger dan 56 jaar")
    assert (second.answer, second.text) == (
        Answer.YES,
        "uitkering: IOAW (voorwaarde: bijstand of IOAW)",
    )
    assert third.text == "brutoloon per maand: € 2.300 (voorwaarde: € 3.333,5 of minder)"


def test_an_unknown_fact_answers_maybe_with_what_is_missing(tmp_path: Path) -> None:
    scheme = scheme_from(
        tmp_path,
        """
        [[conditions]]
        fact = "age"
        op = ">="
        value = 56

        [[conditions]]
        fact = "wage_value_percent"
        op = "<"
        value = 100
        unknown = "de loonwaarde moet nog gemeten worden (minder dan {value})"
        """,
    )
    outcome = evaluate_scheme(scheme, facts(), VOCABULARIES)
    assert outcome.answer == Answer.MAYBE
    assert [r.text for r in outcome.reasons] == [
        "onbekend: leeftijd; nodig: 56 jaar of meer",
        "onbekend: loonwaarde (procent van het minimumloon); "
        "de loonwaarde moet nog gemeten worden (minder dan 100 procent)",
    ]
    assert outcome.unknown_facts == ["age", "wage_value_percent"]
    # A known "no" still wins over an unknown: the answer is then a plain no.
    assert evaluate_scheme(scheme, facts(age=30), VOCABULARIES).answer == Answer.NO


def test_otherwise_maybe_turns_a_failed_condition_into_maybe(tmp_path: Path) -> None:
    scheme = scheme_from(
        tmp_path,
        """
        [[conditions]]
        fact = "wage_per_month"
        op = "<="
        value = 3333
        otherwise = "maybe"
        no = "boven het plafond; controleer het geïndexeerde bedrag"
        """,
    )
    outcome = evaluate_scheme(scheme, facts(wage_per_month=3400.0), VOCABULARIES)
    assert outcome.answer == Answer.MAYBE
    assert outcome.reasons[0].text == "boven het plafond; controleer het geïndexeerde bedrag"


def test_groups_and_nested_reasons(tmp_path: Path) -> None:
    scheme = scheme_from(
        tmp_path,
        """
        [[conditions]]
        no = "geen van beide"

          [[conditions.any]]
          fact = "in_target_group_register"
          op = "=="
          value = true
          yes = "in het register"

          [[conditions.any]]
          all = [
            { fact = "age", op = ">=", value = 56 },
            { fact = "benefit_type", op = "==", value = "social_assistance" },
          ]
        """,
    )
    yes = evaluate_scheme(
        scheme,
        facts(in_target_group_register=False, age=60, benefit_type="social_assistance"),
        VOCABULARIES,
    )
    assert yes.answer == Answer.YES
    group = yes.reasons[0]
    assert [c.number for c in group.children] == ["1.1", "1.2"]
    assert [c.number for c in group.children[1].children] == ["1.2.1", "1.2.2"]
    assert group.text == "aan minstens één van deze voorwaarden is voldaan"

    first = evaluate_scheme(scheme, facts(in_target_group_register=True), VOCABULARIES)
    assert first.answer == Answer.YES
    assert first.reasons[0].children[0].text == "in het register"

    no = evaluate_scheme(
        scheme, facts(in_target_group_register=False, age=40, benefit_type="ioaw"), VOCABULARIES
    )
    assert (no.answer, no.reasons[0].text) == (Answer.NO, "geen van beide")

    maybe = evaluate_scheme(scheme, facts(in_target_group_register=False, age=60), VOCABULARIES)
    assert maybe.answer == Answer.MAYBE
    assert maybe.unknown_facts == ["benefit_type"]


def test_a_permanent_contract_counts_as_open_ended(tmp_path: Path) -> None:
    scheme = scheme_from(
        tmp_path,
        """
        [[conditions]]
        fact = "contract_months"
        op = ">="
        value = 6
        yes = "contract: {actual}"
        """,
    )
    outcome = evaluate_scheme(scheme, facts(contract_type="permanent"), VOCABULARIES)
    assert (outcome.answer, outcome.reasons[0].text) == (Answer.YES, "contract: onbepaalde tijd")
    assert facts(contract_type="permanent")["contract_months"] == OPEN_ENDED_MONTHS
    unknown = evaluate_scheme(scheme, facts(contract_type="temporary"), VOCABULARIES)
    assert unknown.answer == Answer.MAYBE


def test_dates_compare_and_read_in_dutch(tmp_path: Path) -> None:
    scheme = scheme_from(
        tmp_path,
        """
        [[conditions]]
        fact = "start_date"
        op = "<"
        value = 2026-01-01
        """,
    )
    before = evaluate_scheme(scheme, facts(start_date=dt.date(2025, 12, 31)), VOCABULARIES)
    after = evaluate_scheme(scheme, facts(start_date=dt.date(2026, 1, 1)), VOCABULARIES)
    assert before.answer == Answer.YES
    assert after.answer == Answer.NO
    assert after.reasons[0].text == (
        "begindatum van de baan: 1 januari 2026, maar de voorwaarde is vóór 1 januari 2026"
    )
    assert requirements(scheme, VOCABULARIES) == [
        ("begindatum van de baan: vóór 1 januari 2026", [])
    ]


@pytest.mark.parametrize(
    ("value", "text"), [(24, "24"), (24.5, "24,5"), (10.45, "10,45"), (6000, "6.000")]
)
def test_numbers_are_written_the_dutch_way(value: float, text: str) -> None:
    assert format_number(value) == text
