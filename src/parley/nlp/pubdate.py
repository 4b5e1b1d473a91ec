"""Where an article's publication date comes from, decided in one place (the nlp stage,
before actors resolve dated roles and the coder resolves "on Tuesday").

``Article.date_source`` says which: ``input`` (the caller gave it: ``--date``, a JSON field),
``page-metadata`` (an HTML page's markup, meta tags or URL), ``dateline`` (the text's own
dateline: "MOSCOW, March 20 (Reuters) -"), ``assumed-today`` (nothing said: today, with one
warning line naming the input).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import replace

from parley.model import Article

logger = logging.getLogger(__name__)

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MONTH = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# "MOSCOW, March 20 (Reuters) -", "BEIJING, March 20, 2023 /Xinhua/", "KYIV, Ukraine, Feb. 24 -",
# "Washington, 20 March 2023 (AFP) -": a place in capitals or title case, then the day
_DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Za-z.'\-]+(?:[ \t][A-Z][A-Za-z.'\-]+){0,3},[ \t]*){1,2}"
    r"(?:" + _MONTH + r"[ \t]+(?P<day>\d{1,2})|(?P<day2>\d{1,2})[ \t]+" + _MONTH.replace(
        "month", "month2") + r")"
    r"(?:,?[ \t]+(?P<year>(?:19|20)\d\d))?"
    r"[ \t]*(?:\(|/|-|–|—)", re.MULTILINE)
_HEAD_CHARS = 400  # a dateline opens the text, after at most a headline
# the whole dateline, up to the dash before the story's first word: a place (one or two,
# in capitals or title case), then a day, an agency in brackets or slashes, or both, then
# a dash; a place alone in capitals before an agency ("WASHINGTON (AP) -") is one too
_PLACE = r"[A-Z][A-Za-z.'\-]+(?:[ \t][A-Z][A-Za-z.'\-]+){0,3}"
_DAY = (r"(?:" + _MONTH.replace("?P<month>", "?:") + r"[ \t]+\d{1,2}|\d{1,2}[ \t]+"
        + _MONTH.replace("?P<month>", "?:") + r")(?:,?[ \t]+(?:19|20)\d\d)?")
_AGENCY = r"(?:\([A-Z][A-Za-z.&' ]{0,30}\)|/[A-Z][A-Za-z.&' ]{0,30}/)"
_DATELINE_HEAD = re.compile(
    r"^[ \t]*" + _PLACE + r"(?:,[ \t]*" + _PLACE + r")?"
    r"(?:,[ \t]*" + _DAY + r"(?:[ \t]*" + _AGENCY + r")?|[ \t]*" + _AGENCY + r")"
    r"[ \t]*(?:--|[-–—])[ \t]*(?=\S)", re.MULTILINE)


def dateline_date(text: str, today: dt.date) -> str | None:
    """The day a dateline at the start of ``text`` names; with no year, the latest such day
    not after ``today``."""
    m = _DATELINE.search(text[:_HEAD_CHARS])
    if not m:
        return None
    month_name = (m.group("month") or m.group("month2") or "").lower()[:3]
    month = _MONTHS.get(month_name)
    day = int(m.group("day") or m.group("day2"))
    if month is None:
        return None
    year = int(m.group("year")) if m.group("year") else today.year
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    if not m.group("year") and found > today:
        try:
            found = dt.date(year - 1, month, day)
        except ValueError:
            return None
    return found.isoformat()


def dateline_end(text: str) -> int | None:
    """Where the story starts after a dateline that opens ``text`` (after at most a
    headline): the offset of its first word, or None when there is no dateline. The
    dateline is a segment of its own, so that its place and day are not read as the first
    sentence's actor and date."""
    m = _DATELINE_HEAD.search(text[:_HEAD_CHARS])
    return m.end() if m else None


def decide_date(article: Article, today: dt.date | None = None) -> Article:
    """The article with ``date`` and ``date_source`` set (see the module's docstring)."""
    if article.date:
        if article.date_source:
            return article
        meta = dict(article.meta)
        source = "page-metadata" if meta.get("date_source") else "input"
        return replace(article, date_source=source)
    today = today or dt.date.today()
    found = dateline_date(article.text, today)
    if found:
        return replace(article, date=found, date_source="dateline")
    logger.warning("%s: no date given, in the page or in a dateline; dates and roles are "
                   "resolved against today, %s (pass --date YYYY-MM-DD)",
                   article.id, today.isoformat())
    return replace(article, date=today.isoformat(), date_source="assumed-today")
