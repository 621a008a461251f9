"""Referrals to partner organisations: refer with consent, then accept, answer and close (the
partner), decline (the partner, with a reason) or withdraw (the case manager, with a reason).

Every change happens in one transaction inside a processing span ("verwijzing"), with the status
checked again under a row lock, one ReferralEvent and one access-audit entry. Partner staff act
under the role "partner_staff"; they only ever reach referrals to their own organisation.
"""

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkroute.accounts.constants import Role
from werkroute.casework.constants import (
    ALWAYS_SHARED,
    DEFAULT_REFERRAL_ACCEPT_DAYS,
    DEFAULT_REFERRAL_ANSWER_DAYS,
    OPEN_REFERRAL_STATUSES,
    ReferralEventKind,
    ReferralStatus,
    SharedItem,
)
from werkroute.casework.models import Referral, ReferralEvent
from werkroute.casework.queries import referrals as referral_queries
from werkroute.casework.services._common import require_staff
from werkroute.casework.services.referral_mail import (
    notify_case_manager,
    notify_partner_of_new_referral,
)
from werkroute.catalogue import queries as catalogue_queries
from werkroute.catalogue.models import Organisation
from werkroute.core.audit.models import AccessAction, AccessOutcome
from werkroute.core.audit.services import processing, record_access
from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.jobseekers import services as jobseeker_services
from werkroute.jobseekers.models import JobSeeker

REFERRAL_ACTIVITY = "verwijzing"
REFERRAL_OBJECT = "casework.referral"
SYSTEM_ROLE = "system"
MAX_QUESTION_LENGTH = 2000
MAX_TEXT_LENGTH = 5000
WEEKEND = (5, 6)

# Which status may follow which; anything else is refused with a Dutch message.
REFERRAL_TRANSITIONS: dict[str, frozenset[str]] = {
    ReferralStatus.SENT: frozenset(
        {ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.WITHDRAWN}
    ),
    ReferralStatus.ACCEPTED: frozenset({ReferralStatus.ANSWERED, ReferralStatus.WITHDRAWN}),
    ReferralStatus.ANSWERED: frozenset({ReferralStatus.CLOSED}),
    ReferralStatus.CLOSED: frozenset(),
    ReferralStatus.DECLINED: frozenset(),
    ReferralStatus.WITHDRAWN: frozenset(),
}


# --- Dates ---------------------------------------------------------------------------------


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The day `days` working days (Monday to Friday) after `start`."""
    day = start
    left = days
    while left > 0:
        day += dt.timedelta(days=1)
        if day.weekday() not in WEEKEND:
            left -= 1
    return day


def accept_days() -> int:
    return int(getattr(settings, "WERKROUTE_REFERRAL_ACCEPT_DAYS", DEFAULT_REFERRAL_ACCEPT_DAYS))


def answer_days() -> int:
    return int(getattr(settings, "WERKROUTE_REFERRAL_ANSWER_DAYS", DEFAULT_REFERRAL_ANSWER_DAYS))


# --- Audit ---------------------------------------------------------------------------------


def _staff_role(actor: Any, job_seeker: JobSeeker) -> str:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return SYSTEM_ROLE
    return jobseeker_queries.role_for(actor, job_seeker)


@contextmanager
def _recording(
    name: str,
    *,
    actor: Any,
    referral: Referral | None,
    job_seeker: JobSeeker,
    role: str,
    action: str = AccessAction.CHANGE,
) -> Iterator[dict[str, Any]]:
    """One processing span around one transaction, ending with one access-audit entry."""
    subject = jobseeker_services.subject_of(job_seeker)
    recorded: dict[str, Any] = {"obj_id": referral.public_id if referral else None}
    with (
        processing(name, activity=REFERRAL_ACTIVITY, subjects=[subject], actor=actor),
        transaction.atomic(),
    ):
        yield recorded
        record_access(
            actor=actor,
            role=role,
            action=action,
            obj_type=REFERRAL_OBJECT,
            obj_id=recorded["obj_id"],
            subject=subject,
            activity=REFERRAL_ACTIVITY,
            outcome=AccessOutcome.ALLOWED,
        )


def require_partner(actor: Any, referral: Referral) -> None:
    """Only staff of the organisation the referral was sent to may act on it as the partner."""
    own = catalogue_queries.organisations_of(actor).filter(pk=referral.organisation_id)
    if not own.exists():
        raise PermissionDenied


def view_referral_as_partner(*, actor: Any, referral: Referral) -> None:
    """Partner staff open a referral: the shared parts of the file are shown, so audit it."""
    require_partner(actor, referral)
    with _recording(
        "verwijzing bekijken (partner)",
        actor=actor,
        referral=referral,
        job_seeker=referral.job_seeker,
        role=Role.PARTNER_STAFF,
        action=AccessAction.VIEW,
    ):
        pass


def list_referrals_as_partner(*, actor: Any, referrals: Iterable[Referral]) -> None:
    """Partner staff see a list of referrals (names): one entry per person shown."""
    shown = list(referrals)
    subjects = [jobseeker_services.subject_of(r.job_seeker) for r in shown]
    with (
        processing(
            "verwijzingen bekijken (partner)",
            activity=REFERRAL_ACTIVITY,
            subjects=subjects,
            actor=actor,
        ),
        transaction.atomic(),
    ):
        for referral, subject in zip(shown, subjects, strict=True):
            record_access(
                actor=actor,
                role=Role.PARTNER_STAFF,
                action=AccessAction.SEARCH,
                obj_type=REFERRAL_OBJECT,
                obj_id=referral.public_id,
                subject=subject,
                activity=REFERRAL_ACTIVITY,
                outcome=AccessOutcome.ALLOWED,
            )
        if not shown:
            record_access(
                actor=actor,
                role=Role.PARTNER_STAFF,
                action=AccessAction.SEARCH,
                obj_type=REFERRAL_OBJECT,
                obj_id=None,
                subject=None,
                activity=REFERRAL_ACTIVITY,
                outcome=AccessOutcome.ALLOWED,
            )


# --- Referring -----------------------------------------------------------------------------


def _clean_items(shared_items: Iterable[str]) -> list[str]:
    items = set(shared_items)
    unknown = items - set(SharedItem.values)
    if unknown:
        raise ValidationError({"shared_items": _("Kies alleen gegevens uit de lijst.")})
    items |= set(ALWAYS_SHARED)
    return [code for code in SharedItem.values if code in items]


def _check_referral(
    job_seeker: JobSeeker,
    organisation: Organisation | None,
    question: str,
    consent_given_on: dt.date | None,
    today: dt.date,
) -> None:
    errors: dict[str, str] = {}
    if consent_given_on is None:
        errors["consent_given_on"] = _(
            "Zonder toestemming van de werkzoekende kunt u niet doorverwijzen. "
            "Vraag eerst toestemming."
        )
    elif consent_given_on > today:
        errors["consent_given_on"] = _(
            "De datum van de toestemming kan niet in de toekomst liggen."
        )
    if not question:
        errors["question"] = _("Schrijf op wat u de partner vraagt.")
    elif len(question) > MAX_QUESTION_LENGTH:
        errors["question"] = _("Schrijf de vraag korter: hooguit %(max)s tekens.") % {
            "max": MAX_QUESTION_LENGTH
        }
    if (
        organisation is None
        or not referral_queries.partners_for(job_seeker).filter(pk=organisation.pk).exists()
    ):
        errors["organisation"] = _("Kies een partner uit de regio van de werkzoekende.")
    elif Referral.objects.filter(
        job_seeker=job_seeker, organisation=organisation, status__in=OPEN_REFERRAL_STATUSES
    ).exists():
        errors["organisation"] = _(
            "Er loopt al een verwijzing van deze persoon naar deze partner. "
            "Wacht op het antwoord, of trek die verwijzing eerst in."
        )
    if errors:
        raise ValidationError(errors)


def refer_job_seeker(
    *,
    actor: Any,
    job_seeker: JobSeeker,
    organisation: Organisation | None,
    question: str,
    shared_items: Iterable[str] = (),
    consent_given_on: dt.date | None,
    now: dt.datetime | None = None,
) -> Referral:
    """Send a referral to a partner, with the person's consent and only the chosen data."""
    require_staff(actor, job_seeker)
    now = now or timezone.now()
    today = timezone.localdate(now)
    question = (question or "").strip()
    items = _clean_items(shared_items)
    _check_referral(job_seeker, organisation, question, consent_given_on, today)
    assert organisation is not None  # checked above
    referral = Referral(
        job_seeker=job_seeker,
        organisation=organisation,
        referred_by=actor,
        question=question,
        shared_items=items,
        consent_given_on=consent_given_on,
        consent_recorded_by=actor,
        sent_at=now,
        accept_due_on=add_working_days(today, accept_days()),
        answer_due_on=add_working_days(today, answer_days()),
    )
    with _recording(
        "doorverwijzen naar partner",
        actor=actor,
        referral=None,
        job_seeker=job_seeker,
        role=_staff_role(actor, job_seeker),
        action=AccessAction.SHARE,
    ) as recorded:
        referral.save()
        ReferralEvent.objects.create(
            referral=referral,
            kind=ReferralEventKind.SENT,
            to_status=ReferralStatus.SENT,
            actor=actor,
            at=now,
        )
        recorded["obj_id"] = referral.public_id
        notify_partner_of_new_referral(referral)
    return referral


# --- Changing the status -------------------------------------------------------------------


def _status_label(status: str) -> str:
    return str(ReferralStatus(status).label)


def _move(
    referral: Referral,
    to: str,
    *,
    actor: Any,
    name: str,
    role: str,
    note: str = "",
    changes: dict[str, Any] | None = None,
    notify: bool = False,
) -> Referral:
    """Check the status under a row lock, change it, and write the event and the audit entry.
    With notify, the case manager gets an e-mail (without details) once the change is saved."""
    with _recording(
        name, actor=actor, referral=referral, job_seeker=referral.job_seeker, role=role
    ):
        current = (
            Referral.objects.select_for_update()
            .values_list("status", flat=True)
            .get(pk=referral.pk)
        )
        if to not in REFERRAL_TRANSITIONS.get(current, frozenset()):
            raise ValidationError(
                _("Dit kan niet: de verwijzing is nu ‘%(status)s’.")
                % {"status": _status_label(current)},
                code="not_allowed",
            )
        referral.status = to
        for name_, value in (changes or {}).items():
            setattr(referral, name_, value)
        referral.save(update_fields=["status", "updated_at", *(changes or {})])
        ReferralEvent.objects.create(
            referral=referral,
            kind=to,
            from_status=current,
            to_status=to,
            actor=actor,
            note=note,
        )
        if notify:
            notify_case_manager(referral)
    return referral


def _required_text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message}, code="required")
    if len(value) > MAX_TEXT_LENGTH:
        raise ValidationError(
            {field: _("Schrijf het korter: hooguit %(max)s tekens.") % {"max": MAX_TEXT_LENGTH}}
        )
    return value


def accept_referral(*, actor: Any, referral: Referral) -> Referral:
    """The partner takes the referral on."""
    require_partner(actor, referral)
    return _move(
        referral,
        ReferralStatus.ACCEPTED,
        actor=actor,
        name="verwijzing accepteren",
        role=Role.PARTNER_STAFF,
        notify=True,
        changes={"responded_at": timezone.now(), "handled_by": actor},
    )


def decline_referral(*, actor: Any, referral: Referral, reason: str) -> Referral:
    """The partner cannot help; the case manager reads why."""
    require_partner(actor, referral)
    reason = _required_text(reason, "reason", _("Schrijf op waarom u de verwijzing afwijst."))
    return _move(
        referral,
        ReferralStatus.DECLINED,
        actor=actor,
        name="verwijzing afwijzen",
        role=Role.PARTNER_STAFF,
        notify=True,
        note=reason,
        changes={
            "responded_at": timezone.now(),
            "handled_by": actor,
            "status_reason": reason,
            "closed_at": timezone.now(),
        },
    )


def answer_referral(*, actor: Any, referral: Referral, answer: str) -> Referral:
    """The partner answers the case manager's question."""
    require_partner(actor, referral)
    answer = _required_text(answer, "answer", _("Schrijf uw antwoord op."))
    return _move(
        referral,
        ReferralStatus.ANSWERED,
        actor=actor,
        name="verwijzing beantwoorden",
        role=Role.PARTNER_STAFF,
        notify=True,
        note=answer,
        changes={"answer": answer, "answered_at": timezone.now()},
    )


def close_referral(*, actor: Any, referral: Referral, note: str = "") -> Referral:
    """After the answer, the partner or the case manager closes the referral."""
    is_partner = catalogue_queries.organisations_of(actor).filter(pk=referral.organisation_id)
    by_partner = is_partner.exists()
    if by_partner:
        role = Role.PARTNER_STAFF
    else:
        require_staff(actor, referral.job_seeker)
        role = _staff_role(actor, referral.job_seeker)
    return _move(
        referral,
        ReferralStatus.CLOSED,
        actor=actor,
        name="verwijzing afsluiten",
        role=role,
        note=(note or "").strip()[:MAX_TEXT_LENGTH],
        changes={"closed_at": timezone.now()},
        notify=by_partner,
    )


def withdraw_referral(*, actor: Any, referral: Referral, reason: str) -> Referral:
    """The case manager takes the referral back (the person changed their mind, it's solved)."""
    require_staff(actor, referral.job_seeker)
    reason = _required_text(reason, "reason", _("Schrijf op waarom u de verwijzing intrekt."))
    return _move(
        referral,
        ReferralStatus.WITHDRAWN,
        actor=actor,
        name="verwijzing intrekken",
        role=_staff_role(actor, referral.job_seeker),
        note=reason,
        changes={"status_reason": reason, "closed_at": timezone.now()},
    )


# --- Late referrals ------------------------------------------------------------------------


@dataclass(frozen=True)
class OverdueReferral:
    referral: Referral
    kind: str  # "accept" or "answer"
    days_late: int
    newly_flagged: bool


def flag_overdue_referrals(
    *, apply: bool = False, today: dt.date | None = None
) -> list[OverdueReferral]:
    """Every referral the partner is late with. With apply, each gets one 'overdue' event per
    status (so both sides see it in the history); without, nothing is written."""
    today = today or timezone.localdate()
    late = (
        Referral.objects.filter(referral_queries.overdue_q(today))
        .select_related("job_seeker", "organisation")
        .order_by("sent_at", "pk")
    )
    found = []
    for referral in late:
        kind = referral.overdue_kind(today)
        due = referral.accept_due_on if kind == "accept" else referral.answer_due_on
        already = referral.events.filter(
            kind=ReferralEventKind.OVERDUE, to_status=referral.status
        ).exists()
        if apply and not already:
            _flag(referral, kind)
        found.append(OverdueReferral(referral, kind, (today - due).days, not already))
    return found


def _flag(referral: Referral, kind: str) -> None:
    note = (
        "Niet op tijd geaccepteerd of afgewezen."
        if kind == "accept"
        else "Niet op tijd beantwoord."
    )
    with _recording(
        "verwijzing te laat melden",
        actor=None,
        referral=referral,
        job_seeker=referral.job_seeker,
        role=SYSTEM_ROLE,
    ):
        ReferralEvent.objects.create(
            referral=referral,
            kind=ReferralEventKind.OVERDUE,
            from_status=referral.status,
            to_status=referral.status,
            note=note,
        )
        notify_case_manager(referral)
