"""Plain-text reports of scores.

Each report ends with the block that ``shared/tools/score.py`` prints for the same
predictions, line for line (per-type lines and the one-line summary last), so that the two
can be compared by eye or by ``diff``. What score.py does not print comes first.
"""

from __future__ import annotations

from typing import Any

from parley.evaluation.events import NONE, EventScores
from parley.evaluation.gold import entity_countries
from parley.evaluation.quotes import QuoteScores
from parley.evaluation.seed import SeedScores


def score_py_events_lines(scores: EventScores) -> list[str]:
    """The lines score.py prints for events, in its format."""
    lines = []
    for t, c in scores.per_type.items():
        lines.append(f"  {t:10s} tp={c.tp:3d} fp={c.fp:3d} fn={c.fn:3d}  "
                     f"P={c.precision:.2f} R={c.recall:.2f} F1={c.f1:.2f}")
    if scores.missing:
        lines.append(f"  records with no output line: {scores.missing}")
    ty, wa = scores.type, scores.with_actors
    lines.append(f"events records={scores.records} type P={ty.precision:.3f} R={ty.recall:.3f} "
                 f"F1={ty.f1:.3f} | with actors P={wa.precision:.3f} R={wa.recall:.3f} F1={wa.f1:.3f}")
    return lines


def confusion_lines(confusion: dict[tuple[str, str], int]) -> list[str]:
    """A gold (rows) x predicted (columns) table; ``-`` is "no event"."""
    if not confusion:
        return ["  (no events in gold or predictions)"]
    types = sorted({t for pair in confusion for t in pair} - {NONE}) + [NONE]
    short = {t: t[:6] for t in types}
    width = max(6, *(len(s) for s in short.values()))
    head = "  gold\\pred  " + " ".join(f"{short[t]:>{width}}" for t in types)
    lines = [head]
    for g in types:
        row = [confusion.get((g, p), 0) for p in types]
        if not any(row):
            continue
        cells = " ".join(f"{(str(n) if n else '.'):>{width}}" for n in row)
        lines.append(f"  {short[g]:<10s} {cells}")
    return lines


def _event_line(event: dict[str, Any]) -> str:
    actors = sorted(entity_countries(event.get("actor")))
    recips = sorted(entity_countries(event.get("recipient")))
    trigger = (event.get("trigger") or {}).get("text")
    aux = f" [{event['aux_mode']}]" if event.get("aux_mode") else ""
    reason = event.get("reason") or "(no reason given)"
    return f"      {event.get('event')}{aux} {actors}->{recips} trigger={trigger!r}: {reason}"


def worst_case_lines(scores: EventScores, n: int) -> list[str]:
    lines = []
    for case in scores.worst(n):
        c = case.with_actors
        lines.append(f"  {case.id}  (matched {c.tp}, missed {c.fn}, spurious {c.fp})")
        lines.append(f"    text: {case.text}")
        for g in case.gold:
            lines.append(f"    gold: {g.type} {sorted(g.actors)}->{sorted(g.recipients)}")
        if case.missing:
            lines.append("    predicted: (no output line for this record)")
        elif not case.predicted:
            lines.append("    predicted: nothing")
        else:
            lines.append("    predicted:")
            lines += [_event_line(e) for e in case.predicted]
    return lines


def events_report(scores: EventScores, errors: int = 0) -> str:
    lines = ["event types, gold (rows) against predicted (columns):"]
    lines += confusion_lines(scores.confusion)
    lines.append(f"actor country accuracy (type-matched pairs): {scores.actor_country.value:.3f} "
                 f"({scores.actor_country.correct}/{scores.actor_country.total}); "
                 f"recipient country accuracy: {scores.recipient_country.value:.3f} "
                 f"({scores.recipient_country.correct}/{scores.recipient_country.total})")
    if errors:
        worst = worst_case_lines(scores, errors)
        lines.append(f"worst {len(scores.worst(errors))} records by with-actors errors:")
        lines += worst or ["  (none: every record is right)"]
    lines.append("per type and overall (as score.py):")
    lines += score_py_events_lines(scores)
    return "\n".join(lines)


def score_py_quotes_lines(scores: QuoteScores) -> list[str]:
    lines = []
    if scores.missing:
        lines.append(f"  articles with no output line: {scores.missing}")
    q = scores.quotes
    lines.append(
        f"quotes articles={scores.articles} overlap>={scores.threshold} P={q.precision:.3f} "
        f"R={q.recall:.3f} F1={q.f1:.3f} R(speech cues)={scores.speech_cue.recall:.3f} "
        f"speaker-span acc={scores.speaker.value:.3f} cue acc={scores.cue.value:.3f}")
    return lines


def quotes_report(scores: QuoteScores) -> str:
    lines = ["recall per gold quote type:"]
    for kind, c in scores.per_kind.items():
        lines.append(f"  {kind:9s} {c.tp:5d}/{c.tp + c.fn:<5d} R={c.recall:.3f}")
    lines.append(f"speaker span right on {scores.speaker.correct} of {scores.speaker.total} "
                 f"matched quotes; cue on {scores.cue.correct}")
    lines += score_py_quotes_lines(scores)
    return "\n".join(lines)


def seed_report(scores: SeedScores) -> str:
    lines = list(scores.lines)
    if lines == ["seed: no output"]:
        return lines[0]
    lines.append(f"  event attributes: mode {scores.mode[0]}/{scores.mode[1]}, "
                 f"location {scores.location[0]}/{scores.location[1]}; "
                 f"quote via {scores.via[0]}/{scores.via[1]}")
    lines.append(f"seed actors={scores.actors:.2f} events R={scores.events_r:.2f} "
                 f"P={scores.events_p:.2f} quotes R={scores.quotes_r:.2f} P={scores.quotes_p:.2f} "
                 f"stances R={scores.stances_r:.2f} P={scores.stances_p:.2f}")
    return "\n".join(lines)
