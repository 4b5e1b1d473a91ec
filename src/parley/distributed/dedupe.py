"""Near-duplicate detection across workers: one signature index in the shared store.

Each worker's ``SharedDeduper`` computes the same MinHash as ``ingest.dedupe`` (128
permutations over word 5-shingles, threshold 0.8) and asks the store to *claim* the article
(``PostgresStore.claim``): the store locks the signature's LSH buckets, records the claim and
answers with the earlier claim it copies, if any. Two copies that land on two workers at the
same moment are therefore still linked, the later claim to the earlier one, and the answer
is the same whichever worker asks first.
"""

from __future__ import annotations

from typing import Any

from parley.ingest.dedupe import (
    DEFAULT_THRESHOLD,
    MIN_SHINGLES,
    NUM_PERM,
    _to_bytes,
    minhash,
    similarity,
)
from parley.model import Article, Rejection


def lsh_shape(threshold: float) -> tuple[int, int]:
    """(bands, rows) of the LSH index for ``threshold``: datasketch's own choice."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


class SharedDeduper:
    """The Deduper protocol (``check``, ``add``) over a store with ``claim``.

    ``link(article)`` gives ``(first_key, kind, similarity)`` of a copy found, for the batch's
    duplicate links; ``release(article)`` gives a claim back when its article is not
    stored after all (rejected by a later stage), so a later copy can be its first.
    """

    def __init__(self, store: Any, threshold: float = DEFAULT_THRESHOLD,
                 min_shingles: int = MIN_SHINGLES) -> None:
        if not 0.0 < threshold <= 1.0:
            from parley.errors import ConfigError

            raise ConfigError(f"dedupe threshold {threshold!r} must be in (0, 1]; 0.8 is the default")
        self.store = store
        self.threshold = threshold
        self.min_shingles = min_shingles
        self.bands, self.rows = lsh_shape(threshold)
        self.links: dict[str, tuple[str, str, float]] = {}  # copy key -> its link
        self._signatures: dict[str, bytes | None] = {}
        self.exact = 0
        self.near = 0

    def check(self, article: Article) -> Rejection | None:
        m, n = minhash(article.text)
        sig = _to_bytes(m) if n >= self.min_shingles else None
        found = self.store.claim(article.key, article.id, sig, self.threshold,
                                 self.bands, self.rows, similarity)
        if found is None:
            self._signatures[article.key] = sig
            return None
        first_key, kind, sim = found
        self.links[article.key] = found
        if kind == "exact":
            self.exact += 1
            return Rejection(article.id, "dedupe", "duplicate",
                             f"same text as key {first_key}; linked to it, not coded again")
        self.near += 1
        return Rejection(
            article.id, "dedupe", "near_duplicate",
            f"{sim:.2f} similar to key {first_key} (MinHash Jaccard over word 5-shingles >= "
            f"{self.threshold}, shared index); linked to it, not coded again")

    def link(self, article: Article) -> tuple[str, str, float] | None:
        """``(first key, kind, similarity)`` for a copy that ``check`` rejected."""
        return self.links.get(article.key)

    def add(self, article: Article) -> bytes | None:
        """The signature to store with ``article`` (None for a text too short to compare)."""
        return self._signatures.pop(article.key, None)

    def release(self, article: Article) -> None:
        self._signatures.pop(article.key, None)
        self.store.release(article.key)
