"""Whole tables out of a store, for exports: one SQL text for every backend.

A backend gives ``table_columns(table) -> [(column, kind)]`` from its catalogue (kind: one of
``text integer real blob``) and runs the query built here with its own placeholders. Table
and column names are checked against that catalogue and quoted; values travel as parameters.
"""

from __future__ import annotations

from collections.abc import Sequence

from parley.store.sqlite_layout import logical_sql

# tables that are the store's own bookkeeping, not data a user exports
INTERNAL = frozenset({"migrations", "signatures", "dedupe_claims", "dedupe_bands",
                      "sqlite_sequence", "sqlite_stat1",
                      # SQLite's pre-aggregates for analysis (store/dyads.py), rebuilt from events
                      "dyad_events", "dyad_days", "dyad_sources", "dyad_keys"})


def kind_of(declared: str) -> str:
    """A catalogue type (SQLite's declared type, PostgreSQL's data_type) as one of four kinds."""
    t = (declared or "").lower()
    if "int" in t or t in ("serial", "bigserial"):
        return "integer"
    if any(x in t for x in ("real", "double", "float", "numeric")):
        return "real"
    if "blob" in t or "bytea" in t:
        return "blob"
    return "text"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def export_columns(catalogue: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The columns a table exports with: a child table's integer ``article`` (the article's
    row number) is given as ``article_key`` (its content key), which means the same in every
    store and every export."""
    return [("article_key", "text") if c == "article" else (c, k) for c, k in catalogue]


def table_query(table: str, catalogue: Sequence[tuple[str, str]], columns: Sequence[str] | None,
                date_from: str | None, date_to: str | None,
                with_month: bool, packed: bool = True) -> tuple[str, list[str], list[str]]:
    """SQL (``?`` placeholders), its parameters and the output column names for one table
    (``export_columns``' names).

    Dates filter on the article's publication date (``articles.date``); a row of a table
    that belongs to an article is kept when its article is in range; rows tied to no article
    are kept only when no date is given. ``with_month`` adds ``month`` ('YYYY-MM', or NULL).
    Values are the logical ones (``sqlite_layout.logical_sql``: text as text, a speaker that
    is its actor with the actor's fields); ``packed``: the backend packs text and mentions.
    """
    names = [c for c, _ in catalogue]
    if not names:
        raise ValueError(f"no table named {table!r} in the store")
    known = [c for c, _ in export_columns(catalogue)]
    cols = list(columns) if columns else known
    unknown = [c for c in cols if c not in known]
    if unknown:
        raise ValueError(f"table {table!r} has no columns {unknown}; it has {known}")
    is_articles = table == "articles"
    ref = "t.article = a.n" if "article" in names else (
        "t.article_key = a.key" if "article_key" in names else None)
    filtered = bool(date_from or date_to or with_month)
    if not is_articles and ref is None and filtered:
        raise ValueError(f"table {table!r} has no article: it cannot be filtered by date")
    exprs, joins = logical_sql(table, "t", packed)
    select = [("a.key" if c == "article_key" and "article" in names else
               exprs.get(c, f"t.{_q(c)}")) for c in cols]
    out = list(cols)
    source = f"{_q(table)} t"
    date_col = "t.date" if is_articles else "a.date"
    if not is_articles and ref is not None and (filtered or "article" in names):
        join = "JOIN" if (date_from or date_to or "article" in names) else "LEFT JOIN"
        source += f" {join} articles a ON {ref}"
    source += joins
    if with_month:
        select.append(f"substr({date_col}, 1, 7)")
        out.append("month")
    where, params = [], []
    if date_from:
        where.append(f"{date_col} >= ?")
        params.append(date_from)
    if date_to:
        where.append(f"{date_col} <= ?")
        params.append(date_to)
    order = "t.key" if is_articles else ("1" if ref is None else
                                          "t.article" if "article" in names else "t.article_key")
    sql = f"SELECT {', '.join(select)} FROM {source}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + f" ORDER BY {order}", params, out
