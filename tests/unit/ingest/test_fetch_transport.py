"""Fetching against hostile servers on 127.0.0.1 (issue 13): every transport failure is a
rejection of that URL, and the URLs after it in the same list are still fetched."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from parley.ingest.fetch import Fetcher
from parley.ingest.sources import read_sources
from parley.model import Article, Rejection
from support.localhttp import QuietHandler, serve, serve_raw

PAGE = (b"<html><head><title>Envoys meet</title></head><body><article><p>Envoys from the two "
        b"governments met in Vienna on Tuesday to discuss a prisoner exchange, according to "
        b"officials familiar with the talks.</p><p>The meeting ended without an agreement, but "
        b"both sides said they would meet again next month.</p></article></body></html>")
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n"


def _answer(path: str, sock: socket.socket) -> None:
    if path == "/chunked":
        sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                     b"ZZ\r\nnot a chunk\r\n")
    elif path == "/headers":
        sock.sendall(b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(150))
                     + b"\r\n" + PAGE)
    elif path == "/longheader":
        sock.sendall(b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n" + PAGE)
    elif path == "/nothttp":
        sock.sendall(b"SSH-2.0-OpenSSH_9.6\r\nProtocol mismatch.\r\n")
    elif path == "/short":
        sock.sendall(HEAD + b"Content-Length: 5000\r\n\r\n" + PAGE[:300])
    elif path == "/json":
        body = b'{"text": "The minister resigned on Friday after a long dispute."}'
        sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                     % len(body) + body)
    elif path == "/drip":
        sock.sendall(HEAD + b"Content-Length: 100000\r\n\r\n")
        for _ in range(200):  # one byte every 0.1 s: never a 2 s silence, 20 s in all
            sock.sendall(b"x")
            time.sleep(0.1)
    elif path.startswith("/k%C3%A4se"):
        sock.sendall(HEAD + b"Content-Length: %d\r\n\r\n" % len(PAGE) + PAGE)
    else:
        sock.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")


class Good(QuietHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self._send(200, PAGE) if self.path == "/page" else self._send(404, b"")


@pytest.fixture(scope="module")
def raw() -> Iterator[str]:
    with serve_raw(_answer) as base:
        yield base


@pytest.fixture(scope="module")
def good() -> Iterator[str]:
    with serve(Good) as base:
        yield base


def _fetcher(**kw: object) -> Fetcher:
    opts: dict[str, object] = {"per_host_interval": 0.0, "timeout": 2.0, "retries": 0,
                               "backoff": 0.01}
    opts.update(kw)
    return Fetcher(**opts)  # type: ignore[arg-type]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(("path", "reason"), [
    ("/chunked", "short_body"), ("/headers", "protocol"), ("/longheader", "protocol"),
    ("/nothttp", "protocol"), ("/short", "short_body"), ("/json", "not_a_page"),
])
@pytest.mark.parametrize("robots", [False, True], ids=["page", "robots-too"])
def test_a_broken_answer_is_a_rejection_and_the_list_goes_on(
        raw: str, good: str, path: str, reason: str, robots: bool) -> None:
    items = list(read_sources([f"{raw}{path}", f"{good}/page"],
                              fetcher=_fetcher(respect_robots=robots)))
    assert len(items) == 2
    first, second = items
    assert isinstance(first, Rejection) and first.input == f"{raw}{path}"
    if not robots or path in ("/short", "/json"):
        assert (first.stage, first.reason) == ("fetch", reason), first
    else:  # the host's robots.txt is broken the same way: the URL is rejected for it
        assert first.reason in ("protocol", reason) and first.reason != "robots", first
    assert isinstance(second, Article)


@pytest.mark.parametrize(("url", "reason"), [
    ("http://127.0.0.1:99999/x", "bad_url"),
    ("http://127.0.0.1:port/x", "bad_url"),
    ("http://[::1/x", "bad_url"),
])
def test_urls_that_cannot_be_sent_are_rejections(good: str, url: str, reason: str) -> None:
    items = list(read_sources([url, f"{good}/page"], fetcher=_fetcher()))
    assert isinstance(items[0], Rejection) and items[0].reason == reason, items[0]
    assert isinstance(items[1], Article)


def test_a_url_list_with_broken_urls_goes_on(tmp_path: Path, good: str) -> None:
    listing = tmp_path / "list.urls"
    listing.write_text(f"http://[::1/x\nhttp://127.0.0.1:99999/\n{good}/page\n", encoding="utf-8")
    items = list(read_sources([str(listing)], fetcher=_fetcher()))
    assert [type(x).__name__ for x in items] == ["Rejection", "Rejection", "Article"]


def test_a_non_ascii_path_is_percent_encoded_and_fetched(raw: str) -> None:
    items = list(read_sources([f"{raw}/käse?q=ü"], fetcher=_fetcher(respect_robots=False)))
    assert isinstance(items[0], Article), items[0]


def test_a_closed_port_is_a_connection_error_not_a_robots_problem(good: str) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/page"
    items = list(read_sources([url, f"{good}/page"], fetcher=_fetcher()))
    rej = items[0]
    assert isinstance(rej, Rejection) and rej.reason == "network", rej
    assert "robots" not in rej.reason and "connect" in rej.detail
    assert isinstance(items[1], Article)


def test_a_slow_drip_is_cut_at_the_page_deadline(raw: str, good: str) -> None:
    t0 = time.monotonic()
    items = list(read_sources([f"{raw}/drip", f"{good}/page"],
                              fetcher=_fetcher(deadline=1.5, respect_robots=False)))
    elapsed = time.monotonic() - t0
    assert isinstance(items[0], Rejection) and items[0].reason == "timeout", items[0]
    assert "deadline" in items[0].detail
    assert elapsed < 8, elapsed  # main: the whole 20 s drip
    assert isinstance(items[1], Article)
