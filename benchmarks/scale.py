"""Scale benchmark: local runner vs Dask, 1 and 2 workers, into SQLite and PostgreSQL.

    python benchmarks/scale.py [--limit N] [--corpus PATH] [--pg URL] [--only sqlite|postgres]

For the first N AllSides articles (default 1,000) prints articles/s of the coding run (the
model load and the cluster start are timed apart and left out) for

- the local runner with 1 and 2 processes (``nlp.n_process``),
- the Dask runner with a LocalCluster of 1 and 2 worker processes,

each into a fresh SQLite file and a fresh PostgreSQL schema, with dedupe on as ``parley
ingest`` has it; then the scaling efficiency from 1 to 2 (rate2 / (2 x rate1), target >= 0.8)
and the PostgreSQL write rate in events/s for pre-coded batches of 32 documents (target
>= 5,000). PostgreSQL comes from ``--pg`` or ``PARLEY_TEST_PG`` (``bash .ci/postgres``
starts the machine's server and prints a URL); without one the PostgreSQL rows are skipped.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

from parley.cli.bench import read_articles
from parley.config import Settings
from parley.distributed.runner import DaskRunner
from parley.ingest.dedupe import Deduper
from parley.model import Article, Document
from parley.pipeline import Pipeline
from parley.runner import LocalRunner
from parley.store import open_store
from parley.store.base import Batch

SHARED = Path(os.environ.get("PARLEY_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
CORPUS = SHARED / "corpora" / "allsides_political_news.jsonl.gz"
TARGET_EFFICIENCY = 0.8
TARGET_PG_EVENTS = 5000.0
PARTITION = 16  # articles a Dask task: enough tasks to keep 2 workers busy on --limit 100


class Schemas:
    """Fresh PostgreSQL schemas in one database, dropped at the end."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.url, self.names, self.psycopg = url, [], psycopg

    def new(self) -> str:
        name = f"bench_{uuid.uuid4().hex[:10]}"
        with self.psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        self.names.append(name)
        sep = "&" if "?" in self.url else "?"
        return f"{self.url}{sep}options={quote(f'-csearch_path={name}')}"

    def drop(self) -> None:
        with self.psycopg.connect(self.url, autocommit=True) as conn:
            for name in self.names:
                conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


def run_local(articles: list[Article], db: str, n_process: int, settings: Settings,
              keep: list[Document] | None = None) -> tuple[float, int]:
    pipeline = Pipeline.default(settings)
    for stage in pipeline.stages:
        getattr(stage, "warm", lambda: None)()
    store = open_store(db)
    try:
        runner = LocalRunner(pipeline, store, deduper=Deduper(store),
                             batch_size=settings.nlp.batch_size, n_process=n_process)
        t0 = time.perf_counter()
        summary = runner.run(articles, on_document=keep.append if keep is not None else None)
        seconds = time.perf_counter() - t0
    finally:
        store.close()
    return len(articles) / seconds, summary.stored


def run_dask(articles: list[Article], db: str, workers: int, settings: Settings) -> tuple[float, int, float]:
    shared = db.startswith("postgresql://")
    store = open_store(db)
    try:
        runner = DaskRunner(settings, db, store=store, workers=workers,
                            deduper=None if shared else Deduper(store),
                            partition_size=PARTITION)
        summary = runner.run(articles)
        coding = summary.seconds - runner.startup_seconds
    finally:
        store.close()
    return len(articles) / coding, summary.stored, runner.startup_seconds


def pg_write_rate(docs: list[Document], url: str, min_events: int = 50_000) -> tuple[float, int]:
    """events/s writing pre-coded documents (copies under new keys) in batches of 32."""
    events = sum(len(d.events) for d in docs) or 1
    copies = max(1, -(-min_events // events))
    batches: list[list[Document]] = [[]]
    for i in range(copies):
        for d in docs:
            a = d.article
            doc = replace(d, article=replace(a, id=f"{a.id}#{i}", text=f"{a.text}\n[copy {i}]"))
            if len(batches[-1]) >= 32:
                batches.append([])
            batches[-1].append(doc)
    store = open_store(url)
    try:
        t0 = time.perf_counter()
        for b in batches:
            store.write_batch(Batch(documents=b))
        seconds = time.perf_counter() - t0
    finally:
        store.close()
    return events * copies / seconds, events * copies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--pg", default=os.environ.get("PARLEY_TEST_PG"),
                        help="PostgreSQL URL (default $PARLEY_TEST_PG)")
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    parser.add_argument("--write-only", action="store_true",
                        help="only the PostgreSQL write rate (codes the articles once, in batches)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stderr)
    logging.getLogger("distributed").setLevel(logging.ERROR)
    if not args.corpus.is_file():
        print(f"scale: corpus {args.corpus} not found; set PARLEY_SHARED", file=sys.stderr)
        return 2
    settings = Settings()
    articles = read_articles([str(args.corpus)], args.limit)
    n = len(articles)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"scale: {args.corpus.name}, first {n} articles, {os.cpu_count()} cores, "
          f"load average {load} (other work on the machine slows every figure)")
    if args.write_only:
        if not args.pg:
            print("scale: --write-only needs PostgreSQL (--pg or PARLEY_TEST_PG)", file=sys.stderr)
            return 2
        pipeline = Pipeline.default(settings)
        coded = [d for i in range(0, n, 32)
                 for d in pipeline.process_batch(articles[i:i + 32])[0]]
        schemas = Schemas(args.pg)
        try:
            rate, events = pg_write_rate(coded, schemas.new())
        finally:
            schemas.drop()
        print(f"PostgreSQL write rate, pre-coded batches of 32: {rate:,.0f} events/s "
              f"({events:,} events), target >= {TARGET_PG_EVENTS:,.0f}: "
              f"{'met' if rate >= TARGET_PG_EVENTS else 'MISSED'}")
        return 0
    backends = [b for b in ("sqlite", "postgres") if args.only in (None, b)]
    schemas = None
    if "postgres" in backends and not args.pg:
        print("scale: no PostgreSQL (--pg or PARLEY_TEST_PG): its rows are skipped")
        backends.remove("postgres")
    elif "postgres" in backends:
        schemas = Schemas(args.pg)
    rates: dict[tuple[str, str, int], float] = {}
    docs: list[Document] = []
    try:
        with tempfile.TemporaryDirectory(prefix="parley-scale-") as tmp:
            for backend in backends:
                for runner in ("local", "dask"):
                    for k in (1, 2):
                        db = (str(Path(tmp) / f"{runner}{k}.db") if backend == "sqlite"
                              else schemas.new() if schemas else "")
                        extra = ""
                        if runner == "local":
                            rate, stored = run_local(articles, db, k, settings,
                                                     keep=docs if not docs and k == 1 else None)
                        else:
                            rate, stored, startup = run_dask(articles, db, k, settings)
                            extra = f"  (cluster start + model load {startup:.1f} s, not counted)"
                        rates[(backend, runner, k)] = rate
                        unit = "process" if runner == "local" else "worker"
                        print(f"  {backend:8s} {runner:5s} {k} {unit}{'es' if k > 1 and runner == 'local' else 's' if k > 1 else ''}:"
                              f" {rate:6.2f} articles/s, stored {stored}{extra}", flush=True)
            print("scaling efficiency 1 -> 2 (rate2 / (2 x rate1)), target >= "
                  f"{TARGET_EFFICIENCY}:")
            for (backend, runner, k), rate in rates.items():
                if k == 2 and (backend, runner, 1) in rates:
                    eff = rate / (2 * rates[(backend, runner, 1)])
                    print(f"  {backend:8s} {runner:5s}: {eff:.2f} "
                          f"{'met' if eff >= TARGET_EFFICIENCY else 'MISSED'}")
            if schemas is not None and docs:
                rate, events = pg_write_rate(docs, schemas.new())
                print(f"PostgreSQL write rate, pre-coded batches of 32: {rate:,.0f} events/s "
                      f"({events:,} events), target >= {TARGET_PG_EVENTS:,.0f}: "
                      f"{'met' if rate >= TARGET_PG_EVENTS else 'MISSED'}")
    finally:
        if schemas is not None:
            schemas.drop()
    return 0




if __name__ == "__main__":
    sys.exit(main())
