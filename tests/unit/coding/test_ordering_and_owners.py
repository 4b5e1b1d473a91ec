"""Ordering someone out is expelling them (SANCTION, expel), and an ordering verb has no
sense of its own with the one ordered as its object (the ordered act is the event). A body
with no country of its own named with its owner ("Iran's navy") is its owner's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Mali ordered the UN mission to leave the country.", "MLI", "IGO"),
    ("Algeria ordered the French envoy to leave within a week.", "DZA", "FRA"),
    ("Chad instructed the German ambassador to leave.", "TCD", "DEU"),
])
def test_ordering_out_is_expelling(analyze: Callable[..., Document], text: str, actor: str,
                                   recipient: str) -> None:
    doc = analyze(text)
    evs = [e for e in doc.events if e.event == "SANCTION"]
    assert evs and [a.country for a in evs[0].actor] == [actor], \
        [(e.event, e.reason) for e in doc.events]
    assert recipient in {r.country for r in evs[0].recipient}, evs[0].reason
    assert "AGREE" not in {e.event for e in doc.events}


def test_the_ordered_act_is_still_the_orderer_s(analyze: Callable[..., Document]) -> None:
    doc = analyze("Niger ordered French troops to withdraw.")
    evs = [e for e in doc.events if e.event == "RETREAT"]
    assert evs and [a.country for a in evs[0].actor] == ["NER"], \
        [(e.event, e.reason) for e in doc.events]


@pytest.mark.parametrize(("text", "event", "actor"), [
    ("Iran's navy seized a Greek tanker in the Gulf.", "COERCE", "IRN"),
    ("Ghana's navy detained a Togolese trawler.", "COERCE", "GHA"),
    ("Peru's navy boarded and seized a Chilean fishing vessel.", "COERCE", "PER"),
])
def test_a_body_is_its_owner_s(analyze: Callable[..., Document], text: str,
                               event: str, actor: str) -> None:
    doc = analyze(text)
    evs = [e for e in doc.events if e.event == event]
    assert evs and actor in {a.country for a in evs[0].actor}, \
        [(e.event, e.reason) for e in doc.events]
