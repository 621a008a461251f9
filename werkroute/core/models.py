"""Regions, municipalities and places: the tenancy and geography every other app builds on."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkroute.core.colors import HEX_COLOUR, MIN_CONTRAST_WITH_WHITE, contrast_with_white
from werkroute.core.constants import Country, NeighbourhoodKind

LOGO_MAX_BYTES = 200_000
LOGO_CONTENT_TYPES = ("image/png", "image/svg+xml", "image/jpeg", "image/webp")


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        abstract = True


def validate_readable_colour(value: str) -> None:
    if not HEX_COLOUR.match(value):
        raise ValidationError(_("Geef een kleur als #RRGGBB, bijvoorbeeld #1f4e79."))
    ratio = contrast_with_white(value)
    if ratio < MIN_CONTRAST_WITH_WHITE:
        raise ValidationError(
            _(
                "Deze kleur is te licht: witte tekst erop is slecht leesbaar "
                "(contrast %(ratio).1f, nodig is minstens 4,5). Kies een donkerdere kleur."
            ),
            params={"ratio": ratio},
        )


class Branding(models.Model):
    """What a region or municipality shows of itself: logo, colour and contact details."""

    logo = models.BinaryField(_("logo"), blank=True, null=True, editable=False)
    logo_content_type = models.CharField(max_length=40, blank=True, editable=False)
    primary_colour = models.CharField(
        _("hoofdkleur"),
        max_length=7,
        blank=True,
        validators=[validate_readable_colour],
        help_text=_(
            "Kleur van knoppen en koppen, als #RRGGBB. Witte tekst moet erop leesbaar zijn."
        ),
    )
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(
        _("telefoonnummer"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^[0-9 +()-]{6,20}$", _("Geef een geldig telefoonnummer."))],
    )
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("bezoekadres"), max_length=200, blank=True)

    class Meta:
        abstract = True

    @property
    def has_logo(self) -> bool:
        return bool(self.logo)


class Region(TimeStampedModel, Branding):
    """A labour-market region (arbeidsmarktregio) whose municipalities share one route map."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("naam"), max_length=120)
    country = models.CharField(
        _("land"), max_length=2, choices=Country.choices, default=Country.NETHERLANDS
    )

    class Meta:
        verbose_name = _("arbeidsmarktregio")
        verbose_name_plural = _("arbeidsmarktregio's")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Municipality(TimeStampedModel, Branding):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("regio")
    )
    code = models.CharField(
        _("CBS-code"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^GM\d{4}$", _("Een CBS-code ziet eruit als GM0392."))],
    )
    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("korte naam"), unique=True)
    lat = models.FloatField(_("breedtegraad"))
    lon = models.FloatField(_("lengtegraad"))

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Neighbourhood(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="neighbourhoods"
    )
    code = models.CharField(_("CBS-code"), max_length=10, unique=True)
    name = models.CharField(_("naam"), max_length=120)
    kind = models.CharField(
        max_length=16, choices=NeighbourhoodKind.choices, default=NeighbourhoodKind.DISTRICT
    )
    lat = models.FloatField()
    lon = models.FloatField()

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["municipality__name", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality.name})"


class PostcodeArea(models.Model):
    """A four-digit postcode area with its centroid, as CBS publishes them."""

    pc4 = models.CharField(_("postcode (4 cijfers)"), max_length=4, unique=True)
    lat = models.FloatField()
    lon = models.FloatField()
    place = models.CharField(_("plaats"), max_length=120, blank=True)
    municipality_code = models.CharField(max_length=6, blank=True, db_index=True)
    municipality_name = models.CharField(max_length=120, blank=True)
    province = models.CharField(max_length=60, blank=True)

    class Meta:
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")

    def __str__(self) -> str:
        return f"{self.pc4} {self.place}"


class PublicIdModel(models.Model):
    """Records that appear in URLs do so by an unguessable UUID, never by their integer key."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True


from werkroute.core.audit.models import *  # noqa: E402,F401,F403
