"""The PostgreSQL dialect of the store's named migrations, translated from the SQLite text.

The SQLite migrations (``store/migrations.py``) are the one source of the schema; this module
rewrites their few SQLite-only idioms (rowid keys, ``strftime`` defaults, ``WITHOUT ROWID``,
``BLOB``, FTS5) and applies them under the same names, so both backends list the same
migrations and end with the same tables and columns (a test compares the catalogues). A
PostgreSQL store never held a wave-1 database, so where a SQLite step moves wave-1 data the
PostgreSQL step only builds the new shape.

One more migration is PostgreSQL's own, ``pg_shared_dedupe``: the signature index that many
writers share (``dedupe_claims``, ``dedupe_bands``; see ``PostgresStore.claim``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from parley.store import migrations as sqlite_migrations

_NOW = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\(strftime\('%Y-%m-%dT%H:%M:%fZ', 'now'\)\)"), f"({_NOW})"),
    (re.compile(r"\bINTEGER PRIMARY KEY AUTOINCREMENT\b"), "BIGSERIAL PRIMARY KEY"),
    (re.compile(r"\b(\w+) INTEGER PRIMARY KEY\b"), r"\1 BIGSERIAL PRIMARY KEY"),
    (re.compile(r"\)\s*WITHOUT ROWID"), ")"),
    (re.compile(r"\bBLOB\b"), "BYTEA"),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
    (re.compile(r"\bifnull\(", re.IGNORECASE), "coalesce("),
    (re.compile(r"\bCREATE TABLE (\w+)_new\b"), r"CREATE TABLE \1"),
]

# full-text search: SQLite keeps an FTS5 table in step by triggers; PostgreSQL indexes the
# same expression the reader queries (``PG_FTS_DOCUMENT @@ plainto_tsquery(...)``)
PG_FTS_DOCUMENT = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
_FTS_INDEX = f"CREATE INDEX articles_fts ON articles USING gin (({PG_FTS_DOCUMENT}))"


def translate(sql: str) -> list[str]:
    """SQLite DDL -> PostgreSQL statements; FTS5 tables and their triggers are left out."""
    out = []
    for statement in sqlite_migrations.statements(sql):
        if "fts5" in statement or "articles_fts" in statement:
            continue
        for pattern, repl in _RULES:
            statement = pattern.sub(repl, statement)
        out.append(statement.strip().rstrip(";"))
    return out


def _pg_0002() -> list[str]:
    tables = getattr(sqlite_migrations, "_0002_TABLES", "")
    after = getattr(sqlite_migrations, "_0002_AFTER", "")
    drop = ("DROP TABLE IF EXISTS actors, mentions, events, quotes, stances, rejections,"
            " articles CASCADE")
    return [drop, *translate(tables), *translate(after), _FTS_INDEX]


_SHARED_DEDUPE = [
    # SQLite reads new signatures by rowid; PostgreSQL has none, so signatures get a sequence
    "ALTER TABLE signatures ADD COLUMN seq BIGSERIAL",
    "CREATE UNIQUE INDEX signatures_seq ON signatures(seq)",
    """CREATE TABLE dedupe_claims (
        seq BIGSERIAL PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,       -- the article's content hash
        article_id TEXT NOT NULL,       -- the input that claimed it first
        signature BYTEA                 -- MinHash values, NULL for texts too short to compare
    )""",
    """CREATE TABLE dedupe_bands (
        band SMALLINT NOT NULL, bucket BIGINT NOT NULL, key TEXT NOT NULL,
        PRIMARY KEY (band, bucket, key)
    )""",
]

# names that SQLite applies in Python (a data step): their PostgreSQL text is built here
# 0003 and 0004 (dyad aggregates kept by SQLite triggers) are recorded but empty on PostgreSQL: its
# reader has no ``dyads()``, so analysis computes the pairs in memory from the events;
# 0005 (SQLite's packed text and mentions) and 0007 (numbered dyad keys) too: PostgreSQL compresses long text itself (TOAST)
_SPECIAL: dict[str, Callable[[], list[str]]] = {"0002_rows_participants_fts": _pg_0002,
                                                "0003_dyad_days": lambda: [],
                                                "0004_compact_dyads": lambda: [],
                                                "0005_packed_text": lambda: [],
                                                "0007_dyad_keys": lambda: []}


def pg_migrations() -> list[tuple[str, list[str]]]:
    """(name, statements) in order: every SQLite migration's name, then PostgreSQL's own."""
    out: list[tuple[str, list[str]]] = []
    for name, step in sqlite_migrations.MIGRATIONS:
        if name in _SPECIAL:
            out.append((name, _SPECIAL[name]()))
        elif isinstance(step, str):
            out.append((name, translate(step)))
        else:
            raise NotImplementedError(
                f"migration {name!r} is a Python step with no PostgreSQL dialect in pg_schema.py")
    out.append(("pg_shared_dedupe", list(_SHARED_DEDUPE)))
    return out
