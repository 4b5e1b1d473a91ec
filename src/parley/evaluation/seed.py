"""Scoring the hand-annotated example article (``shared/eval/seed_gold.json``).

The rules are exactly those of ``shared/tools/score.py seed``. Gold spans are anchor
strings that are looked up in the article text. Items marked ``required: false`` are
credited when found and never count as misses; a prediction that matches no gold item is a
false positive. The result keeps score.py's diagnostic lines (misses and extras).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from parley.errors import IngestError
from parley.evaluation.gold import entity_countries, norm_country, span_of
from parley.evaluation.quotes import covered

logger = logging.getLogger(__name__)

ISSUE_SYNONYMS = {
    "ceasefire": {"ceasefire", "cease-fire", "cease fire", "truce", "armistice"},
    "peace talks": {"peace talks", "peace deal", "peace negotiations", "peace plan",
                    "peace pact", "peace", "peace process", "peace settlement"},
    "troop withdrawal": {"troop withdrawal", "withdrawal", "withdrawal of troops",
                         "withdrawal of forces", "troops withdrawal"},
    "sanctions": {"sanctions", "sanction", "economic sanctions"},
}


@dataclass(frozen=True)
class SeedScores:
    actors: float
    events_r: float
    events_p: float
    quotes_r: float
    quotes_p: float
    stances_r: float
    stances_p: float
    mode: tuple[int, int] = (0, 0)
    location: tuple[int, int] = (0, 0)
    via: tuple[int, int] = (0, 0)
    lines: tuple[str, ...] = field(default=(), repr=False)

    def figures(self) -> dict[str, float]:
        return {
            "actors": self.actors, "events_r": self.events_r, "events_p": self.events_p,
            "quotes_r": self.quotes_r, "quotes_p": self.quotes_p,
            "stances_r": self.stances_r, "stances_p": self.stances_p,
        }

    @property
    def minimum(self) -> float:
        return min(self.figures().values())


def _find(text: str, anchor: str) -> tuple[int, int]:
    i = text.find(anchor)
    if i < 0:
        raise IngestError(
            "seed gold", "anchor_not_found",
            f"anchor {anchor!r} is not in the article text; the gold and the article must be "
            "the same version",
        )
    return i, i + len(anchor)


def _in_range(date: str | None, want: Any) -> bool:
    if want is None:
        return True
    if date is None:
        return False
    if isinstance(want, list):
        return bool(want[0] <= date[:10] <= want[1])
    return bool(date[:10] == want)


def _opt_match(allowed: list[Any], countries: set[str]) -> bool:
    if not countries:
        return None in allowed
    return bool({norm_country(c) for c in allowed if c} & countries)


def score_seed(gold: dict[str, Any], text: str, prediction: dict[str, Any] | None) -> SeedScores:
    """Score one contract object for the seed article against the seed gold."""
    if prediction is None:
        return SeedScores(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, lines=("seed: no output",))
    out = prediction
    lines: list[str] = []

    ok = 0
    for ga in gold["actors"]:
        a0, _ = _find(text, ga["anchor"])
        m0 = text.find(ga["mention"], a0)
        m1 = m0 + len(ga["mention"])
        hit = None
        for actor in out.get("actors") or []:
            for m in actor.get("mentions") or []:
                s = span_of(m)
                if s and min(s[1], m1) > max(s[0], m0):
                    hit = actor
        found: dict[str, Any] = hit or {}
        good = (bool(hit) and norm_country(found.get("country")) == ga["country"]
                and found.get("sector") in ga["sector"])
        ok += good
        if not good:
            got = found.get("country"), found.get("sector")
            lines.append(f"  actor miss: {ga['mention']!r} want {ga['country']}/{ga['sector']} got {got}")
    actor_acc = ok / len(gold["actors"])

    preds = [e for e in out.get("events") or [] if e.get("event")]
    unused = list(preds)
    req = sum(1 for g in gold["events"] if g["required"])
    req_hit = matched_any = mode_ok = mode_n = loc_ok = loc_n = 0
    for g in sorted(gold["events"], key=lambda g: not g["required"]):
        a0, a1 = _find(text, g["anchor"])
        hit = None
        for e in unused:
            sent = span_of(e.get("sentence")) or span_of(e.get("trigger"))
            if not sent or not (min(sent[1], a1) > max(sent[0], a0)):
                continue
            if e["event"] not in g["event"]:
                continue
            pa, pr = entity_countries(e.get("actor")), entity_countries(e.get("recipient"))
            if not _opt_match(g["actor"], pa) or not _opt_match(g["recipient"], pr):
                continue
            if e.get("aux_mode") not in g.get("aux_mode", [None]):
                continue
            if "date" in g and not _in_range(e.get("date"), g["date"]):
                continue
            hit = e
            break
        if hit is None:
            if g["required"]:
                lines.append(f"  event miss: {g['id']} {g['event']} {g['anchor']!r}")
            continue
        unused.remove(hit)
        matched_any += 1
        req_hit += g["required"]
        if "mode" in g:
            mode_n += 1
            mode_ok += g["mode"] in (hit.get("mode") or [])
        if "location_country" in g:
            loc_n += 1
            loc = hit.get("event_loc") or {}
            loc_ok += norm_country(loc.get("country")) == g["location_country"]
    for e in unused:
        lines.append(f"  event extra: {e.get('event')} {e.get('aux_mode')} "
                     f"{sorted(entity_countries(e.get('actor')))}->{sorted(entity_countries(e.get('recipient')))} "
                     f"{(e.get('trigger') or {}).get('text')!r}")
    ev_r = req_hit / req
    ev_p = matched_any / len(preds) if preds else 0.0

    qpreds = [(q, span_of(q.get("content"))) for q in out.get("quotes") or []]
    qunused = [(q, s) for q, s in qpreds if s]
    n_qpreds = len(qunused)
    qreq = sum(1 for g in gold["quotes"] if g["required"])
    q_any = spk_ok = via_ok = via_n = 0
    for g in sorted(gold["quotes"], key=lambda g: not g["required"]):
        c0, c1 = _find(text, g["content"])
        qhit = None
        for q, s in qunused:
            if covered([(c0, c1)], s) >= 0.5 and (s[1] - s[0]) <= 2.5 * (c1 - c0) + 20:
                qhit = (q, s)
                break
        if qhit is None:
            if g["required"]:
                lines.append(f"  quote miss: {g['id']} {g['content'][:50]!r}")
            continue
        qunused.remove(qhit)
        q = qhit[0]
        q_any += 1
        speaker = q.get("speaker") or {}
        good = norm_country(speaker.get("country")) == g["speaker_country"]
        if g.get("speaker_name"):
            said = speaker.get("name") or speaker.get("text") or ""
            good = good and any(tok in said for tok in g["speaker_name"].split())
        if g["required"]:
            spk_ok += good
            if not good:
                lines.append(f"  quote speaker wrong: {g['id']} got "
                             f"{speaker.get('name') or speaker.get('text')!r}/{speaker.get('country')}")
        if g.get("via_country"):
            via_n += 1
            via_ok += norm_country((q.get("via") or {}).get("country")) == g["via_country"]
    for _, s in qunused:
        lines.append(f"  quote extra: {text[s[0]:s[1]][:60]!r}")
    q_r = spk_ok / qreq
    q_p = q_any / n_qpreds if n_qpreds else 0.0

    spreds = list(out.get("stances") or [])
    sunused = list(spreds)
    sreq = sum(1 for g in gold["stances"] if g["required"])
    s_hit = s_any = 0
    for g in sorted(gold["stances"], key=lambda g: not g["required"]):
        names = ISSUE_SYNONYMS.get(g["issue"], {g["issue"]})
        shit = None
        for s in sunused:
            holder = s.get("holder") or {}
            if (norm_country(holder.get("country")) == g["holder_country"]
                    and str(s.get("issue", "")).lower() in names
                    and s.get("polarity") == g["polarity"]):
                shit = s
                break
        if shit is None:
            if g["required"]:
                lines.append(f"  stance miss: {g['id']} {g['holder_country']} {g['polarity']} {g['issue']}")
            continue
        sunused.remove(shit)
        s_any += 1
        s_hit += g["required"]
    for s in sunused:
        lines.append(f"  stance extra: {(s.get('holder') or {}).get('country')} "
                     f"{s.get('polarity')} {s.get('issue')}")
    st_r = s_hit / sreq
    st_p = s_any / len(spreds) if spreds else 0.0

    return SeedScores(
        actors=actor_acc, events_r=ev_r, events_p=ev_p, quotes_r=q_r, quotes_p=q_p,
        stances_r=st_r, stances_p=st_p, mode=(mode_ok, mode_n), location=(loc_ok, loc_n),
        via=(via_ok, via_n), lines=tuple(lines),
    )
