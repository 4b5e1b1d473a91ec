"""Stances (placeholder, filled below)."""
from __future__ import annotations

from typing import Any

from parley.model import Document, Quote, Stance


def find_stances(document: Document, doc: Any, quotes: list[Quote], cands: list[Any]) -> list[Stance]:
    return []
