"""`parley dyad | network | positions | alerts | brief`: thin verbs over parley.analysis."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from parley.cli.options import iso_date
from parley.errors import ConfigError


def _common(p: argparse.ArgumentParser, formats: tuple[str, ...], level: bool = True) -> None:
    p.add_argument("--db", help="the store (default: the db setting, parley.db)")
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD",
                   help="first day (inclusive)")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD",
                   help="last day (inclusive)")
    p.add_argument("--format", choices=formats, default=formats[0])
    if level:
        p.add_argument("--level", choices=("country", "actor"), default=None,
                       help="country codes (default) or stable actor keys")


def add_parser(sub: Any) -> None:
    p = sub.add_parser("dyad", help="relations of two actors over time",
                       description="Events A->B and B->A per period by PLOVER type and quad "
                                   "class, net cooperation, distinct articles and sources.")
    p.add_argument("a", help="country code (CHN) or actor key with --level actor")
    p.add_argument("b")
    _common(p, ("text", "json", "csv"))
    p.add_argument("--by", choices=("day", "week", "month"), default="week")
    p.add_argument("--all-modes", action="store_true",
                   help="also show future, hypothetical, denied and past events, apart")
    p.add_argument("--plot", metavar="FILE.png|svg", help="write a plot of the series")
    p.set_defaults(func=run_dyad)

    p = sub.add_parser("network", help="the signed alignment network and its balance",
                       description="Cooperation and shared positions positive, conflict and "
                                   "opposed positions negative; structural balance against "
                                   "shuffled signs.")
    _common(p, ("text", "json", "graphml"))
    p.add_argument("--min-evidence", type=int, default=1, help="drop weaker edges")
    p.add_argument("--shuffles", type=int, default=100)
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=run_network)

    p = sub.add_parser("positions", help="the actor x issue matrix and who changed position")
    _common(p, ("text", "json", "csv"))
    p.add_argument("--issue", help="one issue (e.g. sanctions)")
    p.add_argument("--split", type=iso_date, metavar="YYYY-MM-DD",
                   help="compare positions before and from this day")
    p.add_argument("--actor", action="append", help="only these actors (repeatable)")
    p.set_defaults(func=run_positions)

    p = sub.add_parser("alerts", help="dyads and issues that moved sharply this week")
    _common(p, ("text", "json"))
    p.add_argument("--actor", help="one actor's dyads and issues (default: all)")
    p.add_argument("--threshold", type=float, default=0.25)
    p.add_argument("--min-events", type=int, default=5,
                   help="low-baseline guard: this week or the baseline must reach this")
    p.set_defaults(func=run_alerts)

    p = sub.add_parser("brief", help="what the news of a period means for one actor",
                       description="Relations, balance readings, positions and changes, "
                                   "each with its evidence sentences.")
    p.add_argument("actor", help="country code (UKR) or actor key")
    _common(p, ("text", "markdown", "json", "html"))
    p.add_argument("--out", help="write to this file (markdown: plots beside it)")
    p.add_argument("--top", type=int, default=6, help="main counterparts to relate")
    p.set_defaults(func=run_brief)


@contextmanager
def _reader(args: argparse.Namespace) -> Iterator[Any]:
    from parley.store import open_store

    db = args.db
    if not db:
        from parley.config import load_settings

        db = load_settings(None, []).db
    if db != ":memory:" and not db.startswith(("postgres", "sqlite:")) and not Path(db).exists():
        raise ConfigError(f"store {db!r} does not exist; ingest articles first "
                          f"(parley ingest ... --db {db})")
    store = open_store(db)
    try:
        yield store.reader()
    finally:
        store.close()


def _emit(text: str, out: str | None = None) -> None:
    if out:
        Path(out).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def _csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    fields: list[str] = []
    for r in rows:
        fields += [k for k in r if k not in fields]
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: json.dumps(v) if isinstance(v, (dict, list)) else v for k, v in r.items()})
    return buf.getvalue()


def run_dyad(args: argparse.Namespace) -> int:
    from parley.analysis.dyad import dyad, flat_rows, render_text
    from parley.analysis.plot import write_plot
    from parley.analysis.render import clean

    with _reader(args) as reader:
        series = dyad(reader, args.a, args.b, level=args.level or "country", by=args.by,
                      date_from=args.date_from, date_to=args.date_to, all_modes=args.all_modes)
    if args.plot:
        write_plot(series, args.plot)
    if args.format == "json":
        _emit(_json(series))
    elif args.format == "csv":
        _emit(_csv(flat_rows(series)))
    else:
        _emit("\n".join(clean(x) for x in render_text(series).splitlines()))
    return 0


def run_network(args: argparse.Namespace) -> int:
    from parley.analysis.network import network, render_text, to_graphml

    with _reader(args) as reader:
        net = network(reader, level=args.level or "country", date_from=args.date_from,
                      date_to=args.date_to, min_evidence=args.min_evidence,
                      shuffles=args.shuffles, seed=args.seed)
    if args.format == "json":
        _emit(_json(net))
    elif args.format == "graphml":
        _emit(to_graphml(net))
    else:
        _emit(render_text(net))
    return 0


def run_positions(args: argparse.Namespace) -> int:
    from parley.analysis.positions import positions, render_text, with_evidence

    with _reader(args) as reader:
        res = with_evidence(reader, positions(
            reader, level=args.level or "country", issue=args.issue, date_from=args.date_from,
            date_to=args.date_to, split=args.split, actors=args.actor))
    if args.format == "json":
        _emit(_json(res))
    elif args.format == "csv":
        _emit(_csv(res["matrix"]))
    else:
        _emit(render_text(res))
    return 0


def run_alerts(args: argparse.Namespace) -> int:
    from parley.analysis.alerts import alerts, render_text

    with _reader(args) as reader:
        rows = alerts(reader, actor=args.actor, level=args.level or "country",
                      date_from=args.date_from, date_to=args.date_to, threshold=args.threshold,
                      min_events=args.min_events)
    _emit(_json(rows) if args.format == "json" else render_text(rows))
    return 0


def run_brief(args: argparse.Namespace) -> int:
    from parley.analysis.brief import brief
    from parley.analysis.render import dyad_plots, render_html, render_markdown, render_text

    out = Path(args.out) if args.out else None
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
    with _reader(args) as reader:
        b = brief(reader, args.actor, level=args.level, date_from=args.date_from,
                  date_to=args.date_to, top=args.top)
        plots = dyad_plots(reader, b) if args.format in ("markdown", "html") else []
    if args.format == "json":
        text = _json(b)
    elif args.format == "markdown":
        text = render_markdown(b, plots, out)
    elif args.format == "html":
        text = render_html(b, plots)
    else:
        text = render_text(b)
    _emit(text, args.out)
    return 0
