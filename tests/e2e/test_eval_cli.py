"""`parley eval` and `parley bench` as a user runs them.

The fast tests drive the commands with a small keyword stage in place of the real stages
(no model); the ``model`` tests run the real pipeline, and the ``gold`` ones compare with
shared/tools/score.py on the same predictions.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from parley.cli import bench as bench_cli
from parley.cli import eval as eval_cli
from parley.cli.main import main
from parley.model import Document, Entity, Event, Span
from parley.pipeline import Pipeline

SHARED = Path(os.environ.get("PARLEY_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")
SCORE_PY = SHARED / "tools" / "score.py"

# Our own sentences, coded by hand.
GOLD = [
    {"id": "t1", "dataset": "own", "date": "2024-05-02", "expect": "events",
     "text": "France accused Germany of breaking the agreement on Tuesday.",
     "gold": [{"plover": "ACCUSE", "source": "FRAGOV", "target": "DEUGOV"}]},
    {"id": "t2", "dataset": "own", "date": "2024-05-02", "expect": "events",
     "text": "Kenya met Uganda to discuss the border.",
     "gold": [{"plover": "CONSULT", "source": "KENGOV", "target": "UGAGOV"}]},
    {"id": "t3", "dataset": "own", "date": "2024-05-02", "expect": "noevents",
     "text": "The weather in Oslo was mild and dry.", "gold": []},
]
COUNTRIES = {"France": "FRA", "Germany": "DEU", "Kenya": "KEN", "Uganda": "UGA"}


class KeywordStage:
    """Codes 'accused' as ACCUSE between the first two country names; nothing else."""

    name = "test.keywords"
    requires = ("article",)
    provides = ("events",)

    def __call__(self, document: Document) -> Document:
        text = document.article.text
        found = sorted((text.index(n), n) for n in COUNTRIES if n in text)
        if "accused" not in text or len(found) < 2:
            return document
        ents = [Entity(None, n, n, COUNTRIES[n], "GOV") for _, n in found[:2]]
        i = text.index("accused")
        event = Event(id="E1", event="ACCUSE", actor=(ents[0],), recipient=(ents[1],),
                      trigger=Span.of(text, i, i + 7), sentence=Span.of(text, 0, len(text)),
                      reason="keyword 'accused' -> ACCUSE")
        return replace(document, events=(event,))


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in GOLD), encoding="utf-8")
    return path


def eval_args(**kw: object) -> argparse.Namespace:
    base = {"kind": "events", "errors": 0, "plot": None, "out": None, "config": None, "set": [],
            "overlap": 0.3, "limit": None, "text": None, "half": None, "gold_out": None}
    return argparse.Namespace(**{**base, **kw})


def test_eval_events_prints_figures_errors_and_plot(tmp_path: Path, gold_file: Path, capsys) -> None:
    plot, out = tmp_path / "events.png", tmp_path / "pred.jsonl"
    code = eval_cli.run(eval_args(gold=str(gold_file), errors=3, plot=str(plot), out=str(out)),
                        pipeline=Pipeline([KeywordStage()]))
    text = capsys.readouterr().out
    assert code == 0
    assert text.splitlines()[-1] == ("events records=3 type P=1.000 R=0.500 F1=0.667 | "
                                     "with actors P=1.000 R=0.500 F1=0.667")
    assert "Kenya met Uganda" in text and "CONSULT" in text  # the worst case is shown
    assert plot.read_bytes()[:4] == b"\x89PNG"
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["t1", "t2", "t3"]


@pytest.mark.skipif(not SCORE_PY.is_file(), reason=f"no shared/tools/score.py at {SCORE_PY}")
def test_eval_events_equals_score_py_on_its_predictions(tmp_path: Path, gold_file: Path,
                                                        capsys) -> None:
    out = tmp_path / "pred.jsonl"
    eval_cli.run(eval_args(gold=str(gold_file), out=str(out)), pipeline=Pipeline([KeywordStage()]))
    ours = capsys.readouterr().out.splitlines()
    ref = subprocess.run([sys.executable, str(SCORE_PY), "events", str(gold_file), str(out)],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert ours[-len(ref):] == ref


@pytest.mark.parametrize(("argv", "message"), [
    (["eval", "events", "no/such/gold.jsonl"], "gold file 'no/such/gold.jsonl' does not exist"),
    (["bench", "x.jsonl", "--limit", "0"], "--limit 0: give a count of 1 or more"),
])
def test_bad_arguments_give_one_line_and_exit_1(argv: list[str], message: str, capsys) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


class FakeNLP:
    def pipe(self, texts, batch_size: int = 32):
        yield from (t.split() for t in texts)


def test_bench_measures_both_and_the_ratio(gold_file: Path) -> None:
    articles = bench_cli.read_articles([str(gold_file)], limit=2)
    result = bench_cli.measure(articles, Pipeline([KeywordStage()]), FakeNLP())
    assert result.articles == 2 and result.words == 16 and result.events == 1
    assert set(result.stage_seconds) == {"test.keywords"}
    assert result.peak_rss_mb > 10 and result.ratio > 0
    report = bench_cli.format_result(result)
    assert "ratio Parley / bare spaCy" in report and "test.keywords" in report


# ---- the real pipeline ------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.model
@pytest.mark.gold
@pytest.mark.skipif(not SCORE_PY.is_file(), reason=f"no shared/ with tools/score.py at {SHARED}")
def test_parley_eval_events_on_plover_gsr_equals_score_py(tmp_path: Path) -> None:
    gold = SHARED / "eval" / "plover_gsr_dev.jsonl"
    out = tmp_path / "pred.jsonl"
    ours = subprocess.run([sys.executable, "-m", "parley.cli.main", "eval", "events", str(gold),
                           "--out", str(out)], capture_output=True, text=True, check=True)
    ref = subprocess.run([sys.executable, str(SCORE_PY), "events", str(gold), str(out)],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert ref[-1].startswith("events records=215")
    assert ours.stdout.splitlines()[-len(ref):] == ref


@pytest.mark.slow
@pytest.mark.model
def test_parley_bench_runs_on_a_small_corpus(gold_file: Path, capsys) -> None:
    assert main(["bench", str(gold_file)]) == 0
    out = capsys.readouterr().out
    assert "3 articles, 24 words" in out and "parley.nlp.spacy.v1" in out


def test_eval_quotes_half_scores_only_that_half_and_writes_its_gold(tmp_path: Path, capsys) -> None:
    from parley.evaluation import half_of

    records = [{"id": f"own/{n}", "text": f"Article number {n} says nothing.", "quotes": []}
               for n in range(12)]
    gold = tmp_path / "quotes.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    halves = {"A": [], "B": []}
    for r in records:
        halves[half_of(r["id"])].append(r["id"])
    assert halves["A"] and halves["B"], "twelve ids fall on both sides of sha1 parity"
    for half, ids in halves.items():
        out = tmp_path / f"gold_{half}.jsonl"
        pred = tmp_path / f"pred_{half}.jsonl"
        args = eval_args(kind="quotes", gold=str(gold), half=half, gold_out=str(out), out=str(pred))
        assert eval_cli.run(args, Pipeline([KeywordStage()])) == 0
        assert f"articles={len(ids)} " in capsys.readouterr().out
        assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ids
        assert [json.loads(x)["id"] for x in pred.read_text().splitlines()] == ids
