"""A referral in a real browser: a case manager refers a client to a partner with consent, the
partner accepts and answers, and the case manager reads the answer. Both sides get an e-mail
without personal data (Django's test mail outbox: the live server runs in this process). Every
page on the way is checked with axe-core (WCAG 2.1 A and AA)."""

import re
from typing import Any

from django.conf import settings
from django.core import mail
from django.test import Client

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import BrowserErrors, RouteData
from tests.browser.test_casework import Checks, _people
from werkroute.accounts.models import User
from werkroute.accounts.tests.helpers import login_verified
from werkroute.casework.constants import ReferralStatus
from werkroute.casework.models import Referral
from werkroute.catalogue.constants import OrganisationKind
from werkroute.catalogue.models import Organisation
from werkroute.catalogue.tests.factories import make_partner

QUESTION = "Kunt u helpen met een plan voor de schulden?"
ANSWER = "Intake gepland op dinsdag om 10 uur bij ons kantoor."
PARTNER_ADDRESS = "intake@schuldhulp.example"


def _as(page: Page, user: User, base_url: str) -> None:
    """Switch the browser to this user, with a verified second factor."""
    page.context.clear_cookies()
    client = login_verified(Client(), user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


def _partner(data: RouteData) -> tuple[Organisation, User]:
    welfare = Organisation.objects.create(
        name="Schuldhulp Kennemerland",
        region=data.region,
        kinds=[OrganisationKind.WELFARE],
        email=PARTNER_ADDRESS,
        phone="023 123 45 67",
    )
    return welfare, make_partner(welfare, first_name="Wim", last_name="Welzijn")


def _assert_mail_without_personal_data(to: str, secrets: list[str]) -> None:
    assert [m.to for m in mail.outbox] == [[to]]
    text = mail.outbox[0].subject + "\n" + mail.outbox[0].body
    for secret in secrets:
        assert secret not in text, f"{secret!r} is in the e-mail"
    mail.outbox.clear()


@pytest.mark.browser
def test_case_manager_refers_partner_accepts_and_answers(
    page: Page, route_data: RouteData, browser_errors: BrowserErrors, live_server: Any
) -> None:
    base = live_server.url
    case_manager, person = _people(route_data)
    case_manager.email = "ilse@gemeente.example"
    case_manager.save()
    welfare, partner_staff = _partner(route_data)
    secrets = [person.first_name, person.last_name, person.email, QUESTION, ANSWER, welfare.name]
    checks = Checks(page, browser_errors)
    mail.outbox.clear()

    # 1. The case manager refers the client from the client's page, with consent.
    _as(page, case_manager, base)
    page.goto(f"{base}/werk/{person.public_id}/")
    checks.page_is_clean("situation")
    page.get_by_role("link", name="Doorverwijzen").click()
    expect(page.locator("main h1")).to_have_text(
        f"{person.full_name} doorverwijzen naar een partner"
    )
    checks.page_is_clean("referral form")
    page.get_by_role("button", name="Verwijzing versturen").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    checks.page_is_clean("referral form with errors")
    assert not Referral.objects.exists()
    page.get_by_label(re.compile(welfare.name)).check()
    page.get_by_label("Wat vraagt u de partner?").fill(QUESTION)
    page.get_by_label("De werkzoekende geeft toestemming", exact=False).check()
    page.get_by_role("button", name="Verwijzing versturen").click()
    expect(page.get_by_text(f"De verwijzing is verstuurd naar {welfare.name}.")).to_be_visible()
    checks.page_is_clean("referral, sent")
    referral = Referral.objects.get()
    assert referral.status == ReferralStatus.SENT
    _assert_mail_without_personal_data(PARTNER_ADDRESS, secrets)

    # 2. The partner accepts the referral.
    _as(page, partner_staff, base)
    page.goto(f"{base}/partner/verwijzingen/")
    expect(page.locator("main h1")).to_have_text("Verwijzingen aan uw organisatie")
    checks.page_is_clean("partner referral list")
    page.get_by_role("link", name=person.full_name).click()
    expect(page.get_by_text(QUESTION)).to_be_visible()
    checks.page_is_clean("partner referral, new")
    page.get_by_label("Accepteren: wij gaan ermee aan de slag").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("U heeft de verwijzing geaccepteerd.")).to_be_visible()
    checks.page_is_clean("partner referral, accepted")
    _assert_mail_without_personal_data(case_manager.email, secrets)

    # 3. The partner answers the case manager's question.
    page.get_by_label("Antwoord sturen aan de klantmanager").check()
    page.get_by_label("Toelichting of antwoord").fill(ANSWER)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Uw antwoord is verstuurd.")).to_be_visible()
    checks.page_is_clean("partner referral, answered")
    _assert_mail_without_personal_data(case_manager.email, secrets)

    # 4. The case manager follows the link of the e-mail and reads the answer.
    _as(page, case_manager, base)
    page.goto(f"{base}/werk/verwijzingen/")
    checks.page_is_clean("case manager referral list")
    page.get_by_role("link", name=person.full_name).click()
    expect(page.get_by_role("heading", name="Antwoord van de partner")).to_be_visible()
    expect(page.get_by_role("paragraph").filter(has_text=ANSWER)).to_be_visible()
    checks.page_is_clean("case manager referral, answered")

    referral.refresh_from_db()
    assert (referral.status, referral.answer) == (ReferralStatus.ANSWERED, ANSWER)
    checks.assert_none()
