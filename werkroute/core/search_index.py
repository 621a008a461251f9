# ruff: noqa: S608 -- statements are built from table and column names in code, never from input
"""Database full-text machinery shared by every app that indexes Dutch text.

PostgreSQL: a generated tsvector column with the 'dutch' configuration and a GIN index.
SQLite: a contentless FTS5 table kept in step by triggers; the triggers call werkroute_stems(),
our Dutch stemmer registered on every connection, so SQLite stems the way PostgreSQL does.
Both read the same pre-normalised columns (accents stripped, compounds split) that the model
computes in Python.

Searches ask how common a word is (document_frequencies) to skip ranking words that nearly every
row contains: SQLite counts it exactly in an fts5vocab table over the index, PostgreSQL reads the
lexeme frequencies that ANALYZE keeps for the tsvector column (pg_stats.most_common_elems).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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

    @property
    def vocab_table(self) -> str:
        """SQLite: one row per indexed term with the number of rows that contain it."""
        return f"{self.table}_fts_vocab"

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

    def sqlite_vocab_create(self) -> list[str]:
        return [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.vocab_table} "
            f"USING fts5vocab({self.fts_table}, 'row')"
        ]

    def sqlite_vocab_drop(self) -> list[str]:
        return [f"DROP TABLE IF EXISTS {self.vocab_table}"]

    def postgres_inline_vector(self) -> list[str]:
        """Keep each row's tsvector in the row itself instead of in the TOAST table.

        Ranking reads the vector of every match; stored out of line, each read costs a TOAST
        index lookup and chunk reads (at 100,000 offerings: 4 buffers a row, 200 ms for a word
        in 11,000 of them, against 45 ms inline). The UPDATE recomputes the generated column so
        that existing rows move too (PostgreSQL applies a storage change to new values only).
        """
        t, a = self.table, self.title_column
        return [
            f"ALTER TABLE {t} ALTER COLUMN search_vector SET STORAGE MAIN",
            f"UPDATE {t} SET {a} = {a}",
        ]

    def postgres_toasted_vector(self) -> list[str]:
        return [f"ALTER TABLE {self.table} ALTER COLUMN search_vector SET STORAGE EXTENDED"]

    def document_frequencies(
        self, connection: Any, words: Sequence[str]
    ) -> tuple[int, dict[str, int]]:
        """How many rows the index holds, and how many of them contain each (unstemmed) word.

        Exact on SQLite. On PostgreSQL an estimate from the planner statistics: a word that is
        not among the column's most common lexemes (or a table never analysed) counts 0.
        """
        if connection.vendor == "sqlite":
            return self._sqlite_frequencies(connection, words)
        return self._postgres_frequencies(connection, words)

    def _sqlite_frequencies(
        self, connection: Any, words: Sequence[str]
    ) -> tuple[int, dict[str, int]]:
        found: dict[str, int] = {}
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {self.fts_table}_docsize")
            total = cursor.fetchone()[0]
            for word in words:
                cursor.execute(
                    f"SELECT doc FROM {self.vocab_table} WHERE term = %s", [text.stem(word)]
                )
                row = cursor.fetchone()
                found[word] = row[0] if row else 0
        return total, found

    def _postgres_frequencies(
        self, connection: Any, words: Sequence[str]
    ) -> tuple[int, dict[str, int]]:
        # most_common_elem_freqs has three more entries than most_common_elems (minimum,
        # maximum, nulls); unnested side by side they pair with a NULL lexeme and drop out.
        # A word the parser turns into several lexemes counts as its rarest one.
        sql = """
            WITH stats AS (
                SELECT unnest(most_common_elems::text::text[]) AS lexeme,
                       unnest(most_common_elem_freqs) AS share
                FROM pg_stats
                WHERE schemaname = current_schema() AND tablename = %s
                  AND attname = 'search_vector'
            ), total AS (
                SELECT greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE oid = %s::regclass
            )
            SELECT q.word, min(coalesce(s.share, 0)) * (SELECT n FROM total), (SELECT n FROM total)
            FROM unnest(%s::text[]) AS q(word)
            LEFT JOIN LATERAL unnest(tsvector_to_array(to_tsvector('dutch', q.word)))
                AS l(lexeme) ON true
            LEFT JOIN stats s ON s.lexeme = l.lexeme
            GROUP BY q.word
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.table, self.table, list(words)])
            rows = cursor.fetchall()
        total = rows[0][2] if rows else 0
        found = {word: round(count or 0) for word, count, _total in rows}
        return total, {word: found.get(word, 0) for word in words}

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


def analyze(connection: Any, tables: Sequence[str] = ()) -> None:
    """Refresh the query planner's statistics (of some tables, or all) after a bulk load.

    SQLite keeps none until ANALYZE runs, and without them it misjudges how selective the
    route map's filters are (the status index looks like it leaves ten rows); PostgreSQL's
    autovacuum would get there within a minute or so, this makes it immediate.
    """
    with connection.cursor() as cursor:
        for table in tables or [""]:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}" if table else "ANALYZE")


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
