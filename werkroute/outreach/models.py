"""Outreach campaigns: a cohort selected by criteria, invited and followed through a funnel.

Status changes of campaigns and their members go through casework.state.transition() only (the
machines are in outreach/state.py), so each change is logged with actor and time. Only real sends
are stored as Invitation rows; a dry run leaves nothing behind.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkroute.core.fields import ChoiceSetField
from werkroute.core.models import Municipality, PublicIdModel, TimeStampedModel
from werkroute.jobseekers.models import JobSeeker
from werkroute.outreach.constants import (
    DEFAULT_RESPOND_WITHIN_DAYS,
    Assignment,
    CampaignStatus,
    Channel,
    InvitationKind,
    MemberStatus,
)


class Campaign(PublicIdModel, TimeStampedModel):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="campaigns",
        verbose_name=_("gemeente"),
    )
    name = models.CharField(_("naam van de campagne"), max_length=120)
    description = models.TextField(_("waarom deze campagne"), blank=True)
    # The selection as a small validated dict (see outreach/cohort.py), kept to explain it later.
    criteria = models.JSONField(_("selectie"), default=dict)
    channels = ChoiceSetField(_("uitnodigen per"), item_choices=Channel.choices)
    assignment = models.CharField(
        _("verdeling"),
        max_length=16,
        choices=Assignment.choices,
        default=Assignment.OWN_CASE_MANAGER,
    )
    proposal = models.TextField(_("voorstel voor een afspraak"), blank=True)
    respond_within_days = models.PositiveSmallIntegerField(
        _("reageren binnen (dagen)"), default=DEFAULT_RESPOND_WITHIN_DAYS
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CampaignStatus.choices,
        default=CampaignStatus.DRAFT,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    started_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("uitnodigingscampagne")
        verbose_name_plural = _("uitnodigingscampagnes")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["municipality", "status"])]

    def __str__(self) -> str:
        return self.name

    def channel_labels(self) -> list[str]:
        labels = dict(Channel.choices)
        return [str(labels[code]) for code in self.channels]


class CampaignMember(PublicIdModel, TimeStampedModel):
    """One person in a campaign, with the case manager who follows them up."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="members")
    job_seeker = models.ForeignKey(
        JobSeeker, on_delete=models.CASCADE, related_name="campaign_memberships"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("klantmanager"),
    )
    # Printed on letters and messages so a person can quote it; never derived from the BSN.
    reference = models.CharField(_("kenmerk"), max_length=12, unique=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MemberStatus.choices,
        default=MemberStatus.SELECTED,
    )
    paused = models.BooleanField(_("gepauzeerd"), default=False)
    invited_at = models.DateTimeField(_("uitgenodigd op"), null=True, blank=True)
    responded_at = models.DateTimeField(_("gereageerd op"), null=True, blank=True)
    conversation_at = models.DateTimeField(_("gesprek op"), null=True, blank=True)
    follow_up_at = models.DateTimeField(_("vervolg afgesproken op"), null=True, blank=True)
    last_reminder_at = models.DateTimeField(_("laatste herinnering"), null=True, blank=True)

    class Meta:
        verbose_name = _("deelnemer aan een campagne")
        verbose_name_plural = _("deelnemers aan campagnes")
        ordering = ["job_seeker__last_name", "job_seeker__first_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "job_seeker"], name="one_membership_per_campaign"
            )
        ]
        indexes = [models.Index(fields=["campaign", "status"])]

    def __str__(self) -> str:
        return self.reference


class Invitation(models.Model):
    """An invitation or reminder that really went out, on one channel."""

    member = models.ForeignKey(CampaignMember, on_delete=models.CASCADE, related_name="invitations")
    channel = models.CharField(_("kanaal"), max_length=8, choices=Channel.choices)
    kind = models.CharField(
        _("soort"), max_length=12, choices=InvitationKind.choices, default=InvitationKind.INVITATION
    )
    sent_at = models.DateTimeField(_("verstuurd op"), default=timezone.now)
    # Who sent it; empty for the scheduled job.
    sent_by_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["sent_at", "id"]
        constraints = [
            # Once per member per channel: two runs at once cannot both send the invitation.
            models.UniqueConstraint(
                fields=["member", "channel"],
                condition=models.Q(kind="invitation"),
                name="one_invitation_per_member_and_channel",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_channel_display()})"
