"""A small store written through the store's writer, served by the real reader and analysis."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi")


@pytest.fixture()
def docs() -> list[Any]:
    from support.synthetic import document, hostile_document

    rng = random.Random(3)
    return [document(i, rng, f"2023-06-0{1 + i % 9}") for i in range(12)] + [hostile_document(0)]


@pytest.fixture()
def make_client(tmp_path: Any, docs: list[Any]) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    import parley.analysis as analysis
    from parley.api import Limits, Service, create_app
    from parley.store import SQLiteStore
    from parley.store.base import Batch

    store = SQLiteStore(tmp_path / "t.db")
    store.write_batch(Batch(documents=docs))
    clients = []

    def make(**kw: Any) -> Any:
        kw.setdefault("analysis", analysis)
        kw.setdefault("limits", Limits(max_page=5))
        c = TestClient(create_app(Service(store.reader, **kw)))
        c.__enter__()
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.__exit__(None, None, None)
    store.close()


@pytest.fixture()
def client(make_client: Any) -> Any:
    return make_client()
