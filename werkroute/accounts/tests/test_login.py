"""Logging in: the second factor for staff, throttling of wrong passwords, DigiD for residents."""

import datetime as dt
from io import StringIO
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from django.contrib.auth import SESSION_KEY
from django.core.management import CommandError, call_command
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

import pytest
from axes.models import AccessAttempt, AccessLog
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from werkroute.accounts.constants import Role
from werkroute.accounts.models import User
from werkroute.accounts.oidc import DigiDBackend, digid_lookup_key
from werkroute.accounts.tests.helpers import verified_client
from werkroute.accounts.tests.oidc_broker import FakeBroker, log_in_through
from werkroute.accounts.throttling import client_ip
from werkroute.accounts.urls import digid_urlpatterns
from werkroute.catalogue.tests.factories import (
    DEFAULT_PASSWORD,
    MembershipFactory,
    MunicipalityFactory,
    RegionFactory,
    UserFactory,
    make_functional_admin,
    make_partner,
)
from werkroute.conf import base as base_settings
from werkroute.core.models import Region
from werkroute.urls import urlpatterns as project_urlpatterns

pytestmark = pytest.mark.django_db

# The project's URLs with DigiD switched on, for the tests that need them (see `digid_on`).
urlpatterns = [*project_urlpatterns, *digid_urlpatterns(True)]

LOGIN = "/account/inloggen/"
ENROL = "/account/inloggen/app-instellen/"
VERIFY = "/account/inloggen/code/"
STAFF_PAGES = ("/partner/", "/beheer/", "/django-admin/")
LOCKED = "Te vaak een verkeerd wachtwoord. Probeer het over 15 minuten opnieuw."
WRONG_CODE = "Deze code klopt niet. Kijk in de app en vul de code in die u nu ziet."
TOO_SOON = "U heeft te vaak een verkeerde code ingevuld. Wacht even en probeer het dan opnieuw."
BAD_PASSWORD = "Deze combinatie van gebruikersnaam en wachtwoord kennen we niet."
HASH_KEY = "test-only-digid-hash-key-0123456789abcdef"
BSN = "111222333"  # passes the elfproef; a test number


@pytest.fixture
def region() -> Region:
    return RegionFactory()


@pytest.fixture
def staff(region: Region) -> User:
    return make_functional_admin(region, username="fb.devries")


def log_in(client: Client, username: str, password: str = DEFAULT_PASSWORD) -> HttpResponse:
    return client.post(LOGIN, {"username": username, "password": password})


def app_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the user's app shows (or will show `steps_ahead` periods from now)."""
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{value:0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    accepted = {app_code(device, step) for step in (-1, 0, 1)}
    return next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in accepted)


def let_time_pass(user: User) -> None:
    """Throttling after a wrong code asks for a short wait; pretend it has passed."""
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user).update(
            throttling_failure_timestamp=timezone.now() - dt.timedelta(minutes=5)
        )


def is_verified_session(client: Client) -> bool:
    return DEVICE_ID_SESSION_KEY in client.session


def enrol(client: Client, user: User) -> TOTPDevice:
    """Log in with the password and set up the app, as a new colleague does."""
    log_in(client, user.username)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(ENROL, {"code": app_code(device)})
    assert response.status_code == 302
    return device


def log_out(client: Client) -> None:
    client.post(reverse("accounts:logout"))


# --- Passwords -------------------------------------------------------------------------------


def test_passwords_are_hashed_with_argon2() -> None:
    assert base_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


# --- The first login of a staff member: setting up the app -----------------------------------


def test_staff_without_an_app_is_sent_to_set_one_up(staff: User) -> None:
    client = Client()

    response = log_in(client, staff.username)

    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == ENROL
    assert parse_qs(target.query)["next"] == [reverse("accounts:home")]
    assert client.session[SESSION_KEY] == str(staff.pk)
    assert not is_verified_session(client)


def test_unverified_staff_cannot_open_staff_pages_but_public_ones(staff: User) -> None:
    client = Client()
    log_in(client, staff.username)

    for url in STAFF_PAGES:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{VERIFY}?{urlencode({'next': url})}", url
    # Without an app, the code page leads on to setting one up.
    assert client.get(VERIFY)["Location"].startswith(ENROL)
    assert client.get("/").status_code == 200
    assert client.get(reverse("core:about")).status_code == 200


def test_unverified_django_admin_user_cannot_open_the_admin() -> None:
    User.objects.create_superuser(username="techbeheer", password=DEFAULT_PASSWORD)
    client = Client()

    assert log_in(client, "techbeheer")["Location"].startswith(ENROL)
    response = client.get("/django-admin/auth/group/")

    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_the_set_up_page_shows_qr_code_secret_and_ten_backup_codes(staff: User) -> None:
    client = Client()
    log_in(client, staff.username)

    response = client.get(ENROL)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert '<svg width="' in html and "<title>QR-code voor uw app</title>" in html
    secret = response.context["secret"]
    assert all(len(group) == 4 for group in secret.split())
    assert secret.replace(" ", "") in device.config_url
    codes = StaticToken.objects.filter(device__user=staff).values_list("token", flat=True)
    assert len(codes) == 10
    for code in codes:
        assert f"{code[:5]} {code[5:]}" in html
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html
    # A reload shows the same secret and codes: a QR code scanned earlier keeps working.
    again = client.get(ENROL)
    assert again.context["secret"] == secret
    assert TOTPDevice.objects.filter(user=staff).count() == 1


def test_a_wrong_first_code_is_refused_and_the_right_one_verifies(staff: User) -> None:
    client = Client()
    log_in(client, staff.username)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=staff)

    wrong = client.post(ENROL, {"code": wrong_code(device)})
    assert wrong.status_code == 200
    assert WRONG_CODE in wrong.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    assert not is_verified_session(client)

    too_soon = client.post(ENROL, {"code": app_code(device)})
    assert TOO_SOON in too_soon.content.decode()

    let_time_pass(staff)
    right = client.post(ENROL, {"code": app_code(device), "next": "/beheer/"})
    assert right.status_code == 302
    assert right["Location"] == "/beheer/"
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert StaticDevice.objects.get(user=staff).confirmed
    assert is_verified_session(client)
    for url in ("/beheer/", "/partner/"):
        assert client.get(url).status_code in (200, 404), url  # reached, not redirected


def test_a_code_in_the_wrong_format_gets_a_dutch_message(staff: User) -> None:
    client = Client()
    log_in(client, staff.username)

    response = client.post(ENROL, {"code": "12ab"})

    assert "Vul de code van 6 cijfers in die de app nu laat zien." in response.content.decode()


# --- Later logins: the code page ---------------------------------------------------------------


def test_the_next_login_asks_for_the_code(staff: User) -> None:
    client = Client()
    device = enrol(client, staff)
    log_out(client)

    response = log_in(client, staff.username)
    assert response["Location"] == f"{VERIFY}?{urlencode({'next': reverse('accounts:home')})}"
    assert not is_verified_session(client)
    assert client.get("/beheer/")["Location"].startswith(VERIFY)
    assert client.get(ENROL)["Location"].startswith(VERIFY)  # no second app without a code

    page = client.get(VERIFY)
    assert 'autocomplete="one-time-code"' in page.content.decode()
    wrong = client.post(VERIFY, {"code": wrong_code(device)})
    assert WRONG_CODE in wrong.content.decode()

    let_time_pass(staff)
    device.refresh_from_db()
    right = client.post(VERIFY, {"code": app_code(device, steps_ahead=1), "next": "/beheer/"})
    assert right["Location"] == "/beheer/"
    assert is_verified_session(client)
    assert client.get("/beheer/").status_code == 200


def test_a_backup_code_works_once(staff: User) -> None:
    client = Client()
    enrol(client, staff)
    log_out(client)
    code = StaticToken.objects.filter(device__user=staff).order_by("token").first().token

    log_in(client, staff.username)
    used = client.post(VERIFY, {"code": f"{code[:5]} {code[5:]}"}, follow=True)
    assert is_verified_session(client)
    assert "U heeft een reservecode gebruikt. U heeft er nog 9." in used.content.decode()
    log_out(client)

    log_in(client, staff.username)
    again = client.post(VERIFY, {"code": code})
    assert again.status_code == 200
    assert "Deze reservecode klopt niet of is al gebruikt." in again.content.decode()
    assert not is_verified_session(client)


def test_a_password_login_ends_an_earlier_verification(staff: User) -> None:
    client = verified_client(staff)
    assert client.get("/beheer/").status_code == 200
    log_out(client)

    log_in(client, staff.username)

    assert not is_verified_session(client)
    assert client.get("/beheer/")["Location"].startswith(VERIFY)


def test_next_may_not_lead_to_another_site(staff: User) -> None:
    client = Client()
    log_in(client, staff.username)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=staff)

    response = client.post(ENROL, {"code": app_code(device), "next": "https://evil.example/"})

    assert response["Location"] == reverse("accounts:home")


# --- Who is asked ------------------------------------------------------------------------------


def test_partner_staff_are_asked_too() -> None:
    partner = make_partner(username="partner.jansen")
    client = Client()

    assert log_in(client, partner.username)["Location"].startswith(ENROL)
    assert client.get("/partner/")["Location"].startswith(VERIFY)


@pytest.mark.parametrize("with_job_seeker_role", [False, True])
def test_users_without_a_staff_role_are_not_asked(
    region: Region, with_job_seeker_role: bool
) -> None:
    user = UserFactory(username="inwoner")
    if with_job_seeker_role:
        MembershipFactory(user=user, role=Role.JOB_SEEKER, region=region)
    client = Client()

    response = log_in(client, user.username)

    assert response["Location"] == reverse("accounts:home")
    assert client.get(reverse("accounts:home")).status_code == 200
    assert client.get(VERIFY)["Location"] == reverse("accounts:home")
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_the_requirement_can_be_switched_off(staff: User, settings: Any) -> None:
    settings.WERKROUTE_REQUIRE_STAFF_2FA = False
    client = Client()

    assert log_in(client, staff.username)["Location"] == reverse("accounts:home")
    assert client.get("/beheer/").status_code == 200


def test_the_requirement_is_on_by_default() -> None:
    assert base_settings.WERKROUTE_REQUIRE_STAFF_2FA is True


# --- Throttling of wrong passwords ---------------------------------------------------------


def test_five_wrong_passwords_lock_that_username_from_that_address(staff: User) -> None:
    client = Client()
    for attempt in range(1, 5):
        response = log_in(client, staff.username, "verkeerd-wachtwoord")
        assert response.status_code == 200, attempt
        assert BAD_PASSWORD in response.content.decode(), attempt

    fifth = log_in(client, staff.username, "verkeerd-wachtwoord")
    assert fifth.status_code == 429
    assert LOCKED in fifth.content.decode()

    correct = log_in(client, staff.username)
    assert correct.status_code == 429
    assert LOCKED in correct.content.decode()
    assert SESSION_KEY not in client.session

    elsewhere = Client(REMOTE_ADDR="192.0.2.7")
    assert log_in(elsewhere, staff.username).status_code == 302


def test_a_successful_login_clears_earlier_failures(staff: User) -> None:
    client = Client()
    for _ in range(4):
        log_in(client, staff.username, "verkeerd-wachtwoord")
    assert log_in(client, staff.username).status_code == 302
    log_out(client)

    for _ in range(4):
        assert log_in(client, staff.username, "verkeerd-wachtwoord").status_code == 200


def test_the_lockout_keeps_no_login_history_and_masks_what_it_keeps(staff: User) -> None:
    client = Client()
    log_in(client, staff.username, "geheim-fout-wachtwoord")
    log_in(Client(REMOTE_ADDR="192.0.2.8"), staff.username)

    attempt = AccessAttempt.objects.get()
    assert "geheim-fout-wachtwoord" not in attempt.post_data
    assert staff.username not in attempt.post_data
    assert not AccessLog.objects.exists()


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),
        (2, "203.0.113.9, 10.0.0.5", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.1"),
        (1, "geen-adres", "10.0.0.1"),
    ],
)
def test_the_client_address_behind_trusted_proxies(
    settings: Any, proxies: int, forwarded: str, expected: str
) -> None:
    settings.WERKROUTE_TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected


# --- A colleague lost their phone ------------------------------------------------------------


def test_a_functional_administrator_resets_a_colleagues_second_factor(region: Region) -> None:
    municipality = MunicipalityFactory(region=region)
    admin = make_functional_admin(region, username="fb.admin")
    colleague = MembershipFactory(
        user=UserFactory(username="km.pietersen"), region=region, municipality=municipality
    ).user
    client = Client()
    enrol(client, colleague)
    assert client.get("/account/").status_code == 200
    out = StringIO()

    call_command("reset_2fa", "km.pietersen", "--by", "fb.admin", stdout=out)

    assert "km.pietersen" in out.getvalue() and "2 apparaat" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=colleague).exists()
    assert not StaticDevice.objects.filter(user=colleague).exists()
    # The open session is no longer verified; the next step is a new app.
    response = client.get("/account/")
    assert response["Location"].startswith(VERIFY)
    assert client.get(VERIFY)["Location"].startswith(ENROL)
    assert admin.pk != colleague.pk


def test_only_an_administrator_of_the_colleagues_region_may_reset(region: Region) -> None:
    MembershipFactory(user=UserFactory(username="km.pietersen"), region=region)
    make_functional_admin(RegionFactory(), username="fb.elders")
    verified_client(User.objects.get(username="km.pietersen"))

    with pytest.raises(CommandError, match="mag de tweestapsverificatie"):
        call_command("reset_2fa", "km.pietersen", "--by", "fb.elders", stdout=StringIO())
    with pytest.raises(CommandError, match="mag de tweestapsverificatie"):
        call_command("reset_2fa", "km.pietersen", "--by", "km.pietersen", stdout=StringIO())
    with pytest.raises(CommandError, match="geen gebruiker"):
        call_command("reset_2fa", "niemand", "--by", "fb.elders", stdout=StringIO())
    assert TOTPDevice.objects.filter(user__username="km.pietersen").exists()


# --- DigiD for residents ---------------------------------------------------------------------


@pytest.fixture
def digid_on(settings: Any) -> None:
    settings.WERKROUTE_DIGID_OIDC_ENABLED = True
    settings.WERKROUTE_DIGID_HASH_KEY = HASH_KEY
    settings.ROOT_URLCONF = __name__
    settings.OIDC_RP_CLIENT_ID = "werkroute-test"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://digid-broker.example/authorize"


def test_digid_is_off_by_default() -> None:
    assert base_settings.WERKROUTE_DIGID_OIDC_ENABLED is False
    with pytest.raises(NoReverseMatch):
        reverse("oidc_authentication_init")
    assert Client().get("/account/digid/authenticate/").status_code == 404
    assert "DigiD" not in Client().get(LOGIN).content.decode()


@pytest.mark.usefixtures("digid_on")
def test_with_digid_on_the_login_page_offers_it() -> None:
    html = Client().get(LOGIN).content.decode()

    assert "Inloggen met DigiD" in html
    assert 'href="/account/digid/authenticate/"' in html
    response = Client().get("/account/digid/authenticate/")
    assert response.status_code == 302
    assert response["Location"].startswith("https://digid-broker.example/authorize?")
    assert "client_id=werkroute-test" in response["Location"]
    assert "code_challenge=" in response["Location"]


@pytest.mark.usefixtures("digid_on")
def test_the_backend_makes_a_job_seeker_account_keyed_by_a_hash_of_the_bsn() -> None:
    backend = DigiDBackend()
    claims = {"bsn": BSN, "sub": "abc"}

    assert backend.verify_claims(claims)
    user = backend.create_user(claims)

    assert user.username == digid_lookup_key(BSN)
    assert user.username.startswith("digid-") and len(user.username) == len("digid-") + 64
    assert not user.has_usable_password()
    assert not user.memberships.exists() and not user.is_staff
    stored = User.objects.filter(pk=user.pk).values().get()
    assert not any(BSN in str(value) for value in stored.values())
    assert list(backend.filter_users_by_claims({"bsn": "1112.22.333"})) == [user]
    assert BSN not in backend.describe_user_by_claims(claims)


@pytest.mark.usefixtures("digid_on")
def test_the_lookup_key_depends_on_the_secret_key(settings: Any) -> None:
    first = digid_lookup_key(BSN)
    settings.WERKROUTE_DIGID_HASH_KEY = HASH_KEY[::-1]

    assert digid_lookup_key(BSN) != first


@pytest.mark.usefixtures("digid_on")
@pytest.mark.parametrize(
    "claims",
    [{}, {"bsn": ""}, {"bsn": "123456789"}, {"bsn": "11122233"}, {"bsn": True}, {"sub": BSN}],
)
def test_claims_without_a_valid_bsn_are_refused(claims: dict[str, Any]) -> None:
    backend = DigiDBackend()

    assert not backend.verify_claims(claims)
    assert not backend.filter_users_by_claims(claims).exists()


@pytest.mark.usefixtures("digid_on")
def test_the_bsn_claim_name_is_configurable(settings: Any) -> None:
    settings.WERKROUTE_DIGID_BSN_CLAIM = "urn:nl:bsn"
    backend = DigiDBackend()

    assert not backend.verify_claims({"bsn": BSN})
    user = backend.create_user({"urn:nl:bsn": int(BSN)})
    assert user.username == digid_lookup_key(BSN)


def test_the_digid_url_is_mounted_only_when_on() -> None:
    assert digid_urlpatterns(False) == []
    assert [str(p.pattern) for p in digid_urlpatterns(True)] == ["account/digid/"]


@pytest.mark.usefixtures("digid_on")
def test_a_digid_login_through_the_broker_makes_the_residents_account(
    settings: Any, oidc_broker: FakeBroker
) -> None:
    settings.OIDC_RP_CLIENT_SECRET = "digid-secret"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = oidc_broker.endpoint("authorize")
    settings.OIDC_OP_TOKEN_ENDPOINT = oidc_broker.endpoint("token")
    settings.OIDC_OP_USER_ENDPOINT = oidc_broker.endpoint("userinfo")
    settings.OIDC_OP_JWKS_ENDPOINT = oidc_broker.endpoint("jwks")
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "werkroute.accounts.oidc.DigiDBackend",
        "werkroute.accounts.eherkenning.EHerkenningBackend",  # must leave DigiD's callback alone
    ]
    client = Client()

    response = log_in_through(client, oidc_broker, "/account/digid/authenticate/", {"bsn": BSN})

    assert response.status_code == 302 and response["Location"] == reverse("accounts:home")
    user = User.objects.get(pk=client.session[SESSION_KEY])
    assert user.username == digid_lookup_key(BSN)
    assert [r["client_id"] for r in oidc_broker.token_requests] == ["werkroute-test"]
