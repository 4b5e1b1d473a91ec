"""Stance figures on a corpus: how many, with a holder country, with a target or ``toward``,
and a seeded sample to read by eye against its sentence.

    zcat ../shared/corpora/allsides_political_news.jsonl.gz | head -300 > /tmp/as300.jsonl
    parley analyze --db /tmp/as.db --format jsonl /tmp/as300.jsonl > /tmp/as300.out.jsonl
    python benchmarks/quotes_stances.py /tmp/as300.out.jsonl [--sample 10 --seed 7]

Reads the JSON Lines ``parley analyze`` prints (one document result per line; see
docs/quotes.md for the stance record) and prints the counts, then each sampled stance with
the sentence its evidence stands in, for the reader to mark right or wrong.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from typing import Any


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence (or line) around ``[start, end)``, for reading."""
    lo = text.rfind("\n", 0, start)
    for m in re.finditer(r"[.!?][\"”’]?\s+(?=[\"“A-Z])", text[:start]):
        lo = max(lo, m.end() - 1)
    hi_m = re.search(r"[.!?][\"”’]?(\s|$)", text[end:])
    hi = end + hi_m.end() if hi_m else len(text)
    nl = text.find("\n", end)
    if 0 <= nl < hi:
        hi = nl
    return text[lo + 1:hi].strip()


def describe(s: dict[str, Any]) -> str:
    holder = s.get("holder") or {}
    toward = s.get("toward") or {}
    target = s.get("target") or {}
    out = f"{holder.get('name') or holder.get('text')} [{holder.get('country')}] {s['polarity']} "
    out += repr(s.get("issue"))
    if target:
        out += f" (target {target.get('name') or target.get('text')})"
    if toward:
        out += f" (toward {toward.get('name') or toward.get('text')} [{toward.get('country')}])"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", help="parley analyze --format jsonl output")
    parser.add_argument("--sample", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rows: list[tuple[str, dict[str, Any]]] = []
    articles = 0
    with open(args.results, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            doc = json.loads(line)
            articles += 1
            rows += [(doc.get("text") or "", s) for s in doc.get("stances") or []]
    n = len(rows)
    pol = Counter(s["polarity"] for _, s in rows)
    with_country = sum(bool((s.get("holder") or {}).get("country")) for _, s in rows)
    with_target = sum(bool(s.get("target") or s.get("toward")) for _, s in rows)
    actor_target = sum(bool(s.get("target")) for _, s in rows)
    in_quote = sum(bool(s.get("quote_id")) for _, s in rows)
    share = (lambda k: f"{k / n:.1%}") if n else (lambda k: "-")
    print(f"articles {articles}; stances {n} ({pol['support']} support, {pol['oppose']} oppose)")
    print(f"holder with a country {with_country} ({share(with_country)}); target or toward "
          f"{with_target} ({share(with_target)}); actor targets {actor_target} "
          f"({share(actor_target)}); voiced in a quote {in_quote} ({share(in_quote)})")
    rng = random.Random(args.seed)
    for k, (text, s) in enumerate(rng.sample(rows, min(args.sample, n)), 1):
        ev = s.get("evidence") or {}
        sent = sentence_of(text, ev.get("start", 0), ev.get("end", 0)) if text else ev.get("text")
        print(f"\n{k}. {describe(s)}\n   cue {((s.get('cue') or {}).get('text'))!r}; "
              f"evidence {ev.get('text')!r}\n   « {sent} »")


if __name__ == "__main__":
    main()
