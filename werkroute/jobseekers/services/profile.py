"""Registering a job seeker and changing the fields of their file."""

import copy
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from werkroute.accounts.constants import Role
from werkroute.core.audit.crypto import encrypt_subject_id, subject_hash
from werkroute.core.audit.models import AccessAction, AccessOutcome, SubjectType
from werkroute.core.audit.services import DataSubject, processing, record_access
from werkroute.core.fields import ChoiceSetField
from werkroute.core.models import Municipality
from werkroute.jobseekers import display, queries
from werkroute.jobseekers.models import (
    FileChange,
    JobSeeker,
)
from werkroute.jobseekers.services._common import (
    CHANGE_ACTIVITY,
    FILE_OBJECT,
    REGISTRATION_FIELDS,
    SELF_EDITABLE_FIELDS,
    STAFF_EDITABLE_FIELDS,
    TEXT_FIELDS,
    actor_role,
    audit,
    changing,
    duplicate_message,
    history,
    history_text,
    is_self,
    require_staff,
    subject_of,
)
from werkroute.jobseekers.validation import (
    check_profile,
    clean_bsn,
    clean_postcode,
    mask_bsn,
)

# --- Registering and changing the file -----------------------------------------------------


def _normalised(name: str, value: Any) -> Any:
    field = JobSeeker._meta.get_field(name)
    if isinstance(field, ChoiceSetField):
        wanted = set(value or ())
        return [code for code in field.codes if code in wanted]
    if name == "postcode":
        return clean_postcode(value)
    if name in TEXT_FIELDS and isinstance(value, str):
        return value.strip()
    return value


def _normalise_all(values: Mapping[str, Any]) -> dict[str, Any]:
    cleaned, errors = {}, {}
    for name, value in values.items():
        try:
            cleaned[name] = _normalised(name, value)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    return cleaned


def _checked_new_bsn(value: str, *, other_than: JobSeeker | None = None) -> str:
    bsn = clean_bsn(value)
    taken = JobSeeker.objects.filter(bsn_hash=subject_hash(bsn))
    if other_than is not None:
        taken = taken.exclude(pk=other_than.pk)
    if taken.exists():
        raise ValidationError({"bsn": duplicate_message()})
    return bsn


def _refuse_duplicate(actor: Any, bsn: str) -> None:
    """Trying to register a known person says something about them: that is audited too."""
    record_access(
        actor=actor,
        role=actor_role(actor),
        action=AccessAction.CREATE,
        obj_type=FILE_OBJECT,
        obj_id=None,
        subject=DataSubject(bsn, SubjectType.BSN),
        activity=CHANGE_ACTIVITY,
        outcome=AccessOutcome.DENIED,
        reason="Persoon staat al in het systeem",
    )


def _validated_registration(data: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    errors: dict[str, Any] = {}
    values: dict[str, Any] = {}
    bsn = ""
    try:
        bsn = clean_bsn(data.get("bsn", ""))
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        values = _normalise_all({k: data[k] for k in REGISTRATION_FIELDS if k in data})
        check_profile(values)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    return bsn, values


def register_job_seeker(
    *, actor: Any, municipality: Municipality, data: Mapping[str, Any]
) -> JobSeeker:
    """A new file, with the actor as case manager; refuses a bad BSN, date or a known person."""
    if not queries.casework_municipalities(actor).filter(pk=municipality.pk).exists():
        raise PermissionDenied
    bsn, values = _validated_registration(data)
    lookup = subject_hash(bsn)
    if JobSeeker.objects.filter(bsn_hash=lookup).exists():
        _refuse_duplicate(actor, bsn)
        raise ValidationError({"bsn": duplicate_message()})
    job_seeker = JobSeeker(
        municipality=municipality,
        case_manager=data.get("case_manager") or actor,
        bsn_encrypted=encrypt_subject_id(bsn),
        bsn_hash=lookup,
        **values,
    )
    job_seeker.full_clean(validate_unique=False, validate_constraints=False)
    subject = DataSubject(bsn, SubjectType.BSN)
    with processing(
        "werkzoekende inschrijven", activity=CHANGE_ACTIVITY, subjects=[subject], actor=actor
    ):
        try:
            with transaction.atomic():
                job_seeker.save()
                history(job_seeker, actor, "file", "", "ingeschreven")
                audit(actor, job_seeker, subject, action=AccessAction.CREATE)
        except IntegrityError:
            raise ValidationError({"bsn": duplicate_message()}) from None
    return job_seeker


def _allowed_fields(actor: Any, job_seeker: JobSeeker) -> frozenset[str]:
    if is_self(actor, job_seeker):
        return SELF_EDITABLE_FIELDS
    require_staff(actor, job_seeker)
    return STAFF_EDITABLE_FIELDS | {"bsn"}


def _planned_changes(
    job_seeker: JobSeeker, values: Mapping[str, Any]
) -> list[tuple[str, Any, Any]]:
    merged = {name: getattr(job_seeker, name) for name in display.PROFILE_FIELDS} | dict(values)
    check_profile(merged)
    changes = [(n, getattr(job_seeker, n), v) for n, v in values.items()]
    changes = [(n, old, new) for n, old, new in changes if old != new]
    candidate = copy.copy(job_seeker)
    for name, _old, new in changes:
        setattr(candidate, name, new)
    candidate.full_clean(validate_unique=False, validate_constraints=False)
    return changes


def update_profile(
    *, actor: Any, job_seeker: JobSeeker, changes: Mapping[str, Any]
) -> list[FileChange]:
    """Change fields of the file; one history row per field that really changed (old → new).

    A job seeker may change only SELF_EDITABLE_FIELDS of their own file. A "bsn" key with a value
    replaces the BSN (staff only); the history shows it masked.
    """
    allowed = _allowed_fields(actor, job_seeker)
    if set(changes) - allowed:
        raise PermissionDenied
    new_bsn = changes.get("bsn") or ""
    values = _normalise_all({k: v for k, v in changes.items() if k != "bsn"})
    planned = _planned_changes(job_seeker, values)
    bsn = _checked_new_bsn(new_bsn, other_than=job_seeker) if new_bsn else ""
    if bsn and subject_hash(bsn) == job_seeker.bsn_hash:
        bsn = ""
    if not planned and not bsn:
        return []
    rows = []
    with changing(actor, job_seeker, "dossier wijzigen") as old_subject:
        for name, old, new in planned:
            setattr(job_seeker, name, new)
            rows.append(
                history(job_seeker, actor, name, history_text(name, old), history_text(name, new))
            )
        if bsn:
            rows.append(_replace_bsn(actor, job_seeker, old_subject, bsn))
        job_seeker.save()
        audit(actor, job_seeker, subject_of(job_seeker), action=AccessAction.CHANGE)
    return rows


def _replace_bsn(actor: Any, job_seeker: JobSeeker, old: DataSubject, bsn: str) -> FileChange:
    job_seeker.former_bsn_hashes = [*job_seeker.former_bsn_hashes, job_seeker.bsn_hash]
    job_seeker.bsn_encrypted = encrypt_subject_id(bsn)
    job_seeker.bsn_hash = subject_hash(bsn)
    return history(job_seeker, actor, "bsn", mask_bsn(old.id), mask_bsn(bsn))


def assign_case_manager(*, actor: Any, job_seeker: JobSeeker, case_manager: Any) -> JobSeeker:
    """Hand the file to another case manager of the same municipality."""
    require_staff(actor, job_seeker)
    if not case_manager.memberships.filter(
        role=Role.CASE_MANAGER, municipality_id=job_seeker.municipality_id
    ).exists():
        raise ValidationError({"case_manager": _("Kies een klantmanager van deze gemeente.")})
    old = job_seeker.case_manager.get_username() if job_seeker.case_manager else ""
    with changing(actor, job_seeker, "klantmanager wijzigen") as subject:
        job_seeker.case_manager = case_manager
        job_seeker.save(update_fields=["case_manager", "updated_at"])
        history(job_seeker, actor, "case_manager", old, case_manager.get_username())
        audit(actor, job_seeker, subject, action=AccessAction.CHANGE)
    return job_seeker


def link_account(*, actor: Any, job_seeker: JobSeeker, user: Any) -> JobSeeker:
    """Tie a login to the file (after DigiD, or by staff), for the self-service pages."""
    if actor.pk != user.pk:
        require_staff(actor, job_seeker)
    if JobSeeker.objects.filter(user=user).exclude(pk=job_seeker.pk).exists():
        raise ValidationError({"user": _("Dit account hoort al bij een andere werkzoekende.")})
    with changing(actor, job_seeker, "inlogaccount koppelen") as subject:
        job_seeker.user = user
        job_seeker.save(update_fields=["user", "updated_at"])
        history(job_seeker, actor, "user", "", user.get_username())
        audit(actor, job_seeker, subject, action=AccessAction.CHANGE)
    return job_seeker
