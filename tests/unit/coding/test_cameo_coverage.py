"""What the imported CAMEO verb patterns add: verbs and verb+object senses no hand-written
pattern names, a sense of the verb that is no event, and the frame verbs left to the coder."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document

pytestmark = pytest.mark.model

PUB = "2024-05-06"


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # verbs only the dictionary names
        ("Serbian police detained the opposition leader in Belgrade.", "COERCE"),
        ("Ukrainian forces shelled Russian positions near Bakhmut.", "ASSAULT"),
        ("The Kenyan government outlawed the separatist movement.", "COERCE"),
        # verb + object senses: the object's class decides ("receive weapons", "launch rockets")
        ("Yemeni rebels launched rockets at Saudi Arabia.", "ASSAULT"),
        ("Pakistan mobilized its reserves along the Indian border.", "MOBILIZE"),
        ("Brazil extradited the suspect to Italy.", "COOPERATE"),
    ],
)
def test_dictionary_senses_are_coded(analyze: Callable[..., Document], text: str,
                                     event: str) -> None:
    doc = analyze(text, PUB)
    assert event in {e.event for e in doc.events}, [(e.event, e.reason) for e in doc.events]


@pytest.mark.parametrize(
    "text",
    [
        # a frame verb is not an event of its own: the event is its complement
        "The minister wants a quiet summer.",
        "Officials tried their best.",
        "The ambassador failed the exam in 1990.",
    ],
)
def test_frame_verbs_code_nothing_by_themselves(analyze: Callable[..., Document],
                                                text: str) -> None:
    assert not analyze(text, PUB).events


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the possessor or modifier of the matched object is the recipient
        ("Yemen rejected a U.S. request for access.", "USA"),
        ("Portugal will support Turkey's bid for membership.", "TUR"),
        ("The party boycotted Algeria's elections.", "DZA"),
    ],
)
def test_the_owner_of_the_matched_object_is_the_recipient(
        analyze: Callable[..., Document], text: str, country: str) -> None:
    doc = analyze(text, PUB)
    assert any(country in {r.country for r in e.recipient} for e in doc.events), \
        [(e.event, e.reason) for e in doc.events]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # whole verb classes: permission, prevention, abuse, sharing, violation, mediation
        ("Iran allowed UN inspectors to visit the Fordow site.", "RETREAT"),
        ("Syria let aid convoys enter Idlib.", "RETREAT"),
        ("Egyptian police prevented journalists from entering the court.", "COERCE"),
        ("Turkish police barred opposition deputies from the square.", "COERCE"),
        ("Prison guards abused Palestinian detainees.", "ASSAULT"),
        ("Soldiers mistreated prisoners in Abu Ghraib.", "ASSAULT"),
        ("Israel shared intelligence with Jordan.", "COOPERATE"),
        ("Russia violated the ceasefire in Donetsk.", "ASSAULT"),
        ("Qatar mediated between Hamas and Israel.", "CONSULT"),
        # particles and objects that decide the sense; lifting a restriction, cutting aid
        ("Russia pulled out of the grain deal.", "REJECT"),  # leaving an agreement rejects it
        ("Russia pulled out of Kherson.", "RETREAT"),
        ("Serbia backed down over the border dispute.", "CONCEDE"),
        ("Soldiers opened fire on protesters in Lagos.", "ASSAULT"),
        ("The EU lifted its ban on Russian steel.", "CONCEDE"),
        ("Washington eased sanctions on Venezuela.", "CONCEDE"),
        ("Germany suspended military aid to Turkey.", "SANCTION"),
        ("The US cut aid to Egypt.", "SANCTION"),
    ],
)
def test_verb_classes_particles_and_objects(analyze: Callable[..., Document], text: str,
                                            event: str) -> None:
    doc = analyze(text, PUB)
    assert event in {e.event for e in doc.events}, [(e.event, e.reason) for e in doc.events]


def test_the_place_is_not_a_named_recipient(analyze: Callable[..., Document]) -> None:
    doc = analyze("Russian forces destroyed a bridge in Kherson.", PUB)
    ev = next(e for e in doc.events if e.event == "ASSAULT")
    # the country where it happened stands in for the recipient; the town is no actor
    assert [r.country for r in ev.recipient] == ["UKR"] and ev.recipient[0].actor_id is None
