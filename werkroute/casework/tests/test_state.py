"""The state machines of appointments and route steps: allowed moves, refused moves, the log."""

import pytest

from werkroute.casework.constants import AppointmentStatus, RouteStepStatus
from werkroute.casework.models import Appointment, RouteStep, Transition
from werkroute.casework.state import (
    APPOINTMENT_MACHINE,
    ROUTE_STEP_MACHINE,
    TransitionNotAllowed,
    allowed_targets,
    transition,
)
from werkroute.casework.tests.conftest import World
from werkroute.casework.tests.factories import AppointmentFactory, RouteStepFactory

A, R = AppointmentStatus, RouteStepStatus


@pytest.mark.parametrize("target", [A.HELD, A.NO_SHOW, A.CANCELLED])
def test_a_planned_appointment_moves_to_each_outcome_and_the_move_is_logged(
    world: World, target: str
) -> None:
    appointment = world.appointment
    logged = transition(appointment, target, actor=world.case_manager, reason="test")

    appointment.refresh_from_db()
    assert appointment.status == target
    assert logged.model_label == "casework.appointment"
    assert logged.object_id == appointment.public_id
    assert (logged.from_state, logged.to_state) == (A.PLANNED, target)
    assert logged.actor_id == world.case_manager.pk
    assert logged.at is not None
    assert logged.reason == "test"


@pytest.mark.parametrize("done", [A.HELD, A.NO_SHOW, A.CANCELLED])
@pytest.mark.parametrize("target", [A.PLANNED, A.HELD, A.NO_SHOW, A.CANCELLED])
def test_a_finished_appointment_never_moves_again(world: World, done: str, target: str) -> None:
    appointment = AppointmentFactory(job_seeker=world.target, status=done)
    with pytest.raises(TransitionNotAllowed):
        transition(appointment, target, actor=world.case_manager)
    assert Appointment.objects.get(pk=appointment.pk).status == done
    assert not Transition.objects.filter(object_id=appointment.public_id).exists()


def test_the_check_uses_the_stored_status_not_a_stale_copy(world: World) -> None:
    stale = Appointment.objects.get(pk=world.appointment.pk)
    transition(world.appointment, A.CANCELLED, actor=world.case_manager)
    with pytest.raises(TransitionNotAllowed):
        transition(stale, A.HELD, actor=world.case_manager)
    assert Transition.objects.filter(object_id=stale.public_id).count() == 1


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ([R.BUSY, R.DONE], ""),
        ([R.DONE], ""),
        ([R.BUSY, R.STOPPED], "Gaat verhuizen"),
        ([R.STOPPED], "Cursus gaat niet door"),
    ],
)
def test_route_steps_follow_planned_busy_then_done_or_stopped(
    world: World, path: list[str], reason: str
) -> None:
    step = world.step
    for status in path:
        transition(step, status, actor=world.case_manager, reason=reason)
    step.refresh_from_db()
    assert step.status == path[-1]
    log = list(Transition.objects.filter(object_id=step.public_id).order_by("id"))
    assert [t.to_state for t in log] == path
    assert [t.from_state for t in log] == [R.PLANNED, *path[:-1]]
    assert {t.actor_id for t in log} == {world.case_manager.pk}


def test_stopping_a_step_needs_a_reason_and_keeps_it(world: World) -> None:
    with pytest.raises(TransitionNotAllowed) as refused:
        transition(world.step, R.STOPPED, actor=world.case_manager, reason="   ")
    assert refused.value.code == "reason_required"
    assert "Schrijf op waarom" in refused.value.messages[0]
    assert RouteStep.objects.get(pk=world.step.pk).status == R.PLANNED

    transition(world.step, R.STOPPED, actor=world.case_manager, reason="Geen kinderopvang")
    world.step.refresh_from_db()
    assert world.step.status_reason == "Geen kinderopvang"


@pytest.mark.parametrize(
    ("start", "target"),
    [(R.BUSY, R.PLANNED), (R.DONE, R.BUSY), (R.DONE, R.STOPPED), (R.STOPPED, R.BUSY)],
)
def test_route_steps_do_not_go_back(world: World, start: str, target: str) -> None:
    step = RouteStepFactory(job_seeker=world.target, status=start)
    with pytest.raises(TransitionNotAllowed) as refused:
        transition(step, target, actor=world.case_manager, reason="waarom niet")
    assert refused.value.code == "not_allowed"
    assert "kan niet" in refused.value.messages[0]
    assert RouteStep.objects.get(pk=step.pk).status == start
    assert not Transition.objects.exists()


def test_allowed_targets_follow_the_tables(world: World) -> None:
    assert allowed_targets(world.appointment) == [A.HELD, A.NO_SHOW, A.CANCELLED]
    assert allowed_targets(world.step) == [R.BUSY, R.DONE, R.STOPPED]
    assert APPOINTMENT_MACHINE.targets(A.HELD) == []
    assert ROUTE_STEP_MACHINE.targets(R.BUSY) == [R.DONE, R.STOPPED]


def test_a_system_change_is_logged_without_actor(world: World) -> None:
    logged = transition(world.appointment, A.CANCELLED, actor=None)
    assert logged.actor_id is None
