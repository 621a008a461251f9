"""Who may see which employer, work agreement, proposal, placement and follow-up check.

Employer advisers see the employers of their region (the employer service point shares them
across its municipalities) and the proposals of job seekers of their municipalities (or region).
Case managers and team leads see the proposals of the people whose files they may open. Employer
staff see, through their organisation membership, only proposals for their own organisation's
vacancies, and then only while the job seeker has not withdrawn consent; who the candidate is
they see only after both consents and their own invitation (reveals_identity). A job seeker sees
their own proposals. Absent and not yours both answer 404, alike.
"""

import uuid
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from werkroute.accounts.constants import Role
from werkroute.accounts.models import Membership
from werkroute.catalogue.constants import OrganisationKind
from werkroute.catalogue.models import Offering, Organisation
from werkroute.catalogue.queries import organisations_of
from werkroute.core.models import Municipality, Region
from werkroute.employers.constants import INVITED_STATUSES, ProposalStatus
from werkroute.employers.models import (
    ContactPerson,
    FollowUpCheck,
    Placement,
    Proposal,
    WorkAgreement,
)
from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.jobseekers.constants import ConsentKind
from werkroute.jobseekers.models import Consent


def _uuid_or_404(value: Any) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def _one(queryset: QuerySet[Any], public_id: Any) -> Any:
    found = queryset.filter(public_id=_uuid_or_404(public_id)).first()
    if found is None:
        raise Http404
    return found


# --- Employer advisers ---------------------------------------------------------------------


def _adviser_memberships(user: Any) -> QuerySet[Membership]:
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user, role=Role.EMPLOYER_ADVISER)


def is_adviser(user: Any) -> bool:
    return bool(
        user.is_authenticated and (user.is_superuser or _adviser_memberships(user).exists())
    )


def adviser_regions(user: Any) -> QuerySet[Region]:
    if getattr(user, "is_superuser", False):
        return Region.objects.all()
    return Region.objects.filter(pk__in=_adviser_memberships(user).values("region_id"))


def adviser_municipalities(user: Any) -> QuerySet[Municipality]:
    """Their own municipality, or every municipality of their region for a region-wide role."""
    if getattr(user, "is_superuser", False):
        return Municipality.objects.all()
    memberships = _adviser_memberships(user)
    return Municipality.objects.filter(
        Q(pk__in=memberships.filter(municipality__isnull=False).values("municipality_id"))
        | Q(region_id__in=memberships.filter(municipality__isnull=True).values("region_id"))
    )


def employers_visible_to(user: Any) -> QuerySet[Organisation]:
    if not is_adviser(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        kinds__has=OrganisationKind.EMPLOYER, region__in=adviser_regions(user)
    )


def access_employer(user: Any, public_id: Any) -> Organisation:
    return _one(employers_visible_to(user).select_related("region", "sector"), public_id)


def agreements_visible_to(user: Any) -> QuerySet[WorkAgreement]:
    return WorkAgreement.objects.filter(organisation__in=employers_visible_to(user))


def access_agreement(user: Any, public_id: Any) -> WorkAgreement:
    return _one(agreements_visible_to(user).select_related("organisation"), public_id)


# --- Proposals, for staff ------------------------------------------------------------------


def proposals_for_staff(user: Any) -> QuerySet[Proposal]:
    """Proposals of people this staff member works with, or (advisers) of their municipalities."""
    if not user.is_authenticated:
        return Proposal.objects.none()
    if user.is_superuser:
        return Proposal.objects.filter(job_seeker__anonymised_at__isnull=True)
    condition = Q(job_seeker__in=jobseeker_queries.staff_visible_to(user))
    if _adviser_memberships(user).exists():
        condition |= Q(job_seeker__municipality__in=adviser_municipalities(user))
    return Proposal.objects.filter(condition, job_seeker__anonymised_at__isnull=True).exclude(
        job_seeker__user=user
    )


def access_proposal(user: Any, public_id: Any) -> Proposal:
    return _one(
        proposals_for_staff(user).select_related("job_seeker", "offering__organisation"),
        public_id,
    )


def is_case_manager_of(user: Any, proposal: Proposal) -> bool:
    """Whether this user may consent as the person's case manager (own client or team)."""
    return jobseeker_queries.staff_visible_to(user).filter(pk=proposal.job_seeker_id).exists()


def may_propose(user: Any, job_seeker_id: int) -> bool:
    return jobseeker_queries.candidate_pool(user).filter(pk=job_seeker_id).exists()


def proposable_offerings() -> QuerySet[Offering]:
    return Offering.objects.public()


def sees_name(user: Any, proposal: Proposal) -> bool:
    """Staff see the name of their own (team's) clients, and (advisers) after the person's yes."""
    return is_case_manager_of(user, proposal) or proposal.job_seeker_consents


def placements_for_staff(user: Any) -> QuerySet[Placement]:
    return Placement.objects.filter(proposal__in=proposals_for_staff(user))


def follow_up_checks_for(user: Any) -> QuerySet[FollowUpCheck]:
    """Checks of the user's placements; a cancelled placement has none left to do."""
    return FollowUpCheck.objects.filter(
        placement__in=placements_for_staff(user), placement__cancelled_at__isnull=True
    ).select_related(
        "placement__proposal__job_seeker", "placement__proposal__offering__organisation"
    )


def access_follow_up_check(user: Any, public_id: Any) -> FollowUpCheck:
    return _one(follow_up_checks_for(user), public_id)


# --- Proposals, for employer staff ---------------------------------------------------------


def _general_consent_ids() -> QuerySet[Consent]:
    return Consent.objects.filter(
        kind=ConsentKind.SHARE_PROFILE_WITH_EMPLOYERS, withdrawn_at__isnull=True
    ).values("job_seeker_id")


def proposals_for_employer(user: Any) -> QuerySet[Proposal]:
    """Proposals for the user's own organisations' vacancies that the candidate lets them see.

    A proposal reaches the employer once the person consents to it (or already shares their
    profile with employers in general); withdrawing this proposal's consent hides it again.
    """
    if not user.is_authenticated:
        return Proposal.objects.none()
    return (
        Proposal.objects.filter(
            offering__organisation__in=organisations_of(user),
            job_seeker__anonymised_at__isnull=True,
            job_seeker_consent_withdrawn_at__isnull=True,
        )
        .filter(
            Q(job_seeker_consent_at__isnull=False) | Q(job_seeker_id__in=_general_consent_ids())
        )
        .exclude(status=ProposalStatus.WITHDRAWN)
    )


def access_employer_proposal(user: Any, public_id: Any) -> Proposal:
    return _one(
        proposals_for_employer(user).select_related("job_seeker", "offering__organisation"),
        public_id,
    )


def is_employer_staff(user: Any) -> bool:
    return organisations_of(user).filter(kinds__has=OrganisationKind.EMPLOYER).exists()


def reveals_identity(proposal: Proposal) -> bool:
    """Whether the employer may see who the candidate is: both consents and an invitation."""
    return (
        proposal.job_seeker_consents
        and proposal.case_manager_consents
        and proposal.status in INVITED_STATUSES
    )


# --- Proposals, for the job seeker ---------------------------------------------------------


def own_proposals(user: Any) -> QuerySet[Proposal]:
    if not user.is_authenticated:
        return Proposal.objects.none()
    return Proposal.objects.filter(
        job_seeker__user=user, job_seeker__anonymised_at__isnull=True
    ).exclude(status=ProposalStatus.WITHDRAWN)


def access_own_proposal(user: Any, public_id: Any) -> Proposal:
    return _one(own_proposals(user).select_related("offering__organisation"), public_id)


# --- Contact persons and placements, for staff ---------------------------------------------


def access_contact_person(user: Any, employer_id: Any, public_id: Any) -> ContactPerson:
    employer = access_employer(user, employer_id)
    return _one(employer.employer_contacts.select_related("organisation"), public_id)


def access_placement(user: Any, public_id: Any) -> Placement:
    """A placement of a proposal this staff member may see (absent or not theirs: 404)."""
    return _one(
        Placement.objects.filter(proposal__in=proposals_for_staff(user)).select_related(
            "proposal__job_seeker", "proposal__offering__organisation"
        ),
        public_id,
    )


def access_employer_placement(user: Any, public_id: Any) -> Placement:
    return _one(
        Placement.objects.filter(proposal__in=proposals_for_employer(user)).select_related(
            "proposal__job_seeker", "proposal__offering__organisation"
        ),
        public_id,
    )
