"""Every write of casework: conversations, goals and actions, appointments, the route plan.

Each function takes the acting user as keyword-only `actor`, checks again that the actor works
with this person, validates before anything is written, and then writes in one transaction inside
a processing span: the change, any Transition row (status changes go through state.transition)
and an access-audit entry. Bad input raises ValidationError and leaves nothing behind.
"""

from werkroute.casework.services.appointments import (
    MAX_APPOINTMENT_MINUTES,
    MIN_APPOINTMENT_MINUTES,
    change_appointment_status,
    plan_appointment,
)
from werkroute.casework.services.conversations import (
    ConversationInput,
    ObstacleInput,
    add_action,
    change_action_status,
    default_goal,
    hold_conversation,
)
from werkroute.casework.services.reminders import (
    Reminder,
    due_reminders,
    send_appointment_reminders,
)
from werkroute.casework.services.route import add_route_step, change_route_step_status

__all__ = [
    "MAX_APPOINTMENT_MINUTES",
    "MIN_APPOINTMENT_MINUTES",
    "ConversationInput",
    "ObstacleInput",
    "Reminder",
    "add_action",
    "add_route_step",
    "change_action_status",
    "change_appointment_status",
    "change_route_step_status",
    "default_goal",
    "due_reminders",
    "hold_conversation",
    "plan_appointment",
    "send_appointment_reminders",
]
