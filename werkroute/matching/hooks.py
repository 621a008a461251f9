"""Wiring: when the catalogue changes a vacancy, its matches follow without a full run."""

from __future__ import annotations

from django.db import transaction

from werkroute.catalogue import services as catalogue_services


def offering_changed(offering_id: int) -> None:
    from werkroute.matching import services, space, tasks

    transaction.on_commit(space.mark_stale)
    if services.has_run():
        transaction.on_commit(lambda: tasks.update_offering.delay(offering_id))


def connect() -> None:
    catalogue_services.register_offering_hook(offering_changed)
