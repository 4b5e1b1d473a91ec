"""The error policy through the CLI: a stage that raises on one article of 100 rejects that
article alone (reason stage_error, the exception named, one line on stderr) and the run goes
on with exit status 0; --strict stops with the error and a non-zero status instead."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from parley.cli.main import main
from parley.model import Document
from parley.pipeline import REGISTRY, register

STAGE = "tests.fail_on_one.v1"
BAD = "a042"
SETS = ["--set", 'stages.enabled=["coding"]', "--set", f"stages.coding={STAGE}"]


class FailOnOne:
    """Tags each article, and breaks on one of them as a bug would."""

    name = STAGE
    requires: tuple[str, ...] = ("article",)
    provides: tuple[str, ...] = ("events",)

    def __call__(self, document: Document) -> Document:
        if document.article.id == BAD:
            raise RuntimeError("index out of range in the fake coder")
        a = document.article
        return replace(document, article=replace(a, meta=(*a.meta, ("coded", "yes"))))


@pytest.fixture()
def corpus(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "hundred.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(100):
            fh.write(json.dumps({"id": f"a{i:03d}", "date": "2024-05-01",
                                 "text": f"Report {i}: the council met on day {i} of the talks."})
                     + "\n")
    register(STAGE, lambda settings: FailOnOne())
    yield path
    REGISTRY.pop(STAGE)


def test_analyze_rejects_the_one_article_and_goes_on(
        corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(corpus), *SETS]) == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["id"] for r in records] == [f"a{i:03d}" for i in range(100)]  # input order
    rejected = [r for r in records if r["rejection"]]
    assert [r["id"] for r in rejected] == [BAD]
    assert rejected[0]["rejection"] == {
        "stage": STAGE, "reason": "stage_error",
        "detail": "RuntimeError: index out of range in the fake coder"}
    lines = [ln for ln in captured.err.splitlines() if BAD in ln]
    assert lines == [f"parley: rejected {BAD}: stage_error: RuntimeError: index out of range "
                     "in the fake coder"]
    assert "Traceback" not in captured.err


def test_ingest_stores_99_and_the_rejection(corpus: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "p.db"
    assert main(["ingest", str(corpus), "--db", str(db), "--no-progress", *SETS]) == 0
    err = capsys.readouterr().err
    assert "read 100 · stored 99" in err and "stage_error 1" in err
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (99,)
        assert conn.execute("SELECT input, stage, reason, detail FROM rejections").fetchall() == [
            (BAD, STAGE, "stage_error", "RuntimeError: index out of range in the fake coder")]
    finally:
        conn.close()


@pytest.mark.parametrize("verb", ["analyze", "ingest"])
def test_strict_stops_with_the_error(verb: str, corpus: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    extra = ["--db", str(tmp_path / "s.db"), "--no-progress"] if verb == "ingest" else []
    assert main([verb, str(corpus), "--strict", *extra, *SETS]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == (f"parley: error: stage '{STAGE}' failed on article '{BAD}': "
                       "RuntimeError('index out of range in the fake coder')")


def test_limit_reads_only_the_first_articles(corpus: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(corpus), "--limit", "7", *SETS]) == 0
    assert [json.loads(ln)["id"] for ln in capsys.readouterr().out.splitlines()] == [
        f"a{i:03d}" for i in range(7)]
    db = tmp_path / "l.db"
    assert main(["ingest", str(corpus), "--limit", "5", "--db", str(db), "--no-progress",
                 *SETS]) == 0
    assert "read 5 · stored 5" in capsys.readouterr().err


def test_missing_input_is_stored_and_named_and_the_others_go_on(
        corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "m.db"
    gone = str(tmp_path / "gone.jsonl")
    assert main(["ingest", gone, str(corpus), "--db", str(db), "--no-progress", "--limit", "10",
                 *SETS]) == 1
    err = capsys.readouterr().err.splitlines()
    assert [ln for ln in err if "gone.jsonl" in ln] == [
        f"parley: rejected {gone}: ingest/missing: no such file or directory; check the path"]
    assert err[-1].startswith("read 10 · stored 9")  # the summary comes last
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT reason FROM rejections WHERE input=?", (gone,)).fetchall() == [
            ("missing",)]
    finally:
        conn.close()
