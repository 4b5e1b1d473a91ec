"""read_inputs: every input kind of CONTRACT.md, and a Rejection for every bad input."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from parley.errors import ConfigError
from parley.ingest import read_inputs
from parley.model import Article, Rejection


def _only(items: list[Article | Rejection]) -> Article | Rejection:
    assert len(items) == 1, items
    return items[0]


def test_text_file_title_is_first_non_empty_line_and_text_is_whole_file(tmp_path: Path) -> None:
    content = "\n\n  Talks resume in Geneva  \nThe foreign ministers met on Monday.\n"
    (tmp_path / "a.txt").write_text(content, encoding="utf-8")
    art = _only(list(read_inputs([str(tmp_path / "a.txt")], "2024-03-01")))
    assert isinstance(art, Article)
    assert art.title == "Talks resume in Geneva"
    assert art.text == content
    assert art.id == str(tmp_path / "a.txt")
    assert art.date == "2024-03-01"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"Minister said ok", "Minister said ok"),
        (b"\xef\xbb\xbfBOM headline\nbody", "BOM headline\nbody"),
        ("UTF-16 Überschrift\nbody".encode("utf-16"), "UTF-16 Überschrift\nbody"),
        ("Le ministre a déclaré à Genève".encode("latin-1"), "Le ministre a déclaré à Genève"),
        ("He called it \u201ca disgrace\u201d \u2013 twice".encode("cp1252"),
         "He called it \u201ca disgrace\u201d \u2013 twice"),
        ("São Paulo mayor’s office".encode("cp1252"), "São Paulo mayor’s office"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "latin1", "cp1252-quotes", "cp1252-apostrophe"],
)
def test_encodings_are_decoded(tmp_path: Path, raw: bytes, expected: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(raw)
    art = _only(list(read_inputs([str(path)])))
    assert isinstance(art, Article), art
    assert art.text == expected


@pytest.mark.parametrize(
    ("name", "raw", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        ("nul.txt", b"abc\x00\x00\x01def" * 50, "binary"),
        ("controls.txt", bytes([1, 2, 3, 4, 5, 6, 7, 65]) * 200, "binary"),
        ("empty.html", b"", "empty"),
    ],
)
def test_bad_files_are_rejections(tmp_path: Path, name: str, raw: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(raw)
    rej = _only(list(read_inputs([str(path)])))
    assert isinstance(rej, Rejection)
    assert (rej.input, rej.stage, rej.reason) == (str(path), "ingest", reason)
    assert rej.detail


def test_missing_path_is_a_rejection_and_the_run_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Headline\nBody.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(good)]))
    assert isinstance(items[0], Rejection) and items[0].reason == "missing"
    assert isinstance(items[1], Article)


def test_too_large_text_is_rejected_not_truncated(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = b"The delegation met the minister and discussed the ceasefire at length.\n"
    with open(path, "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    assert path.stat().st_size >= 50 * 1024 * 1024
    rej = _only(list(read_inputs([str(path)])))
    assert isinstance(rej, Rejection) and rej.reason == "too_large"
    assert "20,971,520" in rej.detail


def test_size_cap_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Headline\n" + "word " * 100, encoding="utf-8")
    assert isinstance(_only(list(read_inputs([str(path)], max_bytes=100))), Rejection)
    assert isinstance(_only(list(read_inputs([str(path)], max_bytes=10_000))), Article)


def _jsonl_lines() -> list[str]:
    return [
        json.dumps({"id": "r1", "text": "  Exact text, spaces kept.  ", "title": "T1",
                    "date": "2020-05-01", "url": "https://example.org/a"}),
        '{"id": "r2", "text": "broken',
        json.dumps({"id": "r3", "text": "Third record."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "r5", "title": "no text"}),
        json.dumps({"id": "r6", "text": ""}),
        json.dumps({"text": "No id here.", "date": "2021-02-03T10:00:00Z"}),
    ]


@pytest.mark.parametrize("gz", [False, True], ids=["jsonl", "jsonl.gz"])
def test_jsonl_keeps_ids_and_text_and_goes_on_after_a_bad_line(tmp_path: Path, gz: bool) -> None:
    body = ("\n".join(_jsonl_lines()) + "\n").encode("utf-8")
    path = tmp_path / ("c.jsonl.gz" if gz else "c.jsonl")
    path.write_bytes(gzip.compress(body) if gz else body)
    items = list(read_inputs([str(path)], "2024-01-01"))
    assert len(items) == 7
    first = items[0]
    assert isinstance(first, Article)
    assert (first.id, first.text, first.title, first.date, first.url) == (
        "r1", "  Exact text, spaces kept.  ", "T1", "2020-05-01", "https://example.org/a")
    assert isinstance(items[1], Rejection)
    assert (items[1].input, items[1].reason) == (f"{path}:2", "malformed")
    assert isinstance(items[2], Article) and items[2].id == "r3" and items[2].date == "2024-01-01"
    assert isinstance(items[3], Rejection) and items[3].reason == "malformed"
    assert isinstance(items[4], Rejection) and items[4].reason == "malformed"
    assert isinstance(items[5], Rejection) and items[5].reason == "empty"
    last = items[6]
    assert isinstance(last, Article) and last.id == f"{path}:7" and last.date == "2021-02-03"


def test_jsonl_line_not_utf8_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "fine"}\n')
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Rejection) and items[0].reason == "undecodable"
    assert isinstance(items[1], Article) and items[1].id == "b"


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z title\nz", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A title\na", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "c"}\n', encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    items = list(read_inputs([str(tmp_path)]))
    ids = [x.id if isinstance(x, Article) else x.input for x in items]
    assert ids == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.txt"), "c1",
                   str(tmp_path / "photo.jpg")]
    assert isinstance(items[-1], Rejection) and items[-1].reason == "unsupported"


def test_stdin_dash_reads_text() -> None:
    stream = io.BytesIO(b"Headline from a pipe\nBody.\n")
    art = _only(list(read_inputs(["-"], "2024-02-02", stdin=stream)))
    assert isinstance(art, Article)
    assert (art.id, art.title, art.date) == ("-", "Headline from a pipe", "2024-02-02")


def test_html_file_main_text_and_metadata(tmp_path: Path) -> None:
    page = """<!doctype html><html><head><title>Site | Ministers agree on aid corridor</title>
    <meta property="og:title" content="Ministers agree on aid corridor">
    <meta property="article:published_time" content="2023-06-14T08:00:00Z">
    <meta name="author" content="Ana Reporter">
    <link rel="canonical" href="https://news.example.org/world/aid-corridor"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
    <article><h1>Ministers agree on aid corridor</h1>
    <p>The foreign ministers of the two countries agreed on Wednesday to open a humanitarian
    corridor for aid convoys, officials said after a long meeting in the capital.</p>
    <p>The agreement follows weeks of talks mediated by the United Nations, and aid groups
    welcomed it as a first step towards a wider ceasefire in the region.</p></article>
    <footer>Copyright Example News. All rights reserved. Cookie settings.</footer>
    </body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    art = _only(list(read_inputs([str(path)], "2000-01-01")))
    assert isinstance(art, Article), art
    assert art.title == "Ministers agree on aid corridor"
    assert art.date == "2023-06-14"
    assert art.url == "https://news.example.org/world/aid-corridor"
    assert "humanitarian\n    corridor" in art.text or "humanitarian corridor" in art.text
    assert "Cookie settings" not in art.text
    assert art.text.startswith("Ministers agree on aid corridor")


@pytest.mark.parametrize(
    "page",
    [
        b"<html><body><p>Unclosed <b>tags <div><p>The minister resigned on Friday after "
        b"a long dispute with the cabinet over the budget, aides said.<table><tr><td>x",
        b"<<<>>> </html> <p>The minister resigned on Friday after a long dispute with the "
        b"cabinet over the budget, aides said. </p></p></p></body>",
    ],
    ids=["unclosed", "garbage"],
)
def test_broken_html_gives_an_article_or_a_rejection_never_an_exception(
    tmp_path: Path, page: bytes
) -> None:
    path = tmp_path / "broken.html"
    path.write_bytes(page)
    item = _only(list(read_inputs([str(path)])))
    if isinstance(item, Article):
        assert "minister resigned" in item.text
    else:
        assert item.stage == "ingest" and item.reason in {"no_main_text", "broken_html"}


def test_bad_default_date_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        list(read_inputs(["-"], "03/01/2024"))
