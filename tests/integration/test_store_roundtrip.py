"""The examples/ articles through the real pipeline into the store: the CONTRACT record
rebuilt from the rows equals the one the pipeline made, and the reader's evidence is the
stored text."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.ingest import read_inputs
from parley.ingest.dedupe import Deduper
from parley.model import Document, to_contract
from parley.pipeline import Pipeline
from parley.runner import LocalRunner
from parley.store import SQLiteStore

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_examples_round_trip_through_the_store(tmp_path: Path, pipeline: Pipeline) -> None:
    store = SQLiteStore(tmp_path / "parley.db")
    docs: list[Document] = []
    try:
        LocalRunner(pipeline, store, deduper=Deduper(store)).run(
            read_inputs([str(EXAMPLES)], default_date="2023-06-05"), on_document=docs.append)
        assert len(docs) == 3 and sum(len(d.events) for d in docs) > 0
        reader = store.reader()
        for doc in docs:
            assert reader.article(doc.article.key) == to_contract(doc)
            for e in doc.events:
                ev = reader.evidence(doc.article.key, "event", e.id)
                assert ev is not None and ev["sentence"] == e.sentence.text
                assert ev["span"]["text"] == e.trigger.text
            for q in doc.quotes:
                qe = reader.evidence(doc.article.key, "quote", q.id)
                assert qe is not None and q.content.text in qe["sentence"]
        # every participant carries its actor's stable key
        keys = {a.key for d in docs for a in d.actors}
        for e in reader.events(real_only=False):
            for p in e["actors"] + e["recipients"]:
                assert p["key"] in keys or p["key"] is None or p["key"].startswith("name:")
    finally:
        store.close()
