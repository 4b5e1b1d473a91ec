"""`parley ingest SOURCE... [--db PATH]` and `parley watch FEED... --every 15m`.

Both read sources (files, directories, corpora, WARC, URL lists, URLs, feeds), drop
non-English articles and duplicates as rejections, code the rest with the same stages as
`analyze`, and store everything. A progress bar runs on standard error; each rejected
input gets one line there; a summary ends the run.
"""

from __future__ import annotations

import argparse
import os
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from parley.cli.options import iso_date
from parley.errors import ConfigError
from parley.model import Article, Rejection
from parley.textsafe import rejection_line, safe

_EVERY = re.compile(r"^(\d+(?:\.\d+)?)([smhd]?)$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    m = _EVERY.match(value.strip().lower())
    if not m or float(m.group(1)) <= 0:
        raise argparse.ArgumentTypeError(
            f"--every {value!r}: expected a positive duration such as 90s, 15m, 2h")
    return float(m.group(1)) * _UNIT[m.group(2)]


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="SQLite store (default: the db setting, parley.db)")
    p.add_argument("--date", type=iso_date,
                   help="publication date YYYY-MM-DD for articles that carry none")
    p.add_argument("--config", help="a parley.toml settings file")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="override a setting, e.g. nlp.batch_size=64")
    p.add_argument("--near-threshold", type=float, default=0.8, metavar="J",
                   help="MinHash Jaccard similarity over word 5-shingles at which an article "
                        "counts as a near duplicate (default 0.8)")
    p.add_argument("--no-dedupe", action="store_true",
                   help="code every article, even exact and near duplicates")
    p.add_argument("--languages", default="en",
                   help="comma-separated language codes to accept (default en)")
    p.add_argument("--max-mb", type=float, default=20.0,
                   help="largest article text in MB; bigger ones are rejected (default 20)")
    p.add_argument("--rate", type=float, default=1.0, metavar="SECONDS",
                   help="least time between two requests to one host (default 1)")
    p.add_argument("--timeout", type=float, default=20.0, help="HTTP timeout in seconds")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--quiet", action="store_true", help="no line per rejected input")


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "ingest", help="read sources into the store and code them",
        description="Read files, directories, JSON Lines/CSV corpora (.gz too), WARC archives, "
                    "URL lists, URLs and RSS/Atom feeds; store and code every new article.")
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    _common(p)
    p.set_defaults(func=run)
    w = sub.add_parser(
        "watch", help="poll feeds and ingest new items",
        description="Poll RSS/Atom feeds (or any SOURCE) every interval, with conditional GET, "
                    "and ingest the new items. Stop with Ctrl-C.")
    w.add_argument("sources", nargs="+", metavar="FEED")
    w.add_argument("--every", type=parse_every, default=900.0, help="interval, e.g. 15m (default)")
    w.add_argument("--polls", type=int, default=0, help="stop after this many polls (0: never)")
    _common(w)
    w.set_defaults(func=run_watch)


def _estimate(sources: list[str]) -> int | None:
    """How many items the local sources hold (lines, files); None when unknown."""
    total = 0
    for s in sources:
        if os.path.isdir(s):
            total += sum(len([f for f in fs if not f.startswith(".")]) for _, _, fs in os.walk(s))
        elif s.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".csv.gz")) and os.path.isfile(s):
            from parley.ingest.records import count_records

            n = count_records(s)  # a capped stream: safe on a corrupt or huge gzip
            if n is None:
                return None
            total += n
        elif os.path.isfile(s) and not s.endswith((".rss", ".atom", ".warc", ".warc.gz", ".urls")):
            total += 1
        else:
            return None
    return total


class _Reporter:
    """Progress bar and one line per rejected input, on standard error."""

    def __init__(self, total: int | None, enabled: bool, quiet: bool) -> None:
        from rich.console import Console

        self.console = Console(stderr=True, highlight=False)
        self.quiet = quiet
        self.progress = None
        self.task = None
        if enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(), TimeRemainingColumn(), console=self.console, transient=False,
            )
            self.task = self.progress.add_task("ingest", total=total, rate="")
        self.started = time.perf_counter()
        self.done = 0

    def __enter__(self) -> _Reporter:
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def advance(self, n: int) -> None:
        self.done += n
        if self.progress is not None and self.task is not None:
            rate = self.done / max(1e-9, time.perf_counter() - self.started)
            self.progress.update(self.task, advance=n, rate=f"{rate:.1f}/s")

    def rejected(self, rej: Rejection, article: Article | None) -> None:
        if self.quiet or rej.stage == "dedupe":
            return
        self.console.print(rejection_line(rej, article), markup=False, soft_wrap=True)


def _prepare(args: argparse.Namespace) -> tuple[Any, Any, Any, Any, str]:
    from parley.config import load_settings
    from parley.ingest.dedupe import Deduper
    from parley.ingest.fetch import Fetcher
    from parley.ingest.readers import check_date
    from parley.pipeline import LocalRunner, Pipeline
    from parley.store import open_store

    if args.config and not Path(args.config).exists():
        raise ConfigError(f"--config {args.config!r}: no such file")
    settings = load_settings(Path(args.config) if args.config else None, args.set)
    check_date(args.date)
    if args.max_mb <= 0:
        raise ConfigError(f"--max-mb {args.max_mb}: must be positive (default 20)")
    db = args.db or settings.db
    args.limits = settings.limits  # for the readers (decompression, markup depth)
    store = open_store(db)
    try:
        deduper = None if args.no_dedupe else Deduper(store, threshold=args.near_threshold)
        runner = LocalRunner(Pipeline.default(settings), store, deduper=deduper,
                             batch_size=settings.nlp.batch_size, skip_stored=True,
                             n_process=settings.nlp.n_process)
    except BaseException:
        store.close()
        raise
    cache = None if db == ":memory:" else Path(f"{db}.fetch.json")
    # feed validators are written once a run's articles are stored, so a run stopped
    # half-way reads its feeds in full next time
    fetcher = Fetcher(per_host_interval=args.rate, timeout=args.timeout, cache_path=cache,
                      autosave=False)
    return store, deduper, runner, fetcher, db


def _items(args: argparse.Namespace, fetcher: Any, seen: set[str] | None) -> Iterator[Article | Rejection]:
    from parley.ingest.language import check_language
    from parley.ingest.sources import read_sources

    accept = tuple(x.strip() for x in args.languages.split(",") if x.strip())
    items: Iterable[Article | Rejection] = read_sources(
        args.sources, args.date, fetcher=fetcher, max_bytes=int(args.max_mb * 1024 * 1024),
        seen=seen, limits=getattr(args, "limits", None))
    return check_language(items, accept=accept)


def _summary(console: Any, summary: Any, deduper: Any, db: str,
             before: tuple[int, int] = (0, 0)) -> None:
    """The run's summary line; ``before`` is the deduper's (exact, near) at its start."""
    rejected = ", ".join(f"{k} {v}" for k, v in sorted(summary.rejected.items())) or "none"
    dup = f"{summary.duplicate}"
    if deduper is not None:
        exact, near = deduper.exact - before[0], deduper.near - before[1]
        already = summary.duplicate - exact - near
        dup += f" (exact {exact}, near {near}, already stored {already})"
    console.print(
        f"read {summary.read} · stored {summary.stored} · events {summary.events} · "
        f"duplicate {dup} · rejected {sum(summary.rejected.values())} ({rejected}) · "
        f"{summary.seconds:.1f} s · {safe(db)}", markup=False, soft_wrap=True)


def run(args: argparse.Namespace) -> int:
    store, deduper, runner, fetcher, db = _prepare(args)
    try:
        total = None if args.no_progress else _estimate(args.sources)
        with _Reporter(total, not args.no_progress, args.quiet) as rep:
            summary = runner.run(_items(args, fetcher, None), on_rejection=rep.rejected,
                                 progress=rep.advance)
        if deduper is not None:
            deduper.flush(final=True)
        fetcher.save()
        _summary(rep.console, summary, deduper, db)
    finally:
        store.close()
    return 0 if summary.read else 1


def run_watch(args: argparse.Namespace) -> int:
    """Poll every ``--every`` seconds (counted from the start of each poll, so a slow poll
    does not push the next ones back; one that overruns is followed at once)."""
    if args.polls < 0:
        raise ConfigError(f"--polls {args.polls}: must be 0 (poll until stopped) or more")
    store, deduper, runner, fetcher, db = _prepare(args)
    seen: set[str] = set()
    polls = 0
    rep = _Reporter(None, False, args.quiet)
    try:
        while True:
            polls += 1
            started = time.monotonic()
            before = (deduper.exact, deduper.near) if deduper is not None else (0, 0)
            summary = runner.run(_items(args, fetcher, seen), on_rejection=rep.rejected)
            if deduper is not None:
                deduper.flush(final=True)
            fetcher.save()
            rep.console.print(f"poll {polls} at {time.strftime('%H:%M:%S')}: ", end="", markup=False)
            _summary(rep.console, summary, deduper, db, before)
            if args.polls and polls >= args.polls:
                return 0
            time.sleep(max(0.0, started + args.every - time.monotonic()))
    finally:
        store.close()
