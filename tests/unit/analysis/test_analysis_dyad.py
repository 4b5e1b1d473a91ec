"""Dyads over time on hand-made stores whose answers are known."""

from __future__ import annotations

import pytest

from parley.analysis import dyad
from parley.errors import ConfigError
from support.analysis_docs import Ev, doc

WEEK1 = "2024-03-04"  # a Monday
WEEK2 = "2024-03-11"


def _docs():
    return [
        doc("a1", "2024-03-05", [Ev("AGREE", ("CHN",), ("RUS",))], url="https://www.bbc.co.uk/1"),
        doc("a2", "2024-03-06", [Ev("CONSULT", ("CHN",), ("RUS",), mode=("visit",)),
                                 Ev("ACCUSE", ("RUS",), ("CHN",))], url="https://cnn.com/2"),
        doc("a3", "2024-03-12", [Ev("THREATEN", ("RUS",), ("CHN",))], url="https://cnn.com/3"),
        doc("a4", "2024-03-05", [Ev("ASSAULT", ("USA",), ("IRN",)),
                                 Ev("AID", ("USA",), ("UKR",))], url="https://cnn.com/4"),
    ]


def test_counts_sums_and_distinct_articles_per_week(make_reader):
    series = dyad(make_reader(_docs()), "CHN", "RUS", by="week")
    assert [p["start"] for p in series["periods"]] == [WEEK1, WEEK2]
    w1, w2 = series["periods"]
    assert w1["events"] == 3
    assert w1["a_to_b"]["by_type"] == {"AGREE": 1, "CONSULT": 1}
    assert w1["b_to_a"]["by_type"] == {"ACCUSE": 1}
    # PLOVER scores: AGREE 2.5, CONSULT/visit 4, ACCUSE -3
    assert w1["net_cooperation"] == pytest.approx(3.5)
    assert w1["net_cooperation_mean"] == pytest.approx(3.5 / 3, abs=1e-4)
    assert w1["a_to_b"]["by_quad"] == {"1": 2} and w1["b_to_a"]["by_quad"] == {"3": 1}
    assert (w1["articles"], w1["sources"]) == (2, 2)
    # the week's volume: 3 CHN-RUS events and 2 USA events
    assert w1["volume"] == 5
    assert w1["net_cooperation_normalised"] == pytest.approx(3.5 / 5, abs=1e-4)
    assert w2["events"] == 1 and w2["net_cooperation"] == pytest.approx(-3.5)
    assert set(series) >= {"a", "b", "by", "periods"}
    assert set(w1) >= {"start", "events", "net_cooperation", "articles", "sources", "a_to_b",
                       "b_to_a"}


def test_by_day_and_month_and_dates(make_reader):
    reader = make_reader(_docs())
    by_day = dyad(reader, "CHN", "RUS", by="day", date_from="2024-03-05", date_to="2024-03-06")
    assert [(p["start"], p["events"]) for p in by_day["periods"]] == [
        ("2024-03-05", 1), ("2024-03-06", 2)]
    by_month = dyad(reader, "RUS", "CHN", by="month")
    assert [(p["start"], p["events"]) for p in by_month["periods"]] == [("2024-03-01", 4)]
    assert by_month["periods"][0]["a_to_b"]["by_type"] == {"ACCUSE": 1, "THREATEN": 1}
    with pytest.raises(ConfigError):
        dyad(reader, "CHN", "RUS", by="year")


def test_a_meeting_of_several_actors_counts_for_every_pair(make_reader):
    meeting = doc("m", "2024-03-05", [Ev("CONSULT", ("CHN", "RUS", "IND"))])
    reader = make_reader([meeting])
    for a, b in (("CHN", "RUS"), ("CHN", "IND"), ("IND", "RUS")):
        p = dyad(reader, a, b)["periods"]
        assert len(p) == 1, (a, b)
        assert p[0]["events"] == 1
        assert p[0]["a_to_b"]["events"] == p[0]["b_to_a"]["events"] == 1
        assert p[0]["a_to_b"]["reciprocal"] == 1
        assert p[0]["net_cooperation"] == pytest.approx(2.5)  # once, not once per side
    assert dyad(reader, "CHN", "USA")["periods"] == []


def test_near_duplicate_copies_count_once(make_reader):
    first = doc("orig", "2024-03-05", [Ev("AGREE", ("CHN",), ("RUS",))], url="https://a.com/1")
    copy = doc("copy", "2024-03-05", [Ev("AGREE", ("CHN",), ("RUS",), sentence="CHN agreed"
                                         " with RUS, a copy said.")], url="https://b.com/1")
    reader = make_reader([first, copy], duplicates={copy.article.key: first.article.key})
    (p,) = dyad(reader, "CHN", "RUS")["periods"]
    assert (p["events"], p["articles"], p["sources"]) == (1, 1, 1)


def test_real_events_only_unless_all_modes(make_reader):
    d = doc("f", "2024-03-05", [Ev("AGREE", ("CHN",), ("RUS",)),
                                Ev("ASSAULT", ("CHN",), ("RUS",), aux="future"),
                                Ev("AID", ("RUS",), ("CHN",), aux="negation")])
    reader = make_reader([d])
    (p,) = dyad(reader, "CHN", "RUS")["periods"]
    assert p["events"] == 1 and p["net_cooperation"] == pytest.approx(2.5)
    assert "other_modes" not in p
    (q,) = dyad(reader, "CHN", "RUS", all_modes=True)["periods"]
    assert q["events"] == 1 and q["net_cooperation"] == pytest.approx(2.5)
    assert q["other_modes"]["future"]["a_to_b"]["by_type"] == {"ASSAULT": 1}
    assert q["other_modes"]["negation"]["b_to_a"]["by_type"] == {"AID": 1}


def test_actor_level(make_reader):
    d = doc("p", "2024-03-05", [Ev("CONSULT", ("CHN:Xi",), ("RUS:Putin",)),
                                Ev("AGREE", ("CHN",), ("RUS",))])
    reader = make_reader([d])
    (p,) = dyad(reader, "person:Xi", "person:Putin", level="actor")["periods"]
    assert p["events"] == 1 and p["a_to_b"]["by_type"] == {"CONSULT": 1}
    (c,) = dyad(reader, "CHN", "RUS")["periods"]
    assert c["events"] == 2


def test_to_pandas_gives_one_row_per_period(make_reader):
    pytest.importorskip("pandas")
    df = dyad(make_reader(_docs()), "CHN", "RUS").to_pandas()
    assert list(df["start"]) == [WEEK1, WEEK2]
    assert list(df["a_to_b_AGREE"]) == [1, 0]


def test_a_real_event_dated_after_its_article_counts_on_the_article_date(make_reader):
    d = doc("late", "2024-03-05", [Ev("AGREE", ("CHN",), ("RUS",), date="2025-01-01"),
                                   Ev("AID", ("CHN",), ("RUS",), date="2025-01-01",
                                      aux="future")])
    series = dyad(make_reader([d]), "CHN", "RUS", by="day", all_modes=True)
    assert [(p["start"], p["events"]) for p in series["periods"] if p["events"]] == [
        ("2024-03-05", 1)]
    assert series["periods"][-1]["start"] == "2025-01-01"  # the planned aid keeps its date
    assert series["periods"][-1]["other_modes"]["future"]["a_to_b"]["events"] == 1
