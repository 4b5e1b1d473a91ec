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
