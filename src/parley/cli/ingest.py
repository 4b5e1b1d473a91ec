"""`parley ingest SOURCE... [--db PATH]` and `parley watch FEED... --every 15m`.

Both read sources (files, directories, corpora, WARC, URL lists, URLs, feeds), drop
non-English articles and duplicates as rejections, code the rest with the same stages as
`analyze`, and store everything, through ``parley.Parley.ingest``. A progress bar runs on
standard error; each rejected input gets one line there; a summary ends the run. A source
that is missing or unreadable is a stored rejection and makes the exit status 1, once the
other sources are done.
"""

from __future__ import annotations

import argparse
import re
import time
from typing import Any

from parley.cli.options import add_settings_options, iso_date, make_parley, positive_int
from parley.cli.progress import Reporter, estimate
from parley.errors import ConfigError

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
    add_settings_options(p)
    # shorthands for settings (the settings table has them all: `parley config`)
    p.add_argument("--near-threshold", type=float, metavar="J",
                   help="setting ingest.dedupe.threshold: MinHash Jaccard similarity over word "
                        "5-shingles at which an article counts as a near duplicate (default 0.8)")
    p.add_argument("--no-dedupe", action="store_true",
                   help="setting ingest.dedupe.enabled=false: code every article, even duplicates")
    p.add_argument("--languages", help="setting ingest.languages: comma-separated language "
                                       "codes to accept (default en)")
    p.add_argument("--max-mb", type=float, help="setting ingest.max_mb: largest article text "
                                                "in MB; bigger ones are rejected (default 20)")
    p.add_argument("--rate", type=float, metavar="SECONDS",
                   help="setting ingest.fetch.rate: least time between two requests to one "
                        "host (default 1)")
    p.add_argument("--timeout", type=float,
                   help="setting ingest.fetch.timeout: HTTP timeout in seconds (default 20)")
    p.add_argument("--limit", type=positive_int, metavar="N", help="read only the first N articles")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--quiet", action="store_true", help="no line per rejected input")


def _shorthands(args: argparse.Namespace) -> None:
    """The flags that are settings become --set entries (after any given, so they win)."""
    pairs = [("ingest.dedupe.threshold", args.near_threshold), ("ingest.max_mb", args.max_mb),
             ("ingest.fetch.rate", args.rate), ("ingest.fetch.timeout", args.timeout)]
    if args.no_dedupe:
        pairs.append(("ingest.dedupe.enabled", "false"))
    if args.languages is not None:
        codes = [x.strip() for x in args.languages.split(",") if x.strip()]
        pairs.append(("ingest.languages", "[" + ",".join(f'"{c}"' for c in codes) + "]"))
    args.set = [*args.set, *(f"{k}={v}" for k, v in pairs if v is not None)]
    if args.max_mb is not None and args.max_mb <= 0:
        raise ConfigError(f"--max-mb {args.max_mb}: must be positive (default 20)")


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


def _summary(console: Any, summary: Any, db: str) -> None:
    rejected = ", ".join(f"{k} {v}" for k, v in sorted(summary.rejected.items())) or "none"
    exact = summary.duplicates.get("duplicate", 0)
    near = summary.duplicates.get("near_duplicate", 0)
    console.print(
        f"read {summary.read} · stored {summary.stored} · events {summary.events} · "
        f"duplicate {summary.duplicate} (exact {exact}, near {near}, already stored "
        f"{summary.stored_before}) · rejected {sum(summary.rejected.values())} ({rejected}) · "
        f"{summary.seconds:.1f} s · {db}", markup=False, soft_wrap=True)


def run(args: argparse.Namespace) -> int:
    _shorthands(args)
    parley = make_parley(args)
    db = args.db or parley.settings.db
    total = None if args.no_progress else estimate(args.sources)
    if total is not None and args.limit is not None:
        total = min(total, args.limit)
    with Reporter(total, not args.no_progress, args.quiet) as rep:
        summary = parley.ingest(args.sources, db=db, limit=args.limit, progress=rep.advance,
                                date=args.date, on_rejection=rep.rejected)
    _summary(rep.console, summary, db)
    return 1 if rep.failed_inputs or not summary.read else 0


def run_watch(args: argparse.Namespace) -> int:
    """Poll every ``--every`` seconds (counted from the start of each poll, so a slow poll
    does not push the next ones back; one that overruns is followed at once)."""
    if args.polls < 0:
        raise ConfigError(f"--polls {args.polls}: must be 0 (poll until stopped) or more")
    _shorthands(args)
    parley = make_parley(args)
    db = args.db or parley.settings.db
    parley.open_store(db).close()  # a store that cannot be opened fails before the first poll
    seen: set[str] = set()
    polls = 0
    rep = Reporter(None, False, args.quiet)
    while True:
        polls += 1
        started = time.monotonic()
        summary = parley.ingest(args.sources, db=db, limit=args.limit, date=args.date,
                                on_rejection=rep.rejected, seen=seen)
        rep.console.print(f"poll {polls} at {time.strftime('%H:%M:%S')}: ", end="", markup=False)
        _summary(rep.console, summary, db)
        if args.polls and polls >= args.polls:
            return 0
        time.sleep(max(0.0, started + args.every - time.monotonic()))
