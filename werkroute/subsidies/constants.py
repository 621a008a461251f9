"""Vocabularies of the subsidies app: the codes a rule file may use for a choice fact.

Benefit and contract types are the job seeker's and the catalogue's own codes; the checker adds a
few benefits those apps do not record (UWV benefits, the Flemish leefloon), because schemes ask
about them. Codes are stable (they are in the rule files); labels are Dutch and translated.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from werkroute.catalogue.constants import ContractType
from werkroute.jobseekers.constants import BenefitType


class OtherBenefitType(models.TextChoices):
    UNEMPLOYMENT_BENEFIT = "unemployment_benefit", _("werkloosheidsuitkering (WW of RVA)")
    DISABILITY_BENEFIT = (
        "disability_benefit",
        _("arbeidsongeschiktheidsuitkering (WIA, WAO, Wajong)"),
    )
    LEEFLOON = "leefloon", _("leefloon (OCMW)")
    EQUIVALENT_LEEFLOON = "equivalent_leefloon", _("equivalent leefloon (OCMW)")


class Region(models.TextChoices):
    NETHERLANDS = "nl", _("Nederland")
    FLANDERS = "be-vl", _("Vlaanderen")
    BRUSSELS = "be-bru", _("Brussel")
    WALLONIA = "be-wal", _("Wallonië")
    OTHER = "other", _("een ander land")


class EmployerSector(models.TextChoices):
    """Some schemes are for private employers only (in Belgium: the RSZ reductions)."""

    PRIVATE = "private", _("privé (bedrijf, zelfstandige, vzw of stichting)")
    PUBLIC = "public", _("overheid of openbare instelling")


class SchemeCountry(models.TextChoices):
    NETHERLANDS = "nl", _("Nederland")
    FLANDERS = "be-vl", _("Vlaanderen")


BENEFIT_CHOICES = [*BenefitType.choices, *OtherBenefitType.choices]
CONTRACT_CHOICES = ContractType.choices
REGION_CHOICES = Region.choices
EMPLOYER_SECTOR_CHOICES = EmployerSector.choices


def vocabularies() -> dict[str, dict[str, str]]:
    """The vocabularies the rules engine checks files against and writes values with."""
    return {
        "benefit_type": {code: str(label) for code, label in BENEFIT_CHOICES},
        "contract_type": {code: str(label) for code, label in CONTRACT_CHOICES},
        "region": {code: str(label) for code, label in REGION_CHOICES},
        "employer_sector": {code: str(label) for code, label in EMPLOYER_SECTOR_CHOICES},
    }
