"""The job seeker's data export holds the case work too (everything the municipality holds)."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from werkroute.casework import services
from werkroute.casework.tests.conftest import World
from werkroute.jobseekers.exports import build_export


def test_the_export_holds_conversations_appointments_and_the_route(world: World) -> None:
    case_manager = world.users["case_manager"]
    services.add_route_step(
        actor=case_manager, job_seeker=world.target, owner="job_seeker", title="Cv maken"
    )
    services.plan_appointment(
        actor=case_manager,
        job_seeker=world.target,
        starts_at=timezone.now() + dt.timedelta(days=3),
        duration_minutes=30,
        kind="follow_up",
        channel="phone",
    )
    data = build_export(world.target)
    assert "Cv maken" in [step["step"] for step in data["route_plan"]]
    assert len(data["appointments"]) >= 2
    assert data["goals"] and "actions" in data["goals"][0]
    page = world.client_for("self").get(reverse("me:export")).content.decode()
    assert "Cv maken" in page
