"""Organisations, their locations and their offerings: everything on the route map."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from werkroute.catalogue.constants import (
    EVENT_KINDS,
    JOB_KINDS,
    ActivityLanguage,
    AttendanceMode,
    ContractType,
    Cost,
    JoinMethod,
    OfferingKind,
    OfferingStatus,
    OrganisationKind,
    OrganisationRole,
    Recurrence,
    SalaryPeriod,
    TargetGroup,
    Theme,
)
from werkroute.core import text
from werkroute.core.fields import ChoiceSetField
from werkroute.core.models import (
    Municipality,
    Neighbourhood,
    PublicIdModel,
    Region,
    TimeStampedModel,
)
from werkroute.taxonomy.constants import Certificate, DrivingLicence, EducationLevel, LanguageLevel
from werkroute.taxonomy.models import Occupation, Sector


class Organisation(PublicIdModel, TimeStampedModel):
    name = models.CharField(_("naam"), max_length=200)
    kinds = ChoiceSetField(
        _("soort organisatie"), item_choices=OrganisationKind.choices, blank=False
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("regio")
    )
    description = models.TextField(_("omschrijving"), blank=True, max_length=5000)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    kvk_number = models.CharField(_("KvK-nummer"), max_length=8, blank=True)
    # Off: this employer's staff can no longer log in with eHerkenning (see accounts/eherkenning.py).
    eherkenning_enabled = models.BooleanField(
        _("medewerkers mogen inloggen met eHerkenning"), default=True
    )
    sector = models.ForeignKey(
        Sector, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("sector")
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def kind_labels(self) -> list[str]:
        return [str(OrganisationKind(code).label) for code in self.kinds]


class OrganisationMembership(models.Model):
    """Ties a user (partner or employer staff) to the organisation whose offerings they keep."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("rol"), max_length=16, choices=OrganisationRole.choices, default=OrganisationRole.STAFF
    )

    class Meta:
        verbose_name = _("medewerker van organisatie")
        verbose_name_plural = _("medewerkers van organisaties")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_org_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"


class Location(TimeStampedModel):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="locations"
    )
    name = models.CharField(_("naam van de locatie"), max_length=200)
    street_address = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6)
    city = models.CharField(_("plaats"), max_length=120)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.SET_NULL, null=True, blank=True, related_name="locations"
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.SET_NULL, null=True, blank=True, related_name="locations"
    )
    lat = models.FloatField()
    lon = models.FloatField()
    accessibility = models.CharField(_("toegankelijkheid"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.city}"

    @property
    def one_line(self) -> str:
        return ", ".join(p for p in (self.street_address, f"{self.postcode} {self.city}") if p)


class OfferingQuerySet(models.QuerySet["Offering"]):
    def public(self, today: dt.date | None = None) -> "OfferingQuerySet":
        """What anyone may see: published, inside its publication window, not yet over."""
        today = today or timezone.localdate()
        return self.filter(
            models.Q(publish_until__isnull=True) | models.Q(publish_until__gte=today),
            models.Q(date_until__isnull=True) | models.Q(date_until__gte=today),
            status=OfferingStatus.PUBLISHED,
            publish_from__lte=today,
        )

    def stale(self, today: dt.date | None = None) -> "OfferingQuerySet":
        return self.filter(last_checked_on__lt=stale_cutoff(today))


def stale_cutoff(today: dt.date | None = None) -> dt.date:
    today = today or timezone.localdate()
    return today - dt.timedelta(days=settings.CATALOGUE_STALE_AFTER_DAYS)


class Offering(PublicIdModel, TimeStampedModel):
    kind = models.CharField(_("soort"), max_length=32, choices=OfferingKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), max_length=10000)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="offerings",
        verbose_name=_("organisatie"),
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offerings",
        verbose_name=_("locatie"),
        help_text=_("Leeg laten als het alleen online is."),
    )
    other_locations = models.ManyToManyField(
        Location, blank=True, related_name="+", verbose_name=_("andere locaties")
    )
    attendance_mode = models.CharField(
        _("op locatie of online"),
        max_length=16,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    target_groups = ChoiceSetField(_("voor wie"), item_choices=TargetGroup.choices, blank=False)
    themes = ChoiceSetField(_("onderwerpen"), item_choices=Theme.choices)
    languages = ChoiceSetField(
        _("taal van de activiteit"), item_choices=ActivityLanguage.choices, blank=False
    )
    cost = models.CharField(_("kosten"), max_length=8, choices=Cost.choices, default=Cost.FREE)
    cost_details = models.CharField(_("uitleg over de kosten"), max_length=200, blank=True)
    join_methods = ChoiceSetField(_("hoe doe je mee"), item_choices=JoinMethod.choices, blank=False)
    signup_url = models.URLField(_("link om aan te melden"), blank=True)
    contact_email = models.EmailField(_("e-mailadres voor vragen"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer voor vragen"), max_length=20, blank=True)
    opening_hours = models.CharField(
        _("openingstijden"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: ma–vr 9.00–17.00"),
    )
    starts_at = models.DateTimeField(_("begint op"), null=True, blank=True)
    ends_at = models.DateTimeField(_("eindigt op"), null=True, blank=True)
    recurrence = models.CharField(
        _("herhaling"),
        max_length=16,
        choices=Recurrence.choices,
        default=Recurrence.NONE,
        blank=True,
    )
    recurrence_until = models.DateField(_("herhalen tot en met"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("aantal plekken"), null=True, blank=True)
    open_to = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="+",
        verbose_name=_("alleen voor inwoners van"),
        help_text=_("Leeg laten als iedereen mee mag doen."),
    )
    publish_from = models.DateField(_("zichtbaar vanaf"), default=timezone.localdate)
    publish_until = models.DateField(_("zichtbaar tot en met"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=OfferingStatus.choices, default=OfferingStatus.DRAFT
    )
    last_checked_on = models.DateField(_("laatst gecontroleerd op"), default=timezone.localdate)
    last_reminded_on = models.DateField(null=True, blank=True, editable=False)

    # Vacancy (and other work) details.
    occupation = models.ForeignKey(
        Occupation, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("beroep")
    )
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("sector")
    )
    hours_min = models.PositiveSmallIntegerField(
        _("uren per week (minimaal)"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    hours_max = models.PositiveSmallIntegerField(
        _("uren per week (maximaal)"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    contract_type = models.CharField(
        _("soort contract"), max_length=20, choices=ContractType.choices, blank=True
    )
    salary_min = models.DecimalField(
        _("salaris vanaf"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    salary_max = models.DecimalField(
        _("salaris tot"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    salary_period = models.CharField(
        _("salaris per"), max_length=8, choices=SalaryPeriod.choices, blank=True
    )
    positions = models.PositiveSmallIntegerField(_("aantal plekken"), default=1)
    driving_licences = ChoiceSetField(_("rijbewijs nodig"), item_choices=DrivingLicence.choices)
    language_level = models.CharField(
        _("Nederlands minimaal op niveau"), max_length=2, choices=LanguageLevel.choices, blank=True
    )
    education_level = models.CharField(
        _("opleiding minimaal"), max_length=8, choices=EducationLevel.choices, blank=True
    )
    certificates = ChoiceSetField(_("certificaten nodig"), item_choices=Certificate.choices)
    inclusive_employer = models.BooleanField(
        _("werkgever neemt mensen met afstand tot werk aan"), default=False
    )

    # Derived from the above in refresh_derived(): what search, filters and the map read.
    lat = models.FloatField(null=True, blank=True, editable=False)
    lon = models.FloatField(null=True, blank=True, editable=False)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="offerings",
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="offerings",
    )
    date_from = models.DateField(null=True, blank=True, editable=False)
    date_until = models.DateField(null=True, blank=True, editable=False)
    search_title = models.TextField(blank=True, editable=False)
    search_body = models.TextField(blank=True, editable=False)

    objects = OfferingQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        ordering = ["-publish_from", "title"]
        indexes = [
            models.Index(fields=["status", "kind"]),
            models.Index(fields=["lat", "lon"]),
            models.Index(fields=["date_from"]),
            models.Index(fields=["publish_from"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_event(self) -> bool:
        return self.kind in EVENT_KINDS

    @property
    def is_job(self) -> bool:
        return self.kind in JOB_KINDS

    @property
    def is_stale(self) -> bool:
        return self.last_checked_on < stale_cutoff()

    def _labels(self, field_name: str) -> list[str]:
        field = self._meta.get_field(field_name)
        assert isinstance(field, ChoiceSetField)
        return [field.label_of(code) for code in getattr(self, field_name)]

    @property
    def target_group_labels(self) -> list[str]:
        return self._labels("target_groups")

    @property
    def theme_labels(self) -> list[str]:
        return self._labels("themes")

    @property
    def language_labels(self) -> list[str]:
        return self._labels("languages")

    @property
    def join_method_labels(self) -> list[str]:
        return self._labels("join_methods")

    @property
    def requirement_labels(self) -> list[str]:
        labels = [f"{_('rijbewijs')} {code}" for code in self.driving_licences] + self._labels(
            "certificates"
        )
        if self.language_level:
            labels.append(f"{_('Nederlands')} {self.language_level}")
        if self.education_level:
            labels.append(str(self.get_education_level_display()))
        return labels

    @property
    def days_since_check(self) -> int:
        return (timezone.localdate() - self.last_checked_on).days

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("Het einde ligt voor het begin. Kies een latere eindtijd.")
        if self.is_event and not self.starts_at:
            errors["starts_at"] = _("Vul in wanneer de activiteit begint.")
        if self.recurrence and not self.starts_at:
            errors["recurrence"] = _("Een herhaling heeft een eerste datum nodig.")
        if (
            self.recurrence_until
            and self.starts_at
            and self.recurrence_until < self.starts_at.date()
        ):
            errors["recurrence_until"] = _("De laatste herhaling ligt voor de eerste datum.")
        if self.publish_until and self.publish_until < self.publish_from:
            errors["publish_until"] = _("'Zichtbaar tot' ligt voor 'zichtbaar vanaf'.")
        if self.hours_min and self.hours_max and self.hours_max < self.hours_min:
            errors["hours_max"] = _("Het maximum aantal uren is lager dan het minimum.")
        if self.salary_min and self.salary_max and self.salary_max < self.salary_min:
            errors["salary_max"] = _("Het hoogste salaris is lager dan het laagste.")
        if self.attendance_mode != AttendanceMode.REMOTE and not self.location_id:
            errors["location"] = _("Kies een locatie, of kies 'online'.")
        if "everyone" in self.target_groups and len(self.target_groups) > 1:
            errors["target_groups"] = _("Kies 'iedereen' óf specifieke groepen, niet allebei.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        self.refresh_derived()
        super().save(*args, **kwargs)

    def refresh_derived(self) -> None:
        """Copy place and dates into flat columns and build the search text (Dutch-normalised)."""
        location = self.location if self.location_id else None
        self.lat = location.lat if location else None
        self.lon = location.lon if location else None
        self.municipality_id = location.municipality_id if location else None
        self.neighbourhood_id = location.neighbourhood_id if location else None
        self.date_from = timezone.localdate(self.starts_at) if self.starts_at else None
        last = self.ends_at or self.starts_at
        if self.recurrence and self.recurrence_until:
            self.date_until = self.recurrence_until
        elif self.recurrence:
            self.date_until = None
        else:
            self.date_until = timezone.localdate(last) if last else None
        self.search_title, self.search_body = self.search_texts(location)

    def search_texts(self, location: Location | None) -> tuple[str, str]:
        with translation.override("nl"):
            title_parts = [self.title, str(OfferingKind(self.kind).label)]
            if self.occupation_id:
                title_parts.extend(self.occupation.all_labels)
            body_parts = [
                self.organisation.name,
                self.description,
                *(str(TargetGroup(c).label) for c in self.target_groups),
                *(str(Theme(c).label) for c in self.themes),
            ]
            if location:
                body_parts.extend([location.name, location.city])
                if location.municipality_id:
                    body_parts.append(location.municipality.name)
                if location.neighbourhood_id:
                    body_parts.append(location.neighbourhood.name)
            if self.attendance_mode != AttendanceMode.IN_PERSON:
                body_parts.append("online")
        return (
            " ".join(text.expand(" ".join(title_parts))),
            " ".join(text.expand(" ".join(body_parts))),
        )


# --- Saved searches and saved offerings: a logged-in resident's own bookmarks on the route map.


class AlertFrequency(models.TextChoices):
    """How often a saved search sends an e-mail about new offerings."""

    DAILY = "daily", _("elke dag")
    WEEKLY = "weekly", _("elke week")
    NEVER = "never", _("nooit, geen e-mail")


SAVED_SEARCH_QUERY_MAX_LENGTH = 2000


class SavedSearch(PublicIdModel):
    """A route-map search a user keeps, and may get an e-mail about when new offerings match.

    `query_string` is the route map's normalised query string (see services.normalised_query). It
    may hold the user's postcode: their own data, shown only to them, never logged.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("naam"), max_length=100)
    query_string = models.CharField(max_length=SAVED_SEARCH_QUERY_MAX_LENGTH, blank=True)
    frequency = models.CharField(
        _("e-mail bij nieuw aanbod"),
        max_length=8,
        choices=AlertFrequency.choices,
        default=AlertFrequency.WEEKLY,
    )
    last_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("bewaard op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bewaarde zoekopdracht")
        verbose_name_plural = _("bewaarde zoekopdrachten")
        ordering = ["-created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "query_string"], name="unique_saved_search_per_user"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_search_url(self) -> str:
        """The route map with this search filled in."""
        path = reverse("catalogue:search")
        return f"{path}?{self.query_string}" if self.query_string else path


class SavedOffering(models.Model):
    """An offering a user keeps in their account (the anonymous 'my route' lives in the browser)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_offerings"
    )
    offering = models.ForeignKey(Offering, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("bewaard op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bewaard aanbod")
        verbose_name_plural = _("bewaard aanbod")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "offering"], name="unique_saved_offering_per_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.offering}"
