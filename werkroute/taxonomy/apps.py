from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def load_builtin_taxonomy(sender: AppConfig, **kwargs: Any) -> None:
    """The compact occupation list is part of the product: keep the database in step with it."""
    from werkroute.taxonomy.services import sync_builtin_taxonomy

    sync_builtin_taxonomy(using=kwargs.get("using", "default"))


class TaxonomyConfig(AppConfig):
    name = "werkroute.taxonomy"
    verbose_name = _("Beroepen en sectoren")

    def ready(self) -> None:
        post_migrate.connect(load_builtin_taxonomy, sender=self, dispatch_uid="werkroute_taxonomy")
