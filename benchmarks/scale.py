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
import resource
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote

from parley.cli.bench import read_articles
from parley.config import Settings
from parley.distributed.runner import DaskRunner
from parley.ingest.dedupe import Deduper
from parley.model import Article, Document
from parley.pipeline import Pipeline
from parley.runner import LocalRunner, warm_up
from parley.store import open_store
from parley.store.base import Batch

SHARED = Path(os.environ.get("PARLEY_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
CORPUS = SHARED / "corpora" / "allsides_political_news.jsonl.gz"
TARGET_EFFICIENCY = 0.8
TARGET_PG_EVENTS = 5000.0
PARTITION = 16  # articles a Dask task at most (chunk_size makes it smaller on short runs)


class Schemas:
    """Fresh PostgreSQL schemas in one database, dropped at the end."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.url, self.psycopg = url, psycopg
        self.names: list[str] = []

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


def chunk_size(n: int, largest: int, workers: int = 2) -> int:
    """Articles a batch (local) or partition (Dask): the configured size, but small enough
    that each of ``workers`` gets at least 8 chunks, so that at the end of a short run one
    worker does not sit idle while the other finishes a whole chunk (which alone would cap
    the efficiency of ``--limit 100`` at 0.78 with batches of 32)."""
    return max(1, min(largest, -(-n // (8 * workers))))


@dataclass
class Run:
    """One configuration's figures: articles/s of the coding (model load and cluster start
    left out), articles stored, CPU seconds an article in all its processes together and in
    the parent (client) alone, and the start-up time left out."""

    rate: float
    stored: int
    cpu: float
    parent: float
    startup: float = 0.0


def _children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def run_local(articles: list[Article], db: str, n_process: int, settings: Settings,
              keep: list[Document] | None = None) -> Run:
    pipeline = Pipeline.default(settings)
    warm_up(pipeline)  # the model and the stages' lazy loads, before the clock starts
    store = open_store(db)
    try:
        runner = LocalRunner(pipeline, store, deduper=Deduper(store),
                             batch_size=chunk_size(len(articles), settings.nlp.batch_size),
                             n_process=n_process)
        t0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
        summary = runner.run(articles, on_document=keep.append if keep is not None else None)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        children = _children_cpu() - k0  # the worker processes, reaped when the pool closes
    finally:
        store.close()
    n = len(articles)
    return Run(n / seconds, summary.stored, (cpu + children) / n, cpu / n)


def run_dask(articles: list[Article], db: str, workers: int, settings: Settings) -> Run:
    shared = db.startswith("postgresql://")
    store = open_store(db)
    try:
        runner = DaskRunner(settings, db, store=store, workers=workers,
                            deduper=None if shared else Deduper(store),
                            partition_size=chunk_size(len(articles), PARTITION))
        c0 = time.process_time()
        summary = runner.run(articles)
        client = time.process_time() - c0  # start-up included: the client's share is small
        coding = summary.seconds - runner.startup_seconds
    finally:
        store.close()
    n = len(articles)
    return Run(n / coding, summary.stored, (client + runner.worker_cpu) / n, client / n,
               runner.startup_seconds)


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
        server = _backend_cpu(store)
        t0, c0 = time.perf_counter(), time.process_time()
        for b in batches:
            store.write_batch(Batch(documents=b))
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        after = _backend_cpu(store)
        server = after - server if after is not None and server is not None else None
    finally:
        store.close()
    per = 1000 / len(batches)
    print(f"  per batch of 32: {seconds * per:.0f} ms wall, {cpu * per:.0f} ms CPU in this "
          "process" + (f", {server * per:.0f} ms CPU in its PostgreSQL backend"
                       if server is not None else "") + " (on a busy machine the wall time "
          "is mostly waiting for a core)")
    return events * copies / seconds, events * copies


def _backend_cpu(store: object) -> float | None:
    """CPU seconds of the store connection's server process, where it runs on this machine
    and /proc shows it (else None)."""
    try:
        pid = store.conn.info.backend_pid  # type: ignore[attr-defined]
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
    except (AttributeError, OSError, IndexError, ValueError):
        return None


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
    undated = sum(1 for a in articles if not a.date)
    if undated:  # Parley warns once an article per run; here that is noise in the figures
        logging.getLogger("parley.nlp.pubdate").setLevel(logging.ERROR)
        print(f"scale: {undated} of {n} articles carry no date and are coded as of today "
              "(their per-article warnings are muted)")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"scale: {args.corpus.name}, first {n} articles, {os.cpu_count()} cores, "
          f"load average {load} (other work on the machine slows every figure); "
          f"{chunk_size(n, settings.nlp.batch_size)} articles a batch (local), "
          f"{chunk_size(n, PARTITION)} a partition (Dask)")
    if args.write_only:
        if not args.pg:
            print("scale: --write-only needs PostgreSQL (--pg or PARLEY_TEST_PG)", file=sys.stderr)
            return 2
        pipeline = Pipeline.default(settings)
        coded = [d for i in range(0, n, 32)
                 for d in pipeline.process_batch(articles[i:i + 32])[0]]
        bench = Schemas(args.pg)
        try:
            rate, events = pg_write_rate(coded, bench.new())
        finally:
            bench.drop()
        print(f"PostgreSQL write rate, pre-coded batches of 32: {rate:,.0f} events/s "
              f"({events:,} events), target >= {TARGET_PG_EVENTS:,.0f}: "
              f"{'met' if rate >= TARGET_PG_EVENTS else 'MISSED'}")
        return 0
    backends = [b for b in ("sqlite", "postgres") if args.only in (None, b)]
    schemas: Schemas | None = None
    if "postgres" in backends and not args.pg:
        print("scale: no PostgreSQL (--pg or PARLEY_TEST_PG): its rows are skipped")
        backends.remove("postgres")
    elif "postgres" in backends:
        schemas = Schemas(args.pg)
    runs: dict[tuple[str, str, int], Run] = {}
    docs: list[Document] = []
    try:
        with tempfile.TemporaryDirectory(prefix="parley-scale-") as tmp:
            for backend in backends:
                for runner in ("local", "dask"):
                    for k in (1, 2):
                        db = (str(Path(tmp) / f"{runner}{k}.db") if backend == "sqlite"
                              else schemas.new() if schemas else "")
                        if runner == "local":
                            run = run_local(articles, db, k, settings,
                                            keep=docs if not docs and k == 1 else None)
                            extra = ""
                        else:
                            run = run_dask(articles, db, k, settings)
                            extra = f"; cluster start + model load {run.startup:.1f} s, not counted"
                        runs[(backend, runner, k)] = run
                        unit = ("process" if runner == "local" else "worker") + ("es" if k > 1 and runner == "local" else "s" if k > 1 else "")
                        print(f"  {backend:8s} {runner:5s} {k} {unit:9s}: {run.rate:6.2f} articles/s,"
                              f" stored {run.stored}; CPU an article {run.cpu * 1000:.0f} ms, of it"
                              f" {run.parent * 1000:.0f} ms in the parent{extra};"
                              f" load {os.getloadavg()[0]:.1f}", flush=True)
            if os.getloadavg()[0] > 1.5:
                print("  (the load average says other work ran: two workers then get less "
                      "than two cores, and the efficiency measures that share, not the "
                      "runner; the work kept does not depend on it)")
            print("scaling efficiency 1 -> 2 (rate2 / (2 x rate1)), target >= "
                  f"{TARGET_EFFICIENCY}; and the work kept (CPU an article with 1 / with 2: "
                  "below 1 is what a second worker costs in extra work, which a busy machine "
                  "cannot hide; it bounds the efficiency on a quiet one):")
            for (backend, runner, k), run in runs.items():
                one = runs.get((backend, runner, 1))
                if k == 2 and one is not None:
                    eff = run.rate / (2 * one.rate)
                    print(f"  {backend:8s} {runner:5s}: {eff:.2f} "
                          f"{'met' if eff >= TARGET_EFFICIENCY else 'MISSED'}; work kept "
                          f"{one.cpu / run.cpu:.2f}")
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
