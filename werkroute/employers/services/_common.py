"""What every employers service shares: the audit trail of a person's data in a proposal."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import transaction
from django.utils import translation

from werkroute.accounts.constants import Role
from werkroute.core.audit.models import AccessOutcome
from werkroute.core.audit.services import DataSubject, processing, record_access
from werkroute.employers import queries
from werkroute.employers.models import Proposal, ProposalEvent
from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.jobseekers.models import JobSeeker
from werkroute.jobseekers.services import subject_of

ACTIVITY = "voordracht"
PROPOSAL_OBJECT = "employers.proposal"
PLACEMENT_OBJECT = "employers.placement"
CHECK_OBJECT = "employers.followupcheck"
EMPLOYER_OBJECT = "catalogue.organisation"
AGREEMENT_OBJECT = "employers.workagreement"
EMPLOYER_ROLE = Role.PARTNER_STAFF


def role_of(actor: Any, job_seeker: JobSeeker, *, as_employer: bool = False) -> str:
    if as_employer:
        return EMPLOYER_ROLE
    role = jobseeker_queries.role_for(actor, job_seeker)
    if role:
        return role
    if queries.is_adviser(actor):
        return Role.EMPLOYER_ADVISER
    return ""


@contextmanager
def changing(actor: Any, job_seeker: JobSeeker, name: str) -> Iterator[DataSubject]:
    """A processing span around one transaction; the span records an error after a rollback."""
    subject = subject_of(job_seeker)
    with (
        processing(name, activity=ACTIVITY, subjects=[subject], actor=actor),
        transaction.atomic(),
    ):
        yield subject


def audit(
    actor: Any,
    proposal: Proposal,
    subject: DataSubject,
    *,
    action: str,
    obj_type: str = PROPOSAL_OBJECT,
    obj_id: Any = None,
    as_employer: bool = False,
    reason: str = "",
) -> None:
    record_access(
        actor=actor,
        role=role_of(actor, proposal.job_seeker, as_employer=as_employer),
        action=action,
        obj_type=obj_type,
        obj_id=proposal.public_id if obj_id is None else obj_id,
        subject=subject,
        activity=ACTIVITY,
        outcome=AccessOutcome.ALLOWED,
        reason=reason,
    )


def record_employer_change(actor: Any, *, action: str, obj_type: str, obj_id: Any) -> None:
    """Employer records hold no job seeker's data; their changes still leave an audit row."""
    record_access(
        actor=actor,
        role=Role.EMPLOYER_ADVISER,
        action=action,
        obj_type=obj_type,
        obj_id=obj_id,
        subject=None,
        activity=None,
        outcome=AccessOutcome.ALLOWED,
    )


def event(
    proposal: Proposal, actor: Any, what: Any, *, role: str, old: str = "", new: str = ""
) -> ProposalEvent:
    """One history row; `what` may be a lazy label: it is stored in Dutch, like the audit."""
    with translation.override("nl"):
        what = str(what)
    return ProposalEvent.objects.create(
        proposal=proposal, from_status=old, to_status=new, what=what, actor=actor, actor_role=role
    )
