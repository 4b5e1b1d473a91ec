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
from collections.abc import Iterator, Sequence
from typing import Any

from parley.errors import ConfigError, StorageError
from parley.model import Article, Document, Rejection
from parley.store.base import Batch
from parley.store.pg_schema import pg_migrations
from parley.store.tables import INTERNAL, kind_of, table_query

logger = logging.getLogger(__name__)

_LOCK_MIGRATE = 0x7061726C6579  # "parley": one migrating process at a time


def _pg(sql: str) -> str:
    """Shared SQL (``?`` placeholders) in psycopg's style (``%s``)."""
    return sql.replace("%", "%%").replace("?", "%s")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def bucket(data: bytes) -> int:
    """A band of MinHash values as one signed 64-bit bucket id."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


def jaccard(a: bytes, b: bytes) -> float:
    """MinHash similarity: the share of equal 64-bit values (datasketch's estimate)."""
    n = min(len(a), len(b)) // 8
    if n == 0:
        return 0.0
    same = sum(a[i:i + 8] == b[i:i + 8] for i in range(0, n * 8, 8))
    return same / n


class PostgresStore:
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
    def write_batch(self, batch: Batch) -> None:
        """One transaction: articles, their rows, duplicate links, rejections, signatures."""
        from parley.store.rows import TABLES, document_rows

        docs = sorted(batch.documents, key=lambda d: d.article.key)
        rows: dict[str, list[dict[str, Any]]] = {t: [] for t in ("articles", *TABLES)}
        for doc in docs:
            for table, rs in document_rows(doc).items():
                rows[table].extend(rs)
        with self._lock:
            try:
                with self.conn.transaction():
                    self._upsert_articles(rows["articles"])
                    keys = [r["key"] for r in rows["articles"]]
                    for table in TABLES:
                        self._replace(table, keys, rows[table])
                    self._duplicates(batch.duplicates)
                    self._rejections(batch.rejections)
                    self._signatures(batch.signatures)
            except self._psycopg.Error as exc:
                raise StorageError(f"cannot store a batch of {len(batch)} in "
                                   f"{_redact(self.url)}: {exc}") from exc

    def _upsert_articles(self, rows: list[dict[str, Any]]) -> None:
        from parley.store.rows import ARTICLE_COLUMNS

        if not rows:
            return
        cols = list(ARTICLE_COLUMNS)
        update = ", ".join(f"{_q(c)} = EXCLUDED.{_q(c)}" for c in cols if c not in ("key", "text"))
        sql = (f"INSERT INTO articles ({', '.join(map(_q, cols))}) VALUES "
               f"({', '.join(['%s'] * len(cols))}) ON CONFLICT (key) DO UPDATE SET {update}")
        with self.conn.cursor() as cur:
            cur.executemany(sql, [tuple(r[c] for c in cols) for r in rows])

    def _replace(self, table: str, keys: list[str], rows: list[dict[str, Any]]) -> None:
        """Delete an article's old rows of ``table`` and COPY the new ones in."""
        from parley.store.rows import TABLES

        if keys:
            self.conn.execute(f"DELETE FROM {_q(table)} WHERE article_key = ANY(%s)", (keys,))
        if not rows:
            return
        cols = TABLES[table]
        pk = self._primary_key(table)
        seen: set[tuple[Any, ...]] = set()
        with self.conn.cursor() as cur, cur.copy(
                f"COPY {_q(table)} ({', '.join(map(_q, cols))}) FROM STDIN") as copy:
            for r in rows:
                ident = tuple(r[c] for c in pk)
                if pk and ident in seen:  # the same key twice in one article: keep the first
                    continue
                seen.add(ident)
                copy.write_row(tuple(r[c] for c in cols))

    def _duplicates(self, dups: Sequence[tuple[Article, str, str, float]]) -> None:
        if not dups:
            return
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO duplicates (id, key, first_key, kind, similarity, title, date, url,"
                " source) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id, key) DO"
                " UPDATE SET first_key = EXCLUDED.first_key, kind = EXCLUDED.kind,"
                " similarity = EXCLUDED.similarity",
                [(a.id, a.key, first, kind, sim, a.title, a.date, a.url, a.source)
                 for a, first, kind, sim in dups])

    def _rejections(self, rejections: Sequence[tuple[Rejection, Article | None]]) -> None:
        if not rejections:
            return
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO rejections (input, stage, reason, detail, article_key)"
                " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (input, stage, reason,"
                " coalesce(article_key, ''), occurrence) DO UPDATE SET detail = EXCLUDED.detail",
                [(r.input, r.stage, r.reason, r.detail, a.key if a is not None else None)
                 for r, a in rejections])

    def _signatures(self, signatures: Sequence[tuple[str, bytes]]) -> None:
        if not signatures:
            return
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO signatures (key, signature) VALUES (%s, %s)"
                " ON CONFLICT (key) DO UPDATE SET signature = EXCLUDED.signature",
                list(signatures))

    def put_document(self, doc: Document) -> None:
        self.write_batch(Batch(documents=[doc]))

    def put_rejection(self, rejection: Rejection, article: Article | None = None) -> None:
        self.write_batch(Batch(rejections=[(rejection, article)]))

    def put_duplicate(self, article: Article, first_key: str, kind: str,
                      similarity: float) -> None:
        self.write_batch(Batch(duplicates=[(article, first_key, kind, similarity)]))

    def put_signature(self, key: str, signature: bytes) -> None:
        self.write_batch(Batch(signatures=[(key, signature)]))

    # -- the shared near-duplicate index --------------------------------------------------
    def claim(self, key: str, article_id: str, signature: bytes | None, threshold: float,
              bands: int, rows: int) -> tuple[str, str, float] | None:
        """Claim ``key`` as a first copy, or learn which stored or in-flight article it copies:
        ``(first_key, 'exact' | 'near', similarity)``, or None when it is the first.

        Safe under any number of concurrent writers: the claim locks the LSH buckets of its
        signature (advisory locks, in bucket order) before it looks, so of two near copies
        claimed at once one sees the other. A claim by the same input id (a rerun after a
        crash) is the input's own, not a copy.
        """
        width = rows * 8
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
                seq, owner = c.execute("SELECT seq, article_id FROM dedupe_claims WHERE key = %s",
                                       (key,)).fetchone()
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
                sim = jaccard(signature or b"", sig)
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
        with self._lock:
            rows = self.conn.execute("SELECT key, signature FROM signatures").fetchall()
        for key, sig in rows:
            yield key, bytes(sig)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run shared SQL (``?`` placeholders): the reader's and the exports' queries."""
        with self._lock:
            return self.conn.execute(_pg(sql), tuple(params))

    def iter_table(self, table: str, columns: Sequence[str] | None = None,
                   date_from: str | None = None, date_to: str | None = None,
                   with_month: bool = False) -> Iterator[dict[str, Any]]:
        catalogue = self.table_columns(table)
        sql, params, names = table_query(
            table, catalogue, columns, date_from, date_to, with_month,
            has_article_key=any(c == "article_key" for c, _ in catalogue))
        # a server-side cursor on its own connection: whole tables stream in chunks
        with self._psycopg.connect(self.url) as conn, conn.cursor(name="parley_table") as cur:
            cur.itersize = 2000
            cur.execute(_pg(sql), params)
            for row in cur:
                yield {n: (bytes(v) if isinstance(v, memoryview) else v)
                       for n, v in zip(names, row, strict=True)}

    def iter_documents(self) -> Iterator[dict[str, Any]]:
        from parley.store.rows import TABLES, contract_record

        batch: list[dict[str, Any]] = []
        for art in self.iter_table("articles"):
            batch.append(art)
            if len(batch) >= 200:
                yield from self._records(batch, TABLES, contract_record)
                batch = []
        if batch:
            yield from self._records(batch, TABLES, contract_record)

    def _records(self, arts: list[dict[str, Any]], tables: dict[str, tuple[str, ...]],
                 build: Any) -> Iterator[dict[str, Any]]:
        keys = [a["key"] for a in arts]
        rows: dict[str, dict[str, list[dict[str, Any]]]] = {k: {} for k in keys}
        with self._lock:
            for table, cols in tables.items():
                cur = self.conn.execute(
                    f"SELECT {', '.join(map(_q, cols))} FROM {_q(table)}"
                    " WHERE article_key = ANY(%s)", (keys,))
                for r in cur:
                    d = dict(zip(cols, r, strict=True))
                    rows[d["article_key"]].setdefault(table, []).append(d)
        for art in arts:
            yield build({"articles": [art], **rows[art["key"]]})

    def counts(self) -> dict[str, int]:
        out = {}
        with self._lock:
            for table in ("articles", "actors", "events", "quotes", "stances", "rejections"):
                out[table] = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return out

    def close(self) -> None:
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
