"""Argument types shared by the verbs."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from parley.errors import ConfigError

if TYPE_CHECKING:
    from parley.config import Loaded
    from parley.facade import Parley


def iso_date(value: str) -> str:
    """``--date``: a calendar day, YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"--date {value!r}: expected YYYY-MM-DD") from None


# reasons for which an input named on the command line could not be read at all: the run
# goes on with the others and ends with exit status 1
INPUT_ERRORS = ("missing", "unreadable")


def input_failed(rejection: Any) -> bool:
    return rejection.stage == "ingest" and rejection.reason in INPUT_ERRORS


def positive_int(value: str) -> int:
    """``--limit N``: a count of 1 or more."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: give a count of 1 or more")
    return n


def add_settings_options(p: argparse.ArgumentParser, strict: bool = True) -> None:
    """--config, --set (and --strict): the settings every pipeline verb takes."""
    p.add_argument("--config", help="a parley.toml settings file (default: ./parley.toml)")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="override a setting, e.g. nlp.batch_size=64 (`parley config` lists them)")
    if strict:
        p.add_argument("--strict", action="store_true",
                       help="stop at the first article a stage fails on, with the error, "
                            "instead of storing a stage_error rejection and going on")


def load_args_settings(args: argparse.Namespace) -> Loaded:
    from pathlib import Path

    from parley.config import load

    if args.config and not Path(args.config).is_file():
        raise ConfigError(f"--config {args.config!r}: no such file")
    return load(Path(args.config) if args.config else None, args.set)


def make_parley(args: argparse.Namespace) -> Parley:
    """The facade with the settings and the error policy the command line asked for."""
    from parley.facade import Parley

    return Parley(load_args_settings(args).settings, strict=getattr(args, "strict", False))
