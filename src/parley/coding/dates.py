"""Resolve date expressions against the publication date, taking tense into account.

dateparser resolves "on Monday" against a base date but ignores tense ("will meet on
Tuesday" comes back as the past Tuesday), so weekdays and the common relative forms are
resolved here; dateparser handles the rest ("March 16", "16 March 2023").
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from functools import lru_cache
from typing import Any

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30,
          "year": 365, "years": 365, "decade": 3650, "decades": 3650}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3, "a few": 3}
_AGO = re.compile(r"(?:(?:over|more than|about|nearly|almost|some|just)\s+)?"
                  r"(\d+|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)"
                  r"\s+(days?|weeks?|months?|years?|decades?)\s+ago")
_NOT_DATES = re.compile(r"^(the )?(time|moment|era|period|past|future|age|years?|decades?)$")


def _weekday(word: str, base: dt.date, tense: str) -> dt.date:
    target = WEEKDAYS.index(word)
    delta = (target - base.weekday()) % 7
    if tense == "future":
        return base + dt.timedelta(days=delta)
    back = (base.weekday() - target) % 7
    if tense == "past":
        return base - dt.timedelta(days=back)
    # unknown tense: the nearer of the two, past on a tie (news reports what happened)
    return base - dt.timedelta(days=back) if back <= delta else base + dt.timedelta(days=delta)


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: str | None, tense: str = "unknown") -> str | None:
    """The day (YYYY-MM-DD) that ``text`` names, seen from ``published``; None if unknown.

    ``tense`` is ``past``, ``future`` or ``unknown`` (from the event's verb group).
    """
    if not published:
        return None
    try:
        base = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    t = " ".join(text.lower().replace("’", "'").split())
    t = re.sub(r"^(on|in|since|by|until|from|during|at|last|this|next|earlier|later)\s+(?=\w)",
               lambda m: m.group(0) if m.group(1) in ("last", "this", "next") else "", t)
    if _NOT_DATES.match(t):
        return None
    for w in WEEKDAYS:
        if re.fullmatch(rf"(this |last |next |on )?{w}( (morning|afternoon|evening|night))?", t):
            if t.startswith("last "):
                return (_weekday(w, base - dt.timedelta(days=1), "past")).isoformat()
            if t.startswith("next "):
                return (_weekday(w, base + dt.timedelta(days=1), "future")).isoformat()
            return _weekday(w, base, tense).isoformat()
    simple = {
        "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
        "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
        "the day after tomorrow": 2, "this week": 0, "earlier this week": 0, "this month": 0,
        "this year": 0, "now": 0, "recently": None,
    }
    if t in simple:
        off = simple[t]
        return None if off is None else (base + dt.timedelta(days=off)).isoformat()
    monday = base - dt.timedelta(days=base.weekday())
    if t in ("last week", "the previous week", "the past week", "earlier this month"):
        return (monday - dt.timedelta(days=7)).isoformat()
    if t in ("next week", "the coming week"):
        return (monday + dt.timedelta(days=7)).isoformat()
    if t in ("last month", "the previous month"):
        first = base.replace(day=1)
        return (first - dt.timedelta(days=1)).replace(day=1).isoformat()
    if t in ("next month",):
        return (base.replace(day=28) + dt.timedelta(days=4)).replace(day=1).isoformat()
    if t in ("last year", "the previous year"):
        return dt.date(base.year - 1, 1, 1).isoformat()
    if t in ("next year",):
        return dt.date(base.year + 1, 1, 1).isoformat()
    m = _AGO.search(t)
    if m:
        g = m.group(1)
        n = int(g) if g.isdigit() else _NUMBERS.get(g, 1)
        return (base - dt.timedelta(days=n * _UNITS[m.group(2)])).isoformat()
    if not re.search(r"\d|january|february|march|april|may|june|july|august|september|"
                     r"october|november|december|jan\b|feb\b|mar\b|apr\b|jun\b|jul\b|aug\b|"
                     r"sep\b|sept\b|oct\b|nov\b|dec\b", t):
        return None
    return _dateparser(t, base, tense)


def _dateparser(text: str, base: dt.date, tense: str) -> str | None:
    import dateparser

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future" if tense == "future" else "past",
        "REQUIRE_PARTS": ["month"] if not re.fullmatch(r"\d{4}", text) else [],
        "STRICT_PARSING": False,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parsed = dateparser.parse(text, languages=["en"], settings=settings)
        except Exception:  # dateparser raises assorted errors on odd strings
            return None
    if parsed is None:
        if re.fullmatch(r"(in )?\d{4}", text):
            return f"{text[-4:]}-01-01"
        return None
    return parsed.date().isoformat()


def is_historical(day: str | None, published: str | None) -> bool:
    """More than a year before publication: PLOVER's 'historical' auxiliary mode."""
    if not day or not published:
        return False
    try:
        return (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(day)).days > 365
    except ValueError:
        return False


def event_date(anchor: Any, trig: Any, sent: Any, published: str | None,
               tense: str) -> tuple[str | None, str | None]:
    """(date_text, day) of the event: the date expression nearest in the parse to the event's
    words, then to the verbs that govern it ("is planning to talk ... on Monday")."""
    from parley.syntax import clause_chain

    targets = {trig.i: 0, anchor.i: 0}
    for k, v in enumerate(clause_chain(anchor)[1:], start=1):
        targets.setdefault(v.i, k)
    best = None
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        cur, n, d = ent.root, 0, None
        while n < 8:
            if cur.i in targets:
                d = n + targets[cur.i]
                break
            if cur.head.i == cur.i:
                break
            cur, n = cur.head, n + 1
        if d is not None and (best is None or d < best[0]):
            best = (d, ent)
    if best is None:
        return None, None
    ent = best[1]
    prep = ent.root.head if ent.root.dep_ == "pobj" else None
    shown = f"{prep.text} {ent.text}" if prep is not None and prep.i == ent.start - 1 else ent.text
    return shown, resolve_date(ent.text, published, tense)
