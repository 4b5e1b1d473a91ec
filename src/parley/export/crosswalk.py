"""PLOVER -> CAMEO: the reverse of PLOVER's CAMEO2PLOVER crosswalk, as a small shipped table.

PLOVER's table maps each CAMEO code to a (type, mode, context). Going back is many-to-one
the other way, so each PLOVER (type, mode, context) gets one CAMEO code by fixed rules:

1. the codes that map to exactly that (type, mode, context), else to (type, mode), else to
   the type;
2. among those, a code of the type's *home root* first (the two-digit CAMEO root holding most
   of the type's codes: 11 for ACCUSE, 18 for ASSAULT), then the shortest, then a base code
   (ending in 0), then the lowest.

``python -m parley.export.crosswalk CAMEO2PLOVER-2021.txt`` rebuilds ``plover2cameo.tsv``
(licence CC BY-SA 4.0, as its source; the header says so). The export reads the shipped table
only.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path

from parley.ontology import load_cameo_crosswalk

TABLE = "plover2cameo.tsv"
HEADER = """\
# PLOVER (type, mode, context) -> CAMEO event code, the reverse of PLOVER's CAMEO2PLOVER table
# Derived from CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, ed. Philip Schrodt), from the
# repository openeventdata/PLOVER, licence CC BY-SA 4.0: this table is under the same licence.
# Built by `python -m parley.export.crosswalk` (rules in src/parley/export/crosswalk.py).
# An empty mode or context means "any"; columns: type, mode, context, cameo code.
"""

Key = tuple[str, str, str]


def _contexts(ctx: str | None) -> list[str]:
    return [c.strip() for c in (ctx or "").split(";") if c.strip()]


def reverse(crosswalk: dict[str, tuple[str, str | None, str | None]]) -> dict[Key, str]:
    """One CAMEO code per PLOVER (type, mode, context), (type, mode, '') and (type, '', '')."""
    codes = {c: v for c, v in crosswalk.items() if len(c) >= 3}  # 2-digit lines are headings
    roots: dict[str, Counter[str]] = defaultdict(Counter)
    for code, (typ, _, _) in codes.items():
        roots[typ][code[:2]] += 1
    home = {t: max(c.items(), key=lambda kv: (kv[1], -int(kv[0])))[0] for t, c in roots.items()}
    candidates: dict[Key, list[str]] = defaultdict(list)
    for code, (typ, mode, ctx) in codes.items():
        m = (mode or "").strip()
        candidates[(typ, "", "")].append(code)
        candidates[(typ, m, "")].append(code)
        for c in _contexts(ctx):
            candidates[(typ, m, c)].append(code)
            if m:
                candidates[(typ, "", c)].append(code)
    out: dict[Key, str] = {}
    for key, found in candidates.items():
        typ = key[0]
        out[key] = min(found, key=lambda c: (c[:2] != home[typ], len(c), c[-1] != "0", int(c)))
    return dict(sorted(out.items()))


def write_table(table: dict[Key, str], path: Path) -> None:
    lines = [HEADER] + ["\t".join((*k, v)) + "\n" for k, v in table.items()]
    path.write_text("".join(lines), encoding="utf-8")


@lru_cache(maxsize=1)
def shipped() -> dict[Key, str]:
    text = resources.files(__package__).joinpath(TABLE).read_text("utf-8")
    out: dict[Key, str] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        typ, mode, ctx, code = line.split("\t")
        out[(typ, mode, ctx)] = code
    return out


def cameo_code(event: str, modes: list[str] | tuple[str, ...] = (),
               contexts: list[str] | tuple[str, ...] = ()) -> str | None:
    """The CAMEO code for a PLOVER event: the most specific (type, mode, context) that the
    table knows, trying each mode and context in order; None for a type it does not know."""
    table = shipped()
    for mode in (*modes, ""):
        for ctx in (*contexts, ""):
            code = table.get((event, mode, ctx))
            if code is not None:
                return code
    return None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (1, 2):
        print("usage: python -m parley.export.crosswalk CAMEO2PLOVER-2021.txt [OUT.tsv]",
              file=sys.stderr)
        return 2
    out = Path(args[1]) if len(args) == 2 else Path(__file__).with_name(TABLE)
    table = reverse(load_cameo_crosswalk(Path(args[0])))
    write_table(table, out)
    print(f"{len(table)} rows -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
