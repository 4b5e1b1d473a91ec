"""Stance classes of the eighth pass (issue 11), on sentences of our own, three or more a
class: talks named in a passage about a war are peace talks even where the talks' own sentence
names no war (the war is two sentences back); a cue in a clause opened by "whether" or "if" is
asked or supposed, not held; keeping a thing from happening or growing ("to prevent a war",
"reducing the sanctions") is against it; "concern for X" cares for X where "concern about X"
is against it; deportations are an issue of their own; a position noun under a negated verb
("has not voiced support for") or a verb of keeping from ("avoided criticism of") is withheld,
no stance; a condition put first by inversion is supposed; "has the support of X" is X's
position; leaving a place is a move; no stance is toward its own holder; a mention of a pair
("the two leaders") holds the position for each of the two; a judgement of "no X" judges
nothing; bare "attacks" are not air strikes; an outcome told in the past ("the talks had
failed") is no judgement; an infinitive on a noun ("the first country to back") is held by
the one the noun describes; someone's critics, rivals or defenders speak and hold positions
as others, not as that one; the issue of a course is not in the phrase of its time or
circumstance ("ahead of the peace talks"); a consequence for no one turns a judgement round;
a possessive pronoun on the object is the subject's own ("had made clear his commitment")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document
from unit.quotes.cast import run_named

pytestmark = pytest.mark.model

ACTORS = {
    "Chile": ("Chile", "CHL", None), "Kenya": ("Kenya", "KEN", None),
    "Brazil": ("Brazil", "BRA", None), "Japan": ("Japan", "JPN", None),
    "Norway": ("Norway", "NOR", None), "Peru": ("Peru", "PER", None),
    "Alvarez": ("Alvarez", "CHL", "GOV"), "Okafor": ("Okafor", "KEN", "GOV"),
    "Tanaka": ("Tanaka", "JPN", "GOV"),
}


def run(run_quotes: Callable[..., Document], text: str) -> Document:
    return run_named(run_quotes, ACTORS, text)


def issues(doc: Document) -> set[tuple[str | None, str, str]]:
    return {(s.holder.country, s.issue, s.polarity) for s in doc.stances}


# --------------------------------------------------------------- the war named just before

@pytest.mark.parametrize(("text", "holder"), [
    ("The fighting on the border with Peru went on for a third week. "
     '"We remain open to negotiations," Alvarez said.', "CHL"),
    ("Kenya has studied the plan for ending the conflict. "
     "Okafor said his government welcomed the talks.", "KEN"),
    ("The invasion has displaced a million people. The rains came early this year. "
     '"Japan supports dialogue," Tanaka said.', "JPN"),
])
def test_talks_in_a_passage_about_a_war_are_peace_talks(
        run_quotes: Callable[..., Document], text: str, holder: str) -> None:
    assert (holder, "peace talks", "support") in issues(run(run_quotes, text))


@pytest.mark.parametrize(("text", "holder"), [
    ('"We remain open to negotiations," Alvarez said of the budget.', "CHL"),
    ("The budget ran late this year. Okafor said his government welcomed the talks.", "KEN"),
    # the war is three sentences back: too far to carry over
    ("The invasion has displaced a million people. The rains came early. The harvest was "
     'poor. "Japan supports dialogue," Tanaka said.', "JPN"),
])
def test_talks_far_from_any_war_stay_dialogue(
        run_quotes: Callable[..., Document], text: str, holder: str) -> None:
    assert (holder, "dialogue", "support") in issues(run(run_quotes, text))


# --------------------------------------------------------------- asked or supposed, not said

@pytest.mark.parametrize("text", [
    "Kenya declined to say whether it would support the sanctions.",
    "Reporters asked Alvarez if Chile backs the trade deal.",
    "If Japan endorses the ceasefire, the talks could resume.",
    "It is unclear whether Brazil opposes the tariffs.",
])
def test_a_position_asked_about_or_supposed_is_nobody_s(
        run_quotes: Callable[..., Document], text: str) -> None:
    assert run(run_quotes, text).stances == ()


@pytest.mark.parametrize(("text", "want"), [
    # the "if" belongs to a clause beside the cue, not over it
    ("Kenya will support the sanctions if the talks fail.", ("KEN", "sanctions", "support")),
    ("Alvarez said Chile would back the trade deal even if the tariffs stay.",
     ("CHL", "free trade", "support")),
    ("Whether or not the vote passes, Japan opposes the tariffs.", ("JPN", "tariffs", "oppose")),
])
def test_a_supposition_beside_the_cue_leaves_it_said(
        run_quotes: Callable[..., Document], text: str, want: tuple[str, str, str]) -> None:
    assert want in issues(run(run_quotes, text))


# --------------------------------------------------------------- keeping a thing from happening

@pytest.mark.parametrize(("text", "issue"), [
    ("Chile wants to prevent a trade war.", "tariffs"),
    ("Kenya proposed reducing the sanctions.", "sanctions"),
    ("Japan urged Norway to curb its whaling.", "whaling"),
    ("Brazil pledged to combat terrorism.", "terrorism"),
])
def test_keeping_a_thing_from_happening_or_growing_is_against_it(
        run_quotes: Callable[..., Document], text: str, issue: str) -> None:
    got = {(s.issue, s.polarity) for s in run(run_quotes, text).stances}
    assert (issue, "oppose") in got and (issue, "support") not in got


# --------------------------------------------------------------- care for, worry about

@pytest.mark.parametrize(("text", "issue", "polarity"), [
    ("Kenya voiced concern for the safety of the hostages.", "safety", "support"),
    ("Alvarez expressed fears for the refugees stranded at the border.",
     "refugee admissions", "support"),
    ("Japan's concern for press freedom is well known.", "press freedom", "support"),
    ("Kenya voiced concern about the sanctions.", "sanctions", "oppose"),
])
def test_worry_for_a_thing_cares_for_it_and_worry_about_it_is_against(
        run_quotes: Callable[..., Document], text: str, issue: str, polarity: str) -> None:
    assert {(s.issue, s.polarity) for s in run(run_quotes, text).stances} == {(issue, polarity)}


# --------------------------------------------------------------- deportation is not extradition

@pytest.mark.parametrize("text", [
    "Chile condemned the mass deportations.",
    "Kenya opposes the deportations of migrants.",
    "Alvarez criticised the forced deportation of families.",
])
def test_deportations_are_their_own_issue(
        run_quotes: Callable[..., Document], text: str) -> None:
    assert [(s.issue, s.polarity) for s in run(run_quotes, text).stances] \
        == [("deportation", "oppose")]


# --------------------------------------------------------------- a position noun under "not"

@pytest.mark.parametrize("text", [
    "Kenya has not voiced support for the sanctions.",
    "Japan never expressed opposition to the ceasefire.",
    "Chile did not offer backing for the trade deal.",
    "Alvarez has avoided criticism of the tariffs.",
])
def test_a_position_noun_under_a_negated_verb_is_withheld_not_turned_round(
        run_quotes: Callable[..., Document], text: str) -> None:
    assert run(run_quotes, text).stances == ()


def test_a_position_noun_under_a_verb_not_negated_still_counts(
        run_quotes: Callable[..., Document]) -> None:
    doc = run(run_quotes, "Kenya has voiced support for the sanctions.")
    assert {(s.issue, s.polarity) for s in doc.stances} == {("sanctions", "support")}


# --------------------------------------------------------------- a condition put first

@pytest.mark.parametrize("text", [
    "Should Kenya agree to the extradition, the court would review it.",
    "Had Chile signed the trade deal, the tariffs would have fallen.",
    "Should Japan back the ceasefire, the talks could resume.",
    '"Should Peru back the sanctions?" Alvarez asked.',
])
def test_a_condition_put_first_by_inversion_is_supposed_not_held(
        run_quotes: Callable[..., Document], text: str) -> None:
    assert run(run_quotes, text).stances == ()


# --------------------------------------------------------------- a position others give

@pytest.mark.parametrize(("text", "holder", "target"), [
    ("Alvarez has the support of Kenya.", "KEN", "alvarez"),
    ("The trade deal won the backing of Japan.", "JPN", "free trade"),
    ("Okafor enjoys the support of Brazil.", "BRA", "okafor"),
    ("Alvarez has relied on the support of Kenya.", "KEN", "alvarez"),
    ("Tanaka counts on the backing of Brazil.", "BRA", "tanaka"),
])
def test_a_position_the_subject_has_from_someone_is_that_one_s(
        run_quotes: Callable[..., Document], text: str, holder: str, target: str) -> None:
    got = {(s.holder.country, s.issue, s.polarity) for s in run(run_quotes, text).stances}
    assert got == {(holder, target, "support")}


# --------------------------------------------------------------- leaving a place

@pytest.mark.parametrize("text", [
    "Kenya withdrew from the border region last year.",
    "Chile pulled out of the disputed territory.",
    "Japan withdrew its troops from Peru.",
])
def test_leaving_a_place_is_a_move_not_a_position(
        run_quotes: Callable[..., Document], text: str) -> None:
    assert run(run_quotes, text).stances == ()


def test_leaving_a_treaty_is_still_against_it(run_quotes: Callable[..., Document]) -> None:
    doc = run(run_quotes, "Kenya withdrew from the trade deal.")
    assert {(s.issue, s.polarity) for s in doc.stances} == {("free trade", "oppose")}


# --------------------------------------------------------------- no position toward oneself

@pytest.mark.parametrize("text", [
    "Alvarez blocked his own government's plan to sanction Peru.",
    "Okafor praised the trade deal he had helped negotiate.",
    "Tanaka defended his own ceasefire proposal.",
])
def test_a_stance_is_never_toward_its_own_holder(
        run_quotes: Callable[..., Document], text: str) -> None:
    stances = run(run_quotes, text).stances
    assert stances and all(s.toward is None or s.toward.actor_id != s.holder.actor_id
                           for s in stances)


# --------------------------------------------------------------- a pair holds it for both

@pytest.mark.parametrize(("text", "pair"), [
    ("Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago. "
     "The two leaders backed the trade deal.", {"CHL", "ARG"}),
    ("Japan's prime minister hosted the president of South Korea on Monday. "
     "The two leaders condemned the missile tests.", {"JPN", "KOR"}),
    ("Kenyan President William Ruto spoke with Tanzanian President Samia Suluhu Hassan. "
     "The two leaders welcomed the ceasefire.", {"KEN", "TZA"}),
])
def test_a_mention_of_a_pair_holds_the_position_for_each(
        analyze: Callable[..., Document], text: str, pair: set[str]) -> None:
    doc = analyze(text, date="2024-03-01")
    holders = {s.holder.country for s in doc.stances}
    assert holders == pair


# --------------------------------------------------------------- a judgement of none

@pytest.mark.parametrize("text", [
    '"No wall can stand against the will of a free people," Alvarez said.',
    '"No tariffs will work against Peru," Okafor said.',
    '"No ceasefire would hurt Japan," Tanaka said.',
])
def test_a_judgement_of_no_thing_judges_nothing(
        run_quotes: Callable[..., Document], text: str) -> None:
    assert run(run_quotes, text).stances == ()


def test_a_judgement_of_a_thing_still_counts(run_quotes: Callable[..., Document]) -> None:
    doc = run(run_quotes, '"The tariffs will work against Peru," Okafor said.')
    assert {(s.issue, s.polarity) for s in doc.stances} == {("tariffs", "oppose")}


# --------------------------------------------------------------- attacks are not air strikes

@pytest.mark.parametrize(("text", "issue"), [
    ("Kenya condemned the attacks on the churches.", "attack"),
    ("Chile denounced the attacks on journalists.", "attack"),
    ("Japan condemned the drone attacks on the port.", "air strikes"),
    ("Norway condemned the missile attacks.", "air strikes"),
])
def test_attacks_are_air_strikes_only_when_named_so(
        run_quotes: Callable[..., Document], text: str, issue: str) -> None:
    assert [s.issue for s in run(run_quotes, text).stances] == [issue]


# --------------------------------------------------------------- an outcome told, not judged

@pytest.mark.parametrize("text", [
    '"The talks had failed," Alvarez said.',
    '"The ceasefire failed," Okafor said.',
    '"The sanctions have backfired before," Tanaka said.',
])
def test_an_outcome_in_the_past_is_told_not_judged(
        run_quotes: Callable[..., Document], text: str) -> None:
    assert run(run_quotes, text).stances == ()


@pytest.mark.parametrize(("text", "issue"), [
    ('"The talks will fail," Alvarez said.', "dialogue"),
    ('"The ceasefire would fail," Okafor said.', "ceasefire"),
    ('"The sanctions could backfire," Tanaka said.', "sanctions"),
])
def test_an_outcome_foretold_is_a_judgement(
        run_quotes: Callable[..., Document], text: str, issue: str) -> None:
    assert {(s.issue, s.polarity) for s in run(run_quotes, text).stances} == {(issue, "oppose")}


# --------------------------------------------------------------- the first, the only one to

@pytest.mark.parametrize(("text", "holder"), [
    ('"Kenya was the first country to back the treaty," Okafor said.', "KEN"),
    ("Chile, which was the only country to oppose the sanctions, left the meeting.", "CHL"),
    ("Japan became the last state to endorse the ceasefire.", "JPN"),
])
def test_an_infinitive_on_a_noun_is_held_by_the_one_the_noun_describes(
        run_quotes: Callable[..., Document], text: str, holder: str) -> None:
    assert {s.holder.country for s in run(run_quotes, text).stances} == {holder}


def test_an_infinitive_on_a_noun_naming_no_actor_is_no_one_s(
        run_quotes: Callable[..., Document]) -> None:
    doc = run(run_quotes, '"It was the only group to back the treaty," Okafor said.')
    assert doc.stances == ()


# --------------------------------------------------------------- someone's critics are others

@pytest.mark.parametrize("text", [
    "Okafor's critics said the trade deal was a mistake.",
    '"The sanctions will hurt farmers," said one of Alvarez\'s rivals.',
    "Tanaka's opponents condemned the ceasefire.",
])
def test_those_named_by_whom_they_stand_against_are_not_that_one(
        run_quotes: Callable[..., Document], text: str) -> None:
    doc = run(run_quotes, text)
    assert all(q.speaker is None or q.speaker.actor_id is None for q in doc.quotes)
    assert doc.stances == ()


def test_someone_s_spokesman_still_speaks_for_them(run_quotes: Callable[..., Document]) -> None:
    doc = run(run_quotes, "Okafor's spokesman said the trade deal was a mistake.")
    assert [q.speaker.name for q in doc.quotes if q.speaker is not None] == ["Okafor"]


# --------------------------------------------------------------- the course, not its time

@pytest.mark.parametrize("text", [
    "Kenya rejected releasing the prisoners ahead of the peace talks.",
    "Chile wants to hold the vote before the summit.",
    "Japan urged Peru to free the journalists despite the sanctions.",
    "Chile wants to free the prisoners before the peace talks begin.",
])
def test_the_issue_of_a_course_is_not_in_its_time_or_circumstance(
        run_quotes: Callable[..., Document], text: str) -> None:
    assert run(run_quotes, text).stances == ()


def test_the_issue_inside_the_course_still_counts(run_quotes: Callable[..., Document]) -> None:
    doc = run(run_quotes, "Kenya rejected releasing the prisoners held under the sanctions.")
    assert {s.issue for s in doc.stances} == {"sanctions"}


def test_a_purpose_clause_is_part_of_the_course(run_quotes: Callable[..., Document]) -> None:
    doc = run(run_quotes, "Kenya pledged to hire more teachers, to freeze the tariffs.")
    assert {(s.issue, s.polarity) for s in doc.stances} == {("tariffs", "oppose")}


# --------------------------------------------------------------- a consequence for no one

@pytest.mark.parametrize(("text", "issue", "polarity"), [
    ('"Further escalation benefits no one," Alvarez said.', "escalation", "oppose"),
    ('"The sanctions would help nobody," Okafor said.', "sanctions", "oppose"),
    ('"The ceasefire hurts no one," Tanaka said.', "ceasefire", "support"),
])
def test_a_consequence_for_no_one_turns_the_judgement_round(
        run_quotes: Callable[..., Document], text: str, issue: str, polarity: str) -> None:
    assert {(s.issue, s.polarity) for s in run(run_quotes, text).stances} == {(issue, polarity)}


# --------------------------------------------------------------- his own commitment

@pytest.mark.parametrize(("text", "holder", "speaker"), [
    # the actor stage may take "his" for the speaker; the object's possessor is the subject's
    ("Chilean President Gabriel Boric said the Kenyan president had made clear his "
     "commitment to the ceasefire.", "KEN", "CHL"),
    ("Japanese Prime Minister Fumio Kishida said the Kenyan leader had reaffirmed his "
     "support for the sanctions.", "KEN", "JPN"),
    ("Brazilian President Lula da Silva said the Chilean leader had voiced his opposition "
     "to the tariffs.", "CHL", "BRA"),
])
def test_a_possessive_pronoun_on_the_object_is_the_subject_s_own(
        analyze: Callable[..., Document], text: str, holder: str, speaker: str) -> None:
    countries = {s.holder.country for s in analyze(text, date="2024-03-01").stances}
    assert speaker not in countries and countries <= {holder}


@pytest.mark.parametrize("text", [
    "Alvarez lost the support of Kenya.",
    "Okafor sought the backing of Brazil.",
    "Tanaka lacks the support of Japan.",
])
def test_a_position_lost_lacked_or_sought_is_not_held(
        run_quotes: Callable[..., Document], text: str) -> None:
    assert not any(s.polarity == "support" and s.holder.country in ("KEN", "BRA", "JPN")
                   for s in run(run_quotes, text).stances)


def test_someone_s_ally_named_beside_the_noun_speaks(run_quotes: Callable[..., Document]) -> None:
    doc = run(run_quotes, "His closest ally, Okafor, said the trade deal was a mistake.")
    assert [q.speaker.name for q in doc.quotes if q.speaker is not None] == ["Okafor"]


# --------------------------------------------------------------- a pact on a thing

@pytest.mark.parametrize(("text", "issue"), [
    ("Kenya pressed for an agreement with Iran on its nuclear program.", "nuclear deal"),
    ("Chile welcomed the deal on Iran's nuclear programme.", "nuclear deal"),
    ("Japan backed a treaty on nuclear weapons.", "arms control"),
])
def test_a_pact_on_a_thing_is_the_issue_of_such_pacts(
        run_quotes: Callable[..., Document], text: str, issue: str) -> None:
    assert {s.issue for s in run(run_quotes, text).stances} == {issue}


def test_the_thing_itself_stays_its_own_issue(run_quotes: Callable[..., Document]) -> None:
    doc = run(run_quotes, "Kenya condemned Iran's nuclear program.")
    assert {s.issue for s in doc.stances} == {"nuclear programme"}
