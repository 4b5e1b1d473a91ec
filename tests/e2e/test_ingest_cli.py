"""`parley ingest` end to end: bad inputs are rejection rows and terminal lines; the run goes on."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

SHARED = Path(os.environ.get("PARLEY_SHARED", Path(__file__).resolve().parents[3] / "shared"))

STORY = ("The foreign ministers of Norway and Sweden met in Oslo on Monday and agreed to "
         "expand cooperation on border security, officials said. The two governments also "
         "signed a memorandum on energy trade and promised further talks in the autumn.")


def run_ingest(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "parley.cli.main", "ingest", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=600, check=False)


def test_ingest_bad_inputs_each_give_a_rejection_row_and_a_line(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Nordic ministers meet\n" + STORY, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x7fELF\x02\x01" + bytes(range(256)) * 8)
    (src / "latin1.txt").write_bytes(("Café talks\n" + STORY.replace("Oslo", "Tromsø")).encode("latin-1"))
    (src / "copy.txt").write_text("Nordic ministers meet\n" + STORY + " (Reuters)", encoding="utf-8")
    lines = [json.dumps({"id": "j1", "text": STORY.replace("Monday", "Friday") + " Extra."}),
             "{not json", json.dumps({"id": "de1", "text": "Die Außenminister trafen sich am "
                                      "Montag in Berlin und vereinbarten eine engere Zusammenarbeit."})]
    (src / "c.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    db = tmp_path / "p.db"
    res = run_ingest(str(src), "--db", str(db), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    err = res.stderr
    for needle in ("empty.txt: ingest/empty", "binary.txt: ingest/binary",
                   "c.jsonl.gz:2: ingest/malformed",
                   "c.jsonl.gz:3: language/not_english: detected de", "; id de1"):
        assert needle in err, err
    assert "read " in err and "stored " in err and "duplicate " in err
    with sqlite3.connect(db) as conn:
        reasons = {r for (r,) in conn.execute("SELECT reason FROM rejections")}
        ids = {r for (r,) in conn.execute("SELECT id FROM articles")}
        links = {r for (r,) in conn.execute("SELECT kind FROM duplicates")}
    assert {"empty", "binary", "malformed", "not_english"} <= reasons
    assert str(src / "latin1.txt") in ids
    # copy.txt sorts first, so it is the first copy and good.txt its near duplicate
    assert str(src / "copy.txt") in ids and str(src / "good.txt") not in ids
    assert links  # good.txt: a link to copy.txt, not a rejection
    # a second run stores nothing new
    again = run_ingest(str(src), "--db", str(db), cwd=tmp_path)
    assert again.returncode == 0 and "stored 0" in again.stderr


@pytest.mark.skipif(not (SHARED / "corpora" / "feeds").exists(),
                    reason="needs ../shared/corpora/feeds (set PARLEY_SHARED)")
def test_german_feed_items_are_language_rejections(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    res = run_ingest(str(SHARED / "corpora" / "feeds" / "heise_de.atom"), "--db", str(db),
                     "--quiet", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT stage, reason, detail FROM rejections").fetchall()
    assert len(rows) == 15 and all(r[:2] == ("language", "not_english") for r in rows)
    assert all(r[2].startswith("detected de") for r in rows)
