"""Settings for the test suite: fast hashing, no real mail, the database from DATABASE_URL."""

from werkroute.conf.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tiles are never fetched in tests: the map must work without them.
MAP_TILE_URL = ""

# Tests change data and read matches in the same second: always compare the data version.
MATCHING_RECHECK_SECONDS = 0
