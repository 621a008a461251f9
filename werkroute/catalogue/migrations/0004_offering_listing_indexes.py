# ruff: noqa: S608 -- statements built from names in this file, never from input
"""Narrow covering indexes for the route map's listings, and cheaper full-text ranking.

The offering table is wide (descriptions, search text: 4 KB a row); the listing filters and sort
keys fit in about 100 bytes. Two covering indexes let the route map find the first 1,001 keys
without reading the table (see werkroute.catalogue.search):

- catalogue_offering_listing, in listing order (date, newest first, id): walked segment by
  segment, it stops after the first page's worth instead of sorting every match;
- catalogue_offering_nearby, by latitude and longitude: rings around an origin;
- SQLite only, catalogue_offering_by_id: the filters of each match of a ranked word, looked up
  by key (in the table itself they often lie on the overflow pages of a long offering).

SQLite has no INCLUDE, so the extra columns are trailing key columns; the explicit `id` in the
listing key makes the index order the exact sort order. Also: SQLite gets an fts5vocab table to
count how common a word is, PostgreSQL keeps the tsvector in the row (see
FullTextIndex.postgres_inline_vector). Then ANALYZE, so the planner knows the new indexes.
"""

from django.db import migrations

from werkroute.core.search_index import FullTextIndex, analyze

OFFERING_INDEX = FullTextIndex("catalogue_offering", "search_title", "search_body")
TABLE = "catalogue_offering"
LISTING = "catalogue_offering_listing"
NEARBY = "catalogue_offering_nearby"
BY_ID = "catalogue_offering_by_id"
FILTERS = (
    "status, publish_from, publish_until, date_until, last_checked_on, date_from, kind, cost, "
    "municipality_id, neighbourhood_id, lat, lon, recurrence, target_groups, themes"
)


def _without(*names: str) -> str:
    return ", ".join(c for c in FILTERS.split(", ") if c not in names)


SQLITE = [
    f"CREATE INDEX {LISTING} ON {TABLE} (date_from, publish_from DESC, id, "
    f"{_without('date_from', 'publish_from')})",
    f"CREATE INDEX {NEARBY} ON {TABLE} (lat, lon, {_without('lat', 'lon')})",
    f"CREATE INDEX {BY_ID} ON {TABLE} (id, {FILTERS})",
    *OFFERING_INDEX.sqlite_vocab_create(),
]
POSTGRES = [
    f"CREATE INDEX {LISTING} ON {TABLE} (date_from, publish_from DESC, id) "
    f"INCLUDE ({_without('date_from', 'publish_from')})",
    f"CREATE INDEX {NEARBY} ON {TABLE} (lat, lon) INCLUDE (id, {_without('lat', 'lon')})",
    *OFFERING_INDEX.postgres_inline_vector(),
]
DROP = [f"DROP INDEX IF EXISTS {name}" for name in (LISTING, NEARBY, BY_ID)]


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    for sql in SQLITE if vendor == "sqlite" else POSTGRES:
        schema_editor.execute(sql)
    analyze(schema_editor.connection, [TABLE])


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    extra = (
        OFFERING_INDEX.sqlite_vocab_drop()
        if vendor == "sqlite"
        else OFFERING_INDEX.postgres_toasted_vector()
    )
    for sql in [*DROP, *extra]:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0003_savedoffering_savedsearch")]

    operations = [migrations.RunPython(forwards, backwards)]
