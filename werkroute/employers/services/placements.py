"""Hiring a candidate (the placement) and checking after 6 and 12 months that it lasted."""

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkroute.catalogue.constants import ContractType
from werkroute.core.audit.models import AccessAction
from werkroute.core.audit.services import DataSubject
from werkroute.employers import queries
from werkroute.employers.constants import (
    FOLLOW_UP_LEAD_DAYS,
    FOLLOW_UP_MONTHS,
    Instrument,
    Outflow,
    ProposalStatus,
)
from werkroute.employers.models import FollowUpCheck, Placement, Proposal
from werkroute.employers.services._common import (
    CHECK_OBJECT,
    PLACEMENT_OBJECT,
    audit,
    changing,
    event,
    role_of,
)
from werkroute.employers.services.proposals import check_transition

PLACEMENT_FIELDS = (
    "start_date",
    "contract_type",
    "hours_per_week",
    "wage",
    "wage_period",
    "instruments",
    "outflow",
)


def _placement_errors(proposal: Proposal, data: Mapping[str, Any]) -> dict[str, str]:
    """The rules of a placement's own fields, in Dutch; empty when all is well."""
    errors: dict[str, str] = {}
    start = data.get("start_date")
    if start is None:
        errors["start_date"] = _("Vul de startdatum in.")
    elif start < proposal.proposed_on:
        errors["start_date"] = _(
            "De startdatum ligt voor de datum van de voordracht (%(date)s). Kies een latere datum."
        ) % {"date": formats.date_format(proposal.proposed_on, "j F Y")}
    if not data.get("contract_type"):
        errors["contract_type"] = _("Kies het soort contract.")
    hours = data.get("hours_per_week")
    if not hours or hours < 1 or hours > 60:
        errors["hours_per_week"] = _("Vul het aantal uren per week in (1 tot 60).")
    if any(code not in Instrument.values for code in data.get("instruments") or []):
        errors["instruments"] = _("Kies alleen instrumenten uit de lijst.")
    if data.get("outflow") and data["outflow"] not in Outflow.values:
        errors["outflow"] = _("Kies hoe de persoon uitstroomt.")
    if data.get("contract_type") and data["contract_type"] not in ContractType.values:
        errors["contract_type"] = _("Kies het soort contract uit de lijst.")
    return errors


def _check_placement(proposal: Proposal, data: Mapping[str, Any]) -> None:
    errors = _placement_errors(proposal, data)
    if not queries.reveals_identity(proposal) and not errors:
        errors["__all__"] = _(
            "Aannemen kan pas als de werkzoekende en de klantmanager akkoord zijn en de "
            "werkgever de kandidaat heeft uitgenodigd."
        )
    if errors:
        raise ValidationError(errors)


def hire_candidate(
    *, actor: Any, proposal: Proposal, data: Mapping[str, Any], as_employer: bool = False
) -> Placement:
    """The candidate is hired: the proposal's last status and its placement, in one go."""
    if as_employer:
        allowed = queries.proposals_for_employer(actor).filter(pk=proposal.pk).exists()
    else:
        allowed = queries.proposals_for_staff(actor).filter(pk=proposal.pk).exists()
    if not allowed:
        raise PermissionDenied
    check_transition(proposal, ProposalStatus.HIRED)
    _check_placement(proposal, data)
    old = proposal.status
    role = role_of(actor, proposal.job_seeker, as_employer=as_employer)
    with changing(actor, proposal.job_seeker, "plaatsing vastleggen") as subject:
        # A placement cancelled earlier as a mistake is taken up again (one per proposal); its
        # cancellation stays in the proposal's history and in the audit log.
        placement = Placement.objects.filter(proposal=proposal).first() or Placement(
            proposal=proposal
        )
        placement.recorded_by = actor
        placement.cancelled_at, placement.cancelled_by, placement.cancel_reason = None, None, ""
        for name in PLACEMENT_FIELDS:
            if data.get(name) not in (None, ""):
                setattr(placement, name, data[name])
        placement.full_clean()
        placement.save()
        _move_open_checks(placement)
        proposal.status = ProposalStatus.HIRED
        proposal.save(update_fields=["status", "updated_at"])
        event(proposal, actor, ProposalStatus.HIRED.label, role=role, old=old, new=proposal.status)
        _audit_placement(actor, placement, subject, AccessAction.CREATE, as_employer)
    return placement


def _audit_placement(
    actor: Any,
    placement: Placement,
    subject: DataSubject,
    action: str,
    as_employer: bool,
    reason: str = "",
) -> None:
    """An access to the person's data through one of their placements."""
    audit(
        actor,
        placement.proposal,
        subject,
        action=action,
        obj_type=PLACEMENT_OBJECT,
        obj_id=placement.public_id,
        as_employer=as_employer,
        reason=reason,
    )


def _adviser_for(placement: Placement) -> Any:
    proposal = placement.proposal
    profile = getattr(proposal.offering.organisation, "employer_profile", None)
    if profile is not None and profile.account_manager_id:
        return profile.account_manager
    return proposal.proposed_by


def plan_follow_up_checks(
    *, actor: Any = None, today: dt.date | None = None
) -> list[FollowUpCheck]:
    """Put every 6- and 12-month check due within FOLLOW_UP_LEAD_DAYS on an adviser's list.

    Idempotent: a check that is already planned is left alone. Run daily by the scheduler
    (`werkroute plan-follow-up-checks`); `actor` is None there.
    """
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=FOLLOW_UP_LEAD_DAYS)
    planned = []
    # Six months are at least 181 days: anything that started later is not due yet.
    candidates = (
        Placement.objects.active()
        .filter(
            start_date__lte=horizon - dt.timedelta(days=181),
            proposal__job_seeker__anonymised_at__isnull=True,
        )
        .select_related(
            "proposal__offering__organisation__employer_profile", "proposal__job_seeker"
        )
    )
    for placement in candidates:
        existing = set(placement.checks.values_list("months", flat=True))
        for months in FOLLOW_UP_MONTHS:
            due = placement.due_date(months)
            if months in existing or due > horizon:
                continue
            with changing(
                actor, placement.proposal.job_seeker, "controle duurzame plaatsing plannen"
            ):
                check = FollowUpCheck.objects.create(
                    placement=placement, months=months, due_on=due, adviser=_adviser_for(placement)
                )
            planned.append(check)
    return planned


def open_checks(actor: Any, *, today: dt.date | None = None) -> Any:
    """The actor's list: checks planned for them (or anyone they may see), not yet done."""
    return (
        queries.follow_up_checks_for(actor)
        .filter(checked_on__isnull=True)
        .filter(
            Q(adviser=actor) | Q(adviser__isnull=True) | Q(placement__proposal__proposed_by=actor)
        )
    )


def record_follow_up_check(
    *, actor: Any, check: FollowUpCheck, still_employed: bool | None, note: str = ""
) -> FollowUpCheck:
    if not queries.follow_up_checks_for(actor).filter(pk=check.pk).exists():
        raise PermissionDenied
    if still_employed is None:
        raise ValidationError(
            {"still_employed": _("Kies of de persoon nog bij de werkgever werkt.")}
        )
    if check.checked_on is not None:
        raise ValidationError(_("Deze controle is al gedaan."))
    proposal = check.placement.proposal
    with changing(actor, proposal.job_seeker, "controle duurzame plaatsing") as subject:
        check.checked_on = timezone.localdate()
        check.still_employed = still_employed
        check.note = note.strip()[:300]
        check.checked_by = actor
        check.save()
        what = format_lazy(
            "{} {}",
            check.months,
            gettext_lazy("maanden na start: werkt nog")
            if still_employed
            else gettext_lazy("maanden na start: werkt er niet meer"),
        )
        event(proposal, actor, what, role=role_of(actor, proposal.job_seeker))
        audit(
            actor,
            proposal,
            subject,
            action=AccessAction.CHANGE,
            obj_type=CHECK_OBJECT,
            obj_id=check.public_id,
        )
    return check


# --- Correcting and cancelling ---------------------------------------------------------------


def _require_placement_access(actor: Any, placement: Placement, *, as_employer: bool) -> None:
    proposal = placement.proposal
    if as_employer:
        allowed = queries.proposals_for_employer(actor).filter(pk=proposal.pk).exists()
    else:
        allowed = queries.proposals_for_staff(actor).filter(pk=proposal.pk).exists()
    if not allowed:
        raise PermissionDenied


def _move_open_checks(placement: Placement) -> None:
    """Checks not done yet follow the (new) start date; checks already done keep theirs."""
    for check in placement.checks.filter(checked_on__isnull=True):
        due = placement.due_date(check.months)
        if check.due_on != due:
            check.due_on = due
            check.save(update_fields=["due_on"])


def _normal(name: str, value: Any) -> Any:
    if name == "wage":
        return None if value in (None, "") else Decimal(str(value))
    if name == "instruments":
        return sorted(value or [])
    return value


def _changed_fields(placement: Placement, data: Mapping[str, Any]) -> list[str]:
    return [
        name
        for name in PLACEMENT_FIELDS
        if _normal(name, getattr(placement, name)) != _normal(name, data.get(name))
    ]


def update_placement(
    *, actor: Any, placement: Placement, data: Mapping[str, Any], as_employer: bool = False
) -> Placement:
    """Correct a placement's start date, contract, hours, wage, instruments or uitstroom.

    The same rules as when it was entered (not before the proposal, hours 1 to 60, ...): one
    wrong field and nothing is saved. The work agreement's progress is computed from the
    placements, so it follows; follow-up checks not done yet move with the start date.
    """
    _require_placement_access(actor, placement, as_employer=as_employer)
    proposal = placement.proposal
    if placement.is_cancelled:
        raise ValidationError(_("Deze plaatsing is geschrapt. Wijzigen kan niet meer."))
    merged = {name: getattr(placement, name) for name in PLACEMENT_FIELDS}
    merged.update({k: v for k, v in data.items() if k in PLACEMENT_FIELDS})
    errors = _placement_errors(proposal, merged)
    if errors:
        raise ValidationError(errors)
    changed = _changed_fields(placement, merged)
    if not changed:
        return placement
    role = role_of(actor, proposal.job_seeker, as_employer=as_employer)
    with changing(actor, proposal.job_seeker, "plaatsing wijzigen") as subject:
        for name in PLACEMENT_FIELDS:
            setattr(
                placement, name, _normal(name, merged[name]) if name == "wage" else merged[name]
            )
        placement.full_clean()
        placement.save()
        _move_open_checks(placement)
        labels = ", ".join(str(Placement._meta.get_field(name).verbose_name) for name in changed)
        event(proposal, actor, format_lazy("{}: {}", _PLACEMENT_CHANGED, labels), role=role)
        _audit_placement(
            actor, placement, subject, AccessAction.CHANGE, as_employer, "Plaatsing corrigeren"
        )
    return placement


_PLACEMENT_CHANGED = gettext_lazy("plaatsing gewijzigd")
_PLACEMENT_CANCELLED = gettext_lazy("plaatsing geschrapt")
MAX_CANCEL_REASON = 300


def _status_before_hire(proposal: Proposal) -> str:
    """The status the proposal had before it was hired (invited or interviewed)."""
    last = (
        proposal.events.filter(to_status=ProposalStatus.HIRED)
        .exclude(from_status="")
        .order_by("-at", "-id")
        .first()
    )
    if last is not None and last.from_status in (
        ProposalStatus.INVITED,
        ProposalStatus.INTERVIEWED,
    ):
        return last.from_status
    return ProposalStatus.INTERVIEWED


def cancel_placement(
    *, actor: Any, placement: Placement, reason: str, as_employer: bool = False
) -> Placement:
    """A placement entered by mistake: it no longer counts, but is not deleted.

    The placement keeps its data with who cancelled it, when and why; the proposal goes back to
    the status it had before the hire (so a correct hire can be recorded later); the history and
    the audit log say what happened. The work agreement's progress and the follow-up lists
    leave it out from now on.
    """
    _require_placement_access(actor, placement, as_employer=as_employer)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Schrijf op waarom u de plaatsing schrapt.")})
    if len(reason) > MAX_CANCEL_REASON:
        raise ValidationError(
            {
                "reason": _("Schrijf het korter: hooguit %(max)s tekens.")
                % {"max": MAX_CANCEL_REASON}
            }
        )
    if placement.is_cancelled:
        raise ValidationError(_("Deze plaatsing is al geschrapt."))
    proposal = placement.proposal
    role = role_of(actor, proposal.job_seeker, as_employer=as_employer)
    back_to = _status_before_hire(proposal)
    with changing(actor, proposal.job_seeker, "plaatsing schrappen") as subject:
        placement.cancelled_at = timezone.now()
        placement.cancelled_by = actor
        placement.cancel_reason = reason
        placement.save(
            update_fields=["cancelled_at", "cancelled_by", "cancel_reason", "updated_at"]
        )
        old = proposal.status
        proposal.status = back_to
        proposal.save(update_fields=["status", "updated_at"])
        event(
            proposal,
            actor,
            format_lazy("{}: {}", _PLACEMENT_CANCELLED, reason),
            role=role,
            old=old,
            new=back_to,
        )
        _audit_placement(
            actor,
            placement,
            subject,
            AccessAction.CHANGE,
            as_employer,
            "Plaatsing schrappen (vergissing)",
        )
    return placement
