"""DigiD login for residents through an OpenID Connect broker (mozilla-django-oidc).

The broker hands us the resident's BSN in a claim (WERKROUTE_DIGID_BSN_CLAIM, default `bsn`).
The BSN never reaches the database or a log in accounts: it becomes an HMAC-SHA256 under
WERKROUTE_DIGID_HASH_KEY, and that lookup key is the account's username. The same BSN gives the
same account at every login; without the key, no BSN can be tried against the usernames. New
accounts are plain job-seeker accounts: no roles, no password.

Switched on with WERKROUTE_DIGID_OIDC_ENABLED; see docs/operations.md, "Inloggen met DigiD (OIDC)".
"""

import hashlib
import hmac
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.db.models import QuerySet
from django.http import HttpRequest

from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from stdnum.exceptions import ValidationError as InvalidNumber
from stdnum.nl import bsn as bsn_number

from werkroute.accounts import services
from werkroute.accounts.models import User

LOOKUP_PREFIX = "digid-"

# Two brokers share mozilla-django-oidc: DigiD through its stock views, eHerkenning through
# subclasses (eherkenning.py). A callback view marks its request with its broker, and each
# backend handles only its own broker's callbacks, so a code is never sent to the wrong broker.
DIGID = "digid"
EHERKENNING = "eherkenning"
BROKER_ATTRIBUTE = "werkroute_oidc_broker"


def mark_broker(request: HttpRequest, broker: str) -> None:
    setattr(request, BROKER_ATTRIBUTE, broker)


def broker_of(request: HttpRequest) -> str:
    """The broker whose callback this request is; unmarked requests come from the stock views,
    which serve DigiD."""
    return getattr(request, BROKER_ATTRIBUTE, DIGID)


def bsn_from_claims(claims: dict[str, Any]) -> str | None:
    """The BSN in the configured claim, as nine digits, if it is a valid one (elfproef)."""
    value = claims.get(settings.WERKROUTE_DIGID_BSN_CLAIM)
    if not isinstance(value, str | int) or isinstance(value, bool):
        return None
    try:
        return bsn_number.validate(str(value))
    except InvalidNumber:
        return None


def digid_lookup_key(bsn: str) -> str:
    """The username of the account that belongs to this BSN: a keyed hash, not the number."""
    key = settings.WERKROUTE_DIGID_HASH_KEY
    if not key:
        raise ImproperlyConfigured("WERKROUTE_DIGID_HASH_KEY must be set for DigiD logins")
    digest = hmac.new(key.encode(), bsn.encode(), hashlib.sha256).hexdigest()
    return LOOKUP_PREFIX + digest


class DigiDBackend(OIDCAuthenticationBackend):
    """Finds or creates the resident's account from the BSN claim; never logs the claims."""

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        if request is None or broker_of(request) != DIGID:
            return None
        return super().authenticate(request, **kwargs)

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bsn_from_claims(claims) is not None

    def describe_user_by_claims(self, claims: dict[str, Any]) -> str:
        return "a DigiD user"  # the parent would name an e-mail address in the log

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        bsn = bsn_from_claims(claims)
        if bsn is None:
            return User.objects.none()
        return User.objects.filter(username=digid_lookup_key(bsn))

    def get_username(self, claims: dict[str, Any]) -> str:
        bsn = bsn_from_claims(claims)
        if bsn is None:
            raise SuspiciousOperation("DigiD claims without a valid BSN")
        return digid_lookup_key(bsn)

    def create_user(self, claims: dict[str, Any]) -> User:
        return services.register_digid_user(lookup_key=self.get_username(claims))
