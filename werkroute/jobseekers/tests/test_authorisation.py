"""The authorisation matrix: every job seeker URL, page and POST, for every kind of user.

Staff pages: the case manager, a team colleague and the team lead may; everyone else gets 404 for
a file (alike for absent and not yours) and 403 for the search and registration pages; anonymous
visitors go to the login page. Self-service pages: only a login linked to a file; anyone else 404.
Every request that shows or changes a file, or is refused one, leaves an access-audit entry.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

import pytest

from werkroute.core.audit.models import AccessAuditEntry, AccessOutcome
from werkroute.jobseekers.tests.conftest import TARGET_LAST_NAME, World

pytestmark = pytest.mark.django_db

ALLOWED_STAFF = ("case_manager", "colleague", "team_lead")
REFUSED_STAFF = ("other_team", "other_municipality", "functional_admin", "policy_maker")
JOB_SEEKERS = ("self", "other_seeker")
EVERYONE = ("anonymous", *ALLOWED_STAFF, *REFUSED_STAFF, *JOB_SEEKERS)
CASEWORKERS = (*ALLOWED_STAFF, "other_team", "other_municipality")


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    url: Callable[[World], str]
    data: Callable[[World], dict[str, Any]] = field(default=lambda w: {})
    ok: int = 200


def _file_url(name: str, *args: str) -> Callable[[World], str]:
    return lambda w: reverse(f"jobseekers:{name}", args=[w.target.public_id, *args])


def _edit_data(world: World) -> dict[str, Any]:
    return {
        "first_name": "Fatima",
        "last_name": TARGET_LAST_NAME,
        "date_of_birth": "1984-05-17",
        "benefit_type": "social_assistance",
        "travel_radius_km": "15",
        "hours_max": "20",
    }


FILE_CASES = [
    Case("detail", "get", _file_url("detail")),
    Case("edit page", "get", _file_url("edit")),
    Case("edit", "post", _file_url("edit"), _edit_data, 302),
    *(
        Case(f"add {kind} page", "get", _file_url("part_add", kind))
        for kind in ("belemmeringen", "talen", "werkervaring", "vaardigheden", "ambities")
    ),
    Case(
        "add obstacle",
        "post",
        _file_url("part_add", "belemmeringen"),
        lambda w: {"kind": "debts", "impact": "Heeft een schuldhulptraject op dinsdag."},
        302,
    ),
    Case(
        "add skill", "post", _file_url("part_add", "vaardigheden"), lambda w: {"name": "Koken"}, 302
    ),
    Case(
        "remove language",
        "post",
        _file_url("part_remove", "talen"),
        lambda w: {"item": w.language.pk},
        302,
    ),
    Case(
        "resolve obstacle",
        "post",
        _file_url("obstacle_resolve"),
        lambda w: {"item": w.obstacle.pk},
        302,
    ),
    Case(
        "handle correction",
        "post",
        _file_url("correction_handle"),
        lambda w: {"item": w.correction.pk, "decision": "accept", "answer": "Klopt."},
        302,
    ),
]
PAGE_CASES = [
    Case("search page", "get", lambda w: reverse("jobseekers:search")),
    Case("search", "post", lambda w: reverse("jobseekers:search"), lambda w: {"query": "Fatima"}),
    Case("register page", "get", lambda w: reverse("jobseekers:register")),
]
SELF_CASES = [
    *(
        Case(name, "get", lambda w, name=name: reverse(f"me:{name}"))
        for name in (
            "home",
            "details",
            "edit",
            "correction",
            "consent",
            "export",
            "export_json",
            "access_log",
        )
    ),
    Case("give consent", "post", lambda w: reverse("me:consent_give"), ok=302),
    Case("withdraw consent", "post", lambda w: reverse("me:consent_withdraw"), ok=302),
    Case(
        "self edit",
        "post",
        lambda w: reverse("me:edit"),
        lambda w: {"phone": "0612345678", "travel_radius_km": "5"},
        302,
    ),
    Case(
        "correction request",
        "post",
        lambda w: reverse("me:correction"),
        lambda w: {"field": "last_name", "proposed_value": "Zwanenburg"},
        302,
    ),
]


def _request(world: World, who: str, case: Case) -> Any:
    client = world.client_for(who)
    send = client.post if case.method == "post" else client.get
    return send(case.url(world), case.data(world))


def _expected_file_status(who: str, case: Case) -> int:
    if who == "anonymous":
        return 302
    return case.ok if who in ALLOWED_STAFF else 404


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize("case", FILE_CASES, ids=lambda c: c.name)
def test_file_urls(world: World, who: str, case: Case) -> None:
    response = _request(world, who, case)
    assert response.status_code == _expected_file_status(who, case)
    if who == "anonymous":
        assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize("case", PAGE_CASES, ids=lambda c: c.name)
def test_search_and_register_pages(world: World, who: str, case: Case) -> None:
    response = _request(world, who, case)
    expected = 302 if who == "anonymous" else 200 if who in CASEWORKERS else 403
    assert response.status_code == expected


@pytest.mark.parametrize("who", ["other_team", "other_municipality"])
def test_search_by_caseworkers_outside_the_scope_finds_nobody(world: World, who: str) -> None:
    response = world.client_for(who).post(reverse("jobseekers:search"), {"query": "Fatima"})
    assert TARGET_LAST_NAME not in response.content.decode()


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize("case", SELF_CASES, ids=lambda c: c.name)
def test_self_service_urls(world: World, who: str, case: Case) -> None:
    response = _request(world, who, case)
    if who == "anonymous":
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
    elif who in JOB_SEEKERS:
        assert response.status_code == case.ok
        if who == "other_seeker" and case.ok == 200:
            assert TARGET_LAST_NAME not in response.content.decode()
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("case", FILE_CASES, ids=lambda c: c.name)
def test_every_file_request_writes_an_access_entry(world: World, case: Case) -> None:
    before = AccessAuditEntry.objects.count()
    response = _request(world, "case_manager", case)
    assert response.status_code == case.ok
    entries = AccessAuditEntry.objects.order_by("sequence")[before:]
    assert entries, f"no access-audit entry for {case.name}"
    assert all(e.data_subject_hash == world.target.bsn_hash for e in entries)
    assert all(e.outcome == AccessOutcome.ALLOWED for e in entries)


@pytest.mark.parametrize("who", ["other_team", "other_municipality", "policy_maker", "self"])
@pytest.mark.parametrize("case", FILE_CASES, ids=lambda c: c.name)
def test_every_refused_file_request_writes_a_denied_entry(
    world: World, who: str, case: Case
) -> None:
    before = AccessAuditEntry.objects.count()
    assert _request(world, who, case).status_code == 404
    (entry,) = AccessAuditEntry.objects.order_by("sequence")[before:]
    assert entry.outcome == AccessOutcome.DENIED
    assert entry.user_id == world.users[who].pk
    assert entry.data_subject_hash == world.target.bsn_hash


@pytest.mark.parametrize("case", SELF_CASES, ids=lambda c: c.name)
def test_every_self_service_request_writes_an_access_entry(world: World, case: Case) -> None:
    before = AccessAuditEntry.objects.count()
    assert _request(world, "self", case).status_code == case.ok
    entries = AccessAuditEntry.objects.order_by("sequence")[before:]
    assert entries and all(e.data_subject_hash == world.target.bsn_hash for e in entries)
    assert all(e.role == "job_seeker" for e in entries)


def test_search_writes_an_entry_per_person_found(world: World) -> None:
    client = world.client_for("case_manager")
    client.post(reverse("jobseekers:search"), {"query": TARGET_LAST_NAME})
    entry = AccessAuditEntry.objects.get()
    assert entry.action == "search" and entry.data_subject_hash == world.target.bsn_hash


def test_a_part_of_another_file_cannot_be_reached_by_changing_its_id(world: World) -> None:
    other_language = world.other_seeker.languages.create(language="Turks")
    client = world.client_for("case_manager")
    url = reverse("jobseekers:part_remove", args=[world.target.public_id, "talen"])
    assert client.post(url, {"item": other_language.pk}).status_code == 404
    assert world.other_seeker.languages.filter(pk=other_language.pk).exists()
    url = reverse("jobseekers:part_remove", args=[world.other_seeker.public_id, "talen"])
    assert client.post(url, {"item": other_language.pk}).status_code == 404


def test_unknown_part_kinds_are_404(world: World) -> None:
    client = world.client_for("case_manager")
    url = reverse("jobseekers:part_add", args=[world.target.public_id, "geheimen"])
    assert client.get(url).status_code == 404
