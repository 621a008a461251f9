"""Casework moves campaign members along: sync_member_from_casework(), called by casework."""

import datetime as dt

from django.utils import timezone

from werkroute.casework.constants import AppointmentStatus
from werkroute.casework.models import Transition
from werkroute.casework.services import ConversationInput, hold_conversation
from werkroute.casework.tests.factories import AppointmentFactory, ConversationFactory
from werkroute.outreach.constants import MemberStatus
from werkroute.outreach.models import CampaignMember
from werkroute.outreach.services import (
    close_campaign,
    record_response,
    send_invitations,
    sync_member_from_casework,
)
from werkroute.outreach.tests.conftest import World, make_campaign

M = MemberStatus


def _invited(world: World, days_ago: int = 3, **kw: object) -> CampaignMember:
    campaign = make_campaign(world, **kw)
    if campaign.status == "running":
        when = timezone.now() - dt.timedelta(days=days_ago)
        send_invitations(actor=None, campaign=campaign, send=True, now=when)
    return campaign.members.get(job_seeker=world.people["long_term"])


def _sync(world: World, member: CampaignMember) -> CampaignMember:
    sync_member_from_casework(member.job_seeker, actor=world.case_manager)
    member.refresh_from_db()
    return member


def test_an_appointment_made_after_the_invitation_is_a_response(world: World) -> None:
    member = _invited(world)
    appointment = AppointmentFactory(job_seeker=member.job_seeker)
    member = _sync(world, member)
    assert member.status == M.RESPONDED
    assert member.responded_at == appointment.created_at
    (logged,) = Transition.objects.filter(object_id=member.public_id, to_state=M.RESPONDED)
    assert logged.actor_id == world.case_manager.pk
    assert logged.reason == "Bijgewerkt uit gesprekken en afspraken"


def test_a_conversation_then_a_follow_up_appointment(world: World) -> None:
    member = _invited(world)
    ConversationFactory(job_seeker=member.job_seeker, held_on=timezone.localdate())
    member = _sync(world, member)
    assert member.status == M.CONVERSATION_HELD
    assert member.responded_at is not None and member.conversation_at is not None
    AppointmentFactory(job_seeker=member.job_seeker)
    member = _sync(world, member)
    assert member.status == M.FOLLOW_UP_AGREED
    assert [t.to_state for t in Transition.objects.filter(object_id=member.public_id)] == [
        M.INVITED,
        M.RESPONDED,
        M.CONVERSATION_HELD,
        M.FOLLOW_UP_AGREED,
    ]


def test_the_casework_service_and_the_hook_together(world: World) -> None:
    member = _invited(world)
    hold_conversation(
        actor=world.case_manager,
        job_seeker=member.job_seeker,
        data=ConversationInput(
            held_on=timezone.localdate(),
            follow_up_on=timezone.localdate() + dt.timedelta(days=14),
        ),
    )
    member = _sync(world, member)
    assert member.status == M.FOLLOW_UP_AGREED


def test_a_held_appointment_counts_as_a_conversation(world: World) -> None:
    member = _invited(world, days_ago=5)
    AppointmentFactory(
        job_seeker=member.job_seeker,
        starts_at=timezone.now() - dt.timedelta(days=1),
        status=AppointmentStatus.HELD,
    )
    member = _sync(world, member)
    assert member.status == M.CONVERSATION_HELD


def test_old_casework_and_other_states_are_left_alone(world: World) -> None:
    member = _invited(world)
    ConversationFactory(
        job_seeker=member.job_seeker, held_on=timezone.localdate() - dt.timedelta(days=30)
    )
    assert _sync(world, member).status == M.INVITED  # talked before the invitation
    record_response(actor=world.case_manager, member=member, declined=True)
    ConversationFactory(job_seeker=member.job_seeker, held_on=timezone.localdate())
    assert _sync(world, member).status == M.DECLINED


def test_draft_and_closed_campaigns_and_uninvited_members_do_not_move(world: World) -> None:
    draft = _invited(world, start=False)
    ConversationFactory(job_seeker=draft.job_seeker, held_on=timezone.localdate())
    assert _sync(world, draft).status == M.SELECTED
    running = _invited(world, name="Tweede")
    close_campaign(actor=world.case_manager, campaign=running.campaign)
    assert _sync(world, running).status == M.INVITED


def test_holding_a_conversation_in_casework_moves_the_member_on(world: World) -> None:
    """Case work calls the registered hook: nobody updates the campaign by hand."""
    member = _invited(world)
    hold_conversation(
        actor=world.case_manager,
        job_seeker=member.job_seeker,
        data=ConversationInput(held_on=timezone.localdate()),
    )
    member.refresh_from_db()
    assert member.status == M.CONVERSATION_HELD
