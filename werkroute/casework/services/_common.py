"""What the casework services share: access checked again, dates checked."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.jobseekers.models import JobSeeker


def require_staff(actor: Any, job_seeker: JobSeeker) -> None:
    """Only staff who work with this person may write casework for them."""
    if not jobseeker_queries.staff_visible_to(actor).filter(pk=job_seeker.pk).exists():
        raise PermissionDenied


def not_in_past(value: dt.date | None, field_name: str, today: dt.date) -> None:
    if value is not None and value < today:
        raise ValidationError({field_name: _("Deze datum kan niet in het verleden liggen.")})
