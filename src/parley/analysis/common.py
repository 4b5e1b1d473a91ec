"""What every analysis shares: results as plain records, the dyad source, names, evidence."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from parley.errors import ConfigError
from parley.store.dyads import (
    COLUMNS,
    LEVELS,
    PERIODS,
    DyadTable,
    fold,
    period_start,
    rows_from_events,
)

Cell = tuple[Any, ...]  # (day, a, b, event, aux, recip, n, intensity, confidence)


class Result(dict[str, Any]):
    """A JSON-ready dict; ``to_pandas()`` gives its main list as a DataFrame (needs the
    ``analysis`` extra)."""

    rows_key = ""

    def to_pandas(self) -> Any:
        return frame(self.get(self.rows_key, []))


class Rows(list[dict[str, Any]]):
    def to_pandas(self) -> Any:
        return frame(self)


def frame(rows: Iterable[dict[str, Any]]) -> Any:
    try:
        import pandas as pd
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the extra
        raise ConfigError("to_pandas() needs pandas: pip install 'parley[analysis]'") from exc
    return pd.json_normalize(list(rows))


class Dyads(Protocol):
    def cells(self, *, level: str, by: str, a: str | None = None, b: str | None = None,
              date_from: str | None = None, date_to: str | None = None,
              real_only: bool = True) -> list[Cell]: ...

    def volumes(self, *, level: str, by: str, a: str | None = None, b: str | None = None,
                date_from: str | None = None, date_to: str | None = None,
                real_only: bool = True) -> list[tuple[Any, ...]]: ...

    def coverage(self, *, level: str, by: str | None, a: str, b: str, directed: bool,
                 date_from: str | None = None, date_to: str | None = None
                 ) -> dict[str, tuple[int, int]]: ...

    def coverage_many(self, *, level: str, pairs: Sequence[tuple[str, str]],
                      date_from: str | None = None, date_to: str | None = None
                      ) -> tuple[int, int]: ...

    def sample(self, *, level: str, a: str, b: str, date_from: str | None = None,
               date_to: str | None = None, real_only: bool = True, sign: int = 0,
               limit: int = 3) -> list[tuple[str, str]]: ...

    def pair_totals(self, *, level: str, date_from: str | None = None,
                    date_to: str | None = None, real_only: bool = True) -> list[Cell]: ...

    def bounds(self, *, level: str) -> tuple[str | None, str | None]: ...

    def stances(self, *, level: str, date_from: str | None = None,
                date_to: str | None = None, involving: str | None = None,
                issues: Sequence[str] | None = None) -> list[dict[str, Any]]: ...

    def article_sources(self, *, level: str, actor: str, date_from: str | None = None,
                        date_to: str | None = None, real_only: bool = True
                        ) -> set[tuple[str, str]]: ...


class MemoryDyads:
    """The dyad table computed in memory from ``reader.iter_events`` (for a reader whose
    store keeps no dyad_days table). Same answers as :class:`DyadTable`."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        events = [e for e in reader.iter_events(real_only=False) if not e.get("duplicate_of")]
        self.rows = [tuple(r[c] for c in COLUMNS) for r in rows_from_events(events)]

    def _select(self, level: str, date_from: str | None, date_to: str | None,
                real_only: bool) -> Iterable[tuple[Any, ...]]:
        for r in self.rows:
            if r[1] != level or (real_only and r[6]):
                continue
            if (date_from and r[4] < date_from) or (date_to and r[4] > date_to):
                continue
            yield r

    def cells(self, *, level: str, by: str, a: str | None = None, b: str | None = None,
              date_from: str | None = None, date_to: str | None = None,
              real_only: bool = True) -> list[Cell]:
        acc: dict[tuple[Any, ...], list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
        for r in self._select(level, date_from, date_to, real_only):
            if (a is not None and r[2] != a) or (b is not None and r[3] != b):
                continue
            if a is None and b is None and r[2] == "*":
                continue
            x = acc[(r[4], r[2], r[3], r[5], r[6], r[7])]
            x[0] += r[8]
            x[1] += r[9]
            x[2] += r[10]
        return fold([(*k, int(v[0]), v[1], v[2]) for k, v in acc.items()], by)

    def volumes(self, *, level: str, by: str, a: str | None = None, b: str | None = None,
                date_from: str | None = None, date_to: str | None = None,
                real_only: bool = True) -> list[tuple[Any, ...]]:
        acc: dict[tuple[Any, ...], list[float]] = defaultdict(lambda: [0, 0.0])
        for c in self.cells(level=level, by=by, a=a, b=b, date_from=date_from,
                            date_to=date_to, real_only=real_only):
            x = acc[(c[0], c[1], c[2], c[5])]
            x[0] += c[6]
            x[1] += c[7]
        return [(*k, int(v[0]), v[1]) for k, v in acc.items()]

    def coverage(self, *, level: str, by: str | None, a: str, b: str, directed: bool,
                 date_from: str | None = None, date_to: str | None = None
                 ) -> dict[str, tuple[int, int]]:
        arts: dict[str, int] = defaultdict(int)
        srcs: dict[str, set[str]] = defaultdict(set)
        for r in self._select(level, date_from, date_to, True):
            if directed:
                hit = r[13] and (r[2], r[3]) == (a, b)
            else:
                hit = r[14] and {r[2], r[3]} == {a, b}
            if hit:
                p = period_start(r[4], by) if by else ""
                arts[p] += 1
                srcs[p].add(r[11])
        return {p: (arts[p], len(srcs[p])) for p in arts}

    def coverage_many(self, *, level: str, pairs: Sequence[tuple[str, str]],
                      date_from: str | None = None, date_to: str | None = None
                      ) -> tuple[int, int]:
        want = set(pairs)
        rows = [r for r in self._select(level, date_from, date_to, True)
                if (r[2], r[3]) in want]
        return (len({r[0] for r in rows}), len({r[11] for r in rows}))

    def sample(self, *, level: str, a: str, b: str, date_from: str | None = None,
               date_to: str | None = None, real_only: bool = True, sign: int = 0,
               limit: int = 3) -> list[tuple[str, str]]:
        rows = [r for r in self._select(level, date_from, date_to, real_only)
                if r[2] == a and r[3] == b]
        rows.sort(key=lambda r: (-(r[9] * sign > 0), -r[10] / r[8], _neg(r[4]), r[0], r[5]))
        out: dict[str, str] = {}
        for r in rows:
            if r[0] not in out:
                out[r[0]] = r[12].split()[0]
                if len(out) == limit:
                    break
        return list(out.items())

    def article_sources(self, *, level: str, actor: str, date_from: str | None = None,
                        date_to: str | None = None, real_only: bool = True
                        ) -> set[tuple[str, str]]:
        return {(r[0], r[11]) for r in self._select(level, date_from, date_to, real_only)
                if actor in (r[2], r[3])}

    def stances(self, *, level: str, date_from: str | None = None,
                date_to: str | None = None, involving: str | None = None,
                issues: Sequence[str] | None = None) -> list[dict[str, Any]]:
        found = stances_of(self.reader, date_from=date_from, date_to=date_to)
        if involving is not None:
            found = [s for s in found if involving in (party(s.get(k), level)
                                                       for k in ("holder", "toward", "target"))]
        if issues is not None:
            found = [s for s in found if s["issue"] in issues]
        return found

    def bounds(self, *, level: str) -> tuple[str | None, str | None]:
        days = [r[4] for r in self.rows if r[1] == level and r[2] == "*"]
        return (min(days), max(days)) if days else (None, None)

    def pair_totals(self, *, level: str, date_from: str | None = None,
                    date_to: str | None = None, real_only: bool = True) -> list[Cell]:
        acc: dict[tuple[Any, ...], list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
        for r in self._select(level, date_from, date_to, real_only):
            if r[2] == "*":
                continue
            x = acc[(r[2], r[3], r[7])]
            x[0] += r[8]
            x[1] += r[9]
            x[2] += r[10]
        return [(*k, int(v[0]), v[1], v[2]) for k, v in acc.items()]


def _neg(day: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in day)


def dyads_of(reader: Any) -> Dyads:
    """The reader's dyad table where its store keeps one, else one computed in memory."""
    table = getattr(reader, "dyads", None)
    found = table() if callable(table) else None
    if found is not None:
        return found
    cached = getattr(reader, "_parley_memory_dyads", None)
    if cached is None:
        cached = MemoryDyads(reader)
        try:
            reader._parley_memory_dyads = cached
        except AttributeError:
            pass
    return cached


def check_level(level: str) -> str:
    if level not in LEVELS:
        raise ConfigError(f"level {level!r}: expected one of {', '.join(LEVELS)}")
    return level


def check_by(by: str) -> str:
    if by not in PERIODS:
        raise ConfigError(f"by {by!r}: expected one of {', '.join(PERIODS)}")
    return by


def check_date(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ConfigError(f"{what} {value!r}: expected YYYY-MM-DD") from None


def plural(n: Any, word: str) -> str:
    """'1 event', '3 events'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def span_days(date_from: str, date_to: str) -> int:
    return (dt.date.fromisoformat(date_to) - dt.date.fromisoformat(date_from)).days + 1


_SHORT = {"RUS": "Russia", "COD": "DR Congo", "PSE": "Palestine", "FSM": "Micronesia",
          "VAT": "Vatican City", "SYR": "Syria", "IRN": "Iran", "PRK": "North Korea",
          "KOR": "South Korea", "VEN": "Venezuela", "BOL": "Bolivia", "TZA": "Tanzania",
          "GBR": "United Kingdom", "USA": "United States"}


# the actor KB's non-state codes (parley.actors.kb.NON_STATE_CODES; a test holds them
# equal), which stand for many bodies at once (NATO, the EU and the UN are all IGO at the
# country level): named for what they are, and no party to a country brief's readings
GROUP_NAMES = {"IGO": "international bodies", "NGO": "non-governmental organisations",
               "MNC": "companies", "IMG": "armed groups"}
NON_STATE_CODES = frozenset(GROUP_NAMES)


def is_group(key: str | None, level: str) -> bool:
    """Whether ``key`` is a code for many actors at once (IGO, IMG ...) at the country level."""
    return level == "country" and key in NON_STATE_CODES


def country_name(code: str) -> str:
    """The short English name of an ISO alpha-3 code (pycountry's common name where it has
    one); a code for many bodies as "international bodies (IGO)"; other codes as they are."""
    if code in _SHORT:
        return _SHORT[code]
    if code in GROUP_NAMES:
        return f"{GROUP_NAMES[code]} ({code})"
    try:
        import pycountry

        c = pycountry.countries.get(alpha_3=code)
        if c is not None:
            return str(getattr(c, "common_name", None) or c.name)
    except (ImportError, LookupError, KeyError):
        pass
    return code


def display_name(reader: Any, key: str, level: str) -> str:
    """A country's short name; an actor's stored name (the one it is seen with most)."""
    if level == "country":
        return country_name(key)
    try:
        found = reader.actors(key=key)
    except TypeError:
        found = []
    return str(found[0].get("name") or key) if found else key


def evidence(reader: Any, kind: str, ids: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """Evidence records (the exact stored sentence, article, date, source, link); ``source``
    is the outlet (the article's site, else its URL's host, else where it was read)."""
    from parley.store.dyads import outlet

    out = []
    for article_key, record_id in ids:
        ev = reader.evidence(article_key, kind, record_id)
        if ev:  # with the article's store key and the record's kind: a link to the record
            ev = dict(ev)
            ev["read_from"] = ev.get("source")
            ev["source"] = outlet(ev.get("url"), ev.get("site"), ev.get("source"))
            ev["article_key"] = article_key
            ev["kind"] = kind
            out.append(ev)
    return out


def cell_intensity(cells: Iterable[Cell]) -> float:
    return sum(c[7] for c in cells)


def level_of(key: str, level: str | None) -> str:
    """country for a three-letter upper-case code, actor otherwise (unless given)."""
    if level:
        return check_level(level)
    return "country" if len(key) <= 4 and key.isupper() else "actor"


__all__ = ["COLUMNS", "Cell", "DyadTable", "Dyads", "MemoryDyads", "Result", "Rows",
           "check_by", "check_date", "check_level", "display_name", "dyads_of", "evidence",
           "frame", "level_of", "shift", "span_days"]


def party(entity: dict[str, Any] | None, level: str) -> str | None:
    """The entity's country code (level country) or stable actor key (level actor)."""
    if not entity:
        return None
    value = entity.get("country") if level == "country" else entity.get("key")
    return str(value) if value else None


def record_id(record: dict[str, Any]) -> str:
    for k in ("stance_id", "record_id", "id", "event_id", "quote_id"):
        if record.get(k) is not None:
            return str(record[k])
    raise KeyError("record has no id")


def record_day(record: dict[str, Any]) -> str | None:
    return record.get("date") or record.get("article_date")


def stances_of(reader: Any, *, issue: str | None = None, date_from: str | None = None,
               date_to: str | None = None, involving: str | None = None
               ) -> list[dict[str, Any]]:
    """Stances of non-duplicate articles in the period (by the article's date);
    ``involving``: only those held by that party or said to affect it (``toward``), each
    once."""
    kw: dict[str, Any] = {"date_from": date_from, "date_to": date_to}
    if issue:
        kw["issue"] = issue
    if involving is None:
        found = reader.stances(**kw)
    else:
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        for s in [*reader.stances(holder=involving, **kw), *reader.stances(toward=involving, **kw)]:
            seen.setdefault((s["article_key"], record_id(s)), s)
        found = list(seen.values())
    return [s for s in found if not s.get("duplicate_of")]
