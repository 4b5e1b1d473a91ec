"""Build and validate the stage chain, and run it over batches of articles.

A stage (``Stage``) has ``name``, ``requires``, ``provides``, ``setup(settings)`` (load its
resources, once, before the first document), ``__call__(Document) -> Document`` and
``pipe(documents)`` (the same over a batch). A stage keeps no per-document state on itself:
what one call knows lives in that call, so one stage object may code several documents at
once (threads). Objects that lack ``setup`` or ``pipe`` still work as stages (the pipeline
supplies a no-op setup and a one-at-a-time pipe). Stages are registered here by versioned
name, so that a setting can swap one implementation for another.

``Pipeline.process_batch(items) -> (documents, rejections)`` is the unit every runner maps
over (``parley.runner.LocalRunner`` here, in threads or processes; a distributed runner on a
cluster). Its error policy, in spaCy's manner: an unexpected exception on one article becomes
``Rejection(stage, "stage_error", "<ExcType>: <message>")`` for that article alone and the
batch goes on; ``errors.RejectedArticle`` becomes a rejection with its own stage and reason;
configuration and storage errors stop the run; with ``strict=True`` any failure raises
(``StageError`` naming the stage and the article).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing as mp
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any, Protocol, runtime_checkable

from parley import limits
from parley.config import Settings
from parley.errors import ConfigError, ParleyError, RejectedArticle, StageError, StorageError
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

    return NLPStage(settings.nlp.model, settings.nlp.batch_size, settings.limits)


def _actors(settings: Settings) -> Stage:
    import os

    from parley.actors.kb import KnowledgeBase, shipped_paths
    from parley.actors.stage import ActorStage

    if not settings.kb.extra and not os.environ.get("PARLEY_KB_EXTRA"):
        return ActorStage()  # the shipped base, loaded once per process
    return ActorStage(KnowledgeBase.from_paths([*shipped_paths(), *settings.kb.extra]))


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

    def __init__(self, stages: Sequence[Stage], settings: Settings | None = None,
                 strict: bool = False) -> None:
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
        self.strict = strict
        # the time budget of one article over the per-article stages (limits.seconds)
        self.seconds: float | None = self.settings.limits.seconds
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
    def default(cls, settings: Settings | None = None, strict: bool = False) -> Pipeline:
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
        return cls([build_stage(names[s], settings) for s in order], settings, strict)

    # ------------------------------------------------------------------ the unit of work
    def process_batch(self, items: Sequence[Article | Document]
                      ) -> tuple[list[Document], list[Rejection]]:
        """Run every stage over one batch: the coded documents (without their parse) and
        the rejections, each in input order. Every item ends in exactly one of the two."""
        done = self.process(items)
        return ([d for d in done if d.rejection is None],
                [d.rejection for d in done if d.rejection is not None])

    def process(self, items: Sequence[Article | Document]) -> list[Document]:
        """``process_batch`` with the order of the input kept across both kinds: one Document
        per item, in place; a rejected one carries its ``rejection`` (and passes through the
        later stages untouched, as does a Document that came in rejected)."""
        self.setup()
        docs = [i if isinstance(i, Document) else Document(article=i) for i in items]
        timings: list[list[tuple[str, float]]] = [[] for _ in docs]
        spent = [0.0] * len(docs)  # each article's time in the per-article stages
        for stage in self.stages:
            live = [i for i, d in enumerate(docs) if d.rejection is None]
            if not live:
                break
            t0 = time.perf_counter()
            if _per_article(stage):  # one call per article, each under its time budget
                out = [self._budgeted(stage, docs[i], spent, i) for i in live]
            else:
                out = self._apply(stage, [docs[i] for i in live])
            share = (time.perf_counter() - t0) / len(live)
            for i, doc in zip(live, out, strict=True):
                docs[i] = doc
                timings[i].append((stage.name, share))
        return [replace(d, parse=None, timings=tuple(t)) for d, t in zip(docs, timings, strict=True)]

    def _apply(self, stage: Stage, docs: list[Document]) -> list[Document]:
        """One stage over the live documents of a batch; on a failure, each document alone,
        so that only the one that fails is rejected."""
        pipe = getattr(stage, "pipe", None)
        try:
            if pipe is not None:
                out = list(pipe(docs))
            else:
                out = [stage(d) for d in docs]
            if len(out) != len(docs):
                raise StageError(stage.name, docs[0].article.id if docs else "?",
                                 f"pipe returned {len(out)} documents for {len(docs)}")
            return out
        except (ConfigError, StorageError):
            raise
        except Exception:  # noqa: BLE001 - found and kept to its article just below
            logger.debug("stage %s failed on a batch of %d; one by one", stage.name, len(docs))
        one = (lambda d: next(iter(pipe([d])))) if pipe is not None else stage
        return [self._one(stage, d, one) for d in docs]

    def _budgeted(self, stage: Stage, doc: Document, spent: list[float], i: int) -> Document:
        """One per-article stage call under the article's time budget (what is left of
        ``limits.seconds`` after its earlier stages); over it, a ``timeout`` rejection."""
        t0 = time.perf_counter()

        def call(d: Document) -> Document:
            with limits.budget(self.seconds, spent[i]):
                limits.check(stage.name)
                return stage(d)

        try:
            return self._one(stage, doc, call)
        finally:
            spent[i] += time.perf_counter() - t0

    def _one(self, stage: Stage, doc: Document, call: Callable[[Document], Document]) -> Document:
        try:
            return call(doc)
        except RejectedArticle as exc:
            return replace(doc, rejection=Rejection(doc.article.id, exc.stage, exc.reason,
                                                    exc.detail))
        except (ConfigError, StorageError):
            raise
        except Exception as exc:
            if self.strict:
                if isinstance(exc, ParleyError):
                    raise
                raise StageError(stage.name, doc.article.id, repr(exc)) from exc
            logger.debug("stage %s failed on %s", stage.name, doc.article.id, exc_info=True)
            detail = f"{type(exc).__name__}: {exc}"
            return replace(doc, rejection=Rejection(doc.article.id, stage.name, "stage_error",
                                                    detail))

    # ------------------------------------------------------------------ running it
    def run(self, articles: Iterable[Article | Document], batch_size: int = 32,
            n_process: int = 1, executor: str = "processes") -> Iterator[Document]:
        """Run every stage over the articles, in batches; documents come out in input order,
        rejected ones in their place. ``n_process > 1`` maps batches over worker processes
        (forked: the model is loaded once) or threads (``executor="threads"``)."""
        for _items, done in self.map(self._batches(articles, batch_size), n_process, executor):
            yield from done

    def map(self, batches: Iterable[list[Any]], n_process: int = 1,
            executor: str = "processes") -> Iterator[tuple[list[Any], list[Document]]]:
        """``process`` over each batch, yielding (batch, documents) in input order.

        Batches are read here, in the calling thread (the input may use the store), and at
        most two per worker are in flight, so memory stays flat. A single batch never starts
        workers; a box without ``fork`` runs in this process.
        """
        self.setup()  # models load before forking, so workers share them
        it = iter(batches)
        first = next(it, None)
        if first is None:
            return
        second = next(it, None)
        if second is None:
            yield first, self.process(first)
            return
        # the models, lexicons and knowledge base (some 440,000 objects) stay for good: frozen
        # for the run, the collector stops walking them at every full collection, here and in
        # the workers, which inherit them (the objects that are garbage by then are left for
        # the first full collection after the run)
        gc.freeze()
        try:
            yield from self._map(_chain([first, second], it), n_process, executor)
        finally:
            gc.unfreeze()

    def _map(self, batches: Iterator[list[Any]], n_process: int, executor: str
             ) -> Iterator[tuple[list[Any], list[Document]]]:
        if n_process <= 1:
            for batch in batches:
                yield batch, self.process(batch)
            return
        if executor == "threads":
            with ThreadPoolExecutor(n_process, thread_name_prefix="parley") as pool:
                yield from _bounded(batches, lambda b: pool.submit(self.process, b).result,
                                    2 * n_process)
            return
        if executor != "processes":
            raise ConfigError(f"executor {executor!r}: expected processes or threads")
        if "fork" not in mp.get_all_start_methods():
            for batch in batches:
                yield batch, self.process(batch)
            return
        global _WORKER_PIPELINE
        _WORKER_PIPELINE = self
        _register_wire_format()
        with mp.get_context("fork").Pool(n_process, initializer=_die_with_parent) as pool:
            yield from _bounded(batches, lambda b: pool.apply_async(_run_in_worker, (b,)).get,
                                2 * n_process)

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


def _per_article(stage: Stage) -> bool:
    """Whether a stage works on one parsed article at a time (it requires the parse, or has
    no batch ``pipe``): such stages run each article under its time budget
    (``limits.seconds``); the batched parse itself is bounded by the text limits."""
    return getattr(stage, "pipe", None) is None or "parse" in stage.requires


def _chain(head: list[Any], tail: Iterator[Any]) -> Iterator[Any]:
    yield from head
    yield from tail


def _bounded(batches: Iterable[list[Any]], submit: Callable[[list[Any]], Callable[[], Any]],
             window: int) -> Iterator[tuple[list[Any], list[Document]]]:
    """Submit batches, keep at most ``window`` in flight, yield results in order."""
    pending: deque[tuple[list[Any], Callable[[], Any]]] = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        while len(pending) > window:
            b, get = pending.popleft()
            yield b, get()
    while pending:
        b, get = pending.popleft()
        yield b, get()


_WORKER_PIPELINE: Pipeline | None = None
_WIRE_READY = False


def _register_wire_format() -> None:
    """Documents cross between processes as constructor calls on their fields, not by the
    slotted dataclasses' own ``__getstate__``/``__setstate__`` (which look up ``fields()``
    and set each one in Python): the same objects, unpickled ten times faster, which counts
    because the parent unpickles every coded document while the workers parse."""
    global _WIRE_READY
    if _WIRE_READY:
        return
    import dataclasses
    import operator
    from multiprocessing.reduction import ForkingPickler

    from parley import model

    for value in vars(model).values():
        if not (isinstance(value, type) and dataclasses.is_dataclass(value)
                and value.__module__ == model.__name__):
            continue
        fields = dataclasses.fields(value)
        if len(fields) < 2 or not all(f.init for f in fields):
            continue  # the default pickling serves these
        get = operator.attrgetter(*(f.name for f in fields))
        ForkingPickler.register(value, _reducer(value, get))
    _WIRE_READY = True


def _reducer(cls: type, get: Callable[[Any], tuple[Any, ...]]
             ) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    return lambda obj: (cls, get(obj))


def _die_with_parent() -> None:
    """A worker ends when the process that forked it does, even by SIGKILL (Linux), rather
    than waiting forever on a queue no one will fill."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown still applies
        pass


def _run_in_worker(batch: list[Document]) -> list[Document]:
    """Worker side of ``Pipeline.map`` in processes: the forked copy of the pipeline."""
    assert _WORKER_PIPELINE is not None, "worker started without a pipeline"
    try:
        return _WORKER_PIPELINE.process(batch)
    except Exception as exc:
        import pickle

        try:  # an exception that cannot cross back would leave the pool waiting forever
            pickle.loads(pickle.dumps(exc))
        except Exception:  # noqa: BLE001
            raise ParleyError(f"{type(exc).__name__}: {exc}") from None
        raise
