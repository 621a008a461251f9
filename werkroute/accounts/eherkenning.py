"""eHerkenning login for employer staff through an OpenID Connect broker (mozilla-django-oidc).

mozilla-django-oidc reads one set of OIDC_* settings, and those belong to DigiD. The backend and
views here subclass its own and answer its `get_settings` from WERKROUTE_EHERKENNING_* instead,
so the two brokers have separate clients, endpoints and callback addresses
(/account/eherkenning/callback/). The callback view marks its request, and each backend only
handles a callback of its own broker (see oidc.broker_of).

The broker hands us the organisation's KvK number and a pseudonym of the person. The account
belongs to that pair (accounts.services.sign_in_employer_staff): found or made, and a staff
member of the employer with that KvK number. A refusal (no such employer, eHerkenning switched
off for it, the account switched off) sends the person back to the login page with a code in
the URL, which the page turns into a Dutch message. No claim reaches a log or a URL.

Switched on with WERKROUTE_EHERKENNING_OIDC_ENABLED; see docs/operations.md, "Inloggen met
eHerkenning (OIDC)".
"""

import logging
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

import requests
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from werkroute.accounts import services
from werkroute.accounts.models import User
from werkroute.accounts.oidc import EHERKENNING, broker_of, mark_broker

logger = logging.getLogger(__name__)

KVK_NUMBER = re.compile(r"^\d{8}$")
FAILED = "mislukt"  # any other failure: the broker said no, a bad token, a lost session
QUERY_PARAMETER = "eherkenning"
MESSAGES = {
    FAILED: _("Inloggen met eHerkenning is niet gelukt. Probeer het opnieuw."),
    services.EmployerLoginRefusal.UNKNOWN_EMPLOYER.value: _(
        "Uw organisatie staat bij ons niet ingeschreven als werkgever. Neem contact op met het "
        "werkgeversservicepunt van uw gemeente."
    ),
    services.EmployerLoginRefusal.EMPLOYER_DISABLED.value: _(
        "Inloggen met eHerkenning staat uit voor uw organisatie. Neem contact op met het "
        "werkgeversservicepunt van uw gemeente."
    ),
    services.EmployerLoginRefusal.ACCOUNT_DISABLED.value: _(
        "Uw account staat uit. Neem contact op met het werkgeversservicepunt van uw gemeente."
    ),
}

# mozilla-django-oidc's setting -> ours.
SETTING_NAMES = {
    "OIDC_RP_CLIENT_ID": "WERKROUTE_EHERKENNING_OIDC_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET": "WERKROUTE_EHERKENNING_OIDC_CLIENT_SECRET",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "WERKROUTE_EHERKENNING_OIDC_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT": "WERKROUTE_EHERKENNING_OIDC_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT": "WERKROUTE_EHERKENNING_OIDC_USER_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT": "WERKROUTE_EHERKENNING_OIDC_JWKS_ENDPOINT",
    "OIDC_RP_SIGN_ALGO": "WERKROUTE_EHERKENNING_OIDC_SIGN_ALGO",
    "OIDC_RP_SCOPES": "WERKROUTE_EHERKENNING_OIDC_SCOPES",
}
# Settings of DigiD's that must not leak into eHerkenning: fixed here.
FIXED_SETTINGS: dict[str, Any] = {
    "OIDC_AUTHENTICATION_CALLBACK_URL": "accounts:eherkenning_callback",
    "OIDC_RP_IDP_SIGN_KEY": None,
    "OIDC_USE_PKCE": True,
    "OIDC_STORE_ID_TOKEN": False,
    "OIDC_STORE_ACCESS_TOKEN": False,
    "OIDC_CREATE_USER": True,
    "OIDC_USERNAME_ALGO": None,
    "OIDC_AUTH_REQUEST_EXTRA_PARAMS": {},
}


def eherkenning_setting(name: str, *default: Any) -> Any:
    """mozilla-django-oidc's `get_settings`, answered from the eHerkenning settings. Settings
    that are not about a broker (timeouts, proxy, TLS checks, nonce) stay shared."""
    if name in SETTING_NAMES:
        return import_from_settings(SETTING_NAMES[name], *default)
    if name in FIXED_SETTINGS:
        return FIXED_SETTINGS[name]
    return import_from_settings(name, *default)


@dataclass(frozen=True)
class Identity:
    kvk_number: str
    person: str


def identity_from_claims(claims: dict[str, Any]) -> Identity | None:
    """The KvK number (eight digits) and the person's pseudonym in the configured claims."""
    kvk = claims.get(settings.WERKROUTE_EHERKENNING_KVK_CLAIM)
    person = claims.get(settings.WERKROUTE_EHERKENNING_PERSON_CLAIM)
    if isinstance(kvk, int) and not isinstance(kvk, bool):
        kvk = f"{kvk:08d}"
    if not isinstance(kvk, str) or not KVK_NUMBER.match(kvk.strip()):
        return None
    if not isinstance(person, str) or not person.strip():
        return None
    return Identity(kvk_number=kvk.strip(), person=person.strip())


def _enabled() -> bool:
    return bool(settings.WERKROUTE_EHERKENNING_OIDC_ENABLED)


def failure_url(code: str) -> str:
    return f"{reverse('accounts:login')}?{urlencode({QUERY_PARAMETER: code})}"


def message_for(code: str | None) -> Any:
    """The login page's message for the code in its URL; None for no or an unknown code."""
    return MESSAGES.get(code or "")


class EHerkenningBackend(OIDCAuthenticationBackend):
    """Finds or makes the employer staff account from the KvK and person claims."""

    get_settings = staticmethod(eherkenning_setting)

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        if request is None or broker_of(request) != EHERKENNING:
            return None
        return super().authenticate(request, **kwargs)

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        """The verified ID token's claims, completed by the user endpoint when there is one."""
        if not self.OIDC_OP_USER_ENDPOINT:
            return dict(payload)
        return {**payload, **super().get_userinfo(access_token, id_token, payload)}

    def describe_user_by_claims(self, claims: dict[str, Any]) -> str:
        return "an eHerkenning user"  # the parent would name an e-mail address in the log

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return identity_from_claims(claims) is not None

    def get_or_create_user(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> User | None:
        identity = identity_from_claims(self.get_userinfo(access_token, id_token, payload))
        if identity is None:
            raise SuspiciousOperation("eHerkenning claims without a valid KvK number or person")
        return services.sign_in_employer_staff(
            kvk_number=identity.kvk_number, person=identity.person
        )


class EHerkenningRequestView(OIDCAuthenticationRequestView):
    """Sends the employer's staff member to the eHerkenning broker (with PKCE and a nonce)."""

    get_settings = staticmethod(eherkenning_setting)

    def get(self, request: HttpRequest) -> HttpResponse:
        if not _enabled():
            raise Http404
        return super().get(request)


class EHerkenningCallbackView(OIDCAuthenticationCallbackView):
    """The broker sends the person back here; a refusal goes to the login page with its code."""

    get_settings = staticmethod(eherkenning_setting)

    @property
    def failure_url(self) -> str:
        return failure_url(FAILED)

    def get(self, request: HttpRequest) -> HttpResponse:
        if not _enabled():
            raise Http404
        mark_broker(request, EHERKENNING)
        try:
            return super().get(request)
        except services.EmployerLoginRefused as refused:
            return HttpResponseRedirect(failure_url(refused.refusal.value))
        except (SuspiciousOperation, requests.RequestException) as error:
            # The type only: a broker's error text may repeat what it was sent.
            logger.warning("eHerkenning login failed: %s", type(error).__name__)
            return self.login_failure()
