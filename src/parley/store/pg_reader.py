"""The reader over PostgreSQL: ``store/reader.py``'s queries, with its few SQLite idioms
rewritten as each query runs (the reader stays the one place that says what is read).

The rewrites: ``json_group_array(json_object(...))`` -> ``json_agg(json_build_object(...))``
(and an alias for its sub-select); ``IS ?`` -> ``IS NOT DISTINCT FROM ?``; ``LIMIT -1`` (no
limit) -> ``LIMIT NULL``; FTS5 ``MATCH`` and ``rank`` -> the ``articles_fts`` GIN index
with ``websearch_to_tsquery`` and ``ts_rank``; ``?`` -> ``%s``. Each thread reads over its
own connection, as with SQLite.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from parley.errors import StorageError
from parley.store.pg_schema import PG_FTS_DOCUMENT
from parley.store.reader import Reader

_QUERY = "websearch_to_tsquery('english', ?)"
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
    (re.compile(r"\bifnull\("), "coalesce("),
    # SQLite sorts NULL first going up and last going down; PostgreSQL the other way
    (re.compile(r"ORDER BY (\w\.date)(,| DESC)"),
     lambda m: f"ORDER BY {m[1]}{' NULLS FIRST,' if m[2] == ',' else ' DESC NULLS LAST'}"),
]


def to_pg(sql: str) -> str:
    for pattern, repl in _REWRITES:
        sql = pattern.sub(repl, sql)
    return sql.replace("%", "%%").replace("?", "%s")


class PgReader(Reader):
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

        try:
            rows = self._conn().execute(to_pg(sql), list(params)).fetchall()
        except psycopg.Error as exc:
            raise StorageError(f"cannot read PostgreSQL store: {exc}") from exc
        yield from rows

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
        self._local.conn = None
