"""Who is aligned with whom: a signed, weighted network from events and stances, and its
structural balance against a shuffled-sign baseline."""

from __future__ import annotations

import io
from collections import defaultdict
from typing import Any

from parley.analysis.common import (
    Result,
    check_date,
    check_level,
    dyads_of,
    party,
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
    src = dyads_of(reader)
    for a, b, recip, n, total, _conf in src.pair_totals(
            level=level, date_from=date_from, date_to=date_to):
        if recip and a > b:  # a reciprocal event is stored both ways: count it once
            continue
        e = edges[_edge_key(a, b)]
        e["events"] += n
        e["event_weight"] += total / EVENT_SCALE
    positions: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for s in src.stances(level=level, date_from=date_from, date_to=date_to):
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
    _shared_positions(positions, edges)
    for e in edges.values():
        e["weight"] = round(e["event_weight"] + e["stance_weight"], 4)
        e["event_weight"] = round(e["event_weight"], 4)
        e["evidence"] = e["events"] + e["stances"]
        e["sign"] = (e["weight"] > 0) - (e["weight"] < 0)
    return dict(edges)


def _shared_positions(positions: dict[tuple[str, str], list[int]],
                      edges: dict[tuple[str, str], dict[str, Any]]) -> None:
    """For every two holders with a net position on the same issue: +1 (agree) or -1
    (disagree) a shared issue, and the stances behind both; numpy over holder x issue."""
    import numpy as np

    net = {k: (1 if sup > opp else -1, sup + opp) for k, (sup, opp) in positions.items()
           if sup != opp}
    if not net:
        return
    holders = sorted({h for h, _ in net})
    issues = sorted({i for _, i in net})
    hi, ii = {h: n for n, h in enumerate(holders)}, {i: n for n, i in enumerate(issues)}
    pos = np.zeros((len(holders), len(issues)), dtype=np.int64)
    neg, cnt = np.zeros_like(pos), np.zeros_like(pos)
    for (h, i), (sign, n) in net.items():
        (pos if sign > 0 else neg)[hi[h], ii[i]] = 1
        cnt[hi[h], ii[i]] = n
    has = pos + neg
    agree = pos @ pos.T + neg @ neg.T
    disagree = pos @ neg.T + neg @ pos.T
    behind = cnt @ has.T + has @ cnt.T
    us, vs = np.nonzero(np.triu(agree + disagree, 1))
    for u, v in zip(us.tolist(), vs.tolist(), strict=True):
        e = edges[_edge_key(holders[u], holders[v])]
        e["stances"] += int(behind[u, v])
        e["stance_weight"] += int(agree[u, v] - disagree[u, v]) * STANCE_WEIGHT
        e["agree"] += int(agree[u, v])
        e["disagree"] += int(disagree[u, v])


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


def _triad_edges(signs: dict[tuple[str, str], int]) -> tuple[Any, Any]:
    """(node indices (T, 3), edge indices (T, 3)) of the closed triads u < v < w, in the
    order of :func:`triads`; numpy over each node's higher neighbours, no loop over triples."""
    import numpy as np

    nodes = sorted({x for e in signs for x in e})
    at = {x: i for i, x in enumerate(nodes)}
    n = len(nodes)
    eid = np.full((n, n), -1, dtype=np.int64)
    for i, (p, q) in enumerate(signs):
        eid[at[p], at[q]] = eid[at[q], at[p]] = i
    tri_nodes, tri_edges = [], []
    for u in range(n):
        higher = np.nonzero(eid[u, u + 1:] >= 0)[0] + u + 1
        if len(higher) < 2:
            continue
        sub = eid[np.ix_(higher, higher)]
        ii, jj = np.nonzero(np.triu(sub >= 0, 1))
        if not len(ii):
            continue
        v, w = higher[ii], higher[jj]
        tri_nodes.append(np.stack([np.full(len(v), u), v, w], axis=1))
        tri_edges.append(np.stack([eid[u, v], eid[u, w], sub[ii, jj]], axis=1))
    if not tri_nodes:
        return np.zeros((0, 3), dtype=np.int64), np.zeros((0, 3), dtype=np.int64)
    return np.concatenate(tri_nodes), np.concatenate(tri_edges)


def _bit_counter(n: int, ends: Any, budget: int = 20_000_000) -> Any:
    """A function of the edges' signs giving the sum of sign products over the closed
    triads, from bit sets: for an edge (u, v) the common neighbours w are the bits of
    adj[u] & adj[v], and the product's sign is s(uv) times the parity of neg[u] ^ neg[v];
    each triad is counted from its three edges. None where numpy has no bit count or the
    bit sets would pass ``budget`` words (then triads are gathered one by one)."""
    import numpy as np

    words = (n + 63) // 64
    if not hasattr(np, "bitwise_count") or len(ends) * words > budget:
        return None

    def bits(mask: Any) -> Any:
        packed = np.packbits(mask, axis=1, bitorder="little")
        out = np.zeros((n, words * 8), dtype=np.uint8)
        out[:, :packed.shape[1]] = packed
        return out.view(np.uint64)

    adj = np.zeros((n, n), dtype=bool)
    adj[ends[:, 0], ends[:, 1]] = adj[ends[:, 1], ends[:, 0]] = True
    a = bits(adj)
    common = a[ends[:, 0]] & a[ends[:, 1]]
    total = np.bitwise_count(common).sum(axis=1).astype(np.int64)

    def signed_sum(vals: Any) -> int:
        neg = np.zeros((n, n), dtype=bool)
        lo = ends[vals < 0]
        neg[lo[:, 0], lo[:, 1]] = neg[lo[:, 1], lo[:, 0]] = True
        nb = bits(neg)
        odd = np.bitwise_count(common & (nb[ends[:, 0]] ^ nb[ends[:, 1]])).sum(axis=1)
        # through each edge: (even - odd) common neighbours, times the edge's own sign
        return int((vals * (total - 2 * odd)).sum()) // 3

    return signed_sum


def balance(signs: dict[tuple[str, str], int], *, shuffles: int = 100, seed: int = 0,
            weights: dict[tuple[str, str], float] | None = None, unbalanced_limit: int = 50
            ) -> dict[str, Any]:
    """Share of balanced closed triads (sign product > 0) and the same share with the signs
    shuffled over the same edges (``shuffles`` draws of numpy's generator seeded ``seed``);
    ``_unbalanced``: the ``unbalanced_limit`` unbalanced triads whose weakest edge (by
    ``weights``) is the strongest, as (weight, (u, v, w))."""
    import numpy as np

    nodes = sorted({x for e in signs for x in e})
    tri, ids = _triad_edges(signs)
    values = np.array(list(signs.values()), dtype=np.int8)
    n_tri = len(ids)
    at = {x: i for i, x in enumerate(nodes)}
    ends = np.array([(at[u], at[v]) for u, v in signs], dtype=np.int64).reshape(-1, 2)
    n = len(nodes)
    counter = _bit_counter(n, ends) if n_tri else None

    def signed_sum(vals: Any) -> int:
        if counter is not None:
            return counter(vals)
        return int((vals[ids[:, 0]] * vals[ids[:, 1]] * vals[ids[:, 2]]).sum())

    def balanced(vals: Any) -> int:
        return (n_tri + signed_sum(vals)) // 2

    n_bal = balanced(values) if n_tri else 0
    rng = np.random.default_rng(seed)
    draws = [balanced(rng.permutation(values)) / n_tri for _ in range(shuffles)] \
        if n_tri else []
    mean = float(np.mean(draws)) if draws else None
    sd = float(np.std(draws)) if draws else None
    observed = n_bal / n_tri if n_tri else None
    unbalanced: list[tuple[float, tuple[str, str, str]]] = []
    if n_tri:
        prod = values[ids[:, 0]] * values[ids[:, 1]] * values[ids[:, 2]]
        bad = np.nonzero(prod < 0)[0]
        w = np.array([abs(weights[k]) if weights else 0.0 for k in signs])
        weakest = w[ids[bad]].min(axis=1) if len(bad) else np.zeros(0)
        t = tri[bad]
        order = np.lexsort((t[:, 2], t[:, 1], t[:, 0], -weakest))[:unbalanced_limit]
        unbalanced = [(float(weakest[i]), (nodes[t[i, 0]], nodes[t[i, 1]], nodes[t[i, 2]]))
                      for i in order]
    return {"triads": n_tri, "balanced": n_bal,
            "share": None if observed is None else round(observed, 4),
            "baseline_share": None if mean is None else round(mean, 4),
            "baseline_sd": None if sd is None else round(sd, 4),
            "shuffles": shuffles, "seed": seed,
            "_unbalanced": unbalanced}


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
    w = {k: abs(v["weight"]) for k, v in edges.items()}
    bal = balance(signs, shuffles=shuffles, seed=seed, weights=w,
                  unbalanced_limit=unbalanced_limit)
    strongest = bal.pop("_unbalanced")
    unbalanced = [{"nodes": [u, v, x],
                   "signs": {f"{u}-{v}": signs[(u, v)], f"{u}-{x}": signs[(u, x)],
                             f"{v}-{x}": signs[(v, x)]},
                   "weight": round(weight, 4)} for weight, (u, v, x) in strongest]
    nodes: dict[str, dict[str, Any]] = defaultdict(lambda: {"allies": [], "adversaries": []})
    for (u, v), e in sorted(edges.items(), key=lambda kv: (-abs(kv[1]["weight"]), kv[0])):
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
        balance=bal, unbalanced=unbalanced)


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
