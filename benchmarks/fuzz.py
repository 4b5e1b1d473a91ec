"""Hostile inputs at volume: every input unit ends as one article, duplicate or rejection.

    .venv/bin/python benchmarks/fuzz.py --inputs 10000 [--seed 0] [--no-big] [--keep DIR]

Writes at least ``--inputs`` input units of every hostile class (tests/support/hostile.py:
texts with control characters and lone surrogates, random bytes, JSON Lines with bad,
deep, wrong-typed and escape-laden records and out-of-range dates, plain / truncated /
bit-flipped gzip, empty inputs of every kind, CSV with unclosed quotes, HTML (nested
tables, garbage), WARC (PDF only, garbage header), directories with FIFOs and non-UTF-8
names; and, once per 2,000 units, the big ones: 700 KB of prose, one word 45,000 times, a
50,000-word sentence, 16 KB of quotation marks, 100,000 nested tables, a gzip holding a
256 MB line), ingests each input (readers, language check, dedupe, pipeline, SQLite
store) and prints inputs tried, units, outcomes, crashes, hangs, drops, peak memory and
the classes tried. Exit status 1 when any crash, hang or drop was seen.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from parley.config import Settings  # noqa: E402
from parley.ingest.dedupe import Deduper  # noqa: E402
from parley.pipeline import Pipeline  # noqa: E402
from parley.runner import LocalRunner  # noqa: E402
from parley.store import open_store  # noqa: E402
from support.hostile import make_inputs, run_inputs  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=1000, help="input units to try (default 1000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-big", action="store_true", help="leave out the big inputs")
    ap.add_argument("--hang", type=float, default=300.0, help="seconds before an input is a hang")
    ap.add_argument("--keep", help="write the inputs and the store here (default: a temp dir)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.keep or tmp)
        (root / "in").mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        inputs = make_inputs(root / "in", args.inputs, args.seed, big=not args.no_big)
        made = time.perf_counter() - t0
        store = open_store(str(root / "fuzz.db"))
        try:
            runner = LocalRunner(Pipeline.default(Settings()), store, deduper=Deduper(store),
                                 batch_size=32, skip_stored=True)
            t1 = time.perf_counter()
            tally = run_inputs(inputs, runner, hang_seconds=args.hang)
            ran = time.perf_counter() - t1
        finally:
            store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"inputs tried   {tally.inputs:,} ({tally.units:,} units; made in {made:.0f} s, "
          f"run in {ran:.0f} s)")
    print(f"outcomes       {tally.outcomes:,} (articles, duplicates and rejections; "
          f"{tally.unnamed} duplicates of articles already stored, without a line)")
    print(f"crashes        {tally.crashes}")
    print(f"hangs          {tally.hangs} (over {args.hang:g} s)")
    print(f"drops          {tally.drops}")
    print(f"peak memory    {peak_mb:,.0f} MB (max RSS)")
    print("classes tried  " + ", ".join(f"{k} {v}" for k, v in sorted(tally.classes.items())))
    print("reasons        " + ", ".join(f"{k} {v}" for k, v in tally.reasons.most_common()))
    for problem in tally.problems[:30]:
        print("  problem:", problem)
    return 1 if (tally.crashes or tally.hangs or tally.drops) else 0


if __name__ == "__main__":
    sys.exit(main())
