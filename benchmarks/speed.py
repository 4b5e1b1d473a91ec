"""Speed benchmark: `parley ingest` (default settings, a fresh SQLite store) beside bare spaCy.

    python benchmarks/speed.py [--limit 1000] [--corpus PATH] [--strict] [--json]

On the same first N AllSides texts (default 1,000), each run in a fresh process of its own:

- Parley: ``Parley().ingest(texts.jsonl, db=fresh.db)`` with the default settings (every
  stage, dedupe, the default parallelism ``nlp.n_process = "auto"``), as `parley ingest` does;
- bare spaCy: ``nlp.pipe(texts)`` with the same model, with ``n_process`` 1 and 2; the better
  of the two is the reference.

Prints articles/s, words/s, CPU milliseconds per article (the process and its workers), peak
RSS of the main process and of its largest worker, the database size per article, the ratio
Parley / best bare spaCy, and Parley's CPU per article beside one-process spaCy's. Model
loading (for Parley also the language profiles and the dedupe index's libraries) is timed
apart and left out of every rate. Targets: ratio >= 0.85, peak RSS <= 1.5 GB a process,
database <= 20 KB an article; ``--strict`` exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SHARED = Path(os.environ.get("PARLEY_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
CORPUS = SHARED / "corpora" / "allsides_political_news.jsonl.gz"
TARGET_RATIO = 0.85
TARGET_RSS_MB = 1.5 * 1024
TARGET_KB_PER_ARTICLE = 20.0


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def _cpu_seconds() -> float:
    """CPU time of this process and of its ended (joined) workers, user and system."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _measure_one(kind: str, texts_path: Path, db: Path) -> dict[str, Any]:
    """One measurement, in this (fresh) process."""
    records = [json.loads(line) for line in texts_path.read_text(encoding="utf-8").splitlines()]
    texts = [r["text"] for r in records]
    out: dict[str, Any] = {"kind": kind, "articles": len(texts),
                           "words": sum(len(t.split()) for t in texts)}
    t0 = time.perf_counter()
    if kind == "parley":
        from parley import Parley
        from parley.ingest import language
        from parley.runner import resolve_n_process

        api = Parley()
        api.pipeline  # noqa: B018 - load the models now, outside the timed part
        language.setup()  # and the language profiles and the dedupe index's libraries
        import datasketch  # noqa: F401
        out["load_seconds"] = time.perf_counter() - t0
        t1, c1 = time.perf_counter(), _cpu_seconds()
        summary = api.ingest([str(texts_path)], db=str(db))
        out["seconds"] = time.perf_counter() - t1
        out["cpu_seconds"] = _cpu_seconds() - c1
        out.update(stored=summary.stored, duplicate=summary.duplicate, events=summary.events,
                   rejected=sum(summary.rejected.values()),
                   n_process=resolve_n_process(api.settings.nlp.n_process))
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file()
                   and not p.name.endswith(".fetch.json"))
        out["db_bytes"] = size
    else:
        import spacy

        from parley.config import Settings

        n_process = int(kind.removeprefix("spacy"))
        nlp = spacy.load(Settings().nlp.model)
        nlp.max_length = max(nlp.max_length, 2_000_000)
        out["load_seconds"] = time.perf_counter() - t0
        batch = Settings().nlp.batch_size
        for _ in nlp.pipe(texts[:8], batch_size=batch):  # warm-up, not timed
            pass
        t1, c1 = time.perf_counter(), _cpu_seconds()
        for _ in nlp.pipe(texts, batch_size=batch, n_process=n_process):
            pass
        out["seconds"] = time.perf_counter() - t1
        out["cpu_seconds"] = _cpu_seconds() - c1
        out["n_process"] = n_process
    out["rss_main_mb"] = _rss_mb(resource.RUSAGE_SELF)
    out["rss_worker_mb"] = _rss_mb(resource.RUSAGE_CHILDREN)  # the largest worker
    return out


def _texts(corpus: Path, limit: int, path: Path) -> int:
    """The first ``limit`` articles of the corpus with text, as JSON Lines (id, title, date, text)."""
    from parley.cli.bench import read_articles

    articles = read_articles([str(corpus)], limit)
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.id, "title": a.title, "date": a.date, "text": a.text},
                                ensure_ascii=False) + "\n")
    return len(articles)


def _run(kind: str, texts: Path, db: Path) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, "--measure", kind, "--texts", str(texts),
                           "--db", str(db)], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"speed: the {kind} run failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _line(r: dict[str, Any]) -> str:
    rate = r["articles"] / r["seconds"] if r["seconds"] else 0.0
    words = r["words"] / r["seconds"] if r["seconds"] else 0.0
    name = {"parley": "parley ingest", "spacy1": "spaCy n_process=1",
            "spacy2": "spaCy n_process=2"}[r["kind"]]
    cpu_ms = 1000 * r["cpu_seconds"] / r["articles"] if r["articles"] else 0.0
    return (f"{name:20s}{r['seconds']:9.1f}{rate:12.2f}{words:10.0f}{cpu_ms:9.0f}"
            f"{r['rss_main_mb']:11.0f}{r['rss_worker_mb']:11.0f}{r['load_seconds']:8.1f}")


def _cpu_share(run: dict[str, Any], base: dict[str, Any]) -> float:
    per = run["cpu_seconds"] / max(1, run["articles"])
    return per / max(1e-9, base["cpu_seconds"] / max(1, base["articles"])) - 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--json", dest="as_json", action="store_true", help="figures as JSON")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(_measure_one(args.measure, args.texts, args.db)))
        return 0
    if args.limit < 1:
        parser.error("--limit: give a count of 1 or more")
    if not args.corpus.is_file():
        print(f"speed: corpus {args.corpus} not found; set PARLEY_SHARED", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="parley-speed-") as tmp:
        texts = Path(tmp) / "texts.jsonl"
        n = _texts(args.corpus, args.limit, texts)
        runs = {kind: _run(kind, texts, Path(tmp) / f"{kind}.db")
                for kind in ("spacy1", "spacy2", "parley")}
    parley = runs["parley"]
    best = max((runs["spacy1"], runs["spacy2"]), key=lambda r: r["articles"] / r["seconds"])
    ratio = (parley["articles"] / parley["seconds"]) / (best["articles"] / best["seconds"])
    kb_per_article = parley["db_bytes"] / 1024 / max(1, parley["stored"])
    rss = max(max(r["rss_main_mb"], r["rss_worker_mb"]) for r in runs.values())
    if args.as_json:
        print(json.dumps({"runs": runs, "ratio": ratio, "db_kb_per_article": kb_per_article}))
    else:
        print(f"speed: {args.corpus.name}, first {n} articles, {parley['words']} words; "
              f"parley workers {parley['n_process']} (nlp.n_process = auto: the usable cores)")
        print(f"{'':20s}{'seconds':>9s}{'articles/s':>12s}{'words/s':>10s}{'CPU ms/a':>9s}"
              f"{'RSS main':>11s}{'RSS worker':>11s}{'load s':>8s}   (RSS in MiB)")
        for kind in ("spacy1", "spacy2", "parley"):
            print(_line(runs[kind]))
        print(f"parley ingest: stored {parley['stored']}, duplicate {parley['duplicate']}, "
              f"rejected {parley['rejected']}, events {parley['events']}; database "
              f"{parley['db_bytes'] / 1e6:.1f} MB = {kb_per_article:.1f} KB an article")
        print(f"ratio parley / best bare spaCy ({best['kind']}): {ratio:.2f}")
        print(f"CPU per article: parley {_cpu_share(parley, runs['spacy1']):+.0%} on top of bare "
              "spaCy n_process=1 (Parley's own work beside parsing; a loaded machine moves it less "
              "than the wall-time ratio)")
    missed = []
    for name, ok, shown in (
            (f"ratio >= {TARGET_RATIO}", ratio >= TARGET_RATIO, f"{ratio:.2f}"),
            (f"peak RSS <= {TARGET_RSS_MB:.0f} MiB a process", rss <= TARGET_RSS_MB, f"{rss:.0f}"),
            (f"database <= {TARGET_KB_PER_ARTICLE:.0f} KB an article",
             kb_per_article <= TARGET_KB_PER_ARTICLE, f"{kb_per_article:.1f}")):
        if not args.as_json:
            print(f"target {name}: {'met' if ok else 'MISSED'} ({shown})")
        if not ok:
            missed.append(name)
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
