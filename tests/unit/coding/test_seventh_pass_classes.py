"""Seventh pass (issue 10): coverage and argument structure by class, each class on sentences
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
    # an imported (CAMEO) pattern finds its recipient where its type's hand-written ones do:
    # what an attack is aimed at, what a seizure is taken from
    "the type's recipient positions for imported patterns": [
        ("Iraqi militias fired rockets at American bases.", "ASSAULT", {"IRQ"}, {"USA"},
         set()),
        ("The army seized weapons from Libyan smugglers.", "COERCE", set(), {"LBY"}, set()),
        ("Rebels captured a town from Malian forces.", "COERCE", set(), {"MLI"}, set()),
        ("Protesters threw stones at Israeli soldiers.", "PROTEST", set(), {"ISR"}, set()),
    ],
    # a force moved or stood down in the passive with no agent is moved by whose it is
    "whose forces are moved, in the passive": [
        ("Two hundred Ugandan troops were withdrawn from Somalia on Friday.", "RETREAT",
         {"UGA"}, {"SOM"}, set()),
        ("Thousands of Ethiopian soldiers were demobilized after the war.", "RETREAT", {"ETH"},
         set(), set()),
        ("Kenyan police officers were sent to Haiti.", "MOBILIZE", {"KEN"}, {"HTI"}, set()),
        ("French peacekeepers were pulled out of Mali.", "SANCTION", {"FRA"}, {"MLI"},
         set()),
    ],
    # a preposition after a sense written by hand adds a complement, not another sense
    "a preposition keeps the hand-written sense": [
        ("Nigeria sent warships to the coast of Cameroon.", "MOBILIZE", {"NGA"}, {"CMR"},
         {"AGREE"}),
        ("Britain sent warships to the Gulf.", "MOBILIZE", {"GBR"}, set(), {"AGREE"}),
        ("Japan lodged a protest of the incursion.", "ACCUSE", {"JPN"}, set(), {"PROTEST"}),
    ],
    # a boundary names the state on its other side, past the possessor that is its own
    "the state across a border": [
        ("India deployed troops to the border with China.", "MOBILIZE", {"IND"}, {"CHN"},
         set()),
        ("Iran moved missiles to its border with Iraq.", "MOBILIZE", {"IRN"}, {"IRQ"}, set()),
        ("Kenya reopened its border with Somalia.", "RETREAT", {"KEN"}, {"SOM"}, set()),
        ("The border with Iraq was closed by Syria.", "COERCE", {"SYR"}, {"IRQ"}, set()),
    ],
}

CASES = [pytest.param(*case, id=f"{cls}: {case[0][:40]}")
         for cls, cases in CLASSES.items() for case in cases]


def _show(doc: Document) -> list[tuple[str, str]]:
    return [(e.event, e.reason) for e in doc.events]


@pytest.mark.parametrize("text, event, actors, recipients, absent", CASES)
def test_seventh_pass_classes(analyze: Callable[..., Document], text: str, event: str,
                              actors: set[str], recipients: set[str], absent: set[str]) -> None:
    check_case(analyze(text, "2024-05-06"), event, actors, recipients, absent)


@pytest.mark.parametrize("text", [
    "A diplomat involved in the talks between Sudan and Chad said on Monday that progress "
    "was slow.",
    "Officials working to broker a deal between Israel and Hamas said the gaps remained.",
    "A source close to the negotiations between Iran and the United States said a deal "
    "was near.",
    "Prices rose again, a member of the Qatari team trying to mediate a truce has said.",
])
def test_how_the_source_is_named_is_no_event(analyze: Callable[..., Document],
                                             text: str) -> None:
    """A modifier of the one who reports ("a diplomat involved in the talks said") says who
    speaks; it tells no act of the day."""
    doc = analyze(text, "2024-05-06")
    assert not doc.events, _show(doc)


@pytest.mark.parametrize("text, event", [
    ("Russian troops attacked the village, a Ukrainian official said.", "ASSAULT"),
    ("The envoy who met Putin on Monday said the talks were useful.", "CONSULT"),
    ("Egypt's foreign minister said Israel had attacked the convoy.", "ASSAULT"),
])
def test_what_the_source_reports_or_did_itself_stays(analyze: Callable[..., Document],
                                                     text: str, event: str) -> None:
    doc = analyze(text, "2024-05-06")
    assert event in {e.event for e in doc.events}, _show(doc)


def test_according_to_is_no_word_of_a_sense(analyze: Callable[..., Document]) -> None:
    """"According to" names the source: its "accord" is no agreement."""
    doc = analyze("According to the report, Syrian forces used chemical weapons.", "2024-05-06")
    assert "AGREE" not in {e.event for e in doc.events}, _show(doc)
    assert "ASSAULT" in {e.event for e in doc.events}, _show(doc)


@pytest.mark.parametrize("text", [
    "Civilians were evacuated from Gaza.",
    "Two French hostages were released in Mali.",
    "Three Russian diplomats were expelled from Poland.",
])
def test_people_moved_in_the_passive_do_not_act(analyze: Callable[..., Document],
                                                text: str) -> None:
    """Civilians evacuated, hostages freed, diplomats expelled are acted on, never the
    actor."""
    doc = analyze(text, "2024-05-06")
    assert not any(a.country in ("FRA", "RUS") or a.text == "Civilians"
                   for e in doc.events for a in e.actor), _show(doc)
