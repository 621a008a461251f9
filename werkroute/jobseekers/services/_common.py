"""What every service shares: constants, the data subject, access checks, the audit trail."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from werkroute.accounts.constants import Role
from werkroute.core.audit.crypto import decrypt_subject_id
from werkroute.core.audit.models import AccessOutcome, SubjectType
from werkroute.core.audit.services import DataSubject, processing, record_access
from werkroute.jobseekers import display, queries
from werkroute.jobseekers.models import (
    FileChange,
    JobSeeker,
)
from werkroute.jobseekers.validation import (
    mask_bsn,
)

VIEW_ACTIVITY = "dossier-inzien"
CHANGE_ACTIVITY = "dossier-wijzigen"
SUBJECT_ACCESS_ACTIVITY = "inzageverzoek"
FILE_OBJECT = "jobseekers.jobseeker"
SEARCH_LIMIT = 50
HISTORY_LANGUAGE = "nl"

REGISTRATION_FIELDS = (
    "first_name",
    "last_name",
    "date_of_birth",
    "email",
    "phone",
    "postcode",
    "benefit_type",
    "benefit_start",
)
# What a job seeker may change without asking; everything else goes through a correction request.
SELF_EDITABLE_FIELDS = frozenset(
    {
        "email",
        "phone",
        "hours_min",
        "hours_max",
        "available_days",
        "shifts",
        "travel_radius_km",
        "travel_means",
        "talents",
    }
)
STAFF_EDITABLE_FIELDS = frozenset(display.PROFILE_FIELDS)
CORRECTABLE_FIELDS = ("bsn", *(f for f in display.PROFILE_FIELDS if f not in SELF_EDITABLE_FIELDS))
TEXT_FIELDS = frozenset({"first_name", "last_name", "email", "phone", "talents", "support_needed"})


def duplicate_message() -> str:
    return _("Deze persoon staat al in het systeem. Zoek de persoon op met het BSN.")


# --- Subjects and roles --------------------------------------------------------------------


def subject_of(job_seeker: JobSeeker) -> DataSubject:
    """The data subject for the processing log and the access audit: the person's BSN."""
    if job_seeker.bsn_encrypted:
        return DataSubject(decrypt_subject_id(job_seeker.bsn_encrypted), SubjectType.BSN)
    return DataSubject.internal(job_seeker.public_id)


def masked_bsn(job_seeker: JobSeeker) -> str:
    if not job_seeker.bsn_encrypted:
        return ""
    return mask_bsn(decrypt_subject_id(job_seeker.bsn_encrypted))


def is_self(actor: Any, job_seeker: JobSeeker) -> bool:
    return job_seeker.user_id is not None and job_seeker.user_id == actor.pk


def require_staff(actor: Any, job_seeker: JobSeeker) -> None:
    if not queries.staff_visible_to(actor).filter(pk=job_seeker.pk).exists():
        raise PermissionDenied


def require_self(actor: Any, job_seeker: JobSeeker) -> None:
    if not is_self(actor, job_seeker):
        raise PermissionDenied


def require_self_or_staff(actor: Any, job_seeker: JobSeeker) -> None:
    if not is_self(actor, job_seeker):
        require_staff(actor, job_seeker)


def actor_role(actor: Any) -> str:
    """The role to write when no file is at hand (a search without hits, a refused attempt)."""
    if getattr(actor, "is_superuser", False):
        return queries.SUPERUSER_ROLE
    memberships = getattr(actor, "memberships", None)
    if memberships is None:
        return ""
    roles = list(memberships.values_list("role", flat=True))
    for role in (*queries.CASEWORK_ROLES, *roles):
        if role in roles:
            return role
    return ""


def default_reason(actor: Any, job_seeker: JobSeeker, role: str) -> str:
    # Stored text of the audit: always Dutch, whatever language the user reads.
    if role == Role.JOB_SEEKER:
        return "Eigen gegevens bekijken"
    if job_seeker.case_manager_id == actor.pk:
        return "Begeleiding van eigen klant"
    if role == Role.TEAM_LEAD:
        return "Teamleiding"
    if role == Role.CASE_MANAGER:
        return "Begeleiding van een klant van het team"
    return "Beheer"


# --- Writing the trail ---------------------------------------------------------------------


def audit(
    actor: Any,
    job_seeker: JobSeeker,
    subject: DataSubject,
    *,
    action: str,
    activity: str = CHANGE_ACTIVITY,
    obj_type: str = FILE_OBJECT,
    obj_id: Any = None,
    reason: str = "",
) -> None:
    record_access(
        actor=actor,
        role=queries.role_for(actor, job_seeker),
        action=action,
        obj_type=obj_type,
        obj_id=job_seeker.public_id if obj_id is None else obj_id,
        subject=subject,
        activity=activity,
        outcome=AccessOutcome.ALLOWED,
        reason=reason,
    )


@contextmanager
def changing(
    actor: Any, job_seeker: JobSeeker, name: str, *, activity: str = CHANGE_ACTIVITY
) -> Iterator[DataSubject]:
    """A processing span around one transaction; the span records an error after a rollback."""
    subject = subject_of(job_seeker)
    with (
        processing(name, activity=activity, subjects=[subject], actor=actor),
        transaction.atomic(),
    ):
        yield subject


def history(job_seeker: JobSeeker, actor: Any, field: str, old: str, new: str) -> FileChange:
    return FileChange.objects.create(
        job_seeker=job_seeker, field=field, old_value=old, new_value=new, actor_id=actor.pk
    )


def history_text(name: str, value: Any) -> str:
    with translation.override(HISTORY_LANGUAGE):
        return display.value_text(name, value)


def history_label(label: Any) -> str:
    """A (lazy) label as stored text in the history: always in Dutch."""
    with translation.override(HISTORY_LANGUAGE):
        return str(label)
