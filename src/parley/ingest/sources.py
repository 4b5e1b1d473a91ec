"""What ``parley ingest`` and ``parley watch`` read: local inputs plus the web.

A SOURCE is any input of :func:`~parley.ingest.readers.read_inputs`, or

- an ``http(s)://`` URL: fetched; a feed (RSS/Atom by content type or content) is read item
  by item and each item's link followed to its page; anything else is read as an HTML page;
- a URL list: a ``.urls`` file, or a ``.txt`` file whose non-empty lines (``#`` comments
  aside) are all URLs; each URL is fetched as above.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator, Sequence

from parley.ingest.feeds import feed_articles
from parley.ingest.fetch import Fetcher, FetchError, Response
from parley.ingest.readers import DEFAULT_MAX_BYTES, check_date, html_article, read_one
from parley.model import Article, Rejection

logger = logging.getLogger(__name__)

_URL = re.compile(r"^https?://\S+$")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml", "application/x-rss+xml")
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b",
                         re.DOTALL | re.IGNORECASE)


def is_url(value: str) -> bool:
    return bool(_URL.match(value.strip()))


def url_list(path: str) -> list[str] | None:
    """The URLs of a URL-list file, or None when ``path`` is not one."""
    name = path.lower()
    if not (name.endswith(".urls") or name.endswith(".txt")):
        return None
    try:
        if os.path.getsize(path) > 50 * 1024 * 1024:
            return None
        with open(path, encoding="utf-8") as fh:
            lines = [ln.strip() for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    except (OSError, UnicodeDecodeError):
        return None
    if name.endswith(".urls") or (lines and all(is_url(ln) for ln in lines)):
        return [ln for ln in lines if is_url(ln)]
    return None


def looks_like_feed(resp: Response) -> bool:
    if resp.content_type in _FEED_TYPES:
        return True
    return bool(_FEED_START.match(resp.body[:4096]))


def read_url(url: str, fetcher: Fetcher, default_date: str | None = None,
             seen: set[str] | None = None) -> Iterator[Article | Rejection]:
    """One URL: a feed (items followed) or a page."""
    is_feed_guess = url.lower().endswith((".rss", ".atom", ".xml", "/feed", "/rss"))
    try:
        resp = fetcher.get(url, conditional=is_feed_guess)
    except FetchError as exc:
        yield Rejection(url, "fetch", exc.reason, exc.detail)
        return
    if resp.status == 304:
        logger.info("%s: not modified since the last fetch", url)
        return
    if looks_like_feed(resp):
        if not is_feed_guess:  # remember validators for the next poll
            fetcher.remember(url, resp)
        yield from feed_articles(resp.body, url, default_date, fetcher=fetcher, seen=seen)
        return
    yield html_article(url, resp.body, default_date, url=resp.url, declared=resp.charset)


def read_sources(
    sources: Sequence[str], default_date: str | None = None, *,
    fetcher: Fetcher | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
    seen: set[str] | None = None,
) -> Iterator[Article | Rejection]:
    """Articles and Rejections from local inputs, URLs, URL lists and feeds."""
    default_date = check_date(default_date)
    for source in sources:
        if is_url(source) or (os.path.isfile(source) and url_list(source) is not None):
            fetcher = fetcher or Fetcher()
            urls = [source] if is_url(source) else (url_list(source) or [])
            for url in urls:
                yield from read_url(url, fetcher, default_date, seen)
            continue
        yield from read_one(source, default_date, max_bytes=max_bytes)
