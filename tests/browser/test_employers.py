"""An employer adviser's proposal in a real browser: from a vacancy's match list to a proposal,
the job seeker's consent, the case manager's, the employer's invitation and hire, and the check
six months later. The employer sees no name until both consents and the invitation. Every page
on the way is checked with axe-core."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.test import Client

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import BrowserErrors
from tests.browser.test_casework import Checks
from werkroute.accounts.models import User
from werkroute.accounts.tests.helpers import login_verified
from werkroute.catalogue.tests.factories import UserFactory
from werkroute.employers.models import Placement, Proposal
from werkroute.employers.services import plan_follow_up_checks
from werkroute.employers.tests.conftest import World, build_world


@pytest.fixture
def browser_world(transactional_db: Any, live_server: Any) -> World:
    world = build_world()
    carla = world.market.carla
    carla.user = UserFactory(first_name=carla.first_name, last_name=carla.last_name)
    carla.save()
    return world


def _as(page: Page, user: User, base_url: str, *, staff: bool = True) -> None:
    """Switch the browser to this user (staff and employer staff with a verified second factor)."""
    page.context.clear_cookies()
    client = Client()
    if staff:
        login_verified(client, user)
    else:
        client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


def test_adviser_proposal_to_lasting_placement(
    page: Page, live_server: Any, browser_world: World, browser_errors: BrowserErrors
) -> None:
    world, base = browser_world, live_server.url
    market = world.market
    checks = Checks(page, browser_errors)

    # 1. The employer adviser proposes a candidate from the vacancy's match list.
    _as(page, market.users["employer_adviser"], base)
    page.goto(f"{base}/matching/vacature/{market.warehouse.public_id}/")
    checks.page_is_clean("match list")
    page.locator(".wr-match").first.get_by_role("link", name="Voordragen").click()
    expect(page.locator("main h1")).to_have_text("Kandidaat voordragen")
    checks.page_is_clean("proposal form")
    page.get_by_label("Waarom past deze kandidaat?").fill("Drie jaar ervaring in een magazijn.")
    page.get_by_role("button", name="Voordragen").click()
    expect(page.locator("main h1")).to_contain_text("Voordracht van kandidaat")
    checks.page_is_clean("proposal detail (adviser)")
    proposal = Proposal.objects.get()
    assert proposal.job_seeker == market.carla

    # 2. The job seeker gives consent for this proposal.
    _as(page, market.carla.user, base, staff=False)
    page.goto(f"{base}/mijn/voordrachten/")
    checks.page_is_clean("my proposals")
    page.get_by_role("link", name="Magazijnmedewerker").first.click()
    checks.page_is_clean("my proposal")
    page.get_by_role("button", name="Ja, ik geef toestemming").click()
    expect(page.locator("main")).to_contain_text("Je hebt toestemming gegeven.")

    # 3. The case manager agrees.
    _as(page, market.users["other_team"], base)
    page.goto(f"{base}/werkgevers/voordracht/{proposal.public_id}/")
    checks.page_is_clean("proposal detail (case manager)")
    page.get_by_role("button", name="Akkoord als klantmanager").click()
    expect(page.locator("main")).to_contain_text("Klantmanager: akkoord")

    # 4. The employer sees an anonymous profile, invites, then sees who it is, and hires.
    employer_staff = world.employer_staff
    _as(page, employer_staff, base)
    page.goto(f"{base}/werkgever/")
    checks.page_is_clean("employer portal")
    expect(page.locator("main")).not_to_contain_text(market.carla.last_name)
    page.get_by_role("link", name=f"Kandidaat {proposal.code}").click()
    expect(page.locator("main")).not_to_contain_text(market.carla.last_name)
    checks.page_is_clean("anonymised proposal")
    page.get_by_label("uitgenodigd").check()
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.locator("main h1")).to_contain_text(market.carla.last_name)
    checks.page_is_clean("identified proposal")
    page.get_by_role("link", name="Kandidaat aannemen").click()
    page.get_by_label("Startdatum").fill(proposal.proposed_on.isoformat())
    page.get_by_label("Soort contract").select_option("temporary")
    page.get_by_label("Uren per week").fill("24")
    page.get_by_label("volledig uit de uitkering").check()
    checks.page_is_clean("hire form")
    page.get_by_role("button", name="Aanname opslaan").click()
    expect(page.locator("main")).to_contain_text("aangenomen")

    # 5. Six months later the scheduled command puts the check on the adviser's list.
    placement = Placement.objects.get()
    earlier = dt.timedelta(days=190)
    Proposal.objects.filter(pk=proposal.pk).update(proposed_on=proposal.proposed_on - earlier)
    Placement.objects.filter(pk=placement.pk).update(start_date=placement.start_date - earlier)
    assert len(plan_follow_up_checks()) == 1
    _as(page, market.users["employer_adviser"], base)
    page.goto(f"{base}/werkgevers/controles/")
    checks.page_is_clean("follow-up checks")
    page.get_by_role("link", name="Na 6 maanden").click()
    checks.page_is_clean("follow-up check form")
    page.get_by_label("Ja, werkt nog").check()
    page.get_by_role("button", name="Controle opslaan").click()
    expect(page.locator("main")).to_contain_text("Er zijn geen controles te doen.")
    assert placement.checks.get().still_employed is True
    checks.assert_none()
