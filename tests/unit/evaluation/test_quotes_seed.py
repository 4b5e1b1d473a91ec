"""Quote and seed scoring: the rules, and equality with shared/tools/score.py."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from parley.evaluation import (
    load_json,
    load_jsonl,
    quotes_report,
    score_quotes,
    score_seed,
    seed_report,
)
from parley.evaluation.report import score_py_quotes_lines

TEXT = 'The minister said: "We will not sign this deal." Later she told reporters talks would go on.'


def span(start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": TEXT[start:end]}


def find(part: str) -> tuple[int, int]:
    i = TEXT.index(part)
    return i, i + len(part)


GOLD_ARTICLE = {
    "id": "a1", "text": TEXT,
    "quotes": [
        {"quote_type": "direct", "speech_cue": True, "content_spans": [find("We will not sign this deal.")],
         "speaker_spans": [find("The minister")], "cue_spans": [find("said")]},
        {"quote_type": "indirect", "speech_cue": True, "content_spans": [find("talks would go on")],
         "speaker_spans": [find("she")], "cue_spans": [find("told reporters")]},
    ],
}

QUOTE_CASES = [
    # name, predicted quotes, threshold, (tp, fp, fn), speaker right, cue right
    ("both exact with speaker and cue",
     [{"content": span(*find("We will not sign this deal.")), "speaker_span": span(*find("minister")),
       "cue": span(*find("said"))},
      {"content": span(*find("talks would go on")), "speaker_span": span(*find("she")),
       "cue": span(*find("told"))}], 0.3, (2, 0, 0), 2, 2),
    ("a third of the content is enough at 0.3",
     [{"content": span(*find("We will not"))}], 0.3, (1, 0, 1), 0, 0),
    ("but not at 0.8", [{"content": span(*find("We will not"))}], 0.8, (0, 1, 2), 0, 0),
    ("speaker via the Entity's mention",
     [{"content": span(*find("talks would go on")), "speaker": {"mention": span(*find("she"))}}],
     0.3, (1, 0, 1), 1, 0),
    ("a quote with no content span is ignored", [{"content": None}], 0.3, (0, 0, 2), 0, 0),
]


@pytest.mark.parametrize(("name", "predicted", "threshold", "counts", "speaker", "cue"), QUOTE_CASES,
                         ids=[c[0] for c in QUOTE_CASES])
def test_quote_matching_rules(name, predicted, threshold, counts, speaker, cue) -> None:
    scores = score_quotes([GOLD_ARTICLE], [{"id": "a1", "quotes": predicted}], threshold)
    q = scores.quotes
    assert (q.tp, q.fp, q.fn) == counts
    assert scores.speaker.correct == speaker and scores.cue.correct == cue


def test_quote_report_gives_recall_per_type() -> None:
    pred = [{"id": "a1", "quotes": QUOTE_CASES[1][1]}]
    text = quotes_report(score_quotes([GOLD_ARTICLE], pred))
    assert "direct        1/1     R=1.000" in text and "indirect      0/1     R=0.000" in text


def _random_quotes(articles: list[dict], seed: int) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for art in articles:
        quotes = []
        for gq in art["quotes"]:
            if rng.random() < 0.4:
                continue
            s = min(a for a, _ in gq["content_spans"]) + rng.randint(-30, 30)
            e = max(b for _, b in gq["content_spans"]) + rng.randint(-30, 30)
            q = {"content": {"start": max(0, s), "end": max(1, e), "text": ""}}
            if gq["speaker_spans"] and rng.random() < 0.6:
                a, b = gq["speaker_spans"][0]
                q["speaker_span"] = {"start": a + rng.randint(-3, 3), "end": b, "text": ""}
            if gq["cue_spans"] and rng.random() < 0.6:
                a, b = gq["cue_spans"][0]
                q["cue"] = {"start": a, "end": b + rng.randint(-2, 2), "text": ""}
            quotes.append(q)
        for _ in range(rng.choice([0, 1, 3])):
            s = rng.randrange(len(art["text"]))
            quotes.append({"content": {"start": s, "end": s + rng.randint(5, 200), "text": ""}})
        rng.shuffle(quotes)
        out.append({"id": art["id"], "quotes": quotes})
    return out


@pytest.mark.gold
@pytest.mark.parametrize("threshold", ["0.3", "0.8"])
def test_quotes_same_figures_as_score_py(tmp_path: Path, shared_dir: Path, score_py, write_jsonl,
                                         threshold: str) -> None:
    articles = load_jsonl(shared_dir / "eval" / "quotes_dev.jsonl")[:40]
    gold_path = write_jsonl(tmp_path / "gold.jsonl", articles)  # a temporary subset, not committed
    pred_path = write_jsonl(tmp_path / "pred.jsonl", _random_quotes(articles, 7)[:-2])
    ours = score_py_quotes_lines(score_quotes(articles, load_jsonl(pred_path), float(threshold)))
    assert ours == score_py("quotes", gold_path, pred_path, threshold)


# ---- seed ----------------------------------------------------------------------------------

def _seed_prediction(gold: dict, text: str, seed: int) -> dict:
    """A prediction built from the gold anchors, with some items wrong, missing or extra."""
    rng = random.Random(seed)

    def at(anchor: str, part: str | None = None) -> dict[str, Any]:
        a = text.index(anchor)
        s = text.index(part, a) if part else a
        e = s + len(part or anchor)
        return {"start": s, "end": e, "text": text[s:e]}

    actors = []
    for i, ga in enumerate(gold["actors"]):
        if rng.random() < 0.2:
            continue
        country = ga["country"] if rng.random() < 0.8 else "FRA"
        actors.append({"id": f"A{i}", "country": country, "sector": ga["sector"][0],
                       "mentions": [at(ga["anchor"], ga["mention"])]})
    events = []
    for ge in gold["events"]:
        if rng.random() < 0.25:
            continue
        actor = [c for c in ge["actor"] if c][:1]
        events.append({"event": ge["event"][0] if rng.random() < 0.8 else "ASSAULT",
                       "actor": [{"country": c} for c in actor],
                       "recipient": [{"country": c} for c in ge["recipient"] if c][:1],
                       "aux_mode": ge.get("aux_mode", [None])[0],
                       "date": (ge["date"][0] if isinstance(ge.get("date"), list) else ge.get("date")),
                       "mode": [ge["mode"]] if "mode" in ge else [],
                       "event_loc": {"country": ge.get("location_country")},
                       "sentence": at(ge["anchor"]), "trigger": at(ge["anchor"])})
    events.append({"event": "SANCTION", "actor": [{"country": "USA"}], "recipient": [],
                   "sentence": {"start": 0, "end": 40, "text": ""}, "trigger": None})
    quotes = []
    for gq in gold["quotes"]:
        if rng.random() < 0.2:
            continue
        name = gq.get("speaker_name") or ""
        quotes.append({"content": at(gq["content"]),
                       "speaker": {"country": gq["speaker_country"], "name": name},
                       "via": {"country": gq.get("via_country")}})
    quotes.append({"content": {"start": 10, "end": 60, "text": ""}})
    stances = [{"holder": {"country": gs["holder_country"]}, "issue": gs["issue"],
                "polarity": gs["polarity"] if rng.random() < 0.7 else "oppose"}
               for gs in gold["stances"]]
    return {"id": gold["article"], "actors": actors, "events": events, "quotes": quotes,
            "stances": stances}


@pytest.mark.gold
@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_seed_same_figures_as_score_py(tmp_path: Path, shared_dir: Path, score_py, write_jsonl, seed: int) -> None:
    gold_path = shared_dir / "eval" / "seed_gold.json"
    gold = load_json(gold_path)
    text = (shared_dir / gold["article"]).read_text(encoding="utf-8")
    pred = _seed_prediction(gold, text, seed)
    pred_path = write_jsonl(tmp_path / "pred.jsonl", [pred])
    ours = seed_report(score_seed(gold, text, pred)).splitlines()
    assert ours == score_py("seed", gold_path, pred_path)


def test_seed_with_no_prediction_scores_zero() -> None:
    scores = score_seed({"actors": [], "events": [], "quotes": [], "stances": []}, "", None)
    assert scores.minimum == 0.0 and seed_report(scores) == "seed: no output"


def test_halves_are_fixed_by_sha1_parity_of_the_id() -> None:
    import hashlib

    from parley.evaluation import half_of

    ids = [f"polnear/x_{n}" for n in range(200)]
    got = [half_of(i) for i in ids]
    assert got == [half_of(i) for i in ids]  # deterministic
    assert 60 < got.count("A") < 140
    for i, h in zip(ids, got, strict=True):
        even = int(hashlib.sha1(i.encode()).hexdigest(), 16) % 2 == 0
        assert h == ("A" if even else "B")
