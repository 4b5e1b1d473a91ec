"""`parley watch FEED --every 1s --polls N` against a local feed server (never the internet).

The server on 127.0.0.1 serves an RSS feed with ETag / Last-Modified, answers a
conditional GET with 304 while the feed is unchanged, and publishes a fourth item after
the feed has been answered 304 twice, so the run sees: 200 (three items), 304, 304, 200
(the fourth item only).
"""

from __future__ import annotations

import email.utils
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from support.localhttp import QuietHandler, serve

pytestmark = [pytest.mark.model, pytest.mark.slow]

STORIES = {
    "talks": ("Norway and Sweden agree on border security",
              "The foreign ministers of Norway and Sweden met in Oslo on Monday to discuss "
              "border security. The two governments signed an agreement on energy trade. "
              "Officials said further talks would be held in the autumn."),
    "protest": ("Farmers protest in Paris",
                "Thousands of farmers protested in Paris on Tuesday against new import rules. "
                "Police arrested twelve demonstrators near the parliament. The French "
                "government promised to review the rules."),
    "aid": ("Japan sends aid to the Philippines",
            "Japan sent emergency aid to the Philippines after the typhoon, the foreign "
            "ministry said on Wednesday. The Philippine president thanked Japan for the help. "
            "Both countries agreed to hold talks on disaster relief."),
    "ceasefire": ("Armenia and Azerbaijan discuss a ceasefire",
                  "Armenia accused Azerbaijan of shelling border villages on Thursday. The "
                  "leaders of the two countries met in Brussels and agreed to a ceasefire. "
                  "The European Union welcomed the agreement."),
}
FEED_PATHS = ("/feed.xml", "/world")  # a feed-like name, and one known only by its content
FIRST = ("talks", "protest", "aid")
LATER = "ceasefire"
DAYS = {"talks": "Mon, 06 May 2024 09:00:00 GMT", "protest": "Tue, 07 May 2024 09:00:00 GMT",
        "aid": "Wed, 08 May 2024 09:00:00 GMT", "ceasefire": "Thu, 09 May 2024 09:00:00 GMT"}


def page(slug: str) -> bytes:
    title, body = STORIES[slug]
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>"
            f"<p>{body}</p></article><footer>Local wire</footer></body></html>").encode()


def feed(base: str, slugs: tuple[str, ...]) -> bytes:
    items = "".join(
        f"<item><title>{STORIES[s][0]}</title><link>{base}/news/{s}.html</link>"
        f"<guid>{base}/news/{s}.html</guid><pubDate>{DAYS[s]}</pubDate>"
        f"<description>{STORIES[s][0]}.</description></item>" for s in slugs)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>Local wire</title><link>{base}/</link><description>test feed</description>"
            f"{items}</channel></rss>").encode()


@dataclass
class FeedState:
    slugs: tuple[str, ...] = FIRST
    version: int = 1
    modified: str = "Mon, 06 May 2024 10:00:00 GMT"
    answers: list[int] = field(default_factory=list)  # the status of each /feed.xml answer
    conditional: list[bool] = field(default_factory=list)  # validators sent with each request
    pages: dict[str, int] = field(default_factory=dict)  # page path -> requests
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def etag(self) -> str:
        return f'"feed-v{self.version}"'


class Handler(QuietHandler):
    state: FeedState


    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        st = self.state
        base = f"http://{self.headers['Host']}"
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")
        elif self.path in FEED_PATHS:
            with st.lock:
                self._feed(st, base)
        elif self.path.startswith("/news/") and self.path[6:-5] in STORIES:
            with st.lock:
                st.pages[self.path] = st.pages.get(self.path, 0) + 1
            self._send(200, page(self.path[6:-5]))
        else:
            self._send(404, b"not here")

    def _feed(self, st: FeedState, base: str) -> None:
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        st.conditional.append(inm is not None or ims is not None)
        if inm is not None:
            fresh = inm == st.etag
        elif ims is not None:
            since = email.utils.parsedate_to_datetime(ims)
            fresh = since >= email.utils.parsedate_to_datetime(st.modified)
        else:
            fresh = False
        if fresh:
            st.answers.append(304)
            self._send(304, headers={"ETag": st.etag})
            if st.answers.count(304) == 2 and LATER not in st.slugs:  # publish a new item
                st.slugs += (LATER,)
                st.version += 1
                st.modified = "Thu, 09 May 2024 10:00:00 GMT"
            return
        st.answers.append(200)
        self._send(200, feed(base, st.slugs), "application/rss+xml; charset=utf-8",
                   {"ETag": st.etag, "Last-Modified": st.modified})


@pytest.fixture()
def feed_server() -> Iterator[tuple[str, FeedState]]:
    state = FeedState()
    handler = type("BoundHandler", (Handler,), {"state": state})
    with serve(handler) as base:
        yield base, state


def watch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "parley.cli.main", "watch", *args],
        cwd=cwd, capture_output=True, text=True, timeout=240, check=False)


@pytest.mark.parametrize("feed_path", FEED_PATHS)
def test_watch_stores_each_item_once_uses_conditional_get_and_picks_up_a_new_item(
    feed_server: tuple[str, FeedState], tmp_path: Path, feed_path: str
) -> None:
    base, state = feed_server
    db = tmp_path / "watch.db"
    res = watch(f"{base}{feed_path}", "--every", "1s", "--polls", "4", "--rate", "0",
                "--timeout", "10", "--db", str(db), cwd=tmp_path)
    assert res.returncode == 0, res.stderr

    # the feed: fetched four times, validators sent from the second poll on
    assert state.answers == [200, 304, 304, 200], res.stderr
    assert state.conditional == [False, True, True, True]
    # each page fetched once, the fourth one only after it was published
    assert state.pages == {f"/news/{s}.html": 1 for s in (*FIRST, LATER)}

    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT url, date, title, (SELECT count(*) FROM events e WHERE e.article = a.n)"
            " FROM articles a ORDER BY date").fetchall()
        rejections = conn.execute("SELECT input, stage, reason FROM rejections").fetchall()
    assert rejections == []
    assert [r[0] for r in rows] == [f"{base}/news/{s}.html" for s in (*FIRST, LATER)]
    assert [r[1] for r in rows] == ["2024-05-06", "2024-05-07", "2024-05-08", "2024-05-09"]
    assert [r[2] for r in rows] == [STORIES[s][0] for s in (*FIRST, LATER)]
    assert all(n >= 1 for *_, n in rows), rows

    # one summary line per poll: 3 new, nothing, nothing, 1 new
    polls = [ln for ln in res.stderr.splitlines() if ln.startswith("poll ")]
    assert len(polls) == 4, res.stderr
    assert [("stored 3" in polls[0]), ("stored 0" in polls[1]), ("stored 0" in polls[2]),
            ("stored 1" in polls[3])] == [True] * 4, polls


def test_watch_restarted_on_the_same_store_stores_nothing_again(
    feed_server: tuple[str, FeedState], tmp_path: Path
) -> None:
    """A second `watch` on the same store sends the saved validators (<db>.fetch.json)."""
    base, state = feed_server
    db = tmp_path / "watch.db"
    first = watch(f"{base}/feed.xml", "--every", "1s", "--polls", "1", "--rate", "0",
                  "--db", str(db), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    second = watch(f"{base}/feed.xml", "--every", "1s", "--polls", "1", "--rate", "0",
                   "--db", str(db), cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert state.answers == [200, 304] and state.conditional == [False, True]
    with sqlite3.connect(db) as conn:
        (n,) = conn.execute("SELECT count(*) FROM articles").fetchone()
    assert n == 3
