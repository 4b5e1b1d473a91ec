"""`parley analyze INPUT... [--date D] [--format jsonl|json|text] [--db PATH] [--limit N]`.

One result per input article on standard output, in input order, through
``parley.Parley.documents``. A missing or unreadable input is a rejection (a record with
``rejection`` set, one line on standard error, stored with ``--db``): the other inputs are
still coded and the exit status is 1, after the summary. A progress bar runs on standard
error when it is a terminal and the input is long.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from parley.cli.options import (
    add_settings_options,
    input_failed,
    iso_date,
    make_parley,
    positive_int,
)
from parley.cli.progress import Reporter, wants_progress
from parley.cli.report import render_document, render_rejection
from parley.model import rejected_record, to_contract
from parley.runner import RunSummary


def add_parser(sub: Any) -> None:
    p = sub.add_parser("analyze", help="code articles into actors, events, quotes and stances",
                       description="Read txt, html, jsonl(.gz) files, directories, URLs or - "
                                   "(stdin) and print one result per article.")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--date", type=iso_date, help="publication date for inputs that carry none")
    p.add_argument("--format", choices=("jsonl", "json", "text"), default="jsonl")
    p.add_argument("--db", help="also store the results in this SQLite file")
    p.add_argument("--limit", type=positive_int, metavar="N", help="code only the first N articles")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    add_settings_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    parley = make_parley(args)
    out = sys.stdout
    collected: list[dict[str, Any]] = []
    summary = RunSummary()
    show, total = wants_progress(args.inputs, args.limit, not args.no_progress)
    with Reporter(total, show, quiet=False, label="analyze", skip_stages=()) as rep:
        for doc in parley.documents(args.inputs, limit=args.limit, date=args.date, db=args.db,
                                    summary=summary, progress=rep.advance):
            if doc.rejection is None:
                obj = to_contract(doc)
            else:
                rej = doc.rejection
                if input_failed(rej):
                    rep.failed_inputs.append(rej.input)
                rep.line(f"parley: rejected {rej.input}: {rej.reason}: {rej.detail}")
                obj = rejected_record(rej, doc.article if doc.article.text else None)
            if args.format == "jsonl":
                out.write(json.dumps(obj, ensure_ascii=False) + "\n")
                out.flush()
            elif args.format == "json":
                collected.append(obj)
            else:
                out.write((render_document(doc) if doc.rejection is None
                           else render_rejection(obj)) + "\n")
    if args.format == "json":
        json.dump(collected, out, ensure_ascii=False, indent=2)
        out.write("\n")
    rejected = sum(summary.rejected.values()) + summary.duplicate
    line = (f"{summary.stored} article(s) coded, {summary.events} event(s), {rejected} rejected, "
            f"in {summary.seconds:.1f} s" + (f"; stored in {args.db}" if args.db else ""))
    if args.format == "text":
        out.write(line + "\n")
    elif rep.failed_inputs or show:
        rep.line(f"parley: {line}")
    if rep.failed_inputs:
        rep.line(f"parley: {len(rep.failed_inputs)} input(s) could not be read: "
                 + ", ".join(rep.failed_inputs[:5]) + (" ..." if len(rep.failed_inputs) > 5 else ""))
        return 1
    return 0 if summary.read else 1
