"""Background work of matching: Celery tasks when a broker is configured, in-process otherwise."""

from __future__ import annotations

from celery import shared_task

from werkroute.matching import services


@shared_task(name="matching.score_shard", acks_late=True)
def score_shard(run_id: int, first_pk: int, last_pk: int) -> int:
    return services.score_shard(run_id, first_pk, last_pk)


@shared_task(name="matching.update_offering")
def update_offering(offering_id: int) -> int:
    return services.update_offering(offering_id)
