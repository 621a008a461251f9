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


# --- Referrals to partner organisations ------------------------------------------------------


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("verstuurd")
    ACCEPTED = "accepted", _("geaccepteerd")
    ANSWERED = "answered", _("beantwoord")
    CLOSED = "closed", _("afgesloten")
    DECLINED = "declined", _("afgewezen")
    WITHDRAWN = "withdrawn", _("ingetrokken")


# Waiting on the partner: these count as open, and can be late.
OPEN_REFERRAL_STATUSES = (ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.ANSWERED)
# While a referral is open the partner sees what was shared; afterwards only its outline.
DATA_SHARING_STATUSES = OPEN_REFERRAL_STATUSES


class ReferralEventKind(models.TextChoices):
    SENT = "sent", _("doorverwezen")
    ACCEPTED = "accepted", _("geaccepteerd")
    ANSWERED = "answered", _("beantwoord")
    CLOSED = "closed", _("afgesloten")
    DECLINED = "declined", _("afgewezen")
    WITHDRAWN = "withdrawn", _("ingetrokken")
    OVERDUE = "overdue", _("te laat gemeld")


class SharedItem(models.TextChoices):
    """Parts of the file a case manager may share with a partner; name and contact always go."""

    NAME = "name", _("naam")
    CONTACT = "contact", _("e-mailadres en telefoonnummer")
    POSTCODE = "postcode", _("postcode")
    DATE_OF_BIRTH = "date_of_birth", _("geboortedatum")
    BENEFIT = "benefit", _("uitkering")
    EDUCATION = "education", _("opleiding, certificaten en rijbewijs")
    AVAILABILITY = "availability", _("beschikbaarheid en vervoer")
    LANGUAGES = "languages", _("talen")
    EXPERIENCE = "experience", _("werkervaring")
    SKILLS = "skills", _("vaardigheden")
    AMBITIONS = "ambitions", _("ambities")
    TALENTS = "talents", _("talenten en ondersteuning")
    OBSTACLES = "obstacles", _("belemmeringen (wat ze betekenen voor werk)")


ALWAYS_SHARED = (SharedItem.NAME, SharedItem.CONTACT)

DEFAULT_REFERRAL_ACCEPT_DAYS = 5  # working days to accept or decline
DEFAULT_REFERRAL_ANSWER_DAYS = 20  # working days from sending to the answer
RESPONSIVENESS_DAYS = 365  # the last 12 months
# A partner leaves referrals unanswered when this many are late now, or when fewer than this
# share of its measured referrals got a reaction in time (measured: at least this many).
UNRESPONSIVE_OVERDUE = 2
UNRESPONSIVE_SHARE = 0.5
RESPONSIVENESS_MIN_MEASURED = 2
REFERRAL_PAGE_SIZE = 25
