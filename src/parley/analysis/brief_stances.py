"""Section (c) of the brief: the positions taken on issues that involve the actor, grouped
by issue and holder, and what they mean for it.

What an analyst would not count as a position is kept out: a stance with no known holder;
one whose "issue" is a generic word ("the decision", "his claim", "the aides"); one whose
issue is neither a named issue (the stance lexicon's issues.yaml) nor an actor it is about
and that affects no other party, unless at least ``MIN_ARTICLES`` articles carry it; one about its own holder's party (a US
senator on the US president, at the country level). A stance said to affect its own holder
affects no one else (``toward`` is dropped). Codes for many bodies at once (IGO, IMG ...)
may hold a listed position but take no part in a reading.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from parley.analysis.common import evidence, is_group, party, plural, record_day, record_id
from parley.store.dyads import outlet

# What support for an issue means for the actor a stance says it affects (``toward``):
# -1 adverse, +1 favourable; opposing the issue flips the sign; issues not listed: 0.
ISSUE_EFFECT = {
    "sanctions": -1, "military intervention": -1, "tariffs": -1, "annexation": -1,
    "arms supplies": 1, "humanitarian aid": 1, "nato membership": 1, "eu membership": 1,
    "free trade": 1, "air strikes": -1, "embargo": -1, "asset freeze": -1,
    "export controls": -1, "expulsion of diplomats": -1, "regime change": -1,
    "aid to ukraine": 1, "aid to israel": 1, "debt relief": 1, "peacekeeping": 1,
    "nuclear deal": 1, "normalisation": 1, "sovereignty": 1,
}
MIN_ARTICLES = 2  # a free-word issue, or a reading of shared positions, needs this many


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(the named issues, the generic and person head words) of the stance lexicon."""
    from parley.quotes.lexicon import issues, stance_cues

    cues = stance_cues()
    return (frozenset(i.name for i in issues()), cues.generic_heads | cues.person_heads)


def issue_class(issue: str, about: str | None = None) -> str:
    """'named' (an issue of the lexicon), 'actor' (the stance is about an actor), 'generic'
    (its head word is a generic or person noun: no issue of its own) or 'other'."""
    named, generic = _lexicon()
    if issue in named:
        return "named"
    if about:
        return "actor"
    words = issue.replace(".", " ").split()
    if not words or words[-1] in generic:
        return "generic"
    return "other"


def _norm(s: dict[str, Any], level: str) -> dict[str, Any] | None:
    """The stance's parties at the level (holder, toward, about), or None when it is no
    position an analyst would count."""
    holder = party(s.get("holder"), level)
    if not holder:
        return None
    toward = party(s.get("toward"), level)
    about = party(s.get("target"), level)
    if about is not None and about == holder:
        return None  # a stance on one of its own (a US senator on the US president): no
        # relation between parties at this level
    toward = None if toward == holder else toward
    cls = issue_class(s["issue"], about)
    if cls == "generic" or s.get("polarity") not in ("support", "oppose"):
        return None
    return {"s": s, "holder": holder, "toward": toward, "about": about, "cls": cls}


def _kept(rows: list[dict[str, Any]]) -> bool:
    """A group of one holder's stances on one issue: a named issue or an actor, a free word
    said to affect another party ("opposes the unfair practices" of China), or else carried
    by at least MIN_ARTICLES articles."""
    return (rows[0]["cls"] != "other" or rows[0]["toward"] is not None
            or len({r["s"]["article_key"] for r in rows}) >= MIN_ARTICLES)


SAME_SENTENCE = 0.75  # word-set Jaccard at which two evidence sentences are one


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.casefold()))


def unique(evs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Evidence without repeats: a sentence once, even from two articles (a wire story
    printed by several outlets, an outlet's own rewrite: "phony news" / "fake news")."""
    kept: list[frozenset[str]] = []
    out = []
    for ev in evs:
        w = _words(ev["sentence"])
        if not any(len(w & k) >= SAME_SENTENCE * len(w | k) for k in kept):
            kept.append(w)
            out.append(ev)
    return out


def stance_evidence(reader: Any, ss: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The evidence of the latest stances, one an article, no sentence twice."""
    latest = sorted(ss, key=lambda s: (record_day(s) or "", s["article_key"]), reverse=True)
    seen, ids = set(), []
    for s in latest:
        if s["article_key"] not in seen:
            seen.add(s["article_key"])
            ids.append((s["article_key"], record_id(s)))
    out: list[dict[str, Any]] = []
    for x in ids[: 3 * limit]:  # one by one until ``limit`` distinct sentences (a bound)
        out = unique(out + evidence(reader, "stance", [x]))
        if len(out) == limit:
            break
    return out


def _pol(polarity: str) -> int:
    return 1 if polarity == "support" else -1


def stance_section(ctx: Any, period: list[dict[str, Any]],
                   others_on: Callable[[list[str]], list[dict[str, Any]]], limit: int = 12
                   ) -> tuple[list[dict], set[tuple[str, str]], list[dict]]:
    """(stance groups, (article, outlet) of the stances shown, implications).

    ``period``: the period's stances held by the actor, said to affect it or about it;
    ``others_on``:
    the period's stances on the given issues, whoever holds them. Groups are ordered by
    issue (most stances first), the actor's own position first within an issue."""
    x, level = ctx.actor, ctx.level
    rows = [r for r in (_norm(s, level) for s in period) if r]
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:  # positions on an actor are one group whatever words name it
        if x in (r["holder"], r["toward"], r["about"]):
            groups[(r["holder"], r["about"] or r["s"]["issue"], r["s"]["polarity"],
                    r["toward"], r["about"])].append(r)
    kept = {k: g for k, g in groups.items() if _kept(g)}
    per_issue: dict[str, int] = defaultdict(int)
    for (_h, issue, *_), g in kept.items():
        per_issue[issue] += len(g)
    order = sorted(kept, key=lambda k: (-per_issue[k[1]], k[1], k[0] != x, -len(kept[k]),
                                        str(k)))
    keys: set[tuple[str, str]] = set()
    out: list[dict[str, Any]] = []
    impl: list[dict[str, Any]] = []
    for k in order:
        if len(out) == limit:
            break
        holder, _issue, polarity, toward, about = k
        ss = [r["s"] for r in kept[k]]
        words = sorted({s["issue"] for s in ss}, key=lambda w: (-sum(
            s["issue"] == w for s in ss), w))
        issue = words[0]
        ev = stance_evidence(ctx.reader, ss, ctx.k)
        if not ev:
            continue
        keys |= {(s["article_key"], outlet(s.get("url"), s.get("site"), s.get("source")))
                 for s in ss}
        arts = len({s["article_key"] for s in ss})
        out.append({"holder": holder, "holder_name": ctx.name(holder),
                    "issue": issue, "polarity": polarity, "toward": toward,
                    "toward_name": ctx.name(toward) if toward else None,
                    "about": about, "about_name": ctx.name(about) if about else None,
                    "issue_kind": kept[k][0]["cls"], "issue_words": words,
                    "count": len(ss), "articles": arts, "evidence": ev})
        # what it means: a position of another on the actor itself, or on a named issue
        # it is said to affect, carried by MIN_ARTICLES articles
        if holder == x or is_group(holder, level) or arts < MIN_ARTICLES:
            continue
        what = ctx.name(about) if about else issue
        if about == x:
            sign = _pol(polarity)
        elif toward == x and kept[k][0]["cls"] == "named":
            sign = ISSUE_EFFECT.get(issue, 0) * _pol(polarity)
        else:
            continue
        reading = {1: f": favourable for {ctx.name(x)}", -1: f": adverse for {ctx.name(x)}",
                   0: f", which it says affects {ctx.name(x)}"}[sign]
        impl.append({
            "text": f"{ctx.name(holder)} {polarity}s {what}{reading} ({plural(len(ss), 'stance')}).",
            "kind": "stance", "via": [holder], "sign": sign, "weight": float(len(ss)),
            "events": len(ss), "articles": arts, "sources": None, "confidence": None,
            "evidence": ev})
    impl += _shares(ctx, kept, others_on, limit // 2)
    return out, keys, impl


def _shares(ctx: Any, kept: dict[tuple[Any, ...], list[dict[str, Any]]],
            others_on: Callable[[list[str]], list[dict[str, Any]]], limit: int) -> list[dict]:
    """Who shares or opposes the actor's own positions: the same issue (and the same actor
    it is about), compatible ``toward`` (the same, or either unsaid), both sides with a net
    position, carried by at least MIN_ARTICLES articles together."""
    x, level = ctx.actor, ctx.level
    mine: dict[tuple[str, str | None], list[dict[str, Any]]] = defaultdict(list)
    for (holder, issue, _p, _t, about), g in kept.items():
        if holder == x:
            mine[(issue, about)] += g
    if not mine:
        return []
    theirs: dict[tuple[str, str, str | None], list[dict[str, Any]]] = defaultdict(list)
    for s in others_on(sorted({i for i, _ in mine})):
        r = _norm(s, level)
        if r and r["holder"] != x and not is_group(r["holder"], level) \
                and (s["issue"], r["about"]) in mine and not is_group(r["about"], level):
            theirs[(r["holder"], s["issue"], r["about"])].append(r)
    summary = {k: ({r["toward"] for r in g} - {None}, {r["s"]["article_key"] for r in g},
                   sum(_pol(r["s"]["polarity"]) for r in g)) for k, g in mine.items()}
    found = []
    for (h, issue, about), rs in theirs.items():
        own = mine[(issue, about)]
        own_towards, own_arts, pos = summary[(issue, about)]
        if len(own_towards | ({r["toward"] for r in rs} - {None})) > 1 or not _kept(rs):
            continue
        hp = sum(_pol(r["s"]["polarity"]) for r in rs)
        n_arts = len(own_arts | {r["s"]["article_key"] for r in rs})
        if pos and hp and n_arts >= MIN_ARTICLES:
            found.append((float(min(len(rs), len(own))), h, issue, about, pos, hp, rs, own,
                          n_arts))
    found.sort(key=lambda t: (-t[0], t[1], t[2]))
    out = []
    for weight, h, issue, about, pos, hp, rs, own, arts in found[:limit]:
        agree = (pos > 0) == (hp > 0)
        what = ctx.name(about) if about else issue
        word = "support for" if pos > 0 else "opposition to"
        text = (f"{ctx.name(h)} shares {ctx.name(x)}'s {word} {what}." if agree else
                f"{ctx.name(h)} takes the opposite position to {ctx.name(x)} on {what}.")
        out.append({"text": text, "kind": "stance", "via": [h], "sign": 1 if agree else -1,
                    "weight": weight, "events": len(rs) + len(own), "articles": arts,
                    "sources": None, "confidence": None,
                    "evidence": unique(stance_evidence(ctx.reader, [r["s"] for r in own], 1)
                                       + stance_evidence(ctx.reader, [r["s"] for r in rs], 2))})
    return out


__all__ = ["ISSUE_EFFECT", "MIN_ARTICLES", "issue_class", "stance_evidence", "stance_section",
           "unique"]
