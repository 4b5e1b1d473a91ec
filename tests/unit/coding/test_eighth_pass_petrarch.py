"""Eighth pass on PETRARCH-2 (issue 10): event classes found on half A's errors, each on
sentences written for it (never a gold sentence)."""

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
    # any verb of making closer with any noun of ties is cooperation; intended, an offer
    "making ties closer": [
        ("Egypt bolstered its partnership with Greece.", "COOPERATE", {"EGY"}, {"GRC"},
         set()),
        ("Norway and Iceland cemented their links last year.", "COOPERATE", {"NOR", "ISL"},
         set(), set()),
        ("Chile and Peru are seeking to deepen a partnership in mining, a Chilean minister "
         "said.", "AGREE", {"CHL"}, set(), {"COOPERATE"}),
        ("Vietnam wants to enhance relations with the Philippines.", "AGREE", {"VNM"},
         {"PHL"}, set()),
    ],
}

CASES = [pytest.param(*case, id=f"{cls}: {case[0][:40]}")
         for cls, cases in CLASSES.items() for case in cases]


@pytest.mark.parametrize("text, event, actors, recipients, absent", CASES)
def test_eighth_pass_classes(analyze: Callable[..., Document], text: str, event: str,
                             actors: set[str], recipients: set[str], absent: set[str]) -> None:
    check_case(analyze(text, "2024-05-06"), event, actors, recipients, absent)


def test_both_parties_seeking_closer_ties_are_actors(analyze: Callable[..., Document]) -> None:
    """Two parties named together as subject of the intent both offer it."""
    doc = analyze("Chile and Peru are seeking to deepen a partnership in mining.", "2024-05-06")
    agree = [e for e in doc.events if e.event == "AGREE"]
    assert agree and {"CHL", "PER"} <= {a.country for a in agree[0].actor}, doc.events
