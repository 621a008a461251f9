"""The route plan: steps toward work, from the catalogue or in words."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from werkroute.casework.audit import ROUTE_ACTIVITY, recording
from werkroute.casework.constants import Owner
from werkroute.casework.models import RouteStep
from werkroute.casework.services._common import not_in_past, require_staff
from werkroute.casework.state import transition
from werkroute.catalogue.models import Offering
from werkroute.core.audit.models import AccessAction
from werkroute.jobseekers.models import JobSeeker


def add_route_step(
    *,
    actor: Any,
    job_seeker: JobSeeker,
    owner: str = Owner.JOB_SEEKER,
    title: str = "",
    offering: Offering | None = None,
    due_on: dt.date | None = None,
) -> RouteStep:
    """A step toward work: an offering from the route map, or a step described in words."""
    require_staff(actor, job_seeker)
    title = title.strip() or (offering.title if offering else "")
    if not title:
        raise ValidationError({"title": _("Kies aanbod of beschrijf de stap.")})
    if offering is not None and not Offering.objects.public().filter(pk=offering.pk).exists():
        raise ValidationError({"offering": _("Dit aanbod staat niet (meer) op de routekaart.")})
    not_in_past(due_on, "due_on", timezone.localdate())
    step = RouteStep(
        job_seeker=job_seeker, offering=offering, title=title, owner=owner, due_on=due_on
    )
    step.full_clean(exclude=["position"])
    with recording(
        "stap in routeplan toevoegen",
        actor=actor,
        job_seeker=job_seeker,
        activity=ROUTE_ACTIVITY,
        obj_type="casework.routestep",
        action=AccessAction.CREATE,
    ) as recorded:
        last = RouteStep.objects.filter(job_seeker=job_seeker).aggregate(last=Max("position"))
        step.position = (last["last"] or 0) + 1
        step.save()
        recorded.obj_id = step.public_id
    return step


def change_route_step_status(
    *, actor: Any, step: RouteStep, to: str, reason: str = ""
) -> RouteStep:
    """Busy, done or stopped; stopping needs a reason."""
    require_staff(actor, step.job_seeker)
    with recording(
        "stap in routeplan bijwerken",
        actor=actor,
        job_seeker=step.job_seeker,
        activity=ROUTE_ACTIVITY,
        obj_type="casework.routestep",
        obj_id=step.public_id,
    ):
        transition(step, to, actor=actor, reason=reason)
    return step
