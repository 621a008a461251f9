"""The functional administrator's settings pages in a real browser, checked with axe-core:
the start page, the employer settings (switched on and saved) and the matching settings."""

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import BrowserErrors
from tests.browser.test_casework import Checks
from tests.browser.test_employers import _as
from werkroute.employers.models import EmployerSettings
from werkroute.employers.tests.conftest import World, build_world


@pytest.fixture
def browser_world(transactional_db: Any, live_server: Any) -> World:
    return build_world()


def test_administrator_switches_on_vacancy_review(
    page: Page, live_server: Any, browser_world: World, browser_errors: BrowserErrors
) -> None:
    base, municipality = live_server.url, browser_world.market.municipality
    checks = Checks(page, browser_errors)
    _as(page, browser_world.users["functional_admin"], base)

    page.goto(f"{base}/account/")
    checks.page_is_clean("start page (administrator)")
    page.get_by_role("link", name="Werkgevers: vacatures eerst laten beoordelen").click()
    expect(page.locator("main h1")).to_have_text("Werkgevers: instellingen")
    checks.page_is_clean("employer settings")

    page.get_by_label(
        "Vacatures van werkgevers eerst laten beoordelen door het werkgeversservicepunt"
    ).check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De instellingen voor werkgevers van")).to_be_visible()
    expect(page.locator("#review-now")).to_have_text("Nu staat dit aan.")
    checks.page_is_clean("employer settings (saved)")
    assert EmployerSettings.objects.get(municipality=municipality).review_vacancies

    page.goto(f"{base}/matching/instellingen/")
    checks.page_is_clean("matching settings")
    checks.assert_none()
