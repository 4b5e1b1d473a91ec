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

from parley.config import LimitSettings
from parley.ingest.feeds import feed_articles
from parley.ingest.fetch import Fetcher, FetchError, Response
from parley.ingest.readers import DEFAULT_MAX_BYTES, check_date, cleaned, html_article, read_one
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
    """The URLs of a URL-list file, or None when ``path`` is not one.

    A ``.urls`` file is a list whatever else it holds (other lines are skipped); a ``.txt``
    file is one only when every non-empty line (``#`` comments aside) is a URL, so an
    article whose first line happens to be its link is read as an article.
    """
    name = path.lower()
    is_list = name.endswith(".urls")
    if not (is_list or name.endswith(".txt")):
        return None
    lines: list[str] = []
    try:
        if os.path.getsize(path) > 50 * 1024 * 1024:
            return None
        with open(path, encoding="utf-8") as fh:
            for raw in fh:
                line = raw.strip()
                if not line or line.startswith("#"):
                    continue
                if is_url(line):
                    lines.append(line)
                elif not is_list:
                    return None  # prose: an ordinary text file
    except (OSError, UnicodeDecodeError):
        return None
    return lines if (is_list or lines) else None


def looks_like_feed(resp: Response) -> bool:
    if resp.content_type in _FEED_TYPES:
        return True
    return bool(_FEED_START.match(resp.body[:4096]))


def transient(reason: str) -> bool:
    """Whether a fetch failure may go away by itself (worth trying again at the next poll)."""
    return reason in ("timeout", "network", "http_429") or reason.startswith("http_5")


def read_url(url: str, fetcher: Fetcher, default_date: str | None = None,
             seen: set[str] | None = None) -> Iterator[Article | Rejection]:
    """One URL: a feed (items followed) or a page.

    A feed's validators (ETag / Last-Modified) are kept only once all its items have been
    read, so a run stopped half-way reads the feed again next time; a URL that was a feed
    before is fetched with a conditional GET whatever its name. An item whose page failed
    for a passing reason (timeout, network, 429, 5xx) is dropped from ``seen`` and the
    feed's validators forgotten, so the next poll tries it again.
    """
    is_feed_guess = (fetcher.has_validators(url)
                     or url.lower().endswith((".rss", ".atom", ".xml", "/feed", "/rss")))
    try:
        resp = fetcher.get(url, conditional=is_feed_guess, remember=False)
    except FetchError as exc:
        yield Rejection(url, "fetch", exc.reason, exc.detail)
        return
    if resp.status == 304:
        logger.info("%s: not modified since the last fetch", url)
        return
    if not looks_like_feed(resp):
        if not resp.is_page:
            yield Rejection(url, "fetch", "not_a_page", resp.not_a_page_detail)
            return
        yield html_article(url, resp.body, default_date, url=resp.url, declared=resp.charset)
        return
    complete = True
    for item in feed_articles(resp.body, url, default_date, fetcher=fetcher, seen=seen):
        if isinstance(item, Rejection) and item.stage == "fetch" and transient(item.reason):
            complete = False
            if seen is not None:
                seen.discard(item.input)
        yield item
    if complete:
        fetcher.remember(url, resp)  # the next poll asks "changed since?"
    else:
        fetcher.forget(url)


def read_sources(
    sources: Sequence[str], default_date: str | None = None, *,
    fetcher: Fetcher | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
    seen: set[str] | None = None, limits: LimitSettings | None = None,
) -> Iterator[Article | Rejection]:
    """Articles and Rejections from local inputs, URLs, URL lists and feeds."""
    default_date = check_date(default_date)
    for source in sources:
        yield from cleaned(_read_source(source, default_date, fetcher, max_bytes, seen, limits))


def _read_source(source: str, default_date: str | None, fetcher: Fetcher | None,
                 max_bytes: int, seen: set[str] | None,
                 limits: LimitSettings | None) -> Iterator[Article | Rejection]:
    urls = [source] if is_url(source) else (url_list(source) if os.path.isfile(source) else None)
    if urls is None:
        yield from read_one(source, default_date, max_bytes=max_bytes, limits=limits)
        return
    if not urls:
        yield Rejection(source, "ingest", "empty",
                        "the URL list holds no http:// or https:// URL")
        return
    fetcher = fetcher or Fetcher()
    for url in urls:
        yield from read_url(url, fetcher, default_date, seen)
