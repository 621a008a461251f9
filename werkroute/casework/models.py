"""Casework records: conversations, goals and actions, appointments, the route plan.

Together with the job seeker's obstacles (jobseekers app) they form one picture: who the person
is, what stands in the way (obstacle), what we aim for (goal), who does what by when (action),
when we meet (appointment) and which steps lead to work (route step). Status changes of
appointments and route steps go through state.transition() only, which logs each change.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkroute.casework.constants import (
    DEFAULT_APPOINTMENT_MINUTES,
    ActionStatus,
    AppointmentChannel,
    AppointmentKind,
    AppointmentStatus,
    ConversationKind,
    GoalStatus,
    Owner,
    ReferralEventKind,
    ReferralStatus,
    ReminderChannel,
    RouteStepStatus,
    SharedItem,
)
from werkroute.catalogue.models import Offering, Organisation
from werkroute.core.fields import ChoiceSetField
from werkroute.core.models import PublicIdModel, TimeStampedModel
from werkroute.jobseekers.models import JobSeeker, Obstacle


class Conversation(PublicIdModel, TimeStampedModel):
    """A conversation held with the job seeker, recorded by its author."""

    job_seeker = models.ForeignKey(
        JobSeeker, on_delete=models.CASCADE, related_name="conversations"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("gevoerd door"),
    )
    held_on = models.DateField(_("datum van het gesprek"), default=timezone.localdate)
    kind = models.CharField(
        _("soort gesprek"),
        max_length=16,
        choices=ConversationKind.choices,
        default=ConversationKind.INTAKE,
    )
    talents = models.TextField(_("talenten"), blank=True)
    needs = models.TextField(_("wat heeft iemand nodig"), blank=True)
    ambitions = models.TextField(_("ambities"), blank=True)
    obstacles_note = models.TextField(_("belemmeringen (toelichting)"), blank=True)
    agreements = models.TextField(_("afspraken"), blank=True)
    next_steps = models.TextField(_("volgende stappen"), blank=True)
    follow_up_on = models.DateField(_("volgend contact uiterlijk op"), null=True, blank=True)

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["-held_on", "-created_at"]
        indexes = [models.Index(fields=["job_seeker", "-held_on"])]


class Goal(PublicIdModel, TimeStampedModel):
    """What we aim for; usually the answer to one obstacle."""

    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="goals")
    obstacle = models.ForeignKey(
        Obstacle, on_delete=models.SET_NULL, null=True, blank=True, related_name="goals"
    )
    conversation = models.ForeignKey(
        Conversation, on_delete=models.SET_NULL, null=True, blank=True, related_name="goals"
    )
    description = models.CharField(_("doel"), max_length=300)
    status = models.CharField(
        _("status"), max_length=12, choices=GoalStatus.choices, default=GoalStatus.OPEN
    )

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["created_at", "id"]


class Action(PublicIdModel, TimeStampedModel):
    """Who does what, by when, to reach a goal."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("actie"), max_length=300)
    owner = models.CharField(
        _("wie doet het"), max_length=16, choices=Owner.choices, default=Owner.JOB_SEEKER
    )
    due_on = models.DateField(_("klaar op"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.TODO
    )

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["created_at", "id"]


class Appointment(PublicIdModel, TimeStampedModel):
    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="appointments")
    case_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("klantmanager"),
    )
    conversation = models.ForeignKey(
        Conversation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
    )
    starts_at = models.DateTimeField(_("datum en tijd"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duur in minuten"), default=DEFAULT_APPOINTMENT_MINUTES
    )
    kind = models.CharField(
        _("soort afspraak"),
        max_length=16,
        choices=AppointmentKind.choices,
        default=AppointmentKind.FOLLOW_UP,
    )
    channel = models.CharField(
        _("hoe"),
        max_length=16,
        choices=AppointmentChannel.choices,
        default=AppointmentChannel.IN_PERSON,
    )
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=AppointmentStatus.choices,
        default=AppointmentStatus.PLANNED,
    )
    reminder_channel = models.CharField(
        _("herinnering"),
        max_length=8,
        choices=ReminderChannel.choices,
        default=ReminderChannel.NONE,
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["job_seeker", "status", "starts_at"]),
            models.Index(fields=["status", "reminder_channel", "starts_at"]),
        ]

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.duration_minutes)


class RouteStep(PublicIdModel, TimeStampedModel):
    """One step toward work: an offering from the catalogue, or something described freely."""

    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="route_steps")
    offering = models.ForeignKey(
        Offering,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aanbod"),
    )
    title = models.CharField(_("stap"), max_length=200)
    owner = models.CharField(
        _("wie doet het"), max_length=16, choices=Owner.choices, default=Owner.JOB_SEEKER
    )
    due_on = models.DateField(_("klaar op"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RouteStepStatus.choices,
        default=RouteStepStatus.PLANNED,
    )
    status_reason = models.TextField(_("reden"), blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("stap in het routeplan")
        verbose_name_plural = _("stappen in het routeplan")
        ordering = ["position", "id"]


class Transition(models.Model):
    """One status change of a stateful record: whose, from what to what, by whom, when, why."""

    model_label = models.CharField(max_length=64)
    object_id = models.UUIDField()
    from_state = models.CharField(max_length=32)
    to_state = models.CharField(max_length=32)
    actor_id = models.BigIntegerField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)
    reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["model_label", "object_id", "at"])]

    def __str__(self) -> str:
        return f"{self.model_label} {self.object_id}: {self.from_state} -> {self.to_state}"


class Referral(PublicIdModel, TimeStampedModel):
    """A case manager refers a job seeker to a partner organisation, with the person's consent.

    Only the parts of the file in `shared_items` reach the partner. Status changes go through
    services.referrals only, which writes a ReferralEvent for each.
    """

    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="referrals")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("partner"),
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("doorverwezen door"),
    )
    question = models.TextField(_("vraag aan de partner"), max_length=2000)
    shared_items = ChoiceSetField(
        _("wat de partner te zien krijgt"), item_choices=SharedItem.choices
    )
    consent_given_on = models.DateField(_("toestemming gegeven op"))
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("toestemming vastgelegd door"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    sent_at = models.DateTimeField(_("verstuurd op"), default=timezone.now)
    accept_due_on = models.DateField(_("accepteren uiterlijk op"))
    answer_due_on = models.DateField(_("antwoord uiterlijk op"))
    responded_at = models.DateTimeField(_("gereageerd op"), null=True, blank=True)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandeld door"),
    )
    answer = models.TextField(_("antwoord van de partner"), blank=True)
    status_reason = models.TextField(_("reden"), blank=True)

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ["-sent_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "status", "sent_at"]),
            models.Index(fields=["job_seeker", "-sent_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.public_id}"

    def overdue_kind(self, today: dt.date | None = None) -> str:
        """'accept' or 'answer' when the partner is late with that, else ''."""
        today = today or timezone.localdate()
        if self.status == ReferralStatus.SENT and today > self.accept_due_on:
            return "accept"
        if self.status == ReferralStatus.ACCEPTED and today > self.answer_due_on:
            return "answer"
        return ""

    @property
    def is_overdue(self) -> bool:
        return bool(self.overdue_kind())


class ReferralEvent(models.Model):
    """One change of a referral: what happened, from which to which status, by whom, when."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("wat"), max_length=12, choices=ReferralEventKind.choices)
    from_status = models.CharField(max_length=12, choices=ReferralStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=ReferralStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    at = models.DateTimeField(_("wanneer"), default=timezone.now)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("gebeurtenis bij een verwijzing")
        verbose_name_plural = _("gebeurtenissen bij verwijzingen")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.referral_id}: {self.kind}"
