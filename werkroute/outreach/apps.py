from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "werkroute.outreach"
    verbose_name = _("Uitnodigingscampagnes")

    def ready(self) -> None:
        from werkroute.casework.services._common import register_casework_hook
        from werkroute.jobseekers.exports import register_export_section
        from werkroute.outreach import state
        from werkroute.outreach.exports import campaigns_section
        from werkroute.outreach.services import sync_member_from_casework

        state.register()
        register_casework_hook(sync_member_from_casework)
        register_export_section(campaigns_section)
