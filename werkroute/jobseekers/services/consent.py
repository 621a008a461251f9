"""The job seeker's own say: consent to share their profile, and correction requests."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from werkroute.core.audit.models import AccessAction
from werkroute.jobseekers import display, queries
from werkroute.jobseekers.constants import ConsentKind, CorrectionStatus
from werkroute.jobseekers.models import (
    Consent,
    CorrectionRequest,
    JobSeeker,
)
from werkroute.jobseekers.services._common import (
    CORRECTABLE_FIELDS,
    audit,
    changing,
    history,
    history_label,
    require_self,
    require_self_or_staff,
    require_staff,
)

# --- Consent and corrections ---------------------------------------------------------------


CONSENT_OBJECT = "jobseekers.consent"


def give_consent(
    *, actor: Any, job_seeker: JobSeeker, kind: str = ConsentKind.SHARE_PROFILE_WITH_EMPLOYERS
) -> Consent:
    """Consent from now on; giving it again while it stands changes nothing (but is audited)."""
    require_self_or_staff(actor, job_seeker)
    with changing(actor, job_seeker, "toestemming geven") as subject:
        consent = queries.active_consent(job_seeker, kind)
        if consent is None:
            consent = Consent.objects.create(
                job_seeker=job_seeker, kind=kind, given_at=timezone.now(), recorded_by_id=actor.pk
            )
            history(job_seeker, actor, "consent", "", history_label(ConsentKind(kind).label))
            action = AccessAction.CHANGE
        else:
            action = AccessAction.VIEW
        audit(actor, job_seeker, subject, action=action, obj_type=CONSENT_OBJECT, obj_id=consent.pk)
    return consent


def withdraw_consent(
    *, actor: Any, job_seeker: JobSeeker, kind: str = ConsentKind.SHARE_PROFILE_WITH_EMPLOYERS
) -> Consent | None:
    """Withdraws the standing consent, if any; from now on nothing is shared on its basis."""
    require_self_or_staff(actor, job_seeker)
    with changing(actor, job_seeker, "toestemming intrekken") as subject:
        current = queries.active_consent(job_seeker, kind)
        if current is None:
            audit(actor, job_seeker, subject, action=AccessAction.VIEW, obj_type=CONSENT_OBJECT)
            return None
        current.withdrawn_at = timezone.now()
        current.save(update_fields=["withdrawn_at"])
        history(job_seeker, actor, "consent", history_label(ConsentKind(kind).label), "")
        audit(
            actor,
            job_seeker,
            subject,
            action=AccessAction.CHANGE,
            obj_type=CONSENT_OBJECT,
            obj_id=current.pk,
        )
    return current


def request_correction(
    *,
    actor: Any,
    job_seeker: JobSeeker,
    field: str,
    proposed_value: str,
    explanation: str = "",
) -> CorrectionRequest:
    """The job seeker asks staff to correct something only staff may change."""
    require_self(actor, job_seeker)
    if field not in CORRECTABLE_FIELDS:
        raise ValidationError({"field": _("Kies wat er niet klopt.")})
    if not proposed_value.strip():
        raise ValidationError({"proposed_value": _("Schrijf op wat het moet zijn.")})
    with changing(actor, job_seeker, "correctie aanvragen") as subject:
        correction = CorrectionRequest.objects.create(
            job_seeker=job_seeker,
            field=field,
            proposed_value=proposed_value.strip(),
            explanation=explanation.strip(),
        )
        history(job_seeker, actor, "corrections", "", history_label(display.field_label(field)))
        audit(
            actor,
            job_seeker,
            subject,
            action=AccessAction.CREATE,
            obj_type="jobseekers.correctionrequest",
            obj_id=correction.pk,
        )
    return correction


def handle_correction(
    *,
    actor: Any,
    job_seeker: JobSeeker,
    correction: CorrectionRequest,
    accept: bool,
    answer: str = "",
) -> CorrectionRequest:
    """Staff answer a correction request; the change itself goes through update_profile."""
    if correction.job_seeker_id != job_seeker.pk:
        raise PermissionDenied
    require_staff(actor, job_seeker)
    if correction.status != CorrectionStatus.OPEN:
        raise ValidationError(_("Dit verzoek is al afgehandeld."))
    status = CorrectionStatus.ACCEPTED if accept else CorrectionStatus.REJECTED
    with changing(actor, job_seeker, "correctie afhandelen") as subject:
        correction.status = status
        correction.answer = answer.strip()
        correction.handled_by_id = actor.pk
        correction.save(update_fields=["status", "answer", "handled_by_id", "updated_at"])
        old = history_label(CorrectionStatus.OPEN.label)
        history(job_seeker, actor, "corrections", old, history_label(status.label))
        audit(
            actor,
            job_seeker,
            subject,
            action=AccessAction.CHANGE,
            obj_type="jobseekers.correctionrequest",
            obj_id=correction.pk,
        )
    return correction
