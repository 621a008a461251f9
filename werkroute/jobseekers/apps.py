from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobseekersConfig(AppConfig):
    name = "werkroute.jobseekers"
    verbose_name = _("Werkzoekenden")
