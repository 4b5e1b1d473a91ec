"""The built-in store: one SQLite file, WAL, one writer, content-hash keys.

Re-storing an article replaces its rows with the same rows, so analysing the same article
twice stores it once. The file opens in datasette as it is.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from parley.errors import StorageError
from parley.model import Article, Document, Entity, Rejection, to_contract
from parley.store.base import Batch
from parley.store.migrations import MIGRATIONS

logger = logging.getLogger(__name__)

_CHILD_TABLES = ("actors", "mentions", "events", "quotes", "stances")


def _countries(entities: tuple[Entity, ...]) -> str:
    return ";".join(sorted({e.country for e in entities if e.country}))


class SQLiteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.Error as exc:
            raise StorageError(f"cannot open SQLite store {self.path!r}: {exc}") from exc

    # -- schema -------------------------------------------------------------------------
    def _migrate(self) -> None:
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT "
            "NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"
        )
        done = {r[0] for r in self.conn.execute("SELECT name FROM migrations")}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                # re-check inside the write lock: another process may have migrated meanwhile
                if self.conn.execute("SELECT 1 FROM migrations WHERE name=?", (name,)).fetchone():
                    self.conn.execute("COMMIT")
                    continue
                for statement in _statements(sql):
                    self.conn.execute(statement)
                self.conn.execute("INSERT INTO migrations(name) VALUES (?)", (name,))
                self.conn.execute("COMMIT")
                logger.info("applied migration %s to %s", name, self.path)
            except sqlite3.Error:
                self.conn.execute("ROLLBACK")
                raise

    def _write(self) -> _Tx:
        return _Tx(self.conn)

    # -- articles -----------------------------------------------------------------------
    def has_article(self, key: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE key=?", (key,)).fetchone()
        return row is not None

    def _upsert_article(self, a: Article, record: str | None, duplicate_of: str | None = None,
                        kind: str | None = None, similarity: float | None = None) -> str:
        key = a.key
        self.conn.execute(
            "INSERT INTO articles(key, id, title, date, url, source, author, site, language, text,"
            " duplicate_of, duplicate_kind, similarity, record)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(key) DO UPDATE SET id=excluded.id, title=excluded.title,"
            " date=excluded.date, url=excluded.url, source=excluded.source,"
            " author=excluded.author, site=excluded.site, language=excluded.language,"
            " record=COALESCE(excluded.record, articles.record)",
            (key, a.id, a.title, a.date, a.url, a.source, a.author, a.site, a.language, a.text,
             duplicate_of, kind, similarity, record),
        )
        return key

    def put_document(self, doc: Document) -> None:
        record = to_contract(doc)
        try:
            with self._write():
                key = self._upsert_article(doc.article, json.dumps(record, ensure_ascii=False))
                for table in _CHILD_TABLES:
                    self.conn.execute(f"DELETE FROM {table} WHERE article_key=?", (key,))
                self._insert_children(key, doc, record)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot store article {doc.article.id!r} in {self.path}: {exc}") from exc

    def _insert_children(self, key: str, doc: Document, record: dict[str, Any]) -> None:
        c = self.conn
        c.executemany(
            "INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?)",
            [(key, a.id, a.name, a.country, a.sector, a.office, a.kb_id, a.method, a.reason)
             for a in doc.actors],
        )
        c.executemany(
            'INSERT OR IGNORE INTO mentions VALUES (?,?,?,?,?)',
            [(key, a.id, m.start, m.end, m.text) for a in doc.actors for m in a.mentions],
        )
        rows = []
        for e, rec in zip(doc.events, record["events"], strict=True):
            loc = e.event_loc
            rows.append((
                key, e.id, e.event, json.dumps(list(e.mode)), json.dumps(list(e.context)),
                json.dumps(rec["actor"], ensure_ascii=False),
                json.dumps(rec["recipient"], ensure_ascii=False),
                _countries(e.actor), _countries(e.recipient), e.aux_mode, e.date, e.date_text,
                loc.name if loc else None, loc.country if loc else None,
                loc.geonameid if loc else None, loc.lat if loc else None, loc.lon if loc else None,
                e.quad_code, e.intensity, e.trigger.start, e.trigger.end, e.trigger.text,
                e.sentence.start, e.sentence.end,
                json.dumps(rec["reported_by"], ensure_ascii=False) if e.reported_by else None,
                e.coder, e.confidence, e.reason,
            ))
        c.executemany(f"INSERT INTO events VALUES ({','.join('?' * 28)})", rows)
        c.executemany(
            f"INSERT INTO quotes VALUES ({','.join('?' * 16)})",
            [(key, q.id, q.kind, q.content.start, q.content.end, q.content.text,
              q.speaker.actor_id if q.speaker else None, q.speaker.name if q.speaker else None,
              q.speaker.country if q.speaker else None, q.speaker.sector if q.speaker else None,
              q.speaker_span.text if q.speaker_span else None, q.cue.text if q.cue else None,
              q.via.name if q.via else None, q.via.country if q.via else None,
              q.addressee, q.reason) for q in doc.quotes],
        )
        c.executemany(
            f"INSERT INTO stances VALUES ({','.join('?' * 15)})",
            [(key, s.id, s.holder.actor_id, s.holder.name, s.holder.country, s.holder.sector,
              s.issue, s.polarity, s.toward.name if s.toward else None,
              s.toward.country if s.toward else None, s.evidence.start, s.evidence.end,
              s.evidence.text, s.quote_id, s.reason) for s in doc.stances],
        )

    def put_duplicate(self, article: Article, first_key: str, kind: str, similarity: float) -> None:
        with self._write():
            self._upsert_article(article, None, first_key, kind, similarity)

    def write_batch(self, batch: Batch) -> None:
        """Everything of one batch in one transaction (interim: the put_* methods inside
        one BEGIN ... COMMIT; a failure leaves none of the batch)."""
        try:
            with self._write():
                for doc in batch.documents:
                    self.put_document(doc)
                for article, first_key, kind, similarity in batch.duplicates:
                    self.put_duplicate(article, first_key, kind, similarity)
                for rejection, rejected in batch.rejections:
                    self.put_rejection(rejection, rejected)
                for key, signature in batch.signatures:
                    self.put_signature(key, signature)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot store a batch of {len(batch)} in {self.path}: {exc}") from exc

    # -- rejections, signatures ---------------------------------------------------------
    def put_rejection(self, rejection: Rejection, article: Article | None = None) -> None:
        with self._write():
            self.conn.execute(
                "INSERT INTO rejections(input, stage, reason, detail, article_key) VALUES (?,?,?,?,?)"
                " ON CONFLICT(input, stage, reason) DO UPDATE SET detail=excluded.detail",
                (rejection.input, rejection.stage, rejection.reason, rejection.detail,
                 article.key if article else None),
            )

    def put_signature(self, key: str, signature: bytes) -> None:
        with self._write():
            self.conn.execute("INSERT OR REPLACE INTO signatures VALUES (?,?)", (key, signature))

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]:
        yield from self.conn.execute("SELECT key, signature FROM signatures")

    # -- reading ------------------------------------------------------------------------
    def iter_documents(self) -> Iterator[dict[str, Any]]:
        for (record,) in self.conn.execute(
            "SELECT record FROM articles WHERE record IS NOT NULL ORDER BY stored_at, key"
        ):
            yield json.loads(record)

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("articles", "actors", "events", "quotes", "stances", "rejections"):
            out[table] = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return out

    def close(self) -> None:
        self.conn.close()


def _statements(script: str) -> list[str]:
    """Split a migration script into complete statements (semicolons in comments are safe)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf)
            buf = ""
    if buf.strip() and not all(x.strip().startswith("--") or not x.strip() for x in buf.splitlines()):
        raise StorageError(f"migration script ends in an incomplete statement: {buf.strip()[:80]!r}")
    return out


class _Tx:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on error: one writer at a time."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        # inside an open transaction (write_batch) a write joins it: one commit for all
        self.outer = not self.conn.in_transaction
        if self.outer:
            self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self.outer:
            self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
