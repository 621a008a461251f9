"""Settings shared by every environment. Values come from the environment (see docs/operations.md)."""

from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF

from werkroute.conf.environ import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parents[2]
PACKAGE_DIR = BASE_DIR / "werkroute"
VAR_DIR = Path(env_str("WERKROUTE_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "werkroute.core",
    "werkroute.subsidies",
    "werkroute.accounts",
    "werkroute.taxonomy",
    "werkroute.catalogue",
    "werkroute.jobseekers",
    "werkroute.matching",
    "werkroute.casework",
    "werkroute.employers",
    "werkroute.outreach",
    "werkroute.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "werkroute.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a lockout into our own "try again later" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "werkroute.urls"
WSGI_APPLICATION = "werkroute.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "werkroute.core.context_processors.branding",
            ],
        },
    },
]

DEFAULT_SQLITE_URL = f"sqlite:///{VAR_DIR / 'werkroute.sqlite3'}"
if not env_str("DATABASE_URL", ""):
    # The embedded default needs its folder; a fresh clone has none (var/ is not in git).
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", DEFAULT_SQLITE_URL), conn_max_age=env_int("DB_CONN_MAX_AGE", 60)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the route map read while an import writes; the busy timeout absorbs short locks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # The route map's short queries still cross PostgreSQL's JIT cost thresholds; compiling
    # them cost 0.7-0.8 s per distance search (bench/README.md). Plain execution is faster.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "catalogue:search"

# django-axes first: it refuses a locked-out username+address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Map tiles come from an operator-chosen tile server; the route map stays usable without them.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "&copy; OpenStreetMap-bijdragers")


def _tile_origin(url: str) -> str:
    if not url.startswith("http"):
        return ""
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{rest.split('/', 1)[0].replace('{s}.', '*.')}"


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *filter(None, [_tile_origin(MAP_TILE_URL)])],
        "connect-src": [SELF],
        "font-src": [SELF],
        "manifest-src": [SELF],
        "worker-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Offerings not checked for this many days show their age, rank lower and trigger a reminder.
CATALOGUE_STALE_AFTER_DAYS = env_int("CATALOGUE_STALE_AFTER_DAYS", 180)
CATALOGUE_MAX_RADIUS_KM = 250
CATALOGUE_PAGE_SIZE = 20

# Key for personal identifiers (BSN) kept encrypted: 32 random bytes, base64. Losing it makes
# stored identifiers unreadable; changing it breaks look-ups by BSN (see docs/operations.md).
WERKROUTE_DATA_KEY = env_str("WERKROUTE_DATA_KEY", "")

# Files are kept this many years after the benefit ends, then anonymised (Participatiewet: 10).
WERKROUTE_RETENTION_YEARS = env_int("WERKROUTE_RETENTION_YEARS", 10)

# Where the product is reached, for links in e-mails sent outside a request.
WERKROUTE_BASE_URL = env_str("WERKROUTE_BASE_URL", "http://127.0.0.1:8000")
# Links typed without a scheme are taken as https (Django 6 default).
FORMS_URLFIELD_ASSUME_HTTPS = True

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@werkroute.example")

# --- Logging in: two-factor for staff, throttling, DigiD --------------------------------------
# Everyone who works with residents' records (municipal roles other than job seeker, staff of
# partner organisations and employers, Django admin users) confirms each login with a code from
# an authenticator app (TOTP) or a one-time backup code. Job seekers are not asked.
WERKROUTE_REQUIRE_STAFF_2FA = env_bool("WERKROUTE_REQUIRE_STAFF_2FA", True)
OTP_TOTP_ISSUER = env_str("WERKROUTE_OTP_ISSUER", "Werkroute")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# django-axes: 5 wrong passwords for one username from one address lock that pair for 15 minutes.
# It keeps only what a lockout needs: no log of successful logins, no failure history, and the
# username and address are masked in its log lines and stored request data.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "werkroute.accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "werkroute.accounts.throttling.client_ip"
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "csrfmiddlewaretoken", "next"]
# Behind a reverse proxy: how many proxies in front of Django append to X-Forwarded-For.
# 0 trusts no header and uses the connection's address.
WERKROUTE_TRUSTED_PROXY_COUNT = env_int("WERKROUTE_TRUSTED_PROXY_COUNT", 0)

# DigiD for residents through an OpenID Connect broker (off by default; see docs/operations.md).
WERKROUTE_DIGID_OIDC_ENABLED = env_bool("WERKROUTE_DIGID_OIDC_ENABLED", False)
WERKROUTE_DIGID_BSN_CLAIM = env_str("WERKROUTE_DIGID_BSN_CLAIM", "bsn")
# Key of the HMAC that turns a BSN into the account's lookup key; the BSN itself is never stored.
WERKROUTE_DIGID_HASH_KEY = env_str("WERKROUTE_DIGID_HASH_KEY", "")
OIDC_RP_CLIENT_ID = env_str("WERKROUTE_DIGID_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_str("WERKROUTE_DIGID_OIDC_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("WERKROUTE_DIGID_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env_str("WERKROUTE_DIGID_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env_str("WERKROUTE_DIGID_OIDC_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env_str("WERKROUTE_DIGID_OIDC_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = env_str("WERKROUTE_DIGID_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env_str("WERKROUTE_DIGID_OIDC_SCOPES", "openid bsn")
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = False  # the ID token carries the BSN: never keep it in the session
OIDC_STORE_ACCESS_TOKEN = False
LOGIN_REDIRECT_URL_FAILURE = "/account/inloggen/?digid=mislukt"
if WERKROUTE_DIGID_OIDC_ENABLED:
    _digid_required = {
        "WERKROUTE_DIGID_HASH_KEY": WERKROUTE_DIGID_HASH_KEY,
        "WERKROUTE_DIGID_OIDC_CLIENT_ID": OIDC_RP_CLIENT_ID,
        "WERKROUTE_DIGID_OIDC_CLIENT_SECRET": OIDC_RP_CLIENT_SECRET,
        "WERKROUTE_DIGID_OIDC_AUTHORIZATION_ENDPOINT": OIDC_OP_AUTHORIZATION_ENDPOINT,
        "WERKROUTE_DIGID_OIDC_TOKEN_ENDPOINT": OIDC_OP_TOKEN_ENDPOINT,
        "WERKROUTE_DIGID_OIDC_USER_ENDPOINT": OIDC_OP_USER_ENDPOINT,
    }
    if OIDC_RP_SIGN_ALGO.startswith(("RS", "ES")):  # signed with the broker's public key
        _digid_required["WERKROUTE_DIGID_OIDC_JWKS_ENDPOINT"] = OIDC_OP_JWKS_ENDPOINT
    _missing = [name for name, value in _digid_required.items() if not value]
    if _missing:
        raise ImproperlyConfigured(
            "WERKROUTE_DIGID_OIDC_ENABLED is on, but these are not set: " + ", ".join(_missing)
        )
    if len(WERKROUTE_DIGID_HASH_KEY) < 32:
        raise ImproperlyConfigured("WERKROUTE_DIGID_HASH_KEY must be at least 32 characters")
    AUTHENTICATION_BACKENDS.append("werkroute.accounts.oidc.DigiDBackend")

# eHerkenning for employer staff through its own OpenID Connect broker (off by default; see
# docs/operations.md). mozilla-django-oidc's OIDC_* settings above belong to DigiD; the
# eHerkenning backend and views read these instead (werkroute/accounts/eherkenning.py).
WERKROUTE_EHERKENNING_OIDC_ENABLED = env_bool("WERKROUTE_EHERKENNING_OIDC_ENABLED", False)
WERKROUTE_EHERKENNING_OIDC_CLIENT_ID = env_str("WERKROUTE_EHERKENNING_OIDC_CLIENT_ID", "")
WERKROUTE_EHERKENNING_OIDC_CLIENT_SECRET = env_str("WERKROUTE_EHERKENNING_OIDC_CLIENT_SECRET", "")
WERKROUTE_EHERKENNING_OIDC_AUTHORIZATION_ENDPOINT = env_str(
    "WERKROUTE_EHERKENNING_OIDC_AUTHORIZATION_ENDPOINT", ""
)
WERKROUTE_EHERKENNING_OIDC_TOKEN_ENDPOINT = env_str("WERKROUTE_EHERKENNING_OIDC_TOKEN_ENDPOINT", "")
# Empty: the claims are read from the (verified) ID token only.
WERKROUTE_EHERKENNING_OIDC_USER_ENDPOINT = env_str("WERKROUTE_EHERKENNING_OIDC_USER_ENDPOINT", "")
WERKROUTE_EHERKENNING_OIDC_JWKS_ENDPOINT = env_str("WERKROUTE_EHERKENNING_OIDC_JWKS_ENDPOINT", "")
WERKROUTE_EHERKENNING_OIDC_SIGN_ALGO = env_str("WERKROUTE_EHERKENNING_OIDC_SIGN_ALGO", "RS256")
WERKROUTE_EHERKENNING_OIDC_SCOPES = env_str("WERKROUTE_EHERKENNING_OIDC_SCOPES", "openid")
# The claim with the organisation's KvK number, and the one that identifies the person (a
# pseudonym: the same person for the same organisation gives the same value at every login).
WERKROUTE_EHERKENNING_KVK_CLAIM = env_str(
    "WERKROUTE_EHERKENNING_KVK_CLAIM", "urn:etoegang:1.9:EntityConcernedID:KvKnr"
)
WERKROUTE_EHERKENNING_PERSON_CLAIM = env_str(
    "WERKROUTE_EHERKENNING_PERSON_CLAIM", "urn:etoegang:core:ActingSubjectID"
)
if WERKROUTE_EHERKENNING_OIDC_ENABLED:
    _eherkenning_required = {
        name: globals()[name]
        for name in (
            "WERKROUTE_EHERKENNING_OIDC_CLIENT_ID",
            "WERKROUTE_EHERKENNING_OIDC_CLIENT_SECRET",
            "WERKROUTE_EHERKENNING_OIDC_AUTHORIZATION_ENDPOINT",
            "WERKROUTE_EHERKENNING_OIDC_TOKEN_ENDPOINT",
            "WERKROUTE_EHERKENNING_KVK_CLAIM",
            "WERKROUTE_EHERKENNING_PERSON_CLAIM",
        )
    }
    if WERKROUTE_EHERKENNING_OIDC_SIGN_ALGO.startswith(("RS", "ES")):
        _eherkenning_required["WERKROUTE_EHERKENNING_OIDC_JWKS_ENDPOINT"] = (
            WERKROUTE_EHERKENNING_OIDC_JWKS_ENDPOINT
        )
    _missing = [name for name, value in _eherkenning_required.items() if not value]
    if _missing:
        raise ImproperlyConfigured(
            "WERKROUTE_EHERKENNING_OIDC_ENABLED is on, but these are not set: "
            + ", ".join(_missing)
        )
    AUTHENTICATION_BACKENDS.append("werkroute.accounts.eherkenning.EHerkenningBackend")

# Background work. With REDIS_URL set, Celery workers on Redis run the tasks (several machines may
# share a matching run); without it every task runs in the calling process, at once.
REDIS_URL = env_str("REDIS_URL", "")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TIMEZONE = TIME_ZONE
# The scheduled jobs (werkroute/scheduled.py) and when `celery -A werkroute.celery beat` starts
# them, in Dutch time. Without REDIS_URL there is no beat: cron runs the same jobs as commands
# (docs/operations.md, "Scheduled jobs").
CELERY_IMPORTS = ["werkroute.scheduled"]
CELERY_BEAT_SCHEDULE = {
    "send-appointment-reminders": {
        "task": "scheduled.send_appointment_reminders",
        "schedule": crontab(minute=5),
    },
    "match": {"task": "scheduled.match", "schedule": crontab(minute=0, hour=1)},
    "apply-retention": {
        "task": "scheduled.apply_retention",
        "schedule": crontab(minute=0, hour=2, day_of_month=1),
    },
    "verify-audit-chain": {
        "task": "scheduled.verify_audit_chain",
        "schedule": crontab(minute=30, hour=3),
    },
    "plan-follow-up-checks": {
        "task": "scheduled.plan_follow_up_checks",
        "schedule": crontab(minute=0, hour=6),
    },
    "flag-overdue-referrals": {
        "task": "scheduled.flag_overdue_referrals",
        "schedule": crontab(minute=15, hour=6),
    },
    "send-saved-search-alerts": {
        "task": "scheduled.send_saved_search_alerts",
        "schedule": crontab(minute=0, hour=7),
    },
    "remind-stale-offerings": {
        "task": "scheduled.remind_stale_offerings",
        "schedule": crontab(minute=0, hour=8, day_of_week="mon"),
    },
    "send-campaign-invitations": {
        "task": "scheduled.send_campaign_invitations",
        "schedule": crontab(minute=0, hour=9),
    },
}
# Matching: people per shard of a full run, and the best offerings kept per person.
MATCHING_SHARD_SIZE = env_int("MATCHING_SHARD_SIZE", 10_000)
MATCHING_TOP_K = env_int("MATCHING_TOP_K", 10)
# A person's list shows at most this many offerings of one employer while others fit (0: no limit).
MATCHING_MAX_PER_EMPLOYER = env_int("MATCHING_MAX_PER_EMPLOYER", 2)
# How long a process trusts its cached matching arrays before it compares the data version again.
MATCHING_RECHECK_SECONDS = env_int("MATCHING_RECHECK_SECONDS", 10)
# Referrals to partners: working days to accept, and to answer, before a referral counts as late.
WERKROUTE_REFERRAL_ACCEPT_DAYS = env_int("WERKROUTE_REFERRAL_ACCEPT_DAYS", 5)
WERKROUTE_REFERRAL_ANSWER_DAYS = env_int("WERKROUTE_REFERRAL_ANSWER_DAYS", 20)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request logs would carry query strings (postcodes, search text): keep them out.
        "django.server": {"level": "WARNING"},
    },
}
