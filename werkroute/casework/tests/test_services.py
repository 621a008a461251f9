"""The casework services: all or nothing, Dutch refusals, audit rows, and access checked again."""

import datetime as dt
from unittest import mock

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

import pytest

from werkroute.casework import services
from werkroute.casework.constants import (
    AppointmentChannel,
    AppointmentKind,
    AppointmentStatus,
    ConversationKind,
    GoalStatus,
    Owner,
    ReminderChannel,
    RouteStepStatus,
)
from werkroute.casework.models import Appointment, Conversation, Goal, RouteStep, Transition
from werkroute.casework.services import ConversationInput, ObstacleInput
from werkroute.casework.tests.conftest import World
from werkroute.catalogue.tests.factories import OfferingFactory
from werkroute.core.audit.models import AccessAuditEntry, ProcessingLogEntry
from werkroute.jobseekers.models import FileChange, Obstacle

PAST_MESSAGE = "Een vervolgafspraak kan niet in het verleden liggen."


def _conversation(**overrides: object) -> ConversationInput:
    values: dict[str, object] = {
        "held_on": timezone.localdate(),
        "kind": ConversationKind.INTAKE,
        "talents": "Goed met kinderen",
        "ambitions": "Werken in de kinderopvang",
        "obstacles": (
            ObstacleInput(kind="transport", impact="Geen rijbewijs, bus rijdt niet vroeg"),
            ObstacleInput(kind="debts", impact="Stress door schulden", goal="Budgetcoach"),
        ),
        "agreements": "Fatima zoekt uit welke bus gaat.",
        "follow_up_on": timezone.localdate() + dt.timedelta(days=14),
    }
    values.update(overrides)
    return ConversationInput(**values)  # type: ignore[arg-type]


# --- Conversations -------------------------------------------------------------------------


def test_a_conversation_creates_its_obstacles_and_a_goal_for_each(world: World) -> None:
    conversation = services.hold_conversation(
        actor=world.case_manager, job_seeker=world.target, data=_conversation()
    )

    assert conversation.author == world.case_manager
    assert conversation.talents == "Goed met kinderen"
    transport = Obstacle.objects.get(job_seeker=world.target, kind="transport")
    debts = Obstacle.objects.get(job_seeker=world.target, kind="debts")
    assert transport.impact == "Geen rijbewijs, bus rijdt niet vroeg"
    goals = {g.obstacle_id: g for g in Goal.objects.filter(conversation=conversation)}
    assert goals[transport.pk].description == "Een oplossing voor: vervoer"
    assert goals[debts.pk].description == "Budgetcoach"
    assert all(g.status == GoalStatus.OPEN for g in goals.values())
    # The obstacles went through the job seeker's own services: they are in the file history.
    assert FileChange.objects.filter(job_seeker=world.target, field="obstacles").count() == 2


def test_a_conversation_is_audited_under_the_intake_activity(world: World) -> None:
    before = AccessAuditEntry.objects.count()
    conversation = services.hold_conversation(
        actor=world.case_manager, job_seeker=world.target, data=_conversation(obstacles=())
    )
    entry = AccessAuditEntry.objects.order_by("-sequence").first()
    assert AccessAuditEntry.objects.count() == before + 1
    assert entry is not None
    assert entry.object_type == "casework.conversation"
    assert entry.object_id == str(conversation.public_id)
    assert entry.processing_activity.code == "intake-gesprek"
    assert entry.user_id == world.case_manager.pk
    assert entry.data_subject_hash == world.target.bsn_hash
    assert ProcessingLogEntry.objects.filter(trace_id=entry.trace_id, status="ok").exists()


def test_a_failure_halfway_leaves_no_conversation_obstacle_or_goal(world: World) -> None:
    obstacles_before = Obstacle.objects.count()
    audit_before = AccessAuditEntry.objects.count()
    with (
        mock.patch.object(Goal.objects, "create", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        services.hold_conversation(
            actor=world.case_manager, job_seeker=world.target, data=_conversation()
        )
    assert not Conversation.objects.exists()
    assert Obstacle.objects.count() == obstacles_before
    assert Goal.objects.count() == 1  # the fixture's own goal
    assert not FileChange.objects.exists()
    assert AccessAuditEntry.objects.count() == audit_before
    # The processing log says it went wrong.
    assert ProcessingLogEntry.objects.filter(status="error", name="gesprek vastleggen").exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"held_on": timezone.localdate() + dt.timedelta(days=1)}, "held_on"),
        ({"follow_up_on": timezone.localdate()}, "follow_up_on"),
        ({"obstacles": (ObstacleInput(kind="debts", impact="  "),)}, "impact_debts"),
        (
            {"obstacles": (ObstacleInput("debts", "a"), ObstacleInput("debts", "b"))},
            "obstacle_kinds",
        ),
    ],
)
def test_bad_conversation_input_is_refused_before_anything_is_written(
    world: World, overrides: dict, field: str
) -> None:
    audit_before = AccessAuditEntry.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.hold_conversation(
            actor=world.case_manager, job_seeker=world.target, data=_conversation(**overrides)
        )
    assert field in refused.value.error_dict
    assert not Conversation.objects.exists()
    assert AccessAuditEntry.objects.count() == audit_before


def test_an_existing_obstacle_is_reused_or_brought_up_to_date(world: World) -> None:
    old = Obstacle.objects.create(job_seeker=world.target, kind="transport", impact="Geen auto")
    open_goal = Goal.objects.create(job_seeker=world.target, obstacle=old, description="Fiets")

    same = _conversation(obstacles=(ObstacleInput("transport", "Geen auto"),))
    services.hold_conversation(actor=world.case_manager, job_seeker=world.target, data=same)
    assert Obstacle.objects.filter(job_seeker=world.target, kind="transport").count() == 1
    assert Goal.objects.filter(obstacle=old).count() == 1  # it had an open goal already

    changed = _conversation(obstacles=(ObstacleInput("transport", "Heeft nu een fiets"),))
    services.hold_conversation(actor=world.case_manager, job_seeker=world.target, data=changed)
    old.refresh_from_db()
    new = Obstacle.objects.get(job_seeker=world.target, kind="transport", is_active=True)
    assert not old.is_active
    assert new.impact == "Heeft nu een fiets"
    open_goal.refresh_from_db()
    assert open_goal.obstacle == new


@pytest.mark.parametrize("who", ["other_team", "other_municipality", "self"])
def test_services_check_access_again(world: World, who: str) -> None:
    actor = world.users[who]
    with pytest.raises(PermissionDenied):
        services.hold_conversation(actor=actor, job_seeker=world.target, data=_conversation())
    with pytest.raises(PermissionDenied):
        services.add_route_step(actor=actor, job_seeker=world.target, title="Iets")
    with pytest.raises(PermissionDenied):
        services.change_appointment_status(
            actor=actor, appointment=world.appointment, to=AppointmentStatus.CANCELLED
        )
    assert not Conversation.objects.exists()


# --- Appointments --------------------------------------------------------------------------


def _plan(world: World, starts_at: dt.datetime, **kw: object) -> Appointment:
    return services.plan_appointment(
        actor=world.case_manager,
        job_seeker=world.target,
        starts_at=starts_at,
        duration_minutes=kw.pop("duration_minutes", 45),  # type: ignore[arg-type]
        kind=AppointmentKind.FOLLOW_UP,
        channel=AppointmentChannel.IN_PERSON,
        **kw,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("minutes_ago", [0, 1, 60 * 24 * 30])
def test_a_follow_up_in_the_past_is_refused_in_dutch_and_nothing_is_saved(
    world: World, minutes_ago: int
) -> None:
    before = Appointment.objects.count()
    audit_before = AccessAuditEntry.objects.count()
    with pytest.raises(ValidationError) as refused:
        _plan(world, timezone.now() - dt.timedelta(minutes=minutes_ago))
    assert refused.value.message_dict["starts_at"] == [PAST_MESSAGE]
    assert Appointment.objects.count() == before
    assert AccessAuditEntry.objects.count() == audit_before


def test_a_follow_up_links_to_the_last_conversation_and_is_audited(world: World) -> None:
    conversation = services.hold_conversation(
        actor=world.case_manager, job_seeker=world.target, data=_conversation(obstacles=())
    )
    appointment = _plan(
        world, timezone.now() + dt.timedelta(days=2), reminder_channel=ReminderChannel.SMS
    )
    assert appointment.conversation == conversation
    assert appointment.case_manager == world.case_manager
    assert appointment.status == AppointmentStatus.PLANNED
    entry = AccessAuditEntry.objects.order_by("-sequence").first()
    assert entry is not None
    assert entry.processing_activity.code == "afspraken"
    assert entry.object_id == str(appointment.public_id)


def test_a_reminder_needs_an_address_or_number(world: World) -> None:
    world.target.email = ""
    world.target.save()
    with pytest.raises(ValidationError) as refused:
        _plan(world, timezone.now() + dt.timedelta(days=2), reminder_channel="email")
    assert "e-mailadres" in refused.value.message_dict["reminder_channel"][0]


def test_held_or_no_show_only_once_the_appointment_has_begun(world: World) -> None:
    with pytest.raises(ValidationError):
        services.change_appointment_status(
            actor=world.case_manager, appointment=world.appointment, to=AppointmentStatus.HELD
        )
    later = world.appointment.starts_at + dt.timedelta(minutes=5)
    services.change_appointment_status(
        actor=world.case_manager,
        appointment=world.appointment,
        to=AppointmentStatus.NO_SHOW,
        now=later,
    )
    world.appointment.refresh_from_db()
    assert world.appointment.status == AppointmentStatus.NO_SHOW
    logged = Transition.objects.get(object_id=world.appointment.public_id)
    assert logged.actor_id == world.case_manager.pk


# --- The route plan ------------------------------------------------------------------------


def test_a_route_step_from_the_catalogue_takes_its_title_and_goes_last(world: World) -> None:
    offering = OfferingFactory(published=True, title="Banenmarkt Zorg")
    step = services.add_route_step(
        actor=world.case_manager,
        job_seeker=world.target,
        offering=offering,
        owner=Owner.JOB_SEEKER,
        due_on=timezone.localdate() + dt.timedelta(days=10),
    )
    assert step.title == "Banenmarkt Zorg"
    assert step.offering == offering
    assert step.position == world.step.position + 1
    entry = AccessAuditEntry.objects.order_by("-sequence").first()
    assert entry is not None
    assert entry.processing_activity.code == "routeplan"


def test_a_free_text_step_or_nothing(world: World) -> None:
    step = services.add_route_step(
        actor=world.case_manager, job_seeker=world.target, title="  cv maken  "
    )
    assert step.title == "cv maken"
    assert step.offering is None
    with pytest.raises(ValidationError) as refused:
        services.add_route_step(actor=world.case_manager, job_seeker=world.target, title=" ")
    assert "title" in refused.value.error_dict


def test_a_draft_offering_or_a_past_date_is_refused(world: World) -> None:
    with pytest.raises(ValidationError):
        services.add_route_step(
            actor=world.case_manager, job_seeker=world.target, offering=OfferingFactory()
        )
    with pytest.raises(ValidationError):
        services.add_route_step(
            actor=world.case_manager,
            job_seeker=world.target,
            title="Iets",
            due_on=timezone.localdate() - dt.timedelta(days=1),
        )
    assert RouteStep.objects.count() == 1


def test_a_deleted_offering_leaves_the_step_with_its_title(world: World) -> None:
    offering = OfferingFactory(published=True, title="Cursus Excel")
    step = services.add_route_step(
        actor=world.case_manager, job_seeker=world.target, offering=offering
    )
    offering.delete()
    step.refresh_from_db()
    assert step.offering is None
    assert step.title == "Cursus Excel"


def test_changing_a_step_status_is_audited_and_logged(world: World) -> None:
    services.change_route_step_status(
        actor=world.case_manager, step=world.step, to=RouteStepStatus.BUSY
    )
    with pytest.raises(ValidationError):
        services.change_route_step_status(
            actor=world.case_manager, step=world.step, to=RouteStepStatus.STOPPED
        )
    world.step.refresh_from_db()
    assert world.step.status == RouteStepStatus.BUSY
    assert Transition.objects.filter(object_id=world.step.public_id).count() == 1


def test_actions_are_added_and_marked_done(world: World) -> None:
    action = services.add_action(
        actor=world.case_manager,
        goal=world.goal,
        description="Bellen met de kinderopvang",
        owner=Owner.JOB_SEEKER,
    )
    services.change_action_status(actor=world.case_manager, action=action, to="done")
    action.refresh_from_db()
    assert action.status == "done"
