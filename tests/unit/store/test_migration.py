"""Migration 0002 takes a wave-1 parley.db forward: a copy of one made by the wave-1 code
(tests/fixtures/store/wave1.sqlite: examples/ analysed with --date 2023-06-05) opens,
migrates, and the reader answers every query on it."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from parley.store import SQLiteStore

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "store" / "wave1.sqlite"


@pytest.fixture()
def wave1(tmp_path: Path) -> Path:
    path = tmp_path / "parley.db"
    shutil.copy(FIXTURE, path)
    return path


@pytest.fixture()
def migrated(wave1: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(wave1)
    yield s
    s.close()


def _old_records(path: Path) -> dict[str, dict]:
    with sqlite3.connect(FIXTURE) as conn:
        return {k: json.loads(r) for k, r in conn.execute(
            "SELECT key, record FROM articles WHERE record IS NOT NULL")}


def test_wave1_records_come_back_from_rows(migrated: SQLiteStore, wave1: Path) -> None:
    old = _old_records(wave1)
    assert len(old) == 3
    reader = migrated.reader()
    for key, record in old.items():
        assert reader.article(key) == record
    names = [r[0] for r in migrated.conn.execute("SELECT name FROM migrations")]
    assert names == ["0001_initial", "0002_rows_participants_fts", "0003_dyad_days",
                     "0004_compact_dyads", "0005_packed_text", "0006_quote_speakers",
                     "0007_dyad_keys"]
    columns = {r[1] for r in migrated.conn.execute("PRAGMA table_info(articles)")}
    assert "record" not in columns and "duplicate_of" not in columns


def test_the_reader_answers_every_query_on_a_migrated_store(migrated: SQLiteStore,
                                                            wave1: Path) -> None:
    old = _old_records(wave1)
    r = migrated.reader()
    n_events = sum(len(rec["events"]) for rec in old.values())
    assert len(r.events(real_only=False)) == n_events
    # participants from the old JSON columns, with the actors' stable keys
    rus = r.events(actor="RUS", real_only=False)
    assert rus and all(any(a["country"] == "RUS" for a in e["actors"]) for e in rus)
    keyed = [a["key"] for e in rus for a in e["actors"] if a["country"] == "RUS"]
    assert all(keyed)
    assert r.events(actor=keyed[0], level="actor", real_only=False)
    actors = r.actors()
    assert {a["key"] for a in actors} == {x["key"] for rec in old.values() for x in rec["actors"]}
    assert r.actors(key=keyed[0])[0]["first"] == "2023-06-05"
    assert r.quotes() and all(q["content"]["text"] for q in r.quotes())
    assert r.stances()
    e = r.events()[0]
    ev = r.evidence(e["article_key"], "event", e["event_id"])
    assert ev is not None and ev["span"]["text"] == e["trigger"]["text"]
    assert ev["span"]["text"] in ev["sentence"]
    q = r.quotes()[0]
    qe = r.evidence(q["article_key"], "quote", q["quote_id"])
    assert qe is not None and qe["span"]["text"] == q["content"]["text"]
    assert [a["id"] for a in r.articles(q="grain")] == ["examples/01_ceasefire_talks.txt"]
    assert r.counts()["articles"] == 3


def test_a_migrated_store_takes_new_writes(migrated: SQLiteStore) -> None:
    from unit.store.test_sqlite import make_document

    doc = make_document()
    migrated.put_document(doc)
    assert migrated.reader().articles(q="Putin")[0]["id"] == "a.txt"
    assert migrated.counts()["articles"] == 4


def test_migration_fills_the_dyad_table_from_stored_events(migrated: SQLiteStore) -> None:
    from parley.analysis.common import MemoryDyads

    reader = migrated.reader()
    table = reader.dyads()
    computed = MemoryDyads(reader)
    assert computed.rows, "the wave-1 fixture has dyadic events"
    for level in ("country", "actor"):
        assert sorted(table.pair_totals(level=level)) == sorted(computed.pair_totals(level=level))
        for by in ("day", "week"):
            assert sorted(table.cells(level=level, by=by)) == sorted(
                computed.cells(level=level, by=by))


def _dyad_answers(store: SQLiteStore) -> dict[str, object]:
    from parley.analysis import dyad
    from parley.store.dyads import DyadTable

    t = DyadTable(store.conn)
    return {
        "dyad": dyad(store.reader(), "CHN", "RUS"),
        "days": sorted(store.conn.execute(
            "SELECT d.level, ka.key, kb.key, d.day, d.event, d.aux, d.recip, d.n, d.intensity,"
            " d.confidence FROM dyad_days d JOIN dyad_keys ka ON ka.id = d.a"
            " JOIN dyad_keys kb ON kb.id = d.b")),
        # a pair either way ('u') is stored in the order of its numbers, which differ
        "sources": sorted((lv, *(sorted((a, b)) if d == "u" else (a, b)), d, day, src, n)
                          for lv, a, b, d, day, src, n in store.conn.execute(
            "SELECT d.level, ka.key, kb.key, d.dir, d.day, ks.key, d.articles FROM dyad_sources d"
            " JOIN dyad_keys ka ON ka.id = d.a JOIN dyad_keys kb ON kb.id = d.b"
            " JOIN dyad_keys ks ON ks.id = d.source")),
        "sample": t.sample(level="country", a="CHN", b="RUS", limit=5),
        "articles": t.article_sources(level="country", actor="RUS"),
        "coverage": t.coverage_many(level="country", pairs=[("CHN", "RUS"), ("RUS", "CHN")]),
        "cells": sorted(t.cells(level="country", by="month", b="CHN")),
    }


def test_a_store_written_before_0004_migrates_with_the_same_dyad_answers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import parley.store.sqlite as sqlite_store
    from parley.store.base import Batch
    from parley.store.dyads import COLUMNS
    from parley.store.migrations import MIGRATIONS
    from support.analysis_docs import Ev, doc

    docs = [doc("a", "2024-03-05", [Ev("AGREE", ("CHN",), ("RUS",)),
                                    Ev("CONSULT", ("CHN", "RUS", "IND"))], url="https://a.com/1"),
            doc("b", "2024-03-06", [Ev("ASSAULT", ("RUS",), ("CHN",), aux="future"),
                                    Ev("ACCUSE", ("RUS",), ("CHN",))], url="https://b.com/1"),
            doc("c", "2024-04-01", [Ev("SUPPORT", ("CHN",), ("RUS",))], url="https://c.org/2")]
    fresh = SQLiteStore(tmp_path / "fresh.db")
    for d in docs:
        fresh.write_batch(Batch(documents=[d]))
    expected = _dyad_answers(fresh)
    fresh.close()
    assert expected["sample"] and expected["articles"] and expected["cells"]

    with monkeypatch.context() as m:  # the code of wave 2 before 0004: dyad rows by key
        m.setattr(sqlite_store, "MIGRATIONS", MIGRATIONS[:3])
        m.setattr(sqlite_store, "DYAD_COLUMNS", COLUMNS)
        m.setattr(sqlite_store, "intern_rows", lambda conn, rows: rows)  # before 0007
        old = SQLiteStore(tmp_path / "old.db")
        for d in docs:
            old.write_batch(Batch(documents=[d]))
        assert "article_key" in {r[1] for r in old.conn.execute("PRAGMA table_info(dyad_events)")}
        old.close()
    migrated = SQLiteStore(tmp_path / "old.db")
    try:
        names = [r[0] for r in migrated.conn.execute("SELECT name FROM migrations")]
        assert names.index("0004_compact_dyads") == 3 and len(names) > 4
        assert _dyad_answers(migrated) == expected
        for d in docs[:1]:  # storing an article again after the migration keeps the sums
            migrated.write_batch(Batch(documents=[d]))
        assert _dyad_answers(migrated) == expected
    finally:
        migrated.close()


def test_a_store_written_before_0005_keeps_its_plain_texts_and_packs_new_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import parley.store.sqlite as sqlite_store
    import parley.store.sqlite_layout as layout
    from parley.store.base import Batch
    from parley.store.migrations import MIGRATIONS
    from support.analysis_docs import Ev, doc
    from unit.store.test_sqlite import make_document

    def said(article_id: str, day: str, sentence: str):  # type: ignore[no-untyped-def]
        return doc(article_id, day, [Ev("CONSULT", ("CHN",), ("RUS",), sentence=sentence)])

    old_docs = [said("a", "2024-03-05", "Ministers met in Geneva about grain."),
                said("b", "2024-03-06", "Talks on fishing rights ended early.")]
    with monkeypatch.context() as m:  # the code before 0005: plain text, JSON mentions
        m.setattr(sqlite_store, "MIGRATIONS", MIGRATIONS[:4])
        m.setattr(sqlite_store, "intern_rows", lambda conn, rows: rows)  # before 0007
        m.setattr(layout, "pack_text", lambda text: text)
        m.setattr(layout, "pack_mentions", lambda value: value)
        old = SQLiteStore(tmp_path / "old.db")
        old.write_batch(Batch(documents=[*old_docs, make_document()]))
        before = {k: old.reader().article(k) for (k,) in old.conn.execute(
            "SELECT key FROM articles")}
        old.close()
    store = SQLiteStore(tmp_path / "old.db")
    try:
        reader = store.reader()
        assert {k: reader.article(k) for k in before} == before
        assert [a["id"] for a in reader.articles(q="grain")] == ["a"]
        assert [a["id"] for a in reader.articles(q='"fishing rights"')] == ["b"]
        mentions = {a["key"]: a["mentions"] for a in reader.actors()}
        assert max(mentions.values()) >= 1
        store.write_batch(Batch(documents=[said("c", "2024-03-07",
                                                "Grain exports resumed from Odesa.")]))
        kinds = dict(store.conn.execute("SELECT id, typeof(text) FROM articles"))
        assert kinds["a"] == "text" and kinds["c"] == "blob"
        assert typeof_mentions(store) == {"blob"}
        assert {a["key"]: a["mentions"] for a in reader.actors()
                if a["key"] in mentions} == mentions
        assert sorted(a["id"] for a in reader.articles(q="grain")) == ["a", "c"]
        # an old article stored again: its plain text leaves the index, the packed one enters
        store.write_batch(Batch(documents=[old_docs[0]]))
        assert sorted(a["id"] for a in reader.articles(q="grain")) == ["a", "c"]
        assert dict(store.conn.execute("SELECT id, typeof(text) FROM articles"))["a"] == "blob"
        # raises (SQLITE_CORRUPT_VTAB) where the index disagrees with itself
        store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    finally:
        store.close()


def typeof_mentions(store: SQLiteStore) -> set[str]:
    return {t for (t,) in store.conn.execute(
        "SELECT typeof(mentions) FROM actors WHERE mentions IS NOT NULL")}
