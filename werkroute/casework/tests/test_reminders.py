"""Appointment reminders: a dry run by default, one message per appointment when sent for real."""

import datetime as dt
import logging
from io import StringIO
from typing import ClassVar

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from werkroute.casework import notifications
from werkroute.casework.constants import AppointmentStatus, ReminderChannel
from werkroute.casework.models import Appointment
from werkroute.casework.tests.conftest import World
from werkroute.casework.tests.factories import AppointmentFactory
from werkroute.core.audit.models import AccessAuditEntry


class RecordingSender:
    sent: ClassVar[list[notifications.Message]] = []

    def send(self, message: notifications.Message) -> None:
        RecordingSender.sent.append(message)


class BrokenSender:
    def send(self, message: notifications.Message) -> None:
        raise notifications.SendError("gateway down")


def _run(*args: str) -> str:
    out = StringIO()
    call_command("send_appointment_reminders", *args, stdout=out)
    return out.getvalue()


def _soon(world: World, channel: str, hours: float = 20, **kw: object) -> Appointment:
    return AppointmentFactory(
        job_seeker=world.target,
        starts_at=timezone.now() + dt.timedelta(hours=hours),
        reminder_channel=channel,
        **kw,
    )


def test_a_dry_run_sends_nothing_and_says_so(world: World, capsys: pytest.CaptureFixture) -> None:
    email = _soon(world, ReminderChannel.EMAIL)
    _soon(world, ReminderChannel.SMS)
    output = _run()
    assert "Zou versturen" in output
    assert str(email.public_id) in output
    assert "Proefrun: niets verstuurd" in output
    assert "fatima@example.org" not in output
    assert world.target.first_name not in output
    assert mail.outbox == []
    assert "sms aan" not in capsys.readouterr().out
    assert not Appointment.objects.filter(reminder_sent_at__isnull=False).exists()


def test_send_mails_once(world: World) -> None:
    appointment = _soon(world, ReminderChannel.EMAIL)
    output = _run("--send")
    assert "1 herinnering(en) verstuurd." in output
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fatima@example.org"]
    assert "Herinnering" in message.subject
    assert f"Beste {world.target.first_name}" in message.body
    assert "Werkplein, kamer 2" in message.body
    appointment.refresh_from_db()
    assert appointment.reminder_sent_at is not None

    assert "Geen afspraken om aan te herinneren." in _run("--send")
    assert len(mail.outbox) == 1


def test_send_texts_through_the_console_sender_once(
    world: World, capsys: pytest.CaptureFixture
) -> None:
    _soon(world, ReminderChannel.SMS)
    _run("--send")
    _run("--send")
    printed = capsys.readouterr().out
    assert printed.count("--- sms aan 0612345678") == 1
    assert "u heeft een afspraak op" in printed
    assert mail.outbox == []


def test_only_planned_appointments_in_the_window_with_a_reminder(world: World) -> None:
    _soon(world, ReminderChannel.NONE)
    _soon(world, ReminderChannel.EMAIL, hours=72)
    _soon(world, ReminderChannel.EMAIL, hours=-1)
    _soon(world, ReminderChannel.EMAIL, status=AppointmentStatus.CANCELLED)
    _soon(world, ReminderChannel.EMAIL, reminder_sent_at=timezone.now())
    assert "Geen afspraken om aan te herinneren." in _run("--send")
    assert mail.outbox == []
    assert "Verstuurd" in _run("--send", "--hours", "96")
    assert len(mail.outbox) == 1


def test_senders_are_pluggable(world: World, settings: object) -> None:
    settings.WERKROUTE_SENDERS = {  # type: ignore[attr-defined]
        "sms": f"{__name__}.RecordingSender"
    }
    RecordingSender.sent.clear()
    appointment = _soon(world, ReminderChannel.SMS)
    _run("--send")
    (message,) = RecordingSender.sent
    assert message.to == "0612345678"
    assert message.reference == f"afspraak {appointment.public_id}"
    assert "0612345678" not in repr(message)


def test_a_failed_send_can_be_tried_again(world: World, settings: object) -> None:
    settings.WERKROUTE_SENDERS = {"email": f"{__name__}.BrokenSender"}  # type: ignore[attr-defined]
    appointment = _soon(world, ReminderChannel.EMAIL)
    output = _run("--send")
    assert "Niet verstuurd" in output
    appointment.refresh_from_db()
    assert appointment.reminder_sent_at is None


def test_sent_reminders_are_audited_and_never_logged_with_their_text(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    appointment = _soon(world, ReminderChannel.EMAIL)
    with caplog.at_level(logging.INFO):
        _run("--send")
    logged = caplog.text
    assert world.target.first_name not in logged
    assert "fatima@example.org" not in logged
    assert "Werkplein" not in logged
    entry = AccessAuditEntry.objects.order_by("-sequence").first()
    assert entry is not None
    assert (entry.action, entry.role, entry.user_id) == ("share", "system", None)
    assert entry.object_id == str(appointment.public_id)
    assert entry.processing_activity.code == "afspraken"
    assert entry.data_subject_hash == world.target.bsn_hash
