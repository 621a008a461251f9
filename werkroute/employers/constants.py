"""Vocabularies of employers, work agreements, proposals and placements. Codes are stable."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CompanySize(models.TextChoices):
    MICRO = "micro", _("1 tot 10 medewerkers")
    SMALL = "small", _("10 tot 50 medewerkers")
    MEDIUM = "medium", _("50 tot 250 medewerkers")
    LARGE = "large", _("250 medewerkers of meer")


class ContactKind(models.TextChoices):
    VISIT = "visit", _("bezoek")
    CALL = "call", _("telefoongesprek")
    EMAIL = "email", _("e-mail")
    EVENT = "event", _("evenement bezocht")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("in voorbereiding")
    SIGNED = "signed", _("getekend, loopt")
    ENDED = "ended", _("afgelopen")
    CANCELLED = "cancelled", _("gestopt")


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("voorgedragen")
    INVITED = "invited", _("uitgenodigd")
    INTERVIEWED = "interviewed", _("gesprek gehad")
    HIRED = "hired", _("aangenomen")
    DECLINED = "declined", _("afgewezen")
    WITHDRAWN = "withdrawn", _("ingetrokken")


OPEN_PROPOSAL_STATUSES = (
    ProposalStatus.PROPOSED,
    ProposalStatus.INVITED,
    ProposalStatus.INTERVIEWED,
)
# Which status may follow which; hired, declined and withdrawn are final.
TRANSITIONS: dict[str, frozenset[str]] = {
    ProposalStatus.PROPOSED: frozenset(
        {ProposalStatus.INVITED, ProposalStatus.DECLINED, ProposalStatus.WITHDRAWN}
    ),
    ProposalStatus.INVITED: frozenset(
        {
            ProposalStatus.INTERVIEWED,
            ProposalStatus.HIRED,
            ProposalStatus.DECLINED,
            ProposalStatus.WITHDRAWN,
        }
    ),
    ProposalStatus.INTERVIEWED: frozenset(
        {ProposalStatus.HIRED, ProposalStatus.DECLINED, ProposalStatus.WITHDRAWN}
    ),
    ProposalStatus.HIRED: frozenset(),
    ProposalStatus.DECLINED: frozenset(),
    ProposalStatus.WITHDRAWN: frozenset(),
}
# Statuses in which the employer has invited the candidate (a condition to see who it is).
INVITED_STATUSES = (ProposalStatus.INVITED, ProposalStatus.INTERVIEWED, ProposalStatus.HIRED)


class DeclineReason(models.TextChoices):
    SKILLS = "skills", _("past niet bij wat het werk vraagt")
    HOURS = "hours", _("uren of werktijden passen niet")
    FILLED = "filled", _("de vacature is al vervuld")
    CANDIDATE = "candidate", _("de kandidaat wil niet meer")
    OTHER = "other", _("een andere reden")


class Instrument(models.TextChoices):
    WAGE_SUBSIDY = "wage_subsidy", _("loonkostensubsidie")
    JOB_COACH = "job_coach", _("jobcoach")
    TRIAL_PLACEMENT = "trial_placement", _("proefplaatsing")
    NO_RISK_POLICY = "no_risk_policy", _("no-riskpolis")


class Outflow(models.TextChoices):
    FULL = "full", _("volledig uit de uitkering")
    PARTIAL = "partial", _("gedeeltelijk uit de uitkering")
    NONE = "none", _("nog niet uit de uitkering")


class WagePeriod(models.TextChoices):
    HOUR = "hour", _("per uur")
    MONTH = "month", _("per maand")


class VacancyReviewStatus(models.TextChoices):
    PENDING = "pending", _("wacht op beoordeling")
    APPROVED = "approved", _("goedgekeurd")
    REJECTED = "rejected", _("afgewezen")


FOLLOW_UP_MONTHS = (6, 12)
# The scheduled command puts a check on the list this many days before it is due.
FOLLOW_UP_LEAD_DAYS = 14
