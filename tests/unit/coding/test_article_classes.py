"""Article-level classes of error: what an event's place, its recipient or its parties are
when the words that name them point back across the article, or sit inside the argument.
Each class on texts written for these tests, run through the real pipeline.

- a place in a clause that modifies a noun inside the event's argument (a participle, a
  relative clause, a gerund after a preposition) is that clause's, not the event's: neither
  its place nor its recipient;
- a definite plural pair ("both countries", "the two sides") with no two parties in its own
  sentence or the one before is the pair that was last the subject of a clause of the
  article ("Egypt and Jordan signed ... Iran criticised both countries");
- a bare definite act noun acted on ("rejected the call", "accepted the offer") names the act
  the article told: its recipient is the actor of the latest earlier event told with the
  noun's verb ("called for"), else of the latest event of the noun's type;
- a headline event that an event of the body tells again (same type, a party of the same
  country) is that one event: the headline's copy is left out.
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


# ----------------------------------------------------------------- a pair named further back
@pytest.mark.parametrize(("text", "event", "actor", "pair"), [
    ("Egypt and Jordan signed a water agreement in Amman on Monday. The deal covers the next "
     "decade. Officials said pumping would start in June. Iran criticised both countries on "
     "Tuesday.", "ACCUSE", "IRN", {"EGY", "JOR"}),
    ("Japan's prime minister met the Indian prime minister in Tokyo on Friday, and the two "
     "leaders agreed to expand naval drills. China's embassy issued a statement. It said the "
     "drills were a threat. Beijing warned both governments against provocations.",
     "THREATEN", "CHN", {"JPN", "IND"}),
    ("Ghana and Togo closed their shared border on Sunday. Traders were stranded for hours. "
     "Many trucks were turned back. Nigeria urged the two sides to reopen it.", "REQUEST",
     "NGA", {"GHA", "TGO"}),
])
def test_a_pair_points_back_to_the_pair_that_last_acted(
        analyze: Callable[..., Document], text: str, event: str, actor: str,
        pair: set[str]) -> None:
    found = only(analyze(text, DATE), event)
    assert countries(found.actor) == {actor}
    assert countries(found.recipient) == pair


def test_the_latest_pair_is_the_one_meant(analyze: Callable[..., Document]) -> None:
    doc = analyze("Egypt and Jordan signed a water agreement on Monday. Kenya and Uganda held "
                  "talks on Tuesday. The talks went well. Analysts were surprised. Iran "
                  "criticised both countries.", DATE)
    assert countries(only(doc, "ACCUSE").recipient) == {"KEN", "UGA"}


@pytest.mark.parametrize("text", [
    "Brazil's foreign minister met his South African counterpart on Monday, and the two "
    "governments called for a ceasefire in Yemen. Saudi Arabia accused both countries of bias.",
    "Peru and Chile called for talks in Bolivia on Monday. Argentina criticised both "
    "countries.",
    "India and Japan held naval drills near Sri Lanka on Friday. China warned both countries.",
])
def test_a_place_named_in_the_window_is_not_one_of_the_pair(
        analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text, DATE)
    (hostile,) = [e for e in doc.events if e.event in ("ACCUSE", "THREATEN")]
    assert not {"YEM", "BOL", "LKA"} & countries(hostile.recipient)
    assert len(countries(hostile.recipient)) == 2


def test_two_people_are_not_the_two_states_that_last_acted(
        analyze: Callable[..., Document]) -> None:
    doc = analyze("Egypt and Jordan signed a water agreement on Monday. Officials praised it. "
                  "Prices fell. Police arrested both men on Tuesday.", DATE)
    for e in doc.events:
        if e.trigger.start > doc.article.text.index("Police"):
            assert not {"EGY", "JOR"} & countries(e.recipient)


def test_a_pair_with_nothing_to_point_to_names_no_one(
        analyze: Callable[..., Document]) -> None:
    doc = analyze("Egypt's president visited Sudan on Monday. Trade was discussed. Prices "
                  "rose. Iran criticised both countries.", DATE)
    accuse = only(doc, "ACCUSE")
    assert not {"EGY", "SDN"} & countries(accuse.recipient)


# ----------------------------------------------------------------- "rejected the call"
@pytest.mark.parametrize(("text", "event", "actor", "recipient"), [
    ("Chile called for new elections in Venezuela on Monday. Venezuela's government "
     "rejected the call on Tuesday.", "REJECT", "VEN", "CHL"),
    ("Ethiopia demanded access to the sea. Eritrea dismissed the demand.", "REJECT", "ERI",
     "ETH"),
    ("Japan offered to host talks between the two Koreas. North Korea rejected the offer.",
     "REJECT", "PRK", "JPN"),
    ("Turkey offered to mediate between Armenia and Azerbaijan. Russia welcomed the "
     "proposal.", "SUPPORT", "RUS", "TUR"),
])
def test_the_act_noun_names_the_act_told_and_its_actor(
        analyze: Callable[..., Document], text: str, event: str, actor: str,
        recipient: str) -> None:
    found = only(analyze(text, DATE), event)
    assert countries(found.actor) == {actor}
    assert countries(found.recipient) == {recipient}


def test_the_call_is_the_one_told_with_its_verb(analyze: Callable[..., Document]) -> None:
    doc = analyze("Norway called for a truce in Yemen on Monday. Oman urged restraint on "
                  "Tuesday. Saudi Arabia rejected the call.", DATE)
    assert countries(only(doc, "REJECT").recipient) == {"NOR"}


def test_a_call_with_an_owner_or_words_of_its_own_is_not_pointed_back(
        analyze: Callable[..., Document]) -> None:
    doc = analyze("Norway called for a truce in Yemen on Monday. Saudi Arabia rejected a "
                  "call from Oman.", DATE)
    assert countries(only(doc, "REJECT").recipient) == {"OMN"}


# ----------------------------------------------------------------- the headline restated
@pytest.mark.parametrize(("text", "event", "words"), [
    ("Kenya and Uganda sign border pact\n\nKenya and Uganda signed a border agreement in "
     "Nairobi on Tuesday, ending a long dispute.", "AGREE", "signed"),
    ("Egypt accuses Ethiopia over dam\n\nEgypt's foreign ministry accused Ethiopia on Monday "
     "of filling the dam without a deal.", "ACCUSE", "accused"),
    ("Pakistan's foreign minister meets Afghan envoy\n\nPakistan's foreign minister met an "
     "Afghan envoy on Monday to discuss border crossings.", "CONSULT", "met"),
])
def test_a_headline_restating_the_body_is_one_event(
        analyze: Callable[..., Document], text: str, event: str, words: str) -> None:
    doc = analyze(text, DATE)
    found = only(doc, event)
    assert found.trigger.start > text.index("\n")
    assert doc.article.text[found.trigger.start:found.trigger.end].startswith(words)


@pytest.mark.parametrize(("text", "event"), [
    # another type in the body
    ("Chile threatens Peru over fishing\n\nArgentina criticised Brazil over trade on "
     "Monday.", "THREATEN"),
    # the same type between other countries
    ("Mali expels French envoy\n\nNiger expelled two German diplomats on Monday.",
     "SANCTION"),
    # a lead sentence on a line of its own is no headline
    ("Egypt and Jordan signed a water agreement on Monday.\n\nEgypt and Jordan signed a gas "
     "agreement on Tuesday.", "AGREE"),
])
def test_a_headline_event_the_body_does_not_tell_stays(
        analyze: Callable[..., Document], text: str, event: str) -> None:
    doc = analyze(text, DATE)
    assert any(e.event == event and e.trigger.start < text.index("\n") for e in doc.events)
