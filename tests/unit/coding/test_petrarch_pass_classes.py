"""Seventh pass (issue 10): datelines, places and recipients by class, each class on
sentences written for it (never a gold sentence)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document
from unit.coding.test_argument_classes import _show

pytestmark = pytest.mark.model


# a dateline glued to the story's first words is a segment of its own: its place is not the
# actor, its day not the event's date
@pytest.mark.parametrize("text, actor, day", [
    ("LIMA, June 14 (Reuters) - Peruvian President Dina Boluarte met Chilean President "
     "Gabriel Boric on Thursday.", "PER", "2024-06-13"),
    ("ANKARA, Turkey, June 12 - Turkish troops shelled Kurdish positions near Kobani on "
     "Tuesday.", "TUR", "2024-06-11"),
    ("NAIROBI, 14 June 2024 /Xinhua/ -- Kenya's foreign minister held talks with a Somali "
     "envoy on Monday.", "KEN", "2024-06-10"),
])
def test_a_dateline_is_neither_actor_nor_date(analyze: Callable[..., Document], text: str,
                                             actor: str, day: str) -> None:
    doc = analyze(text, "2024-06-14")
    assert doc.events, text
    event = doc.events[0]
    assert [a.country for a in event.actor] == [actor], _show(doc)
    assert not any(a.text.isupper() for a in event.actor), _show(doc)
    assert event.date == day and event.aux_mode != "historical", _show(doc)


def test_an_agency_dateline_with_no_day_is_no_actor(analyze: Callable[..., Document]) -> None:
    doc = analyze("ACCRA (AP) - Ghana expelled two Togolese diplomats.", "2024-06-03")
    assert doc.events and all(a.text != "ACCRA" for e in doc.events for a in e.actor), \
        _show(doc)
