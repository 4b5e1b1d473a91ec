"""The actor brief: "China and Russia are meeting this week, but is it good for Ukraine?"
on a hand-made store whose readings are known; its JSON shape; every statement's evidence."""

from __future__ import annotations

import json

import pytest

from parley.analysis import brief
from parley.analysis.render import render_html, render_markdown, render_text
from support.analysis_docs import sentences_of
from support.analysis_docs import ukraine_docs as _docs

EVIDENCE_KEYS = {"article_id", "record_id", "date", "source", "url", "sentence", "span"}


@pytest.fixture
def ukraine(make_reader):
    docs = _docs()
    return docs, brief(make_reader(docs), "UKR", date_from="2024-03-04", date_to="2024-03-10")


def test_json_shape(ukraine):
    _, b = ukraine
    json.dumps(b)
    assert set(b) >= {"actor", "period", "articles", "sources", "relations", "stances",
                      "implications"}
    assert set(b["actor"]) >= {"key", "name", "country"}
    assert b["actor"]["key"] == "UKR" and b["actor"]["country"] == "UKR"
    assert {b["period"]["from"], b["period"]["to"]} == {"2024-03-04", "2024-03-10"}
    assert isinstance(b["articles"], int) and isinstance(b["sources"], int)
    for r in b["relations"]:
        assert set(r) >= {"a", "b", "events", "net_cooperation", "by_type", "change",
                          "evidence"}
        assert r["change"] is None or isinstance(r["change"], float)
        assert all(isinstance(v, int) for v in r["by_type"].values())
    for s in b["stances"]:
        assert set(s) >= {"holder", "issue", "polarity", "toward", "count", "evidence"}
    for i in b["implications"]:
        assert set(i) >= {"text", "kind", "via", "sign", "weight", "evidence"}
        assert i["kind"] in ("direct", "balance", "stance", "change")
        assert i["sign"] in (-1, 0, 1) and isinstance(i["weight"], float)
        assert isinstance(i["via"], list)
    for ev in _all_evidence(b):
        assert set(ev) >= EVIDENCE_KEYS and set(ev["span"]) >= {"start", "end", "text"}


def _all_evidence(b):
    for part in ("relations", "stances", "implications"):
        for x in b[part]:
            yield from x["evidence"]


def test_every_statement_has_true_evidence(ukraine):
    docs, b = ukraine
    exact = sentences_of(docs)
    by_id = {d.article.id: d for d in docs}
    for part in ("relations", "stances", "implications"):
        for x in b[part]:
            assert x["evidence"], (part, x)
            for ev in x["evidence"]:
                assert ev["sentence"] in exact
                d = by_id[ev["article_id"]]
                assert ev["sentence"] in d.article.text and ev["date"] == d.article.date
                assert "2024-03-04" <= ev["date"] <= "2024-03-10"


def test_relations_against_the_previous_period(ukraine):
    _, b = ukraine
    rel = {(r["a"], r["b"]): r for r in b["relations"]}
    r = rel[("RUS", "UKR")]
    assert (r["events"], r["previous_events"], r["change"]) == (3, 1, 2.0)
    assert r["by_type"] == {"ASSAULT": 3} and r["net_cooperation"] == pytest.approx(-27)
    assert (r["articles"], r["sources"]) == (2, 2)
    assert rel[("USA", "UKR")]["by_type"] == {"AID": 2}
    assert rel[("UKR", "RUS")]["change"] is None
    assert (b["articles"], b["sources"]) == (3, 3)


def test_balance_reading_names_the_path(ukraine):
    _, b = ukraine
    bal = {tuple(i["via"]): i for i in b["implications"] if i["kind"] == "balance"}
    china = bal[("RUS", "CHN")]  # China drew closer to Russia, which is hostile to Ukraine
    assert china["sign"] == -1 and "adverse" in china["text"]
    name = {c["key"]: c["name"] for c in b["counterparts"]}
    assert f"{b['actor']['name']} - {name['RUS']} - {name['CHN']}" in china["text"]
    sentences = {e["sentence"] for e in china["evidence"]}
    assert "Xi Jinping met Vladimir Putin in Moscow." in sentences
    usa = bal[("RUS", "USA")]  # the US sanctions Russia: the enemy of an enemy
    assert usa["sign"] == 1 and "favourable" in usa["text"]


def test_stance_readings(ukraine):
    _, b = ukraine
    st = {(i["via"][0], i["sign"]) for i in b["implications"] if i["kind"] == "stance"}
    assert ("DEU", 1) in st      # supports arms supplies toward Ukraine
    assert ("GBR", 1) in st      # shares Ukraine's support for sanctions
    assert ("HUN", -1) in st     # opposes them
    groups = {(s["holder"], s["issue"], s["toward"]) for s in b["stances"]}
    assert ("DEU", "arms supplies", "UKR") in groups and ("UKR", "sanctions", None) in groups


def test_direct_reading(ukraine):
    _, b = ukraine
    direct = {i["via"][0]: i for i in b["implications"] if i["kind"] == "direct"}
    assert direct["RUS"]["sign"] == -1 and direct["USA"]["sign"] == 1
    assert direct["RUS"]["events"] == 4  # 3 assaults and 1 accusation


def test_renderings_escape_and_carry_evidence(ukraine, make_reader):
    _, b = ukraine
    text = render_text(b)
    assert "Russian forces shelled Kharkiv <script>x</script>." in text
    assert "(b) Relations among its counterparts" in text
    html = render_html(b, [("RUS", "Ukraine and Russia", b"\x89PNG fake")])
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert 'src="data:image/png;base64,' in html and 'href="https://a.com/1"' in html
    md = render_markdown(b, [("RUS", "Ukraine and Russia", b"png")])
    assert "![Ukraine and Russia](data:image/png;base64," in md
    assert "\\<script\\>" in md


def test_default_period_is_the_last_week_with_events(make_reader):
    b = brief(make_reader(_docs()), "UKR")
    assert b["period"] == {"from": "2024-02-29", "to": "2024-03-06",
                           "previous": {"from": "2024-02-22", "to": "2024-02-28"}}
