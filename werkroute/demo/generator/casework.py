"""The case work around the demo's job seekers: conversations, goals and actions, appointments,
the route plan, and a Transition row for every status change, as state.transition() would write.

About half the people had an intake conversation with their case manager, some had follow-ups.
Obstacles become goals with actions. Past appointments were held, missed or cancelled; some
people have one coming up. Route steps link to public offerings of the demo catalogue where one
fits (a course, an application training, a job fair, a vacancy in their ambition field), and are
described in words otherwise. Dates lie in the past, except what is planned.
"""

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.db import reset_queries
from django.db.models import F

from werkroute.accounts.models import User
from werkroute.casework.constants import (
    ActionStatus,
    AppointmentChannel,
    AppointmentKind,
    AppointmentStatus,
    ConversationKind,
    GoalStatus,
    Owner,
    ReminderChannel,
    RouteStepStatus,
)
from werkroute.casework.models import (
    Action,
    Appointment,
    Conversation,
    Goal,
    RouteStep,
    Transition,
)
from werkroute.catalogue.constants import OfferingKind, Theme
from werkroute.catalogue.models import Offering
from werkroute.core.models import Region
from werkroute.demo.generator.context import Context, lower_first
from werkroute.demo.generator.jobseekers import LOW_NT2, SUPPORT, TALENTS, Person
from werkroute.demo.generator.organisations import Cast
from werkroute.jobseekers.constants import ObstacleKind
from werkroute.jobseekers.models import JobSeeker

BATCH_SIZE = 2000
INTAKE_SHARE = 0.56
INTAKE_WINDOW_DAYS = 3 * 365
SHOWCASE_INTAKE_DAYS = (90, 300)  # how long ago the job seeker logins had their intake
UPCOMING_SHARE = 0.45
UPCOMING_INTAKE_SHARE = 0.12  # of the people nobody has talked to yet
UPCOMING_DAYS = 30
NO_SHOW_SHARE = 0.2
CANCELLED_SHARE = 0.12
FORGOTTEN_SHARE = 0.02  # a planned appointment in the past nobody marked held or missed
WORK_GOAL_SHARE = 0.6
NEAR_SHARE = 0.8  # how often a route step looks in the person's own municipality first
APPOINTMENT_LABEL = "casework.appointment"
ROUTE_STEP_LABEL = "casework.routestep"
CHANNELS = (
    AppointmentChannel.IN_PERSON,
    AppointmentChannel.PHONE,
    AppointmentChannel.VIDEO,
    AppointmentChannel.HOME_VISIT,
)
CHANNEL_WEIGHTS = (62, 24, 8, 6)
HOME_VISIT_PLACE = "Bij de werkzoekende thuis"
DURATIONS = (30, 45, 45, 60)
PLANNED_DAYS_AHEAD = 7

# B1 texts. Order matters: the generator picks from these with a seeded random.
GOALS: dict[str, tuple[str, ...]] = {
    ObstacleKind.CHILDCARE: ("Kinderopvang is geregeld", "Werk en zorg voor de kinderen passen"),
    ObstacleKind.CARE_DUTIES: ("Werk en mantelzorg gaan goed samen",),
    ObstacleKind.HEALTH: ("Rustig beginnen met werk dat past", "Weten welk werk goed haalbaar is"),
    ObstacleKind.DEBTS: ("Rust in de geldzaken", "Er is een plan voor de schulden"),
    ObstacleKind.LANGUAGE: ("Nederlands spreken op niveau B1", "Beter Nederlands voor op het werk"),
    ObstacleKind.TRANSPORT: ("Vervoer naar het werk is geregeld",),
    ObstacleKind.HOUSING: ("Een vaste woonplek",),
    ObstacleKind.DIGITAL_SKILLS: ("Zelf online kunnen solliciteren",),
}
ACTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    ObstacleKind.CHILDCARE: (
        ("Kinderopvangtoeslag aanvragen", Owner.JOB_SEEKER),
        ("Samen met het wijkteam opvang in de buurt zoeken", Owner.PARTNER),
    ),
    ObstacleKind.CARE_DUTIES: (
        ("Gesprek met het steunpunt mantelzorg", Owner.PARTNER),
        ("Vaste werkdagen bespreken met de werkgever", Owner.CASE_MANAGER),
    ),
    ObstacleKind.HEALTH: (
        ("Gesprek met een arbeidsdeskundige plannen", Owner.CASE_MANAGER),
        ("Werk zoeken waar je kunt zitten en staan", Owner.CASE_MANAGER),
    ),
    ObstacleKind.DEBTS: (
        ("Aanmelden bij de schuldhulpverlening", Owner.JOB_SEEKER),
        ("Samen met een schuldhulpmaatje een overzicht maken", Owner.PARTNER),
    ),
    ObstacleKind.LANGUAGE: (
        ("Aanmelden voor een taalcursus bij het Taalhuis", Owner.JOB_SEEKER),
        ("Elke week oefenen met een taalmaatje", Owner.JOB_SEEKER),
    ),
    ObstacleKind.TRANSPORT: (
        ("Fietslessen volgen", Owner.JOB_SEEKER),
        ("Uitzoeken welke reiskosten vergoed worden", Owner.CASE_MANAGER),
    ),
    ObstacleKind.HOUSING: (
        ("Inschrijven als woningzoekende", Owner.JOB_SEEKER),
        ("Contact met het wijkteam over woonruimte", Owner.PARTNER),
    ),
    ObstacleKind.DIGITAL_SKILLS: (
        ("Computercursus volgen", Owner.JOB_SEEKER),
        ("Een e-mailadres maken en leren gebruiken", Owner.JOB_SEEKER),
    ),
}
WORK_GOAL = "Aan het werk als {label}"
WORK_ACTIONS = (
    ("Elke maand twee vacatures uitzoeken", Owner.JOB_SEEKER),
    ("Cv maken en laten nakijken", Owner.JOB_SEEKER),
    ("Een werkgever vragen voor een proefplaatsing", Owner.CASE_MANAGER),
)
FREE_STEPS = (
    ("Cv maken", Owner.JOB_SEEKER),
    ("Oefenen met een sollicitatiegesprek", Owner.JOB_SEEKER),
    ("Inschrijven bij een uitzendbureau", Owner.JOB_SEEKER),
    ("Kennismaken met een jobcoach", Owner.PARTNER),
    ("Proefplaatsing van twee maanden regelen", Owner.CASE_MANAGER),
    ("Een dag meelopen bij een werkgever", Owner.JOB_SEEKER),
    ("VOG aanvragen", Owner.CASE_MANAGER),
)
STOP_REASONS = (
    "Past niet bij de uren die mogelijk zijn.",
    "De cursus is vol. We zoeken een andere.",
    "Wil liever iets anders doen.",
    "Te ver reizen zonder eigen vervoer.",
    "Eerst rust nodig. Later kijken we opnieuw.",
)
CANCEL_REASONS = (
    "Werkzoekende was ziek.",
    "Klantmanager was afwezig.",
    "Nieuwe datum afgesproken.",
)
AGREEMENTS = (
    "We spreken elke maand af.",
    "Werkzoekende zoekt deze maand drie vacatures uit.",
    "Werkzoekende laat weten hoe het gaat met de taalcursus.",
    "De klantmanager belt over twee weken.",
    "Werkzoekende neemt het cv mee naar het volgende gesprek.",
)
NEXT_STEPS = (
    "Aanmelden voor de sollicitatietraining.",
    "Samen kijken naar vacatures in de buurt.",
    "Kennismaken met een jobcoach.",
    "Eerst de geldzaken op orde, dan verder kijken naar werk.",
    "Een proefplaatsing zoeken.",
)
FOLLOW_UP_NOTES = (
    "Het gaat goed. De afspraken van vorige keer zijn gedaan.",
    "Het was een drukke maand. Nog niet alles is gelukt.",
    "Er is een goede stap gezet. We gaan verder op deze weg.",
)
APPLY_STEP = "Solliciteren: {title}"
AMBITION_TEXT = "Wil graag werken als {label}."
OBSTACLES_TEXT = "We hebben gepraat over: {labels}."


# --- The catalogue, indexed ----------------------------------------------------------------


@dataclass(frozen=True)
class OfferingRef:
    pk: int
    title: str
    upcoming: bool  # takes place on a date still to come


@dataclass
class OfferingIndex:
    """Public offerings by (kind, field or theme), in the region and per municipality."""

    anywhere: dict[tuple[str, str], list[OfferingRef]] = field(default_factory=dict)
    near: dict[tuple[str, str, int], list[OfferingRef]] = field(default_factory=dict)

    @classmethod
    def load(cls, today: dt.date) -> "OfferingIndex":
        index = cls()
        rows = (
            Offering.objects.public(today)
            .order_by("pk")
            .values_list(
                "pk", "kind", "title", "occupation__field__code", "municipality_id", "themes"
            )
            .iterator(chunk_size=5000)
        )
        dated = set(
            Offering.objects.public(today).filter(date_from__gt=today).values_list("pk", flat=True)
        )
        for pk, kind, title, field_code, municipality_id, themes in rows:
            ref = OfferingRef(pk, title, pk in dated)
            for extra in ("", field_code or "", *themes):
                index._add(kind, extra, municipality_id, ref)
        return index

    def _add(self, kind: str, extra: str, municipality_id: int | None, ref: OfferingRef) -> None:
        self.anywhere.setdefault((kind, extra), []).append(ref)
        if municipality_id is not None:
            self.near.setdefault((kind, extra, municipality_id), []).append(ref)

    def pick(
        self, ctx: Context, kind: str, municipality_id: int, extra: str = ""
    ) -> OfferingRef | None:
        near = self.near.get((kind, extra, municipality_id), [])
        if near and ctx.chance(NEAR_SHARE):
            return ctx.pick(near)
        anywhere = self.anywhere.get((kind, extra), [])
        return ctx.pick(anywhere) if anywhere else None


def desk_places(cast: Cast) -> dict[str, str]:
    """Where in-person appointments are: the municipal desk, by municipality code."""
    places = {}
    for actor in cast.municipal_desks:
        location = actor.locations[0]
        place = f"{location.name}, {location.street_address}, {location.city}"
        places.setdefault(actor.home.code, place[:200])
    return places


# --- The records of one person -------------------------------------------------------------


@dataclass
class Records:
    conversations: list[Conversation] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    appointments: list[Appointment] = field(default_factory=list)
    route_steps: list[RouteStep] = field(default_factory=list)
    transitions: list[Transition] = field(default_factory=list)

    def extend(self, other: "Records") -> None:
        for name in self.__dataclass_fields__:
            getattr(self, name).extend(getattr(other, name))

    def counts(self) -> Counter[str]:
        return Counter({name: len(getattr(self, name)) for name in self.__dataclass_fields__})


@dataclass
class Case:
    """What the generator knows while it writes one person's case."""

    ctx: Context
    person: Person
    case_manager: User
    records: Records = field(default_factory=Records)

    @property
    def job_seeker(self) -> JobSeeker:
        return self.person.job_seeker

    def transition(
        self, label: str, obj: Appointment | RouteStep, source: str, target: str, at: dt.datetime
    ) -> None:
        reason = getattr(obj, "status_reason", "") if target == RouteStepStatus.STOPPED else ""
        self.records.transitions.append(
            status_change(label, obj.public_id, source, target, at, self.case_manager, reason)
        )


def status_change(
    label: str,
    object_id: uuid.UUID,
    source: str,
    target: str,
    at: dt.datetime,
    actor: User | None,
    reason: str = "",
) -> Transition:
    """The Transition row state.transition() writes for this change."""
    return Transition(
        model_label=label,
        object_id=object_id,
        from_state=source,
        to_state=target,
        actor_id=actor.pk if actor is not None else None,
        at=at,
        reason=reason,
    )


def weekday(day: dt.date) -> dt.date:
    """Saturdays and Sundays move back to the Friday before."""
    return day - dt.timedelta(days=max(0, day.weekday() - 4))


def between(ctx: Context, low: dt.date, high: dt.date) -> dt.date:
    if high <= low:
        return low
    return low + dt.timedelta(days=ctx.rng.randint(0, (high - low).days))


def office_time(ctx: Context, day: dt.date) -> dt.datetime:
    return ctx.at(day, ctx.rng.randint(9, 15), ctx.pick((0, 15, 30, 45)))


def _conversation_dates(case: Case) -> list[dt.date]:
    """The intake and follow-ups, on weekdays in the past, while the benefit ran."""
    ctx, job_seeker = case.ctx, case.job_seeker
    if not (case.person.showcase or ctx.chance(INTAKE_SHARE)):
        return []
    last = min(job_seeker.benefit_end or ctx.today, ctx.today) - dt.timedelta(days=2)
    start = job_seeker.benefit_start or ctx.today
    earliest = max(start + dt.timedelta(days=7), ctx.today - dt.timedelta(days=INTAKE_WINDOW_DAYS))
    latest_intake = last
    follow_ups = ctx.pick_weighted((0, 1, 2, 3), (35, 30, 20, 15))
    if case.person.showcase:  # a history to look at: an intake months ago, three follow-ups
        earliest = ctx.today - dt.timedelta(days=SHOWCASE_INTAKE_DAYS[1])
        latest_intake = ctx.today - dt.timedelta(days=SHOWCASE_INTAKE_DAYS[0])
        follow_ups = 3
    if earliest > latest_intake:
        return []
    dates = [weekday(between(ctx, earliest, latest_intake))]
    for _index in range(follow_ups):
        day = dates[-1] + dt.timedelta(days=ctx.rng.randint(21, 70))
        if day > last:
            break
        dates.append(weekday(day))
    return dates


def _conversation(case: Case, day: dt.date, kind: str) -> Conversation:
    ctx, person = case.ctx, case.person
    follow_up_on = day + dt.timedelta(days=ctx.rng.randint(14, 42)) if ctx.chance(0.7) else None
    values = {
        "agreements": ctx.pick(AGREEMENTS),
        "next_steps": ctx.pick(NEXT_STEPS),
    }
    if kind == ConversationKind.INTAKE:
        values |= {
            "talents": person.job_seeker.talents or ctx.pick(TALENTS),
            "needs": person.job_seeker.support_needed or ctx.pick(SUPPORT),
            "ambitions": _ambition_text(person),
            "obstacles_note": _obstacles_text(person),
        }
    else:
        values["obstacles_note"] = ctx.pick(FOLLOW_UP_NOTES)
    return Conversation(
        public_id=ctx.public_id(),
        job_seeker=person.job_seeker,
        author=case.case_manager,
        held_on=day,
        kind=kind,
        follow_up_on=follow_up_on,
        **values,
    )


def _ambition_text(person: Person) -> str:
    for ambition in person.ambitions:
        if ambition.occupation is not None:
            return AMBITION_TEXT.format(label=lower_first(ambition.occupation.name))
    return ""


def _obstacles_text(person: Person) -> str:
    labels = [str(ObstacleKind(o.kind).label) for o in person.obstacles]
    return OBSTACLES_TEXT.format(labels=", ".join(labels)) if labels else ""


# --- Goals and actions ---------------------------------------------------------------------


def _goals(case: Case, intake: Conversation) -> None:
    ctx = case.ctx
    for obstacle in case.person.obstacles:
        if not obstacle.is_active:
            status = GoalStatus.REACHED
        else:
            status = GoalStatus.DROPPED if ctx.chance(0.12) else GoalStatus.OPEN
        goal = _goal(case, intake, ctx.pick(GOALS[obstacle.kind]), status)
        goal.obstacle = obstacle
        for description, owner in ctx.sample(ACTIONS[obstacle.kind], ctx.rng.randint(1, 2)):
            _action(case, goal, intake.held_on, description, owner)
    ambitions = [a for a in case.person.ambitions if a.occupation is not None]
    if ambitions and (case.person.showcase or ctx.chance(WORK_GOAL_SHARE)):
        label = lower_first(ambitions[0].occupation.name)  # type: ignore[union-attr]
        goal = _goal(case, intake, WORK_GOAL.format(label=label), GoalStatus.OPEN)
        for description, owner in ctx.sample(WORK_ACTIONS, ctx.rng.randint(1, 3)):
            _action(case, goal, intake.held_on, description, owner)


def _goal(case: Case, intake: Conversation, description: str, status: str) -> Goal:
    goal = Goal(
        public_id=case.ctx.public_id(),
        job_seeker=case.job_seeker,
        conversation=intake,
        description=description,
        status=status,
    )
    case.records.goals.append(goal)
    return goal


def _action(case: Case, goal: Goal, since: dt.date, description: str, owner: str) -> None:
    ctx = case.ctx
    if goal.status == GoalStatus.REACHED:
        status = ActionStatus.DONE
    elif goal.status == GoalStatus.DROPPED:
        status = ActionStatus.DROPPED
    else:
        status = ActionStatus.DONE if ctx.chance(0.35) else ActionStatus.TODO
    if status == ActionStatus.TODO:
        # Now and then a deadline has passed: something to pick up at the next conversation.
        due = (
            ctx.days_ago(1, 20)
            if ctx.chance(0.1)
            else ctx.today + dt.timedelta(days=ctx.rng.randint(7, 60))
        )
    else:
        due = between(ctx, since, ctx.today - dt.timedelta(days=1))
    case.records.actions.append(
        Action(
            public_id=ctx.public_id(),
            goal=goal,
            description=description,
            owner=owner,
            due_on=due,
            status=status,
        )
    )


# --- Appointments --------------------------------------------------------------------------


def new_appointment(
    ctx: Context,
    job_seeker: JobSeeker,
    case_manager: User | None,
    starts_at: dt.datetime,
    kind: str,
    conversation: Conversation | None,
    places: dict[str, str],
) -> Appointment:
    """A planned appointment, at the desk, by phone or video, or at home."""
    channel = ctx.pick_weighted(CHANNELS, CHANNEL_WEIGHTS)
    place = ""
    if channel == AppointmentChannel.IN_PERSON:
        place = places.get(job_seeker.municipality.code, "")
    elif channel == AppointmentChannel.HOME_VISIT:
        place = HOME_VISIT_PLACE
    return Appointment(
        public_id=ctx.public_id(),
        job_seeker=job_seeker,
        case_manager=case_manager,
        conversation=conversation,
        starts_at=starts_at,
        duration_minutes=ctx.pick(DURATIONS),
        kind=kind,
        channel=channel,
        place=place,
    )


def _appointment(
    case: Case,
    starts_at: dt.datetime,
    kind: str,
    conversation: Conversation | None,
    places: dict[str, str],
) -> Appointment:
    appointment = new_appointment(
        case.ctx, case.job_seeker, case.case_manager, starts_at, kind, conversation, places
    )
    case.records.appointments.append(appointment)
    return appointment


def _close(case: Case, appointment: Appointment, status: str) -> None:
    """A past appointment marked held, no-show or cancelled, with its Transition row."""
    ctx = case.ctx
    appointment.status = status
    if status == AppointmentStatus.CANCELLED:
        at = appointment.starts_at - dt.timedelta(days=ctx.rng.randint(1, 3), hours=2)
        reason = ctx.pick(CANCEL_REASONS)
    else:
        at = appointment.ends_at + dt.timedelta(minutes=ctx.rng.randint(5, 90))
        reason = ""
    case.transition(APPOINTMENT_LABEL, appointment, AppointmentStatus.PLANNED, status, at)
    case.records.transitions[-1].reason = reason


def _past_appointments(case: Case, places: dict[str, str]) -> None:
    """One held appointment per conversation; now and then one missed or cancelled."""
    conversations = case.records.conversations
    for index, conversation in enumerate(conversations):
        kind = AppointmentKind.INTAKE if index == 0 else AppointmentKind.FOLLOW_UP
        previous = conversations[index - 1] if index else None
        starts_at = office_time(case.ctx, conversation.held_on)
        _close(case, _appointment(case, starts_at, kind, previous, places), AppointmentStatus.HELD)
    ctx = case.ctx
    first = conversations[0].held_on
    for status, share in (
        (AppointmentStatus.NO_SHOW, NO_SHOW_SHARE),
        (AppointmentStatus.CANCELLED, CANCELLED_SHARE),
    ):
        if not ctx.chance(share):
            continue
        day = weekday(between(ctx, first + dt.timedelta(days=3), ctx.today - dt.timedelta(2)))
        before = [c for c in conversations if c.held_on < day] or conversations[:1]
        appointment = _appointment(
            case, office_time(ctx, day), AppointmentKind.FOLLOW_UP, before[-1], places
        )
        _close(case, appointment, status)


def _reminder(case: Case) -> str:
    ctx, job_seeker = case.ctx, case.job_seeker
    if job_seeker.email and (case.person.showcase or ctx.chance(0.35)):
        return ReminderChannel.EMAIL
    if job_seeker.phone and ctx.chance(0.3):
        return ReminderChannel.SMS
    return ReminderChannel.NONE


def _coming_appointments(case: Case, places: dict[str, str]) -> None:
    """A planned appointment in the next 30 days, or (rarely) a past one nobody closed."""
    ctx, conversations = case.ctx, case.records.conversations
    if not case.person.benefit_running:
        return
    last = conversations[-1] if conversations else None
    kind = AppointmentKind.FOLLOW_UP if last else AppointmentKind.INTAKE
    share = UPCOMING_SHARE if last else UPCOMING_INTAKE_SHARE
    if case.person.showcase or ctx.chance(share):
        day = weekday(ctx.today + dt.timedelta(days=ctx.rng.randint(3, UPCOMING_DAYS)))
        appointment = _appointment(case, office_time(ctx, day), kind, last, places)
        appointment.reminder_channel = _reminder(case)
    elif last and ctx.chance(FORGOTTEN_SHARE):
        day = weekday(ctx.days_ago(2, 14))
        if day > last.held_on:
            _appointment(case, office_time(ctx, day), kind, last, places)


# --- The route plan ------------------------------------------------------------------------


@dataclass(frozen=True)
class StepIdea:
    kind: str  # an OfferingKind, or "" for a step in words
    extra: str = ""  # an occupational field or a theme
    owner: str = Owner.JOB_SEEKER


def _step_ideas(case: Case) -> list[StepIdea]:
    """What could come next for this person: the most pressing first, then the rest shuffled."""
    ctx, person = case.ctx, case.person
    kinds = {o.kind for o in person.obstacles if o.is_active}
    fields = [a.field.code for a in person.ambitions if a.field is not None]
    field_code = fields[0] if fields else ""
    pressing = []
    if ObstacleKind.DEBTS in kinds:
        pressing.append(StepIdea(OfferingKind.SUPPORT_SERVICE, Theme.MONEY_DEBTS, Owner.PARTNER))
    if ObstacleKind.LANGUAGE in kinds or person.dutch_level in LOW_NT2:
        pressing.append(StepIdea(OfferingKind.COURSE, Theme.DUTCH_LANGUAGE))
    if ObstacleKind.DIGITAL_SKILLS in kinds:
        pressing.append(StepIdea(OfferingKind.COURSE, Theme.DIGITAL_SKILLS))
    rest = [
        StepIdea(OfferingKind.APPLICATION_TRAINING),
        StepIdea(OfferingKind.JOB_FAIR),
        StepIdea(OfferingKind.COURSE),
        StepIdea(OfferingKind.WORK_EXPERIENCE, field_code),
        StepIdea(OfferingKind.VOLUNTEERING),
        StepIdea(""),
        StepIdea(""),
    ]
    ctx.rng.shuffle(rest)
    return [*pressing, *rest, StepIdea(OfferingKind.VACANCY, field_code)]


def _route_steps(case: Case, index: OfferingIndex) -> None:
    ctx = case.ctx
    count = ctx.pick_weighted((1, 2, 3, 4, 5), (20, 25, 25, 18, 12))
    if case.person.showcase:
        count = max(count, 4)
    ideas = _step_ideas(case)
    chosen = [*ideas[: count - 1], ideas[-1]] if count > 1 else ideas[:1]
    free = list(FREE_STEPS)
    ctx.rng.shuffle(free)
    for position, idea in enumerate(chosen, start=1):
        offering = (
            index.pick(ctx, idea.kind, case.job_seeker.municipality_id, idea.extra)
            if idea.kind
            else None
        )
        if offering is None:
            title, owner = free.pop()
            step = _route_step(case, position, title, owner, None)
        else:
            title = offering.title
            if idea.kind == OfferingKind.VACANCY:
                title = APPLY_STEP.format(title=title)
            step = _route_step(case, position, title, idea.owner, offering.pk)
        _advance(case, step, position / len(chosen), upcoming=bool(offering and offering.upcoming))


def _route_step(
    case: Case, position: int, title: str, owner: str, offering_id: int | None
) -> RouteStep:
    step = RouteStep(
        public_id=case.ctx.public_id(),
        job_seeker=case.job_seeker,
        offering_id=offering_id,
        title=title[:200],
        owner=owner,
        position=position,
    )
    case.records.route_steps.append(step)
    return step


STEP_STATUSES = (
    RouteStepStatus.PLANNED,
    RouteStepStatus.BUSY,
    RouteStepStatus.DONE,
    RouteStepStatus.STOPPED,
)
EARLY_WEIGHTS = (25, 22, 40, 13)  # the first steps of a plan: mostly under way or behind us
LATE_WEIGHTS = (58, 27, 10, 5)  # the last steps: mostly still to come


def _advance(case: Case, step: RouteStep, share_of_plan: float, *, upcoming: bool) -> None:
    """Give the step its status and due date, with the Transition rows that led there."""
    ctx = case.ctx
    weights = EARLY_WEIGHTS if share_of_plan <= 0.5 else LATE_WEIGHTS
    status = ctx.pick_weighted(STEP_STATUSES, weights)
    if upcoming and status in (RouteStepStatus.DONE, RouteStepStatus.STOPPED):
        status = RouteStepStatus.BUSY  # signed up for something that has yet to take place
    conversations = case.records.conversations
    since = ctx.pick(conversations).held_on if conversations else ctx.days_ago(30, 90)
    yesterday = ctx.today - dt.timedelta(days=1)
    if status in (RouteStepStatus.PLANNED, RouteStepStatus.BUSY):
        step.due_on = ctx.today + dt.timedelta(days=ctx.rng.randint(7, 90))
    else:
        step.due_on = between(ctx, since + dt.timedelta(days=1), yesterday)
    if status == RouteStepStatus.PLANNED:
        return
    started = between(ctx, since + dt.timedelta(days=1), min(step.due_on, yesterday))
    source, last_change = RouteStepStatus.PLANNED, office_time(ctx, started)
    if status == RouteStepStatus.BUSY or ctx.chance(0.6):
        case.transition(ROUTE_STEP_LABEL, step, source, RouteStepStatus.BUSY, last_change)
        source = RouteStepStatus.BUSY
    step.status = status
    if status == RouteStepStatus.BUSY:
        return
    if status == RouteStepStatus.STOPPED:
        step.status_reason = ctx.pick(STOP_REASONS)
    ended = office_time(ctx, between(ctx, started, yesterday))
    if source == RouteStepStatus.BUSY:
        ended = max(ended, last_change + dt.timedelta(hours=1))
    case.transition(ROUTE_STEP_LABEL, step, source, status, ended)


# --- One person, a batch -------------------------------------------------------------------


def plan_case(ctx: Context, person: Person, index: OfferingIndex, places: dict[str, str]) -> Case:
    case = Case(ctx, person, person.job_seeker.case_manager)  # type: ignore[arg-type]
    dates = _conversation_dates(case)
    for number, day in enumerate(dates):
        kind = ConversationKind.INTAKE if number == 0 else ConversationKind.FOLLOW_UP
        case.records.conversations.append(_conversation(case, day, kind))
    if case.records.conversations:
        _goals(case, case.records.conversations[0])
        _past_appointments(case, places)
        _route_steps(case, index)
    _coming_appointments(case, places)
    return case


def save_records(records: Records) -> None:
    """Each model in one go; related objects pick up the keys their parents just got."""
    Conversation.objects.bulk_create(records.conversations, batch_size=BATCH_SIZE)
    Goal.objects.bulk_create(records.goals, batch_size=BATCH_SIZE)
    Action.objects.bulk_create(records.actions, batch_size=BATCH_SIZE)
    Appointment.objects.bulk_create(records.appointments, batch_size=BATCH_SIZE)
    RouteStep.objects.bulk_create(records.route_steps, batch_size=BATCH_SIZE)
    Transition.objects.bulk_create(records.transitions, batch_size=BATCH_SIZE)


def add_casework(
    ctx: Context, people: list[Person], index: OfferingIndex, places: dict[str, str]
) -> Counter[str]:
    """Write the case work of a batch of saved people; answers how many records of each kind."""
    records = Records()
    for person in people:
        records.extend(plan_case(ctx, person, index, places).records)
    save_records(records)
    reset_queries()
    return records.counts()


def backdate_appointments(ctx: Context, region: Region) -> None:
    """Past appointments were made a week before they took place, not when the demo ran.

    bulk_create stamps created_at with the time of the run; outreach reads it as "made since
    the invitation", so past appointments get a plausible moment of planning instead.
    """
    Appointment.objects.filter(
        job_seeker__municipality__region=region, starts_at__lt=ctx.at(ctx.today, 0)
    ).update(created_at=F("starts_at") - dt.timedelta(days=PLANNED_DAYS_AHEAD))


def count_records(region: Region) -> dict[str, int]:
    """How many records of each kind the region's case work holds, keyed as in Records."""
    in_region = {"job_seeker__municipality__region": region}
    counts = {
        "conversations": Conversation.objects.filter(**in_region).count(),
        "goals": Goal.objects.filter(**in_region).count(),
        "actions": Action.objects.filter(goal__job_seeker__municipality__region=region).count(),
        "appointments": Appointment.objects.filter(**in_region).count(),
        "route_steps": RouteStep.objects.filter(**in_region).count(),
    }
    counts["transitions"] = Transition.objects.count()  # the demo database holds only the demo
    return counts
