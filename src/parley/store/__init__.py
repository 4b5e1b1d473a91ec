"""Stores behind one protocol: SQLite (built in); PostgreSQL and Parquet arrive as additions."""

from parley.store.base import Store, open_store
from parley.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "open_store"]
