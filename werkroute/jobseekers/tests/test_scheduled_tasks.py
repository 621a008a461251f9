"""The scheduled task anonymises as `werkroute apply-retention --apply` does."""

import datetime as dt

from django.conf import settings
from django.utils import timezone

import pytest

from werkroute import scheduled
from werkroute.catalogue.tests.factories import MunicipalityFactory
from werkroute.jobseekers.models import JobSeeker, RetentionRun
from werkroute.jobseekers.retention import ANONYMISED_NAME, cutoff_for
from werkroute.jobseekers.tests.factories import JobSeekerFactory, make_case_manager

pytestmark = pytest.mark.django_db


def test_the_task_anonymises_only_files_past_the_period() -> None:
    municipality = MunicipalityFactory()
    manager = make_case_manager(municipality)
    cutoff = cutoff_for(timezone.localdate(), settings.WERKROUTE_RETENTION_YEARS)
    old = JobSeekerFactory(
        municipality=municipality,
        case_manager=manager,
        first_name="Fatima",
        benefit_end=cutoff - dt.timedelta(days=1),
    )
    recent = JobSeekerFactory(
        municipality=municipality, case_manager=manager, benefit_end=cutoff + dt.timedelta(days=1)
    )

    assert scheduled.apply_retention.delay().get() == 1

    assert JobSeeker.objects.get(pk=old.pk).full_name == ANONYMISED_NAME
    assert JobSeeker.objects.get(pk=recent.pk).anonymised_at is None
    run = RetentionRun.objects.latest("pk")
    assert run.count == 1 and not run.dry_run
