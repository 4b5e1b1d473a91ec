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


# --------------------------------------------------------------- the reporter's next act

def speakers(doc: Document) -> list[tuple[str, str | None]]:
    return [(q.content.text, q.speaker_span.text if q.speaker_span else None) for q in doc.quotes]


@pytest.mark.parametrize(("text", "want"), [
    ("Okafor said the levee was weak, and accused the ministry of hiding the reports.",
     [("the levee was weak", "Okafor"), ("the ministry of hiding the reports", "Okafor")]),
    ("Tanaka said that rents would rise and insisted that wages would fall.",
     [("that rents would rise", "Tanaka"), ("that wages would fall", "Tanaka")]),
    ("Alvarez added that the mine had reopened and called on Lindqvist to visit it.",
     [("that the mine had reopened", "Alvarez"), ("Lindqvist to visit it", "Alvarez")]),
])
def test_a_reporting_verb_coordinated_into_the_clause_is_the_reporters_next_act(
        run_quotes: Callable[..., Document], text: str, want: list[tuple[str, str]]) -> None:
    assert speakers(run(run_quotes, text)) == want


def test_a_plain_predicate_coordinated_in_the_clause_is_still_reported(
        run_quotes: Callable[..., Document]) -> None:
    doc = run(run_quotes, "Okafor said the team had trained hard and won the final.")
    assert contents(doc) == ["the team had trained hard and won the final"]


def test_a_conjunction_before_a_second_report_is_left_out(
        run_quotes: Callable[..., Document]) -> None:
    doc = run(run_quotes, "Most drivers said the roads were poor, and a third said the "
                          "tolls were too high.")
    assert contents(doc) == ["the roads were poor", "the tolls were too high"]
