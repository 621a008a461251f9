"""Writes to the file: registration checks, history, consent, corrections, parts, the audit."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

import pytest

from werkroute.core.audit.crypto import decrypt_subject_id, subject_hash
from werkroute.core.audit.models import (
    AccessAction,
    AccessAuditEntry,
    AccessOutcome,
    ProcessingLogEntry,
)
from werkroute.jobseekers import queries, services
from werkroute.jobseekers.constants import ConsentKind, CorrectionStatus
from werkroute.jobseekers.models import Consent, FileChange, JobSeeker
from werkroute.jobseekers.tests.conftest import TARGET_BSN, World
from werkroute.jobseekers.validation import clean_bsn, mask_bsn

pytestmark = pytest.mark.django_db

NEW_BSN = "123456782"


def registration(**overrides: Any) -> dict[str, Any]:
    data = {
        "first_name": " Jan ",
        "last_name": "de Boer",
        "bsn": "1234.56.782",
        "date_of_birth": dt.date(1990, 3, 1),
        "postcode": "3511 ab",
        "benefit_type": "social_assistance",
        "benefit_start": dt.date(2023, 1, 1),
    }
    return {**data, **overrides}


def counts() -> tuple[int, int, int, int]:
    return (
        JobSeeker.objects.count(),
        FileChange.objects.count(),
        Consent.objects.count(),
        ProcessingLogEntry.objects.count(),
    )


# --- Registration --------------------------------------------------------------------------


def test_register_encrypts_the_bsn_and_keeps_a_keyed_hash(world: World) -> None:
    actor = world.users["case_manager"]
    js = services.register_job_seeker(
        actor=actor, municipality=world.municipality, data=registration()
    )
    assert NEW_BSN not in js.bsn_encrypted
    assert decrypt_subject_id(js.bsn_encrypted) == NEW_BSN
    assert js.bsn_hash == subject_hash(NEW_BSN)
    assert (js.first_name, js.postcode, js.case_manager) == ("Jan", "3511AB", actor)
    assert js.changes.get().new_value == "ingeschreven"
    entry = AccessAuditEntry.objects.get(action=AccessAction.CREATE)
    assert entry.data_subject_hash == js.bsn_hash and entry.role == "case_manager"
    assert ProcessingLogEntry.objects.filter(data_subject_hash=js.bsn_hash).exists()


@pytest.mark.parametrize(
    ("overrides", "field", "text"),
    [
        ({"bsn": "123456789"}, "bsn", "Dit BSN klopt niet"),
        ({"bsn": "12345"}, "bsn", "Dit BSN klopt niet"),
        ({"bsn": "000000000"}, "bsn", "Dit BSN klopt niet"),
        (
            {"date_of_birth": timezone.localdate() + dt.timedelta(days=1)},
            "date_of_birth",
            "toekomst",
        ),
        ({"date_of_birth": dt.date(1900, 1, 1)}, "date_of_birth", "meer dan 110 jaar"),
        ({"postcode": "12345"}, "postcode", "Deze postcode klopt niet"),
        ({"benefit_start": dt.date(1980, 1, 1)}, "benefit_start", "vóór de geboortedatum"),
    ],
)
def test_bad_input_gives_a_dutch_message_and_saves_nothing(
    world: World, overrides: dict[str, Any], field: str, text: str
) -> None:
    before = counts()
    audit_before = AccessAuditEntry.objects.count()
    with translation.override("nl"), pytest.raises(ValidationError) as caught:
        services.register_job_seeker(
            actor=world.users["case_manager"],
            municipality=world.municipality,
            data=registration(**overrides),
        )
    assert text in " ".join(caught.value.message_dict[field])
    assert counts() == before
    assert AccessAuditEntry.objects.count() == audit_before


def test_a_known_person_is_refused_and_the_attempt_is_audited(world: World) -> None:
    before = counts()
    with translation.override("nl"), pytest.raises(ValidationError) as caught:
        services.register_job_seeker(
            actor=world.users["other_municipality"],
            municipality=world.other_municipality,
            data=registration(bsn=TARGET_BSN),
        )
    assert "Deze persoon staat al in het systeem" in caught.value.message_dict["bsn"][0]
    assert counts() == before
    refused = AccessAuditEntry.objects.get()
    assert refused.outcome == AccessOutcome.DENIED
    assert refused.data_subject_hash == subject_hash(TARGET_BSN)


def test_only_caseworkers_of_the_municipality_register(world: World) -> None:
    for who, where in (
        ("policy_maker", world.municipality),
        ("case_manager", world.other_municipality),
        ("self", world.municipality),
    ):
        with pytest.raises(PermissionDenied):
            services.register_job_seeker(
                actor=world.users[who], municipality=where, data=registration()
            )
    assert JobSeeker.objects.count() == 2


# --- Changing the file ---------------------------------------------------------------------


def test_update_writes_one_history_row_per_changed_field(world: World) -> None:
    actor = world.users["colleague"]
    js = world.target
    rows = services.update_profile(
        actor=actor,
        job_seeker=js,
        changes={
            "first_name": "Fatima",  # unchanged
            "hours_max": 24,
            "available_days": ["wed", "mon"],
            "benefit_type": "ioaw",
        },
    )
    assert {row.field for row in rows} == {"hours_max", "available_days", "benefit_type"}
    by_field = {row.field: row for row in js.changes.all()}
    assert (by_field["hours_max"].old_value, by_field["hours_max"].new_value) == ("", "24")
    assert by_field["available_days"].new_value == "maandag, woensdag"
    assert by_field["benefit_type"].old_value == "bijstand (Participatiewet)"
    assert by_field["benefit_type"].actor_id == actor.pk
    js.refresh_from_db()
    assert js.available_days == ["mon", "wed"] and js.hours_max == 24
    change = AccessAuditEntry.objects.get(action=AccessAction.CHANGE)
    assert change.role == "case_manager" and change.object_id == str(js.public_id)


def test_an_update_without_changes_writes_nothing(world: World) -> None:
    rows = services.update_profile(
        actor=world.users["case_manager"],
        job_seeker=world.target,
        changes={"first_name": "Fatima", "available_days": []},
    )
    assert rows == [] and not world.target.changes.exists()
    assert not AccessAuditEntry.objects.exists()


def test_a_bad_update_changes_nothing_not_even_in_memory(world: World) -> None:
    js = world.target
    with pytest.raises(ValidationError):
        services.update_profile(
            actor=world.users["case_manager"],
            job_seeker=js,
            changes={"hours_min": 30, "hours_max": 20, "first_name": "Anders"},
        )
    assert js.first_name == "Fatima"
    js.refresh_from_db()
    assert js.first_name == "Fatima" and not js.changes.exists()


def test_a_bsn_correction_is_masked_in_history_and_keeps_the_access_trail(world: World) -> None:
    actor, js = world.users["case_manager"], world.target
    services.view_file(actor, js)
    services.update_profile(actor=actor, job_seeker=js, changes={"bsn": NEW_BSN})
    change = js.changes.get(field="bsn")
    assert (change.old_value, change.new_value) == (mask_bsn(TARGET_BSN), mask_bsn(NEW_BSN))
    js.refresh_from_db()
    assert js.bsn_hash == subject_hash(NEW_BSN)
    assert js.former_bsn_hashes == [subject_hash(TARGET_BSN)]
    actions = [e.action for e in queries.access_entries_about(js)]
    assert actions == [AccessAction.CHANGE, AccessAction.VIEW]


def test_a_bsn_of_someone_else_is_refused_on_update(world: World) -> None:
    other_bsn = decrypt_subject_id(world.other_seeker.bsn_encrypted)
    with pytest.raises(ValidationError) as caught:
        services.update_profile(
            actor=world.users["case_manager"], job_seeker=world.target, changes={"bsn": other_bsn}
        )
    assert "bsn" in caught.value.message_dict


def test_a_job_seeker_changes_only_their_own_contact_and_availability(world: World) -> None:
    me = world.users["self"]
    services.update_profile(actor=me, job_seeker=world.target, changes={"phone": "0612345678"})
    assert world.target.changes.get().actor_id == me.pk
    for changes in ({"last_name": "Anders"}, {"bsn": NEW_BSN}):
        with pytest.raises(PermissionDenied):
            services.update_profile(actor=me, job_seeker=world.target, changes=changes)
    with pytest.raises(PermissionDenied):
        services.update_profile(
            actor=me, job_seeker=world.other_seeker, changes={"phone": "0612345678"}
        )


@pytest.mark.parametrize(
    "who", ["other_team", "other_municipality", "functional_admin", "policy_maker"]
)
def test_staff_outside_the_scope_cannot_write(world: World, who: str) -> None:
    actor = world.users[who]
    with pytest.raises(PermissionDenied):
        services.update_profile(actor=actor, job_seeker=world.target, changes={"hours_max": 8})
    with pytest.raises(PermissionDenied):
        services.add_obstacle(actor=actor, job_seeker=world.target, kind="debts", impact="x")
    with pytest.raises(PermissionDenied):
        services.view_file(actor, world.target)
    assert not world.target.changes.exists()


# --- Parts of the file ---------------------------------------------------------------------


def test_obstacles_are_added_and_resolved_with_history(world: World) -> None:
    actor, js = world.users["case_manager"], world.target
    obstacle = services.add_obstacle(
        actor=actor, job_seeker=js, kind="health", impact="Kan niet zwaar tillen."
    )
    services.resolve_obstacle(actor=actor, job_seeker=js, obstacle=obstacle)
    obstacle.refresh_from_db()
    assert obstacle.is_active is False
    texts = [c.new_value for c in js.changes.filter(field="obstacles").order_by("pk")]
    assert texts == [
        "gezondheid: Kan niet zwaar tillen.",
        "gezondheid: Kan niet zwaar tillen. (speelt niet meer)",
    ]


def test_an_obstacle_needs_its_meaning_for_work(world: World) -> None:
    with pytest.raises(ValidationError):
        services.add_obstacle(
            actor=world.users["case_manager"], job_seeker=world.target, kind="debts", impact=" "
        )
    assert not world.target.changes.exists()


def test_parts_are_added_and_removed_with_history(world: World) -> None:
    actor, js = world.users["team_lead"], world.target
    skill = services.add_skill(actor=actor, job_seeker=js, name="Klantvriendelijk")
    dutch = services.add_language(actor=actor, job_seeker=js, language="Nederlands", level="A2")
    ambition = services.add_ambition(actor=actor, job_seeker=js, note="Werken in de zorg")
    experience = services.add_experience(
        actor=actor, job_seeker=js, description="Schoonmaak", years=3
    )
    assert dutch.is_dutch is True
    services.remove_skill(actor=actor, job_seeker=js, skill=skill)
    assert not js.skills.exists()
    assert js.changes.filter(field="skills", old_value="Klantvriendelijk", new_value="").exists()
    assert js.changes.filter(field="experience", new_value="Schoonmaak, 3 jaar").exists()
    assert ambition.pk and experience.pk
    with pytest.raises(PermissionDenied):
        services.remove_language(
            actor=actor, job_seeker=world.other_seeker, language=world.language
        )


def test_an_ambition_or_experience_needs_some_content(world: World) -> None:
    actor = world.users["case_manager"]
    with pytest.raises(ValidationError):
        services.add_ambition(actor=actor, job_seeker=world.target)
    with pytest.raises(ValidationError):
        services.add_experience(actor=actor, job_seeker=world.target, years=2)


# --- Consent and corrections ---------------------------------------------------------------


def test_consent_is_given_and_withdrawn_once(world: World) -> None:
    me, js = world.users["self"], world.target
    assert not queries.has_consent(js)
    first = services.give_consent(actor=me, job_seeker=js)
    assert services.give_consent(actor=me, job_seeker=js) == first
    assert queries.has_consent(js) and first.recorded_by_id == me.pk
    withdrawn = services.withdraw_consent(actor=me, job_seeker=js)
    assert withdrawn is not None and withdrawn.withdrawn_at is not None
    assert services.withdraw_consent(actor=me, job_seeker=js) is None
    assert not queries.has_consent(js)
    services.give_consent(actor=me, job_seeker=js)
    assert js.consents.count() == 2
    history = list(js.changes.filter(field="consent").order_by("pk"))
    assert [(c.old_value, c.new_value) for c in history] == [
        ("", str(ConsentKind.SHARE_PROFILE_WITH_EMPLOYERS.label)),
        (str(ConsentKind.SHARE_PROFILE_WITH_EMPLOYERS.label), ""),
        ("", str(ConsentKind.SHARE_PROFILE_WITH_EMPLOYERS.label)),
    ]


def test_someone_else_cannot_consent_for_a_job_seeker(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.give_consent(actor=world.users["other_seeker"], job_seeker=world.target)
    with pytest.raises(PermissionDenied):
        services.give_consent(actor=world.users["policy_maker"], job_seeker=world.target)


def test_a_correction_is_requested_by_the_person_and_handled_by_staff(world: World) -> None:
    me, js = world.users["self"], world.target
    correction = services.request_correction(
        actor=me, job_seeker=js, field="date_of_birth", proposed_value="18 mei 1984"
    )
    with pytest.raises(PermissionDenied):
        services.request_correction(
            actor=world.users["case_manager"], job_seeker=js, field="bsn", proposed_value="x"
        )
    with pytest.raises(ValidationError):
        services.request_correction(actor=me, job_seeker=js, field="phone", proposed_value="1")
    handled = services.handle_correction(
        actor=world.users["case_manager"],
        job_seeker=js,
        correction=correction,
        accept=True,
        answer="Aangepast, dank u.",
    )
    assert handled.status == CorrectionStatus.ACCEPTED
    with pytest.raises(ValidationError):
        services.handle_correction(
            actor=world.users["case_manager"], job_seeker=js, correction=correction, accept=False
        )


# --- Reading -------------------------------------------------------------------------------


def test_view_file_writes_the_access_audit_in_a_processing_span(world: World) -> None:
    services.view_file(world.users["colleague"], world.target, reason="Vervanging")
    entry = AccessAuditEntry.objects.get()
    assert (entry.action, entry.role, entry.reason) == ("view", "case_manager", "Vervanging")
    assert entry.processing_activity.code == "dossier-inzien"
    assert entry.data_subject_hash == world.target.bsn_hash
    span = ProcessingLogEntry.objects.get()
    assert span.trace_id == entry.trace_id and span.status == "ok"


def test_view_file_gives_a_reason_by_itself(world: World) -> None:
    services.view_file(world.users["case_manager"], world.target)
    services.view_file(world.users["team_lead"], world.target)
    reasons = list(AccessAuditEntry.objects.order_by("sequence").values_list("reason", flat=True))
    assert reasons == ["Begeleiding van eigen klant", "Teamleiding"]


def test_search_by_bsn_is_exact_and_audits_each_person_found(world: World) -> None:
    found = services.search_job_seekers(actor=world.users["case_manager"], bsn=TARGET_BSN)
    assert found == [world.target]
    assert services.search_job_seekers(actor=world.users["case_manager"], bsn=NEW_BSN) == []
    assert AccessAuditEntry.objects.filter(action=AccessAction.SEARCH).count() == 2
    assert services.search_job_seekers(actor=world.users["other_team"], bsn=TARGET_BSN) == []
    with pytest.raises(ValidationError):
        services.search_job_seekers(actor=world.users["case_manager"], bsn="123456789")


def test_search_by_name_parts_stays_in_scope(world: World) -> None:
    actor = world.users["team_lead"]
    assert services.search_job_seekers(actor=actor, name="fatima zwanen") == [world.target]
    assert services.search_job_seekers(actor=actor, name=world.other_seeker.last_name) == []


def test_masking_shows_only_the_last_four_digits() -> None:
    assert mask_bsn("111222333") == "*****2333"
    assert mask_bsn("1112.22.333") == "*****2333"
    assert clean_bsn(" 111 222 333 ") == "111222333"


def test_record_refusal_writes_a_denied_entry_about_the_person(world: World) -> None:
    services.record_refusal(world.users["policy_maker"], world.target.public_id)
    services.record_refusal(world.users["policy_maker"], "not-a-uuid")
    first, second = AccessAuditEntry.objects.order_by("sequence")
    assert first.outcome == second.outcome == AccessOutcome.DENIED
    assert first.role == "policy_maker" and first.data_subject_hash == world.target.bsn_hash
    assert second.data_subject_hash == "" and second.object_id == ""


def test_refusals_before_the_file_existed_are_not_shown_as_about_it(world: World) -> None:
    js = world.target
    js.created_at = timezone.now() + dt.timedelta(minutes=5)
    js.save(update_fields=["created_at"])
    services.record_refusal(world.users["policy_maker"], js.public_id)
    assert not queries.access_entries_about(js).exists()
