"""Sharp changes: a week's volume or net cooperation of a dyad, or an issue's stance volume,
against the same series' mean over the four weeks before, with a low-baseline guard."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from parley.analysis.common import (
    Rows,
    check_date,
    check_level,
    dyads_of,
    evidence,
    party,
    record_day,
    record_id,
    shift,
)
from parley.store.dyads import period_start

THRESHOLD = 0.25    # a rise or fall of more than 25% against the baseline
WINDOW = 4          # weeks in the baseline
MIN_EVENTS = 5      # the larger of this week and the baseline must reach this
MIN_CHANGE = 3      # and the difference this many events (so 1 -> 2 is no alarm)
SCALE = 10.0        # net cooperation: 25% of PLOVER's half-scale = 2.5 points per event


def volume_alert(now: float, base: float, *, threshold: float = THRESHOLD,
                 min_events: int = MIN_EVENTS, min_change: int = MIN_CHANGE) -> str | None:
    """'rise' / 'fall' when ``now`` moved more than ``threshold`` of ``base`` (any rise from
    0 counts) and passed the low-baseline guard; else None."""
    diff = now - base
    if max(now, base) < min_events or abs(diff) < min_change:
        return None
    if base == 0 or abs(diff) > threshold * base:
        return "rise" if diff > 0 else "fall"
    return None


def _weeks(first: str, last: str) -> list[str]:
    out, w = [], period_start(first, "week")
    while w <= last:
        out.append(w)
        w = shift(w, 7)
    return out


def span(date_from: str, date_to: str, window: int = WINDOW) -> tuple[str, str]:
    """The days the alerts of the weeks of [date_from, date_to] read: the weeks themselves
    and the ``window`` weeks before."""
    weeks = _weeks(date_from, date_to)
    return shift(weeks[0], -7 * window), shift(weeks[-1], 6)


def alerts(reader: Any, *, actor: str | None = None, level: str = "country",
           date_from: str | None = None, date_to: str | None = None,
           threshold: float = THRESHOLD, window: int = WINDOW, min_events: int = MIN_EVENTS,
           min_change: int = MIN_CHANGE, evidence_limit: int = 2, limit: int | None = None,
           stances: list[dict[str, Any]] | None = None) -> Rows:
    """Alerts for each week in [from, to] (default: the store's last week), for the dyads
    and issues of ``actor`` (default: all); ``limit``: only the strongest (largest relative
    change, new series first); ``stances``: the period's stances, if already read."""
    level = check_level(level)
    date_from, date_to = check_date(date_from, "--from"), check_date(date_to, "--to")
    src = dyads_of(reader)
    if date_to is None:
        date_to = src.bounds(level=level)[1]
        if date_to is None:
            return Rows()
    date_from = date_from or date_to
    weeks = _weeks(date_from, date_to)
    lo, hi = span(date_from, date_to, window)
    q: dict[str, Any] = {"level": level, "by": "week", "date_from": lo, "date_to": hi}
    cells = (src.volumes(a=actor, **q) + src.volumes(b=actor, **q)) if actor \
        else src.volumes(**q)
    vol: dict[tuple[str, str], dict[str, list[float]]] = defaultdict(
        lambda: defaultdict(lambda: [0, 0.0]))
    for week, a, b, recip, n, total in cells:
        if recip and a > b:  # a reciprocal event is stored both ways: count it once
            continue
        x = vol[(a, b) if a < b else (b, a)][week]
        x[0] += n
        x[1] += total
    out = Rows()
    guard: dict[str, Any] = {"threshold": threshold, "min_events": min_events, "min_change": min_change}
    before = {week: [shift(week, -7 * k) for k in range(1, window + 1)] for week in weeks}
    for (u, v), series in sorted(vol.items()):
        if actor and actor == v:
            u, v = v, u
        for week in weeks:
            n_now, net_now = series.get(week, (0, 0.0))
            base_weeks = before[week]
            base_n = sum(series[w][0] for w in base_weeks if w in series) / window
            base_net = sum(series[w][1] for w in base_weeks if w in series)
            base_total = sum(series[w][0] for w in base_weeks if w in series)
            found = []
            direction = volume_alert(n_now, base_n, **guard)
            if direction:
                found.append(("volume", n_now, base_n,
                              (n_now - base_n) / base_n if base_n else None, direction))
            if n_now >= min_events and base_total >= min_events:
                mean_now, mean_base = net_now / n_now, base_net / base_total
                if abs(mean_now - mean_base) > threshold * SCALE:
                    found.append(("net_cooperation", mean_now, mean_base, mean_now - mean_base,
                                  "rise" if mean_now > mean_base else "fall"))
            for kind, value, base, change, d in found:
                out.append({"kind": kind, "week": week, "actor": u, "other": v,
                            "value": round(value, 4), "baseline": round(base, 4),
                            "change": None if change is None else round(change, 4),
                            "direction": d, "events": int(n_now), "window": window,
                            "_ev": ("event", [(u, v), (v, u)])})
    out.extend(_issue_alerts(src, actor, level, weeks, window, lo, hi, guard, stances))
    if limit is not None:
        out.sort(key=lambda r: (-(abs(r["change"]) if r["change"] is not None else 1e9),
                                r["week"], r["actor"], r["other"]))
        del out[limit:]
    for r in out:  # evidence for the alerts kept only
        kind, spec = r.pop("_ev")
        if kind == "event":
            ids: list[tuple[str, str]] = []
            for p, q2 in spec:
                ids += src.sample(level=level, a=p, b=q2, date_from=r["week"],
                                  date_to=shift(r["week"], 6), limit=evidence_limit)
        else:
            ids = spec[:evidence_limit]
        r["evidence"] = evidence(reader, kind, ids[:evidence_limit])
    out.sort(key=lambda r: (r["week"], r["kind"], r["actor"], r["other"]))
    for r in out:
        r["text"] = alert_text(r)
    return out


def alert_text(r: dict[str, Any], name: Any = str) -> str:
    """The alert in words; ``name`` maps a key to the name shown."""
    who = f"{name(r['actor'])} on {r['other']}" if r["kind"] == "issue" else \
        f"{name(r['actor'])} and {name(r['other'])}"
    if r["kind"] == "net_cooperation":
        return (f"{who}: net cooperation {r['value']:+.1f} per event in the week of "
                f"{r['week']} against {r['baseline']:+.1f} over the {r['window']} weeks "
                f"before ({r['direction']})")
    unit = "stances" if r["kind"] == "issue" else "events"
    return (f"{who}: {int(r['value'])} {unit} in the week of {r['week']} against "
            f"{r['baseline']:.1f} a week over the {r['window']} weeks before ({r['direction']})")


def _issue_alerts(src: Any, actor: str | None, level: str, weeks: list[str], window: int,
                  lo: str, hi: str, guard: dict[str, Any],
                  stances: list[dict[str, Any]] | None) -> list[dict]:
    series: dict[tuple[str, str], dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    if stances is None:
        stances = src.stances(level=level, date_from=lo, date_to=hi)
    starts: dict[str, str] = {}
    for s in stances:
        if not lo <= (record_day(s) or "") <= hi:
            continue
        day = record_day(s)
        if not day:
            continue
        involved = {party(s.get(k), level) for k in ("holder", "toward", "target")}
        if actor and actor not in involved:
            continue
        key = (actor or party(s.get("holder"), level) or "?", s["issue"])
        if day not in starts:
            starts[day] = period_start(day, "week")
        series[key][starts[day]].append((day, s["article_key"], record_id(s)))
    before = {week: [shift(week, -7 * k) for k in range(1, window + 1)] for week in weeks}
    out = []
    for (who, issue), by_week in sorted(series.items()):
        for week in weeks:
            now = len(by_week.get(week, []))
            base = sum(len(by_week.get(w, [])) for w in before[week]) / window
            direction = volume_alert(now, base, **guard)
            if not direction:
                continue
            ids = [x[1:] for x in sorted(by_week.get(week, []), reverse=True)]
            out.append({"kind": "issue", "week": week, "actor": who, "other": issue,
                        "value": now, "baseline": round(base, 4),
                        "change": round((now - base) / base, 4) if base else None,
                        "direction": direction, "events": now, "window": window,
                        "_ev": ("stance", ids)})
    return out


def render_text(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no alerts"
    lines = []
    for r in rows:
        lines.append(f"{r['week']} {r['kind']:15s} {r['direction']:4s} {r['text']}")
        for ev in r["evidence"]:
            lines.append(f"      {ev['date']} {ev['source']}: «{' '.join(ev['sentence'].split())}»")
    return "\n".join(lines)
