"""Quote layouts and complements of our own sentences (issue 11, wave-2 follow-up): a cue given
once for the quote after its sentence, a second cue that starts a quote of its own, the
complement after the verb rather than a fronted phrase, coordinated predicates, accusations."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document

pytestmark = pytest.mark.model


def contents(doc: Document) -> list[str]:
    return [q.content.text for q in doc.quotes]


@pytest.mark.parametrize(("text", "speaker"), [
    ("“We will not give up,” she said. “The fight goes on.”", "she"),
    ("“The harbour is open again,” the mayor told reporters. “Ships can dock tonight.”",
     "the mayor"),
    ("''Prices are too high,'' Mr. Varga said on Monday. ''Families cannot pay the rent.''",
     "Mr. Varga"),
])
def test_a_quote_after_the_cues_sentence_has_the_same_speaker(
        run_quotes: Callable[..., Document], text: str, speaker: str) -> None:
    """The cue is given once: the next sentence's quote is a quote of its own (as the
    example article's gold has it), never unattributed."""
    quotes = run_quotes(text).quotes
    assert len(quotes) == 2, contents(run_quotes(text))
    assert all(q.kind == "direct" for q in quotes)
    assert [q.speaker_span.text if q.speaker_span else None for q in quotes] == [speaker] * 2


@pytest.mark.parametrize(("text", "second_cue"), [
    ("“It is over,” he said. “Is it?” she asked.", "asked"),
    ("“We rely on the fuel,” Clinton wrote. Still, she added, “we cannot ignore the change.”",
     "added"),
    ("''We want this to end early,'' he said, adding, ''We don't want a fight in Cleveland.''",
     "adding"),
])
def test_a_quote_with_a_cue_of_its_own_stays_apart(run_quotes: Callable[..., Document], text: str,
                                                   second_cue: str) -> None:
    quotes = run_quotes(text).quotes
    assert len(quotes) == 2, contents(run_quotes(text))
    assert quotes[1].cue is not None and quotes[1].cue.text == second_cue
    assert "said" not in quotes[1].content.text and "wrote" not in quotes[1].content.text


def test_a_cue_splitting_one_sentence_still_joins_it(run_quotes: Callable[..., Document]) -> None:
    quotes = run_quotes("“We will win,” she said, “and we will win big.”").quotes
    assert len(quotes) == 1 and quotes[0].content.text.endswith("win big.")


@pytest.mark.parametrize(("text", "content"), [
    ("In an interview focused largely on trade, the senator said tariffs are a tax on families.",
     "tariffs are a tax on families"),
    ("At a rally held outside the plant, the governor said the jobs would come back.",
     "the jobs would come back"),
    ("In a letter addressed to the board, the union said the strike would go ahead.",
     "the strike would go ahead"),
])
def test_the_complement_after_the_verb_not_a_fronted_phrase(
        run_quotes: Callable[..., Document], text: str, content: str) -> None:
    assert content in contents(run_quotes(text))
    assert not any(c.startswith(("In ", "At ")) for c in contents(run_quotes(text)))


@pytest.mark.parametrize(("text", "content"), [
    ("Fields tweeted a photograph of her arm and said she had been pulled backward.",
     "she had been pulled backward"),
    ("The mayor posted a video of the flood and said the dam had held.", "the dam had held"),
    ("The coach wrote a letter to the fans and said the team would stay in the city.",
     "the team would stay in the city"),
])
def test_a_coordinated_predicate_is_no_content(run_quotes: Callable[..., Document], text: str,
                                               content: str) -> None:
    got = contents(run_quotes(text))
    assert content in got
    assert not any(" and said " in c for c in got), got


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The minister accused the rebels of shelling the town.", "the rebels of shelling the town",
     "The minister"),
    ("Kuleba accused Moscow of using food as a weapon.", "Moscow of using food as a weapon",
     "Kuleba"),
    ("The union blamed the company for cutting the night shift.",
     "the company for cutting the night shift", "The union"),
])
def test_an_accusation_with_a_clausal_charge_is_reported_speech(
        run_quotes: Callable[..., Document], text: str, content: str, speaker: str) -> None:
    quote = next(q for q in run_quotes(text).quotes if q.content.text == content)
    assert quote.kind == "indirect"
    assert quote.speaker_span is not None and quote.speaker_span.text == speaker


@pytest.mark.parametrize("text", [
    "The senator accused the governor of fraud.",
    "The council criticized the visit.",
    "The mayor blamed the weather.",
])
def test_an_accusation_without_a_clause_is_no_quote(run_quotes: Callable[..., Document],
                                                    text: str) -> None:
    assert run_quotes(text).quotes == ()


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Democratic voters are slightly more likely to say that the economy is improving.",
     "Democratic voters", "that the economy is improving"),
    ("Officials were quick to say the plant was safe.", "Officials", "the plant was safe"),
    ("The senator was eager to say that the bill would pass.", "The senator",
     "that the bill would pass"),
])
def test_the_speaker_of_an_infinitive_under_an_adjective(run_quotes: Callable[..., Document],
                                                         text: str, speaker: str,
                                                         content: str) -> None:
    quote = next(q for q in run_quotes(text).quotes if q.content.text == content)
    assert quote.speaker_span is not None and quote.speaker_span.text == speaker
