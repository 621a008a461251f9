"""Caseload filters each return the right people; the team lead's counts add up."""

import datetime as dt

from django.utils import timezone

import pytest

from werkroute.casework.constants import AppointmentStatus, TargetGroup
from werkroute.casework.queries import (
    CaseloadFilters,
    benefit_start_cutoff,
    caseload,
    team_overview,
    years_before,
)
from werkroute.casework.tests.conftest import World
from werkroute.casework.tests.factories import AppointmentFactory, ConversationFactory
from werkroute.jobseekers.constants import BenefitType
from werkroute.jobseekers.models import JobSeeker, Obstacle
from werkroute.jobseekers.tests.factories import JobSeekerFactory

TODAY = dt.date(2026, 11, 23)


def _person(world: World, name: str, **fields: object) -> JobSeeker:
    fields.setdefault("benefit_start", None)
    return JobSeekerFactory(
        municipality=world.municipality,
        case_manager=world.case_manager,
        last_name=name,
        **fields,
    )


def _names(world: World, **filters: object) -> set[str]:
    return {js.last_name for js in caseload(world.case_manager, CaseloadFilters(**filters))}


def test_the_caseload_holds_only_the_case_managers_own_clients(world: World) -> None:
    assert {js.pk for js in caseload(world.case_manager)} == {world.target.pk}
    colleague = world.users["colleague"]
    assert not caseload(colleague).exists()
    assert not caseload(world.users["self"]).exists()


def test_no_conversation_yet(world: World) -> None:
    talked = _person(world, "Gesproken")
    ConversationFactory(job_seeker=talked)
    _person(world, "Stil")
    assert _names(world, no_conversation=True) == {"Stil", world.target.last_name}


def test_follow_up_overdue(world: World) -> None:
    now = timezone.now()
    today = timezone.localdate()
    missed = _person(world, "Gemist")
    AppointmentFactory(job_seeker=missed, missed=True)

    lapsed = _person(world, "Verlopen")
    ConversationFactory(
        job_seeker=lapsed,
        held_on=today - dt.timedelta(days=30),
        follow_up_on=today - dt.timedelta(days=2),
    )

    planned = _person(world, "Gepland")
    ConversationFactory(
        job_seeker=planned,
        held_on=today - dt.timedelta(days=30),
        follow_up_on=today - dt.timedelta(days=2),
    )
    AppointmentFactory(job_seeker=planned, starts_at=now + dt.timedelta(days=1))

    held = _person(world, "Gehouden")
    ConversationFactory(
        job_seeker=held,
        held_on=today - dt.timedelta(days=30),
        follow_up_on=today - dt.timedelta(days=10),
    )
    AppointmentFactory(
        job_seeker=held,
        starts_at=now - dt.timedelta(days=12),
        status=AppointmentStatus.HELD,
    )

    not_yet = _person(world, "Nogniet")
    ConversationFactory(
        job_seeker=not_yet,
        held_on=today - dt.timedelta(days=3),
        follow_up_on=today + dt.timedelta(days=5),
    )

    cancelled = _person(world, "Afgezegd")
    ConversationFactory(
        job_seeker=cancelled,
        held_on=today - dt.timedelta(days=30),
        follow_up_on=today - dt.timedelta(days=1),
    )
    AppointmentFactory(
        job_seeker=cancelled,
        starts_at=now + dt.timedelta(days=1),
        status=AppointmentStatus.CANCELLED,
    )

    # "Gehouden" met after the conversation: that was the follow-up, so nothing is overdue.
    assert _names(world, follow_up_overdue=True) == {"Gemist", "Verlopen", "Afgezegd"}


def test_obstacle_kind_counts_active_obstacles_only(world: World) -> None:
    debts = _person(world, "Schulden")
    Obstacle.objects.create(job_seeker=debts, kind="debts", impact="Stress")
    solved = _person(world, "Opgelost")
    Obstacle.objects.create(job_seeker=solved, kind="debts", impact="Was stress", is_active=False)
    other = _person(world, "Vervoer")
    Obstacle.objects.create(job_seeker=other, kind="transport", impact="Geen bus")
    assert _names(world, obstacle_kind="debts") == {"Schulden"}


def test_benefit_longer_than_n_months(world: World) -> None:
    today = timezone.localdate()
    long_ago = today - dt.timedelta(days=3 * 365)
    _person(world, "Lang", benefit_start=long_ago)
    _person(world, "Kort", benefit_start=today - dt.timedelta(days=40))
    _person(world, "Gestopt", benefit_start=long_ago, benefit_end=today - dt.timedelta(days=3))
    _person(world, "Onbekend")
    names = _names(world, benefit_months_min=24)
    assert names == {"Lang", world.target.last_name}  # the target's benefit is two years old
    assert "Kort" in _names(world, benefit_months_min=0)


def test_benefit_cutoff_agrees_with_the_job_seekers_own_month_count() -> None:
    for months in (0, 1, 6, 18, 24):
        cutoff = benefit_start_cutoff(TODAY, months)
        assert JobSeeker(benefit_start=cutoff).benefit_months(TODAY) == months
        next_day = cutoff + dt.timedelta(days=1)
        assert JobSeeker(benefit_start=next_day).benefit_months(TODAY) == months - 1
    assert benefit_start_cutoff(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)


def test_years_before_handles_leap_days() -> None:
    assert years_before(dt.date(2028, 2, 29), 18) == dt.date(2010, 2, 28)
    assert years_before(TODAY, 55) == dt.date(1971, 11, 23)


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        (TargetGroup.LONG_TERM, {"Langdurig"}),
        (TargetGroup.YOUTH, {"Jong18", "Jong27"}),
        (TargetGroup.OVER_55, {"Oud55"}),
        (TargetGroup.SELF_EMPLOYED, {"Ondernemer"}),
        (TargetGroup.STATUS_HOLDER, {"Statushouder"}),
        (TargetGroup.TARGET_GROUP_REGISTER, {"Register"}),
    ],
)
def test_target_groups(world: World, group: str, expected: set[str]) -> None:
    today = timezone.localdate()
    world.target.delete()  # keep the fixture's person out of the counts
    born = dt.date(1990, 6, 1)
    _person(world, "Langdurig", date_of_birth=born, benefit_start=today - dt.timedelta(days=700))
    _person(world, "Kortdurig", date_of_birth=born, benefit_start=today - dt.timedelta(days=300))
    _person(world, "Jong18", date_of_birth=years_before(today, 18))
    _person(world, "Jong27", date_of_birth=years_before(today, 28) + dt.timedelta(days=1))
    _person(world, "Te oud voor jong", date_of_birth=years_before(today, 28))
    _person(world, "Te jong", date_of_birth=years_before(today, 18) + dt.timedelta(days=1))
    _person(world, "Oud55", date_of_birth=years_before(today, 55))
    _person(world, "Bijna55", date_of_birth=years_before(today, 55) + dt.timedelta(days=1))
    _person(
        world,
        "Ondernemer",
        date_of_birth=born,
        benefit_type=BenefitType.SELF_EMPLOYED_SUPPORT,
    )
    _person(world, "Statushouder", date_of_birth=born, is_status_holder=True)
    _person(world, "Register", date_of_birth=born, in_target_group_register=True)
    assert _names(world, target_group=group) == expected


def test_filters_combine(world: World) -> None:
    debts = _person(world, "SchuldenZonderGesprek")
    Obstacle.objects.create(job_seeker=debts, kind="debts", impact="Stress")
    talked = _person(world, "SchuldenMetGesprek")
    Obstacle.objects.create(job_seeker=talked, kind="debts", impact="Stress")
    ConversationFactory(job_seeker=talked)
    assert _names(world, obstacle_kind="debts", no_conversation=True) == {"SchuldenZonderGesprek"}


def test_the_team_lead_sees_counts_per_case_manager_of_the_team(world: World) -> None:
    lead = world.users["team_lead"]
    colleague = world.users["colleague"]
    assert colleague is not None
    missed = _person(world, "Gemist")
    AppointmentFactory(job_seeker=missed, missed=True)
    ConversationFactory(job_seeker=missed)
    JobSeekerFactory(municipality=world.municipality, case_manager=colleague)

    (overview,) = team_overview(lead)
    assert overview.team == world.team
    rows = {row.case_manager.pk: row for row in overview.rows}
    assert set(rows) == {world.case_manager.pk, colleague.pk}
    mine = rows[world.case_manager.pk]
    assert (mine.total, mine.no_conversation, mine.follow_up_overdue) == (2, 1, 1)
    assert mine.appointments_next_week == 1  # the target's appointment in three days
    theirs = rows[colleague.pk]
    assert (theirs.total, theirs.no_conversation, theirs.follow_up_overdue) == (1, 1, 0)


def test_only_team_leads_get_an_overview(world: World) -> None:
    assert team_overview(world.case_manager) == []
    assert team_overview(world.users["other_team"]) == []
