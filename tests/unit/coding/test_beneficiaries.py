"""Recipients from whom an act is for or whom it lets act, when no recipient is named in
the act's own words: the object of a purpose clause of helping or defending, and the one
let (or not let) act by a verb of permission in the act's complement."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "event", "recipient"), [
    ("Norway sent weapons to help defend Estonia.", "AID", "EST"),
    ("Japan deployed troops to protect Iraq's oil fields.", "MOBILIZE", "IRQ"),
    ("France dispatched warships to guard Cyprus.", "MOBILIZE", "CYP"),
    ("Canada shipped rifles to help Latvia.", "AID", "LVA"),
])
def test_the_object_of_a_purpose_of_helping_is_the_recipient(
        analyze: Callable[..., Document], text: str, event: str, recipient: str) -> None:
    doc = analyze(text)
    evs = [e for e in doc.events if e.event == event]
    assert evs and [r.country for r in evs[0].recipient] == [recipient], \
        [(e.event, e.reason) for e in doc.events]


@pytest.mark.parametrize(("text", "recipient"), [
    ("The Chinese army refused to allow Indian patrols to enter the valley.", "IND"),
    ("Iran refused to let IAEA inspectors visit the site.", "IGO"),
    ("Hungary refused to permit Ukrainian trucks to cross the border.", "UKR"),
])
def test_the_one_not_let_act_is_the_recipient_of_the_refusal(
        analyze: Callable[..., Document], text: str, recipient: str) -> None:
    doc = analyze(text)
    evs = [e for e in doc.events if e.event == "REJECT"]
    assert evs and all(recipient in [r.country for r in e.recipient] for e in evs), \
        [(e.event, e.reason) for e in doc.events]


@pytest.mark.parametrize("text", [
    # an aim that is not helping names no one helped
    "Police deployed officers to disperse the protesters in Lima.",
    "Germany sent tanks to Poland to reinforce its eastern flank.",
])
def test_other_aims_keep_their_recipients(analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text)
    assert doc.events and all(r.country in ("PER", "POL") for e in doc.events
                              for r in e.recipient), [(e.event, e.reason) for e in doc.events]
