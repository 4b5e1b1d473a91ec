"""Every export read back (json, csv, pyarrow, DuckDB) holds what the store holds."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parley.export import export
from parley.export.gdelt import COLUMNS, GDELT_COLUMNS
from parley.model import Article
from parley.pipeline import Pipeline
from parley.store import open_store

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[3]

STORIES = [
    ("a1", "2023-05-30", "Turkish President Recep Tayyip Erdogan hosted Russian Foreign Minister "
     "Sergei Lavrov in Ankara on Monday. Lavrov accused Ukraine of violating the ceasefire."),
    ("a2", "2023-06-02", "Protesters in Paris demonstrated against the pension reform on Friday. "
     "Police arrested dozens of people near the National Assembly, officials said."),
    ("a3", "2023-07-11", "The United States imposed new sanctions on Iran on Tuesday. Iran's "
     "foreign ministry rejected the measures and threatened to retaliate."),
]


@pytest.fixture
def filled(store_url: str, pipeline: Pipeline) -> Iterator[Any]:
    store = open_store(store_url)
    arts = [Article(id=i, text=t, date=d, url=f"https://example.org/{i}", source="example")
            for i, d, t in STORIES]
    for doc in pipeline.run(arts):
        store.put_document(doc)
    # a stored copy of a1 counts as a second article reporting its events
    store.put_duplicate(Article(id="a1-copy", text=STORIES[0][2] + " (Reuters)", date="2023-05-30",
                                source="wire"), arts[0].key, "near", 0.93)
    try:
        yield store
    finally:
        store.close()


def _events_in(store: Any, date_from: str | None = None, date_to: str | None = None) -> int:
    n = 0
    for rec in store.iter_documents():
        if (date_from and (rec["date"] or "") < date_from) or (date_to and (rec["date"] or "") > date_to):
            continue
        n += len(rec["events"])
    return n


def test_plover_jsonl_has_one_record_per_stored_event(filled: Any, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    counts = export(filled, "plover-jsonl", str(out))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == counts["events"] == filled.counts()["events"] > 0
    assert len({r["id"] for r in records}) == len(records)
    for r in records:
        assert r["event"] and isinstance(r["event"], list)
        assert {"mode", "context", "actor", "recipient", "event_loc", "date"} <= set(r)
        # the evidence: the sentence text is the article's own words around the trigger
        assert r["trigger"]["text"] in r["sentence"]["text"]
    a1 = [r for r in records if r["article_id"] == "a1"]
    assert a1 and all(r["num_articles"] == 2 for r in a1)


def test_cameo_tsv_rows_and_columns(filled: Any, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    export(filled, "cameo-tsv", str(out))
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert tuple(rows[0].keys()) == COLUMNS and COLUMNS[:len(GDELT_COLUMNS)] == GDELT_COLUMNS
    assert len(GDELT_COLUMNS) == 61
    assert len(rows) == filled.counts()["events"]
    for row in rows:
        assert row["EventRootCode"] == row["EventCode"][:2] and len(row["EventCode"]) >= 3
        assert row["QuadClass"] in {"1", "2", "3", "4"}
        assert -10 <= float(row["GoldsteinScale"]) <= 10
        assert len(row["SQLDATE"]) == 8
    consult = [r for r in rows if r["PloverEvent"] == "CONSULT" and r["PloverMode"] == "visit"]
    assert consult and consult[0]["EventCode"] == "042"
    assert consult[0]["Actor1CountryCode"] == "TUR" and consult[0]["Actor2CountryCode"] == "RUS"


def test_date_range_selects_articles_by_publication_date(filled: Any, tmp_path: Path) -> None:
    out = tmp_path / "june.jsonl"
    counts = export(filled, "plover-jsonl", str(out), "2023-06-01", "2023-06-30")
    assert counts["events"] == _events_in(filled, "2023-06-01", "2023-06-30")
    assert {json.loads(x)["article_id"] for x in out.read_text().splitlines()} <= {"a2"}


def test_csv_one_file_per_table_with_the_store_counts(filled: Any, tmp_path: Path) -> None:
    counts = export(filled, "csv", str(tmp_path / "csv"))
    csv.field_size_limit(sys.maxsize)
    for table, n in counts.items():
        with open(tmp_path / "csv" / f"{table}.csv", encoding="utf-8", newline="") as fh:
            assert sum(1 for _ in csv.DictReader(fh)) == n, table
    stored = filled.counts()
    for table in ("articles", "actors", "events", "quotes", "stances"):
        assert counts[table] == stored[table], table
    # what the store packs comes out as it was coded: text as text, mentions as JSON
    # offsets, a speaker that is its actor with the actor's key and country
    with open(tmp_path / "csv" / "articles.csv", encoding="utf-8", newline="") as fh:
        texts = {r["id"]: r["text"] for r in csv.DictReader(fh)}
    assert {texts[i] for i, _, _ in STORIES} == {t for _, _, t in STORIES}
    reader = filled.reader()
    records = {a["key"]: reader.article(a["key"]) for a in reader.articles(limit=None)}
    with open(tmp_path / "csv" / "actors.csv", encoding="utf-8", newline="") as fh:
        mentions = {(r["article_key"], r["actor_id"]): json.loads(r["mentions"] or "[]")
                    for r in csv.DictReader(fh)}
    with open(tmp_path / "csv" / "quotes.csv", encoding="utf-8", newline="") as fh:
        speakers = {(r["article_key"], r["quote_id"]): (r["speaker_key"], r["speaker_country"])
                    for r in csv.DictReader(fh)}
    assert speakers
    for key, rec in records.items():
        for actor in rec["actors"]:
            flat = [x for m in actor["mentions"] for x in (m["start"], m["end"])]
            assert mentions[(key, actor["id"])] == flat
        keys = {a["id"]: a["key"] for a in rec["actors"]}
        for quote in rec["quotes"]:
            speaker = quote.get("speaker") or {}
            assert speakers[(key, quote["id"])] == (keys.get(speaker.get("actor_id"), ""),
                                                    speaker.get("country") or "")


def test_parquet_by_month_reads_back_with_pyarrow_and_duckdb(filled: Any, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    ds = pytest.importorskip("pyarrow.dataset")
    out = tmp_path / "pq"
    counts = export(filled, "parquet", str(out))
    stored = filled.counts()
    for table in ("articles", "events"):
        data = ds.dataset(out / table, format="parquet", partitioning="hive").to_table()
        assert data.num_rows == stored[table] == counts[table]
    months = sorted(p.name for p in (out / "events").iterdir())
    assert months == ["month=2023-05", "month=2023-06", "month=2023-07"][:len(months)]
    # the query docs/export.md shows
    rows = duckdb.sql(
        f"SELECT month, event, count(*) AS n FROM read_parquet('{out}/events/*/*.parquet', "
        "hive_partitioning = true) GROUP BY month, event ORDER BY month, n DESC").fetchall()
    assert sum(n for _, _, n in rows) == stored["events"]
    assert {m for m, _, _ in rows} <= {"2023-05", "2023-06", "2023-07"}
    # the dyad query of docs/export.md: real events with an actor and a recipient country
    pq = f"read_parquet('{out}/{{}}/*/*.parquet', hive_partitioning = true)"
    dyads = duckdb.sql(
        f"SELECT a.country, r.country, e.event, count(*) AS n FROM {pq.format('events')} e"
        f" JOIN {pq.format('event_participants')} a ON a.article_key = e.article_key AND"
        " a.event_id = e.event_id AND a.role = 'actor'"
        f" JOIN {pq.format('event_participants')} r ON r.article_key = e.article_key AND"
        " r.event_id = e.event_id AND r.role = 'recipient'"
        " WHERE e.aux_mode IS NULL GROUP BY ALL ORDER BY n DESC").fetchall()
    expected = sum(len(ev["actors"]) * len(ev["recipients"])
                   for ev in filled.reader().events() if ev["recipients"])
    assert sum(n for *_, n in dyads) == expected > 0


def test_cli_export_and_its_errors(filled: Any, store_url: str, tmp_path: Path) -> None:
    from parley.cli.main import main

    out = tmp_path / "e.tsv"
    assert main(["export", "--db", store_url, "--format", "cameo-tsv", "--out", str(out)]) == 0
    assert len(out.read_text().splitlines()) == filled.counts()["events"] + 1
    assert main(["export", "--db", str(tmp_path / "none.db"), "--format", "csv",
                 "--out", str(tmp_path / "x")]) == 1
    assert main(["export", "--db", store_url, "--format", "csv", "--out", "-"]) == 1
