"""Speed benchmark: the first 1,000 AllSides articles into a SQLite store, beside bare spaCy.

    python benchmarks/speed.py [--limit N] [--corpus PATH] [--strict]

Prints articles/s, words/s, time per stage and peak RSS for bare spaCy ``nlp.pipe`` and
for Parley (all stages, storing into a SQLite file in a temporary directory), in the same
process on the same texts. Targets: ratio Parley / bare spaCy >= 0.70, peak RSS <= 1.5 GB;
``--strict`` exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

from parley.cli.bench import format_result, measure, read_articles
from parley.config import Settings
from parley.nlp import load_nlp
from parley.pipeline import Pipeline
from parley.store import open_store

SHARED = Path(os.environ.get("PARLEY_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
CORPUS = SHARED / "corpora" / "allsides_political_news.jsonl.gz"
TARGET_RATIO = 0.70
TARGET_RSS_MB = 1.5 * 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stderr)
    logging.getLogger("parley.cli.bench").setLevel(logging.INFO)  # progress per round
    if not args.corpus.is_file():
        print(f"speed: corpus {args.corpus} not found; set PARLEY_SHARED", file=sys.stderr)
        return 2
    settings = Settings()
    articles = read_articles([str(args.corpus)], args.limit)
    t0 = time.perf_counter()
    nlp = load_nlp(settings.nlp.model)
    pipeline = Pipeline.default(settings)
    load_seconds = time.perf_counter() - t0
    with tempfile.TemporaryDirectory(prefix="parley-speed-") as tmp:
        store = open_store(str(Path(tmp) / "speed.db"))
        try:
            result = measure(articles, pipeline, nlp, settings.nlp.batch_size, store=store,
                             load_seconds=load_seconds)
        finally:
            store.close()
    print(format_result(result, f"speed: {args.corpus.name}, first {args.limit}, into SQLite"))
    ok_ratio = result.ratio >= TARGET_RATIO
    ok_rss = result.peak_rss_mb <= TARGET_RSS_MB
    print(f"target ratio >= {TARGET_RATIO:.2f}: {'met' if ok_ratio else 'MISSED'} ({result.ratio:.2f}); "
          f"peak RSS <= {TARGET_RSS_MB:.0f} MiB: {'met' if ok_rss else 'MISSED'} "
          f"({result.peak_rss_mb:.0f} MiB)")
    return 1 if args.strict and not (ok_ratio and ok_rss) else 0


if __name__ == "__main__":
    sys.exit(main())
