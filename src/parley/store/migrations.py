"""Named SQLite migrations, each applied once, in one transaction.

A migration is SQL, or a Python step ``(conn) -> None`` for what SQL cannot do alone
(0002 turns the JSON record of every wave-1 article into rows). The connection has the
functions of ``sqlite_layout.register``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from parley.model import Article
from parley.store.rows import document_from_contract, document_rows
from parley.store.sqlite_layout import ARTICLE_STORED, STORED, encode, pack_mentions

_0001 = """
CREATE TABLE articles (
    key TEXT PRIMARY KEY,            -- content hash of the normalised text
    id TEXT NOT NULL,                -- the user's id: record id or path
    title TEXT, date TEXT, url TEXT, source TEXT, author TEXT, site TEXT, language TEXT,
    text TEXT NOT NULL,
    duplicate_of TEXT REFERENCES articles(key),
    duplicate_kind TEXT, similarity REAL,
    record TEXT,                     -- the CONTRACT.md JSON object (NULL for duplicates)
    stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX articles_id ON articles(id);
CREATE INDEX articles_date ON articles(date);
CREATE TABLE actors (
    article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    actor_id TEXT NOT NULL, name TEXT, country TEXT, sector TEXT, office TEXT, kb_id TEXT,
    method TEXT, reason TEXT,
    PRIMARY KEY (article_key, actor_id)
);
CREATE INDEX actors_country ON actors(country, sector);
CREATE TABLE mentions (
    article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    actor_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT,
    PRIMARY KEY (article_key, start, "end", actor_id)
);
CREATE TABLE events (
    article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    event_id TEXT NOT NULL, event TEXT NOT NULL, mode TEXT, context TEXT,
    actor TEXT, recipient TEXT,          -- JSON lists of entities
    actor_countries TEXT, recipient_countries TEXT,   -- codes joined by semicolons, for SQL filters
    aux_mode TEXT, date TEXT, date_text TEXT,
    loc_name TEXT, loc_country TEXT, loc_geonameid INTEGER, loc_lat REAL, loc_lon REAL,
    quad_code INTEGER, intensity REAL,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
    sentence_start INTEGER, sentence_end INTEGER,
    reported_by TEXT, coder TEXT, confidence REAL, reason TEXT,
    PRIMARY KEY (article_key, event_id)
);
CREATE INDEX events_type ON events(event, date);
CREATE TABLE quotes (
    article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    quote_id TEXT NOT NULL, kind TEXT NOT NULL,
    content_start INTEGER, content_end INTEGER, content TEXT,
    speaker_actor_id TEXT, speaker_name TEXT, speaker_country TEXT, speaker_sector TEXT,
    speaker_span TEXT, cue TEXT, via_name TEXT, via_country TEXT, addressee TEXT, reason TEXT,
    PRIMARY KEY (article_key, quote_id)
);
CREATE INDEX quotes_speaker ON quotes(speaker_country, speaker_name);
CREATE TABLE stances (
    article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    stance_id TEXT NOT NULL, holder_actor_id TEXT, holder_name TEXT, holder_country TEXT,
    holder_sector TEXT, issue TEXT NOT NULL, polarity TEXT NOT NULL,
    toward_name TEXT, toward_country TEXT,
    evidence_start INTEGER, evidence_end INTEGER, evidence TEXT, quote_id TEXT, reason TEXT,
    PRIMARY KEY (article_key, stance_id)
);
CREATE INDEX stances_issue ON stances(issue, holder_country, polarity);
CREATE TABLE rejections (
    rowid_ INTEGER PRIMARY KEY AUTOINCREMENT,
    input TEXT NOT NULL, stage TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT,
    article_key TEXT,
    stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (input, stage, reason)
);
CREATE TABLE signatures (
    key TEXT PRIMARY KEY REFERENCES articles(key) ON DELETE CASCADE,
    signature BLOB NOT NULL
);
"""

_ENTITY = ("{p}_actor_id TEXT, {p}_key TEXT, {p}_name TEXT, {p}_country TEXT, {p}_sector TEXT, "
           "{p}_text TEXT, {p}_start INTEGER, {p}_end INTEGER, {p}_mention_text TEXT")
_SPAN = "{p}_start INTEGER, {p}_end INTEGER, {p}_text TEXT"
# child rows name their article by its row number (see sqlite_layout)
_FK = "article INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE"


def _e(p: str) -> str:
    return _ENTITY.format(p=p)


def _s(p: str) -> str:
    return _SPAN.format(p=p)


# new tables under *_new names, renamed once the wave-1 tables are gone
_0002_TABLES = f"""
CREATE TABLE articles_new (
    n INTEGER PRIMARY KEY,           -- row number: child rows and the full-text index use it
    key TEXT NOT NULL UNIQUE,        -- content hash of the normalised text
    id TEXT NOT NULL,                -- the user's id: record id or path (of the first copy)
    title TEXT, date TEXT, url TEXT, source TEXT, author TEXT, site TEXT, language TEXT,
    date_source TEXT,
    text TEXT NOT NULL,
    notes BLOB,                      -- packed JSON: sentence bounds, records' explanations
    stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE duplicates (
    id TEXT NOT NULL,                -- the copy's id
    key TEXT NOT NULL,               -- the copy's content hash (= first_key for exact copies)
    first_key TEXT NOT NULL,         -- the first copy: articles.key
    kind TEXT NOT NULL,              -- exact | near
    similarity REAL,
    title TEXT, date TEXT, url TEXT, source TEXT,
    stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (id, key)
) WITHOUT ROWID;
CREATE TABLE actors_new (
    {_FK}, actor_id TEXT NOT NULL, ord INTEGER NOT NULL,
    actor_key TEXT NOT NULL,         -- stable across articles (Actor.key)
    name TEXT, country TEXT, sector TEXT, office TEXT, kb_id TEXT,
    mentions TEXT,                   -- JSON [start, end, start, end, ...]
    PRIMARY KEY (article, actor_id)
) WITHOUT ROWID;
CREATE TABLE events_new (
    {_FK}, event_id TEXT NOT NULL, ord INTEGER NOT NULL, event TEXT NOT NULL,
    mode TEXT, context TEXT,         -- JSON lists, NULL when empty
    aux_mode TEXT, date TEXT, date_precision TEXT,
    loc_name TEXT, loc_country TEXT, loc_geonameid INTEGER, loc_lat REAL, loc_lon REAL,
    quad_code INTEGER, intensity REAL, {_s("trigger")}, {_s("sentence")},
    {_e("reported_by")}, confidence REAL,
    PRIMARY KEY (article, event_id)
) WITHOUT ROWID;
CREATE TABLE event_participants (
    {_FK}, event_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')), ord INTEGER NOT NULL,
    actor_id TEXT, actor_key TEXT, name TEXT, country TEXT, sector TEXT, text TEXT,
    mention_start INTEGER, mention_end INTEGER, mention_text TEXT,
    date TEXT,                       -- the event's date, here for index-driven filters
    PRIMARY KEY (article, event_id, role, ord)
) WITHOUT ROWID;
CREATE TABLE quotes_new (
    {_FK}, quote_id TEXT NOT NULL, ord INTEGER NOT NULL, kind TEXT NOT NULL,
    {_s("content")}, {_e("speaker")}, {_s("speaker_span")}, {_s("cue")}, {_e("via")},
    addressee TEXT,
    PRIMARY KEY (article, quote_id)
) WITHOUT ROWID;
CREATE TABLE stances_new (
    {_FK}, stance_id TEXT NOT NULL, ord INTEGER NOT NULL, {_e("holder")},
    issue TEXT NOT NULL, polarity TEXT NOT NULL, {_e("toward")}, {_s("evidence")},
    quote_id TEXT, {_e("target")}, issue_text TEXT, {_s("cue")},
    PRIMARY KEY (article, stance_id)
) WITHOUT ROWID;
CREATE TABLE rejections_new (
    rowid_ INTEGER PRIMARY KEY AUTOINCREMENT,
    input TEXT NOT NULL, stage TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT,
    article_key TEXT,
    occurrence INTEGER NOT NULL DEFAULT 1,   -- nth input of a run with this input name
    stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
"""

_0002_AFTER = """
CREATE INDEX articles_id ON articles(id);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX duplicates_first ON duplicates(first_key);
CREATE INDEX actors_key ON actors(actor_key);
CREATE INDEX events_type ON events(event, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX participants_country ON event_participants(country, date);
CREATE INDEX participants_actor ON event_participants(actor_key, date);
CREATE INDEX quotes_speaker ON quotes(speaker_key);
CREATE INDEX stances_issue ON stances(issue, polarity);
CREATE INDEX stances_holder ON stances(holder_key);
CREATE UNIQUE INDEX rejections_once
    ON rejections(input, stage, reason, ifnull(article_key, ''), occurrence);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='n', tokenize='porter unicode61',
    detail='none');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.n, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.n, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.n, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.n, new.title, new.text);
END;
"""  # the index is filled by 0005, which makes it contentless over the packed text

_0005 = """
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='', tokenize='porter unicode61', detail='none');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text)
        VALUES (new.n, new.title, parley_text(new.text));
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.n, old.title, parley_text(old.text));
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.n, old.title, parley_text(old.text));
    INSERT INTO articles_fts(rowid, title, text)
        VALUES (new.n, new.title, parley_text(new.text));
END;
INSERT INTO articles_fts(rowid, title, text) SELECT n, title, parley_text(text) FROM articles;
-- the articles with their text as text (any connection with parley_text: the store's, the
-- reader's, Datasette's through Parley's plugin)
CREATE VIEW article_texts AS SELECT n, key, id, title, date, url, source, site, language,
    parley_text(text) AS text FROM articles;
"""


def insert_rows(conn: sqlite3.Connection, table: str, rows: Iterable[dict[str, Any]],
                columns: tuple[str, ...] | None = None, verb: str = "INSERT") -> None:
    """Insert row dicts by column name (parameters only)."""
    rows = list(rows)
    if not rows:
        return
    cols = columns or STORED[table]
    names = ", ".join(f'"{c}"' for c in cols)
    conn.executemany(f"{verb} INTO {table} ({names}) VALUES ({', '.join('?' * len(cols))})",
                     [tuple(r[c] for c in cols) for r in rows])


def _0002(conn: sqlite3.Connection) -> None:
    """Wave 1 -> rows: participants and actor keys from each stored JSON record, the record
    column gone, duplicates as links, rejections counted per occurrence, the FTS index."""
    for statement in statements(_0002_TABLES):
        conn.execute(statement)
    conn.execute(
        "INSERT OR IGNORE INTO duplicates (id, key, first_key, kind, similarity, title, date,"
        " url, source, stored_at) SELECT id, key, duplicate_of, ifnull(duplicate_kind, 'near'),"
        " similarity, title, date, url, source, stored_at FROM articles"
        " WHERE duplicate_of IS NOT NULL")
    conn.execute(
        "INSERT INTO rejections_new (rowid_, input, stage, reason, detail, article_key,"
        " stored_at) SELECT rowid_, input, stage, reason, detail, article_key, stored_at"
        " FROM rejections")
    cursor = conn.execute(
        "SELECT key, id, title, date, url, source, author, site, language, text, record,"
        " stored_at FROM articles WHERE duplicate_of IS NULL ORDER BY stored_at, key")
    for (key, id_, title, date, url, source, author, site, language, text, record,
         stored_at) in cursor:
        obj = json.loads(record) if record else {}
        article = Article(id=id_, text=text, title=title, date=date, url=url, source=source,
                          author=author, site=site, language=language,
                          date_source=obj.get("date_source"))
        rows = document_rows(document_from_contract(obj, article))
        art, children = encode(rows)
        art["key"] = key  # keyed by the hash of its day, whatever the hash is now
        cur = conn.execute(
            f"INSERT INTO articles_new ({', '.join(ARTICLE_STORED)}, stored_at)"
            f" VALUES ({', '.join('?' * (len(ARTICLE_STORED) + 1))})",
            [art[c] for c in ARTICLE_STORED] + [stored_at])
        for table, child in children.items():
            insert_rows(conn, f"{table}_new" if table != "event_participants" else table,
                        [{**r, "article": cur.lastrowid} for r in child], STORED[table])
    conn.execute("DROP TABLE mentions")
    for table in ("actors", "events", "quotes", "stances", "rejections", "articles"):
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
    for statement in statements(_0002_AFTER):
        conn.execute(statement)


def _0003_dyad_days(conn: sqlite3.Connection) -> None:
    """The dyad x day table analysis reads (parley.store.dyads), filled from stored events."""
    from parley.store.dyads import DDL, backfill

    for statement in statements(DDL):
        conn.execute(statement)
    backfill(conn)


def _0004_compact_dyads(conn: sqlite3.Connection) -> None:
    """dyad_events by article row number, as a rowid table with narrow indexes; the
    dyad_days index that repeated its primary key dropped (aggregates unchanged)."""
    from parley.store.dyads import DDL_0004

    for statement in statements(DDL_0004):
        conn.execute(statement)


def _0005_packed(conn: sqlite3.Connection) -> None:
    """Text packed (``sqlite_layout.pack_text``) for articles stored from now on, read
    through ``parley_text``; the full-text index contentless, fed by the triggers; flat
    mentions packed as varints. Texts already stored stay plain (both read the same):
    packing them all would make the migration of a large store take an hour."""
    conn.create_function("parley_pack_mentions", 1, pack_mentions, deterministic=True)
    for statement in statements(_0005):
        conn.execute(statement)
    conn.execute("UPDATE actors SET mentions = parley_pack_mentions(mentions)"
                 " WHERE typeof(mentions) = 'text'")


def _0007_dyad_keys(conn: sqlite3.Connection) -> None:
    """The dyad tables name actors, countries and outlets by a number of ``dyad_keys``."""
    from parley.store.dyads import DDL_0007

    for statement in statements(DDL_0007):
        conn.execute(statement)


# a quote's speaker that is the article's actor is stored as its id (sqlite_layout.SHARED);
# filters by speaker go through actors_key
_0006 = "DROP INDEX quotes_speaker;"


MIGRATIONS: list[tuple[str, str | Callable[[sqlite3.Connection], None]]] = [
    ("0001_initial", _0001),
    ("0002_rows_participants_fts", _0002),
    ("0003_dyad_days", _0003_dyad_days),
    ("0004_compact_dyads", _0004_compact_dyads),
    ("0005_packed_text", _0005_packed),
    ("0006_quote_speakers", _0006),
    ("0007_dyad_keys", _0007_dyad_keys),
]


def statements(script: str) -> list[str]:
    """Split a migration script into complete statements (semicolons in comments and
    trigger bodies are safe)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf)
            buf = ""
    if buf.strip() and not all(x.strip().startswith("--") or not x.strip()
                               for x in buf.splitlines()):
        from parley.errors import StorageError

        raise StorageError(f"migration script ends in an incomplete statement: {buf.strip()[:80]!r}")
    return out
