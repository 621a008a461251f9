"""Correcting an employer's records in a real browser: change and remove a contact person, change a
placement and cancel one entered by mistake. Every page on the way is checked with axe-core."""

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import BrowserErrors
from tests.browser.test_casework import Checks
from tests.browser.test_employers import _as, browser_world
from werkroute.employers import services
from werkroute.employers.models import ContactPerson, Placement
from werkroute.employers.tests.conftest import World
from werkroute.employers.tests.test_services import placement_data, ready_to_hire

__all__ = ["browser_world"]  # the fixture, imported for this test


@pytest.mark.browser
def test_adviser_corrects_contact_persons_and_a_placement(
    page: Page, live_server: Any, browser_world: World, browser_errors: BrowserErrors
) -> None:
    world, base = browser_world, live_server.url
    adviser = world.users["employer_adviser"]
    services.add_contact_person(
        actor=adviser,
        organisation=world.employer,
        data={"name": "Petra de Vries", "job_title": "HR", "email": "petra@example.org"},
    )
    placement = services.hire_candidate(
        actor=adviser, proposal=ready_to_hire(world), data=placement_data()
    )
    checks = Checks(page, browser_errors)
    _as(page, adviser, base)

    # Contact person: change, then remove (with a confirmation page).
    page.goto(f"{base}/werkgevers/{world.employer.public_id}/")
    checks.page_is_clean("employer")
    page.get_by_role("link", name="wijzigen: Petra de Vries").click()
    expect(page.locator("main h1")).to_have_text("Contactpersoon wijzigen")
    checks.page_is_clean("contact person form")
    page.get_by_label("Functie").fill("Bedrijfsleider")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De contactpersoon is gewijzigd.")).to_be_visible()
    page.get_by_role("link", name="verwijderen: Petra de Vries").click()
    checks.page_is_clean("contact person, remove")
    page.get_by_role("button", name="Ja, verwijderen").click()
    expect(page.get_by_text("De contactpersoon is verwijderd.")).to_be_visible()
    assert not ContactPerson.objects.exists()

    # Placement: change the hours, then cancel it as a mistake.
    page.goto(f"{base}/werkgevers/voordracht/{placement.proposal.public_id}/")
    checks.page_is_clean("proposal with placement")
    page.get_by_role("link", name="Plaatsing wijzigen").click()
    checks.page_is_clean("placement form")
    page.get_by_label("Uren per week").fill("61")
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    checks.page_is_clean("placement form with an error")
    page.get_by_label("Uren per week").fill("32")
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(page.get_by_text("De plaatsing is gewijzigd.")).to_be_visible()
    page.get_by_role("link", name="Plaatsing schrappen (vergissing)").click()
    checks.page_is_clean("placement, cancel")
    page.get_by_label("Waarom schrapt u deze plaatsing?", exact=False).fill(
        "Bij de verkeerde voordracht vastgelegd."
    )
    page.get_by_role("button", name="Plaatsing schrappen").click()
    expect(page.get_by_text("De plaatsing is geschrapt.", exact=False)).to_be_visible()
    checks.page_is_clean("proposal after cancelling")

    placement = Placement.objects.get(pk=placement.pk)
    assert placement.hours_per_week == 32 and placement.is_cancelled
    checks.assert_none()
