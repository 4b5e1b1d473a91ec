"""`parley analyze INPUT... [--date D] [--format jsonl|json|text] [--db PATH]`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from parley.cli.options import iso_date
from parley.cli.report import render_document, render_rejection
from parley.config import load_settings
from parley.errors import ConfigError
from parley.model import Article, Document, Rejection, rejected_record, to_contract
from parley.pipeline import LocalRunner, Pipeline
from parley.textsafe import rejection_line, safe


def add_parser(sub: Any) -> None:
    p = sub.add_parser("analyze", help="code articles into actors, events, quotes and stances",
                       description="Read txt, html, jsonl(.gz) files, directories or - (stdin) "
                                   "and print one result per article.")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--date", type=iso_date, help="publication date for inputs that carry none")
    p.add_argument("--format", choices=("jsonl", "json", "text"), default="jsonl")
    p.add_argument("--db", help="also store the results in this SQLite file")
    p.add_argument("--config", help="a parley.toml settings file")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="override a setting, e.g. nlp.batch_size=64")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from parley.ingest import read_inputs
    from parley.ingest.language import check_language

    settings = load_settings(Path(args.config) if args.config else None, args.set)
    if args.config and not Path(args.config).exists():
        raise ConfigError(f"--config {args.config!r}: no such file")
    store = None
    if args.db:
        from parley.store import open_store

        store = open_store(args.db)
    out = sys.stdout
    collected: list[dict[str, Any]] = []
    rejected = 0

    def emit(obj: dict[str, Any], doc: Document | None = None) -> None:
        if args.format == "jsonl":
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            out.flush()
        elif args.format == "json":
            collected.append(obj)
        else:
            out.write((render_document(doc) if doc else render_rejection(obj)) + "\n")

    def on_document(doc: Document) -> None:
        emit(to_contract(doc), doc)

    def on_rejection(rej: Rejection, article: Article | None) -> None:
        nonlocal rejected
        rejected += 1
        print(rejection_line(rej, article), file=sys.stderr)
        emit(rejected_record(rej, article))

    try:
        runner = LocalRunner(Pipeline.default(settings), store, skip_stored=False,
                             batch_size=settings.nlp.batch_size, n_process=settings.nlp.n_process)
        summary = runner.run(check_language(read_inputs(args.inputs, default_date=args.date,
                                                        limits=settings.limits)),
                             on_document=on_document, on_rejection=on_rejection)
    finally:
        if store is not None:
            store.close()
    if args.format == "json":
        json.dump(collected, out, ensure_ascii=False, indent=2)
        out.write("\n")
    if args.format == "text":
        out.write(f"{summary.stored} article(s) coded, {summary.events} event(s), "
                  f"{rejected} rejected, in {summary.seconds:.1f} s"
                  + (f"; stored in {safe(args.db)}" if args.db else "") + "\n")
    return 0 if summary.read else 1
