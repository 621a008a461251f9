"""Referrals of the demo's job seekers to its partners, in every status, with their history.

Each partner with a portal login (UWV, the ROC, the neighbourhood team) gets a referral in
every status: just sent, sent and late, accepted, accepted and late with its answer, answered,
closed, declined and withdrawn. One partner without a login leaves its referrals waiting (the
"unresponsive" partner case managers are warned about); a few other partners get a referral or
two. The clients of the named case-manager logins and the job seeker login come first, so the
logins show referrals straight away. Dates lie in the past and follow from the seed and the
demo's today; deadlines use the same working days as the product.

Written straight into the tables, as services.referrals would: one ReferralEvent per change.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from werkroute.accounts.models import User
from werkroute.casework.constants import (
    ALWAYS_SHARED,
    ReferralEventKind,
    ReferralStatus,
    SharedItem,
)
from werkroute.casework.models import Referral, ReferralEvent
from werkroute.casework.queries.referrals import partners_in
from werkroute.casework.services.referrals import accept_days, add_working_days, answer_days
from werkroute.catalogue.models import Organisation, OrganisationMembership
from werkroute.core.models import Region
from werkroute.demo.generator.context import Context
from werkroute.jobseekers.models import JobSeeker

LOGIN_PARTNERS = ("partner-uwv", "partner-roc", "partner-wijkteam")
FIRST_CLIENTS_OF = ("klantmanager", "klantmanager2")
JOB_SEEKER_LOGINS = ("werkzoekende", "werkzoekende2")
UNRESPONSIVE_LATE = 3  # referrals the unresponsive partner leaves waiting
OTHER_PARTNERS = 4  # partners without a login that get a referral or two
S = ReferralStatus

# (status, sent how many days ago) for each partner with a login: one of every status ...
EVERY_STATUS: tuple[tuple[str, int], ...] = (
    (S.SENT, 1),
    (S.ACCEPTED, 6),
    (S.ANSWERED, 20),
    (S.CLOSED, 70),
    (S.DECLINED, 30),
    (S.WITHDRAWN, 12),
)
# ... and one late referral each, in turn not accepted or not answered in time.
LATE = ((S.SENT, 16), (S.ACCEPTED, 45))
QUESTIONS = (
    "Kunt u samen met deze persoon een plan maken voor de schulden?",
    "Welke opleiding past bij deze persoon? Graag een gesprek over de mogelijkheden.",
    "Kunt u helpen met solliciteren en een goed cv?",
    "Deze persoon wil graag beter Nederlands leren. Is er plek in een taalgroep?",
    "Is een werkervaringsplek mogelijk? De persoon wil graag in de zorg werken.",
    "Kunt u meedenken over kinderopvang, zodat werken mogelijk wordt?",
)
ANSWERS = (
    "We hebben een intakegesprek gehad. De persoon start volgende maand bij ons.",
    "Er is een plan gemaakt. We houden u op de hoogte van de voortgang.",
    "De persoon kan instromen in de groep van dinsdagochtend.",
)
DECLINE_REASONS = (
    "Onze groepen zitten vol tot de zomer. Probeer het bij een andere partner.",
    "Deze vraag past niet bij wat wij doen.",
)
WITHDRAW_REASONS = (
    "De persoon heeft zelf werk gevonden.",
    "De persoon wil dit nu toch niet.",
)
OPTIONAL_ITEMS = tuple(code for code in SharedItem.values if code not in ALWAYS_SHARED)


@dataclass
class _Partner:
    organisation: Organisation
    staff: User | None


def _partner_staff(organisations: list[Organisation]) -> dict[int, User]:
    memberships = (
        OrganisationMembership.objects.filter(organisation__in=organisations)
        .select_related("user")
        .order_by("pk")
    )
    found: dict[int, User] = {}
    for membership in memberships:
        found.setdefault(membership.organisation_id, membership.user)
    return found


def _clients(ctx: Context, region: Region, count: int) -> list[JobSeeker]:
    """Job seekers with a case manager: the logins' own people first, then a seeded sample."""
    pool = JobSeeker.objects.filter(
        municipality__region=region, case_manager__isnull=False, anonymised_at__isnull=True
    ).select_related("case_manager")
    first = list(
        pool.filter(
            Q(user__username__in=JOB_SEEKER_LOGINS) | Q(case_manager__username__in=FIRST_CLIENTS_OF)
        ).order_by("pk")[:count]
    )
    rest = list(pool.exclude(pk__in=[j.pk for j in first]).order_by("pk")[: count * 20])
    return first + ctx.sample(rest, count - len(first))


def _sent_at(ctx: Context, days_ago: int) -> dt.datetime:
    return ctx.at(ctx.today - dt.timedelta(days=days_ago), ctx.rng.randint(9, 16), 0)


def _referral(
    ctx: Context, job_seeker: JobSeeker, partner: _Partner, status: str, days_ago: int
) -> Referral:
    sent_at = _sent_at(ctx, days_ago)
    day = sent_at.date()
    accept_due = add_working_days(day, accept_days())
    answer_due = add_working_days(day, answer_days())
    items = [*ALWAYS_SHARED, *ctx.sample(OPTIONAL_ITEMS, ctx.rng.randint(1, 3))]
    referral = Referral.objects.create(
        public_id=ctx.public_id(),
        job_seeker=job_seeker,
        organisation=partner.organisation,
        referred_by=job_seeker.case_manager,
        question=ctx.pick(QUESTIONS),
        shared_items=items,
        consent_given_on=day,
        consent_recorded_by=job_seeker.case_manager,
        sent_at=sent_at,
        accept_due_on=accept_due,
        answer_due_on=answer_due,
    )
    events = [
        ReferralEvent(
            referral=referral,
            kind=ReferralEventKind.SENT,
            to_status=S.SENT,
            actor=job_seeker.case_manager,
            at=sent_at,
        )
    ]
    _play(ctx, referral, partner, status, events)
    referral.save()
    ReferralEvent.objects.bulk_create(events)
    return referral


def _step(
    referral: Referral, events: list[ReferralEvent], to: str, actor: User | None, at: dt.datetime
) -> None:
    events.append(
        ReferralEvent(
            referral=referral,
            kind=to,
            from_status=referral.status,
            to_status=to,
            actor=actor,
            at=at,
            note=referral.status_reason if to in (S.DECLINED, S.WITHDRAWN) else "",
        )
    )
    referral.status = to


def _play(
    ctx: Context, referral: Referral, partner: _Partner, status: str, events: list[ReferralEvent]
) -> None:
    """Walk the referral from 'sent' to `status`, each step a plausible while after the last."""
    staff = partner.staff
    at = referral.sent_at
    if status == S.WITHDRAWN:
        referral.status_reason = ctx.pick(WITHDRAW_REASONS)
        at += dt.timedelta(days=ctx.rng.randint(1, 2))
        referral.closed_at = at
        _step(referral, events, S.WITHDRAWN, referral.referred_by, at)
        return
    if status == S.SENT:
        return
    at += dt.timedelta(days=ctx.rng.randint(1, 3), hours=1)
    referral.responded_at = at
    referral.handled_by = staff
    if status == S.DECLINED:
        referral.status_reason = ctx.pick(DECLINE_REASONS)
        referral.closed_at = at
        _step(referral, events, S.DECLINED, staff, at)
        return
    _step(referral, events, S.ACCEPTED, staff, at)
    if status == S.ACCEPTED:
        return
    at += dt.timedelta(days=ctx.rng.randint(3, 10))
    referral.answer = ctx.pick(ANSWERS)
    referral.answered_at = at
    events.append(
        ReferralEvent(
            referral=referral,
            kind=S.ANSWERED,
            from_status=S.ACCEPTED,
            to_status=S.ANSWERED,
            actor=staff,
            at=at,
            note=referral.answer,
        )
    )
    referral.status = S.ANSWERED
    if status == S.CLOSED:
        at += dt.timedelta(days=ctx.rng.randint(1, 5))
        referral.closed_at = at
        _step(referral, events, S.CLOSED, referral.referred_by, at)


def add_referrals(ctx: Context, region: Region) -> int:
    """Referrals in every status for the region's partners; returns how many were made."""
    organisations = list(partners_in([region.pk]).order_by("name", "pk"))
    if not organisations:
        return 0
    staff = _partner_staff(organisations)
    login_orgs = list(
        Organisation.objects.filter(
            pk__in=[o.pk for o in organisations],
            memberships__user__username__in=LOGIN_PARTNERS,
        )
        .distinct()
        .order_by("name", "pk")
    )
    others = [o for o in organisations if o not in login_orgs]
    plan: list[tuple[Organisation, str, int]] = []
    for number, organisation in enumerate(login_orgs):
        plan += [(organisation, status, days) for status, days in EVERY_STATUS]
        plan.append((organisation, *LATE[number % len(LATE)]))
    if others:
        slow = others[0]  # the partner that leaves referrals waiting
        plan += [(slow, S.SENT, 10 + 5 * n) for n in range(UNRESPONSIVE_LATE)]
        plan.append((slow, S.ACCEPTED, 50))
        for organisation in ctx.sample(others[1:], OTHER_PARTNERS):
            plan.append((organisation, ctx.pick((S.ACCEPTED, S.CLOSED, S.ANSWERED)), 25))
    clients = _clients(ctx, region, len(plan))
    made = 0
    taken: set[tuple[int, int]] = set()
    for index, (organisation, status, days) in enumerate(plan):
        if not clients:
            break
        job_seeker = clients[index % len(clients)]
        if (job_seeker.pk, organisation.pk) in taken:
            continue  # one referral per person and partner is plenty
        taken.add((job_seeker.pk, organisation.pk))
        partner = _Partner(organisation, staff.get(organisation.pk))
        _referral(ctx, job_seeker, partner, status, days)
        made += 1
    return made
