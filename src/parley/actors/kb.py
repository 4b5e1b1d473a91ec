"""The actor knowledge base: countries, bodies, media, groups and people with dated roles.

The facts are YAML files (format in ``docs/knowledge_base.md``); this module loads them into
a dict keyed by the normalised alias, so that a lookup is one dict access plus the date
logic for people. ``normalise_alias`` is the one normalisation every caller shares.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date as _date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from parley.errors import ConfigError, ResolutionError
from parley.model import normalise_alias, strip_name

logger = logging.getLogger(__name__)

KINDS = ("country", "igo", "media", "group", "org", "person", "seat", "historical", "region")
# kinds that name a territory: in "fighting in Crimea" a place, as a subject its state
TERRITORY_KINDS = frozenset({"country", "historical", "region"})
VIAS = ("name", "alias", "demonym", "capital", "seat")
NON_STATE_CODES = frozenset({"IGO", "NGO", "MNC", "IMG"})
EXTRA_COUNTRY_CODES = frozenset({"XKX"})  # Kosovo: user-assigned, used by the EU, IMF, World Bank
_CACHE_VERSION = "kb-4"
_DATA_PACKAGE = "parley.actors.data"

# ---------------------------------------------------------------- normalisation

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_THE = re.compile(r"^the\s+", re.IGNORECASE)
# the name normalisation lives in parley.model (the store keys actor-less entities by it too)
_strip = strip_name
_OFFICE_MEMO_SIZE = 1 << 16  # titles remembered by office_sector before it starts again


# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Role:
    office: str
    country: str | None
    sector: str | None
    start: str | None
    end: str | None
    source: str = ""

    def in_force(self, day: str) -> bool:
        return _start_key(self.start) <= day <= _end_key(self.end)

    def span(self) -> str:
        return f"{self.start or '?'}..{self.end or ''}"


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str | None
    office: str | None
    qid: str | None
    roles: tuple[Role, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    seats: tuple[str, ...]
    source: str
    exact: tuple[str, ...] = ()  # aliases that match only in this letter case
    # a country that was part of another before it became a state: (that state, last day)
    part_of: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    """One way a text resolves to an entry, with country/sector/office for the date."""

    entry: Entry
    via: str  # "name" | "alias" | "demonym" | "capital" | "seat"
    country: str | None
    sector: str | None
    office: str | None
    reason: str


# ---------------------------------------------------------------- dates


def _day(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, _date):
        return value.isoformat()[:10]
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise ConfigError(
            f"{where}: date {value!r} is not YYYY-MM-DD (or YYYY, YYYY-MM); "
            "write it as 2013-03-14, or null when unknown"
        )
    return text


def _start_key(start: str | None) -> str:
    if start is None:
        return "0000-00-00"
    return start + ("-01-01", "-01", "")[(len(start) - 4) // 3] if len(start) < 10 else start


def _end_key(end: str | None) -> str:
    if end is None:
        return "9999-99-99"
    return end + ("-12-31", "-31", "")[(len(end) - 4) // 3] if len(end) < 10 else end


# ---------------------------------------------------------------- loading


def _tuple(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list):
        raise ConfigError(f"{where}: {key} must be a list of strings, got {value!r}")
    return tuple(str(v) for v in value if v is not None and str(v).strip())


def _opt(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _entry(raw: Any, where: str) -> Entry:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: an entry must be a mapping with id, kind, name; got {raw!r}")
    missing = [k for k in ("id", "kind", "name") if not raw.get(k)]
    if missing:
        raise ConfigError(f"{where}: entry {raw.get('id') or raw.get('name')!r} lacks "
                          f"{', '.join(missing)}; every entry needs id, kind and name")
    eid = str(raw["id"])
    where = f"{where} (id {eid})"
    roles = []
    for i, r in enumerate(raw.get("roles") or []):
        if not isinstance(r, dict) or not r.get("office"):
            raise ConfigError(f"{where}: role {i} must be a mapping with at least 'office'; got {r!r}")
        roles.append(Role(
            office=str(r["office"]), country=_opt(r.get("country")) or _opt(raw.get("country")),
            sector=_opt(r.get("sector")), start=_day(r.get("start"), where),
            end=_day(r.get("end"), where),
            source=str(r.get("source") or raw.get("source") or ""),  # default: the entry's
        ))
    return Entry(
        id=eid, kind=str(raw["kind"]), name=str(raw["name"]),
        aliases=_tuple(raw.get("aliases"), where, "aliases"),
        country=_opt(raw.get("country")), sector=_opt(raw.get("sector")),
        office=_opt(raw.get("office")), qid=_opt(raw.get("qid")), roles=tuple(roles),
        demonyms=_tuple(raw.get("demonyms"), where, "demonyms"),
        capital=_opt(raw.get("capital")), seats=_tuple(raw.get("seats"), where, "seats"),
        source=str(raw.get("source") or ""), exact=_tuple(raw.get("exact"), where, "exact"),
        part_of=tuple(_part_of(raw.get("part_of"), where)),
    )


def _part_of(raw: Any, where: str) -> Iterator[tuple[str, str]]:
    for i, p in enumerate(raw or []):
        until = _day(p.get("until"), where) if isinstance(p, dict) else None
        if not isinstance(p, dict) or not p.get("country") or until is None:
            raise ConfigError(f"{where}: part_of {i} must be a mapping with 'country' and "
                              f"'until' (YYYY-MM-DD); got {p!r}")
        yield str(p["country"]), until


@dataclass(frozen=True, slots=True)
class _Office:
    office: str
    sector: str
    titles: tuple[str, ...]


def _read_file(path: Path) -> tuple[list[Entry], list[_Office], list[str]]:
    """Entries, offices and problems (duplicate ids within the file) of one YAML file."""
    try:
        raw = yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506
    except OSError as exc:
        raise ConfigError(f"cannot read knowledge-base file {str(path)!r}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"knowledge-base file {str(path)!r} is not valid YAML: {exc}") from exc
    if raw is None:
        return [], [], []
    if not isinstance(raw, dict) or not ({"actors", "offices"} & set(raw)):
        raise ConfigError(
            f"knowledge-base file {str(path)!r} must be a mapping with key 'actors:' "
            "(a list of entries) and/or 'offices:'; see docs/knowledge_base.md"
        )
    entries = [_entry(e, f"{path.name} entry {i}") for i, e in enumerate(raw.get("actors") or [])]
    offices = []
    for i, o in enumerate(raw.get("offices") or []):
        if not isinstance(o, dict) or not o.get("office") or not o.get("sector"):
            raise ConfigError(f"{path.name} office {i}: needs 'office', 'sector' and 'titles'; got {o!r}")
        offices.append(_Office(str(o["office"]), str(o["sector"]),
                               _tuple(o.get("titles"), f"{path.name} office {i}", "titles")))
    counts = Counter(e.id for e in entries)
    problems = [f"error: {d}: duplicate id in {path.name} ({n} entries)"
                for d, n in counts.items() if n > 1]
    return entries, offices, problems


def _cache_dir() -> Path:
    base = os.environ.get("PARLEY_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "parley" if base else Path.home() / ".cache" / "parley"


def _load(paths: list[Path], cache: bool) -> tuple[list[Entry], list[_Office], list[str]]:
    digest = hashlib.sha256(_CACHE_VERSION.encode())
    for p in paths:
        digest.update(str(p).encode())
        digest.update(p.read_bytes())
    cached = _cache_dir() / f"kb-{digest.hexdigest()[:24]}.pickle"
    if cache and cached.exists():
        try:
            with cached.open("rb") as fh:
                return pickle.load(fh)  # noqa: S301 - our own file, keyed by content hash
        except Exception as exc:  # a stale or broken cache is rebuilt
            logger.debug("ignoring knowledge-base cache %s: %s", cached, exc)
    entries: list[Entry] = []
    offices: list[_Office] = []
    problems: list[str] = []
    for p in paths:
        e, o, pr = _read_file(p)
        entries += e
        offices += o
        problems += pr
    if cache:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump((entries, offices, problems), fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cached)
        except OSError as exc:
            logger.debug("cannot write knowledge-base cache %s: %s", cached, exc)
    return entries, offices, problems


def shipped_paths() -> list[Path]:
    """The YAML files shipped in ``parley/actors/data``, sorted by name."""
    root = resources.files(_DATA_PACKAGE)
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith((".yaml", ".yml")))


def _expand(paths: Iterable[Path | str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(q for q in p.iterdir() if q.suffix in (".yaml", ".yml"))
        elif p.is_file():
            out.append(p)
        else:
            raise ConfigError(
                f"knowledge-base path {str(p)!r} does not exist; give a YAML file or a folder "
                "of them (check PARLEY_KB_EXTRA)"
            )
    return out


@lru_cache(maxsize=4)
def _default(extra: str) -> KnowledgeBase:
    paths: list[Path | str] = list(shipped_paths())
    paths += [p for p in extra.split(os.pathsep) if p]
    return KnowledgeBase.from_paths(paths)


# ---------------------------------------------------------------- the base

_VIA_RANK = {v: i for i, v in enumerate(VIAS)}
# words by which a title is not the office itself: "deputy prime minister", "vice president"
NOT_THE_HOLDER = frozenset({"deputy", "vice", "acting", "assistant", "under", "former",
                             "ex", "outgoing", "incoming", "interim", "shadow", "first deputy",
                             "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor"})


class KnowledgeBase:
    """Entries indexed by normalised alias; see ``docs/knowledge_base.md``."""

    def __init__(self, entries: Iterable[Entry], offices: Iterable[_Office] = (),
                 problems: Iterable[str] = ()) -> None:
        self._by_id: dict[str, Entry] = {}
        for e in entries:
            if e.id in self._by_id:
                logger.debug("knowledge-base entry %s replaced by a later file", e.id)
            self._by_id[e.id] = e
        self._problems = list(problems)
        self._index: dict[str, list[tuple[Entry, str, str | None]]] = defaultdict(list)
        self._by_country: dict[str, Entry] = {}
        self._demonym: dict[str, Entry] = {}
        for e in self._by_id.values():
            self._add(e)
        for e in self._by_id.values():
            # "Soviet", "Crimean": the demonym of a former state or a region is its state's
            state = self._by_country.get(e.country or "") if e.kind != "country" else None
            if state is None:
                continue
            for d in e.demonyms:
                self._demonym.setdefault(normalise_alias(d), state)
        self._index = dict(self._index)
        self._offices: dict[str, tuple[str, str]] = {}
        for o in offices:
            for title in (o.office, *o.titles):
                key = normalise_alias(title)
                for form in (key, _plural(key)):
                    self._offices.setdefault(form, (o.office, o.sector))
        self._office_list = list(offices)
        self._office_memo: dict[str, tuple[str, str] | None] = {}
        # (canonical office, country) -> the people who held it, for "the British prime minister"
        self._holders: dict[tuple[str, str], list[tuple[Entry, Role]]] = defaultdict(list)
        for e in self._by_id.values():
            for r in e.roles if e.kind == "person" else ():
                canon = self._office_of(r)
                if canon is not None:
                    self._holders[(canon, str(r.country))].append((e, r))

    def _add(self, e: Entry) -> None:
        exact = {_strip(a) for a in e.exact}
        exact_keys = {s.casefold() for s in exact}
        seen: set[tuple[str, str]] = set()

        def put(text: str, via: str) -> None:
            key = normalise_alias(text)
            if not key or (key, via) in seen:
                return
            seen.add((key, via))
            form = _strip(text) if key in exact_keys and _strip(text) in exact else None
            self._index[key].append((e, via, form))

        put(e.name, "name")
        for a in e.aliases:
            put(a, "alias")
        for a in e.exact:
            put(a, "alias")
        for d in e.demonyms:
            put(d, "demonym")
            if e.kind == "country":
                self._demonym.setdefault(normalise_alias(d), e)
        if e.capital:
            put(e.capital, "capital")
        for s in e.seats:
            put(s, "seat")
        if e.kind == "country" and len(e.id) == 3 and e.id.isupper():
            self._by_country.setdefault(e.id, e)

    # ------------------------------------------------------------ construction

    @classmethod
    def default(cls) -> KnowledgeBase:
        """The shipped base plus ``PARLEY_KB_EXTRA`` files, loaded once per process."""
        return _default(os.environ.get("PARLEY_KB_EXTRA", ""))

    @classmethod
    def from_paths(cls, paths: Iterable[Path | str], cache: bool = True) -> KnowledgeBase:
        """Load YAML files (or folders of them); later files replace entries with the same id."""
        files = _expand(paths)
        if not any(p.name == "offices.yaml" for p in files):
            files = [p for p in shipped_paths() if p.name == "offices.yaml"] + files
        entries, offices, problems = _load(files, cache)
        logger.debug("knowledge base: %d entries from %d files", len(entries), len(files))
        return cls(entries, offices, problems)

    # ------------------------------------------------------------ queries

    def lookup(self, text: str, date: str | None = None) -> list[Hit]:
        """Every entry the text names, best first, resolved for ``date`` (YYYY-MM-DD)."""
        cands = self._index.get(normalise_alias(text))
        if not cands:
            return []
        stripped: str | None = None
        best: dict[str, tuple[Entry, str]] = {}
        for entry, via, form in cands:
            if form is not None:
                if stripped is None:
                    stripped = _strip(text)
                if stripped != form:
                    continue
            prev = best.get(entry.id)
            if prev is None or _VIA_RANK[via] < _VIA_RANK[prev[1]]:
                best[entry.id] = (entry, via)
        scored = []
        for i, (entry, via) in enumerate(best.values()):
            tier, hit = self._resolve(entry, via, text, date)
            scored.append((tier, _VIA_RANK[via], i, hit))
        scored.sort(key=lambda t: t[:3])
        return [t[3] for t in scored]

    def _resolve(self, e: Entry, via: str, text: str, date: str | None) -> tuple[int, Hit]:
        what = f"{via} {text!r} of {e.name}"
        for state, until in e.part_of if date else ():
            if _start_key(date) <= until:  # "Juba" in 2000: a town of Sudan, no capital yet
                return 1, Hit(e, via, state, None, None,
                              f"{what}: part of {state} until {until}, on {date}")
        if via in ("capital", "seat") and e.kind == "country":
            return 1, Hit(e, via, e.id, "GOV", None, f"{what}: {via} stands for the government")
        if via == "demonym":
            country = e.id if e.kind == "country" else e.country
            return 1, Hit(e, via, country, e.sector if e.kind != "country" else None, e.office,
                          f"{what}")
        if not e.roles:
            return 1, Hit(e, via, e.country, e.sector, e.office, what)
        if date and not _DATE.fullmatch(date):
            raise ResolutionError(
                f"lookup date {date!r} is not YYYY-MM-DD (or YYYY, YYYY-MM); pass the "
                "article date as 2023-03-16, or None"
            )
        day = _start_key(date) if date else None
        when = f"on {date}" if date else "now (no date given)"
        live = [r for r in e.roles if (r.in_force(day) if day else r.end is None)]
        if live:
            r = live[0]
            return 0, Hit(e, via, r.country or e.country, r.sector, r.office,
                          f"{what}; role {r.office} {r.span()} in force {when}")
        past = [r for r in e.roles if day is None or _end_key(r.end) < day]
        if past:
            r = max(past, key=lambda r: _end_key(r.end))
            # out of office: the country stays, an office's sector does not (a standing
            # affiliation such as OPP or PTY does)
            return 2, Hit(e, via, r.country or e.country, _standing(e.sector), None,
                          f"{what}; no role in force {when}; latest role {r.office} "
                          f"ended {r.end}")
        r = min(e.roles, key=lambda r: _start_key(r.start))
        sector = _standing(e.sector)
        return 2, Hit(e, via, e.country, sector, None,
                      f"{what}; no role in force {when} (first role {r.office} starts "
                      f"{r.start})")

    def _office_of(self, r: Role) -> str | None:
        """The canonical office of a role named "<title> of <the state or body>" ("Prime
        Minister of the United Kingdom"), not of a party or an embassy ("President of the
        National Rally", "Ambassador of Russia to the United States")."""
        m = re.fullmatch(r"(.+?) of (.+)", r.office)
        if not m or not r.country:
            return None
        title, body = m.groups()
        if set(normalise_alias(title).split()) & NOT_THE_HOLDER:
            return None
        canon = self._offices.get(normalise_alias(title))
        if canon is None:
            return None
        named = {h.entry.id if h.entry.kind == "country" else h.country
                 for h in self.lookup(body) if h.entry.kind in ("country", "igo", "historical")}
        return canon[0] if r.country in named else None

    def holder(self, office: str, country: str, date: str | None) -> Hit | None:
        """Who held ``office`` (a canonical office: "Prime Minister") of ``country`` on
        ``date`` (today when None): "the British prime minister" on 2019-03-01 -> Theresa May.
        None when no one, or more than one person, held it that day."""
        day = _start_key(date) if date else _date.today().isoformat()
        # one person may stand in two files (by name): count people, not entries
        live = {normalise_alias(e.name): (e, r) for e, r in self._holders.get((office, country), ())
                if r.in_force(day)}
        if len(live) != 1:
            return None
        (e, r), = live.values()
        return Hit(e, "alias", r.country or e.country, r.sector, r.office,
                   f"{office} of {country} on {date or 'today'}: {e.name} "
                   f"({r.office} {r.span()})")

    def office_holder(self, text: str, date: str | None) -> Hit | None:
        """"the British prime minister", "Russia's foreign minister", "President of France":
        the holder of the office on ``date`` (see ``holder``)."""
        t = _THE.sub("", text.strip())
        pairs: list[tuple[str, str]] = []
        m = re.fullmatch(r"(.+?)['’]s (.+)", t)
        if m:
            pairs.append((m.group(1), m.group(2)))
        m = re.fullmatch(r"(.+?) of (?:the )?(.+)", t)
        if m:
            pairs.append((m.group(2), m.group(1)))
        words = t.split()
        pairs += [(" ".join(words[:k]), " ".join(words[k:])) for k in (1, 2) if len(words) > k]
        for where, title in pairs:
            state = self.country_of_demonym(where)
            code = state.id if state is not None else next(
                (h.country for h in self.lookup(where)
                 if h.entry.kind in ("country", "igo") and h.country), None)
            office = self._offices.get(normalise_alias(title))
            if code and office and not set(normalise_alias(title).split()) & NOT_THE_HOLDER:
                hit = self.holder(office[0], code, date)
                if hit is not None:
                    return hit
        return None

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def country(self, code: str) -> Entry | None:
        """The country entry of an ISO 3166-1 alpha-3 code."""
        return self._by_country.get(code.upper())

    def country_of_demonym(self, word: str) -> Entry | None:
        """``"Chinese"`` -> the CHN entry, ``"Ukrainians"`` -> UKR; None when no demonym."""
        key = normalise_alias(word)
        hit = self._demonym.get(key)
        if hit is None and key.endswith("s"):
            hit = self._demonym.get(key[:-1])
        return hit

    def names(self, text: str) -> bool:
        """Whether ``lookup(text)`` finds anything (on any date), without resolving the hits:
        the test the name scanner makes of every capitalised n-gram of an article."""
        cands = self._index.get(normalise_alias(text))
        if not cands:
            return False
        stripped = _strip(text) if any(form is not None for _e, _via, form in cands) else None
        return any(form is None or form == stripped for _e, _via, form in cands)

    def office_sector(self, title: str) -> tuple[str, str] | None:
        """(canonical office, sector) of a title: the longest known title at its end or start.

        Memoised per base (a pure function of the title; the base does not change once
        built): an article asks it of every noun, mostly the same few hundred words."""
        memo = self._office_memo
        try:
            return memo[title]
        except KeyError:
            pass
        if len(memo) >= _OFFICE_MEMO_SIZE:
            memo.clear()  # bounded: a long run meets ever new titles
        hit = memo[title] = self._office_sector(title)
        return hit

    def _office_sector(self, title: str) -> tuple[str, str] | None:
        words = normalise_alias(title).split()
        for i in range(len(words)):
            hit = self._offices.get(" ".join(words[i:]))
            if hit:
                return hit
        for j in range(len(words) - 1, 0, -1):
            hit = self._offices.get(" ".join(words[:j]))
            if hit:
                return hit
        return None

    def entries(self) -> Iterator[Entry]:
        return iter(self._by_id.values())

    def aliases(self) -> Iterator[str]:
        """Every normalised key in the index (for gazetteer-style matchers)."""
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._by_id)

    def stats(self) -> dict[str, int]:
        kinds = Counter(e.kind for e in self._by_id.values())
        out = {"entries": len(self._by_id), "index_keys": len(self._index),
               "aliases": sum(len(e.aliases) for e in self._by_id.values()),
               "demonyms": len(self._demonym),
               "roles": sum(len(e.roles) for e in self._by_id.values()),
               "offices": len(self._office_list)}
        out.update({f"kind_{k}": kinds.get(k, 0) for k in KINDS})
        return out

    def validate(self) -> list[str]:
        """Problems, each a line starting ``error:`` or ``warning:``; [] when clean."""
        from parley.actors.kbcheck import check

        return [*self._problems, *check(self)]

    def offices(self) -> list[tuple[str, str, tuple[str, ...]]]:
        return [(o.office, o.sector, o.titles) for o in self._office_list]

    def index_items(self) -> Iterator[tuple[str, list[tuple[Entry, str, str | None]]]]:
        return iter(self._index.items())


def _plural(key: str) -> str:
    if key.endswith(("s", "x", "ch", "sh")):
        return key + "es" if not key.endswith("s") else key
    if key.endswith("y") and key[-2:-1] not in "aeiou":
        return key[:-1] + "ies"
    if key.endswith("man"):
        return key[:-3] + "men"
    return key + "s"


# ---------------------------------------------------------------- validation


_OFFICE_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "SPY"})


def _standing(sector: str | None) -> str | None:
    """The sector a person keeps outside office: an affiliation, not an office's."""
    return None if sector in _OFFICE_SECTORS else sector
