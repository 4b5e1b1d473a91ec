"""Property tests (Hypothesis) over every reader and the safe-output escaper (issue 13):
whatever the bytes, each input unit ends as exactly one Article or Rejection, named by its
file (and record), storable as UTF-8; nothing raises."""

from __future__ import annotations

import gzip
import itertools
import json
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.ingest.sources import read_sources
from parley.model import Article, Rejection
from parley.textsafe import rejection_line, safe

FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# text with what breaks things: controls, escapes, lone surrogates, separators, quotes
_pieces = st.one_of(
    st.characters(codec=None, exclude_categories=()),
    st.sampled_from(["\x00", "\x1b[2J", "\n", "\r", "\u202e", "\ud800", "\udcff", "\u2028",
                     '"', "\\", ",", "<", ">", "&", "\ufeff", "\x85", " ", "minister", "Oslo"]),
)
nasty_text = st.lists(_pieces, max_size=30).map("".join)
json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                        nasty_text)
json_value = st.recursive(json_scalar, lambda kids: st.one_of(
    st.lists(kids, max_size=4), st.dictionaries(nasty_text, kids, max_size=4)), max_leaves=12)
dates = st.one_of(st.dates().map(str), st.integers(-10**6, 10**12), nasty_text,
                  st.sampled_from(["0001-01-03", "9999-12-31", "1799-12-31", "2024-02-30"]))
records = st.fixed_dictionaries({}, optional={
    "id": json_value, "text": st.one_of(nasty_text, json_value), "title": json_value,
    "date": st.one_of(dates, json_value), "url": json_value, "author": json_value,
    "meta": st.one_of(st.dictionaries(st.sampled_from(["authors", "x"]), json_value), json_value),
    "section": json_value, "source": json_value,
})


def _check(items: list[Article | Rejection], path: Path) -> None:
    for item in items:
        if isinstance(item, Rejection):
            assert str(path) in item.input or item.input.startswith(str(path)), item
            for value in (item.input, item.detail):
                value.encode("utf-8")
            line = rejection_line(item)
        else:
            for value in (item.id, item.text, item.title, item.url, item.author, item.site,
                          *(v for kv in item.meta for v in kv)):
                if value is not None:
                    value.encode("utf-8")
            assert item.text.strip()
            assert item.date is None or "1800" <= item.date[:4] <= "2100"
            line = safe(item.id)
        assert "\n" not in line and "\x1b" not in line


_ROOT = tempfile.TemporaryDirectory(prefix="parley-fuzz-")
_COUNT = itertools.count()


def _read(name: str, data: bytes) -> tuple[list[Article | Rejection], Path]:
    path = Path(_ROOT.name) / f"{next(_COUNT)}-{name}"
    path.write_bytes(data)
    try:
        return list(read_sources([str(path)])), path
    finally:
        path.unlink()


@FUZZ
@given(st.lists(st.one_of(records.map(json.dumps), json_value.map(json.dumps), nasty_text),
                min_size=0, max_size=8), st.booleans())
def test_jsonl_every_line_is_one_item(lines: list[str], gz: bool) -> None:
    lines = [ln.replace("\n", " ").replace("\r", " ") for ln in lines]
    data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    items, path = _read("c.jsonl.gz" if gz else "c.jsonl", gzip.compress(data) if gz else data)
    units = [n for n, ln in enumerate(data.split(b"\n")[:-1], start=1) if ln.strip()]
    assert len(items) == max(1, len(units))
    if units:
        names = [x.input if isinstance(x, Rejection) else dict(x.meta)["record"] for x in items]
        assert names == [f"{path}:{n}" for n in units]
    _check(items, path)


@FUZZ
@given(st.lists(st.lists(nasty_text, min_size=1, max_size=4), max_size=6))
def test_csv_never_merges_or_loses_rows_silently(rows: list[list[str]]) -> None:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "text"])
    writer.writerows(rows)
    items, path = _read("c.csv", buf.getvalue().encode("utf-8", "surrogatepass"))
    assert items
    assert len(items) <= max(1, len(rows))
    _check(items, path)


SUFFIXES = [".txt", ".html", ".jsonl", ".jsonl.gz", ".csv", ".csv.gz", ".warc", ".warc.gz",
            ".rss", ".atom", ".urls", ".bin"]


@FUZZ
@given(st.sampled_from(SUFFIXES), st.one_of(
    st.binary(max_size=3000), nasty_text.map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.binary(max_size=200).map(gzip.compress),
    st.sampled_from([b"", b"\n", b"W", b"WARC/1.0\r\n\r\n", b"\x1f\x8b", b"id,text\n",
                     b"<table>" * 500, b'"' * 3000])))
def test_any_bytes_under_any_name_end_as_items_that_name_the_file(suffix: str, data: bytes) -> None:
    items, path = _read("x" + suffix, data)
    assert items  # never nothing
    _check(items, path)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_safe_output_is_one_printable_line(value: str) -> None:
    shown = safe(value)
    shown.encode("utf-8")
    assert "\n" not in shown and "\r" not in shown and "\x1b" not in shown
    bidi = set("\u061c\u200e\u200f") | {chr(c) for c in range(0x202A, 0x202F)} | {
        chr(c) for c in range(0x2066, 0x206A)}
    assert not any(unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or ch in bidi
                   for ch in shown)

