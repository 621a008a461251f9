"""The job seeker's file: who they are, what they can and want, what stands in the way.

Personal data of a vulnerable person: the BSN is stored encrypted with a keyed hash for look-ups,
every read and change goes through services.py, which writes the access audit and processing log.
Health is recorded only as "what it means for work", never as a diagnosis.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkroute.core.fields import ChoiceSetField
from werkroute.core.models import Municipality, PublicIdModel, TimeStampedModel
from werkroute.jobseekers.constants import (
    LONG_TERM_MONTHS,
    BenefitType,
    ConsentKind,
    CorrectionStatus,
    Gender,
    ObstacleKind,
    Shift,
    TravelMeans,
    Weekday,
)
from werkroute.taxonomy.constants import Certificate, DrivingLicence, EducationLevel, LanguageLevel
from werkroute.taxonomy.models import Occupation, OccupationalField


class JobSeeker(PublicIdModel, TimeStampedModel):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="job_seekers",
        verbose_name=_("gemeente"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="job_seeker",
    )
    case_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="caseload",
        verbose_name=_("klantmanager"),
    )
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=150)
    bsn_encrypted = models.TextField(editable=False)
    bsn_hash = models.CharField(max_length=64, unique=True, editable=False)
    # Keyed hashes of BSNs this file had before a correction, so its access history stays whole.
    former_bsn_hashes = models.JSONField(default=list, blank=True, editable=False)
    date_of_birth = models.DateField(_("geboortedatum"))
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    benefit_type = models.CharField(
        _("uitkering"),
        max_length=24,
        choices=BenefitType.choices,
        default=BenefitType.SOCIAL_ASSISTANCE,
    )
    benefit_start = models.DateField(_("uitkering sinds"), null=True, blank=True)
    benefit_end = models.DateField(_("uitkering gestopt op"), null=True, blank=True)
    education_level = models.CharField(
        _("hoogste opleiding"), max_length=8, choices=EducationLevel.choices, blank=True
    )
    driving_licences = ChoiceSetField(_("rijbewijzen"), item_choices=DrivingLicence.choices)
    certificates = ChoiceSetField(_("certificaten"), item_choices=Certificate.choices)
    hours_min = models.PositiveSmallIntegerField(
        _("uren per week (minimaal)"), null=True, blank=True
    )
    hours_max = models.PositiveSmallIntegerField(
        _("uren per week (maximaal)"), null=True, blank=True
    )
    available_days = ChoiceSetField(_("beschikbare dagen"), item_choices=Weekday.choices)
    shifts = ChoiceSetField(_("diensten"), item_choices=Shift.choices)
    travel_radius_km = models.PositiveSmallIntegerField(_("reisafstand (km)"), default=10)
    travel_means = ChoiceSetField(_("vervoer"), item_choices=TravelMeans.choices)
    in_target_group_register = models.BooleanField(
        _("in het doelgroepregister (banenafspraak)"), default=False
    )
    is_status_holder = models.BooleanField(_("statushouder"), default=False)
    # For monitoring equal treatment in aggregate only (see matching/fairness.py): never read by
    # the matching features, never shown to employers.
    gender = models.CharField(_("geslacht"), max_length=8, choices=Gender.choices, blank=True)
    nationality = models.CharField(
        _("nationaliteit"), max_length=2, blank=True, help_text=_("Landcode, bijvoorbeeld NL.")
    )
    country_of_birth = models.CharField(
        _("geboorteland"), max_length=2, blank=True, help_text=_("Landcode, bijvoorbeeld NL.")
    )
    talents = models.TextField(_("talenten"), blank=True)
    support_needed = models.TextField(_("ondersteuning nodig"), blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("werkzoekende")
        verbose_name_plural = _("werkzoekenden")
        ordering = ["last_name", "first_name"]
        # Covers the caseload and candidate-pool filters whole (active files of a municipality
        # and case manager, not the user's own): a pool's keys are read without table look-ups.
        indexes = [
            models.Index(
                fields=["municipality", "case_manager", "anonymised_at", "user"],
                name="jobseeker_caseload_idx",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def benefit_months(self, today: dt.date | None = None) -> int | None:
        if not self.benefit_start:
            return None
        end = self.benefit_end or today or timezone.localdate()
        return (end.year - self.benefit_start.year) * 12 + end.month - self.benefit_start.month

    def is_long_term(self, today: dt.date | None = None) -> bool:
        months = self.benefit_months(today)
        return months is not None and months >= LONG_TERM_MONTHS

    def age(self, today: dt.date | None = None) -> int:
        """For cohort selection and statistics only; never an input of a match score."""
        today = today or timezone.localdate()
        born = self.date_of_birth
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class Language(models.Model):
    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("taal"), max_length=40)
    level = models.CharField(_("niveau"), max_length=2, choices=LanguageLevel.choices, blank=True)
    is_dutch = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("taal")
        verbose_name_plural = _("talen")

    def __str__(self) -> str:
        return f"{self.language} ({self.level})" if self.level else self.language


class WorkExperience(models.Model):
    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="experience")
    occupation = models.ForeignKey(Occupation, on_delete=models.PROTECT, null=True, blank=True)
    description = models.CharField(_("omschrijving"), max_length=200, blank=True)
    years = models.PositiveSmallIntegerField(_("jaren"), default=0)

    class Meta:
        verbose_name = _("werkervaring")
        verbose_name_plural = _("werkervaring")

    def __str__(self) -> str:
        return self.occupation.name if self.occupation_id else self.description


class Skill(models.Model):
    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="skills")
    name = models.CharField(_("vaardigheid"), max_length=120)

    class Meta:
        verbose_name = _("vaardigheid")
        verbose_name_plural = _("vaardigheden")

    def __str__(self) -> str:
        return self.name


class Ambition(models.Model):
    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="ambitions")
    occupation = models.ForeignKey(Occupation, on_delete=models.PROTECT, null=True, blank=True)
    field = models.ForeignKey(OccupationalField, on_delete=models.PROTECT, null=True, blank=True)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("ambitie")
        verbose_name_plural = _("ambities")

    def __str__(self) -> str:
        return self.note or str(self.occupation or self.field or "")


class Obstacle(TimeStampedModel):
    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="obstacles")
    kind = models.CharField(_("soort"), max_length=20, choices=ObstacleKind.choices)
    impact = models.TextField(
        _("wat betekent het voor werk"),
        help_text=_("Schrijf op wat het betekent voor werk. Geen diagnose of medische gegevens."),
    )
    is_active = models.BooleanField(_("speelt nog"), default=True)

    class Meta:
        verbose_name = _("belemmering")
        verbose_name_plural = _("belemmeringen")


class Consent(models.Model):
    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(max_length=24, choices=ConsentKind.choices)
    given_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    recorded_by_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        constraints = [
            models.UniqueConstraint(
                fields=["job_seeker", "kind"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_kind",
            )
        ]

    def __str__(self) -> str:
        return str(self.get_kind_display())


class FileChange(models.Model):
    """History of the file: one row per changed field, with who changed it and when."""

    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(max_length=60)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    actor_id = models.BigIntegerField(null=True, blank=True)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return self.field


class CorrectionRequest(TimeStampedModel):
    """A job seeker asks to correct something only staff may change."""

    job_seeker = models.ForeignKey(
        JobSeeker, on_delete=models.CASCADE, related_name="correction_requests"
    )
    field = models.CharField(_("wat klopt er niet"), max_length=60)
    proposed_value = models.CharField(_("wat het moet zijn"), max_length=300)
    explanation = models.TextField(_("toelichting"), blank=True)
    status = models.CharField(
        max_length=12, choices=CorrectionStatus.choices, default=CorrectionStatus.OPEN
    )
    handled_by_id = models.BigIntegerField(null=True, blank=True)
    answer = models.TextField(_("antwoord"), blank=True)


class RetentionRun(models.Model):
    """One run of the retention rule (jobseekers/retention.py), a dry run or for real."""

    ran_at = models.DateTimeField(_("uitgevoerd op"), default=timezone.now)
    rule_years = models.PositiveSmallIntegerField(_("bewaartermijn (jaren na einde uitkering)"))
    # Files whose benefit ended before this day were due.
    cutoff = models.DateField(_("uitkering gestopt vóór"))
    dry_run = models.BooleanField(_("proefrun"), default=True)
    count = models.PositiveIntegerField(_("aantal dossiers"), default=0)
    actor_id = models.BigIntegerField(null=True, blank=True)
    # The actor's username, or "scheduled" for the scheduled task.
    actor_label = models.CharField(_("uitgevoerd door"), max_length=150)

    class Meta:
        verbose_name = _("bewaartermijn-run")
        verbose_name_plural = _("bewaartermijn-runs")
        ordering = ["-ran_at", "-id"]

    def __str__(self) -> str:
        return f"{self.ran_at:%Y-%m-%d %H:%M} ({self.count})"
