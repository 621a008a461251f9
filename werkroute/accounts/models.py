"""Users and their municipal memberships.

Membership of an organisation (partner or employer staff) lives with the organisation in the
catalogue app, because organisations are catalogue records and dependencies point one way.
"""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkroute.accounts.constants import Role
from werkroute.core.models import Municipality, PublicIdModel, Region


class User(PublicIdModel, AbstractUser):
    preferred_language = models.CharField(
        _("voorkeurstaal"),
        max_length=8,
        choices=[("nl", "Nederlands"), ("en", "English")],
        default="nl",
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def has_role(self, role: str) -> bool:
        return self.memberships.filter(role=role).exists()


class Team(models.Model):
    """A team of case managers in one municipality; a team lead sees the team's caseloads."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("naam"), max_length=120)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="unique_team_name")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality})"


class Membership(models.Model):
    """A user's role for one municipality, or for a whole region (municipality left empty)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=32, choices=Role.choices)
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="memberships")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, null=True, blank=True, related_name="memberships"
    )
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="memberships"
    )

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "region", "municipality"], name="unique_membership"
            )
        ]

    def __str__(self) -> str:
        scope = self.municipality or self.region
        return f"{self.user} – {self.get_role_display()} – {scope}"

    def clean(self) -> None:
        if self.municipality_id and self.municipality.region_id != self.region_id:
            raise ValidationError(_("Deze gemeente hoort niet bij deze regio."))
        if self.team_id and self.team.municipality_id != self.municipality_id:
            raise ValidationError(_("Dit team hoort niet bij deze gemeente."))
