"""``DaskRunner``: the pipeline's batch unit mapped over partitions on a Dask cluster.

``parley ingest SOURCE... --runner dask [--scheduler tcp://HOST:8786 | --workers N]``.
The client reads the sources and cuts them into partitions of ``partition_size`` articles;
at most ``2 x workers`` partitions are in flight, so memory stays flat on any corpus.

Where results go depends on the store:

- **a shared store (PostgreSQL)**: each worker skips articles already stored, claims each
  new one in the store's shared dedupe index, codes its partition and writes it as one batch
  (one transaction); the client only counts;
- **SQLite** (one writer): the client skips stored articles and dedupes (one index, in
  input order), the workers code, and the client writes each returned batch.

A worker that dies mid-partition loses nothing stored: Dask runs the partition again on
another worker, and content-hash keys make the second write replace the first; a rerun
after the whole run was stopped skips every stored article.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from parley.config import Settings
from parley.distributed.worker import (
    DUPLICATE_REASONS,
    PartitionResult,
    code_partition,
    settings_key,
    warm,
)
from parley.errors import ConfigError
from parley.model import Article, Rejection
from parley.runner import RunSummary
from parley.store.base import Batch

logger = logging.getLogger(__name__)


def shared_store(db: str) -> bool:
    """Whether workers can write ``db`` themselves (a server, not a file)."""
    return db.startswith(("postgres://", "postgresql://"))


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class DaskRunner:
    """Run the default pipeline for ``settings`` over a Dask cluster into the store ``db``.

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``); otherwise a
    LocalCluster of ``workers`` processes (one thread each) starts and stops with the run.
    ``store``: the open store, for SQLite (the client writes it); with PostgreSQL the workers
    open their own connections to ``db``.
    """

    def __init__(self, settings: Settings, db: str, store: Any = None,
                 scheduler: str | None = None, workers: int | None = None,
                 partition_size: int = 32, dedupe: bool = True, threshold: float = 0.8,
                 deduper: Any = None, processes: bool = True,
                 preload: tuple[str, ...] = ()) -> None:
        if scheduler and workers:
            raise ConfigError("--scheduler and --workers exclude each other: a scheduler "
                              "brings its own workers")
        if workers is not None and workers < 1:
            raise ConfigError(f"--workers {workers}: must be at least 1")
        if not shared_store(db) and store is None:
            raise ConfigError(f"store {db!r}: a SQLite store is written by the client; "
                              "pass the open store")
        self.settings = settings
        self.db = db
        self.store = store
        self.scheduler = scheduler
        self.workers = workers or 1
        self.partition_size = max(1, partition_size)
        self.dedupe = dedupe
        self.threshold = threshold
        self.deduper = deduper  # SQLite: the client's in-process Deduper
        self.processes = processes
        self.preload = preload
        self.loads: list[int] = []
        self._signatures: dict[str, bytes] = {}  # SQLite: signatures waiting for their article
        self.startup_seconds = 0.0  # cluster start and model loads, before the first partition
        self.worker_cpu = 0.0  # CPU seconds the workers spent on the run after their warm-up

    def _client(self) -> tuple[Any, Any]:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError("--runner dask needs Dask: pip install 'parley[distributed]'") from None
        if self.scheduler:
            return Client(self.scheduler), None
        import dask

        logging.getLogger("distributed").setLevel(logging.ERROR)  # a local cluster: quiet
        # the workers' statistical profiler samples the coding thread's stack every 10 ms
        # for a dashboard that a local cluster does not show: ~10% of their CPU, off
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                   processes=self.processes, dashboard_address=None,
                                   preload=list(self.preload) or None,
                                   silence_logs=logging.ERROR)
        return Client(cluster), cluster

    def run(self, items: Iterable[Article | Rejection],
            on_document: Callable[[Any], None] | None = None,
            on_rejection: Callable[[Rejection, Article | None], None] | None = None,
            progress: Callable[[int], None] | None = None) -> RunSummary:
        from distributed import as_completed

        summary = RunSummary()
        t0 = time.perf_counter()
        key = settings_key(self.settings)
        shared = shared_store(self.db)
        client, cluster = self._client()
        try:
            for path in self.preload:
                client.run(__import__, path)
            self.loads = list(client.run(warm, key).values())
            self.startup_seconds = time.perf_counter() - t0
            cpu0 = client.run(time.process_time)
            in_flight = 2 * max(1, len(client.scheduler_info().get("workers", {})) or 1)
            pending = as_completed()
            sizes: dict[str, int] = {}
            partitions = _chunks(self._fresh(items, summary, shared, on_rejection),
                                 self.partition_size)
            for part in partitions:
                fut = client.submit(code_partition, part, key, self.db if shared else None,
                                    self.dedupe and shared, self.threshold, pure=False)
                sizes[fut.key] = len(part)
                pending.add(fut)
                while pending.count() >= in_flight:
                    self._collect(next(pending), summary, sizes, on_document, on_rejection,
                                  progress)
            for fut in pending:
                self._collect(fut, summary, sizes, on_document, on_rejection, progress)
            cpu1 = client.run(time.process_time)
            self.worker_cpu = sum(cpu1[w] - cpu0[w] for w in cpu1 if w in cpu0)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        if self.deduper is not None and hasattr(self.deduper, "flush"):
            self.deduper.flush(final=True)
        summary.seconds = time.perf_counter() - t0
        return summary

    def _fresh(self, items: Iterable[Article | Rejection], summary: RunSummary, shared: bool,
               on_rejection: Callable[[Rejection, Article | None], None] | None,
               ) -> Iterator[Article | Rejection]:
        """The items to send out. For SQLite the client drops stored articles and dedupes
        here, in input order, and writes those rejections and links itself."""
        for item in items:
            summary.read += 1
            if shared:
                yield item
                continue
            if isinstance(item, Rejection):
                self._reject(item, None, summary, on_rejection)
                continue
            if self.store.has_article(item.key):
                summary.duplicate += 1
                summary.stored_before += 1
                # a link to the stored copy (the store makes none when it is this input again)
                self.store.write_batch(Batch(duplicates=[(item, item.key, "exact", 1.0)]))
                continue
            if self.deduper is not None:
                dup = self.deduper.check(item)
                if dup is not None:
                    link = self.deduper.link(item)
                    self._reject(dup, item, summary, on_rejection,
                                 [(item, *link)] if link is not None else [])
                    continue
                sig = self.deduper.add(item)
                if sig is not None:  # stored with its article, in that article's batch
                    self._signatures[item.key] = sig
            yield item

    def _reject(self, rej: Rejection, article: Article | None, summary: RunSummary,
                on_rejection: Callable[[Rejection, Article | None], None] | None,
                links: list[tuple[Article, str, str, float]] | None = None) -> None:
        if rej.reason in DUPLICATE_REASONS:
            summary.duplicate += 1
            summary.duplicates[rej.reason] = summary.duplicates.get(rej.reason, 0) + 1
        else:
            summary.reject(rej.reason)
        # a copy with a link is stored as the link (its record), as the local runner does
        self.store.write_batch(Batch(rejections=[] if links else [(rej, article)],
                                     duplicates=links or []))
        if on_rejection:
            on_rejection(rej, article)

    def _collect(self, fut: Any, summary: RunSummary, sizes: dict[str, int],
                 on_document: Callable[[Any], None] | None,
                 on_rejection: Callable[[Rejection, Article | None], None] | None,
                 progress: Callable[[int], None] | None) -> None:
        res: PartitionResult = fut.result()
        if self.store is not None and not shared_store(self.db):
            sigs = [(d.article.key, self._signatures.pop(d.article.key))
                    for d in res.documents if d.article.key in self._signatures]
            for _, article in res.rejections:
                if article is not None:
                    self._signatures.pop(article.key, None)
            result = self.store.write_batch(Batch(documents=res.documents,
                                                  rejections=res.rejections, signatures=sigs))
            late = len(getattr(result, "linked", ()) or ())  # first copies stored meanwhile
            res.stored -= late
            res.duplicate += late
        summary.stored += res.stored
        summary.events += res.events
        summary.duplicate += res.duplicate
        summary.stored_before += res.stored_before
        for reason, n in res.duplicates.items():
            summary.duplicates[reason] = summary.duplicates.get(reason, 0) + n
        for reason, n in res.rejected.items():
            summary.rejected[reason] = summary.rejected.get(reason, 0) + n
        for doc in res.documents:
            if on_document:
                on_document(doc)
        for rej, article in res.rejections:
            if on_rejection:
                on_rejection(rej, article)
        if progress:
            progress(sizes.pop(fut.key, res.read))
