"""Stored matching: a municipality's settings, the runs, the best offerings per person, shortlists."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkroute.catalogue.models import Offering
from werkroute.core.models import Municipality, PublicIdModel
from werkroute.jobseekers.models import JobSeeker
from werkroute.matching.engine.config import DEFAULT_WEIGHTS, PARTS, Weights

_WEIGHT_VALIDATORS = [MinValueValidator(0.0), MaxValueValidator(1.0)]


def _weight_field(code: str, name: str) -> models.FloatField:
    return models.FloatField(
        name, default=getattr(DEFAULT_WEIGHTS, code), validators=_WEIGHT_VALIDATORS
    )


_NAMES = {p.code: p.name for p in PARTS}


class MatchingSettings(models.Model):
    """One switch and six weights per municipality; the functional administrator keeps them."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="matching_settings"
    )
    enabled = models.BooleanField(
        _("matching aan"),
        default=True,
        help_text=_("Uit: niemand in deze gemeente ziet nog voorstellen van de matching."),
    )
    weight_occupation = _weight_field("occupation", _("gewicht beroep"))
    weight_text = _weight_field("text", _("gewicht tekst"))
    weight_distance = _weight_field("distance", _("gewicht afstand"))
    weight_hours = _weight_field("hours", _("gewicht uren"))
    weight_requirements = _weight_field("requirements", _("gewicht eisen"))
    weight_inclusion = _weight_field("inclusion", _("gewicht open voor afstand tot werk"))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by_id = models.BigIntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("instellingen matching")
        verbose_name_plural = _("instellingen matching")

    def __str__(self) -> str:
        return str(self.municipality)

    @property
    def weights(self) -> Weights:
        return Weights(
            occupation=self.weight_occupation,
            text=self.weight_text,
            distance=self.weight_distance,
            hours=self.weight_hours,
            requirements=self.weight_requirements,
            inclusion=self.weight_inclusion,
        )


class RunStatus(models.TextChoices):
    RUNNING = "running", _("bezig")
    DONE = "done", _("klaar")
    FAILED = "failed", _("mislukt")


class MatchRun(models.Model):
    """A full run: every person against every open vacancy, in shards of people."""

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=RunStatus.choices, default=RunStatus.RUNNING)
    shards = models.PositiveIntegerField(default=0)
    shards_done = models.PositiveIntegerField(default=0)
    people = models.PositiveIntegerField(default=0)
    offerings = models.PositiveIntegerField(default=0)
    top_k = models.PositiveSmallIntegerField(default=10)
    offering_ids = models.JSONField(null=True, blank=True, editable=False)  # None: all open
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("matchingrun")
        verbose_name_plural = _("matchingruns")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"


class Match(models.Model):
    """One of a person's best offerings, as the last run or update scored it."""

    # No index of their own: match_once starts with job_seeker, (offering, score) with offering;
    # a run writes 400,000 rows, and every index is one more B-tree to update per row.
    job_seeker = models.ForeignKey(
        JobSeeker, on_delete=models.CASCADE, related_name="matches", db_index=False
    )
    offering = models.ForeignKey(
        Offering, on_delete=models.CASCADE, related_name="matches", db_index=False
    )
    score = models.FloatField()
    # Which run stored the row, for information only: no index and no database constraint
    # (each would be one more look-up per row of 400,000; nothing reads matches by run).
    run = models.ForeignKey(
        MatchRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        db_index=False,
        db_constraint=False,
    )
    scored_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.UniqueConstraint(fields=["job_seeker", "offering"], name="match_once")
        ]
        indexes = [models.Index(fields=["offering", "score"])]

    def __str__(self) -> str:
        return f"match {self.pk} ({self.score:.2f})"


class ShortlistEntry(PublicIdModel):
    """A case manager keeps a vacancy in mind for a person: the human step after a suggestion."""

    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="shortlist")
    offering = models.ForeignKey(Offering, on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)
    score = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name = _("kortelijst")
        verbose_name_plural = _("kortelijst")
        ordering = ["-added_at"]
        constraints = [
            models.UniqueConstraint(fields=["job_seeker", "offering"], name="shortlist_once")
        ]

    def __str__(self) -> str:
        return f"shortlist {self.public_id}"
