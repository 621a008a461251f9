"""eHerkenning for employer staff: the real views and backend against a stand-in broker.

Only the broker is faked (oidc_broker.py, on a local port): the login page, our request and
callback views, the backend, the service that finds the employer and the database are real.
DigiD's backend is switched on beside it with its own client, to show each broker's callback is
handled by its own backend only.
"""

import logging
from typing import Any

from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

import pytest

from werkroute.accounts.eherkenning import EHerkenningBackend, identity_from_claims
from werkroute.accounts.models import User
from werkroute.accounts.services import eherkenning_lookup_key
from werkroute.accounts.tests.oidc_broker import FakeBroker, log_in_through
from werkroute.catalogue.constants import OrganisationKind
from werkroute.catalogue.models import Organisation, OrganisationMembership
from werkroute.catalogue.queries import organisations_of
from werkroute.catalogue.tests.factories import OrganisationFactory
from werkroute.conf import base as base_settings
from werkroute.core.audit.models import AccessAuditEntry

pytestmark = pytest.mark.django_db

LOGIN = "/account/inloggen/"
START = "/account/eherkenning/authenticate/"
CALLBACK = "/account/eherkenning/callback/"
KVK = "12345678"
KVK_CLAIM = "urn:etoegang:1.9:EntityConcernedID:KvKnr"
PERSON_CLAIM = "urn:etoegang:core:ActingSubjectID"
PSEUDONYM = "pseudoniem-7f3a9c2e-jansen"
CLIENT_ID = "werkroute-eherkenning"
FAILED = "Inloggen met eHerkenning is niet gelukt. Probeer het opnieuw."
UNKNOWN = "Uw organisatie staat bij ons niet ingeschreven als werkgever."
SWITCHED_OFF = "Inloggen met eHerkenning staat uit voor uw organisatie."
ACCOUNT_OFF = "Uw account staat uit."


def claims(kvk: Any = KVK, person: Any = PSEUDONYM) -> dict[str, Any]:
    return {KVK_CLAIM: kvk, PERSON_CLAIM: person}


@pytest.fixture
def eherkenning_on(settings: Any, oidc_broker: FakeBroker) -> FakeBroker:
    settings.WERKROUTE_EHERKENNING_OIDC_ENABLED = True
    settings.WERKROUTE_EHERKENNING_OIDC_CLIENT_ID = CLIENT_ID
    settings.WERKROUTE_EHERKENNING_OIDC_CLIENT_SECRET = "eherkenning-secret"
    settings.WERKROUTE_EHERKENNING_OIDC_AUTHORIZATION_ENDPOINT = oidc_broker.endpoint("authorize")
    settings.WERKROUTE_EHERKENNING_OIDC_TOKEN_ENDPOINT = oidc_broker.endpoint("token")
    settings.WERKROUTE_EHERKENNING_OIDC_USER_ENDPOINT = oidc_broker.endpoint("userinfo")
    settings.WERKROUTE_EHERKENNING_OIDC_JWKS_ENDPOINT = oidc_broker.endpoint("jwks")
    # DigiD's client at the same broker: were its backend to take our callback, the broker
    # would see a token request with DigiD's client id.
    settings.OIDC_RP_CLIENT_ID = "werkroute-digid"
    settings.OIDC_RP_CLIENT_SECRET = "digid-secret"
    settings.OIDC_OP_TOKEN_ENDPOINT = oidc_broker.endpoint("token")
    settings.OIDC_OP_USER_ENDPOINT = oidc_broker.endpoint("userinfo")
    settings.OIDC_OP_JWKS_ENDPOINT = oidc_broker.endpoint("jwks")
    settings.WERKROUTE_DIGID_HASH_KEY = "test-only-digid-hash-key-0123456789abcdef"
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "werkroute.accounts.oidc.DigiDBackend",
        "werkroute.accounts.eherkenning.EHerkenningBackend",
    ]
    return oidc_broker


@pytest.fixture
def employer() -> Organisation:
    return OrganisationFactory(kinds=[OrganisationKind.EMPLOYER], kvk_number=KVK)


def log_in(client: Client, broker: FakeBroker, **claim_values: Any) -> Any:
    return log_in_through(client, broker, START, claims(**claim_values))


def refusal_page(client: Client, response: Any) -> str:
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN + "?eherkenning=")
    assert SESSION_KEY not in client.session
    return client.get(response["Location"]).content.decode()


# --- Off by default -----------------------------------------------------------------------


def test_eherkenning_is_off_by_default() -> None:
    assert base_settings.WERKROUTE_EHERKENNING_OIDC_ENABLED is False
    assert "werkroute.accounts.eherkenning.EHerkenningBackend" not in (
        base_settings.AUTHENTICATION_BACKENDS
    )
    assert Client().get(START).status_code == 404
    assert Client().get(CALLBACK, {"code": "x", "state": "y"}).status_code == 404
    assert "eHerkenning" not in Client().get(LOGIN).content.decode()


def test_the_defaults_name_the_etoegang_claims() -> None:
    assert base_settings.WERKROUTE_EHERKENNING_KVK_CLAIM == KVK_CLAIM
    assert base_settings.WERKROUTE_EHERKENNING_PERSON_CLAIM == PERSON_CLAIM


def test_with_eherkenning_on_the_login_page_offers_it(eherkenning_on: FakeBroker) -> None:
    html = Client().get(LOGIN).content.decode()

    assert "Inloggen met eHerkenning" in html
    assert f'href="{START}"' in html
    assert "Inloggen met DigiD" not in html  # each broker has its own switch
    start = Client().get(START)
    assert start.status_code == 302
    assert start["Location"].startswith(eherkenning_on.endpoint("authorize") + "?")
    assert f"client_id={CLIENT_ID}" in start["Location"]
    assert "code_challenge=" in start["Location"] and "nonce=" in start["Location"]
    assert (
        "redirect_uri=http%3A%2F%2Ftestserver%2Faccount%2Feherkenning%2Fcallback%2F"
        in (start["Location"])
    )


# --- A successful login -------------------------------------------------------------------


def test_the_first_login_makes_an_employer_staff_account(
    eherkenning_on: FakeBroker, employer: Organisation
) -> None:
    client = Client()

    response = log_in(client, eherkenning_on)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:home")
    user = User.objects.get(pk=client.session[SESSION_KEY])
    assert user.username == eherkenning_lookup_key(kvk_number=KVK, person=PSEUDONYM)
    assert list(organisations_of(user)) == [employer]
    assert not user.has_usable_password() and not user.memberships.exists()
    stored = User.objects.filter(pk=user.pk).values().get()
    assert not any(PSEUDONYM in str(value) for value in stored.values())
    # Only eHerkenning's client asked for a token: DigiD's backend left the callback alone.
    assert [r["client_id"] for r in eherkenning_on.token_requests] == [CLIENT_ID]
    assert eherkenning_on.userinfo_requests == 1
    entry = AccessAuditEntry.objects.get(action="login")
    assert entry.user_id == user.pk and entry.object_id == str(employer.public_id)
    assert entry.outcome == "allowed"
    # Employer staff confirm the login with a code from an app, like every staff member.
    assert client.get(reverse("employer_portal:home"))["Location"].startswith(
        reverse("accounts:otp_verify")
    )


def test_the_next_login_finds_the_same_account(
    eherkenning_on: FakeBroker, employer: Organisation
) -> None:
    first = Client()
    log_in(first, eherkenning_on)
    second = Client()

    log_in(second, eherkenning_on, kvk=int(KVK))

    assert first.session[SESSION_KEY] == second.session[SESSION_KEY]
    assert User.objects.count() == 1 and OrganisationMembership.objects.count() == 1


def test_a_colleague_gets_an_own_account_at_the_same_employer(
    eherkenning_on: FakeBroker, employer: Organisation
) -> None:
    log_in(Client(), eherkenning_on)

    log_in(Client(), eherkenning_on, person="pseudoniem-collega")

    assert set(employer.memberships.values_list("user__username", flat=True)) == {
        eherkenning_lookup_key(kvk_number=KVK, person=PSEUDONYM),
        eherkenning_lookup_key(kvk_number=KVK, person="pseudoniem-collega"),
    }


def test_claims_from_the_id_token_alone_without_a_user_endpoint(
    eherkenning_on: FakeBroker, employer: Organisation, settings: Any
) -> None:
    settings.WERKROUTE_EHERKENNING_OIDC_USER_ENDPOINT = ""
    eherkenning_on.id_token_claims_only = True
    client = Client()

    log_in(client, eherkenning_on)

    assert SESSION_KEY in client.session
    assert eherkenning_on.userinfo_requests == 0


def test_the_claim_names_are_configurable(
    eherkenning_on: FakeBroker, employer: Organisation, settings: Any
) -> None:
    settings.WERKROUTE_EHERKENNING_KVK_CLAIM = "kvk"
    settings.WERKROUTE_EHERKENNING_PERSON_CLAIM = "sub"
    client = Client()

    log_in_through(client, eherkenning_on, START, {"kvk": KVK, "sub": "persoon-1"})

    user = User.objects.get(pk=client.session[SESSION_KEY])
    assert user.username == eherkenning_lookup_key(kvk_number=KVK, person="persoon-1")


# --- Refusals -----------------------------------------------------------------------------


def test_a_kvk_number_without_an_employer_is_refused_in_dutch(
    eherkenning_on: FakeBroker, caplog: pytest.LogCaptureFixture
) -> None:
    OrganisationFactory(kinds=[OrganisationKind.WELFARE], kvk_number=KVK)  # not an employer
    client = Client()

    with caplog.at_level(logging.DEBUG):
        response = log_in(client, eherkenning_on)

    assert response["Location"] == LOGIN + "?eherkenning=onbekend"
    assert UNKNOWN in refusal_page(client, response)
    assert not User.objects.exists()
    assert KVK not in caplog.text and PSEUDONYM not in caplog.text
    entry = AccessAuditEntry.objects.get()
    assert entry.action == "login_failed" and entry.outcome == "denied"


def test_an_employer_with_eherkenning_switched_off_is_refused(
    eherkenning_on: FakeBroker, employer: Organisation
) -> None:
    client = Client()
    log_in(client, eherkenning_on)
    employer.eherkenning_enabled = False
    employer.save()
    again = Client()

    response = log_in(again, eherkenning_on)

    assert response["Location"] == LOGIN + "?eherkenning=uit"
    assert SWITCHED_OFF in refusal_page(again, response)
    entry = AccessAuditEntry.objects.get(action="login_failed")
    assert entry.object_id == str(employer.public_id)


def test_a_switched_off_account_is_refused(
    eherkenning_on: FakeBroker, employer: Organisation
) -> None:
    log_in(Client(), eherkenning_on)
    User.objects.update(is_active=False)
    client = Client()

    response = log_in(client, eherkenning_on)

    assert response["Location"] == LOGIN + "?eherkenning=account-uit"
    assert ACCOUNT_OFF in refusal_page(client, response)


@pytest.mark.parametrize(
    "values",
    [
        {"kvk": "1234567"},  # seven digits
        {"kvk": "123456789"},
        {"kvk": "1234567a"},
        {"kvk": None},
        {"kvk": True},
        {"person": ""},
        {"person": None},
    ],
)
def test_claims_without_a_valid_kvk_number_or_person_fail(
    eherkenning_on: FakeBroker, employer: Organisation, values: dict[str, Any]
) -> None:
    client = Client()

    response = log_in(client, eherkenning_on, **values)

    assert response["Location"] == LOGIN + "?eherkenning=mislukt"
    assert FAILED in refusal_page(client, response)
    assert not User.objects.exists()


def test_the_broker_saying_no_or_a_replayed_code_fails_calmly(
    eherkenning_on: FakeBroker, employer: Organisation
) -> None:
    client = Client()
    start = client.get(START)
    callback = eherkenning_on.authorise(start["Location"], claims())
    state = callback.split("state=")[1]

    denied = client.get(CALLBACK, {"error": "access_denied", "state": state})
    assert FAILED in refusal_page(client, denied)
    # The same code again, with a state the session no longer knows: no stack trace either.
    replayed = client.get(callback.removeprefix("http://testserver"))
    assert FAILED in refusal_page(client, replayed)
    assert not User.objects.exists()


def test_a_token_the_broker_refuses_fails_calmly(
    eherkenning_on: FakeBroker, employer: Organisation
) -> None:
    client = Client()
    callback = eherkenning_on.authorise(client.get(START)["Location"], claims())
    eherkenning_on.grants.clear()  # the broker forgot the code: /token answers 400

    response = client.get(callback.removeprefix("http://testserver"))

    assert FAILED in refusal_page(client, response)


def test_an_unknown_code_on_the_page_shows_nothing(eherkenning_on: FakeBroker) -> None:
    html = Client().get(LOGIN, {"eherkenning": "<script>"}).content.decode()

    assert 'role="alert"' not in html


# --- The backend on its own -----------------------------------------------------------------


@pytest.mark.usefixtures("eherkenning_on")
def test_the_backend_ignores_requests_that_are_not_its_callbacks() -> None:
    from django.test import RequestFactory

    request = RequestFactory().get(CALLBACK, {"code": "c", "state": "s"})

    assert EHerkenningBackend().authenticate(request, nonce="n", code_verifier="v") is None


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (claims(), (KVK, PSEUDONYM)),
        (claims(kvk=f" {KVK} "), (KVK, PSEUDONYM)),
        (claims(kvk=1234567), ("01234567", PSEUDONYM)),
        (claims(kvk="12.34.56.78"), None),
        ({KVK_CLAIM: KVK}, None),
        ({PERSON_CLAIM: PSEUDONYM}, None),
    ],
)
def test_identity_from_claims(values: dict[str, Any], expected: tuple[str, str] | None) -> None:
    identity = identity_from_claims(values)

    assert (identity and (identity.kvk_number, identity.person)) == expected
