"""The dyad table's coverage of a set of pairs: distinct articles and sources, however many pairs."""

from __future__ import annotations

from pathlib import Path

from parley.store import SQLiteStore
from parley.store.base import Batch
from parley.store.dyads import DyadTable
from support.analysis_docs import Ev, doc


def test_coverage_counts_each_article_and_source_once_over_many_pairs(tmp_path: Path) -> None:
    docs = [doc("a", "2024-03-05", [Ev("AGREE", ("CHN",), ("RUS",)),
                                    Ev("ACCUSE", ("RUS",), ("CHN",))], url="https://a.com/1"),
            doc("b", "2024-03-06", [Ev("CONSULT", ("CHN",), ("IND",))], url="https://a.com/2"),
            doc("c", "2024-03-07", [Ev("SUPPORT", ("IND",), ("RUS",))], url="https://c.org/3"),
            doc("d", "2024-03-08", [Ev("ASSAULT", ("RUS",), ("CHN",), aux="future")],
                url="https://d.net/4")]
    store = SQLiteStore(tmp_path / "p.db")
    try:
        for d in docs:
            store.write_batch(Batch(documents=[d]))
        t = DyadTable(store.conn)
        both = [("CHN", "RUS"), ("RUS", "CHN")]
        # article a on both sides counts once; d's event is future, not real
        assert t.coverage_many(level="country", pairs=both) == (1, 1)
        # 450 pairs (more than one compound query) with the same three real ones among them
        filler = [(f"X{i:03d}", "CHN") for i in range(446)]
        many = [*filler[:200], ("CHN", "RUS"), *filler[200:], ("RUS", "CHN"), ("CHN", "IND"),
                ("IND", "RUS")]
        assert t.coverage_many(level="country", pairs=many) == (3, 2)
        assert t.coverage_many(level="country", pairs=[]) == (0, 0)
        assert t.coverage_many(level="country", pairs=both, date_from="2024-03-06") == (0, 0)
    finally:
        store.close()
