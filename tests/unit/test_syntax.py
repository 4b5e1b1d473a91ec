"""The shared syntax layer on real parses of small sentences: the subject of an event verb
(with passive and control), the speaker of a reporting verb, relative pronouns and clause chains."""

from __future__ import annotations

from typing import Any

import pytest

from parley import syntax
from support.parses import verb as _verb

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "verb", "subject", "passive"),
    [
        ("Xi met Putin.", "meet", ["Xi"], False),
        ("Xi and Putin met.", "meet", ["Xi"], False),
        ("Putin was greeted by Xi in Beijing.", "greet", ["Xi"], True),  # passive with agent
        ("The ceasefire was called for by Xi.", "call", ["Xi"], True),
        ("Washington rejected a ceasefire that was called for by Xi.", "call", ["Xi"], True),
        ("The troops who attacked the village withdrew.", "attack", ["troops"], False),  # relative
        ("Xi is planning to talk with Putin.", "talk", ["Xi"], False),  # control
        ("Russia refused to meet Ukraine.", "meet", ["Russia"], False),
        ("Xi arrived in Moscow ready to meet Putin.", "meet", ["Xi"], False),
        ("Putin was greeted in Beijing.", "greet", [], True),  # passive without agent
    ],
)
def test_subject_tokens(parse: Any, text: str, verb: str, subject: list[str],
                        passive: bool) -> None:
    toks, is_passive = syntax.subject_tokens(_verb(parse(text), verb))
    assert [t.text for t in toks] == subject
    assert is_passive is passive


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        ("Putin was greeted by Xi in Beijing.", "greet", ["Putin"]),
        ("Washington rejected a ceasefire that was called for by Xi.", "call", ["ceasefire"]),
        ("Xi met Putin.", "meet", []),
    ],
)
def test_passive_subject(parse: Any, text: str, verb: str, subject: list[str]) -> None:
    assert [t.text for t in syntax.passive_subject(_verb(parse(text), verb))] == subject


def test_clause_chain_climbs_control_verbs(parse: Any) -> None:
    doc = parse("Xi is planning to talk with Putin.")
    assert [t.text for t in syntax.clause_chain(_verb(doc, "talk"))] == ["talk", "planning"]


@pytest.mark.parametrize(
    ("text", "verb", "speaker"),
    [
        ("Xi said the talks would go on.", "say", "Xi"),
        ("The ceasefire was announced by the ministry.", "announce", "ministry"),  # agent
        ("Xi spoke in Moscow, adding that the talks would go on.", "add", "Xi"),  # inherited
        ("Police received 911 calls saying shots were fired.", "say", "calls"),  # participle
        ("Say nothing about the talks.", "say", None),  # an imperative: no one named
    ],
)
def test_subject_of_a_reporting_verb(parse: Any, text: str, verb: str,
                                     speaker: str | None) -> None:
    found = syntax.subject_of(_verb(parse(text), verb))
    assert (found.text if found is not None else None) == speaker


@pytest.mark.parametrize(
    ("text", "word", "antecedent"),
    [
        ("The minister who resigned spoke on Monday.", "who", "minister"),
        ("Russia rejected a deal that was signed in Minsk.", "that", "deal"),
        ("Xi said that the talks would go on.", "that", None),  # a complementizer
        ("The envoy whose car was hit spoke.", "whose", None),  # a determiner
    ],
)
def test_relative_antecedent(parse: Any, text: str, word: str, antecedent: str | None) -> None:
    tok = next(t for t in parse(text) if t.lower_ == word)
    found = syntax.relative_antecedent(tok)
    assert (found.text if found is not None else None) == antecedent
