"""The employer service point reviews vacancies; the municipality chooses whether it must."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from werkroute.accounts.queries import administered_municipalities
from werkroute.catalogue.constants import OfferingStatus
from werkroute.catalogue.models import Offering
from werkroute.catalogue.services import OFFERING_HOOKS
from werkroute.core.audit.models import AccessAction
from werkroute.core.models import Municipality
from werkroute.employers import queries
from werkroute.employers.constants import VacancyReviewStatus
from werkroute.employers.models import EmployerSettings, VacancyReview
from werkroute.employers.services._common import record_employer_change


def update_employer_settings(
    *, actor: Any, municipality: Municipality, review_vacancies: bool
) -> EmployerSettings:
    if not administered_municipalities(actor).filter(pk=municipality.pk).exists():
        raise PermissionDenied
    with transaction.atomic():
        found, _created = EmployerSettings.objects.update_or_create(
            municipality=municipality, defaults={"review_vacancies": review_vacancies}
        )
        record_employer_change(
            actor,
            action=AccessAction.CHANGE,
            obj_type="employers.employersettings",
            obj_id=found.pk,
        )
    return found


def review_vacancy(
    *, actor: Any, offering: Offering, approve: bool, note: str = ""
) -> VacancyReview:
    """An employer adviser of the region approves (publishes) or rejects (back to draft)."""
    if not queries.employers_visible_to(actor).filter(pk=offering.organisation_id).exists():
        raise PermissionDenied
    with transaction.atomic():
        review, _created = VacancyReview.objects.get_or_create(offering=offering)
        review.status = VacancyReviewStatus.APPROVED if approve else VacancyReviewStatus.REJECTED
        review.reviewed_by = actor
        review.reviewed_at = timezone.now()
        review.note = note.strip()[:300]
        review.save()
        offering.status = OfferingStatus.PUBLISHED if approve else OfferingStatus.DRAFT
        offering.save(update_fields=["status", "updated_at"])
        record_employer_change(
            actor,
            action=AccessAction.CHANGE,
            obj_type="catalogue.offering",
            obj_id=offering.public_id,
        )
    for hook in OFFERING_HOOKS:
        hook(offering.pk)
    return review
