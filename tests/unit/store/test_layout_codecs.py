"""The SQLite layout's packed columns come back exactly: article text (Brotli, or plain from
before migration 0005), actor mentions (varints, or JSON where they cannot be), and the
SQL functions every store connection has."""

from __future__ import annotations

import json
import sqlite3

from hypothesis import given
from hypothesis import strategies as st

from parley.store.sqlite_layout import (
    mention_count,
    pack_mentions,
    pack_text,
    register,
    unpack_mentions,
    unpack_text,
)


@given(st.text())
def test_any_text_comes_back(text: str) -> None:
    packed = pack_text(text)
    assert isinstance(packed, bytes) and unpack_text(packed) == text
    assert unpack_text(text) == text  # stored before 0005: plain


def test_news_text_packs_to_well_under_half() -> None:
    text = ("The foreign ministers of both countries met in Geneva on Monday and agreed to "
            "resume talks on the border, officials said. ") * 20
    assert len(pack_text(text)) < len(text.encode()) / 2


spans = st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 300)), max_size=40)


@given(spans)
def test_mentions_come_back_in_their_json_form(pairs: list[tuple[int, int]]) -> None:
    flat = [x for start, length in pairs for x in (start, start + length)]
    value = json.dumps(flat, separators=(",", ":")) if flat else None
    packed = pack_mentions(value)
    assert unpack_mentions(packed) == value
    assert mention_count(packed) == len(pairs)
    in_order = all(flat[i] >= flat[i - 1] for i in range(1, len(flat)))
    assert isinstance(packed, bytes) == (bool(flat) and in_order)


def test_mentions_with_their_own_text_stay_json() -> None:
    nested = json.dumps([[3, 8, "Putin"], [20, 25]])
    assert pack_mentions(nested) == nested and mention_count(nested) == 2


def test_sql_reads_the_packed_columns() -> None:
    conn = sqlite3.connect(":memory:")
    register(conn)
    blob = pack_text("Kenya accused Somalia.")
    (text, n) = conn.execute("SELECT substr(parley_text(?), 1, 5), parley_mentions(?)",
                             (blob, pack_mentions("[0,5,14,21]"))).fetchone()
    assert (text, n) == ("Kenya", 2)
