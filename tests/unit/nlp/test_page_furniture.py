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


# a widget of related headlines that a site inlines after a name, ending in "MORE" (our own
# sentences, in the layout such sites print)
@pytest.mark.parametrize(("text", "junk"), [
    ("Chilean President Gabriel Boric Gabriel Font BoricPeru expels Bolivian envoy Kenya "
     "condemns the coup in Niger MORE met Argentine leaders on Monday.", {"Peru", "Niger"}),
    ("Kenyan President William Ruto William Samoei RutoTurkey threatens Greece over islands "
     "Sweden blames Iran for attack MORE spoke in Nairobi on Monday.", {"Turkey", "Iran"}),
    ("Senator Ann Dale Ann Marie DaleSenate passes farm bill Dale: 'I will fight for farmers' "
     "Japan recalls envoy from China MORE said the vote would come on Friday.", {"Japan"}),
])
def test_an_inlined_widget_of_related_headlines_is_furniture(
        analyze: Callable[..., Document], text: str, junk: set[str]) -> None:
    doc = analyze(text, "2023-03-21")
    found = {m.text.strip() for a in doc.actors for m in a.mentions}
    assert not any(j in f for j in junk for f in found), found
    assert not [e for e in doc.events if e.event in ("SANCTION", "THREATEN", "ACCUSE")]
    assert not any("fight for farmers" in q.content.text for q in doc.quotes)


def test_capitals_and_more_in_prose_are_not_a_widget(analyze: Callable[..., Document]) -> None:
    doc = analyze("He watched YouTube videos all day. MORE Kenyan troops crossed into Somalia "
                  "on Monday.", "2023-03-21")
    assert any("Kenyan" in m.text for a in doc.actors for m in a.mentions)
