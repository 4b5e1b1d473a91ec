"""The quality gate: measure the main figures on the gold sets and hold them to floors.

    python benchmarks/quality/gate.py                  measure, compare, exit 1 on a failure
    python benchmarks/quality/gate.py --raise          raise floors to the figures - margin
    python benchmarks/quality/gate.py --raise --allow-regression   also lower floors / re-pin

Floors live in ``floors.json`` beside this file, each gold file pinned by sha256 (see
``parley.evaluation.gate``). Gold files are read from the shared directory
(``PARLEY_SHARED`` or ``../shared`` beside the repository); they are never copied here.
The test ``tests/integration/test_quality_gate.py`` runs the same measurement.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from parley.cli.eval import predict, seed_text_path
from parley.evaluation import (
    HALVES,
    half_of,
    load_json,
    load_jsonl,
    score_events,
    score_quotes,
    score_seed,
)
from parley.evaluation.gate import (
    Measured,
    check,
    gold_mismatches,
    gold_path,
    load_floors,
    raise_floors,
    save_floors,
)
from parley.pipeline import Pipeline

logger = logging.getLogger("parley.benchmarks.gate")

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors.json"
SHARED = Path(os.environ.get("PARLEY_SHARED") or HERE.parents[1] / ".." / "shared").resolve()

# What is measured on each gold file. ``subset``: only the first N articles (CI time).
GOLDS: dict[str, dict[str, Any]] = {
    "eval/plover_gsr_dev.jsonl": {"kind": "events"},
    "eval/petrarch_dev.jsonl": {"kind": "events"},
    "eval/seed_gold.json": {"kind": "seed"},
    "eval/quotes_dev.jsonl": {"kind": "quotes", "subset": 100, "overlap": 0.3},
    # the two fixed halves (sha1(id) parity); rules are written against A only
    "eval/quotes_dev.jsonl#A": {"kind": "quotes", "half": "A", "overlap": 0.3, "also": 0.8},
    "eval/quotes_dev.jsonl#B": {"kind": "quotes", "half": "B", "overlap": 0.3, "also": 0.8},
}
EVENT_FIGURES = ("type_p", "type_r", "type_f1", "with_actors_p", "with_actors_r",
                 "with_actors_f1", "actor_country_acc")
HALF_FIGURES = ("type_f1", "with_actors_f1")


def measure_one(name: str, spec: dict[str, Any], pipeline: Pipeline,
                shared_dir: Path = SHARED) -> dict[str, float]:
    """The gate's figures for one gold file."""
    path = shared_dir / gold_path(name)
    kind = spec["kind"]
    if kind == "events":
        records = load_jsonl(path)
        predictions = predict([str(path)], pipeline)
        figures = score_events(records, predictions).figures()
        out = {k: v for k, v in figures.items() if k in EVENT_FIGURES or k.startswith("f1.")}
        # each fixed half (rules are written on A only; B shows what holds beyond it)
        for half in HALVES:
            part = score_events([r for r in records if half_of(str(r.get("id"))) == half],
                                predictions).figures()
            out.update({f"{half}.{k}": v for k, v in part.items() if k in HALF_FIGURES})
        return out
    if kind == "quotes":
        subset, half = spec.get("subset"), spec.get("half")
        articles = [a for a in load_jsonl(path) if half is None or half_of(a["id"]) == half][:subset]
        predictions = predict([str(path)], pipeline, limit=subset,
                              ids={a["id"] for a in articles} if half else None)
        figures = score_quotes(articles, predictions, spec.get("overlap", 0.3)).figures()
        if spec.get("also"):  # the same predictions at a second overlap: "p@0.8" ...
            more = score_quotes(articles, predictions, spec["also"]).figures()
            figures.update({f"{k}@{spec['also']}": v for k, v in more.items()
                            if not k.startswith("r.")})
        return figures
    if kind == "seed":
        gold = load_json(path)
        text_path = seed_text_path(path, gold)
        predictions = predict([str(text_path)], pipeline, default_date=gold.get("date"))
        text = text_path.read_text(encoding="utf-8")
        return score_seed(gold, text, predictions[0] if predictions else None).figures()
    raise ValueError(f"unknown gold kind {kind!r} for {name}; expected events, quotes or seed")


def measure(pipeline: Pipeline | None = None, shared_dir: Path = SHARED) -> Measured:
    pipeline = pipeline or Pipeline.default()
    out: Measured = {}
    for name, spec in GOLDS.items():
        t0 = time.perf_counter()
        out[name] = measure_one(name, spec, pipeline, shared_dir)
        logger.info("measured %s in %.1f s", name, time.perf_counter() - t0)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raise", dest="raise_", action="store_true",
                        help="raise the floors to the measured figures minus the margin")
    parser.add_argument("--allow-regression", action="store_true",
                        help="with --raise: let floors go down and re-pin changed gold files")
    parser.add_argument("--floors", type=Path, default=FLOORS)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    if not (args.shared / "eval").is_dir():
        print(f"gate: no gold sets at {args.shared / 'eval'}; set PARLEY_SHARED", file=sys.stderr)
        return 2
    floors = load_floors(args.floors)
    problems = gold_mismatches(floors, args.shared)
    if problems and not (args.raise_ and args.allow_regression):
        print("gate: cannot compare:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 2
    measured = measure(shared_dir=args.shared)
    print(json.dumps(measured, indent=1, sort_keys=True))
    if args.raise_:
        new, notes = raise_floors(floors, measured, args.shared, GOLDS, args.allow_regression)
        save_floors(new, args.floors)
        print("\n".join(notes) or "floors unchanged")
        return 0
    failures = check(floors, measured)
    for failure in failures:
        print(f"FAIL {failure} ({args.floors.name})")
    print(f"gate: {len(failures)} figure(s) below their floors" if failures else "gate: all floors met")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
