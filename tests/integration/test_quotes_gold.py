"""Quotes and stances against the shared gold sets: the seed article through the whole pipeline
and a PolNeAR sample through the quote stage, scored with the rules of shared/tools/score.py.

These read third-party texts from the shared folder at test time (never copied into the repo);
they skip when it is absent. Floors sit a little under the measured figures (docs/quotes.md).
"""

from __future__ import annotations

import importlib.util
import json
import os
from itertools import islice
from pathlib import Path
from typing import Any

import pytest

from parley.model import Article, Document, to_contract

pytestmark = [pytest.mark.gold, pytest.mark.model, pytest.mark.slow]

SHARED = Path(os.environ.get("PARLEY_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")
POLNEAR = SHARED / "eval" / "quotes_dev.jsonl"
SEED_GOLD = SHARED / "eval" / "seed_gold.json"
SCORER = SHARED / "tools" / "score.py"
SAMPLE = 40  # articles: about 30,000 words, a few seconds to parse


def _need(*paths: Path) -> None:
    for p in paths:
        if not p.exists():
            pytest.skip(f"{p} not found: set PARLEY_SHARED to the shared folder to run gold tests")


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("parley_shared_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_polnear_sample_floors() -> None:
    _need(POLNEAR, SCORER)
    from parley.nlp.pipeline import load_nlp
    from parley.quotes import QuoteStage

    score = _scorer()
    with POLNEAR.open(encoding="utf-8") as fh:
        gold = [json.loads(line) for line in islice(fh, SAMPLE)]
    nlp, stage = load_nlp(), QuoteStage()
    tp = fp = fn = sp_tp = sp_fn = matched = speaker_ok = 0
    for art, parse in zip(gold, nlp.pipe(a["text"] for a in gold), strict=True):
        out = to_contract(stage(Document(Article(art["id"], art["text"]), parse=parse)))
        unused = [(q, score.span_of(q["content"])) for q in out["quotes"]]
        for gq in art["quotes"]:
            best, best_cov = None, 0.3
            for q, s in unused:
                c = score.covered(gq["content_spans"], s)
                if c >= best_cov:
                    best, best_cov = (q, s), c
            if best is None:
                fn += 1
                sp_fn += bool(gq.get("speech_cue"))
                continue
            unused.remove(best)
            tp += 1
            sp_tp += bool(gq.get("speech_cue"))
            matched += 1
            spk = score.span_of(best[0].get("speaker_span"))
            speaker_ok += bool(gq.get("speaker_spans")) and score.overlaps(gq["speaker_spans"], spk)
        fp += len(unused)
    precision = tp / (tp + fp)
    speech_recall = sp_tp / (sp_tp + sp_fn)
    speaker_acc = speaker_ok / matched
    assert precision >= 0.74, f"P={precision:.3f}"
    assert speech_recall >= 0.76, f"R(speech cues)={speech_recall:.3f}"
    assert speaker_acc >= 0.80, f"speaker-span accuracy={speaker_acc:.3f}"


def test_seed_article_quotes_and_stances(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _need(SEED_GOLD, SCORER)
    from parley.pipeline import Pipeline

    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    article_path = SEED_GOLD.parent / ".." / gold["article"]
    text = article_path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.strip())
    (doc,) = Pipeline.default().run([Article(str(article_path), text, title=title, date=gold["date"])])
    pred = tmp_path / "seed.jsonl"
    pred.write_text(json.dumps(to_contract(doc)) + "\n", encoding="utf-8")
    _scorer().score_seed(str(SEED_GOLD), str(pred), str(article_path))
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    # the summary reads "... quotes R=1.00 P=0.89 stances R=1.00 P=1.00"
    words = summary.split()
    q = words.index("quotes")
    s = words.index("stances")
    quotes_r, quotes_p = (float(words[q + i].split("=")[1]) for i in (1, 2))
    stances_r, stances_p = (float(words[s + i].split("=")[1]) for i in (1, 2))
    assert quotes_r == 1.0, summary
    assert quotes_p >= 0.85, summary
    assert stances_r == 1.0, summary
    assert stances_p >= 0.80, summary
    via = next(x for x in doc.quotes if x.via is not None)
    assert via.via is not None and via.via.country == "RUS"
    assert via.speaker is not None and via.speaker.name == "Xi Jinping"
