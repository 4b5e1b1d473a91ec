"""Bounded work per article: the text checks made before parsing, and a cooperative deadline.

The deadline is a per-article time budget (``limits.seconds``). The runner opens it around
each stage call of an article with :func:`budget`; hot loops call :func:`check`, which costs
one clock read and raises :class:`~parley.errors.RejectedArticle` (reason ``timeout``) once
the budget is spent, so the runner stores a rejection and the run goes on. Outside a budget
:func:`check` does nothing.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from parley.errors import RejectedArticle


@dataclass(frozen=True, slots=True)
class _Deadline:
    at: float  # time.monotonic() when the budget is spent
    seconds: float  # the whole budget, for the message


_current: ContextVar[_Deadline | None] = ContextVar("parley_deadline", default=None)


@contextmanager
def budget(seconds: float | None, spent: float = 0.0) -> Iterator[None]:
    """Run the block under a budget of ``seconds`` of which ``spent`` is already used."""
    if seconds is None:
        yield
        return
    token = _current.set(_Deadline(time.monotonic() + seconds - spent, seconds))
    try:
        yield
    finally:
        _current.reset(token)


def check(stage: str) -> None:
    """Raise ``RejectedArticle(stage, "timeout")`` when the current budget is spent."""
    deadline = _current.get()
    if deadline is not None and time.monotonic() > deadline.at:
        raise RejectedArticle(
            stage, "timeout",
            f"over the time budget of {deadline.seconds:g} s per article (setting "
            "limits.seconds); the article is not coded")


def remaining() -> float | None:
    """Seconds left in the current budget (None outside one)."""
    deadline = _current.get()
    return None if deadline is None else deadline.at - time.monotonic()


_QUOTES = re.compile("[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u300c\u300d]")


@lru_cache(maxsize=8)
def _punct_run(n: int) -> re.Pattern[str]:
    return re.compile(rf"[^\w\s]{{{n + 1}}}")


def text_problem(text: str, *, characters: int, quotation_marks: int,
                 punctuation_run: int) -> tuple[str, str] | None:
    """``(reason, detail)`` when ``text`` is over a limit that parsing it would pay for
    super-linearly, else None. Checked before the parser sees the text."""
    if len(text) > characters:
        return ("too_long", f"{len(text):,} characters; the parser takes at most "
                            f"{characters:,} (setting limits.characters)")
    quotes = len(_QUOTES.findall(text))
    if quotes > quotation_marks:
        return ("too_many_quotes", f"{quotes:,} quotation marks; at most {quotation_marks:,} "
                                   "(setting limits.quotation_marks)")
    m = _punct_run(punctuation_run).search(text)
    if m is not None:
        end = m.end()
        while end < len(text) and not text[end].isspace() and not text[end].isalnum() \
                and text[end] != "_":
            end += 1
        return ("punctuation_run",
                f"{end - m.start():,} punctuation marks in a row at character {m.start():,}; "
                f"at most {punctuation_run:,} (setting limits.punctuation_run)")
    return None
