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
names the first copy's id and key and the similarity, and ``link(copy)`` gives the link to
store for it: ``(first key, "exact" | "near", similarity)``.

The deduper writes nothing itself: ``add(article)`` returns the signature to store, and the
runner puts the signature, the duplicate link and the article into one batch, written in one
transaction, so a killed run leaves each article with its signature or neither. Before each
check it picks up the signatures any writer stored since it last looked (a restarted run,
or another process writing the same file), and it asks the store to re-check, inside each
write, the batch's articles against signatures stored since (``watch_near_duplicates``),
so that two writers never code one story twice.

The LSH index is banded to miss almost no pair at the threshold (``lsh_bands``: 25 bands of
5 rows at 0.8, a pair at 0.8 missed once in 20,000), and each candidate is verified exactly,
so the deduper decides as the store's exact re-check does.

Signatures are 128 MinHash values kept to their lowest 16 bits (b-bit minwise hashing, Li
and König 2010): two unequal values agree by chance once in 65,536, which moves a Jaccard
estimate by under 0.00002, and a stored signature is 256 bytes. Signatures stored wider
(32 or 64 bits, by earlier versions) are read and cut to 16 bits.
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
BITS_MASK = np.uint64(0xFFFF)  # the 16 bits of each value that are kept
_WORD = re.compile(r"\w+", re.UNICODE)


class SignatureStore(Protocol):
    def iter_signatures(self) -> Any: ...


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
    # built as a stored signature is read back, so that the LSH hashes both alike
    return _from_bytes(_to_bytes(m)), len(sh)


def _to_bytes(m: Any) -> bytes:
    return (np.asarray(m.hashvalues, dtype=np.uint64) & BITS_MASK).astype("<u2").tobytes()


def _values(data: bytes) -> np.ndarray:
    width = {NUM_PERM * 2: "<u2", NUM_PERM * 4: "<u4"}.get(len(data), "<u8")
    return np.frombuffer(data, dtype=width).astype(np.uint64) & BITS_MASK


def _from_bytes(data: bytes) -> Any:
    from datasketch import MinHash

    values = _values(data).copy()
    return MinHash(num_perm=len(values), seed=1, hashvalues=values, scheme=SCHEME)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two stored signatures (as ``MinHash.jaccard``)."""
    va, vb = _values(a), _values(b)
    if len(va) != len(vb) or not len(va):
        return 0.0
    return float(np.count_nonzero(va == vb)) / len(va)


MISS = 1e-4  # the most often the LSH may miss a pair right at the threshold


def lsh_bands(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """``(bands, rows)`` for the LSH index: the most rows a band (the fewest candidates to
    verify) such that a pair exactly ``threshold`` similar is missed at most ``MISS`` of the
    time, ``(1 - t^rows)^bands``; pairs above it less often. Every candidate is verified
    exactly, so the index finds what the store's exact re-check finds. (datasketch's
    default for 0.8, 9 bands of 13, misses 60% of the pairs at 0.8 and 31% at 0.85.)"""
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if (1.0 - threshold ** rows) ** bands <= MISS:
            return bands, rows
    return num_perm, 1


class Deduper:
    """``check(article)`` before coding; ``add(article)`` once it goes on to be coded, which
    returns the signature to store with it; ``link(copy)`` the link to store for a copy.

    With a ``store``, the signatures stored there are loaded at start and again before each
    check (those stored since), and the store re-checks near duplicates inside its writes.
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
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=lsh_bands(threshold))
        self.keys: dict[str, str] = {}  # content key -> article id of the first copy
        self.hashes: dict[str, Any] = {}
        self._links: dict[str, tuple[str, str, float]] = {}  # copy key -> its link
        self._last: tuple[str, Any, int] | None = None
        self._seen = 0  # rowid of the last stored signature picked up
        self._checked: dict[str, int] = {}  # key -> self._seen when it was checked
        self.exact = 0
        self.near = 0
        self.pairs: list[tuple[str, str, float]] = []  # (copy id, first id, similarity)
        if store is not None:
            self._refresh(initial=True)
            watch = getattr(store, "watch_near_duplicates", None)
            if watch is not None:
                watch(threshold, similarity, self.checked_at)

    def _remember(self, key: str, m: Any) -> None:
        self.hashes[key] = m
        self.lsh.insert(key, m)

    def _refresh(self, initial: bool = False) -> None:
        """Pick up signatures stored (by any writer) since the last look."""
        since = getattr(self.store, "signatures_since", None)
        if since is None:
            if initial and self.store is not None:
                rows = [(0, k, s) for k, s in self.store.iter_signatures()]
            else:
                return
        else:
            rows = since(self._seen)
        n = 0
        for rowid, key, sig in rows:
            self._seen = max(self._seen, rowid)
            key = str(key)
            if key in self.hashes:
                continue
            self._remember(key, _from_bytes(bytes(sig)))
            self.keys.setdefault(key, key)
            n += 1
        if n and initial:
            logger.info("dedupe: loaded %d signatures from the store", n)

    def _signature(self, article: Article) -> tuple[Any, int]:
        if self._last is not None and self._last[0] == article.key:
            return self._last[1], self._last[2]
        m, n = minhash(article.text)
        self._last = (article.key, m, n)
        return m, n

    def check(self, article: Article) -> Rejection | None:
        """A Rejection when ``article`` repeats one seen before (in this run or stored)."""
        key = article.key
        if self.store is not None:
            self._refresh()
            self._checked[key] = self._seen
        if key in self.keys:
            self.exact += 1
            first = self.keys[key]
            self.pairs.append((article.id, first, 1.0))
            self._links[key] = (key, "exact", 1.0)
            return Rejection(
                article.id, "dedupe", "duplicate",
                f"same text as {first} (key {key}); linked to it, not coded again",
            )
        m, n = self._signature(article)
        if n < self.min_shingles:
            return None
        best: tuple[float, str] | None = None
        for cand in sorted(self.lsh.query(m)):  # sorted: the same first copy on every run
            sim = float(m.jaccard(self.hashes[cand]))
            if sim >= self.threshold and (best is None or sim > best[0]):
                best = (sim, cand)
        if best is None:
            return None
        sim, first_key = best
        self.near += 1
        first = self.keys.get(first_key, first_key)
        self.pairs.append((article.id, first, sim))
        self._links[key] = (first_key, "near", sim)
        return Rejection(
            article.id, "dedupe", "near_duplicate",
            f"{sim:.2f} similar to {first} (key {first_key}, MinHash Jaccard over word "
            f"5-shingles >= {self.threshold}); linked to it, not coded again",
        )

    def checked_at(self, key: str) -> int | None:
        """The stored signatures (by rowid) this deduper had seen when it checked ``key``;
        the store compares the article with those stored after, inside its write."""
        return self._checked.pop(key, None)

    def link(self, article: Article) -> tuple[str, str, float] | None:
        """``(first key, kind, similarity)`` for a copy that ``check`` rejected."""
        return self._links.get(article.key)

    def add(self, article: Article) -> bytes | None:
        """Remember ``article`` as a first copy; its signature to store (None for a text too
        short to compare other than exactly, or one already known)."""
        key = article.key
        if key in self.keys:
            return None
        self.keys[key] = article.id
        m, n = self._signature(article)
        if n < self.min_shingles:
            return None
        self._remember(key, m)
        return _to_bytes(m)

    def flush(self, final: bool = False) -> None:
        """Nothing to do: signatures and links go into the runner's batches. Kept so that
        callers of the earlier deduper keep working."""
