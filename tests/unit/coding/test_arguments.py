"""Argument finding on real parses of small sentences: who acts, whether the clause is
passive, and PLOVER's auxiliary mode (future, hypothetical, negation)."""

from __future__ import annotations

from typing import Any

import pytest

from parley.coding import arguments as args
from support.parses import verb as _verb

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "verb", "deps", "found"),
    [
        ("Xi met Putin.", "meet", ("dobj",), ["Putin"]),
        ("Xi is planning to talk with Putin.", "talk", ("with",), ["Putin"]),
        ("Xi is planning to talk with Putin.", "talk", ("dobj",), []),
        ("Biden spoke to Zelensky.", "speak", ("to",), ["Zelensky"]),
    ],
)
def test_objects(parse: Any, text: str, verb: str, deps: tuple[str, ...],
                 found: list[str]) -> None:
    assert [t.text for t in args.objects(_verb(parse(text), verb), deps)] == found


def test_expand_takes_in_coordinated_parties(parse: Any) -> None:
    doc = parse("Xi and Putin met.")
    assert {t.text for t in args.expand(doc[0])} >= {"Xi", "Putin"}


@pytest.mark.parametrize(
    ("text", "verb", "mode", "word"),
    [
        ("Xi met Putin.", "meet", None, ""),
        ("Xi did not meet Putin.", "meet", "negation", "not"),
        ("Xi never met Putin.", "meet", "negation", "never"),
        ("Russia refused to meet Ukraine.", "meet", "negation", "refused"),
        ("Xi would meet Putin if asked.", "meet", "hypothetical", "would"),
        ("Xi could meet Putin.", "meet", "hypothetical", "could"),
        ("Xi will meet Putin on Tuesday.", "meet", "future", "will"),
        ("Xi is planning to talk with Putin.", "talk", "future", "planning"),
        ("Xi is going to visit Moscow.", "visit", "future", "going"),
        ("Xi arrived in Moscow ready to meet Putin.", "meet", "future", "ready"),
        ("Xi arrived in Moscow ready to meet Putin.", "arrive", None, ""),
    ],
)
def test_aux_mode(parse: Any, text: str, verb: str, mode: str | None, word: str) -> None:
    assert args.aux_mode(_verb(parse(text), verb)) == (mode, word)


@pytest.mark.parametrize(
    ("text", "verb", "mode", "expected"),
    [
        ("Xi met Putin.", "meet", None, "past"),
        ("Xi has met Putin.", "meet", None, "past"),
        ("Xi will meet Putin on Tuesday.", "meet", "future", "future"),
        ("Xi meets Putin.", "meet", None, "unknown"),
    ],
)
def test_tense(parse: Any, text: str, verb: str, mode: str | None, expected: str) -> None:
    assert args.tense(_verb(parse(text), verb), mode) == expected
