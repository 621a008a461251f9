"""The funnel and its indicators on a constructed scenario, each checked against hand-computed
values."""

import datetime as dt

from django.utils import timezone

import pytest

from werkroute.casework.constants import AppointmentStatus
from werkroute.casework.tests.factories import AppointmentFactory
from werkroute.outreach.cohort import CohortCriteria
from werkroute.outreach.constants import MemberStatus
from werkroute.outreach.models import Campaign
from werkroute.outreach.queries import funnel
from werkroute.outreach.tests.conftest import World, make_campaign

M = MemberStatus


@pytest.fixture
def scenario(world: World) -> tuple[Campaign, dt.datetime]:
    """Five members, measured at `now`:

    A long_term     invited 60 days ago, conversation 20 days later, follow-up agreed
    B short_term    invited 60 days ago, conversation 40 days later
    C youth         invited 60 days ago, no response
    D self_employed invited 10 days ago, responded 5 days ago, sending paused
    E other_team    selected, not invited
    """
    now = timezone.now()
    days = lambda n: now - dt.timedelta(days=n)  # noqa: E731
    campaign = make_campaign(world, CohortCriteria())
    members = {m.job_seeker_id: m for m in campaign.members.all()}
    rows = {
        "long_term": dict(
            status=M.FOLLOW_UP_AGREED,
            invited_at=days(60),
            responded_at=days(55),
            conversation_at=days(40),
            follow_up_at=days(40),
        ),
        "short_term": dict(
            status=M.CONVERSATION_HELD,
            invited_at=days(60),
            responded_at=days(30),
            conversation_at=days(20),
        ),
        "youth": dict(status=M.NO_RESPONSE, invited_at=days(60)),
        "self_employed": dict(
            status=M.RESPONDED, invited_at=days(10), responded_at=days(5), paused=True
        ),
        "other_team": dict(status=M.SELECTED),
    }
    for key, values in rows.items():
        member = members[world.people[key].pk]
        type(member).objects.filter(pk=member.pk).update(**values)
    people = world.people
    appointments = [
        ("long_term", -90, AppointmentStatus.HELD),  # before the invitation: not counted
        ("long_term", 50, AppointmentStatus.NO_SHOW),
        ("long_term", 41, AppointmentStatus.HELD),
        ("short_term", 20, AppointmentStatus.HELD),
        ("youth", 30, AppointmentStatus.NO_SHOW),
        ("youth", 29, AppointmentStatus.CANCELLED),  # neither held nor not shown
        ("self_employed", -3, AppointmentStatus.PLANNED),  # still to come
        ("other_team", 10, AppointmentStatus.HELD),  # never invited: not counted
        ("left", 10, AppointmentStatus.NO_SHOW),  # not in the campaign
    ]
    for key, ago, status in appointments:
        when = days(ago) if ago > 0 else days(90) if ago == -90 else now + dt.timedelta(days=3)
        AppointmentFactory(job_seeker=people[key], starts_at=when, status=status)
    return campaign, now


def test_counts_per_status(scenario: tuple[Campaign, dt.datetime]) -> None:
    result = funnel(*scenario)
    assert {row.status: row.count for row in result.by_status} == {
        M.SELECTED: 1,
        M.INVITED: 0,
        M.RESPONDED: 1,
        M.CONVERSATION_HELD: 1,
        M.FOLLOW_UP_AGREED: 1,
        M.NO_RESPONSE: 1,
        M.DECLINED: 0,
    }
    assert result.total == 5
    assert result.paused == 1


def test_the_funnel_counts_who_reached_each_step(scenario: tuple[Campaign, dt.datetime]) -> None:
    result = funnel(*scenario)
    assert [(s.status, s.count) for s in result.stages] == [
        (M.INVITED, 4),  # A, B, C, D
        (M.RESPONDED, 3),  # A, B, D
        (M.CONVERSATION_HELD, 2),  # A, B
        (M.FOLLOW_UP_AGREED, 1),  # A
    ]


def test_response_rate(scenario: tuple[Campaign, dt.datetime]) -> None:
    rate = funnel(*scenario).response_rate
    assert (rate.numerator, rate.denominator, rate.percent) == (3, 4, 75)


def test_no_show_rate(scenario: tuple[Campaign, dt.datetime]) -> None:
    # Since the invitation: not shown A(50), C(30); held A(41), B(20). 2 of 4.
    rate = funnel(*scenario).no_show_rate
    assert (rate.numerator, rate.denominator, rate.percent) == (2, 4, 50)


def test_conversation_within_30_and_45_days(scenario: tuple[Campaign, dt.datetime]) -> None:
    # Invited at least 30 (45) days ago: A, B, C. Within 30 days: A (20). Within 45: A, B (40).
    windows = {w.days: w.rate for w in funnel(*scenario).windows}
    assert (windows[30].numerator, windows[30].denominator, windows[30].percent) == (1, 3, 33)
    assert (windows[45].numerator, windows[45].denominator, windows[45].percent) == (2, 3, 67)


def test_average_days_to_the_conversation(scenario: tuple[Campaign, dt.datetime]) -> None:
    assert funnel(*scenario).average_days_to_conversation == 30.0


def test_an_untouched_campaign_has_no_percentages(world: World) -> None:
    result = funnel(make_campaign(world))
    assert result.response_rate.percent is None
    assert result.no_show_rate.percent is None
    assert all(w.rate.percent is None for w in result.windows)
    assert result.average_days_to_conversation is None
