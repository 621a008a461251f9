"""The scheduled jobs as Celery tasks, for `celery -A werkroute.celery beat` (with REDIS_URL).

Each task calls the same service function as its `werkroute` command, with the command's
`--send`/`--apply` switched on, and returns a count. The times are in CELERY_BEAT_SCHEDULE
(werkroute/conf/base.py). Without a broker (the embedded default) cron runs the commands
instead: docs/operations.md, "Scheduled jobs", has one line per command.

A project-level module, like urls.py: it may use every app's services. Tasks log counts and
public ids only, never personal data.
"""

import logging
from typing import NamedTuple

from django.conf import settings
from django.utils import timezone

from celery import shared_task

from werkroute.casework.services import flag_overdue_referrals as flag_overdue_referrals_service
from werkroute.casework.services import (
    send_appointment_reminders as send_appointment_reminders_service,
)
from werkroute.catalogue.services import remind_stale_offerings as remind_stale_offerings_service
from werkroute.catalogue.services import (
    send_saved_search_alerts as send_saved_search_alerts_service,
)
from werkroute.core.audit.services import LOGS, verify_chain
from werkroute.employers.services import plan_follow_up_checks as plan_follow_up_checks_service
from werkroute.jobseekers.retention import apply_retention as apply_retention_service
from werkroute.matching import services as matching_services
from werkroute.matching import tasks as matching_tasks
from werkroute.outreach.constants import CampaignStatus
from werkroute.outreach.models import Campaign
from werkroute.outreach.services import send_invitations

logger = logging.getLogger(__name__)

PREFIX = "scheduled."


class Job(NamedTuple):
    """A scheduled job: its Celery task name and the command cron runs without a broker."""

    task: str
    command: str


# Every scheduled job, by the name of its beat entry. The schedule and the documentation's cron
# lines are checked against this list by werkroute/core/tests/test_schedule.py.
JOBS: dict[str, Job] = {
    "plan-follow-up-checks": Job(PREFIX + "plan_follow_up_checks", "plan-follow-up-checks"),
    "flag-overdue-referrals": Job(
        PREFIX + "flag_overdue_referrals", "flag-overdue-referrals --apply"
    ),
    "send-appointment-reminders": Job(
        PREFIX + "send_appointment_reminders", "send-appointment-reminders --send"
    ),
    "send-saved-search-alerts": Job(
        PREFIX + "send_saved_search_alerts", "send-saved-search-alerts --send"
    ),
    "send-campaign-invitations": Job(
        PREFIX + "send_campaign_invitations", "send-campaign-invitations --send"
    ),
    "remind-stale-offerings": Job(
        PREFIX + "remind_stale_offerings", "remind-stale-offerings --send"
    ),
    "apply-retention": Job(PREFIX + "apply_retention", "apply-retention --apply"),
    "match": Job(PREFIX + "match", "match"),
    "verify-audit-chain": Job(PREFIX + "verify_audit_chain", "verify-audit-chain"),
}


class AuditChainBroken(Exception):
    """The processing log or the access audit was edited: the task fails, so monitoring sees it."""


@shared_task(name=PREFIX + "plan_follow_up_checks")
def plan_follow_up_checks() -> int:
    planned = plan_follow_up_checks_service()
    logger.info("scheduled: %d follow-up check(s) planned", len(planned))
    return len(planned)


@shared_task(name=PREFIX + "flag_overdue_referrals")
def flag_overdue_referrals() -> int:
    found = flag_overdue_referrals_service(apply=True)
    new = sum(1 for item in found if item.newly_flagged)
    logger.info("scheduled: %d referral(s) late, %d newly flagged", len(found), new)
    return new


@shared_task(name=PREFIX + "send_appointment_reminders")
def send_appointment_reminders() -> int:
    reminders = send_appointment_reminders_service(send=True)
    sent = sum(1 for reminder in reminders if reminder.sent)
    logger.info("scheduled: %d appointment reminder(s) sent", sent)
    return sent


@shared_task(name=PREFIX + "send_saved_search_alerts")
def send_saved_search_alerts() -> int:
    alerts = send_saved_search_alerts_service(now=timezone.now(), send=True)
    sent = sum(1 for alert in alerts if alert.sent)
    logger.info("scheduled: %d saved-search e-mail(s) sent", sent)
    return sent


@shared_task(name=PREFIX + "send_campaign_invitations")
def send_campaign_invitations() -> int:
    sent = 0
    running = Campaign.objects.filter(status=CampaignStatus.RUNNING).order_by("pk")
    for campaign in running.select_related("municipality"):
        sent += len(send_invitations(actor=None, campaign=campaign, send=True).sent)
    logger.info("scheduled: %d campaign message(s) sent", sent)
    return sent


@shared_task(name=PREFIX + "remind_stale_offerings")
def remind_stale_offerings() -> int:
    reminders = remind_stale_offerings_service(dry_run=False)
    sent = sum(1 for reminder in reminders if reminder.sent)
    logger.info("scheduled: %d stale-offering reminder(s) sent", sent)
    return sent


@shared_task(name=PREFIX + "apply_retention")
def apply_retention() -> int:
    run = apply_retention_service(dry_run=False).run
    logger.info("scheduled: %d file(s) anonymised", run.count)
    return run.count


@shared_task(name=PREFIX + "match")
def match() -> int:
    """A full matching run: its shards go to the workers (in-process without a broker)."""
    run, shards = matching_services.start_run(
        shard_size=settings.MATCHING_SHARD_SIZE, top_k=settings.MATCHING_TOP_K
    )
    for first, last in shards:
        matching_tasks.score_shard.delay(run.pk, first, last)
    logger.info("scheduled: matching run %d queued in %d shard(s)", run.pk, len(shards))
    return run.pk


@shared_task(name=PREFIX + "verify_audit_chain")
def verify_audit_chain() -> int:
    problems = {name: len(verify_chain(name)) for name in LOGS}
    broken = sum(problems.values())
    if broken:
        raise AuditChainBroken(f"audit chains broken: {problems}")
    logger.info("scheduled: audit chains OK")
    return broken
