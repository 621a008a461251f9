"""Reads that leave a trace: opening a file, searching, exporting, refused attempts."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from werkroute.core.audit.crypto import subject_hash
from werkroute.core.audit.models import AccessAction, AccessOutcome, SubjectType
from werkroute.core.audit.services import DataSubject, processing, record_access
from werkroute.jobseekers import exports, queries
from werkroute.jobseekers.models import (
    JobSeeker,
)
from werkroute.jobseekers.services._common import (
    CHANGE_ACTIVITY,
    FILE_OBJECT,
    SEARCH_LIMIT,
    SUBJECT_ACCESS_ACTIVITY,
    VIEW_ACTIVITY,
    actor_role,
    audit,
    changing,
    default_reason,
    subject_of,
)
from werkroute.jobseekers.validation import (
    clean_bsn,
)

# --- Reading a file ------------------------------------------------------------------------


def view_file(
    actor: Any,
    job_seeker: JobSeeker,
    *,
    reason: str = "",
    action: str = AccessAction.VIEW,
    activity: str = VIEW_ACTIVITY,
    obj_type: str = FILE_OBJECT,
) -> None:
    """Write the access audit for showing (part of) a file; call it for every page that does."""
    if not queries.visible_to(actor).filter(pk=job_seeker.pk).exists():
        raise PermissionDenied
    role = queries.role_for(actor, job_seeker)
    reason = reason or default_reason(actor, job_seeker, role)
    with changing(actor, job_seeker, "dossier bekijken", activity=activity) as subject:
        audit(
            actor,
            job_seeker,
            subject,
            action=action,
            activity=activity,
            obj_type=obj_type,
            reason=reason,
        )


def record_refusal(actor: Any, public_id: Any, *, action: str = AccessAction.VIEW) -> None:
    """A refused attempt to open a file: written with outcome 'denied', the user still gets 404."""
    found = queries.find_by_public_id(public_id)
    role = (queries.role_for(actor, found) if found else "") or actor_role(actor)
    activity = CHANGE_ACTIVITY if action == AccessAction.CHANGE else VIEW_ACTIVITY
    record_access(
        actor=actor,
        role=role,
        action=action,
        obj_type=FILE_OBJECT,
        obj_id=found.public_id if found else None,
        subject=subject_of(found) if found else None,
        activity=activity,
        outcome=AccessOutcome.DENIED,
    )


def search_job_seekers(*, actor: Any, name: str = "", bsn: str = "") -> list[JobSeeker]:
    """Files the actor may open, by exact BSN or by name; every person found is audited."""
    searched = DataSubject(clean_bsn(bsn), SubjectType.BSN) if bsn else None
    found = list(
        queries.search(actor, name=name, bsn_hash=subject_hash(searched.id) if searched else "")[
            :SEARCH_LIMIT
        ]
    )
    subjects = [subject_of(js) for js in found]
    reason = "Zoeken op BSN" if searched else "Zoeken op naam"
    with (
        processing(
            "werkzoekenden zoeken",
            activity=VIEW_ACTIVITY,
            subjects=subjects or ([searched] if searched else []),
            actor=actor,
        ),
        transaction.atomic(),
    ):
        for job_seeker, subject in zip(found, subjects, strict=True):
            audit(
                actor,
                job_seeker,
                subject,
                action=AccessAction.SEARCH,
                activity=VIEW_ACTIVITY,
                reason=reason,
            )
        if not found:
            record_access(
                actor=actor,
                role=actor_role(actor),
                action=AccessAction.SEARCH,
                obj_type=FILE_OBJECT,
                obj_id=None,
                subject=searched,
                activity=VIEW_ACTIVITY,
                outcome=AccessOutcome.ALLOWED,
                reason=reason,
            )
    return found


def export_file(job_seeker: JobSeeker, *, actor: Any, fmt: str = "json") -> dict[str, Any]:
    """Everything held about the person (exports.build_export), with the export audited."""
    if not queries.visible_to(actor).filter(pk=job_seeker.pk).exists():
        raise PermissionDenied
    name = "gegevens downloaden" if fmt == "json" else "gegevens inzien"
    with changing(actor, job_seeker, name, activity=SUBJECT_ACCESS_ACTIVITY) as subject:
        audit(
            actor,
            job_seeker,
            subject,
            action=AccessAction.EXPORT,
            activity=SUBJECT_ACCESS_ACTIVITY,
            reason=f"Inzage door betrokkene ({fmt})",
        )
    return exports.build_export(job_seeker)
