"""`parley` entry point: parse arguments, configure logging, map errors to exit codes."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import NoReturn

from parley import __version__
from parley.errors import ParleyError

# Each verb module exposes add_parser(subparsers) and sets func=run(args) -> int.
VERBS = ("analyze", "ingest", "kb", "eval", "bench", "config", "patterns", "analysis", "export",
         "serve")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one clear line, exit code 2
        self.exit(2, f"parley: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="parley", description="Political event data from news, with evidence.")
    parser.add_argument("--version", action="version", version=f"parley {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more logging; -v also shows tracebacks on errors")
    sub = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)
    sub.required = True
    for verb in VERBS:
        try:
            module = importlib.import_module(f"parley.cli.{verb}")
        except ModuleNotFoundError as exc:
            if exc.name == f"parley.cli.{verb}":
                continue  # verb not built in this version
            raise
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        return int(args.func(args) or 0)
    except ParleyError as exc:
        if args.verbose:
            logging.exception("failed")
        print(f"parley: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("parley: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
