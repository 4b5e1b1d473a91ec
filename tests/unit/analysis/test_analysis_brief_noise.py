"""What an analyst would object to in a brief, kept out: words that are no issue, positions
that one article alone carries, codes for many bodies read as one party, a relation read
from a single article, as much conflict as cooperation read as either, the same wire
sentence shown twice. Hand-made stores where the right brief is known."""

from __future__ import annotations

from parley.analysis import brief
from parley.analysis.render import render_text
from support.analysis_docs import Ev, St, doc

WEEK = {"date_from": "2024-03-04", "date_to": "2024-03-10"}


def _groups(b):
    return {(s["holder"], s["issue"], s["polarity"]) for s in b["stances"]}


def test_generic_words_and_lone_free_words_are_no_position(make_reader):
    docs = [doc("a1", "2024-03-05", stances=[
                St("USA", "decision", "oppose", toward="IRN"),        # generic head word
                St("USA", "his remarks", "support", toward="IRN"),    # generic head word
                St("IRN", "militia", "support"),                      # free word, 2 articles
                St("IRN", "escalation", "support"),                   # free word, 1 article
                St("USA", "unfair practice", "oppose", toward="IRN"),  # 1 article, affects IRN
                St("USA", "sanctions", "support", toward="IRN")]),    # named issue, 1 article
            doc("a2", "2024-03-06", stances=[St("IRN", "militia", "support")])]
    b = brief(make_reader(docs), "IRN", **WEEK)
    assert _groups(b) == {("IRN", "militia", "support"), ("USA", "unfair practice", "oppose"),
                          ("USA", "sanctions", "support")}


def test_a_stance_said_to_affect_its_own_holder_affects_no_one(make_reader):
    docs = [doc(f"s{i}", "2024-03-05", stances=[St("USA", "tariffs", "support", toward="USA")])
            for i in range(2)]
    b = brief(make_reader(docs), "USA", **WEEK)
    (group,) = b["stances"]
    assert group["toward"] is None and "affecting" not in render_text(b)


def test_a_stance_on_one_of_its_own_is_no_position_between_parties(make_reader):
    docs = [doc(f"d{i}", "2024-03-05", stances=[
        St("USA", "barack obama", "support", target="USA:obama"),
        St("USA", "donald trump", "oppose", target="USA:trump"),
        St("USA", "vladimir putin", "support", target="RUS:putin")]) for i in range(2)]
    b = brief(make_reader(docs), "USA", **WEEK)
    assert [(s["about"], s["polarity"]) for s in b["stances"]] == [("RUS", "support")]


def test_positions_on_an_actor_are_one_group_that_names_it(make_reader):
    docs = [doc("p1", "2024-03-05", stances=[St("USA", "qasem soleimani", "oppose",
                                                target="IRN:soleimani")]),
            doc("p2", "2024-03-06", stances=[St("USA", "tehran", "oppose", target="IRN")]),
            doc("p3", "2024-03-07", stances=[St("USA", "iran", "oppose", target="IRN")])]
    b = brief(make_reader(docs), "IRN", **WEEK)
    (group,) = b["stances"]
    assert group["about"] == "IRN" and group["count"] == 3
    assert set(group["issue_words"]) == {"qasem soleimani", "tehran", "iran"}
    (reading,) = [i for i in b["implications"] if i["kind"] == "stance"]
    assert reading["sign"] == -1 and reading["text"].startswith("United States opposes Iran")
    assert "United States opposes Iran (" in render_text(b)


def test_a_stance_reading_needs_two_articles(make_reader):
    one = [doc("o1", "2024-03-05", stances=[St("DEU", "arms supplies", "support",
                                               toward="UKR")])]
    b = brief(make_reader(one), "UKR", **WEEK)
    assert b["stances"] and not [i for i in b["implications"] if i["kind"] == "stance"]
    two = one + [doc("o2", "2024-03-06", stances=[St("DEU", "arms supplies", "support",
                                                     toward="UKR")])]
    b = brief(make_reader(two), "UKR", **WEEK)
    (reading,) = [i for i in b["implications"] if i["kind"] == "stance"]
    assert reading["sign"] == 1 and reading["articles"] == 2


def test_codes_for_many_bodies_are_named_and_take_no_part_in_readings(make_reader):
    docs = [doc(f"g{i}", "2024-03-0" + str(4 + i), [Ev("AID", ("IGO",), ("UKR",)),
                                                    Ev("ASSAULT", ("RUS",), ("UKR",)),
                                                    Ev("AGREE", ("IGO",), ("RUS",))])
            for i in range(3)]
    b = brief(make_reader(docs), "UKR", **WEEK)
    assert ("IGO", "UKR") in {(r["a"], r["b"]) for r in b["relations"]}
    names = {r["a"]: r["a_name"] for r in b["relations"]}
    assert names["IGO"] == "international bodies (IGO)"
    via = [v for i in b["implications"] for v in i["via"]]
    assert "RUS" in via and "IGO" not in via


def test_a_passing_mention_in_one_article_is_listed_but_not_read(make_reader):
    docs = [doc("r1", "2024-03-05", [Ev("ASSAULT", ("RUS",), ("UKR",)),
                                     Ev("AID", ("BLR",), ("UKR",)),
                                     Ev("ACCUSE", ("POL",), ("UKR",)),
                                     Ev("ACCUSE", ("POL",), ("UKR",)),
                                     Ev("AID", ("GBR",), ("UKR",)), Ev("AID", ("GBR",), ("UKR",)),
                                     Ev("AID", ("GBR",), ("UKR",))]),
            doc("r2", "2024-03-06", [Ev("ASSAULT", ("RUS",), ("UKR",))])]
    b = brief(make_reader(docs), "UKR", **WEEK)
    assert {r["a"] for r in b["relations"]} == {"RUS", "BLR", "POL", "GBR"}
    direct = {i["via"][0] for i in b["implications"] if i["kind"] == "direct"}
    # two articles (RUS), or three events in one (GBR); not one or two in one (BLR, POL)
    assert direct == {"RUS", "GBR"}


def test_a_balance_reading_needs_the_third_relation_in_two_articles(make_reader):
    base = [doc(f"x{i}", f"2024-03-0{4 + i}", [Ev("ASSAULT", ("RUS",), ("UKR",)),
                                               Ev("AID", ("USA",), ("UKR",))])
            for i in range(2)]
    once = base + [doc("c1", "2024-03-07", [Ev("SANCTION", ("USA",), ("RUS",))])]
    b = brief(make_reader(once), "UKR", **WEEK)
    assert not [i for i in b["implications"] if i["kind"] == "balance"]
    twice = once + [doc("c2", "2024-03-08", [Ev("SANCTION", ("USA",), ("RUS",))])]
    b = brief(make_reader(twice), "UKR", **WEEK)
    (reading,) = [i for i in b["implications"] if i["kind"] == "balance"]
    assert set(reading["via"]) == {"RUS", "USA"} and reading["articles"] == 4


def test_as_much_conflict_as_cooperation_is_mixed(make_reader):
    # a meeting (+) and an accusation (-) a day: neither cooperative nor hostile
    docs = [doc(f"m{i}", f"2024-03-0{4 + i}", [Ev("CONSULT", ("USA",), ("GBR",)),
                                               Ev("ACCUSE", ("USA",), ("GBR",))])
            for i in range(3)]
    b = brief(make_reader(docs), "USA", **WEEK)
    (direct,) = [i for i in b["implications"] if i["kind"] == "direct"]
    assert direct["sign"] == 0 and " mixed" in direct["text"]


def test_the_same_wire_sentence_from_two_outlets_is_shown_once(make_reader):
    wire = "Russian troops shelled the port of Odesa overnight."
    docs = [doc("w1", "2024-03-05", [Ev("ASSAULT", ("RUS",), ("UKR",), sentence=wire)],
                url="https://one.example/1"),
            doc("w2", "2024-03-05", [Ev("ASSAULT", ("RUS",), ("UKR",), sentence=wire)],
                url="https://two.example/2"),
            doc("w3", "2024-03-06", [Ev("ASSAULT", ("RUS",), ("UKR",))],
                url="https://three.example/3")]
    b = brief(make_reader(docs), "UKR", **WEEK)
    (rel,) = b["relations"]
    sentences = [e["sentence"] for e in rel["evidence"]]
    assert sentences.count(wire) == 1 and len(sentences) == 2


def test_group_codes_are_the_actor_kbs_non_state_codes():
    from parley.actors.kb import NON_STATE_CODES
    from parley.analysis.common import NON_STATE_CODES as SHOWN

    assert SHOWN == NON_STATE_CODES


def test_an_outlets_rewrite_of_a_sentence_is_shown_once(make_reader):
    first = "Paul defended the president, who pushed phony news to help Trump."
    rewrite = "Paul defended the president, who pushed fake news to help Trump."
    other = "Russian drones struck a power station near Kyiv."
    docs = [doc("v1", "2024-03-05", [Ev("ASSAULT", ("RUS",), ("UKR",), sentence=first)]),
            doc("v2", "2024-03-06", [Ev("ASSAULT", ("RUS",), ("UKR",), sentence=rewrite)]),
            doc("v3", "2024-03-07", [Ev("ASSAULT", ("RUS",), ("UKR",), sentence=other)])]
    b = brief(make_reader(docs), "UKR", **WEEK)
    (rel,) = b["relations"]
    sentences = {e["sentence"] for e in rel["evidence"]}
    assert other in sentences and len(sentences & {first, rewrite}) == 1


def test_opposing_a_deal_that_concerns_the_actor_is_adverse_for_it(make_reader):
    docs = [doc(f"n{i}", "2024-03-05", stances=[St("USA", "nuclear deal", "oppose",
                                                   toward="IRN"),
                                                St("DEU", "sovereignty", "support",
                                                   toward="IRN")]) for i in range(2)]
    b = brief(make_reader(docs), "IRN", **WEEK)
    signs = {i["via"][0]: i["sign"] for i in b["implications"] if i["kind"] == "stance"}
    assert signs == {"USA": -1, "DEU": 1}
