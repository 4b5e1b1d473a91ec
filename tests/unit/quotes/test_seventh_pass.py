"""Seventh pass (issue 11): general classes of quotes, each on sentences of our own (three or
more a class): the reported clause keeps its complementizer and its wh-word."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document
from unit.quotes.cast import run_named

pytestmark = pytest.mark.model

ACTORS = {
    "Alvarez": ("Alvarez", "CHL", "GOV"), "Okafor": ("Okafor", "NGA", "GOV"),
    "Lindqvist": ("Lindqvist", "SWE", "GOV"), "Tanaka": ("Tanaka", "JPN", "GOV"),
}


def run(run_quotes: Callable[..., Document], text: str) -> Document:
    return run_named(run_quotes, ACTORS, text)


def contents(doc: Document) -> list[str]:
    return [q.content.text for q in doc.quotes]


# --------------------------------------------------------------- the complementizer and the wh-word

@pytest.mark.parametrize(("text", "content"), [
    ("Okafor said that the harbour would reopen in May.", "that the harbour would reopen in May"),
    ("Tanaka warned reporters that the levee could fail.", "that the levee could fail"),
    ("Alvarez told the council that “the budget is empty.”", "that “the budget is empty.”"),
    ("Lindqvist's main complaint is that the trains run late.", "that the trains run late"),
])
def test_a_that_clause_is_reported_with_its_that(
        run_quotes: Callable[..., Document], text: str, content: str) -> None:
    assert contents(run(run_quotes, text)) == [content]


@pytest.mark.parametrize(("text", "content"), [
    ("Okafor explained why the bridge had been closed.", "why the bridge had been closed"),
    ("Tanaka described how the convoy was stopped at the border.",
     "how the convoy was stopped at the border"),
    ("Alvarez asked whether the vote would be held on time.",
     "whether the vote would be held on time"),
])
def test_an_embedded_question_keeps_its_wh_word(
        run_quotes: Callable[..., Document], text: str, content: str) -> None:
    assert contents(run(run_quotes, text)) == [content]


def test_a_time_phrase_before_the_clause_stays_out(run_quotes: Callable[..., Document]) -> None:
    doc = run(run_quotes, "Okafor told reporters last week the harbour would reopen in May.")
    assert contents(doc) == ["the harbour would reopen in May"]
