"""Page furniture on scraped pages (bylines, timestamps, menus, credits, pointers to other
pages) names no actor and codes no event; the news text around it is read as before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document

pytestmark = pytest.mark.model

NEWS = "Israeli police arrested two Palestinian activists in Jerusalem."


@pytest.mark.parametrize("furniture, names", [
    ("By John Smith and Olena Petrova, Reuters", {"John Smith", "Olena Petrova"}),
    ("Posted by Admin on 21 March 2023 | 5 min read", {"Admin"}),
    ("Reporting by Maria Kowalska; Editing by Peter Graff", {"Maria Kowalska", "Peter Graff"}),
    ("Photo: Reuters/Evgenia Novozhenina", {"Evgenia Novozhenina"}),
    ("Home | World | Politics | Business | Ukraine", {"Ukraine"}),
    ("Updated 10:45 AM EST, Tue March 21, 2023", set()),
])
def test_furniture_names_no_actor(analyze: Callable[..., Document], furniture: str,
                                  names: set[str]) -> None:
    doc = analyze(f"{furniture}\n{NEWS}", "2023-03-21")
    found = {m.text.strip() for a in doc.actors for m in a.mentions}
    assert not any(n in f or f in n for n in names for f in found if f), found
    assert [e.event for e in doc.events] == ["COERCE"], [(e.event, e.reason) for e in doc.events]


@pytest.mark.parametrize("pointer", [
    "Read more: Xi arrives in Moscow for talks with Putin",
    "Related: Russia shells Kharkiv as talks stall",
    "Watch: Biden meets Zelensky in Kyiv",
])
def test_a_pointer_to_another_page_codes_no_event(analyze: Callable[..., Document],
                                                  pointer: str) -> None:
    doc = analyze(f"{NEWS}\n{pointer}\n", "2023-03-21")
    assert [e.event for e in doc.events] == ["COERCE"], [(e.event, e.reason) for e in doc.events]


@pytest.mark.parametrize("text, event", [
    ("By Tuesday, Russia had withdrawn its troops from Kherson.", "RETREAT"),
    ("Credit Suisse said Swiss regulators had sued the bank.", "ACCUSE"),
    ("Watchdogs accused Hungary of curbing press freedom.", "ACCUSE"),
])
def test_news_that_starts_like_furniture_is_read(analyze: Callable[..., Document], text: str,
                                                 event: str) -> None:
    doc = analyze(text, "2023-03-21")
    assert event in {e.event for e in doc.events}, [(e.event, e.reason) for e in doc.events]
