"""WARC (and ARC) web archives with warcio: each HTML ``response`` record is one page.

The record's ``WARC-Target-URI`` is the Article's id and url; its HTTP ``Content-Type``
charset is the declared encoding. Requests, metadata and other non-response records are
skipped; non-HTML responses (PDF, images ...) are counted. An archive that yields no page
at all is one Rejection saying what it held (``empty``, ``no_html``), never silence. A
record whose header is garbage does not end the archive: reading resumes at the next
``WARC/`` record (or gzip member) after it, and the garbage is one ``malformed_warc``
Rejection.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Iterator
from typing import Any, BinaryIO

from parley.config import LimitSettings
from parley.model import Article, Rejection
from parley.textsafe import safe

logger = logging.getLogger(__name__)

_SCAN = 1 << 20
_MAX_RESYNCS = 1000


def _next_record(fh: BinaryIO, start: int, gz: bool) -> int | None:
    """The offset of the next record start at or after ``start``: a ``WARC/1.x`` line (or,
    in a ``.gz`` archive, a gzip member header), else None."""
    marks = (b"\x1f\x8b\x08",) if gz else (b"\nWARC/1.", b"\rWARC/1.")
    pos = start
    while True:
        fh.seek(pos)
        chunk = fh.read(_SCAN + 16)
        if not chunk:
            return None
        hits = [i for i in (chunk.find(m) for m in marks) if i >= 0]
        if hits:
            return pos + min(hits) + (0 if gz else 1)
        if len(chunk) <= 16:
            return None
        pos += _SCAN


def _charset(ctype: str) -> str | None:
    for part in ctype.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset":
            return value.strip("\"' ")
    return None


def read_warc(path: str, default_date: str | None, max_bytes: int,
              limits: LimitSettings | None = None) -> Iterator[Article | Rejection]:
    from parley.ingest.readers import html_article

    gz = path.lower().endswith(".gz")
    skipped: Counter[str] = Counter()
    pages = 0
    n = 0
    misaligned = 0
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        offset = 0
        for _ in range(_MAX_RESYNCS):
            fh.seek(offset)
            iterator = _iterator(fh)
            try:
                for record in iterator:
                    n += 1
                    item = _page(record, path, n, max_bytes, default_date, skipped,
                                 html_article, limits)
                    if item is not None:
                        pages += 1
                        yield item
                misaligned += iterator.err_count
                break
            except Exception as exc:  # ArchiveLoadFailed, and warcio's own bugs on bad headers
                # resume after the bad record: at the next record start past the offset
                # where the iterator stopped (or one byte past where it started)
                misaligned += iterator.err_count
                at = max(offset + 1, _position(iterator, fh, offset))
                nxt = _next_record(fh, at, gz)
                pages += 1
                yield Rejection(f"{path}@{at}", "ingest", "malformed_warc",
                                f"unreadable record ({type(exc).__name__}: {str(exc)[:200]}); "
                                + ("reading goes on at the next record" if nxt is not None
                                   else "nothing readable after it"))
                if nxt is None or nxt >= size:
                    break
                offset = nxt
    if misaligned:
        logger.warning("%s: %d WARC record(s) not followed by a blank line (a wrong "
                       "Content-Length?); read on from the next line", safe(path), misaligned)
    if pages == 0:
        if skipped:
            what = ", ".join(f"{k} {v}" for k, v in skipped.most_common(8))
            yield Rejection(path, "ingest", "no_html",
                            f"the archive holds no HTML response to read ({what})")
        else:
            yield Rejection(path, "ingest", "empty", "the archive holds no records")
    elif skipped:
        logger.info("%s: skipped %d records (%s)", path, sum(skipped.values()),
                    ", ".join(f"{k} {v}" for k, v in skipped.most_common(8)))


def _iterator(fh: BinaryIO) -> Any:
    """warcio's iterator, without the three-line warning it writes to stderr itself for a
    record not followed by a blank line: ``read_warc`` says it once, naming the file."""
    from warcio.archiveiterator import ArchiveIterator

    class Quiet(ArchiveIterator):
        INC_RECORD = ""

    return Quiet(fh, arc2warc=True)


def _position(iterator: Any, fh: BinaryIO, offset: int) -> int:
    """Where the archive iterator stopped (its last record's start when it knows it)."""
    try:
        start = int(iterator.get_record_offset())
        return offset + start if start >= 0 else offset
    except Exception:  # noqa: BLE001 - warcio internals: fall back to the start offset
        return offset


def _page(record: Any, path: str, n: int, max_bytes: int, default_date: str | None,
          skipped: Counter[str], html_article: Any,
          limits: LimitSettings | None) -> Article | Rejection | None:
    if record.rec_type != "response" or record.http_headers is None:
        skipped[f"{record.rec_type} records"] += 1
        return None
    ctype = record.http_headers.get_header("Content-Type") or ""
    if "html" not in ctype.lower():
        skipped[ctype.split(";")[0].strip() or "untyped responses"] += 1
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or f"{path}#{n}"
    status = record.http_headers.get_statuscode()
    if status and not status.startswith("2"):
        return Rejection(url, "ingest", f"http_{status}",
                         f"the archived response in {path} is HTTP {status}")
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return Rejection(url, "ingest", "too_large", f"over {max_bytes:,} bytes")
    # the capture day (WARC-Date) is not a publication date and is not used
    return html_article(url, body, default_date, url=url, source=path,
                        declared=_charset(ctype), limits=limits)
