"""Alerts: a week against the series' own four-week mean, with a low-baseline guard."""

from __future__ import annotations

from parley.analysis import alerts
from parley.analysis.alerts import volume_alert
from support.analysis_docs import Ev, doc

MONDAYS = ["2024-02-05", "2024-02-12", "2024-02-19", "2024-02-26", "2024-03-04"]


def _weeks(counts, kind="AGREE", last_kind=None):
    docs = []
    for i, (monday, n) in enumerate(zip(MONDAYS, counts, strict=True)):
        t = last_kind if (last_kind and i == len(counts) - 1) else kind
        if n:
            docs.append(doc(f"w{i}", monday, [Ev(t, ("CHN",), ("RUS",)) for _ in range(n)]))
    return docs


def test_guard_rule():
    assert volume_alert(2, 1) is None          # 1 -> 2: no alarm
    assert volume_alert(4, 0) is None          # too few
    assert volume_alert(10, 0) == "rise"       # a new dyad with real volume
    assert volume_alert(10, 8) is None         # +25% exactly is no rise "over 25%"
    assert volume_alert(14, 10) == "rise"
    assert volume_alert(4, 10) == "fall"


def test_a_sharp_rise_is_an_alert_with_evidence(make_reader):
    rows = alerts(make_reader(_weeks([4, 4, 4, 4, 12])), actor="CHN")
    vol = [r for r in rows if r["kind"] == "volume"]
    assert len(vol) == 1
    r = vol[0]
    assert (r["week"], r["actor"], r["other"], r["value"], r["baseline"], r["direction"]) == (
        "2024-03-04", "CHN", "RUS", 12, 4.0, "rise")
    assert r["evidence"] and all(e["date"] == "2024-03-04" for e in r["evidence"])


def test_low_baseline_is_no_alarm(make_reader):
    assert alerts(make_reader(_weeks([1, 1, 1, 1, 2])), actor="CHN") == []
    assert alerts(make_reader(_weeks([0, 1, 0, 0, 3])), actor="CHN") == []


def test_net_cooperation_turning_is_an_alert(make_reader):
    rows = alerts(make_reader(_weeks([5, 5, 5, 5, 5], last_kind="ASSAULT")), actor="RUS")
    (r,) = [r for r in rows if r["kind"] == "net_cooperation"]
    assert r["direction"] == "fall" and r["actor"] == "RUS" and r["other"] == "CHN"
    assert r["value"] == -9.0 and r["baseline"] == 2.5
    assert [x for x in rows if x["kind"] == "volume"] == []  # same volume


def test_all_actors_without_actor(make_reader):
    rows = alerts(make_reader(_weeks([4, 4, 4, 4, 12])))
    assert [(r["actor"], r["other"]) for r in rows if r["kind"] == "volume"] == [("CHN", "RUS")]
