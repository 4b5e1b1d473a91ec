"""Scoring PLOVER events against sentence-level gold records (plover_gsr_*, petrarch_*).

The matching rules are exactly those of ``shared/tools/score.py events``:

* ``petr2-unittest`` records are left out (their codes are test codes, not PLOVER);
* a record with ``expect`` other than ``events`` expects no event at all;
* gold events with no ``plover`` type are left out; a reciprocal pair A->B / B->A of the
  same type is one event with both sides as actors;
* *type* level: per record, the multiset intersection of gold and predicted types;
* *with actors* level: gold events in order, each takes the first unused predicted event of
  the same type whose actor-or-recipient countries meet the gold actor countries and the gold
  recipient countries (a gold side with only wildcards always matches).

Beyond score.py, this module pairs events for a confusion table, measures actor and
recipient country accuracy on type-matched pairs, and keeps each record's result so that a
report can show the worst cases with the events' ``reason``.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from parley.evaluation.gold import WILDCARD, Counts, Share, by_id, entity_countries, norm_country

logger = logging.getLogger(__name__)

NONE = "-"  # the confusion table's "no event" row and column
LEFT_OUT_DATASETS = frozenset({"petr2-unittest"})


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    actors: frozenset[str]
    recipients: frozenset[str]


@dataclass(frozen=True, slots=True)
class CaseResult:
    """One gold record and what the system made of it."""

    id: str
    text: str
    gold: tuple[GoldEvent, ...]
    predicted: tuple[dict[str, Any], ...]
    with_actors: Counts
    missing: bool = False

    @property
    def errors(self) -> int:
        return self.with_actors.fp + self.with_actors.fn


@dataclass(frozen=True)
class EventScores:
    records: int
    missing: int
    type: Counts
    with_actors: Counts
    per_type: dict[str, Counts]
    confusion: dict[tuple[str, str], int]  # (gold type, predicted type) -> count; NONE = none
    actor_country: Share
    recipient_country: Share
    cases: tuple[CaseResult, ...] = field(repr=False, default=())

    def figures(self) -> dict[str, float]:
        """The headline figures by name, as the quality gate pins them."""
        out = {
            "type_p": self.type.precision, "type_r": self.type.recall, "type_f1": self.type.f1,
            "with_actors_p": self.with_actors.precision,
            "with_actors_r": self.with_actors.recall,
            "with_actors_f1": self.with_actors.f1,
            "actor_country_acc": self.actor_country.value,
        }
        for name, counts in self.per_type.items():
            out[f"f1.{name}"] = counts.f1
        return out

    def worst(self, n: int) -> list[CaseResult]:
        """The ``n`` records with the most with-actors errors (ties by id)."""
        bad = [c for c in self.cases if c.errors]
        bad.sort(key=lambda c: (-c.errors, c.id))
        return bad[:n]


def gold_events(record: dict[str, Any]) -> list[GoldEvent]:
    """Gold events of one record; reciprocal A->B / B->A pairs collapse into one event."""
    events: list[tuple[str, set[str], set[str]]] = []
    for g in record.get("gold") or []:
        if not g.get("plover"):
            continue
        if "source_actors" in g:
            actors = {norm_country(a["code"]) for a in g["source_actors"]}
            recips = {norm_country(a["code"]) for a in g.get("target_actors") or []}
        else:
            actors = {norm_country(g.get("source"))}
            recips = {norm_country(g.get("target"))} if g.get("target") else set()
        actors.discard(None)
        recips.discard(None)
        events.append((g["plover"], actors, recips))  # type: ignore[arg-type]
    merged: list[tuple[str, set[str], set[str]]] = []
    for t, a, r in events:
        twin = next((m for m in merged if m[0] == t and m[1] == r and m[2] == a), None)
        if twin:
            merged.remove(twin)
            merged.append((t, a | r, set()))
        else:
            merged.append((t, a, r))
    return [GoldEvent(t, frozenset(a), frozenset(r)) for t, a, r in merged]


def participants_match(gold: Iterable[str | None], predicted: set[str]) -> bool:
    wanted = {c for c in gold if c not in WILDCARD}
    return not wanted or bool(wanted & predicted)


def _countries(event: dict[str, Any]) -> tuple[set[str], set[str]]:
    return entity_countries(event.get("actor")), entity_countries(event.get("recipient"))


def _triple_match(gold: GoldEvent, event: dict[str, Any]) -> bool:
    if event["event"] != gold.type:
        return False
    pa, pr = _countries(event)
    both = pa | pr
    return participants_match(gold.actors, both) and participants_match(gold.recipients, both)


def score_events(
    gold_records: Iterable[dict[str, Any]], predictions: Iterable[dict[str, Any]]
) -> EventScores:
    """Score contract objects (``to_contract`` output) against gold sentence records."""
    gold = [r for r in gold_records if r.get("dataset") not in LEFT_OUT_DATASETS]
    pred = by_id(predictions)
    per_type: dict[str, Counts] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    type_total = trip_total = Counts()
    actor_ok = actor_n = recip_ok = recip_n = 0
    missing = 0
    cases: list[CaseResult] = []
    for rec in gold:
        out = pred.get(rec["id"])
        if out is None:
            missing += 1
            out = {}
        expected = gold_events(rec) if rec.get("expect") == "events" else []
        got = [e for e in out.get("events") or [] if e.get("event")]

        gc = Counter(g.type for g in expected)
        pc = Counter(e["event"] for e in got)
        for t in set(gc) | set(pc):
            tp = min(gc[t], pc[t])
            counts = Counts(tp, pc[t] - tp, gc[t] - tp)
            per_type[t] = per_type.get(t, Counts()) + counts
            type_total += counts

        unused = list(got)
        pairs: list[tuple[GoldEvent, dict[str, Any]]] = []
        unmatched: list[GoldEvent] = []
        for g in expected:
            hit = next((e for e in unused if _triple_match(g, e)), None)
            if hit is None:
                unmatched.append(g)
            else:
                unused.remove(hit)
                pairs.append((g, hit))
        record_counts = Counts(len(pairs), len(unused), len(unmatched))
        trip_total += record_counts

        # Beyond score.py: pair what is left by type, then by order, for the confusion
        # table and the country accuracies.
        spare = list(unused)
        still: list[GoldEvent] = []
        for g in unmatched:
            same = next((e for e in spare if e["event"] == g.type), None)
            if same is None:
                still.append(g)
            else:
                spare.remove(same)
                pairs.append((g, same))
        for g, e in pairs:
            confusion[(g.type, g.type)] += 1
            pa, pr = _countries(e)
            if {c for c in g.actors if c not in WILDCARD}:
                actor_n += 1
                actor_ok += participants_match(g.actors, pa)
            if {c for c in g.recipients if c not in WILDCARD}:
                recip_n += 1
                recip_ok += participants_match(g.recipients, pr)
        for g, e in zip(still, spare, strict=False):
            confusion[(g.type, e["event"])] += 1
        for g in still[len(spare):]:
            confusion[(g.type, NONE)] += 1
        for e in spare[len(still):]:
            confusion[(NONE, e["event"])] += 1

        cases.append(CaseResult(
            id=rec["id"], text=rec.get("text", ""), gold=tuple(expected), predicted=tuple(got),
            with_actors=record_counts, missing=rec["id"] not in pred,
        ))
    if missing:
        logger.info("%d gold records have no prediction", missing)
    return EventScores(
        records=len(gold), missing=missing, type=type_total, with_actors=trip_total,
        per_type=dict(sorted(per_type.items())), confusion=dict(confusion),
        actor_country=Share(actor_ok, actor_n), recipient_country=Share(recip_ok, recip_n),
        cases=tuple(cases),
    )
