"""Who stands where: the actor x issue matrix, Signorino and Ritter's S between actors, and
who changed position between two periods."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from parley.analysis.common import (
    Result,
    check_date,
    check_level,
    dyads_of,
    party,
    record_day,
    record_id,
)


class Positions(Result):
    rows_key = "matrix"


def position(support: int, oppose: int) -> float | None:
    """(support - oppose) / (support + oppose), in [-1, 1]; None with no stance."""
    total = support + oppose
    return (support - oppose) / total if total else None


def s_score(x: dict[str, float], y: dict[str, float]) -> tuple[float | None, int]:
    """Signorino and Ritter's S over the issues both actors took a position on:
    S = 1 - 2 * sum_k |x_k - y_k| / sum_k d_max, with d_max = 2 on the [-1, 1] scale.
    1: identical positions, -1: opposite ones. Returns (S, shared issues)."""
    shared = [k for k in x if k in y]
    if not shared:
        return None, 0
    dist = sum(abs(x[k] - y[k]) for k in shared)
    return 1 - 2 * dist / (2 * len(shared)), len(shared)


def _matrix(stances: Iterable[dict[str, Any]], level: str
            ) -> dict[tuple[str, str], dict[str, Any]]:
    cells: dict[tuple[str, str], dict[str, Any]] = defaultdict(
        lambda: {"support": 0, "oppose": 0, "ids": [], "last": ""})
    for s in stances:
        holder = party(s.get("holder"), level)
        if not holder or s.get("polarity") not in ("support", "oppose"):
            continue
        c = cells[(holder, s["issue"])]
        c[s["polarity"]] += 1
        day = record_day(s) or ""
        c["ids"].append((day, s["article_key"], record_id(s)))
        c["last"] = max(c["last"], day)
    return cells


def _vectors(cells: dict[tuple[str, str], dict[str, Any]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for (holder, issue), c in cells.items():
        p = position(c["support"], c["oppose"])
        if p is not None:
            out[holder][issue] = p
    return out


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


def positions(reader: Any, *, level: str = "country", issue: str | None = None,
              date_from: str | None = None, date_to: str | None = None,
              split: str | None = None, actors: list[str] | None = None,
              limit: int = 50) -> Positions:
    """The matrix (support/oppose counts and position per actor and issue), S for pairs of
    actors with a shared issue (most shared first), and, with ``split`` (a date), the actors
    whose position's sign changed between [from, split) and [split, to]."""
    level = check_level(level)
    date_from, date_to = check_date(date_from, "--from"), check_date(date_to, "--to")
    split = check_date(split, "--split")
    stances = dyads_of(reader).stances(level=level, date_from=date_from, date_to=date_to,
                                       issues=[issue] if issue else None)
    cells = _matrix(stances, level)
    keep = set(actors) if actors else None
    matrix = [{"actor": h, "issue": i, "support": c["support"], "oppose": c["oppose"],
               "position": round(position(c["support"], c["oppose"]) or 0.0, 4),
               "last": c["last"] or None}
              for (h, i), c in sorted(cells.items()) if keep is None or h in keep]
    vectors = _vectors(cells)
    names = sorted(vectors) if keep is None else sorted(k for k in vectors if k in keep)
    pairs: list[dict[str, Any]] = []
    for i, x in enumerate(names):
        for y in names[i + 1:]:
            s, shared = s_score(vectors[x], vectors[y])
            if s is not None:
                pairs.append({"a": x, "b": y, "s": round(s, 4), "shared_issues": shared})
    pairs.sort(key=lambda p: (-p["shared_issues"], -abs(p["s"]), p["a"], p["b"]))
    changes = []
    if split:
        before = _matrix((s for s in stances if (record_day(s) or "") < split), level)
        after = _matrix((s for s in stances if (record_day(s) or "") >= split), level)
        for key in sorted(set(before) & set(after)):
            if keep is not None and key[0] not in keep:
                continue
            p0 = position(before[key]["support"], before[key]["oppose"]) or 0.0
            p1 = position(after[key]["support"], after[key]["oppose"]) or 0.0
            if _sign(p0) != _sign(p1):
                changes.append({
                    "actor": key[0], "issue": key[1], "before": round(p0, 4),
                    "after": round(p1, 4),
                    "ids": [max(before[key]["ids"])[1:], max(after[key]["ids"])[1:]]})
    return Positions(level=level, issue=issue, date_from=date_from, date_to=date_to,
                     split=split, matrix=matrix, similarity=pairs[:limit], changes=changes)


def with_evidence(reader: Any, result: Positions) -> Positions:
    """Replace the record ids of each change by the evidence of the last stance before and
    after the split."""
    from parley.analysis.common import evidence

    for c in result["changes"]:
        ids = c.pop("ids", [])
        c["evidence"] = evidence(reader, "stance", [tuple(x) for x in ids])
    return result


def render_text(res: dict[str, Any], limit: int = 40) -> str:
    issues = sorted({r["issue"] for r in res["matrix"]})
    lines = [f"positions ({res['level']}): {len({r['actor'] for r in res['matrix']})} actors,"
             f" {len(issues)} issues"]
    lines.append("-- actor x issue (support/oppose, position)")
    for r in res["matrix"][:limit * 4]:
        lines.append(f"   {r['actor']:12s} {r['issue'][:30]:30s} +{r['support']:<3d} "
                     f"-{r['oppose']:<3d} {r['position']:+.2f}")
    if res["similarity"]:
        lines.append("-- similarity of positions (Signorino & Ritter's S, shared issues)")
        for p in res["similarity"][:limit]:
            lines.append(f"   {p['a']:12s} {p['b']:12s} S={p['s']:+.2f} ({p['shared_issues']})")
    if res.get("split"):
        lines.append(f"-- changed position at {res['split']}")
        for c in res["changes"] or []:
            lines.append(f"   {c['actor']:12s} {c['issue']:30s} {c['before']:+.2f} -> "
                         f"{c['after']:+.2f}")
            for ev in c.get("evidence", []):
                lines.append(f"      {ev['date']} {ev['source']}: «{' '.join(ev['sentence'].split())}»")
        if not res["changes"]:
            lines.append("   (none)")
    return "\n".join(lines)
