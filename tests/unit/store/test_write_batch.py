"""write_batch: one transaction a batch (all or nothing), duplicates as links that never
overwrite a first copy's id, a second writer that waits, and one-line errors for a locked or
full database on every write path."""

from __future__ import annotations

import json
import random
import sqlite3
import string
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from parley.errors import StorageError
from parley.ingest.dedupe import Deduper
from parley.model import Article, Document, Rejection, to_contract
from parley.pipeline import Pipeline
from parley.runner import LocalRunner
from parley.store import SQLiteStore
from parley.store.base import Batch
from parley.store.rows import document_rows
from unit.store.test_sqlite import TEXT, make_document
from unit.test_pipeline import Tag

STORY = (
    "Foreign ministers from the two neighbouring countries met in Geneva on Tuesday and agreed "
    "to reopen the border crossing that has been closed since the spring, officials said. "
    "The agreement, reached after three days of talks hosted by the United Nations, allows "
    "trucks carrying food and medicine to pass from Thursday. Both delegations described the "
    "meeting as constructive, although opposition leaders in the capital criticised the deal "
    "and called for a parliamentary vote before it takes effect."
)


@pytest.fixture()
def path(tmp_path: Path) -> Path:
    return tmp_path / "parley.db"


@pytest.fixture()
def store(path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(path)
    yield s
    s.close()


def test_document_rows_shape() -> None:
    doc = make_document()
    rows = document_rows(doc)
    assert set(rows) == {"articles", "actors", "events", "event_participants", "quotes",
                         "stances"}
    (art,) = rows["articles"]
    assert art["key"] == doc.article.key and art["text"] == TEXT
    parts = rows["event_participants"]
    assert [(p["role"], p["actor_key"], p["country"], p["sector"], p["name"]) for p in parts] == [
        ("actor", "kb:Q15031", "CHN", "GOV", "Xi Jinping"),
        ("actor", "kb:Q7747", "RUS", "GOV", "Vladimir Putin")]
    # text is stored once: spans and mentions keep offsets only
    assert rows["events"][0]["trigger_text"] is None
    start = TEXT.index("Xi Jinping")
    assert json.loads(rows["actors"][0]["mentions"]) == [start, start + 10]
    assert parts[0]["text"] is None and parts[0]["mention_start"] == TEXT.index("Xi Jinping")
    # a span whose text is not the article's at its offsets keeps its own text
    odd = replace(doc, quotes=(replace(doc.quotes[0], content=replace(
        doc.quotes[0].content, text="We want peace")),))
    assert document_rows(odd)["quotes"][0]["content_text"] == "We want peace"


def test_an_error_mid_batch_leaves_nothing(store: SQLiteStore) -> None:
    good = make_document()
    bad = make_document(TEXT + " Again.", "b.txt")
    bad = replace(bad, events=bad.events * 2)  # two events with one id: the second insert fails
    batch = Batch(documents=[good, bad], rejections=[(Rejection("x", "ingest", "empty"), None)],
                  signatures=[(good.article.key, b"\x01")])
    with pytest.raises(StorageError, match="UNIQUE"):
        store.write_batch(batch)
    counts = store.counts()
    assert counts["articles"] == counts["rejections"] == counts["signatures"] == 0
    assert store.reader().articles(q="Putin") == []


def test_an_exact_duplicate_after_its_first_copys_batch_leaves_a_link(store: SQLiteStore) -> None:
    runner = LocalRunner(Pipeline([Tag("only")]), store, deduper=Deduper(store), batch_size=2)
    first = [Article("first", STORY), Article("other", "A short note on Friday.")]
    runner.run(first)
    summary = LocalRunner(Pipeline([Tag("only")]), store, deduper=Deduper(store)).run(
        [Article("copy", STORY), Article("first", STORY)])  # a copy, then the same input again
    assert (summary.stored, summary.duplicate) == (0, 2)
    assert store.conn.execute("SELECT id FROM articles WHERE key=?",
                              (first[0].key,)).fetchone() == ("first",)  # never overwritten
    links = store.conn.execute("SELECT id, first_key, kind FROM duplicates").fetchall()
    assert links == [("copy", first[0].key, "exact")]


def test_a_run_stores_signatures_and_links_with_their_articles(store: SQLiteStore) -> None:
    items = [Article("a", STORY), Article("b", "GENEVA (Wire) - " + STORY),
             Article("c", STORY.upper())]
    summary = LocalRunner(Pipeline([Tag("only")]), store, deduper=Deduper(store)).run(items)
    assert (summary.stored, summary.duplicate) == (1, 2)
    assert [k for k, _ in store.iter_signatures()] == [items[0].key]
    links = sorted(store.conn.execute("SELECT id, kind FROM duplicates").fetchall())
    assert links == [("b", "near"), ("c", "exact")]
    assert store.counts()["rejections"] == 0  # a duplicate is a link, not also a rejection


def test_near_duplicate_stored_by_another_writer_meanwhile_becomes_a_link(path: Path) -> None:
    mine, theirs = SQLiteStore(path), SQLiteStore(path)
    try:
        d_mine, d_theirs = Deduper(mine), Deduper(theirs)
        x, y = Article("x", STORY), Article("y", STORY + " Reporting by A. Writer.")
        # both check before either writes: neither knows the other's article
        assert d_mine.check(y) is None and d_theirs.check(x) is None
        sig_x, sig_y = d_theirs.add(x), d_mine.add(y)
        assert sig_x is not None and sig_y is not None
        theirs.write_batch(Batch(documents=[Document(x)],
                                 signatures=[(x.key, sig_x)]))
        result = mine.write_batch(Batch(documents=[Document(y)], signatures=[(y.key, sig_y)]))
        assert result.stored == 0 and result.linked == [("y", x.key, "near")]
        assert mine.counts()["articles"] == 1 and mine.counts()["signatures"] == 1
        assert mine.conn.execute("SELECT id, first_key FROM duplicates").fetchall() == [
            ("y", x.key)]
    finally:
        mine.close()
        theirs.close()


def test_copies_of_a_first_copy_that_became_a_link_lead_to_the_stored_one(path: Path) -> None:
    """Writer "mine" takes y for a first copy and links its copies to it; meanwhile "theirs"
    stores x, a near copy of y, so y becomes a link at mine's write. y's copies then lead
    to x, and x, read by mine too, is not linked to anything: it is stored."""
    mine, theirs = SQLiteStore(path), SQLiteStore(path)
    try:
        d_mine, d_theirs = Deduper(mine), Deduper(theirs)
        x, y = Article("x", STORY), Article("y", STORY + " Reporting by A. Writer.")
        y_copy = Article("y-copy", y.text)
        assert d_theirs.check(x) is None
        sig_x = d_theirs.add(x)
        assert d_mine.check(y) is None
        sig_y = d_mine.add(y)
        assert sig_x is not None and sig_y is not None
        links = []
        for copy in (y_copy, x):
            assert d_mine.check(copy) is not None
            link = d_mine.link(copy)
            assert link is not None and link[0] == y.key
            links.append((copy, *link))
        theirs.write_batch(Batch(documents=[Document(x)], signatures=[(x.key, sig_x)]))
        mine.write_batch(Batch(documents=[Document(y)], duplicates=links,
                               signatures=[(y.key, sig_y)]))
        assert mine.conn.execute("SELECT id FROM articles").fetchall() == [("x",)]
        got = sorted(mine.conn.execute(
            "SELECT id, first_key, kind, round(similarity, 4) FROM duplicates").fetchall())
        sim = round(d_mine.hashes[y.key].jaccard(d_theirs.hashes[x.key]), 4)
        assert got == [("y", x.key, "near", sim), ("y-copy", x.key, "near", sim)]
    finally:
        mine.close()
        theirs.close()


def _hold_lock(path: Path, seconds: float, ready: threading.Event) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    ready.set()
    time.sleep(seconds)
    conn.execute("ROLLBACK")
    conn.close()


def test_a_second_writer_waits_for_the_lock(path: Path) -> None:
    store = SQLiteStore(path, busy_timeout=0.1, lock_wait=10)
    ready = threading.Event()
    t = threading.Thread(target=_hold_lock, args=(path, 0.6, ready))
    t.start()
    ready.wait()
    started = time.monotonic()
    store.put_document(make_document())  # waits, retries, succeeds
    t.join()
    assert time.monotonic() - started >= 0.4
    assert store.counts()["articles"] == 1
    store.close()


@pytest.mark.parametrize("write", ["document", "rejection", "signature", "duplicate"])
def test_a_lock_held_too_long_is_one_line_not_a_traceback(path: Path, write: str) -> None:
    store = SQLiteStore(path, busy_timeout=0.05, lock_wait=0.3)
    ready = threading.Event()
    t = threading.Thread(target=_hold_lock, args=(path, 0.6, ready))
    t.start()
    ready.wait()
    try:
        with pytest.raises(StorageError) as info:
            if write == "document":
                store.put_document(make_document())
            elif write == "rejection":
                store.put_rejection(Rejection("x.txt", "ingest", "empty", "no text"))
            elif write == "signature":
                store.put_signature("k", b"\x00")
            else:
                store.put_duplicate(Article("c", "t"), "k", "near", 0.9)
    finally:
        t.join()
        store.close()
    message = str(info.value)
    assert "\n" not in message
    assert "locked by another process" in message and str(path) in message


def test_a_full_database_is_one_line(store: SQLiteStore) -> None:
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count={pages + 1}")
    rng = random.Random(7)  # words that do not compress: the text takes many pages
    words = " ".join("".join(rng.choices(string.ascii_lowercase, k=6)) for _ in range(10_000))
    big = make_document(TEXT + " " + words, "big.txt")
    with pytest.raises(StorageError) as info:
        store.put_document(big)
    assert "full" in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(StorageError, match="full"):
        store.write_batch(Batch(rejections=[
            (Rejection(f"r{i}", "ingest", "empty", "x" * 500), None) for i in range(200)]))


def test_unusual_values_come_back_exactly(store: SQLiteStore) -> None:
    """Text that is not the article's at its offsets, empty and missing explanations: the
    record rebuilt from the stored rows is still the one written."""
    doc = make_document()
    xi = doc.actors[0]
    odd_mention = replace(xi.mentions[0], text="XI JINPING")
    event = replace(doc.events[0], date_text="", coder="", reason="")
    odd = replace(doc, actors=(replace(xi, mentions=(odd_mention,), method="", reason=""),
                               *doc.actors[1:]), events=(event,))
    store.put_document(odd)
    assert store.reader().article(odd.article.key) == to_contract(odd)
