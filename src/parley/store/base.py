"""The Store protocol every backend implements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol, runtime_checkable

from parley.errors import ConfigError
from parley.model import Article, Document, Rejection


@runtime_checkable
class Store(Protocol):
    def has_article(self, key: str) -> bool: ...

    def put_document(self, doc: Document) -> None: ...

    def put_rejection(self, rejection: Rejection, article: Article | None = None) -> None: ...

    def put_duplicate(self, article: Article, first_key: str, kind: str,
                      similarity: float) -> None: ...

    def put_signature(self, key: str, signature: bytes) -> None: ...

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]: ...

    def iter_documents(self) -> Iterator[dict[str, Any]]: ...

    def counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...


def open_store(target: str) -> Store:
    """Open a store from a path or URL: ``parley.db`` / ``sqlite:///x.db`` (built in);
    ``postgresql://...`` needs the ``postgres`` extra."""
    if target.startswith(("postgres://", "postgresql://")):
        raise ConfigError(
            f"store {target!r}: the PostgreSQL store is not available yet; "
            "use a SQLite path such as parley.db"
        )
    from parley.store.sqlite import SQLiteStore

    path = target[len("sqlite:///"):] if target.startswith("sqlite:///") else target
    return SQLiteStore(path)
