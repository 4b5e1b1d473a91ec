"""Crash safety: SIGKILL an ingest of 2,000 articles halfway, run it again, and find every
article stored exactly once, with its events."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parley.store import SQLiteStore

pytestmark = [pytest.mark.slow, pytest.mark.model]

COUNTRIES = ["France", "Germany", "Japan", "Brazil", "Kenya", "India", "Canada", "Egypt",
             "Mexico", "Turkey", "Poland", "Chile"]
VERBS = ["accused", "criticised", "praised", "threatened", "met", "condemned", "thanked",
         "sanctioned"]
TOPICS = ["fishing rights", "a border dispute", "gas prices", "a trade deal", "visa rules",
          "river water", "a detained journalist", "election monitors", "grain exports",
          "a pipeline project"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def synthetic_corpus(path: Path, n: int = 2000) -> list[str]:
    rng = random.Random(2000)
    ids = []
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            sentences = []
            for _ in range(4):
                a, b = rng.sample(COUNTRIES, 2)
                sentences.append(
                    f"{a} {rng.choice(VERBS)} {b} over {rng.choice(TOPICS)} on "
                    f"{rng.choice(DAYS)}, {rng.randint(2, 400)} officials said.")
            rid = f"synthetic-{i:04d}"
            ids.append(rid)
            fh.write(json.dumps({"id": rid, "title": f"Report {i}", "date": "2024-05-01",
                                 "text": " ".join(sentences)}) + "\n")
    return ids


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute(
                "SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "parley.cli.main", "ingest", str(corpus), "--db", str(db),
         "--no-progress", "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def test_sigkill_halfway_then_rerun_stores_every_article_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    ids = synthetic_corpus(corpus)
    db = tmp_path / "parley.db"
    proc = ingest(corpus, db)
    deadline = time.monotonic() + 600
    while stored(db) < len(ids) // 2:
        assert proc.poll() is None, proc.communicate()[1].decode()[-2000:]
        assert time.monotonic() < deadline, "the first run did not get halfway in time"
        time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < stored(db) < len(ids)

    proc = ingest(corpus, db)
    _, err = proc.communicate(timeout=900)
    assert proc.returncode == 0, err.decode()[-2000:]

    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT id, key FROM articles").fetchall()
        stored_ids = sorted(r[0] for r in rows)
        assert stored_ids == sorted(ids)  # every article, exactly once
        events = dict(conn.execute(
            "SELECT a.key, count(*) FROM events e JOIN articles a ON a.n = e.article"
            " GROUP BY a.key").fetchall())
    with_events = 0
    store = SQLiteStore(db)
    try:
        reader = store.reader()
        for _, key in rows:
            record = reader.article(key)
            assert record is not None
            n = len(record["events"])
            assert events.get(key, 0) == n  # its events stored with it, none twice
            with_events += n > 0
    finally:
        store.close()
    assert with_events > 0
