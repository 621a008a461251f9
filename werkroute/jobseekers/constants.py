"""Vocabularies of the job seeker's file. Codes are stable; labels are Dutch and translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BenefitType(models.TextChoices):
    SOCIAL_ASSISTANCE = "social_assistance", _("bijstand (Participatiewet)")
    IOAW = "ioaw", _("IOAW")
    IOAZ = "ioaz", _("IOAZ")
    SELF_EMPLOYED_SUPPORT = "self_employed_support", _("Bbz of Tozo (zelfstandigen)")
    NONE = "none", _("geen uitkering")


class Gender(models.TextChoices):
    """Recorded only to check that matching treats groups alike; never an input of a score."""

    FEMALE = "female", _("vrouw")
    MALE = "male", _("man")
    OTHER = "other", _("anders")


class ObstacleKind(models.TextChoices):
    CHILDCARE = "childcare", _("kinderopvang")
    CARE_DUTIES = "care_duties", _("zorg voor anderen (mantelzorg)")
    HEALTH = "health", _("gezondheid")
    DEBTS = "debts", _("schulden")
    LANGUAGE = "language", _("taal")
    TRANSPORT = "transport", _("vervoer")
    HOUSING = "housing", _("wonen")
    DIGITAL_SKILLS = "digital_skills", _("digitale vaardigheden")
    OTHER = "other", _("iets anders")


class Weekday(models.TextChoices):
    MONDAY = "mon", _("maandag")
    TUESDAY = "tue", _("dinsdag")
    WEDNESDAY = "wed", _("woensdag")
    THURSDAY = "thu", _("donderdag")
    FRIDAY = "fri", _("vrijdag")
    SATURDAY = "sat", _("zaterdag")
    SUNDAY = "sun", _("zondag")


class Shift(models.TextChoices):
    DAY = "day", _("overdag")
    EVENING = "evening", _("avond")
    NIGHT = "night", _("nacht")
    WEEKEND = "weekend", _("weekend")


class TravelMeans(models.TextChoices):
    WALK = "walk", _("lopen")
    BIKE = "bike", _("fiets")
    PUBLIC_TRANSPORT = "public_transport", _("openbaar vervoer")
    MOPED = "moped", _("scooter of brommer")
    CAR = "car", _("auto")


class ConsentKind(models.TextChoices):
    SHARE_PROFILE_WITH_EMPLOYERS = "share_profile", _("profiel delen met werkgevers")


class CorrectionStatus(models.TextChoices):
    OPEN = "open", _("nog niet bekeken")
    ACCEPTED = "accepted", _("aangepast")
    REJECTED = "rejected", _("niet aangepast")


# A benefit counts as long-term from this many months (the Werkoffensief's 18 months).
LONG_TERM_MONTHS = 18
