from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployersConfig(AppConfig):
    name = "werkroute.employers"
    verbose_name = _("Werkgevers en voordrachten")

    def ready(self) -> None:
        from werkroute.catalogue.services import register_publish_gate
        from werkroute.employers.review import review_gate

        register_publish_gate(review_gate)
