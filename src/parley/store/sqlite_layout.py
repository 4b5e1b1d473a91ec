"""How the SQLite store lays the rows of ``rows.py`` out on disk, to keep a file small.

``rows.py`` is the logical shape every backend shares. In SQLite two things differ:

- Child rows refer to their article by ``article``, the article's integer row number
  (``articles.n``), not by its 20-character key: each row and each index entry is ~20 bytes
  shorter, and rows of one article sit together in their tables. The reader joins
  ``articles`` for the key.
- What is only ever read, never filtered on, is packed per article into ``articles.notes``
  (compressed JSON): the parser's sentence bounds and every record's explanation
  (``reason``; an actor's ``method``; an event's ``coder`` and ``date_text``). ``Reader.article`` and ``Reader.evidence`` unpack it. The blob is
  a version byte (1) and raw deflate with a preset dictionary of the stages' reason phrases
  (``_ZDICT``: fixed for version 1; a new dictionary needs a new version byte); sentence
  bounds are kept as gaps and lengths.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from parley.store.rows import ARTICLE_COLUMNS, TABLES, Row

NOTES_VERSION = 1
# phrases the stages' reasons are made of, most frequent last (deflate finds near ones best)
_ZDICT = (
    b"role President of the United States in force on ; country unknown from a country word "
    b"in the name; office/group word -> Armed Forces (MIL); Business (BUS); Legislator (LEG); "
    b"Journalist (JRN); Minister (GOV); Protesters (CVL); no country word; country USA from its "
    b"modifier; name '' of Russia; capital '' of United States: capital stands for the "
    b"government; demonym '' of alias '' of Democratic Party; Republican Party; seat '' of "
    b"United States: seat stands for the government; not in the knowledge base; office '' -> "
    b"GOV; country USA from the title/apposition; '': country USA from a country word in the "
    b"name; noun pattern '' -> ASSAULT; actor ''; recipient ''; date '' -> ; aux_mode future "
    b"from ''; verb pattern '' -> CONSULT; REQUEST; SUPPORT; AGREE; AID; REJECT; ACCUSE; "
    b"reporting noun '' with a '' clause; parenthetical reporting verb ''; reporting verb ''; "
    b"the rest of the sentence; quotation marks, cue '' before the quote; quotation marks "
    b"filling the sentence; speaker from the context; speaker of the quote before (''...); "
    b"speech act '' with its object; person '': not in the knowledge base and no title; "
    b"organisation '': not in the knowledge base; quotation marks, cue '' after the quote; "
    b"reporting verb '' with a clausal complement"
)
# per-record columns that live in articles.notes (explanations, never filtered on), with
# the value a record has when its column is not in the notes
PACKED: dict[str, dict[str, str | None]] = {
    "actors": {"reason": "", "method": ""},
    "events": {"reason": "", "coder": "", "date_text": None},
    "quotes": {"reason": ""},
    "stances": {"reason": ""},
}
ARTICLE_STORED = tuple(c for c in ARTICLE_COLUMNS if c != "sentences") + ("notes",)
STORED: dict[str, tuple[str, ...]] = {
    table: ("article",) + tuple(c for c in cols
                                if c != "article_key" and c not in PACKED.get(table, {}))
    for table, cols in TABLES.items()
}


def encode(rows: dict[str, list[Row]], n: int | None = None) -> tuple[Row, dict[str, list[Row]]]:
    """The stored article row and child rows of ``rows`` (``article`` set to ``n``)."""
    (art,) = rows["articles"]
    notes: dict[str, Any] = {}
    if art.get("sentences"):
        flat, last = [], 0
        for start, end in json.loads(art["sentences"]):
            flat += [start - last, end - start]
            last = end
        notes["s"] = flat  # gap before, length of each sentence
    for table, defaults in PACKED.items():
        ordered = sorted(rows[table], key=lambda r: r["ord"])
        packed = {c: [r[c] for r in ordered] for c, default in defaults.items()
                  if any(r[c] != default for r in ordered)}
        if packed:
            notes[table] = packed
    stored = {c: art[c] for c in ARTICLE_COLUMNS if c != "sentences"}
    stored["notes"] = pack(notes)
    children = {table: [{**{c: r[c] for c in STORED[table] if c != "article"}, "article": n}
                        for r in rows[table]] for table in TABLES}
    return stored, children


def pack(notes: dict[str, Any]) -> bytes | None:
    if not notes:
        return None
    data = json.dumps(notes, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    co = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, _ZDICT)
    return bytes([NOTES_VERSION]) + co.compress(data) + co.flush()


def unpack(blob: bytes | None) -> dict[str, Any]:
    if not blob:
        return {}
    if blob[0] != NOTES_VERSION:
        raise ValueError(f"articles.notes version {blob[0]}: this Parley reads version "
                         f"{NOTES_VERSION}; upgrade Parley")
    do = zlib.decompressobj(-15, _ZDICT)
    data: dict[str, Any] = json.loads((do.decompress(blob[1:]) + do.flush()).decode("utf-8"))
    return data


def _bounds(flat: list[int]) -> list[tuple[int, int]]:
    out, last = [], 0
    for i in range(0, len(flat) - 1, 2):
        start = last + flat[i]
        last = start + flat[i + 1]
        out.append((start, last))
    return out


def sentence_bounds(blob: bytes | None) -> list[tuple[int, int]]:
    return _bounds(unpack(blob).get("s", []))


def decode(art: Row, children: dict[str, list[Row]]) -> dict[str, list[Row]]:
    """Stored rows of one article back into ``rows.py``'s logical shape."""
    notes = unpack(art.get("notes"))
    logical = {c: art.get(c) for c in ARTICLE_COLUMNS if c != "sentences"}
    bounds = [list(b) for b in _bounds(notes.get("s", []))]
    logical["sentences"] = json.dumps(bounds, separators=(",", ":")) if bounds else None
    out: dict[str, list[Row]] = {"articles": [logical]}
    for table, cols in TABLES.items():
        packed = notes.get(table, {})
        rows = sorted(children.get(table, []), key=lambda r: r["ord"])
        out[table] = []
        defaults = PACKED.get(table, {})
        for i, r in enumerate(rows):
            row = {c: r.get(c) for c in cols if c != "article_key" and c not in defaults}
            row["article_key"] = art["key"]
            for c, default in defaults.items():
                values = packed.get(c)
                row[c] = values[i] if values and i < len(values) else default
            out[table].append(row)
    return out
