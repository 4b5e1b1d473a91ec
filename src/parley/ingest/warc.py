"""WARC (and ARC) web archives with warcio: each HTML ``response`` record is one page.

The record's ``WARC-Target-URI`` is the Article's id and url; its HTTP ``Content-Type``
charset is the declared encoding. Non-HTML responses, requests and metadata records are
skipped (counted in the log); a corrupt archive stops with one Rejection after the records
read so far.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from parley.model import Article, Rejection

logger = logging.getLogger(__name__)


def read_warc(path: str, default_date: str | None, max_bytes: int) -> Iterator[Article | Rejection]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from parley.ingest.readers import html_article

    skipped = 0
    with open(path, "rb") as fh:
        try:
            for n, record in enumerate(ArchiveIterator(fh, arc2warc=True), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    skipped += 1
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    skipped += 1
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or f"{path}#{n}"
                status = record.http_headers.get_statuscode()
                if status and not status.startswith("2"):
                    yield Rejection(url, "ingest", f"http_{status}",
                                    f"the archived response in {path} is HTTP {status}")
                    continue
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield Rejection(url, "ingest", "too_large", f"over {max_bytes:,} bytes")
                    continue
                charset = None
                for part in ctype.split(";")[1:]:
                    key, _, value = part.strip().partition("=")
                    if key.lower() == "charset":
                        charset = value.strip("\"' ")
                # the capture day (WARC-Date) is not a publication date and is not used
                yield html_article(url, body, default_date, url=url, source=path, declared=charset)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            yield Rejection(path, "ingest", "malformed_warc", f"reading stopped: {exc}")
    if skipped:
        logger.info("%s: skipped %d non-HTML or non-response records", path, skipped)
