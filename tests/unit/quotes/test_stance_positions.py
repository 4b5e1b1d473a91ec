"""Positions that are not a verb of backing or opposing (issue 11), on sentences of our own,
three or more a class: readiness for a course ("open to talks"), a respite said to help the
other side rebuild ("would give the rebels time to regroup"), the terms a speaker sets on a
settlement ("must begin with a withdrawal"), talks in a sentence about a war, the speaker's
own government, and hospitality, which is no position at all."""

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
    "Alvarez": ("Alvarez", "CHL", "GOV"), "Okafor": ("Okafor", "NGA", "GOV"),
    "Lindqvist": ("Lindqvist", "SWE", "GOV"), "Tanaka": ("Tanaka", "JPN", "GOV"),
}


def run(run_quotes: Callable[..., Document], text: str) -> Document:
    return run_named(run_quotes, ACTORS, text)


# --------------------------------------------------------------- readiness for a course

@pytest.mark.parametrize(("text", "want"), [
    ("Chile remains open to peace talks.", ("Chile", "peace talks", "support")),
    ("Norway is ready for a ceasefire.", ("Norway", "ceasefire", "support")),
    ("Kenya was receptive to the peace plan.", ("Kenya", "peace talks", "support")),
    ("Brazil is resistant to new sanctions.", ("Brazil", "sanctions", "oppose")),
    # the parser hangs "to" on the copula here; the adjective still governs it
    ("Japan remained averse to the tariffs.", ("Japan", "tariffs", "oppose")),
    ("Peru is not open to new sanctions.", ("Peru", "sanctions", "oppose")),
])
def test_readiness_for_a_course_is_a_position_on_it(run_quotes: Callable[..., Document],
                                                    text: str, want: tuple[str, str, str]) -> None:
    assert want in triples(run(run_quotes, text))


# --------------------------------------------------------------- a respite for the other side

@pytest.mark.parametrize(("text", "want"), [
    ("A truce now would give the rebels time to regroup, Alvarez said.",
     ("Alvarez", "ceasefire", "oppose")),
    ("Okafor said the ceasefire would only allow the militia to rearm.",
     ("Okafor", "ceasefire", "oppose")),
    ("Tanaka warned that the nuclear deal would buy Iran time to reload.",
     ("Tanaka", "nuclear deal", "oppose")),
    ("Lindqvist said peace talks would hand the army a chance to rest and resupply.",
     ("Lindqvist", "peace talks", "oppose")),
])
def test_a_respite_for_rebuilding_forces_is_opposed(run_quotes: Callable[..., Document],
                                                    text: str, want: tuple[str, str, str]) -> None:
    assert want in triples(run(run_quotes, text))


@pytest.mark.parametrize("text", [
    "Okafor said the truce would give families time to rest.",
    "Alvarez said a ceasefire would give aid workers time to reach the wounded.",
    "Tanaka said the truce would give the economy time to recover.",
])
def test_a_respite_for_people_is_no_opposition(run_quotes: Callable[..., Document],
                                               text: str) -> None:
    assert all(pol != "oppose" for _, _, pol in triples(run(run_quotes, text)))


# --------------------------------------------------------------- terms set on a settlement

@pytest.mark.parametrize(("text", "want"), [
    ("Alvarez said any settlement must begin with a withdrawal of troops.",
     ("Alvarez", "troop withdrawal", "support")),
    ("Okafor said a peace deal should include a prisoner exchange.",
     ("Okafor", "prisoner exchange", "support")),
    ("Any agreement has to be based on territorial integrity, Tanaka said.",
     ("Tanaka", "sovereignty", "support")),
    ("Lindqvist said any deal must not include new sanctions.",
     ("Lindqvist", "sanctions", "oppose")),
])
def test_a_term_set_on_a_settlement_is_supported(run_quotes: Callable[..., Document],
                                                 text: str, want: tuple[str, str, str]) -> None:
    assert want in triples(run(run_quotes, text))


@pytest.mark.parametrize("text", [
    "The treaty includes a prisoner exchange, Tanaka said.",
    "Okafor said the deal included a withdrawal of troops.",
    "Alvarez said the talks began with a prisoner exchange.",
])
def test_a_settlement_described_sets_no_term(run_quotes: Callable[..., Document],
                                             text: str) -> None:
    got = triples(run(run_quotes, text))
    assert not {issue for _, issue, _ in got} & {"prisoner exchange", "troop withdrawal"}


# --------------------------------------------------------------- talks in a war

@pytest.mark.parametrize(("text", "want"), [
    ("Alvarez said Chile was open to negotiations to end the war.",
     ("Chile", "peace talks", "support")),
    ("Okafor backed talks on ending the conflict.", ("Okafor", "peace talks", "support")),
    ("After months of fighting, Tanaka welcomed direct talks between the two armies.",
     ("Tanaka", "peace talks", "support")),
    ("Lindqvist backed talks on the budget.", ("Lindqvist", "dialogue", "support")),
])
def test_talks_in_a_sentence_about_a_war_are_peace_talks(run_quotes: Callable[..., Document],
                                                         text: str,
                                                         want: tuple[str, str, str]) -> None:
    assert want in triples(run(run_quotes, text))


# --------------------------------------------------------------- the speaker's own state

@pytest.mark.parametrize(("text", "want"), [
    ("Alvarez said her government backed the ceasefire.", ("Alvarez", "ceasefire", "support")),
    ("Okafor said his government would keep pushing for sanctions.",
     ("Okafor", "sanctions", "support")),
    ("Tanaka said his country rejects the tariffs.", ("Tanaka", "tariffs", "oppose")),
])
def test_the_speakers_own_government_holds_with_the_speaker(
        run_quotes: Callable[..., Document], text: str, want: tuple[str, str, str]) -> None:
    assert want in triples(run(run_quotes, text))


# --------------------------------------------------------------- hospitality

@pytest.mark.parametrize("text", [
    "Alvarez welcomed Okafor to Santiago on Monday.",
    "Tanaka welcomed the visiting delegation at the airport.",
    "Okafor welcomed Lindqvist warmly.",
])
def test_welcoming_a_visitor_is_no_position(run_quotes: Callable[..., Document],
                                            text: str) -> None:
    assert run(run_quotes, text).stances == ()


@pytest.mark.parametrize(("text", "want"), [
    ("Alvarez welcomed the ceasefire.", ("Alvarez", "ceasefire", "support")),
    ("Okafor welcomed the new sanctions on Monday.", ("Okafor", "sanctions", "support")),
    ("Tanaka welcomed the peace plan in Tokyo.", ("Tanaka", "peace talks", "support")),
])
def test_welcoming_a_course_still_supports_it(run_quotes: Callable[..., Document], text: str,
                                              want: tuple[str, str, str]) -> None:
    assert want in triples(run(run_quotes, text))


# --------------------------------------------------------------- an act judged

@pytest.mark.parametrize(("text", "want"), [
    ("Calling for a truce now would only reward the aggressor, Alvarez said.",
     ("Alvarez", "ceasefire", "oppose")),
    ("Okafor said that agreeing to a ceasefire would be a mistake.",
     ("Okafor", "ceasefire", "oppose")),
    ("Tanaka said backing new sanctions would be essential.", ("Tanaka", "sanctions", "support")),
    ("Lindqvist said that opposing the peace plan would be a disaster.",
     ("Lindqvist", "peace talks", "support")),
])
def test_a_position_taken_as_a_judged_act_composes(run_quotes: Callable[..., Document],
                                                   text: str, want: tuple[str, str, str]) -> None:
    assert want in triples(run(run_quotes, text))


@pytest.mark.parametrize(("text", "want"), [
    ("Alvarez said a truce would amount to a surrender.", ("Alvarez", "ceasefire", "oppose")),
    ("Okafor said the ceasefire would mean capitulation.", ("Okafor", "ceasefire", "oppose")),
    ("Tanaka said new sanctions would constitute a betrayal.", ("Tanaka", "sanctions", "oppose")),
    ("Lindqvist said a ceasefire on these terms was not acceptable.",
     ("Lindqvist", "ceasefire", "oppose")),
])
def test_a_judgement_through_amount_to_or_mean(run_quotes: Callable[..., Document], text: str,
                                               want: tuple[str, str, str]) -> None:
    assert want in triples(run(run_quotes, text))


@pytest.mark.parametrize(("text", "want"), [
    ("Chile is against a ceasefire.", ("Chile", "ceasefire", "oppose")),
    ("Kenya remains in favour of new sanctions.", ("Kenya", "sanctions", "support")),
    ("Alvarez argued in favor of the peace plan.", ("Alvarez", "peace talks", "support")),
    ("Japan is not against the tariffs.", ("Japan", "tariffs", "support")),
])
def test_a_position_as_a_preposition_after_a_copula(run_quotes: Callable[..., Document],
                                                    text: str,
                                                    want: tuple[str, str, str]) -> None:
    assert want in triples(run(run_quotes, text))


@pytest.mark.parametrize(("text", "want"), [
    ("Alvarez said the truce was a ruse.", ("Alvarez", "ceasefire", "oppose")),
    ("Okafor said the new sanctions were a publicity stunt.", ("Okafor", "sanctions", "oppose")),
    ("Tanaka said the peace plan is a ploy to buy time.", ("Tanaka", "peace talks", "oppose")),
])
def test_a_course_called_a_deceit_is_opposed(run_quotes: Callable[..., Document], text: str,
                                             want: tuple[str, str, str]) -> None:
    assert want in triples(run(run_quotes, text))


# --------------------------------------------------------------- a clause asked for

@pytest.mark.parametrize(("text", "want"), [
    ("Chile was pushing for tariffs to be lifted.", ("Chile", "tariffs", "oppose")),
    ("Alvarez called for the sanctions to be eased.", ("Alvarez", "sanctions", "oppose")),
    ("Kenya pressed for the embargo to be removed.", ("Kenya", "embargo", "oppose")),
    ("Peru called for new sanctions to be imposed.", ("Peru", "sanctions", "support")),
])
def test_a_for_clause_is_what_the_phrasal_cue_asks(run_quotes: Callable[..., Document],
                                                   text: str, want: tuple[str, str, str]) -> None:
    assert want in triples(run(run_quotes, text))
