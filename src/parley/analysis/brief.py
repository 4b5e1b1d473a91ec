"""The actor brief: what the news of a period means for one actor, every statement with its
evidence (the stored sentences) and how much stands behind it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import combinations
from typing import Any

from parley.analysis.alerts import alert_text, alerts
from parley.analysis.alerts import span as alert_span
from parley.analysis.brief_stances import (
    ISSUE_EFFECT,
    MIN_ARTICLES,
    issue_class,
    stance_section,
    unique,
)
from parley.analysis.common import (
    Cell,
    Dyads,
    Result,
    check_date,
    country_name,
    display_name,
    dyads_of,
    evidence,
    is_group,
    level_of,
    party,
    plural,
    record_day,
    shift,
    span_days,
)

MIXED = 1.0  # a relation whose mean intensity per event is within this of 0 is mixed
ONE_ARTICLE_EVENTS = 3  # a relation read from one article needs this many events in it


def attested(events: int, articles: int) -> bool:
    """Whether a relation can be read: reported by MIN_ARTICLES articles, or by one article
    with ONE_ARTICLE_EVENTS events of it (a single passing mention is not enough)."""
    return articles >= MIN_ARTICLES or (articles >= 1 and events >= ONE_ARTICLE_EVENTS)
KIND_ORDER = {"direct": 0, "balance": 1, "stance": 2, "change": 3}


class Brief(Result):
    rows_key = "relations"


def _sign(x: float) -> int:
    return (x > 1e-9) - (x < -1e-9)


def tone_sign(net: float, events: int) -> int:
    """+1 cooperative, -1 hostile, 0 mixed: the sign of the mean intensity per event, 0 when
    it is within MIXED of 0 (as much cooperation as conflict)."""
    if not events or abs(net / events) < MIXED:
        return 0
    return _sign(net)


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
        self.samples: dict[tuple[Any, ...], list[tuple[str, str]]] = {}
        self.evidence: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.pairs: dict[tuple[str, str], dict[str, Any]] = {}

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

    def event_evidence(self, pairs: list[tuple[str, str]], limit: int | None = None,
                       sign: int = 0) -> list[dict[str, Any]]:
        """Evidence of the pairs' events in the period; with ``sign``, events of that sign
        (cooperation +1, conflict -1) first."""
        ids: list[tuple[str, str]] = []
        about: dict[tuple[str, str], list[str]] = {}
        want = limit or self.k
        for a, b in pairs:
            key = (a, b, want, sign)
            if key not in self.samples:
                self.samples[key] = self.src.sample(
                    level=self.level, a=a, b=b, date_from=self.date_from,
                    date_to=self.date_to, limit=want + 2, sign=sign)
            for x in self.samples[key]:
                if x not in ids:
                    ids.append(x)
                    about[x] = [a, b]
        out: list[dict[str, Any]] = []
        for x in ids:  # read one by one until ``want`` distinct sentences
            if x not in self.evidence:
                self.evidence[x] = evidence(self.reader, "event", [x])
            out = unique(out + [{**ev, "about": about[x]} for ev in self.evidence[x]])
            if len(out) == want:
                break
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

    # the actor's cells by day, both sides: the period and the one before
    q: dict[str, Any] = {"level": level, "by": "day", "date_from": prev_from, "date_to": date_to}
    cells = src.cells(a=actor, **q) + src.cells(b=actor, **q)
    relations, counterparts = _relations(ctx, cells, prev_from, max_relations)
    # the main counterparts: no code for many bodies at once (IGO ...) takes part in a reading
    main = [c for c, _ in sorted(counterparts.items(), key=lambda kv: (-kv[1]["events"],
                                                                       kv[0]))
            if not is_group(c, level)][:top]
    implications = _direct(ctx, main, counterparts) + _balance(ctx, main, counterparts, top)
    # the stances involving the actor in the period and the alerts' weeks before it, read
    # once; others' stances on the issues it holds positions on, for the period only
    lo, hi = alert_span(date_from, date_to)
    window = ctx.src.stances(level=level, date_from=min(lo, date_from),
                             date_to=max(hi, date_to), involving=actor)

    def others_on(issues: list[str]) -> list[dict[str, Any]]:
        return ctx.src.stances(level=level, date_from=date_from, date_to=date_to,
                               issues=issues)

    stance_groups, stance_keys, stance_impl = stance_section(ctx, [
        s for s in window if date_from <= (record_day(s) or "") <= date_to], others_on)
    implications += stance_impl + _changes(ctx, window)
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


def _relations(ctx: _Ctx, cells: list[Cell], prev_from: str, max_relations: int
               ) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The actor's directed relations of the period (from its cells by day, both sides)."""
    groups: dict[tuple[str, str], dict[str, list[Cell]]] = defaultdict(
        lambda: {"cur": [], "prev": []})
    for c in cells:
        groups[(c[1], c[2])]["cur" if c[0] >= ctx.date_from else "prev"].append(c)
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
        rows.append({
            "a": a, "b": b,
            "events": n, "net_cooperation": round(net, 4),
            "mean_intensity": round(net / n, 4),
            "by_type": dict(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
            "reciprocal": recip, "previous_events": prev_n,
            "change": round((n - prev_n) / prev_n, 4) if prev_n else None,
            "articles": 0, "sources": 0, "confidence": round(conf / n, 4), "evidence": [],
        })
    rows.sort(key=lambda r: (-r["events"], r["a"], r["b"]))
    kept: list[dict[str, Any]] = []
    for r in rows:  # the strongest relations, each with its coverage and evidence
        if len(kept) == max_relations:
            break
        r["articles"], r["sources"] = ctx.cover(r["a"], r["b"], directed=True)
        # events of the relation's own tone first (a hostile one shows its attacks)
        r["evidence"] = ctx.event_evidence([(r["a"], r["b"])],
                                           sign=tone_sign(r["net_cooperation"], r["events"]))
        if r["evidence"]:
            kept.append({"a": r["a"], "b": r["b"], "a_name": ctx.name(r["a"]),
                         "b_name": ctx.name(r["b"]), **r})
    return kept, {k: v for k, v in counterparts.items() if v["events"]}


def _tone(sign: int) -> str:
    return {1: "cooperative", -1: "hostile", 0: "mixed"}[sign]


def _direct(ctx: _Ctx, main: list[str], cps: dict[str, dict[str, Any]]) -> list[dict]:
    """What the relation with each main counterpart means: cooperative, hostile or mixed,
    when it is :func:`attested`."""
    out = []
    x = ctx.actor
    for c in main:
        d = cps[c]
        s = tone_sign(d["net"], d["events"])
        arts, srcs = ctx.cover(x, c, directed=False)
        if not attested(d["events"], arts):
            continue
        out.append({
            "text": f"Relations between {ctx.name(x)} and {ctx.name(c)} were {_tone(s)}:"
                    f" {plural(d['events'], 'event')}, net cooperation {d['net']:+.1f}"
                    f" ({d['net'] / d['events']:+.1f} per event).",
            "kind": "direct", "via": [c], "sign": s, "weight": round(abs(d["net"]) / 10, 4),
            "events": d["events"], "articles": arts, "sources": srcs,
            "confidence": round(d["confidence"] / d["events"], 4),
            "evidence": ctx.event_evidence([(x, c), (c, x)], sign=s)})
    return out


def _balance(ctx: _Ctx, main: list[str], cps: dict[str, dict[str, Any]], top: int
             ) -> list[dict]:
    """B-C relations that bear on X through C: implied sign for X-B = sign(BC) * sign(XC),
    where both relations are clearly cooperative or hostile (not mixed) and each is
    :func:`attested`; the ``top`` strongest."""
    x, out = ctx.actor, []
    solid = {c for c in main if tone_sign(cps[c]["net"], cps[c]["events"])
             and attested(cps[c]["events"], ctx.cover(x, c, directed=False)[0])}
    for p, q in combinations(sorted(main), 2):
        if p not in solid and q not in solid:
            continue
        bc = ctx.pair(p, q)
        bc_sign = tone_sign(bc["net"], bc["events"])
        if not bc_sign or not attested(bc["events"], ctx.cover(p, q, directed=False)[0]):
            continue
        # one reading a pair: through the counterpart whose relation with X is the stronger
        ways = sorted(((p, q), (q, p)), key=lambda bc_: (-abs(cps[bc_[1]]["net"]), bc_[1]))
        for b, c in [w for w in ways if w[1] in solid][:1]:
            xc = cps[c]
            xc_sign = tone_sign(xc["net"], xc["events"])
            implied = bc_sign * xc_sign
            nb, nc, nx = ctx.name(b), ctx.name(c), ctx.name(x)
            if bc_sign > 0:
                first = f"{nb} cooperated with {nc} ({plural(bc['events'], 'event')}, net {bc['net']:+.1f})"
            else:
                first = (f"{nb} was in conflict with {nc} ({plural(bc['events'], 'event')}, "
                         f"net {bc['net']:+.1f})")
            role = (f"a partner of {nx}" if xc_sign > 0 else f"hostile to {nx}")
            reading = "favourable" if implied > 0 else "adverse"
            xb = cps.get(b)
            xb_sign = tone_sign(xb["net"], xb["events"]) if xb else 0
            now = (f"{nx} and {nb} themselves: {_tone(xb_sign)} (net {xb['net']:+.1f})"
                   if xb else f"no events between {nx} and {nb}")
            out.append({
                "text": f"{first}, and {nc} is {role} (net {xc['net']:+.1f}): {reading} for"
                        f" {nx} by structural balance (path {nx} - {nc} - {nb}); {now}.",
                "kind": "balance", "via": [c, b], "sign": implied,
                "weight": round(min(abs(bc["net"]), abs(xc["net"])) / 10, 4),
                "events": bc["events"] + xc["events"], "articles": 0, "sources": 0,
                "confidence": round((bc["confidence"] + xc["confidence"])
                                    / (bc["events"] + xc["events"]), 4),
                "balanced_now": None if not xb_sign else xb_sign == implied,
                "evidence": [], "_legs": (b, c, bc_sign, xc_sign)})
    out.sort(key=lambda i: (-i["weight"], i["text"]))
    for r in out[:top]:  # coverage and evidence for the readings kept only
        b, c, bc_sign, xc_sign = r.pop("_legs")
        r["articles"], r["sources"] = ctx.cover_many([(b, c), (c, b), (x, c), (c, x)])
        r["evidence"] = unique(ctx.event_evidence([(b, c), (c, b)], 2, bc_sign)
                               + ctx.event_evidence([(x, c), (c, x)], 2, xc_sign))[:3]
    return out[:top]


def _changes(ctx: _Ctx, stances: list[dict[str, Any]], limit: int = 8) -> list[dict]:
    """The alerts of the period, but none on a generic word or with a code for many bodies
    (what section (c) and the readings leave out too)."""
    stances = [s for s in stances if party(s.get("holder"), ctx.level)
               and issue_class(s["issue"], party(s.get("target"), ctx.level)) != "generic"]
    out: list[dict[str, Any]] = []
    for r in alerts(ctx.reader, actor=ctx.actor, level=ctx.level, date_from=ctx.date_from,
                    date_to=ctx.date_to, limit=limit + 4, stances=stances):
        if r["kind"] != "issue" and is_group(r["other"], ctx.level) or len(out) == limit:
            continue
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


__all__ = ["ISSUE_EFFECT", "MIN_ARTICLES", "MIXED", "ONE_ARTICLE_EVENTS", "Brief", "attested",
           "brief", "country_name", "tone_sign"]
