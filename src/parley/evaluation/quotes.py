"""Scoring quotes against article-level gold (quotes_dev.jsonl, converted from PolNeAR).

The rules are exactly those of ``shared/tools/score.py quotes``: gold quotes in order, each
takes the unused predicted quote whose content span covers the largest share of the gold
content (``|gold & pred| / |gold|``, at least ``threshold``; on a tie the later one); on
matched pairs, the speaker is right when the predicted ``speaker_span`` (or the speaker
Entity's ``mention``) overlaps a gold speaker span, and the cue when it overlaps a gold cue
span. Speaker and cue accuracy are shares of all matched pairs.

Beyond score.py: recall per ``quote_type`` (direct / mixed / indirect).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from parley.evaluation.gold import Counts, Share, by_id, span_of

logger = logging.getLogger(__name__)


def covered(gold_spans: Sequence[Sequence[int]], pred: tuple[int, int] | None) -> float:
    """Share of the gold spans' characters that the predicted span covers."""
    total = sum(e - s for s, e in gold_spans)
    if not total or pred is None:
        return 0.0
    inter = sum(max(0, min(e, pred[1]) - max(s, pred[0])) for s, e in gold_spans)
    return inter / total


def overlaps(spans: Sequence[Sequence[int]], span: tuple[int, int] | None) -> bool:
    return span is not None and any(min(e, span[1]) > max(s, span[0]) for s, e in spans)


@dataclass(frozen=True)
class QuoteScores:
    articles: int
    missing: int
    threshold: float
    quotes: Counts
    speech_cue: Counts  # recall only: fp is not defined for a gold subset
    speaker: Share
    cue: Share
    per_kind: dict[str, Counts]  # recall per gold quote_type

    def figures(self) -> dict[str, float]:
        out = {
            "p": self.quotes.precision, "r": self.quotes.recall, "f1": self.quotes.f1,
            "r_speech_cues": self.speech_cue.recall,
            "speaker_acc": self.speaker.value, "cue_acc": self.cue.value,
        }
        for kind, counts in self.per_kind.items():
            out[f"r.{kind}"] = counts.recall
        return out


def _speaker_span(quote: dict[str, Any]) -> tuple[int, int] | None:
    return span_of(quote.get("speaker_span")) or span_of((quote.get("speaker") or {}).get("mention"))


def score_quotes(
    gold_articles: Iterable[dict[str, Any]],
    predictions: Iterable[dict[str, Any]],
    threshold: float = 0.3,
) -> QuoteScores:
    gold = list(gold_articles)
    pred = by_id(predictions)
    tp = fp = fn = sp_tp = sp_fn = 0
    speaker_ok = cue_ok = matched = missing = 0
    kind_hit: dict[str, list[int]] = {}
    for art in gold:
        out = pred.get(art["id"])
        if out is None:
            missing += 1
            out = {}
        got = [(q, span_of(q.get("content"))) for q in out.get("quotes") or []]
        unused = [(q, s) for q, s in got if s]
        for gq in art["quotes"]:
            best: tuple[dict[str, Any], tuple[int, int]] | None = None
            best_cov = threshold
            for q, s in unused:
                c = covered(gq["content_spans"], s)
                if c >= best_cov:
                    best, best_cov = (q, s), c
            kind = kind_hit.setdefault(gq.get("quote_type") or "unknown", [0, 0])
            if best is None:
                fn += 1
                sp_fn += bool(gq.get("speech_cue"))
                kind[1] += 1
                continue
            unused.remove(best)
            tp += 1
            sp_tp += bool(gq.get("speech_cue"))
            kind[0] += 1
            matched += 1
            q = best[0]
            if gq.get("speaker_spans") and overlaps(gq["speaker_spans"], _speaker_span(q)):
                speaker_ok += 1
            if gq.get("cue_spans") and overlaps(gq["cue_spans"], span_of(q.get("cue"))):
                cue_ok += 1
        fp += len(unused)
    return QuoteScores(
        articles=len(gold), missing=missing, threshold=threshold,
        quotes=Counts(tp, fp, fn), speech_cue=Counts(sp_tp, 0, sp_fn),
        speaker=Share(speaker_ok, matched), cue=Share(cue_ok, matched),
        per_kind={k: Counts(h, 0, m) for k, (h, m) in sorted(kind_hit.items())},
    )
