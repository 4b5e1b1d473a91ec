"""Run a pipeline over inputs into a store, on this machine: executor + sink.

- The **executor** is ``Pipeline.map``: ``Pipeline.process`` over batches, in this process, in
  worker processes (forked, the model loaded once) or in threads. Output keeps input order.
- The **sink** writes each finished batch with ``store.write_batch(Batch)``: the coded
  documents, the rejections (with their article), the duplicate links and the near-duplicate
  signatures of one batch in one transaction, so a run that is killed and restarted stores
  every article exactly once, with its link and signature or without them, never half.

With ``skip_stored`` (ingest), articles already in the store count as duplicates and are not
coded again; without it (analyze), they are coded and their stored rows replaced by the same
rows. A distributed runner maps the same ``Pipeline.process_batch`` over a cluster.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from parley.model import Article, Document, Rejection
from parley.pipeline import Pipeline
from parley.store.base import Batch

DUPLICATE_REASONS = ("duplicate", "near_duplicate")


@dataclass
class RunSummary:
    read: int = 0
    stored: int = 0
    duplicate: int = 0  # all of them: already stored, exact and near copies
    stored_before: int = 0  # skipped: the store holds the same text already
    duplicates: dict[str, int] = field(default_factory=dict)  # dedupe's, by reason
    rejected: dict[str, int] = field(default_factory=dict)
    events: int = 0
    seconds: float = 0.0

    def reject(self, reason: str) -> None:
        self.rejected[reason] = self.rejected.get(reason, 0) + 1

    def merge(self, other: RunSummary) -> None:
        """Add another run's counts (several inputs, one summary)."""
        self.read += other.read
        self.stored += other.stored
        self.duplicate += other.duplicate
        self.stored_before += other.stored_before
        for reason, n in other.duplicates.items():
            self.duplicates[reason] = self.duplicates.get(reason, 0) + n
        self.events += other.events
        self.seconds += other.seconds
        for reason, n in other.rejected.items():
            self.rejected[reason] = self.rejected.get(reason, 0) + n


class Deduper(Protocol):
    """Duplicate detection that writes nothing itself (``parley.ingest.dedupe.Deduper``).

    ``check`` before coding: a Rejection (stage ``dedupe``) for a copy of an article seen
    before. ``add`` for an article that goes on to be coded: its signature (bytes) to store
    with it, or None. A deduper may also offer ``link(article) -> (first_key, kind,
    similarity) | None``, asked right after ``check`` rejected ``article``: the runner stores
    that link in the same batch as the rejection.
    """

    def check(self, article: Article) -> Rejection | None: ...

    def add(self, article: Article) -> bytes | None: ...


class Runner(Protocol):
    """Runs a pipeline over inputs into a store. ``LocalRunner`` does it on this machine;
    a distributed runner offers the same ``run``."""

    def run(self, items: Iterable[Article | Rejection],
            on_document: Callable[[Document], None] | None = None,
            on_rejection: Callable[[Rejection, Article | None], None] | None = None,
            progress: Callable[[int], None] | None = None) -> RunSummary: ...


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # no affinity on this platform
        return max(1, os.cpu_count() or 1)


def resolve_n_process(value: int | str) -> int:
    """``nlp.n_process``: ``"auto"`` is the usable cores (1 on a one-core box)."""
    if value == "auto":
        return usable_cores()
    return max(1, int(value))


# one short built-in article: coding it once loads what the stages load on first use
WARM_UP = Article(
    "parley-warm-up", "WASHINGTON (Reuters) - President Joe Biden met German Chancellor Olaf "
    "Scholz at the White House on Friday, officials said. \"We will stand together,\" Biden told "
    "reporters. Protesters in Berlin accused the government of ignoring their demands, while "
    "Russia's foreign ministry rejected the proposal.", date="2024-01-05")


def warm_up(pipeline: Pipeline) -> None:
    """Load the models and everything the stages load lazily (knowledge-base tables, ...)
    by coding ``WARM_UP`` once, storing nothing: worker processes forked after it share
    what it loaded instead of each loading it again on their first batch, and a benchmark
    that starts its clock after it does not count loading as coding."""
    pipeline.setup()
    for stage in pipeline.stages:
        getattr(stage, "warm", lambda: None)()
    pipeline.process([WARM_UP])


@dataclass(slots=True)
class _Side:
    """What the runner knows of one batch item besides its document."""

    link: tuple[str, str, float] | None = None  # duplicate of (first key, kind, similarity)
    signature: bytes | None = None


class LocalRunner:
    """Run a pipeline over articles and rejections into a store, on this machine."""

    def __init__(self, pipeline: Pipeline, store: Any, deduper: Any = None,
                 batch_size: int = 32, skip_stored: bool = True, n_process: int | str = 1,
                 executor: str = "processes") -> None:
        self.pipeline = pipeline
        self.skip_stored = skip_stored
        self.n_process = resolve_n_process(n_process)
        self.executor = executor
        self.store = store
        self.deduper = deduper
        self.batch_size = max(1, batch_size)

    def run(self, items: Iterable[Article | Rejection],
            on_document: Callable[[Document], None] | None = None,
            on_rejection: Callable[[Rejection, Article | None], None] | None = None,
            progress: Callable[[int], None] | None = None) -> RunSummary:
        """Run over ``items`` into the store; callbacks see every outcome in input order."""
        summary = RunSummary()
        for doc in self.stream(items, summary, progress):
            if doc.rejection is None:
                if on_document:
                    on_document(doc)
            elif on_rejection:
                on_rejection(doc.rejection, doc.article if doc.article.text else None)
        return summary

    def stream(self, items: Iterable[Article | Rejection], summary: RunSummary | None = None,
               progress: Callable[[int], None] | None = None) -> Iterator[Document]:
        """The same run as a generator: each Document (rejected ones with ``rejection``
        set, an input that could not be read as an empty article) once its batch is stored.
        ``summary`` is filled as it goes; ``seconds`` when the generator is exhausted."""
        summary = summary if summary is not None else RunSummary()
        t0 = time.perf_counter()
        sides: deque[list[_Side]] = deque()
        # exact links for articles whose text is stored already, written with the next batch
        links: list[tuple[Article, str, str, float]] = []

        def batches() -> Iterator[list[Document]]:
            docs: list[Document] = []
            side: list[_Side] = []
            for entry in self._entries(items, summary, progress, links):
                docs.append(entry[0])
                side.append(entry[1])
                if len(docs) >= self.batch_size:
                    sides.append(side)
                    yield docs
                    docs, side = [], []
            if docs:
                sides.append(side)
                yield docs

        if self.n_process > 1:
            warm_up(self.pipeline)  # before the workers fork, so that they share it
        for _batch, done in self.pipeline.map(batches(), self.n_process, self.executor):
            self._sink(done, sides.popleft(), summary, links)
            yield from done
        if links:
            self._sink([], [], summary, links)
        flush = getattr(self.deduper, "flush", None)
        if flush is not None:
            flush(final=True)
        summary.seconds = time.perf_counter() - t0

    def _entries(self, items: Iterable[Article | Rejection], summary: RunSummary,
                 progress: Callable[[int], None] | None,
                 links: list[tuple[Article, str, str, float]]) -> Iterator[tuple[Document, _Side]]:
        """Each input as a Document for the pipeline: a rejection (read error, duplicate)
        carried through in its place, so that output follows input."""
        link_of = getattr(self.deduper, "link", None)
        for item in items:
            summary.read += 1
            if progress:
                progress(1)
            if isinstance(item, Rejection):
                yield Document(article=Article(id=item.input, text=""), rejection=item), _Side()
                continue
            if self.skip_stored and self.store is not None and self.store.has_article(item.key):
                summary.duplicate += 1
                summary.stored_before += 1
                # a copy under another id is a link to it (the store drops the link when it
                # is the stored article itself, read again)
                links.append((item, item.key, "exact", 1.0))
                continue
            side = _Side()
            if self.deduper is not None:
                dup = self.deduper.check(item)
                if dup is not None:
                    side.link = link_of(item) if link_of is not None else None
                    yield Document(article=item, rejection=dup), side
                    continue
                signature = self.deduper.add(item)
                side.signature = signature if isinstance(signature, bytes) else None
            yield Document(article=item), side

    def _sink(self, done: list[Document], sides: list[_Side], summary: RunSummary,
              links: list[tuple[Article, str, str, float]]) -> None:
        """Write one finished batch in one transaction and count it."""
        batch = Batch(duplicates=list(links))
        links.clear()
        for doc, side in zip(done, sides, strict=True):
            if doc.rejection is None:
                batch.documents.append(doc)
                summary.stored += 1
                summary.events += len(doc.events)
                if side.signature is not None:
                    batch.signatures.append((doc.article.key, side.signature))
                continue
            if doc.rejection.reason in DUPLICATE_REASONS:
                summary.duplicate += 1
                reason = doc.rejection.reason
                summary.duplicates[reason] = summary.duplicates.get(reason, 0) + 1
            else:
                summary.reject(doc.rejection.reason)
            article = doc.article if doc.article.text else None
            if side.link is not None and article is not None:
                batch.duplicates.append((article, *side.link))  # a link, not also a rejection
            else:
                batch.rejections.append((doc.rejection, article))
        if self.store is not None and (len(batch) or batch.signatures):
            result = self.store.write_batch(batch)
            late = len(getattr(result, "linked", None) or ())
            # first copies another writer stored meanwhile: these became links, not articles
            summary.stored -= late
            summary.duplicate += late
