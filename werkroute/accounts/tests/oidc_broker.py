"""A stand-in OpenID Connect broker (DigiD or eHerkenning) on a real local HTTP port.

Only the external broker is faked: our views and backends run unchanged and talk to it over HTTP
with `requests`, as they would to the real one. The broker signs ID tokens with its own RSA key
(RS256), publishes the public half at /jwks, answers /userinfo for the access tokens it gave out,
and checks at /token what a real one checks: the client, the code, the redirect address and the
PKCE verifier. `log_in_through` walks a test client through the whole login.
"""

import base64
import hashlib
import json
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from django.http import HttpResponse
from django.test import Client

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

KID = "test-broker-key"


@dataclass
class Grant:
    """What the broker remembers between the authorisation and the token request."""

    client_id: str
    redirect_uri: str
    nonce: str
    code_challenge: str
    claims: dict[str, Any]


@dataclass
class FakeBroker:
    url: str
    private_key: rsa.RSAPrivateKey
    grants: dict[str, Grant] = field(default_factory=dict)
    tokens: dict[str, dict[str, Any]] = field(default_factory=dict)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    userinfo_requests: int = 0
    id_token_claims_only: bool = False  # True: /userinfo answers an empty object

    def endpoint(self, name: str) -> str:
        return f"{self.url}/{name}"

    def authorise(self, authorize_url: str, claims: dict[str, Any]) -> str:
        """The person logs in at the broker: the address it sends the browser back to."""
        query = {k: v[0] for k, v in parse_qs(urlsplit(authorize_url).query).items()}
        assert query["response_type"] == "code" and query["code_challenge_method"] == "S256"
        code = secrets.token_urlsafe(16)
        self.grants[code] = Grant(
            client_id=query["client_id"],
            redirect_uri=query["redirect_uri"],
            nonce=query["nonce"],
            code_challenge=query["code_challenge"],
            claims=claims,
        )
        return f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"

    def id_token(self, grant: Grant, **extra: Any) -> str:
        claims = {"iss": self.url, "aud": grant.client_id, "nonce": grant.nonce, **extra}
        return jwt.encode(claims, self.private_key, algorithm="RS256", headers={"kid": KID})

    def jwks(self) -> dict[str, Any]:
        key = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.private_key.public_key()))
        return {"keys": [{**key, "kid": KID, "alg": "RS256", "use": "sig"}]}

    def exchange(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        self.token_requests.append(form)
        grant = self.grants.pop(form.get("code", ""), None)
        if grant is None or form.get("client_id") != grant.client_id:
            return 400, {"error": "invalid_grant"}
        if form.get("redirect_uri") != grant.redirect_uri:
            return 400, {"error": "invalid_grant"}
        verifier = form.get("code_verifier", "").encode()
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=")
        if challenge.decode() != grant.code_challenge:
            return 400, {"error": "invalid_grant"}
        access_token = secrets.token_urlsafe(16)
        self.tokens[access_token] = grant.claims
        id_claims = grant.claims if self.id_token_claims_only else {"sub": "pairwise"}
        body = {
            "access_token": access_token,
            "token_type": "Bearer",
            "id_token": self.id_token(grant, **id_claims),
        }
        return 200, body


def _handler(broker: FakeBroker) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
            length = int(self.headers.get("Content-Length", 0))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            if self.path == "/token":
                self._answer(*broker.exchange(form))
            else:
                self._answer(404, {})

        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/jwks":
                self._answer(200, broker.jwks())
            elif self.path == "/userinfo":
                broker.userinfo_requests += 1
                token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                if token not in broker.tokens:
                    self._answer(401, {})
                else:
                    self._answer(200, {} if broker.id_token_claims_only else broker.tokens[token])
            else:
                self._answer(404, {})

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass  # keep test output clean

    return Handler


@contextmanager
def running_broker() -> Iterator[FakeBroker]:
    """A broker on a free local port for the length of the block."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    broker = FakeBroker(url="", private_key=key)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(broker))
    broker.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield broker
    finally:
        server.shutdown()
        server.server_close()


def log_in_through(
    client: Client, broker: FakeBroker, start_url: str, claims: dict[str, Any]
) -> HttpResponse:
    """Start the login at `start_url`, log in at the broker with `claims`, and return our
    callback's response."""
    start = client.get(start_url)
    assert start.status_code == 302, start.status_code
    callback = broker.authorise(start["Location"], claims)
    parts = urlsplit(callback)
    return client.get(parts.path, parse_qs(parts.query))
