"""Whole tables out of a store, for exports: one SQL text for every backend.

A backend gives ``table_columns(table) -> [(column, kind)]`` from its catalogue (kind: one of
``text integer real blob``) and runs the query built here with its own placeholders. Table
and column names are checked against that catalogue and quoted; values travel as parameters.
"""

from __future__ import annotations

from collections.abc import Sequence

# tables that are the store's own bookkeeping, not data a user exports
INTERNAL = frozenset({"migrations", "signatures", "dedupe_claims", "dedupe_bands",
                      "sqlite_sequence", "sqlite_stat1"})


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


def table_query(table: str, catalogue: Sequence[tuple[str, str]], columns: Sequence[str] | None,
                date_from: str | None, date_to: str | None, with_month: bool,
                has_article_key: bool) -> tuple[str, list[str], list[str]]:
    """SQL (``?`` placeholders), its parameters and the output column names for one table.

    Dates filter on the article's publication date (``articles.date``); a row of a table
    that belongs to an article is kept when its article is in range; rows tied to no article
    are kept only when no date is given. ``with_month`` adds ``month`` ('YYYY-MM', or NULL).
    """
    known = [c for c, _ in catalogue]
    if not known:
        raise ValueError(f"no table named {table!r} in the store")
    cols = list(columns) if columns else known
    unknown = [c for c in cols if c not in known]
    if unknown:
        raise ValueError(f"table {table!r} has no columns {unknown}; it has {known}")
    is_articles = table == "articles"
    if not is_articles and not has_article_key and (date_from or date_to or with_month):
        raise ValueError(f"table {table!r} has no article_key: it cannot be filtered by date")
    select = [f"t.{_q(c)}" for c in cols]
    out = list(cols)
    source = f"{_q(table)} t"
    date_col = "t.date" if is_articles else "a.date"
    if not is_articles and (date_from or date_to or with_month):
        join = "JOIN" if (date_from or date_to) else "LEFT JOIN"
        source += f" {join} articles a ON a.key = t.article_key"
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
    order = "t.key" if is_articles else ("t.article_key" if has_article_key else "1")
    sql = f"SELECT {', '.join(select)} FROM {source}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + f" ORDER BY {order}", params, out
