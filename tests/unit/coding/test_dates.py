"""Date expressions resolved against the publication date, with the event's tense.

The publication date of the table is Monday 20 March 2023 (the seed article's date).
"""

from __future__ import annotations

import pytest

from parley.coding.dates import is_historical, resolve_date

MONDAY = "2023-03-20"


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        # weekdays: the same day, the past one, the coming one, the nearer one
        ("on Monday", "past", "2023-03-20"),
        ("on Monday", "future", "2023-03-20"),
        ("Monday", "unknown", "2023-03-20"),
        ("on Tuesday", "future", "2023-03-21"),
        ("on Tuesday", "past", "2023-03-14"),
        ("Tuesday", "unknown", "2023-03-21"),
        ("on Friday", "unknown", "2023-03-17"),
        ("Sunday", "past", "2023-03-19"),
        ("Sunday", "future", "2023-03-26"),
        ("Wednesday morning", "past", "2023-03-15"),
        ("last Friday", "unknown", "2023-03-17"),
        ("last Monday", "unknown", "2023-03-13"),
        ("next Monday", "unknown", "2023-03-27"),
        ("next Friday", "past", "2023-03-24"),
        # days around the publication date
        ("today", "unknown", "2023-03-20"),
        ("this morning", "past", "2023-03-20"),
        ("yesterday", "past", "2023-03-19"),
        ("last night", "past", "2023-03-19"),
        ("tomorrow", "future", "2023-03-21"),
        ("the day before yesterday", "past", "2023-03-18"),
        # weeks, months, years: the first day of the period
        ("this week", "unknown", "2023-03-20"),
        ("last week", "past", "2023-03-13"),
        ("next week", "future", "2023-03-27"),
        ("last month", "past", "2023-02-01"),
        ("next month", "future", "2023-04-01"),
        ("last year", "past", "2022-01-01"),
        ("next year", "future", "2024-01-01"),
        # "... ago"
        ("two weeks ago", "past", "2023-03-06"),
        ("three days ago", "past", "2023-03-17"),
        ("over a year ago", "past", "2022-03-20"),
        ("more than two years ago", "unknown", "2021-03-20"),
        # calendar dates
        ("March 16", "past", "2023-03-16"),
        ("on March 16", "unknown", "2023-03-16"),
        ("16 March 2022", "past", "2022-03-16"),
        ("March 25", "past", "2022-03-25"),
        ("March 25", "future", "2023-03-25"),
        ("on 24 February 2022", "past", "2022-02-24"),
        # not a day at all
        ("the time", "unknown", None),
        ("recently", "past", None),
        ("in the future", "future", None),
        ("the past", "past", None),
        ("decades", "past", None),
        ("blah blah", "unknown", None),
        ("", "unknown", None),
    ],
)
def test_resolve_date(text: str, tense: str, expected: str | None) -> None:
    assert resolve_date(text, MONDAY, tense) == expected


@pytest.mark.parametrize(("text", "year"), [("2014", "2014"), ("in 2014", "2014"),
                                            ("in 1991", "1991")])
def test_bare_years_resolve_to_that_year(text: str, year: str) -> None:
    got = resolve_date(text, MONDAY, "past")
    assert got is not None and got.startswith(year)
    assert is_historical(got, MONDAY)


def test_weekday_from_a_midweek_publication_date() -> None:
    # Wednesday 22 March 2023: "Tuesday" with no tense is the day before
    assert resolve_date("Tuesday", "2023-03-22") == "2023-03-21"
    assert resolve_date("on Tuesday", "2023-03-22", "future") == "2023-03-28"


def test_published_timestamp_uses_its_day() -> None:
    assert resolve_date("yesterday", "2023-03-20T23:59:00Z", "past") == "2023-03-19"


@pytest.mark.parametrize("published", [None, "", "notadate", "2023-13-45"])
def test_no_usable_publication_date_gives_none(published: str | None) -> None:
    assert resolve_date("on Monday", published, "past") is None


@pytest.mark.parametrize(
    ("day", "published", "expected"),
    [
        ("2022-03-19", MONDAY, True),  # 366 days before
        ("2022-03-20", MONDAY, False),  # exactly 365 days: not yet historical
        ("2014-01-01", MONDAY, True),
        ("2023-03-13", MONDAY, False),
        ("2024-03-20", MONDAY, False),  # the future is never historical
        (None, MONDAY, False),
        ("2014-01-01", None, False),
        ("junk", MONDAY, False),
        ("2014-01-01", "junk", False),
    ],
)
def test_is_historical(day: str | None, published: str | None, expected: bool) -> None:
    assert is_historical(day, published) is expected
