"""Reading gold sets and predictions, and the small shared rules of scoring.

The rules here are those of ``shared/tools/score.py`` (the project's reference scorer):
country codes are cut to three letters and mapped through ``ALIASES``; ``---``, ``***``
and empty codes are wildcards; precision, recall and F1 are 0.0 when undefined.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.errors import IngestError

logger = logging.getLogger(__name__)

# Country codes that the gold sets spell differently from ISO 3166 alpha-3.
ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UNO": "IGO", "EUR": "IGO"}
WILDCARD = frozenset({"---", "***", None, ""})


HALVES = ("A", "B")


def half_of(record_id: str) -> str:
    """The fixed development half of a gold record: ``A`` when the sha1 of its id is even,
    else ``B``. Rules are written looking at half A only; both halves are reported."""
    return "A" if int(hashlib.sha1(record_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "B"


def norm_country(code: Any) -> str | None:
    """Upper-case, first three letters, aliases applied: ``"USAGOV"`` -> ``"USA"``."""
    if code is None:
        return None
    text = str(code).upper()[:3]
    return ALIASES.get(text, text)


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives, with P/R/F1 derived."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class Share:
    """``correct`` out of ``total``; ``value`` is 0.0 when nothing was counted."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0


def entity_countries(entities: Iterable[Any] | None) -> set[str]:
    """The normalised countries of a list of contract Entity objects."""
    out: set[str | None] = set()
    for entity in entities or []:
        if isinstance(entity, dict):
            out.add(norm_country(entity.get("country")))
    out.discard(None)
    return {c for c in out if c is not None}


def span_of(obj: Any) -> tuple[int, int] | None:
    """``(start, end)`` of a contract Span object, or None."""
    if not isinstance(obj, dict):
        return None
    if "start" in obj and "end" in obj and obj["start"] is not None:
        return int(obj["start"]), int(obj["end"])
    return None


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """All records of a JSON Lines file; a broken line raises IngestError naming it."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise IngestError(str(path), "unreadable", f"{exc.strerror}; check the path") from exc
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise IngestError(
                str(path), "bad_json", f"line {number}: {exc.msg}; each line must be one JSON object"
            ) from exc
    return records


def load_json(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise IngestError(str(path), "unreadable", f"{exc.strerror}; check the path") from exc
    except json.JSONDecodeError as exc:
        raise IngestError(str(path), "bad_json", f"line {exc.lineno}: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise IngestError(str(path), "bad_gold", "expected one JSON object at the top level")
    return data


def by_id(predictions: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Predictions keyed by ``id``; a later line with the same id wins, as in score.py."""
    return {p["id"]: p for p in predictions}


def sha256_of(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
