"""Members and campaigns move through explicit state machines; each move is logged."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

import pytest

from werkroute.casework.models import Transition
from werkroute.casework.state import TransitionNotAllowed, transition
from werkroute.outreach.constants import CampaignStatus, MemberStatus
from werkroute.outreach.models import CampaignMember
from werkroute.outreach.services import (
    change_member_status,
    close_campaign,
    mark_conversation_held,
    mark_follow_up_agreed,
    record_no_response,
    record_response,
    send_invitations,
    start_campaign,
)
from werkroute.outreach.state import MEMBER_MACHINE, reachable, steps_to
from werkroute.outreach.tests.conftest import World, make_campaign

M = MemberStatus


def _invited(world: World, days_ago: int = 1) -> CampaignMember:
    campaign = make_campaign(world)
    when = timezone.now() - dt.timedelta(days=days_ago)
    send_invitations(actor=world.case_manager, campaign=campaign, send=True, now=when)
    member = campaign.members.get(job_seeker=world.people["long_term"])
    assert member.status == M.INVITED
    return member


def _invited_other(world: World, member: CampaignMember) -> CampaignMember:
    """Another invited member of the same campaign whom the case manager may see."""
    other = member.campaign.members.get(job_seeker=world.people["self_employed"])
    other.assigned_to = world.case_manager
    other.save()
    return other


def _log(member: CampaignMember) -> list[tuple[str, str]]:
    rows = Transition.objects.filter(
        model_label="outreach.campaignmember", object_id=member.public_id
    )
    return [(t.from_state, t.to_state) for t in rows]


@pytest.mark.parametrize(
    ("source", "allowed"),
    [
        (M.SELECTED, {M.INVITED}),
        (M.INVITED, {M.RESPONDED, M.NO_RESPONSE, M.DECLINED}),
        (M.RESPONDED, {M.CONVERSATION_HELD, M.DECLINED}),
        (M.CONVERSATION_HELD, {M.FOLLOW_UP_AGREED}),
        (M.FOLLOW_UP_AGREED, set()),
        (M.NO_RESPONSE, {M.RESPONDED, M.DECLINED}),
        (M.DECLINED, set()),
    ],
)
def test_the_member_table(source: str, allowed: set[str]) -> None:
    for target in M.values:
        assert MEMBER_MACHINE.allows(source, target) == (target in allowed)


def test_walking_the_line_takes_every_step_in_between() -> None:
    assert steps_to(M.INVITED, M.FOLLOW_UP_AGREED) == [
        M.RESPONDED,
        M.CONVERSATION_HELD,
        M.FOLLOW_UP_AGREED,
    ]
    assert steps_to(M.NO_RESPONSE, M.CONVERSATION_HELD) == [M.RESPONDED, M.CONVERSATION_HELD]
    assert steps_to(M.RESPONDED, M.DECLINED) == [M.DECLINED]
    assert reachable(M.SELECTED) == [M.INVITED]
    assert reachable(M.DECLINED) == []
    assert set(reachable(M.INVITED)) == {
        M.RESPONDED,
        M.CONVERSATION_HELD,
        M.FOLLOW_UP_AGREED,
        M.NO_RESPONSE,
        M.DECLINED,
    }


def test_a_response_is_a_logged_transition_with_actor_and_time(world: World) -> None:
    member = _invited(world)
    before = timezone.now()
    (logged,) = record_response(actor=world.case_manager, member=member)
    member.refresh_from_db()
    assert member.status == M.RESPONDED
    assert (logged.from_state, logged.to_state) == (M.INVITED, M.RESPONDED)
    assert logged.actor_id == world.case_manager.pk
    assert logged.model_label == "outreach.campaignmember"
    assert logged.object_id == member.public_id
    assert logged.at >= before
    assert member.responded_at == logged.at


def test_a_conversation_for_someone_who_never_called_walks_the_line(world: World) -> None:
    member = _invited(world)
    held = timezone.now() - dt.timedelta(minutes=5)
    logged = mark_conversation_held(actor=world.case_manager, member=member, at=held)
    member.refresh_from_db()
    assert [t.to_state for t in logged] == [M.RESPONDED, M.CONVERSATION_HELD]
    assert member.conversation_at == held
    assert member.responded_at == held
    early = member.invited_at - dt.timedelta(days=3)
    other = _invited_other(world, member)
    mark_conversation_held(actor=world.case_manager, member=other, at=early)
    other.refresh_from_db()
    assert other.conversation_at == other.invited_at  # never before the invitation
    mark_follow_up_agreed(actor=world.case_manager, member=member)
    member.refresh_from_db()
    assert member.status == M.FOLLOW_UP_AGREED
    assert member.follow_up_at is not None
    assert _log(member) == [
        (M.SELECTED, M.INVITED),
        (M.INVITED, M.RESPONDED),
        (M.RESPONDED, M.CONVERSATION_HELD),
        (M.CONVERSATION_HELD, M.FOLLOW_UP_AGREED),
    ]


@pytest.mark.parametrize("final", [M.DECLINED, M.FOLLOW_UP_AGREED])
def test_a_final_status_never_moves_again(world: World, final: str) -> None:
    member = _invited(world)
    change_member_status(actor=world.case_manager, member=member, to=final)
    logged = len(_log(member))
    for target in M.values:
        with pytest.raises(TransitionNotAllowed):
            change_member_status(actor=world.case_manager, member=member, to=target)
    member.refresh_from_db()
    assert member.status == final
    assert len(_log(member)) == logged


def test_a_refused_walk_changes_nothing_at_all(world: World) -> None:
    member = _invited(world)
    record_response(actor=world.case_manager, member=member, declined=True)
    with pytest.raises(TransitionNotAllowed):
        mark_follow_up_agreed(actor=world.case_manager, member=member)
    member.refresh_from_db()
    assert member.status == M.DECLINED
    assert member.conversation_at is None


def test_no_one_can_respond_before_being_invited(world: World) -> None:
    campaign = make_campaign(world)
    member = campaign.members.get(job_seeker=world.people["long_term"])
    with pytest.raises(ValidationError, match="nog niet uitgenodigd"):
        record_response(actor=world.case_manager, member=member)
    assert not _log(member)


def test_no_response_then_a_late_response(world: World) -> None:
    member = _invited(world)
    record_no_response(actor=world.case_manager, member=member)
    record_response(actor=world.case_manager, member=member)
    member.refresh_from_db()
    assert member.status == M.RESPONDED
    assert _log(member)[-2:] == [(M.INVITED, M.NO_RESPONSE), (M.NO_RESPONSE, M.RESPONDED)]


def test_statuses_change_only_through_the_machine_and_only_for_who_may(world: World) -> None:
    member = _invited(world)
    with pytest.raises(TransitionNotAllowed):
        transition(member, M.SELECTED, actor=world.case_manager)
    with pytest.raises(PermissionDenied):
        record_response(actor=world.user("other_municipality"), member=member)
    with pytest.raises(PermissionDenied):
        record_response(actor=world.user("policy_maker"), member=member)


def test_the_campaign_machine_and_a_closed_campaign(world: World) -> None:
    member = _invited(world)
    campaign = member.campaign
    assert campaign.status == CampaignStatus.RUNNING and campaign.started_at is not None
    close_campaign(actor=world.case_manager, campaign=campaign)
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.CLOSED and campaign.closed_at is not None
    with pytest.raises(TransitionNotAllowed):
        start_campaign(actor=world.case_manager, campaign=campaign)
    member.refresh_from_db()
    with pytest.raises(ValidationError, match="loopt niet"):
        record_response(actor=world.case_manager, member=member)
    logged = Transition.objects.filter(
        model_label="outreach.campaign", object_id=campaign.public_id
    )
    assert [(t.from_state, t.to_state, t.actor_id) for t in logged] == [
        ("draft", "running", world.case_manager.pk),
        ("running", "closed", world.case_manager.pk),
    ]
