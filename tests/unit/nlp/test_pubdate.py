"""Where the publication date comes from: the input, the page, a dateline, or today."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from parley.model import Article
from parley.nlp.pubdate import dateline_date, decide_date

TODAY = dt.date(2024, 5, 6)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("MOSCOW, March 20 (Reuters) - Chinese President Xi Jinping arrived.", "2024-03-20"),
        ("BEIJING, March 20, 2023 /Xinhua/ -- Xi Jinping left for Moscow.", "2023-03-20"),
        ("KYIV, Ukraine, Feb. 24 (AP) — Russian troops crossed the border.", "2024-02-24"),
        ("Washington, 20 March 2023 (AFP) - The talks ended.", "2023-03-20"),
        ("Xi visits Moscow\n\nMOSCOW, March 20 (Reuters) - Xi arrived.", "2024-03-20"),
        # no year and later in the year than today: last year's
        ("PARIS, December 3 (Reuters) - Ministers met.", "2023-12-03"),
    ],
)
def test_datelines(text: str, day: str) -> None:
    assert dateline_date(text, TODAY) == day


@pytest.mark.parametrize(
    "text",
    [
        "Xi Jinping arrived in Moscow on March 20 for talks.",  # a date in the story, no dateline
        "The March 20 meeting was cancelled.",
        "MOSCOW (Reuters) - Xi Jinping arrived.",  # a dateline with no day
    ],
)
def test_no_dateline(text: str) -> None:
    assert dateline_date(text, TODAY) is None


def test_a_given_date_is_the_input_and_a_page_date_page_metadata() -> None:
    given = decide_date(Article(id="a", text="MOSCOW, March 20 (Reuters) - x", date="2023-01-02"))
    assert (given.date, given.date_source) == ("2023-01-02", "input")
    page = decide_date(Article(id="b", text="x", date="2023-01-02",
                               meta=(("date_source", "meta:article:published_time"),)))
    assert page.date_source == "page-metadata"


def test_a_dateline_dates_an_undated_article() -> None:
    art = decide_date(Article(id="a", text="MOSCOW, March 20 (Reuters) - x"), TODAY)
    assert (art.date, art.date_source) == ("2024-03-20", "dateline")


def test_nothing_said_is_today_with_one_warning_naming_the_input(
        caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        art = decide_date(Article(id="story.txt", text="Xi arrived in Moscow."), TODAY)
    assert (art.date, art.date_source) == ("2024-05-06", "assumed-today")
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "story.txt" in warnings[0].getMessage()
