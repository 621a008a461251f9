"""Reminders of upcoming appointments, by e-mail or sms, at most one per appointment.

A dry run (the default) only lists what would go out. Sending claims the appointment first
(reminder_sent_at, in one conditional UPDATE), so two runs at once never send twice; a failed
send releases the claim for the next run. Message texts never reach the logs.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from werkroute.casework import notifications
from werkroute.casework.audit import APPOINTMENT_ACTIVITY, record_event
from werkroute.casework.constants import REMINDER_WINDOW_HOURS, AppointmentStatus, ReminderChannel
from werkroute.casework.models import Appointment
from werkroute.core.audit.models import AccessAction
from werkroute.jobseekers.models import JobSeeker

logger = logging.getLogger(__name__)

MESSAGE_LANGUAGE = "nl"


@dataclass
class Reminder:
    appointment: Appointment
    channel: str
    sent: bool = False
    problem: str = ""
    message: notifications.Message | None = field(default=None, repr=False)


def due_reminders(now: dt.datetime, window_hours: int = REMINDER_WINDOW_HOURS) -> list[Reminder]:
    """Planned appointments starting within the window whose reminder has not gone out."""
    appointments = (
        Appointment.objects.filter(
            status=AppointmentStatus.PLANNED,
            reminder_sent_at__isnull=True,
            starts_at__gt=now,
            starts_at__lte=now + dt.timedelta(hours=window_hours),
            job_seeker__anonymised_at__isnull=True,
        )
        .exclude(reminder_channel=ReminderChannel.NONE)
        .select_related("job_seeker__municipality", "job_seeker__user", "case_manager")
        .order_by("starts_at", "pk")
    )
    return [_reminder(appointment) for appointment in appointments]


def _language(job_seeker: JobSeeker) -> str:
    user = job_seeker.user
    return getattr(user, "preferred_language", "") or MESSAGE_LANGUAGE


def _reminder(appointment: Appointment) -> Reminder:
    job_seeker = appointment.job_seeker
    channel = appointment.reminder_channel
    to = job_seeker.email if channel == ReminderChannel.EMAIL else job_seeker.phone
    reminder = Reminder(appointment=appointment, channel=channel)
    if not to:
        reminder.problem = "geen adres of nummer bekend"
        return reminder
    with translation.override(_language(job_seeker)):
        context = {
            "appointment": appointment,
            "job_seeker": job_seeker,
            "when": formats.date_format(
                timezone.localtime(appointment.starts_at), "l j F Y \\o\\m H:i"
            ),
        }
        body = render_to_string(f"casework/reminder_{channel}.txt", context).strip()
        subject = _("Herinnering: uw afspraak van %(when)s") % {"when": context["when"]}
    reminder.message = notifications.Message(
        channel=channel,
        to=to,
        subject=subject,
        body=body,
        reference=f"afspraak {appointment.public_id}",
    )
    return reminder


def _claim(appointment: Appointment, now: dt.datetime) -> bool:
    """Mark the reminder sent, unless another run did so first (one reminder, ever)."""
    claimed = Appointment.objects.filter(
        pk=appointment.pk, reminder_sent_at__isnull=True, status=AppointmentStatus.PLANNED
    ).update(reminder_sent_at=now)
    return claimed == 1


def _send_one(actor: Any, reminder: Reminder, now: dt.datetime) -> None:
    appointment = reminder.appointment
    if reminder.message is None or not _claim(appointment, now):
        return
    try:
        notifications.send(reminder.message)
    except (notifications.SendError, OSError) as error:
        Appointment.objects.filter(pk=appointment.pk).update(reminder_sent_at=None)
        reminder.problem = "versturen mislukt"
        logger.warning("reminder for appointment %s failed: %s", appointment.public_id, error)
        return
    reminder.sent = True
    record_event(
        "herinnering versturen",
        actor=actor,
        job_seeker=appointment.job_seeker,
        activity=APPOINTMENT_ACTIVITY,
        obj_type="casework.appointment",
        obj_id=appointment.public_id,
        action=AccessAction.SHARE,
    )


def send_appointment_reminders(
    *,
    actor: Any = None,
    send: bool = False,
    now: dt.datetime | None = None,
    window_hours: int = REMINDER_WINDOW_HOURS,
) -> list[Reminder]:
    """Reminders of upcoming appointments. A dry run (send=False) only lists them."""
    now = now or timezone.now()
    reminders = due_reminders(now, window_hours)
    if send:
        for reminder in reminders:
            _send_one(actor, reminder, now)
    return reminders
