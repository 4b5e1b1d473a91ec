"""A quotes stage that kills its worker process once, on one article: for the Dask
kill-and-rerun test. Loaded into each worker with ``preload``; armed by two environment
variables: ``PARLEY_KILL_ID`` (the article id) and ``PARLEY_KILL_MARKER`` (a file path; the
first worker to meet the article creates it and dies, later ones go on)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from parley.model import Document
from parley.pipeline import register

NAME = "test.kill_once.v1"


class KillOnce:
    name = NAME
    requires: tuple[str, ...] = ("parse", "actors")
    provides: tuple[str, ...] = ("quotes", "stances")

    def __init__(self) -> None:
        from parley.quotes.stage import QuoteStage

        self.inner = QuoteStage()

    def __call__(self, doc: Document) -> Document:
        target, marker = os.environ.get("PARLEY_KILL_ID"), os.environ.get("PARLEY_KILL_MARKER")
        if target and marker and doc.article.id == target and not Path(marker).exists():
            Path(marker).write_text(str(os.getpid()))
            os._exit(1)  # the worker process dies mid-partition, as a crash would
        return self.inner(doc)


def _factory(settings: Any) -> KillOnce:
    return KillOnce()


register(NAME, _factory)
