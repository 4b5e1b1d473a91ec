"""The dyad aggregates the SQLite writer keeps stay exact when articles are stored again,
and equal what a full rebuild from the per-article rows gives."""

from __future__ import annotations

from pathlib import Path

from parley.analysis import dyad
from parley.store.base import Batch
from parley.store.dyads import REBUILD
from parley.store.migrations import statements
from parley.store.sqlite import SQLiteStore
from support.analysis_docs import Ev, doc


def _tables(conn):
    return (sorted(conn.execute("SELECT * FROM dyad_days")),
            sorted(conn.execute("SELECT * FROM dyad_sources")))


def test_storing_again_keeps_the_aggregates_exact(tmp_path: Path) -> None:
    docs = [doc("a", "2024-03-05", [Ev("AGREE", ("CHN",), ("RUS",)),
                                    Ev("CONSULT", ("CHN", "RUS", "IND"))],
                url="https://a.com/1"),
            doc("b", "2024-03-06", [Ev("ASSAULT", ("RUS",), ("CHN",), aux="future"),
                                    Ev("ACCUSE", ("RUS",), ("CHN",))], url="https://b.com/1")]
    store = SQLiteStore(tmp_path / "x.db")
    try:
        for d in docs:
            store.write_batch(Batch(documents=[d]))
        first = _tables(store.conn)
        before = dyad(store.reader(), "CHN", "RUS")
        for d in docs:  # the same articles again: rows replaced, sums unchanged
            store.write_batch(Batch(documents=[d]))
        assert _tables(store.conn) == first
        assert dyad(store.reader(), "CHN", "RUS") == before
        assert before["periods"][0]["events"] == 3 and before["periods"][0]["articles"] == 2
        for statement in statements(REBUILD):
            store.conn.execute(statement)
        assert _tables(store.conn) == first
        store.conn.execute("DELETE FROM dyad_events")  # the triggers empty the aggregates
        assert _tables(store.conn) == ([], [])
    finally:
        store.close()
