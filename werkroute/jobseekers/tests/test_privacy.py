"""No BSN or name in URLs or in the ordinary application logs, through a whole working cycle."""

import logging

from django.urls import reverse

import pytest

from werkroute.core.audit.models import AccessAuditEntry, ProcessingLogEntry
from werkroute.jobseekers.models import JobSeeker
from werkroute.jobseekers.tests.conftest import World

pytestmark = pytest.mark.django_db

BSN = "123456782"
LAST_NAME = "Oosterhuis-Kaya"


def test_no_bsn_or_name_in_urls_or_logs(world: World, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    staff = world.client_for("case_manager")
    urls: list[str] = []

    def visit(method: str, url: str, data: dict | None = None, status: int = 200) -> str:
        urls.append(url)
        response = getattr(staff, method)(url, data or {})
        assert response.status_code == status
        urls.append(response.get("Location", ""))
        return response.content.decode()

    visit(
        "post",
        reverse("jobseekers:register"),
        {
            "first_name": "Yusuf",
            "last_name": LAST_NAME,
            "bsn": BSN,
            "date_of_birth": "1979-11-02",
            "benefit_type": "social_assistance",
        },
        302,
    )
    person = JobSeeker.objects.get(last_name=LAST_NAME)
    file_url = reverse("jobseekers:detail", args=[person.public_id])
    visit("get", file_url)
    visit("post", reverse("jobseekers:search"), {"query": BSN})
    visit("post", reverse("jobseekers:search"), {"query": LAST_NAME})
    visit(
        "post",
        reverse("jobseekers:edit", args=[person.public_id]),
        {
            "first_name": "Yusuf",
            "last_name": LAST_NAME,
            "date_of_birth": "1979-11-02",
            "benefit_type": "social_assistance",
            "travel_radius_km": "12",
            "postcode": "1234AB",
        },
        302,
    )
    visit(
        "post",
        reverse("jobseekers:part_add", args=[person.public_id, "belemmeringen"]),
        {"kind": "health", "impact": "Kan niet lang staan."},
        302,
    )
    # Someone outside the team tries the same URL: refused, and still nothing personal logged.
    outsider = world.client_for("other_municipality")
    assert outsider.get(file_url).status_code == 404
    visit("post", reverse("jobseekers:register"), {"bsn": BSN, "last_name": LAST_NAME})

    logged = caplog.text
    for secret in (BSN, LAST_NAME, "Yusuf"):
        assert secret not in logged
        assert not any(secret in url for url in urls)
    assert AccessAuditEntry.objects.filter(data_subject_hash=person.bsn_hash).count() >= 5
    for entry in AccessAuditEntry.objects.all():
        assert BSN not in entry.canonical() and LAST_NAME not in entry.canonical()
    for span in ProcessingLogEntry.objects.all():
        assert BSN not in span.canonical() and LAST_NAME not in span.canonical()


def test_urls_name_files_by_uuid_only(world: World) -> None:
    url = reverse("jobseekers:detail", args=[world.target.public_id])
    assert str(world.target.public_id) in url and f"/{world.target.pk}/" not in url
    for name in ("me:home", "me:details", "me:export", "me:export_json", "me:access_log"):
        assert str(world.target.public_id) not in reverse(name)
