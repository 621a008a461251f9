"""Vocabularies of outreach campaigns. Codes are stable (stored and logged); labels are Dutch."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("in voorbereiding")
    RUNNING = "running", _("loopt")
    CLOSED = "closed", _("afgesloten")


class MemberStatus(models.TextChoices):
    SELECTED = "selected", _("geselecteerd")
    INVITED = "invited", _("uitgenodigd")
    RESPONDED = "responded", _("heeft gereageerd")
    CONVERSATION_HELD = "conversation_held", _("gesprek gevoerd")
    FOLLOW_UP_AGREED = "follow_up_agreed", _("vervolg afgesproken")
    NO_RESPONSE = "no_response", _("geen reactie")
    DECLINED = "declined", _("wil niet meedoen")


class Channel(models.TextChoices):
    LETTER = "letter", _("brief")
    EMAIL = "email", _("e-mail")
    SMS = "sms", _("sms")


class InvitationKind(models.TextChoices):
    INVITATION = "invitation", _("uitnodiging")
    REMINDER = "reminder", _("herinnering")


class Assignment(models.TextChoices):
    OWN_CASE_MANAGER = "own", _("aan de eigen klantmanager (anders verdelen)")
    ROUND_ROBIN = "round_robin", _("eerlijk verdelen over de gekozen klantmanagers")


# The funnel, in order: each status counts as having reached the ones before it.
FUNNEL_LINE = (
    MemberStatus.INVITED,
    MemberStatus.RESPONDED,
    MemberStatus.CONVERSATION_HELD,
    MemberStatus.FOLLOW_UP_AGREED,
)
# Statuses that count as "responded or beyond" for the response rate.
RESPONDED_OR_BEYOND = frozenset(FUNNEL_LINE[1:])
# Statuses after which nothing more happens in the campaign.
FINAL_STATUSES = frozenset({MemberStatus.FOLLOW_UP_AGREED, MemberStatus.DECLINED})
# Which member field records the time a status was reached.
STATUS_TIME_FIELDS = {
    MemberStatus.INVITED: "invited_at",
    MemberStatus.RESPONDED: "responded_at",
    MemberStatus.CONVERSATION_HELD: "conversation_at",
    MemberStatus.FOLLOW_UP_AGREED: "follow_up_at",
}
CAMPAIGN_TIME_FIELDS = {CampaignStatus.RUNNING: "started_at", CampaignStatus.CLOSED: "closed_at"}

# Indicator windows the council asks about: a conversation within this many days of invitation.
CONVERSATION_WINDOWS_DAYS = (30, 45)
# An automatic reminder goes out this many days after the invitation, once, without a response.
REMINDER_AFTER_DAYS = 14
DEFAULT_RESPOND_WITHIN_DAYS = 14
MIN_RESPOND_WITHIN_DAYS = 3
MAX_RESPOND_WITHIN_DAYS = 60
MEMBERS_PAGE_SIZE = 50
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
REFERENCE_LENGTH = 8
ACTIVITY = "outreach-campagne"
