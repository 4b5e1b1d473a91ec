"""A bare definite act noun after "after", "following" or "since" ("after the talks") names
the act the article has just told, as the time of what follows: no second, historical
event. With words of its own ("since the invasion of Kuwait") it is still coded as
background. Sentences written for this test, run through the real pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document

pytestmark = pytest.mark.model

DATE = "2024-05-15"


@pytest.mark.parametrize(("text", "event"), [
    ("Japan's prime minister met the Indian prime minister in Delhi on Monday. \"We will "
     "help,\" the Japanese leader told reporters after the talks.", "CONSULT"),
    ("Iran's foreign minister met his Omani counterpart in Muscat on Sunday. \"It was "
     "useful,\" he told state television after the meeting.", "CONSULT"),
    ("Police arrested twelve protesters in Lagos on Sunday. The governor announced after the "
     "arrests that the curfew would end.", None),
])
def test_the_act_named_again_is_not_a_second_event(
        analyze: Callable[..., Document], text: str, event: str | None) -> None:
    doc = analyze(text, DATE)
    if event is not None:
        same = [e for e in doc.events if e.event == event]
        assert len(same) == 1 and same[0].aux_mode is None
    assert not any(e.aux_mode == "historical" for e in doc.events)


def test_an_act_with_words_of_its_own_stays_background(
        analyze: Callable[..., Document]) -> None:
    doc = analyze("After the bombing of the embassy in Nairobi, Kenya expelled two Sudanese "
                  "diplomats.", DATE)
    assert any(e.event == "SANCTION" and e.aux_mode is None for e in doc.events)
    assert all(e.aux_mode == "historical" for e in doc.events if e.event == "ASSAULT")
