"""The scheduled task plans follow-up checks as `werkroute plan-follow-up-checks` does."""

import datetime as dt

from django.utils import timezone

from werkroute import scheduled
from werkroute.employers import services
from werkroute.employers.models import FollowUpCheck, Proposal
from werkroute.employers.tests.conftest import World
from werkroute.employers.tests.test_services import placement_data, ready_to_hire


def test_the_task_plans_the_six_month_check_once(world: World) -> None:
    # Started six months less a week ago: the six-month check is due within the lead time.
    start = timezone.localdate() - dt.timedelta(days=176)
    proposal = ready_to_hire(world)
    Proposal.objects.filter(pk=proposal.pk).update(proposed_on=start - dt.timedelta(days=14))
    proposal.refresh_from_db()
    services.hire_candidate(
        actor=world.employer_staff,
        proposal=proposal,
        data=placement_data(start_date=start),
        as_employer=True,
    )

    assert scheduled.plan_follow_up_checks.delay().get() == 1

    check = FollowUpCheck.objects.get()
    assert check.months == 6
    assert scheduled.plan_follow_up_checks.delay().get() == 0  # idempotent, like the command
    assert FollowUpCheck.objects.count() == 1
