"""The reader over PostgreSQL: ``store/reader.py``'s queries, with its few SQLite idioms
rewritten as each query runs (the reader stays the one place that says what is read).

The rewrites: ``parley_text(x)`` -> ``x`` and ``parley_mentions(x)`` -> a count over its
JSON (PostgreSQL stores both plain); ``json_group_array(json_object(...))`` -> ``json_agg(json_build_object(...))``
(and an alias for its sub-select); ``json_type``/``json_array_length`` on a text column ->
PostgreSQL's over ``::json``; ``instr`` -> ``strpos``; ``IS ?`` -> ``IS NOT DISTINCT FROM
?``; ``LIMIT -1`` (no limit) -> ``LIMIT NULL``; FTS5 ``MATCH`` and ``rank`` -> the
``articles_fts`` GIN index with ``websearch_to_tsquery`` and ``ts_rank`` (the reader's FTS5
query text is close to web-search syntax: quoted words, OR; prefix* is matched as the
word); ``?`` -> ``%s``. Each thread reads over its
own connection, as with SQLite.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from parley.errors import StorageError
from parley.store.pg_schema import PG_FTS_DOCUMENT
from parley.store.reader import Reader

_QUERY = "to_tsquery('english', ?)"
_DOC = PG_FTS_DOCUMENT.replace("title", "a.title").replace("|| text", "|| a.text")
_REWRITES: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"json_group_array\(json_object\(([^()]*)\)\)"),
     r"coalesce(json_agg(json_build_object(\1)), '[]'::json)::text"),
    (re.compile(r"ORDER BY p\.ord\)\)"), "ORDER BY p.ord) AS _parts)"),
    (re.compile(r"\bIS \?"), "IS NOT DISTINCT FROM ?"),
    (re.compile(r"LIMIT \? OFFSET \?"), "LIMIT nullif(?, -1) OFFSET ?"),
    (re.compile(r"a\.n IN \(SELECT rowid FROM articles_fts WHERE articles_fts MATCH \?\)"),
     f"{_DOC} @@ {_QUERY}"),
    (re.compile(r"\(SELECT rank FROM articles_fts WHERE articles_fts MATCH \? AND"
                r" rowid = a\.n\)"), f"ts_rank({_DOC}, {_QUERY}) DESC"),
    # text and mentions are stored plain (sqlite_layout.encode(compress=False))
    (re.compile(r"parley_text\((\w+\.text)\)"), r"\1"),
    (re.compile(r"parley_mentions\((\w+\.mentions)\)"),
     r"coalesce(CASE WHEN json_typeof(\1::json -> 0) = 'array' THEN json_array_length(\1::json)"
     r" ELSE json_array_length(\1::json) / 2 END, 0)"),
    (re.compile(r"\bifnull\("), "coalesce("),
    (re.compile(r"\binstr\("), "strpos("),
    (re.compile(r"json_type\((\w+\.\w+), '\$\[0\]'\)"), r"json_typeof(\1::json -> 0)"),
    (re.compile(r"json_array_length\((\w+\.\w+)\)"), r"json_array_length(\1::json)"),
    # SQLite sorts NULL first going up and last going down; PostgreSQL the other way
    (re.compile(r"ORDER BY (\w\.date)(,| DESC)"),
     lambda m: f"ORDER BY {m[1]}{' NULLS FIRST,' if m[2] == ',' else ' DESC NULLS LAST'}"),
]


_FTS_TOKEN = re.compile(r'\(|\)|"(\w+)"(\*?)|AND|OR|NOT')


def fts5_to_tsquery(match: str) -> str:
    """The reader's FTS5 query (quoted words, ``"w"*``, AND/OR/NOT, parentheses) as
    ``to_tsquery`` text: ``"w"`` -> ``w``, ``*`` -> ``:*``, AND/OR/NOT -> ``& | & !``, and
    ``&`` between two operands written side by side (FTS5's implicit AND)."""
    out: list[str] = []
    for m in _FTS_TOKEN.finditer(match):
        tok = m.group(0)
        operand = tok == "(" or m.group(1) is not None
        if operand and out and (out[-1] == ")" or out[-1][-1].isalnum() or out[-1].endswith("*")):
            out.append("&")
        if m.group(1) is not None:
            out.append(m.group(1) + (":*" if m.group(2) else ""))
        else:
            out.append({"AND": "&", "OR": "|", "NOT": "& !"}.get(tok, tok))
    return " ".join(out)


def to_pg(sql: str) -> tuple[str, set[int]]:
    """The query in PostgreSQL's dialect, and the positions of its full-text parameters."""
    marks = [m.start() for m in re.finditer(r"\?", sql)]
    fts = {i for i, pos in enumerate(marks) if sql[max(0, pos - 6):pos] == "MATCH "}
    for pattern, repl in _REWRITES:
        sql = pattern.sub(repl, sql)
    return sql.replace("%", "%%").replace("?", "%s"), fts


class PgReader(Reader):
    def _search(self, match: str) -> tuple[str, str, str, list[Any]]:
        # the FTS5 forms that _REWRITES turns into the GIN index and ts_rank
        return (" FROM articles a",
                "a.n IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
                " ORDER BY (SELECT rank FROM articles_fts WHERE articles_fts MATCH ? AND"
                " rowid = a.n), a.n", [match])

    def __init__(self, store: Any) -> None:
        super().__init__(store)

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            import psycopg
            from psycopg.rows import dict_row

            try:
                url = self.store.url  # type: ignore[attr-defined]  # a PostgresStore
                conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
            except psycopg.Error as exc:
                raise StorageError(f"cannot read PostgreSQL store: {exc}") from exc
            self._local.conn = conn
        return conn

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Any]:
        import psycopg

        text, fts = to_pg(sql)
        values = [fts5_to_tsquery(v) if i in fts else v for i, v in enumerate(params)]
        try:
            rows = self._conn().execute(text, values).fetchall()
        except psycopg.Error as exc:
            raise StorageError(f"cannot read PostgreSQL store: {exc}") from exc
        yield from rows

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
        self._local.conn = None
