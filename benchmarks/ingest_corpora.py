"""Read the shared corpora through ingest's reading, language and dedupe steps.

Usage: python benchmarks/ingest_corpora.py [CORPUS...] [--pairs 10] [--threshold 0.8]

Counts articles, rejections by reason, exact and near duplicates, and prints sample
near-duplicate pairs (first words of both texts) to check by eye. No coding: that is
`parley ingest` (whose speed is the pipeline's); this measures what ingest itself adds.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import Counter
from pathlib import Path

from parley.ingest.dedupe import Deduper
from parley.ingest.language import check_language
from parley.ingest.sources import read_sources
from parley.model import Article, Rejection

SHARED = Path(os.environ.get("PARLEY_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*")
    ap.add_argument("--pairs", type=int, default=10)
    ap.add_argument("--threshold", type=float, default=0.8)
    args = ap.parse_args(argv)
    corpora = args.corpora or sorted(str(p) for p in (SHARED / "corpora").glob("*.jsonl.gz"))
    deduper = Deduper(None, threshold=args.threshold)
    texts: dict[str, str] = {}
    reasons: Counter[str] = Counter()
    articles = 0
    t0 = time.perf_counter()
    for item in check_language(read_sources(corpora)):
        if isinstance(item, Rejection):
            reasons[f"{item.stage}/{item.reason}"] += 1
            continue
        assert isinstance(item, Article)
        articles += 1
        dup = deduper.check(item)
        if dup is not None:
            reasons[f"{dup.stage}/{dup.reason}"] += 1
            texts[item.id] = item.text
            continue
        deduper.add(item)
        texts[item.id] = item.text
    seconds = time.perf_counter() - t0
    print(f"corpora={len(corpora)} articles={articles} seconds={seconds:.1f} "
          f"({articles / seconds:.0f}/s)")
    print(f"exact duplicates={deduper.exact} near duplicates={deduper.near} "
          f"(threshold {args.threshold})")
    for k, v in sorted(reasons.items()):
        print(f"  {k}: {v}")
    near = [p for p in deduper.pairs if p[2] < 1.0]
    random.Random(6).shuffle(near)
    for copy, first, sim in near[:args.pairs]:
        a = " ".join(texts.get(first, "").split())[:160]
        b = " ".join(texts.get(copy, "").split())[:160]
        print(f"\n{sim:.2f} {first}  ~  {copy}\n  A: {a}\n  B: {b}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
