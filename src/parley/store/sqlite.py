"""The built-in store: one SQLite file, WAL, content-hash keys, one transaction a batch.

``write_batch`` writes a batch's articles (with every child row), duplicate links,
rejections and signatures in one ``BEGIN IMMEDIATE`` transaction: a run killed at any point
leaves whole batches only. Several processes may write one file: a writer waits for the
lock (busy timeout, then retries up to ``lock_wait`` seconds) and re-checks, inside its
transaction, what another writer stored meanwhile:

- an article whose text is already stored under another id becomes an ``exact`` link to
  it (the first copy keeps its id);
- with ``watch_near_duplicates`` (the deduper sets it up), an article whose signature is
  near one stored by another writer since this one last looked becomes a ``near`` link;
- a link whose first copy is not stored (it became such a link) leads on to the copy
  that is, and an input another writer stored under its own id is not linked at all.

A locked, full or broken database raises ``StorageError`` with one line. The file opens in
datasette as it is.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from parley.errors import StorageError
from parley.model import Article, Rejection
from parley.store.base import (
    Batch,
    BatchWrites,
    NearWatch,
    Similarity,
    WriteResult,
    nearest_late,
    signatures_to_check,
)
from parley.store.dyads import STORED_COLUMNS as DYAD_COLUMNS
from parley.store.dyads import document_dyad_rows, intern_rows
from parley.store.migrations import MIGRATIONS, insert_rows, statements
from parley.store.rows import CHILD_TABLES, document_rows
from parley.store.sqlite_layout import ARTICLE_STORED, encode, register
from parley.store.tables import INTERNAL, kind_of, table_query

logger = logging.getLogger(__name__)

T = TypeVar("T")
_UPDATE_ARTICLE = ", ".join(f'"{c}"=?' for c in ARTICLE_STORED if c not in ("key", "id"))


def _busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _message(path: str, what: str, exc: sqlite3.Error, waited: float) -> str:
    text = str(exc).lower()
    if _busy(exc):
        return (f"cannot {what} in SQLite store {path}: the database is locked by another "
                f"process (waited {waited:.0f} s); run again once it has finished")
    if "full" in text:
        return (f"cannot {what} in SQLite store {path}: the disk or database is full ({exc}); "
                "free space and run again (what was stored before is kept)")
    return f"cannot {what} in SQLite store {path}: {exc}"


class SQLiteStore(BatchWrites):
    def __init__(self, path: str | Path, busy_timeout: float = 10.0,
                 lock_wait: float = 120.0) -> None:
        self.path = str(path)
        self.busy_timeout = busy_timeout
        self.lock_wait = lock_wait
        self._lock = threading.RLock()
        self._near: NearWatch | None = None
        self._own: set[str] = set()  # keys whose signatures this store wrote
        self._rejected: Counter[tuple[str, str, str, str]] = Counter()
        if self.path != ":memory:":
            try:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"cannot create the folder of SQLite store {self.path}: {exc}") from exc
        self.conn = self._retry("open", self._connect)
        self._retry("migrate", self._migrate)
        self._sig_seen = self._max_signature_rowid()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=self.busy_timeout,
                               check_same_thread=False)
        try:
            register(conn)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def _retry(self, what: str, fn: Callable[[], T]) -> T:
        """``fn()``, again while the database is locked, up to ``lock_wait`` seconds; any
        other SQLite error (and a lock that outlasts the wait) is a ``StorageError``."""
        started = time.monotonic()
        delay = 0.05
        while True:
            try:
                return fn()
            except sqlite3.Error as exc:
                waited = time.monotonic() - started
                if _busy(exc) and waited < self.lock_wait:
                    logger.info("%s: %s; retrying", self.path, exc)
                    time.sleep(delay)
                    delay = min(1.0, delay * 2)
                    continue
                raise StorageError(_message(self.path, what, exc, waited)) from exc

    def _transaction(self, fn: Callable[[], T]) -> T:
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            out = fn()
            c.execute("COMMIT")
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise
        return out

    # -- schema -------------------------------------------------------------------------
    def _migrate(self) -> None:
        c = self.conn
        c.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT "
            "NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"
        )
        done = {r[0] for r in c.execute("SELECT name FROM migrations")}
        for name, step in MIGRATIONS:
            if name in done:
                continue
            c.execute("PRAGMA foreign_keys=OFF")  # tables are rebuilt; checked before commit
            try:
                self._transaction(lambda name=name, step=step: self._apply(name, step))  # type: ignore[misc]
            finally:
                c.execute("PRAGMA foreign_keys=ON")

    def _apply(self, name: str, step: str | Callable[[sqlite3.Connection], None]) -> None:
        c = self.conn
        # re-check inside the write lock: another process may have migrated meanwhile
        if c.execute("SELECT 1 FROM migrations WHERE name=?", (name,)).fetchone():
            return
        if callable(step):
            step(c)
        else:
            for statement in statements(step):
                c.execute(statement)
        bad = c.execute("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise sqlite3.IntegrityError(f"migration {name} leaves {len(bad)} rows without "
                                         f"their article (first: {bad[0]})")
        c.execute("INSERT INTO migrations(name) VALUES (?)", (name,))
        logger.info("applied migration %s to %s", name, self.path)

    def _max_signature_rowid(self) -> int:
        return self.conn.execute("SELECT ifnull(max(rowid), 0) FROM signatures").fetchone()[0]

    # -- writing ------------------------------------------------------------------------
    def watch_near_duplicates(self, threshold: float, similarity: Similarity,
                              checked_at: Callable[[str], int | None] | None = None) -> None:
        """Re-check, inside each write, the batch's articles against the signatures other
        writers stored since the deduper checked them (``checked_at(key)``: the signature
        rowid it had seen then; without it, since this store last wrote): one at least
        ``threshold`` similar (by ``similarity(a, b)``, the deduper's) turns the article
        into a ``near`` link. This store's own signatures are left to the deduper."""
        self._near = (threshold, similarity, checked_at)

    def write_batch(self, batch: Batch) -> WriteResult:
        """Write the whole batch in one transaction, or nothing of it."""
        with self._lock:
            counted: Counter[tuple[str, str, str, str]] = Counter()
            since = self._checked_since(batch)  # once: a retried transaction asks the same
            result = self._retry("write a batch", lambda: self._transaction(
                lambda: self._write(batch, since, counted)))
            self._rejected.update(counted)
            self._sig_seen = result.signatures_seen
            self._own.update(result.own_signatures)
            return result

    def _write(self, batch: Batch, since: dict[str, int],
               counted: Counter[tuple[str, str, str, str]]) -> WriteResult:
        counted.clear()  # a retried transaction counts again from the start
        c = self.conn
        result = WriteResult()
        late = self._late_near(batch, since)
        links = list(batch.duplicates)
        for doc in batch.documents:
            a = doc.article
            key = a.key
            if key in late:
                first_key, sim = late[key]
                links.append((a, first_key, "near", sim))
                result.linked.append((a.id, first_key, "near"))
                continue
            row = c.execute("SELECT n, id FROM articles WHERE key=?", (key,)).fetchone()
            if row is not None and row[1] != a.id:  # the same text stored under another id
                links.append((a, key, "exact", 1.0))
                result.linked.append((a.id, key, "exact"))
                continue
            art, children = encode(document_rows(doc))
            if row is None:
                n = c.execute(f"INSERT INTO articles ({', '.join(ARTICLE_STORED)}) VALUES "
                              f"({', '.join('?' * len(ARTICLE_STORED))})",
                              [art[k] for k in ARTICLE_STORED]).lastrowid
            else:  # the same article again: its rows are replaced by the same rows
                n = row[0]
                c.execute(f"UPDATE articles SET {_UPDATE_ARTICLE} WHERE n=?",
                          [art[k] for k in ARTICLE_STORED if k not in ("key", "id")] + [n])
                for table in CHILD_TABLES:
                    c.execute(f"DELETE FROM {table} WHERE article=?", (n,))
                c.execute("DELETE FROM dyad_events WHERE article=?", (n,))
            for table in CHILD_TABLES:
                insert_rows(c, table, [{**r, "article": n} for r in children[table]])
            insert_rows(c, "dyad_events", [{**r, "article": n} for r in
                                           intern_rows(c, document_dyad_rows(doc))], DYAD_COLUMNS)
            result.stored += 1
        late_links = links[len(batch.duplicates):]  # first: the others may lead to them
        for article, first_key, kind, sim in late_links + links[:len(batch.duplicates)]:
            self._link(article, first_key, kind, sim)
        for rejection, rejected in batch.rejections:
            self._reject(rejection, rejected, counted)
        for key, signature in batch.signatures:
            c.execute("INSERT OR IGNORE INTO signatures(key, signature) SELECT ?, ?"
                      " WHERE EXISTS (SELECT 1 FROM articles WHERE key=?)",
                      (key, signature, key))
        result.signatures_seen = self._max_signature_rowid()
        result.own_signatures = [k for k, _ in batch.signatures]
        return result

    def _checked_since(self, batch: Batch) -> dict[str, int]:
        return signatures_to_check(self._near, batch, (d.article.key for d in batch.documents),
                                   self._sig_seen)

    def _late_near(self, batch: Batch, since: dict[str, int]) -> dict[str, tuple[str, float]]:
        """Articles of the batch near a signature another writer stored since they were
        checked: ``{key: (first key, similarity)}``."""
        if self._near is None or not since:
            return {}
        stored = self.conn.execute("SELECT rowid, key, signature FROM signatures WHERE rowid > ?"
                                   " ORDER BY rowid", (min(since.values()),)).fetchall()
        return nearest_late(self._near, since, dict(batch.signatures),
                            ((r, k, bytes(sig)) for r, k, sig in stored if k not in self._own))

    def _link(self, article: Article, first_key: str, kind: str, similarity: float) -> None:
        """Link ``article`` to the stored first copy of its story. The deduper's first copy
        may not be stored: another writer stored a near copy of it meanwhile, so it became a
        link itself (``_late_near``). The link then leads on to that stored copy."""
        c = self.conn
        if c.execute("SELECT 1 FROM articles WHERE key=? AND id=?",
                     (article.key, article.id)).fetchone():
            return  # this input is stored (read again, or by another writer): not a copy
        for _ in range(8):  # deduper links lead to a first copy; a late link adds one step
            if c.execute("SELECT 1 FROM articles WHERE key=?", (first_key,)).fetchone():
                break
            step = c.execute("SELECT first_key, similarity FROM duplicates WHERE key=?"
                             " AND first_key<>key ORDER BY similarity DESC LIMIT 1",
                             (first_key,)).fetchone()
            if step is None:
                break
            # a copy of a copy: at least as near as the farther of its two steps
            first_key, similarity = step[0], min(similarity, step[1])
        if first_key == article.key:  # the same text, stored under another id
            kind, similarity = "exact", 1.0
        elif kind == "exact":
            kind = "near"
        c.execute(
            "INSERT INTO duplicates(id, key, first_key, kind, similarity, title, date, url,"
            " source) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id, key) DO NOTHING",
            (article.id, article.key, first_key, kind, similarity, article.title, article.date,
             article.url, article.source))

    def _reject(self, rejection: Rejection, article: Article | None,
                counted: Counter[tuple[str, str, str, str]]) -> None:
        key = article.key if article is not None and article.text else None
        ident = (rejection.input, rejection.stage, rejection.reason, key or "")
        counted[ident] += 1
        # records that share an id stay apart; the same input read again by a later run (a
        # rerun after a kill) replaces its row
        occurrence = self._rejected[ident] + counted[ident]
        self.conn.execute(
            "INSERT INTO rejections(input, stage, reason, detail, article_key, occurrence)"
            " VALUES (?,?,?,?,?,?) ON CONFLICT(input, stage, reason, ifnull(article_key, ''),"
            " occurrence) DO UPDATE SET detail=excluded.detail",
            (rejection.input, rejection.stage, rejection.reason, rejection.detail, key,
             occurrence))

    # thin wrappers: one way to write
    # -- reading ------------------------------------------------------------------------
    def has_article(self, key: str) -> bool:
        with self._lock:
            row = self._retry("read", lambda: self.conn.execute(
                "SELECT 1 FROM articles WHERE key=?", (key,)).fetchone())
        return row is not None

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]:
        for _, key, sig in self.signatures_since(0):
            yield key, sig

    def signatures_since(self, rowid: int) -> list[tuple[int, str, bytes]]:
        """Signatures stored after ``rowid`` (by any writer), oldest first."""
        with self._lock:
            rows = self._retry("read signatures", lambda: self.conn.execute(
                "SELECT rowid, key, signature FROM signatures WHERE rowid > ? ORDER BY rowid",
                (rowid,)).fetchall())
        return [(r, k, bytes(s)) for r, k, s in rows]

    def reader(self) -> Any:
        from parley.store.reader import Reader

        return Reader(self)

    def iter_documents(self) -> Iterator[dict[str, Any]]:
        """Every stored article's CONTRACT record, rebuilt from its rows."""
        reader = self.reader()
        for (key,) in self.conn.execute("SELECT key FROM articles ORDER BY n").fetchall():
            record = reader.article(key)
            if record is not None:
                yield record

    def counts(self) -> dict[str, int]:
        out = {}
        with self._lock:
            for table in ("articles", "actors", "events", "event_participants", "quotes",
                          "stances", "duplicates", "rejections", "signatures"):
                out[table] = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return out

    # -- whole tables, for exports (store/tables.py) ----------------------------------
    def table_names(self) -> list[str]:
        with self._lock:
            rows = self.conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type='table' ORDER BY rowid").fetchall()
        virtual = {n for n, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")}
        # FTS5 keeps shadow tables named <table>_data, _idx, _content, _docsize, _config
        shadow = {f"{v}_{x}" for v in virtual for x in ("data", "idx", "content", "docsize", "config")}
        return [n for n, _ in rows if n not in INTERNAL and n not in virtual and n not in shadow]

    def table_columns(self, table: str) -> list[tuple[str, str]]:
        with self._lock:
            return [(r[1], kind_of(r[2])) for r in self.conn.execute(
                "SELECT * FROM pragma_table_info(?)", (table,)).fetchall()]

    def iter_table(self, table: str, columns: Sequence[str] | None = None,
                   date_from: str | None = None, date_to: str | None = None,
                   with_month: bool = False) -> Iterator[dict[str, Any]]:
        catalogue = self.table_columns(table)
        sql, params, names = table_query(table, catalogue, columns, date_from, date_to,
                                         with_month)
        # its own connection: a long read beside the writer (one file; memory has only one)
        conn = self.conn if self.path == ":memory:" else self._connect()
        try:
            for row in conn.execute(sql, params):
                yield dict(zip(names, row, strict=True))
        finally:
            if conn is not self.conn:
                conn.close()

    def close(self) -> None:
        self.conn.close()

