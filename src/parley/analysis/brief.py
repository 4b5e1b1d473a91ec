"""The actor brief: what the news of a period means for one actor, every statement with its
evidence (the stored sentences) and how much stands behind it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import combinations
from typing import Any

from parley.analysis.alerts import alert_text, alerts
from parley.analysis.common import (
    Cell,
    Dyads,
    Result,
    check_date,
    country_name,
    display_name,
    dyads_of,
    evidence,
    level_of,
    party,
    record_day,
    record_id,
    shift,
    span_days,
    stances_of,
)
from parley.store.dyads import outlet

# What support for an issue means for the actor a stance says it affects (``toward``):
# -1 adverse, +1 favourable; opposing the issue flips the sign; issues not listed: 0.
ISSUE_EFFECT = {
    "sanctions": -1, "military intervention": -1, "tariffs": -1, "annexation": -1,
    "arms supplies": 1, "humanitarian aid": 1, "nato membership": 1, "eu membership": 1,
    "free trade": 1,
}
KIND_ORDER = {"direct": 0, "balance": 1, "stance": 2, "change": 3}


class Brief(Result):
    rows_key = "relations"


def _sign(x: float) -> int:
    return (x > 1e-9) - (x < -1e-9)


def _sum(cells: list[Cell]) -> tuple[int, float, float, int, float]:
    """(events, intensity, confidence, reciprocal events, reciprocal intensity)."""
    n = sum(c[6] for c in cells)
    return (n, sum(c[7] for c in cells), sum(c[8] for c in cells),
            sum(c[6] for c in cells if c[5]), sum(c[7] for c in cells if c[5]))


class _Ctx:
    def __init__(self, reader: Any, src: Dyads, actor: str, level: str, date_from: str,
                 date_to: str, evidence_limit: int) -> None:
        self.reader, self.src, self.actor, self.level = reader, src, actor, level
        self.date_from, self.date_to, self.k = date_from, date_to, evidence_limit
        self.names: dict[str, str] = {}

    def name(self, key: str) -> str:
        if key not in self.names:
            self.names[key] = display_name(self.reader, key, self.level)
        return self.names[key]

    def pair(self, a: str, b: str, date_from: str | None = None) -> dict[str, Any]:
        """The distinct events between a and b (both ways) in the period."""
        q: dict[str, Any] = {"level": self.level, "by": "day", "date_from": date_from or self.date_from,
             "date_to": self.date_to}
        ab, ba = self.src.cells(a=a, b=b, **q), self.src.cells(a=b, b=a, **q)
        x, y = _sum(ab), _sum(ba)
        n = x[0] + y[0] - x[3]
        return {"events": n, "net": x[1] + y[1] - x[4], "confidence": x[2] + y[2]
                - sum(c[8] for c in ab if c[5])}

    def event_evidence(self, pairs: list[tuple[str, str]], limit: int | None = None
                       ) -> list[dict[str, Any]]:
        ids: list[tuple[str, str]] = []
        about: dict[tuple[str, str], list[str]] = {}
        for a, b in pairs:
            for x in self.src.sample(level=self.level, a=a, b=b, date_from=self.date_from,
                                     date_to=self.date_to, limit=limit or self.k):
                if x not in ids:
                    ids.append(x)
                    about[x] = [a, b]
        out = []
        for x in ids[: limit or self.k]:
            for ev in evidence(self.reader, "event", [x]):
                out.append({**ev, "about": about[x]})  # the directed pair it attests
        return out

    def cover(self, a: str, b: str, directed: bool) -> tuple[int, int]:
        """(articles, sources) of a directed pair or of a pair either way, in the period."""
        got = self.src.coverage(level=self.level, by=None, a=a, b=b, directed=directed,
                                date_from=self.date_from, date_to=self.date_to)
        return got.get("", (0, 0))

    def cover_many(self, pairs: list[tuple[str, str]]) -> tuple[int, int]:
        return self.src.coverage_many(level=self.level, pairs=pairs, date_from=self.date_from,
                                      date_to=self.date_to)


def brief(reader: Any, actor: str, *, level: str | None = None, date_from: str | None = None,
          date_to: str | None = None, top: int = 6, evidence_limit: int = 3,
          max_relations: int = 12) -> Brief:
    """Sections (a) relations by type against the previous period of the same length,
    (b) structural-balance readings among the main counterparts, (c) stances involving the
    actor, (d) changes (alerts). Default period: the seven days ending at the last day with
    an event in the store."""
    level = level_of(actor, level)
    date_from, date_to = check_date(date_from, "--from"), check_date(date_to, "--to")
    src = dyads_of(reader)
    if date_to is None:
        date_to = src.bounds(level=level)[1] or dt.date.today().isoformat()
    if date_from is None:
        date_from = shift(date_to, -6)
    length = span_days(date_from, date_to)
    prev_from, prev_to = shift(date_from, -length), shift(date_from, -1)
    ctx = _Ctx(reader, src, actor, level, date_from, date_to, evidence_limit)

    relations, counterparts = _relations(ctx, prev_from, max_relations)
    main = [c for c, _ in sorted(counterparts.items(), key=lambda kv: (-kv[1]["events"],
                                                                       kv[0]))][:top]
    readings = sorted(_balance(ctx, main, counterparts), key=lambda i: -i["weight"])
    implications = _direct(ctx, main, counterparts) + readings[:top]
    stance_groups, stance_keys, stance_impl = _stances(ctx)
    implications += stance_impl + _changes(ctx)
    implications = [i for i in implications if i["evidence"]]
    implications.sort(key=lambda i: (KIND_ORDER[i["kind"]], -i["weight"], i["text"]))
    arts = src.article_sources(level=level, actor=actor, date_from=date_from, date_to=date_to)
    arts |= stance_keys
    total = sum(v["events"] for v in counterparts.values())
    conf = sum(v["confidence"] for v in counterparts.values())
    info = {"key": actor, "name": ctx.name(actor),
            "country": actor if level == "country" else _actor_country(reader, actor)}
    return Brief(
        actor=info, level=level,
        period={"from": date_from, "to": date_to,
                "previous": {"from": prev_from, "to": prev_to}},
        articles=len({k for k, _ in arts}), sources=len({s for _, s in arts if s}),
        events=total, confidence=round(conf / total, 4) if total else None,
        counterparts=[{"key": c, "name": ctx.name(c), **_round(counterparts[c])}
                      for c in main],
        relations=relations, stances=stance_groups, implications=implications)


def _round(d: dict[str, Any]) -> dict[str, Any]:
    return {"events": d["events"], "net_cooperation": round(d["net"], 4)}


def _actor_country(reader: Any, key: str) -> str | None:
    try:
        found = reader.actors(key=key)
    except TypeError:
        found = []
    return found[0].get("country") if found else None


def _relations(ctx: _Ctx, prev_from: str, max_relations: int
               ) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    q: dict[str, Any] = {"level": ctx.level, "by": "day", "date_from": prev_from, "date_to": ctx.date_to}
    groups: dict[tuple[str, str], dict[str, list[Cell]]] = defaultdict(
        lambda: {"cur": [], "prev": []})
    for c in ctx.src.cells(a=ctx.actor, **q):
        groups[(ctx.actor, c[2])]["cur" if c[0] >= ctx.date_from else "prev"].append(c)
    for c in ctx.src.cells(b=ctx.actor, **q):
        groups[(c[1], ctx.actor)]["cur" if c[0] >= ctx.date_from else "prev"].append(c)
    counterparts: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"events": 0, "net": 0.0, "confidence": 0.0})
    rows: list[dict[str, Any]] = []
    for (a, b), g in groups.items():
        cur, prev = g["cur"], g["prev"]
        n, net, conf, recip, recip_net = _sum(cur)
        other = b if a == ctx.actor else a
        cp = counterparts[other]
        if n:
            # distinct events with the counterpart: a reciprocal one is on both sides
            cp["events"] += n - (recip if a == ctx.actor else 0)
            cp["net"] += net - (recip_net if a == ctx.actor else 0)
            cp["confidence"] += conf - (sum(c[8] for c in cur if c[5])
                                        if a == ctx.actor else 0)
        if not n:
            continue
        prev_n = _sum(prev)[0]
        by_type: dict[str, int] = defaultdict(int)
        for c in cur:
            by_type[c[3]] += c[6]
        arts, srcs = ctx.cover(a, b, directed=True)
        rows.append({
            "a": a, "b": b, "a_name": ctx.name(a), "b_name": ctx.name(b),
            "events": n, "net_cooperation": round(net, 4),
            "mean_intensity": round(net / n, 4),
            "by_type": dict(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
            "reciprocal": recip, "previous_events": prev_n,
            "change": round((n - prev_n) / prev_n, 4) if prev_n else None,
            "articles": arts, "sources": srcs, "confidence": round(conf / n, 4),
            "evidence": ctx.event_evidence([(a, b)]),
        })
    rows = [r for r in rows if r["evidence"]]
    rows.sort(key=lambda r: (-r["events"], r["a"], r["b"]))
    return rows[:max_relations], {k: v for k, v in counterparts.items() if v["events"]}


def _tone(net: float) -> str:
    return "cooperative" if net > 0 else "hostile" if net < 0 else "neutral"


def _direct(ctx: _Ctx, main: list[str], cps: dict[str, dict[str, Any]]) -> list[dict]:
    out = []
    x = ctx.actor
    for c in main:
        d = cps[c]
        s = _sign(d["net"])
        arts, srcs = ctx.cover(x, c, directed=False)
        out.append({
            "text": f"Relations between {ctx.name(x)} and {ctx.name(c)} were {_tone(d['net'])}:"
                    f" {d['events']} events, net cooperation {d['net']:+.1f}"
                    f" ({d['net'] / d['events']:+.1f} per event).",
            "kind": "direct", "via": [c], "sign": s, "weight": round(abs(d["net"]) / 10, 4),
            "events": d["events"], "articles": arts, "sources": srcs,
            "confidence": round(d["confidence"] / d["events"], 4),
            "evidence": ctx.event_evidence([(x, c), (c, x)])})
    return out


def _balance(ctx: _Ctx, main: list[str], cps: dict[str, dict[str, Any]]) -> list[dict]:
    """B-C relations that bear on X through C: implied sign for X-B = sign(BC) * sign(XC)."""
    x, out = ctx.actor, []
    for p, q in combinations(sorted(main), 2):
        bc = ctx.pair(p, q)
        if not bc["events"] or not _sign(bc["net"]):
            continue
        # one reading a pair: through the counterpart whose relation with X is the stronger
        ways = sorted(((p, q), (q, p)), key=lambda bc_: (-abs(cps[bc_[1]]["net"]), bc_[1]))
        for b, c in ways[:1]:
            xc = cps[c]
            if not _sign(xc["net"]):
                continue
            implied = _sign(bc["net"]) * _sign(xc["net"])
            nb, nc, nx = ctx.name(b), ctx.name(c), ctx.name(x)
            if bc["net"] > 0:
                first = f"{nb} cooperated with {nc} ({bc['events']} events, net {bc['net']:+.1f})"
            else:
                first = (f"{nb} was in conflict with {nc} ({bc['events']} events, "
                         f"net {bc['net']:+.1f})")
            role = (f"a partner of {nx}" if xc["net"] > 0 else f"hostile to {nx}")
            reading = "favourable" if implied > 0 else "adverse"
            xb = cps.get(b)
            now = (f"{nx} and {nb} themselves: {_tone(xb['net'])} (net {xb['net']:+.1f})"
                   if xb else f"no events between {nx} and {nb}")
            arts, srcs = ctx.cover_many([(b, c), (c, b), (x, c), (c, x)])
            ev = _unique(ctx.event_evidence([(b, c), (c, b)], 2)
                         + ctx.event_evidence([(x, c), (c, x)], 2))[:3]
            out.append({
                "text": f"{first}, and {nc} is {role} (net {xc['net']:+.1f}): {reading} for"
                        f" {nx} by structural balance (path {nx} - {nc} - {nb}); {now}.",
                "kind": "balance", "via": [c, b], "sign": implied,
                "weight": round(min(abs(bc["net"]), abs(xc["net"])) / 10, 4),
                "events": bc["events"] + xc["events"], "articles": arts, "sources": srcs,
                "confidence": round((bc["confidence"] + xc["confidence"])
                                    / (bc["events"] + xc["events"]), 4),
                "balanced_now": (None if not xb or not _sign(xb["net"])
                                 else _sign(xb["net"]) == implied),
                "evidence": ev})
    return out


def _stances(ctx: _Ctx) -> tuple[list[dict], set[tuple[str, str]], list[dict]]:
    x, level = ctx.actor, ctx.level
    every = stances_of(ctx.reader, date_from=ctx.date_from, date_to=ctx.date_to)
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    own: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in every:
        holder = party(s.get("holder"), level)
        toward = party(s.get("toward"), level) or party(s.get("target"), level)
        if holder == x:
            own[s["issue"]].append(s)
        if x in (holder, toward):
            groups[(holder, s["issue"], s["polarity"], toward)].append(s)
    keys: set[tuple[str, str]] = set()
    out, impl = [], []
    for (holder, issue, polarity, toward), ss in sorted(
            groups.items(), key=lambda kv: (-len(kv[1]), str(kv[0]))):
        ev = _stance_evidence(ctx, ss)
        if not ev:
            continue
        keys |= {(s["article_key"], outlet(s.get("url"), s.get("site"), s.get("source"))) for s in ss}
        out.append({"holder": holder, "holder_name": ctx.name(holder) if holder else None,
                    "issue": issue, "polarity": polarity, "toward": toward,
                    "toward_name": ctx.name(toward) if toward else None,
                    "count": len(ss), "articles": len({s["article_key"] for s in ss}),
                    "evidence": ev})
        if holder != x and toward == x:
            pol = 1 if polarity == "support" else -1
            sign = ISSUE_EFFECT.get(issue, 0) * pol
            reading = {1: ": favourable for", -1: ": adverse for", 0: ", which it says affects"}
            impl.append({
                "text": f"{ctx.name(holder or '?')} {polarity}s {issue}"
                        f"{reading[sign]} {ctx.name(x)} ({len(ss)} stances).",
                "kind": "stance", "via": [holder] if holder else [], "sign": sign,
                "weight": float(len(ss)), "events": len(ss),
                "articles": len({s['article_key'] for s in ss}), "sources": None,
                "confidence": None, "evidence": ev})
    for issue, mine in own.items():
        pos = sum(1 if s["polarity"] == "support" else -1 for s in mine)
        if not pos:
            continue
        theirs: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for s in every:
            h = party(s.get("holder"), level)
            if s["issue"] == issue and h and h != x:
                theirs[h].append(s)
        for h, ss in sorted(theirs.items()):
            hp = sum(1 if s["polarity"] == "support" else -1 for s in ss)
            if not hp:
                continue
            agree = _sign(pos) == _sign(hp)
            word = "support" if pos > 0 else "opposition"
            text = (f"{ctx.name(h)} shares {ctx.name(x)}'s {word} on {issue}." if agree else
                    f"{ctx.name(h)} takes the opposite position to {ctx.name(x)} on {issue}.")
            impl.append({"text": text, "kind": "stance", "via": [h], "sign": 1 if agree else -1,
                         "weight": float(min(len(ss), len(mine))), "events": len(ss) + len(mine),
                         "articles": len({s["article_key"] for s in ss + mine}),
                         "sources": None, "confidence": None,
                         "evidence": _unique(_stance_evidence(ctx, mine, 1)
                                             + _stance_evidence(ctx, ss, 2))})
    return out, keys, impl


def _unique(evs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Evidence without repeats (the same sentence of the same article once)."""
    seen, out = set(), []
    for ev in evs:
        k = (ev["article_id"], ev["sentence"])
        if k not in seen:
            seen.add(k)
            out.append(ev)
    return out


def _stance_evidence(ctx: _Ctx, ss: list[dict[str, Any]], limit: int | None = None
                     ) -> list[dict[str, Any]]:
    latest = sorted(ss, key=lambda s: (record_day(s) or "", s["article_key"]), reverse=True)
    seen, ids = set(), []
    for s in latest:
        if s["article_key"] in seen:
            continue
        seen.add(s["article_key"])
        ids.append((s["article_key"], record_id(s)))
    return evidence(ctx.reader, "stance", ids[: limit or ctx.k])


def _changes(ctx: _Ctx) -> list[dict]:
    out = []
    for r in alerts(ctx.reader, actor=ctx.actor, level=ctx.level, date_from=ctx.date_from,
                    date_to=ctx.date_to):
        sign = 0
        if r["kind"] == "net_cooperation":
            sign = 1 if r["direction"] == "rise" else -1
        text = alert_text(r, ctx.name)
        out.append({"text": text + ".", "kind": "change",
                    "via": [r["other"]] if r["kind"] != "issue" else [],
                    "sign": sign, "weight": abs(r["change"] or 1.0), "events": r["events"],
                    "articles": None, "sources": None, "confidence": None,
                    "week": r["week"], "alert": r["kind"], "direction": r["direction"],
                    "evidence": r["evidence"]})
    return out


__all__ = ["ISSUE_EFFECT", "Brief", "brief", "country_name"]
