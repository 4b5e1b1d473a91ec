"""Hostile inputs (issue 13): each one ends as articles and rejections, one per input unit,
never a crash, a hang, a silent drop or unbounded memory. Small cases are committed under
tests/fixtures/hostile/; big ones are built here."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import tracemalloc
import zlib
from pathlib import Path

import pytest

from parley.ingest import read_inputs
from parley.ingest.sources import read_sources
from parley.model import Article, Rejection
from parley.textsafe import rejection_line

HOSTILE = Path(__file__).resolve().parents[2] / "fixtures" / "hostile"
STORY = ("The foreign ministers of Norway and Sweden met in Oslo on Monday and agreed to "
         "expand cooperation on border security, officials said.")


def _read(path: Path | str, **kw: object) -> list[Article | Rejection]:
    return list(read_sources([str(path)], **kw))  # type: ignore[arg-type]


def _reasons(items: list[Article | Rejection]) -> list[str]:
    return [x.reason if isinstance(x, Rejection) else "article" for x in items]


# --- crashes -------------------------------------------------------------------------------

def test_lone_surrogates_are_kept_escaped_and_can_be_stored_and_printed(tmp_path: Path) -> None:
    items = _read(HOSTILE / "surrogates.jsonl")
    assert _reasons(items) == ["article", "article"]
    art = items[0]
    assert isinstance(art, Article)
    assert art.id == "s\\ud800-1" and art.title == "T\\xff"  # escaped, visible
    assert "\ufffd" in art.text and len(art.text) == len("Ministers met \ud83d in Oslo on Monday.")
    for value in (art.id, art.title, art.text):
        value.encode("utf-8")  # main: UnicodeEncodeError, surrogates not allowed
    with sqlite3.connect(tmp_path / "x.db") as conn:  # what a store does with it
        conn.execute("CREATE TABLE t (id TEXT, title TEXT, text TEXT)")
        conn.execute("INSERT INTO t VALUES (?, ?, ?)", (art.id, art.title, art.text))


def test_a_non_utf8_file_name_is_escaped_in_ids_and_messages(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9 \xff.txt", "wb") as fh:
        fh.write(STORY.encode())
    with open(folder + b"/empty\xfe.txt", "wb") as fh:
        fh.write(b"")
    items = _read(tmp_path)
    art, rej = sorted(items, key=lambda x: isinstance(x, Rejection))
    assert isinstance(art, Article) and art.id.endswith("caf\\xe9 \\xff.txt")
    assert isinstance(rej, Rejection) and rej.input.endswith("empty\\xfe.txt")
    line = rejection_line(rej)
    line.encode("utf-8")
    assert "empty\\xfe.txt: ingest/empty" in line


def test_json_nested_a_thousand_levels_is_one_rejection_and_reading_goes_on() -> None:
    items = _read(HOSTILE / "deep.jsonl")
    assert _reasons(items) == ["malformed", "malformed", "malformed", "article"]
    assert all("nested too deeply" in x.detail for x in items[:3] if isinstance(x, Rejection))
    assert items[0].input.endswith("deep.jsonl:1")  # type: ignore[union-attr]


def test_wrong_typed_fields_are_coerced_or_rejected_with_the_field_named() -> None:
    items = _read(HOSTILE / "wrong_types.jsonl")
    assert _reasons(items)[:2] == ["article", "article"]
    first, second = items[0], items[1]
    assert isinstance(first, Article) and first.author == "1, 2"  # main: TypeError
    assert isinstance(second, Article) and (second.id, second.title) == ("42", "7")
    named = [x.detail.split("'")[1] for x in items[2:] if isinstance(x, Rejection)]
    assert named == ["title", "id", "text", "meta", "date", "author"]
    assert all(x.input.endswith(f"wrong_types.jsonl:{n}")  # type: ignore[union-attr]
               for n, x in enumerate(items[2:], start=3))


def test_a_flipped_bit_in_a_gzip_is_a_rejection_not_a_zlib_error(tmp_path: Path) -> None:
    items = _read(HOSTILE / "flipped.jsonl.gz")
    assert items and isinstance(items[-1], Rejection) and items[-1].reason == "unreadable"
    # a stream cut short after good records keeps the records read so far
    body = "".join(json.dumps({"id": f"r{i}", "text": STORY}) + "\n" for i in range(2000))
    raw = gzip.compress(body.encode(), mtime=0)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(raw[: len(raw) * 2 // 3] + bytes(64))
    items = _read(cut)
    assert isinstance(items[-1], Rejection) and items[-1].reason == "unreadable"
    assert sum(isinstance(x, Article) for x in items) > 100


# --- silent drops ----------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "reason"), [
    ("empty.jsonl", "empty"), ("blank.jsonl", "empty"), ("empty_member.jsonl.gz", "empty"),
    ("header_only.csv", "empty"), ("empty.warc", "empty"), ("one_byte.warc", "empty"),
    ("pdf_png.warc", "no_html"), ("no_urls.urls", "empty"),
])
def test_inputs_with_nothing_in_them_say_so(name: str, reason: str) -> None:
    items = _read(HOSTILE / name)
    assert _reasons(items) == [reason]  # main: nothing at all
    assert items[0].input == str(HOSTILE / name)  # type: ignore[union-attr]
    assert items[0].detail  # type: ignore[union-attr]


def test_pdf_and_png_records_are_counted_in_the_rejection() -> None:
    (rej,) = _read(HOSTILE / "pdf_png.warc")
    assert isinstance(rej, Rejection) and "application/pdf 1" in rej.detail and "image/png 1" in rej.detail


@pytest.mark.parametrize("name", ["garbage_first.warc", "no_uri.warc"])
def test_a_garbage_warc_header_does_not_hide_the_records_after_it(name: str) -> None:
    items = _read(HOSTILE / name)
    assert _reasons(items) == ["malformed_warc", "article"]
    assert isinstance(items[1], Article) and items[1].id == "http://example.org/page"


def test_an_empty_directory_is_a_rejection(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / ".hidden").write_text("x", encoding="utf-8")
    assert _reasons(_read(tmp_path / "in")) == ["empty"]


def test_an_unclosed_csv_quote_does_not_merge_the_next_row_into_one_article() -> None:
    items = _read(HOSTILE / "unclosed_quote.csv")
    assert _reasons(items) == ["malformed", "article"]
    assert items[0].input.endswith("unclosed_quote.csv:2-3")  # type: ignore[union-attr]
    assert isinstance(items[1], Article) and items[1].id == "c3"
    assert "swallows" not in items[1].text


def test_an_unclosed_quote_at_the_end_of_a_csv_is_a_rejection(tmp_path: Path) -> None:
    path = tmp_path / "tail.csv"
    path.write_text(f'id,text\na,"{STORY}"\nb,"never closed\nc,more\n', encoding="utf-8")
    assert _reasons(_read(path)) == ["article", "malformed"]


# --- hangs and non-regular files -------------------------------------------------------------

def test_a_fifo_in_an_input_directory_is_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # main: blocks for ever on open()
    items = _read(tmp_path)
    assert _reasons(items) == ["article", "not_a_file"]
    assert "FIFO" in items[1].detail  # type: ignore[union-attr]


def test_nested_tables_are_rejected_before_the_extractor(tmp_path: Path) -> None:
    path = tmp_path / "tables.html"
    depth = 3_300_000 // len("<table><tr><td>") // 2
    path.write_text("<html><body>" + "<table><tr><td>x" * depth + "</td></tr></table>" * depth,
                    encoding="utf-8")
    (rej,) = _read(path)
    assert isinstance(rej, Rejection) and rej.reason == "too_deep"
    assert "limits.markup_depth" in rej.detail


def test_ordinary_pages_are_not_too_deep(tmp_path: Path) -> None:
    paras = "".join(f"<p>Paragraph {i} says the minister met the envoy.<li>item" for i in range(400))
    page = f"<html><body><article><h1>Talks</h1>{paras}<br><img src=x></article></body></html>"
    path = tmp_path / "ok.html"
    path.write_text(page, encoding="utf-8")
    assert _reasons(_read(path)) == ["article"]


# --- memory ------------------------------------------------------------------------------------

def _gzip_with_one_long_line(path: Path, size: int, prefix: bytes) -> None:
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"a" * (1 << 20)
    with open(path, "wb") as fh:
        fh.write(comp.compress(prefix))
        for _ in range(size // len(chunk)):
            fh.write(comp.compress(chunk))
        fh.write(comp.compress(b'"}\n' if prefix.startswith(b"{") else b"\n"))
        fh.write(comp.flush())


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["jsonl.gz", "csv.gz"])
def test_a_gzip_holding_a_1gb_line_is_too_large_without_reading_it_into_memory(
        tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"bomb.{kind}"
    prefix = b'{"id": "big", "text": "' if kind == "jsonl.gz" else b'id,text\nbig,'
    _gzip_with_one_long_line(path, 1 << 30, prefix)
    assert path.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    try:
        items = _read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "too_large" in _reasons(items)
    assert peak < 300 * 1024 * 1024, f"peak {peak:,} bytes"  # main: 3.3 GB / 6.4 GB


def test_decompression_stops_at_the_cap(tmp_path: Path) -> None:
    from parley.config import LimitSettings

    path = tmp_path / "many.jsonl.gz"
    body = "".join(json.dumps({"id": f"r{i}", "text": STORY}) + "\n" for i in range(1000))
    path.write_bytes(gzip.compress(body.encode()))
    items = list(read_inputs([str(path)], limits=LimitSettings(decompressed_bytes=100_000)))
    assert isinstance(items[-1], Rejection) and items[-1].reason == "too_large"
    assert "limits.decompressed_bytes" in items[-1].detail
    assert 0 < sum(isinstance(x, Article) for x in items) < 1000


# --- dates --------------------------------------------------------------------------------------

def test_dates_outside_1800_2100_are_ignored_with_a_reason() -> None:
    items = _read(HOSTILE / "old_date.jsonl")
    assert _reasons(items) == ["article", "article"]
    for art, why in zip(items, ("0001-01-03 is outside the years 1800-2100", "9999-12-30"),
                        strict=True):
        assert isinstance(art, Article) and art.date is None
        assert why in dict(art.meta)["date_ignored"]


def test_a_default_date_outside_1800_2100_is_a_config_error() -> None:
    from parley.errors import ConfigError

    with pytest.raises(ConfigError, match="1800-2100"):
        list(read_inputs(["-"], "0001-01-03"))


def test_a_feed_item_dated_year_1_gets_no_date(tmp_path: Path) -> None:
    feed = tmp_path / "old.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>Ministers meet</title><link>http://example.org/a</link>"
        "<description>The ministers met in Oslo last week.</description>"
        "<pubDate>Mon, 03 Jan 0001 10:00:00 GMT</pubDate></item></channel></rss>",
        encoding="utf-8")
    (art,) = _read(feed)
    assert isinstance(art, Article)
    assert art.date is None or "1800" <= art.date[:4] <= "2100"
