"""The PostgreSQL store: the same protocol, rows and migrations as SQLite, for many writers.

``open_store("postgresql://user:pass@host/db")`` (psycopg 3, the ``postgres`` extra). Rows
come from ``store/rows.py`` (one backend-neutral module); a batch is one transaction that
upserts its articles (in key order, which also orders concurrent writers of the same article),
replaces their child rows with ``COPY``, and adds duplicate links, rejections and signatures
with ``ON CONFLICT``, so any number of writers (distributed workers) can store at once and a
rerun stores every article exactly once by its content-hash key.

The near-duplicate index that those writers share lives here too (``claim``).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from typing import Any

from parley.errors import ConfigError, StorageError
from parley.model import Article, Document, Rejection
from parley.store.base import (
    Batch,
    BatchWrites,
    NearWatch,
    Similarity,
    WriteResult,
    nearest_late,
    signatures_to_check,
)
from parley.store.pg_schema import pg_migrations
from parley.store.tables import INTERNAL, kind_of, table_query

logger = logging.getLogger(__name__)

_LOCK_MIGRATE = 0x7061726C6579  # "parley": one migrating process at a time
_LOCK_SIGNATURES = 0x7061726C6573  # writers that re-check near duplicates take turns


def _pg(sql: str) -> str:
    """Shared SQL (``?`` placeholders) in psycopg's style (``%s``)."""
    return sql.replace("%", "%%").replace("?", "%s")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def bucket(data: bytes) -> int:
    """A band of MinHash values as one signed 64-bit bucket id."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


class PostgresStore(BatchWrites):
    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise ConfigError(
                f"store {url!r} needs psycopg 3: pip install 'parley[postgres]'") from None
        self.url = url
        self._psycopg = psycopg
        self._lock = threading.RLock()
        try:
            self.conn = psycopg.connect(url, autocommit=True)
            self._migrate()
        except psycopg.Error as exc:
            raise StorageError(f"cannot open PostgreSQL store {_redact(url)}: {exc}") from exc
        self._catalogue: dict[str, list[tuple[str, str]]] = {}
        self._keys: dict[str, list[str]] = {}
        self._near: NearWatch | None = None
        self._own: set[str] = set()  # keys this store wrote signatures for
        self._reader: Any = None
        self._rejected: Counter[tuple[str, str, str, str]] = Counter()
        self._sig_seen = self._one("SELECT coalesce(max(seq), 0) FROM signatures")[0]

    # -- schema -------------------------------------------------------------------------
    def _migrate(self) -> None:
        c = self.conn
        with c.transaction():
            c.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_MIGRATE,))
            c.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at "
                      "TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', "
                      "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')))")
            done = {r[0] for r in c.execute("SELECT name FROM migrations")}
            for name, statements in pg_migrations():
                if name in done:
                    continue
                for statement in statements:
                    c.execute(statement)
                c.execute("INSERT INTO migrations(name) VALUES (%s)", (name,))
                logger.info("applied migration %s to %s", name, _redact(self.url))

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...]:
        row = self.conn.execute(sql, tuple(params)).fetchone()
        if row is None:
            raise StorageError(f"no row for {sql[:60]!r}")
        return tuple(row)

    def migrations(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM migrations ORDER BY name")]

    def table_names(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name").fetchall()
        names = [r[0] for r in rows if r[0] not in INTERNAL]
        order = ["articles", "duplicates", "actors", "mentions", "events", "event_participants",
                 "quotes", "stances", "rejections"]
        return sorted(names, key=lambda n: (order.index(n) if n in order else len(order), n))

    def table_columns(self, table: str) -> list[tuple[str, str]]:
        if table not in self._catalogue:
            rows = self.conn.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE "
                "table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
                (table,)).fetchall()
            self._catalogue[table] = [(r[0], kind_of(r[1])) for r in rows]
        return self._catalogue[table]

    def _primary_key(self, table: str) -> list[str]:
        if table not in self._keys:
            rows = self.conn.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
                " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = to_regclass(%s)"
                " AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)",
                (table,)).fetchall()
            self._keys[table] = [r[0] for r in rows]
        return self._keys[table]

    # -- writing ------------------------------------------------------------------------
    def watch_near_duplicates(self, threshold: float, similarity: Similarity,
                              checked_at: Callable[[str], int | None] | None = None) -> None:
        """As SQLite's: re-check each batch, inside its write, against the signatures other
        writers stored since the deduper checked its articles (``checked_at(key)``: the
        signature number it had seen then; without it, since this store last wrote)."""
        self._near = (threshold, similarity, checked_at)

    def write_batch(self, batch: Batch) -> WriteResult:
        """One transaction: articles, their rows, duplicate links, rejections, signatures.

        The commit does not wait for the server's WAL flush (``synchronous_commit = off``
        for this transaction only, docs/decisions.md): a killed run loses nothing it
        committed; a crash of the server itself can lose the last fraction of a second of
        batches, whole ones, which the rerun stores again by their content keys.
        """
        with self._lock:
            counted: Counter[tuple[str, str, str, str]] = Counter()
            try:
                with self.conn.transaction():
                    self.conn.execute("SET LOCAL synchronous_commit = off")
                    result = self._write(batch, counted)
            except self._psycopg.Error as exc:
                raise StorageError(f"cannot write a batch of {len(batch)} in "
                                   f"{_redact(self.url)}: {exc}") from exc
            self._rejected.update(counted)
            self._sig_seen = result.signatures_seen
            self._own.update(result.own_signatures)
            return result

    def _write(self, batch: Batch, counted: Counter[tuple[str, str, str, str]]) -> WriteResult:
        c = self.conn
        result = WriteResult()
        if self._near is not None:
            # the late near-duplicate check must see every signature committed before it:
            # writers that watch take turns, as SQLite's BEGIN IMMEDIATE makes them
            c.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_SIGNATURES,))
        # a key is a hash of the whole text: worked out once per document here
        keyed = sorted(((doc.article.key, doc) for doc in batch.documents), key=lambda kd: kd[0])
        late = self._late_near(batch, dict(keyed))
        links = list(batch.duplicates)
        todo: list[tuple[str, Document]] = []
        first_of: dict[str, str] = {}
        # key order: concurrent writers of the same articles wait for each other, never deadlock
        for key, doc in keyed:
            a = doc.article
            if key in late:
                first_key, sim = late[key]
                links.append((a, first_key, "near", sim))
                result.linked.append((a.id, first_key, "near"))
            elif key in first_of:  # the same text twice in one batch: the first is stored
                if first_of[key] != a.id:
                    links.append((a, key, "exact", 1.0))
                    result.linked.append((a.id, key, "exact"))
            else:
                first_of[key] = a.id
                todo.append((key, doc))
        if todo:
            result.stored = self._store_documents(todo, links, result)
        self._links(links)
        self._rejections(batch.rejections, counted)
        if batch.signatures:
            with c.cursor() as cur:
                cur.executemany(
                    "INSERT INTO signatures (key, signature) SELECT %s, %s WHERE EXISTS"
                    " (SELECT 1 FROM articles WHERE key = %s) ON CONFLICT (key) DO NOTHING",
                    [(k, sig, k) for k, sig in batch.signatures])
        result.signatures_seen = (
            self._one("SELECT coalesce(max(seq), 0) FROM signatures")[0]
            if batch.signatures or self._near is not None else self._sig_seen)
        result.own_signatures = [k for k, _ in batch.signatures]
        return result

    def _store_documents(self, todo: list[tuple[str, Document]],
                         links: list[tuple[Article, str, str, float]], result: WriteResult) -> int:
        """Insert the articles (one pipeline: the server indexes each article's text while
        this process lays out the next), replace re-stored ones, COPY every child row in."""
        from parley.store.rows import CHILD_TABLES, document_rows
        from parley.store.sqlite_layout import ARTICLE_STORED, encode

        c = self.conn
        cols = list(ARTICLE_STORED)
        assert cols[:2] == ["key", "id"]
        laid: list[tuple[str, Article, dict[str, Any], dict[str, list[dict[str, Any]]]]] = []

        def values() -> Iterator[list[Any]]:
            for key, doc in todo:
                # SQLite's layout, row for row, with text and mentions plain (TOAST packs them)
                art, children = encode(document_rows(doc), compress=False)
                laid.append((key, doc.article, art, children))
                yield [art[k] for k in cols]

        insert = (f"INSERT INTO articles ({', '.join(map(_q, cols))}) VALUES"
                  f" ({', '.join(['%s'] * len(cols))}) ON CONFLICT (key) DO NOTHING RETURNING n")
        numbers: dict[str, int] = {}
        with c.pipeline(), c.cursor() as cur:
            cur.executemany(insert, values(), returning=True)
            for key, *_ in laid:  # one result per article: its number, or none if stored
                row = cur.fetchone()
                if row is not None:
                    numbers[key] = row[0]
                cur.nextset()
        others = [key for key, *_ in laid if key not in numbers]
        stored = {key: (n, id_) for key, n, id_ in c.execute(
            "SELECT key, n, id FROM articles WHERE key = ANY(%s) ORDER BY key FOR UPDATE",
            (others,)).fetchall()} if others else {}
        update = (f"UPDATE articles SET {', '.join(f'{_q(k)} = %s' for k in cols[2:])}"
                  " WHERE n = %s")
        fresh: dict[str, list[tuple[int, dict[str, Any]]]] = {t: [] for t in CHILD_TABLES}
        replaced: list[int] = []
        count = 0
        for key, a, art, children in laid:
            n = numbers.get(key)
            if n is None:
                n, stored_id = stored[key]
                if stored_id != a.id:  # the same text stored under another id
                    links.append((a, key, "exact", 1.0))
                    result.linked.append((a.id, key, "exact"))
                    continue
                c.execute(update, [art[k] for k in cols[2:]] + [n])
                replaced.append(n)
            for table in CHILD_TABLES:
                fresh[table].extend((n, r) for r in children[table])
            count += 1
        for table in CHILD_TABLES:
            self._replace(table, replaced, fresh[table])
        return count

    def _late_near(self, batch: Batch, docs: dict[str, Document]) -> dict[str, tuple[str, float]]:
        """Articles of the batch near a signature another writer stored since they were
        checked: ``{key: (first key, similarity)}`` (SQLite's rule, by signature number)."""
        since = signatures_to_check(self._near, batch, docs, self._sig_seen)
        if self._near is None or not since:
            return {}
        stored = self.conn.execute(
            "SELECT seq, key, signature FROM signatures WHERE seq > %s ORDER BY seq",
            (min(since.values()),)).fetchall()
        return nearest_late(self._near, since, dict(batch.signatures),
                            ((n, k, bytes(sig)) for n, k, sig in stored if k not in self._own))

    def _replace(self, table: str, numbers: list[int],
                 rows: list[tuple[int, dict[str, Any]]]) -> None:
        """Delete the old rows of re-stored articles from ``table``; COPY the new ones
        (``(article number, row)``) in."""
        from parley.store.sqlite_layout import STORED

        if numbers:
            self.conn.execute(f"DELETE FROM {_q(table)} WHERE article = ANY(%s)", (numbers,))
        if not rows:
            return
        cols = STORED[table]
        assert cols[0] == "article"
        values = itemgetter(*cols[1:])
        pk = self._primary_key(table)
        ident = itemgetter(*[c for c in pk if c != "article"]) if len(pk) > 1 else None
        seen: set[tuple[int, Any]] = set()
        with self.conn.cursor() as cur, cur.copy(
                f"COPY {_q(table)} ({', '.join(map(_q, cols))}) FROM STDIN") as copy:
            for n, r in rows:
                if ident is not None:
                    own = (n, ident(r))
                    if own in seen:  # the same key twice in one article: keep the first
                        continue
                    seen.add(own)
                copy.write_row((n, *values(r)))

    def _links(self, links: list[tuple[Article, str, str, float]]) -> None:
        """Duplicate links, in one round trip; the same input read again is not a copy of
        itself (an exact link to the stored article under its own id is no link)."""
        if not links:
            return
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO duplicates (id, key, first_key, kind, similarity, title, date, url,"
                " source) SELECT %(id)s, %(key)s, %(first)s, %(kind)s, %(sim)s, %(title)s,"
                " %(date)s, %(url)s, %(source)s WHERE %(key)s <> %(first)s OR NOT EXISTS"
                " (SELECT 1 FROM articles WHERE key = %(first)s AND id = %(id)s)"
                " ON CONFLICT (id, key) DO NOTHING",
                [{"id": a.id, "key": key, "first": first_key, "kind": kind, "sim": sim,
                  "title": a.title, "date": a.date, "url": a.url, "source": a.source}
                 for a, first_key, kind, sim in links for key in (a.key,)])

    def _rejections(self, rejections: list[tuple[Rejection, Article | None]],
                    counted: Counter[tuple[str, str, str, str]]) -> None:
        """Rejections, in one round trip: the nth rejection of one input, stage, reason and
        article in this store's runs is its ``occurrence`` (a rerun replaces, never adds)."""
        if not rejections:
            return
        params = []
        for rejection, article in rejections:
            key = article.key if article is not None and article.text else None
            ident = (rejection.input, rejection.stage, rejection.reason, key or "")
            counted[ident] += 1
            params.append((rejection.input, rejection.stage, rejection.reason, rejection.detail,
                           key, self._rejected[ident] + counted[ident]))
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO rejections (input, stage, reason, detail, article_key, occurrence)"
                " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (input, stage, reason,"
                " coalesce(article_key, ''), occurrence) DO UPDATE SET detail = EXCLUDED.detail",
                params)

    # -- the shared near-duplicate index --------------------------------------------------
    def claim(self, key: str, article_id: str, signature: bytes | None, threshold: float,
              bands: int, rows: int, similarity: Similarity) -> tuple[str, str, float] | None:
        """Claim ``key`` as a first copy, or learn which stored or in-flight article it copies:
        ``(first_key, 'exact' | 'near', similarity)``, or None when it is the first.

        Safe under any number of concurrent writers: the claim locks the LSH buckets of its
        signature (advisory locks, in bucket order) before it looks, so of two near copies
        claimed at once one sees the other. A claim by the same input id (a rerun after a
        crash) is the input's own, not a copy. ``bands`` x ``rows`` values of the signature
        (of 128) make the LSH bands; ``similarity`` is the deduper's estimate.
        """
        width = rows * (len(signature) // 128 if signature else 8)
        buckets = []
        if signature is not None:
            buckets = sorted({(b, bucket(signature[b * width:(b + 1) * width]))
                              for b in range(bands) if len(signature) >= (b + 1) * width})
        with self._lock, self.conn.transaction():
            c = self.conn
            for _, h in buckets:
                c.execute("SELECT pg_advisory_xact_lock(%s)", (h,))
            row = c.execute(
                "INSERT INTO dedupe_claims (key, article_id, signature) VALUES (%s, %s, %s)"
                " ON CONFLICT (key) DO NOTHING RETURNING seq", (key, article_id, signature)
            ).fetchone()
            if row is None:
                seq, owner = self._one("SELECT seq, article_id FROM dedupe_claims WHERE key = %s",
                                       (key,))
                if owner != article_id:
                    return key, "exact", 1.0
            else:
                seq = row[0]
            if not buckets:
                return None
            with c.cursor() as cur:
                cur.executemany(
                    "INSERT INTO dedupe_bands (band, bucket, key) VALUES (%s, %s, %s)"
                    " ON CONFLICT DO NOTHING", [(b, h, key) for b, h in buckets])
            found = c.execute(
                "SELECT DISTINCT c.key, c.signature FROM dedupe_bands d JOIN dedupe_claims c"
                " ON c.key = d.key WHERE d.band = ANY(%s) AND d.bucket = ANY(%s)"
                " AND d.key <> %s AND c.seq < %s AND c.signature IS NOT NULL",
                ([b for b, _ in buckets], [h for _, h in buckets], key, seq)).fetchall()
            best: tuple[float, str] | None = None
            pairs = set(buckets)
            for cand, sig in found:
                sig = bytes(sig)
                if not any((b, bucket(sig[b * width:(b + 1) * width])) in pairs
                           for b in range(bands)):
                    continue  # matched a band and a bucket of different pairs
                sim = similarity(signature or b"", sig)
                if sim >= threshold and (best is None or sim > best[0]):
                    best = (sim, cand)
            return (best[1], "near", best[0]) if best else None

    def release(self, key: str) -> None:
        """Forget a claim whose article was not stored (rejected by a later stage)."""
        with self._lock, self.conn.transaction():
            self.conn.execute("DELETE FROM dedupe_bands WHERE key = %s", (key,))
            self.conn.execute("DELETE FROM dedupe_claims WHERE key = %s", (key,))

    # -- reading ------------------------------------------------------------------------
    def has_article(self, key: str) -> bool:
        with self._lock:
            return self.conn.execute("SELECT 1 FROM articles WHERE key = %s",
                                     (key,)).fetchone() is not None

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]:
        for _, key, sig in self.signatures_since(0):
            yield key, sig

    def signatures_since(self, seq: int) -> list[tuple[int, str, bytes]]:
        """Signatures stored after ``seq`` (by any writer), oldest first."""
        with self._lock:
            rows = self.conn.execute("SELECT seq, key, signature FROM signatures WHERE seq > %s"
                                     " ORDER BY seq", (seq,)).fetchall()
        return [(n, k, bytes(sig)) for n, k, sig in rows]

    def reader(self) -> Any:
        """The reader (one per store; each thread reads over its own connection)."""
        if self._reader is None:
            from parley.store.pg_reader import PgReader

            self._reader = PgReader(self)
        return self._reader

    def iter_table(self, table: str, columns: Sequence[str] | None = None,
                   date_from: str | None = None, date_to: str | None = None,
                   with_month: bool = False) -> Iterator[dict[str, Any]]:
        catalogue = self.table_columns(table)
        sql, params, names = table_query(table, catalogue, columns, date_from, date_to,
                                         with_month, packed=False)
        # a server-side cursor on its own connection: whole tables stream in chunks
        with self._psycopg.connect(self.url) as conn, conn.cursor(name="parley_table") as cur:
            cur.itersize = 2000
            cur.execute(_pg(sql), params)
            for row in cur:
                yield {n: (bytes(v) if isinstance(v, memoryview) else v)
                       for n, v in zip(names, row, strict=True)}

    def iter_documents(self) -> Iterator[dict[str, Any]]:
        """Every stored article's CONTRACT record, rebuilt from its rows (as SQLite's)."""
        reader = self.reader()
        with self._lock:
            keys = [r[0] for r in self.conn.execute("SELECT key FROM articles ORDER BY n")]
        for key in keys:
            record = reader.article(key)
            if record is not None:
                yield record

    def counts(self) -> dict[str, int]:
        out = {}
        with self._lock:
            for table in ("articles", "actors", "events", "event_participants", "quotes",
                          "stances", "duplicates", "rejections", "signatures"):
                out[table] = self._one(f"SELECT count(*) FROM {table}")[0]
        return out

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
        self.conn.close()


def _redact(url: str) -> str:
    """A URL without its password, for messages."""
    try:
        from urllib.parse import urlsplit, urlunsplit

        parts = urlsplit(url)
        if parts.password:
            netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
            return urlunsplit(parts._replace(netloc=netloc))
    except ValueError:
        pass
    return url
