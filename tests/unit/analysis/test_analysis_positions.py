"""The actor x issue matrix, Signorino and Ritter's S, and changes of position."""

from __future__ import annotations

import pytest

from parley.analysis import positions, s_score
from parley.errors import ConfigError
from support.analysis_docs import St, doc, sentences_of


def test_s_is_one_for_identical_and_minus_one_for_opposite_positions():
    assert s_score({"sanctions": 1.0, "ceasefire": -1.0},
                   {"sanctions": 1.0, "ceasefire": -1.0}) == (1.0, 2)
    assert s_score({"sanctions": 1.0, "ceasefire": -1.0},
                   {"sanctions": -1.0, "ceasefire": 1.0}) == (-1.0, 2)
    assert s_score({"sanctions": 1.0, "ceasefire": 1.0},
                   {"sanctions": 1.0, "ceasefire": -1.0}) == (0.0, 2)
    assert s_score({"sanctions": 1.0}, {"ceasefire": 1.0}) == (None, 0)


def _docs():
    return [
        doc("p1", "2024-03-05", stances=[St("USA", "sanctions", "support"),
                                         St("GBR", "sanctions", "support"),
                                         St("CHN", "sanctions", "oppose"),
                                         St("USA", "ceasefire", "oppose"),
                                         St("GBR", "ceasefire", "oppose"),
                                         St("CHN", "ceasefire", "support")]),
        doc("p2", "2024-03-20", stances=[St("CHN", "sanctions", "support",
                                            sentence="China now backs sanctions.")]),
    ]


def test_matrix_and_similarity(make_reader):
    res = positions(make_reader(_docs()), date_to="2024-03-10")
    cell = {(r["actor"], r["issue"]): r for r in res["matrix"]}
    assert (cell[("USA", "sanctions")]["support"], cell[("USA", "sanctions")]["oppose"]) == (1, 0)
    assert cell[("CHN", "ceasefire")]["position"] == 1.0
    s = {(p["a"], p["b"]): p["s"] for p in res["similarity"]}
    assert s[("GBR", "USA")] == 1.0
    assert s[("CHN", "USA")] == -1.0


def test_who_changed_position_between_two_periods(make_reader):
    from parley.analysis.positions import with_evidence

    docs = _docs()
    reader = make_reader(docs)
    res = with_evidence(reader, positions(reader, split="2024-03-15"))
    assert [(c["actor"], c["issue"], c["before"], c["after"]) for c in res["changes"]] == [
        ("CHN", "sanctions", -1.0, 1.0)]
    ev = res["changes"][0]["evidence"]
    assert ev[1]["sentence"] == "China now backs sanctions."
    assert all(e["sentence"] in sentences_of(docs) for e in ev)


def test_issue_filter(make_reader):
    res = positions(make_reader(_docs()), issue="ceasefire")
    assert {r["issue"] for r in res["matrix"]} == {"ceasefire"}
    with pytest.raises(ConfigError):
        positions(make_reader(_docs()), date_from="March")
