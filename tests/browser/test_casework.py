"""A case manager's day in a real browser: caseload, intake conversation, follow-up, route step.

Staff log in with a second factor; the test hands the browser the session of a verified client
instead of typing a code. Every page on the way is checked with axe-core (WCAG 2.1 A and AA).
"""

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.test import Client
from django.utils import timezone

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import BrowserErrors, RouteData
from werkroute.accounts.constants import Role
from werkroute.accounts.models import User
from werkroute.accounts.tests.helpers import login_verified
from werkroute.casework.models import Appointment, Conversation, RouteStep
from werkroute.catalogue.tests.factories import UserFactory
from werkroute.core.models import Municipality
from werkroute.jobseekers.models import JobSeeker, Obstacle
from werkroute.jobseekers.tests.factories import JobSeekerFactory, TeamFactory, make_staff

PAST_MESSAGE = "Een vervolgafspraak kan niet in het verleden liggen."


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


def _log_in(page: Page, user: User, base_url: str) -> None:
    """Give the browser the session cookie of a client that logged in (staff: with 2FA)."""
    client = Client()
    if user.memberships.exists():
        login_verified(client, user)
    else:
        client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


def _people(data: RouteData) -> tuple[User, JobSeeker]:
    haarlem = Municipality.objects.get(slug="haarlem")
    team = TeamFactory(municipality=haarlem, name="Team Noord")
    case_manager = make_staff(
        Role.CASE_MANAGER, haarlem, team, first_name="Ilse", last_name="de Boer"
    )
    job_seeker = JobSeekerFactory(
        municipality=haarlem,
        case_manager=case_manager,
        first_name="Samira",
        last_name="El Amrani",
        email="samira@example.org",
        phone="0612345678",
    )
    JobSeekerFactory(municipality=haarlem, case_manager=case_manager, last_name="Bakker")
    return case_manager, job_seeker


def _hold_intake(page: Page, checks: Checks, name: str) -> None:
    page.get_by_role("link", name="Gesprek vastleggen").click()
    expect(page.locator("h1")).to_have_text(f"Gesprek met {name}")
    checks.page_is_clean("conversation form")
    page.get_by_label("Intakegesprek").check()
    page.get_by_label("Talenten", exact=True).fill(
        "Kan goed met mensen omgaan en regelt veel voor haar familie."
    )
    page.get_by_label("Ambities", exact=True).fill(
        "Werken in de zorg, later een opleiding tot helpende."
    )
    page.locator("summary", has_text="Kinderopvang").click()
    page.get_by_label("Dit speelt: kinderopvang").check()
    page.get_by_label("Kinderopvang: wat betekent het voor werk?").fill(
        "Kan werken tussen 9 en 14 uur, tot de opvang geregeld is."
    )
    page.get_by_label("Wat hebben we afgesproken?").fill("Samira vraagt opvang aan.")
    follow_up = timezone.localdate() + dt.timedelta(days=14)
    page.get_by_label("Volgend contact uiterlijk op").fill(follow_up.isoformat())
    page.get_by_role("button", name="Gesprek opslaan").click()
    expect(page.get_by_text("Het gesprek is opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Kan goed met mensen omgaan", exact=False).first).to_be_visible()


def _plan_follow_up(page: Page, checks: Checks) -> None:
    page.get_by_role("link", name="Vervolgafspraak plannen").click()
    checks.page_is_clean("appointment form")
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    page.get_by_label(re.compile(r"^Datum")).fill(yesterday.isoformat())
    page.get_by_label(re.compile(r"^Tijd")).fill("10:00")
    page.get_by_label("sms", exact=True).check()
    page.get_by_role("button", name="Afspraak opslaan").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(PAST_MESSAGE)
    expect(page.locator("#id_date-error")).to_have_text(PAST_MESSAGE)
    checks.page_is_clean("appointment form, date in the past")
    assert not Appointment.objects.exists()

    next_week = timezone.localdate() + dt.timedelta(days=7)
    page.get_by_label(re.compile(r"^Datum")).fill(next_week.isoformat())
    page.get_by_label(re.compile(r"^Tijd")).fill("10:30")
    page.get_by_label("Plaats").fill("Werkplein Haarlem, spreekkamer 3")
    page.get_by_role("button", name="Afspraak opslaan").click()
    expect(page.get_by_text("De afspraak is gepland op")).to_be_visible()
    expect(page.get_by_text("Werkplein Haarlem, spreekkamer 3", exact=False)).to_be_visible()


def _add_step_from_catalogue(page: Page, checks: Checks, title: str) -> None:
    page.get_by_role("link", name="Stap toevoegen aan het routeplan").click()
    checks.page_is_clean("route step form")
    page.get_by_label("Zoek aanbod op de routekaart").fill("solliciteren")
    page.get_by_role("button", name="Zoeken").click()
    expect(page).to_have_url(re.compile(r"\?q=solliciteren"))
    checks.page_is_clean("route step form, results")
    page.get_by_label(title).check()
    page.get_by_label("Klaar op").fill((timezone.localdate() + dt.timedelta(days=21)).isoformat())
    page.get_by_role("button", name="Stap toevoegen").click()
    expect(page.get_by_text("De stap staat in het routeplan.")).to_be_visible()
    expect(page.locator("#routeplan")).to_contain_text(title)


@pytest.mark.browser
def test_a_case_manager_holds_an_intake_plans_a_follow_up_and_adds_a_route_step(
    page: Page, route_data: RouteData, browser_errors: BrowserErrors, live_server: Any
) -> None:
    case_manager, job_seeker = _people(route_data)
    _log_in(page, case_manager, live_server.url)
    checks = Checks(page, browser_errors)

    page.goto("/werk/")
    expect(page.locator("h1")).to_have_text("Mijn klanten")
    expect(page.locator("#results-heading")).to_have_text("2 personen")
    checks.page_is_clean("caseload")
    page.locator("summary", has_text="Filters").click()
    page.get_by_label("Nog geen gesprek gehad").check()
    page.get_by_role("button", name="Filteren").click()
    checks.page_is_clean("caseload, filtered")

    page.get_by_role("link", name=job_seeker.full_name).click()
    expect(page.locator("h1")).to_have_text(job_seeker.full_name)
    checks.page_is_clean("situation, empty")

    _hold_intake(page, checks, job_seeker.full_name)
    _plan_follow_up(page, checks)
    _add_step_from_catalogue(page, checks, route_data.training.title)
    checks.page_is_clean("situation, filled")

    conversation = Conversation.objects.get(job_seeker=job_seeker)
    assert conversation.author == case_manager
    obstacle = Obstacle.objects.get(job_seeker=job_seeker)
    assert obstacle.goals.get().conversation == conversation
    appointment = Appointment.objects.get(job_seeker=job_seeker)
    assert appointment.reminder_channel == "sms"
    assert RouteStep.objects.get(job_seeker=job_seeker).offering == route_data.training
    checks.assert_none()


@pytest.mark.browser
def test_team_lead_status_pages_and_the_job_seekers_own_pages_are_accessible(
    page: Page, route_data: RouteData, browser_errors: BrowserErrors, live_server: Any
) -> None:
    case_manager, job_seeker = _people(route_data)
    job_seeker.user = UserFactory(first_name="Samira")
    job_seeker.save()
    team = case_manager.memberships.get().team
    lead = make_staff(Role.TEAM_LEAD, job_seeker.municipality, team, first_name="Joost")
    step = RouteStep.objects.create(
        job_seeker=job_seeker, offering=route_data.job_fair, title="Banenmarkt IJmond"
    )
    appointment = Appointment.objects.create(
        job_seeker=job_seeker,
        case_manager=case_manager,
        starts_at=timezone.now() + dt.timedelta(days=2),
        place="Werkplein Haarlem",
    )
    checks = Checks(page, browser_errors)

    _log_in(page, lead, live_server.url)
    page.goto("/werk/team/")
    expect(page.locator("h1")).to_have_text("Overzicht van het team")
    expect(page.get_by_role("row", name=re.compile("Ilse de Boer"))).to_contain_text("2")
    checks.page_is_clean("team overview")

    page.goto(f"/werk/route/{step.public_id}/")
    checks.page_is_clean("route step status")
    page.get_by_label("gestopt", exact=True).check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#id_reason-error")).to_have_text("Schrijf op waarom deze stap stopt.")
    checks.page_is_clean("route step status, no reason")
    page.get_by_label("Reden").fill("Samira heeft zelf al werk gevonden.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De stap is bijgewerkt.")).to_be_visible()

    page.goto(f"/werk/afspraak/{appointment.public_id}/")
    checks.page_is_clean("appointment status")

    page.context.clear_cookies()
    _log_in(page, job_seeker.user, live_server.url)
    page.goto("/mijn/route/")
    expect(page.locator("h1")).to_have_text("Mijn routeplan")
    expect(page.get_by_text("Samira heeft zelf al werk gevonden.", exact=False)).to_be_visible()
    checks.page_is_clean("my route")
    page.get_by_role("link", name="Mijn afspraken bekijken").click()
    expect(page.get_by_text("Werkplein Haarlem", exact=False)).to_be_visible()
    checks.page_is_clean("my appointments")
    checks.assert_none()
