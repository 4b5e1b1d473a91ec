"""Former states and bodies, regions, national bodies named with their country, and the
holder of an office on a date; on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.actors.kb import KnowledgeBase
from parley.coding.places import resolve_place
from parley.model import Document


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


@pytest.mark.parametrize(
    ("name", "country"),
    [("Soviet Union", "RUS"), ("USSR", "RUS"), ("Yugoslavia", "SRB"), ("Czechoslovakia", "CZE"),
     ("East Germany", "DEU"), ("Warsaw Pact", "IGO"), ("OAU", "IGO"),
     ("Organization of African Unity", "IGO"), ("Crimea", "UKR"), ("Donbas", "UKR"),
     ("Golan Heights", "SYR"), ("Kurdistan Region", "IRQ"), ("Gaza", "PSE")],
)
def test_former_states_bodies_and_regions(kb: KnowledgeBase, name: str, country: str) -> None:
    hits = kb.lookup(name)
    assert hits and hits[0].country == country, hits


@pytest.mark.parametrize(("word", "country"), [("Soviet", "RUS"), ("Yugoslav", "SRB"),
                                                ("Crimean", "UKR"), ("Chechen", "RUS")])
def test_demonyms_of_former_states_and_regions_are_their_states(
        kb: KnowledgeBase, word: str, country: str) -> None:
    entry = kb.country_of_demonym(word)
    assert entry is not None and entry.id == country


@pytest.mark.parametrize(
    ("name", "country"),
    [("Georgia", "GEO"), ("Jordan", "JOR"), ("Lebanon", "LBN"), ("Panama", "PAN"),
     ("Crimea", "UKR"), ("Golan Heights", "SYR"), ("Moscow", "RUS")],
)
def test_a_country_name_is_the_country_before_any_town(name: str, country: str) -> None:
    place = resolve_place(name)
    assert place is not None and place.country == country


@pytest.mark.parametrize(
    ("text", "date", "who"),
    [
        ("the British prime minister", "2019-03-01", "Theresa May"),
        ("the British prime minister", "2023-03-20", "Rishi Sunak"),
        ("Russia's foreign minister", "2019-03-01", "Sergey Lavrov"),
        ("President of France", "2019-03-01", "Emmanuel Macron"),
        ("the German chancellor", "2019-03-01", "Angela Merkel"),
    ],
)
def test_office_to_holder_on_a_date(kb: KnowledgeBase, text: str, date: str, who: str) -> None:
    hit = kb.office_holder(text, date)
    assert hit is not None and hit.entry.name == who


@pytest.mark.parametrize("text", ["the deputy prime minister of Britain",
                                  "the British vice president", "a spokesman of France"])
def test_deputies_and_generic_titles_have_no_single_holder(kb: KnowledgeBase, text: str) -> None:
    assert kb.office_holder(text, "2019-03-01") is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "date", "name", "country", "sector"),
    [
        ("The British prime minister met the French president in Paris.", "2019-03-01",
         "Theresa May", "GBR", "GOV"),
        ("Russia's foreign minister accused Kyiv of shelling.", "2019-03-01", "Sergey Lavrov",
         "RUS", "GOV"),
        # a national body named with its country takes that country and the body's sector
        ("The U.S. National Security Council warned Iran.", "2020-01-01",
         "U.S. National Security Council", "USA", "GOV"),
        ("The National Security Council of Ukraine met on Monday.", "2020-01-01",
         "National Security Council of Ukraine", "UKR", "GOV"),
        ("The USSR expelled two British diplomats.", "1985-06-01", "Soviet Union", "RUS", None),
    ],
)
def test_actors_in_sentences(analyze: Callable[..., Document], text: str, date: str, name: str,
                             country: str, sector: str | None) -> None:
    doc = analyze(text, date)
    got = {(a.name, a.country, a.sector) for a in doc.actors}
    assert (name, country, sector) in got, got


@pytest.mark.model
def test_a_former_prime_minister_is_not_the_holder(analyze: Callable[..., Document]) -> None:
    doc = analyze("A former British prime minister criticised the deal.", "2019-03-01")
    assert "Theresa May" not in {a.name for a in doc.actors}


@pytest.mark.parametrize(
    ("text", "date", "who"),
    [
        # past heads of government and foreign ministers of the P5 and the G20
        ("the German chancellor", "1995-06-01", "Helmut Kohl"),
        ("the British foreign secretary", "1995-06-01", "Douglas Hurd"),
        ("the Russian prime minister", "1995-06-01", "Viktor Chernomyrdin"),
        ("the Soviet foreign minister", "1988-06-01", "Eduard Shevardnadze"),
        ("the French prime minister", "1992-06-01", "Pierre Bérégovoy"),
    ],
)
def test_past_office_holders(kb: KnowledgeBase, text: str, date: str, who: str) -> None:
    hit = kb.office_holder(text, date)
    assert hit is not None and hit.entry.name == who
