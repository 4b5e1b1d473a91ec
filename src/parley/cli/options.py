"""Argument types shared by the verbs."""

from __future__ import annotations

import argparse
import datetime as dt


def iso_date(value: str) -> str:
    """``--date``: a calendar day, YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"--date {value!r}: expected YYYY-MM-DD") from None
