"""The processing log and the access audit: shape, encryption, append-only, tamper evidence, search.

Everything runs against the real database (SQLite and PostgreSQL); tampering is done with raw SQL
after switching the append-only triggers off inside the test's own transaction.
"""

import json
import re
import threading
import uuid
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.test import Client, override_settings

import pytest

from werkroute import cli
from werkroute.accounts.constants import Role
from werkroute.accounts.models import Membership, User
from werkroute.core.audit import crypto
from werkroute.core.audit.admin import ProcessingActivityAdmin
from werkroute.core.audit.models import (
    APPEND_ONLY_TABLES,
    BUILTIN_ACTIVITY_CODES,
    GENESIS_HASH,
    AccessAction,
    AccessAuditEntry,
    AccessOutcome,
    AppendOnlyError,
    ProcessingActivity,
    ProcessingLogEntry,
    SpanStatus,
    SubjectType,
)
from werkroute.core.audit.services import (
    DataSubject,
    current_span,
    processing,
    record_access,
    verify_chain,
)
from werkroute.core.audit.views import PRIVACY_OFFICER_ROLE
from werkroute.core.models import Region

pytestmark = pytest.mark.django_db

HEX32 = re.compile(r"^[0-9a-f]{32}$")
HEX16 = re.compile(r"^[0-9a-f]{16}$")
BSN_A = "111222333"
BSN_B = "123456782"
URL = "/privacy/logboek/"


@pytest.fixture(autouse=True)
def _privacy_urls(settings: Any) -> None:
    """The second login factor is tested with accounts; here the users are taken as verified."""
    settings.WERKROUTE_REQUIRE_STAFF_2FA = False


@pytest.fixture
def case_manager() -> User:
    return User.objects.create_user(username="km.jansen", email="jansen@gemeente.example")


@pytest.fixture
def officer() -> User:
    user = User.objects.create_user(username="fg.devries")
    region = Region.objects.create(code="regio-audit", name="Regio Audit")
    Membership.objects.create(user=user, role=Role.PRIVACY_OFFICER, region=region)
    return user


def log_access(actor: User | None, subject: DataSubject | None, **extra: object) -> None:
    record_access(
        actor=actor,
        role="case_manager",
        action=extra.pop("action", AccessAction.VIEW),
        obj_type="jobseekers.profile",
        obj_id=uuid.uuid4(),
        subject=subject,
        activity="dossier-inzien",
        outcome=AccessOutcome.ALLOWED,
        **extra,
    )


def make_chain(length: int = 5) -> None:
    subjects = [DataSubject.internal(uuid.uuid4()) for _ in range(length)]
    with processing("dossiers bekijken", activity="dossier-inzien", subjects=subjects):
        for subject in subjects:
            log_access(None, subject, reason="controle")


def switch_off_triggers(table: str) -> None:
    """Only inside a test transaction: the rollback at the end puts the triggers back."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Foreign-key checks are deferred; PostgreSQL will not alter a table with pending ones.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only")
        else:
            cursor.execute(f"DROP TRIGGER {table}_no_update")
            cursor.execute(f"DROP TRIGGER {table}_no_delete")


def tamper(table: str, column: str) -> None:
    switch_off_triggers(table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {column} = 'vervalst' WHERE sequence = 2")  # noqa: S608
        cursor.execute(f"DELETE FROM {table} WHERE sequence = 4")  # noqa: S608


# --- Processing log ------------------------------------------------------------------------


def test_span_writes_one_entry_per_subject_without_naming_the_user(case_manager: User) -> None:
    subjects = [DataSubject.bsn(BSN_A), DataSubject.internal(uuid.uuid4())]
    with processing(
        "dossier bekijken", activity="dossier-inzien", subjects=subjects, actor=case_manager
    ) as span:
        assert current_span() is span
    assert current_span() is None

    entries = list(ProcessingLogEntry.objects.all())
    assert len(entries) == 2
    for entry in entries:
        assert HEX32.match(entry.trace_id) and HEX16.match(entry.span_id)
        assert entry.trace_id == span.trace_id and entry.span_id == span.span_id
        assert entry.parent_span_id is None
        assert entry.status == SpanStatus.OK
        assert entry.start_time <= entry.end_time
        assert entry.processing_activity.code == "dossier-inzien"
        assert entry.resource["service.name"] == "werkroute"
    assert {e.data_subject_type for e in entries} == {SubjectType.BSN, SubjectType.INTERNAL}
    stored = json.dumps(list(ProcessingLogEntry.objects.values()), default=str)
    for personal in ("km.jansen", "jansen@gemeente.example", BSN_A):
        assert personal not in stored


def test_processing_without_subjects_still_writes_one_entry() -> None:
    with processing("selectie maken", activity="outreach-campagne"):
        pass
    entry = ProcessingLogEntry.objects.get()
    assert entry.data_subject_id_encrypted == "" and entry.data_subject_type == ""


def test_subjects_found_during_the_span_are_logged() -> None:
    with processing("selectie maken", activity="outreach-campagne") as span:
        span.add_subject(DataSubject.bsn(BSN_A))
        span.add_subject(DataSubject.bsn(BSN_B))
    assert ProcessingLogEntry.objects.count() == 2


def test_a_processing_of_many_people_keeps_the_chain_whole() -> None:
    # More entries than one insert batch: several statements on SQLite, one COPY on PostgreSQL.
    with processing("matching", activity="outreach-campagne") as span:
        for number in range(1201):
            span.add_subject(DataSubject(f"persoon-{number}", SubjectType.INTERNAL))
    entries = ProcessingLogEntry.objects.order_by("sequence")
    assert entries.count() == 1201
    assert entries.first().start_time == entries.last().start_time
    assert entries.last().resource == entries.first().resource != {}
    assert verify_chain("processing") == []
    with processing("daarna", activity="outreach-campagne"):
        pass
    assert verify_chain("processing") == []


def test_nested_spans_share_the_trace_and_link_to_their_parent() -> None:
    subject = [DataSubject.bsn(BSN_A)]
    with processing("intake", activity="intake-gesprek", subjects=subject) as outer:
        with processing("routeplan maken", activity="routeplan", subjects=subject) as inner:
            assert current_span() is inner
        assert current_span() is outer
    assert inner.trace_id == outer.trace_id
    assert inner.parent_span_id == outer.span_id
    child = ProcessingLogEntry.objects.get(span_id=inner.span_id)
    parent = ProcessingLogEntry.objects.get(span_id=outer.span_id)
    assert child.parent_span_id == parent.span_id and child.trace_id == parent.trace_id
    assert child.sequence < parent.sequence  # the inner span ends first


def test_a_span_continues_a_w3c_traceparent() -> None:
    trace, caller = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
    with processing(
        "verwijzing ontvangen", activity="verwijzing", parent=f"00-{trace}-{caller}-01"
    ) as span:
        pass
    assert (span.trace_id, span.parent_span_id) == (trace, caller)
    with (
        pytest.raises(ValueError),
        processing("x", activity="verwijzing", parent="not-a-traceparent"),
    ):
        pass


def test_an_escaping_exception_gives_status_error_and_is_reraised() -> None:
    with (
        pytest.raises(RuntimeError, match="mislukt"),
        processing("dossier wijzigen", activity="dossier-wijzigen"),
    ):
        raise RuntimeError("mislukt")
    assert ProcessingLogEntry.objects.get().status == SpanStatus.ERROR
    assert current_span() is None


def test_the_error_is_logged_after_the_processing_rolled_back() -> None:
    with (
        pytest.raises(RuntimeError),
        processing("dossier wijzigen", activity="dossier-wijzigen") as span,
        transaction.atomic(),
    ):
        log_access(None, DataSubject.bsn(BSN_A), action=AccessAction.CHANGE)
        raise RuntimeError("mislukt")
    assert not AccessAuditEntry.objects.exists()  # rolled back with the processing
    assert ProcessingLogEntry.objects.get(trace_id=span.trace_id).status == SpanStatus.ERROR


def test_unknown_activity_is_refused_and_missing_builtins_come_back() -> None:
    with pytest.raises(LookupError), processing("x", activity="bestaat-niet"):
        pass
    ProcessingActivity.objects.filter(code="matching").delete()
    with processing("matchen", activity="matching"):
        pass
    assert ProcessingActivity.objects.filter(code="matching").exists()


def test_builtin_activities_are_seeded() -> None:
    codes = set(ProcessingActivity.objects.values_list("code", flat=True))
    assert codes >= BUILTIN_ACTIVITY_CODES
    assert "inzageverzoek" in codes and "bewaartermijn" in codes


# --- Encryption ----------------------------------------------------------------------------


def test_subject_ids_are_encrypted_per_entry_and_hashed_stably() -> None:
    for _ in range(2):
        with processing(
            "dossier bekijken", activity="dossier-inzien", subjects=[DataSubject.bsn(BSN_A)]
        ):
            pass
    first, second = ProcessingLogEntry.objects.all()
    assert first.data_subject_id_encrypted != second.data_subject_id_encrypted
    assert BSN_A not in first.data_subject_id_encrypted
    assert crypto.decrypt_subject_id(first.data_subject_id_encrypted) == BSN_A
    assert crypto.decrypt_subject_id(second.data_subject_id_encrypted) == BSN_A
    assert first.data_subject_hash == second.data_subject_hash == crypto.subject_hash(BSN_A)
    assert crypto.subject_hash("111 222 333") == crypto.subject_hash(BSN_A)
    assert crypto.subject_hash(BSN_B) != crypto.subject_hash(BSN_A)


def test_an_altered_ciphertext_does_not_decrypt() -> None:
    token = crypto.encrypt_subject_id(BSN_A)
    altered = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    with pytest.raises(crypto.SubjectDecryptionError):
        crypto.decrypt_subject_id(altered)


def test_a_configured_data_key_is_used_and_required_in_production(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    default_hash = crypto.subject_hash(BSN_A)
    with override_settings(WERKROUTE_DATA_KEY="a2V5LWZvci10ZXN0cy1vbmx5LTMyLWJ5dGVzLWxvbmc="):
        assert crypto.subject_hash(BSN_A) != default_hash
        assert crypto.decrypt_subject_id(crypto.encrypt_subject_id(BSN_A)) == BSN_A
    with override_settings(WERKROUTE_DATA_KEY="dG9vLXNob3J0"), pytest.raises(ImproperlyConfigured):
        crypto.subject_hash(BSN_A)
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "werkroute.conf.production")
    with override_settings(DEBUG=False), pytest.raises(ImproperlyConfigured):
        crypto.subject_hash(BSN_A)


@pytest.mark.parametrize(
    "bad", [{"obj_id": "x" * 37}, {"obj_id": None, "trace_id": "not-a-trace-id"}]
)
def test_record_access_refuses_ids_of_the_wrong_shape(bad: dict) -> None:
    arguments = {
        "actor": None,
        "role": "",
        "action": AccessAction.VIEW,
        "obj_type": "jobseekers.profile",
        "subject": None,
        "activity": None,
        "outcome": AccessOutcome.ALLOWED,
    }
    with pytest.raises(ValueError):
        record_access(**arguments, **bad)
    assert not AccessAuditEntry.objects.exists()


def test_invalid_bsn_is_refused() -> None:
    with pytest.raises(ValueError):
        DataSubject.bsn("123456789")
    assert "111222333" not in repr(DataSubject.bsn(BSN_A))


# --- Append-only ---------------------------------------------------------------------------


@pytest.mark.parametrize("model", [ProcessingLogEntry, AccessAuditEntry])
def test_the_orm_refuses_update_and_delete(model: type) -> None:
    make_chain(2)
    entry = model.objects.first()
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        model.objects.filter(pk=entry.pk).update(trace_id="0" * 32)
    with pytest.raises(AppendOnlyError):
        model.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        model.objects.bulk_create([model()])
    assert model.objects.count() == 2
    assert verify_chain(model) == []


def test_entries_cannot_be_added_around_the_chain() -> None:
    activity = ProcessingActivity.objects.get(code="dossier-inzien")
    with pytest.raises(AppendOnlyError):
        AccessAuditEntry.objects.create(
            sequence=1, prev_hash=GENESIS_HASH, action="view", outcome="allowed",
            processing_activity=activity,
        )  # fmt: skip


@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
def test_database_triggers_refuse_raw_update_and_delete(table: str) -> None:
    make_chain(2)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET trace_id = 'x' WHERE sequence = 1")  # noqa: S608
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE sequence = 1")  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
        assert cursor.fetchone()[0] == 2


# --- Tamper evidence -----------------------------------------------------------------------


def test_an_intact_chain_verifies(capsys: pytest.CaptureFixture[str]) -> None:
    make_chain(5)
    assert verify_chain("processing") == [] and verify_chain("access") == []
    call_command("verify_audit_chain")
    out = capsys.readouterr().out
    assert "processing log: OK: 5 entries" in out
    assert "access log: OK: 5 entries" in out


@pytest.mark.parametrize(
    ("log", "table", "column"),
    [
        ("processing", "core_processinglogentry", "name"),
        ("access", "core_accessauditentry", "reason"),
    ],
)
def test_edited_and_deleted_entries_are_detected(
    log: str, table: str, column: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make_chain(6)
    tamper(table, column)

    problems = verify_chain(log)
    messages = [str(p) for p in problems]
    assert any(p.sequence == 2 and "hash mismatch" in p.message for p in problems), messages
    assert any(p.sequence == 5 and "gap: sequence 4" in p.message for p in problems), messages
    assert any(p.sequence == 5 and "prev_hash" in p.message for p in problems), messages

    with pytest.raises(CommandError):
        call_command("verify_audit_chain")
    err = capsys.readouterr().err
    assert f"{log} log: sequence 2: hash mismatch" in err
    assert f"{log} log: sequence 5: gap" in err

    with pytest.raises(SystemExit) as exit_info:
        cli.main(["werkroute", "verify-audit-chain"])
    assert exit_info.value.code != 0
    assert "sequence 2" in capsys.readouterr().err


def test_reordered_entries_are_detected() -> None:
    make_chain(4)
    switch_off_triggers("core_processinglogentry")
    with connection.cursor() as cursor:
        for old, new in ((2, 1000), (3, 2), (1000, 3)):
            cursor.execute(
                "UPDATE core_processinglogentry SET sequence = %s WHERE sequence = %s", [new, old]
            )
    problems = verify_chain("processing")
    assert any("reordered" in p.message for p in problems)
    assert any("hash mismatch" in p.message for p in problems)


def test_every_field_is_in_the_hash() -> None:
    log_access(None, DataSubject.bsn(BSN_A), reason="controle")
    entry = AccessAuditEntry.objects.get()
    hashed = json.loads(entry.canonical())
    for field in entry._meta.concrete_fields:
        if field.attname not in entry.UNHASHED_FIELDS and getattr(entry, field.attname) not in (
            None,
            "",
        ):
            assert field.attname in hashed


@pytest.fixture
def audit_flushable(transactional_db: None) -> Iterator[None]:
    """A transactional test; the root conftest empties the append-only logs after it."""
    yield


def test_transactional_tests_can_empty_the_logs(audit_flushable: None) -> None:
    make_chain(2)
    with pytest.raises(IntegrityError), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_accessauditentry")
    assert AccessAuditEntry.objects.count() == 2


def test_concurrent_appends_keep_one_unbroken_chain(audit_flushable: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers with BEGIN IMMEDIATE; threads would share memory")

    def append_many() -> None:
        try:
            for _ in range(10):
                log_access(None, DataSubject.internal(uuid.uuid4()))
        finally:
            connection.close()

    threads = [threading.Thread(target=append_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert list(AccessAuditEntry.objects.values_list("sequence", flat=True)) == list(range(1, 41))
    assert verify_chain("access") == []


# --- The privacy officer's page ------------------------------------------------------------


def test_the_role_constant_matches_accounts() -> None:
    assert Role.PRIVACY_OFFICER == PRIVACY_OFFICER_ROLE


def test_the_officer_finds_entries_by_bsn_and_the_search_is_audited(
    officer: User, case_manager: User
) -> None:
    with processing(
        "dossier bekijken", activity="dossier-inzien", subjects=[DataSubject.bsn(BSN_A)]
    ):
        log_access(case_manager, DataSubject.bsn(BSN_A), reason="gesprek voorbereiden")
    with processing(
        "dossier bekijken", activity="dossier-inzien", subjects=[DataSubject.bsn(BSN_B)]
    ):
        log_access(case_manager, DataSubject.bsn(BSN_B))
    client = Client()
    client.force_login(officer)

    response = client.post(URL, {"subject": "111 22 2333", "reason": "inzageverzoek 2026-17"})

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    processing_rows = response.context["processing_page"].object_list
    access_rows = response.context["access_page"].object_list
    # Only this subject's entries; the search's own access entry is already there, its
    # processing-log entry is written when the search ends (checked below).
    assert [e.processing_activity.code for e in processing_rows] == ["dossier-inzien"]
    assert [e.username for e in access_rows] == ["fg.devries", "km.jansen"]
    html = response.content.decode()
    assert "gesprek voorbereiden" in html and "•••••2333" in html
    assert BSN_A not in html and BSN_B not in html

    own = AccessAuditEntry.objects.get(action=AccessAction.SEARCH)
    assert own.user_id == officer.pk and own.role == PRIVACY_OFFICER_ROLE
    assert own.data_subject_hash == crypto.subject_hash(BSN_A)
    assert own.reason == "inzageverzoek 2026-17" and own.outcome == AccessOutcome.ALLOWED
    assert ProcessingLogEntry.objects.filter(
        trace_id=own.trace_id, processing_activity__code="logboek-controle"
    ).exists()


def test_every_search_and_page_is_audited_but_the_empty_form_is_not(officer: User) -> None:
    make_chain(30)
    client = Client()
    client.force_login(officer)
    assert client.get(URL).status_code == 200
    assert not AccessAuditEntry.objects.filter(action=AccessAction.SEARCH).exists()

    first = client.post(URL, {"activity": "dossier-inzien"})
    assert first.context["access_page"].paginator.count == 30
    second = client.post(
        URL, {"activity": "dossier-inzien", "page": "1", "apage": "1", "goto": "a:2"}
    )
    assert second.context["access_page"].number == 2
    assert AccessAuditEntry.objects.filter(action=AccessAction.SEARCH).count() == 2


def test_the_officer_can_follow_a_trace_and_filter_by_user(
    officer: User, case_manager: User
) -> None:
    with processing(
        "dossier bekijken", activity="dossier-inzien", subjects=[DataSubject.bsn(BSN_A)]
    ) as span:
        log_access(case_manager, DataSubject.bsn(BSN_A))
    make_chain(3)
    client = Client()
    client.force_login(officer)

    traced = client.post(URL, {"follow_trace": span.trace_id, "user": "iemand"})
    assert traced.context["form"]["trace_id"].value() == span.trace_id
    assert [e.trace_id for e in traced.context["processing_page"].object_list] == [span.trace_id]

    by_user = client.post(URL, {"user": "km.jansen"})
    assert [e.username for e in by_user.context["access_page"].object_list] == ["km.jansen"]
    # The processing log names nobody; the user's traces lead to it.
    assert [e.trace_id for e in by_user.context["processing_page"].object_list] == [span.trace_id]


def test_bad_input_gets_a_clear_message(officer: User) -> None:
    client = Client()
    client.force_login(officer)
    response = client.post(
        URL,
        {
            "subject": "123456789",
            "trace_id": "xyz",
            "date_from": "2026-05-02",
            "date_until": "2026-05-01",
        },
    )
    html = response.content.decode()
    assert "geen geldig BSN" in html and "32 tekens" in html and "vanaf" in html
    assert "processing_page" not in response.context
    assert not AccessAuditEntry.objects.filter(action=AccessAction.SEARCH).exists()


def test_other_users_get_404_and_the_attempt_is_audited(case_manager: User) -> None:
    client = Client()
    client.force_login(case_manager)
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"subject": BSN_A}).status_code == 404
    denied = AccessAuditEntry.objects.filter(outcome=AccessOutcome.DENIED, user_id=case_manager.pk)
    assert denied.count() == 2
    assert not denied.exclude(data_subject_hash="").exists()


def test_anonymous_visitors_are_sent_to_login() -> None:
    response = Client().get(URL)
    assert response.status_code == 302 and "/account/" in response["Location"]


def test_superusers_may_search() -> None:
    admin_user = User.objects.create_superuser(username="beheer", password="x" * 12)
    client = Client()
    client.force_login(admin_user)
    response = client.post(URL, {})
    assert response.status_code == 200
    assert AccessAuditEntry.objects.get(action=AccessAction.SEARCH).role == "superuser"


def test_builtin_activities_cannot_be_deleted_in_the_admin() -> None:
    from django.contrib import admin

    model_admin = ProcessingActivityAdmin(ProcessingActivity, admin.site)
    builtin = ProcessingActivity.objects.get(code="inzageverzoek")
    assert model_admin.has_delete_permission(None, builtin) is False  # type: ignore[arg-type]
    assert model_admin.get_readonly_fields(None, builtin) == ("code",)  # type: ignore[arg-type]
