"""The employer service point's review of vacancies, as a publish gate of the catalogue.

When a municipality wants it (EmployerSettings.review_vacancies), a vacancy an employer publishes
waits for an employer adviser's review before it appears on the route map.
"""

from werkroute.catalogue.constants import JOB_KINDS, OfferingStatus, OrganisationKind
from werkroute.catalogue.models import Offering
from werkroute.employers.constants import VacancyReviewStatus
from werkroute.employers.models import EmployerSettings, VacancyReview


def review_required(offering: Offering) -> bool:
    if (
        offering.kind not in JOB_KINDS
        or OrganisationKind.EMPLOYER not in offering.organisation.kinds
    ):
        return False
    municipality_id = offering.location.municipality_id if offering.location_id else None
    if municipality_id is None:
        return False
    return EmployerSettings.objects.filter(
        municipality_id=municipality_id, review_vacancies=True
    ).exists()


def review_gate(offering: Offering) -> str | None:
    """Publish gate: an employer's vacancy waits for review unless the WSP approved it."""
    if not review_required(offering):
        return None
    review = VacancyReview.objects.filter(offering=offering).first()
    if review is not None and review.status == VacancyReviewStatus.APPROVED:
        return None
    if review is None:
        VacancyReview.objects.create(offering=offering)
    elif review.status != VacancyReviewStatus.PENDING:
        review.status = VacancyReviewStatus.PENDING
        review.save(update_fields=["status"])
    return OfferingStatus.PENDING_REVIEW
