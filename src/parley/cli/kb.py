"""`parley kb lookup|stats|validate|import-petrarch|import-wikidata`: the actor knowledge base."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from parley.actors.importers import (
    ImportReport,
    import_petrarch,
    import_wikidata,
    people_to_ship,
    write_yaml,
)
from parley.actors.kb import KnowledgeBase, shipped_paths
from parley.cli.options import iso_date


def add_parser(sub: Any) -> None:
    p = sub.add_parser("kb", help="look up, check and import the actor knowledge base",
                       description="The actor knowledge base: countries, bodies, media, groups "
                                   "and people with dated roles (docs/knowledge_base.md).")
    p.add_argument("--kb", action="append", default=[], metavar="PATH",
                   help="use these YAML files or folders instead of the shipped base "
                        "(repeatable); PARLEY_KB_EXTRA adds files to the shipped base")
    verbs = p.add_subparsers(dest="kb_command", metavar="COMMAND")
    verbs.required = True
    lk = verbs.add_parser("lookup", help="show every entry a name resolves to, and why")
    lk.add_argument("text", nargs="+", help="names to look up, e.g. \"Qin Gang\" Beijing")
    lk.add_argument("--date", type=iso_date, help="article date YYYY-MM-DD for dated roles")
    lk.add_argument("--json", action="store_true", help="print JSON lines")
    verbs.add_parser("stats", help="count entries, aliases and roles")
    va = verbs.add_parser("validate", help="check codes, sources, dates; exit 1 on an error")
    va.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    va.add_argument("--quiet", action="store_true", help="print only the summary line")
    ip = verbs.add_parser("import-petrarch", help="convert PETRARCH/Phoenix .actors files")
    ip.add_argument("files", nargs="+", type=Path, metavar="FILE")
    ip.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.yaml")
    ip.add_argument("--countries", action="store_true",
                    help="keep country-level records (skipped by default)")
    ip.add_argument("--people", action="store_true",
                    help="keep only people whose name has two words or more (aliases likewise) "
                         "and whom the knowledge base does not name yet: how the shipped "
                         "people_phoenix.yaml is made")
    iw = verbs.add_parser("import-wikidata", help="convert Wikidata entity JSON / JSON Lines")
    iw.add_argument("files", nargs="+", type=Path, metavar="FILE")
    iw.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.yaml")
    p.set_defaults(func=run)


def _kb(args: argparse.Namespace) -> KnowledgeBase:
    return KnowledgeBase.from_paths(args.kb) if args.kb else KnowledgeBase.default()


def _lookup(args: argparse.Namespace) -> int:
    kb = _kb(args)
    found = 0
    for text in args.text:
        hits = kb.lookup(text, args.date)
        if not hits:
            # "the British prime minister": that day's holder of the office
            holder = kb.office_holder(text, args.date)
            hits = [holder] if holder is not None else []
        found += bool(hits)
        if args.json:
            for h in hits:
                print(json.dumps({"text": text, "id": h.entry.id, "name": h.entry.name,
                                  "kind": h.entry.kind, "via": h.via, "country": h.country,
                                  "sector": h.sector, "office": h.office, "reason": h.reason},
                                 ensure_ascii=False))
            continue
        if not hits:
            print(f"{text}: no entry")
            continue
        for i, h in enumerate(hits, 1):
            print(f"{text} [{i}] {h.entry.id} {h.entry.name} ({h.entry.kind}) "
                  f"country={h.country or '-'} sector={h.sector or '-'} office={h.office or '-'}")
            print(f"    {h.reason}")
    return 0 if found == len(args.text) else 1


def _stats(args: argparse.Namespace) -> int:
    for key, value in _kb(args).stats().items():
        print(f"{key:12} {value}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    problems = _kb(args).validate()
    errors = sum(p.startswith("error") for p in problems)
    if not args.quiet:
        for p in problems:
            print(p)
    print(f"{errors} error(s), {len(problems) - errors} warning(s)",
          file=sys.stderr if problems else sys.stdout)
    return 1 if errors or (args.strict and problems) else 0


def _write(report: ImportReport, out: Path, what: str, note: str = "") -> int:
    names = ", ".join(Path(f).name for f in report.files)
    n = write_yaml(report.entries, out,
                   header=f"Imported by `parley kb {what}` from: {names}\n{note}"
                          "Format: docs/knowledge_base.md")
    print(report.summary())
    print(f"wrote {n} entries to {out}")
    return 0


def _import_petrarch(args: argparse.Namespace) -> int:
    report = import_petrarch(args.files, include_countries=args.countries)
    if not args.people:
        return _write(report, args.output, "import-petrarch")
    # the base it is checked against is every other file: never the one being remade
    known = _kb(args) if args.kb else KnowledgeBase.from_paths(
        [p for p in shipped_paths() if p.name != args.output.name])
    return _write(people_to_ship(report, known), args.output, "import-petrarch --people",
                  note="Phoenix/PETRARCH2 dictionaries, MIT licence, Copyright (c) 2014 Open "
                       "Event Data (the licence: PHOENIX_LICENSE.txt beside the shipped file)\n")


def run(args: argparse.Namespace) -> int:
    cmd = args.kb_command
    if cmd == "lookup":
        return _lookup(args)
    if cmd == "stats":
        return _stats(args)
    if cmd == "validate":
        return _validate(args)
    if cmd == "import-petrarch":
        return _import_petrarch(args)
    if cmd == "import-wikidata":
        return _write(import_wikidata(args.files, kb=_kb(args)), args.output, "import-wikidata")
    raise AssertionError(cmd)  # argparse only lets the commands above through
