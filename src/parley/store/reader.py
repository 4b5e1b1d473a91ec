"""The read side of the SQLite store: plain dicts for analysis, the API and exports.

Every filter is optional; dates are ``YYYY-MM-DD`` strings and compare as such; an event's
``date`` is the coder's date for it (the article's date where the text gives none).
``real_only=True`` keeps events that happened (``aux_mode`` NULL: not future,
hypothetical, negated or historical). Each thread reads over its own connection.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parley.errors import StorageError
from parley.store.rows import TABLES, contract_record, mention_spans, party, span_dict
from parley.store.sqlite_layout import (
    STORED,
    decode,
    logical_sql,
    register,
    sentence_bounds,
    unpack_mentions,
    unpack_text,
)

if TYPE_CHECKING:
    from parley.store.sqlite import SQLiteStore

ANY: Any = ...  # "no filter" for filters where None is itself a value (aux_mode)
KINDS = ("event", "quote", "stance", "actor")
_TOKEN = re.compile(r"\w+\*?", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')
_OPERATORS = {"AND", "OR", "NOT"}


def _fts_query(q: str) -> tuple[str | None, list[str]]:
    """A user's search as an FTS5 query the index answers (it keeps no word positions):
    words and prefix* as they are, AND/OR/NOT and parentheses kept, a quoted phrase as its
    words (AND) plus a text check that they come in that order (returned lower-cased; only
    where the query has no OR or NOT, which a text check could not follow)."""
    phrases = [p for p in _PHRASE.findall(q) if len(_TOKEN.findall(p)) > 1]
    rest = _PHRASE.sub(lambda m: " ( " + " AND ".join(
        f'"{t}"' for t in _TOKEN.findall(m.group(1))) + " ) " if _TOKEN.findall(m.group(1))
        else " ", q)
    out: list[str] = []
    depth = 0
    for tok in re.findall(r'\(|\)|"[^"]*"|[^\s()"]+', rest):
        if tok == "(":
            depth += 1
            out.append(tok)
        elif tok == ")":
            if out and out[-1] == "(":
                out.pop()
                depth -= 1
            elif depth:
                depth -= 1
                out.append(tok)
        elif tok.startswith('"') or tok in _OPERATORS:
            out.append(tok)
        else:
            out.extend(f'"{w[:-1]}"*' if w.endswith("*") else f'"{w}"'
                       for w in _TOKEN.findall(tok))
    out.extend(")" * depth)
    # operators need words on both sides: drop dangling ones
    cleaned: list[str] = []
    for tok in out:
        if tok in _OPERATORS and (not cleaned or cleaned[-1] in _OPERATORS or cleaned[-1] == "("):
            continue
        if tok == ")" and cleaned and cleaned[-1] in _OPERATORS:
            cleaned.pop()
        cleaned.append(tok)
    while cleaned and cleaned[-1] in _OPERATORS:
        cleaned.pop()
    if not any(t not in _OPERATORS and t not in "()" for t in cleaned):
        return None, []
    has_logic = any(t in ("OR", "NOT") for t in cleaned)
    return " ".join(cleaned), ([] if has_logic else [" ".join(p.lower().split()) for p in phrases])


def _many(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]


class _Where:
    """WHERE clauses and their parameters, built up together."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def any_of(self, column: str, value: Any) -> None:
        values = _many(value)
        self.add(f"{column} IN ({','.join('?' * len(values))})", *values)

    def dates(self, column: str, date_from: str | None, date_to: str | None) -> None:
        if date_from:
            self.add(f"{column} >= ?", date_from)
        if date_to:
            self.add(f"{column} <= ?", date_to)

    def party(self, prefix: str, value: Any) -> None:
        """``{prefix}_key`` or ``{prefix}_country`` among the values: stable actor keys
        (``kb:...``, ``name:...``: they hold a colon) or country codes."""
        values = _many(value)
        keys = [v for v in values if ":" in str(v)]
        codes = [v for v in values if ":" not in str(v)]
        parts = []
        if keys:
            parts.append(f"{prefix}_key IN ({','.join('?' * len(keys))})")
        if codes:
            parts.append(f"{prefix}_country IN ({','.join('?' * len(codes))})")
        self.add("(" + " OR ".join(parts) + ")", *keys, *codes)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _page(limit: int | None, offset: int) -> tuple[str, list[int]]:
    if limit is None and not offset:
        return "", []
    return " LIMIT ? OFFSET ?", [-1 if limit is None else int(limit), int(offset)]


_ARTICLE_TEXT = logical_sql("articles", "a")[0]["text"]  # a.text as text (SQLite packs it)


def _text(column_prefix: str, alias: str = "e") -> str:
    """SQL for a span's text: stored where it differs, else cut from the article text
    (SQLite's substr counts characters, as Python does)."""
    p = f"{alias}.{column_prefix}"
    return f"coalesce({p}_text, substr({_ARTICLE_TEXT}, {p}_start + 1, {p}_end - {p}_start))"


_PARTS = ("(SELECT json_group_array(json_object('key', actor_key, 'country', country, "
          "'sector', sector, 'name', name)) FROM (SELECT * FROM event_participants p "
          "WHERE p.article = e.article AND p.event_id = e.event_id AND p.role = '{role}' "
          "ORDER BY p.ord))")
_EVENT_SQL = (
    "SELECT a.key AS article_key, e.event_id, e.event, e.mode, e.quad_code, e.intensity, e.aux_mode,"
    " e.date, e.date_precision, e.confidence, e.trigger_start, e.trigger_end, "
    f"{_text('trigger')} AS trigger, e.sentence_start, e.sentence_end, "
    f"{_PARTS.format(role='actor')} AS actors, {_PARTS.format(role='recipient')} AS recipients,"
    " a.id AS article_id, a.source, a.site, a.url, a.date AS article_date"
    " FROM events e JOIN articles a ON a.n = e.article"
)


def _quote_columns() -> tuple[str, str]:
    """The quote columns with a speaker or via that is "the actor's" filled from ``actors``
    (``sqlite_layout.SHARED``), and the joins that bring those actors."""
    exprs, joins = logical_sql("quotes", "q", packed=False)
    return ", ".join(f"{exprs[c]} AS {c}" if c in exprs else f"q.{c}"
                     for c in STORED["quotes"]), joins


_QUOTE_COLUMNS, _SHARED_JOINS = _quote_columns()


class Reader:
    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self._local = threading.local()

    # -- connections ----------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if self.store.path == ":memory:":
                conn = self.store.conn
            else:
                try:
                    uri = Path(self.store.path).resolve().as_uri() + "?mode=ro"
                    conn = sqlite3.connect(uri, uri=True, check_same_thread=False,
                                           timeout=self.store.busy_timeout)
                    register(conn)
                except sqlite3.Error as exc:
                    raise StorageError(f"cannot read SQLite store {self.store.path}: {exc}") from exc
            self._local.conn = conn
        return conn

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[sqlite3.Row]:
        conn = self._conn()
        try:
            cur = conn.cursor()
            cur.row_factory = sqlite3.Row
            cur.execute(sql, list(params))
            yield from cur
        except sqlite3.Error as exc:
            raise StorageError(f"cannot read SQLite store {self.store.path}: {exc}") from exc

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return list(self._rows(sql, params))

    # -- events ---------------------------------------------------------------------------
    def _event_query(self, actor: Any, recipient: Any, level: str, type: Any, quad: Any,
                     date_from: str | None, date_to: str | None, aux_mode: Any,
                     real_only: bool) -> tuple[str, list[Any]]:
        if level not in ("country", "actor"):
            raise ValueError(f"level {level!r}: expected 'country' or 'actor'")
        column = "country" if level == "country" else "actor_key"
        w = _Where()
        for role, value in (("actor", actor), ("recipient", recipient)):
            if value is None:
                continue
            values = _many(value)
            sub = _Where()
            sub.any_of(f"p.{column}", values)
            sub.add("p.role = ?", role)
            sub.dates("p.date", date_from, date_to)
            w.add("(e.article, e.event_id) IN (SELECT p.article, p.event_id FROM "
                  f"event_participants p{sub.sql()})", *sub.params)
        if type is not None:
            w.any_of("e.event", type)
        if quad is not None:
            w.any_of("e.quad_code", quad)
        w.dates("e.date", date_from, date_to)
        if aux_mode is not ANY:
            w.add("e.aux_mode IS ?", aux_mode)
        elif real_only:
            w.add("e.aux_mode IS NULL")
        return (_EVENT_SQL + w.sql() + " ORDER BY e.date, e.article, e.ord", w.params)

    @staticmethod
    def _event(r: sqlite3.Row) -> dict[str, Any]:
        return {
            "article_key": r["article_key"], "event_id": r["event_id"], "event": r["event"],
            "mode": json.loads(r["mode"]) if r["mode"] else [], "quad_code": r["quad_code"],
            "intensity": r["intensity"], "aux_mode": r["aux_mode"], "date": r["date"],
            "date_precision": r["date_precision"], "confidence": r["confidence"],
            "trigger": {"start": r["trigger_start"], "end": r["trigger_end"],
                        "text": r["trigger"]},
            "sentence": {"start": r["sentence_start"], "end": r["sentence_end"]},
            "actors": json.loads(r["actors"]), "recipients": json.loads(r["recipients"]),
            "article_id": r["article_id"], "source": r["source"], "site": r["site"],
            "url": r["url"],
            "article_date": r["article_date"], "duplicate_of": None,  # coded articles are first copies
        }

    def iter_events(self, actor: Any = None, recipient: Any = None, level: str = "country",
                    type: Any = None, quad: Any = None, date_from: str | None = None,
                    date_to: str | None = None, aux_mode: Any = ANY, real_only: bool = True,
                    limit: int | None = None, offset: int = 0) -> Iterator[dict[str, Any]]:
        """Events with their participants, by date. ``actor``/``recipient``: a country code
        (``level='country'``) or a stable actor key (``level='actor'``), or a list of them;
        ``type``: PLOVER types; ``quad``: quad codes; ``aux_mode``: that mode only (None: real
        events only), which overrides ``real_only``."""
        sql, params = self._event_query(actor, recipient, level, type, quad, date_from,
                                        date_to, aux_mode, real_only)
        page, extra = _page(limit, offset)
        for r in self._rows(sql + page, params + extra):
            yield self._event(r)

    def events(self, actor: Any = None, recipient: Any = None, level: str = "country",
               type: Any = None, quad: Any = None, date_from: str | None = None,
               date_to: str | None = None, aux_mode: Any = ANY, real_only: bool = True,
               limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        return list(self.iter_events(actor, recipient, level, type, quad, date_from, date_to,
                                     aux_mode, real_only, limit, offset))

    # -- actors ---------------------------------------------------------------------------
    def actors(self, key: Any = None, country: Any = None, date_from: str | None = None,
               date_to: str | None = None) -> list[dict[str, Any]]:
        """One dict per stable actor key: the name, country, sector and office it is seen
        with most (office: the latest), how many articles and mentions, first and last
        article date; most articles first."""
        w = _Where()
        if key is not None:
            w.any_of("x.actor_key", key)
        if country is not None:
            w.any_of("x.country", country)
        w.dates("a.date", date_from, date_to)
        sql = ("SELECT x.actor_key, x.name, x.country, x.sector, x.office, a.date,"
               " parley_mentions(x.mentions) AS n"
               " FROM actors x JOIN articles a ON a.n = x.article" + w.sql())
        groups: dict[str, dict[str, Any]] = {}
        for r in self._rows(sql, w.params):
            g = groups.setdefault(r["actor_key"], {
                "names": Counter(), "places": Counter(), "office": (None, ""),
                "articles": 0, "mentions": 0, "first": None, "last": None})
            g["names"][r["name"]] += 1
            g["places"][(r["country"], r["sector"])] += 1
            date = r["date"]
            if r["office"] and (date or "") >= g["office"][1]:
                g["office"] = (r["office"], date or "")
            g["articles"] += 1
            g["mentions"] += r["n"]
            if date:
                g["first"] = min(g["first"] or date, date)
                g["last"] = max(g["last"] or date, date)
        out = []
        for k, g in groups.items():
            country_, sector = g["places"].most_common(1)[0][0]
            out.append({"key": k, "name": g["names"].most_common(1)[0][0], "country": country_,
                        "sector": sector, "office": g["office"][0], "articles": g["articles"],
                        "mentions": g["mentions"], "first": g["first"], "last": g["last"]})
        out.sort(key=lambda d: (-d["articles"], d["key"]))
        return out

    # -- quotes and stances -----------------------------------------------------------------
    def quotes(self, speaker: Any = None, date_from: str | None = None,
               date_to: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[dict[str, Any]]:
        """Quotes by article date; ``speaker``: a stable actor key or a country code."""
        inner, w = _Where(), _Where()
        if speaker is not None:
            values = _many(speaker)
            keys = [v for v in values if ":" in str(v)]
            if keys and len(keys) == len(values):  # the actors_key index first
                inner.add(f"q.article IN (SELECT article FROM actors WHERE actor_key IN"
                          f" ({','.join('?' * len(keys))}))", *keys)
            w.party("q.speaker", speaker)
        inner.dates("a.date", date_from, date_to)
        page, extra = _page(limit, offset)
        sql = (f"SELECT * FROM (SELECT {_QUOTE_COLUMNS}, {_text('content', 'q')} AS content,"
               " a.key AS article_key, a.id AS article_id, a.source, a.url,"
               " a.date AS article_date, a.n AS article_n FROM quotes q"
               " JOIN articles a ON a.n = q.article" + _SHARED_JOINS + inner.sql() + ") q"
               + w.sql() + " ORDER BY q.article_date, q.article_n, q.ord")
        return [self._quote(r) for r in self._rows(sql + page,
                                                    inner.params + w.params + extra)]

    @staticmethod
    def _quote(r: sqlite3.Row) -> dict[str, Any]:
        row = dict(r)
        return {
            "article_key": row["article_key"], "quote_id": row["quote_id"], "kind": row["kind"],
            "content": {"start": row["content_start"], "end": row["content_end"],
                        "text": row["content"]},
            "speaker": party(row, "speaker"), "via": party(row, "via"),
            "addressee": row["addressee"], "date": row["article_date"],
            "article_id": row["article_id"], "source": row["source"], "url": row["url"],
        }

    def stances(self, holder: Any = None, issue: Any = None, polarity: str | None = None,
                toward: Any = None, date_from: str | None = None, date_to: str | None = None,
                limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Stances by article date; ``holder``/``toward``: a stable actor key or a country
        code; ``issue``: issue names; ``polarity``: support | oppose."""
        w = _Where()
        for prefix, value in (("holder", holder), ("toward", toward)):
            if value is not None:
                w.party(f"s.{prefix}", value)
        if issue is not None:
            w.any_of("s.issue", issue)
        if polarity is not None:
            w.add("s.polarity = ?", polarity)
        w.dates("a.date", date_from, date_to)
        page, extra = _page(limit, offset)
        sql = (f"SELECT s.*, {_text('evidence', 's')} AS evidence, a.key AS article_key,"
               " a.id AS article_id, a.source, a.site, a.url, a.date AS article_date FROM stances s"
               " JOIN articles a ON a.n = s.article" + w.sql() + " ORDER BY a.date, a.n, s.ord")
        return [self._stance(r) for r in self._rows(sql + page, w.params + extra)]

    @staticmethod
    def _stance(r: sqlite3.Row) -> dict[str, Any]:
        row = dict(r)
        return {
            "article_key": row["article_key"], "stance_id": row["stance_id"],
            "holder": party(row, "holder"), "issue": row["issue"],
            "issue_text": row["issue_text"], "polarity": row["polarity"],
            "toward": party(row, "toward"), "target": party(row, "target"),
            "evidence": {"start": row["evidence_start"], "end": row["evidence_end"],
                         "text": row["evidence"]},
            "quote_id": row["quote_id"], "date": row["article_date"],
            "article_id": row["article_id"], "source": row["source"], "site": row["site"],
            "url": row["url"],
        }

    # -- evidence and articles ----------------------------------------------------------------
    def _article(self, key: str) -> sqlite3.Row | None:
        rows = self._all("SELECT * FROM articles WHERE key = ?", (key,))
        return rows[0] if rows else None

    def evidence(self, article_key: str, kind: str, record_id: str) -> dict[str, Any] | None:
        """The text behind one record: the exact stored sentence(s) around it and its span
        (event: trigger in its sentence; quote: content; stance: evidence; actor: its first
        mention). None when there is no such record."""
        if kind not in KINDS:
            raise ValueError(f"kind {kind!r}: expected one of {', '.join(KINDS)}")
        a = self._article(article_key)
        if a is None:
            return None
        text = unpack_text(a["text"])
        assert text is not None
        table, id_col, prefix = {"event": ("events", "event_id", "trigger"),
                                 "quote": ("quotes", "quote_id", "content"),
                                 "stance": ("stances", "stance_id", "evidence"),
                                 "actor": ("actors", "actor_id", "")}[kind]
        found = self._all(f"SELECT * FROM {table} WHERE article = ? AND {id_col} = ?",
                          (a["n"], record_id))
        if not found:
            return None
        row = dict(found[0])
        if kind == "actor":
            spans = mention_spans(unpack_mentions(row["mentions"]), text)
            if not spans:
                return None
            span: dict[str, Any] | None = spans[0]
        else:
            span = span_dict(row, prefix, text)
        assert span is not None
        if kind == "event" and row["sentence_start"] is not None:
            sentence = span_dict(row, "sentence", text)
            assert sentence is not None
        else:
            sentence = self._sentence(a["n"], a["notes"], text, span)
        return {"article_id": a["id"], "record_id": record_id,
                "date": row.get("date") or a["date"], "source": a["source"], "site": a["site"],
                "url": a["url"],
                "sentence": sentence["text"],
                "sentence_span": {"start": sentence["start"], "end": sentence["end"]},
                "span": span}

    def _sentence(self, n: int, notes: bytes | None, text: str,
                  span: dict[str, Any]) -> dict[str, Any]:
        """The stored sentences that cover ``span``; without stored sentences (a migrated
        wave-1 article), an event sentence that covers it, else the span itself."""
        stored = sentence_bounds(notes)
        bounds = stored or [(r["sentence_start"], r["sentence_end"]) for r in self._all(
            "SELECT sentence_start, sentence_end FROM events WHERE article = ?", (n,))]
        start, end = span["start"], span["end"]
        cover = [b for b in bounds if b[1] > start and b[0] < end]
        if stored and cover:
            s, e = min(b[0] for b in cover), max(b[1] for b in cover)
        else:
            inside = [b for b in cover if b[0] <= start and end <= b[1]]
            s, e = (inside[0] if inside else (start, end))
        return {"start": s, "end": e, "text": text[s:e]}

    def article(self, key: str) -> dict[str, Any] | None:
        """The CONTRACT record of a stored article, rebuilt from its rows."""
        a = self._article(key)
        if a is None:
            return None
        children = {table: [dict(r) for r in self._rows(
            f"SELECT * FROM {table} WHERE article = ?", (a["n"],))] for table in TABLES}
        return contract_record(decode(dict(a), children))

    def articles(self, q: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, source: Any = None, actor: Any = None,
                 limit: int | None = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Stored articles, newest first, or best match first for ``q``: full-text search
        over title and text (stemmed words; OR, NOT, prefix*; a "quoted phrase" matches
        its words in that order, as text); ``actor``: a stable actor key or a country code
        named in the article; ``source``: where it was read."""
        w = _Where()
        source_sql, order = " FROM articles a", " ORDER BY a.date DESC, a.n DESC"
        order_params: list[Any] = []
        if q:
            match, phrases = _fts_query(q)
            if match is None:
                return []
            source_sql, where, order, order_params = self._search(match)
            w.add(where, match)
            for phrase in phrases:
                w.add(f"instr(lower(ifnull(a.title, '') || ' ' || {_ARTICLE_TEXT}), ?) > 0",
                      phrase)
        w.dates("a.date", date_from, date_to)
        if source is not None:
            w.any_of("a.source", source)
        if actor is not None:
            sub = _Where()
            sub.party("x.actor", actor)
            w.add(f"EXISTS (SELECT 1 FROM actors x WHERE x.article = a.n AND "
                  f"{sub.clauses[0]})", *sub.params)
        page, extra = _page(limit, offset)
        sql = ("SELECT a.key, a.id, a.title, a.date, a.source, a.url, (SELECT count(*) FROM"
               " events e WHERE e.article = a.n) AS events" + source_sql + w.sql() + order + page)
        try:
            rows = self._all(sql, w.params + order_params + extra)
        except StorageError:
            if not q:
                raise
            # a query the index's grammar refuses ('alert(x)' ...): search its words alone
            plain = " ".join(_TOKEN.findall(q))
            if not plain or plain == q:
                return []
            return self.articles(plain, date_from, date_to, source, actor, limit, offset)
        return [dict(r) for r in rows]

    def _search(self, match: str) -> tuple[str, str, str, list[Any]]:
        """How a full-text match enters ``articles``: (FROM, WHERE with one ``?`` for the
        match, ORDER BY, the ORDER BY's parameters). The FTS table drives the query, so the
        rank is computed once per match, not looked up per article."""
        return (" FROM articles_fts f JOIN articles a ON a.n = f.rowid", "f.articles_fts MATCH ?",
                " ORDER BY f.rank, a.n", [])

    def dyads(self) -> Any:
        """The dyad x day aggregates (``parley.store.dyads.DyadTable``) analysis reads."""
        from parley.store.dyads import DyadTable

        return DyadTable(self._conn())

    def counts(self) -> dict[str, int]:
        return self.store.counts()

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None and conn is not self.store.conn:
            conn.close()
        self._local.conn = None
