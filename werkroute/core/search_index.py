# ruff: noqa: S608 -- statements are built from table and column names in code, never from input
"""Database full-text machinery shared by every app that indexes Dutch text.

PostgreSQL: a generated tsvector column with the 'dutch' configuration and a GIN index.
SQLite: a contentless FTS5 table kept in step by triggers; the triggers call werkroute_stems(),
our Dutch stemmer registered on every connection, so SQLite stems the way PostgreSQL does.
Both read the same pre-normalised columns (accents stripped, compounds split) that the model
computes in Python.
"""

from dataclasses import dataclass

from werkroute.core import text


def sqlite_index_stems(value: str | None) -> str:
    if not value:
        return ""
    return " ".join(text.stem(t) for t in value.split() if t not in text.STOPWORDS)


@dataclass(frozen=True)
class FullTextIndex:
    table: str
    title_column: str
    body_column: str

    @property
    def fts_table(self) -> str:
        return f"{self.table}_fts"

    def sqlite_create(self) -> list[str]:
        t, f, a, b = self.table, self.fts_table, self.title_column, self.body_column
        insert = (
            f"INSERT INTO {f}(rowid, title, body) "
            f"VALUES (new.id, werkroute_stems(new.{a}), werkroute_stems(new.{b}));"
        )
        delete = (
            f"INSERT INTO {f}({f}, rowid, title, body) "
            f"VALUES ('delete', old.id, werkroute_stems(old.{a}), werkroute_stems(old.{b}));"
        )
        return [
            f"CREATE VIRTUAL TABLE {f} USING fts5(title, body, content='', "
            "tokenize='unicode61 remove_diacritics 2')",
            f"CREATE TRIGGER {f}_ai AFTER INSERT ON {t} BEGIN {insert} END",
            f"CREATE TRIGGER {f}_ad AFTER DELETE ON {t} BEGIN {delete} END",
            f"CREATE TRIGGER {f}_au AFTER UPDATE OF {a}, {b} ON {t} BEGIN {delete} {insert} END",
        ]

    def sqlite_drop(self) -> list[str]:
        f = self.fts_table
        return [
            f"DROP TRIGGER IF EXISTS {f}_ai",
            f"DROP TRIGGER IF EXISTS {f}_ad",
            f"DROP TRIGGER IF EXISTS {f}_au",
            f"DROP TABLE IF EXISTS {f}",
        ]

    def sqlite_rebuild(self) -> list[str]:
        f, t, a, b = self.fts_table, self.table, self.title_column, self.body_column
        return [
            f"INSERT INTO {f}({f}) VALUES ('delete-all')",
            f"INSERT INTO {f}(rowid, title, body) "
            f"SELECT id, werkroute_stems({a}), werkroute_stems({b}) FROM {t}",
        ]

    def postgres_create(self) -> list[str]:
        t, a, b = self.table, self.title_column, self.body_column
        return [
            f"ALTER TABLE {t} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
            f"setweight(to_tsvector('dutch'::regconfig, coalesce({a}, '')), 'A') || "
            f"setweight(to_tsvector('dutch'::regconfig, coalesce({b}, '')), 'B')) STORED",
            f"CREATE INDEX {t}_search_gin ON {t} USING gin (search_vector)",
        ]

    def postgres_drop(self) -> list[str]:
        return [
            f"DROP INDEX IF EXISTS {self.table}_search_gin",
            f"ALTER TABLE {self.table} DROP COLUMN IF EXISTS search_vector",
        ]

    def create_statements(self, vendor: str) -> list[str]:
        return self.sqlite_create() if vendor == "sqlite" else self.postgres_create()

    def drop_statements(self, vendor: str) -> list[str]:
        return self.sqlite_drop() if vendor == "sqlite" else self.postgres_drop()


def create_index_operation(index: FullTextIndex):  # type: ignore[no-untyped-def]
    """A migration operation that creates the index on whichever database runs it."""
    from django.db import migrations

    def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
        for sql in index.create_statements(schema_editor.connection.vendor):
            schema_editor.execute(sql)

    def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
        for sql in index.drop_statements(schema_editor.connection.vendor):
            schema_editor.execute(sql)

    return migrations.RunPython(forwards, backwards)
