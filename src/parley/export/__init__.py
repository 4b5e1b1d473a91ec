"""Exports out of any store: PLOVER JSONL, GDELT-style TSV, CSV and Parquet (docs/export.md).

``export(store, fmt, out, date_from=None, date_to=None) -> {what: rows written}``. Dates
select articles by publication date (YYYY-MM-DD, both ends included); every format then
holds what was coded from those articles. The store needs ``iter_documents()``,
``table_names()``, ``table_columns(table)`` and ``iter_table(...)``: both built-in
backends have them.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from parley.errors import ConfigError
from parley.model import content_hash

FORMATS = ("plover-jsonl", "cameo-tsv", "csv", "parquet")
CHUNK = 20_000


def _articles(store: Any, date_from: str | None, date_to: str | None) -> dict[str, dict[str, Any]]:
    """The stored articles in range (key -> source, stored_at) with ``copies``: the article
    and its stored duplicates (exact and near), and ``sources``: the distinct sources among
    them."""
    copies: Counter[str] = Counter()
    sources: dict[str, set[str]] = defaultdict(set)
    for row in store.iter_table("duplicates", columns=("first_key", "source")):
        copies[row["first_key"]] += 1
        sources[row["first_key"]].add(row["source"] or "")
    out = {}
    for row in store.iter_table("articles", columns=("key", "source", "stored_at"),
                                date_from=date_from, date_to=date_to):
        key = row["key"]
        out[key] = {"source": row["source"], "stored_at": row["stored_at"],
                    "copies": 1 + copies[key], "sources": len(sources[key] | {row["source"] or ""})}
    return out


def _records(store: Any, articles: dict[str, dict[str, Any]]) -> Iterator[tuple[dict[str, Any], str]]:
    for record in store.iter_documents():
        key = content_hash(record.get("text") or "")
        if key in articles:
            yield record, key


def _open(out: str) -> IO[str]:
    if out == "-":
        return sys.stdout
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    return open(out, "w", encoding="utf-8", newline="")


def export_plover(store: Any, out: str, date_from: str | None = None,
                  date_to: str | None = None) -> dict[str, int]:
    from parley.export.plover import plover_records

    articles = _articles(store, date_from, date_to)
    n = 0
    fh = _open(out)
    try:
        for record, key in _records(store, articles):
            for rec in plover_records(record, key, articles[key]):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    finally:
        if fh is not sys.stdout:
            fh.close()
    return {"events": n}


def export_tsv(store: Any, out: str, date_from: str | None = None,
               date_to: str | None = None) -> dict[str, int]:
    from parley.export.gdelt import COLUMNS, gdelt_rows, tsv_field

    articles = _articles(store, date_from, date_to)
    n = 0
    fh = _open(out)
    try:
        fh.write("\t".join(COLUMNS) + "\n")
        for record, key in _records(store, articles):
            for row in gdelt_rows(record, key, articles[key]):
                fh.write("\t".join(tsv_field(row[c]) for c in COLUMNS) + "\n")
                n += 1
    finally:
        if fh is not sys.stdout:
            fh.close()
    return {"events": n}


def _columns(store: Any, table: str) -> list[tuple[str, str]]:
    from parley.store.tables import export_columns

    return export_columns(store.table_columns(table))


def _filterable(store: Any, table: str) -> bool:
    return table == "articles" or any(c == "article_key" for c, _ in _columns(store, table))


def _cell(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return value


def export_csv(store: Any, out: str, date_from: str | None = None,
               date_to: str | None = None) -> dict[str, int]:
    """One CSV file per table in the folder ``out`` (header row, RFC 4180 quoting, UTF-8;
    binary values as hex)."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in store.table_names():
        if (date_from or date_to) and not _filterable(store, table):
            continue
        columns = [c for c, _ in _columns(store, table)]
        n = 0
        with open(folder / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            for row in store.iter_table(table, date_from=date_from, date_to=date_to):
                writer.writerow([_cell(row[c]) for c in columns])
                n += 1
        counts[table] = n
    return counts


def _write_parquet(rows: list[dict[str, Any]], schema: Any, folder: Path, part: int,
                   monthly: bool) -> None:
    import pyarrow as pa
    import pyarrow.dataset as ds

    partitioning = (ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive")
                    if monthly else None)
    ds.write_dataset(pa.Table.from_pylist(rows, schema=schema), folder, format="parquet",
                     partitioning=partitioning, basename_template=f"part-{part}-{{i}}.parquet",
                     existing_data_behavior="overwrite_or_ignore")


def export_parquet(store: Any, out: str, date_from: str | None = None,
                   date_to: str | None = None) -> dict[str, int]:
    """One Parquet dataset per table under ``out/<table>/``, partitioned by the article's
    month (``month=YYYY-MM`` folders, hive style); tables tied to no article are one file."""
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - the export extra is part of make install
        raise ConfigError("the Parquet export needs pyarrow: pip install 'parley[export]'") from None
    arrow = {"text": pa.string(), "integer": pa.int64(), "real": pa.float64(), "blob": pa.binary()}
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in store.table_names():
        monthly = _filterable(store, table)
        if (date_from or date_to) and not monthly:
            continue
        fields = [pa.field(c, arrow[k]) for c, k in _columns(store, table)]
        if monthly:
            fields.append(pa.field("month", pa.string()))
        schema = pa.schema(fields)
        n, part = 0, 0
        chunk: list[dict[str, Any]] = []
        for row in store.iter_table(table, date_from=date_from, date_to=date_to,
                                    with_month=monthly):
            chunk.append(row)
            n += 1
            if len(chunk) >= CHUNK:
                _write_parquet(chunk, schema, folder / table, part, monthly)
                chunk, part = [], part + 1
        if chunk or part == 0:
            _write_parquet(chunk, schema, folder / table, part, monthly)
        counts[table] = n
    return counts


def export(store: Any, fmt: str, out: str, date_from: str | None = None,
           date_to: str | None = None) -> dict[str, int]:
    """Write ``store``'s contents in format ``fmt`` to ``out`` (a file for plover-jsonl and
    cameo-tsv, ``-`` for standard output; a folder for csv and parquet)."""
    writers = {"plover-jsonl": export_plover, "cameo-tsv": export_tsv,
               "csv": export_csv, "parquet": export_parquet}
    if fmt not in writers:
        raise ConfigError(f"export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if date_from and date_to and date_from > date_to:
        raise ConfigError(f"--from {date_from} is after --to {date_to}")
    if fmt in ("csv", "parquet") and out == "-":
        raise ConfigError(f"--format {fmt} writes a folder: give --out a folder path")
    return writers[fmt](store, out, date_from, date_to)


__all__ = ["FORMATS", "export"]
