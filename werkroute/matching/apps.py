from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "werkroute.matching"
    verbose_name = _("matching")

    def ready(self) -> None:
        # Load the Celery app with Django, so tasks bind to it (in-process without a broker).
        import werkroute.celery  # noqa: F401
        from werkroute.matching import hooks

        hooks.connect()
