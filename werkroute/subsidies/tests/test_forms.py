"""The checker's form takes numbers as people write them, and turns the form into facts."""

import datetime as dt
from decimal import Decimal

import pytest

from werkroute.subsidies.forms import CheckForm, initial_from_facts
from werkroute.subsidies.rules import JobFacts, PersonFacts


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("24", Decimal("24")),
        ("24,5", Decimal("24.5")),
        ("24.5", Decimal("24.5")),
        ("2.300", Decimal("2300")),
        ("2.300,50", Decimal("2300.50")),
        ("€ 2300", Decimal("2300")),
    ],
)
def test_numbers_as_people_write_them(written: str, value: Decimal) -> None:
    form = CheckForm({"country": "nl", "wage_per_month": written})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["wage_per_month"] == value


def test_empty_fields_are_unknown_facts() -> None:
    form = CheckForm({"country": "be-vl", "age": "30", "registered_as_jobseeker": "no"})
    assert form.is_valid(), form.errors
    assert form.person() == PersonFacts(age=30, registered_as_jobseeker=False)
    assert form.job() == JobFacts()


def test_initial_values_from_facts() -> None:
    initial = initial_from_facts(
        PersonFacts(age=58, in_target_group_register=True),
        JobFacts(hours_per_week=32.0, wage_per_month=2080.5, start_date=dt.date(2026, 3, 1)),
        "nl",
    )
    assert initial["age"] == 58
    assert initial["in_target_group_register"] == "yes"
    assert initial["work_limiting_disability"] == ""
    assert (initial["hours_per_week"], initial["wage_per_month"]) == (32, "2080,5")
    assert initial["country"] == "nl"
