"""A country named as the place of an event resolves to that country, by any of the names
the knowledge base gives it ("the US", "the UK", "Britain"), before any city of that name."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.coding.places import resolve_place
from parley.model import Document


@pytest.mark.parametrize(("name", "country"), [
    ("US", "USA"), ("the U.S.", "USA"), ("America", "USA"),
    ("UK", "GBR"), ("Britain", "GBR"), ("Great Britain", "GBR"),
    ("Georgia", "GEO"), ("Mexico", "MEX"), ("Luxembourg", "LUX"),
])
def test_a_country_by_any_of_its_names(name: str, country: str) -> None:
    place = resolve_place(name)
    assert place is not None and place.country == country, place


def test_a_short_name_gives_the_country_s_own_entry() -> None:
    place = resolve_place("UK")
    assert place is not None and place.name == "United Kingdom" and place.geonameid


@pytest.mark.model
@pytest.mark.parametrize(("text", "country"), [
    ("Protesters rallied against the new tax in the UK on Saturday.", "GBR"),
    ("The company was sued by regulators in the US last week.", "USA"),
    ("Dockworkers went on strike in Britain on Monday.", "GBR"),
])
def test_the_place_of_an_event_named_by_a_short_name(analyze: Callable[..., Document],
                                                     text: str, country: str) -> None:
    doc = analyze(text)
    places = [e.event_loc for e in doc.events if e.event_loc is not None]
    assert places and all(p.country == country for p in places), \
        [(e.event, e.event_loc, e.reason) for e in doc.events]
