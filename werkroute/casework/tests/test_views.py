"""Every casework URL: who gets in (the rest get 404 alike), the audit trail, forms end to end."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.urls import reverse
from django.utils import timezone

import pytest

from werkroute.casework.constants import AppointmentStatus, RouteStepStatus
from werkroute.casework.models import Appointment, Conversation, Goal, RouteStep, Transition
from werkroute.casework.tests.conftest import World
from werkroute.catalogue.tests.factories import OfferingFactory
from werkroute.core.audit.models import AccessAuditEntry
from werkroute.jobseekers.models import Obstacle

WHO = [
    "anonymous",
    "case_manager",
    "colleague",
    "team_lead",
    "other_team",
    "other_municipality",
    "self",
    "other_seeker",
]
# Staff pages about the target: their case manager, a team colleague and the team lead get in.
STAFF_OK = {"case_manager", "colleague", "team_lead"}
PAST_MESSAGE = "Een vervolgafspraak kan niet in het verleden liggen."

Url = Callable[[World], str]
PERSON_PAGES: dict[str, Url] = {
    "situation": lambda w: reverse("casework:situation", args=[w.target.public_id]),
    "conversation": lambda w: reverse("casework:conversation_create", args=[w.target.public_id]),
    "appointment": lambda w: reverse("casework:appointment_create", args=[w.target.public_id]),
    "route_step": lambda w: reverse("casework:route_step_create", args=[w.target.public_id]),
    "appointment_status": lambda w: reverse(
        "casework:appointment_status", args=[w.appointment.public_id]
    ),
    "route_step_status": lambda w: reverse("casework:route_step_status", args=[w.step.public_id]),
    "action": lambda w: reverse("casework:action_create", args=[w.goal.public_id]),
}
ACTIVITY = {
    "situation": "dossier-inzien",
    "conversation": "intake-gesprek",
    "appointment": "afspraken",
    "route_step": "routeplan",
    "appointment_status": "afspraken",
    "route_step_status": "routeplan",
    "action": "intake-gesprek",
}


def _expected(who: str, allowed: set[str]) -> int:
    if who == "anonymous":
        return 302
    return 200 if who in allowed else 404


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("page", sorted(PERSON_PAGES))
def test_person_pages_open_for_the_team_only(world: World, page: str, who: str) -> None:
    response = world.client_for(who).get(PERSON_PAGES[page](world))
    assert response.status_code == _expected(who, STAFF_OK)
    if who == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("page", sorted(PERSON_PAGES))
def test_an_unknown_record_answers_404_like_someone_elses(world: World, page: str) -> None:
    url = PERSON_PAGES[page](world)
    *head, _id, tail = url.split("/")
    unknown = "/".join([*head, "00000000-0000-4000-8000-000000000000", tail])
    assert world.client_for("case_manager").get(unknown).status_code == 404


@pytest.mark.parametrize("page", sorted(PERSON_PAGES))
def test_each_person_page_leaves_an_audit_entry(world: World, page: str) -> None:
    before = AccessAuditEntry.objects.count()
    world.client_for("case_manager").get(PERSON_PAGES[page](world))
    entry = AccessAuditEntry.objects.order_by("-sequence").first()
    assert AccessAuditEntry.objects.count() == before + 1
    assert entry is not None
    assert entry.outcome == "allowed"
    assert entry.user_id == world.case_manager.pk
    assert entry.role == "case_manager"
    assert entry.data_subject_hash == world.target.bsn_hash
    assert entry.processing_activity.code == ACTIVITY[page]


@pytest.mark.parametrize("page", sorted(PERSON_PAGES))
def test_a_refused_look_is_audited_as_denied(world: World, page: str) -> None:
    assert world.client_for("other_team").get(PERSON_PAGES[page](world)).status_code == 404
    entry = AccessAuditEntry.objects.order_by("-sequence").first()
    assert entry is not None
    assert entry.outcome == "denied"
    assert entry.user_id == world.users["other_team"].pk  # type: ignore[union-attr]
    assert entry.data_subject_hash == world.target.bsn_hash


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("case_manager", 200),
        ("colleague", 200),
        ("team_lead", 200),
        ("other_team", 200),
        ("other_municipality", 200),
        ("self", 404),
        ("other_seeker", 404),
    ],
)
def test_the_caseload_is_for_case_managers_and_team_leads(
    world: World, who: str, status: int
) -> None:
    response = world.client_for(who).get(reverse("casework:caseload"))
    assert response.status_code == status
    if status == 200:
        shows_target = world.target.last_name in response.content.decode()
        assert shows_target == (who == "case_manager")


@pytest.mark.parametrize("who", WHO)
def test_the_team_overview_is_for_team_leads(world: World, who: str) -> None:
    response = world.client_for(who).get(reverse("casework:team"))
    assert response.status_code == _expected(who, {"team_lead"})


def test_caseload_and_team_pages_leave_audit_entries(world: World) -> None:
    before = AccessAuditEntry.objects.count()
    world.client_for("case_manager").get(reverse("casework:caseload"))
    entry = AccessAuditEntry.objects.order_by("-sequence").first()
    assert entry is not None
    assert entry.data_subject_hash == world.target.bsn_hash
    assert entry.action == "search"
    world.client_for("team_lead").get(reverse("casework:team"))
    assert AccessAuditEntry.objects.count() == before + 2


def test_the_caseload_filters_from_the_query_string(world: World) -> None:
    client = world.client_for("case_manager")
    url = reverse("casework:caseload")
    assert world.target.last_name in client.get(url, {"no_conversation": "on"}).content.decode()
    Conversation.objects.create(job_seeker=world.target, author=world.case_manager)
    page = client.get(url, {"no_conversation": "on"}).content.decode()
    assert world.target.last_name not in page
    assert "Niemand in uw caseload past bij deze filters." in page
    bad = client.get(url, {"benefit_months": "veel"})
    assert "Vul een heel getal in" in bad.content.decode()


# --- The job seeker's own pages ------------------------------------------------------------


@pytest.mark.parametrize("name", ["my_casework:route", "my_casework:appointments"])
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("self", 200),
        ("other_seeker", 200),
        ("case_manager", 404),
        ("team_lead", 404),
    ],
)
def test_own_pages_show_only_ones_own_records(
    world: World, name: str, who: str, status: int
) -> None:
    response = world.client_for(who).get(reverse(name))
    assert response.status_code == status
    if status == 200:
        page = response.content.decode()
        own = who == "self"
        if name == "my_casework:route":
            assert ("Sollicitatiebrief schrijven" in page) == own
        else:
            assert ("Werkplein, kamer 2" in page) == own


@pytest.mark.parametrize(
    ("name", "activity"),
    [("my_casework:route", "routeplan"), ("my_casework:appointments", "afspraken")],
)
def test_own_pages_leave_audit_entries(world: World, name: str, activity: str) -> None:
    world.client_for("self").get(reverse(name))
    entry = AccessAuditEntry.objects.order_by("-sequence").first()
    assert entry is not None
    assert entry.role == "job_seeker"
    assert entry.processing_activity.code == activity


# --- Writing through the pages -------------------------------------------------------------


def _post(world: World, who: str, url: str, data: dict[str, Any]) -> Any:
    return world.client_for(who).post(url, data)


def test_a_follow_up_in_the_past_shows_the_dutch_message_and_saves_nothing(world: World) -> None:
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    before = Appointment.objects.count()
    response = _post(
        world,
        "case_manager",
        PERSON_PAGES["appointment"](world),
        {
            "kind": "follow_up",
            "date": yesterday.isoformat(),
            "time": "10:00",
            "duration_minutes": "45",
            "channel": "in_person",
            "reminder_channel": "sms",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert PAST_MESSAGE in page
    assert 'href="#id_date"' in page  # the error summary links to the date field
    assert Appointment.objects.count() == before


def test_planning_a_follow_up(world: World) -> None:
    day = timezone.localdate() + dt.timedelta(days=5)
    response = _post(
        world,
        "colleague",
        PERSON_PAGES["appointment"](world),
        {
            "kind": "follow_up",
            "date": day.isoformat(),
            "time": "09:30",
            "duration_minutes": "30",
            "channel": "phone",
            "reminder_channel": "email",
        },
    )
    assert response.status_code == 302
    planned = Appointment.objects.exclude(pk=world.appointment.pk).get()
    assert timezone.localtime(planned.starts_at).date() == day
    assert timezone.localtime(planned.starts_at).time() == dt.time(9, 30)
    assert planned.case_manager == world.users["colleague"]


def test_holding_a_conversation_through_the_form(world: World) -> None:
    client = world.client_for("case_manager")
    response = client.post(
        PERSON_PAGES["conversation"](world),
        {
            "kind": "intake",
            "held_on": timezone.localdate().isoformat(),
            "talents": "Kan goed plannen",
            "obstacle_kinds": ["childcare"],
            "impact_childcare": "Kan alleen tussen 9 en 14 uur",
            "impact_language": "Spreekt nog weinig Nederlands",  # not ticked: counts as ticked
            "agreements": "Zoekt een taalcursus",
        },
    )
    assert response.status_code == 302
    conversation = Conversation.objects.get()
    assert conversation.talents == "Kan goed plannen"
    kinds = set(Obstacle.objects.filter(job_seeker=world.target).values_list("kind", flat=True))
    assert kinds == {"childcare", "language"}
    assert Goal.objects.filter(conversation=conversation).count() == 2
    situation = client.get(response["Location"]).content.decode()
    assert "Kan goed plannen" in situation
    assert "Het gesprek is opgeslagen." in situation


def test_a_ticked_obstacle_needs_its_meaning_and_nothing_is_saved(world: World) -> None:
    response = _post(
        world,
        "case_manager",
        PERSON_PAGES["conversation"](world),
        {
            "kind": "intake",
            "held_on": timezone.localdate().isoformat(),
            "obstacle_kinds": ["debts"],
        },
    )
    assert response.status_code == 200
    assert "Schrijf op wat dit betekent voor werk." in response.content.decode()
    assert not Conversation.objects.exists()


def test_adding_a_route_step_from_the_catalogue(world: World) -> None:
    offering = OfferingFactory(published=True, title="Banenmarkt Logistiek")
    url = PERSON_PAGES["route_step"](world)
    client = world.client_for("case_manager")
    page = client.get(url, {"q": "banenmarkt"}).content.decode()
    assert "Banenmarkt Logistiek" in page
    response = client.post(
        url, {"q": "banenmarkt", "offering": str(offering.public_id), "owner": "job_seeker"}
    )
    assert response.status_code == 302
    step = RouteStep.objects.get(offering=offering)
    assert step.title == "Banenmarkt Logistiek"


def test_a_route_step_needs_an_offering_or_words(world: World) -> None:
    response = _post(world, "case_manager", PERSON_PAGES["route_step"](world), {"owner": "partner"})
    assert response.status_code == 200
    assert "Kies aanbod of beschrijf de stap." in response.content.decode()
    assert RouteStep.objects.count() == 1


def test_stopping_a_step_through_the_page_asks_for_a_reason(world: World) -> None:
    url = PERSON_PAGES["route_step_status"](world)
    response = _post(world, "case_manager", url, {"status": RouteStepStatus.STOPPED})
    assert response.status_code == 200
    assert "Schrijf op waarom deze stap stopt." in response.content.decode()
    response = _post(
        world, "case_manager", url, {"status": RouteStepStatus.STOPPED, "reason": "Verhuisd"}
    )
    assert response.status_code == 302
    world.step.refresh_from_db()
    assert (world.step.status, world.step.status_reason) == (RouteStepStatus.STOPPED, "Verhuisd")
    assert Transition.objects.get(object_id=world.step.public_id).actor_id == world.case_manager.pk


def test_cancelling_an_appointment_and_refusing_held_too_early(world: World) -> None:
    url = PERSON_PAGES["appointment_status"](world)
    response = _post(world, "case_manager", url, {"status": AppointmentStatus.HELD})
    assert response.status_code == 200
    assert "nog niet begonnen" in response.content.decode()
    response = _post(world, "team_lead", url, {"status": AppointmentStatus.CANCELLED})
    assert response.status_code == 302
    world.appointment.refresh_from_db()
    assert world.appointment.status == AppointmentStatus.CANCELLED
    # A finished appointment offers no more choices.
    page = world.client_for("case_manager").get(url).content.decode()
    assert "verandert niet meer" in page


@pytest.mark.parametrize("who", ["other_team", "other_municipality", "self", "other_seeker"])
def test_writes_by_outsiders_answer_404_and_change_nothing(world: World, who: str) -> None:
    future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    posts = [
        (PERSON_PAGES["conversation"](world), {"kind": "intake", "held_on": future}),
        (
            PERSON_PAGES["appointment"](world),
            {"date": future, "time": "10:00", "kind": "follow_up"},
        ),
        (PERSON_PAGES["route_step"](world), {"title": "Iets", "owner": "partner"}),
        (PERSON_PAGES["appointment_status"](world), {"status": "cancelled"}),
        (PERSON_PAGES["route_step_status"](world), {"status": "busy"}),
        (PERSON_PAGES["action"](world), {"description": "Iets", "owner": "partner"}),
        (reverse("casework:action_status", args=[world.action.public_id]), {"status": "done"}),
    ]
    for url, data in posts:
        assert _post(world, who, url, data).status_code == 404, url
    assert not Conversation.objects.exists()
    assert Appointment.objects.count() == 1
    assert RouteStep.objects.count() == 1
    assert not Transition.objects.exists()
    world.action.refresh_from_db()
    assert world.action.status == "todo"


@pytest.mark.parametrize("who", WHO)
def test_marking_an_action_done(world: World, who: str) -> None:
    url = reverse("casework:action_status", args=[world.action.public_id])
    response = world.client_for(who).post(url, {"status": "done"})
    assert response.status_code == (302 if who in STAFF_OK | {"anonymous"} else 404)
    world.action.refresh_from_db()
    assert (world.action.status == "done") == (who in STAFF_OK)


def test_adding_an_action_to_a_goal(world: World) -> None:
    response = _post(
        world,
        "case_manager",
        PERSON_PAGES["action"](world),
        {"description": "Bellen met de opvang", "owner": "job_seeker"},
    )
    assert response.status_code == 302
    assert world.goal.actions.filter(description="Bellen met de opvang").exists()
