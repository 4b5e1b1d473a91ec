"""Fixtures for the quote tests: one parse per sentence through the project's spaCy loader."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from parley.model import Actor, Article, Document


@pytest.fixture(scope="session")
def nlp() -> Any:
    from parley.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def run_quotes(nlp: Any) -> Callable[..., Document]:
    """Parse ``text``, attach hand-built actors ({mention text: (name, country, sector)}),
    and run the quote stage."""
    from parley.quotes import QuoteStage

    stage = QuoteStage()

    def run(text: str, actors: dict[str, tuple[str, str | None, str | None]] | None = None) -> Document:
        built: list[Actor] = []
        index: list[tuple[int, int, str]] = []
        for n, (surface, (name, country, sector)) in enumerate((actors or {}).items(), 1):
            actor_id = f"A{n}"
            start = text.find(surface)
            assert start >= 0, f"fixture mention {surface!r} not in the text"
            spans = []
            while start >= 0:
                index.append((start, start + len(surface), actor_id))
                from parley.model import Span

                spans.append(Span.of(text, start, start + len(surface)))
                start = text.find(surface, start + 1)
            built.append(Actor(actor_id, name, country, sector, mentions=tuple(spans)))
        doc = Document(Article("test", text), parse=nlp(text), actors=tuple(built),
                       mention_actor=tuple(index))
        return stage(doc)

    return run
