"""Retention: a file is anonymised a set number of years after the benefit ends.

The rule: files whose benefit ended more than settings.WERKROUTE_RETENTION_YEARS years ago
(default 10, as the Participatiewet asks) and that are not anonymised yet. Anonymising keeps what
statistics need (municipality, benefit type and dates, education, year of birth, statuses and
dates of casework) and removes what identifies or describes the person: names, BSN, contact
details, day and month of birth, the login link, free text in the file and in the records that
hang off it, and the file's change history. The audit logs stay as they are: they hold encrypted
ids only and are kept under their own rule.

A dry run (the default) changes nothing; every run, dry or real, is recorded as a RetentionRun.
The scheduled task is `werkroute apply-retention` (add --apply to really anonymise).

Records of other apps that hold free text about a person are listed in FREE_TEXT by model label,
so this module imports no app above it; an app adds its own with register_free_text().
"""

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from werkroute.core.audit.models import AccessAction, AccessOutcome
from werkroute.core.audit.services import processing, record_access
from werkroute.jobseekers.models import FileChange, JobSeeker, RetentionRun
from werkroute.jobseekers.services import subject_of

ACTIVITY = "bewaartermijn"
ANONYMISED_NAME = "Geanonimiseerd"
SCHEDULED = "scheduled"
SYSTEM_ROLE = "system"
# An anonymised file's BSN hash: random, unique, and recognisably no keyed hash of a BSN.
HASH_PREFIX = "anon-"
HASH_RANDOM_BYTES = 29


@dataclass(frozen=True)
class FreeText:
    """Free-text fields of a model that say something about a person, and the path to them."""

    model: str
    path: str
    fields: tuple[str, ...]


FREE_TEXT: list[FreeText] = [
    FreeText("jobseekers.Obstacle", "job_seeker", ("impact",)),
    FreeText("jobseekers.Ambition", "job_seeker", ("note",)),
    FreeText("jobseekers.WorkExperience", "job_seeker", ("description",)),
    FreeText(
        "jobseekers.CorrectionRequest", "job_seeker", ("proposed_value", "explanation", "answer")
    ),
    FreeText(
        "casework.Conversation",
        "job_seeker",
        ("talents", "needs", "ambitions", "obstacles_note", "agreements", "next_steps"),
    ),
    FreeText("casework.Goal", "job_seeker", ("description",)),
    FreeText("casework.Action", "goal__job_seeker", ("description",)),
    FreeText("casework.Appointment", "job_seeker", ("place",)),
    FreeText("casework.RouteStep", "job_seeker", ("title", "status_reason")),
    FreeText("casework.Referral", "job_seeker", ("question", "answer")),
    FreeText("casework.ReferralEvent", "referral__job_seeker", ("note",)),
    FreeText("employers.Proposal", "job_seeker", ("motivation", "decline_explanation")),
    FreeText("employers.FollowUpCheck", "placement__proposal__job_seeker", ("note",)),
]
# Records whose status changes are logged as casework Transitions (with a free-text reason).
STATUS_LOGGED: list[FreeText] = [
    FreeText("casework.Appointment", "job_seeker", ()),
    FreeText("casework.RouteStep", "job_seeker", ()),
    FreeText("outreach.CampaignMember", "job_seeker", ()),
]
TRANSITION_MODEL = "casework.Transition"


def register_free_text(model: str, path: str, fields: tuple[str, ...]) -> None:
    """For apps above this one: blank these fields too when a file is anonymised."""
    FREE_TEXT.append(FreeText(model, path, fields))


@dataclass
class RetentionResult:
    run: RetentionRun
    job_seekers: list[JobSeeker]


# --- The rule ------------------------------------------------------------------------------


def rule_years() -> int:
    years = int(settings.WERKROUTE_RETENTION_YEARS)
    if years < 1:
        raise ImproperlyConfigured("WERKROUTE_RETENTION_YEARS must be at least 1")
    return years


def cutoff_for(today: dt.date, years: int) -> dt.date:
    """The same day `years` earlier (29 February becomes 28 February)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def due(today: dt.date, years: int) -> QuerySet[JobSeeker]:
    """Files whose benefit ended more than `years` years before `today`, not anonymised yet."""
    return JobSeeker.objects.filter(
        anonymised_at__isnull=True, benefit_end__lt=cutoff_for(today, years)
    ).order_by("pk")


# --- Anonymising ---------------------------------------------------------------------------


def _model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _blank_free_text(job_seeker: JobSeeker) -> None:
    for item in FREE_TEXT:
        model = _model(item.model)
        if model is not None:
            model._default_manager.filter(**{item.path: job_seeker}).update(
                **dict.fromkeys(item.fields, "")
            )


def _blank_transition_reasons(job_seeker: JobSeeker) -> None:
    transition = _model(TRANSITION_MODEL)
    if transition is None:
        return
    for item in STATUS_LOGGED:
        model = _model(item.model)
        if model is None:
            continue
        ids = model._default_manager.filter(**{item.path: job_seeker}).values("public_id")
        transition._default_manager.filter(
            model_label=model._meta.label_lower, object_id__in=ids
        ).update(reason="")


def _random_token() -> str:
    return HASH_PREFIX + secrets.token_hex(HASH_RANDOM_BYTES)


def anonymise(job_seeker: JobSeeker, now: dt.datetime) -> None:
    """Remove what identifies or describes the person; keep what statistics need."""
    job_seeker.first_name = ""
    job_seeker.last_name = ANONYMISED_NAME
    job_seeker.bsn_encrypted = ""
    job_seeker.bsn_hash = _random_token()
    job_seeker.former_bsn_hashes = []
    job_seeker.email = job_seeker.phone = job_seeker.postcode = ""
    job_seeker.date_of_birth = dt.date(job_seeker.date_of_birth.year, 1, 1)
    job_seeker.talents = job_seeker.support_needed = ""
    job_seeker.user = None
    job_seeker.anonymised_at = now
    job_seeker.save()
    FileChange.objects.filter(job_seeker=job_seeker).delete()
    _blank_free_text(job_seeker)
    _blank_transition_reasons(job_seeker)


def _record(actor: Any, job_seeker: JobSeeker, subject: Any, years: int) -> None:
    record_access(
        actor=actor,
        role=SYSTEM_ROLE,
        action=AccessAction.DELETE,
        obj_type="jobseekers.jobseeker",
        obj_id=job_seeker.public_id,
        subject=subject,
        activity=ACTIVITY,
        outcome=AccessOutcome.ALLOWED,
        reason=f"Bewaartermijn verstreken: {years} jaar na einde uitkering",
    )


def _actor_label(actor: Any) -> str:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return SCHEDULED
    return actor.get_username()


def _run(now: dt.datetime, years: int, cutoff: dt.date, dry_run: bool, count: int, actor: Any):
    return RetentionRun.objects.create(
        ran_at=now,
        rule_years=years,
        cutoff=cutoff,
        dry_run=dry_run,
        count=count,
        actor_id=getattr(actor, "pk", None),
        actor_label=_actor_label(actor),
    )


def apply_retention(
    now: dt.datetime | None = None, *, dry_run: bool = True, actor: Any = None
) -> RetentionResult:
    """Apply the rule once. A dry run lists what is due and changes nothing but its own record;
    a real run anonymises every due file in one transaction, each in the logs."""
    now = now or timezone.now()
    years = rule_years()
    today = timezone.localdate(now)
    cutoff = cutoff_for(today, years)
    found = list(due(today, years))
    if dry_run:
        return RetentionResult(_run(now, years, cutoff, True, len(found), actor), found)
    subjects = [subject_of(job_seeker) for job_seeker in found]
    with (
        processing("bewaartermijn toepassen", activity=ACTIVITY, subjects=subjects, actor=actor),
        transaction.atomic(),
    ):
        locked = set(
            due(today, years)
            .select_for_update()
            .filter(pk__in=[js.pk for js in found])
            .values_list("pk", flat=True)
        )
        done = []
        for job_seeker, subject in zip(found, subjects, strict=True):
            if job_seeker.pk in locked:
                anonymise(job_seeker, now)
                _record(actor, job_seeker, subject, years)
                done.append(job_seeker)
        run = _run(now, years, cutoff, False, len(done), actor)
    return RetentionResult(run, done)
