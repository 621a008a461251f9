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


class IscoGroup(models.Model):
    """An ISCO-08 group: major (1 digit), sub-major (2), minor (3) or unit group (4 digits)."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    label = models.CharField(_("naam"), max_length=300)

    class Meta:
        verbose_name = _("ISCO-groep")
        verbose_name_plural = _("ISCO-groepen")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.label}"


class EscoSkill(models.Model):
    """A skill or knowledge concept from ESCO; the label in Dutch, or in English where ESCO has no
    Dutch label (label_language says which)."""

    uri = models.URLField(_("ESCO-URI"), max_length=300, unique=True)
    label = models.CharField(_("naam"), max_length=400)
    skill_type = models.CharField(_("soort"), max_length=40, blank=True)
    label_language = models.CharField(_("taal van de naam"), max_length=2, default="nl")

    class Meta:
        verbose_name = _("vaardigheid (ESCO)")
        verbose_name_plural = _("vaardigheden (ESCO)")
        ordering = ["label"]

    def __str__(self) -> str:
        return self.label


class Occupation(models.Model):
    """An occupation: one of the built-in list (is_builtin) or imported from ESCO (esco_uri set).

    A built-in occupation that the ESCO import recognised keeps its code, name and synonyms and
    gains the ESCO URI, labels and skills; the built-in sync never touches those ESCO fields.
    """

    code = models.SlugField(_("code"), max_length=120, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    name_female = models.CharField(_("vrouwelijke vorm"), max_length=200, blank=True)
    isco08 = models.CharField(_("ISCO-08"), max_length=4, db_index=True)
    field = models.ForeignKey(
        OccupationalField,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="occupations",
        verbose_name=_("beroepsveld"),
    )
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("sector")
    )
    synonyms = models.TextField(_("synoniemen"), blank=True, help_text=_("Eén per regel."))
    esco_uri = models.URLField(_("ESCO-URI"), max_length=300, blank=True)
    esco_label = models.CharField(_("naam in ESCO"), max_length=300, blank=True)
    esco_alt_labels = models.TextField(
        _("ESCO-namen"), blank=True, help_text=_("Namen uit ESCO, één per regel.")
    )
    esco_hidden_labels = models.TextField(
        _("ESCO-zoektermen"), blank=True, help_text=_("Zoektermen uit ESCO, één per regel.")
    )
    esco_description = models.TextField(_("beschrijving in ESCO"), blank=True)
    skills = models.ManyToManyField(
        EscoSkill, through="OccupationSkill", related_name="occupations", blank=True
    )
    is_builtin = models.BooleanField(default=True, editable=False)
    # Bumped by every change: tells the in-process occupation recogniser to rebuild.
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("beroep")
        verbose_name_plural = _("beroepen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["esco_uri"],
                condition=~models.Q(esco_uri=""),
                name="taxonomy_occupation_unique_esco_uri",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def synonym_list(self) -> list[str]:
        return [s for s in self.synonyms.splitlines() if s.strip()]

    @property
    def all_labels(self) -> list[str]:
        return [label for label in (self.name, self.name_female, *self.synonym_list) if label]

    @property
    def esco_alt_label_list(self) -> list[str]:
        return [s for s in self.esco_alt_labels.splitlines() if s.strip()]

    @property
    def esco_hidden_label_list(self) -> list[str]:
        return [s for s in self.esco_hidden_labels.splitlines() if s.strip()]


class OccupationSkill(models.Model):
    """ESCO's link between an occupation and a skill: essential or optional for it."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="skill_links")
    skill = models.ForeignKey(EscoSkill, on_delete=models.CASCADE, related_name="occupation_links")
    is_essential = models.BooleanField(_("essentieel"), default=False)

    class Meta:
        verbose_name = _("vaardigheid van een beroep")
        verbose_name_plural = _("vaardigheden van beroepen")
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "skill"], name="taxonomy_occupationskill_unique_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.occupation} – {self.skill}"
