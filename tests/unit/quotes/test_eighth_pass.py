"""Eighth pass (issue 11): general classes of quotes, each on sentences of our own (three or
more a class): a bare noun object of a verb of stating stays no quote (the helper's reading of
it as the message was taken back: issue 11 wants indirect content to be a clause); a title in
title case "Name Says Clause" is a report; a title label headed by a genre noun ("The Latest:",
"Senate Poll:") is no speaker."""

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


def speakers(doc: Document) -> list[tuple[str, str | None]]:
    return [(q.content.text, q.speaker_span.text if q.speaker_span else None) for q in doc.quotes]


# --------------------------------------------------------------- a bare noun object is no quote

@pytest.mark.parametrize("text", [
    # what a verb of stating names is no content: indirect content is a clause (issue 11)
    "Okafor announced his bid for the governorship on Tuesday.",
    "Tanaka touted the new harbour tax at a rally in Osaka.",
    "Lindqvist reiterated her support for the fishing quota.",
    "Alvarez cited the collapse of the northern dam.",
    "Okafor demanded an inquiry into the fire.",  # a request, not a statement
    "Tanaka praised the new harbour tax.",  # a judgement: a stance target
    "Lindqvist maintained a narrow lead in the polls.",  # not a verb of stating here
    "The announced budget cuts worried Alvarez.",  # a participle on its noun
    "Okafor confirmed it on Friday.",  # a pronoun: nothing to report
])
def test_a_bare_noun_object_is_no_quote(run_quotes: Callable[..., Document], text: str) -> None:
    assert run(run_quotes, text).quotes == ()


# --------------------------------------------------------------- "Name Says Clause" titles

@pytest.mark.parametrize(("text", "want"), [
    ("Mayor Okafor Says Bridge Will Reopen In June\n\nThe mayor spoke on Monday.",
     [("Bridge Will Reopen In June", "Mayor Okafor")]),
    ("Tanaka Claims Rivals Rigged The Primary\n\nThe vote was held in May.",
     [("Rivals Rigged The Primary", "Tanaka")]),
    ("Lindqvist Admits Fishing Quota Was Set Too High\n\nThe quota ends in June.",
     [("Fishing Quota Was Set Too High", "Lindqvist")]),
])
def test_a_title_case_title_with_a_verb_of_saying_is_a_report(
        run_quotes: Callable[..., Document], text: str, want: list[tuple[str, str]]) -> None:
    assert speakers(run(run_quotes, text)) == want


@pytest.mark.parametrize("text", [
    "Alvarez Tells Voters The Wrong Date For The Vote\n\nThe vote is in May.",
    "The Week In Review Says Nothing\n\nThe week was quiet.",
])
def test_other_titles_with_a_verb_of_saying_are_no_report(
        run_quotes: Callable[..., Document], text: str) -> None:
    assert run(run_quotes, text).quotes == ()


def test_a_title_verb_of_saying_with_a_bare_object_is_no_report(
        run_quotes: Callable[..., Document]) -> None:
    doc = run(run_quotes, "Okafor Tweets Photo Of The Flooded Harbour\n\nThe harbour is closed.")
    assert [q for q in doc.quotes if q.cue and q.cue.text == "Tweets"] == []


# --------------------------------------------------------------- a title label headed by a genre noun

@pytest.mark.parametrize("text", [
    "Delegate Update: Tanaka Leads By Forty Votes\n\nThe count goes on.",
    "Senate Poll: Voters Sour On The Harbour Tax\n\nThe poll was taken in May.",
    "The Latest: Okafor Visits The Flooded Towns\n\nThe towns were flooded in May.",
])
def test_a_title_label_headed_by_a_genre_noun_is_no_speaker(
        run_quotes: Callable[..., Document], text: str) -> None:
    assert run(run_quotes, text).quotes == ()


@pytest.mark.parametrize(("text", "who"), [
    ("Okafor: The Levee Will Hold\n\nThe river rose in May.", "Okafor"),
    ("Pentagon Report: Drones Were Used In The Raid\n\nThe raid was in May.", "Pentagon Report"),
])
def test_a_name_or_a_report_before_the_colon_is_still_the_source(
        run_quotes: Callable[..., Document], text: str, who: str) -> None:
    assert [q.speaker_span.text for q in run(run_quotes, text).quotes if q.speaker_span] == [who]
