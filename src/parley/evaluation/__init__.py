"""Scoring Parley's output against gold sets: events, quotes, the seed article; the gate.

Pure functions over contract objects (``parley.model.to_contract`` output, or lines of
``parley analyze --format jsonl``): no pipeline, no model. The rules are those of
``shared/tools/score.py``; ``parley eval`` (in ``parley.cli.eval``) runs the pipeline and
calls these.
"""

from parley.evaluation.events import EventScores, gold_events, score_events
from parley.evaluation.gold import (
    HALVES,
    Counts,
    Share,
    half_of,
    load_json,
    load_jsonl,
    norm_country,
    sha256_of,
)
from parley.evaluation.quotes import QuoteScores, score_quotes
from parley.evaluation.report import events_report, quotes_report, seed_report
from parley.evaluation.seed import SeedScores, score_seed

__all__ = [
    "HALVES", "Counts", "EventScores", "half_of", "QuoteScores", "SeedScores", "Share", "events_report",
    "gold_events", "load_json", "load_jsonl", "norm_country", "quotes_report", "score_events",
    "score_quotes", "score_seed", "seed_report", "sha256_of",
]
