"""The Dask runner: the same stored records as the local runner, on SQLite (the client
writes) and PostgreSQL (the workers write); a worker killed mid-run loses nothing and a
rerun stores every article exactly once."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from parley.config import Settings
from parley.ingest.dedupe import Deduper
from parley.model import Article
from parley.pipeline import Pipeline
from parley.runner import LocalRunner
from parley.store import open_store
from support.stores import q

pytestmark = [pytest.mark.model, pytest.mark.slow]

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def articles(shared_dir: Path) -> list[Article]:
    """18 AllSides articles and two copies: one exact (another id), one near (a byline)."""
    out: list[Article] = []
    with gzip.open(shared_dir / "corpora" / "allsides_political_news.jsonl.gz", "rt") as fh:
        for line in fh:
            r = json.loads(line)
            if len(r["text"]) < 6000:  # short ones: the test codes them three times
                out.append(Article(id=r["id"], text=r["text"], title=r.get("title"),
                                   date=r.get("date"), url=r.get("url")))
            if len(out) == 18:
                break
    out.insert(9, replace(out[2], id="copy-exact"))
    out.append(replace(out[5], id="copy-near", text=out[5].text + "\nReporting by A. Writer."))
    return out


def _stored(store: Any) -> dict[str, Any]:
    """What a user reads back: records by id, duplicate links, counts."""
    records = {r["id"]: r for r in store.iter_documents()}
    links = sorted(q(store, "SELECT id, first_key, kind FROM duplicates"))
    counts = store.counts()
    return {"records": records, "links": links,
            "counts": {k: counts[k] for k in ("articles", "actors", "events", "quotes",
                                              "stances", "duplicates")}}


def _dask(articles: list[Article], db: str, workers: int = 2, **kw: Any) -> Any:
    from parley.distributed.runner import DaskRunner, shared_store

    store = open_store(db)
    try:
        runner = DaskRunner(Settings(), db, store=store, workers=workers, partition_size=4,
                            deduper=None if shared_store(db) else Deduper(store), **kw)
        summary = runner.run(articles)
        return summary, runner, _stored(store)
    finally:
        store.close()


@pytest.fixture(scope="module")
def local(articles: list[Article], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    store = open_store(str(tmp_path_factory.mktemp("local") / "local.db"))
    try:
        summary = LocalRunner(Pipeline.default(Settings()), store, deduper=Deduper(store)).run(articles)
        assert summary.stored == 18 and summary.duplicate == 2
        return _stored(store)
    finally:
        store.close()


def test_dask_stores_the_same_records_as_the_local_runner(
        articles: list[Article], local: dict[str, Any], store_url: str) -> None:
    summary, runner, got = _dask(articles, store_url)
    assert (summary.read, summary.stored, summary.duplicate) == (20, 18, 2)
    assert runner.loads == [1, 1]  # each worker built its pipeline (loaded the model) once
    assert got["counts"] == local["counts"]
    assert got["links"] == local["links"]
    assert got["records"].keys() == local["records"].keys()
    for key, record in local["records"].items():
        assert got["records"][key] == record, key


def test_a_killed_worker_loses_nothing_and_a_rerun_stores_each_article_once(
        articles: list[Article], local: dict[str, Any], store_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "killed"
    monkeypatch.setenv("PARLEY_KILL_ID", articles[13].id)  # in the fourth partition of five
    monkeypatch.setenv("PARLEY_KILL_MARKER", str(marker))
    settings = Settings(stages={"quotes": "test.kill_once.v1"})
    from parley.distributed.runner import DaskRunner, shared_store

    store = open_store(store_url)
    try:
        runner = DaskRunner(settings, store_url, store=store, workers=2, partition_size=4,
                            deduper=None if shared_store(store_url) else Deduper(store),
                            preload=("support.killer",))
        first = runner.run(articles)
        assert marker.exists(), "no worker was killed"
        assert first.stored == 18  # Dask ran the lost partition again on a live worker
        after_kill = _stored(store)
        rerun = DaskRunner(Settings(), store_url, store=store, workers=1, partition_size=4,
                           deduper=None if shared_store(store_url) else Deduper(store)).run(articles)
        assert rerun.stored == 0 and rerun.duplicate == 20  # everything was stored before
        again = _stored(store)
    finally:
        store.close()
    assert after_kill["counts"] == again["counts"] == local["counts"]
    assert again["records"] == local["records"]
    assert q_ids_once(store_url)


def q_ids_once(url: str) -> bool:
    store = open_store(url)
    try:
        rows = q(store, "SELECT id, count(*) FROM articles GROUP BY id HAVING count(*) > 1")
        return rows == []
    finally:
        store.close()


def test_cli_ingest_with_the_dask_runner_then_export(
        articles: list[Article], store_url: str, tmp_path: Path) -> None:
    from parley.cli.main import main

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": a.id, "text": a.text, "date": a.date}) + "\n"
                           for a in articles[:6]), encoding="utf-8")
    argv = ["ingest", str(src), "--db", store_url, "--runner", "dask", "--workers", "1",
            "--no-progress"]
    assert main(argv) == 0
    store = open_store(store_url)
    try:
        assert store.counts()["articles"] == 6
        events = store.counts()["events"]
    finally:
        store.close()
    assert main(argv) == 0  # again: everything is stored already
    out = tmp_path / "e.jsonl"
    assert main(["export", "--db", store_url, "--format", "plover-jsonl", "--out", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == events
    assert main(["ingest", str(src), "--db", store_url, "--runner", "dask", "--workers", "2",
                 "--scheduler", "tcp://127.0.0.1:1"]) == 1  # one or the other
