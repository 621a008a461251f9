"""Who may see which job seeker's file.

Case managers see their own caseload and that of their team colleagues, team leads their teams'
caseloads, a job seeker only their own file; functional administrators and policy makers never
see a person. Every staff answer stays inside the municipalities of the user's memberships.
Records that are absent and records that are not yours both answer 404, alike.
"""

import uuid
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from werkroute.accounts.constants import Role
from werkroute.accounts.models import Membership, User
from werkroute.core.audit.models import AccessAuditEntry
from werkroute.core.models import Municipality
from werkroute.jobseekers.constants import ConsentKind
from werkroute.jobseekers.models import Consent, JobSeeker

# Roles that work with individual job seekers' files.
CASEWORK_ROLES = (Role.CASE_MANAGER, Role.TEAM_LEAD)
SUPERUSER_ROLE = "superuser"


def _uuid_or_none(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _casework_memberships(user: Any) -> QuerySet[Membership]:
    """Memberships that give access to persons: tied to one municipality, with a casework role."""
    return Membership.objects.filter(user=user, role__in=CASEWORK_ROLES, municipality__isnull=False)


def _team_case_managers(membership: Membership) -> QuerySet[User]:
    return User.objects.filter(
        memberships__team_id=membership.team_id,
        memberships__role=Role.CASE_MANAGER,
        memberships__municipality_id=membership.municipality_id,
    )


def _staff_scope(user: Any) -> Q | None:
    """The persons this user works with as staff, or None when there are none."""
    scopes = []
    for membership in _casework_memberships(user):
        managers = Q(case_manager=user)
        if membership.team_id:
            managers |= Q(case_manager__in=_team_case_managers(membership))
        scopes.append(Q(municipality_id=membership.municipality_id) & managers)
    if not scopes:
        return None
    combined = scopes[0]
    for scope in scopes[1:]:
        combined |= scope
    return combined


def _active() -> QuerySet[JobSeeker]:
    return JobSeeker.objects.filter(anonymised_at__isnull=True)


def staff_visible_to(user: Any) -> QuerySet[JobSeeker]:
    """Files this user may open on the staff pages (never their own file)."""
    if not user.is_authenticated:
        return JobSeeker.objects.none()
    if user.is_superuser:
        return _active()
    scope = _staff_scope(user)
    if scope is None:
        return JobSeeker.objects.none()
    return _active().filter(scope).exclude(user=user)


def visible_to(user: Any) -> QuerySet[JobSeeker]:
    """Every file this user may see: what they work with as staff, plus their own."""
    if not user.is_authenticated:
        return JobSeeker.objects.none()
    if user.is_superuser:
        return _active()
    own = Q(user=user)
    scope = _staff_scope(user)
    return _active().filter(own | scope if scope is not None else own)


def access_job_seeker(
    user: Any, public_id: Any, *, for_write: bool = False, as_staff: bool = False
) -> JobSeeker:
    """One file by its public id; 404 alike for absent and not yours.

    `for_write` and `as_staff` both leave out the user's own file: a job seeker changes their
    own details through the self-service pages only.
    """
    key = _uuid_or_none(public_id)
    base = staff_visible_to(user) if (for_write or as_staff) else visible_to(user)
    found = (
        base.select_related("municipality", "case_manager").filter(public_id=key).first()
        if key
        else None
    )
    if found is None:
        raise Http404
    return found


def own_job_seeker(user: Any) -> JobSeeker:
    """The file linked to this login, for the self-service pages; 404 for anyone else."""
    if not user.is_authenticated:
        raise Http404
    found = _active().select_related("municipality", "case_manager").filter(user=user).first()
    if found is None:
        raise Http404
    return found


def find_by_public_id(public_id: Any) -> JobSeeker | None:
    """Unscoped, for the audit of refused attempts only; never shown to the user."""
    key = _uuid_or_none(public_id)
    return JobSeeker.objects.filter(public_id=key).first() if key else None


def casework_municipalities(user: Any) -> QuerySet[Municipality]:
    """Where this user may register new job seekers."""
    if not user.is_authenticated:
        return Municipality.objects.none()
    if user.is_superuser:
        return Municipality.objects.all()
    ids = _casework_memberships(user).values("municipality_id")
    return Municipality.objects.filter(pk__in=ids)


def is_caseworker(user: Any) -> bool:
    return casework_municipalities(user).exists()


def role_for(user: Any, job_seeker: JobSeeker) -> str:
    """The role under which this user acts on this file, as written to the access audit."""
    if job_seeker.user_id is not None and job_seeker.user_id == getattr(user, "pk", None):
        return Role.JOB_SEEKER
    roles = set(
        _casework_memberships(user)
        .filter(municipality_id=job_seeker.municipality_id)
        .values_list("role", flat=True)
    )
    is_own_client = job_seeker.case_manager_id == getattr(user, "pk", None)
    if Role.CASE_MANAGER in roles and (is_own_client or Role.TEAM_LEAD not in roles):
        return Role.CASE_MANAGER
    if Role.TEAM_LEAD in roles:
        return Role.TEAM_LEAD
    if getattr(user, "is_superuser", False):
        return SUPERUSER_ROLE
    return ""


def access_entries_about(job_seeker: JobSeeker) -> QuerySet[AccessAuditEntry]:
    """Access-audit entries whose data subject is this person, newest first.

    Entries are found by the keyed hash of the BSN, including BSNs this file had before a
    correction; entries from before the file existed are about someone else's file.
    """
    hashes = [job_seeker.bsn_hash, *job_seeker.former_bsn_hashes]
    return (
        AccessAuditEntry.objects.filter(
            data_subject_hash__in=hashes, timestamp__gte=job_seeker.created_at
        )
        .select_related("processing_activity")
        .order_by("-sequence")
    )


def active_consent(job_seeker: JobSeeker, kind: str) -> Consent | None:
    return job_seeker.consents.filter(kind=kind, withdrawn_at__isnull=True).first()


def has_consent(
    job_seeker: JobSeeker, kind: str = ConsentKind.SHARE_PROFILE_WITH_EMPLOYERS
) -> bool:
    """Whether the person now consents; callers that share a profile must ask this first."""
    return active_consent(job_seeker, kind) is not None


def search(user: Any, *, name: str = "", bsn_hash: str = "") -> QuerySet[JobSeeker]:
    """Files this user may open on the staff pages, by exact BSN (its hash) or by name parts."""
    found = staff_visible_to(user)
    if bsn_hash:
        return found.filter(bsn_hash=bsn_hash)
    terms = name.split()
    if not terms:
        return found.none()
    for term in terms:
        found = found.filter(Q(first_name__icontains=term) | Q(last_name__icontains=term))
    return found.select_related("case_manager")


def _adviser_municipality_ids(user: Any) -> set[int]:
    """Municipalities an employer adviser works for: their own, or every one of their region."""
    ids: set[int] = set()
    for municipality_id, region_id in Membership.objects.filter(
        user=user, role=Role.EMPLOYER_ADVISER
    ).values_list("municipality_id", "region_id"):
        if municipality_id:
            ids.add(municipality_id)
        elif region_id:
            ids.update(
                Municipality.objects.filter(region_id=region_id).values_list("pk", flat=True)
            )
    return ids


def is_employer_adviser(user: Any) -> bool:
    return Membership.objects.filter(user=user, role=Role.EMPLOYER_ADVISER).exists()


def candidate_pool(user: Any) -> QuerySet[JobSeeker]:
    """Whom a user may consider for a vacancy.

    Staff: the files they work with. An employer adviser also: people of their municipality (or
    region) who consent to share their profile with employers.
    """
    if not user.is_authenticated:
        return JobSeeker.objects.none()
    if user.is_superuser:
        return _active()
    scope = _staff_scope(user)
    adviser = _adviser_municipality_ids(user)
    conditions = Q(pk__in=[]) if scope is None else scope
    if adviser:
        consenting = Consent.objects.filter(
            kind=ConsentKind.SHARE_PROFILE_WITH_EMPLOYERS, withdrawn_at__isnull=True
        ).values("job_seeker_id")
        conditions |= Q(municipality_id__in=adviser, pk__in=consenting)
    return _active().filter(conditions).exclude(user=user)
