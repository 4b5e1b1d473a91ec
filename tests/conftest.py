"""Shared fixtures: one loaded pipeline per test session, an ``analyze`` helper and the
shared folder (third-party texts, gold sets and scorers, read in place, never copied).

The pipeline is built lazily: tests that never ask for it never load spaCy.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parley.model import Article, Document
from parley.pipeline import Pipeline

pytest_plugins = ["support.stores"]  # any_store / store_url / pg_url: SQLite and PostgreSQL

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PARLEY_SHARED") or ROOT / ".." / "shared")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder (``../shared`` or ``$PARLEY_SHARED``); skips the test when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared folder not found at {SHARED.resolve()}: set PARLEY_SHARED to the "
                    "folder that holds examples/, eval/ and tools/ to run this test")
    return SHARED.resolve()


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline (spaCy, actors, coding, quotes), loaded once per session."""
    return Pipeline.default()


@pytest.fixture(scope="session")
def analyze(pipeline: Pipeline) -> Callable[..., Document]:
    """``analyze(text, date)`` runs the whole pipeline on one text and returns the Document."""

    def run(text: str, date: str | None = "2023-03-20", article_id: str = "test") -> Document:
        (doc,) = pipeline.run([Article(id=article_id, text=text, date=date)])
        return doc

    return run


@pytest.fixture(scope="session")
def parse() -> Callable[[str], Any]:
    """A spaCy parse of a small sentence with the pinned model, each text parsed once."""
    from parley.nlp.pipeline import load_nlp

    nlp = load_nlp()
    cache: dict[str, Any] = {}

    def run(text: str) -> Any:
        if text not in cache:
            cache[text] = nlp(text)
        return cache[text]

    return run
