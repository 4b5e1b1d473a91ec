"""Seventh pass (issue 10): datelines, places and recipients by class, each class on
sentences written for it (never a gold sentence)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.coding.places import resolve_place
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


# a country's capital named is that capital; a city's own name names it, not a larger city
# the name is only a variant of; an old name of a great city stays that city
@pytest.mark.parametrize("name, country", [
    ("Islamabad", "PAK"), ("Dili", "TLS"), ("Zaragoza", "ESP"), ("Jayapura", "IDN"),
    ("Salem", "IND"), ("Odessa", "UKR"), ("Calcutta", "IND"), ("Kiev", "UKR"),
])
def test_a_capital_or_city_resolves_to_its_own_country(name: str, country: str) -> None:
    place = resolve_place(name)
    assert place is not None and place.country == country, place


@pytest.mark.parametrize("text, country", [
    ("Afghan and Iranian envoys held talks in Islamabad on Monday.", "PAK"),
    ("Australian and Timorese ministers signed a maritime deal in Dili.", "TLS"),
    ("Dutch and Belgian officials met in Zaragoza.", "ESP"),
])
def test_the_event_in_a_capital_is_placed_in_its_country(
        analyze: Callable[..., Document], text: str, country: str) -> None:
    doc = analyze(text, "2024-05-06")
    places = [e.event_loc.country for e in doc.events if e.event_loc is not None]
    assert places and set(places) == {country}, _show(doc)


# a place's name takes no complement: a with-, against- or on-phrase the parser hung on the
# place of the event ("in Lahore against India") is the verb's, and names the recipient
@pytest.mark.parametrize("text, event, recipient", [
    ("Protesters rallied in Lahore against India.", "PROTEST", "IND"),
    ("Students demonstrated in Dhaka against Myanmar.", "PROTEST", "MMR"),
    ("The Kenyan president held talks in Geneva with Ethiopia.", "CONSULT", "ETH"),
])
def test_a_complement_hung_on_the_place_is_the_verbs(
        analyze: Callable[..., Document], text: str, event: str, recipient: str) -> None:
    doc = analyze(text, "2024-05-06")
    found = [e for e in doc.events if e.event == event]
    assert found and {r.country for r in found[0].recipient} == {recipient}, _show(doc)
