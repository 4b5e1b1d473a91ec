"""Fetching, feeds and WARC against a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from parley.ingest.feeds import feed_articles, parse_feed
from parley.ingest.fetch import USER_AGENT, Fetcher, FetchError
from parley.ingest.sources import read_sources
from parley.model import Article, Rejection
from support.localhttp import QuietHandler, serve

PAGE = b"""<!doctype html><html><head><title>Envoys meet</title>
<meta property="article:published_time" content="2024-04-02T09:00:00Z"></head><body>
<article><h1>Envoys meet in Vienna</h1><p>Envoys from the two governments met in Vienna on
Tuesday to discuss a prisoner exchange, according to officials familiar with the talks.</p>
<p>The meeting ended without an agreement, but both sides said they would meet again next
month to continue the discussions about the exchange.</p></article></body></html>"""

FEED = b"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>Local wire</title><link>http://127.0.0.1/</link><description>test</description>
<item><title>Envoys meet in Vienna</title><link>{base}/page</link>
<pubDate>Tue, 02 Apr 2024 10:00:00 GMT</pubDate><description>Envoys met.</description></item>
<item><title>Gone</title><link>{base}/missing</link>
<pubDate>Tue, 02 Apr 2024 11:00:00 GMT</pubDate></item>
</channel></rss>"""


class Handler(QuietHandler):
    hits: dict[str, int] = {}
    agents: list[str] = []


    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path
        Handler.hits[path] = Handler.hits.get(path, 0) + 1
        Handler.agents.append(self.headers.get("User-Agent", ""))
        base = f"http://{self.headers['Host']}"
        if path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private\n", "text/plain")
        elif path == "/page":
            self._send(200, PAGE)
        elif path == "/feed.rss":
            if self.headers.get("If-None-Match") == '"v1"':
                self._send(304)
            else:
                self._send(200, FEED.replace(b"{base}", base.encode()),
                           "application/rss+xml", {"ETag": '"v1"'})
        elif path == "/bad.rss":
            self._send(200, b"<rss><channel><item><title>x</ti", "application/rss+xml")
        elif path == "/loop-a":
            self._send(302, headers={"Location": "/loop-b"})
        elif path == "/loop-b":
            self._send(302, headers={"Location": "/loop-a"})
        elif path == "/flaky":
            if Handler.hits[path] < 2:
                self._send(503, b"busy")
            else:
                self._send(200, PAGE)
        elif path == "/error":
            self._send(500, b"boom")
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE)
        else:
            self._send(404, b"not here")


@pytest.fixture()
def server() -> Iterator[str]:
    Handler.hits = {}
    Handler.agents = []
    with serve(Handler) as base:
        yield base


def fetcher(**kw: object) -> Fetcher:
    opts: dict[str, object] = {"per_host_interval": 0.0, "timeout": 5.0, "retries": 1,
                               "backoff": 0.05}
    opts.update(kw)
    return Fetcher(**opts)  # type: ignore[arg-type]


def test_page_is_fetched_with_the_named_user_agent(server: str) -> None:
    items = list(read_sources([f"{server}/page"], fetcher=fetcher()))
    assert len(items) == 1 and isinstance(items[0], Article)
    art = items[0]
    assert art.date == "2024-04-02" and "prisoner exchange" in art.text
    assert Handler.agents and set(Handler.agents) == {USER_AGENT}
    assert Handler.hits["/robots.txt"] == 1


@pytest.mark.parametrize(
    ("path", "reason", "kw"),
    [
        ("/missing", "http_404", {}),
        ("/error", "http_500", {}),
        ("/slow", "timeout", {"timeout": 0.3, "retries": 0}),
        ("/loop-a", "redirect_loop", {}),
        ("/private/x", "robots", {}),
    ],
)
def test_http_failures_are_rejections_and_the_run_goes_on(
    server: str, path: str, reason: str, kw: dict[str, object]
) -> None:
    items = list(read_sources([f"{server}{path}", f"{server}/page"], fetcher=fetcher(**kw)))
    assert isinstance(items[0], Rejection)
    assert (items[0].input, items[0].stage, items[0].reason) == (f"{server}{path}", "fetch", reason)
    assert isinstance(items[1], Article)


def test_server_errors_are_retried_with_backoff(server: str) -> None:
    resp = fetcher(retries=2).get(f"{server}/flaky")
    assert resp.status == 200 and Handler.hits["/flaky"] == 2


def test_per_host_rate_limit_spaces_requests(server: str) -> None:
    f = fetcher(per_host_interval=0.3, respect_robots=False)
    t0 = time.monotonic()
    for _ in range(3):
        f.get(f"{server}/page")
    assert time.monotonic() - t0 >= 0.55


def test_feed_items_are_followed_and_conditional_get_skips_an_unchanged_feed(server: str) -> None:
    f = fetcher()
    items = list(read_sources([f"{server}/feed.rss"], fetcher=f))
    assert isinstance(items[0], Article) and items[0].url == f"{server}/page"
    assert "prisoner exchange" in items[0].text
    assert isinstance(items[1], Rejection) and items[1].reason == "http_404"
    again = list(read_sources([f"{server}/feed.rss"], fetcher=f))
    assert again == []  # 304 Not Modified: nothing new
    assert Handler.hits["/feed.rss"] == 2


def test_feed_with_invalid_xml_is_one_rejection(server: str) -> None:
    items = list(read_sources([f"{server}/bad.rss"], fetcher=fetcher()))
    assert len(items) == 1 and isinstance(items[0], Rejection)
    assert items[0].reason == "malformed_feed"


def test_invalid_feed_bytes_offline() -> None:
    out = list(feed_articles(b"<rss><channel><item>", "broken.rss"))
    assert len(out) == 1 and isinstance(out[0], Rejection) and out[0].reason == "malformed_feed"
    with pytest.raises(Exception, match="feed"):
        parse_feed(b"this is not xml at all", "x")


def test_url_list_file(server: str, tmp_path: Path) -> None:
    lst = tmp_path / "links.urls"
    lst.write_text(f"# morning links\n{server}/page\n{server}/missing\n", encoding="utf-8")
    items = list(read_sources([str(lst)], fetcher=fetcher()))
    assert [type(x).__name__ for x in items] == ["Article", "Rejection"]


def test_fetch_error_names_the_reason() -> None:
    with pytest.raises(FetchError) as info:
        fetcher().get("ftp://example.org/x")
    assert info.value.reason == "bad_url"


def test_warc_response_records_become_articles(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body, status in (("https://news.example.org/a", PAGE, "200 OK"),
                                  ("https://news.example.org/gone", b"no", "404 Not Found")):
            headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers))
    items = list(read_sources([str(path)]))
    assert isinstance(items[0], Article) and items[0].id == "https://news.example.org/a"
    assert "prisoner exchange" in items[0].text
    assert isinstance(items[1], Rejection) and items[1].reason == "http_404"


def test_a_warc_record_with_a_wrong_length_is_said_once_naming_the_file(
        tmp_path: Path, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    def record(uri: str, body: bytes, extra: bytes = b"") -> bytes:
        http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body)
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
                f"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{len(uri)}>\r\n"
                "Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http)}\r\n\r\n").encode()
        return head + http + extra + b"\r\n\r\n"

    # the first record's body runs on past its Content-Length ("extra" bytes)
    path = tmp_path / "bad-length.warc"
    path.write_bytes(record("https://news.example.org/a", PAGE, b"<!-- trailing -->")
                     + record("https://news.example.org/b", PAGE))
    with caplog.at_level("WARNING", logger="parley"):
        items = list(read_sources([str(path)]))
    assert any(isinstance(i, Article) for i in items)
    assert "Record not followed by newline" not in capfd.readouterr().err
    said = [r.getMessage() for r in caplog.records if "blank line" in r.getMessage()]
    assert len(said) == 1 and "bad-length.warc" in said[0], said
