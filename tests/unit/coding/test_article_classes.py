"""Article-level classes of error: what an event's place, its recipient or its parties are
when the words that name them point back across the article, or sit inside the argument.
Each class on texts written for these tests, run through the real pipeline.

- a place in a clause that modifies a noun inside the event's argument (a participle, a
  relative clause, a gerund after a preposition) is that clause's, not the event's: neither
  its place nor its recipient;
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document, Event

pytestmark = pytest.mark.model

DATE = "2024-05-15"


def only(doc: Document, event: str) -> Event:
    (found,) = [e for e in doc.events if e.event == event]
    return found


def countries(parties: tuple[object, ...]) -> set[str | None]:
    return {getattr(p, "country", None) for p in parties}


# ----------------------------------------------------------------- places inside the argument
@pytest.mark.parametrize(("text", "recipient", "place"), [
    ("Egypt criticised Ethiopia for neglecting the farmers living in Sudan.", "ETH", "SDN"),
    ("Jordan condemned Israel for ignoring the families stranded in Gaza.", "ISR", "PSE"),
    ("Canada accused Russia of shelling a hospital in Kharkiv.", "RUS", "UKR"),
])
def test_a_place_inside_the_argument_is_not_the_events(
        analyze: Callable[..., Document], text: str, recipient: str, place: str) -> None:
    accuse = only(analyze(text, DATE), "ACCUSE")
    assert countries(accuse.recipient) == {recipient}
    assert accuse.event_loc is None or accuse.event_loc.country != place


def test_a_participle_on_the_events_own_object_still_places_it(
        analyze: Callable[..., Document]) -> None:
    doc = analyze("Ministers of Chile attended the summit held in Geneva on Monday.", DATE)
    consult = only(doc, "CONSULT")
    assert consult.event_loc is not None and consult.event_loc.country == "CHE"
