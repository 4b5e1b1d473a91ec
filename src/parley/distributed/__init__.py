"""Running ingest on a Dask cluster (docs/distributed.md): ``DaskRunner`` maps the pipeline's
batch unit over partitions; ``SharedDeduper`` finds copies across workers through the store."""

from __future__ import annotations

from typing import Any

from parley.config import Settings


def dask_runner(settings: Settings, db: str, store: Any, deduper: Any = None) -> Any:
    """The Dask runner the ``runner`` settings describe, into the store ``db``. With a shared
    store (PostgreSQL) the workers dedupe through its index and write; with SQLite the client
    dedupes (``deduper``) and writes."""
    from parley.distributed.runner import DaskRunner, shared_store

    run = settings.runner
    shared = shared_store(db)
    return DaskRunner(settings, db, store=store, scheduler=run.scheduler,
                      workers=None if run.scheduler else run.workers,
                      partition_size=run.partition_size,
                      dedupe=settings.ingest.dedupe.enabled,
                      threshold=settings.ingest.dedupe.threshold,
                      deduper=None if shared else deduper)
