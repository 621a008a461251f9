"""Staff finish their login with a second factor before they reach anything behind the login.

Runs after django-otp's OTPMiddleware, which tells whether this session was verified with a
device. A signed-in staff member who has not verified yet is sent to the code page (which sends
someone without an app on to set one up). Open are: the public route map and service pages
(namespaces in OPEN_NAMESPACES), the login, second-factor and logout pages, the language switch
and the DigiD and eHerkenning logins. Every other page counts as login-required, so new areas
are closed to unverified staff without anyone having to remember it. Static files never reach this middleware.
Job seekers and visitors pass untouched.
"""

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import ResolverMatch, reverse

from werkroute.accounts.queries import is_verified
from werkroute.accounts.services import needs_second_factor

OPEN_NAMESPACES = frozenset({"catalogue", "core"})
OPEN_VIEWS = frozenset(
    {
        "accounts:login",
        "accounts:logout",
        "accounts:otp_enrol",
        "accounts:otp_verify",
        "set_language",
        "oidc_authentication_init",
        "oidc_authentication_callback",
        "oidc_logout",
        "accounts:eherkenning_init",
        "accounts:eherkenning_callback",
    }
)


def is_open(match: ResolverMatch | None) -> bool:
    if match is None:
        return True
    if match.namespaces and match.namespaces[0] in OPEN_NAMESPACES:
        return True
    return match.view_name in OPEN_VIEWS


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable, view_args: tuple, view_kwargs: dict
    ) -> HttpResponse | None:
        if not settings.WERKROUTE_REQUIRE_STAFF_2FA or is_open(request.resolver_match):
            return None
        user = request.user
        if not user.is_authenticated or is_verified(user) or not needs_second_factor(user):
            return None
        next_url = request.get_full_path() if request.method == "GET" else request.path
        query = urlencode({"next": next_url})
        return HttpResponseRedirect(f"{reverse('accounts:otp_verify')}?{query}")
