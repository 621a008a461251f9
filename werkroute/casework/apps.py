from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "werkroute.casework"
    verbose_name = _("Begeleiding naar werk")

    def ready(self) -> None:
        from werkroute.casework.exports import casework_section
        from werkroute.jobseekers.exports import register_export_section

        register_export_section(casework_section)
