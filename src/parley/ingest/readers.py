"""``read_inputs``: what ``parley analyze`` and ``parley ingest`` read, as Articles or Rejections.

Inputs (CONTRACT.md "Inputs"): ``.txt`` files (first non-empty line is the title, ``text`` is
the whole file), ``.html``/``.htm`` pages, ``.jsonl``/``.jsonl.gz`` and ``.csv``/``.csv.gz``
corpora, ``.warc``/``.warc.gz`` web archives, ``.rss``/``.atom`` feed files, directories
(recursive, sorted, hidden entries skipped) and ``-`` for standard input. A file with another
extension that is named on the command line is read as text (or HTML when it looks like
HTML). Nothing raises for a bad input: every problem is a Rejection with stage ``ingest``.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import BinaryIO

from parley.config import LimitSettings
from parley.errors import ConfigError
from parley.ingest.decode import NotText, decode_bytes, html_declared_encoding
from parley.ingest.html import article_text, extract_html, markup_too_deep
from parley.ingest.records import MAX_YEAR, MIN_YEAR, read_csv, read_jsonl
from parley.model import Article, Rejection
from parley.textsafe import unsurrogate

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # 20 MB of text per article

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".csv.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom")
KNOWN_SUFFIXES = (TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES
                  + WARC_SUFFIXES + FEED_SUFFIXES)

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LOOKS_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)


def check_date(value: str | None) -> str | None:
    if value is None:
        return None
    if not _DAY.match(value):
        raise ConfigError(
            f"date {value!r} is not a day in the form YYYY-MM-DD (for example 2024-03-01); "
            "pass --date YYYY-MM-DD"
        )
    if not MIN_YEAR <= int(value[:4]) <= MAX_YEAR:
        raise ConfigError(f"date {value!r} is outside the years {MIN_YEAR}-{MAX_YEAR}")
    return value


def _clean_str(value: str | None) -> str | None:
    return None if value is None else unsurrogate(value)


def clean(item: Article | Rejection) -> Article | Rejection:
    """``item`` with no lone surrogate left (they cannot be stored or printed as UTF-8):
    escaped (``\\xff``) in names, ids and metadata, U+FFFD in the text (offsets hold)."""
    if isinstance(item, Rejection):
        return Rejection(unsurrogate(item.input), item.stage, item.reason, unsurrogate(item.detail))
    fields = (item.id, item.title, item.url, item.source, item.author, item.site)
    cleaned = tuple(_clean_str(v) for v in fields)
    text = unsurrogate(item.text, replace=True)
    meta = tuple((unsurrogate(k), unsurrogate(v)) for k, v in item.meta)
    date = item.date
    if date is not None and not (_DAY.match(date) and MIN_YEAR <= int(date[:4]) <= MAX_YEAR):
        # a feed's or a page's date out of range: ignored with a reason, as a record's is
        meta += (("date_ignored", f"date {date[:40]!r} is outside the years {MIN_YEAR}-{MAX_YEAR}"),)
        date = None
    if cleaned == fields and text is item.text and meta == item.meta and date == item.date:
        return item
    ident, title, url, source, author, site = cleaned
    return replace(item, id=ident or "", text=text, title=title, url=url, source=source,
                   author=author, site=site, meta=meta, date=date)


def cleaned(items: Iterable[Article | Rejection]) -> Iterator[Article | Rejection]:
    for item in items:
        yield clean(item)


def read_inputs(
    inputs: Sequence[str],
    default_date: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    limits: LimitSettings | None = None,
) -> Iterator[Article | Rejection]:
    """Articles (and Rejections) from files, directories, and ``-`` (standard input).

    ``Article.id`` is the record's id, or the path as given (``dir/sub/a.txt`` for a file
    found in ``dir``). ``default_date`` (YYYY-MM-DD) fills articles that carry no date.
    ``max_bytes`` caps one article's text (a whole ``.txt``/``.html`` file, or one record's
    text in characters): bigger ones are rejected as ``too_large``, never truncated.
    ``limits`` bounds decompression and markup depth (settings ``limits.*``).
    """
    default_date = check_date(default_date)
    for item in inputs:
        yield from cleaned(read_one(item, default_date, max_bytes=max_bytes, stdin=stdin,
                                    limits=limits))


def read_one(
    item: str, default_date: str | None, *, max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None, explicit: bool = True, limits: LimitSettings | None = None,
) -> Iterator[Article | Rejection]:
    """One input (file, directory or ``-``). Lone surrogates are left to :func:`clean`."""
    limits = limits or LimitSettings()
    if item == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        yield _text_article("-", data, default_date, max_bytes, source="<stdin>")
        return
    if os.path.isdir(item):
        yield from _read_dir(item, default_date, max_bytes, limits)
        return
    if not os.path.exists(item):
        yield Rejection(item, "ingest", "missing", "no such file or directory; check the path")
        return
    if not explicit:
        kind = _not_regular(item)
        if kind is not None:
            # reading a FIFO blocks until someone writes to it; a device may never end
            yield Rejection(item, "ingest", "not_a_file",
                            f"a {kind}, not a regular file; skipped (name it on the command "
                            "line to read it)")
            return
    reader = reader_for(item, explicit=explicit)
    if reader is None:
        yield Rejection(
            item, "ingest", "unsupported",
            f"unknown file type; Parley reads {', '.join(KNOWN_SUFFIXES)} files",
        )
        return
    try:
        yield from reader(item, default_date, max_bytes, limits)
    except OSError as exc:
        yield Rejection(item, "ingest", "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")


def _not_regular(path: str) -> str | None:
    """What ``path`` is when it is not a regular file (a FIFO, socket, device), else None."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # read_one's reader says why it cannot be read
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


Reader = Callable[[str, "str | None", int, LimitSettings], Iterator["Article | Rejection"]]


def reader_for(path: str, *, explicit: bool = True) -> Reader | None:
    name = path.lower()
    if name.endswith(JSONL_SUFFIXES):
        return lambda p, d, m, lim: read_jsonl(p, d, m, limits=lim)
    if name.endswith(CSV_SUFFIXES):
        return read_csv
    if name.endswith(HTML_SUFFIXES):
        return _read_html_file
    if name.endswith(TEXT_SUFFIXES):
        return _read_text_file
    if name.endswith(WARC_SUFFIXES):
        from parley.ingest.warc import read_warc

        return read_warc
    if name.endswith(FEED_SUFFIXES):
        from parley.ingest.feeds import read_feed_file

        return read_feed_file
    if explicit:
        return _read_sniffed
    return None


def _read_dir(root: str, default_date: str | None, max_bytes: int,
              limits: LimitSettings) -> Iterator[Article | Rejection]:
    errors: list[OSError] = []
    paths: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        paths.extend(os.path.join(dirpath, f) for f in filenames if not f.startswith("."))
    for exc in errors:
        yield Rejection(str(exc.filename or root), "ingest", "unreadable",
                        f"cannot list the directory: {exc.strerror or exc}")
    if not paths and not errors:
        yield Rejection(root, "ingest", "empty",
                        "the directory holds no files (hidden ones are skipped)")
    for path in sorted(paths):
        yield from read_one(path, default_date, max_bytes=max_bytes, explicit=False,
                            limits=limits)


def _read_limited(path: str, max_bytes: int) -> bytes | Rejection:
    size = os.path.getsize(path)
    if size > max_bytes:
        return Rejection(
            path, "ingest", "too_large",
            f"{size:,} bytes is over the cap of {max_bytes:,}; split the file or raise "
            "ingest.max_bytes",
        )
    with open(path, "rb") as fh:
        return fh.read(max_bytes + 1)


def _text_article(
    ident: str, data: bytes, default_date: str | None, max_bytes: int, source: str
) -> Article | Rejection:
    if len(data) > max_bytes:
        return Rejection(ident, "ingest", "too_large",
                         f"more than {max_bytes:,} bytes; split the input")
    if not data.strip():
        return Rejection(ident, "ingest", "empty", "the input holds no text")
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        return Rejection(ident, "ingest", exc.reason, exc.detail)
    text = decoded.text
    if not text.strip():
        return Rejection(ident, "ingest", "empty", "the input holds only white space")
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    meta = (("encoding", decoded.encoding),) if decoded.encoding != "utf-8" else ()
    return Article(id=ident, text=text, title=title, date=default_date, source=source, meta=meta)


def _read_text_file(path: str, default_date: str | None, max_bytes: int,
                    limits: LimitSettings) -> Iterator[Article | Rejection]:
    data = _read_limited(path, max_bytes)
    if isinstance(data, Rejection):
        yield data
        return
    yield _text_article(path, data, default_date, max_bytes, source=path)


def html_article(
    ident: str, data: bytes, default_date: str | None, *, url: str | None = None,
    source: str | None = None, declared: str | None = None,
    limits: LimitSettings | None = None,
) -> Article | Rejection:
    """One Article from the bytes of an HTML page (files, WARC records, fetched pages)."""
    if not data.strip():
        return Rejection(ident, "ingest", "empty", "the page is empty")
    try:
        decoded = decode_bytes(data, declared or html_declared_encoding(data))
    except NotText as exc:
        return Rejection(ident, "ingest", exc.reason, exc.detail)
    max_depth = (limits or LimitSettings()).markup_depth
    if markup_too_deep(decoded.text, max_depth):
        # HTML parsers and the extractor are super-linear in nesting (tables in tables)
        return Rejection(ident, "ingest", "too_deep",
                         f"HTML elements nested more than {max_depth} deep (setting "
                         "limits.markup_depth)")
    try:
        ex = extract_html(decoded.text, url=url)
    except Exception as exc:  # trafilatura/lxml on hostile markup: a rejection, not a crash
        logger.debug("extraction failed on %s", ident, exc_info=True)
        return Rejection(ident, "ingest", "broken_html", f"{type(exc).__name__}: {exc}")
    text = article_text(ex)
    if not text.strip():
        return Rejection(ident, "ingest", "no_main_text",
                         "no article text found in the page (a navigation page or an empty shell?)")
    meta: tuple[tuple[str, str], ...] = ()
    if ex.date_source:
        meta += (("date_source", ex.date_source),)
    if decoded.encoding != "utf-8":
        meta += (("encoding", decoded.encoding),)
    return Article(
        id=ident, text=text, title=ex.title, date=ex.date or default_date, url=ex.url,
        source=source or ident, author=ex.author, site=ex.site, meta=meta,
    )


def _read_html_file(path: str, default_date: str | None, max_bytes: int,
                    limits: LimitSettings) -> Iterator[Article | Rejection]:
    data = _read_limited(path, max_bytes)
    if isinstance(data, Rejection):
        yield data
        return
    yield html_article(path, data, default_date, source=path, limits=limits)


def _read_sniffed(path: str, default_date: str | None, max_bytes: int,
                  limits: LimitSettings) -> Iterator[Article | Rejection]:
    data = _read_limited(path, max_bytes)
    if isinstance(data, Rejection):
        yield data
        return
    if _LOOKS_HTML.match(data[:2048]):
        yield html_article(path, data, default_date, source=path, limits=limits)
    else:
        yield _text_article(path, data, default_date, max_bytes, source=path)
