"""Helpers for tests that read real parses of small sentences (the ``parse`` fixture is in
tests/conftest.py)."""

from __future__ import annotations

from typing import Any


def verb(doc: Any, lemma: str) -> Any:
    """The first verb (or auxiliary) of ``doc`` with this lemma; fails the test if none."""
    found = [t for t in doc if t.lemma_.lower() == lemma and t.pos_ in ("VERB", "AUX")]
    assert found, f"no verb {lemma!r} in {doc.text!r}: {[(t.text, t.pos_) for t in doc]}"
    return found[0]
