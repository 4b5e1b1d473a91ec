"""Event dates on whole sentences: the period's first day and its precision, and background
dated before the month of publication coded 'historical'."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document

pytestmark = pytest.mark.model

PUB = "2016-09-20"  # a Tuesday


@pytest.mark.parametrize(
    ("text", "date", "precision", "aux_mode"),
    [
        ("Russia invaded Georgia in 2008.", "2008-01-01", "year", "historical"),
        ("Turkey expelled two Dutch diplomats in 2005.", "2005-01-01", "year", "historical"),
        ("Kenya arrested three opposition leaders in March 2015.", "2015-03-01", "month",
         "historical"),
        ("Egypt arrested dozens of protesters last week.", "2016-09-12", "week", None),
        ("Police arrested five protesters in Cairo over the weekend.", "2016-09-17", "day", None),
        ("Syrian jets bombed rebel positions in Aleppo late Monday.", "2016-09-19", "day", None),
        ("Iraqi troops attacked the city this morning.", "2016-09-20", "day", None),
        ("Colombian rebels attacked an army post last month.", "2016-08-01", "month",
         "historical"),
    ],
)
def test_event_dates(analyze: Callable[..., Document], text: str, date: str, precision: str,
                     aux_mode: str | None) -> None:
    doc = analyze(text, PUB)
    assert doc.events, text
    ev = doc.events[0]
    assert (ev.date, ev.date_precision, ev.aux_mode) == (date, precision, aux_mode), ev.reason


def test_an_event_with_no_date_words_takes_the_publication_day(
        analyze: Callable[..., Document]) -> None:
    doc = analyze("Germany expelled two Russian diplomats.", PUB)
    ev = doc.events[0]
    assert (ev.date, ev.date_precision, ev.aux_mode) == (PUB, "day", None)
