"""Event scoring: the matching rules, and equality with shared/tools/score.py."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from parley.evaluation import events_report, gold_events, load_jsonl, score_events
from parley.evaluation.events import NONE
from parley.evaluation.report import score_py_events_lines


def ent(country: str | None) -> dict[str, Any]:
    return {"actor_id": None, "text": country or "", "name": None, "country": country, "sector": "GOV"}


def event(kind: str, actors: list[str | None], recips: list[str | None] = (), reason: str = "") -> dict:
    return {"event": kind, "actor": [ent(c) for c in actors],
            "recipient": [ent(c) for c in recips], "trigger": {"start": 0, "end": 3, "text": "met"},
            "reason": reason}


def gold(rid: str, *events: dict[str, Any], expect: str = "events", dataset: str = "plover-gsr") -> dict:
    return {"id": rid, "dataset": dataset, "text": f"sentence {rid}", "date": "2001-01-01",
            "expect": expect, "gold": list(events)}


def g(plover: str | None, source: str, target: str | None = None) -> dict[str, Any]:
    return {"plover": plover, "source": source, "target": target}


CASES = [
    # name, gold record, predicted events, (type tp, fp, fn), (with-actors tp, fp, fn)
    ("exact", gold("r", g("CONSULT", "FRAGOV", "DEUGOV")),
     [event("CONSULT", ["FRA"], ["DEU"])], (1, 0, 0), (1, 0, 0)),
    ("direction is not checked", gold("r", g("CONSULT", "FRAGOV", "DEUGOV")),
     [event("CONSULT", ["DEU"], ["FRA"])], (1, 0, 0), (1, 0, 0)),
    ("wrong recipient", gold("r", g("ACCUSE", "USAGOV", "CHNGOV")),
     [event("ACCUSE", ["USA"], ["RUS"])], (1, 0, 0), (0, 1, 1)),
    ("wrong type", gold("r", g("ACCUSE", "USAGOV", "CHNGOV")),
     [event("REJECT", ["USA"], ["CHN"])], (0, 1, 1), (0, 1, 1)),
    ("wildcard actor matches anything", gold("r", g("ASSAULT", "---REB", "NGAMIL")),
     [event("ASSAULT", [None], ["NGA"])], (1, 0, 0), (1, 0, 0)),
    ("alias JAP is JPN", gold("r", g("AID", "JAPGOV", "PHLGOV")),
     [event("AID", ["JPN"], ["PHL"])], (1, 0, 0), (1, 0, 0)),
    ("non-PLOVER gold event is left out", gold("r", g(None, "FRAGOV", "DEUGOV")),
     [], (0, 0, 0), (0, 0, 0)),
    ("noevents record: a prediction is a false positive",
     gold("r", g("AGREE", "FRAGOV"), expect="noevents"),
     [event("AGREE", ["FRA"])], (0, 1, 0), (0, 1, 0)),
    ("two of a type, one predicted", gold("r", g("SUPPORT", "GBRGOV"), g("SUPPORT", "IRLGOV")),
     [event("SUPPORT", ["IRL"])], (1, 0, 1), (1, 0, 1)),
]


@pytest.mark.parametrize(("name", "record", "predicted", "type_counts", "actor_counts"), CASES,
                         ids=[c[0] for c in CASES])
def test_matching_rules(name, record, predicted, type_counts, actor_counts) -> None:
    scores = score_events([record], [{"id": record["id"], "events": predicted}])
    assert (scores.type.tp, scores.type.fp, scores.type.fn) == type_counts
    wa = scores.with_actors
    assert (wa.tp, wa.fp, wa.fn) == actor_counts


def test_reciprocal_pair_is_one_event_with_both_as_actors() -> None:
    record = gold("r", g("CONSULT", "EGYGOV", "ISRGOV"), g("CONSULT", "ISRGOV", "EGYGOV"))
    (only,) = gold_events(record)
    assert only.actors == {"EGY", "ISR"} and not only.recipients


def test_petrarch_unit_tests_are_left_out_and_missing_records_counted() -> None:
    records = [gold("a", g("AGREE", "FRA"), dataset="petr2-unittest"), gold("b", g("AGREE", "FRA"))]
    scores = score_events(records, [])
    assert scores.records == 1 and scores.missing == 1
    assert scores.type.fn == 1


def test_confusion_and_country_accuracy() -> None:
    record = gold("r", g("ACCUSE", "USAGOV", "CHNGOV"), g("THREATEN", "RUSGOV", "UKRGOV"))
    predicted = [event("ACCUSE", ["GBR"], ["CHN"]), event("REJECT", ["RUS"], ["UKR"]),
                 event("AID", ["JPN"])]
    scores = score_events([record], [{"id": "r", "events": predicted}])
    assert scores.confusion == {("ACCUSE", "ACCUSE"): 1, ("THREATEN", "REJECT"): 1, (NONE, "AID"): 1}
    assert (scores.actor_country.correct, scores.actor_country.total) == (0, 1)
    assert (scores.recipient_country.correct, scores.recipient_country.total) == (1, 1)


def test_report_shows_worst_cases_with_reasons() -> None:
    record = gold("r", g("ACCUSE", "USAGOV", "CHNGOV"))
    why = "verb pattern 'criticised' -> ACCUSE; actor from subject"
    scores = score_events([record], [{"id": "r", "events": [event("ACCUSE", ["GBR"], ["FRA"], why)]}])
    text = events_report(scores, errors=5)
    assert why in text and "sentence r" in text
    assert text.splitlines()[-1].startswith("events records=1 type P=1.000")


# ---- equality with the reference scorer -------------------------------------------------

HAND = [
    gold("h1", g("CONSULT", "FRAGOV", "DEUGOV"), g("CONSULT", "DEUGOV", "FRAGOV")),
    gold("h2", g("ACCUSE", "USAGOV", "CHNGOV")),
    gold("h3", g("AGREE", "GBRGOV"), expect="noevents"),
    gold("h4", g("ASSAULT", "---REB", "NGAMIL"), g("MOBILIZE", "NGAMIL")),
    gold("h5", g("AID", "JAPGOV", "PHLGOV")),
]
HAND_PRED = [
    {"id": "h1", "events": [event("CONSULT", ["FRA", "DEU"])]},
    {"id": "h2", "events": [event("ACCUSE", ["USA"], ["RUS"]), event("REJECT", ["USA"], ["CHN"])]},
    {"id": "h3", "events": [event("AGREE", ["GBR"])]},
    {"id": "h4", "events": [event("ASSAULT", [], ["NGA"]), {"event": None}]},
]


def _random_predictions(records: list[dict], seed: int) -> list[dict]:
    """Predictions near the gold: some right, some wrong type or country, some extra."""
    rng = random.Random(seed)
    types = ["AGREE", "CONSULT", "ACCUSE", "ASSAULT", "REJECT", "SUPPORT", "REQUEST", "COERCE"]
    countries = ["USA", "RUS", "CHN", "ISR", "IRQ", "JPN", "GBR", None]
    out = []
    for rec in records:
        if rng.random() < 0.05:
            continue  # no output line
        evs = []
        for ge in gold_events(rec) if rec.get("expect") == "events" else []:
            roll = rng.random()
            if roll < 0.3:
                continue
            kind = ge.type if roll < 0.8 else rng.choice(types)
            actors = sorted(ge.actors) if rng.random() < 0.7 else [rng.choice(countries)]
            recips = sorted(ge.recipients) if rng.random() < 0.7 else [rng.choice(countries)]
            evs.append(event(kind, actors, recips))
        for _ in range(rng.choice([0, 0, 0, 1, 2])):
            evs.append(event(rng.choice(types), [rng.choice(countries)], [rng.choice(countries)]))
        rng.shuffle(evs)
        out.append({"id": rec["id"], "events": evs})
    return out


def test_same_figures_as_score_py_on_hand_cases(tmp_path: Path, score_py, write_jsonl) -> None:
    gold_path = write_jsonl(tmp_path / "gold.jsonl", HAND)
    pred_path = write_jsonl(tmp_path / "pred.jsonl", HAND_PRED)
    ours = score_py_events_lines(score_events(load_jsonl(gold_path), load_jsonl(pred_path)))
    assert ours == score_py("events", gold_path, pred_path)


@pytest.mark.gold
@pytest.mark.parametrize("name", ["plover_gsr_dev.jsonl", "petrarch_dev.jsonl"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_figures_as_score_py_on_gold_sets(tmp_path: Path, shared_dir: Path, score_py, write_jsonl,
                                              name: str, seed: int) -> None:
    gold_path = shared_dir / "eval" / name
    records = load_jsonl(gold_path)
    pred_path = write_jsonl(tmp_path / "pred.jsonl", _random_predictions(records, seed))
    ours = score_py_events_lines(score_events(records, load_jsonl(pred_path)))
    assert ours == score_py("events", gold_path, pred_path)
