from django.db import models
from django.utils.translation import gettext_lazy as _


class Country(models.TextChoices):
    NETHERLANDS = "NL", _("Nederland")
    BELGIUM = "BE", _("België")


class NeighbourhoodKind(models.TextChoices):
    DISTRICT = "district", _("wijk")
    NEIGHBOURHOOD = "neighbourhood", _("buurt")
