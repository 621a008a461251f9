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
from werkroute.casework.services.referrals import (
    OverdueReferral,
    accept_referral,
    add_working_days,
    answer_referral,
    close_referral,
    decline_referral,
    flag_overdue_referrals,
    list_referrals_as_partner,
    refer_job_seeker,
    view_referral_as_partner,
    withdraw_referral,
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
    "OverdueReferral",
    "Reminder",
    "accept_referral",
    "add_action",
    "add_route_step",
    "add_working_days",
    "answer_referral",
    "change_action_status",
    "change_appointment_status",
    "change_route_step_status",
    "close_referral",
    "decline_referral",
    "default_goal",
    "due_reminders",
    "flag_overdue_referrals",
    "hold_conversation",
    "list_referrals_as_partner",
    "plan_appointment",
    "refer_job_seeker",
    "send_appointment_reminders",
    "view_referral_as_partner",
    "withdraw_referral",
]
