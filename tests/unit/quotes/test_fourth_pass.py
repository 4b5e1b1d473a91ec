"""Fourth pass over the quote finder (issue 11): attributions inside or beside their words,
speakers of gerunds in prepositional phrases, and things that look like reports but are not.
Every sentence is our own; each class has at least three."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document, Quote

pytestmark = pytest.mark.model


def only(doc: Document, containing: str) -> Quote:
    found = [q for q in doc.quotes if containing in q.content.text]
    assert len(found) == 1, f"want one quote with {containing!r}, got {[q.content.text for q in doc.quotes]}"
    return found[0]


# --------------------------------------------------------------- speakers

@pytest.mark.parametrize(("text", "speaker"), [
    ("The coach thanked the fans before adding that the team would play better next season.",
     "The coach"),
    ("The minister ended the session by saying she is ready to sign the treaty.",
     "The minister"),
    ("Since announcing in March that she would retire, the judge has given no interviews.",
     "the judge"),
    ("The mayor opened the fair after promising that the rides were safe.", "The mayor"),
])
def test_a_gerund_in_a_prepositional_phrase_speaks_with_the_verbs_subject(
        run_quotes: Callable[..., Document], text: str, speaker: str) -> None:
    q = doc_quote(run_quotes(text))
    assert q.speaker_span is not None and q.speaker_span.text == speaker


def doc_quote(doc: Document) -> Quote:
    assert len(doc.quotes) == 1, [q.content.text for q in doc.quotes]
    return doc.quotes[0]


@pytest.mark.parametrize(("text", "speaker"), [
    ("About 4 in 10 say they want the council to cut taxes.", "About 4 in 10"),
    ("Nearly 6 in 10 say the new bus lanes have made the commute longer.", "Nearly 6 in 10"),
    ("Roughly 3 in 10 said they would move to another city if rents kept rising.",
     "Roughly 3 in 10"),
])
def test_a_share_of_people_before_the_verb_is_its_speaker(
        run_quotes: Callable[..., Document], text: str, speaker: str) -> None:
    q = doc_quote(run_quotes(text))
    # the share's number at least ("Roughly 3" where the parser leaves "in 10" aside)
    assert q.speaker_span is not None and speaker.startswith(q.speaker_span.text)
    assert len(q.speaker_span.text.split()) >= 2


# --------------------------------------------------------------- attributions inside the words

@pytest.mark.parametrize(("text", "first", "last"), [
    ("The harbor will reopen next week, the port director said on Friday, and the ferries "
     "will run again by June.", "The harbor will reopen", "run again by June"),
    ("He is leaning toward the younger candidate, he said, because he values a fresh start.",
     "He is leaning", "values a fresh start"),
    ("The plant will hire two hundred workers, a company spokeswoman said, once the permits "
     "arrive in the autumn.", "The plant will hire", "arrive in the autumn"),
])
def test_a_report_goes_on_after_its_attribution(
        run_quotes: Callable[..., Document], text: str, first: str, last: str) -> None:
    q = only(run_quotes(text), first)
    assert q.content.text.endswith(last)


@pytest.mark.parametrize("text", [
    "The vote was fair, the judge said, adding that the count would be checked again.",
    "The road will close in May, the engineer said; the detour is already signposted.",
    "The dam is safe, the engineer said on Tuesday, noting that the inspection found no cracks.",
])
def test_no_continuation_into_a_report_of_its_own(
        run_quotes: Callable[..., Document], text: str) -> None:
    doc = run_quotes(text)
    first = doc.quotes[0]
    assert not any(w in first.content.text for w in ("adding", "detour", "noting"))


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("As reported by the local paper, the council voted to close the library.",
     "the council voted to close the library", "the local paper"),
    ("If, as the coach has suggested, the team lacks depth, it will struggle in the playoffs.",
     "the team lacks depth", "the coach"),
    ("As the inspectors noted in their report, the dam needs urgent repairs.",
     "the dam needs urgent repairs", "the inspectors"),
])
def test_an_as_clause_reports_the_clause_it_hangs_on(
        run_quotes: Callable[..., Document], text: str, content: str, speaker: str) -> None:
    q = only(run_quotes(text), content)
    assert q.content.text == content
    assert q.speaker_span is not None and q.speaker_span.text == speaker


@pytest.mark.parametrize("text", [
    "As the meeting began, the chairman banged the gavel twice.",
    "As the rain continued, the organizers moved the concert indoors.",
    "As expected, the bakery raised its prices in January.",
])
def test_an_as_clause_of_time_or_expectation_is_no_report(
        run_quotes: Callable[..., Document], text: str) -> None:
    assert run_quotes(text).quotes == ()


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Her central argument is that the city cannot afford a second stadium.",
     "that the city cannot afford a second stadium", "Her"),
    ("The most telling promise he made was that he would not raise the fares.",
     "that he would not raise the fares", "he"),
    ("The union's main complaint is that the night shifts are too long.",
     "that the night shifts are too long", "The union's"),
])
def test_a_reporting_noun_as_the_subject_of_be(
        run_quotes: Callable[..., Document], text: str, content: str, speaker: str) -> None:
    q = only(run_quotes(text), content)
    assert q.content.text == content
    assert q.speaker_span is not None and q.speaker_span.text.startswith(speaker.rstrip("'s"))


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The senator wrote:\n\nThe committee has failed to hold a single hearing on the matter. "
     "It is a scandal.\n\nThe committee did not reply.",
     "The committee has failed to hold a single hearing on the matter. It is a scandal.",
     "The senator"),
    ("Later the coach added:\n\nWe lost because we stopped running in the second half, and "
     "that is on me.", "We lost because we stopped running", "the coach"),
    ("In her newsletter, the mayor told residents:\n\nThe water is safe to drink again, and "
     "the boil notice is lifted.", "The water is safe to drink again", "the mayor"),
])
def test_a_colon_closing_a_paragraph_introduces_a_block_quotation(
        run_quotes: Callable[..., Document], text: str, content: str, speaker: str) -> None:
    q = only(run_quotes(text), content)
    assert q.content.text.startswith(content)
    assert "did not reply" not in q.content.text
    assert q.speaker_span is not None and q.speaker_span.text == speaker


@pytest.mark.parametrize("text", [
    "The results:\n\nThe turnout was the highest in twenty years.",
    "The report said the following:\n\n“The river will flood again.”",
    "Here is what we know:\n\nThe fire started in the kitchen shortly after midnight.",
])
def test_no_block_quotation_after_a_label_or_before_marks(
        run_quotes: Callable[..., Document], text: str) -> None:
    doc = run_quotes(text)
    assert not any(q.reason.startswith("reporting verb") and "colon closing" in q.reason
                   for q in doc.quotes)


# --------------------------------------------------------------- no report

@pytest.mark.parametrize("text", [
    "The two rivals found themselves stuck in traffic on the way to the debate.",
    "The goalkeeper has proven himself reliable in every match this season.",
    "Nobody expected the river to rise so fast after the storm.",
    "No one said the bridge would be finished before the winter.",
])
def test_no_report_from_a_reflexive_finding_or_a_negative_speaker(
        run_quotes: Callable[..., Document], text: str) -> None:
    assert run_quotes(text).quotes == ()


def test_a_self_description_is_still_a_report(run_quotes: Callable[..., Document]) -> None:
    doc = run_quotes("The candidate calls himself a moderate on every campaign stop.")
    assert any("himself a moderate" in q.content.text for q in doc.quotes)


# --------------------------------------------------------------- headlines

@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("EXCLUSIVE – Senator Dana Fox: The Port Deal Must Be Stopped\n\nThe senator spoke.",
     "Senator Dana Fox", "The Port Deal Must Be Stopped"),
    ("Former Mayor Lopez at Rally: City Will Rebuild the Pier\n\nThe rally drew thousands.",
     "Former Mayor Lopez", "City Will Rebuild the Pier"),
    ("Farm Unions to Governor Reyes: Lift the Water Limits\n\nThe unions met on Tuesday.",
     "Farm Unions", "Lift the Water Limits"),
    ("NY Harbor Times: Ferry Fares Will Rise\n\nThe paper reported it.",
     "NY Harbor Times", "Ferry Fares Will Rise"),
])
def test_a_headline_speaker_without_its_label_occasion_or_addressee(
        run_quotes: Callable[..., Document], text: str, speaker: str, content: str) -> None:
    q = only(run_quotes(text), content)
    assert q.speaker_span is not None and q.speaker_span.text == speaker


@pytest.mark.parametrize("text", [
    "Analysis: What the vote means for the coalition\n\nText of the piece.",
    "Fact Check: The Claims About the Bridge\n\nText of the piece.",
    "Daily Digest: Ferries, Fares and the Pier\n\nText of the piece.",
])
def test_a_genre_label_is_no_headline_speaker(run_quotes: Callable[..., Document], text: str) -> None:
    assert not any(q.reason.startswith("headline") for q in run_quotes(text).quotes)


# --------------------------------------------------------------- verbs of characterising

@pytest.mark.parametrize(("text", "content"), [
    ("The governor dismissed the audit as a political stunt.", "the audit as a political stunt"),
    ("The opposition cast the new tax as a burden on young families.",
     "the new tax as a burden on young families"),
    ("The senator portrayed the critics as part of the “old guard” of the party.",
     "the critics as part of the “old guard” of the party"),
])
def test_a_verb_of_characterising_with_as_reports_a_claim(
        run_quotes: Callable[..., Document], text: str, content: str) -> None:
    q = only(run_quotes(text), content)
    assert q.content.text == content


@pytest.mark.parametrize("text", [
    "The governor dismissed the audit.",
    "The senator cast her vote early.",
    "The children painted a mural on the school wall.",
])
def test_a_verb_of_characterising_with_a_bare_object_reports_nothing(
        run_quotes: Callable[..., Document], text: str) -> None:
    assert run_quotes(text).quotes == ()


# --------------------------------------------------------------- a message's issuer speaks

@pytest.mark.parametrize(("text", "speaker"), [
    ("The campaign released a new ad that urges voters to reject the stadium tax.", "The campaign"),
    ("The union posted a message on its website that says the strike will go on.", "The union"),
    ("The ministry issued a statement that says the border will stay open.", "The ministry"),
])
def test_the_issuer_of_a_message_speaks_through_its_relative_clause(
        run_quotes: Callable[..., Document], text: str, speaker: str) -> None:
    q = doc_quote(run_quotes(text))
    assert q.speaker_span is not None and q.speaker_span.text == speaker


def test_a_relative_clause_on_a_person_keeps_its_pronoun(run_quotes: Callable[..., Document]) -> None:
    q = doc_quote(run_quotes("The club signed a striker who said he would stay for five years."))
    assert q.speaker_span is not None and q.speaker_span.text == "who"


# --------------------------------------------------------------- a participle of saying

@pytest.mark.parametrize(("text", "words", "speaker", "clause"), [
    ("The coach told the paper that the owner had a foolish plan, adding, “We will never "
     "sell this club.”", "We will never sell this club.", "The coach",
     "that the owner had a foolish plan"),
    ("The mayor told reporters that the council had been slow, adding, “We need the bridge "
     "open by May.”", "We need the bridge open by May.", "The mayor", "that the council had been slow"),
    ("The senator told the station that her rival had no record, saying, “He has never "
     "passed a single bill.”", "He has never passed a single bill.", "The senator",
     "that her rival had no record"),
])
def test_a_participle_of_saying_after_a_reported_clause_speaks_with_the_reporter(
        run_quotes: Callable[..., Document], text: str, words: str, speaker: str,
        clause: str) -> None:
    doc = run_quotes(text)
    q = only(doc, words)
    assert q.speaker_span is not None and q.speaker_span.text == speaker
    # the reported clause before it stops at the participle, which reports on its own
    assert any(r.content.text == clause for r in doc.quotes)


def test_a_subject_inside_the_quoted_words_is_no_speaker(run_quotes: Callable[..., Document]) -> None:
    doc = run_quotes("The chief said the inquiry was closed. Adding, “What the officers did was "
                     "never that bad,” he left the room.")
    for q in doc.quotes:
        if "officers did" in q.content.text:
            assert q.speaker_span is None or "officers" not in q.speaker_span.text


# --------------------------------------------------------------- a quotation opened in reported words

@pytest.mark.parametrize(("text", "ends"), [
    ("He added that the chief's account should “be read in the light of hindsight. It must be "
     "hard for him to live with it.”\n\nThe hearing ended.", "to live with it.”"),
    ("The senator said the governor is “weak on the budget, you know that. Weak, weak, weak.”",
     "Weak, weak, weak.”"),
    ("The coach said his players were “tired of losing. They want this title more than "
     "anyone.” The season starts in May.", "more than anyone.”"),
])
def test_a_quotation_opened_in_reported_words_runs_to_its_closing_mark(
        run_quotes: Callable[..., Document], text: str, ends: str) -> None:
    doc = run_quotes(text)
    q = doc.quotes[0]
    assert q.kind == "mixed"
    assert q.content.text.endswith(ends)
    assert "hearing ended" not in q.content.text and "season starts" not in q.content.text


@pytest.mark.parametrize(("text", "content"), [
    ('The mayor said, "We will rebuild the pier. We will rebuild it better" - a promise that '
     "drew loud cheers.", "We will rebuild the pier. We will rebuild it better"),
    ("The coach said, “We played our best game. The fans deserved it” — the first win of the "
     "season.", "We played our best game. The fans deserved it"),
    ('The chief told the crowd, "Stay calm and go home" - and most of them did.',
     "Stay calm and go home"),
])
def test_a_dash_after_a_quote_brings_a_comment_not_the_rest_of_a_clause(
        run_quotes: Callable[..., Document], text: str, content: str) -> None:
    q = only(run_quotes(text), content)
    assert q.kind == "direct" and q.content.text == content


@pytest.mark.parametrize("text", [
    "A man calling himself Captain Rain posted the video on Sunday.",
    "The page, which styles itself Harbor Watch, shared the photos.",
    "A new account that calls itself Delta Voice posted the leaked memo.",
])
def test_a_name_taken_with_a_reflexive_is_no_report(run_quotes: Callable[..., Document],
                                                     text: str) -> None:
    assert run_quotes(text).quotes == ()


@pytest.mark.parametrize(("text", "ends"), [
    ("The owner said he had received offers for the boat, but “none of them were serious "
     "enough to consider.”", "serious enough to consider.”"),
    ('The coach said the team was tired, and "nobody wants to play three games in a week."',
     'three games in a week."'),
    ("The minister said the talks had stalled, yet “the door is still open for a deal.”",
     "open for a deal.”"),
])
def test_quoted_words_after_a_coordinator_go_on_with_the_report(
        run_quotes: Callable[..., Document], text: str, ends: str) -> None:
    q = doc_quote(run_quotes(text))
    assert q.kind == "mixed" and q.content.text.endswith(ends)


@pytest.mark.parametrize("text", [
    'The mayor said the pier would reopen, but the council insisted that "the money is not there."',
    "The mayor said the pier would reopen, but the work will take a year.",
    "The chief said the road was safe, and the crews left at noon.",
])
def test_no_run_on_into_another_report_or_unquoted_words(
        run_quotes: Callable[..., Document], text: str) -> None:
    first = run_quotes(text).quotes[0]
    assert not any(w in first.content.text for w in ("council", "work will", "crews"))
