"""Shared by the stance pass tests: hand-built actors for the names a sentence mentions, and
a stance as (holder name, issue, polarity)."""

from __future__ import annotations

import re
from collections.abc import Callable

from parley.model import Document

Cast = dict[str, tuple[str, str | None, str | None]]


def run_named(run_quotes: Callable[..., Document], cast: Cast, text: str) -> Document:
    """Run the quote stage on ``text`` with the actors of ``cast`` whose names it mentions as
    whole words."""
    return run_quotes(text, {k: v for k, v in cast.items()
                             if re.search(rf"(?<!\w){re.escape(k)}(?!\w)", text)})


def triples(doc: Document) -> set[tuple[str | None, str, str]]:
    return {(s.holder.name, s.issue, s.polarity) for s in doc.stances}
