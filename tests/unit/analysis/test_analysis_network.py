"""The signed network and its structural balance, on triads whose signs are known."""

from __future__ import annotations

import json

import pytest

from parley.analysis import network
from parley.analysis.network import balance, to_graphml, triads
from support.analysis_docs import Ev, St, doc


def _triad_docs():
    # USA+GBR cooperate, both fight IRN: a balanced triad (+, -, -).
    # CHN+RUS cooperate, RUS+IND cooperate, CHN-IND hostile: unbalanced (+, +, -).
    return [doc("t1", "2024-03-05", [Ev("AGREE", ("USA",), ("GBR",)),
                                     Ev("SANCTION", ("USA",), ("IRN",)),
                                     Ev("ACCUSE", ("GBR",), ("IRN",)),
                                     Ev("CONSULT", ("CHN", "RUS")),
                                     Ev("AID", ("RUS",), ("IND",)),
                                     Ev("ASSAULT", ("CHN",), ("IND",))])]


def test_edges_signs_and_evidence_counts(make_reader):
    net = network(make_reader(_triad_docs()))
    edges = {(e["a"], e["b"]): e for e in net["edges"]}
    assert edges[("GBR", "USA")]["sign"] == 1
    assert edges[("IRN", "USA")]["sign"] == -1
    assert edges[("IRN", "USA")]["weight"] == pytest.approx(-0.6)  # SANCTION -6 / 10
    assert edges[("CHN", "RUS")]["events"] == 1  # a reciprocal meeting is one event
    assert edges[("CHN", "RUS")]["weight"] == pytest.approx(0.25)
    assert all(e["evidence"] >= 1 for e in net["edges"])
    nodes = {n["key"]: n for n in net["nodes"]}
    assert [x["key"] for x in nodes["USA"]["allies"]] == ["GBR"]
    assert [x["key"] for x in nodes["USA"]["adversaries"]] == ["IRN"]


def test_balance_on_known_triads(make_reader):
    net = network(make_reader(_triad_docs()), shuffles=50, seed=1)
    b = net["balance"]
    assert (b["triads"], b["balanced"], b["share"]) == (2, 1, 0.5)
    assert [t["nodes"] for t in net["unbalanced"]] == [["CHN", "IND", "RUS"]]
    assert 0 <= b["baseline_share"] <= 1 and b["shuffles"] == 50 and b["seed"] == 1
    again = network(make_reader(_triad_docs()), shuffles=50, seed=1)["balance"]
    assert again["baseline_share"] == b["baseline_share"]  # the seed fixes the baseline
    json.dumps(net)


def test_balance_counts_and_shuffled_baseline():
    signs = {("A", "B"): 1, ("A", "C"): 1, ("B", "C"): 1,      # balanced (+++)
             ("C", "D"): -1, ("B", "D"): -1,                   # B-C-D: (+, -, -) balanced
             ("D", "E"): 1}                                    # open: no triad
    assert triads(signs) == [("A", "B", "C"), ("B", "C", "D")]
    b = balance(signs, shuffles=200, seed=0)
    assert (b["triads"], b["balanced"], b["share"]) == (2, 2, 1.0)
    # 4 positive and 2 negative signs shuffled over 6 edges: three edges are all positive
    # with probability C(4,3)/C(6,3) = 0.2 and one positive, two negative with 4/20 = 0.2
    assert b["baseline_share"] == pytest.approx(0.4, abs=0.06)
    assert balance({("A", "B"): 1}, shuffles=5)["share"] is None


def test_shared_and_opposed_positions_make_edges(make_reader):
    d = doc("s", "2024-03-05", stances=[St("USA", "sanctions", "support"),
                                        St("GBR", "sanctions", "support"),
                                        St("CHN", "sanctions", "oppose"),
                                        St("FRA", "ceasefire", "support", target="RUS")])
    edges = {(e["a"], e["b"]): e for e in network(make_reader([d]))["edges"]}
    assert edges[("GBR", "USA")]["sign"] == 1 and edges[("GBR", "USA")]["agree"] == 1
    assert edges[("CHN", "USA")]["sign"] == -1 and edges[("CHN", "USA")]["disagree"] == 1
    assert edges[("FRA", "RUS")]["sign"] == 1 and edges[("FRA", "RUS")]["stances"] == 1


def test_graphml_holds_the_signed_edges(make_reader):
    import networkx as nx

    text = to_graphml(network(make_reader(_triad_docs())))
    import io

    g = nx.read_graphml(io.StringIO(text))
    assert g["USA"]["IRN"]["sign"] == -1 and g["USA"]["GBR"]["sign"] == 1


def test_bit_set_counts_equal_triads_gathered_one_by_one(monkeypatch):
    import random
    import sys

    rng = random.Random(3)
    nodes = [f"N{i:02d}" for i in range(70)]  # more than 64: bit sets of two words
    signs = {(u, v): rng.choice((1, -1)) for i, u in enumerate(nodes) for v in nodes[i + 1:]
             if rng.random() < 0.3}
    tri = triads(signs)
    balanced = sum(signs[(u, v)] * signs[(u, w)] * signs[(v, w)] > 0 for u, v, w in tri)
    fast = balance(signs, shuffles=20, seed=2)
    assert (fast["triads"], fast["balanced"]) == (len(tri), balanced)
    module = sys.modules["parley.analysis.network"]
    monkeypatch.setattr(module, "_bit_counter", lambda *a, **k: None)
    slow = balance(signs, shuffles=20, seed=2)
    assert {k: slow[k] for k in ("triads", "balanced", "baseline_share", "baseline_sd")} == \
        {k: fast[k] for k in ("triads", "balanced", "baseline_share", "baseline_sd")}
