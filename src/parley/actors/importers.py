"""Importers that turn other actor dictionaries into knowledge-base YAML.

``import_petrarch`` reads PETRARCH/Phoenix/TABARI ``.actors`` dictionaries;
``import_wikidata`` reads Wikidata entity JSON. Both return an ``ImportReport`` holding the
entries and counts of what was taken and what was skipped and why; ``write_yaml`` writes
the entries in the format of ``docs/knowledge_base.md``.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from parley.actors.kb import NON_STATE_CODES, Entry, KnowledgeBase, Role
from parley.actors.kbcheck import country_codes as _country_codes
from parley.errors import ConfigError
from parley.model import normalise_alias

logger = logging.getLogger(__name__)

MAX_EXAMPLES = 5


@dataclass
class ImportReport:
    """What an importer took and skipped. ``entries`` are ready for ``write_yaml``."""

    files: list[str] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    records: int = 0
    aliases: int = 0
    roles: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def skip(self, reason: str, example: str) -> None:
        self.skipped[reason] += 1
        ex = self.examples.setdefault(reason, [])
        if len(ex) < MAX_EXAMPLES:
            ex.append(example)

    def take(self, entry: Entry) -> None:
        self.entries.append(entry)
        self.aliases += len(entry.aliases)
        self.roles += len(entry.roles)
        self.kinds[entry.kind] += 1

    @property
    def actors(self) -> int:
        return len(self.entries)

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.kinds.items()))
        lines = [f"read {self.records} records from {len(self.files)} file(s); took "
                 f"{self.actors} actors ({kinds}), {self.aliases} aliases, {self.roles} dated roles"]
        for reason, n in self.skipped.most_common():
            lines.append(f"skipped {n}: {reason} (e.g. {'; '.join(self.examples[reason][:3])})")
        return "\n".join(lines)


def _entry_dict(e: Entry) -> dict[str, Any]:
    out: dict[str, Any] = {"id": e.id, "kind": e.kind, "name": e.name}
    if e.aliases:
        out["aliases"] = list(e.aliases)
    if e.exact:
        out["exact"] = list(e.exact)
    out.update({"country": e.country, "sector": e.sector})
    if e.office:
        out["office"] = e.office
    out.update({"qid": e.qid, "source": e.source})
    if e.demonyms:
        out["demonyms"] = list(e.demonyms)
    if e.capital:
        out["capital"] = e.capital
    if e.seats:
        out["seats"] = list(e.seats)
    if e.roles:  # a role's country and source default to the entry's: written when they differ
        out["roles"] = [{"office": r.office,
                         **({"country": r.country} if r.country != e.country else {}),
                         "sector": r.sector, "start": r.start, "end": r.end,
                         **({"source": r.source} if r.source != e.source else {})}
                        for r in e.roles]
    return out


def write_yaml(entries: Iterable[Entry], path: Path | str, header: str = "") -> int:
    """Write entries as a knowledge-base file; returns how many were written."""
    rows = [_entry_dict(e) for e in entries]
    text = yaml.dump({"actors": rows}, Dumper=yaml.CSafeDumper, sort_keys=False,
                     allow_unicode=True, width=100, default_flow_style=None)
    lead = "".join(f"# {line}\n" for line in header.splitlines())
    try:
        Path(path).write_text(lead + text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write knowledge-base file {str(path)!r}: {exc}") from exc
    return len(rows)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


class _Ids:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.seen: Counter[str] = Counter()

    def __call__(self, name: str) -> str:
        base = f"{self.prefix}{_slug(name)}"
        self.seen[base] += 1
        return base if self.seen[base] == 1 else f"{base}_{self.seen[base]}"


# ---------------------------------------------------------------- PETRARCH / Phoenix

SECTOR_WORDS = {
    "GOV": "government", "MIL": "military", "COP": "police", "JUD": "judiciary",
    "LEG": "legislature", "REB": "rebels", "OPP": "opposition", "PTY": "political party",
    "SPY": "intelligence", "CVL": "civilians", "JRN": "media", "MED": "media", "EDU": "education",
    "BUS": "business", "NGO": "non-governmental organisation", "IGO": "intergovernmental body",
    "REL": "religion", "LAB": "labour", "AGR": "agriculture", "ELI": "elite", "REF": "refugees",
    "CRM": "criminals", "UAF": "unaffiliated armed forces", "ENV": "environment",
    "HLH": "health", "DEV": "development", "SET": "settlers", "IMG": "international militant group",
    "MNC": "multinational corporation", "INS": "insurgents", "SEP": "separatists",
    "MOD": "moderates", "RAD": "radicals",
}
_CAMEO_TO_PLOVER = {"MED": "JRN"}  # CAMEO MED is the media; PLOVER writes JRN
_GROUP_SECTORS = frozenset({"REB", "INS", "SEP", "RAD", "IMG", "UAF", "CRM"})
_CODE = re.compile(r"\[([^\]]*)\]")
_DATES = re.compile(r"^(?:(<|>)(\d{6}|\d{8})|(\d{6}|\d{8})-(\d{6}|\d{8}))$")


def _cameo_date(text: str) -> str:
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{20 if yy <= 30 else 19}{text}"
    y, m, d = text[:4], text[4:6], text[6:8]
    if not ("01" <= m <= "12" and "01" <= d <= "31"):
        raise ValueError(text)
    return f"{y}-{m}-{d}"


def parse_cameo_code(code: str) -> tuple[str | None, str | None]:
    """``RUSGOV`` -> (RUS, GOV); ``IGOUNO`` -> (IGO, IGO); ``AFG`` -> (AFG, None); unknown -> (None, None)."""
    from parley.ontology import ontology

    sectors = ontology().sectors
    code = code.strip().upper()
    head, rest = code[:3], [code[i:i + 3] for i in range(3, len(code), 3)]
    if head in sectors and head not in NON_STATE_CODES:  # "[ELI]", "[GOV]": sector with no country
        return None, _CAMEO_TO_PLOVER.get(head, head)
    if head not in _country_codes() and head not in NON_STATE_CODES:
        return None, None
    sector = next((_CAMEO_TO_PLOVER.get(c, c) for c in rest if c in sectors or c == "MED"), None)
    if sector is None and head in NON_STATE_CODES:
        sector = head if head != "MNC" else "BUS"
    return head, sector


@dataclass
class _Record:
    phrase: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None, bool]] = field(default_factory=list)
    rejected: int = 0  # codes already reported as skipped


def _name_case(word: str) -> str:
    """A dictionary word (upper case) in a name's letter case: "MCCAIN" -> McCain,
    "O'NEAL" -> O'Neal, "PEOPLE'S" -> People's, "AL-ASSAD" -> Al-Assad."""
    if re.search(r"\d", word):
        return word
    out = "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))
    if re.match(r"(?i)(mc|[od]')[a-z]", out):
        cut = 2
        out = out[:cut] + out[cut].upper() + out[cut + 1:]
    return out


def _phrase(text: str) -> str:
    return " ".join(_name_case(w) for w in text.replace("_", " ").split())


def _petrarch_records(path: Path, report: ImportReport) -> Iterator[_Record]:
    try:
        lines = path.read_text("utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read PETRARCH dictionary {str(path)!r}: {exc}") from exc
    rec: _Record | None = None
    last = 0  # number of the last line that carried content
    for n, raw in enumerate(lines, 1):
        line = re.split(r"[#;]", raw, maxsplit=1)[0].rstrip()
        if not line.strip():
            continue
        follows, last = last == n - 1, n
        where = f"{path.name}:{n}"
        codes = _CODE.findall(line)
        body = _CODE.sub(" ", line).strip()
        if raw[:1] in " \t" and not body:
            target = rec
        elif line.startswith("+"):
            if rec is None:
                report.skip("synonym before any record", where)
                continue
            if body[1:].strip():
                rec.synonyms.append(body[1:].strip())
            target = rec
        elif line.startswith(("<", "-")) or not body:
            report.skip("line is neither a record, a synonym nor a date restriction", where)
            continue
        elif rec is not None and follows and not rec.codes and raw[:1] not in " \t":
            # consecutive code-less names share the restrictions that follow (TABARI style)
            rec.synonyms.append(body)
            target = rec
        else:
            if rec is not None:
                yield rec
            rec = target = _Record(body, n)
        if target is None:
            report.skip("date restriction before any record", where)
            continue
        for c in codes:
            parts = c.split()
            if not parts:
                report.skip("empty code", where)
                continue
            if len(parts) == 1:
                target.codes.append((parts[0], None, None, False))
                continue
            m = _DATES.match("".join(parts[1:]))
            try:
                if not m:
                    raise ValueError(c)
                if m.group(1) == "<":
                    target.codes.append((parts[0], None, _cameo_date(m.group(2)), True))
                elif m.group(1) == ">":
                    target.codes.append((parts[0], _cameo_date(m.group(2)), None, True))
                else:
                    target.codes.append((parts[0], _cameo_date(m.group(3)),
                                         _cameo_date(m.group(4)), True))
            except ValueError:
                report.skip("date restriction not <date, >date or date-date with YYMMDD/YYYYMMDD",
                            f"{where} [{c}]")
                target.rejected += 1
    if rec is not None:
        yield rec


def _merge(roles: list[Role]) -> list[Role]:
    """Join roles with the same office whose spans overlap or touch (TABARI repeats them)."""
    from parley.actors.kb import _end_key, _start_key

    out: list[Role] = []
    for r in sorted(roles, key=lambda r: (r.office, _start_key(r.start))):
        last = out[-1] if out else None
        if last and last.office == r.office and _start_key(r.start) <= _end_key(last.end):
            end = None if last.end is None or r.end is None else max(last.end, r.end)
            out[-1] = Role(last.office, last.country, last.sector, last.start, end, last.source)
        else:
            out.append(r)
    return sorted(out, key=lambda r: _start_key(r.start), reverse=True)


def import_petrarch(paths: Path | str | Iterable[Path | str],
                    include_countries: bool = False) -> ImportReport:
    """Read PETRARCH/Phoenix ``.actors`` files into knowledge-base entries.

    A record with dated codes becomes a person with one role per date restriction; an
    undated record becomes an igo, group, media or org entry by its code. Records whose only
    code is a bare country (``AFGHANISTAN_ [AFG]``) are skipped unless
    ``include_countries``: the shipped ``countries.yaml`` covers countries.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    report = ImportReport()
    ids = _Ids("petrarch:")
    for path in map(Path, paths):
        report.files.append(str(path))
        for rec in _petrarch_records(path, report):
            report.records += 1
            entry = _petrarch_entry(rec, path, ids, report, include_countries)
            if entry is not None:
                report.take(entry)
    logger.info("petrarch import: %s", report.summary())
    return report


def _petrarch_entry(rec: _Record, path: Path, ids: _Ids, report: ImportReport,
                    include_countries: bool) -> Entry | None:
    where = f"{path.name}:{rec.line} {rec.phrase}"
    if not rec.codes:
        if rec.rejected:
            return None  # its codes were reported one by one
        report.skip("record without any code (a null actor in PETRARCH)", where)
        return None
    name = _phrase(rec.phrase)
    source = f"Phoenix/PETRARCH dictionary {path.name} line {rec.line} (MIT licence)"
    roles: list[Role] = []
    default: tuple[str | None, str | None] = (None, None)
    for code, start, end, dated in rec.codes:
        country, sector = parse_cameo_code(code)
        if country is None and sector is None:
            report.skip("code whose first three letters are no ISO country nor IGO/NGO/MNC/IMG",
                        f"{where} [{code}]")
            rec.rejected += 1
            continue
        if dated and start and end and start > end:
            report.skip("date restriction ends before it starts", f"{where} [{code} {start}-{end}]")
            rec.rejected += 1
            continue
        if dated:
            office = f"{SECTOR_WORDS.get(sector or '', 'actor')} ({code})"
            roles.append(Role(office, country, sector, start, end, source))
        else:
            default = (country or default[0], sector or default[1])
    countries = [r.country for r in roles if r.country] + [default[0]]
    country = default[0] or next((c for c in countries if c), None)
    roles = [r if r.country else Role(r.office, country, r.sector, r.start, r.end, r.source)
             for r in roles]
    aliases = tuple(dict.fromkeys(a for a in map(_phrase, rec.synonyms) if a and a != name))
    if roles:
        kind = "person"
    elif country is None and default[1] is None:
        if not rec.rejected:
            report.skip("no usable code", where)
        return None
    elif default[1] is None and country not in NON_STATE_CODES:
        if not include_countries:
            report.skip("country-level record (countries.yaml covers countries; "
                        "use --countries to keep them)", where)
            return None
        kind = "country"
    elif country == "IGO":
        kind = "igo"
    elif default[1] in ("JRN",):
        kind = "media"
    elif country == "IMG" or default[1] in _GROUP_SECTORS or default[1] in ("PTY", "OPP"):
        kind = "group"
    else:
        kind = "org"
    sector = default[1]
    return Entry(id=ids(name), kind=kind, name=name, aliases=aliases, country=country,
                 sector=sector, office=None, qid=None, roles=tuple(_merge(roles)), demonyms=(),
                 capital=None, seats=(), source=source)


# head words of bodies, never of a person's name (dated codes make the importer take a body
# for a person: "Sudan People's Liberation Movement", "Warsaw Treaty Organization")
_BODY_WORDS = frozenset({"movement", "army", "party", "council", "brigade", "brigades", "front",
                         "state", "organization", "organisation", "union", "league",
                         "committee", "ministry", "forces", "government", "group"})


def people_to_ship(report: ImportReport, known: KnowledgeBase | None = None) -> ImportReport:
    """The part of an import that is fit to join the shipped base, as a report of its own
    (what was left out is among its skips, with examples). A person is kept when their name
    has two words or more (one word, "Hassan", names many people); of their aliases only
    those of two words or more are kept. With ``known`` (the shipped base), an entry whose
    name or alias it already resolves is left out: the curated entry wins, and one name
    never gives two entries with different roles."""
    out = ImportReport(files=list(report.files), records=report.records,
                       skipped=Counter(report.skipped),
                       examples={k: list(v) for k, v in report.examples.items()})
    taken: set[str] = set()  # the names and aliases of the people kept so far
    for e in report.entries:
        words = e.name.split()
        if e.kind != "person":
            out.skip("not a person (--people)", e.name)
        elif len(words) < 2:
            out.skip("a one-word name (--people)", e.name)
        elif words[0] == "The" or _BODY_WORDS & {w.lower() for w in words}:
            out.skip("a body's name with dated codes (--people)", e.name)
        else:
            aliases = tuple(a for a in e.aliases if len(a.split()) >= 2)
            keys = {normalise_alias(n) for n in (e.name, *aliases)}
            if known is not None and any(known.lookup(n) for n in (e.name, *aliases)):
                out.skip("a name the shipped base already knows (--people)", e.name)
            elif keys & taken:  # a second record of one person ("Salva Kiir" of SDN, of SSD)
                out.skip("a name an earlier record already has (--people)", e.name)
            else:
                taken |= keys
                out.take(replace(e, aliases=aliases))
    return out


# ---------------------------------------------------------------- Wikidata

_P31_KIND = {
    "Q5": "person",
    "Q6256": "country", "Q3624078": "country", "Q7275": "country",
    "Q484652": "igo", "Q245065": "igo",
    "Q192283": "media", "Q11032": "media", "Q1110794": "media", "Q1331793": "media",
    "Q15265344": "media", "Q1002697": "media",
    "Q7278": "group", "Q17149090": "group", "Q2529071": "group",
    "Q43229": "org", "Q163740": "org", "Q4830453": "org", "Q327333": "org",
}
_KIND_SECTOR = {"igo": "IGO", "media": "JRN", "org": None, "person": None}
_P31_SECTOR = {"Q7278": "PTY", "Q17149090": "REB", "Q2529071": "REB", "Q163740": "NGO",
               "Q4830453": "BUS", "Q327333": "GOV"}
_POSITION = {"Q4164871", "Q30461", "Q294414", "Q48352", "Q4175034"}


def _read_entities(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read Wikidata file {str(path)!r}: {exc}") from exc
    out: list[dict[str, Any]] = []
    try:
        if text.lstrip().startswith("[") and "\n" not in text.strip():
            data = json.loads(text)
            return [d for d in data if isinstance(d, dict)]
        for line in text.splitlines():
            line = line.strip().rstrip(",")
            if line in ("", "[", "]"):
                continue
            obj = json.loads(line)
            if isinstance(obj, dict) and "entities" in obj:  # Special:EntityData output
                out += list(obj["entities"].values())
            elif isinstance(obj, dict):
                out.append(obj)
    except json.JSONDecodeError as exc:
        try:  # a pretty-printed array or object
            data = json.loads(text)
        except json.JSONDecodeError:
            raise ConfigError(
                f"Wikidata file {str(path)!r} is neither JSON Lines nor a JSON array of entities "
                f"(line {exc.lineno}: {exc.msg}); export entities as the dump format or JSON Lines"
            ) from exc
        if isinstance(data, dict) and "entities" in data:
            return list(data["entities"].values())
        return [d for d in (data if isinstance(data, list) else [data]) if isinstance(d, dict)]
    return out


def _label(ent: dict[str, Any]) -> str | None:
    labels = ent.get("labels") or {}
    lab = labels.get("en") or labels.get("mul") or next(iter(labels.values()), None)
    return lab.get("value") if isinstance(lab, dict) else None


def _claims(ent: dict[str, Any], prop: str) -> list[dict[str, Any]]:
    return [c for c in (ent.get("claims") or {}).get(prop, []) if c.get("rank") != "deprecated"]


def _value(snak: dict[str, Any]) -> Any:
    return ((snak or {}).get("datavalue") or {}).get("value")


def _item(snak: dict[str, Any]) -> str | None:
    v = _value(snak)
    return v.get("id") if isinstance(v, dict) else None


def _time(claim: dict[str, Any], prop: str) -> str | None:
    for q in (claim.get("qualifiers") or {}).get(prop, []):
        v = _value(q)
        if isinstance(v, dict) and isinstance(v.get("time"), str):
            m = re.match(r"[+]?(\d{4,})-(\d\d)-(\d\d)", v["time"])
            if not m:
                continue
            prec = int(v.get("precision", 11))
            y, mo, d = m.group(1)[-4:], m.group(2), m.group(3)
            return y if prec <= 9 or mo == "00" else f"{y}-{mo}" if prec == 10 or d == "00" else f"{y}-{mo}-{d}"
    return None


def import_wikidata(paths: Path | str | Iterable[Path | str],
                    kb: KnowledgeBase | None = None) -> ImportReport:
    """Read Wikidata entity JSON (JSON Lines, dump array or EntityData) into entries.

    Position entities in the same files give the offices their labels and countries (P17 /
    P1001); countries are mapped to ISO codes by P298 or by the QIDs of ``kb``'s countries.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    kb = kb or KnowledgeBase.default()
    report = ImportReport()
    ents: list[dict[str, Any]] = []
    for path in map(Path, paths):
        report.files.append(str(path))
        ents += _read_entities(path)
    by_qid = {e.get("id"): e for e in ents if e.get("id")}
    iso: dict[str, str] = {e.qid: e.id for e in kb.entries() if e.kind == "country" and e.qid}
    for q, e in by_qid.items():
        for c in _claims(e, "P298"):
            code = _value(c["mainsnak"])
            if isinstance(code, str) and isinstance(q, str):
                iso[q] = code.upper()

    def country_of(ent: dict[str, Any] | None, *props: str) -> str | None:
        for prop in props:
            for c in _claims(ent or {}, prop):
                q = _item(c.get("mainsnak", {}))
                if q in iso:
                    return iso[q]
        return None

    for ent in ents:
        report.records += 1
        qid = str(ent.get("id") or "")
        name = _label(ent)
        where = f"{qid} {name or ''}".strip()
        if not re.fullmatch(r"Q\d+", qid):
            report.skip("not an item (id is not Q...)", where)
            continue
        if not name:
            report.skip("no label", where)
            continue
        p31 = [_item(c.get("mainsnak", {})) for c in _claims(ent, "P31")]
        if _POSITION & set(p31) or (not p31 and _claims(ent, "P1001")):
            report.skip("position (used for office labels)", where)
            continue
        kind = next((_P31_KIND[q] for q in p31 if q in _P31_KIND), None)
        if kind is None:
            report.skip("instance of (P31) no kind we import", f"{where} P31={p31[:3]}")
            continue
        if kind == "country":
            report.skip("country (countries.yaml covers countries)", where)
            continue
        aliases = tuple(dict.fromkeys(
            a["value"] for a in (ent.get("aliases") or {}).get("en", [])
            if isinstance(a, dict) and a.get("value") and a["value"] != name))
        country = country_of(ent, "P27", "P17")
        sector = next((_P31_SECTOR[q] for q in p31 if q in _P31_SECTOR), _KIND_SECTOR.get(kind))
        roles = []
        for c in _claims(ent, "P39"):
            pq = _item(c.get("mainsnak", {}))
            if not pq:
                report.skip("P39 without a position item", where)
                continue
            pos = by_qid.get(pq)
            office = _label(pos) if pos else None
            inferred = kb.office_sector(office) if office else None
            roles.append(Role(
                office=office or pq,
                country=country_of(pos, "P17", "P1001") or country,
                sector=inferred[1] if inferred else "GOV",
                start=_time(c, "P580"), end=_time(c, "P582"),
                source=f"Wikidata {qid} P39 {pq}"))
        if kind == "group" and sector is None:
            sector = "REB"
        report.take(Entry(id=qid, kind=kind, name=name, aliases=aliases, country=country,
                          sector=sector, office=None, qid=qid, roles=tuple(roles), demonyms=(),
                          capital=None, seats=(), source=f"Wikidata {qid}"))
    logger.info("wikidata import: %s", report.summary())
    return report
