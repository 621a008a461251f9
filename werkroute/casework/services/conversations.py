"""Conversations, and the obstacles, goals and actions that come out of them."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from werkroute.casework.audit import CONVERSATION_ACTIVITY, recording
from werkroute.casework.constants import ActionStatus, ConversationKind, GoalStatus
from werkroute.casework.models import Action, Conversation, Goal
from werkroute.casework.services._common import after_casework_change, not_in_past, require_staff
from werkroute.core.audit.models import AccessAction
from werkroute.jobseekers import services as jobseeker_services
from werkroute.jobseekers.constants import ObstacleKind
from werkroute.jobseekers.models import JobSeeker, Obstacle


@dataclass(frozen=True)
class ObstacleInput:
    kind: str
    impact: str
    goal: str = ""


@dataclass(frozen=True)
class ConversationInput:
    held_on: dt.date
    kind: str = ConversationKind.INTAKE
    talents: str = ""
    needs: str = ""
    ambitions: str = ""
    obstacles: tuple[ObstacleInput, ...] = ()
    obstacles_note: str = ""
    agreements: str = ""
    next_steps: str = ""
    follow_up_on: dt.date | None = None
    other_goal: str = ""


def _validate_conversation(data: ConversationInput, today: dt.date) -> None:
    errors: dict[str, list[str]] = {}
    if data.held_on > today:
        errors["held_on"] = [_("Een gesprek kan niet in de toekomst liggen.")]
    if data.follow_up_on is not None and data.follow_up_on <= data.held_on:
        errors["follow_up_on"] = [_("Kies een datum na de datum van dit gesprek.")]
    if data.kind not in ConversationKind.values:
        errors["kind"] = [_("Kies een soort gesprek.")]
    kinds = [item.kind for item in data.obstacles]
    if any(kind not in ObstacleKind.values for kind in kinds) or len(set(kinds)) != len(kinds):
        errors["obstacle_kinds"] = [_("Kies elke belemmering één keer.")]
    for item in data.obstacles:
        if not item.impact.strip():
            errors[f"impact_{item.kind}"] = [_("Schrijf op wat dit betekent voor werk.")]
    if errors:
        raise ValidationError(errors)


def default_goal(kind: str) -> str:
    return _("Een oplossing voor: %(obstacle)s") % {"obstacle": ObstacleKind(kind).label}


def _obstacle_for(actor: Any, job_seeker: JobSeeker, item: ObstacleInput) -> Obstacle:
    """The active obstacle of this kind, added or brought up to date (the old one resolved)."""
    current = job_seeker.obstacles.filter(kind=item.kind, is_active=True).first()
    impact = item.impact.strip()
    if current is not None and current.impact.strip() == impact:
        return current
    obstacle = jobseeker_services.add_obstacle(
        actor=actor, job_seeker=job_seeker, kind=item.kind, impact=impact
    )
    if current is not None:
        jobseeker_services.resolve_obstacle(actor=actor, job_seeker=job_seeker, obstacle=current)
        Goal.objects.filter(obstacle=current, status=GoalStatus.OPEN).update(obstacle=obstacle)
    return obstacle


def _goals_for_obstacles(
    actor: Any, job_seeker: JobSeeker, conversation: Conversation, items: Iterable[ObstacleInput]
) -> None:
    """Each obstacle named leads to a goal: the one written down, else an open one or a new one."""
    for item in items:
        obstacle = _obstacle_for(actor, job_seeker, item)
        has_open_goal = Goal.objects.filter(obstacle=obstacle, status=GoalStatus.OPEN).exists()
        if item.goal.strip() or not has_open_goal:
            Goal.objects.create(
                job_seeker=job_seeker,
                obstacle=obstacle,
                conversation=conversation,
                description=item.goal.strip() or default_goal(item.kind),
            )


def hold_conversation(
    *, actor: Any, job_seeker: JobSeeker, data: ConversationInput
) -> Conversation:
    """Record a conversation; the obstacles named become obstacles with goals, all or nothing."""
    require_staff(actor, job_seeker)
    _validate_conversation(data, timezone.localdate())
    with recording(
        "gesprek vastleggen",
        actor=actor,
        job_seeker=job_seeker,
        activity=CONVERSATION_ACTIVITY,
        obj_type="casework.conversation",
        action=AccessAction.CREATE,
    ) as recorded:
        conversation = Conversation.objects.create(
            job_seeker=job_seeker,
            author=actor,
            held_on=data.held_on,
            kind=data.kind,
            talents=data.talents.strip(),
            needs=data.needs.strip(),
            ambitions=data.ambitions.strip(),
            obstacles_note=data.obstacles_note.strip(),
            agreements=data.agreements.strip(),
            next_steps=data.next_steps.strip(),
            follow_up_on=data.follow_up_on,
        )
        recorded.obj_id = conversation.public_id
        _goals_for_obstacles(actor, job_seeker, conversation, data.obstacles)
        if data.other_goal.strip():
            Goal.objects.create(
                job_seeker=job_seeker,
                conversation=conversation,
                description=data.other_goal.strip(),
            )
        after_casework_change(job_seeker, actor=actor)
    return conversation


def add_action(
    *, actor: Any, goal: Goal, description: str, owner: str, due_on: dt.date | None = None
) -> Action:
    """A concrete action toward a goal: who does what, by when."""
    require_staff(actor, goal.job_seeker)
    not_in_past(due_on, "due_on", timezone.localdate())
    action = Action(goal=goal, description=description.strip(), owner=owner, due_on=due_on)
    action.full_clean()
    with recording(
        "actie toevoegen",
        actor=actor,
        job_seeker=goal.job_seeker,
        activity=CONVERSATION_ACTIVITY,
        obj_type="casework.action",
        action=AccessAction.CREATE,
    ) as recorded:
        action.save()
        recorded.obj_id = action.public_id
    return action


def change_action_status(*, actor: Any, action: Action, to: str) -> Action:
    job_seeker = action.goal.job_seeker
    require_staff(actor, job_seeker)
    if to not in ActionStatus.values:
        raise ValidationError({"status": _("Kies een status.")})
    with recording(
        "actie bijwerken",
        actor=actor,
        job_seeker=job_seeker,
        activity=CONVERSATION_ACTIVITY,
        obj_type="casework.action",
        obj_id=action.public_id,
    ):
        action.status = to
        action.save(update_fields=["status", "updated_at"])
    return action
