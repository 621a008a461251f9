"""Proposals (voordrachten): propose, consent, answer, withdraw; and what an employer sees.

Every change is one transaction in a processing span, with a ProposalEvent (who, what, when) and
an access-audit entry for the person whose data it is. Checks come before the span, so bad input
writes nothing at all.
"""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils import formats, timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkroute.accounts.constants import Role
from werkroute.catalogue.constants import JOB_KINDS
from werkroute.catalogue.models import Offering
from werkroute.core import geo
from werkroute.core.audit.models import AccessAction
from werkroute.employers import queries
from werkroute.employers.constants import TRANSITIONS, DeclineReason, ProposalStatus
from werkroute.employers.models import Proposal
from werkroute.employers.services._common import audit, changing, event, role_of
from werkroute.jobseekers.models import JobSeeker

EMPLOYER_ANSWERS = frozenset(
    {ProposalStatus.INVITED, ProposalStatus.INTERVIEWED, ProposalStatus.DECLINED}
)
DISTANCE_BANDS = (
    (5, gettext_lazy("minder dan 5 km")),
    (10, gettext_lazy("5 tot 10 km")),
    (25, gettext_lazy("10 tot 25 km")),
)


def duplicate_message() -> str:
    return _(
        "Deze persoon is al voorgedragen voor deze vacature en die voordracht loopt nog. "
        "Open de bestaande voordracht."
    )


def _label(status: str) -> str:
    return str(ProposalStatus(status).label)


# --- Proposing -----------------------------------------------------------------------------


def propose_candidate(
    *, actor: Any, job_seeker: JobSeeker, offering: Offering, motivation: str = ""
) -> Proposal:
    """A case manager or employer adviser proposes a candidate for a public vacancy."""
    if not queries.may_propose(actor, job_seeker.pk):
        raise PermissionDenied
    if (
        offering.kind not in JOB_KINDS
        or not queries.proposable_offerings().filter(pk=offering.pk).exists()
    ):
        raise ValidationError(
            _("Voordragen kan alleen voor een vacature die op de routekaart staat.")
        )
    if Proposal.objects.open().filter(job_seeker=job_seeker, offering=offering).exists():
        raise ValidationError(duplicate_message(), code="duplicate")
    role = role_of(actor, job_seeker)
    try:
        with changing(actor, job_seeker, "kandidaat voordragen") as subject:
            proposal = Proposal.objects.create(
                job_seeker=job_seeker,
                offering=offering,
                proposed_by=actor,
                motivation=motivation.strip(),
            )
            event(proposal, actor, "voorgedragen", role=role, new=ProposalStatus.PROPOSED)
            audit(actor, proposal, subject, action=AccessAction.CREATE)
    except IntegrityError:
        # Someone else proposed the same person for the same vacancy a moment ago.
        raise ValidationError(duplicate_message(), code="duplicate") from None
    return proposal


# --- Consents ------------------------------------------------------------------------------


def give_proposal_consent(*, actor: Any, proposal: Proposal) -> Proposal:
    """The job seeker agrees that this employer may get to know them for this vacancy."""
    if proposal.job_seeker.user_id != actor.pk:
        raise PermissionDenied
    if not proposal.is_open:
        raise ValidationError(_("Deze voordracht loopt niet meer."))
    with changing(actor, proposal.job_seeker, "toestemming voordracht geven") as subject:
        proposal.job_seeker_consent_at = timezone.now()
        proposal.job_seeker_consent_withdrawn_at = None
        proposal.save(
            update_fields=["job_seeker_consent_at", "job_seeker_consent_withdrawn_at", "updated_at"]
        )
        event(proposal, actor, "werkzoekende geeft toestemming", role=Role.JOB_SEEKER)
        audit(actor, proposal, subject, action=AccessAction.CHANGE)
    return proposal


def withdraw_proposal_consent(*, actor: Any, proposal: Proposal) -> Proposal:
    """The job seeker takes their consent back: the employer no longer sees them."""
    if proposal.job_seeker.user_id != actor.pk:
        raise PermissionDenied
    with changing(actor, proposal.job_seeker, "toestemming voordracht intrekken") as subject:
        proposal.job_seeker_consent_withdrawn_at = timezone.now()
        proposal.save(update_fields=["job_seeker_consent_withdrawn_at", "updated_at"])
        event(proposal, actor, "werkzoekende trekt toestemming in", role=Role.JOB_SEEKER)
        audit(actor, proposal, subject, action=AccessAction.CHANGE)
    return proposal


def give_case_manager_consent(*, actor: Any, proposal: Proposal) -> Proposal:
    """The person's case manager (or a team colleague) agrees with this proposal."""
    if not queries.is_case_manager_of(actor, proposal):
        raise PermissionDenied
    if not proposal.is_open:
        raise ValidationError(_("Deze voordracht loopt niet meer."))
    with changing(actor, proposal.job_seeker, "akkoord klantmanager voordracht") as subject:
        proposal.case_manager_consent_at = timezone.now()
        proposal.case_manager_consent_by = actor
        proposal.save(
            update_fields=["case_manager_consent_at", "case_manager_consent_by", "updated_at"]
        )
        event(
            proposal, actor, "klantmanager gaat akkoord", role=role_of(actor, proposal.job_seeker)
        )
        audit(actor, proposal, subject, action=AccessAction.CHANGE)
    return proposal


# --- Status changes ------------------------------------------------------------------------


def _may_act_as_employer(actor: Any, proposal: Proposal) -> bool:
    return queries.proposals_for_employer(actor).filter(pk=proposal.pk).exists()


def _may_act_as_staff(actor: Any, proposal: Proposal) -> bool:
    return queries.proposals_for_staff(actor).filter(pk=proposal.pk).exists()


def check_transition(proposal: Proposal, new_status: str, *, reason: str = "") -> None:
    if new_status not in TRANSITIONS.get(proposal.status, frozenset()):
        raise ValidationError(
            {
                "status": _("Van '%(old)s' kan de voordracht niet naar '%(new)s'.")
                % {"old": _label(proposal.status), "new": _label(new_status)}
            }
        )
    if new_status == ProposalStatus.DECLINED and reason not in DeclineReason.values:
        raise ValidationError({"reason": _("Kies een reden waarom het niet doorgaat.")})


def change_proposal_status(
    *,
    actor: Any,
    proposal: Proposal,
    status: str,
    reason: str = "",
    explanation: str = "",
    as_employer: bool = False,
) -> Proposal:
    """Invite, interview, decline (with a reason) or withdraw. Hiring is hire_candidate()."""
    if as_employer:
        if status not in EMPLOYER_ANSWERS or not _may_act_as_employer(actor, proposal):
            raise PermissionDenied
    elif not _may_act_as_staff(actor, proposal):
        raise PermissionDenied
    if status == ProposalStatus.HIRED:
        raise ValidationError(
            {"status": _("Leg een aanname vast met de gegevens van de plaatsing.")}
        )
    check_transition(proposal, status, reason=reason)
    old = proposal.status
    role = role_of(actor, proposal.job_seeker, as_employer=as_employer)
    with changing(actor, proposal.job_seeker, "voordracht bijwerken") as subject:
        proposal.status = status
        if status == ProposalStatus.DECLINED:
            proposal.decline_reason = reason
            proposal.decline_explanation = explanation.strip()[:300]
        proposal.save(
            update_fields=["status", "decline_reason", "decline_explanation", "updated_at"]
        )
        what: Any = ProposalStatus(status).label
        if status == ProposalStatus.DECLINED:
            what = format_lazy("{}: {}", what, DeclineReason(reason).label)
        event(proposal, actor, what, role=role, old=old, new=status)
        audit(actor, proposal, subject, action=AccessAction.CHANGE, as_employer=as_employer)
    return proposal


# --- What an employer sees -----------------------------------------------------------------


@dataclass
class EmployerView:
    """A proposal as the employer sees it: a pseudonym until identity may be revealed."""

    proposal: Proposal
    identified: bool
    code: str
    occupations: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    education: str = ""
    driving_licences: list[str] = field(default_factory=list)
    certificates: list[str] = field(default_factory=list)
    hours: str = ""
    days: list[str] = field(default_factory=list)
    shifts: list[str] = field(default_factory=list)
    distance: str = ""
    support_flags: list[str] = field(default_factory=list)
    motivation: str = ""
    # Only when identified:
    name: str = ""
    email: str = ""
    phone: str = ""


def distance_band(job_seeker: JobSeeker, offering: Offering) -> str:
    if not job_seeker.postcode or offering.lat is None or offering.lon is None:
        return _("onbekend")
    try:
        place = geo.locate_postcode(job_seeker.postcode)
    except geo.PostcodeError:
        return _("onbekend")
    km = geo.haversine_km(place.point, geo.Point(offering.lat, offering.lon))
    for limit, label in DISTANCE_BANDS:
        if km < limit:
            return str(label)
    return _("meer dan 25 km")


def support_flags(job_seeker: JobSeeker) -> list[str]:
    """What tells an employer that support is available; never a diagnosis or a benefit history."""
    flags = []
    if job_seeker.in_target_group_register:
        flags.append(
            _("Valt onder de banenafspraak: loonkostensubsidie, no-riskpolis en jobcoach mogelijk.")
        )
    flags.append(_("Komt via de gemeente: een proefplaatsing en begeleiding zijn mogelijk."))
    return flags


def _language_label(language: Any) -> str:
    """ "Nederlands (B1 – redelijk)": the level's label, not its code."""
    if not language.level:
        return str(language.language)
    return f"{language.language} ({language.get_level_display()})"


def employer_view(job_seeker: JobSeeker, proposal: Proposal, *, identified: bool) -> EmployerView:
    """Build what the employer may see (pure: no audit; callers use view_proposal_as_employer)."""
    occupations = [str(a) for a in job_seeker.ambitions.all() if str(a)]
    occupations += [
        _("%(occupation)s (%(years)s jaar ervaring)") % {"occupation": e, "years": e.years}
        for e in job_seeker.experience.all()
    ]
    hours = ""
    if job_seeker.hours_min or job_seeker.hours_max:
        hours = _("%(min)s tot %(max)s uur per week") % {
            "min": job_seeker.hours_min or 0,
            "max": job_seeker.hours_max or job_seeker.hours_min,
        }
    day_field = JobSeeker._meta.get_field("available_days")
    shift_field = JobSeeker._meta.get_field("shifts")
    cert_field = JobSeeker._meta.get_field("certificates")
    licence_field = JobSeeker._meta.get_field("driving_licences")
    view = EmployerView(
        proposal=proposal,
        identified=identified,
        code=proposal.code,
        occupations=occupations,
        skills=[s.name for s in job_seeker.skills.all()],
        languages=[_language_label(language) for language in job_seeker.languages.all()],
        education=str(job_seeker.get_education_level_display())
        if job_seeker.education_level
        else "",
        driving_licences=[licence_field.label_of(c) for c in job_seeker.driving_licences],
        certificates=[cert_field.label_of(c) for c in job_seeker.certificates],
        hours=hours,
        days=[day_field.label_of(d) for d in job_seeker.available_days],
        shifts=[shift_field.label_of(s) for s in job_seeker.shifts],
        distance=distance_band(job_seeker, proposal.offering),
        support_flags=support_flags(job_seeker),
        motivation=proposal.motivation,
    )
    if identified:
        view.name = job_seeker.full_name
        view.email = job_seeker.email
        view.phone = job_seeker.phone
    return view


def view_proposal_as_employer(*, actor: Any, proposal: Proposal) -> EmployerView:
    """The employer opens a proposal: every such read is audited, anonymised or not."""
    if not _may_act_as_employer(actor, proposal):
        raise PermissionDenied
    identified = queries.reveals_identity(proposal)
    with changing(actor, proposal.job_seeker, "voordracht bekijken (werkgever)") as subject:
        audit(
            actor,
            proposal,
            subject,
            action=AccessAction.VIEW,
            as_employer=True,
            reason="Werkgever bekijkt voordracht" + ("" if identified else " (geanonimiseerd)"),
        )
    return employer_view(proposal.job_seeker, proposal, identified=identified)


def view_proposal(*, actor: Any, proposal: Proposal, reason: str = "") -> None:
    """Staff open a proposal: audited."""
    if not _may_act_as_staff(actor, proposal):
        raise PermissionDenied
    with changing(actor, proposal.job_seeker, "voordracht bekijken") as subject:
        audit(
            actor,
            proposal,
            subject,
            action=AccessAction.VIEW,
            reason=reason or "Voordracht bekijken",
        )


def view_own_proposal(*, actor: Any, proposal: Proposal) -> None:
    if proposal.job_seeker.user_id != actor.pk:
        raise PermissionDenied
    with changing(actor, proposal.job_seeker, "eigen voordracht bekijken") as subject:
        audit(actor, proposal, subject, action=AccessAction.VIEW, reason="Eigen gegevens bekijken")


def proposed_on_text(proposal: Proposal) -> str:
    return formats.date_format(proposal.proposed_on, "j F Y")
