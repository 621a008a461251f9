"""Shared vocabularies for people and jobs: education, Dutch language level, licences, certificates."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EducationLevel(models.TextChoices):
    """Highest completed education; codes sort by level, so requirements compare by rank."""

    NONE = "0_none", _("geen of basisonderwijs")
    VMBO = "1_vmbo", _("vmbo of mbo 1 (entree)")
    MBO2 = "2_mbo2", _("mbo 2 (startkwalificatie)")
    HAVO_MBO3 = "3_mbo3", _("mbo 3 of havo")
    MBO4_VWO = "4_mbo4", _("mbo 4 of vwo")
    HBO = "5_hbo", _("hbo")
    WO = "6_wo", _("wo (universiteit)")


class LanguageLevel(models.TextChoices):
    """Dutch as a second language (NT2), European framework levels."""

    A1 = "A1", _("A1 – beginner")
    A2 = "A2", _("A2 – eenvoudig")
    B1 = "B1", _("B1 – redelijk")
    B2 = "B2", _("B2 – goed")
    C1 = "C1", _("C1 – zeer goed")
    C2 = "C2", _("C2 – moedertaal-niveau")


class DrivingLicence(models.TextChoices):
    AM = "AM", _("AM (bromfiets)")
    B = "B", _("B (auto)")
    BE = "BE", _("BE (auto met aanhanger)")
    C = "C", _("C (vrachtwagen)")
    CE = "CE", _("CE (vrachtwagen met aanhanger)")
    D = "D", _("D (bus)")


class Certificate(models.TextChoices):
    VCA_BASIC = "vca_basic", _("VCA Basis")
    VCA_FULL = "vca_full", _("VCA VOL")
    FORKLIFT = "forklift", _("heftruckcertificaat")
    REACH_TRUCK = "reach_truck", _("reachtruckcertificaat")
    FIRST_AID = "first_aid", _("EHBO")
    EMERGENCY_RESPONSE = "emergency_response", _("BHV")
    FOOD_HYGIENE = "food_hygiene", _("HACCP / hygiënecode")
    SOCIAL_HYGIENE = "social_hygiene", _("Sociale Hygiëne (SVH)")
    SECURITY_GUARD = "security_guard", _("diploma Beveiliger 2")
    CODE95 = "code95", _("Code 95 (beroepschauffeur)")
    VOG = "vog", _("VOG (verklaring omtrent gedrag)")
