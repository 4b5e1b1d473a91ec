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
- ``articles.text`` is Brotli-compressed (``pack_text``: version byte 1, then Brotli at
  quality 10, whose built-in dictionary suits English prose): about a third of the plain
  size. Texts stored before migration 0005 stay plain; ``unpack_text`` reads both. SQL gets
  the text back through the function ``parley_text(text)`` that ``register`` adds to every
  connection the store and reader open (the full-text index's triggers use it too, so a
  connection without it cannot write articles rather than index a compressed blob).
- A quote's speaker and ``via`` that are an actor of the article as it stands (same key,
  name, country and sector) keep only ``{p}_actor_id``: ``{p}_key`` NULL with an actor id
  means "the actor's" (``SHARED``), and the reader joins ``actors`` for them. A quote filter
  by speaker then goes through the ``actors_key`` index.
- ``actors.mentions`` in the flat form (``[start, end, ...]``) is packed as varints of the
  gap before each mention and its length (version byte 1); the nested form, with its own
  texts, stays JSON. ``parley_mentions(mentions)`` gives SQL the number of mentions.
"""

from __future__ import annotations

import json
import zlib
from functools import lru_cache
from typing import Any

import brotli

from parley.store.rows import ARTICLE_COLUMNS, TABLES, Row

NOTES_VERSION = 1
TEXT_VERSION = 1
MENTIONS_VERSION = 1
TEXT_QUALITY = 10  # Brotli 11 saves 3 % more at two and a half times the time
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
# entities that name an actor of the article: stored as the actor id alone when they are the
# actor as it stands (marker: ``{prefix}_key`` NULL with ``{prefix}_actor_id`` set)
SHARED: dict[str, tuple[str, ...]] = {"quotes": ("speaker", "via")}
ACTOR_FIELDS = {"key": "actor_key", "name": "name", "country": "country", "sector": "sector"}
ARTICLE_STORED = tuple(c for c in ARTICLE_COLUMNS if c != "sentences") + ("notes",)
STORED: dict[str, tuple[str, ...]] = {
    table: ("article",) + tuple(c for c in cols
                                if c != "article_key" and c not in PACKED.get(table, {}))
    for table, cols in TABLES.items()
}


def encode(rows: dict[str, list[Row]], n: int | None = None,
           compress: bool = True) -> tuple[Row, dict[str, list[Row]]]:
    """The stored article row and child rows of ``rows`` (``article`` set to ``n``); with
    ``compress`` false, text and mentions stay plain (PostgreSQL compresses them itself)."""
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
    actors = {a["actor_id"]: a for a in rows["actors"]}
    for table, prefixes in SHARED.items():
        for row in children[table]:
            for p in prefixes:
                actor = actors.get(row[f"{p}_actor_id"])
                if actor is not None and row[f"{p}_key"] is not None and all(
                        row[f"{p}_{f}"] == actor[c] for f, c in ACTOR_FIELDS.items()):
                    for f in ACTOR_FIELDS:
                        row[f"{p}_{f}"] = None
    if compress:
        stored["text"] = pack_text(art["text"])
        for actor in children["actors"]:
            actor["mentions"] = pack_mentions(actor["mentions"])
    return stored, children


def pack_text(text: str) -> bytes:
    return bytes([TEXT_VERSION]) + brotli.compress(text.encode("utf-8"), mode=brotli.MODE_TEXT,
                                                   quality=TEXT_QUALITY)


@lru_cache(maxsize=64)  # SQL asks for one article's text once per record it reads
def _inflate(blob: bytes) -> str:
    if blob[:1] != bytes([TEXT_VERSION]):
        raise ValueError(f"articles.text version {blob[0] if blob else None}: this Parley "
                         f"reads version {TEXT_VERSION}; upgrade Parley")
    text: str = brotli.decompress(blob[1:]).decode("utf-8")
    return text


def unpack_text(value: str | bytes | None) -> str | None:
    """A stored ``articles.text``: plain (stored before migration 0005) or packed."""
    if value is None or isinstance(value, str):
        return value
    return _inflate(bytes(value))


def _varints(values: list[int]) -> bytes:
    out = bytearray()
    for v in values:
        while v >= 0x80:
            out.append((v & 0x7F) | 0x80)
            v >>= 7
        out.append(v)
    return bytes(out)


def pack_mentions(value: str | None) -> str | bytes | None:
    """The flat JSON form of ``rows.py``'s mentions column as varints; the nested form (a
    mention with its own text) and offsets that go backwards stay JSON."""
    if not value:
        return value
    items = json.loads(value)
    if not items or isinstance(items[0], list):
        return value
    deltas, last = [], 0
    for i in range(0, len(items) - 1, 2):
        start, end = items[i], items[i + 1]
        if start < last or end < start:
            return value
        deltas += [start - last, end - start]
        last = end
    return bytes([MENTIONS_VERSION]) + _varints(deltas)


def _unvarints(blob: bytes) -> list[int]:
    out, v, shift = [], 0, 0
    for b in blob:
        v |= (b & 0x7F) << shift
        if b & 0x80:
            shift += 7
        else:
            out.append(v)
            v, shift = 0, 0
    return out


def unpack_mentions(value: str | bytes | None) -> str | None:
    """A stored ``actors.mentions`` back in ``rows.py``'s JSON form."""
    if value is None or isinstance(value, str):
        return value
    blob = bytes(value)
    if blob[:1] != bytes([MENTIONS_VERSION]):
        raise ValueError(f"actors.mentions version {blob[0] if blob else None}: this Parley "
                         f"reads version {MENTIONS_VERSION}; upgrade Parley")
    flat, last = [], 0
    deltas = _unvarints(blob[1:])
    for i in range(0, len(deltas) - 1, 2):
        start = last + deltas[i]
        last = start + deltas[i + 1]
        flat += [start, last]
    return json.dumps(flat, separators=(",", ":"))


def mention_count(value: str | bytes | None) -> int:
    if not value:
        return 0
    if isinstance(value, str):
        items = json.loads(value)
        return len(items) if items and isinstance(items[0], list) else len(items) // 2
    return len(_unvarints(bytes(value)[1:])) // 2


def register(conn: Any) -> None:
    """The SQL functions stored columns need on ``conn`` (a sqlite3 connection)."""
    conn.create_function("parley_text", 1, unpack_text, deterministic=True)
    conn.create_function("parley_mentions", 1, mention_count, deterministic=True)
    conn.create_function("parley_mentions_json", 1, unpack_mentions, deterministic=True)


def logical_sql(table: str, alias: str, packed: bool = True) -> tuple[dict[str, str], str]:
    """SQL for the stored columns of ``table`` (as ``alias``) whose value is not the logical
    one of ``rows.py``, and the joins it needs: the text and mentions (``packed``: SQLite;
    PostgreSQL stores them plain) and the speaker and via that are their actor's."""
    exprs: dict[str, str] = {}
    joins = ""
    if packed and table == "articles":
        exprs["text"] = f"parley_text({alias}.text)"
    if packed and table == "actors":
        exprs["mentions"] = f"parley_mentions_json({alias}.mentions)"
    for p in SHARED.get(table, ()):
        joins += (f" LEFT JOIN actors x_{p} ON x_{p}.article = {alias}.article"
                  f" AND x_{p}.actor_id = {alias}.{p}_actor_id")
        for f, c in ACTOR_FIELDS.items():
            exprs[f"{p}_{f}"] = (f"CASE WHEN {alias}.{p}_key IS NULL THEN x_{p}.{c}"
                                 f" ELSE {alias}.{p}_{f} END")
    return exprs, joins


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
    logical["text"] = unpack_text(logical["text"])
    bounds = [list(b) for b in _bounds(notes.get("s", []))]
    logical["sentences"] = json.dumps(bounds, separators=(",", ":")) if bounds else None
    out: dict[str, list[Row]] = {"articles": [logical]}
    actors = {a["actor_id"]: a for a in children.get("actors", [])}
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
            if table == "actors":
                row["mentions"] = unpack_mentions(row["mentions"])
            for p in SHARED.get(table, ()):
                actor = actors.get(row[f"{p}_actor_id"])
                if actor is not None and row[f"{p}_key"] is None:
                    for f, c in ACTOR_FIELDS.items():
                        row[f"{p}_{f}"] = actor[c]
            out[table].append(row)
    return out
