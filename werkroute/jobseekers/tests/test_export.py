"""The export: everything held about the person, as JSON and as a page, with the access log."""

import json

from django.urls import reverse

import pytest

from werkroute.jobseekers import exports, services
from werkroute.jobseekers.tests.conftest import TARGET_BSN, TARGET_LAST_NAME, World

pytestmark = pytest.mark.django_db


def _fill(world: World) -> None:
    staff = world.users["case_manager"]
    services.add_skill(actor=staff, job_seeker=world.target, name="Heftruck rijden")
    services.add_ambition(actor=staff, job_seeker=world.target, note="Logistiek")
    services.update_profile(actor=staff, job_seeker=world.target, changes={"hours_max": 32})
    services.give_consent(actor=world.users["self"], job_seeker=world.target)
    services.view_file(world.users["team_lead"], world.target, reason="Teamoverleg")


def test_export_holds_the_whole_file(world: World) -> None:
    _fill(world)
    data = exports.build_export(world.target)
    assert data["profile"]["last_name"] == TARGET_LAST_NAME
    assert data["profile"]["bsn"] == TARGET_BSN
    assert data["profile"]["hours_max"] == 32
    assert data["languages"] == [{"language": "Pools", "level": "B1", "is_dutch": False}]
    assert data["skills"] == [{"name": "Heftruck rijden"}]
    assert data["ambitions"][0]["note"] == "Logistiek"
    assert data["obstacles"][0]["impact"] == "Kan werken tussen 9 en 14 uur."
    assert data["consents"][0]["withdrawn_at"] is None
    assert data["correction_requests"][0]["proposed_value"] == "Zwanenburg-de Vries"
    change = next(c for c in data["change_history"] if c["field"] == "hours_max")
    assert (change["new_value"], change["changed_by"]) == (
        "32",
        world.users["case_manager"].username,
    )
    assert data["processing_log"], "the processings about the person are listed"


def test_export_lists_access_entries_with_username_and_role_only(world: World) -> None:
    _fill(world)
    rows = exports.build_export(world.target)["access_log"]
    lead_view = next(r for r in rows if r["reason"] == "Teamoverleg")
    assert lead_view["username"] == world.users["team_lead"].username
    assert (lead_view["role"], lead_view["action"]) == ("team_lead", "view")
    assert lead_view["activity"] == "dossier-inzien"
    forbidden = {"user_id", "trace_id", "hash", "prev_hash", "data_subject_id_encrypted"}
    assert not forbidden & set(lead_view)


def test_json_download(world: World) -> None:
    _fill(world)
    response = world.client_for("self").get(reverse("me:export_json"))
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["about"]["format"] == "werkroute-dossier"
    assert data["profile"]["last_name"] == TARGET_LAST_NAME
    actions = [row["action"] for row in data["access_log"]]
    assert "export" in actions and "view" in actions
    assert any(row["reason"] == "Teamoverleg" for row in data["access_log"])


def test_export_of_another_persons_file_is_refused(world: World) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.export_file(world.target, actor=world.users["other_seeker"])
