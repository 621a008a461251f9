"""The audit trail of casework: a processing span around each write, an access entry inside.

Reads use werkroute.jobseekers.services.view_file (the shared way to audit showing part of a
file); writes use recording() below, which keeps the change and its access entry in one
transaction, inside a processing span that records an error after a rollback.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from werkroute.core.audit.models import AccessAction, AccessOutcome
from werkroute.core.audit.services import DataSubject, processing, record_access
from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.jobseekers import services as jobseeker_services
from werkroute.jobseekers.models import JobSeeker

CONVERSATION_ACTIVITY = "intake-gesprek"
APPOINTMENT_ACTIVITY = "afspraken"
ROUTE_ACTIVITY = "routeplan"
FILE_ACTIVITY = "dossier-inzien"


@dataclass
class Recorded:
    """What the access entry names; the code inside recording() fills in the new object's id."""

    obj_type: str
    obj_id: Any = None
    action: str = AccessAction.CHANGE


@contextmanager
def recording(
    name: str,
    *,
    actor: Any,
    job_seeker: JobSeeker,
    activity: str,
    obj_type: str,
    obj_id: Any = None,
    action: str = AccessAction.CHANGE,
) -> Iterator[Recorded]:
    """One processing span around one transaction, ending with one access-audit entry."""
    subject = jobseeker_services.subject_of(job_seeker)
    recorded = Recorded(obj_type=obj_type, obj_id=obj_id, action=action)
    with (
        processing(name, activity=activity, subjects=[subject], actor=actor),
        transaction.atomic(),
    ):
        yield recorded
        _record(actor, job_seeker, subject, recorded, activity)


def _record(
    actor: Any, job_seeker: JobSeeker, subject: DataSubject, recorded: Recorded, activity: str
) -> None:
    record_access(
        actor=actor,
        role=_role(actor, job_seeker),
        action=recorded.action,
        obj_type=recorded.obj_type,
        obj_id=recorded.obj_id,
        subject=subject,
        activity=activity,
        outcome=AccessOutcome.ALLOWED,
    )


def _role(actor: Any, job_seeker: JobSeeker) -> str:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return "system"
    return jobseeker_queries.role_for(actor, job_seeker)


def record_view(actor: Any, job_seeker: JobSeeker, *, activity: str, obj_type: str) -> None:
    """Showing part of a person's file: one access entry inside a processing span."""
    jobseeker_services.view_file(actor, job_seeker, activity=activity, obj_type=obj_type)


def record_list(
    actor: Any, job_seekers: list[JobSeeker], *, obj_type: str, name: str = "caseload bekijken"
) -> None:
    """Showing a list of persons (a caseload page): one entry per person shown.

    A list without persons (an empty page, the team lead's counts) still leaves one entry.
    """
    subjects = [jobseeker_services.subject_of(js) for js in job_seekers]
    with (
        processing(name, activity=FILE_ACTIVITY, subjects=subjects, actor=actor),
        transaction.atomic(),
    ):
        for job_seeker, subject in zip(job_seekers, subjects, strict=True):
            record_access(
                actor=actor,
                role=_role(actor, job_seeker),
                action=AccessAction.SEARCH,
                obj_type=obj_type,
                obj_id=job_seeker.public_id,
                subject=subject,
                activity=FILE_ACTIVITY,
                outcome=AccessOutcome.ALLOWED,
            )
        if not job_seekers:
            record_access(
                actor=actor,
                role="",
                action=AccessAction.SEARCH,
                obj_type=obj_type,
                obj_id=None,
                subject=None,
                activity=FILE_ACTIVITY,
                outcome=AccessOutcome.ALLOWED,
            )


def record_refusal(actor: Any, job_seeker_public_id: Any) -> None:
    """A refused attempt, outcome 'denied' (the user still sees 404); None when nobody's."""
    if getattr(actor, "is_authenticated", False):
        jobseeker_services.record_refusal(actor, job_seeker_public_id)


def record_event(
    name: str,
    *,
    actor: Any,
    job_seeker: JobSeeker,
    activity: str,
    obj_type: str,
    obj_id: Any,
    action: str,
) -> None:
    """Something done with a person's data that changes no record (a reminder sent)."""
    with recording(
        name,
        actor=actor,
        job_seeker=job_seeker,
        activity=activity,
        obj_type=obj_type,
        obj_id=obj_id,
        action=action,
    ):
        pass
