"""The Store protocol every backend implements."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from parley.errors import ConfigError
from parley.model import Article, Document, Rejection


@dataclass
class Batch:
    """What a sink writes in one transaction: coded documents, rejections (with the article
    where there is one), duplicate links (article, first copy's key, kind, similarity) and
    near-duplicate signatures (article key, MinHash bytes)."""

    documents: list[Document] = field(default_factory=list)
    rejections: list[tuple[Rejection, Article | None]] = field(default_factory=list)
    duplicates: list[tuple[Article, str, str, float]] = field(default_factory=list)
    signatures: list[tuple[str, bytes]] = field(default_factory=list)

    def __len__(self) -> int:
        return (len(self.documents) + len(self.rejections) + len(self.duplicates))


@dataclass
class WriteResult:
    """What one ``write_batch`` did: articles stored, and copies found to be duplicates only
    inside the write (another writer stored their first copy meanwhile), as
    ``(copy id, first key, kind)``."""

    stored: int = 0
    linked: list[tuple[str, str, str]] = field(default_factory=list)
    signatures_seen: int = 0  # the writer's high-water mark of stored signatures


@runtime_checkable
class Store(Protocol):
    def has_article(self, key: str) -> bool: ...

    def write_batch(self, batch: Batch) -> WriteResult | None: ...

    def put_document(self, doc: Document) -> None: ...

    def put_rejection(self, rejection: Rejection, article: Article | None = None) -> None: ...

    def put_duplicate(self, article: Article, first_key: str, kind: str,
                      similarity: float) -> None: ...

    def put_signature(self, key: str, signature: bytes) -> None: ...

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]: ...

    def iter_documents(self) -> Iterator[dict[str, Any]]: ...

    def counts(self) -> dict[str, int]: ...

    def reader(self) -> Any: ...

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
