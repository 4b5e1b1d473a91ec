"""``TokenIndex.where``: the finders' array filter gives the tokens a token-by-token test does,
and what it keeps belongs to its own parse (one index per call, never shared)."""

from __future__ import annotations

from typing import Any

from parley.quotes.attribution import TokenIndex

TEXTS = [
    "According to officials, the minister said: \n\nWe will act. Her argument is that it works.",
    "As reported by the paper, the council voted. Protesters marched: they want change.",
]


def test_where_is_the_token_by_token_filter(nlp: Any) -> None:
    for text in TEXTS:
        doc = nlp(text)
        index = TokenIndex(doc)
        assert index.where("POS", "VERB", "AUX", "NOUN") == [
            t.i for t in doc if t.pos_ in ("VERB", "AUX", "NOUN")]
        assert index.where("POS", "NOUN") == [t.i for t in doc if t.pos_ == "NOUN"]
        assert index.where("DEP", "advcl") == [t.i for t in doc if t.dep_ == "advcl"]
        assert index.where("ORTH", ":") == [t.i for t in doc if t.text == ":"]
        assert index.where("LOWER", "according") == [t.i for t in doc if t.lower_ == "according"]
        assert index.starts == [t.idx for t in doc]


def test_where_keeps_each_parse_apart(nlp: Any) -> None:
    first, second = (TokenIndex(nlp(t)) for t in TEXTS)
    a = first.where("POS", "NOUN")
    b = second.where("POS", "NOUN")
    assert first.where("POS", "NOUN") == a  # the kept column answers again the same
    assert [first.doc[i].pos_ for i in a] == ["NOUN"] * len(a)
    assert [second.doc[i].pos_ for i in b] == ["NOUN"] * len(b)


def test_token_indices_without_a_kept_column(nlp: Any) -> None:
    from parley.quotes.attribution import token_indices

    doc = nlp(TEXTS[0])
    assert token_indices(doc, "DEP", ("nsubj",)) == [t.i for t in doc if t.dep_ == "nsubj"]
