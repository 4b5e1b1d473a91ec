"""The store, on SQLite and on PostgreSQL (the ``store`` fixture runs each test on both):
content-hash ids (storing twice changes nothing), exact copies as links (the first copy keeps
its id), rejections per input, named migrations; and for SQLite WAL and a file that plain
sqlite3 (and datasette) can read."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parley.errors import ConfigError
from parley.model import (
    Actor,
    Article,
    Document,
    Entity,
    Event,
    Place,
    Quote,
    Rejection,
    Span,
    Stance,
    to_contract,
)
from parley.store import SQLiteStore, open_store
from support.stores import q

TEXT = ("Xi meets Putin\n\nXi Jinping met Vladimir Putin in Moscow on Monday. "
        "\"We want peace,\" Xi said, according to TASS.")


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


def make_document(text: str = TEXT, article_id: str = "a.txt") -> Document:
    xi = Actor("A1", "Xi Jinping", "CHN", "GOV", "President of China", "Q15031",
               (_span(text, "Xi Jinping"),), "kb-name", "name in the knowledge base", "kb:Q15031")
    putin = Actor("A2", "Vladimir Putin", "RUS", "GOV", "President of Russia", "Q7747",
                  (_span(text, "Vladimir Putin"),), "kb-name", "name in the knowledge base",
                  "kb:Q7747")
    tass = Actor("A3", "TASS", "RUS", "JRN", mentions=(_span(text, "TASS"),), method="kb-name",
                 key="kb:Q1130216:JRN")
    e_xi = Entity("A1", "Xi Jinping", "Xi Jinping", "CHN", "GOV", _span(text, "Xi Jinping"))
    e_putin = Entity("A2", "Vladimir Putin", "Vladimir Putin", "RUS", "GOV",
                     _span(text, "Vladimir Putin"))
    sentence = _span(text, "Xi Jinping met Vladimir Putin in Moscow on Monday.")
    event = Event("E1", "CONSULT", (e_xi, e_putin), (), _span(text, "met"), sentence,
                  mode=("visit",), aux_mode=None, date="2023-03-20", date_text="on Monday",
                  event_loc=Place("Moscow", "RUS", 524901, 55.75, 37.62), quad_code=1,
                  intensity=1.0, coder="test", confidence=0.9, reason="hand-made")
    quote = Quote("Q1", "direct", _span(text, "We want peace,"), speaker=e_xi,
                  speaker_span=Span.of(text, text.index("Xi said"), text.index("Xi said") + 2),
                  cue=_span(text, "said"),
                  via=Entity("A3", "TASS", "TASS", "RUS", "JRN"))
    stance = Stance("S1", e_xi, "peace talks", "support", _span(text, "We want peace"),
                    quote_id="Q1", reason="hand-made")
    return Document(Article(article_id, text, "Xi meets Putin", "2023-03-20"),
                    actors=(xi, putin, tass), events=(event,), quotes=(quote,),
                    stances=(stance,))


@pytest.fixture()
def store(any_store: Any) -> Any:
    """An empty store: each test runs on SQLite, then on PostgreSQL."""
    return any_store


@pytest.fixture()
def sqlite_store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "sub" / "parley.db")
    yield s
    s.close()


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_storing_the_same_document_twice_keeps_one_copy(store: Any) -> None:
    doc = make_document()
    store.put_document(doc)
    first = store.counts()
    store.put_document(doc)
    assert store.counts() == first
    assert first["articles"] == 1
    assert (first["actors"], first["events"], first["quotes"], first["stances"]) == (3, 1, 1, 1)


def test_same_text_under_another_id_is_a_link_not_an_overwrite(store: Any) -> None:
    doc = make_document()
    store.put_document(doc)
    store.put_document(make_document(TEXT, "copy.txt"))
    assert store.counts()["articles"] == 1
    ((stored_id,),) = q(store, "SELECT id FROM articles")
    assert stored_id == "a.txt"  # the first copy keeps its id
    assert q(store, "SELECT id, key, first_key, kind FROM duplicates") == [
        ("copy.txt", doc.article.key, doc.article.key, "exact")]
    # content-hash key: copies that differ only in case and spacing are the same article
    assert Article("b", "  " + TEXT.upper().replace(" ", "\n ")).key == doc.article.key
    assert store.has_article(doc.article.key)
    assert not store.has_article("0" * 20)


def test_rejection_detail_is_updated_when_the_same_run_is_repeated(store_url: str) -> None:
    for detail in ("no text", "still no text"):  # two runs over the same input
        s = open_store(store_url)
        s.put_rejection(Rejection("empty.txt", "ingest", "empty", detail))
        s.put_rejection(Rejection("empty.txt", "language", "not_english", "fr"))
        s.close()
    s = open_store(store_url)
    try:
        assert s.counts()["rejections"] == 2
        ((detail,),) = q(s, "SELECT detail FROM rejections WHERE input='empty.txt' AND"
                            " reason='empty'")
        assert detail == "still no text"
    finally:
        s.close()


def test_records_that_share_an_id_keep_a_rejection_each(store: Any) -> None:
    store.put_rejection(Rejection("rec-1", "ingest", "empty", "no text"))
    store.put_rejection(Rejection("rec-1", "ingest", "empty", "no text"))
    store.put_rejection(Rejection("other.txt", "ingest", "empty", "no text"))
    assert store.counts()["rejections"] == 3


def test_wal_mode_and_named_migrations(store: Any) -> None:
    names = [r[0] for r in q(store, "SELECT name FROM migrations ORDER BY name")]
    assert names[:2] == ["0001_initial", "0002_rows_participants_fts"]
    if isinstance(store, SQLiteStore):
        assert names == ["0001_initial", "0002_rows_participants_fts", "0003_dyad_days",
                         "0004_compact_dyads", "0005_packed_text", "0006_quote_speakers",
                         "0007_dyad_keys"]
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    else:  # the same names, and the shared dedupe index of many writers
        assert names == ["0001_initial", "0002_rows_participants_fts", "0003_dyad_days",
                         "0004_compact_dyads", "0005_packed_text", "0006_quote_speakers",
                         "0007_dyad_keys", "pg_shared_dedupe"]


def test_both_backends_have_the_same_tables_and_columns(tmp_path: Path, pg_url: str) -> None:
    lite, pg = open_store(str(tmp_path / "c.db")), open_store(pg_url)
    try:
        assert set(lite.table_names()) == set(pg.table_names())
        for table in lite.table_names():
            assert lite.table_columns(table) == pg.table_columns(table), table
    finally:
        lite.close()
        pg.close()


def test_reopening_applies_no_migration_twice(store_url: str) -> None:
    first = open_store(store_url)
    n = q(first, "SELECT count(*) FROM migrations")[0][0]
    first.close()
    again = open_store(store_url)
    try:
        assert q(again, "SELECT count(*) FROM migrations")[0][0] == n >= 2
    finally:
        again.close()


def test_file_reads_with_plain_sqlite3(sqlite_store: SQLiteStore) -> None:
    store = sqlite_store
    store.put_document(make_document())
    path = Path(store.path)
    assert _rows(path, "SELECT p.country, p.actor_key FROM events e JOIN event_participants p"
                 " USING (article, event_id) WHERE e.event='CONSULT' AND p.role='actor'"
                 " ORDER BY p.ord") == [("CHN", "kb:Q15031"), ("RUS", "kb:Q7747")]
    assert _rows(path, "SELECT name, country, sector FROM actors ORDER BY actor_id")[0] == (
        "Xi Jinping", "CHN", "GOV")
    assert _rows(path, "SELECT loc_name, loc_country, date FROM events") == [
        ("Moscow", "RUS", "2023-03-20")]
    assert _rows(path, "SELECT issue, polarity, holder_country FROM stances") == [
        ("peace talks", "support", "CHN")]


def test_iter_documents_round_trips_the_contract(store: Any) -> None:
    doc = make_document()
    store.put_document(doc)
    (record,) = list(store.iter_documents())
    assert record == to_contract(doc)


def test_duplicates_and_signatures(store: Any) -> None:
    doc = make_document()
    store.put_document(doc)
    near = Article("near.txt", TEXT + " More.")
    store.put_duplicate(near, doc.article.key, "near", 0.93)
    rows = q(store, "SELECT first_key, kind, similarity FROM duplicates WHERE key=?", (near.key,))
    assert rows == [(doc.article.key, "near", 0.93)]
    assert len(list(store.iter_documents())) == 1  # duplicates are links, not articles
    store.put_signature(doc.article.key, b"\x01\x02")
    store.put_signature("f" * 20, b"\x03")  # no such article: not kept
    assert list(store.iter_signatures()) == [(doc.article.key, b"\x01\x02")]


def test_open_store_targets(tmp_path: Path) -> None:
    s = open_store(f"sqlite:///{tmp_path / 'u.db'}")
    try:
        assert isinstance(s, SQLiteStore)
        assert (tmp_path / "u.db").exists()
    finally:
        s.close()
    with pytest.raises(ConfigError, match="postgresql://"):
        open_store("mysql://localhost/parley")


def test_datasette_serves_the_file_as_it_is(tmp_path: Path) -> None:
    """The store opens in datasette with no set-up: its tables and rows are there to query."""
    datasette = pytest.importorskip("datasette.app")
    import asyncio

    db = tmp_path / "parley.db"
    store = SQLiteStore(db)
    store.put_document(make_document())
    store.close()

    async def query() -> list[dict[str, object]]:
        ds = datasette.Datasette([str(db)])
        response = await ds.client.get("/parley/events.json?_shape=array")
        assert response.status_code == 200, response.text
        texts = await ds.client.get("/parley/article_texts.json?_shape=array")
        assert texts.status_code == 200, texts.text
        return [*response.json(), *texts.json()]

    rows = asyncio.run(query())
    assert rows and rows[0]["event"] == "CONSULT"
    # the packed text reads as text there (Parley's Datasette plugin adds parley_text)
    assert rows[-1]["text"] == TEXT
