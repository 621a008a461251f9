"""Occupations and sectors: the compact built-in list, extended later by an ESCO import."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Sector(models.Model):
    """A top-level SBI 2008 section (A–U), the sector code every company gets from the KvK."""

    code = models.CharField(_("SBI-sectie"), max_length=1, unique=True)
    name = models.CharField(_("naam"), max_length=160)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectoren")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class OccupationalField(models.Model):
    """A policy field (beroepsveld) such as care or logistics, as municipal targets name them."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("naam"), max_length=120)
    name_en = models.CharField(_("naam (Engels)"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("beroepsveld")
        verbose_name_plural = _("beroepsvelden")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class Occupation(models.Model):
    code = models.SlugField(_("code"), max_length=120, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    name_female = models.CharField(_("vrouwelijke vorm"), max_length=200, blank=True)
    isco08 = models.CharField(_("ISCO-08"), max_length=4, db_index=True)
    field = models.ForeignKey(
        OccupationalField,
        on_delete=models.PROTECT,
        related_name="occupations",
        verbose_name=_("beroepsveld"),
    )
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("sector")
    )
    synonyms = models.TextField(_("synoniemen"), blank=True, help_text=_("Eén per regel."))
    esco_uri = models.URLField(_("ESCO-URI"), max_length=300, blank=True)
    is_builtin = models.BooleanField(default=True, editable=False)

    class Meta:
        verbose_name = _("beroep")
        verbose_name_plural = _("beroepen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def synonym_list(self) -> list[str]:
        return [s for s in self.synonyms.splitlines() if s.strip()]

    @property
    def all_labels(self) -> list[str]:
        return [label for label in (self.name, self.name_female, *self.synonym_list) if label]
