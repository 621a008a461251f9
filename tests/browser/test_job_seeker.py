"""A job seeker's own pages in a real browser: log in, route, appointments, consent, my data.

The job seeker logs in through the real login form (no staff role, so no second factor). Every
page on the way is checked with axe-core (WCAG 2.1 A and AA) and for console errors; the
problems are collected and reported together at the end.
"""

import datetime as dt
import json
import re
from typing import Any

from django.utils import timezone

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import BrowserErrors
from werkroute.casework.tests.factories import AppointmentFactory, RouteStepFactory
from werkroute.catalogue.tests.factories import UserFactory
from werkroute.jobseekers.models import Consent
from werkroute.jobseekers.services import give_consent
from werkroute.jobseekers.tests.factories import JobSeekerFactory

PASSWORD = "Werkroute-browser-test-2025"
STEP_TITLE = "Cv maken met de werkcoach"
PLACE = "Werkplein Haarlem, spreekkamer 4"
WITHDRAWN = "U heeft uw toestemming ingetrokken. Werkgevers zien uw profiel niet meer."


class Checks:
    """Collects axe violations and console errors per page, to report them all at the end."""

    def __init__(self, page: Page, errors: BrowserErrors) -> None:
        self.page, self.errors, self.problems = page, errors, []

    def page_is_clean(self, label: str) -> None:
        expect(self.page.locator("main h1")).to_be_visible()
        violations = axe_violations(self.page)
        if violations:
            self.problems.append(describe(violations, f"{label} ({self.page.url})"))
        console = self.errors.take()
        if console:
            self.problems.append(f"{label}: console errors\n  " + "\n  ".join(console))

    def assert_none(self) -> None:
        assert not self.problems, "\n".join(self.problems)


@pytest.mark.browser
def test_a_job_seeker_sees_route_and_appointments_withdraws_consent_and_downloads_data(
    page: Page, transactional_db: None, browser_errors: BrowserErrors, live_server: Any
) -> None:
    user = UserFactory(username="samira", first_name="Samira")
    user.set_password(PASSWORD)
    user.save()
    job_seeker = JobSeekerFactory(user=user, first_name="Samira", last_name="El Amrani")
    RouteStepFactory(job_seeker=job_seeker, title=STEP_TITLE)
    AppointmentFactory(
        job_seeker=job_seeker,
        starts_at=timezone.now().replace(microsecond=0) + dt.timedelta(days=5),
        place=PLACE,
    )
    consent = give_consent(actor=user, job_seeker=job_seeker)
    checks = Checks(page, browser_errors)

    page.goto("/account/inloggen/")
    checks.page_is_clean("login")
    page.get_by_label("Gebruikersnaam").fill("samira")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/mijn/$"))
    expect(page.locator("h1")).to_have_text("Welkom, Samira")
    checks.page_is_clean("my file")

    page.get_by_role("link", name="Mijn routeplan", exact=True).click()
    expect(page).to_have_url(re.compile(r"/mijn/route/$"))
    expect(page.locator("h1")).to_have_text("Mijn routeplan")
    expect(page.get_by_role("heading", name=STEP_TITLE)).to_be_visible()
    checks.page_is_clean("my route")

    page.get_by_role("link", name="Mijn afspraken bekijken").click()
    expect(page).to_have_url(re.compile(r"/mijn/afspraken/$"))
    expect(page.locator("main")).to_contain_text(PLACE)
    expect(page.get_by_text("U heeft geen komende afspraken.")).to_have_count(0)
    checks.page_is_clean("my appointments")

    page.goto("/mijn/")
    page.get_by_role("link", name="Toestemming om mijn profiel te delen met werkgevers").click()
    expect(page).to_have_url(re.compile(r"/mijn/toestemming/$"))
    expect(page.get_by_role("status")).to_contain_text("U gaf toestemming op")
    checks.page_is_clean("consent, given")
    page.get_by_role("button", name="Toestemming intrekken").click()
    expect(page.get_by_text(WITHDRAWN)).to_be_visible()
    expect(page.get_by_role("button", name="Ik geef toestemming")).to_be_visible()
    checks.page_is_clean("consent, withdrawn")
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert not Consent.objects.filter(job_seeker=job_seeker, withdrawn_at__isnull=True).exists()

    page.goto("/mijn/")
    page.get_by_role("link", name="Alles wat de gemeente van mij weet").click()
    expect(page).to_have_url(re.compile(r"/mijn/gegevens/$"))
    expect(page.locator("main")).to_contain_text(STEP_TITLE)
    expect(page.locator("main")).to_contain_text("ingetrokken op")
    checks.page_is_clean("my data")

    response = page.request.get("/mijn/gegevens.json")
    assert response.ok, response.status
    assert response.headers["content-type"].startswith("application/json")
    assert "attachment" in response.headers.get("content-disposition", "")
    data = json.loads(response.text())
    assert STEP_TITLE in [step["step"] for step in data["route_plan"]]
    assert [c["withdrawn_at"] for c in data["consents"]] != [None]

    checks.assert_none()
