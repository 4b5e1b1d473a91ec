"""A Datasette plugin (entry point ``datasette``, installed with Parley): every connection
Datasette opens gets the SQL functions of ``sqlite_layout.register``, so the packed article
text reads there as text (``SELECT parley_text(text) FROM articles``, or the
``article_texts`` view) and the full-text triggers work."""

from __future__ import annotations

import sqlite3

from datasette import hookimpl

from parley.store.sqlite_layout import register


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    register(conn)
