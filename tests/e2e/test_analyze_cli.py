"""`parley analyze` end to end, as a user runs it: output formats, inputs (files, a
directory, standard input), the SQLite store, and what goes wrong (missing and empty files,
unknown flags, bad dates). Each CLI run that loads the model is shared by several tests."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = "2023-03-20"
ARTICLES = {
    "in/scholz.txt": ("Scholz Meets Macron in Paris\n\n"
                      "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris "
                      "on Tuesday. The two leaders discussed energy prices.\n"),
    "in/sub/sanctions.txt": ("Washington Widens Sanctions\n\n"
                             "The United States imposed new sanctions on Iran on Friday. Iranian "
                             "officials condemned the decision.\n"),
}
STDIN_TEXT = "Xi Jinping met Vladimir Putin in Moscow on Monday.\n"

TOP_KEYS = {"id", "title", "url", "date", "date_source", "text", "actors", "events", "quotes",
            "stances", "rejection"}
SPAN_KEYS = {"start", "end", "text"}
ACTOR_KEYS = {"id", "name", "country", "sector", "office", "kb_id", "mentions", "method",
              "reason", "key"}
ENTITY_KEYS = {"actor_id", "text", "name", "country", "sector"}
EVENT_KEYS = {"id", "event", "mode", "context", "actor", "recipient", "aux_mode", "date",
              "date_text", "date_precision", "event_loc", "quad_code", "intensity", "trigger", "sentence",
              "reported_by", "coder", "confidence", "reason"}
PLACE_KEYS = {"name", "country", "geonameid", "lat", "lon"}
QUOTE_KEYS = {"id", "kind", "content", "speaker", "speaker_span", "cue", "via", "addressee"}
STANCE_KEYS = {"id", "holder", "issue", "polarity", "toward", "evidence", "quote_id", "reason"}


@dataclass
class Run:
    rc: int
    out: str
    err: str


def parley(*args: str, cwd: Path, stdin: str | None = None) -> Run:
    proc = subprocess.run([sys.executable, "-m", "parley.cli.main", *args], cwd=cwd,
                          input=stdin, capture_output=True, text=True, timeout=300)
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("analyze")
    for name, text in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "empty.txt").write_text("", encoding="utf-8")
    return root


BATCH = ("analyze", "in", "missing.txt", "empty.txt", "--date", DATE, "--db", "out.db")


@pytest.fixture(scope="module")
def batch(work: Path) -> Run:
    """A directory, a missing file and an empty file in one jsonl run, stored in out.db."""
    return parley(*BATCH, cwd=work)


@pytest.fixture(scope="module")
def records(batch: Run) -> dict[str, dict]:
    # missing.txt cannot be read: the others are coded all the same, and the status says so
    assert batch.rc == 1, batch.err
    assert batch.err.strip().splitlines()[-1] == (
        "parley: 1 input(s) could not be read: missing.txt")
    lines = [json.loads(line) for line in batch.out.splitlines()]
    return {r["id"]: r for r in lines}


def _db_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "actors", "rejections")}
    finally:
        conn.close()


# ---------------------------------------------------------------- jsonl and the contract

def test_one_line_per_input_article(records: dict[str, dict]) -> None:
    assert set(records) == {"in/scholz.txt", "in/sub/sanctions.txt", "missing.txt", "empty.txt"}


def test_jsonl_keys_cover_the_contract(records: dict[str, dict]) -> None:
    seen_events = 0
    for rec in records.values():
        assert set(rec) == TOP_KEYS
        for actor in rec["actors"]:
            assert set(actor) == ACTOR_KEYS
            assert all(set(m) == SPAN_KEYS for m in actor["mentions"])
        for event in rec["events"]:
            seen_events += 1
            assert set(event) == EVENT_KEYS
            assert set(event["trigger"]) == SPAN_KEYS and set(event["sentence"]) == SPAN_KEYS
            for entity in (*event["actor"], *event["recipient"]):
                assert ENTITY_KEYS <= set(entity)
            assert event["event_loc"] is None or set(event["event_loc"]) == PLACE_KEYS
            assert event["aux_mode"] in (None, "future", "hypothetical", "negation", "historical")
            assert event["quad_code"] in (1, 2, 3, 4) and -10 <= event["intensity"] <= 10
        for quote in rec["quotes"]:
            assert QUOTE_KEYS <= set(quote)
        for stance in rec["stances"]:
            assert STANCE_KEYS <= set(stance)
    assert seen_events >= 2


def test_text_and_offsets(records: dict[str, dict]) -> None:
    rec = records["in/scholz.txt"]
    assert rec["text"] == ARTICLES["in/scholz.txt"]  # the file's content, title line included
    assert rec["title"] == "Scholz Meets Macron in Paris"
    assert rec["date"] == DATE
    for event in rec["events"]:
        t = event["trigger"]
        assert rec["text"][t["start"]:t["end"]] == t["text"]


def test_directory_is_read_recursively_and_coded(records: dict[str, dict]) -> None:
    meet = [e for e in records["in/scholz.txt"]["events"] if e["trigger"]["text"] == "met"]
    assert meet and meet[0]["event"] == "CONSULT"
    parties = {x["country"] for x in (*meet[0]["actor"], *meet[0]["recipient"])}
    assert parties == {"DEU", "FRA"}
    assert meet[0]["date"] == "2023-03-14"  # "on Tuesday", in the past tense
    sanctions = [e for e in records["in/sub/sanctions.txt"]["events"] if e["event"] == "SANCTION"]
    assert sanctions and {x["country"] for x in sanctions[0]["actor"]} == {"USA"}


@pytest.mark.parametrize(("name", "reason"), [("missing.txt", "missing"), ("empty.txt", "empty")])
def test_bad_inputs_are_rejected_by_name(batch: Run, records: dict[str, dict], name: str,
                                         reason: str) -> None:
    rec = records[name]
    assert rec["rejection"]["reason"] == reason
    assert rec["rejection"]["stage"] == "ingest"
    assert rec["events"] == [] and rec["actors"] == []
    (line,) = [ln for ln in batch.err.splitlines() if name in ln and "rejected" in ln]
    assert line.startswith(f"parley: rejected {name}: {reason}")
    assert "Traceback" not in batch.err


def test_db_stores_articles_and_rejections_once(work: Path, batch: Run) -> None:
    assert batch.rc == 1  # missing.txt
    first = _db_counts(work / "out.db")
    assert first["articles"] == 2 and first["rejections"] == 2 and first["events"] >= 2
    again = parley(*BATCH, cwd=work)
    assert again.rc == 1, again.err
    assert _db_counts(work / "out.db") == first
    conn = sqlite3.connect(work / "out.db")
    try:
        rows = conn.execute("SELECT event, actor_countries FROM events "
                            "WHERE event='SANCTION'").fetchall()
    finally:
        conn.close()
    assert ("SANCTION", "USA") in rows


# ---------------------------------------------------------------- other formats, stdin

def test_stdin_as_json_array(work: Path) -> None:
    run = parley("analyze", "-", "--format", "json", "--date", DATE, cwd=work, stdin=STDIN_TEXT)
    assert run.rc == 0, run.err
    data = json.loads(run.out)
    assert isinstance(data, list) and len(data) == 1
    (rec,) = data
    assert rec["id"] == "-" and rec["text"] == STDIN_TEXT and set(rec) == TOP_KEYS
    names = {a["name"] for a in rec["actors"]}
    assert {"Xi Jinping", "Vladimir Putin"} <= names
    consult = [e for e in rec["events"] if e["event"] == "CONSULT"]
    assert consult and consult[0]["date"] == DATE


def test_text_report_lists_actors_then_events(work: Path) -> None:
    run = parley("analyze", "in/scholz.txt", "--format", "text", "--date", DATE, cwd=work)
    assert run.rc == 0, run.err
    out = run.out
    assert out.startswith("== Scholz Meets Macron in Paris")
    assert out.index("-- actors (") < out.index("-- events (")
    actors = out[out.index("-- actors ("):out.index("-- events (")]
    assert "Olaf Scholz [DEU/GOV" in actors and "Emmanuel Macron [FRA/GOV" in actors
    events = out[out.index("-- events ("):]
    assert "CONSULT" in events and "'met'" in events
    assert out.rstrip().splitlines()[-1].startswith("1 article(s) coded")


# ---------------------------------------------------------------- errors (no model load)

@pytest.mark.parametrize(
    "args",
    [("analyze", "x.txt", "--bogus"), ("analyze", "x.txt", "--date", "notadate"),
     ("analyze", "x.txt", "--date", "2023-02-30"), ("analyze",),
     ("analyze", "x.txt", "--format", "xml")],
    ids=["unknown-flag", "date-not-a-date", "date-impossible", "no-input", "unknown-format"],
)
def test_usage_errors_exit_2_with_one_line(work: Path, args: tuple[str, ...]) -> None:
    run = parley(*args, cwd=work)
    assert run.rc == 2
    assert run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith("parley: error:")


def test_date_error_names_the_value(work: Path) -> None:
    run = parley("analyze", "x.txt", "--date", "notadate", cwd=work)
    assert "'notadate'" in run.err and "YYYY-MM-DD" in run.err


def test_only_a_missing_file_does_not_crash(work: Path) -> None:
    run = parley("analyze", "nowhere/gone.txt", "--db", "missing.db", cwd=work)
    assert "Traceback" not in run.err
    assert run.rc == 1  # a stored rejection, one line naming it, then the summary
    assert "parley: rejected nowhere/gone.txt: missing" in run.err
    assert json.loads(run.out)["rejection"]["reason"] == "missing"
    conn = sqlite3.connect(work / "missing.db")
    try:
        assert conn.execute("SELECT input, reason FROM rejections").fetchall() == [
            ("nowhere/gone.txt", "missing")]
    finally:
        conn.close()
