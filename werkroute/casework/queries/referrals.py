"""Reading referrals: which partners a case manager may refer to and how well they respond,
which referrals staff and partner staff may see, and what a partner sees of a person.

Staff see the referrals of the people they work with; partner staff those sent to their own
organisation. Anything else answers 404, alike for absent and not yours.
"""

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from werkroute.casework.constants import (
    ALWAYS_SHARED,
    DATA_SHARING_STATUSES,
    RESPONSIVENESS_DAYS,
    RESPONSIVENESS_MIN_MEASURED,
    UNRESPONSIVE_OVERDUE,
    UNRESPONSIVE_SHARE,
    ReferralStatus,
    SharedItem,
)
from werkroute.casework.models import Referral
from werkroute.catalogue import queries as catalogue_queries
from werkroute.catalogue.constants import OrganisationKind
from werkroute.catalogue.models import Offering, Organisation, OrganisationMembership
from werkroute.core.models import Region
from werkroute.jobseekers import display
from werkroute.jobseekers import queries as jobseeker_queries
from werkroute.jobseekers.models import JobSeeker

# Organisations a person can be referred to: everything but employers and the municipality.
PARTNER_KINDS = tuple(
    kind
    for kind in OrganisationKind
    if kind not in (OrganisationKind.EMPLOYER, OrganisationKind.MUNICIPAL_DEPARTMENT)
)


def _uuid_or_404(value: Any) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


# --- Partners ------------------------------------------------------------------------------


def partners_in(region_ids: Any) -> QuerySet[Organisation]:
    return Organisation.objects.filter(region_id__in=region_ids, kinds__has_any=list(PARTNER_KINDS))


def partners_for(job_seeker: JobSeeker) -> QuerySet[Organisation]:
    """The partners of the person's region, the ones a case manager may refer to."""
    return partners_in([job_seeker.municipality.region_id]).order_by("name", "pk")


def staff_regions(user: Any) -> QuerySet[Region]:
    municipalities = jobseeker_queries.casework_municipalities(user)
    return Region.objects.filter(pk__in=municipalities.values("region_id"))


def partner_directory(user: Any) -> QuerySet[Organisation]:
    """The partners of the regions this case worker works in, with contacts and offerings."""
    return (
        partners_in(staff_regions(user).values("pk"))
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=OrganisationMembership.objects.select_related("user").order_by(
                    "user__last_name", "user__first_name", "pk"
                ),
            ),
            Prefetch(
                "offerings",
                queryset=Offering.objects.public().order_by("title", "pk"),
                to_attr="public_offerings",
            ),
        )
        .order_by("name", "pk")
    )


@dataclass(frozen=True)
class Responsiveness:
    """How a partner reacts to referrals: over the last 12 months, and what is late right now.

    `measured`: referrals whose acceptance deadline has passed or that got a reaction;
    `in_time`: of those, accepted or declined on or before the deadline.
    """

    measured: int = 0
    in_time: int = 0
    open_overdue: int = 0

    @property
    def share_in_time(self) -> float | None:
        return self.in_time / self.measured if self.measured else None

    @property
    def percentage(self) -> int | None:
        share = self.share_in_time
        return None if share is None else round(share * 100)

    @property
    def is_unresponsive(self) -> bool:
        if self.open_overdue >= UNRESPONSIVE_OVERDUE:
            return True
        share = self.share_in_time
        return (
            share is not None
            and self.measured >= RESPONSIVENESS_MIN_MEASURED
            and share < UNRESPONSIVE_SHARE
        )


def overdue_q(today: dt.date) -> Q:
    return Q(status=ReferralStatus.SENT, accept_due_on__lt=today) | Q(
        status=ReferralStatus.ACCEPTED, answer_due_on__lt=today
    )


def _window_start(today: dt.date) -> dt.datetime:
    start = today - dt.timedelta(days=RESPONSIVENESS_DAYS)
    return timezone.make_aware(dt.datetime.combine(start, dt.time.min))


def responsiveness(
    organisation_ids: list[int], today: dt.date | None = None
) -> dict[int, Responsiveness]:
    """Per organisation id, how it responds; organisations without referrals get zeros."""
    today = today or timezone.localdate()
    figures: dict[int, dict[str, int]] = {
        pk: {"measured": 0, "in_time": 0, "open_overdue": 0} for pk in organisation_ids
    }
    recent = Referral.objects.filter(
        organisation_id__in=organisation_ids, sent_at__gte=_window_start(today)
    ).values_list("organisation_id", "status", "accept_due_on", "responded_at")
    for organisation_id, status, due, responded_at in recent:
        if responded_at is not None:
            figures[organisation_id]["measured"] += 1
            if timezone.localdate(responded_at) <= due:
                figures[organisation_id]["in_time"] += 1
        elif due < today and status != ReferralStatus.WITHDRAWN:
            figures[organisation_id]["measured"] += 1
    overdue = (
        Referral.objects.filter(overdue_q(today), organisation_id__in=organisation_ids)
        .values("organisation_id")
        .annotate(n=Count("pk"))
    )
    for row in overdue:
        figures[row["organisation_id"]]["open_overdue"] = row["n"]
    return {pk: Responsiveness(**values) for pk, values in figures.items()}


def responsiveness_of(organisation: Organisation, today: dt.date | None = None) -> Responsiveness:
    return responsiveness([organisation.pk], today)[organisation.pk]


# --- Referrals for staff -------------------------------------------------------------------


def _referrals() -> QuerySet[Referral]:
    return Referral.objects.select_related("job_seeker", "organisation", "referred_by")


def staff_referrals(user: Any) -> QuerySet[Referral]:
    """Referrals of the people this user works with, newest first."""
    return _referrals().filter(job_seeker__in=jobseeker_queries.staff_visible_to(user))


def referrals_of(job_seeker: JobSeeker) -> QuerySet[Referral]:
    return _referrals().filter(job_seeker=job_seeker)


def access_referral(user: Any, public_id: Any) -> Referral:
    """A referral of someone this staff member works with; 404 alike for absent and not yours."""
    found = staff_referrals(user).filter(public_id=_uuid_or_404(public_id)).first()
    if found is None:
        raise Http404
    return found


def referral_owner_public_id(public_id: Any) -> uuid.UUID | None:
    """Unscoped: whose referral this is, for the audit of refused attempts only; never shown."""
    try:
        key = uuid.UUID(str(public_id))
    except ValueError:
        return None
    return (
        Referral.objects.filter(public_id=key)
        .values_list("job_seeker__public_id", flat=True)
        .first()
    )


# --- Referrals for partner staff -----------------------------------------------------------


def partner_referrals(user: Any) -> QuerySet[Referral]:
    """Referrals sent to the user's own organisations (people whose file still exists)."""
    return _referrals().filter(
        organisation__in=catalogue_queries.organisations_of(user),
        job_seeker__anonymised_at__isnull=True,
    )


def is_partner_staff(user: Any) -> bool:
    return catalogue_queries.organisations_of(user).exists()


def access_partner_referral(user: Any, public_id: Any) -> Referral:
    """A referral to one of the user's organisations; 404 alike for absent and not theirs."""
    found = partner_referrals(user).filter(public_id=_uuid_or_404(public_id)).first()
    if found is None:
        raise Http404
    return found


# --- What the partner sees -----------------------------------------------------------------


@dataclass
class SharedSection:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)


def _rows(job_seeker: JobSeeker, names: tuple[str, ...]) -> list[tuple[str, str]]:
    return [
        (display.field_label(name), display.value_text(name, getattr(job_seeker, name)) or "–")
        for name in names
    ]


def _items(title_key: str, values: list[str]) -> list[tuple[str, str]]:
    return [(display.field_label(title_key), ", ".join(values) or "–")]


def shared_sections(referral: Referral) -> list[SharedSection]:
    """Exactly the parts of the file chosen for this referral, nothing more.

    Built only from `shared_items`, so a page that shows these sections cannot show a field
    the case manager did not choose. Empty once the referral is no longer open.
    """
    if referral.status not in DATA_SHARING_STATUSES:
        return []
    person = referral.job_seeker
    chosen = set(referral.shared_items) | set(ALWAYS_SHARED)
    labels = dict(SharedItem.choices)
    sections = []
    for code in SharedItem.values:
        if code not in chosen:
            continue
        rows = _section_rows(person, code)
        sections.append(SharedSection(str(labels[code]).capitalize(), rows))
    return sections


def _section_rows(person: JobSeeker, code: str) -> list[tuple[str, str]]:
    simple: dict[str, tuple[str, ...]] = {
        SharedItem.NAME: ("first_name", "last_name"),
        SharedItem.CONTACT: ("email", "phone"),
        SharedItem.POSTCODE: ("postcode",),
        SharedItem.DATE_OF_BIRTH: ("date_of_birth",),
        SharedItem.BENEFIT: ("benefit_type", "benefit_start"),
        SharedItem.EDUCATION: ("education_level", "certificates", "driving_licences"),
        SharedItem.AVAILABILITY: (
            "hours_min",
            "hours_max",
            "available_days",
            "shifts",
            "travel_radius_km",
            "travel_means",
        ),
        SharedItem.TALENTS: ("talents", "support_needed"),
    }
    if code in simple:
        return _rows(person, simple[code])
    if code == SharedItem.LANGUAGES:
        return _items("languages", [str(item) for item in person.languages.all()])
    if code == SharedItem.EXPERIENCE:
        experience = person.experience.select_related("occupation")
        return _items("experience", [f"{item} ({item.years} jaar)" for item in experience])
    if code == SharedItem.SKILLS:
        return _items("skills", [str(item) for item in person.skills.all()])
    if code == SharedItem.AMBITIONS:
        ambitions = person.ambitions.select_related("occupation", "field")
        return _items("ambitions", [str(item) for item in ambitions])
    if code == SharedItem.OBSTACLES:
        obstacles = person.obstacles.filter(is_active=True).order_by("created_at")
        return [(str(o.get_kind_display()).capitalize(), o.impact) for o in obstacles] or [
            (_("Belemmeringen"), "–")
        ]
    return []
