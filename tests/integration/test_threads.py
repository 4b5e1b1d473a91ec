"""Stages hold no per-document state: eight threads coding the same articles at once give
byte-identical records to one thread doing them in turn."""

from __future__ import annotations

import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from parley.ingest import read_inputs
from parley.model import Article, to_contract
from parley.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.model, pytest.mark.slow]


def _records(pipeline: Pipeline, articles: list[Article]) -> list[str]:
    return [json.dumps(to_contract(d), sort_keys=True) for d in pipeline.run(articles)]


def test_eight_threads_match_a_serial_run(pipeline: Pipeline) -> None:
    articles = [a for a in read_inputs([str(ROOT / "examples")]) if isinstance(a, Article)]
    assert len(articles) >= 3
    serial = _records(pipeline, articles)
    assert any('"events": [{' in r for r in serial)  # the examples do code events
    # each thread codes the articles one at a time, in a different order, many times over
    jobs = [[articles[(k + j) % len(articles)]] for k in range(8 * 10) for j in range(len(articles))]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, so shared state would show
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(lambda batch: _records(pipeline, batch)[0], jobs))
    finally:
        sys.setswitchinterval(interval)
    expected = {a.id: r for a, r in zip(articles, serial, strict=True)}
    wrong = [job[0].id for job, got in zip(jobs, results, strict=True) if got != expected[job[0].id]]
    assert not wrong, f"{len(wrong)} of {len(jobs)} records differ from the serial run"
