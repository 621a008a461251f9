"""Production: PostgreSQL, secrets and hosts from the environment, secure cookies."""

from django.core.exceptions import ImproperlyConfigured

from werkroute.conf.base import *  # noqa: F403
from werkroute.conf.environ import env_bool, env_int

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in production")

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
