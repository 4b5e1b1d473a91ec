"""Corpus files with one article per record: JSON Lines and CSV, plain or gzip.

A record needs ``text``; ``id``, ``title``, ``date``, ``url`` (and ``source``, ``author``,
``site``/``source``, ``meta.authors``) are optional. ``Article.text`` is exactly the
record's ``text``. Every record is checked at the edge (:func:`validate`): a field of the
wrong type is converted when the conversion is lossless (a number id becomes a string, a
list of author names is joined) and otherwise the record is rejected with the field named.
A bad record is a Rejection named ``path:line``; the other records go on. A file with no
record at all is one ``empty`` Rejection, never silence.

Memory stays bounded whatever the file holds: lines are read with a cap (a line over it is
a ``too_large`` rejection, skipped without being held), and a gzip file is decompressed as
a stream that stops at ``limits.decompressed_bytes``.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from parley.config import LimitSettings
from parley.ingest.html import parse_day
from parley.model import Article, Rejection

logger = logging.getLogger(__name__)

_TEXT_KEYS = ("text", "body", "content")
_CHUNK = 1 << 16
MIN_YEAR, MAX_YEAR = 1800, 2100  # a record's date outside these years is ignored, with a reason
# errors a damaged or truncated gzip stream raises while it is read
STREAM_ERRORS = (OSError, EOFError, zlib.error)


class TooLarge(OSError):
    """More decompressed bytes than ``limits.decompressed_bytes``."""


class CappedReader(io.RawIOBase):
    """A stream that raises :class:`TooLarge` once more than ``cap`` bytes were read."""

    def __init__(self, raw: BinaryIO, cap: int) -> None:
        self.raw, self.cap, self.count = raw, cap, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self.raw.readinto(buffer)  # type: ignore[attr-defined]
        self.count += n or 0
        if self.count > self.cap:
            raise TooLarge(f"more than {self.cap:,} bytes after decompression "
                           "(setting limits.decompressed_bytes)")
        return n or 0

    def close(self) -> None:
        self.raw.close()
        super().close()


def open_binary(path: str, limits: LimitSettings | None = None) -> BinaryIO:
    """The file's bytes, gunzipped as a capped stream when the name ends in ``.gz``."""
    if path.endswith(".gz"):
        cap = (limits or LimitSettings()).decompressed_bytes
        return io.BufferedReader(CappedReader(gzip.open(path, "rb"), cap),  # type: ignore[arg-type]
                                 buffer_size=_CHUNK)
    return open(path, "rb")


def bounded_lines(fh: BinaryIO, max_line: int) -> Iterator[tuple[int, bytes | None]]:
    """``(lineno, line)`` with each line read with a cap: a longer one comes as
    ``(lineno, None)`` and its rest is skipped in chunks, never held in memory."""
    lineno = 0
    while True:
        line = fh.readline(max_line + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_line and not line.endswith(b"\n"):
            while True:
                rest = fh.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, line


def count_records(path: str, limits: LimitSettings | None = None) -> int | None:
    """How many non-blank lines a JSON Lines / CSV file holds, read as a capped stream (for
    a progress bar); None when the file cannot be read to the end."""
    n = 0
    try:
        with open_binary(path, limits) as fh:
            for _, line in bounded_lines(fh, _CHUNK):
                if line is None or line.strip():
                    n += 1
    except STREAM_ERRORS:
        return None
    return n


# --- validation at the edge --------------------------------------------------------------

class BadField(ValueError):
    def __init__(self, name: str, value: Any, wanted: str) -> None:
        super().__init__(f"field {name!r} must be {wanted}, not {type(value).__name__}")


def _scalar(record: dict[str, Any], name: str) -> str | None:
    """A string field; a number is converted; a list, object or boolean is a BadField."""
    value = record.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise BadField(name, value, "a string or a number")


def _names(value: Any, name: str) -> str | None:
    """Author names: a string, or a list of strings (joined with ", ")."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) and not isinstance(v, bool)
                                       for v in value):
        return ", ".join(str(v) for v in value)
    raise BadField(name, value, "a string or a list of strings")


def validate(record: dict[str, Any]) -> dict[str, str | None]:
    """The record's fields as strings (or None), or :class:`BadField` naming the field."""
    key = next((k for k in _TEXT_KEYS if k in record), "text")
    text = record.get(key)
    if text is not None and not isinstance(text, str):
        raise BadField(key, text, "a string")
    meta = record.get("meta")
    if meta is not None and not isinstance(meta, dict):
        raise BadField("meta", meta, "an object")
    author = _names(record.get("author"), "author")
    if author is None and meta:
        author = _names(meta.get("authors"), "meta.authors")
    out: dict[str, str | None] = {
        "text": text, "author": author,
        "site": _scalar(record, "site") or _scalar(record, "source"),
    }
    for name in ("id", "title", "date", "url", "section", "licence"):
        out[name] = _scalar(record, name)
    return out


def normalise_date(value: str | None, where: str) -> tuple[str | None, str | None]:
    """``(YYYY-MM-DD, None)`` from a record's date, else ``(None, why it was ignored)``."""
    if not value:
        return None, None
    day = parse_day(value, min_year=1)
    if day is None:
        why = f"date {value[:40]!r} is not a day (YYYY-MM-DD or a timestamp, not in the future)"
    elif not MIN_YEAR <= int(day[:4]) <= MAX_YEAR:
        why = f"date {day} is outside the years {MIN_YEAR}-{MAX_YEAR}"
        day = None
    else:
        return day, None
    logger.warning("%s: %s; the article gets no date of its own", where, why)
    return None, why


def record_to_article(
    record: dict[str, Any], where: str, path: str, default_date: str | None, max_chars: int
) -> Article | Rejection:
    """One validated record as an Article, or a Rejection named ``where`` (file:line)."""
    try:
        fields = validate(record)
    except BadField as exc:
        return Rejection(where, "ingest", "malformed", f"{exc}; the record is skipped")
    text = fields["text"]
    if text is None:
        return Rejection(
            where, "ingest", "malformed",
            f"the record has no 'text' string (keys: {', '.join(sorted(map(str, record)))[:200] or 'none'}); "
            "each record needs a 'text' field",
        )
    rid = fields["id"]
    if not text.strip():
        return Rejection(where, "ingest", "empty", f"record {rid or where}: the text is empty")
    if len(text) > max_chars:
        return Rejection(
            where, "ingest", "too_large",
            f"record {rid or where}: text of {len(text):,} characters is over the cap of "
            f"{max_chars:,}; raise --max-mb to accept it",
        )
    if "\x00" in text:
        return Rejection(where, "ingest", "binary", f"record {rid or where}: the text holds NUL characters")
    day, ignored = normalise_date(fields["date"], where)
    meta = tuple((k, v) for k in ("section", "licence") if (v := fields[k]) is not None)
    meta += (("record", where),)
    if ignored:
        meta += (("date_ignored", ignored),)
    return Article(
        id=rid or where, text=text, title=fields["title"], date=day or default_date,
        url=fields["url"], source=path, author=fields["author"], site=fields["site"],
        meta=meta,
    )


def _empty(path: str, what: str) -> Rejection:
    return Rejection(path, "ingest", "empty", f"the file holds no {what}")


# --- JSON Lines --------------------------------------------------------------------------

def _json_record(raw: bytes, lineno: int, where: str) -> dict[str, Any] | Rejection:
    try:
        line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return Rejection(
            where, "ingest", "undecodable",
            f"byte {exc.start} (0x{raw[exc.start]:02x}) is not UTF-8; JSON Lines must be "
            "UTF-8: re-encode the file (iconv -f cp1252 -t utf-8)",
        )
    try:
        record = json.loads(line)
    except RecursionError:
        return Rejection(where, "ingest", "malformed", "JSON nested too deeply to read")
    except ValueError as exc:
        return Rejection(where, "ingest", "malformed", f"not valid JSON: {exc}")
    if not isinstance(record, dict):
        return Rejection(where, "ingest", "malformed",
                         f"a JSON {type(record).__name__}, not an object with a 'text' field")
    return record


def read_jsonl(
    path: str, default_date: str | None, max_chars: int, stream: BinaryIO | None = None,
    limits: LimitSettings | None = None,
) -> Iterator[Article | Rejection]:
    # a record's text may take up to 4 UTF-8 bytes a character, plus its other fields
    max_line = 4 * max_chars + _CHUNK
    records = 0
    try:
        fh = stream if stream is not None else open_binary(path, limits)
    except OSError as exc:
        yield Rejection(path, "ingest", "unreadable", f"{type(exc).__name__}: {exc}")
        return
    try:
        for lineno, raw in bounded_lines(fh, max_line):
            where = f"{path}:{lineno}"
            if raw is None:
                records += 1
                yield Rejection(where, "ingest", "too_large",
                                f"a line of more than {max_line:,} bytes; skipped unread")
                continue
            if not raw.strip():
                continue
            records += 1
            record = _json_record(raw, lineno, where)
            if isinstance(record, Rejection):
                yield record
            else:
                yield record_to_article(record, where, path, default_date, max_chars)
    except TooLarge as exc:
        records += 1
        yield Rejection(path, "ingest", "too_large", f"reading stopped: {exc}")
    except STREAM_ERRORS as exc:  # a truncated or corrupt gzip stream
        records += 1
        yield Rejection(path, "ingest", "unreadable",
                        f"reading stopped after {records - 1} record(s): {type(exc).__name__}: {exc}")
    finally:
        if stream is None:
            fh.close()
    if records == 0:
        yield _empty(path, "JSON records (only blank lines)")


# --- CSV ---------------------------------------------------------------------------------

_TOO_LONG = "\"\x00\"x\n"  # what replaces a line over the cap: strict csv refuses it


def _text_lines(fh: BinaryIO, max_line: int, flags: dict[str, int]) -> Iterator[str]:
    """UTF-8 lines for the csv reader, each read with a cap; a longer one becomes a line the
    reader refuses (and ``flags['too_long']`` says which)."""
    decoder = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
    while True:
        line = decoder.readline(max_line + 1)
        if not line:
            return
        if len(line) > max_line and not line.endswith(("\n", "\r")):
            while True:
                rest = decoder.readline(_CHUNK)
                if not rest or rest.endswith(("\n", "\r")):
                    break
            flags["too_long"] = flags.get("lines", 0) + 1
            line = _TOO_LONG
        flags["lines"] = flags.get("lines", 0) + 1
        yield line


def read_csv(
    path: str, default_date: str | None, max_chars: int, limits: LimitSettings | None = None,
) -> Iterator[Article | Rejection]:
    """CSV with a header naming a ``text`` column. Quoting is strict: a stray or unclosed
    quote is a rejection of that record (named with the lines it took), never a record that
    swallows the rows after it; reading goes on at the next line."""
    csv.field_size_limit(max_chars + 1)
    max_line = 4 * max_chars + _CHUNK
    try:
        fh = open_binary(path, limits)
    except OSError as exc:
        yield Rejection(path, "ingest", "unreadable", str(exc))
        return
    flags: dict[str, int] = {}
    rows = 0
    with fh:
        try:
            lines = _text_lines(fh, max_line, flags)
            reader = csv.reader(lines, strict=True)
            try:
                header = next(reader)
            except StopIteration:
                yield _empty(path, "CSV header or rows")
                return
            except csv.Error as exc:
                yield Rejection(path, "ingest", "malformed", f"the CSV header is broken: {exc}")
                return
            if not any(k in header for k in _TEXT_KEYS):
                yield Rejection(path, "ingest", "malformed",
                                f"the CSV header {header[:20]!r} has no 'text' column")
                return
            while True:
                start = flags.get("lines", 0) + 1
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    rows += 1
                    end = flags.get("lines", 0)
                    where = f"{path}:{start}" + (f"-{end}" if end > start else "")
                    if flags.pop("too_long", None) is not None:
                        yield Rejection(where, "ingest", "too_large",
                                        f"a line of more than {max_line:,} characters; skipped")
                    else:
                        yield Rejection(where, "ingest", "malformed",
                                        f"CSV quoting is broken ({exc}); the record is skipped "
                                        "and reading goes on at the next line")
                    continue
                if not row:
                    continue
                rows += 1
                where = f"{path}:{start}"
                if len(row) > len(header):
                    yield Rejection(where, "ingest", "malformed", "more fields than the header")
                    continue
                record = dict(zip(header, row, strict=False))
                yield record_to_article(record, where, path, default_date, max_chars)
        except UnicodeDecodeError as exc:
            yield Rejection(path, "ingest", "undecodable",
                            f"not UTF-8 ({exc.reason}) after {rows} row(s); re-encode the CSV as UTF-8")
            return
        except TooLarge as exc:
            yield Rejection(path, "ingest", "too_large", f"reading stopped: {exc}")
            return
        except STREAM_ERRORS as exc:
            yield Rejection(path, "ingest", "unreadable",
                            f"reading stopped after {rows} row(s): {type(exc).__name__}: {exc}")
            return
    if rows == 0:
        yield _empty(path, "CSV rows (a header only)")
