"""To disapprove of a hostile act is no support: "criticized X's detention of ..." is an
ACCUSE of X (CAMEO's "rally support on behalf of" codes are not taken on verbs of
disapproval). The parties of an agreement a third party brokers are its recipients."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "event", "recipient"), [
    ("Japan criticized China's detention of Japanese citizens.", "ACCUSE", "CHN"),
    ("Lithuania protested against Russia's expulsion of its diplomats.", "ACCUSE", "RUS"),
    ("Britain objected to Russia's jailing of the journalist.", "REJECT", "RUS"),
])
def test_disapproving_a_hostile_act_accuses_its_actor(analyze: Callable[..., Document],
                                                      text: str, event: str,
                                                      recipient: str) -> None:
    doc = analyze(text)
    assert "SUPPORT" not in {e.event for e in doc.events}, [(e.event, e.reason) for e in doc.events]
    evs = [e for e in doc.events if e.event == event]
    assert evs and recipient in {r.country for r in evs[0].recipient}, \
        [(e.event, e.reason) for e in doc.events]


def test_support_for_a_release_is_still_support(analyze: Callable[..., Document]) -> None:
    doc = analyze("France supported the release of the hostages.")
    assert "SUPPORT" in {e.event for e in doc.events}


@pytest.mark.parametrize(("text", "parties"), [
    ("Egypt brokered a truce between Israel and Islamic Jihad.", {"ISR", "PSE"}),
    ("Qatar negotiated a ceasefire between Sudan and Chad.", {"SDN", "TCD"}),
    ("Turkey brokered a grain deal between Russia and Ukraine.", {"RUS", "UKR"}),
])
def test_the_parties_of_a_brokered_agreement_are_recipients(
        analyze: Callable[..., Document], text: str, parties: set[str]) -> None:
    doc = analyze(text)
    assert doc.events and parties <= {r.country for r in doc.events[0].recipient}, \
        [(e.event, e.reason) for e in doc.events]
