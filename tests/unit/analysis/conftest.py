"""Each analysis test runs twice: over a reader in memory (the dyad table computed from
events) and over a real SQLite store written through ``write_batch`` (the dyad_days table
its writer keeps). Both must give the same answers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from parley.model import Document
from parley.store.base import Batch
from parley.store.sqlite import SQLiteStore
from support.analysis_docs import MemoryReader

MakeReader = Callable[..., object]


@pytest.fixture(params=["memory", "store"])
def make_reader(request: pytest.FixtureRequest, tmp_path: Path) -> Iterable[MakeReader]:
    stores: list[SQLiteStore] = []

    def make(docs: Iterable[Document], duplicates: dict[str, str] | None = None) -> object:
        docs = list(docs)
        duplicates = duplicates or {}
        if request.param == "memory":
            return MemoryReader(docs, duplicates)
        store = SQLiteStore(tmp_path / f"s{len(stores)}.db")
        stores.append(store)
        if not hasattr(store, "reader") or not hasattr(store, "write_batch"):
            pytest.skip("this store has no reader yet")
        for d in docs:
            if d.article.key in duplicates:
                store.write_batch(Batch(duplicates=[(d.article, duplicates[d.article.key],
                                                     "near", 0.9)]))
            else:
                store.write_batch(Batch(documents=[d]))
        return store.reader()

    yield make
    for s in stores:
        s.close()
