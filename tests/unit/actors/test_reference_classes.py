"""Mentions that point back to actors already named, or speak for a body by its seat: four
classes, each on sentences written for these tests, run through the real pipeline.

- a seat of government as the modifier of a generic title speaks for the body it houses
  ("a Pentagon spokesman" -> USA, MIL);
- a definite title with no country of its own is the one last introduced with that title
  ("A Pentagon spokesman said ... The spokesman added ...");
- "his Ugandan counterpart": the possessor's office in the modifier's country, its holder
  that day when the knowledge base knows one;
- "the two leaders", "both countries": the two parties of different countries just named.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Actor, Document

pytestmark = pytest.mark.model

DATE = "2024-05-15"


def actor_at(doc: Document, words: str, nth: int = 1) -> Actor | None:
    """The actor one of whose mentions covers the nth occurrence of ``words``."""
    text = doc.article.text
    start = -1
    for _ in range(nth):
        start = text.find(words, start + 1)
    assert start >= 0, f"{words!r} not in the text"
    end = start + len(words)
    for actor in doc.actors:
        if any(m.start < end and start < m.end for m in actor.mentions):
            return actor
    return None


@pytest.mark.parametrize(("text", "words", "country", "sector"), [
    ("A Pentagon spokesman said the exercises would go ahead.", "spokesman", "USA", "MIL"),
    ("A State Department official said the embargo would stay.", "official", "USA", "GOV"),
    ("A Downing Street spokeswoman said the talks would resume.", "spokeswoman", "GBR", "GOV"),
])
def test_a_seat_names_the_body_a_generic_title_speaks_for(
        analyze: Callable[..., Document], text: str, words: str, country: str,
        sector: str) -> None:
    actor = actor_at(analyze(text, DATE), words)
    assert actor is not None and (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(("text", "words"), [
    ("A Pentagon spokesman said the exercises would go ahead. The spokesman added that "
     "allies had been told.", "spokesman"),
    ("An Iranian diplomat said the talks had been useful. The diplomat said a deal was near.",
     "diplomat"),
    ("A senior Chinese official praised the plan on Monday. Later the official said more "
     "help would follow.", "official"),
])
def test_a_definite_title_is_the_one_introduced_with_it(
        analyze: Callable[..., Document], text: str, words: str) -> None:
    doc = analyze(text, DATE)
    first, second = actor_at(doc, words, 1), actor_at(doc, words, 2)
    assert first is not None and first.country is not None
    assert second is not None and second.id == first.id
    # and what the second one says is given to that actor
    assert any(q.speaker is not None and q.speaker.country == first.country
               and q.content.start > text.find(words, text.find(words) + 1)
               for q in doc.quotes)


def test_a_definite_title_of_another_country_stays_apart(
        analyze: Callable[..., Document]) -> None:
    doc = analyze("A Russian diplomat met reporters. The Turkish diplomat said nothing.", DATE)
    assert actor_at(doc, "diplomat", 2).country == "TUR"  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "country", "who"), [
    ("Brazil's foreign minister met his South African counterpart in Brasilia.", "ZAF",
     "Naledi Pandor"),
    ("The Indian defence minister spoke with his Australian counterpart by phone.", "AUS",
     "Richard Marles"),
    ("Germany's finance minister will meet her French counterpart next week.", "FRA", None),
])
def test_a_counterpart_holds_the_possessors_office_in_its_country(
        analyze: Callable[..., Document], text: str, country: str, who: str | None) -> None:
    actor = actor_at(analyze(text, DATE), "counterpart")
    assert actor is not None and actor.country == country and actor.sector == "GOV"
    if who is not None:
        assert actor.name == who
    else:  # no single holder known that day: the country's office, not a person
        assert actor.office and "minister" in actor.office.lower()


@pytest.mark.parametrize(("text", "words", "countries"), [
    ("Kenya's president met his Ugandan counterpart in Nairobi, and the two leaders signed a "
     "trade deal.", "leaders", {"KEN", "UGA"}),
    ("Officials from Vietnam met envoys of the Philippines in Hanoi. Both countries agreed to "
     "hold more talks.", "countries", {"VNM", "PHL"}),
    ("Egypt's foreign minister spoke with Qatar's prime minister on Sunday, and the two men "
     "agreed to keep the crossing open.", "men", {"EGY", "QAT"}),
])
def test_the_two_of_them_are_the_two_parties_just_named(
        analyze: Callable[..., Document], text: str, words: str, countries: set[str]) -> None:
    doc = analyze(text, DATE)
    start = doc.article.text.find(words)
    mentioned = {a.country for a in doc.actors
                 if any(m.start <= start < m.end for m in a.mentions)}
    assert mentioned == countries
    agreed = [e for e in doc.events if e.event == "AGREE"]
    assert agreed and {p.country for p in agreed[0].actor} == countries


def test_two_parties_with_their_own_modifier_are_not_an_anaphor(
        analyze: Callable[..., Document]) -> None:
    doc = analyze("Switzerland expelled two Russian diplomats for spying.", DATE)
    (expel,) = [e for e in doc.events if e.event == "SANCTION"]
    assert {p.country for p in expel.recipient} == {"RUS"}


@pytest.mark.parametrize("text", [
    "Brazil and Chile signed a trade pact on Monday. Israel's foreign ministry rejected the "
    "plan and accused both countries of ignoring the hostages.",
    "Brazil's president met Chile's president on Monday. Israel criticised both leaders.",
])
def test_the_one_who_acts_on_the_pair_is_not_one_of_them(
        analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text, DATE)
    (hostile,) = [e for e in doc.events if e.event == "ACCUSE"]
    assert {p.country for p in hostile.actor} == {"ISR"}
    assert {p.country for p in hostile.recipient} == {"BRA", "CHL"}


@pytest.mark.parametrize(("text", "event", "countries"), [
    ("Officials from Ethiopia and Somalia met in Nairobi.", "CONSULT", {"ETH", "SOM"}),
    ("Envoys from Armenia and Azerbaijan held talks in Geneva on Friday.", "CONSULT",
     {"ARM", "AZE"}),
    ("Ministers from Ghana, Togo and Benin agreed to share border patrols.", "AGREE",
     {"GHA", "TGO", "BEN"}),
])
def test_a_group_from_coordinated_countries_is_a_group_of_each(
        analyze: Callable[..., Document], text: str, event: str, countries: set[str]) -> None:
    doc = analyze(text, DATE)
    hits = [e for e in doc.events if e.event == event]
    assert hits and {p.country for p in hits[0].actor} == countries


@pytest.mark.parametrize(("text", "words"), [
    ("The Social Democrats won the vote in Stockholm.", "Democrats"),
    ("In Berlin, the Free Democrats backed the bill.", "Democrats"),
    ("The Young Conservatives held a rally in Leeds.", "Conservatives"),
])
def test_a_creed_word_makes_another_party_of_a_party_alias(
        analyze: Callable[..., Document], text: str, words: str) -> None:
    actor = actor_at(analyze(text, DATE), words)
    assert actor is None or actor.country is None


@pytest.mark.parametrize(("text", "words", "country"), [
    ("Democrats opposed the sanctions.", "Democrats", "USA"),
    ("American Democrats criticized the deal.", "Democrats", "USA"),
    ("Republicans blocked the bill in the Senate.", "Republicans", "USA"),
])
def test_a_party_alias_alone_is_the_party(analyze: Callable[..., Document], text: str,
                                          words: str, country: str) -> None:
    actor = actor_at(analyze(text, DATE), words)
    assert actor is not None and actor.country == country
