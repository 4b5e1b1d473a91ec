"""A killed run and concurrent writers, with real `parley ingest` processes over Reuters
articles (read from ../shared/corpora, never copied), plus copies made here: an exact copy
under a new id and a near copy (a byline added) of some of them.

- Killed with SIGKILL at two points, rerun each time: the store equals an uninterrupted
  run's (articles, events, duplicate links, signatures).
- Three writers on one SQLite file over overlapping inputs: all exit 0, every input once
  (an article or a link), duplicates linked, no first copy's id overwritten, no two stored
  articles near duplicates of each other.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.model]

ROOT = Path(__file__).resolve().parents[2]


def reuters(shared_dir: Path, n: int) -> list[dict[str, Any]]:
    path = shared_dir / "corpora" / "reuters21578.jsonl.gz"
    if not path.exists():
        pytest.skip(f"needs {path}")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, n)]
    return [{k: r.get(k) for k in ("id", "title", "text", "date")} for r in rows]


def with_copies(records: list[dict[str, Any]], every: int = 15) -> list[dict[str, Any]]:
    """The records, and after every ``every``-th one with enough words an exact copy under
    a new id and a near copy (a byline added) later in the list."""
    out = list(records)
    long = [r for r in records if len(r["text"].split()) > 80][::every]
    for r in long:
        out.insert(min(len(out), out.index(r) + 7), {**r, "id": f"{r['id']}-copy"})
        out.insert(min(len(out), out.index(r) + 13),
                   {**r, "id": f"{r['id']}-wire", "text": r["text"] + " (Reporting by A. Writer)"})
    return out


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
    return path


def ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(
        [sys.executable, "-m", "parley.cli.main", "ingest", str(corpus), "--db", str(db),
         "--no-progress", "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def finish(proc: subprocess.Popen[bytes], timeout: float = 300) -> None:
    _, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err.decode()[-2000:]


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def snapshot(db: Path) -> dict[str, set[tuple[Any, ...]]]:
    conn = sqlite3.connect(db)
    try:
        return {
            "articles": set(conn.execute("SELECT key, id FROM articles")),
            "events": set(conn.execute(
                "SELECT a.key, e.event_id, e.event, e.date FROM events e JOIN articles a"
                " ON a.n = e.article")),
            "participants": set(conn.execute(
                "SELECT a.key, p.event_id, p.role, p.ord, p.actor_key FROM event_participants p"
                " JOIN articles a ON a.n = p.article")),
            "duplicates": set(conn.execute(
                "SELECT id, key, first_key, kind, round(similarity, 6) FROM duplicates")),
            "signatures": set(conn.execute("SELECT key, signature FROM signatures")),
        }
    finally:
        conn.close()


def test_killed_at_two_points_and_rerun_equals_an_uninterrupted_run(
        tmp_path: Path, shared_dir: Path) -> None:
    records = with_copies(reuters(shared_dir, 240))
    corpus = write_jsonl(tmp_path / "reuters.jsonl", records)
    whole = tmp_path / "whole.db"
    finish(ingest(corpus, whole))
    expected = snapshot(whole)
    n = len(expected["articles"])
    assert expected["duplicates"] and expected["signatures"] and expected["events"]

    db = tmp_path / "killed.db"
    for share in (0.25, 0.6):
        proc = ingest(corpus, db)
        deadline = time.monotonic() + 300
        while stored(db) < share * n:
            assert proc.poll() is None, proc.communicate()[1].decode()[-2000:]
            assert time.monotonic() < deadline, f"no {share:.0%} of the articles in time"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert stored(db) < n
    finish(ingest(corpus, db))
    got = snapshot(db)
    for table in expected:
        assert got[table] == expected[table], (
            f"{table}: missing {sorted(expected[table] - got[table])[:3]}, "
            f"extra {sorted(got[table] - expected[table])[:3]}")


def _values(sig: bytes) -> np.ndarray:
    from parley.ingest.dedupe import _values as values

    return values(sig)


def test_three_writers_on_one_file(tmp_path: Path, shared_dir: Path) -> None:
    records = with_copies(reuters(shared_dir, 240), every=10)
    third = len(records) // 3
    # overlapping inputs: each writer reads two thirds
    parts = [records[:2 * third], records[third:], records[2 * third:] + records[:third]]
    corpora = [write_jsonl(tmp_path / f"part{i}.jsonl", p) for i, p in enumerate(parts)]
    db = tmp_path / "parley.db"
    procs = [ingest(c, db) for c in corpora]
    for proc in procs:
        finish(proc, timeout=600)

    conn = sqlite3.connect(db)
    try:
        articles = dict(conn.execute("SELECT key, id FROM articles"))
        links = conn.execute("SELECT id, key, first_key, kind FROM duplicates").fetchall()
        rejected = {r for (r,) in conn.execute("SELECT input FROM rejections")}
        sigs = conn.execute("SELECT key, signature FROM signatures").fetchall()
    finally:
        conn.close()
    from parley.model import content_hash

    ids = {r["id"] for r in records}
    key_of = {r["id"]: content_hash(r["text"]) for r in records}
    stored_ids = set(articles.values())
    linked = {(i, k) for i, k, _, _ in links}
    # every input once: an article, a link or a rejection
    for i in ids:
        assert i in stored_ids or (i, key_of[i]) in linked or i in rejected, i
    assert not stored_ids & {i for i, _ in linked}
    # no first copy's id overwritten: each stored article holds an id of its own text
    for key, i in articles.items():
        assert key_of[i] == key, (i, key)
    # links lead to stored articles; exact copies to their own text
    for i, k, first, kind in links:
        assert first in articles, (i, first)
        assert (kind == "exact") == (k == first)
    # of each story and the two copies made of it here, one is coded, the others linked
    # (which one depends on which writer read it first)
    for r in records:
        if r["id"].endswith("-copy"):
            story = r["id"][:-len("-copy")]
            group = {story, r["id"], story + "-wire"}
            assert len(group & stored_ids) == 1, group & stored_ids
    # no two stored articles are near duplicates of each other
    values = np.stack([_values(bytes(s)) for _, s in sigs])
    same = (values[:, None, :] == values[None, :, :]).mean(axis=2)
    np.fill_diagonal(same, 0)
    assert same.max() < 0.8, float(same.max())
