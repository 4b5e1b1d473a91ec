"""Trigger and argument coverage by class, on sentences of our own: verbs of bombardment,
verbs of making ties closer, objects named with an of-complement ("a state of emergency"),
whose act an of-complement names ("the proposal of Egypt"), a crowd named by its number
("thousands rallied"), a town attacked standing for its state, and a length of time that is
no date ("sentenced to 19 years")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.coding.dates import resolve
from parley.model import Document

pytestmark = pytest.mark.model


def _events(doc: Document) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [(e.event, [a.country for a in e.actor], [r.country for r in e.recipient])
            for e in doc.events]


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian forces pounded Kharkiv with rockets overnight.", ("ASSAULT", ["RUS"], ["UKR"])),
    ("Israeli jets bombed Khan Younis on Monday.", ("ASSAULT", ["ISR"], ["PSE"])),
    ("Syrian jets pummelled rebel positions near Idlib.", ("ASSAULT", ["SYR"], ["SYR"])),
])
def test_bombardment_of_a_town_is_an_assault_on_its_state(
        analyze: Callable[..., Document], text: str, expected: tuple) -> None:
    assert expected in _events(analyze(text)), [(e.event, e.reason) for e in analyze(text).events]


@pytest.mark.parametrize(("text", "expected"), [
    ("Vietnam and Australia upgraded their ties to a strategic partnership.",
     ("COOPERATE", ["VNM", "AUS"], [])),
    ("Japan strengthened ties with the Philippines.", ("COOPERATE", ["JPN"], ["PHL"])),
    ("India and the UAE deepened cooperation on energy.", ("COOPERATE", ["IND", "ARE"], [])),
])
def test_making_ties_closer_is_cooperation(analyze: Callable[..., Document], text: str,
                                           expected: tuple) -> None:
    assert expected in _events(analyze(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Peru declared a state of emergency in Lima.", ("COERCE", ["PER"], ["PER"])),
    ("Israel accepted the proposal of Egypt.", ("AGREE", ["ISR"], ["EGY"])),
    ("Serbia rejected the demands of the European Union.", ("REJECT", ["SRB"], ["IGO"])),
])
def test_an_object_and_its_of_complement(analyze: Callable[..., Document], text: str,
                                         expected: tuple) -> None:
    assert expected in _events(analyze(text))


@pytest.mark.parametrize("text", [
    "Thousands rallied in Tel Aviv against the judicial overhaul.",
    "Hundreds marched through Nairobi on Tuesday.",
    "Dozens protested outside the embassy in Seoul.",
])
def test_a_crowd_named_by_its_number_protests(analyze: Callable[..., Document],
                                              text: str) -> None:
    assert "PROTEST" in {e.event for e in analyze(text).events}


@pytest.mark.parametrize("text", ["19 years", "for 5 days", "72 hours", "three-year"])
def test_a_length_of_time_is_no_date(text: str) -> None:
    assert resolve(text, "2023-03-20", "past") == (None, None)


@pytest.mark.parametrize(("text", "day"), [
    ("10 years ago", ("2013-01-01", "year")), ("in 2005", ("2005-01-01", "year")),
    ("two weeks ago", ("2023-03-06", "week")),
])
def test_points_in_time_still_resolve(text: str, day: tuple[str, str]) -> None:
    assert resolve(text, "2023-03-20", "past") == day


def test_a_sentence_is_not_dated_by_its_length(analyze: Callable[..., Document]) -> None:
    doc = analyze("The court sentenced the opposition leader to 19 years in prison.")
    assert doc.events and all(e.aux_mode != "historical" for e in doc.events), \
        [(e.event, e.aux_mode, e.reason) for e in doc.events]
