"""The one place where the web layer meets Parley: the facade, its reader and the analysis.

Routes and pages call ``Service`` methods only; they hold no SQL and know no store. The
worker threads share one reader (thread-safe: the store's Reader keeps a connection per
thread). Every call runs in a bounded pool of threads and gives up after ``timeout_s``
with a 504.

What is kept: the store is read-only while serving, so an answer depends only on the
question and the store's contents. Each answer is kept under (question, data version):
``version()`` changes whenever the store's files change (SQLite: the size and mtime of the
database and its WAL, and the WAL index header), so a kept answer is never served after the store changed; where the
store cannot tell (no ``version``), answers are kept ``limits.cache_s`` seconds. The API's
answers are kept as the JSON bytes sent (with an ETag); a question asked again is answered
from memory in the event loop, without a thread. One computation per question at a time:
the others wait for it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import json
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio
import anyio.to_thread

T = TypeVar("T")


class ApiError(Exception):
    """An error the API answers with ``{"status": ..., "message": ...}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Limits:
    timeout_s: float = 10.0  # a query that runs longer is answered 504
    max_page: int = 200  # the largest page a client may ask for
    threads: int = 8  # queries running at once
    cache_s: float = 30.0  # kept this long where the store has no version; 0: nothing kept
    cache_mb: float = 64.0  # the API's kept JSON answers, at most this many MB per process


@dataclass(frozen=True)
class Answer:
    """One JSON answer as sent: its bytes and their ETag."""

    body: bytes
    etag: str


def _default(value: Any) -> Any:
    """JSON for what ``json`` does not know (dataclasses, dates, sets): FastAPI's encoder."""
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(value)


def encode(value: Any) -> Answer:
    """``value`` as the JSON FastAPI would send (UTF-8, compact, no NaN) and its ETag."""
    return answer_of(json.dumps(value, ensure_ascii=False, allow_nan=False,
                                separators=(",", ":"), default=_default).encode("utf-8"))


def answer_of(body: bytes) -> Answer:
    return Answer(body, '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"')


def _retrieved(task: asyncio.Task[Any]) -> None:
    """Mark a computation's error as seen (the requests that waited for it have had it)."""
    if not task.cancelled():
        task.exception()


def file_version(path: str) -> Callable[[], Hashable]:
    """A SQLite store's data version: size and mtime of the database file and its WAL, and
    the WAL index header (the first 48 bytes of the ``-shm`` file, which every commit
    changes: https://www.sqlite.org/walformat.html). A reader changes none of them. About
    10 microseconds."""
    def version() -> Hashable:
        out: list[Any] = []
        for p in (path, path + "-wal"):
            try:
                st = os.stat(p)
            except OSError:
                out.append(None)
            else:
                out.append((st.st_size, st.st_mtime_ns))
        try:
            fd = os.open(path + "-shm", os.O_RDONLY)
        except OSError:
            out.append(None)
        else:
            try:
                out.append(os.pread(fd, 48, 0))
            finally:
                os.close(fd)
        return tuple(out)
    return version


class Service:
    """What the API and the pages may ask for.

    ``reader_factory`` opens the reader; ``analysis`` is the module or object
    with ``brief``/``dyad``/``network``/``positions``/``alerts`` over a reader; ``who`` looks
    up the knowledge base on a date; ``ingest`` stores records (None: read-only).
    """

    def __init__(self, reader_factory: Callable[[], Any], *, analysis: Any = None,
                 who: Callable[[str, str | None], list[dict[str, Any]]] | None = None,
                 ingest: Callable[[list[dict[str, Any]]], dict[str, Any]] | None = None,
                 limits: Limits | None = None, token: str | None = None,
                 version: Callable[[], Hashable] | None = None, shared: Any = None) -> None:
        self._factory = reader_factory
        self._shared = shared  # parley.api.shared.SharedAnswers of `serve --workers N`
        self._version = version
        self._reader: Any = None
        self._lock = threading.Lock()
        self.analysis = analysis
        self._who = who
        self._ingest = ingest
        self.limits = limits or Limits()
        self.token = token or None
        self._pools: dict[str | None, anyio.CapacityLimiter] = {}
        self._cache: dict[tuple[Any, ...], tuple[float, Any]] = {}
        self._flights: dict[tuple[Any, ...], threading.Lock] = {}
        self._answers: OrderedDict[tuple[Any, ...], tuple[float, Answer]] = OrderedDict()
        self._answer_bytes = 0
        self._pending: dict[tuple[Any, ...], asyncio.Task[Answer]] = {}
        # URL -> the key its answer is kept under in _answers (which alone holds bytes)
        self._by_url: OrderedDict[tuple[str, bytes, Hashable], tuple[Any, ...]] = OrderedDict()

    @classmethod
    def from_facade(cls, parley: Any, db: str | None = None, *, limits: Limits | None = None,
                    token: str | None = None, writable: bool = False,
                    shared: Any = None) -> Service:
        """The service over ``parley.Parley``: its reader and knowledge base, the analysis
        package over that reader, and (with a token) its ingest."""
        import parley.analysis as analysis

        ingest = None
        if writable and token:
            def ingest(records: list[dict[str, Any]]) -> dict[str, Any]:
                return dataclasses.asdict(parley.ingest(records, db=db))
        path = db or parley.settings.db
        version = None if "://" in path or path == ":memory:" else file_version(path)
        return cls(lambda: parley.reader(db), analysis=analysis, who=parley.who, ingest=ingest,
                   limits=limits, token=token, version=version, shared=shared)

    # -- threads ------------------------------------------------------------------------
    def reader(self) -> Any:
        """The one reader every worker thread shares (the store's Reader keeps a connection
        per thread), opened on first use."""
        r = self._reader
        if r is None:
            with self._lock:
                if self._reader is None:
                    self._reader = self._factory()
                r = self._reader
        return r

    def close(self) -> None:
        with self._lock:
            r, self._reader = self._reader, None
        close = getattr(r, "close", None)
        if close is not None:
            close()

    def _pool(self, kind: str | None) -> anyio.CapacityLimiter:
        """The threads for quick look-ups (``kind`` None: ``limits.threads``) and, apart, for
        each kind of question that aggregates many rows (a brief, a search, a list of
        events: half as many each), so that a quick question never queues behind slow ones
        of another kind."""
        with self._lock:
            pool = self._pools.get(kind)
            if pool is None:
                size = self.limits.threads if kind is None else max(1, self.limits.threads // 2)
                pool = self._pools[kind] = anyio.CapacityLimiter(size)
            return pool

    def _too_long(self, seconds: float) -> ApiError:
        return ApiError(504, f"the query took longer than {seconds:g} s; "
                             "narrow it with a date range or a smaller page")

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn`` in the pool, bounded by ``limits.timeout_s``."""
        return await self.run_for(self.limits.timeout_s, fn, *args, **kwargs)

    async def run_for(self, seconds: float, fn: Callable[..., T], *args: Any,
                      kind: str | None = None, **kwargs: Any) -> T:
        """Run ``fn`` in the pool for ``kind``, bounded by ``seconds``."""
        try:
            with anyio.fail_after(seconds):
                return await anyio.to_thread.run_sync(
                    lambda: fn(*args, **kwargs), limiter=self._pool(kind),
                    abandon_on_cancel=True)
        except TimeoutError:
            raise self._too_long(seconds) from None

    # -- reader -------------------------------------------------------------------------
    def articles(self, **filters: Any) -> list[dict[str, Any]]:
        """A page of articles; the same page asked again within ``limits.cache_s`` is
        served from memory (ranking every match of a common word takes ~0.1 s)."""
        return self._kept(("articles", tuple(sorted(filters.items()))), self.limits.cache_s,
                          lambda: list(self.reader().articles(**filters)))

    def article(self, key: str) -> dict[str, Any]:
        rec = self.reader().article(key)
        if not rec:
            raise ApiError(404, f"no article with key {key!r}")
        return dict(rec)

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        """A page of events; kept like ``articles``."""
        return self._kept(("events", tuple(sorted(filters.items()))), self.limits.cache_s,
                          lambda: list(self.reader().events(**filters)))

    def evidence(self, article_key: str, kind: str, record_id: str) -> dict[str, Any] | None:
        return self.reader().evidence(article_key, kind, record_id)

    def events_with_evidence(self, **filters: Any) -> list[dict[str, Any]]:
        """Events with the exact sentence each stands on (for the evidence pages)."""
        out = []
        for e in self.events(**filters):
            ev = self.evidence(e["article_key"], "event", e["event_id"]) or {}
            out.append({**e, "evidence": {**ev, "article_key": e["article_key"],
                                          "kind": "event"}})
        return out

    def stances_with_evidence(self, **filters: Any) -> list[dict[str, Any]]:
        """Stances with the sentence each stands on."""
        out = []
        for st in self.reader().stances(**filters):
            ev = self.evidence(st["article_key"], "stance", st["stance_id"]) or {}
            out.append({**st, "evidence_record": {**ev, "article_key": st["article_key"],
                                                  "kind": "stance"}})
        return out

    def actors(self, **filters: Any) -> list[dict[str, Any]]:
        return list(self.reader().actors(**filters))

    def who(self, name: str, date: str | None) -> list[dict[str, Any]]:
        if self._who is None:
            raise ApiError(501, "this server has no knowledge base to look names up in")
        return list(self._who(name, date))

    def counts(self) -> dict[str, int]:
        """Rows per table (counting them reads every table: kept a few seconds)."""
        return dict(self._kept(("counts",), min(5.0, self.limits.cache_s),
                               lambda: self.reader().counts()))

    # -- analysis -----------------------------------------------------------------------
    def _analysis(self, name: str, *args: Any, **kw: Any) -> Any:
        """``parley.analysis.<name>(reader, *args, **kw)``, kept ``limits.cache_s`` seconds.

        Analyses aggregate many rows (a brief over a store of 30,000 articles takes seconds)
        and their answer changes only when the store does; the same question within the
        window gets the same answer, and one computation serves every request that asks it
        meanwhile (the others wait for it instead of computing it again)."""
        fn = getattr(self.analysis, name, None)
        if fn is None:
            raise ApiError(501, f"the {name} analysis is not available in this installation")
        return self._kept((name, args, tuple(sorted(kw.items()))), self.limits.cache_s,
                          lambda: fn(self.reader(), *args, **kw))

    def data_version(self) -> Hashable:
        """The store's data version (None where the store cannot tell)."""
        return None if self._version is None else self._version()

    def _fresh(self, stamp: float, seconds: float, version: Hashable) -> bool:
        """Whether something kept at ``stamp`` may still be served: while the store's
        version is the same (it is part of the key), else for ``seconds``."""
        return version is not None or time.monotonic() - stamp < seconds

    def _kept(self, key: tuple[Any, ...], seconds: float, compute: Callable[[], T]) -> T:
        """``compute()``, or its value kept under the same key and data version (without a
        version: from less than ``seconds`` ago); one computation per key at a time (the
        others wait for it). ``limits.cache_s`` = 0 keeps nothing."""
        if seconds <= 0 or self.limits.cache_s <= 0:
            return compute()
        version = self.data_version()
        key = (key, version)
        with self._lock:
            flight = self._flights.setdefault(key, threading.Lock())
        with flight:
            hit = self._cache.get(key)
            if hit is not None and self._fresh(hit[0], seconds, version):
                return hit[1]
            value = compute()
            with self._lock:
                if len(self._cache) >= 512:  # forget the oldest half
                    for k, _ in sorted(self._cache.items(), key=lambda kv: kv[1][0])[:256]:
                        self._cache.pop(k, None)
                        self._flights.pop(k, None)
                self._cache[key] = (time.monotonic(), value)
            return value

    async def answer(self, key: tuple[Any, ...], compute: Callable[[], Any], *,
                     kind: str | None = None, url: tuple[str, bytes] | None = None) -> Answer:
        """The JSON answer to one API question: kept bytes when the same question was
        answered on the same data version (looked up here, in the event loop: no thread),
        else ``compute()`` encoded in the pool for ``kind`` (None: quick look-ups). ``url``
        (path, query string): the URL that asked, answered from then on before routing
        (``answer_for_url``) while the data version is the one this answer is for.

        One computation per question at a time: the others asking it wait for it. A request
        waits at most ``limits.timeout_s`` (then 504); the computation itself goes on and
        its answer is kept, so the work is not lost and the next request gets it."""
        if self.limits.cache_s <= 0:
            return await self.run_for(self.limits.timeout_s, lambda: encode(compute()),
                                      kind=kind)
        version = self.data_version()
        full = (key, version)
        with self._lock:
            hit = self._answers.get(full)
            if hit is not None and self._fresh(hit[0], self.limits.cache_s, version):
                self._answers.move_to_end(full)
                self._note_url(url, full)
                return hit[1]
        loop = asyncio.get_running_loop()
        task = self._pending.get(full)
        if task is None or task.get_loop() is not loop:
            task = loop.create_task(self._compute(full, compute, kind))
            task.add_done_callback(_retrieved)
            self._pending[full] = task
        try:
            ans = await asyncio.wait_for(asyncio.shield(task), self.limits.timeout_s)
        except asyncio.TimeoutError:
            raise self._too_long(self.limits.timeout_s) from None
        with self._lock:
            self._note_url(url, full)
        return ans

    async def _compute(self, full: tuple[Any, ...], compute: Callable[[], Any],
                       kind: str | None) -> Answer:
        shared = self._shared if full[1] is not None else None
        name = shared.name(full) if shared is not None else ""
        try:
            if shared is not None:
                kept = await self._from_other_workers(shared, name)
                if kept is not None:
                    self._keep_answer(full, kept)
                    return kept
            try:
                ans = await anyio.to_thread.run_sync(lambda: encode(compute()),
                                                     limiter=self._pool(kind))
            except BaseException:
                if shared is not None:
                    shared.release(name)
                raise
            self._keep_answer(full, ans)
            if shared is not None:
                await anyio.to_thread.run_sync(shared.put, name, ans.body,
                                               limiter=self._pool(None))
            return ans
        finally:
            if self._pending.get(full) is asyncio.current_task():
                del self._pending[full]

    async def _from_other_workers(self, shared: Any, name: str) -> Answer | None:
        """The answer another worker process has shared, waiting for it while one computes
        it; None once this process has claimed the question (it computes it then)."""
        while True:
            body = shared.get(name)
            if body is not None:
                return answer_of(body)
            if shared.claim(name, stale_s=3 * self.limits.timeout_s):
                body = shared.get(name)  # shared between our look and our claim
                if body is not None:
                    shared.release(name)
                    return answer_of(body)
                return None
            await asyncio.sleep(0.02)

    def answer_for_url(self, path: str, query: bytes) -> Answer | None:
        """The kept answer to this very URL on the current data version, if one was sent
        (``answer(url=...)``): the same URL asks the same question, so a repeat needs no routing
        and no parameter parsing. None: route it."""
        if self.limits.cache_s <= 0:
            return None
        version = self.data_version()
        if version is None:  # no version: kept answers expire, and only _answers knows when
            return None
        key = (path, query, version)
        with self._lock:
            full = self._by_url.get(key)
            hit = self._answers.get(full) if full is not None else None
            if hit is None or full is None:
                return None
            self._by_url.move_to_end(key)
            self._answers.move_to_end(full)
            return hit[1]

    def _note_url(self, url: tuple[str, bytes] | None, full: tuple[Any, ...]) -> None:
        """Remember that ``url`` was answered with the answer kept under ``full`` (question,
        data version), under the lock."""
        if url is None or full[1] is None:
            return
        self._by_url[(url[0], url[1], full[1])] = full
        while len(self._by_url) > 50_000:
            self._by_url.popitem(last=False)

    def _keep_answer(self, key: tuple[Any, ...], ans: Answer) -> None:
        limit = int(self.limits.cache_mb * 1024 * 1024)
        if len(ans.body) > limit // 4:
            return
        with self._lock:
            old = self._answers.pop(key, None)
            if old is not None:
                self._answer_bytes -= len(old[1].body)
            self._answers[key] = (time.monotonic(), ans)
            self._answer_bytes += len(ans.body)
            while self._answer_bytes > limit and self._answers:  # least recently used first
                _, (_, gone) = self._answers.popitem(last=False)
                self._answer_bytes -= len(gone.body)

    def forget(self) -> None:
        """Drop everything kept (after the store has changed)."""
        with self._lock:
            self._cache.clear()
            self._flights.clear()
            self._answers.clear()
            self._by_url.clear()
            self._answer_bytes = 0

    def brief(self, actor: str, **kw: Any) -> dict[str, Any]:
        return dict(self._analysis("brief", actor, **kw))

    def dyad(self, a: str, b: str, **kw: Any) -> dict[str, Any]:
        return dict(self._analysis("dyad", a, b, **kw))

    def network(self, **kw: Any) -> dict[str, Any]:
        return dict(self._analysis("network", **kw))

    def positions(self, **kw: Any) -> dict[str, Any]:
        return dict(self._analysis("positions", **kw))

    def alerts(self, **kw: Any) -> Any:
        return self._analysis("alerts", **kw)

    # -- writing ------------------------------------------------------------------------
    @property
    def writable(self) -> bool:
        return self._ingest is not None and self.token is not None

    def ingest(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        if self._ingest is None:
            raise ApiError(403, "this server is read-only")
        try:
            return self._ingest(records)
        finally:
            self.forget()
