"""Fighting is done with someone: the with-complement of a verb of fighting is its
recipient. A demand with no object ("are seeking to deepen ...") is no request."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Indian troops clashed with Chinese soldiers in Ladakh.", "IND", "CHN"),
    ("Armenian soldiers exchanged fire with Azerbaijani troops overnight.", "ARM", "AZE"),
    ("Sudanese soldiers fought Ethiopian militias near the border.", "SDN", "ETH"),
])
def test_the_one_fought_with_is_the_recipient(analyze: Callable[..., Document], text: str,
                                              actor: str, recipient: str) -> None:
    doc = analyze(text)
    evs = [e for e in doc.events if e.event == "ASSAULT"]
    assert evs and [a.country for a in evs[0].actor] == [actor], \
        [(e.event, e.reason) for e in doc.events]
    assert recipient in {r.country for r in evs[0].recipient}, evs[0].reason


def test_an_intent_with_no_object_is_still_no_request(analyze: Callable[..., Document]) -> None:
    doc = analyze("Chile and Peru are seeking to deepen their trade ties.")
    assert "REQUEST" not in {e.event for e in doc.events}, [(e.event, e.reason) for e in doc.events]
