"""The seed article (Xi Jinping's state visit to Moscow, 20 March 2023) through the whole
pipeline: the actors and events a reader of the article expects, and the shared scorer's
figures on the CLI's output. The article is read from the shared folder, never copied."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from parley.model import Actor, Document, Event, Span

pytestmark = [pytest.mark.model]

SEED = "examples/000_a54cf3ede740c444.txt"
DATE = "2023-03-20"


@pytest.fixture(scope="module")
def seed_path(shared_dir: Path) -> Path:
    path = shared_dir / SEED
    if not path.is_file():
        pytest.skip(f"seed article {path} not found in the shared folder")
    return path


@pytest.fixture(scope="module")
def doc(seed_path: Path, analyze: Callable[..., Document]) -> Document:
    return analyze(seed_path.read_text(encoding="utf-8"), DATE, str(seed_path))


def actor_of(doc: Document, mention: str, anchor: str | None = None) -> Actor:
    """The actor with a mention over ``mention``, found at (or after) ``anchor``."""
    text = doc.article.text
    at = text.index(anchor or mention)
    start = text.index(mention, at)
    actor = doc.actor_at(start, start + len(mention))
    assert actor is not None, f"no actor over {mention!r} at {start}"
    return actor


def events_in(doc: Document, sentence_part: str, event: str) -> list[Event]:
    return [e for e in doc.events if e.event == event and sentence_part in e.sentence.text]


def countries(e: Event) -> set[str | None]:
    return {x.country for x in (*e.actor, *e.recipient)}


@pytest.mark.parametrize(
    ("mention", "anchor", "country", "sector"),
    [
        ("Xi Jinping", "Xi Jinping, the leader", "CHN", "GOV"),
        ("Vladimir Putin", "Russian President Vladimir Putin", "RUS", "GOV"),
        ("Beijing", "Beijing has called", "CHN", None),
        ("TASS", "news service TASS", "RUS", "JRN"),
        ("Dmytro Kuleba", None, "UKR", "GOV"),
        ("Qin Gang", None, "CHN", "GOV"),
        ("United States", "The United States has expressed", "USA", None),
        ("Xi", "Xi is planning", "CHN", "GOV"),
    ],
)
def test_actor(doc: Document, mention: str, anchor: str | None, country: str,
               sector: str | None) -> None:
    actor = actor_of(doc, mention, anchor)
    assert actor.country == country
    if sector is not None:
        assert actor.sector == sector


def test_the_president_of_china_is_xi(doc: Document) -> None:
    xi = actor_of(doc, "Xi Jinping")
    text = doc.article.text
    start = text.index("president of China", text.index("The president of China was greeted"))
    # the mention may be the head word alone ("president")
    phrase = Span.of(text, start, start + len("president of China"))
    assert any(m.overlaps(phrase) for m in xi.mentions), [m.text for m in xi.mentions]
    assert all(a.id == xi.id for a in doc.actors
               if any(m.overlaps(phrase) and "president" in m.text.lower() for m in a.mentions))
    assert xi.office == "President of China"


def test_arrival_in_moscow(doc: Document) -> None:
    (arrival,) = [e for e in events_in(doc, "arrived with fanfare", "CONSULT")
                  if "arrived" in e.trigger.text]
    assert {x.country for x in arrival.actor} == {"CHN"}
    assert arrival.event_loc is not None and arrival.event_loc.country == "RUS"
    assert arrival.date == DATE
    assert "visit" in arrival.mode
    assert arrival.aux_mode is None


def test_meeting_on_tuesday_is_future(doc: Document) -> None:
    meets = [e for e in events_in(doc, "they will meet", "CONSULT") if e.trigger.text == "meet"]
    assert meets, [(e.trigger.text, e.date) for e in doc.events]
    (meet,) = meets
    assert meet.aux_mode == "future"
    assert meet.date == "2023-03-21" and meet.date_text == "on Tuesday"
    assert {"CHN", "RUS"} <= {x.country for x in meet.actor}


def test_ceasefire_called_for_by_xi(doc: Document) -> None:
    (request,) = events_in(doc, "called for by Xi", "REQUEST")
    assert {x.country for x in request.actor} == {"CHN"}
    assert request.trigger.text == "called for"


def test_united_states_rejects(doc: Document) -> None:
    rejects = events_in(doc, "expressed opposition", "REJECT")
    assert any({x.country for x in e.actor} == {"USA"} for e in rejects)


def test_phone_call_last_week(doc: Document) -> None:
    (call,) = events_in(doc, "Qin Gang spoke with", "CONSULT")
    assert countries(call) == {"CHN", "UKR"}
    assert call.date is not None and "2023-03-13" <= call.date <= "2023-03-19"
    assert call.date_text == "last week"


def test_evidence_spans_index_the_text(doc: Document) -> None:
    text = doc.article.text
    for e in doc.events:
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.sentence.contains(e.trigger)
    for a in doc.actors:
        assert all(text[m.start:m.end] == m.text for m in a.mentions)


@pytest.mark.slow
@pytest.mark.gold
def test_shared_scorer_on_cli_output(seed_path: Path, shared_dir: Path, tmp_path: Path) -> None:
    gold = shared_dir / "eval" / "seed_gold.json"
    scorer = shared_dir / "tools" / "score.py"
    if not (gold.is_file() and scorer.is_file()):
        pytest.skip(f"{gold} or {scorer} not found in the shared folder")
    out = subprocess.run(
        [sys.executable, "-m", "parley.cli.main", "analyze", str(seed_path), "--date", DATE],
        capture_output=True, text=True, timeout=120, check=True)
    pred = tmp_path / "seed.jsonl"
    pred.write_text(out.stdout, encoding="utf-8")
    scored = subprocess.run([sys.executable, str(scorer), "seed", str(gold), str(pred)],
                            capture_output=True, text=True, timeout=60, check=True)
    summary = scored.stdout.strip().splitlines()[-1]
    m = re.search(r"actors=([\d.]+) events R=([\d.]+) P=([\d.]+)", summary)
    assert m, scored.stdout
    actors, recall, precision = map(float, m.groups())
    detail = scored.stdout
    assert actors >= 0.90, detail
    assert recall == 1.00, detail
    assert precision >= 0.80, detail
