"""What runs on a Dask worker: one partition of articles through the pipeline's batch unit.

The pipeline (and so the spaCy model) and the store connection are built once per worker
process and kept in module globals, keyed by the settings and the store URL; every later
partition on that worker reuses them. Only plain records cross the network: articles in,
counts (or, for a store the client writes, documents and rejections) out.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from parley.config import Settings
from parley.model import Article, Document, Rejection
from parley.pipeline import Pipeline
from parley.runner import DUPLICATE_REASONS, warm_up
from parley.store.base import Batch

_LOCK = threading.Lock()
_PIPELINES: dict[str, Pipeline] = {}
_STORES: dict[str, Any] = {}
LOADS = Counter[str]()  # how often this process built a pipeline (a test reads it)


@dataclass
class PartitionResult:
    """What one partition did. ``documents`` and ``rejections`` travel back only when the
    client is the writer (a SQLite store); with a shared store the worker wrote them."""

    read: int = 0
    stored: int = 0
    duplicate: int = 0
    stored_before: int = 0
    duplicates: dict[str, int] = field(default_factory=dict)
    events: int = 0
    rejected: dict[str, int] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    rejections: list[tuple[Rejection, Article | None]] = field(default_factory=list)
    loads: int = 0


def settings_key(settings: Settings) -> str:
    return json.dumps(settings.model_dump(mode="json"), sort_keys=True)


def pipeline_for(key: str) -> Pipeline:
    """This worker's pipeline for the settings ``key`` (built on first use, then kept)."""
    with _LOCK:
        pipe = _PIPELINES.get(key)
        if pipe is None:
            pipe = Pipeline.default(Settings(**json.loads(key)))
            warm_up(pipe)  # everything loaded before the first partition, not during it
            _PIPELINES[key] = pipe
            LOADS[key] += 1
        return pipe


def store_for(db: str) -> Any:
    """This worker's connection to the shared store ``db``."""
    from parley.store import open_store

    with _LOCK:
        store = _STORES.get(db)
        if store is None:
            store = _STORES[db] = open_store(db)
        return store


def warm(key: str) -> int:
    """Load the pipeline before the first partition arrives (``client.run``)."""
    pipeline_for(key)
    return LOADS[key]


def code_partition(items: list[Article | Rejection], key: str, db: str | None,
                   dedupe: bool, threshold: float, skip_stored: bool = True) -> PartitionResult:
    """Code one partition. With ``db`` (a shared store) the worker skips stored articles,
    claims each in the shared dedupe index and writes one batch; without it the documents
    and rejections go back to the client, which dedupes and writes."""
    pipeline = pipeline_for(key)
    res = PartitionResult(read=len(items), loads=LOADS[key])
    store = store_for(db) if db else None
    deduper = None
    if store is not None and dedupe:
        from parley.distributed.dedupe import SharedDeduper

        deduper = SharedDeduper(store, threshold=threshold)
    fresh: list[Article | Document] = []
    articles: dict[str, Article] = {}
    batch = Batch()
    for item in items:
        if isinstance(item, Rejection):
            _count(res, item)
            batch.rejections.append((item, None))
            continue
        # the shared index first: it tells a copy under another id (linked to its first
        # copy) from the same input read again (its own claim), which is skipped if stored
        if deduper is not None:
            dup = deduper.check(item)
            if dup is not None:
                _count(res, dup)
                link = deduper.link(item)
                if link is not None:  # the link is the copy's record, as the local runner has it
                    batch.duplicates.append((item, *link))
                else:
                    batch.rejections.append((dup, item))
                continue
        if store is not None and skip_stored and store.has_article(item.key):
            res.duplicate += 1
            res.stored_before += 1
            # a link to the stored copy (the store makes none when it is this input again)
            batch.duplicates.append((item, item.key, "exact", 1.0))
            continue
        articles[item.id] = item
        fresh.append(item)
    docs, rejections = pipeline.process_batch(fresh)
    for rej in rejections:
        _count(res, rej)
        article = articles.get(rej.input)
        batch.rejections.append((rej, article))
        if deduper is not None and article is not None:
            deduper.release(article)
    for doc in docs:
        res.stored += 1
        res.events += len(doc.events)
        batch.documents.append(doc)
        if deduper is not None:
            sig = deduper.add(doc.article)
            if sig is not None:
                batch.signatures.append((doc.article.key, sig))
    if store is not None:
        result = store.write_batch(batch)
        late = len(getattr(result, "linked", ()) or ())  # first copies stored meanwhile
        res.stored -= late
        res.duplicate += late
        res.rejections = [(rej, None) for rej, _ in batch.rejections]  # for the client's lines
    else:
        res.documents, res.rejections = batch.documents, batch.rejections
    return res


def _count(res: PartitionResult, rej: Rejection) -> None:
    if rej.reason in DUPLICATE_REASONS:
        res.duplicate += 1
        res.duplicates[rej.reason] = res.duplicates.get(rej.reason, 0) + 1
    else:
        res.rejected[rej.reason] = res.rejected.get(rej.reason, 0) + 1
