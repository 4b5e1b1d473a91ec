"""The Python API: ``parley.Parley`` analyses paths and dicts in input order, ingests into a
store and returns the summary, and one object serves several threads at once."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import parley
from parley.config import Settings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(str(p) for p in (ROOT / "examples").iterdir() if p.suffix == ".txt")

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def api() -> parley.Parley:
    # one process: the threads below are the point
    return parley.Parley(Settings(nlp={"n_process": 1}))


def test_analyze_paths_and_dicts_in_input_order(api: parley.Parley, tmp_path: Path) -> None:
    inputs = [
        EXAMPLES[0],
        {"id": "d1", "text": "Xi Jinping met Vladimir Putin in Moscow on Monday.",
         "date": "2023-03-20", "title": "Xi in Moscow"},
        str(tmp_path / "gone.txt"),
        {"text": "   "},
    ]
    records = list(api.analyze(inputs))
    assert [r["id"] for r in records] == [EXAMPLES[0], "d1", str(tmp_path / "gone.txt"), "input-4"]
    assert records[0]["events"] and records[0]["rejection"] is None
    consult = [e for e in records[1]["events"] if e["event"] == "CONSULT"]
    assert consult and consult[0]["date"] == "2023-03-20" and records[1]["title"] == "Xi in Moscow"
    assert records[2]["rejection"]["reason"] == "missing"
    assert records[3]["rejection"]["reason"] == "empty"
    assert [r["id"] for r in api.analyze(inputs, limit=2)] == [EXAMPLES[0], "d1"]


def test_ingest_returns_the_summary_and_the_store_holds_it(api: parley.Parley,
                                                           tmp_path: Path) -> None:
    db = str(tmp_path / "api.db")
    summary = api.ingest(EXAMPLES, db=db)
    assert (summary.read, summary.stored) == (len(EXAMPLES), len(EXAMPLES)) and summary.events > 0
    again = api.ingest(EXAMPLES, db=db)
    assert (again.stored, again.stored_before) == (0, len(EXAMPLES))
    store = api.open_store(db)
    try:
        assert store.counts()["articles"] == len(EXAMPLES)
    finally:
        store.close()


def test_one_parley_object_from_several_threads(api: parley.Parley, tmp_path: Path) -> None:
    serial = [json.dumps(r, sort_keys=True) for r in api.analyze(EXAMPLES)]
    jobs = [EXAMPLES[k % len(EXAMPLES):] + EXAMPLES[:k % len(EXAMPLES)] for k in range(12)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda job: [json.dumps(r, sort_keys=True)
                                             for r in api.analyze(job)], jobs))
        summaries = list(pool.map(lambda k: api.ingest(EXAMPLES, db=str(tmp_path / f"t{k}.db")),
                                  range(3)))
    expected = dict(zip(EXAMPLES, serial, strict=True))
    for job, got in zip(jobs, results, strict=True):
        assert got == [expected[p] for p in job]
    assert all(s.stored == len(EXAMPLES) for s in summaries)
