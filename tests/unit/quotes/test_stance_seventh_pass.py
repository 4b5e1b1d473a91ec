"""Stance classes of the seventh pass (issue 11), on sentences of our own, three or more a
class: "blamed the deed on X" names X the accused; an infinitive under a predicative adjective
has the copula's subject ("half of our members are unwilling to back"); a particle makes
another verb ("pushed the vote back" is no backing), with dismissals that are phrasal
("brushed aside the plan"); a position its holder gives up turns round ("dropped its objection
to"), and a position noun's preposition hung on the verb is still the noun's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document
from unit.quotes.cast import run_named, triples

pytestmark = pytest.mark.model

ACTORS = {
    "Chile": ("Chile", "CHL", None), "Kenya": ("Kenya", "KEN", None),
    "Brazil": ("Brazil", "BRA", None), "Japan": ("Japan", "JPN", None),
    "Norway": ("Norway", "NOR", None), "Peru": ("Peru", "PER", None),
    "Turkey": ("Turkey", "TUR", None), "Sweden": ("Sweden", "SWE", None),
    "Alvarez": ("Alvarez", "CHL", "GOV"), "Okafor": ("Okafor", "NGA", "GOV"),
    "Tanaka": ("Tanaka", "JPN", "GOV"),
}


def run(run_quotes: Callable[..., Document], text: str) -> Document:
    return run_named(run_quotes, ACTORS, text)


# --------------------------------------------------------------- blamed the deed on someone

@pytest.mark.parametrize(("text", "deed", "accused"), [
    ("Chile blamed the rise in prices on Brazil.", "rise", "BRA"),
    ("Kenya blamed the unrest on Peru.", "unrest", "PER"),
    ("Japan blamed the collapse of the talks on Norway.", "collapse", "NOR"),
])
def test_blaming_a_deed_on_someone_opposes_the_deed_toward_the_accused(
        run_quotes: Callable[..., Document], text: str, deed: str, accused: str) -> None:
    stances = run(run_quotes, text).stances
    assert [(s.issue, s.polarity, s.toward.country if s.toward else None) for s in stances] \
        == [(deed, "oppose", accused)]


# --------------------------------------------------------------- control through an adjective

@pytest.mark.parametrize("text", [
    '"Half of our members are unwilling to back the treaty," Alvarez said.',
    '"Many of our farmers are reluctant to support the trade deal," Okafor said.',
    '"Most of my colleagues seem ready to endorse the ceasefire," Tanaka said.',
])
def test_a_group_the_speaker_reports_on_is_not_the_speaker(
        run_quotes: Callable[..., Document], text: str) -> None:
    # the stance is the unnamed group's: no actor holds it, so none is given to the speaker
    assert triples(run(run_quotes, text)) == set()


@pytest.mark.parametrize(("text", "want"), [
    ('"We are ready to back the ceasefire," Alvarez said.', ("Alvarez", "ceasefire", "support")),
    ("Norway is willing to support the sanctions.", ("Norway", "sanctions", "support")),
    ("Kenya seemed eager to endorse the peace plan.", ("Kenya", "peace talks", "support")),
])
def test_the_copula_subject_holds_an_adjective_s_infinitive(
        run_quotes: Callable[..., Document], text: str, want: tuple[str, str, str]) -> None:
    assert want in triples(run(run_quotes, text))


# --------------------------------------------------------------- particles

@pytest.mark.parametrize("text", [
    "Chile pushed the vote on the sanctions back by a month.",
    "Kenya pushed back the deadline for the ceasefire.",
    "Brazil backed down on the sanctions.",
    "Japan backed off the peace plan.",
])
def test_a_particle_makes_another_verb_of_a_cue(run_quotes: Callable[..., Document],
                                                text: str) -> None:
    assert not [s for s in run(run_quotes, text).stances if s.polarity == "support"]


@pytest.mark.parametrize(("text", "want"), [
    ("Chile brushed aside the peace plan.", ("Chile", "peace talks", "oppose")),
    ("Kenya waved off the calls for a ceasefire.", ("Kenya", "ceasefire", "oppose")),
    ("Brazil pushed back against the sanctions.", ("Brazil", "sanctions", "oppose")),
    ("Japan backed up the call for sanctions.", ("Japan", "sanctions", "support")),
])
def test_listed_phrasal_cues_keep_their_sense(run_quotes: Callable[..., Document], text: str,
                                              want: tuple[str, str, str]) -> None:
    assert want in triples(run(run_quotes, text))


# --------------------------------------------------------------- a position given up

@pytest.mark.parametrize(("text", "want"), [
    ("Turkey dropped its objection to NATO membership for Sweden.",
     ("Turkey", "nato membership", "support")),
    ("Norway gave up its opposition to the sanctions.", ("Norway", "sanctions", "support")),
    ("Peru backed down from its support for the sanctions.", ("Peru", "sanctions", "oppose")),
    ("Chile abandoned its opposition to the ceasefire.", ("Chile", "ceasefire", "support")),
])
def test_a_position_given_up_turns_round(run_quotes: Callable[..., Document], text: str,
                                         want: tuple[str, str, str]) -> None:
    assert triples(run(run_quotes, text)) == {want}


@pytest.mark.parametrize(("text", "want"), [
    ("Turkey renewed its objection to NATO membership for Sweden.",
     ("Turkey", "nato membership", "oppose")),
    ("Norway voiced its opposition to the sanctions.", ("Norway", "sanctions", "oppose")),
    ("Kenya restated its support for the ceasefire.", ("Kenya", "ceasefire", "support")),
])
def test_a_position_noun_takes_its_preposition_from_the_verb(
        run_quotes: Callable[..., Document], text: str, want: tuple[str, str, str]) -> None:
    assert triples(run(run_quotes, text)) == {want}


def test_a_blamed_position_noun_keeps_the_accused_out_of_its_target(
        run_quotes: Callable[..., Document]) -> None:
    # "on Brazil" is whom the criticism is blamed on, not what Chile criticises
    doc = run(run_quotes, "Kenya blamed Chile's criticism on Brazil.")
    assert not [s for s in doc.stances if s.holder.name == "Chile"]


@pytest.mark.parametrize("text", [
    "Japan supported the sanctions back in the 1990s.",
    "Peru backed the ceasefire back then.",
    "Norway endorsed the peace plan back in May.",
])
def test_an_adverb_of_time_is_no_particle(run_quotes: Callable[..., Document], text: str) -> None:
    assert {s.polarity for s in run(run_quotes, text).stances} == {"support"}


# --------------------------------------------------------------- a nationality holds the noun

@pytest.mark.parametrize(("text", "want"), [
    ("Okafor dismissed American criticism of the annexation.",
     ("USA", "annexation", "oppose")),
    ("Tanaka welcomed Chinese support for the peace plan.", ("CHN", "peace talks", "support")),
    ("Alvarez rebuffed Russian warnings on NATO membership.",
     ("RUS", "nato membership", "oppose")),
])
def test_a_nationality_on_a_position_noun_holds_it(run_quotes: Callable[..., Document],
                                                   text: str, want: tuple[str, str, str]) -> None:
    doc = run_named(run_quotes, {**ACTORS, "American": ("United States", "USA", None),
                                 "Chinese": ("China", "CHN", None),
                                 "Russian": ("Russia", "RUS", None)}, text)
    assert want in {(s.holder.country, s.issue, s.polarity) for s in doc.stances}


# --------------------------------------------------------------- an end to something

@pytest.mark.parametrize(("text", "want"), [
    ("Kenya demanded an end to the blockade.", ("Kenya", "embargo", "oppose")),
    ("Chile called for a halt to the arms deliveries.", ("Chile", "arms supplies", "oppose")),
    ("Norway urged a suspension of the sanctions.", ("Norway", "sanctions", "oppose")),
    ("Peru demanded an end to the fighting.", ("Peru", "ceasefire", "support")),
    ("Japan welcomed a halt to the shelling and the rocket fire.", ("Japan", "ceasefire", "support")),
    ("Brazil opposed an end to the sanctions.", ("Brazil", "sanctions", "support")),
])
def test_an_end_to_a_course_is_the_course_undone(run_quotes: Callable[..., Document], text: str,
                                                 want: tuple[str, str, str]) -> None:
    assert triples(run(run_quotes, text)) == {want}


# --------------------------------------------------------------- dealing with others' concerns

@pytest.mark.parametrize("text", [
    "Tanaka addressed concerns about the sanctions.",
    "Okafor sought to allay fears of new sanctions.",
    "Alvarez tried to dispel worries about the ceasefire.",
])
def test_dealing_with_others_concerns_is_no_position(run_quotes: Callable[..., Document],
                                                     text: str) -> None:
    assert triples(run(run_quotes, text)) == set()
