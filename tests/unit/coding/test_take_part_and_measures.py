"""Three argument classes: a verb of taking part codes the act its object names
("undertook a mediation mission"); an event noun as the object of a bare verb pattern names
whom the act concerns ("offered mediation between A and B"); a measure noun's subject acts
as the people it counts ("thousands of workers protested")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "actor", "recipients"), [
    ("Egypt undertook a mediation mission between Sudan and Ethiopia.", "EGY", {"SDN", "ETH"}),
    ("Ghana undertook mediation between Mali and the junta in Niger.", "GHA", {"MLI"}),
    ("Kenya's mediation between Somalia and Djibouti resumed on Monday.", "KEN",
     {"SOM", "DJI"}),
])
def test_mediation_is_consult_with_the_parties_as_recipients(
        analyze: Callable[..., Document], text: str, actor: str, recipients: set[str]) -> None:
    doc = analyze(text)
    evs = [e for e in doc.events if e.event == "CONSULT"]
    assert evs, [(e.event, e.reason) for e in doc.events]
    assert [a.country for a in evs[0].actor] == [actor]
    assert recipients <= {r.country for r in evs[0].recipient}, evs[0].reason
    assert "AGREE" not in {e.event for e in doc.events}


@pytest.mark.parametrize(("text", "recipients"), [
    ("Turkey offered mediation between Russia and Ukraine.", {"RUS", "UKR"}),
    ("Algeria offered talks with Morocco.", {"MAR"}),
    ("Qatar offered arbitration between Egypt and Ethiopia.", {"EGY", "ETH"}),
])
def test_the_object_noun_s_complement_is_the_recipient(
        analyze: Callable[..., Document], text: str, recipients: set[str]) -> None:
    doc = analyze(text)
    assert doc.events, text
    assert recipients <= {r.country for r in doc.events[0].recipient}, doc.events[0].reason


@pytest.mark.parametrize(("text", "event", "words"), [
    ("Thousands of workers protested in Paris.", "PROTEST", "workers"),
    ("Dozens of farmers blocked the highway outside Warsaw.", "PROTEST", "farmers"),
    ("Hundreds of students marched on the parliament in Belgrade.", "PROTEST", "students"),
])
def test_a_measure_noun_acts_as_those_it_counts(analyze: Callable[..., Document], text: str,
                                                event: str, words: str) -> None:
    doc = analyze(text)
    evs = [e for e in doc.events if e.event == event]
    assert evs and any(words in a.text for a in evs[0].actor), \
        [(e.event, e.reason) for e in doc.events]
