"""`parley eval events|quotes|seed GOLD`: run the pipeline on a gold set and score it.

The gold records are read as `parley analyze` reads them (``id``, ``text``, ``date`` ...),
so ``--out PRED.jsonl`` holds exactly what `parley analyze --format jsonl GOLD` prints and
``python shared/tools/score.py events GOLD PRED.jsonl`` gives the same figures as this
command (the scoring in ``parley.evaluation`` follows score.py's rules).
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from parley.cli.options import add_settings_options, make_parley
from parley.errors import ConfigError
from parley.evaluation import (
    HALVES,
    events_report,
    half_of,
    load_json,
    load_jsonl,
    quotes_report,
    score_events,
    score_quotes,
    score_seed,
    seed_report,
)
from parley.facade import Parley
from parley.model import Article
from parley.pipeline import Pipeline

logger = logging.getLogger(__name__)


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "eval", help="score the pipeline on a gold set (events, quotes, seed article)",
        description="Run the pipeline on gold records and print precision, recall and F1 with "
                    "the rules of shared/tools/score.py.")
    kinds = p.add_subparsers(dest="kind", metavar="KIND")
    kinds.required = True

    def common(q: argparse.ArgumentParser) -> None:
        q.add_argument("--out", metavar="PRED.jsonl",
                       help="also write the predictions (parley analyze --format jsonl lines)")
        add_settings_options(q)
        q.set_defaults(func=run)

    ev = kinds.add_parser("events", help="PLOVER events on sentence records (plover_gsr, petrarch)")
    ev.add_argument("gold", metavar="GOLD.jsonl")
    ev.add_argument("--errors", type=int, default=0, metavar="N",
                    help="show the N records with the most errors, with each event's reason")
    ev.add_argument("--plot", metavar="OUT.png|OUT.svg",
                    help="write per-type F1 and the confusion matrix to an image")
    ev.add_argument("--half", choices=HALVES,
                    help="score one fixed half of the records (sha1 of the id even: A, odd: "
                         "B); rules are written looking at half A only")
    ev.add_argument("--gold-out", metavar="HALF.jsonl",
                    help="with --half: also write that half's gold records, for score.py")
    common(ev)

    qu = kinds.add_parser("quotes", help="quote spans and speakers on articles (quotes_dev)")
    qu.add_argument("gold", metavar="GOLD.jsonl")
    qu.add_argument("--overlap", type=float, default=0.3, metavar="SHARE",
                    help="least share of a gold quote's content a prediction must cover (0.3)")
    qu.add_argument("--limit", type=int, metavar="N", help="score only the first N articles")
    qu.add_argument("--half", choices=("A", "B"),
                    help="only the articles of one fixed half (sha1(id) even: A, odd: B)")
    qu.add_argument("--gold-out", metavar="GOLD_HALF.jsonl",
                    help="also write the gold records scored (for score.py quotes)")
    common(qu)

    se = kinds.add_parser("seed", help="the hand-annotated example article (seed_gold.json)")
    se.add_argument("gold", metavar="GOLD.json")
    se.add_argument("--text", metavar="ARTICLE.txt",
                    help="the article; by default the gold's 'article' path, relative to the "
                         "gold file's parent directory")
    common(se)


def predict(
    inputs: Sequence[str], pipeline: Pipeline | Parley, limit: int | None = None,
    default_date: str | None = None, ids: set[str] | None = None,
) -> list[dict[str, Any]]:
    """What `parley analyze --format jsonl INPUTS` prints, as contract objects.

    ``limit`` keeps the first N inputs (articles or rejections); ``ids`` keeps only the
    inputs with these ids (before ``limit``). Rejected inputs give an
    object with ``rejection`` set and no events, as analyze prints them.
    """
    parley = pipeline if isinstance(pipeline, Parley) else Parley(pipeline.settings,
                                                                  pipeline=pipeline)
    chosen: list[Any] = list(inputs)
    if ids is not None:  # read as analyze reads them, keep those ids, then the first N
        chosen = list(itertools.islice(
            (x for x in parley.read(chosen, date=default_date)
             if isinstance(x, Article) and x.id in ids), limit))
        limit = None
    out = list(parley.analyze(chosen, limit=limit, date=default_date))
    for obj in out:
        if obj["rejection"]:
            r = obj["rejection"]
            logger.warning("rejected %s: %s: %s", obj["id"], r["reason"], r["detail"])
    return out


def write_predictions(path: str | Path, predictions: Iterable[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for obj in predictions:
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")


def seed_text_path(gold_path: str | Path, gold: dict[str, Any]) -> Path:
    """Where score.py looks for the seed article: ``article`` relative to the gold's parent."""
    if "article" not in gold:
        raise ConfigError(f"seed gold {str(gold_path)!r} names no 'article'; pass --text ARTICLE.txt")
    return Path(gold_path).resolve().parent.parent / gold["article"]


def run(args: argparse.Namespace, pipeline: Pipeline | Parley | None = None) -> int:
    if not Path(args.gold).is_file():
        raise ConfigError(f"gold file {args.gold!r} does not exist; gold sets are in shared/eval/")
    pipeline = pipeline or make_parley(args)
    out = sys.stdout
    if args.kind == "events":
        if args.errors < 0:
            raise ConfigError(f"--errors {args.errors}: give a count of 0 or more")
        records = load_jsonl(args.gold)
        half = getattr(args, "half", None)
        if half:
            records = [r for r in records if half_of(str(r.get("id"))) == half]
            with tempfile.TemporaryDirectory() as tmp:
                half_path = Path(getattr(args, "gold_out", None) or Path(tmp) / f"half_{half}.jsonl")
                write_predictions(half_path, records)
                predictions = predict([str(half_path)], pipeline)
        else:
            predictions = predict([args.gold], pipeline)
        scores = score_events(records, predictions)
        out.write(events_report(scores, errors=args.errors) + "\n")
        if args.plot:
            from parley.evaluation.plots import plot_events

            plot_events(scores, args.plot, title=Path(args.gold).name)
    elif args.kind == "quotes":
        if not 0.0 < args.overlap <= 1.0:
            raise ConfigError(f"--overlap {args.overlap}: give a share in (0, 1], e.g. 0.3")
        articles = [a for a in load_jsonl(args.gold)
                    if args.half is None or half_of(a["id"]) == args.half][: args.limit]
        predictions = predict([args.gold], pipeline, limit=args.limit,
                              ids={a["id"] for a in articles} if args.half else None)
        if args.gold_out:
            write_predictions(args.gold_out, articles)
        out.write(quotes_report(score_quotes(articles, predictions, args.overlap)) + "\n")
    else:
        gold = load_json(args.gold)
        text_path = Path(args.text) if args.text else seed_text_path(args.gold, gold)
        if not text_path.is_file():
            raise ConfigError(f"seed article {str(text_path)!r} does not exist; pass --text")
        predictions = predict([str(text_path)], pipeline, default_date=gold.get("date"))
        text = text_path.read_text(encoding="utf-8")
        out.write(seed_report(score_seed(gold, text, predictions[0] if predictions else None))
                  + "\n")
    if args.out:
        write_predictions(args.out, predictions)
    return 0
