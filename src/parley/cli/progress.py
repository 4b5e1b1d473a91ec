"""The progress bar and the line per rejected input, on standard error (analyze, ingest)."""

from __future__ import annotations

import gzip
import os
import sys
import time
from typing import Any

from parley.model import Article, Rejection

LONG_INPUT = 20  # articles: below this, analyze shows no progress bar


def estimate(sources: list[str]) -> int | None:
    """How many items the local sources hold (lines, files); None when unknown."""
    total = 0
    for s in sources:
        if not isinstance(s, str):
            return None
        if os.path.isdir(s):
            total += sum(len([f for f in fs if not f.startswith(".")]) for _, _, fs in os.walk(s))
        elif s.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".csv.gz")) and os.path.isfile(s):
            opener: Any = gzip.open if s.endswith(".gz") else open
            try:
                with opener(s, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except (OSError, EOFError):
                return None
        elif os.path.isfile(s) and not s.endswith((".rss", ".atom", ".warc", ".warc.gz", ".urls")):
            total += 1
        elif not os.path.exists(s) and s != "-" and "://" not in s:
            total += 1  # a missing file: one rejection
        else:
            return None
    return total


def wants_progress(sources: list[str], limit: int | None, asked: bool = True) -> tuple[bool, int | None]:
    """Whether analyze shows a bar (stderr a terminal, a long input) and its total."""
    if not asked or not sys.stderr.isatty():
        return False, None
    total = estimate(sources)
    if limit is not None and total is not None:
        total = min(total, limit)
    return (total is None or total >= LONG_INPUT), total


class Reporter:
    """Progress bar and one line per rejected input, on standard error."""

    def __init__(self, total: int | None, enabled: bool, quiet: bool, label: str = "ingest",
                 skip_stages: tuple[str, ...] = ("dedupe",)) -> None:
        from rich.console import Console

        self.console = Console(stderr=True, highlight=False, emoji=False)
        self.quiet = quiet
        self.skip_stages = skip_stages
        self.progress = None
        self.task = None
        if enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn(label), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                console=self.console, transient=False,
            )
            self.task = self.progress.add_task(label, total=total, rate="")
        self.started = time.perf_counter()
        self.done = 0
        self.failed_inputs: list[str] = []

    def __enter__(self) -> Reporter:
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def advance(self, n: int) -> None:
        self.done += n
        if self.progress is not None and self.task is not None:
            rate = self.done / max(1e-9, time.perf_counter() - self.started)
            self.progress.update(self.task, advance=n, rate=f"{rate:.1f}/s")

    def rejected(self, rej: Rejection, article: Article | None) -> None:
        from parley.cli.options import input_failed

        if input_failed(rej):
            self.failed_inputs.append(rej.input)
        elif self.quiet or rej.stage in self.skip_stages:
            return
        self.line(f"parley: rejected {rej.input}: {rej.stage}/{rej.reason}: {rej.detail}")

    def line(self, text: str) -> None:
        self.console.print(text, markup=False, soft_wrap=True, highlight=False)
