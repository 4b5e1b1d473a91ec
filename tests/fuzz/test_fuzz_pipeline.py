"""Property tests over the whole ingest path (issue 13): arbitrary text, ids, titles,
metadata and dates through readers, language check, dedupe, the pipeline and a store.
Every input unit ends as exactly one stored article, one duplicate or one rejection, with
one line naming it, and the run goes on."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.ingest.dedupe import Deduper
from parley.ingest.language import check_language
from parley.ingest.sources import read_sources
from parley.pipeline import Pipeline
from parley.runner import LocalRunner
from parley.store import open_store
from parley.textsafe import rejection_line
from support.hostile import make_inputs, run_inputs

pytestmark = pytest.mark.model

WORDS = ("The minister of Norway met Swedish envoys in Oslo and agreed on border talks while "
         "protesters in Geneva demanded sanctions against the government , said officials .").split()
prose = st.lists(st.sampled_from(WORDS), min_size=0, max_size=60).map(" ".join)
nasty = st.lists(st.one_of(st.characters(codec=None), st.sampled_from(
    ["\x00", "\x1b[31m", "\n", "\u202e", "\ud800", '"', "Last week", "yesterday", "Mr.", "«"])),
    max_size=25).map("".join)
value = st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.booleans(), nasty,
                  st.lists(nasty, max_size=3), st.dictionaries(nasty, nasty, max_size=2))
record = st.fixed_dictionaries(
    {"text": st.one_of(prose, st.tuples(prose, nasty, prose).map(" ".join), value)},
    optional={"id": value, "title": value, "meta": value, "author": value, "url": value,
              "date": st.one_of(st.dates().map(str), st.sampled_from(
                  ["0001-01-03", "9999-12-31", "1799-06-01", "2024-02-30"]), value)})


@pytest.fixture(scope="module")
def runner_factory(pipeline: Pipeline) -> Iterator[object]:
    tmp = tempfile.TemporaryDirectory(prefix="parley-fuzz-")

    def make(name: str) -> tuple[LocalRunner, object]:
        store = open_store(str(Path(tmp.name) / f"{name}.db"))
        return LocalRunner(pipeline, store, deduper=Deduper(store), batch_size=8,
                           skip_stored=True), store

    yield make
    tmp.cleanup()


_RUN = iter(range(10**9))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(record, min_size=1, max_size=12), st.booleans())
def test_every_record_ends_as_one_outcome_with_one_line(runner_factory, records, repeat) -> None:  # type: ignore[no-untyped-def]
    if repeat:  # exact copies: the later ones are duplicates, never lost
        records = records + records[:2]
    lines_in = [json.dumps(r).replace("\n", " ") for r in records]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.jsonl"
        path.write_text("\n".join(lines_in) + "\n", encoding="utf-8", errors="surrogatepass")
        runner, store = runner_factory(f"r{next(_RUN)}")
        named: list[str] = []
        docs: list[object] = []
        try:
            summary = runner.run(check_language(read_sources([str(path)])),
                                 on_document=docs.append,
                                 on_rejection=lambda r, a: named.append(rejection_line(r, a)))
        finally:
            store.close()  # type: ignore[attr-defined]
    silent = summary.stored_before  # already in the store: counted, no line
    assert len(docs) + len(named) + silent == len(records)
    assert all("\n" not in ln and "\x1b" not in ln for ln in named)
    assert all(f"{path}:" in ln for ln in named), named


@pytest.mark.slow
def test_the_hostile_classes_keep_the_invariant(runner_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    inputs = make_inputs(tmp_path, 250, seed=13, big=False)
    runner, store = runner_factory("classes")
    try:
        tally = run_inputs(inputs, runner, hang_seconds=120)
    finally:
        store.close()
    assert len(tally.classes) >= 10
    assert (tally.crashes, tally.hangs, tally.drops) == (0, 0, 0), tally.problems
    assert not tally.problems, tally.problems
