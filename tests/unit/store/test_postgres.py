"""PostgreSQL with many writers: the same articles written at once are stored once, and the
shared dedupe index links near copies claimed at the same moment by different writers."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import pytest

from parley.distributed.dedupe import SharedDeduper
from parley.model import Article
from parley.store import open_store
from parley.store.base import Batch
from support.stores import q
from unit.store.test_sqlite import TEXT, make_document

pytestmark = pytest.mark.service

STORY = ("The foreign ministers of Norway and Sweden met in Oslo on Monday and agreed to expand "
         "cooperation on border security, officials said. The two governments also signed a "
         "memorandum on energy trade and promised further talks in the autumn, when the "
         "ministers will meet again in Stockholm to review the border agreement.")


def _together(n: int, work: Any) -> list[Any]:
    """Run ``work(i)`` in ``n`` threads released at the same moment; their results."""
    gate = threading.Barrier(n)
    out: list[Any] = [None] * n
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            gate.wait()
            out[i] = work(i)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    return out


def test_writers_at_once_store_each_article_once(pg_url: str) -> None:
    docs = [make_document(TEXT + f" Part {i}.", f"a{i}.txt") for i in range(12)]
    stores = [open_store(pg_url) for _ in range(4)]
    try:
        # four writers, each the same twelve articles in its own order, all at once
        _together(4, lambda i: [stores[i].write_batch(Batch(documents=docs[j::3]))
                                for j in ((i + k) % 3 for k in range(3))])
        counts = stores[0].counts()
        assert counts["articles"] == 12
        assert (counts["actors"], counts["events"], counts["quotes"]) == (36, 12, 12)
        assert q(stores[0], "SELECT count(*) FROM duplicates") == [(0,)]
    finally:
        for s in stores:
            s.close()


def test_copies_claimed_at_once_on_two_writers_are_linked(pg_url: str) -> None:
    first = Article("wire-1", STORY, date="2023-06-05")
    copy = Article("wire-2", STORY + " (Reuters)")
    other = Article("other", "Kenya accused Somalia of shelling the border town of Mandera on "
                    "Friday, officials said, and recalled its ambassador for consultations "
                    "while the African Union called both sides to talks in Addis Ababa soon.")
    for attempt in range(3):  # a fresh index each time, so the race really happens anew
        stores = [open_store(pg_url) for _ in range(2)]
        dedupers = [SharedDeduper(s) for s in stores]
        q(stores[0], "DELETE FROM dedupe_bands")
        q(stores[0], "DELETE FROM dedupe_claims")
        try:
            suffix = f" [{attempt}]"
            pair = [replace(first, text=first.text + suffix), replace(copy, text=copy.text + suffix)]
            found = _together(2, lambda i, d=dedupers, p=pair: d[i].check(p[i]))
            assert sorted(r is None for r in found) == [False, True], found  # one first, one copy
            rej = next(r for r in found if r is not None)
            assert rej.reason == "near_duplicate"
            # the answer is the same whoever asks again, and an unrelated text is no copy
            assert dedupers[0].check(other) is None
        finally:
            for s in stores:
                s.close()


def test_exact_copy_and_a_rerun_of_the_same_input(pg_url: str) -> None:
    store = open_store(pg_url)
    try:
        d = SharedDeduper(store)
        a = Article("x1", STORY)
        assert d.check(a) is None
        again = d.check(Article("x1", STORY))  # the same input after a crash: its own claim
        assert again is None
        dup = d.check(Article("x2", "  " + STORY.upper()))
        assert dup is not None and dup.reason == "duplicate"
        d.release(a)  # a rejected first copy gives its claim back
        assert d.check(Article("x2", STORY)) is None
    finally:
        store.close()


def _everything(store: Any) -> dict[str, Any]:
    """What a user reads back from a store: records, links, rejections, counts."""
    return {"records": sorted((r["id"], repr(r)) for r in store.iter_documents()),
            "links": sorted(q(store, "SELECT id, key, first_key, kind FROM duplicates")),
            "rejections": sorted(q(store, "SELECT input, stage, reason, detail, occurrence"
                                          " FROM rejections")),
            "counts": store.counts()}


def test_mixed_batches_leave_the_same_rows_as_sqlite(pg_url: str, tmp_path: Any) -> None:
    from parley.model import Rejection

    docs = [make_document(TEXT + f" Part {i}.", f"a{i}.txt") for i in range(5)]
    again = make_document(TEXT + " Part 1.", "a1.txt")  # the same input once more
    copy = make_document(TEXT + " Part 2.", "copy-of-a2.txt")  # its text under another id
    batches = [
        Batch(documents=docs[:3], rejections=[(Rejection("bad.txt", "read", "empty", "no text"),
                                               None)]),
        # stored and new articles together, one text twice, a link to itself (no link)
        Batch(documents=[again, copy, docs[3], docs[4], docs[4]],
              duplicates=[(docs[0].article, docs[0].article.key, "exact", 1.0)],
              rejections=[(Rejection("bad.txt", "read", "empty", "still no text"), None)]),
    ]
    got = []
    for target in (str(tmp_path / "parley.db"), pg_url):
        store = open_store(target)
        try:
            for batch in batches:
                store.write_batch(batch)
            got.append(_everything(store))
        finally:
            store.close()
    sqlite, postgres = got
    assert postgres == sqlite
    assert postgres["counts"]["articles"] == 5
    assert postgres["links"] == [("copy-of-a2.txt", docs[2].article.key, docs[2].article.key,
                                  "exact")]
    assert [r[:2] for r in postgres["rejections"]] == [("bad.txt", "read")] * 2
