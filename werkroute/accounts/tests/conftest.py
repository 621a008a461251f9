"""Fixtures of the login tests: a stand-in OpenID Connect broker on a local port."""

from collections.abc import Iterator

import pytest

from werkroute.accounts.tests.oidc_broker import FakeBroker, running_broker


@pytest.fixture
def oidc_broker(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeBroker]:
    """The broker our backends talk to over HTTP; never through a proxy of the machine."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    with running_broker() as broker:
        yield broker
