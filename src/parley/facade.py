"""``parley.Parley``: the one entry point the CLI, the HTTP API and Python code share.

    from parley import Parley

    parley = Parley()
    for record in parley.analyze(["examples/01_ceasefire_talks.txt"]):
        print(record["events"])
    summary = parley.ingest(["feeds.urls"], db="news.db")

It wires settings -> reading -> pipeline -> runner -> store, so that no caller does. One
``Parley`` object may be used from several threads at once: the stages hold no per-document
state, the pipeline loads its models once (under a lock), and every call opens its own store
connection and runner. The facade is a table of contents: each method delegates to its
package; later features add thin methods here the same way.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from parley.config import Settings
from parley.errors import ConfigError
from parley.model import Article, Document, Rejection, rejected_record, to_contract
from parley.pipeline import Pipeline
from parley.runner import LocalRunner, RunSummary

Input = str | Mapping[str, Any] | Article
_DICT_KEYS = {"text", "id", "title", "date", "url", "source"}


class Parley:
    def __init__(self, settings: Settings | None = None, *, strict: bool = False,
                 pipeline: Pipeline | None = None) -> None:
        self.settings = settings or (pipeline.settings if pipeline is not None else Settings())
        self.strict = strict
        self._pipeline: Pipeline | None = pipeline  # a chain built elsewhere (tests, benchmarks)
        self._lock = threading.Lock()

    @property
    def pipeline(self) -> Pipeline:
        """The stage chain, built (and its models loaded) once, on first use."""
        if self._pipeline is None:
            with self._lock:
                if self._pipeline is None:
                    pipeline = Pipeline.default(self.settings, strict=self.strict)
                    pipeline.setup()
                    self._pipeline = pipeline
        return self._pipeline

    # ------------------------------------------------------------------ reading
    def read(self, inputs: Iterable[Input], *, date: str | None = None, limit: int | None = None,
             fetcher: Any = None, seen: set[str] | None = None) -> Iterator[Article | Rejection]:
        """Articles (and the rejections of inputs that could not be read) from paths,
        directories, ``-`` (standard input), URLs, URL lists and feeds, or dicts with ``text``
        and optional ``id``, ``title``, ``date``, ``url``; non-accepted languages rejected."""
        from parley.ingest.language import check_language
        from parley.ingest.readers import check_date, cleaned
        from parley.ingest.sources import read_sources

        if limit is not None and limit < 1:
            raise ConfigError(f"--limit {limit}: give a count of 1 or more")
        date = check_date(date)
        max_bytes = int(self.settings.ingest.max_mb * 1024 * 1024)
        if isinstance(inputs, (str, Mapping, Article)):
            inputs = [inputs]

        def raw() -> Iterator[Article | Rejection]:
            nonlocal fetcher
            for n, item in enumerate(inputs, 1):
                if isinstance(item, Article):
                    yield item
                elif isinstance(item, Mapping):
                    yield _from_dict(item, n, date)
                else:
                    fetcher = fetcher or self.fetcher()
                    yield from read_sources([os.fspath(item)], date, fetcher=fetcher,
                                            max_bytes=max_bytes, seen=seen,
                                            limits=self.settings.limits)

        items: Iterable[Article | Rejection] = cleaned(raw())  # no lone surrogate past here
        if limit is not None:
            items = itertools.islice(items, limit)
        return check_language(items, accept=tuple(self.settings.ingest.languages))

    def fetcher(self, cache_path: Path | None = None) -> Any:
        """An HTTP fetcher with the ``ingest.fetch`` settings."""
        from parley.ingest.fetch import Fetcher

        f = self.settings.ingest.fetch
        return Fetcher(user_agent=f.user_agent, timeout=f.timeout, retries=f.retries,
                       per_host_interval=f.rate, respect_robots=f.respect_robots,
                       cache_path=cache_path, autosave=False)

    # ------------------------------------------------------------------ running
    def documents(self, inputs: Iterable[Input], *, limit: int | None = None,
                  date: str | None = None, db: str | None = None,
                  summary: RunSummary | None = None,
                  progress: Callable[[int], None] | None = None) -> Iterator[Document]:
        """Code the inputs; Documents in input order (a rejected one with ``rejection``
        set). With ``db``, the results are stored there too (re-storing replaces)."""
        store = self.open_store(db) if db else None
        try:
            runner = self._runner(store, skip_stored=False)
            yield from runner.stream(self.read(inputs, date=date, limit=limit), summary, progress)
        finally:
            if store is not None:
                store.close()

    def analyze(self, inputs: Iterable[Input], limit: int | None = None, *,
                date: str | None = None, db: str | None = None) -> Iterator[dict[str, Any]]:
        """CONTRACT.md records, one per input article, in input order (a rejected input's
        record carries ``rejection``)."""
        for doc in self.documents(inputs, limit=limit, date=date, db=db):
            if doc.rejection is None:
                yield to_contract(doc)
            else:
                yield rejected_record(doc.rejection, doc.article if doc.article.text else None)

    def ingest(self, inputs: Iterable[Input], db: str | None = None, limit: int | None = None,
               progress: Callable[[int], None] | None = None, *, date: str | None = None,
               on_rejection: Callable[[Rejection, Article | None], None] | None = None,
               seen: set[str] | None = None) -> RunSummary:
        """Read, drop duplicates (exact and near, against the store too), code and store
        every new article; the summary of the run. Articles already stored are not coded
        again. ``seen`` (watch) keeps feed items read by earlier polls."""
        target = db or self.settings.db
        store = self.open_store(target)
        try:
            deduper = None
            if self.settings.ingest.dedupe.enabled:
                from parley.ingest.dedupe import Deduper

                deduper = Deduper(store, threshold=self.settings.ingest.dedupe.threshold)
            cache = None if target == ":memory:" else Path(f"{target}.fetch.json")
            fetcher = self.fetcher(cache)
            runner = self._runner(store, skip_stored=True, deduper=deduper, db=target)
            items = self.read(inputs, date=date, limit=limit, fetcher=fetcher, seen=seen)
            summary = runner.run(items, on_rejection=on_rejection, progress=progress)
            # feed validators are kept once a run's articles are stored, so a run stopped
            # half-way reads its feeds in full next time
            fetcher.save()
            return summary
        finally:
            store.close()

    def _runner(self, store: Any, skip_stored: bool, deduper: Any = None,
                db: str | None = None) -> Any:
        nlp, run = self.settings.nlp, self.settings.runner
        if run.name == "dask" and db is not None:
            from parley.distributed import dask_runner

            return dask_runner(self.settings, db, store, deduper)
        return LocalRunner(self.pipeline, store, deduper=deduper, batch_size=nlp.batch_size,
                           skip_stored=skip_stored, n_process=nlp.n_process,
                           executor=nlp.executor)

    # ------------------------------------------------------------------ the store
    def open_store(self, db: str | None = None) -> Any:
        """The store at ``db`` (default: the ``db`` setting); the caller closes it."""
        from parley.store import open_store

        return open_store(db or self.settings.db)

    def reader(self, db: str | None = None) -> Any:
        """The store's read side (``Store.reader()``): events, actors, quotes, evidence."""
        return self.open_store(db).reader()

    # ------------------------------------------------------------------ analysis
    def dyad(self, a: str, b: str, db: str | None = None, **kw: Any) -> Any:
        """Events A->B and B->A per period (``parley.analysis.dyad``)."""
        from parley.analysis import dyad

        return dyad(self.reader(db), a, b, **kw)

    def network(self, db: str | None = None, **kw: Any) -> Any:
        """The signed alignment network and its balance (``parley.analysis.network``)."""
        from parley.analysis import network

        return network(self.reader(db), **kw)

    def positions(self, db: str | None = None, **kw: Any) -> Any:
        """The actor x issue matrix, S, changes (``parley.analysis.positions``)."""
        from parley.analysis import positions

        return positions(self.reader(db), **kw)

    def alerts(self, db: str | None = None, **kw: Any) -> Any:
        """Sharp weekly changes (``parley.analysis.alerts``)."""
        from parley.analysis import alerts

        return alerts(self.reader(db), **kw)

    def brief(self, actor: str, db: str | None = None, **kw: Any) -> Any:
        """What the news of a period means for ``actor`` (``parley.analysis.brief``)."""
        from parley.analysis import brief

        return brief(self.reader(db), actor, **kw)

    # ------------------------------------------------------------------ knowledge base
    def who(self, name: str, date: str | None = None) -> list[dict[str, Any]]:
        """Who ``name`` is on ``date``: every knowledge-base entry it stands for, best first,
        with the country, sector and office in force that day (``parley kb lookup``)."""
        from parley.actors.kb import KnowledgeBase

        return [{"text": name, "id": h.entry.id, "name": h.entry.name, "kind": h.entry.kind,
                 "via": h.via, "country": h.country, "sector": h.sector, "office": h.office,
                 "reason": h.reason} for h in KnowledgeBase.default().lookup(name, date)]


def _from_dict(item: Mapping[str, Any], n: int, default_date: str | None) -> Article | Rejection:
    ident = str(item.get("id") or f"input-{n}")
    text = item.get("text")
    unknown = sorted(set(item) - _DICT_KEYS)
    if not isinstance(text, str) or not text.strip():
        return Rejection(ident, "ingest", "empty", "the input dict has no 'text' (a string)")
    if unknown:
        return Rejection(ident, "ingest", "bad_record",
                         f"unknown keys {unknown}; an input dict takes {sorted(_DICT_KEYS)}")
    from parley.ingest.readers import check_date

    try:
        date = check_date(item.get("date")) or default_date
    except ConfigError as exc:
        return Rejection(ident, "ingest", "bad_date", str(exc))
    return Article(id=ident, text=text, title=item.get("title"), date=date, url=item.get("url"),
                   source=item.get("source") or "<python>")
