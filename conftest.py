"""Test set-up shared by every app: browser launch flags and shared-data discovery."""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run in
# such a thread unless told that this is intended (only the tests do this).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PROJECT_ROOT = Path(__file__).resolve().parent
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": CHROMIUM_FLAGS,
    }


@pytest.fixture(autouse=True)
def _default_language():  # type: ignore[no-untyped-def]
    """Every test starts in the default language (Dutch): a request through the test client
    leaves the language it chose active in the thread for the next test."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _empty_append_only_logs_after_transactional_tests(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Transactional tests (live_server) end with a flush; SQLite flushes with DELETE, which the
    audit logs' append-only triggers refuse. Lift them, empty the logs, put them back."""
    if not {"transactional_db", "live_server"} & set(request.fixturenames):
        yield
        return
    request.getfixturevalue("transactional_db")
    yield
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    from werkroute.core.audit.models import (
        APPEND_ONLY_TABLES,
        append_only_trigger_sql,
        drop_append_only_trigger_sql,
    )

    with connection.cursor() as cursor:
        for sql in drop_append_only_trigger_sql(connection.vendor):
            cursor.execute(sql)
        for table in APPEND_ONLY_TABLES:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 -- table names from code
        for sql in append_only_trigger_sql(connection.vendor):
            cursor.execute(sql)


@pytest.fixture
def shared_data() -> Path:
    """The reference data beside the project; tests that need it skip, saying why, without it."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"reference data not found at {SHARED_DATA} (a clone without ../shared)")
    return SHARED_DATA
