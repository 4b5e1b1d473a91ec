"""Build and validate the stage chain; run it locally over articles, into a store.

A stage (``Stage``) has ``name``, ``requires``, ``provides``, ``setup(settings)`` (load its
resources, once, before the first document), ``__call__(Document) -> Document`` and
``pipe(documents)`` (the same over a batch). A stage keeps no per-document state on itself:
what one call knows lives in that call, so one stage object may code several documents at
once (threads). Objects that lack ``setup`` or ``pipe`` still work as stages (the pipeline
supplies a no-op setup and a one-at-a-time pipe). Stages are registered here by versioned
name, so that a setting can swap one implementation for another.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, runtime_checkable

from parley.config import Settings
from parley.errors import ConfigError, ParleyError, StageError
from parley.model import Article, Document, Rejection

logger = logging.getLogger(__name__)


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def setup(self, settings: Settings) -> None:
        """Load what the stage needs (models, lexicons), once, before the first document."""

    def __call__(self, document: Document) -> Document: ...

    def pipe(self, documents: Iterable[Document]) -> Iterator[Document]:
        """The documents of one batch, coded, in order (one result per document)."""
        ...


def _nlp(settings: Settings) -> Stage:
    from parley.nlp import NLPStage

    return NLPStage(settings.nlp.model, settings.nlp.batch_size, settings.nlp.max_chars)


def _actors(settings: Settings) -> Stage:
    from parley.actors.stage import ActorStage

    return ActorStage()


def _coding(settings: Settings) -> Stage:
    from parley.coding.stage import CodingStage

    return CodingStage()


def _quotes(settings: Settings) -> Stage:
    from parley.quotes.stage import QuoteStage

    return QuoteStage()


REGISTRY: dict[str, Callable[[Settings], Stage]] = {
    "parley.nlp.spacy.v1": _nlp,
    "parley.actors.rules.v1": _actors,
    "parley.coding.rules.v1": _coding,
    "parley.quotes.rules.v1": _quotes,
}


def register(name: str, factory: Callable[[Settings], Stage]) -> None:
    """Add a stage implementation under a versioned name (e.g. an ML coder)."""
    REGISTRY[name] = factory


def build_stage(name: str, settings: Settings) -> Stage:
    try:
        factory = REGISTRY[name]
    except KeyError:
        raise ConfigError(f"no stage named {name!r}; registered: {sorted(REGISTRY)}") from None
    return factory(settings)


class Pipeline:
    """An ordered chain of stages, checked when built: each stage's ``requires`` must be
    provided by the article or an earlier stage."""

    def __init__(self, stages: Sequence[Stage], settings: Settings | None = None) -> None:
        available = {"article"}
        for stage in stages:
            missing = [r for r in stage.requires if r not in available]
            if missing:
                raise ConfigError(
                    f"stage {stage.name!r} requires {missing}, which no earlier stage provides "
                    f"(available: {sorted(available)}); reorder or enable the stages that provide them"
                )
            available.update(stage.provides)
        self.stages = list(stages)
        self.settings = settings or Settings()
        self._ready = False
        self._lock = threading.Lock()

    def setup(self) -> None:
        """Call every stage's ``setup(settings)`` once (thread-safe; later calls do nothing)."""
        if self._ready:
            return
        with self._lock:
            if not self._ready:
                for stage in self.stages:
                    setup = getattr(stage, "setup", None)
                    if setup is not None:
                        setup(self.settings)
                self._ready = True

    @classmethod
    def default(cls, settings: Settings | None = None) -> Pipeline:
        settings = settings or Settings()
        names = {
            "nlp": "parley.nlp.spacy.v1",
            "actors": settings.stages.actors,
            "coding": settings.stages.coding,
            "quotes": settings.stages.quotes,
        }
        unknown = [s for s in settings.stages.enabled if s not in names]
        if unknown:
            raise ConfigError(f"stages.enabled names unknown stages {unknown}; valid: {list(names)}")
        order = [s for s in names if s in settings.stages.enabled]
        return cls([build_stage(names[s], settings) for s in order], settings)

    def run(self, articles: Iterable[Article | Document], batch_size: int = 32,
            n_process: int = 1) -> Iterator[Document]:
        """Run every stage over the articles, in batches; documents come out in input order.
        A Document that already carries a rejection passes through untouched, in its place.

        With ``n_process > 1`` batches go to worker processes, each with its own copy of the
        stages (forked, so the model is loaded once); only plain records cross processes.
        """
        self.setup()
        batches = self._batches(articles, batch_size)
        if n_process <= 1 or "fork" not in mp.get_all_start_methods():
            for batch in batches:
                yield from self._run_batch(batch)
            return
        global _WORKER_PIPELINE
        _WORKER_PIPELINE = self  # set up above: models are loaded before forking, so shared
        # batches are read here, in the calling thread (the input may use the store), and at
        # most two per worker are in flight, so memory stays flat and output keeps its order
        with mp.get_context("fork").Pool(n_process) as pool:
            pending: deque[Any] = deque()
            for batch in batches:
                pending.append(pool.apply_async(_run_in_worker, (batch,)))
                while len(pending) > 2 * n_process:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()

    @staticmethod
    def _batches(articles: Iterable[Article | Document], size: int) -> Iterator[list[Document]]:
        batch: list[Document] = []
        for article in articles:
            batch.append(article if isinstance(article, Document) else Document(article=article))
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    @staticmethod
    def _culprit(pipe: Callable[[list[Document]], Iterable[Document]], docs: list[Document]) -> str:
        """The article a batch stage fails on: each document alone, to name the right one."""
        for doc in docs:
            try:
                list(pipe([doc]))
            except Exception:
                return doc.article.id
        return docs[0].article.id if docs else "?"

    def _run_batch(self, docs: list[Document]) -> Iterator[Document]:
        timings: list[list[tuple[str, float]]] = [[] for _ in docs]
        for stage in self.stages:
            t0 = time.perf_counter()
            pipe = getattr(stage, "pipe", None)
            if pipe is not None:
                live = [i for i, d in enumerate(docs) if d.rejection is None]
                try:
                    done = list(pipe([docs[i] for i in live]))
                except ParleyError:
                    raise
                except Exception as exc:
                    culprit = self._culprit(pipe, [docs[i] for i in live])
                    raise StageError(stage.name, culprit, repr(exc)) from exc
                share = (time.perf_counter() - t0) / max(1, len(live))
                docs = list(docs)
                for i, doc in zip(live, done, strict=True):
                    docs[i] = doc
                    timings[i].append((stage.name, share))
                continue
            out = []
            for i, doc in enumerate(docs):
                t1 = time.perf_counter()
                if doc.rejection is None:
                    try:
                        doc = stage(doc)
                    except ParleyError:
                        raise
                    except Exception as exc:
                        raise StageError(stage.name, doc.article.id, repr(exc)) from exc
                timings[i].append((stage.name, time.perf_counter() - t1))
                out.append(doc)
            docs = out
        for doc, t in zip(docs, timings, strict=True):
            yield replace(doc, parse=None, timings=tuple(t))


DUPLICATE_REASONS = ("duplicate", "near_duplicate")


_WORKER_PIPELINE: Pipeline | None = None


def _run_in_worker(batch: list[Document]) -> list[Document]:
    """Worker side of ``Pipeline.run(n_process > 1)``: the forked copy of the pipeline."""
    assert _WORKER_PIPELINE is not None, "worker started without a pipeline"
    return list(_WORKER_PIPELINE._run_batch(batch))


@dataclass
class RunSummary:
    read: int = 0
    stored: int = 0
    duplicate: int = 0
    rejected: dict[str, int] = field(default_factory=dict)
    events: int = 0
    seconds: float = 0.0

    def reject(self, reason: str) -> None:
        self.rejected[reason] = self.rejected.get(reason, 0) + 1


class Deduper(Protocol):
    def check(self, article: Article) -> Rejection | None: ...

    def add(self, article: Article) -> None: ...


class Runner(Protocol):
    """Runs a pipeline over inputs into a store. ``LocalRunner`` does it on this machine
    (optionally in worker processes); a distributed runner offers the same ``run``."""

    def run(self, items: Iterable[Article | Rejection],
            on_document: Callable[[Document], None] | None = None,
            on_rejection: Callable[[Rejection, Article | None], None] | None = None,
            progress: Callable[[int], None] | None = None) -> RunSummary: ...


class LocalRunner:
    """Run a pipeline over articles and rejections into a store, on this machine.

    Each document is stored in its own transaction keyed by content hash, so a run that is
    killed and restarted stores every article exactly once. With ``skip_stored`` (ingest),
    articles already in the store are counted as duplicates and not coded again; without it
    (analyze), they are coded and their stored rows replaced by the same rows. The distributed runner offers the
    same ``run`` over a cluster.
    """

    def __init__(self, pipeline: Pipeline, store: Any, deduper: Deduper | None = None,
                 batch_size: int = 32, skip_stored: bool = True, n_process: int = 1) -> None:
        self.pipeline = pipeline
        self.skip_stored = skip_stored
        self.n_process = n_process
        self.store = store
        self.deduper = deduper
        self.batch_size = batch_size

    def run(self, items: Iterable[Article | Rejection],
            on_document: Callable[[Document], None] | None = None,
            on_rejection: Callable[[Rejection, Article | None], None] | None = None,
            progress: Callable[[int], None] | None = None) -> RunSummary:
        summary = RunSummary()
        t0 = time.perf_counter()

        def fresh() -> Iterator[Article | Document]:
            for item in items:
                summary.read += 1
                if progress:
                    progress(1)
                if isinstance(item, Rejection):
                    # carried through in order, so output follows input
                    yield Document(article=Article(id=item.input, text=""), rejection=item)
                    continue
                if self.skip_stored and self.store is not None and self.store.has_article(item.key):
                    summary.duplicate += 1
                    continue
                if self.deduper is not None:
                    dup = self.deduper.check(item)
                    if dup is not None:
                        summary.duplicate += 1
                        yield Document(article=item, rejection=dup)
                        continue
                    self.deduper.add(item)
                yield item

        for doc in self.pipeline.run(fresh(), self.batch_size, self.n_process):
            if doc.rejection is not None:
                article = doc.article if doc.article.text else None
                self._reject(doc.rejection, article, summary, on_rejection,
                             count=doc.rejection.reason not in DUPLICATE_REASONS)
                continue
            if self.store is not None:
                self.store.put_document(doc)
            summary.stored += 1
            summary.events += len(doc.events)
            if on_document:
                on_document(doc)
        flush = getattr(self.deduper, "flush", None)
        if flush is not None:
            flush(final=True)
        summary.seconds = time.perf_counter() - t0
        return summary

    def _reject(self, rejection: Rejection, article: Article | None, summary: RunSummary,
                on_rejection: Callable[[Rejection, Article | None], None] | None,
                count: bool = True) -> None:
        if count:
            summary.reject(rejection.reason)
        if self.store is not None:
            self.store.put_rejection(rejection, article)
        if on_rejection:
            on_rejection(rejection, article)
