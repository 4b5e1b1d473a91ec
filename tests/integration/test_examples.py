"""Every example article in examples/ codes to at least one actor and one event, and the
CLI's text report lists them. One CLI run over the folder serves every file."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FILES = sorted(p for p in EXAMPLES.rglob("*") if p.is_file()) if EXAMPLES.is_dir() else []
DATE = "2023-03-20"


def _expected_ids(path: Path) -> list[str]:
    """The ids the report shows for a file: its records' ids, or the path as given."""
    rel = path.relative_to(ROOT).as_posix()
    if path.suffix == ".jsonl":
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                   if line.strip()]
        return [str(r["id"]) if r.get("id") is not None else rel for r in records]
    return [rel]


def _sections(report: str) -> dict[str, str]:
    """Report sections by article id (the '   id ... · date' line under each '== title')."""
    out = {}
    for block in re.split(r"^== ", report, flags=re.M)[1:]:
        m = re.search(r"^   id (.+?) · date", block, flags=re.M)
        assert m, f"section without an id line:\n{block[:300]}"
        out[m.group(1)] = block
    return out


@pytest.fixture(scope="module")
def report() -> dict[str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "parley.cli.main", "analyze", "examples", "--date", DATE,
         "--format", "text"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "rejected" not in proc.stderr, proc.stderr
    return _sections(proc.stdout)


@pytest.mark.parametrize(
    "path", FILES or [pytest.param(None, marks=pytest.mark.skip(reason="examples/ holds no files"))],
    ids=[p.name for p in FILES] or ["none"])
def test_example_codes_actors_and_events(path: Path, report: dict[str, str]) -> None:
    for article_id in _expected_ids(path):
        assert article_id in report, f"{article_id!r} not in the report; ids: {sorted(report)}"
        block = report[article_id]
        actors = re.search(r"^-- actors \((\d+)\)\n((?:   .*\n)*)", block, flags=re.M)
        events = re.search(r"^-- events \((\d+)\)\n((?:   .*\n?)*)", block, flags=re.M)
        assert actors and events, block
        assert actors.start() < events.start(), "actors come before events"
        assert int(actors.group(1)) >= 1, block
        assert int(events.group(1)) >= 1, block
        # each event is listed under its sentence: "     TYPE  actor [CODE] -> ..."
        listed = re.findall(r"^     ([A-Z]+)\s+\S", events.group(2), flags=re.M)
        assert len(listed) == int(events.group(1)), events.group(2)
        assert all(t in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                         "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
                         "SANCTION", "MOBILIZE", "COERCE", "ASSAULT") for t in listed), listed
        assert len(re.findall(r"^   A\d+\s", actors.group(2), flags=re.M)) == int(actors.group(1))
