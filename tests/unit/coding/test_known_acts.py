"""A lasting act named with its possessor as something known ("Russia's annexation of
Crimea", "Turkey's incursion into Syria") is background: coded historical, not as news of
the publication day; the same noun as the news itself (begun, launched, dated) is news."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document

pytestmark = pytest.mark.model

PUB = "2023-03-20"


@pytest.mark.parametrize(("text", "event"), [
    ("Russia's annexation of Crimea has alarmed its neighbours in the Baltic.", "COERCE"),
    ("Ethiopia's incursion into Somalia worries the African Union.", "ASSAULT"),
    ("Critics say Iraq's invasion of Kuwait still shapes Gulf politics.", "ASSAULT"),
])
def test_a_known_act_named_by_its_possessor_is_historical(analyze: Callable[..., Document],
                                                          text: str, event: str) -> None:
    doc = analyze(text, PUB)
    evs = [e for e in doc.events if e.event == event]
    assert evs and all(e.aux_mode == "historical" for e in evs), \
        [(e.event, e.aux_mode, e.reason) for e in doc.events]


@pytest.mark.parametrize("text", [
    "Russia's invasion of Ukraine began at dawn on Thursday.",
    "Russia launched its invasion of Ukraine on Thursday.",
    "Turkey's incursion into northern Syria on Wednesday drew condemnation.",
])
def test_the_act_as_the_news_is_news(analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text, PUB)
    assert any(e.event == "ASSAULT" and e.aux_mode is None for e in doc.events), \
        [(e.event, e.aux_mode, e.reason) for e in doc.events]
