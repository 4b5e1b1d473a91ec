"""The Store protocol every backend implements."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
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
    own_signatures: list[str] = field(default_factory=list)  # keys it wrote signatures for


Similarity = Callable[[bytes, bytes], float]
# what a writer watches for: (threshold, similarity, checked_at(key) -> signature number the
# deduper had seen when it checked that article, or None)
NearWatch = tuple[float, Similarity, Callable[[str], int | None] | None]


def signatures_to_check(near: NearWatch | None, batch: Batch, keys: Iterable[str],
                        default: int) -> dict[str, int]:
    """For each of ``keys`` (the batch's articles) that has a signature in the batch: the
    last stored signature number the deduper had seen when it checked it (``default``, the
    writer's own high-water mark, when the deduper does not say)."""
    if near is None or not batch.signatures:
        return {}
    checked_at = near[2]
    mine = {k for k, _ in batch.signatures}
    since: dict[str, int] = {}
    for key in keys:
        if key in mine:
            seen = checked_at(key) if checked_at is not None else None
            since[key] = default if seen is None else seen
    return since


def nearest_late(near: NearWatch, since: dict[str, int], mine: dict[str, bytes],
                 stored: Iterable[tuple[int, str, bytes]]) -> dict[str, tuple[str, float]]:
    """Articles near a signature another writer stored after the deduper checked them:
    ``{key: (first key, similarity)}``, the most similar one at or above the threshold.
    ``since`` is :func:`signatures_to_check`'s answer, ``mine`` the batch's signatures by
    key, ``stored`` (number, key, signature) of the signatures stored since then by others."""
    threshold, similarity, _ = near
    stored = list(stored)
    found: dict[str, tuple[str, float]] = {}
    for key, seen in since.items():
        best: tuple[float, str] | None = None
        for number, other_key, other in stored:
            if number <= seen or other_key == key:
                continue
            sim = similarity(mine[key], other)
            if sim >= threshold and (best is None or sim > best[0]):
                best = (sim, other_key)
        if best is not None:
            found[key] = (best[1], best[0])
    return found


class BatchWrites:
    """The one-record writes every backend offers, each one ``write_batch`` of one item (one
    way to write: a backend implements ``write_batch`` and inherits these)."""

    def write_batch(self, batch: Batch) -> Any:
        raise NotImplementedError

    def put_document(self, doc: Document) -> None:
        self.write_batch(Batch(documents=[doc]))

    def put_rejection(self, rejection: Rejection, article: Article | None = None) -> None:
        self.write_batch(Batch(rejections=[(rejection, article)]))

    def put_duplicate(self, article: Article, first_key: str, kind: str, similarity: float) -> None:
        self.write_batch(Batch(duplicates=[(article, first_key, kind, similarity)]))

    def put_signature(self, key: str, signature: bytes) -> None:
        self.write_batch(Batch(signatures=[(key, signature)]))


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
        from parley.store.postgres import PostgresStore

        return PostgresStore(target)
    if "://" in target and not target.startswith("sqlite:///"):
        raise ConfigError(f"store {target!r}: expected a SQLite path (parley.db, "
                          "sqlite:///x.db) or a postgresql:// URL")
    from parley.store.sqlite import SQLiteStore

    path = target[len("sqlite:///"):] if target.startswith("sqlite:///") else target
    return SQLiteStore(path)
