"""Retention: a dry run changes nothing but is recorded; --apply anonymises only the files whose
benefit ended more than the configured number of years ago, and records the run."""

import datetime as dt
from io import StringIO
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import timezone

import pytest

from werkroute.casework.constants import RouteStepStatus
from werkroute.casework.models import Appointment, Conversation, Goal, RouteStep, Transition
from werkroute.casework.state import transition
from werkroute.casework.tests.factories import (
    AppointmentFactory,
    ConversationFactory,
    GoalFactory,
    RouteStepFactory,
)
from werkroute.core.audit.crypto import subject_hash
from werkroute.core.audit.models import AccessAuditEntry, ProcessingLogEntry
from werkroute.core.audit.services import verify_chain
from werkroute.jobseekers import queries
from werkroute.jobseekers.models import (
    CorrectionRequest,
    FileChange,
    JobSeeker,
    Obstacle,
    RetentionRun,
)
from werkroute.jobseekers.retention import (
    ANONYMISED_NAME,
    SCHEDULED,
    apply_retention,
    cutoff_for,
)
from werkroute.jobseekers.tests.factories import JobSeekerFactory, make_case_manager

OLD_BSN = "111222333"
# The command runs at the real time, so the files are dated from now.
NOW = timezone.now().replace(microsecond=0)


def _ended(years: int, days: int = 0) -> dt.date:
    return cutoff_for(timezone.localdate(NOW), years) - dt.timedelta(days=days)


@pytest.fixture
def people(db: Any) -> dict[str, JobSeeker]:
    from werkroute.catalogue.tests.factories import MunicipalityFactory, UserFactory

    municipality = MunicipalityFactory()
    manager = make_case_manager(municipality)
    old = JobSeekerFactory(
        municipality=municipality,
        case_manager=manager,
        user=UserFactory(),
        bsn=OLD_BSN,
        first_name="Fatima",
        last_name="Zwanenburg",
        email="fatima@example.org",
        phone="0612345678",
        postcode="3511AB",
        date_of_birth=dt.date(1970, 8, 21),
        benefit_start=dt.date(2010, 1, 1),
        benefit_end=_ended(10, days=1),
        talents="Goed met mensen",
        support_needed="Kinderopvang",
        former_bsn_hashes=[subject_hash("123456782")],
    )
    return {
        "old": old,
        # Ended exactly ten years ago: not yet "more than" ten years.
        "just_in_time": JobSeekerFactory(
            municipality=municipality, case_manager=manager, benefit_end=_ended(10)
        ),
        "recent": JobSeekerFactory(
            municipality=municipality, case_manager=manager, benefit_end=_ended(2)
        ),
        "ongoing": JobSeekerFactory(municipality=municipality, case_manager=manager),
    }


@pytest.fixture
def history(people: dict[str, JobSeeker]) -> dict[str, Any]:
    old = people["old"]
    manager = old.case_manager
    FileChange.objects.create(job_seeker=old, field="phone", old_value="06", new_value="0612")
    FileChange.objects.create(job_seeker=people["ongoing"], field="phone", new_value="0687")
    obstacle = Obstacle.objects.create(job_seeker=old, kind="debts", impact="Schulden bij de bank")
    conversation = ConversationFactory(
        job_seeker=old,
        talents="Kookt graag",
        needs="Hulp bij schulden",
        ambitions="Kok worden",
        obstacles_note="Gescheiden",
        agreements="Budgetcoach",
        next_steps="Bellen",
    )
    goal = GoalFactory(job_seeker=old, description="Schulden regelen")
    appointment = AppointmentFactory(job_seeker=old, place="Thuis, Kerkstraat 1")
    step = RouteStepFactory(job_seeker=old, title="Cursus bij de Kookschool")
    transition(step, RouteStepStatus.STOPPED, actor=manager, reason="Verhuisd naar Spanje")
    correction = CorrectionRequest.objects.create(
        job_seeker=old,
        field="last_name",
        proposed_value="Zwanenburg-Bakker",
        explanation="Getrouwd",
    )
    other = ConversationFactory(job_seeker=people["ongoing"], talents="Rekenen")
    return {
        "obstacle": obstacle,
        "conversation": conversation,
        "goal": goal,
        "appointment": appointment,
        "step": step,
        "correction": correction,
        "other_conversation": other,
    }


def _snapshot() -> list[tuple[Any, ...]]:
    return list(JobSeeker.objects.order_by("pk").values_list())


def test_a_dry_run_changes_nothing_and_records_the_run(
    people: dict[str, JobSeeker], history: dict[str, Any]
) -> None:
    before = _snapshot()
    audit = AccessAuditEntry.objects.count()
    result = apply_retention(NOW)
    assert [js.pk for js in result.job_seekers] == [people["old"].pk]
    assert _snapshot() == before
    assert FileChange.objects.count() == 2
    assert AccessAuditEntry.objects.count() == audit
    run = RetentionRun.objects.get()
    assert (run.dry_run, run.count, run.rule_years, run.actor_label) == (True, 1, 10, SCHEDULED)
    assert run.cutoff == _ended(10)
    assert run.ran_at == NOW


def test_apply_anonymises_only_files_past_the_period(
    people: dict[str, JobSeeker], history: dict[str, Any]
) -> None:
    old = people["old"]
    old_hash, public_id, user = old.bsn_hash, old.public_id, old.user
    result = apply_retention(NOW, dry_run=False)
    assert [js.pk for js in result.job_seekers] == [old.pk]
    old.refresh_from_db()
    assert old.full_name == ANONYMISED_NAME
    assert old.bsn_encrypted == "" and old.former_bsn_hashes == []
    assert old.bsn_hash != old_hash and old.bsn_hash.startswith("anon-")
    assert (old.email, old.phone, old.postcode) == ("", "", "")
    assert old.date_of_birth == dt.date(1970, 1, 1)
    assert (old.talents, old.support_needed) == ("", "")
    assert old.user is None and user is not None
    assert old.anonymised_at == NOW
    assert old.public_id == public_id
    # What statistics need stays.
    assert old.benefit_start == dt.date(2010, 1, 1) and old.municipality_id is not None
    for key in ("just_in_time", "recent", "ongoing"):
        person = JobSeeker.objects.get(pk=people[key].pk)
        assert person.anonymised_at is None and person.first_name == "Fatima"
    run = RetentionRun.objects.get()
    assert (run.dry_run, run.count) == (False, 1)


def test_free_text_is_blanked_and_the_history_deleted(
    people: dict[str, JobSeeker], history: dict[str, Any]
) -> None:
    apply_retention(NOW, dry_run=False)
    old = people["old"]
    assert not FileChange.objects.filter(job_seeker=old).exists()
    assert FileChange.objects.filter(job_seeker=people["ongoing"]).count() == 1
    assert Obstacle.objects.get(pk=history["obstacle"].pk).impact == ""
    conversation = Conversation.objects.get(pk=history["conversation"].pk)
    texts = ("talents", "needs", "ambitions", "obstacles_note", "agreements", "next_steps")
    assert all(getattr(conversation, name) == "" for name in texts)
    assert conversation.held_on == history["conversation"].held_on
    assert Goal.objects.get(pk=history["goal"].pk).description == ""
    assert Appointment.objects.get(pk=history["appointment"].pk).place == ""
    step = RouteStep.objects.get(pk=history["step"].pk)
    assert (step.title, step.status_reason, step.status) == ("", "", RouteStepStatus.STOPPED)
    assert Transition.objects.get(object_id=step.public_id).reason == ""
    correction = CorrectionRequest.objects.get(pk=history["correction"].pk)
    assert (correction.proposed_value, correction.explanation) == ("", "")
    assert Conversation.objects.get(pk=history["other_conversation"].pk).talents == "Rekenen"


def test_the_audit_logs_stay_whole_and_record_the_anonymisation(
    people: dict[str, JobSeeker],
) -> None:
    entries = AccessAuditEntry.objects.count()
    apply_retention(NOW, dry_run=False)
    (entry,) = AccessAuditEntry.objects.filter(sequence__gt=entries)
    assert entry.action == "delete" and entry.role == "system"
    assert entry.data_subject_hash == subject_hash(OLD_BSN)
    assert entry.processing_activity.code == "bewaartermijn"
    assert ProcessingLogEntry.objects.filter(
        data_subject_hash=subject_hash(OLD_BSN), processing_activity__code="bewaartermijn"
    ).exists()
    assert verify_chain("access") == [] and verify_chain("processing") == []


def test_anonymised_files_are_gone_from_every_staff_view_and_run_once(
    people: dict[str, JobSeeker],
) -> None:
    old = people["old"]
    manager = old.case_manager
    apply_retention(NOW, dry_run=False)
    assert not queries.staff_visible_to(manager).filter(pk=old.pk).exists()
    again = apply_retention(NOW, dry_run=False)
    assert again.job_seekers == [] and again.run.count == 0
    # The person can come back: their BSN is free again.
    assert not JobSeeker.objects.filter(bsn_hash=subject_hash(OLD_BSN)).exists()


def test_the_period_is_configurable(people: dict[str, JobSeeker], settings: Any) -> None:
    settings.WERKROUTE_RETENTION_YEARS = 1
    result = apply_retention(NOW)
    assert {js.pk for js in result.job_seekers} == {
        people["old"].pk,
        people["just_in_time"].pk,
        people["recent"].pk,
    }
    assert result.run.rule_years == 1
    settings.WERKROUTE_RETENTION_YEARS = 0
    with pytest.raises(ImproperlyConfigured):
        apply_retention(NOW)


def test_an_actor_is_recorded_by_name(people: dict[str, JobSeeker]) -> None:
    manager = people["old"].case_manager
    run = apply_retention(NOW, actor=manager).run
    assert (run.actor_id, run.actor_label) == (manager.pk, manager.get_username())


def test_the_command_prints_what_it_would_do_and_applies_on_request(
    people: dict[str, JobSeeker],
) -> None:
    out = StringIO()
    call_command("apply_retention", stdout=out)
    text = out.getvalue()
    assert "Proefrun" in text and f"Zou anonimiseren: dossier {people['old'].public_id}" in text
    assert "Zwanenburg" not in text and OLD_BSN not in text
    assert JobSeeker.objects.get(pk=people["old"].pk).anonymised_at is None
    out = StringIO()
    call_command("apply_retention", "--apply", stdout=out)
    assert "1 dossier(s) geanonimiseerd." in out.getvalue()
    assert JobSeeker.objects.get(pk=people["old"].pk).anonymised_at is not None
    assert list(RetentionRun.objects.order_by("id").values_list("dry_run", flat=True)) == [
        True,
        False,
    ]
