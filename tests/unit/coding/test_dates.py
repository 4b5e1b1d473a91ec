"""Date expressions resolved against the publication date, with the event's tense.

The publication date of the table is Monday 20 March 2023 (the seed article's date).
"""

from __future__ import annotations

import pytest

from parley.coding.dates import is_historical, resolve, resolve_date

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
        ("over a year ago", "past", "2022-01-01"),
        ("more than two years ago", "unknown", "2021-01-01"),
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
        ("2022-03-20", MONDAY, True),  # a year before: historical
        ("2023-02-28", MONDAY, True),  # before the month of publication
        ("2023-03-01", MONDAY, False),  # in the month of publication
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


@pytest.mark.parametrize(
    ("text", "tense", "day", "precision"),
    [
        # a year named alone is that year, from its first day (not the publication's day)
        ("in 2005", "past", "2005-01-01", "year"),
        ("2014", "past", "2014-01-01", "year"),
        ("the 1990s", "past", "1990-01-01", "year"),
        ("last year", "past", "2022-01-01", "year"),
        ("this year", "unknown", "2023-01-01", "year"),
        ("late last year", "past", "2022-01-01", "year"),
        # months
        ("in March", "past", "2023-03-01", "month"),
        ("September 2016", "past", "2016-09-01", "month"),
        ("last month", "past", "2023-02-01", "month"),
        ("earlier this month", "past", "2023-03-01", "month"),
        # weeks: their Monday
        ("last week", "past", "2023-03-13", "week"),
        ("earlier this week", "past", "2023-03-20", "week"),
        ("three weeks ago", "past", "2023-02-27", "week"),
        # days
        ("March 16", "past", "2023-03-16", "day"),
        ("Feb. 24", "past", "2023-02-24", "day"),
        ("three days ago", "past", "2023-03-17", "day"),
    ],
)
def test_dates_carry_their_precision(text: str, tense: str, day: str, precision: str) -> None:
    assert resolve(text, MONDAY, tense) == (day, precision)


@pytest.mark.parametrize(
    ("text", "tense", "day"),
    [
        # times and parts of days resolve to their day
        ("late Tuesday", "past", "2023-03-14"),
        ("early on Friday", "past", "2023-03-17"),
        ("late on Wednesday", "past", "2023-03-15"),
        ("Tuesday night", "past", "2023-03-14"),
        ("the early hours of Sunday", "past", "2023-03-19"),
        ("10 a.m. on Monday", "past", "2023-03-20"),
        ("Monday at 3:00 p.m.", "past", "2023-03-20"),
        ("this morning", "past", "2023-03-20"),
        ("this afternoon", "future", "2023-03-20"),
        ("late tonight", "future", "2023-03-20"),
        ("overnight", "past", "2023-03-19"),
        # weekends: their Saturday, the last one or the coming one
        ("over the weekend", "past", "2023-03-18"),
        ("at the weekend", "past", "2023-03-18"),
        ("last weekend", "unknown", "2023-03-18"),
        ("this weekend", "future", "2023-03-25"),
        ("next weekend", "unknown", "2023-03-25"),
    ],
)
def test_times_and_parts_of_days_and_weeks(text: str, tense: str, day: str) -> None:
    assert resolve(text, MONDAY, tense) == (day, "day")


@pytest.mark.parametrize(
    ("day", "precision", "expected"),
    [
        ("2023-01-01", "year", False),  # this year: the period reaches into March
        ("2022-01-01", "year", True),
        ("2023-02-01", "month", True),  # last month
        ("2023-03-01", "month", False),
        ("2023-02-20", "week", True),  # the week ends on 26 February
        ("2023-02-27", "week", False),  # the week reaches into March
        ("2023-03-13", "week", False),
    ],
)
def test_historical_by_the_end_of_the_period(day: str, precision: str, expected: bool) -> None:
    assert is_historical(day, MONDAY, precision) is expected
