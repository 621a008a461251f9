"""The case-work part of a job seeker's data export (everything the municipality holds)."""

from typing import Any

from werkroute.casework.models import Appointment, Conversation, Goal, RouteStep
from werkroute.jobseekers.models import JobSeeker


def casework_section(job_seeker: JobSeeker) -> dict[str, Any]:
    conversations = Conversation.objects.filter(job_seeker=job_seeker).order_by("held_on")
    goals = Goal.objects.filter(job_seeker=job_seeker).prefetch_related("actions")
    appointments = Appointment.objects.filter(job_seeker=job_seeker).order_by("starts_at")
    steps = RouteStep.objects.filter(job_seeker=job_seeker).order_by("position", "created_at")
    return {
        "conversations": [
            {
                "held_on": c.held_on,
                "kind": c.get_kind_display(),
                "talents": c.talents,
                "needs": c.needs,
                "ambitions": c.ambitions,
                "obstacles": c.obstacles_note,
                "agreements": c.agreements,
                "next_steps": c.next_steps,
            }
            for c in conversations
        ],
        "goals": [
            {
                "goal": g.description,
                "status": g.get_status_display(),
                "actions": [
                    {"action": a.description, "due_on": a.due_on, "status": a.get_status_display()}
                    for a in g.actions.all()
                ],
            }
            for g in goals
        ],
        "appointments": [
            {
                "starts_at": a.starts_at,
                "kind": a.get_kind_display(),
                "channel": a.get_channel_display(),
                "place": a.place,
                "status": a.get_status_display(),
            }
            for a in appointments
        ],
        "route_plan": [
            {
                "step": s.title,
                "due_on": s.due_on,
                "status": s.get_status_display(),
                "reason": s.status_reason,
            }
            for s in steps
        ],
    }
