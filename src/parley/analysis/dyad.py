"""Two actors over time: events each way by PLOVER type and quad class, net cooperation."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from parley.analysis.common import (
    Cell,
    Result,
    check_by,
    check_date,
    check_level,
    dyads_of,
)
from parley.ontology import ontology
from parley.store.dyads import period_start


class DyadSeries(Result):
    rows_key = "periods"

    def to_pandas(self) -> Any:
        from parley.analysis.common import frame

        return frame(flat_rows(self))


def _side(cells: list[Cell]) -> dict[str, Any]:
    by_type: dict[str, int] = defaultdict(int)
    by_quad: dict[str, int] = defaultdict(int)
    n = recip = 0
    total = recip_sum = 0.0
    types = ontology().types
    for c in cells:
        by_type[c[3]] += c[6]
        quad = types[c[3]].quad if c[3] in types else 0
        by_quad[str(quad)] += c[6]
        n += c[6]
        total += c[7]
        if c[5]:
            recip += c[6]
            recip_sum += c[7]
    return {"events": n, "net_cooperation": round(total, 4),
            "mean_intensity": round(total / n, 4) if n else None,
            "reciprocal": recip, "reciprocal_intensity": round(recip_sum, 4),
            "by_type": dict(sorted(by_type.items())), "by_quad": dict(sorted(by_quad.items()))}


def _periods(first: str, last: str, by: str) -> list[str]:
    out, day = [], period_start(first, by)
    while day <= last:
        out.append(day)
        d = dt.date.fromisoformat(day)
        if by == "day":
            d += dt.timedelta(days=1)
        elif by == "week":
            d += dt.timedelta(days=7)
        else:
            d = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        day = d.isoformat()
    return out


def dyad(reader: Any, a: str, b: str, *, level: str = "country", by: str = "week",
         date_from: str | None = None, date_to: str | None = None,
         all_modes: bool = False) -> DyadSeries:
    """Events A->B and B->A per period. A reciprocal event (several actors, no recipient)
    appears on both sides and once in the period's ``events``; net cooperation is the sum of
    PLOVER intensity over the period's distinct events, ``net_cooperation_normalised`` that
    sum over the period's volume of dyadic events in the whole store."""
    level, by = check_level(level), check_by(by)
    date_from, date_to = check_date(date_from, "--from"), check_date(date_to, "--to")
    src = dyads_of(reader)
    q: dict[str, Any] = {"level": level, "by": by, "date_from": date_from, "date_to": date_to}
    ab = src.cells(a=a, b=b, real_only=not all_modes, **q)
    ba = src.cells(a=b, b=a, real_only=not all_modes, **q)
    cover = src.coverage(level=level, by=by, a=a, b=b, directed=False, date_from=date_from,
                         date_to=date_to)
    periods_seen = {c[0] for c in ab + ba}
    volume: dict[str, int] = defaultdict(int)
    if periods_seen:
        lo, hi = min(periods_seen), max(periods_seen)
        for c in src.cells(a="*", b="*", **{**q, "date_from": date_from or lo,
                                            "date_to": date_to or _end(hi, by)}):
            volume[c[0]] += c[6]
    starts = (_periods(date_from or min(periods_seen), date_to or max(periods_seen), by)
              if periods_seen else [])
    groups: dict[tuple[str, int, str], list[Cell]] = defaultdict(list)
    for side, cells in ((0, ab), (1, ba)):
        for c in cells:
            groups[(c[0], side, c[4])].append(c)
    out = []
    for start in starts:
        x, y = _side(groups[(start, 0, "")]), _side(groups[(start, 1, "")])
        n = x["events"] + y["events"] - x["reciprocal"]
        net = x["net_cooperation"] + y["net_cooperation"] - x["reciprocal_intensity"]
        arts, srcs = cover.get(start, (0, 0))
        period: dict[str, Any] = {
            "start": start, "events": n, "net_cooperation": round(net, 4),
            "net_cooperation_mean": round(net / n, 4) if n else None,
            "volume": volume.get(start, 0),
            "net_cooperation_normalised": (round(net / volume[start], 4)
                                           if volume.get(start) else None),
            "articles": arts, "sources": srcs, "a_to_b": x, "b_to_a": y,
        }
        if all_modes:
            modes = {}
            for aux in sorted({k[2] for k in groups if k[0] == start and k[2]}):
                modes[aux] = {"a_to_b": _side(groups[(start, 0, aux)]),
                              "b_to_a": _side(groups[(start, 1, aux)])}
            period["other_modes"] = modes
        out.append(period)
    return DyadSeries(a=a, b=b, by=by, level=level, date_from=date_from, date_to=date_to,
                      periods=out)


def _end(start: str, by: str) -> str:
    nxt = _periods(start, start, by)
    d = dt.date.fromisoformat(nxt[0])
    if by == "day":
        return start
    if by == "week":
        return (d + dt.timedelta(days=6)).isoformat()
    return ((d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            - dt.timedelta(days=1)).isoformat()


def flat_rows(series: dict[str, Any]) -> list[dict[str, Any]]:
    """One flat row per period (CSV, DataFrame): totals, each side's totals and types."""
    types = sorted({t for p in series["periods"] for s in ("a_to_b", "b_to_a")
                    for t in p[s]["by_type"]})
    rows = []
    for p in series["periods"]:
        row = {k: p[k] for k in ("start", "events", "net_cooperation", "net_cooperation_mean",
                                 "volume", "net_cooperation_normalised", "articles", "sources")}
        for s in ("a_to_b", "b_to_a"):
            row[f"{s}_events"] = p[s]["events"]
            row[f"{s}_net_cooperation"] = p[s]["net_cooperation"]
            row[f"{s}_reciprocal"] = p[s]["reciprocal"]
            for t in types:
                row[f"{s}_{t}"] = p[s]["by_type"].get(t, 0)
        for aux, sides in (p.get("other_modes") or {}).items():
            for s in ("a_to_b", "b_to_a"):
                row[f"{aux}_{s}_events"] = sides[s]["events"]
        rows.append(row)
    return rows


def render_text(series: dict[str, Any]) -> str:
    a, b = series["a"], series["b"]
    lines = [f"{a} <-> {b} by {series['by']}"
             + (f" from {series['date_from']}" if series.get("date_from") else "")
             + (f" to {series['date_to']}" if series.get("date_to") else ""),
             f"{'start':10s} {'events':>6s} {a + '->' + b:>9s} {b + '->' + a:>9s} "
             f"{'net':>8s} {'mean':>6s} {'norm':>7s} {'arts':>5s} {'srcs':>5s}  types"]
    for p in series["periods"]:
        if not p["events"] and not p.get("other_modes"):
            continue
        types: dict[str, int] = defaultdict(int)
        for s in ("a_to_b", "b_to_a"):
            for t, n in p[s]["by_type"].items():
                types[t] += n
        mean = p["net_cooperation_mean"]
        norm = p["net_cooperation_normalised"]
        lines.append(
            f"{p['start']:10s} {p['events']:6d} {p['a_to_b']['events']:9d} "
            f"{p['b_to_a']['events']:9d} {p['net_cooperation']:8.1f} "
            f"{'' if mean is None else f'{mean:.2f}':>6s} "
            f"{'' if norm is None else f'{norm:.3f}':>7s} {p['articles']:5d} {p['sources']:5d}  "
            + " ".join(f"{t}:{n}" for t, n in sorted(types.items(), key=lambda kv: -kv[1])))
        for aux, sides in (p.get("other_modes") or {}).items():
            lines.append(f"{'':10s} {aux}: {a}->{b} {sides['a_to_b']['by_type']}"
                         f" {b}->{a} {sides['b_to_a']['by_type']}")
    if len(lines) == 2:
        lines.append("(no events)")
    return "\n".join(lines)
