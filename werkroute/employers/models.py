"""Employers, their contacts and work agreements, proposals (voordrachten), placements and checks.

An employer is a catalogue Organisation of kind "employer"; EmployerProfile adds what the
employer service point (WSP) keeps about it. Employers belong to a region: every employer adviser
of the region's municipalities shares them. Proposals and placements hold personal data of a job
seeker: they are read and changed only through services.py, which writes the audit trail.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkroute.catalogue.constants import ContractType, TargetGroup
from werkroute.catalogue.models import Offering, Organisation
from werkroute.core.fields import ChoiceSetField
from werkroute.core.models import Municipality, PublicIdModel, TimeStampedModel
from werkroute.employers.constants import (
    OPEN_PROPOSAL_STATUSES,
    AgreementStatus,
    CompanySize,
    ContactKind,
    DeclineReason,
    Instrument,
    Outflow,
    ProposalStatus,
    VacancyReviewStatus,
    WagePeriod,
)
from werkroute.jobseekers.models import JobSeeker
from werkroute.taxonomy.models import Sector


class EmployerProfile(TimeStampedModel):
    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="employer_profile"
    )
    sbi_code = models.CharField(
        _("branche (SBI-code)"), max_length=5, blank=True, help_text=_("Bijvoorbeeld 56101.")
    )
    size = models.CharField(_("grootte"), max_length=8, choices=CompanySize.choices, blank=True)
    account_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accountmanager"),
    )
    notes = models.TextField(_("notities"), blank=True, max_length=5000)

    class Meta:
        verbose_name = _("werkgeversprofiel")
        verbose_name_plural = _("werkgeversprofielen")

    def __str__(self) -> str:
        return str(self.organisation)


class ContactPerson(models.Model):
    # Contact persons are people: in URLs by this UUID, never by their integer key.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="employer_contacts"
    )
    name = models.CharField(_("naam"), max_length=150)
    job_title = models.CharField(_("functie"), max_length=150, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ContactMoment(models.Model):
    """One contact with an employer: a visit, a call, an e-mail, an event they attended."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="employer_contact_moments"
    )
    kind = models.CharField(_("soort contact"), max_length=8, choices=ContactKind.choices)
    date = models.DateField(_("datum"))
    subject = models.CharField(_("onderwerp"), max_length=200)
    notes = models.TextField(_("verslag"), blank=True, max_length=5000)
    event = models.ForeignKey(
        Offering,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("evenement"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return self.subject


class WorkAgreement(PublicIdModel, TimeStampedModel):
    """A werkakkoord: the employer places N people from bijstand in a period; we support."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="work_agreements",
        verbose_name=_("werkgever"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
        help_text=_("Leeg laten als het akkoord voor de hele regio geldt."),
    )
    title = models.CharField(_("naam van het akkoord"), max_length=200)
    starts_on = models.DateField(_("begint op"))
    ends_on = models.DateField(_("eindigt op"))
    status = models.CharField(
        _("status"), max_length=12, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT
    )
    # What the employer commits to.
    placements_target = models.PositiveSmallIntegerField(
        _("aantal plaatsingen"), validators=[MinValueValidator(1), MaxValueValidator(10000)]
    )
    target_groups = ChoiceSetField(_("voor wie"), item_choices=TargetGroup.choices)
    sectors = models.ManyToManyField(
        Sector, blank=True, related_name="+", verbose_name=_("sectoren")
    )
    occupations_text = models.CharField(_("beroepen"), max_length=300, blank=True)
    learning_working_places = models.PositiveSmallIntegerField(_("leerwerkplekken"), default=0)
    job_coaching = models.BooleanField(
        _("werkgever zorgt voor begeleiding op de werkvloer"), default=False
    )
    lasting_contracts = models.PositiveSmallIntegerField(
        _("contracten van minstens een jaar"), default=0
    )
    # What the municipality commits to.
    pre_selection = models.BooleanField(_("gemeente selecteert kandidaten vooraf"), default=True)
    subsidies = models.BooleanField(_("gemeente regelt subsidies"), default=False)
    coaching = models.BooleanField(_("gemeente regelt jobcoaching"), default=False)
    notes = models.TextField(_("afspraken in eigen woorden"), blank=True, max_length=5000)
    # Signatures.
    signed_by_employer = models.CharField(
        _("getekend namens werkgever door"), max_length=150, blank=True
    )
    signed_by_municipality = models.CharField(
        _("getekend namens gemeente door"), max_length=150, blank=True
    )
    signed_on = models.DateField(_("getekend op"), null=True, blank=True)

    class Meta:
        verbose_name = _("werkakkoord")
        verbose_name_plural = _("werkakkoorden")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="agreement_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title


class ProposalQuerySet(models.QuerySet["Proposal"]):
    def open(self) -> "ProposalQuerySet":
        return self.filter(status__in=OPEN_PROPOSAL_STATUSES)


class Proposal(PublicIdModel, TimeStampedModel):
    """A voordracht: a candidate proposed for a vacancy, with the consents it needs."""

    job_seeker = models.ForeignKey(
        JobSeeker,
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("werkzoekende"),
    )
    offering = models.ForeignKey(
        Offering, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("vacature")
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_on = models.DateField(_("voorgedragen op"), default=timezone.localdate)
    motivation = models.TextField(
        _("waarom deze kandidaat"),
        blank=True,
        max_length=2000,
        help_text=_("De werkgever leest dit. Schrijf geen naam, adres of gezondheid op."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    decline_reason = models.CharField(
        _("reden"), max_length=12, choices=DeclineReason.choices, blank=True
    )
    decline_explanation = models.CharField(_("toelichting"), max_length=300, blank=True)
    # This proposal's own consents; the general "share my profile" consent is not enough.
    job_seeker_consent_at = models.DateTimeField(null=True, blank=True)
    job_seeker_consent_withdrawn_at = models.DateTimeField(null=True, blank=True)
    case_manager_consent_at = models.DateTimeField(null=True, blank=True)
    case_manager_consent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("voordracht")
        verbose_name_plural = _("voordrachten")
        ordering = ["-proposed_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["job_seeker", "offering"],
                condition=Q(status__in=OPEN_PROPOSAL_STATUSES),
                name="one_open_proposal_per_person_and_vacancy",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.offering}"

    @property
    def code(self) -> str:
        """The pseudonym an employer sees instead of a name."""
        return str(self.public_id).replace("-", "")[:6].upper()

    @property
    def job_seeker_consents(self) -> bool:
        return (
            self.job_seeker_consent_at is not None and self.job_seeker_consent_withdrawn_at is None
        )

    @property
    def case_manager_consents(self) -> bool:
        return self.case_manager_consent_at is not None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_PROPOSAL_STATUSES


class ProposalEvent(models.Model):
    """One step in a proposal's history: a status change or a consent, with who did it."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, blank=True)
    what = models.CharField(max_length=200)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_role = models.CharField(max_length=32, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return self.what


class PlacementQuerySet(models.QuerySet["Placement"]):
    def active(self) -> "PlacementQuerySet":
        """Placements that count: not cancelled as entered by mistake."""
        return self.filter(cancelled_at__isnull=True)


class Placement(PublicIdModel, TimeStampedModel):
    proposal = models.OneToOneField(Proposal, on_delete=models.PROTECT, related_name="placement")
    start_date = models.DateField(_("startdatum"))
    contract_type = models.CharField(
        _("soort contract"), max_length=20, choices=ContractType.choices
    )
    hours_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    wage = models.DecimalField(
        _("loon (bruto)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    wage_period = models.CharField(
        _("loon per"), max_length=8, choices=WagePeriod.choices, default=WagePeriod.MONTH
    )
    instruments = ChoiceSetField(_("ingezette instrumenten"), item_choices=Instrument.choices)
    outflow = models.CharField(
        _("uitstroom"), max_length=8, choices=Outflow.choices, default=Outflow.FULL
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # A placement entered by mistake is cancelled, not deleted: the history stays.
    cancelled_at = models.DateTimeField(_("geschrapt op"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    cancel_reason = models.CharField(_("reden van schrappen"), max_length=300, blank=True)

    objects = PlacementQuerySet.as_manager()

    class Meta:
        verbose_name = _("plaatsing")
        verbose_name_plural = _("plaatsingen")
        ordering = ["-start_date", "-id"]

    def __str__(self) -> str:
        return f"{self.proposal.code} – {self.start_date}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    def due_date(self, months: int) -> dt.date:
        month = self.start_date.month - 1 + months
        year = self.start_date.year + month // 12
        month = month % 12 + 1
        day = min(self.start_date.day, 28)
        return dt.date(year, month, day)


class FollowUpCheck(PublicIdModel):
    """Is the person still at work 6 (12) months after the start? On the adviser's list."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="checks")
    months = models.PositiveSmallIntegerField(_("maanden na start"))
    due_on = models.DateField(_("controleren op"))
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("werkgeversadviseur"),
    )
    checked_on = models.DateField(_("gecontroleerd op"), null=True, blank=True)
    still_employed = models.BooleanField(_("werkt nog"), null=True, blank=True)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    planned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("controle duurzame plaatsing")
        verbose_name_plural = _("controles duurzame plaatsing")
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "months"], name="one_check_per_moment")
        ]

    def __str__(self) -> str:
        return f"{self.placement} – {self.months}"


class EmployerSettings(models.Model):
    """A municipality's choices for the employer service point."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="employer_settings"
    )
    review_vacancies = models.BooleanField(
        _("vacatures van werkgevers eerst laten beoordelen door het werkgeversservicepunt"),
        default=False,
    )

    class Meta:
        verbose_name = _("instellingen werkgeversdienstverlening")
        verbose_name_plural = _("instellingen werkgeversdienstverlening")

    def __str__(self) -> str:
        return str(self.municipality)


class VacancyReview(models.Model):
    offering = models.OneToOneField(Offering, on_delete=models.CASCADE, related_name="review")
    status = models.CharField(
        max_length=8, choices=VacancyReviewStatus.choices, default=VacancyReviewStatus.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("beoordeling van een vacature")
        verbose_name_plural = _("beoordelingen van vacatures")

    def __str__(self) -> str:
        return str(self.offering)
