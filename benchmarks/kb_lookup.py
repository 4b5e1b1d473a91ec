"""Knowledge-base load time and lookup cost.

    .venv/bin/python benchmarks/kb_lookup.py [--extra FILE.yaml] [--n 200000]

Prints the cold load (YAML parse), the warm load (compiled pickle under ~/.cache/parley),
and microseconds per lookup over a mix of hits, misses and dated people.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from parley.actors.kb import KnowledgeBase, normalise_alias, shipped_paths

NAMES = ["U.S.", "the Kremlin", "Beijing", "Chinese", "NATO", "Xinhua", "Hamas", "Ukrainian",
         "Antonio Guterres", "Ban Ki-moon", "Nobody Known", "Downing Street", "WHO", "who",
         "European Commission", "Taliban"]
DATES = [None, "2010-05-01", "2023-03-16"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--extra", action="append", default=[], type=Path)
    ap.add_argument("--n", type=int, default=200_000)
    args = ap.parse_args()
    paths = [*shipped_paths(), *args.extra]
    with tempfile.TemporaryDirectory() as cache:
        os.environ["PARLEY_CACHE_DIR"] = cache
        t = time.perf_counter()
        KnowledgeBase.from_paths(paths)
        cold = time.perf_counter() - t
        t = time.perf_counter()
        kb = KnowledgeBase.from_paths(paths)
        warm = time.perf_counter() - t
    stats = kb.stats()
    print(f"entries {stats['entries']}  index keys {stats['index_keys']}  roles {stats['roles']}")
    print(f"load: cold {cold * 1000:.0f} ms (YAML, C loader)  warm {warm * 1000:.0f} ms (pickle)")
    queries = [(n, d) for n in NAMES for d in DATES]
    reps = max(1, args.n // len(queries))
    t = time.perf_counter()
    for _ in range(reps):
        for name, date in queries:
            kb.lookup(name, date)
    per = (time.perf_counter() - t) / (reps * len(queries)) * 1e6
    t = time.perf_counter()
    for _ in range(reps):
        for name, _date in queries:
            normalise_alias(name)
    norm = (time.perf_counter() - t) / (reps * len(queries)) * 1e6
    print(f"lookup: {per:.2f} us per call (normalise_alias alone {norm:.2f} us) over "
          f"{reps * len(queries)} calls")


if __name__ == "__main__":
    main()
