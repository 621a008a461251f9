"""Facts from a job seeker's file and a vacancy, and the check for one candidate in one job."""

import datetime as dt
from pathlib import Path

from django.utils import timezone

from werkroute.core.constants import Country
from werkroute.subsidies import services
from werkroute.subsidies.rules import Answer, JobFacts, PersonFacts


def test_person_facts_from_the_file(world) -> None:  # type: ignore[no-untyped-def]
    facts = services.person_facts(world.anna)
    assert facts.age == 58
    assert facts.benefit_type == "social_assistance"
    assert facts.benefit_months == 40
    assert facts.in_target_group_register is True
    assert facts.work_limiting_disability is True  # everyone in the register has one
    assert facts.lives_in == "nl"
    # What the file does not say stays unknown.
    assert facts.wage_value_percent is None and facts.sheltered_work_indication is None


def test_outside_the_register_a_disability_is_unknown_not_no(world) -> None:  # type: ignore[no-untyped-def]
    world.anna.in_target_group_register = False
    assert services.person_facts(world.anna).work_limiting_disability is None


def test_an_ended_benefit_counts_as_no_benefit(world) -> None:  # type: ignore[no-untyped-def]
    world.anna.benefit_end = timezone.localdate() - dt.timedelta(days=40)
    assert services.person_facts(world.anna).benefit_type == "none"


def test_a_flemish_region_means_flanders(world) -> None:  # type: ignore[no-untyped-def]
    region = world.anna.municipality.region
    region.country = Country.BELGIUM
    region.save()
    world.anna.refresh_from_db()
    assert services.person_facts(world.anna).lives_in == "be-vl"
    assert services.country_for(world.anna) == "be-vl"


def test_job_facts_from_the_vacancy(world) -> None:  # type: ignore[no-untyped-def]
    facts = services.job_facts(world.vacancy, contract_months=12)
    assert facts.hours_per_week == 32.0  # the hours the person can count on
    assert facts.contract_type == "temporary"
    assert facts.contract_months == 12
    assert facts.wage_per_month == round(15 * 32 * 52 / 12, 2)  # an hourly wage, per month
    assert facts.work_region == "nl"
    assert facts.start_date == timezone.localdate()
    assert services.job_facts(world.vacancy, wage_per_month=2500.0).wage_per_month == 2500.0


def test_the_check_for_a_candidate_in_a_vacancy(world) -> None:  # type: ignore[no-untyped-def]
    outcomes = {o.scheme.code: o for o in services.check_for_candidate(world.anna, world.vacancy)}
    assert outcomes["lkv-doelgroep-banenafspraak"].answer == Answer.MAYBE  # worked here before?
    assert outcomes["no-riskpolis"].answer == Answer.YES
    assert outcomes["lkv-oudere-werknemer"].answer == Answer.NO  # abolished for new jobs
    assert outcomes["praktijkleren"].answer == Answer.NO
    assert all(o.scheme.country == "nl" for o in outcomes.values())


def test_check_eligibility_by_country(world) -> None:  # type: ignore[no-untyped-def]
    person = PersonFacts(age=30, benefit_type="leefloon", lives_in="be-vl")
    job = JobFacts(hours_per_week=38.0, contract_type="temporary")
    outcomes = services.check_eligibility(person, job, "be-vl")
    answers = {o.scheme.code: o.answer for o in outcomes}
    assert answers["artikel-60"] == Answer.YES
    assert "loonkostensubsidie" not in answers


def test_a_new_file_is_a_new_scheme_without_a_code_change(tmp_path: Path, settings) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "nl"
    folder.mkdir()
    path = folder / "starterspremie.toml"
    path.write_text(
        """
code = "starterspremie"
name = "Starterspremie van de gemeente"
country = "nl"
kind = "subsidy"
summary = "Een premie voor wie een jongere uit de bijstand aanneemt."
last_checked = 2026-01-15

[amount]
text = "€ 2.500 eenmalig."
value = 2500
unit = "euro_once"

[source]
title = "Verordening werk van de gemeente, artikel 4"
url = "https://example.org/verordening"

[[conditions]]
fact = "age"
op = "<"
value = 27
yes = "De kandidaat is jonger dan 27."
no = "De kandidaat is {actual}: de premie is tot {value}."
""",
        encoding="utf-8",
    )
    settings.WERKROUTE_SCHEMES_DIR = str(tmp_path)
    outcomes = services.check_eligibility(PersonFacts(age=22), JobFacts(), "nl")
    assert [(o.scheme.code, o.answer) for o in outcomes] == [("starterspremie", Answer.YES)]
    assert outcomes[0].reasons[0].text == "De kandidaat is jonger dan 27."

    # Changing the file changes the answer, without a restart.
    path.write_text(path.read_text().replace("value = 27", "value = 21"), encoding="utf-8")
    outcome = services.check_eligibility(PersonFacts(age=22), JobFacts(), "nl")[0]
    assert outcome.answer == Answer.NO
    assert outcome.reasons[0].text == "De kandidaat is 22 jaar: de premie is tot 21 jaar."
