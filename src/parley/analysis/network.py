"""Who is aligned with whom: a signed, weighted network from events and stances, and its
structural balance against a shuffled-sign baseline."""

from __future__ import annotations

import io
from collections import defaultdict
from itertools import combinations
from typing import Any

from parley.analysis.common import (
    Result,
    check_date,
    check_level,
    dyads_of,
    party,
    stances_of,
)

STANCE_WEIGHT = 1.0  # one shared (or opposed) issue position, or one stance toward an actor
EVENT_SCALE = 10.0   # an event counts its PLOVER intensity / 10, in [-1, 1]


class Network(Result):
    rows_key = "edges"


def _edge_key(u: str, v: str) -> tuple[str, str]:
    return (u, v) if u < v else (v, u)


def edges_from(reader: Any, *, level: str = "country", date_from: str | None = None,
               date_to: str | None = None) -> dict[tuple[str, str], dict[str, Any]]:
    """Undirected edges: events (intensity / 10 each) plus stance terms, with their counts."""
    edges: dict[tuple[str, str], dict[str, Any]] = defaultdict(
        lambda: {"weight": 0.0, "events": 0, "event_weight": 0.0, "stances": 0,
                 "stance_weight": 0.0, "agree": 0, "disagree": 0})
    for a, b, recip, n, total, _conf in dyads_of(reader).pair_totals(
            level=level, date_from=date_from, date_to=date_to):
        if recip and a > b:  # a reciprocal event is stored both ways: count it once
            continue
        e = edges[_edge_key(a, b)]
        e["events"] += n
        e["event_weight"] += total / EVENT_SCALE
    positions: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for s in stances_of(reader, date_from=date_from, date_to=date_to):
        holder = party(s.get("holder"), level)
        if not holder:
            continue
        sign = 1 if s.get("polarity") == "support" else -1
        pos = positions[(holder, s["issue"])]
        pos[0 if sign > 0 else 1] += 1
        target = party(s.get("target"), level)
        if target and target != holder:
            e = edges[_edge_key(holder, target)]
            e["stances"] += 1
            e["stance_weight"] += sign * STANCE_WEIGHT
    by_issue: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for (holder, issue), (sup, opp) in positions.items():
        if sup != opp:
            by_issue[issue].append((holder, 1 if sup > opp else -1, sup + opp))
    for holders in by_issue.values():
        for (u, su, nu), (v, sv, nv) in combinations(sorted(holders), 2):
            e = edges[_edge_key(u, v)]
            e["stances"] += nu + nv
            e["stance_weight"] += su * sv * STANCE_WEIGHT
            e["agree" if su == sv else "disagree"] += 1
    for e in edges.values():
        e["weight"] = round(e["event_weight"] + e["stance_weight"], 4)
        e["event_weight"] = round(e["event_weight"], 4)
        e["evidence"] = e["events"] + e["stances"]
        e["sign"] = (e["weight"] > 0) - (e["weight"] < 0)
    return dict(edges)


def triads(signs: dict[tuple[str, str], int]) -> list[tuple[str, str, str]]:
    """Closed triads (u < v < w) whose three edges all carry a sign."""
    adj: dict[str, set[str]] = defaultdict(set)
    for u, v in signs:
        adj[u].add(v)
        adj[v].add(u)
    out = []
    for u in sorted(adj):
        higher = sorted(x for x in adj[u] if x > u)
        for i, v in enumerate(higher):
            for w in higher[i + 1:]:
                if w in adj[v]:
                    out.append((u, v, w))
    return out


def balance(signs: dict[tuple[str, str], int], *, shuffles: int = 100, seed: int = 0
            ) -> dict[str, Any]:
    """Share of balanced closed triads (sign product > 0) and the same share with the signs
    shuffled over the same edges (``shuffles`` draws of numpy's generator seeded ``seed``)."""
    import numpy as np

    tri = triads(signs)
    index = {k: i for i, k in enumerate(signs)}
    ids = np.array([(index[(u, v)], index[(u, w)], index[(v, w)]) for u, v, w in tri],
                   dtype=np.int64).reshape(-1, 3)
    values = np.array(list(signs.values()), dtype=np.int8)

    def balanced(vals: Any) -> int:
        return int(((vals[ids[:, 0]] * vals[ids[:, 1]] * vals[ids[:, 2]]) > 0).sum())

    n_bal = balanced(values) if len(ids) else 0
    rng = np.random.default_rng(seed)
    draws = [balanced(rng.permutation(values)) / len(ids) for _ in range(shuffles)] \
        if len(ids) else []
    mean = float(np.mean(draws)) if draws else None
    sd = float(np.std(draws)) if draws else None
    observed = n_bal / len(ids) if len(ids) else None
    return {"triads": len(ids), "balanced": n_bal,
            "share": None if observed is None else round(observed, 4),
            "baseline_share": None if mean is None else round(mean, 4),
            "baseline_sd": None if sd is None else round(sd, 4),
            "shuffles": shuffles, "seed": seed,
            "_triads": tri}


def network(reader: Any, *, level: str = "country", date_from: str | None = None,
            date_to: str | None = None, min_evidence: int = 1, shuffles: int = 100,
            seed: int = 0, top: int = 5, unbalanced_limit: int = 50) -> Network:
    """The signed network: edges (weight, sign, evidence count), each actor's allies and
    adversaries, structural balance and the unbalanced triads (strongest first)."""
    level = check_level(level)
    date_from, date_to = check_date(date_from, "--from"), check_date(date_to, "--to")
    edges = {k: v for k, v in edges_from(reader, level=level, date_from=date_from,
                                         date_to=date_to).items()
             if v["evidence"] >= min_evidence}
    signs = {k: v["sign"] for k, v in edges.items() if v["sign"]}
    bal = balance(signs, shuffles=shuffles, seed=seed)
    unbalanced = []
    for u, v, w in bal.pop("_triads"):
        s = (signs[(u, v)], signs[(u, w)], signs[(v, w)])
        if s[0] * s[1] * s[2] < 0:
            weight = min(abs(edges[(u, v)]["weight"]), abs(edges[(u, w)]["weight"]),
                         abs(edges[(v, w)]["weight"]))
            unbalanced.append({"nodes": [u, v, w],
                               "signs": {f"{u}-{v}": s[0], f"{u}-{w}": s[1], f"{v}-{w}": s[2]},
                               "weight": round(weight, 4)})
    unbalanced.sort(key=lambda t: (-t["weight"], t["nodes"]))
    nodes: dict[str, dict[str, Any]] = defaultdict(lambda: {"allies": [], "adversaries": []})
    for (u, v), e in sorted(edges.items(), key=lambda kv: -abs(kv[1]["weight"])):
        if not e["sign"]:
            continue
        side = "allies" if e["sign"] > 0 else "adversaries"
        for x, y in ((u, v), (v, u)):
            if len(nodes[x][side]) < top:
                nodes[x][side].append({"key": y, "weight": e["weight"],
                                       "evidence": e["evidence"]})
    degree: dict[str, int] = defaultdict(int)
    for (u, v), e in edges.items():
        degree[u] += e["evidence"]
        degree[v] += e["evidence"]
    return Network(
        level=level, date_from=date_from, date_to=date_to,
        nodes=[{"key": k, "evidence": degree[k], **nodes[k]}
               for k in sorted(degree, key=lambda k: (-degree[k], k))],
        edges=[{"a": u, "b": v, **e} for (u, v), e in sorted(edges.items())],
        balance=bal, unbalanced=unbalanced[:unbalanced_limit])


def to_graphml(net: dict[str, Any]) -> str:
    import networkx as nx

    g = nx.Graph()
    for n in net["nodes"]:
        g.add_node(n["key"], evidence=n["evidence"])
    for e in net["edges"]:
        g.add_edge(e["a"], e["b"], weight=float(e["weight"]), sign=int(e["sign"]),
                   events=int(e["events"]), stances=int(e["stances"]),
                   evidence=int(e["evidence"]))
    buf = io.BytesIO()
    nx.write_graphml(g, buf)
    return buf.getvalue().decode("utf-8")


def render_text(net: dict[str, Any], limit: int = 30) -> str:
    b = net["balance"]
    lines = [f"network ({net['level']}): {len(net['nodes'])} actors, {len(net['edges'])} edges",
             f"structural balance: {b['balanced']}/{b['triads']} closed triads balanced"
             + (f" ({b['share']:.1%}; shuffled signs {b['baseline_share']:.1%}"
                f" ± {b['baseline_sd']:.1%}, {b['shuffles']} draws, seed {b['seed']})"
                if b["share"] is not None else "")]
    lines.append("-- actors (allies + / adversaries -)")
    for n in net["nodes"][:limit]:
        allies = ", ".join(f"{x['key']} {x['weight']:+.1f}" for x in n["allies"])
        adv = ", ".join(f"{x['key']} {x['weight']:+.1f}" for x in n["adversaries"])
        lines.append(f"   {n['key']:12s} evidence {n['evidence']:5d}  + {allies or '-'}"
                     f"  - {adv or '-'}")
    if net["unbalanced"]:
        lines.append("-- unbalanced triads (a relation may be about to change)")
        for t in net["unbalanced"][:limit]:
            lines.append("   " + " ".join(f"{k} {v:+d}" for k, v in t["signs"].items())
                         + f"  (weakest edge {t['weight']:.2f})")
    return "\n".join(lines)
