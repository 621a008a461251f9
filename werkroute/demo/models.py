"""The mark of a demo database: `werkroute demo` may only ever replace data it made itself."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoSize(models.TextChoices):
    SMALL = "small", _("klein")
    CITY = "city", _("stad")
    LARGE = "large", _("groot")


class DemoRun(models.Model):
    """One run of the demo generator; its presence means every regional record here is synthetic."""

    seed = models.BigIntegerField(_("seed"))
    size = models.CharField(_("omvang"), max_length=8, choices=DemoSize.choices)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("demo-run")
        verbose_name_plural = _("demo-runs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"demo {self.size} (seed {self.seed})"
