"""How long this process trusts what it read: the cached arrays, look-up tables and course lists.

Comparing data versions costs aggregate queries (160 ms at 100,000 offerings on SQLite), so each
kind of cached data is re-checked at most once per MATCHING_RECHECK_SECONDS. Changes made through
the services call ``forget_checks`` (see hooks.py) and show at once; others within those seconds.
The test settings set 0: every call checks.
"""

from __future__ import annotations

import time

from django.conf import settings

_checked_at: dict[str, float] = {}


def recently_checked(kind: str) -> bool:
    last = _checked_at.get(kind)
    return last is not None and time.monotonic() - last < settings.MATCHING_RECHECK_SECONDS


def note_checked(kind: str) -> None:
    _checked_at[kind] = time.monotonic()


def forget_checks() -> None:
    _checked_at.clear()
