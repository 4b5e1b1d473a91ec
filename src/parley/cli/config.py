"""`parley config [--config FILE] [--set KEY=VALUE] [--json | --markdown]`.

Prints every setting with its effective value and where that value came from: the default,
parley.toml (or --config FILE), the environment (PARLEY_*) or --set. ``--markdown`` prints
the settings table (docs/settings.md is this output).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from parley.cli.options import add_settings_options, load_args_settings


def add_parser(sub: Any) -> None:
    p = sub.add_parser("config", help="show the effective settings and where each came from",
                       description="Print every setting (name = value) with its source: "
                                   "default, parley.toml, environment or --set.")
    add_settings_options(p, strict=False)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", dest="as_json", action="store_true",
                     help="one JSON object: {name: {value, source, type, help}}")
    fmt.add_argument("--markdown", action="store_true",
                     help="the settings table as Markdown (docs/settings.md)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from parley.config import effective, markdown

    out = sys.stdout
    if args.markdown:
        out.write(markdown())
        return 0
    rows = effective(load_args_settings(args))
    if args.as_json:
        out.write(json.dumps({row.name: {"value": value, "source": source, "type": row.type,
                                         "help": row.help} for row, value, source in rows},
                             ensure_ascii=False) + "\n")
        return 0
    width = max(len(row.name) for row, _, _ in rows)
    shown = [(row, json.dumps(value, ensure_ascii=False)) for row, value, _ in rows]
    vwidth = min(44, max(len(v) for _, v in shown))
    for (row, value), (_, _, source) in zip(shown, rows, strict=True):
        out.write(f"{row.name:<{width}} = {value:<{vwidth}}  # {source}\n")
    return 0
