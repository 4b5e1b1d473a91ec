"""Bytes an article takes in the SQLite store: N AllSides articles ingested into a fresh one.

    .venv/bin/python benchmarks/store_size.py [--limit 1000] [--corpus PATH] [--keep DB]

Reads the first ``--limit`` records of the AllSides corpus (``../shared/corpora``), codes
them as ``parley ingest`` does (language check, dedupe, every stage, batches through
``write_batch``) into a new SQLite file, checkpoints the WAL and prints the file's bytes per
stored article, then the bytes of each table (with its indexes; the FTS index counted on
its own) from SQLite's ``dbstat``, per article and as a share of the file. Target: <= 20 KB
an article (issue 9).
"""

from __future__ import annotations

import argparse
import itertools
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpora" / "allsides_political_news.jsonl.gz"
TARGET = 20 * 1024


def table_bytes(db: Path) -> dict[str, int]:
    """Bytes of every table with its indexes (``sqlite_autoindex_x``, ``x_*`` indexes named
    by their table), by dbstat."""
    conn = sqlite3.connect(db)
    try:
        owner = {name: tbl for name, tbl in conn.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')")}
        sizes: dict[str, int] = defaultdict(int)
        for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            table = owner.get(name, name)
            if table.startswith("articles_fts"):
                table = "articles_fts (full-text index)"
            sizes[table] += size
        return dict(sizes)
    finally:
        conn.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--limit", type=int, default=1000, help="articles to read (default 1000)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--keep", type=Path, help="write the store here and keep it")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"store_size: no corpus at {args.corpus}", file=sys.stderr)
        return 2

    from parley.config import Settings
    from parley.ingest import read_inputs
    from parley.ingest.dedupe import Deduper
    from parley.ingest.language import check_language
    from parley.pipeline import Pipeline
    from parley.runner import LocalRunner
    from parley.store import SQLiteStore

    tmp = tempfile.TemporaryDirectory()
    db = args.keep or Path(tmp.name) / "parley.db"
    if db.exists():
        print(f"store_size: {db} exists; give a new path", file=sys.stderr)
        return 2
    settings = Settings()
    store = SQLiteStore(db)
    started = time.perf_counter()
    try:
        runner = LocalRunner(Pipeline.default(settings), store, deduper=Deduper(store),
                             batch_size=settings.nlp.batch_size, skip_stored=True)
        items = itertools.islice(read_inputs([str(args.corpus)]), args.limit)
        summary = runner.run(check_language(items))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = store.counts()
    finally:
        store.close()
    seconds = time.perf_counter() - started
    size = db.stat().st_size
    n = max(1, counts["articles"])
    print(f"read {summary.read} · stored {counts['articles']} · duplicates "
          f"{counts['duplicates']} · rejected {counts['rejections']} · events "
          f"{counts['events']} · {seconds:.0f} s")
    print(f"file {size:,} bytes · {size / n:,.0f} bytes per stored article "
          f"({size / n / 1024:.1f} KB; target <= {TARGET // 1024} KB: "
          f"{'met' if size / n <= TARGET else 'NOT met'})")
    sizes = table_bytes(db)
    print(f"{'table':34} {'bytes':>12} {'per article':>12} {'share':>7}")
    for table, b in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"{table:34} {b:>12,} {b / n:>12,.0f} {b / size:>7.1%}")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
