from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubsidiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "werkroute.subsidies"
    verbose_name = _("Regelingen")

    def ready(self) -> None:
        # Registers the system check that reads every rule file at start.
        from werkroute.subsidies import checks  # noqa: F401
