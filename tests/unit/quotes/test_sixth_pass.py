"""Sixth pass (issue 11): general classes of quotes and stances, each on sentences of our own
(three or more a class): stopping the fighting is a ceasefire asked for, a relative clause on
a proposal says what is held about it, the one asked through a preposition is the
infinitive's subject, and a clause coordinated after the reported one is still reported."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document
from unit.quotes.cast import run_named, triples

pytestmark = pytest.mark.model

ACTORS = {
    "Canada": ("Canada", "CAN", None), "Kenya": ("Kenya", "KEN", None),
    "Brazil": ("Brazil", "BRA", None), "Germany": ("Germany", "DEU", None),
    "Japan": ("Japan", "JPN", None), "Chile": ("Chile", "CHL", None),
    "Norway": ("Norway", "NOR", None), "Peru": ("Peru", "PER", None),
    "Alvarez": ("Alvarez", "CHL", "GOV"), "Okafor": ("Okafor", "NGA", "GOV"),
    "Lindqvist": ("Lindqvist", "SWE", "GOV"), "Tanaka": ("Tanaka", "JPN", "GOV"),
}


def run(run_quotes: Callable[..., Document], text: str) -> Document:
    return run_named(run_quotes, ACTORS, text)


# --------------------------------------------------------------- stopping the fighting

@pytest.mark.parametrize(("text", "want"), [
    ("Okafor urged both sides to stop the fighting.", ("Okafor", "ceasefire", "support")),
    ("Alvarez wants to halt fire along the border.", ("Alvarez", "ceasefire", "support")),
    ("Tanaka demanded that the rebels cease hostilities.", ("Tanaka", "ceasefire", "support")),
    ("Lindqvist called on Kenya to end the shooting.", ("Lindqvist", "ceasefire", "support")),
    ("Alvarez called for an end to the fighting.", ("Alvarez", "ceasefire", "support")),
    ("Okafor pressed for a halt to hostilities.", ("Okafor", "ceasefire", "support")),
])
def test_stopping_the_fighting_is_a_ceasefire_asked_for(
        run_quotes: Callable[..., Document], text: str, want: tuple[str, str, str]) -> None:
    got = triples(run(run_quotes, text))
    assert want in got
    assert all(issue != "fighting" for _, issue, _ in got)


def test_stopping_the_fighting_not_asked_for_is_against_the_ceasefire(
        run_quotes: Callable[..., Document]) -> None:
    got = triples(run(run_quotes, "Alvarez urged Kenya not to stop the fighting."))
    assert got == {("Alvarez", "ceasefire", "oppose")}


def test_stopping_the_fighting_as_a_deed_is_no_position(run_quotes: Callable[..., Document]) -> None:
    assert run(run_quotes, "Kenya stopped the fighting on Monday.").stances == ()


# --------------------------------------------------------------- a proposal and its clause

@pytest.mark.parametrize(("text", "want"), [
    ("Canada will not support a plan that rewards aggression.", ("Canada", "plan", "oppose")),
    ("Alvarez rejected a deal that would embolden the rebels.", ("Alvarez", "deal", "oppose")),
    ("Okafor condemned the measure that legitimizes the occupation.",
     ("Okafor", "measure", "oppose")),
])
def test_a_proposal_judged_by_its_relative_clause_is_the_target(
        run_quotes: Callable[..., Document], text: str, want: tuple[str, str, str]) -> None:
    stances = run(run_quotes, text).stances
    assert {(s.holder.name, s.issue, s.polarity) for s in stances} == {want}
    assert "that" in stances[0].issue_text  # the proposal in its own words, with its clause


def test_an_issue_in_the_judging_clause_is_not_the_target(
        run_quotes: Callable[..., Document]) -> None:
    got = triples(run(run_quotes, "Alvarez will not support a plan that rewards terrorism."))
    assert got == {("Alvarez", "plan", "oppose")}


@pytest.mark.parametrize(("text", "want"), [
    ("Okafor backed the bill that would lift the sanctions.", ("Okafor", "sanctions", "oppose")),
    ("Tanaka opposed the resolution that imposes sanctions on Peru.",
     ("Tanaka", "sanctions", "oppose")),
    ("Germany welcomed a deal that would halt the fighting.", ("Germany", "ceasefire", "support")),
    ("Lindqvist rejected an amendment that would scrap the tariffs.",
     ("Lindqvist", "tariffs", "support")),
])
def test_what_a_proposal_does_is_what_a_position_on_it_is_about(
        run_quotes: Callable[..., Document], text: str, want: tuple[str, str, str]) -> None:
    assert triples(run(run_quotes, text)) == {want}


@pytest.mark.parametrize(("text", "want"), [
    ("Canada withdrew from the accord that curbed the nuclear programme.",
     ("Canada", "accord", "oppose")),
    ("Alvarez opposed a bill that would allow air strikes.", ("Alvarez", "bill", "oppose")),
    ("Okafor praised the pact that reshaped the sanctions.", ("Okafor", "pact", "support")),
])
def test_a_clause_neither_enacting_nor_undoing_leaves_the_proposal_itself(
        run_quotes: Callable[..., Document], text: str, want: tuple[str, str, str]) -> None:
    assert triples(run(run_quotes, text)) == {want}


# --------------------------------------------------------------- the one asked

def quotes_of(doc: Document) -> list[tuple[str, str | None]]:
    return [(q.content.text, q.speaker.text if q.speaker else None) for q in doc.quotes]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Alvarez called on Kenya to withdraw its troops.", "Kenya to withdraw its troops", "Alvarez"),
    ("Okafor appealed to Brazil to accept the truce.", "Brazil to accept the truce", "Okafor"),
    ("Tanaka pleaded with Norway to reopen the border.", "Norway to reopen the border", "Tanaka"),
    ("Lindqvist implored Peru to release the prisoners.", "Peru to release the prisoners",
     "Lindqvist"),
    ("Alvarez begged Chile to stay in the talks.", "Chile to stay in the talks", "Alvarez"),
])
def test_the_one_asked_is_the_subject_of_what_is_asked(
        run_quotes: Callable[..., Document], text: str, content: str, speaker: str) -> None:
    assert quotes_of(run(run_quotes, text)) == [(content, speaker)]


@pytest.mark.parametrize("text", [
    "Okafor pleaded guilty to fraud.",
    "Tanaka appealed for calm.",
    "Alvarez implored the crowd.",
])
def test_asking_with_no_infinitive_reports_no_words(run_quotes: Callable[..., Document],
                                                    text: str) -> None:
    assert run(run_quotes, text).quotes == ()


@pytest.mark.parametrize(("text", "want", "toward"), [
    ("Tanaka pleaded with Norway to reject the tariffs.", ("Tanaka", "tariffs", "oppose"), "Norway"),
    ("Lindqvist called on Kenya to back the sanctions.", ("Lindqvist", "sanctions", "support"),
     "Kenya"),
    ("Alvarez begged Germany to back the ceasefire.", ("Alvarez", "ceasefire", "support"), "Germany"),
])
def test_a_position_asked_of_another_is_toward_them(
        run_quotes: Callable[..., Document], text: str, want: tuple[str, str, str],
        toward: str) -> None:
    stances = run(run_quotes, text).stances
    assert [(s.holder.name, s.issue, s.polarity) for s in stances] == [want]
    assert stances[0].toward is not None and stances[0].toward.name == toward


# --------------------------------------------------------------- "said that A and that B"

@pytest.mark.parametrize(("text", "content"), [
    ("Lindqvist argued that sanctions work but that they take time.",
     "that sanctions work but that they take time"),
    ("Alvarez insisted that the border stays open, and that trade will resume.",
     "that the border stays open, and that trade will resume"),
    ("Okafor noted that the talks had ended and that Kenya would leave.",
     "that the talks had ended and that Kenya would leave"),
])
def test_a_that_clause_coordinated_after_the_reported_one_is_still_reported(
        run_quotes: Callable[..., Document], text: str, content: str) -> None:
    assert [q.content.text for q in run(run_quotes, text).quotes] == [content]


@pytest.mark.parametrize(("text", "content"), [
    ("Okafor claimed that he is not backing any candidate, and in addition to a meeting he "
     "had with Tanaka, he also hosted Lindqvist.",
     "that he is not backing any candidate, and in addition to a meeting he had with Tanaka, he "
     "also hosted Lindqvist"),
    ("Alvarez insisted that the border is open, and after the vote, the ministry will "
     "review it.", "that the border is open, and after the vote, the ministry will review it"),
    ("Tanaka argued that the tariffs are legal, and in any case, the court agreed.",
     "that the tariffs are legal, and in any case, the court agreed"),
])
def test_a_conjunction_left_at_the_end_of_the_reported_clause_carries_on(
        run_quotes: Callable[..., Document], text: str, content: str) -> None:
    assert [q.content.text for q in run(run_quotes, text).quotes] == [content]


def test_a_second_deed_of_the_speaker_is_not_reported(run_quotes: Callable[..., Document]) -> None:
    got = [q.content.text for q in run(run_quotes, "Alvarez said the talks failed, and then "
                                                   "he left the room.").quotes]
    assert got == ["the talks failed"]


def test_a_second_reporting_verb_keeps_its_own_clause(run_quotes: Callable[..., Document]) -> None:
    got = [q.content.text for q in run(run_quotes, "Tanaka said that prices would rise and "
                                                   "insisted that wages would fall.").quotes]
    assert got == ["that prices would rise", "that wages would fall"]


# --------------------------------------------------------------- two clauses before "he said"

@pytest.mark.parametrize(("text", "content"), [
    ("The amount of debt a typical farmer has is manageable -- but then there are the "
     "exceptions, he said.",
     "The amount of debt a typical farmer has is manageable -- but then there are the exceptions"),
    ("The debt is manageable -- but there are exceptions, he said.",
     "The debt is manageable -- but there are exceptions"),
    ("The mine will reopen in June -- and the workers will return, Alvarez said.",
     "The mine will reopen in June -- and the workers will return"),
])
def test_two_coordinated_clauses_fronted_before_the_attribution_are_both_reported(
        run_quotes: Callable[..., Document], text: str, content: str) -> None:
    assert [q.content.text for q in run(run_quotes, text).quotes] == [content]


def test_a_clause_of_its_own_before_the_fronted_one_is_not_reported(
        run_quotes: Callable[..., Document]) -> None:
    got = [q.content.text for q in run(run_quotes, "The plan failed. But the council will try "
                                                   "again, Okafor said.").quotes]
    assert got == ["But the council will try again"]


# --------------------------------------------------------------- "described X as ADJ"

@pytest.mark.parametrize(("text", "content"), [
    ("Okafor described the vote as unfair.", "the vote as unfair"),
    ("The ministry portrayed the strike as illegal and dangerous.",
     "the strike as illegal and dangerous"),
    ('Alvarez described the talks as "very productive."', 'the talks as "very productive."'),
])
def test_a_small_clause_with_an_adjective_after_as_is_reported(
        run_quotes: Callable[..., Document], text: str, content: str) -> None:
    assert [q.content.text for q in run(run_quotes, text).quotes] == [content]


def test_as_with_a_clause_of_its_own_is_no_small_clause(run_quotes: Callable[..., Document]) -> None:
    assert run(run_quotes, "Alvarez described the results as expected.").quotes == ()


# --------------------------------------------------------------- "saying it would ..."

@pytest.mark.parametrize(("text", "want", "toward"), [
    ("Okafor criticized the tariffs, saying they would hurt Kenya.",
     ("Okafor", "tariffs", "oppose"), "Kenya"),
    ("Alvarez rejected the sanctions, saying they would damage Peru.",
     ("Alvarez", "sanctions", "oppose"), "Peru"),
    ("Lindqvist condemned the blockade, saying it would devastate Chile.",
     ("Lindqvist", "embargo", "oppose"), "Chile"),
])
def test_a_pronoun_in_a_reason_given_points_back_to_the_thing_judged(
        run_quotes: Callable[..., Document], text: str, want: tuple[str, str, str],
        toward: str) -> None:
    stances = run(run_quotes, text).stances
    assert [(s.holder.name, s.issue, s.polarity) for s in stances] == [want]
    assert stances[0].toward is not None and stances[0].toward.name == toward


@pytest.mark.parametrize("text", [
    "Canada dismissed the peace plan, saying it would only ratify the conquest.",
    "Germany rejected the deal, saying it would back the occupation.",
    "Kenya criticized the treaty, saying it would endorse the annexation.",
])
def test_a_thing_judged_holds_no_position_of_its_own(run_quotes: Callable[..., Document],
                                                     text: str) -> None:
    # the actor stage may join "it" to a country named near it: still no position of "it"
    doc = run_quotes(text, {**{k: v for k, v in ACTORS.items() if k in text},
                            "it would": ("Chile", "CHL", None)})
    assert all(s.holder.name != "Chile" for s in doc.stances)
