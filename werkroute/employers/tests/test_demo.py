"""The demo module builds a consistent employer world (run on the matching test market)."""

import datetime as dt

from django.utils import timezone

from werkroute.demo.generator.context import Context
from werkroute.employers.constants import ProposalStatus
from werkroute.employers.models import FollowUpCheck, WorkAgreement
from werkroute.employers.tests.conftest import World
from werkroute.jobseekers.tests.factories import JobSeekerFactory


def test_generate_employer_world(world: World) -> None:
    from werkroute.demo.generator.employers import delete_employer_world, generate_employer_world

    market = world.market
    for _ in range(12):
        JobSeekerFactory(municipality=market.municipality, case_manager=world.users["case_manager"])
    ctx = Context.create(seed=7, today=timezone.localdate())
    result = generate_employer_world(ctx, market.municipality.region)
    assert result.agreements == WorkAgreement.objects.count() == 13
    assert set(result.proposals) == set(ProposalStatus.values)
    assert result.placements >= 1
    for agreement in WorkAgreement.objects.all():
        assert agreement.ends_on >= agreement.starts_on
    for check in FollowUpCheck.objects.all():
        assert check.due_on > check.placement.start_date - dt.timedelta(days=1)
    delete_employer_world(market.municipality.region)
    assert not WorkAgreement.objects.exists()
    market.municipality.job_seekers.all().delete()  # nothing protects a file any more
