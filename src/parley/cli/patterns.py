"""`parley patterns import-cameo|stats`: the coder's event patterns."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from parley.errors import ConfigError


def add_parser(sub: Any) -> None:
    p = sub.add_parser("patterns", help="import and count the coder's event patterns",
                       description="Event patterns: hand-written YAML under coding/patterns/ "
                                   "and the CAMEO verb dictionary imported through PLOVER's "
                                   "crosswalk (docs/patterns.md).")
    verbs = p.add_subparsers(dest="patterns_command", metavar="COMMAND")
    verbs.required = True
    ic = verbs.add_parser("import-cameo", help="convert a PETRARCH CAMEO verb dictionary")
    ic.add_argument("verbs", type=Path, metavar="CAMEO.verbs.txt",
                    help="e.g. shared/dictionaries/phoenix/CAMEO.2.0.txt (MIT)")
    ic.add_argument("crosswalk", type=Path, metavar="CAMEO2PLOVER.txt",
                    help="e.g. shared/plover/CAMEO2PLOVER-2021.txt (CC BY-SA 4.0)")
    ic.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.tsv",
                    help="the generated file (the package ships coding/patterns/"
                         "cameo_generated.tsv)")
    verbs.add_parser("stats", help="count the patterns by type and by origin")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.patterns_command == "import-cameo":
        from parley.coding.cameo import import_cameo, write_rows

        for path in (args.verbs, args.crosswalk):
            if not path.is_file():
                raise ConfigError(f"{str(path)!r} does not exist")
        rows, report = import_cameo(args.verbs, args.crosswalk)
        write_rows(rows, args.output, args.verbs, args.crosswalk)
        for line in report.lines():
            print(line)
        print(f"wrote {args.output}")
        return 0
    from parley.coding.patterns import NULL_EVENT, default_patterns

    pats = default_patterns().all
    by_origin = Counter("generated" if p.id.startswith("cameo:") else "hand-written"
                        for p in pats)
    by_type = Counter(p.event for p in pats if p.event != NULL_EVENT)
    print(f"{len(pats)} patterns: " + ", ".join(f"{n} {k}" for k, n in by_origin.items()))
    for event, n in sorted(by_type.items()):
        print(f"{event:10} {n}")
    return 0
