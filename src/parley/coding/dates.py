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
# a length of time is no point in time: "sentenced to 19 years", "for 5 days", "72 hours"
_DURATION = re.compile(r"^(?:for |about |nearly |almost |more than |up to |over |some |the )?"
                       r"(?:\d+|\d+-|a few|several|one|two|three|four|five|six|seven|eight|"
                       r"nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\s*"
                       r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?)(?:-long| long)?$")
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


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_RE = (r"january|february|march|april|may|june|july|august|september|october|november|"
             r"december|jan\b|feb\b|mar\b|apr\b|jun\b|jul\b|aug\b|sep\b|sept\b|oct\b|"
             r"nov\b|dec\b")
# times and parts of a day: "late Tuesday", "Tuesday night", "at 10 a.m. on Monday"
_TIME_OF_DAY = re.compile(
    r"\b(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d{2}|"
    r"(?:local time|gmt|utc|edt|est|cet|bst)|noon|midday|midnight|overnight|"
    r"morning|afternoon|evening|night|early|late|dawn|dusk|hours?|"
    r"(?:the )?(?:early |late )?hours of)(?!\w)")
_WEEKEND = re.compile(r"^(?:over |during |at |on )?(the |this |last |next )?weekend$")
PRECISIONS = ("day", "week", "month", "year")


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _clean(text: str) -> str:
    t = " ".join(text.lower().replace("’", "'").split())
    t = re.sub(r"^(on|in|since|by|until|from|during|at|over|last|this|next|earlier|later)"
               r"\s+(?=\w)",
               lambda m: m.group(0) if m.group(1) in ("last", "this", "next") else "", t)
    return t


@lru_cache(maxsize=4096)
def resolve(text: str, published: str | None, tense: str = "unknown"
            ) -> tuple[str | None, str | None]:
    """(first day YYYY-MM-DD, precision) of the period ``text`` names, seen from
    ``published``; (None, None) if unknown. Precision is day, week, month or year: "in 2005"
    is (2005-01-01, year), "last week" the Monday of that week, "March 2022" (2022-03-01,
    month). ``tense`` is ``past``, ``future`` or ``unknown`` (from the event's verb group).
    """
    if not published:
        return None, None
    try:
        base = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None, None
    t = _clean(text)
    if t in ("last night", "yesterday night", "overnight"):
        return (base - dt.timedelta(days=1)).isoformat(), "day"
    weekend = _WEEKEND.match(t)
    if weekend:
        # the weekend's Saturday: the last one for a past or unnamed one, the next one ahead
        which = (weekend.group(1) or "").strip()
        sat = base - dt.timedelta(days=(base.weekday() - 5) % 7)
        if which == "next" or (tense == "future" and which != "last") and sat < base:
            sat += dt.timedelta(days=7)
        if which == "last" and sat == base:
            sat -= dt.timedelta(days=7)
        return sat.isoformat(), "day"
    stripped = " ".join(_TIME_OF_DAY.sub(" ", t).replace(" on ", " ").replace(" at ", " ")
                        .split()).strip(" ,")
    stripped = re.sub(r"^(on|at|of)\s+", "", stripped)
    if stripped != t:
        if stripped in ("", "this", "today", "tonight", "the"):
            return base.isoformat(), "day"  # "this morning", "at 10 a.m.", "late tonight"
        t = _clean(stripped)
    if _NOT_DATES.match(t) or _DURATION.match(t):
        return None, None
    for w in WEEKDAYS:
        if re.fullmatch(rf"(this |last |next |on )?{w}", t):
            if t.startswith("last "):
                return _weekday(w, base - dt.timedelta(days=1), "past").isoformat(), "day"
            if t.startswith("next "):
                return _weekday(w, base + dt.timedelta(days=1), "future").isoformat(), "day"
            return _weekday(w, base, tense).isoformat(), "day"
    days = {"today": 0, "tonight": 0, "now": 0, "yesterday": -1, "tomorrow": 1,
            "the day before yesterday": -2, "the day after tomorrow": 2, "earlier today": 0,
            "later today": 0}
    if t in days:
        return (base + dt.timedelta(days=days[t])).isoformat(), "day"
    monday = _monday(base)
    periods: dict[str, tuple[dt.date, str]] = {
        "this week": (monday, "week"), "earlier this week": (monday, "week"),
        "later this week": (monday, "week"),
        "last week": (monday - dt.timedelta(days=7), "week"),
        "the previous week": (monday - dt.timedelta(days=7), "week"),
        "the past week": (monday - dt.timedelta(days=7), "week"),
        "next week": (monday + dt.timedelta(days=7), "week"),
        "the coming week": (monday + dt.timedelta(days=7), "week"),
        "this month": (base.replace(day=1), "month"),
        "earlier this month": (base.replace(day=1), "month"),
        "later this month": (base.replace(day=1), "month"),
        "last month": ((base.replace(day=1) - dt.timedelta(days=1)).replace(day=1), "month"),
        "the previous month": ((base.replace(day=1) - dt.timedelta(days=1)).replace(day=1),
                               "month"),
        "next month": ((base.replace(day=28) + dt.timedelta(days=4)).replace(day=1), "month"),
        "this year": (dt.date(base.year, 1, 1), "year"),
        "earlier this year": (dt.date(base.year, 1, 1), "year"),
        "last year": (dt.date(base.year - 1, 1, 1), "year"),
        "the previous year": (dt.date(base.year - 1, 1, 1), "year"),
        "next year": (dt.date(base.year + 1, 1, 1), "year"),
    }
    if t in periods:
        day, precision = periods[t]
        return day.isoformat(), precision
    if t == "recently":
        return None, None
    m = _AGO.search(t)
    if m:
        g = m.group(1)
        n = int(g) if g.isdigit() else _NUMBERS.get(g, 1)
        unit = m.group(2).rstrip("s")
        back = base - dt.timedelta(days=n * _UNITS[m.group(2)])
        if unit == "day":
            return back.isoformat(), "day"
        if unit == "week":
            return _monday(back).isoformat(), "week"
        if unit == "month":
            return back.replace(day=1).isoformat(), "month"
        return dt.date(back.year, 1, 1).isoformat(), "year"
    decade = re.fullmatch(r"(?:the )?(?:early |mid-?|late )?(1[89]|20)(\d)0'?s", t)
    if decade:
        return f"{decade.group(1)}{decade.group(2)}0-01-01", "year"
    year = re.fullmatch(r"(?:the year |early |mid-?|late )?((?:1[89]|20)\d\d)", t)
    if year:
        return f"{year.group(1)}-01-01", "year"
    if not re.search(r"\d|" + _MONTH_RE, t):
        return None, None
    day_s = _dateparser(t, base, tense)
    if day_s is None:
        return None, None
    has_day = re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", t) is not None
    has_month = re.search(_MONTH_RE, t) is not None
    if has_month and not has_day:
        return day_s[:8] + "01", "month"  # "in March", "March 2022"
    if not has_month and not has_day:
        return day_s[:5] + "01-01", "year"
    return day_s, "day"


def resolve_date(text: str, published: str | None, tense: str = "unknown") -> str | None:
    """The first day (YYYY-MM-DD) of the period ``text`` names; see ``resolve``."""
    return resolve(text, published, tense)[0]


def _dateparser(text: str, base: dt.date, tense: str) -> str | None:
    import dateparser

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future" if tense == "future" else "past",
        "REQUIRE_PARTS": ["month"],
        "STRICT_PARSING": False,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parsed = dateparser.parse(text, languages=["en"], settings=settings)
        except Exception:  # dateparser raises assorted errors on odd strings
            return None
    return None if parsed is None else parsed.date().isoformat()


def period_end(day: dt.date, precision: str | None) -> dt.date:
    """The last day of the period that starts on ``day``."""
    if precision == "year":
        return dt.date(day.year, 12, 31)
    if precision == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    if precision == "week":
        return day + dt.timedelta(days=6)
    return day


def is_historical(day: str | None, published: str | None, precision: str | None = "day") -> bool:
    """PLOVER's 'historical' auxiliary mode: the whole period of the event's date ends before
    the month of publication ("in 2005", "last month", "on 24 February" in a March article),
    so it is background, not the news of the day."""
    if not day or not published:
        return False
    try:
        pub = dt.date.fromisoformat(published[:10])
        end = period_end(dt.date.fromisoformat(day), precision)
    except ValueError:
        return False
    return end < pub.replace(day=1)


def event_date(anchor: Any, trig: Any, sent: Any, published: str | None,
               tense: str) -> tuple[str | None, str | None]:
    """(date_text, day) of the event; see ``event_when``."""
    shown, day, _precision = event_when(anchor, trig, sent, published, tense)
    return shown, day


# conjunctions of clauses that happen at a time of their own
_OWN_TIME_MARKS = frozenset({"since", "after", "before", "until", "because", "once"})


def _own_clause(tok: Any) -> bool:
    """Is ``tok`` the verb of a relative clause or of a since/after/before clause, whose
    date is its own and not that of the clause it hangs on?"""
    if tok.dep_ == "relcl":
        return True
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _OWN_TIME_MARKS
                                       for c in tok.children)


def event_when(anchor: Any, trig: Any, sent: Any, published: str | None,
               tense: str) -> tuple[str | None, str | None, str | None]:
    """(date_text, first day, precision) of the event: the date expression nearest in the
    parse to the event's words, then to the verbs that govern it ("is planning to talk ... on
    Monday")."""
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
            if cur.head.i == cur.i or _own_clause(cur):
                break  # "freed the men whom it had arrested last month": the clause's date
            cur, n = cur.head, n + 1
        if d is not None and (best is None or d < best[0]):
            best = (d, ent)
    if best is None:
        return None, None, None
    ent = best[1]
    prep = ent.root.head if ent.root.dep_ == "pobj" else None
    shown = f"{prep.text} {ent.text}" if prep is not None and prep.i == ent.start - 1 else ent.text
    day, precision = resolve(shown if prep is not None and prep.lower_ == "over" else ent.text,
                             published, tense)
    return shown, day, precision
