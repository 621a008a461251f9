"""A case manager looks at the matches for a person and at the candidates for a vacancy, in a real
browser; an employer adviser sees candidates without names; axe-core finds no violations."""

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import BrowserErrors
from tests.browser.test_casework import Checks, _log_in
from werkroute.matching.tests.conftest import Market, build_market, vacancy


@pytest.fixture
def browser_market(transactional_db: Any, live_server: Any) -> Market:
    return build_market()


def test_case_manager_sees_matches_and_candidates(
    page: Page, live_server: Any, browser_market: Market, browser_errors: BrowserErrors
) -> None:
    market = browser_market
    checks = Checks(page, browser_errors)
    _log_in(page, market.users["case_manager"], live_server.url)

    page.goto(f"{live_server.url}/werk/{market.bram.public_id}/")
    page.get_by_role("link", name="Passende vacatures").click()
    expect(page.locator("main h1")).to_contain_text("Passende vacatures voor")
    first = page.locator(".wr-match").filter(has_text="Heftruckchauffeur")
    expect(first).to_contain_text("Wil werken als heftruckchauffeur")
    expect(first).to_contain_text("Mist rijbewijs B")
    expect(first.get_by_role("link", name="Rijbewijs B voor je werk")).to_be_visible()
    checks.page_is_clean("matches for a person")

    first.get_by_role("button", name="Op de kortelijst").click()
    expect(page.get_by_role("heading", name="Kortelijst")).to_be_visible()
    checks.page_is_clean("matches after shortlisting")

    page.goto(f"{live_server.url}/aanbod/{market.warehouse.public_id}/")
    page.get_by_role("link", name="Passende kandidaten").click()
    expect(page.locator("main h1")).to_contain_text("Passende kandidaten voor")
    expect(page.locator(".wr-match").first).to_contain_text(
        "Heeft 3 jaar ervaring als magazijnmedewerker"
    )
    expect(page.locator("main")).to_contain_text(market.anna.last_name)
    checks.page_is_clean("candidates for a vacancy")

    page.goto(f"{live_server.url}/algoritme/")
    expect(page.locator("main")).to_contain_text("Menselijke tussenkomst")
    checks.page_is_clean("algorithm description")
    checks.assert_none()


def test_case_manager_opens_all_suggestions_of_one_employer(
    page: Page, live_server: Any, browser_market: Market, browser_errors: BrowserErrors
) -> None:
    """One employer with many fitting vacancies: a few in the list, a link to all of them."""
    market = browser_market
    for _ in range(10):  # more than the list of ten can hold, whatever else fits
        vacancy(market.cook.location, "cook", hours_min=24, hours_max=32)
    employer = market.cook.organisation.name
    checks = Checks(page, browser_errors)
    _log_in(page, market.users["case_manager"], live_server.url)

    page.goto(f"{live_server.url}/matching/persoon/{market.anna.public_id}/")
    full = page.locator(".wr-match").count()
    shown = page.locator(".wr-match").filter(has_text=employer).count()
    page.get_by_role("link", name=f"Bekijk alle voorstellen van {employer}").click()
    expect(page.locator("main")).to_contain_text(f"Alleen de voorstellen van {employer}.")
    expect(page.locator(".wr-match").first).to_be_visible()
    narrowed = page.locator(".wr-match")
    assert narrowed.count() >= 11 > shown  # the eleven cook vacancies, more than the list held
    expect(narrowed.filter(has_not_text=employer)).to_have_count(0)
    checks.page_is_clean("matches of one employer")

    page.get_by_role("link", name="Alle voorstellen tonen").click()
    expect(page.locator("main")).not_to_contain_text("Alleen de voorstellen van")
    expect(page.locator(".wr-match")).to_have_count(full)
    checks.assert_none()


def test_employer_adviser_sees_candidates_without_names(
    page: Page, live_server: Any, browser_market: Market, browser_errors: BrowserErrors
) -> None:
    market = browser_market
    checks = Checks(page, browser_errors)
    _log_in(page, market.users["employer_adviser"], live_server.url)
    page.goto(f"{live_server.url}/matching/vacature/{market.warehouse.public_id}/")
    expect(page.locator(".wr-match")).to_have_count(1)
    expect(page.locator(".wr-match")).to_contain_text("Kandidaat")
    expect(page.locator("main")).not_to_contain_text(market.carla.last_name)
    checks.page_is_clean("candidates for an employer adviser")
    checks.assert_none()
