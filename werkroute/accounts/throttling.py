"""The visitor's address for login throttling (django-axes calls `client_ip`).

Behind reverse proxies the connection comes from the nearest proxy, so every visitor would share
one address and one lockout. Each trusted proxy appends the address it received the request from
to X-Forwarded-For; with N trusted proxies the visitor's address is the N-th entry from the right.
Entries further left come from the visitor and are not trusted.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.WERKROUTE_TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    return _valid_ip(forwarded[-proxies]) or remote
