"""The occupation typeahead in a real browser: the partner's offering form, keyboard only."""

from __future__ import annotations

import re

from django.conf import settings
from django.test import Client
from django.urls import reverse

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.axe import axe_violations, describe
from werkroute.accounts.tests.helpers import login_verified
from werkroute.catalogue.tests.factories import OrganisationFactory, make_partner
from werkroute.taxonomy.models import Occupation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_partner_picks_an_occupation_with_the_keyboard(
    page: Page, live_server: LiveServer
) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    organisation = OrganisationFactory()
    client = login_verified(Client(), make_partner(organisation))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )
    url = reverse("partner:offering_create", kwargs={"organisation_id": organisation.public_id})
    page.goto(live_server.url + url)

    box = page.get_by_role("combobox", name=re.compile("^(Beroep|Occupation)"))
    box.fill("heftr")
    listbox = page.locator("#" + (box.get_attribute("aria-controls") or ""))
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option").first).to_contain_text("Heftruckchauffeur")
    box.press("ArrowDown")
    expect(listbox.get_by_role("option").first).to_have_attribute("aria-selected", "true")
    assert box.get_attribute("aria-activedescendant")
    box.press("Enter")
    expect(listbox).to_be_hidden()
    expect(box).to_have_value("Heftruckchauffeur")
    forklift = Occupation.objects.get(code="forklift_driver")
    expect(page.locator("input[name=occupation_id]")).to_have_value(str(forklift.pk))
    box.press_sequentially("x")  # typing again forgets the choice until one is made
    expect(page.locator("input[name=occupation_id]")).to_have_value("")
    violations = axe_violations(page)
    assert not violations, describe(violations, "offering form with the typeahead")
    assert not errors, errors
