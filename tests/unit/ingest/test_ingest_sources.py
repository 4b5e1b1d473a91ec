"""Record dates before 1990, URL lists versus articles, and feeds polled again (watch).

HTTP runs against a local server on 127.0.0.1, never the internet.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from parley.ingest.fetch import Fetcher, Response
from parley.ingest.readers import read_inputs
from parley.ingest.sources import read_sources, url_list
from parley.model import Article, Rejection
from support.localhttp import QuietHandler, serve

STORY = ("The trade ministers of Japan and the United States met in Tokyo on Thursday and "
         "agreed to reduce tariffs on semiconductors, officials said.")

# --- record dates before 1990 ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1987-02-26", "1987-02-26"),  # Reuters-21578
        ("1978-06-01", "1978-06-01"),
        ("1987-10-19T14:30:00Z", "1987-10-19"),
        ("19780601", "1978-06-01"),
        ("1801-10-14", "1801-10-14"),  # a record's own date is trusted back to 1800
        ("1066-10-14", None),  # outside 1800-2100: ignored, with a reason (issue 13)
        ("1987-02-30", None),  # no such day
        ("26-FEB-1987", None),  # not YYYY-MM-DD: no guessing
    ],
)
def test_record_dates_before_1990_are_kept(tmp_path: Path, value: str, expected: str | None) -> None:
    path = tmp_path / "old.jsonl"
    path.write_text(json.dumps({"id": "r1", "text": STORY, "date": value}) + "\n", encoding="utf-8")
    (art,) = read_inputs([str(path)], default_date=None)
    assert isinstance(art, Article) and art.date == expected


@pytest.mark.parametrize("fmt", ["jsonl.gz", "csv"])
def test_a_1987_and_a_1978_record_keep_their_days(tmp_path: Path, fmt: str) -> None:
    rows = [{"id": "reut-1", "date": "1987-02-26", "text": STORY},
            {"id": "camp-1", "date": "1978-09-17", "text": STORY.replace("Tokyo", "Washington")}]
    if fmt == "csv":
        path = tmp_path / "old.csv"
        path.write_text("id,date,text\n" + "".join(f'{r["id"]},{r["date"]},"{r["text"]}"\n'
                                                   for r in rows), encoding="utf-8")
    else:
        path = tmp_path / "old.jsonl.gz"
        path.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
    arts = list(read_inputs([str(path)], default_date="2024-01-01"))
    assert [(a.id, a.date) for a in arts if isinstance(a, Article)] == [
        ("reut-1", "1987-02-26"), ("camp-1", "1978-09-17")]


# --- a .txt of URLs is a URL list; an article starting with its link is an article -----------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("links.txt", "https://a.example/1\nhttp://b.example/2\n", ["https://a.example/1",
                                                                  "http://b.example/2"]),
        ("links.txt", "# morning\n\nhttps://a.example/1\n", ["https://a.example/1"]),
        ("story.txt", f"https://news.example/2024/tariffs\n{STORY}\n", None),
        ("story.txt", f"https://news.example/2024/tariffs\n\nTariffs cut\n\n{STORY}\n", None),
        ("story.txt", f"Tariffs cut\nhttps://news.example/2024/tariffs\n{STORY}\n", None),
        ("notes.txt", "# only a comment\n", None),
        ("links.urls", "https://a.example/1\nsee also\n", ["https://a.example/1"]),
        ("links.md", "https://a.example/1\n", None),
    ],
)
def test_url_list_detection(tmp_path: Path, name: str, content: str, expected: list[str] | None) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert url_list(str(path)) == expected


def test_an_article_whose_first_line_is_a_url_is_read_as_an_article(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    text = f"https://news.example/2024/tariffs\n{STORY}\n"
    path.write_text(text, encoding="utf-8")

    class NoFetch(Fetcher):
        def get(self, url: str, conditional: bool = False, remember: bool = True) -> Response:
            raise AssertionError(f"fetched {url}")

    (art,) = read_sources([str(path)], fetcher=NoFetch())
    assert isinstance(art, Article)
    assert art.id == str(path) and art.text == text and "semiconductors" in art.text


# --- feeds polled again ----------------------------------------------------------------------

PAGE = (f"<!doctype html><html><head><title>Tariffs cut</title></head><body><article>"
        f"<h1>Tariffs cut</h1><p>{STORY}</p><p>Both delegations said a written agreement "
        f"would follow within weeks, after the legislatures had been consulted.</p></article>"
        f"</body></html>").encode()


def feed(base: str, n: int) -> bytes:
    items = "".join(f"<item><title>Story {i}</title><link>{base}/p{i}</link></item>"
                    for i in range(1, n + 1))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            f"<link>{base}/</link><description>d</description>{items}</channel></rss>").encode()


class Handler(QuietHandler):
    hits: dict[str, int] = {}
    conditional: list[bool] = []
    flaky = 0  # how many times /p2 answers 503 before it works

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        cls = type(self)
        cls.hits[self.path] = cls.hits.get(self.path, 0) + 1
        base = f"http://{self.headers['Host']}"
        if self.path == "/world":  # a feed whose name does not say so
            sent = self.headers.get("If-None-Match")
            cls.conditional.append(sent is not None)
            if sent == '"w1"':
                self._send(304)
            else:
                self._send(200, feed(base, 3), "application/rss+xml", {"ETag": '"w1"'})
        elif self.path == "/p2" and cls.hits[self.path] <= cls.flaky:
            self._send(503, b"busy")
        elif self.path in ("/p1", "/p2", "/p3"):
            self._send(200, PAGE.replace(b"Tariffs cut", f"Story {self.path}".encode()))
        else:
            self._send(404)


@pytest.fixture()
def server() -> Iterator[str]:
    Handler.hits, Handler.conditional, Handler.flaky = {}, [], 0
    with serve(Handler) as base:
        yield base


def fetcher(**kw: object) -> Fetcher:
    opts: dict[str, object] = {"per_host_interval": 0.0, "timeout": 5.0, "retries": 0,
                               "backoff": 0.01}
    opts.update(kw)
    return Fetcher(**opts)  # type: ignore[arg-type]


def test_a_feed_not_named_like_one_is_polled_with_a_conditional_get(server: str) -> None:
    f, seen = fetcher(), set[str]()
    first = list(read_sources([f"{server}/world"], fetcher=f, seen=seen))
    assert [type(x).__name__ for x in first] == ["Article"] * 3
    assert list(read_sources([f"{server}/world"], fetcher=f, seen=seen)) == []
    assert Handler.conditional == [False, True]


def test_an_item_that_failed_for_a_passing_reason_is_tried_at_the_next_poll(server: str) -> None:
    Handler.flaky = 1
    f, seen = fetcher(), set[str]()
    first = list(read_sources([f"{server}/world"], fetcher=f, seen=seen))
    assert [(type(x).__name__, getattr(x, "reason", None)) for x in first] == [
        ("Article", None), ("Rejection", "http_503"), ("Article", None)]
    assert f"{server}/p2" not in seen and not f.has_validators(f"{server}/world")
    second = list(read_sources([f"{server}/world"], fetcher=f, seen=seen))
    assert len(second) == 1 and isinstance(second[0], Article) and second[0].id == f"{server}/p2"
    assert Handler.hits["/p1"] == 1 and Handler.hits["/p2"] == 2
    assert list(read_sources([f"{server}/world"], fetcher=f, seen=seen)) == []  # 304 now


def test_feed_validators_are_kept_only_once_every_item_was_read(server: str, tmp_path: Path) -> None:
    cache = tmp_path / "p.db.fetch.json"
    f = fetcher(cache_path=cache, autosave=False)
    items = read_sources([f"{server}/world"], fetcher=f, seen=set())
    assert isinstance(next(items), Article)
    assert not f.has_validators(f"{server}/world")  # stopped half-way: read it all next time
    rest = list(items)
    assert len(rest) == 2 and f.has_validators(f"{server}/world")
    assert not cache.exists()  # autosave off: written when the run's articles are stored
    f.save()
    assert json.loads(cache.read_text(encoding="utf-8")) == {f"{server}/world": {"etag": '"w1"'}}
    again = fetcher(cache_path=cache)  # the next run asks "changed since?"
    assert list(read_sources([f"{server}/world"], fetcher=again, seen=set())) == []
    assert Handler.conditional == [False, True]


def test_a_page_is_never_answered_from_validators(server: str) -> None:
    f = fetcher()
    for _ in range(2):
        (art,) = read_sources([f"{server}/p1"], fetcher=f)
        assert isinstance(art, Article) and not isinstance(art, Rejection)
    assert not f.has_validators(f"{server}/p1")
