from typing import Any

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def register_sqlite_functions(sender: Any, connection: Any, **kwargs: Any) -> None:
    """SQLite's full-text index is filled by triggers that call our Dutch stemmer."""
    if connection.vendor != "sqlite":
        return
    from werkroute.core.search_index import sqlite_index_stems

    connection.connection.create_function(
        "werkroute_stems", 1, sqlite_index_stems, deterministic=True
    )


def seed_processing_activities(sender: AppConfig, **kwargs: Any) -> None:
    """The built-in lines of the register of processing activities; also after a test flush."""
    from werkroute.core.audit.models import BUILTIN_ACTIVITIES, ProcessingActivity

    using = kwargs.get("using", "default")
    for definition in BUILTIN_ACTIVITIES:
        ProcessingActivity.objects.using(using).get_or_create(
            code=definition["code"], defaults=definition
        )


class CoreConfig(AppConfig):
    name = "werkroute.core"
    verbose_name = _("Regio en geografie")

    def ready(self) -> None:
        connection_created.connect(register_sqlite_functions, dispatch_uid="werkroute_sqlite_fns")
        post_migrate.connect(
            seed_processing_activities, sender=self, dispatch_uid="werkroute_activities"
        )
