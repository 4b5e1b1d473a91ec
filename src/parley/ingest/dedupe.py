"""Exact and near-duplicate detection, remembered across runs through the store.

- **Exact**: ``Article.key``, the sha256 of the text after NFC, lower case and squashed
  white space (``parley.model.content_hash``). Same key -> reason ``duplicate``.
- **Near**: MinHash (datasketch, 128 permutations) over word 5-shingles of the lower-cased
  word tokens, indexed with MinHashLSH. A candidate whose estimated Jaccard similarity is at
  least ``threshold`` (default **0.8**) -> reason ``near_duplicate``. 0.8 keeps syndicated
  copies that differ in a byline, a dateline, a trailing "Reporting by ..." line or a
  corrected word, and keeps apart follow-up stories that share a paragraph or two (those
  sit near 0.2-0.5). Articles with fewer than ``min_shingles`` (default 20, about 25 words)
  are compared only exactly: short texts share too many shingles by chance.

The first copy wins; a later copy becomes a Rejection (stage ``dedupe``) whose detail
names the first copy's id and key and the similarity, and the store links it to the first
copy (``put_duplicate``) so that it is not coded twice. Signatures are saved in the store
(``put_signature``) and loaded again (``iter_signatures``) when a run starts, so a
restarted or later run still knows every article stored before.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Protocol

import numpy as np

from parley.model import Article, Rejection

logger = logging.getLogger(__name__)

NUM_PERM = 128
SHINGLE = 5
DEFAULT_THRESHOLD = 0.8
MIN_SHINGLES = 20
SCHEME = "affine32"  # datasketch's hashing scheme, pinned so stored signatures stay valid
FLUSH_EVERY = 64
_WORD = re.compile(r"\w+", re.UNICODE)


class SignatureStore(Protocol):
    def has_article(self, key: str) -> bool: ...

    def put_signature(self, key: str, signature: bytes) -> None: ...

    def iter_signatures(self) -> Any: ...

    def put_duplicate(self, article: Article, first_key: str, kind: str,
                      similarity: float) -> None: ...


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def minhash(text: str) -> tuple[Any, int]:
    """The MinHash of ``text``'s 5-shingles and how many shingles there were."""
    from datasketch import MinHash

    sh = shingles(text)
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    if sh:
        m.update_batch(list(sh))
    return m, len(sh)


def _to_bytes(m: Any) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def _from_bytes(data: bytes) -> Any:
    from datasketch import MinHash

    values = np.frombuffer(data, dtype=np.uint64).copy()
    return MinHash(num_perm=len(values), seed=1, hashvalues=values, scheme=SCHEME)


class Deduper:
    """``check(article)`` before coding, ``add(article)`` once it goes on to be coded.

    With a ``store``, known signatures are loaded at start, signatures of new articles are
    saved once their article is in the store, and near duplicates are linked to their
    first copy there.
    """

    def __init__(self, store: SignatureStore | None = None, threshold: float = DEFAULT_THRESHOLD,
                 min_shingles: int = MIN_SHINGLES) -> None:
        from datasketch import MinHashLSH

        if not 0.0 < threshold <= 1.0:
            from parley.errors import ConfigError

            raise ConfigError(f"dedupe threshold {threshold!r} must be in (0, 1]; 0.8 is the default")
        self.store = store
        self.threshold = threshold
        self.min_shingles = min_shingles
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.keys: dict[str, str] = {}  # content key -> article id of the first copy
        self.hashes: dict[str, Any] = {}
        self._pending: list[tuple[str, bytes, int]] = []
        self._checks = 0
        self._links: list[tuple[Article, str, float, int]] = []
        self._last: tuple[str, Any, int] | None = None
        self.exact = 0
        self.near = 0
        self.pairs: list[tuple[str, str, float]] = []  # (copy id, first id, similarity)
        if store is not None:
            self._load(store)

    def _load(self, store: SignatureStore) -> None:
        n = 0
        for key, sig in store.iter_signatures():
            key = str(key)
            if key in self.hashes:
                continue
            m = _from_bytes(bytes(sig))
            self.hashes[key] = m
            self.keys.setdefault(key, key)
            self.lsh.insert(key, m)
            n += 1
        if n:
            logger.info("dedupe: loaded %d signatures from the store", n)

    def _signature(self, article: Article) -> tuple[Any, int]:
        if self._last is not None and self._last[0] == article.key:
            return self._last[1], self._last[2]
        m, n = minhash(article.text)
        self._last = (article.key, m, n)
        return m, n

    def check(self, article: Article) -> Rejection | None:
        """A Rejection when ``article`` repeats one seen before (in this run or stored)."""
        self._checks += 1
        if self._checks % FLUSH_EVERY == 0:
            self.flush()
        key = article.key
        if key in self.keys:
            self.exact += 1
            first = self.keys[key]
            self.pairs.append((article.id, first, 1.0))
            return Rejection(
                article.id, "dedupe", "duplicate",
                f"same text as {first} (key {key}); linked to it, not coded again",
            )
        m, n = self._signature(article)
        if n < self.min_shingles:
            return None
        best: tuple[float, str] | None = None
        for cand in self.lsh.query(m):
            sim = float(m.jaccard(self.hashes[cand]))
            if sim >= self.threshold and (best is None or sim > best[0]):
                best = (sim, cand)
        if best is None:
            return None
        sim, first_key = best
        self.near += 1
        first = self.keys.get(first_key, first_key)
        self.pairs.append((article.id, first, sim))
        if self.store is not None:  # linked once the first copy is in the store
            self._links.append((article, first_key, sim, 0))
        return Rejection(
            article.id, "dedupe", "near_duplicate",
            f"{sim:.2f} similar to {first} (key {first_key}, MinHash Jaccard over word "
            f"5-shingles >= {self.threshold}); linked to it, not coded again",
        )

    def add(self, article: Article) -> None:
        """Remember ``article`` as a first copy."""
        key = article.key
        if key in self.keys:
            return
        self.keys[key] = article.id
        m, n = self._signature(article)
        if n < self.min_shingles:
            return
        self.hashes[key] = m
        self.lsh.insert(key, m)
        if self.store is not None:
            self._pending.append((key, _to_bytes(m), 0))

    def flush(self, final: bool = False) -> None:
        """Save the signatures of articles that have reached the store since they were added.

        The store keys signatures to stored articles, so a signature waits until its article
        is stored; one still missing after a few flushes was rejected by a later stage and is
        kept in memory only. Call with ``final=True`` at the end of a run.
        """
        if self.store is None:
            return
        links = []
        for article, first_key, sim, age in self._links:
            if self.store.has_article(first_key):
                try:
                    self.store.put_duplicate(article, first_key, "near", sim)
                except Exception as exc:  # noqa: BLE001 - the rejection row is kept anyway
                    logger.warning("dedupe: could not link %s to %s: %s", article.id, first_key, exc)
            elif not final and age < 3:
                links.append((article, first_key, sim, age + 1))
        self._links = links
        waiting = []
        for key, sig, age in self._pending:
            if self.store.has_article(key):
                self.store.put_signature(key, sig)
            elif not final and age < 3:
                waiting.append((key, sig, age + 1))
        self._pending = waiting
