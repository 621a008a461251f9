"""Selecting a cohort, creating a campaign with its members, starting and closing it."""

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkroute.accounts.models import User
from werkroute.core.audit.models import AccessAction
from werkroute.core.audit.services import processing
from werkroute.core.models import Municipality
from werkroute.jobseekers import services as jobseeker_services
from werkroute.jobseekers.models import JobSeeker
from werkroute.outreach import queries
from werkroute.outreach.cohort import CohortCriteria, select_cohort
from werkroute.outreach.constants import (
    ACTIVITY,
    DEFAULT_RESPOND_WITHIN_DAYS,
    MAX_RESPOND_WITHIN_DAYS,
    MIN_RESPOND_WITHIN_DAYS,
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
    Assignment,
    CampaignStatus,
    Channel,
)
from werkroute.outreach.models import Campaign, CampaignMember
from werkroute.outreach.services._common import (
    _member_entry,
    move_campaign,
    record_campaign_change,
    require_casework_in,
    require_works_on,
)

EMPTY_COHORT = gettext_lazy("Deze selectie vindt niemand. Pas de criteria aan.")
NAME_MAX = 120
PROPOSAL_MAX = 600
LOOKUP_CHUNK = 500


@dataclass(frozen=True)
class CampaignInput:
    name: str
    criteria: CohortCriteria
    channels: tuple[str, ...]
    assignment: str = Assignment.OWN_CASE_MANAGER
    case_managers: tuple[User, ...] = field(default=())
    description: str = ""
    proposal: str = ""
    respond_within_days: int = DEFAULT_RESPOND_WITHIN_DAYS


@dataclass(frozen=True)
class CohortPreview:
    total: int
    with_email: int
    with_phone: int
    with_postcode: int
    without_case_manager: int


# --- Preview -------------------------------------------------------------------------------


def _empty_cohort() -> ValidationError:
    return ValidationError(str(EMPTY_COHORT), code="empty_cohort")


def preview_cohort(
    *,
    actor: Any,
    municipality: Municipality,
    criteria: CohortCriteria,
    today: dt.date | None = None,
) -> CohortPreview:
    """How many people the criteria select, and how many each channel reaches. Counts only."""
    require_casework_in(actor, municipality)
    counts = select_cohort(municipality, criteria, today or timezone.localdate()).aggregate(
        total=Count("pk"),
        with_email=Count("pk", filter=~Q(email="")),
        with_phone=Count("pk", filter=~Q(phone="")),
        with_postcode=Count("pk", filter=~Q(postcode="")),
        without_case_manager=Count("pk", filter=Q(case_manager__isnull=True)),
    )
    if not counts["total"]:
        raise _empty_cohort()
    return CohortPreview(**counts)


# --- Creating ------------------------------------------------------------------------------


def _check_texts(data: CampaignInput, errors: dict[str, list[str]]) -> None:
    if not data.name.strip():
        errors["name"] = [_("Geef de campagne een naam.")]
    elif len(data.name.strip()) > NAME_MAX:
        errors["name"] = [_("Gebruik hoogstens %(max)d tekens.") % {"max": NAME_MAX}]
    if len(data.proposal.strip()) > PROPOSAL_MAX:
        errors["proposal"] = [_("Gebruik hoogstens %(max)d tekens.") % {"max": PROPOSAL_MAX}]


def _check_choices(
    data: CampaignInput, managers: Sequence[User], errors: dict[str, list[str]]
) -> None:
    if not data.channels or any(c not in Channel.values for c in data.channels):
        errors["channels"] = [_("Kies hoe u mensen uitnodigt: per brief, e-mail of sms.")]
    if data.assignment not in Assignment.values:
        errors["assignment"] = [_("Kies hoe u de mensen verdeelt.")]
    elif data.assignment == Assignment.ROUND_ROBIN and not managers:
        errors["case_managers"] = [_("Er zijn geen klantmanagers om de mensen over te verdelen.")]
    if not MIN_RESPOND_WITHIN_DAYS <= data.respond_within_days <= MAX_RESPOND_WITHIN_DAYS:
        errors["respond_within_days"] = [
            _("Kies tussen %(min)d en %(max)d dagen.")
            % {"min": MIN_RESPOND_WITHIN_DAYS, "max": MAX_RESPOND_WITHIN_DAYS}
        ]


def _managers(data: CampaignInput, municipality: Municipality) -> list[User]:
    """The chosen case managers, all of this municipality; none chosen: all of them."""
    available = list(queries.case_managers_of(municipality))
    if not data.case_managers:
        return available
    allowed = {user.pk for user in available}
    if any(user.pk not in allowed for user in data.case_managers):
        raise ValidationError({"case_managers": _("Kies klantmanagers van deze gemeente.")})
    return sorted(data.case_managers, key=lambda u: (u.last_name, u.first_name, u.pk))


def _validate(data: CampaignInput, managers: Sequence[User]) -> None:
    errors: dict[str, list[str]] = {}
    _check_texts(data, errors)
    _check_choices(data, managers, errors)
    if errors:
        raise ValidationError(errors)


def assign(
    people: Sequence[JobSeeker],
    rule: str,
    managers: Sequence[User],
    own_allowed: set[int] | frozenset[int] = frozenset(),
) -> list[User | None]:
    """Who follows each person up: their own case manager (when `own_allowed` holds them and
    the rule says so), else the next of `managers` in turn."""
    assigned: list[User | None] = []
    turn = 0
    for person in people:
        if rule == Assignment.OWN_CASE_MANAGER and person.case_manager_id in own_allowed:
            assigned.append(person.case_manager)
        elif managers:
            assigned.append(managers[turn % len(managers)])
            turn += 1
        else:
            assigned.append(None)
    return assigned


def _reference() -> str:
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _i in range(REFERENCE_LENGTH))
    return f"{code[:4]}-{code[4:]}"


def _taken(codes: set[str]) -> set[str]:
    ordered, taken = sorted(codes), set()
    for start in range(0, len(ordered), LOOKUP_CHUNK):
        chunk = ordered[start : start + LOOKUP_CHUNK]
        taken.update(
            CampaignMember.objects.filter(reference__in=chunk).values_list("reference", flat=True)
        )
    return taken


def _new_references(count: int) -> list[str]:
    """Random reference codes such as K7QM-4TXP, unused so far (the database checks again)."""
    codes: set[str] = set()
    while len(codes) < count:
        codes.update(_reference() for _i in range(count - len(codes)))
        codes -= _taken(codes)
    return list(codes)


def create_campaign(
    *,
    actor: Any,
    municipality: Municipality,
    data: CampaignInput,
    today: dt.date | None = None,
) -> Campaign:
    """A draft campaign with its members, each assigned; all or nothing.

    The criteria are checked first; a selection that finds nobody is refused and saves nothing.
    """
    require_casework_in(actor, municipality)
    managers = _managers(data, municipality)
    _validate(data, managers)
    people = list(
        select_cohort(municipality, data.criteria, today or timezone.localdate()).select_related(
            "case_manager"
        )
    )
    if not people:
        raise _empty_cohort()
    own_allowed = {user.pk for user in queries.case_managers_of(municipality)}
    assigned = assign(people, data.assignment, managers, own_allowed)
    return _save(actor, municipality, data, people, assigned)


def _save(
    actor: Any,
    municipality: Municipality,
    data: CampaignInput,
    people: list[JobSeeker],
    assigned: list[User | None],
) -> Campaign:
    subjects = [jobseeker_services.subject_of(person) for person in people]
    references = _new_references(len(people))
    with (
        processing("campagne aanmaken", activity=ACTIVITY, subjects=subjects, actor=actor),
        transaction.atomic(),
    ):
        campaign = Campaign.objects.create(
            municipality=municipality,
            name=data.name.strip(),
            description=data.description.strip(),
            criteria=data.criteria.to_dict(),
            channels=list(data.channels),
            assignment=data.assignment,
            proposal=data.proposal.strip(),
            respond_within_days=data.respond_within_days,
            created_by=actor,
        )
        members = CampaignMember.objects.bulk_create(
            CampaignMember(campaign=campaign, job_seeker=person, assigned_to=user, reference=ref)
            for person, user, ref in zip(people, assigned, references, strict=True)
        )
        record_campaign_change("campagne aanmaken", actor=actor, campaign=campaign)
        for member, subject in zip(members, subjects, strict=True):
            _member_entry(actor, member, subject, AccessAction.CREATE)
    return campaign


# --- Starting and closing ------------------------------------------------------------------


def _change_status(actor: Any, campaign: Campaign, to: str, name: str) -> Campaign:
    require_works_on(actor, campaign)
    with processing(name, activity=ACTIVITY, actor=actor), transaction.atomic():
        move_campaign(campaign, to, actor=actor)
        record_campaign_change(name, actor=actor, campaign=campaign)
    return campaign


def start_campaign(*, actor: Any, campaign: Campaign) -> Campaign:
    """From draft to running: from now on invitations and reminders may go out."""
    return _change_status(actor, campaign, CampaignStatus.RUNNING, "campagne starten")


def close_campaign(*, actor: Any, campaign: Campaign) -> Campaign:
    """Nothing goes out any more; the funnel keeps its numbers."""
    return _change_status(actor, campaign, CampaignStatus.CLOSED, "campagne afsluiten")
