"""Store fixtures for both backends: ``any_store`` (SQLite, then PostgreSQL), ``pg_url``.

PostgreSQL tests need a server: ``PARLEY_TEST_PG=postgresql://user:pass@host:port/db``
(``.ci/run`` starts the machine's PostgreSQL 15 and sets it: ``bash .ci/postgres`` prints the
URL). Each test gets its own schema in that database, dropped afterwards; without the
variable or the server the PostgreSQL half of a test skips and says how to start one.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

HOW = ("PostgreSQL tests need a server: run `bash .ci/postgres` (starts the machine's "
       "PostgreSQL 15, makes role and database, prints the URL) and export "
       "PARLEY_TEST_PG=<that URL>")


def _server() -> str:
    url = os.environ.get("PARLEY_TEST_PG")
    if not url:
        pytest.skip(f"PARLEY_TEST_PG is not set. {HOW}")
    try:
        import psycopg
    except ImportError:
        pytest.skip("psycopg is not installed: pip install 'parley[postgres]'")
    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.Error as exc:
        pytest.skip(f"no PostgreSQL at PARLEY_TEST_PG ({exc.__class__.__name__}). {HOW}")
    return url


def with_schema(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL store URL of a fresh, empty schema (dropped after the test)."""
    import psycopg

    base = _server()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_schema(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The target of an empty store on each backend in turn (path or URL)."""
    if request.param == "sqlite":
        return str(tmp_path / "parley.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def any_store(store_url: str) -> Iterator[Any]:
    """An empty open store, on SQLite and on PostgreSQL."""
    from parley.store import open_store

    store = open_store(store_url)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def open_url() -> Callable[[str], Any]:
    from parley.store import open_store

    return open_store


def q(store: Any, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of one query (``?`` placeholders) on either backend, as tuples."""
    if hasattr(store, "url"):  # PostgreSQL
        from parley.store.postgres import _pg

        with store._lock:
            cur = store.conn.execute(_pg(sql), params)
            return [tuple(r) for r in cur.fetchall()] if cur.description else []
    return [tuple(r) for r in store.conn.execute(sql, params).fetchall()]
