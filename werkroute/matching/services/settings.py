"""The functional administrator's switch and weights, and the case manager's shortlist."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from werkroute.accounts.constants import Role
from werkroute.accounts.models import Membership
from werkroute.catalogue.models import Offering
from werkroute.core.models import Municipality
from werkroute.jobseekers.models import JobSeeker
from werkroute.matching import space
from werkroute.matching.engine import PART_CODES
from werkroute.matching.models import MatchingSettings, ShortlistEntry


def settings_for(municipality: Municipality) -> MatchingSettings:
    found = MatchingSettings.objects.filter(municipality=municipality).first()
    return found or MatchingSettings(municipality=municipality)


def administered_municipalities(actor: Any) -> list[Municipality]:
    if actor.is_superuser:
        return list(Municipality.objects.order_by("name"))
    ids = Membership.objects.filter(
        user=actor, role=Role.FUNCTIONAL_ADMIN, municipality__isnull=False
    ).values_list("municipality_id", flat=True)
    return list(Municipality.objects.filter(pk__in=ids).order_by("name"))


def update_settings(
    *, actor: Any, municipality: Municipality, enabled: bool, weights: dict[str, float]
) -> MatchingSettings:
    if municipality not in administered_municipalities(actor):
        raise PermissionDenied
    found = settings_for(municipality)
    found.enabled = enabled
    for code in PART_CODES:
        setattr(found, f"weight_{code}", weights[code])
    found.updated_by_id = actor.pk
    found.full_clean()
    found.save()
    space.forget()
    return found


def add_to_shortlist(
    *, actor: Any, job_seeker: JobSeeker, offering: Offering, score: float | None = None
) -> ShortlistEntry:
    """Keep a vacancy in mind for a person; adding it twice keeps the first."""
    try:
        with transaction.atomic():
            return ShortlistEntry.objects.create(
                job_seeker=job_seeker, offering=offering, added_by=actor, score=score
            )
    except IntegrityError:
        return ShortlistEntry.objects.get(job_seeker=job_seeker, offering=offering)


def remove_from_shortlist(*, actor: Any, entry: ShortlistEntry) -> None:
    entry.delete()
