"""What the people knowledge adds: event F1 with actors, with and without people.yaml.

    .venv/bin/python benchmarks/actors_before_after.py [--shared DIR] [--keep DIR]

Runs NLP -> actors -> coding over the event gold sets in ``shared/eval`` (plover_gsr_dev,
petrarch_dev) twice: once with the shipped knowledge base, once with a base made of
countries.yaml + igos.yaml + media.yaml + groups.yaml only (offices.yaml is always read), and
scores each run with ``shared/tools/score.py events``. Prints score.py's summary line for each
run, then a table of the with-actors F1 figures. Records that score.py ignores
(``petr2-unittest``) are not run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from parley.actors.kb import KnowledgeBase, shipped_paths
from parley.actors.stage import ActorStage
from parley.coding.stage import CodingStage
from parley.model import Article, to_contract
from parley.nlp import NLPStage
from parley.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
GOLD_SETS = ("plover_gsr_dev.jsonl", "petrarch_dev.jsonl")
WITHOUT_PEOPLE = ("countries.yaml", "igos.yaml", "media.yaml", "groups.yaml")
SUMMARY = re.compile(r"type P=(?P<tp>[\d.]+) R=(?P<tr>[\d.]+) F1=(?P<tf>[\d.]+) \| "
                     r"with actors P=(?P<ap>[\d.]+) R=(?P<ar>[\d.]+) F1=(?P<af>[\d.]+)")


def knowledge_bases() -> dict[str, KnowledgeBase]:
    shipped = shipped_paths()
    names = {p.name for p in shipped}
    missing = [n for n in WITHOUT_PEOPLE if n not in names]
    if missing:
        raise SystemExit(f"shipped knowledge base has no {missing}; found {sorted(names)}")
    return {
        "shipped (with people.yaml)": KnowledgeBase.from_paths(shipped),
        "without people.yaml": KnowledgeBase.from_paths(
            [p for p in shipped if p.name in WITHOUT_PEOPLE]),
    }


def load_records(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    return [r for r in records if r.get("dataset") != "petr2-unittest"]


def predict(pipeline: Pipeline, records: list[dict[str, Any]], out: Path) -> None:
    articles = [Article(id=r["id"], text=r["text"], date=r.get("date")) for r in records]
    with out.open("w", encoding="utf-8") as fh:
        for doc in pipeline.run(articles):
            fh.write(json.dumps(to_contract(doc), ensure_ascii=False) + "\n")


def score(scorer: Path, gold: Path, pred: Path) -> tuple[str, dict[str, float]]:
    proc = subprocess.run([sys.executable, str(scorer), "events", str(gold), str(pred)],
                          capture_output=True, text=True, check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    summary = next((ln for ln in reversed(lines) if SUMMARY.search(ln)), "")
    match = SUMMARY.search(summary)
    if proc.returncode not in (0, 1) or match is None:
        raise SystemExit(f"score.py failed on {pred} (exit {proc.returncode}):\n"
                         f"{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return summary, {k: float(v) for k, v in match.groupdict().items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--shared", type=Path,
                    default=Path(os.environ.get("PARLEY_SHARED") or ROOT / ".." / "shared"))
    ap.add_argument("--keep", type=Path, help="write the predictions here instead of a temp dir")
    args = ap.parse_args()
    shared = args.shared.resolve()
    scorer = shared / "tools" / "score.py"
    if not scorer.is_file():
        raise SystemExit(f"no scorer at {scorer}: pass --shared DIR or set PARLEY_SHARED")
    gold = {name: shared / "eval" / name for name in GOLD_SETS}
    records = {name: load_records(path) for name, path in gold.items()}
    nlp = NLPStage()
    results: dict[tuple[str, str], dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        outdir = args.keep or Path(tmp)
        outdir.mkdir(parents=True, exist_ok=True)
        for label, kb in knowledge_bases().items():
            pipeline = Pipeline([nlp, ActorStage(kb), CodingStage()])
            print(f"== {label}: {kb.stats()['entries']} entries")
            for name, path in gold.items():
                pred = outdir / f"{Path(name).stem}.{'people' if 'shipped' in label else 'nopeople'}.jsonl"
                t = time.perf_counter()
                predict(pipeline, records[name], pred)
                summary, figures = score(scorer, path, pred)
                results[(label, name)] = figures
                print(f"  {name} ({len(records[name])} records, {time.perf_counter() - t:.1f} s)")
                print(f"    {summary.strip()}")
    labels = list(dict.fromkeys(label for label, _ in results))
    print()
    print(f"{'with-actors F1':28s}" + "".join(f"{n:>24s}" for n in GOLD_SETS))
    for label in labels:
        print(f"{label:28s}" + "".join(f"{results[(label, n)]['af']:24.3f}" for n in GOLD_SETS))
    base, without = labels
    print(f"{'people.yaml adds':28s}" + "".join(
        f"{results[(base, n)]['af'] - results[(without, n)]['af']:+24.3f}" for n in GOLD_SETS))


if __name__ == "__main__":
    main()
