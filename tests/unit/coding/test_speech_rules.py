"""How speech acts and announced acts are coded: a demand reported with "must", the claim a
protest makes, a commitment on an "unless" condition, a vow to fight."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document

pytestmark = pytest.mark.model

CASES = [
    # (sentence, expected type, actor countries (any), recipient countries (any), types that must not appear)
    ("French President Emmanuel Macron told Iran on Monday that it must withdraw its forces from Syria.",
     "REQUEST", {"FRA"}, {"IRN"}, set()),
    ("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday, calling for independence.",
     "PROTEST", {"IRQ"}, set(), {"REQUEST"}),
    ("Hamas said it will boycott the election unless the president steps down.",
     "THREATEN", {"PSE"}, set(), {"REJECT"}),
    ("Syrian rebels have sworn to fight on in Idlib.", "THREATEN", {"SYR"}, set(), {"ASSAULT"}),
    ("Japan said it will send food aid to North Korea.", "AGREE", {"JPN"}, {"PRK"}, {"AID"}),
]


@pytest.mark.parametrize("text, event, actors, recipients, absent", CASES)
def test_speech_and_announced_acts(analyze: Callable[..., Document], text: str, event: str,
                                   actors: set[str], recipients: set[str],
                                   absent: set[str]) -> None:
    doc = analyze(text, "2024-05-06")
    coded = {e.event for e in doc.events}
    assert event in coded, [(e.event, e.reason) for e in doc.events]
    assert not coded & absent, [(e.event, e.reason) for e in doc.events]
    ev = next(e for e in doc.events if e.event == event)
    if actors:
        assert actors & {a.country for a in ev.actor}, ev.reason
    if recipients:
        assert recipients & {r.country for r in ev.recipient}, ev.reason
