"""Vocabularies of casework: conversations, goals, appointments and the route plan.

Codes are stable (they are stored and logged); labels are Dutch and translated.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConversationKind(models.TextChoices):
    INTAKE = "intake", _("intakegesprek")
    FOLLOW_UP = "follow_up", _("vervolggesprek")


class GoalStatus(models.TextChoices):
    OPEN = "open", _("loopt")
    REACHED = "reached", _("bereikt")
    DROPPED = "dropped", _("gestopt")


class ActionStatus(models.TextChoices):
    TODO = "todo", _("te doen")
    DONE = "done", _("gedaan")
    DROPPED = "dropped", _("niet meer nodig")


class Owner(models.TextChoices):
    """Who takes a route step or an action."""

    JOB_SEEKER = "job_seeker", _("werkzoekende")
    CASE_MANAGER = "case_manager", _("klantmanager")
    PARTNER = "partner", _("partnerorganisatie")


class AppointmentKind(models.TextChoices):
    INTAKE = "intake", _("intakegesprek")
    FOLLOW_UP = "follow_up", _("vervolggesprek")


class AppointmentChannel(models.TextChoices):
    IN_PERSON = "in_person", _("op kantoor")
    PHONE = "phone", _("telefonisch")
    VIDEO = "video", _("beeldbellen")
    HOME_VISIT = "home_visit", _("huisbezoek")


class AppointmentStatus(models.TextChoices):
    PLANNED = "planned", _("gepland")
    HELD = "held", _("gehouden")
    NO_SHOW = "no_show", _("niet verschenen")
    CANCELLED = "cancelled", _("geannuleerd")


class ReminderChannel(models.TextChoices):
    EMAIL = "email", _("e-mail")
    SMS = "sms", _("sms")
    NONE = "none", _("geen herinnering")


class RouteStepStatus(models.TextChoices):
    PLANNED = "planned", _("gepland")
    BUSY = "busy", _("bezig")
    DONE = "done", _("klaar")
    STOPPED = "stopped", _("gestopt")


class TargetGroup(models.TextChoices):
    LONG_TERM = "long_term", _("langer dan 18 maanden in de bijstand")
    YOUTH = "youth", _("jongeren (18 tot en met 27 jaar)")
    OVER_55 = "over_55", _("55 jaar en ouder")
    SELF_EMPLOYED = "self_employed", _("zelfstandigen (Bbz of Tozo)")
    STATUS_HOLDER = "status_holder", _("statushouders")
    TARGET_GROUP_REGISTER = "register", _("in het doelgroepregister")


# Age bounds of the target groups, in whole years (youth: 18 up to and including 27).
YOUTH_MIN_AGE = 18
YOUTH_MAX_AGE = 27
SENIOR_MIN_AGE = 55

DEFAULT_APPOINTMENT_MINUTES = 45
# Reminders go out for planned appointments that start within this many hours.
REMINDER_WINDOW_HOURS = 48
CASELOAD_PAGE_SIZE = 25
