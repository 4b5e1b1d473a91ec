"""Stance rules of the wave-2 follow-up, on sentences of our own (three or more a class):
coordinated holders, prepositions of a position not taken, and verbs of accusing whose charge
is the target (toward the accused)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from parley.model import Document

pytestmark = pytest.mark.model

ACTORS = {
    "Germany": ("Germany", "DEU", None), "France": ("France", "FRA", None),
    "Japan": ("Japan", "JPN", None), "Canada": ("Canada", "CAN", None),
    "Australia": ("Australia", "AUS", None), "Italy": ("Italy", "ITA", None),
    "Spain": ("Spain", "ESP", None), "Poland": ("Poland", "POL", None),
    "Kenya": ("Kenya", "KEN", None), "Brazil": ("Brazil", "BRA", None),
    "Indian soldiers": ("India (armed forces)", "IND", "MIL"), "Moscow": ("Russia", "RUS", "GOV"),
    "the rebels": ("rebels", "SDN", "REB"), "Beijing": ("China", "CHN", "GOV"),
    "the ministry": ("Ministry", "CHN", "GOV"), "The union": ("union", "GBR", "LAB"),
    "the company": ("company", "GBR", "BUS"), "Israel": ("Israel", "ISR", None),
}


def run(run_quotes: Callable[..., Document], text: str) -> Document:
    return run_quotes(text, {k: v for k, v in ACTORS.items()
                             if re.search(rf"(?<!\w){re.escape(k)}(?!\w)", text)})


def triples(doc: Document) -> set[tuple[str | None, str, str]]:
    return {(s.holder.country, s.issue, s.polarity) for s in doc.stances}


@pytest.mark.parametrize(("text", "want"), [
    ("Germany and France welcomed the sanctions.",
     {("DEU", "sanctions", "support"), ("FRA", "sanctions", "support")}),
    ("Japan, Canada and Australia condemned the missile test.",
     {("JPN", "nuclear weapons", "oppose"), ("CAN", "nuclear weapons", "oppose"),
      ("AUS", "nuclear weapons", "oppose")}),
    ("Italy and Spain rejected the ceasefire.",
     {("ITA", "ceasefire", "oppose"), ("ESP", "ceasefire", "oppose")}),
])
def test_each_coordinated_subject_holds_the_position(run_quotes: Callable[..., Document],
                                                     text: str, want: set[tuple[str, str, str]]) -> None:
    assert triples(run(run_quotes, text)) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Germany stopped short of backing the sanctions.", ("DEU", "sanctions", "oppose")),
    ("France was far from supporting the ceasefire.", ("FRA", "ceasefire", "oppose")),
    ("Italy welcomed the talks without endorsing the sanctions.", ("ITA", "sanctions", "oppose")),
])
def test_a_position_not_taken_flips_the_polarity(run_quotes: Callable[..., Document], text: str,
                                                 want: tuple[str, str, str]) -> None:
    got = triples(run(run_quotes, text))
    assert want in got
    assert (want[0], want[1], "support") not in got


def test_a_plain_gerund_cue_keeps_its_polarity(run_quotes: Callable[..., Document]) -> None:
    got = triples(run(run_quotes, "Poland insisted on backing the sanctions."))
    assert ("POL", "sanctions", "oppose") not in got


@pytest.mark.parametrize(("text", "issue", "toward"), [
    ("Beijing blamed Indian soldiers for the clash.", "clash", "IND"),
    ("The union blamed the company for the layoffs.", "layoff", "GBR"),
    ("Kenya faulted Israel for the raid.", "raid", "ISR"),
])
def test_the_charge_is_the_target_toward_the_accused(run_quotes: Callable[..., Document],
                                                     text: str, issue: str, toward: str) -> None:
    stances = run(run_quotes, text).stances
    assert [(s.issue, s.polarity) for s in stances] == [(issue, "oppose")]
    assert stances[0].toward is not None and stances[0].toward.country == toward
    assert stances[0].target is None  # a position on the deed, not on the accused as such


@pytest.mark.parametrize(("text", "target"), [
    ("Brazil blamed Israel.", "ISR"),
    ("Spain accused Moscow of lying.", "RUS"),
    ("Canada criticized Beijing.", "CHN"),
])
def test_without_a_noun_charge_the_accused_is_the_target(run_quotes: Callable[..., Document],
                                                         text: str, target: str) -> None:
    stances = run(run_quotes, text).stances
    assert [s.polarity for s in stances] == ["oppose"]
    assert stances[0].target is not None and stances[0].target.country == target


@pytest.mark.parametrize(("text", "want"), [
    ("Poland wants to prove that it can repeal the sanctions.", ("POL", "sanctions", "oppose")),
    ("Spain wants to show that it can scrap the ceasefire.", ("ESP", "ceasefire", "oppose")),
    ("Italy wants to prove that it can stop blocking the sanctions.",
     ("ITA", "sanctions", "support")),
])
def test_verbs_of_undoing_inside_a_wanted_clause_compose(run_quotes: Callable[..., Document],
                                                         text: str,
                                                         want: tuple[str, str, str]) -> None:
    got = triples(run(run_quotes, text))
    assert want in got
    flipped = "support" if want[2] == "oppose" else "oppose"
    assert (want[0], want[1], flipped) not in got


@pytest.mark.parametrize("text", [
    "Germany said the ceasefire ended in confusion.",
    "France said the sanctions ended in March after a long dispute.",
    "Japan said the truce ended on Friday.",
])
def test_an_outcome_without_an_object_is_no_judgement(run_quotes: Callable[..., Document],
                                                      text: str) -> None:
    assert not [s for s in run(run_quotes, text).stances if s.polarity == "support"]


@pytest.mark.parametrize(("text", "want"), [
    ("Germany said the ceasefire would end the war.", ("DEU", "ceasefire", "support")),
    ("France said the sanctions would backfire.", ("FRA", "sanctions", "oppose")),
    ("Japan said the truce would help the refugees.", ("JPN", "ceasefire", "support")),
])
def test_a_consequence_with_its_object_is_a_judgement(run_quotes: Callable[..., Document],
                                                      text: str, want: tuple[str, str, str]) -> None:
    assert want in triples(run(run_quotes, text))


@pytest.mark.parametrize("text", [
    "Germany accused Moscow of supplying drones that the troops used against the cities.",
    "France said the rebels used mortars against the villages.",
    "Spain said that Israel had deployed troops against the protesters.",
])
def test_a_deed_done_against_someone_is_no_judgement_of_the_doer(
        run_quotes: Callable[..., Document], text: str) -> None:
    doc = run(run_quotes, text)
    assert not [s for s in doc.stances if s.cue is not None and s.cue.text in (
        "used against", "deployed against", "used", "deployed")], [s.reason for s in doc.stances]


@pytest.mark.parametrize(("text", "issue", "polarity", "toward"), [
    ("Moscow accused Germany of imposing sanctions on the banks.", "sanctions", "oppose", "DEU"),
    ("Beijing accused Japan of violating the ceasefire.", "ceasefire", "support", "JPN"),
    ("Kenya accused Brazil of blocking the peace talks.", "peace talks", "support", "BRA"),
    ("Spain blamed Poland for lifting the sanctions.", "sanctions", "support", "POL"),
])
def test_a_gerund_charge_gives_its_lexicon_issue(run_quotes: Callable[..., Document], text: str,
                                                 issue: str, polarity: str, toward: str) -> None:
    stances = [s for s in run(run_quotes, text).stances if s.issue == issue]
    assert [s.polarity for s in stances] == [polarity]
    assert stances[0].toward is not None and stances[0].toward.country == toward


# --- a proposed clause is the proposer's position; a wanted statement names no issue -------

@pytest.mark.parametrize(("text", "want"), [
    ("Poland suggested the union accept only the ceasefire.", {("POL", "ceasefire", "support")}),
    ("Kenya proposed that the company should back the sanctions.",
     {("KEN", "sanctions", "support")}),
    ("Brazil recommended the rebels reject the peace talks.", {("BRA", "peace talks", "oppose")}),
])
def test_a_proposed_clause_is_the_proposers_position(run_quotes: Callable[..., Document],
                                                     text: str, want: set[tuple[str, str, str]]) -> None:
    assert triples(run(run_quotes, text)) == want


def test_an_indicative_clause_of_suggesting_is_a_claim_not_a_wish(
        run_quotes: Callable[..., Document]) -> None:
    doc = run(run_quotes, "Poland suggested that Germany already backs the sanctions.")
    assert ("POL", "sanctions", "support") not in triples(doc)


@pytest.mark.parametrize("text", [
    "Germany urged France to tell the public that it was not under investigation.",
    "Japan asked Canada to say that the sanctions were over.",
    "Italy pressed Spain to announce that the embargo had ended.",
])
def test_what_a_wanted_statement_would_say_is_no_issue(run_quotes: Callable[..., Document],
                                                       text: str) -> None:
    assert run(run_quotes, text).stances == ()


@pytest.mark.parametrize(("text", "want"), [
    ("Germany praised the rounds of sanctions.", {("DEU", "sanctions", "support")}),
    ("France welcomed a new wave of sanctions.", {("FRA", "sanctions", "support")}),
    ("Japan backed a series of tariffs on steel.", {("JPN", "tariffs", "support")}),
], ids=["rounds", "wave", "series"])
def test_a_head_of_quantity_leaves_the_target_to_what_it_counts(
        run_quotes: Callable[..., Document], text: str, want: set[tuple[str, str, str]]) -> None:
    assert triples(run(run_quotes, text)) == want
