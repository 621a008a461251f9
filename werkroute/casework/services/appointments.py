"""Appointments: planning a follow-up (never in the past) and recording how it went."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from werkroute.casework.audit import APPOINTMENT_ACTIVITY, recording
from werkroute.casework.constants import AppointmentStatus, ReminderChannel
from werkroute.casework.models import Appointment
from werkroute.casework.services._common import after_casework_change, require_staff
from werkroute.casework.state import transition
from werkroute.core.audit.models import AccessAction
from werkroute.jobseekers.models import JobSeeker

MIN_APPOINTMENT_MINUTES = 5
MAX_APPOINTMENT_MINUTES = 480


def _validate_appointment(
    job_seeker: JobSeeker, starts_at: dt.datetime, minutes: int, reminder: str, now: dt.datetime
) -> None:
    errors: dict[str, list[str]] = {}
    if starts_at <= now:
        errors["starts_at"] = [_("Een vervolgafspraak kan niet in het verleden liggen.")]
    if not MIN_APPOINTMENT_MINUTES <= minutes <= MAX_APPOINTMENT_MINUTES:
        errors["duration_minutes"] = [
            _("Kies een duur tussen %(min)d en %(max)d minuten.")
            % {"min": MIN_APPOINTMENT_MINUTES, "max": MAX_APPOINTMENT_MINUTES}
        ]
    if reminder == ReminderChannel.EMAIL and not job_seeker.email:
        errors["reminder_channel"] = [
            _("Er is geen e-mailadres bekend. Kies een andere manier van herinneren.")
        ]
    if reminder == ReminderChannel.SMS and not job_seeker.phone:
        errors["reminder_channel"] = [
            _("Er is geen telefoonnummer bekend. Kies een andere manier van herinneren.")
        ]
    if errors:
        raise ValidationError(errors)


def plan_appointment(
    *,
    actor: Any,
    job_seeker: JobSeeker,
    starts_at: dt.datetime,
    duration_minutes: int,
    kind: str,
    channel: str,
    place: str = "",
    reminder_channel: str = ReminderChannel.NONE,
    now: dt.datetime | None = None,
) -> Appointment:
    """Plan an appointment (a follow-up of the last conversation); never in the past."""
    require_staff(actor, job_seeker)
    _validate_appointment(
        job_seeker, starts_at, duration_minutes, reminder_channel, now or timezone.now()
    )
    appointment = Appointment(
        job_seeker=job_seeker,
        case_manager=actor,
        conversation=job_seeker.conversations.order_by("-held_on", "-created_at").first(),
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        kind=kind,
        channel=channel,
        place=place.strip(),
        reminder_channel=reminder_channel,
    )
    appointment.full_clean()
    with recording(
        "afspraak plannen",
        actor=actor,
        job_seeker=job_seeker,
        activity=APPOINTMENT_ACTIVITY,
        obj_type="casework.appointment",
        action=AccessAction.CREATE,
    ) as recorded:
        appointment.save()
        recorded.obj_id = appointment.public_id
        after_casework_change(job_seeker, actor=actor)
    return appointment


def change_appointment_status(
    *,
    actor: Any,
    appointment: Appointment,
    to: str,
    reason: str = "",
    now: dt.datetime | None = None,
) -> Appointment:
    """Held, not shown or cancelled; held and not shown only once the time has come."""
    require_staff(actor, appointment.job_seeker)
    now = now or timezone.now()
    if to in (AppointmentStatus.HELD, AppointmentStatus.NO_SHOW) and appointment.starts_at > now:
        raise ValidationError(
            _("Deze afspraak is nog niet begonnen. U kunt hem wel annuleren."), code="too_early"
        )
    with recording(
        "afspraak bijwerken",
        actor=actor,
        job_seeker=appointment.job_seeker,
        activity=APPOINTMENT_ACTIVITY,
        obj_type="casework.appointment",
        obj_id=appointment.public_id,
    ):
        transition(appointment, to, actor=actor, reason=reason)
        after_casework_change(appointment.job_seeker, actor=actor)
    return appointment
