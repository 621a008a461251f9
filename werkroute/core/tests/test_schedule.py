"""The scheduled jobs: every beat entry names a registered task, every job has a beat entry and a
documented cron line for the embedded default, and the audit-chain and matching jobs run.

What each other task does is checked beside its app's own tests (test_scheduled_tasks.py in
casework, employers, jobseekers, catalogue): the task changes what its command with --send or
--apply changes.
"""

import re
from pathlib import Path

from django.conf import settings

import pytest
from celery.schedules import crontab

from werkroute import scheduled
from werkroute.celery import app
from werkroute.matching.models import MatchRun, RunStatus
from werkroute.matching.tests.conftest import build_market

OPERATIONS = Path(settings.BASE_DIR) / "docs" / "operations.md"
CRON_LINE = re.compile(r"^(\S+\s+){5}.*\bwerkroute (?P<command>[a-z-]+(?: --[a-z]+)?)\s*$")


def registered_tasks() -> set[str]:
    app.loader.import_default_modules()  # what a worker and beat do at start-up
    return set(app.tasks)


def test_every_beat_entry_names_a_registered_task() -> None:
    tasks = registered_tasks()
    schedule = settings.CELERY_BEAT_SCHEDULE

    assert schedule, "no beat schedule"
    for name, entry in schedule.items():
        assert entry["task"] in tasks, name
        assert isinstance(entry["schedule"], crontab), name


def test_every_job_is_on_the_schedule_and_nothing_else() -> None:
    schedule = settings.CELERY_BEAT_SCHEDULE

    assert set(schedule) == set(scheduled.JOBS)
    for name, job in scheduled.JOBS.items():
        assert schedule[name]["task"] == job.task, name


def test_the_jobs_named_in_the_issue_are_scheduled() -> None:
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    for task in ("flag_overdue_referrals", "plan_follow_up_checks", "apply_retention"):
        assert f"scheduled.{task}" in tasks


def test_every_job_has_a_cron_line_in_the_operations_guide() -> None:
    lines = OPERATIONS.read_text(encoding="utf-8").splitlines()
    documented = {m["command"] for line in lines if (m := CRON_LINE.match(line.strip()))}

    for name, job in scheduled.JOBS.items():
        assert job.command in documented, name


@pytest.mark.django_db
def test_the_audit_chain_task_checks_both_logs() -> None:
    from werkroute.core.audit.services import record_access

    record_access(
        actor=None,
        role="system",
        action="view",
        obj_type="test",
        obj_id=None,
        subject=None,
        activity=None,
        outcome="allowed",
    )

    assert scheduled.verify_audit_chain.delay().get() == 0


@pytest.mark.django_db
def test_the_matching_task_runs_a_whole_run() -> None:
    market = build_market()

    run_id = scheduled.match.delay().get()

    run = MatchRun.objects.get(pk=run_id)
    assert run.status == RunStatus.DONE
    assert run.people >= 1 and run.shards_done == run.shards
    assert market.anna.matches.exists()
