"""Safe output (issue 13): what Parley prints cannot drive the terminal or forge a line."""

from __future__ import annotations

from parley.model import Article, Rejection
from parley.textsafe import input_name, rejection_line, safe, unsurrogate


def test_control_characters_and_escape_sequences_are_shown_escaped() -> None:
    assert safe("a\x1b[31mred\x1b[0m") == "a\\x1b[31mred\\x1b[0m"
    assert safe("one\ntwo\rthree\tfour") == "one\\ntwo\\rthree\\tfour"
    assert safe("\x07bell \x9b csi \u202eevil \u2028sep") == "\\x07bell \\x9b csi \\u202eevil \\u2028sep"
    assert safe("ok: Genève «quoted» — 東京") == "ok: Genève «quoted» — 東京"


def test_undecodable_bytes_and_lone_surrogates_are_escaped_and_encodable() -> None:
    name = b"caf\xe9.txt".decode("utf-8", "surrogateescape")
    assert safe(name) == "caf\\xe9.txt"
    assert safe("a\ud800b") == "a\\ud800b"
    safe(name).encode("utf-8")
    assert unsurrogate("x\udcffy") == "x\\xffy"
    assert unsurrogate("x\ud800y", replace=True) == "x\ufffdy"
    assert unsurrogate("plain") == "plain"


def test_a_newline_in_an_id_cannot_forge_a_line() -> None:
    rej = Rejection("e1\nparley: stored 999 articles", "ingest", "empty", "the text\nis empty")
    line = rejection_line(rej)
    assert "\n" not in line and line.count("parley:") == 2
    assert line == ("parley: rejected e1\\nparley: stored 999 articles: ingest/empty: "
                    "the text\\nis empty")


def test_a_rejected_record_is_named_by_file_and_line() -> None:
    art = Article(id="de1", text="Die Minister trafen sich.", meta=(("record", "c.jsonl:3"),))
    rej = Rejection("de1", "language", "not_english", "detected de (0.99)")
    assert input_name(rej, art) == "c.jsonl:3 (id de1)"
    assert rejection_line(rej, art).startswith("parley: rejected c.jsonl:3 (id de1): language/")
    assert input_name(Rejection("c.jsonl:4", "ingest", "malformed")) == "c.jsonl:4"
