"""`parley export --db DB --format plover-jsonl|cameo-tsv|csv|parquet --out PATH [--from D] [--to D]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from parley.cli.options import iso_date
from parley.errors import ConfigError


def add_parser(sub: Any) -> None:
    from parley.export import FORMATS

    p = sub.add_parser(
        "export", help="write the store out as PLOVER JSONL, GDELT-style TSV, CSV or Parquet",
        description="Export a store (SQLite path or postgresql:// URL): plover-jsonl and cameo-tsv "
                    "write one record a coded event to a file (- for standard output); csv writes "
                    "one file a table and parquet one dataset a table, partitioned by month, into "
                    "the folder --out. --from/--to select articles by publication date. "
                    "Columns and fields: docs/export.md.")
    p.add_argument("--db", help="the store (default: the db setting, parley.db)")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--out", required=True, metavar="PATH", help="file (or -) or folder")
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD",
                   help="first publication date to include")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD",
                   help="last publication date to include")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from parley.config import load_settings
    from parley.export import export
    from parley.store import open_store

    db = args.db or load_settings(None, []).db
    if "://" not in db and db != ":memory:" and not Path(db).exists():
        raise ConfigError(f"--db {db!r}: no such store (ingest or analyze into it first)")
    store = open_store(db)
    try:
        counts = export(store, args.format, args.out, args.date_from, args.date_to)
    finally:
        store.close()
    what = ", ".join(f"{k} {v}" for k, v in counts.items())
    print(f"exported {what} -> {args.out}", file=sys.stderr)
    return 0
