"""The functional administrator's employer settings page (/werkgevers/instellingen/): who may
open it, what a change does to an employer's next vacancy, and the audit row it leaves."""

from django.test import Client
from django.urls import reverse

import pytest

from werkroute.accounts.models import User
from werkroute.catalogue.constants import OfferingKind, OfferingStatus
from werkroute.catalogue.models import Offering
from werkroute.catalogue.tests.factories import MunicipalityFactory, OfferingFactory
from werkroute.core.audit.models import AccessAuditEntry
from werkroute.employers.models import EmployerSettings
from werkroute.employers.tests.conftest import World

URL = "/werkgevers/instellingen/"
SAVED = "De instellingen voor werkgevers van %s zijn opgeslagen."


def test_the_url_is_the_named_one() -> None:
    assert reverse("employers:settings") == URL


def admin_client(world: World) -> Client:
    return world.client_for(world.users["functional_admin"])


def save(client: Client, *, review: bool, query: str = "") -> None:
    data = {"review_vacancies": "on"} if review else {}
    response = client.post(URL + query, data)
    assert response.status_code == 302
    assert response["Location"].startswith(URL + "?gemeente=")


def employer_publishes(world: World, title: str) -> Offering:
    """The employer's staff member publishes a new vacancy through the partner portal."""
    draft = OfferingFactory(
        kind=OfferingKind.VACANCY,
        organisation=world.employer,
        location=world.market.cook.location,
        title=title,
    )
    staff = world.client_for(world.employer_staff)
    staff.post(reverse("partner:offering_publish", args=[draft.public_id]))
    draft.refresh_from_db()
    return draft


def test_the_administrator_switches_review_on_and_vacancies_wait(world: World) -> None:
    client = admin_client(world)
    municipality = world.market.municipality

    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Werkgevers: instellingen" in html and "Nu staat dit uit." in html
    assert 'name="review_vacancies"' in html and " checked" not in html

    save(client, review=True)

    assert EmployerSettings.objects.get(municipality=municipality).review_vacancies
    followed = client.get(f"{URL}?gemeente={municipality.code}").content.decode()
    assert SAVED % municipality.name in followed
    assert "Nu staat dit aan." in followed and " checked" in followed
    assert employer_publishes(world, "Kok").status == OfferingStatus.PENDING_REVIEW


def test_switching_review_off_publishes_the_next_vacancy_at_once(world: World) -> None:
    municipality = world.market.municipality
    EmployerSettings.objects.create(municipality=municipality, review_vacancies=True)
    assert employer_publishes(world, "Kok").status == OfferingStatus.PENDING_REVIEW

    save(admin_client(world), review=False)

    assert not EmployerSettings.objects.get(municipality=municipality).review_vacancies
    assert employer_publishes(world, "Afwasser").status == OfferingStatus.PUBLISHED


def test_a_change_leaves_an_audit_row_naming_the_administrator(world: World) -> None:
    admin: User = world.users["functional_admin"]

    save(admin_client(world), review=True)

    entry = AccessAuditEntry.objects.filter(object_type="employers.employersettings").get()
    assert entry.user_id == admin.pk and entry.action == "change" and entry.outcome == "allowed"


@pytest.mark.parametrize(
    "who", ["employer_adviser", "case_manager", "policy_maker", "employer_staff"]
)
def test_others_may_not_open_or_change_it(world: World, who: str) -> None:
    user = world.employer_staff if who == "employer_staff" else world.users[who]
    client = world.client_for(user)

    assert client.get(URL).status_code == 403
    assert client.post(URL, {"review_vacancies": "on"}).status_code == 403
    assert not EmployerSettings.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login() -> None:
    response = Client().get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_another_municipality_cannot_be_chosen(world: World) -> None:
    elsewhere = MunicipalityFactory()

    save(admin_client(world), review=True, query=f"?gemeente={elsewhere.code}")

    assert not EmployerSettings.objects.filter(municipality=elsewhere).exists()
    assert EmployerSettings.objects.get(municipality=world.market.municipality).review_vacancies


def test_the_administrators_start_page_links_to_it(world: World) -> None:
    html = admin_client(world).get(reverse("accounts:home")).content.decode()

    assert f'href="{URL}"' in html
    adviser = world.client_for(world.users["employer_adviser"])
    assert f'href="{URL}"' not in adviser.get(reverse("accounts:home")).content.decode()
