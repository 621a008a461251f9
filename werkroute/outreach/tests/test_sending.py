"""Invitations and reminders: a dry run does nothing; a real run sends once per member and
channel through the pluggable senders; pausing stops it; resending sends a reminder."""

import datetime as dt
from io import StringIO
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

import pytest

from werkroute.casework.models import Transition
from werkroute.core.audit.models import AccessAuditEntry, ProcessingLogEntry
from werkroute.outreach.constants import InvitationKind, MemberStatus
from werkroute.outreach.letters import LetterMessage, ManualPrintSender
from werkroute.outreach.models import Campaign, CampaignMember, Invitation
from werkroute.outreach.services import (
    pause_member,
    resend_invitation,
    resume_member,
    send_invitations,
    sender_for,
)
from werkroute.outreach.tests.conftest import TARGET_BSN, World, make_campaign
from werkroute.outreach.tests.senders import RecordingSender

FAILING = "werkroute.outreach.tests.senders.FailingSender"


def _member(campaign: Campaign, world: World, who: str = "long_term") -> CampaignMember:
    return campaign.members.get(job_seeker=world.people[who])


def _sent_by_reference() -> dict[str, list[str]]:
    sent: dict[str, list[str]] = {}
    for message in RecordingSender.sent:
        sent.setdefault(message.reference, []).append(message.channel)
    return sent


def _run(*args: str) -> str:
    out = StringIO()
    call_command("send_campaign_invitations", *args, stdout=out)
    return out.getvalue()


def test_a_dry_run_sends_nothing_and_stores_nothing(world: World) -> None:
    campaign = make_campaign(world)
    audit, log = AccessAuditEntry.objects.count(), ProcessingLogEntry.objects.count()
    transitions = Transition.objects.count()
    run = send_invitations(actor=world.case_manager, campaign=campaign)
    # long_term: letter, e-mail, sms; self_employed: letter, sms (no e-mail); other_team: letter.
    assert len(run.to_send) == 6
    assert {d.problem for d in run.problems} == {
        "geen e-mailadres bekend",
        "geen telefoonnummer bekend",
    }
    assert not run.sent
    assert not RecordingSender.sent
    assert not Invitation.objects.exists()
    assert set(campaign.members.values_list("status", flat=True)) == {MemberStatus.SELECTED}
    assert AccessAuditEntry.objects.count() == audit
    assert ProcessingLogEntry.objects.count() == log
    assert Transition.objects.count() == transitions


def test_the_command_is_a_dry_run_unless_told_to_send(world: World) -> None:
    campaign = make_campaign(world)
    output = _run()
    assert "Proefrun" in output and "Zou versturen" in output
    assert "Zwanenburg" not in output and TARGET_BSN not in output
    assert not Invitation.objects.exists() and not RecordingSender.sent
    output = _run("--send", "--campaign", str(campaign.public_id))
    assert "6 bericht(en) verstuurd." in output
    assert Invitation.objects.count() == 6


def test_sending_goes_once_per_member_per_channel(world: World) -> None:
    campaign = make_campaign(world)
    run = send_invitations(actor=world.case_manager, campaign=campaign, send=True)
    assert len(run.sent) == 6
    target = _member(campaign, world)
    assert sorted(_sent_by_reference()[f"campagnedeelnemer {target.public_id}"]) == [
        "email",
        "letter",
        "sms",
    ]
    assert Invitation.objects.filter(member=target, kind="invitation").count() == 3
    again = send_invitations(actor=None, campaign=campaign, send=True)
    assert not again.deliveries
    assert len(RecordingSender.sent) == 6
    target.refresh_from_db()
    assert target.status == MemberStatus.INVITED and target.invited_at is not None
    (logged,) = Transition.objects.filter(object_id=target.public_id)
    assert (logged.to_state, logged.actor_id) == (MemberStatus.INVITED, world.case_manager.pk)


def test_messages_name_the_person_and_reference_but_never_the_bsn(world: World) -> None:
    campaign = make_campaign(world, proposal="Dinsdag 3 juni om 10.00 uur op het Werkplein.")
    send_invitations(actor=None, campaign=campaign, send=True)
    target = _member(campaign, world)
    mine = [m for m in RecordingSender.sent if m.reference.endswith(str(target.public_id))]
    by_channel = {m.channel: m for m in mine}
    email = by_channel["email"]
    assert email.to == "fatima@example.org"
    assert email.subject == "Uitnodiging voor een gesprek over werk"
    assert "Beste Fatima Zwanenburg," in email.body
    assert "Dinsdag 3 juni om 10.00 uur op het Werkplein." in email.body
    assert target.reference in email.body and "14 030" in email.body
    assert by_channel["sms"].to == "0612345678" and target.reference in by_channel["sms"].body
    letter = by_channel["letter"]
    assert isinstance(letter, LetterMessage) and letter.pdf.startswith(b"%PDF")
    for message in mine:
        assert TARGET_BSN not in message.body and TARGET_BSN not in repr(message)
        assert "fatima" not in repr(message)


def test_pausing_stops_sending_and_resuming_lets_it_go(world: World) -> None:
    campaign = make_campaign(world)
    target = _member(campaign, world)
    pause_member(actor=world.case_manager, member=target)
    send_invitations(actor=None, campaign=campaign, send=True)
    assert not Invitation.objects.filter(member=target).exists()
    target.refresh_from_db()
    assert target.status == MemberStatus.SELECTED
    with pytest.raises(ValidationError, match="pauze"):
        resend_invitation(actor=world.case_manager, member=target)
    resume_member(actor=world.case_manager, member=target)
    send_invitations(actor=None, campaign=campaign, send=True)
    assert Invitation.objects.filter(member=target).count() == 3


def test_resend_sends_a_reminder_on_each_channel(world: World) -> None:
    campaign = make_campaign(world)
    send_invitations(actor=None, campaign=campaign, send=True)
    target = _member(campaign, world)
    RecordingSender.sent.clear()
    deliveries = resend_invitation(actor=world.case_manager, member=target)
    assert sorted(d.channel for d in deliveries if d.sent) == ["email", "letter", "sms"]
    reminders = Invitation.objects.filter(member=target, kind=InvitationKind.REMINDER)
    assert reminders.count() == 3
    assert {m.subject for m in RecordingSender.sent if m.channel == "email"} == {
        "Herinnering: uitnodiging voor een gesprek over werk"
    }
    target.refresh_from_db()
    assert target.last_reminder_at is not None and target.status == MemberStatus.INVITED
    resend_invitation(actor=world.case_manager, member=target)
    assert reminders.count() == 6


def test_resend_before_the_invitation_sends_the_invitation(world: World) -> None:
    campaign = make_campaign(world)
    target = _member(campaign, world)
    resend_invitation(actor=world.case_manager, member=target)
    target.refresh_from_db()
    assert target.status == MemberStatus.INVITED
    assert Invitation.objects.filter(member=target, kind="invitation").count() == 3


def test_no_reminder_for_someone_who_responded(world: World) -> None:
    from werkroute.outreach.services import record_response

    campaign = make_campaign(world)
    send_invitations(actor=None, campaign=campaign, send=True)
    target = _member(campaign, world)
    record_response(actor=world.case_manager, member=target)
    with pytest.raises(ValidationError, match="al gereageerd"):
        resend_invitation(actor=world.case_manager, member=target)


def test_one_automatic_reminder_after_two_weeks_without_response(world: World) -> None:
    campaign = make_campaign(world)
    start = timezone.now() - dt.timedelta(days=15)
    send_invitations(actor=None, campaign=campaign, send=True, now=start)
    assert not send_invitations(actor=None, campaign=campaign, now=start).deliveries
    run = send_invitations(actor=None, campaign=campaign, send=True)
    assert {d.kind for d in run.sent} == {InvitationKind.REMINDER}
    assert len(run.sent) == 6
    assert not send_invitations(actor=None, campaign=campaign).deliveries


def test_a_failed_send_gives_the_claim_back(world: World, settings: Any) -> None:
    settings.WERKROUTE_SENDERS = {"email": FAILING, "sms": FAILING, "letter": FAILING}
    campaign = make_campaign(world)
    run = send_invitations(actor=None, campaign=campaign, send=True)
    assert {d.problem for d in run.to_send} == set()
    assert {d.problem for d in run.deliveries if not d.sent} >= {"versturen mislukt"}
    assert not Invitation.objects.exists()
    assert set(campaign.members.values_list("status", flat=True)) == {MemberStatus.SELECTED}
    settings.WERKROUTE_SENDERS = {
        c: "werkroute.outreach.tests.senders.RecordingSender" for c in ("email", "sms", "letter")
    }
    assert len(send_invitations(actor=None, campaign=campaign, send=True).sent) == 6


def test_draft_and_closed_campaigns_send_nothing(world: World) -> None:
    campaign = make_campaign(world, start=False)
    with pytest.raises(ValidationError, match="loopt niet"):
        send_invitations(actor=world.case_manager, campaign=campaign, send=True)
    assert "0 bericht(en)" in _run("--send")
    assert not RecordingSender.sent


def test_letters_print_by_hand_without_a_configured_sender(settings: Any) -> None:
    settings.WERKROUTE_SENDERS = {}
    assert isinstance(sender_for("letter"), ManualPrintSender)


def test_sending_is_audited_as_sharing(world: World) -> None:
    campaign = make_campaign(world)
    before = AccessAuditEntry.objects.count()
    send_invitations(actor=None, campaign=campaign, send=True)
    shared = AccessAuditEntry.objects.filter(sequence__gt=before, action="share")
    assert shared.count() == 3
    assert {e.role for e in shared} == {"system"}
    target = _member(campaign, world)
    assert shared.filter(object_id=str(target.public_id)).get().data_subject_hash == (
        world.people["long_term"].bsn_hash
    )


def test_the_persons_own_export_holds_their_campaigns(world: World) -> None:
    from werkroute.jobseekers.exports import build_export

    campaign = make_campaign(world)
    send_invitations(actor=None, campaign=campaign, send=True)
    target = _member(campaign, world)
    (row,) = build_export(world.people["long_term"])["campaigns"]
    assert (row["campaign"], row["reference"], row["status"]) == (
        campaign.name,
        target.reference,
        "uitgenodigd",
    )
    assert sorted(s["channel"] for s in row["sent"]) == ["brief", "e-mail", "sms"]
