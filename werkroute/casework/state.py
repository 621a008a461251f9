"""Explicit state machines: which status changes are allowed, and a log of each change.

Each stateful model has one table of allowed transitions, registered here by model label. The
only way to change such a status is transition(): it checks the table (against the status in the
database, under a row lock), saves the object and writes a Transition row with actor and time.
Other apps register their own machine with register_machine().
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkroute.casework.constants import AppointmentStatus, RouteStepStatus
from werkroute.casework.models import Transition


class TransitionNotAllowed(ValidationError):
    """A status change the machine's table does not allow, or one that lacks its reason."""


@dataclass(frozen=True)
class StateMachine:
    transitions: Mapping[str, frozenset[str]]
    field: str = "status"
    # Targets that need a written reason; the reason is also kept on the object if reason_field.
    reason_required: frozenset[str] = frozenset()
    reason_field: str | None = None
    reason_message: Any = gettext_lazy("Schrijf op waarom.")

    def allows(self, source: str, target: str) -> bool:
        return target in self.transitions.get(source, frozenset())

    def targets(self, source: str) -> list[str]:
        """The statuses reachable from source, in the order of the table."""
        return sorted(self.transitions.get(source, frozenset()), key=self._order)

    def _order(self, status: str) -> int:
        keys = list(self.transitions)
        return keys.index(status) if status in keys else len(keys)


APPOINTMENT_MACHINE = StateMachine(
    transitions={
        AppointmentStatus.PLANNED: frozenset(
            {AppointmentStatus.HELD, AppointmentStatus.NO_SHOW, AppointmentStatus.CANCELLED}
        ),
        AppointmentStatus.HELD: frozenset(),
        AppointmentStatus.NO_SHOW: frozenset(),
        AppointmentStatus.CANCELLED: frozenset(),
    },
)

ROUTE_STEP_MACHINE = StateMachine(
    transitions={
        RouteStepStatus.PLANNED: frozenset(
            {RouteStepStatus.BUSY, RouteStepStatus.DONE, RouteStepStatus.STOPPED}
        ),
        RouteStepStatus.BUSY: frozenset({RouteStepStatus.DONE, RouteStepStatus.STOPPED}),
        RouteStepStatus.DONE: frozenset(),
        RouteStepStatus.STOPPED: frozenset(),
    },
    reason_required=frozenset({RouteStepStatus.STOPPED}),
    reason_field="status_reason",
    reason_message=gettext_lazy("Schrijf op waarom deze stap stopt."),
)

MACHINES: dict[str, StateMachine] = {
    "casework.appointment": APPOINTMENT_MACHINE,
    "casework.routestep": ROUTE_STEP_MACHINE,
}


def register_machine(model: type[models.Model], machine: StateMachine) -> None:
    MACHINES[model._meta.label_lower] = machine


def machine_for(obj: models.Model) -> StateMachine:
    try:
        return MACHINES[obj._meta.label_lower]
    except KeyError:
        raise LookupError(f"no state machine for {obj._meta.label_lower}") from None


def allowed_targets(obj: models.Model) -> list[str]:
    machine = machine_for(obj)
    return machine.targets(getattr(obj, machine.field))


def _label(obj: models.Model, machine: StateMachine, status: str) -> str:
    choices = dict(obj._meta.get_field(machine.field).choices or [])
    return str(choices.get(status, status))


def _current_status(obj: models.Model, machine: StateMachine) -> str:
    """The status as stored, with the row locked until the end of the transaction."""
    manager = type(obj)._default_manager
    return manager.select_for_update().values_list(machine.field, flat=True).get(pk=obj.pk)


def _check(obj: models.Model, machine: StateMachine, source: str, target: str, reason: str) -> None:
    if not machine.allows(source, target):
        raise TransitionNotAllowed(
            _("Deze wijziging kan niet: van ‘%(from)s’ naar ‘%(to)s’.")
            % {"from": _label(obj, machine, source), "to": _label(obj, machine, target)},
            code="not_allowed",
        )
    if target in machine.reason_required and not reason:
        raise TransitionNotAllowed(str(machine.reason_message), code="reason_required")


def transition(obj: models.Model, to: str, *, actor: Any, reason: str = "") -> Transition:
    """Move obj to status `to`, or raise TransitionNotAllowed and change nothing."""
    machine = machine_for(obj)
    reason = (reason or "").strip()
    with transaction.atomic():
        source = _current_status(obj, machine)
        _check(obj, machine, source, to, reason)
        setattr(obj, machine.field, to)
        update_fields = [machine.field]
        if machine.reason_field:
            setattr(obj, machine.reason_field, reason)
            update_fields.append(machine.reason_field)
        if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
            update_fields.append("updated_at")
        obj.save(update_fields=update_fields)
        return Transition.objects.create(
            model_label=obj._meta.label_lower,
            object_id=obj.public_id,  # type: ignore[attr-defined]
            from_state=source,
            to_state=to,
            actor_id=getattr(actor, "pk", None),
            reason=reason,
        )
