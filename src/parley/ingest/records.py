"""Corpus files with one article per record: JSON Lines and CSV, plain or gzip.

A record needs ``text``; ``id``, ``title``, ``date``, ``url`` (and ``source``, ``author``,
``site``/``source``) are optional. ``Article.text`` is exactly the record's ``text``. A bad
record is a Rejection named ``path:lineno``; the other records go on.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

from parley.ingest.html import parse_day
from parley.model import Article, Rejection

logger = logging.getLogger(__name__)

_TEXT_KEYS = ("text", "body", "content")


def open_binary(path: str) -> BinaryIO:
    """The file's bytes, gunzipped when the name ends in ``.gz``."""
    if path.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def normalise_date(value: Any, where: str) -> str | None:
    """``YYYY-MM-DD`` from a record's date (a day, a timestamp), else None with a warning."""
    if value in (None, ""):
        return None
    day = parse_day(str(value), min_year=1)
    if day is None:
        logger.warning("%s: date %r is not YYYY-MM-DD; the article gets no date", where, value)
    return day


def record_to_article(
    record: dict[str, Any], where: str, path: str, default_date: str | None, max_chars: int
) -> Article | Rejection:
    text = next((record[k] for k in _TEXT_KEYS if isinstance(record.get(k), str)), None)
    if text is None:
        return Rejection(
            where, "ingest", "malformed",
            f"the record has no 'text' string (keys: {', '.join(sorted(record)) or 'none'}); "
            "each record needs a 'text' field",
        )
    rid = record.get("id")
    ident = str(rid) if rid not in (None, "") else where
    if not text.strip():
        return Rejection(ident, "ingest", "empty", f"{where}: the record's text is empty")
    if len(text) > max_chars:
        return Rejection(
            ident, "ingest", "too_large",
            f"{where}: text of {len(text):,} characters is over the cap of {max_chars:,}; "
            "raise ingest.max_chars to accept it",
        )
    if "\x00" in text:
        return Rejection(ident, "ingest", "binary", f"{where}: the text holds NUL characters")
    title = record.get("title")
    meta = tuple(
        (k, str(record[k])) for k in ("section", "licence")
        if isinstance(record.get(k), (str, int, float))
    )
    site = record.get("site") or record.get("source")
    author = record.get("author")
    if author is None and isinstance(record.get("meta"), dict):
        authors = record["meta"].get("authors")
        author = ", ".join(authors) if isinstance(authors, list) else authors
    return Article(
        id=ident,
        text=text,
        title=str(title) if title not in (None, "") else None,
        date=normalise_date(record.get("date"), where) or default_date,
        url=str(record["url"]) if record.get("url") else None,
        source=path,
        author=str(author) if author else None,
        site=str(site) if site else None,
        meta=meta,
    )


def read_jsonl(
    path: str, default_date: str | None, max_chars: int, stream: BinaryIO | None = None
) -> Iterator[Article | Rejection]:
    fh = stream if stream is not None else open_binary(path)
    try:
        for lineno, raw in enumerate(fh, start=1):
            where = f"{path}:{lineno}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield Rejection(
                    where, "ingest", "undecodable",
                    f"byte {exc.start} (0x{raw[exc.start]:02x}) is not UTF-8; JSON Lines must be "
                    "UTF-8: re-encode the file (iconv -f cp1252 -t utf-8)",
                )
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                yield Rejection(where, "ingest", "malformed", f"not valid JSON: {exc}")
                continue
            if not isinstance(record, dict):
                yield Rejection(
                    where, "ingest", "malformed",
                    f"a JSON {type(record).__name__}, not an object with a 'text' field",
                )
                continue
            yield record_to_article(record, where, path, default_date, max_chars)
    except (OSError, EOFError) as exc:  # a truncated or corrupt gzip stream
        yield Rejection(path, "ingest", "unreadable", f"reading stopped: {exc}")
    finally:
        if stream is None:
            fh.close()


def read_csv(
    path: str, default_date: str | None, max_chars: int
) -> Iterator[Article | Rejection]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        fh = io.TextIOWrapper(open_binary(path), encoding="utf-8-sig", newline="")
    except OSError as exc:
        yield Rejection(path, "ingest", "unreadable", str(exc))
        return
    with fh:
        try:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or not any(k in reader.fieldnames for k in _TEXT_KEYS):
                yield Rejection(
                    path, "ingest", "malformed",
                    f"the CSV header {reader.fieldnames!r} has no 'text' column",
                )
                return
            for n, row in enumerate(reader, start=2):
                where = f"{path}:{n}"
                if None in row:
                    yield Rejection(where, "ingest", "malformed", "more fields than the header")
                    continue
                yield record_to_article(dict(row), where, path, default_date, max_chars)
        except UnicodeDecodeError as exc:
            yield Rejection(
                path, "ingest", "undecodable",
                f"not UTF-8 ({exc.reason}); re-encode the CSV as UTF-8",
            )
        except (csv.Error, OSError, EOFError) as exc:
            yield Rejection(path, "ingest", "malformed", f"CSV reading stopped: {exc}")
