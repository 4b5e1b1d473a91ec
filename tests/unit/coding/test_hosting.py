"""Hosting a visitor (issue 10): "welcomed X to Y" with a person or a state as X is a visit
received (CONSULT, mode visit), not praise; a course or a thing welcomed stays SUPPORT.
Sentences of our own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document
from unit.coding.test_argument_classes import check_case

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, host, guest", [
    ("The Kenyan president welcomed his Ghanaian counterpart to Nairobi on Monday.", "KEN", "GHA"),
    ("The Turkish president welcomed the Iraqi prime minister to Ankara.", "TUR", "IRQ"),
    ("Egypt's president welcomed the Jordanian king to Cairo on Sunday.", "EGY", "JOR"),
])
def test_welcoming_a_visitor_to_a_place_is_a_visit(analyze: Callable[..., Document], text: str,
                                                   host: str, guest: str) -> None:
    doc = analyze(text, "2024-05-06")
    check_case(doc, "CONSULT", {host}, {guest}, {"SUPPORT"})
    assert any("visit" in e.mode for e in doc.events if e.event == "CONSULT")


@pytest.mark.parametrize("text", [
    "Germany welcomed the deal in a statement on Monday.",
    "The French president welcomed the ceasefire.",
    "Norway welcomed the Indian decision to free the prisoners.",
])
def test_welcoming_a_course_is_still_support(analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text, "2024-05-06")
    check_case(doc, "SUPPORT", set(), set(), {"CONSULT"})
