"""What the casework services share: access checked again, dates checked."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.jobseekers.models import JobSeeker

# Apps above case work (outreach campaigns) follow what happens here: a conversation held or an
# appointment planned moves a campaign member on. They register a hook; case work calls it after
# each change, in the same transaction, without importing them.
CaseworkHook = Callable[..., None]
CASEWORK_HOOKS: list[CaseworkHook] = []


def register_casework_hook(hook: CaseworkHook) -> None:
    if hook not in CASEWORK_HOOKS:
        CASEWORK_HOOKS.append(hook)


def after_casework_change(job_seeker: JobSeeker, *, actor: Any) -> None:
    for hook in CASEWORK_HOOKS:
        hook(job_seeker, actor=actor)


def require_staff(actor: Any, job_seeker: JobSeeker) -> None:
    """Only staff who work with this person may write casework for them."""
    if not jobseeker_queries.staff_visible_to(actor).filter(pk=job_seeker.pk).exists():
        raise PermissionDenied


def not_in_past(value: dt.date | None, field_name: str, today: dt.date) -> None:
    if value is not None and value < today:
        raise ValidationError({field_name: _("Deze datum kan niet in het verleden liggen.")})
