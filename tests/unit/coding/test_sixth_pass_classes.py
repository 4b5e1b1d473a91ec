"""Sixth pass (issue 10): argument structure and sense by class, each class on sentences
written for it (never a gold sentence)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document
from unit.coding.test_argument_classes import check_case

pytestmark = pytest.mark.model

# (sentence, expected type, actor countries (any of), recipient countries (any of),
#  types that must not appear)
Case = tuple[str, str, set[str], set[str], set[str]]

CLASSES: dict[str, list[Case]] = {
    # yielding to (or agreeing to) another's demand, pressure or proposal answers its author:
    # whose demand it is (its from-, by- or of-object, possessor or owner) is the recipient
    "author of what is answered": [
        ("The government gave in to demands from the Kenyan unions.", "CONCEDE", set(),
         {"KEN"}, set()),
        ("Mali conceded to calls from Algeria to hold talks.", "CONCEDE", {"MLI"}, {"DZA"},
         set()),
        ("Belgrade finally caved in to Russian demands.", "CONCEDE", {"SRB"}, {"RUS"}, set()),
        ("Serbia bowed to pressure from the European Union.", "CONCEDE", {"SRB"}, {"IGO"},
         set()),
        ("Germany agreed to a proposal from Poland.", "AGREE", {"DEU"}, {"POL"}, set()),
    ],
    # a person the knowledge base holds no office for that day, named with a body's title
    # in the text, acts for that body now, over a role that has ended
    "the title's body over an ended role": [
        ("Ethiopia welcomed African Union envoy Olusegun Obasanjo.", "SUPPORT", {"ETH"},
         {"IGO"}, set()),
        ("Serbia rejected a plan by UN envoy Martti Ahtisaari.", "REJECT", {"SRB"}, {"IGO"},
         set()),
        ("Afghan rebels will meet U.N. mediator Diego Cordovez.", "CONSULT", {"AFG"}, {"IGO"},
         set()),
    ],
    # whose thing an act is done to, by the thing's of-complement, when that names its owner
    # by a modifier ("the assets of Russian oligarchs")
    "owner in the of-complement, by a modifier": [
        ("The EU froze the assets of Russian oligarchs.", "SANCTION", {"IGO"}, {"RUS"}, set()),
        ("Kenya seized the property of Somali traders.", "COERCE", {"KEN"}, {"SOM"}, set()),
        ("Britain froze the bank accounts of Iranian officials.", "SANCTION", {"GBR"}, {"IRN"},
         set()),
    ],
    # a noun of acting or deciding whose infinitive names the act, as the object of a verb
    # that takes, makes or announces it: the verb's subject does the act
    "steps taken to act": [
        ("Egypt took steps to ease restrictions on the press.", "CONCEDE", {"EGY"}, set(),
         set()),
        ("Kenya took measures to expel the Somali diplomats.", "SANCTION", {"KEN"}, {"SOM"},
         set()),
        ("Turkey announced a plan to send troops to Libya.", "MOBILIZE", {"TUR"}, {"LBY"},
         set()),
        ("Japan made a decision to lift sanctions on Iran.", "CONCEDE", {"JPN"}, {"IRN"},
         set()),
    ],
    # widening what a government allows its people (rights, freedoms, autonomy), reforming
    # how one is governed, and formal pardons are concessions (CAMEO 083, 0833, 0834)
    "granting rights and reform": [
        ("Sudan expanded political freedoms.", "CONCEDE", {"SDN"}, set(), set()),
        ("Morocco granted more autonomy to Western Sahara.", "CONCEDE", {"MAR"}, set(),
         {"AID"}),
        ("Kenya implemented electoral reforms.", "CONCEDE", {"KEN"}, set(), set()),
        ("Israel granted the Palestinians the right to travel.", "CONCEDE", {"ISR"}, {"PSE"},
         set()),
        ("Egypt granted an amnesty to political prisoners.", "CONCEDE", {"EGY"}, set(),
         {"SUPPORT"}),
    ],
    # the goal of a verb of travel ("flew to Beijing") is the place visited: its state hosts
    "the goal of a visit": [
        ("The Indian prime minister travelled to Moscow on Monday.", "CONSULT", {"IND"},
         {"RUS"}, set()),
        ("Scholz will fly to Beijing next week.", "CONSULT", {"DEU"}, {"CHN"}, set()),
        ("Blinken travelled from Washington to Cairo.", "CONSULT", {"USA"}, {"EGY"}, set()),
    ],
    # an act named after "with" on a verb of answering ("retaliated with air strikes") is
    # the answer itself: the verb lends it its subject, as a light verb does
    "answering with an act": [
        ("Israel retaliated with air strikes on Gaza.", "ASSAULT", {"ISR"}, {"PSE"}, set()),
        ("The United States responded with sanctions against Russia.", "SANCTION", {"USA"},
         {"RUS"}, set()),
        ("Ukraine replied with a counteroffensive against Russian troops.", "ASSAULT", {"UKR"},
         {"RUS"}, set()),
    ],
    # what a retreat leaves ("from Gaza", "out of Afghanistan") names whom it yields to,
    # whichever sense codes it
    "what a retreat leaves": [
        ("Israel withdrew its soldiers from Gaza.", "RETREAT", {"ISR"}, {"PSE"}, set()),
        ("Vietnam withdrew its army from Cambodia.", "RETREAT", {"VNM"}, {"KHM"}, set()),
        ("The United States pulled its forces out of Afghanistan.", "RETREAT", {"USA"},
         {"AFG"}, set()),
    ],
}

CASES = [pytest.param(*case, id=f"{cls}: {case[0][:40]}")
         for cls, cases in CLASSES.items() for case in cases]


def _show(doc: Document) -> list[tuple[str, str]]:
    return [(e.event, e.reason) for e in doc.events]


@pytest.mark.parametrize("text, event, actors, recipients, absent", CASES)
def test_sixth_pass_classes(analyze: Callable[..., Document], text: str, event: str,
                            actors: set[str], recipients: set[str], absent: set[str]) -> None:
    check_case(analyze(text, "2024-05-06"), event, actors, recipients, absent)


@pytest.mark.parametrize("text", [
    "Ethiopia welcomed Olusegun Obasanjo.",
    "Ethiopia welcomed former Nigerian president Olusegun Obasanjo.",
    "Kosovo praised Martti Ahtisaari.",
])
def test_with_no_title_or_a_past_one_the_ended_role_stays(
        analyze: Callable[..., Document], text: str) -> None:
    """No title, or a past one ("former president"), says nothing of whom they act for now:
    the country of the role that ended stays."""
    doc = analyze(text, "2024-05-06")
    found = [e for e in doc.events if e.event in ("SUPPORT", "ACCUSE")]
    assert found and {r.country for r in found[0].recipient} <= {"NGA", "FIN"}, _show(doc)
    assert found[0].recipient, _show(doc)


@pytest.mark.parametrize("text", [
    "Greece rejected the plan to send troops to Libya.",
    "Italy criticized the decision to expel the Libyan diplomats.",
    "Steps were taken to expel the Libyan diplomats.",
])
def test_a_plan_rejected_or_without_a_doer_is_not_the_subjects_act(
        analyze: Callable[..., Document], text: str) -> None:
    """Rejecting or criticizing a plan does not make one its doer; a step taken in the
    passive names none."""
    doc = analyze(text, "2024-05-06")
    assert not {e.event for e in doc.events} & {"MOBILIZE", "SANCTION"}, _show(doc)


@pytest.mark.parametrize("text", [
    "Japan introduced economic reforms.",
    "Tunisia extended the curfew.",
    "Iran restricted press freedoms.",
])
def test_reforms_of_the_economy_and_restrictions_are_no_concession(
        analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text, "2024-05-06")
    assert "CONCEDE" not in {e.event for e in doc.events}, _show(doc)


def test_the_goal_of_a_visit_is_its_place(analyze: Callable[..., Document]) -> None:
    doc = analyze("The Kenyan foreign minister flew to Addis Ababa.", "2024-05-06")
    found = [e for e in doc.events if e.event == "CONSULT"]
    assert found and found[0].event_loc is not None, _show(doc)
    assert found[0].event_loc.country == "ETH", _show(doc)


@pytest.mark.parametrize("text", [
    "Russia pulled its troops out of Kherson.",
    "Israel withdrew its soldiers from Gaza.",
    "Turkey pulled its army units back from the Syrian border.",
])
def test_the_forces_an_actor_withdraws_are_its_own(
        analyze: Callable[..., Document], text: str) -> None:
    """As with mobilizing, the troops an actor withdraws are its own, never its recipient."""
    doc = analyze(text, "2024-05-06")
    found = [e for e in doc.events if e.event == "RETREAT"]
    assert found, _show(doc)
    assert not any(r.text in ("troops", "soldiers", "units", "army units")
                   for r in found[0].recipient), _show(doc)


@pytest.mark.parametrize("text, country", [
    ("Iran released Iranian dissidents.", "IRN"),
    ("Hamas freed two American hostages.", "USA"),
    ("Armenia withdrew its forces from the Azerbaijani villages.", "AZE"),
])
def test_whom_a_retreat_frees_or_leaves_stays_its_recipient(
        analyze: Callable[..., Document], text: str, country: str) -> None:
    doc = analyze(text, "2024-05-06")
    found = [e for e in doc.events if e.event == "RETREAT"]
    assert found and country in {r.country for r in found[0].recipient}, _show(doc)


def test_what_is_answered_is_not_the_answerers_act(analyze: Callable[..., Document]) -> None:
    """"Responded to the attack": the attack answered is another's, not the responder's."""
    doc = analyze("Iran responded to the attack on its embassy.", "2024-05-06")
    assert not any(e.event == "ASSAULT" and any(a.country == "IRN" for a in e.actor)
                   for e in doc.events), _show(doc)
