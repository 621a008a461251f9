"""Local development and the demo: the embedded SQLite default, no services needed."""

from werkroute.conf.base import *  # noqa: F403
from werkroute.conf.environ import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret-werkroute")
ALLOWED_HOSTS = ["*"]
