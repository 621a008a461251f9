"""The running campaign of the demo: Haarlem's Werkoffensief.

Members are selected with the outreach app's own cohort query (benefit for at least 18 months)
and assigned with its own rule (to their own case manager). The campaign started some weeks ago
and invited people in weekly waves, so members stand at every point of the funnel. The case work
agrees with the funnel: whoever responded has an appointment, whoever talked has a conversation
and a held appointment on that day. Written with bulk_create and the Transition rows the state
machines would write; the outreach services would stamp everything with the time of the run.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db import reset_queries

from werkroute.accounts.models import User
from werkroute.casework.constants import AppointmentKind, AppointmentStatus, ConversationKind
from werkroute.casework.models import Appointment, Conversation, Transition
from werkroute.core.models import Municipality, Region
from werkroute.demo.generator.casework import (
    APPOINTMENT_LABEL,
    Records,
    between,
    new_appointment,
    office_time,
    save_records,
    status_change,
    weekday,
)
from werkroute.demo.generator.context import Context
from werkroute.demo.generator.geography import Geography
from werkroute.demo.generator.users import SHOWCASE_MUNICIPALITY, Staff
from werkroute.jobseekers.constants import LONG_TERM_MONTHS, BenefitType
from werkroute.jobseekers.models import JobSeeker
from werkroute.outreach.cohort import CohortCriteria, criteria_from_dict, select_cohort
from werkroute.outreach.constants import (
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
    REMINDER_AFTER_DAYS,
    Assignment,
    CampaignStatus,
    Channel,
    InvitationKind,
    MemberStatus,
)
from werkroute.outreach.models import Campaign, CampaignMember, Invitation
from werkroute.outreach.services import assign

M = MemberStatus
CAMPAIGN_LABEL = "outreach.campaign"
MEMBER_LABEL = "outreach.campaignmember"
BATCH_SIZE = 2000

NAME = "Werkoffensief: gesprek met iedereen die langer dan 18 maanden in de bijstand zit"
DESCRIPTION = (
    "Iedereen die langer dan anderhalf jaar bijstand heeft, krijgt een uitnodiging voor een "
    "gesprek. We willen weten hoe het met iemand gaat, wat iemand kan en wat iemand nodig heeft "
    "voor een volgende stap naar werk."
)
# The letters and messages put this after "Ons voorstel voor een afspraak:" (outreach/texts.py).
PROPOSAL = (
    "een gesprek van 45 minuten met uw klantmanager, op het kantoor van de gemeente of bij u thuis."
)
CHANNELS = [Channel.LETTER, Channel.EMAIL, Channel.SMS]
RESPOND_WITHIN_DAYS = 14
STARTED_DAYS_AGO = 70
PREPARED_DAYS = 7  # the campaign was set up this long before it started
WAVES = 10  # one a week; the last went out a week ago
WAVE_DAYS = 7
NOT_YET_INVITED_SHARE = 0.1  # the next wave
PAUSED_SHARE = 0.05
REMINDED_SHARE = 0.7  # of those invited long enough ago without an answer
NO_SHOW_SHARE = 0.12  # missed the first appointment, came to the next
EARLY = (M.INVITED, M.RESPONDED, M.CONVERSATION_HELD, M.FOLLOW_UP_AGREED, M.DECLINED)
EARLY_WEIGHTS = (55, 22, 12, 6, 5)
LATER = (M.NO_RESPONSE, M.INVITED, M.RESPONDED, M.CONVERSATION_HELD, M.FOLLOW_UP_AGREED, M.DECLINED)
LATER_WEIGHTS = (40, 4, 8, 16, 24, 8)
DECLINE_REASONS = (
    "Heeft zelf werk gevonden.",
    "Wil nu niet meedoen.",
    "Gaat binnenkort verhuizen.",
)
CONVERSATION_TEXT = {
    "needs": "Gesprek na de uitnodiging van het Werkoffensief.",
    "agreements": "We kijken samen naar een eerste stap. Dat kan ook vrijwilligerswerk zijn.",
}


@dataclass
class CampaignSummary:
    name: str
    members: int
    paused: int
    by_status: dict[str, int]


@dataclass
class Facts:
    """What the case work already says about the people of the municipality."""

    upcoming: set[int]  # job seekers with a planned appointment still to come
    latest: dict[int, Conversation]  # job seeker -> their latest conversation

    @classmethod
    def load(cls, ctx: Context, municipality: Municipality) -> "Facts":
        planned = Appointment.objects.filter(
            job_seeker__municipality=municipality,
            status=AppointmentStatus.PLANNED,
            starts_at__gte=ctx.at(ctx.today, 0),
        )
        conversations = (
            Conversation.objects.filter(job_seeker__municipality=municipality)
            .order_by("job_seeker_id", "held_on", "pk")
            .only("pk", "job_seeker_id", "held_on")
        )
        # Ordered by date within each person, so the last one written per person stays.
        latest = {c.job_seeker_id: c for c in conversations.iterator(chunk_size=5000)}
        return cls(set(planned.values_list("job_seeker_id", flat=True)), latest)

    def last_talk(self, job_seeker: JobSeeker) -> dt.date | None:
        conversation = self.latest.get(job_seeker.pk)
        return conversation.held_on if conversation else None


@dataclass
class Plan:
    """One member on the way through the funnel, with the case work that goes with it."""

    ctx: Context
    campaign: Campaign
    member: CampaignMember
    facts: Facts
    places: dict[str, str]
    invitations: list[Invitation] = field(default_factory=list)
    transitions: list[Transition] = field(default_factory=list)
    records: Records = field(default_factory=Records)

    @property
    def job_seeker(self) -> JobSeeker:
        return self.member.job_seeker

    @property
    def manager(self) -> User | None:
        return self.member.assigned_to

    def move(self, source: str, target: str, at: dt.datetime, actor: User | None) -> None:
        self.member.status = target
        self.transitions.append(
            status_change(MEMBER_LABEL, self.member.public_id, source, target, at, actor)
        )


def _references(ctx: Context, count: int) -> list[str]:
    """Reference codes like K7QM-4TXP, from the seeded random and unique in this run."""
    codes: list[str] = []
    seen: set[str] = set()  # only asked 'is this in it?'
    while len(codes) < count:
        code = "".join(ctx.pick(REFERENCE_ALPHABET) for _char in range(REFERENCE_LENGTH))
        code = f"{code[:4]}-{code[4:]}"
        if code not in seen:
            seen.add(code)
            codes.append(code)
    return codes


def _campaign(ctx: Context, municipality: Municipality, lead: User) -> Campaign:
    started = ctx.at(ctx.today - dt.timedelta(days=STARTED_DAYS_AGO), 9)
    criteria = CohortCriteria(
        benefit_types=(BenefitType.SOCIAL_ASSISTANCE,), benefit_months_min=LONG_TERM_MONTHS
    )
    return Campaign(
        public_id=ctx.public_id(),
        municipality=municipality,
        name=NAME,
        description=DESCRIPTION,
        criteria=criteria.to_dict(),
        channels=CHANNELS,
        assignment=Assignment.OWN_CASE_MANAGER,
        proposal=PROPOSAL,
        respond_within_days=RESPOND_WITHIN_DAYS,
        status=CampaignStatus.RUNNING,
        created_by=lead,
        started_at=started,
    )


# --- One member ----------------------------------------------------------------------------


def _invite(plan: Plan) -> dt.date | None:
    """The day the invitation went out, or None for the next wave (still to be invited)."""
    ctx = plan.ctx
    if ctx.chance(NOT_YET_INVITED_SHARE):
        return None
    start = ctx.today - dt.timedelta(days=STARTED_DAYS_AGO)
    day = weekday(start + dt.timedelta(days=WAVE_DAYS * ctx.rng.randrange(WAVES)))
    moment = ctx.at(day, 9)
    plan.member.invited_at = moment
    plan.move(M.SELECTED, M.INVITED, moment, None)  # the scheduled job sends: no actor
    plan.invitations += _sent(plan, InvitationKind.INVITATION, moment)
    return day


def _sent(plan: Plan, kind: str, at: dt.datetime) -> list[Invitation]:
    job_seeker = plan.job_seeker
    addresses = {
        Channel.LETTER: job_seeker.postcode,
        Channel.EMAIL: job_seeker.email,
        Channel.SMS: job_seeker.phone,
    }
    return [
        Invitation(member=plan.member, channel=channel, kind=kind, sent_at=at)
        for channel in CHANNELS
        if addresses[channel]
    ]


def _target(plan: Plan, invited: dt.date) -> str:
    """Where the member stands now: what the case work says, else a draw by time invited."""
    ctx, job_seeker = plan.ctx, plan.job_seeker
    last_talk = plan.facts.last_talk(job_seeker)
    upcoming = job_seeker.pk in plan.facts.upcoming
    if last_talk is not None and last_talk >= invited:
        return M.FOLLOW_UP_AGREED if upcoming else M.CONVERSATION_HELD
    if upcoming:
        return M.RESPONDED if ctx.chance(0.6) else M.FOLLOW_UP_AGREED
    if (ctx.today - invited).days < RESPOND_WITHIN_DAYS:
        return ctx.pick_weighted(EARLY, EARLY_WEIGHTS)
    return ctx.pick_weighted(LATER, LATER_WEIGHTS)


def _respond(plan: Plan, invited: dt.date, latest: dt.date) -> dt.date:
    ctx = plan.ctx
    day = between(ctx, invited + dt.timedelta(days=1), min(latest, invited + dt.timedelta(10)))
    plan.member.responded_at = office_time(ctx, day)
    plan.move(M.INVITED, M.RESPONDED, plan.member.responded_at, plan.manager)
    return day


def _upcoming_appointment(plan: Plan, conversation: Conversation | None) -> None:
    ctx = plan.ctx
    day = weekday(ctx.today + dt.timedelta(days=ctx.rng.randint(3, 21)))
    previous = conversation or plan.facts.latest.get(plan.job_seeker.pk)
    kind = AppointmentKind.FOLLOW_UP if previous else AppointmentKind.INTAKE
    plan.records.appointments.append(
        new_appointment(
            ctx,
            plan.job_seeker,
            plan.manager,
            office_time(ctx, day),
            kind,
            previous,
            plan.places,
        )
    )


def _talk(plan: Plan, responded: dt.date, follow_up: bool) -> dt.datetime:
    """The conversation the invitation led to, and the held appointment it took place at."""
    ctx, job_seeker = plan.ctx, plan.job_seeker
    yesterday = ctx.today - dt.timedelta(days=1)
    earliest = min(responded + dt.timedelta(days=2), yesterday)
    day = max(weekday(between(ctx, earliest, yesterday)), responded)
    previous = plan.facts.latest.get(job_seeker.pk)
    if ctx.chance(NO_SHOW_SHARE) and (day - responded).days > 3:
        _missed(plan, responded + dt.timedelta(days=1), previous)
    conversation = Conversation(
        public_id=ctx.public_id(),
        job_seeker=job_seeker,
        author=plan.manager,
        held_on=day,
        kind=ConversationKind.FOLLOW_UP if previous else ConversationKind.INTAKE,
        follow_up_on=ctx.today + dt.timedelta(days=ctx.rng.randint(7, 30)) if follow_up else None,
        **CONVERSATION_TEXT,
    )
    plan.records.conversations.append(conversation)
    kind = AppointmentKind.FOLLOW_UP if previous else AppointmentKind.INTAKE
    appointment = new_appointment(
        ctx, job_seeker, plan.manager, office_time(ctx, day), kind, previous, plan.places
    )
    _close(plan, appointment, AppointmentStatus.HELD)
    if follow_up and job_seeker.pk not in plan.facts.upcoming and ctx.chance(0.6):
        _upcoming_appointment(plan, conversation)
    return appointment.starts_at


def _missed(plan: Plan, day: dt.date, previous: Conversation | None) -> None:
    ctx = plan.ctx
    appointment = new_appointment(
        ctx,
        plan.job_seeker,
        plan.manager,
        office_time(ctx, weekday(day)),
        AppointmentKind.INTAKE if previous is None else AppointmentKind.FOLLOW_UP,
        previous,
        plan.places,
    )
    _close(plan, appointment, AppointmentStatus.NO_SHOW)


def _close(plan: Plan, appointment: Appointment, status: str) -> None:
    appointment.status = status
    plan.records.appointments.append(appointment)
    plan.records.transitions.append(
        status_change(
            APPOINTMENT_LABEL,
            appointment.public_id,
            AppointmentStatus.PLANNED,
            status,
            appointment.ends_at,
            plan.manager,
        )
    )


def _no_answer(plan: Plan, invited: dt.date, target: str) -> None:
    """Still waiting, or no answer in time: one reminder went out (mostly)."""
    ctx = plan.ctx
    waited = (ctx.today - invited).days
    if waited >= REMINDER_AFTER_DAYS and ctx.chance(REMINDED_SHARE):
        moment = ctx.at(invited + dt.timedelta(days=REMINDER_AFTER_DAYS), 9)
        plan.member.last_reminder_at = moment
        plan.invitations += _sent(plan, InvitationKind.REMINDER, moment)
    if target == M.NO_RESPONSE and waited > RESPOND_WITHIN_DAYS + 1:
        # Marked after the time to respond (and the reminder) had passed.
        late = invited + dt.timedelta(days=min(waited - 1, RESPOND_WITHIN_DAYS + 7))
        plan.move(M.INVITED, M.NO_RESPONSE, ctx.at(late, 17), None)


def _walk(plan: Plan, invited: dt.date, target: str) -> None:
    """Move the member along the funnel to `target`, adding the case work each step needs."""
    ctx, member = plan.ctx, plan.member
    last_talk = plan.facts.last_talk(plan.job_seeker)
    if target in (M.INVITED, M.NO_RESPONSE):
        _no_answer(plan, invited, target)
        return
    if target == M.DECLINED:
        day = between(ctx, invited + dt.timedelta(days=1), ctx.today - dt.timedelta(days=1))
        plan.move(M.INVITED, M.DECLINED, office_time(ctx, day), plan.manager)
        plan.transitions[-1].reason = ctx.pick(DECLINE_REASONS)
        return
    talked_before = last_talk is not None and last_talk >= invited
    latest = last_talk if talked_before else ctx.today - dt.timedelta(days=1)
    responded = _respond(plan, invited, latest)  # type: ignore[arg-type]
    if target == M.RESPONDED:
        if plan.job_seeker.pk not in plan.facts.upcoming:
            _upcoming_appointment(plan, None)
        return
    follow_up = target == M.FOLLOW_UP_AGREED
    talked_at = (
        office_time(ctx, last_talk)  # type: ignore[arg-type]
        if talked_before
        else _talk(plan, responded, follow_up)
    )
    member.conversation_at = max(talked_at, member.responded_at)  # type: ignore[type-var]
    plan.move(M.RESPONDED, M.CONVERSATION_HELD, member.conversation_at, plan.manager)
    if follow_up:
        member.follow_up_at = member.conversation_at + dt.timedelta(hours=1)
        plan.move(M.CONVERSATION_HELD, M.FOLLOW_UP_AGREED, member.follow_up_at, plan.manager)


def _plan_member(plan: Plan) -> None:
    invited = _invite(plan)
    if invited is None:
        return
    if (plan.ctx.today - invited).days < 2:
        return  # too fresh for anything to have happened
    _walk(plan, invited, _target(plan, invited))
    if plan.member.status not in (M.FOLLOW_UP_AGREED, M.DECLINED):
        plan.member.paused = plan.ctx.chance(PAUSED_SHARE)


# --- The campaign --------------------------------------------------------------------------


def _cohort(campaign: Campaign, today: dt.date) -> list[JobSeeker]:
    """The people the campaign's stored criteria select, as the outreach app selects them."""
    criteria = criteria_from_dict(campaign.criteria)
    return list(
        select_cohort(campaign.municipality, criteria, today).select_related(
            "case_manager", "municipality"
        )
    )


def create_campaign(
    ctx: Context, geo: Geography, staff: Staff, places: dict[str, str]
) -> CampaignSummary:
    """Haarlem's running Werkoffensief, its members spread over the funnel."""
    municipality = geo.municipality_named(SHOWCASE_MUNICIPALITY)
    lead = staff.named["teamleider"]
    campaign = _campaign(ctx, municipality, lead)
    campaign.save()
    people = _cohort(campaign, ctx.today)
    managers = sorted(
        staff.case_managers[municipality.code], key=lambda u: (u.last_name, u.first_name, u.pk)
    )
    assigned = assign(people, Assignment.OWN_CASE_MANAGER, managers, {u.pk for u in managers})
    facts = Facts.load(ctx, municipality)
    plans = [
        Plan(
            ctx,
            campaign,
            CampaignMember(
                public_id=ctx.public_id(),
                campaign=campaign,
                job_seeker=person,
                assigned_to=user,
                reference=reference,
            ),
            facts,
            places,
        )
        for person, user, reference in zip(
            people, assigned, _references(ctx, len(people)), strict=True
        )
    ]
    for plan in plans:
        _plan_member(plan)
    _save(campaign, lead, plans)
    statuses = Counter(plan.member.status for plan in plans)
    return CampaignSummary(
        name=campaign.name,
        members=len(plans),
        paused=sum(1 for plan in plans if plan.member.paused),
        by_status={status: statuses[status] for status in MemberStatus.values},
    )


def _save(campaign: Campaign, lead: User, plans: list[Plan]) -> None:
    started = campaign.started_at
    assert started is not None
    CampaignMember.objects.bulk_create([p.member for p in plans], batch_size=BATCH_SIZE)
    # Prepared a week before it started, not when the demo ran.
    prepared = started - dt.timedelta(days=PREPARED_DAYS)
    Campaign.objects.filter(pk=campaign.pk).update(created_at=prepared)
    CampaignMember.objects.filter(campaign=campaign).update(created_at=prepared)
    Invitation.objects.bulk_create(
        [invitation for p in plans for invitation in p.invitations], batch_size=BATCH_SIZE
    )
    records = Records()
    records.transitions.append(
        status_change(
            CAMPAIGN_LABEL,
            campaign.public_id,
            CampaignStatus.DRAFT,
            CampaignStatus.RUNNING,
            started,
            lead,
        )
    )
    for plan in plans:
        records.extend(plan.records)
        records.transitions.extend(plan.transitions)
    save_records(records)
    reset_queries()  # with DEBUG on, Django would otherwise keep every insert in memory


def delete_campaigns(region: Region) -> None:
    """The region's campaigns with their members, invitations and logged status changes."""
    members = CampaignMember.objects.filter(campaign__municipality__region=region)
    campaigns = Campaign.objects.filter(municipality__region=region)
    Transition.objects.filter(
        model_label=MEMBER_LABEL, object_id__in=members.values("public_id")
    ).delete()
    Transition.objects.filter(
        model_label=CAMPAIGN_LABEL, object_id__in=campaigns.values("public_id")
    ).delete()
    Invitation.objects.filter(member__campaign__municipality__region=region).delete()
    members.delete()
    campaigns.delete()
