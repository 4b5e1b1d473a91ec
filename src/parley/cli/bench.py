"""`parley bench INPUT [--limit N]`: speed of the whole pipeline beside bare spaCy.

Both run in the same process on the same texts with the same spaCy pipeline object and
batch size, alternating on rounds of articles: bare ``nlp.pipe`` (parse only), then Parley's
pipeline through ``parley.Parley`` (with its default parallelism, ``nlp.n_process``). The
ratio is Parley's articles/s over bare spaCy's: 1.0 would mean that the stages after parsing
cost nothing. Model loading is timed apart and left out of both rates.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import resource
import sys
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from parley.cli.options import add_settings_options, make_parley
from parley.errors import ConfigError
from parley.facade import Parley
from parley.model import Article
from parley.nlp import load_nlp
from parley.pipeline import Pipeline

logger = logging.getLogger(__name__)

WARMUP = 8  # texts parsed before timing, so that lazy initialisation is not counted


@dataclass
class BenchResult:
    articles: int
    words: int
    chars: int
    load_seconds: float
    spacy_seconds: float
    parley_seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    stored: int = 0
    rejected: int = 0
    events: int = 0
    peak_rss_mb: float = 0.0

    @property
    def spacy_rate(self) -> float:
        return self.articles / self.spacy_seconds if self.spacy_seconds else 0.0

    @property
    def parley_rate(self) -> float:
        return self.articles / self.parley_seconds if self.parley_seconds else 0.0

    @property
    def ratio(self) -> float:
        return self.parley_rate / self.spacy_rate if self.spacy_rate else 0.0

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(spacy_articles_per_s=self.spacy_rate, parley_articles_per_s=self.parley_rate,
                   spacy_words_per_s=self.words / self.spacy_seconds if self.spacy_seconds else 0.0,
                   parley_words_per_s=self.words / self.parley_seconds if self.parley_seconds else 0.0,
                   ratio=self.ratio)
        return out


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


def read_articles(inputs: list[str], limit: int | None) -> list[Article]:
    """The first ``limit`` readable articles of the inputs (rejections are skipped, logged)."""
    from parley.ingest import read_inputs

    articles: Iterable[Article] = (
        item for item in read_inputs(inputs) if isinstance(item, Article) and item.text.strip()
    )
    if limit is not None:
        articles = itertools.islice(articles, limit)
    return list(articles)


def measure(articles: list[Article], pipeline: Pipeline | Parley, nlp: Any, batch_size: int = 32,
            db: str | None = None, load_seconds: float = 0.0, round_size: int = 200) -> BenchResult:
    """Time bare ``nlp.pipe`` and Parley's analyze (into the store at ``db`` if given) on
    ``articles``.

    The two alternate on rounds of ``round_size`` articles, each going first in every other
    round, so that a change in the machine's load during the run (other processes) and
    warm caches weigh on both alike.
    """
    if not articles:
        raise ConfigError("nothing to benchmark: the inputs hold no readable article")
    parley = pipeline if isinstance(pipeline, Parley) else Parley(pipeline.settings,
                                                                  pipeline=pipeline)
    texts = [a.text for a in articles]
    for _ in nlp.pipe(texts[:WARMUP], batch_size=batch_size):
        pass
    stages: dict[str, float] = {}
    events = stored = rejected = 0
    spacy_seconds = parley_seconds = 0.0
    step = max(round_size, batch_size)
    for number, first in enumerate(range(0, len(articles), step)):
        chunk = slice(first, first + step)
        for which in ("spacy", "parley") if number % 2 == 0 else ("parley", "spacy"):
            t0 = time.perf_counter()
            if which == "spacy":
                for _ in nlp.pipe(texts[chunk], batch_size=batch_size):
                    pass
                spacy_seconds += time.perf_counter() - t0
                continue
            for doc in parley.documents(articles[chunk], db=db):
                if doc.rejection is not None:
                    rejected += 1
                    continue
                stored += 1
                events += len(doc.events)
                for name, seconds in doc.timings:
                    stages[name] = stages.get(name, 0.0) + seconds
            parley_seconds += time.perf_counter() - t0
        logger.info("bench: %d/%d articles", min(first + step, len(articles)), len(articles))
    return BenchResult(
        articles=len(articles), words=sum(len(t.split()) for t in texts),
        chars=sum(len(t) for t in texts), load_seconds=load_seconds,
        spacy_seconds=spacy_seconds, parley_seconds=parley_seconds, stage_seconds=stages,
        stored=stored, rejected=rejected, events=events, peak_rss_mb=peak_rss_mb(),
    )


def format_result(result: BenchResult, title: str = "") -> str:
    r = result
    lines = [title] if title else []
    lines.append(f"{r.articles} articles, {r.words} words ({r.chars} characters); "
                 f"model load {r.load_seconds:.1f} s")
    lines.append(f"{'':14s}{'seconds':>9s}{'articles/s':>12s}{'words/s':>10s}")
    for name, seconds in (("bare spaCy", r.spacy_seconds), ("Parley", r.parley_seconds)):
        rate = r.articles / seconds if seconds else 0.0
        words = r.words / seconds if seconds else 0.0
        lines.append(f"{name:14s}{seconds:9.1f}{rate:12.1f}{words:10.0f}")
    lines.append(f"ratio Parley / bare spaCy: {r.ratio:.2f}")
    total = sum(r.stage_seconds.values()) or 1.0
    lines.append("time per stage:")
    for name, seconds in r.stage_seconds.items():
        per = 1000 * seconds / r.articles
        lines.append(f"  {name:28s}{seconds:8.1f} s {100 * seconds / total:5.1f} %  "
                     f"{per:7.2f} ms/article")
    lines.append(f"stored {r.stored}, rejected {r.rejected}, events {r.events}; "
                 f"peak RSS {r.peak_rss_mb:.0f} MiB")
    return "\n".join(lines)


def add_parser(sub: Any) -> None:
    p = sub.add_parser("bench", help="articles/s, words/s, time per stage and memory, "
                                     "beside bare spaCy on the same texts",
                       description="Benchmark the pipeline on a corpus (jsonl, jsonl.gz, ...).")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--limit", type=int, default=None, metavar="N",
                   help="use the first N articles")
    p.add_argument("--json", dest="as_json", action="store_true",
                   help="print the figures as one JSON object")
    add_settings_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise ConfigError(f"--limit {args.limit}: give a count of 1 or more")
    parley = make_parley(args)
    articles = read_articles(args.inputs, args.limit)
    t0 = time.perf_counter()
    nlp = load_nlp(parley.settings.nlp.model)
    parley.pipeline  # noqa: B018 - built and its models loaded now, to time the load
    load_seconds = time.perf_counter() - t0
    result = measure(articles, parley, nlp, parley.settings.nlp.batch_size,
                     load_seconds=load_seconds)
    if args.as_json:
        sys.stdout.write(json.dumps(result.to_dict()) + "\n")
    else:
        sys.stdout.write(format_result(result, f"parley bench {' '.join(args.inputs)}") + "\n")
    return 0
