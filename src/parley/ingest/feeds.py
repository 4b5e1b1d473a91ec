"""RSS and Atom feeds (feedparser): items with title, link and date, followed to the page.

``parse_feed`` turns feed bytes into :class:`FeedItem` records. ``feed_articles`` makes
Articles of them: with a :class:`~parley.ingest.fetch.Fetcher` each item's link is fetched
and the page's main text extracted (the item's date fills a page without one); without
one (a feed file read offline) the item's own title and summary are the text. A feed that
is not XML, or XML with no items, is one Rejection (reason ``malformed_feed``). An item
without a date of its own takes the feed's date (``lastBuildDate`` / ``updated``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass

from parley.ingest.decode import NotText
from parley.ingest.fetch import Fetcher, FetchError
from parley.ingest.html import strip_tags
from parley.model import Article, Rejection

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FeedItem:
    title: str | None
    link: str | None
    date: str | None  # YYYY-MM-DD
    summary: str  # plain text
    guid: str | None


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    language: str | None
    items: tuple[FeedItem, ...]


def _day(entry: object) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = getattr(entry, "get", lambda _k: None)(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None


def parse_feed(data: bytes, source: str) -> Feed:
    """Parse feed bytes; raises ``NotText('malformed_feed', ...)`` when there is no feed."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if parsed.get("bozo"):  # broken XML: keep only the items the lenient parser made sense of
        entries = [e for e in entries if e.get("title") and e.get("link")]
    if parsed.get("bozo") and not entries:
        exc = parsed.get("bozo_exception")
        raise NotText("malformed_feed", f"not a valid RSS/Atom feed: {exc}")
    if not entries:
        raise NotText("malformed_feed", "the feed has no items")
    if parsed.get("bozo"):
        logger.warning("%s: feed is not well-formed (%s); read %d items anyway",
                       source, parsed.get("bozo_exception"), len(entries))
    feed = parsed.get("feed", {})
    feed_day = _day(feed)  # an item without its own date takes the feed's (channel) date
    items = []
    for e in entries:
        summary_html = ""
        if e.get("content"):
            summary_html = e["content"][0].get("value", "")
        summary_html = summary_html or e.get("summary", "") or ""
        items.append(FeedItem(
            title=(e.get("title") or "").strip() or None,
            link=e.get("link") or None,
            date=_day(e) or feed_day,
            summary=strip_tags(summary_html) if summary_html else "",
            guid=e.get("id") or None,
        ))
    return Feed(feed.get("title"), feed.get("language"), tuple(items))


def item_article(item: FeedItem, source: str, default_date: str | None, n: int) -> Article | Rejection:
    ident = item.link or item.guid or f"{source}#{n}"
    text = "\n\n".join(x for x in (item.title, item.summary) if x)
    if not text.strip():
        return Rejection(ident, "ingest", "empty", f"item {n} of {source} has no title or text")
    return Article(id=ident, text=text, title=item.title, date=item.date or default_date,
                   url=item.link, source=source, meta=(("from", "feed item"),))


def feed_articles(
    data: bytes, source: str, default_date: str | None = None, fetcher: Fetcher | None = None,
    seen: set[str] | None = None,
) -> Iterator[Article | Rejection]:
    """Articles from a feed's items; with ``fetcher`` each item's page is fetched. Links in
    ``seen`` are skipped (a feed polled again), and new ones are added to it."""
    from parley.ingest.readers import html_article

    try:
        feed = parse_feed(data, source)
    except NotText as exc:
        yield Rejection(source, "ingest", exc.reason, exc.detail)
        return
    for n, item in enumerate(feed.items, start=1):
        if seen is not None and item.link:
            if item.link in seen:
                continue
            seen.add(item.link)
        if fetcher is None or not item.link:
            yield item_article(item, source, default_date, n)
            continue
        try:
            resp = fetcher.get(item.link)
        except FetchError as exc:
            yield Rejection(item.link, "fetch", exc.reason, exc.detail)
            continue
        if not resp.is_page:
            yield Rejection(item.link, "fetch", "not_a_page", resp.not_a_page_detail)
            continue
        yield html_article(item.link, resp.body, item.date or default_date, url=resp.url,
                           source=source, declared=resp.charset)


def read_feed_file(path: str, default_date: str | None, max_bytes: int,
                   limits: object = None) -> Iterator[Article | Rejection]:
    """A feed saved as a file: its items' own titles and summaries (no fetching)."""
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Rejection(path, "ingest", "too_large", f"over {max_bytes:,} bytes")
        return
    if not data.strip():
        yield Rejection(path, "ingest", "empty", "the feed file is empty")
        return
    yield from feed_articles(data, path, default_date)
