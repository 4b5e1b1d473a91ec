"""Fifth pass (issue 11): whose position a stance is, on sentences of our own (three or more
a class): positions reported of another, advice given to another, a negated course asked of
another, possessive pronouns under verbs of saying, the country of a body whose name holds a
party's word, and chains of indirect quotes over sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Article, Document
from unit.quotes.cast import run_named, triples

pytestmark = pytest.mark.model

ACTORS = {
    "Canada": ("Canada", "CAN", None), "Kenya": ("Kenya", "KEN", None),
    "Brazil": ("Brazil", "BRA", None), "Germany": ("Germany", "DEU", None),
    "Japan": ("Japan", "JPN", None), "Chile": ("Chile", "CHL", None),
    "Norway": ("Norway", "NOR", None), "Peru": ("Peru", "PER", None),
    "Alvarez": ("Alvarez", "CHL", "GOV"), "Okafor": ("Okafor", "NGA", "GOV"),
    "Lindqvist": ("Lindqvist", "SWE", "GOV"), "Tanaka": ("Tanaka", "JPN", "GOV"),
    "Parliament": ("Parliament", "NOR", "LEG"), "The council": ("council", "KEN", "GOV"),
}


def run(run_quotes: Callable[..., Document], text: str) -> Document:
    return run_named(run_quotes, ACTORS, text)


# --------------------------------------------------------------- reported positions

@pytest.mark.parametrize(("text", "want", "not_want"), [
    ("Alvarez said Canada was committed to the climate agreement.",
     ("Canada", "climate agreement", "support"), "Alvarez"),
    ("Okafor told reporters that Kenya is devoted to the ceasefire.",
     ("Kenya", "ceasefire", "support"), "Okafor"),
    ("Tanaka said Peru was dedicated to the peace talks.",
     ("Peru", "peace talks", "support"), "Tanaka"),
])
def test_a_position_reported_of_another_is_theirs(run_quotes: Callable[..., Document], text: str,
                                                  want: tuple[str, str, str], not_want: str) -> None:
    got = triples(run(run_quotes, text))
    assert want in got
    assert all(holder != not_want for holder, _, _ in got)


@pytest.mark.parametrize("text", [
    "Alvarez said the tariffs were widely backed.",
    "Okafor said the ceasefire had been rejected.",
    "Tanaka told reporters the sanctions were criticized last week.",
])
def test_a_passive_with_no_agent_is_nobody_named(run_quotes: Callable[..., Document],
                                                 text: str) -> None:
    assert run(run_quotes, text).stances == ()


@pytest.mark.parametrize(("text", "want"), [
    ("Germany reiterated its support for the sanctions.", ("Germany", "sanctions", "support")),
    ("Kenya restated its opposition to the tariffs.", ("Kenya", "tariffs", "oppose")),
    ("Tanaka voiced his support for the ceasefire.", ("Tanaka", "ceasefire", "support")),
])
def test_a_possessive_pronoun_under_a_verb_of_saying_is_its_subject(
        run_quotes: Callable[..., Document], text: str, want: tuple[str, str, str]) -> None:
    assert want in triples(run(run_quotes, text))


def test_a_possessive_pronoun_under_a_verb_of_judging_is_someone_else(
        run_quotes: Callable[..., Document]) -> None:
    got = triples(run(run_quotes, "Okafor criticized their support for the tariffs."))
    assert ("Okafor", "tariffs", "support") not in got


# --------------------------------------------------------------- advice to another

@pytest.mark.parametrize(("text", "holder", "issue", "polarity", "toward"), [
    ('"Parliament needs to reject the tariffs," Lindqvist said.',
     "Lindqvist", "tariffs", "oppose", "Parliament"),
    ("Alvarez said Brazil should back the ceasefire.", "Alvarez", "ceasefire", "support", "Brazil"),
    ('"Japan must support the sanctions," Okafor told reporters.',
     "Okafor", "sanctions", "support", "Japan"),
    ("Tanaka said Chile has to oppose the tariffs.", "Tanaka", "tariffs", "oppose", "Chile"),
])
def test_advice_to_another_is_the_speakers_position(
        run_quotes: Callable[..., Document], text: str, holder: str, issue: str,
        polarity: str, toward: str) -> None:
    stances = run(run_quotes, text).stances
    assert [(s.holder.name, s.issue, s.polarity) for s in stances] == [(holder, issue, polarity)]
    assert stances[0].toward is not None and stances[0].toward.name == toward


@pytest.mark.parametrize("text", [
    "Parliament needs to reject the tariffs.",
    "Brazil should back the ceasefire.",
    "Japan must support the sanctions before the summit.",
])
def test_advice_in_the_articles_own_voice_is_no_ones_position(
        run_quotes: Callable[..., Document], text: str) -> None:
    assert run(run_quotes, text).stances == ()


# --------------------------------------------------------------- a course not to take

@pytest.mark.parametrize(("text", "want"), [
    ("Alvarez urged Germany not to support the tariffs.", ("Alvarez", "tariffs", "oppose")),
    ("Okafor persuaded Brazil not to endorse the ceasefire.", ("Okafor", "ceasefire", "oppose")),
    ("Lindqvist advised Norway not to back the sanctions.", ("Lindqvist", "sanctions", "oppose")),
    ("Tanaka encouraged Peru not to reject the peace talks.", ("Tanaka", "peace talks", "support")),
])
def test_a_negated_infinitive_under_a_verb_of_persuading_flips(
        run_quotes: Callable[..., Document], text: str, want: tuple[str, str, str]) -> None:
    got = triples(run(run_quotes, text))
    assert want in got
    assert (want[0], want[1], "support" if want[2] == "oppose" else "oppose") not in got


def test_a_plain_infinitive_under_a_verb_of_persuading_keeps_its_polarity(
        run_quotes: Callable[..., Document]) -> None:
    got = triples(run(run_quotes, "Okafor persuaded Brazil to endorse the ceasefire."))
    assert ("Okafor", "ceasefire", "support") in got


# --------------------------------------------------------------- whom a target is by

@pytest.mark.parametrize(("text", "issue", "toward"), [
    ("Alvarez rejected the peace plan proposed by Norway.", "peace talks", "Norway"),
    ("Okafor welcomed the ceasefire that Brazil brokered.", "ceasefire", "Brazil"),
    ("Germany criticized the tariffs imposed by Canada.", "tariffs", "Canada"),
])
def test_a_target_done_by_an_actor_is_toward_it(run_quotes: Callable[..., Document], text: str,
                                                issue: str, toward: str) -> None:
    stances = run(run_quotes, text).stances
    assert [s.issue for s in stances] == [issue]
    assert stances[0].toward is not None and stances[0].toward.name == toward


def test_a_relative_pronoun_subject_is_no_doer(run_quotes: Callable[..., Document]) -> None:
    stances = run(run_quotes, "Tanaka opposed the tariffs that would hurt Peru.").stances
    assert all(s.toward is None or s.toward.name != "Tanaka" for s in stances)
    assert all(s.holder.name == "Tanaka" for s in stances)


# --------------------------------------------------------------- chains of indirect quotes

@pytest.mark.parametrize(("text", "first", "second", "speaker"), [
    ("Alvarez said that the mine would close in June. He added that the workers would be "
     "paid until the end of the year.", "that the mine would close in June",
     "that the workers would be paid until the end of the year", "Alvarez"),
    ("Okafor told reporters that the bridge was unsafe. She also said the repairs would take "
     "two months.", "that the bridge was unsafe", "the repairs would take two months", "Okafor"),
    ("Lindqvist said the budget was balanced. He noted that taxes would not rise next year.",
     "the budget was balanced", "that taxes would not rise next year", "Lindqvist"),
])
def test_each_sentence_of_a_reported_chain_is_a_quote_of_the_chains_speaker(
        run_quotes: Callable[..., Document], text: str, first: str, second: str,
        speaker: str) -> None:
    quotes = run(run_quotes, text).quotes
    assert [q.content.text for q in quotes] == [first, second]
    assert all(q.speaker is not None and q.speaker.name == speaker for q in quotes)


# --------------------------------------------------------------- holders' countries

@pytest.fixture(scope="module")
def actor_stage() -> Callable[[str], Document]:
    from parley.actors.stage import ActorStage
    from parley.nlp import NLPStage

    nlp, actors = NLPStage(), ActorStage()

    def run_actors(text: str) -> Document:
        doc = next(iter(nlp.pipe([Document(article=Article(id="t", text=text))])))
        return actors(doc)

    return run_actors


@pytest.mark.parametrize(("text", "name", "party_country"), [
    ("The Prairie Conservatives Alliance criticized the budget.", "Conservatives Alliance", "GBR"),
    ("The Campus Labour Forum praised the new law.", "Labour Forum", "GBR"),
    ("The Young Democrats Network rejected the plan.", "Democrats Network", "USA"),
])
def test_a_partys_word_in_another_bodys_name_does_not_place_it(
        actor_stage: Callable[[str], Document], text: str, name: str, party_country: str) -> None:
    doc = actor_stage(text)
    body = next(a for a in doc.actors if name in a.name)
    assert body.country != party_country  # a creed shared by parties of many countries


def test_the_party_itself_keeps_its_country(actor_stage: Callable[[str], Document]) -> None:
    doc = actor_stage("The Labour Party rejected the plan.")
    assert any(a.country == "GBR" for a in doc.actors)


@pytest.mark.parametrize(("text", "want"), [
    ("Canada remains committed to the sanctions.", ("Canada", "sanctions", "support")),
    ("Norway is still opposed to the tariffs.", ("Norway", "tariffs", "oppose")),
    ("Chile was not supportive of the ceasefire.", ("Chile", "ceasefire", "oppose")),
])
def test_an_adjective_of_a_position_after_a_copula_is_its_subjects(
        run_quotes: Callable[..., Document], text: str, want: tuple[str, str, str]) -> None:
    got = triples(run(run_quotes, text))
    assert want in got
    assert (want[0], want[1], "support" if want[2] == "oppose" else "oppose") not in got


@pytest.mark.parametrize("text", [
    "Should Brazil agree to the ceasefire, the talks would resume.",
    "Should Japan back the sanctions, exports would fall.",
    "Should Parliament reject the tariffs, prices would drop.",
])
def test_an_inverted_should_is_a_condition_not_advice(run_quotes: Callable[..., Document],
                                                      text: str) -> None:
    stances = run(run_quotes, f'"{text}" Alvarez said.').stances
    assert all(s.holder.name != "Alvarez" for s in stances)


@pytest.mark.parametrize("text", [
    "Germany hit Peru with sanctions over its support for the tariffs.",
    "Alvarez thanked Japan for its support for the ceasefire.",
    "Kenya punished Brazil because of its backing for the tariffs.",
])
def test_a_possessive_pronoun_outside_the_object_is_not_the_subjects(
        run_quotes: Callable[..., Document], text: str) -> None:
    stances = run(run_quotes, text).stances
    subject = text.split()[0]
    assert all(not (s.holder.name == subject and s.polarity == "support") for s in stances)
