"""The dyad tables the writer keeps, so that analysis never scans all events.

``dyad_events``: one row per (article, level, actor a, recipient b, day, PLOVER type, aux
mode, reciprocal flag) with the count of events, the sum of their PLOVER intensity and of
the coder's confidence, the article's outlet and the event ids (for evidence). ``level`` is
``country`` (a, b are country codes) or ``actor`` (stable actor keys). A reciprocal event
(several actors, no recipient: a meeting) gives a row for every ordered pair of its actors
with ``recip = 1``. An actor paired with itself is no dyad and gets no row. The row with
``a = b = event = '*'`` holds the article's count of dyadic events that day (the volume
that net cooperation is normalised by). ``art_dir`` marks the article's first real row of
the directed pair, ``art_pair`` its first real row of the pair either way: an article
counts once for a dyad, in the period of its first event of it.

Rows are written with the article's other rows and deleted with them (re-storing an
article replaces them). Triggers keep two aggregates exact with every insert and delete:
``dyad_days`` (the sums per level, a, b, day, type, aux mode, reciprocal flag, across
articles) and ``dyad_sources`` (per level, pair, ``dir`` 'd' directed or 'u' either way,
day and outlet: the number of articles). Series over years read those, never the events.

Since migration 0007 the three tables name actors, countries, '*' and outlets by a number:
``dyad_keys`` (id, key) holds each string once (``intern_rows`` adds the new ones in the
writer's transaction), and ``DyadTable`` turns strings into numbers and back, so its
answers are strings as before. A 25-character actor key was repeated in every row and in
two or three indexes of each table.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from parley.model import Document, Entity
from parley.ontology import ontology

LEVELS = ("country", "actor")
PERIODS = ("day", "week", "month")

_KEY = "level=old.level AND a=old.a AND b=old.b AND day=old.day AND event=old.event" \
    " AND aux=old.aux AND recip=old.recip"
_SRC = "level=old.level AND day=old.day AND source=old.source"
TRIGGERS = f"""
CREATE TRIGGER dyad_events_insert AFTER INSERT ON dyad_events BEGIN
    INSERT INTO dyad_days VALUES (new.level, new.a, new.b, new.day, new.event, new.aux,
        new.recip, new.n, new.intensity, new.confidence)
    ON CONFLICT DO UPDATE SET n = n + excluded.n, intensity = intensity + excluded.intensity,
        confidence = confidence + excluded.confidence;
    INSERT INTO dyad_sources SELECT new.level, new.a, new.b, 'd', new.day, new.source, 1
        WHERE new.art_dir
    ON CONFLICT DO UPDATE SET articles = articles + 1;
    INSERT INTO dyad_sources SELECT new.level, min(new.a, new.b), max(new.a, new.b), 'u',
        new.day, new.source, 1 WHERE new.art_pair
    ON CONFLICT DO UPDATE SET articles = articles + 1;
END;
CREATE TRIGGER dyad_events_delete AFTER DELETE ON dyad_events BEGIN
    UPDATE dyad_days SET n = n - old.n, intensity = intensity - old.intensity,
        confidence = confidence - old.confidence WHERE {_KEY};
    DELETE FROM dyad_days WHERE {_KEY} AND n <= 0;
    UPDATE dyad_sources SET articles = articles - 1
        WHERE old.art_dir AND a=old.a AND b=old.b AND dir='d' AND {_SRC};
    UPDATE dyad_sources SET articles = articles - 1 WHERE old.art_pair
        AND a=min(old.a, old.b) AND b=max(old.a, old.b) AND dir='u' AND {_SRC};
    DELETE FROM dyad_sources WHERE articles <= 0 AND {_SRC};
END;
"""
# the aggregates from dyad_events at once (bulk loads drop the triggers, then run this)
REBUILD = """
DELETE FROM dyad_days;
DELETE FROM dyad_sources;
INSERT INTO dyad_days SELECT level, a, b, day, event, aux, recip, sum(n), sum(intensity),
    sum(confidence) FROM dyad_events GROUP BY level, a, b, day, event, aux, recip;
INSERT INTO dyad_sources SELECT level, a, b, 'd', day, source, count(*) FROM dyad_events
    WHERE art_dir GROUP BY level, a, b, day, source;
INSERT INTO dyad_sources SELECT level, min(a, b), max(a, b), 'u', day, source, count(*)
    FROM dyad_events WHERE art_pair GROUP BY level, min(a, b), max(a, b), day, source;
"""

DDL = """
CREATE TABLE dyad_events (
    article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    level TEXT NOT NULL,            -- country | actor
    a TEXT NOT NULL, b TEXT NOT NULL,
    day TEXT NOT NULL,              -- the event's date, else (or when a real event's date
                                    -- is after it) the article's
    event TEXT NOT NULL,
    aux TEXT NOT NULL,              -- '' for a real event, else its aux_mode
    recip INTEGER NOT NULL,         -- 1: several actors and no recipient
    n INTEGER NOT NULL, intensity REAL NOT NULL, confidence REAL NOT NULL,
    source TEXT NOT NULL,           -- the outlet: site, else the URL's host, else source
    event_ids TEXT NOT NULL,        -- space-separated event ids, for evidence
    art_dir INTEGER NOT NULL,       -- 1: the article's first real row of (a, b)
    art_pair INTEGER NOT NULL,      -- 1: the article's first real row of {a, b}
    PRIMARY KEY (article_key, level, a, b, day, event, aux, recip)
) WITHOUT ROWID;
CREATE INDEX dyad_events_pair ON dyad_events(level, a, b, day, aux, article_key, source);
CREATE INDEX dyad_events_from ON dyad_events(level, a, day, aux, article_key, source);
CREATE INDEX dyad_events_to ON dyad_events(level, b, day, aux, article_key, source);
CREATE TABLE dyad_days (
    level TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, day TEXT NOT NULL,
    event TEXT NOT NULL, aux TEXT NOT NULL, recip INTEGER NOT NULL,
    n INTEGER NOT NULL, intensity REAL NOT NULL, confidence REAL NOT NULL,
    PRIMARY KEY (level, a, b, day, event, aux, recip)
) WITHOUT ROWID;
CREATE INDEX dyad_days_from ON dyad_days(level, a, day, b, event, aux, recip, n, intensity,
    confidence);
CREATE INDEX dyad_days_to ON dyad_days(level, b, day, a, event, aux, recip, n, intensity,
    confidence);
CREATE INDEX articles_date_key ON articles(date, n, key, url, site, source);
CREATE TABLE dyad_sources (
    level TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, dir TEXT NOT NULL,
    day TEXT NOT NULL, source TEXT NOT NULL, articles INTEGER NOT NULL,
    PRIMARY KEY (level, a, b, dir, day, source)
) WITHOUT ROWID;
""" + TRIGGERS
COLUMNS = ("article_key", "level", "a", "b", "day", "event", "aux", "recip", "n",
           "intensity", "confidence", "source", "event_ids", "art_dir", "art_pair")
# since migration 0004: a rowid table whose rows name their article by its row number
# (``articles.n``) and three narrow indexes, instead of a table keyed by the article's
# 20-character key whose every index repeated the whole key (a third of the file went here)
STORED_COLUMNS = ("article",) + COLUMNS[1:]
DDL_0004 = """
CREATE TABLE dyad_events_new (
    article INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE,
    level TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, day TEXT NOT NULL,
    event TEXT NOT NULL, aux TEXT NOT NULL, recip INTEGER NOT NULL,
    n INTEGER NOT NULL, intensity REAL NOT NULL, confidence REAL NOT NULL,
    source TEXT NOT NULL, event_ids TEXT NOT NULL,
    art_dir INTEGER NOT NULL, art_pair INTEGER NOT NULL
);
INSERT INTO dyad_events_new SELECT x.n, d.level, d.a, d.b, d.day, d.event, d.aux, d.recip,
    d.n, d.intensity, d.confidence, d.source, d.event_ids, d.art_dir, d.art_pair
    FROM dyad_events d JOIN articles x ON x.key = d.article_key ORDER BY x.n;
DROP TABLE dyad_events;
ALTER TABLE dyad_events_new RENAME TO dyad_events;
CREATE INDEX dyad_events_article ON dyad_events(article);
CREATE INDEX dyad_events_pair ON dyad_events(level, a, b, day, aux);
CREATE INDEX dyad_events_to ON dyad_events(level, b, day, aux);
DROP INDEX dyad_days_from;              -- the primary key (level, a, ...) serves a = ?
DROP INDEX dyad_days_to;                -- was the whole row again; the sums are read by key
CREATE INDEX dyad_days_to ON dyad_days(level, b, day);
""" + TRIGGERS

# since migration 0007: a, b and source as numbers of ``dyad_keys``
DDL_0007 = """
DROP TRIGGER dyad_events_insert;
DROP TRIGGER dyad_events_delete;
CREATE TABLE dyad_keys (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
INSERT OR IGNORE INTO dyad_keys(key) SELECT k FROM (
    SELECT rowid AS r, 0 AS o, a AS k FROM dyad_events UNION ALL
    SELECT rowid, 1, b FROM dyad_events UNION ALL SELECT rowid, 2, source FROM dyad_events)
    ORDER BY r, o;
CREATE TABLE dyad_events_new (
    article INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE,
    level TEXT NOT NULL, a INTEGER NOT NULL, b INTEGER NOT NULL, day TEXT NOT NULL,
    event TEXT NOT NULL, aux TEXT NOT NULL, recip INTEGER NOT NULL,
    n INTEGER NOT NULL, intensity REAL NOT NULL, confidence REAL NOT NULL,
    source INTEGER NOT NULL, event_ids TEXT NOT NULL,
    art_dir INTEGER NOT NULL, art_pair INTEGER NOT NULL
);
INSERT INTO dyad_events_new SELECT d.article, d.level, ka.id, kb.id, d.day, d.event, d.aux,
    d.recip, d.n, d.intensity, d.confidence, ks.id, d.event_ids, d.art_dir, d.art_pair
    FROM dyad_events d JOIN dyad_keys ka ON ka.key = d.a JOIN dyad_keys kb ON kb.key = d.b
    JOIN dyad_keys ks ON ks.key = d.source ORDER BY d.rowid;
DROP TABLE dyad_events;
ALTER TABLE dyad_events_new RENAME TO dyad_events;
CREATE INDEX dyad_events_article ON dyad_events(article);
CREATE INDEX dyad_events_pair ON dyad_events(level, a, b, day, aux);
CREATE INDEX dyad_events_to ON dyad_events(level, b, day, aux);
DROP TABLE dyad_days;
CREATE TABLE dyad_days (
    level TEXT NOT NULL, a INTEGER NOT NULL, b INTEGER NOT NULL, day TEXT NOT NULL,
    event TEXT NOT NULL, aux TEXT NOT NULL, recip INTEGER NOT NULL,
    n INTEGER NOT NULL, intensity REAL NOT NULL, confidence REAL NOT NULL,
    PRIMARY KEY (level, a, b, day, event, aux, recip)
) WITHOUT ROWID;
CREATE INDEX dyad_days_to ON dyad_days(level, b, day);
DROP TABLE dyad_sources;
CREATE TABLE dyad_sources (
    level TEXT NOT NULL, a INTEGER NOT NULL, b INTEGER NOT NULL, dir TEXT NOT NULL,
    day TEXT NOT NULL, source INTEGER NOT NULL, articles INTEGER NOT NULL,
    PRIMARY KEY (level, a, b, dir, day, source)
) WITHOUT ROWID;
""" + REBUILD + TRIGGERS


def outlet(url: str | None, site: str | None = None, source: str | None = None) -> str:
    """The outlet an article came from: its site (the publisher, as the input names it),
    else its URL's host (without www.), else where it was read from."""
    if site:
        return site
    if url:
        host = urlsplit(url).hostname or ""
        if host:
            return host[4:] if host.startswith("www.") else host
    return source or ""


def intensity(event: str, modes: Sequence[str] = ()) -> float:
    """The PLOVER manual's conflict-cooperation score of a type, or of its first scored mode."""
    try:
        return ontology().type(event).intensity(tuple(modes))
    except Exception:  # an unknown type scores 0 rather than breaking an aggregate
        return 0.0


def event_pairs(actors: Iterable[dict[str, Any]], recipients: Iterable[dict[str, Any]],
                level: str) -> list[tuple[str, str, int]]:
    """Ordered (a, b, reciprocal) pairs of one event at ``level``: every actor x every
    recipient; with no recipient, every ordered pair of distinct actors (reciprocal)."""
    field = "country" if level == "country" else "key"
    src = sorted({str(x[field]) for x in actors if x.get(field)})
    dst = sorted({str(x[field]) for x in recipients if x.get(field)})
    if dst:
        return [(a, b, 0) for a in src for b in dst if a != b]
    return [(a, b, 1) for a in src for b in src if a != b]


def period_start(day: str, by: str) -> str:
    """The first day of the day's period: the day, its ISO week's Monday, or its month's 1st."""
    if by == "day":
        return day
    if by == "month":
        return day[:7] + "-01"
    d = dt.date.fromisoformat(day)
    return (d - dt.timedelta(days=d.weekday())).isoformat()


def rows_from_events(events: Iterable[dict[str, Any]], levels: Sequence[str] = LEVELS
                     ) -> list[dict[str, Any]]:
    """dyad_days rows from event dicts of the reader's shape (``actors``/``recipients`` with
    ``key`` and ``country``; ``date`` or ``article_date``; ``url``/``source``)."""
    cells: dict[tuple[Any, ...], dict[str, Any]] = {}
    for e in events:
        day = e.get("date") or e.get("article_date")
        if not day:
            continue
        if not e.get("aux_mode") and e.get("article_date") and day > e["article_date"]:
            day = e["article_date"]  # what happened cannot postdate its report: a misdating
        score = intensity(e["event"], e.get("mode") or ())
        aux = e.get("aux_mode") or ""
        for level in levels:
            pairs = event_pairs(e.get("actors") or (), e.get("recipients") or (), level)
            if pairs:  # the day's volume of dyadic events: the row ('*', '*', '*')
                pairs.append(("*", "*", 0))
            for a, b, recip in pairs:
                event = "*" if a == "*" else e["event"]
                k = (e["article_key"], level, a, b, day, event, aux, recip)
                row = cells.get(k)
                if row is None:
                    row = cells[k] = dict(zip(COLUMNS[:8], k, strict=True), n=0, intensity=0.0,
                                          confidence=0.0, event_ids=[],
                                          source=outlet(e.get("url"), e.get("site"),
                                                        e.get("source")))
                row["n"] += 1
                row["intensity"] += score
                row["confidence"] += float(e.get("confidence") or 0.0)
                row["event_ids"].append(str(e["event_id"]))
    first_dir: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    first_pair: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for k, row in cells.items():
        row["event_ids"] = " ".join(row["event_ids"])
        row["art_dir"] = row["art_pair"] = 0
        art, level, a, b, day, event, aux, recip = k
        if aux or a == "*":
            continue
        d, u = (art, level, a, b), (art, level, min(a, b), max(a, b))
        if d not in first_dir or (day, event, recip) < first_dir[d][4:]:
            first_dir[d] = (*k[:4], day, event, recip)
        if u not in first_pair or (day, a, b, event, recip) < first_pair[u][1:]:
            first_pair[u] = (k, day, a, b, event, recip)
    for art, level, a, b, day, event, recip in first_dir.values():
        cells[(art, level, a, b, day, event, "", recip)]["art_dir"] = 1
    for first in first_pair.values():
        cells[first[0]]["art_pair"] = 1
    return list(cells.values())


def document_dyad_rows(doc: Document) -> list[dict[str, Any]]:
    """The dyad_days rows of one coded document (what the writer stores with it); actor
    keys as in event_participants."""
    from parley.store.rows import entity_key

    a = doc.article
    actors = {x.id: x for x in doc.actors}

    def ents(entities: Iterable[Entity]) -> list[dict[str, Any]]:
        return [{"key": entity_key(x, actors), "country": x.country} for x in entities]

    src = outlet(a.url, a.site, a.source)
    events = [{"article_key": a.key, "event_id": e.id, "event": e.event, "mode": e.mode,
               "aux_mode": e.aux_mode, "date": e.date, "article_date": a.date,
               "confidence": e.confidence, "url": None, "site": None, "source": src,
               "actors": ents(e.actor), "recipients": ents(e.recipient)} for e in doc.events]
    return rows_from_events(events)


def intern_rows(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` with a, b and source as their ``dyad_keys`` numbers (new strings added, in
    the order the rows name them)."""
    if not rows:
        return rows
    names = list(dict.fromkeys(r[c] for r in rows for c in ("a", "b", "source")))
    conn.executemany("INSERT OR IGNORE INTO dyad_keys(key) VALUES (?)", [(k,) for k in names])
    ids = key_ids(conn, names)
    return [{**r, "a": ids[r["a"]], "b": ids[r["b"]], "source": ids[r["source"]]} for r in rows]


def key_ids(conn: sqlite3.Connection, names: Iterable[str]) -> dict[str, int]:
    """The ``dyad_keys`` numbers of those of ``names`` that are stored."""
    wanted = list(dict.fromkeys(names))
    ids: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i:i + 500]
        ids.update(conn.execute(f"SELECT key, id FROM dyad_keys WHERE key IN"
                                f" ({','.join('?' * len(chunk))})", chunk).fetchall())
    return ids


def insert_rows(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> None:
    conn.executemany(
        f"INSERT INTO dyad_events({','.join(COLUMNS)}) VALUES ({','.join('?' * len(COLUMNS))})",
        [tuple(r[c] for c in COLUMNS) for r in rows],
    )


def backfill(conn: sqlite3.Connection) -> int:
    """Fill dyad_days from the events and participants already stored."""
    parts: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
    for key, event_id, role, actor_key, country in conn.execute(
            "SELECT a.key, p.event_id, p.role, p.actor_key, p.country FROM event_participants p"
            " JOIN articles a ON a.n = p.article ORDER BY a.key, p.event_id, p.role, p.ord"):
        p = parts.setdefault((key, event_id), {"actor": [], "recipient": []})
        p[role].append({"key": actor_key, "country": country})
    events = []
    for key, event_id, event, mode, aux, date, adate, conf, url, site, source in conn.execute(
            "SELECT a.key, e.event_id, e.event, e.mode, e.aux_mode, e.date, a.date,"
            " e.confidence, a.url, a.site, a.source FROM events e"
            " JOIN articles a ON a.n = e.article"):
        p = parts.get((key, event_id), {"actor": [], "recipient": []})
        events.append({"article_key": key, "event_id": event_id, "event": event,
                       "mode": json.loads(mode) if mode else [], "aux_mode": aux, "date": date,
                       "article_date": adate, "confidence": conf, "url": None, "site": None,
                       "source": outlet(url, site, source), "actors": p["actor"],
                       "recipients": p["recipient"]})
    rows = rows_from_events(events)
    insert_rows(conn, rows)
    return len(rows)


def fold(rows: Iterable[tuple[Any, ...]], by: str) -> list[tuple[Any, ...]]:
    """Sum (day, a, b, event, aux, recip, n, intensity, confidence) cells into periods."""
    if by == "day":
        return [tuple(r) for r in rows]
    starts: dict[str, str] = {}
    acc: dict[tuple[Any, ...], list[float]] = {}
    for r in rows:
        p = starts.get(r[0])
        if p is None:
            p = starts[r[0]] = period_start(r[0], by)
        k = (p, *r[1:6])
        x = acc.get(k)
        if x is None:
            acc[k] = [r[6], r[7], r[8]]
        else:
            x[0] += r[6]
            x[1] += r[7]
            x[2] += r[8]
    return [(*k, int(v[0]), v[1], v[2]) for k, v in acc.items()]


def _week_sql(col: str) -> str:
    return f"date({col}, 'weekday 0', '-6 days')"


def period_sql(by: str, col: str = "day") -> str:
    if by == "day":
        return col
    if by == "month":
        return f"substr({col}, 1, 7) || '-01'"
    return _week_sql(col)


_NAMES = "JOIN dyad_keys ka ON ka.id = d.a JOIN dyad_keys kb ON kb.id = d.b"


class DyadTable:
    """Aggregates over the dyad tables (SQLite). Every method takes and returns strings (the
    tables hold ``dyad_keys`` numbers) as plain tuples."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def _id(self, key: str) -> int:
        """The number of ``key``, or -1 (no row has it) for a string never stored."""
        return key_ids(self.conn, [key]).get(key, -1)

    @staticmethod
    def _where(level: str, date_from: str | None, date_to: str | None,
               real_only: bool = False) -> tuple[str, list[Any]]:
        sql, args = " AND level=?", [level]
        if date_from:
            sql += " AND day>=?"
            args.append(date_from)
        if date_to:
            sql += " AND day<=?"
            args.append(date_to)
        if real_only:
            sql += " AND aux=''"
        return sql, args

    def _sides(self, level: str, date_from: str | None, date_to: str | None,
               real_only: bool, a: str | None, b: str | None) -> tuple[str, list[Any]]:
        """The period's conditions, with ``a`` and/or ``b`` fixing either side (with
        neither, the totals row ``a = '*'`` is left out)."""
        where, args = self._where(level, date_from, date_to, real_only)
        if a is not None:
            where += " AND d.a=?"
            args.append(self._id(a))
        if b is not None:
            where += " AND d.b=?"
            args.append(self._id(b))
        if a is None and b is None:
            where += " AND d.a<>?"
            args.append(self._id("*"))
        return where, args

    def cells(self, *, level: str, by: str, a: str | None = None, b: str | None = None,
              date_from: str | None = None, date_to: str | None = None,
              real_only: bool = True) -> list[tuple[Any, ...]]:
        """(period, a, b, event, aux, recip, n, intensity, confidence) summed; ``a``/``b``
        fix the actor and/or recipient side (either may be None)."""
        where, args = self._sides(level, date_from, date_to, real_only, a, b)
        p = period_sql(by)
        return self.conn.execute(
            f"SELECT {p}, ka.key, kb.key, event, aux, recip, sum(n), sum(intensity),"
            f" sum(confidence) FROM dyad_days d {_NAMES} WHERE 1{where}"
            " GROUP BY 1, d.a, d.b, event, aux, recip", args,
        ).fetchall()

    def coverage(self, *, level: str, by: str | None, a: str, b: str, directed: bool,
                 date_from: str | None = None, date_to: str | None = None
                 ) -> dict[str, tuple[int, int]]:
        """period (or '' when ``by`` is None) -> (articles, distinct sources) of a directed
        pair or of a pair either way (real events; an article counts once, in the period of
        its first event of the pair)."""
        where, args = self._where(level, date_from, date_to)
        ia, ib = self._id(a), self._id(b)
        key = [ia, ib, "d"] if directed else [min(ia, ib), max(ia, ib), "u"]
        p = period_sql(by) if by else "''"
        rows = self.conn.execute(
            f"SELECT {p}, sum(articles), count(DISTINCT source) FROM dyad_sources"
            f" WHERE a=? AND b=? AND dir=?{where} GROUP BY 1", key + args).fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def coverage_many(self, *, level: str, pairs: Sequence[tuple[str, str]],
                      date_from: str | None = None, date_to: str | None = None
                      ) -> tuple[int, int]:
        """(distinct articles, distinct sources) with a real event of any of the ordered
        pairs (for short periods: it reads the per-article rows)."""
        if not pairs:
            return (0, 0)
        where, args = self._where(level, date_from, date_to, True)
        known = key_ids(self.conn, [k for pair in pairs for k in pair])  # one lookup
        ids = [(known.get(a, -1), known.get(b, -1)) for a, b in pairs]
        # one index lookup per pair (dyad_events_pair), not an OR that reads every row of
        # the level; at most 200 pairs a compound query (SQLite's limit is 500)
        one = f"SELECT article, source FROM dyad_events WHERE a=? AND b=?{where}"
        articles: set[int] = set()
        sources: set[int] = set()
        for i in range(0, len(ids), 200):
            chunk = ids[i:i + 200]
            for article, source in self.conn.execute(
                    " UNION ".join([one] * len(chunk)),
                    [v for pair in chunk for v in (*pair, *args)]):
                articles.add(article)
                sources.add(source)
        return (len(articles), len(sources))

    def sample(self, *, level: str, a: str, b: str, date_from: str | None = None,
               date_to: str | None = None, real_only: bool = True, sign: int = 0,
               limit: int = 3) -> list[tuple[str, str]]:
        """(article_key, event_id) of the best-attested events of a directed pair, one per
        article: those whose intensity has ``sign`` first (when given), then highest mean
        confidence, then latest."""
        where, args = self._where(level, date_from, date_to, real_only)
        sql = ("SELECT x.key, d.event_ids FROM dyad_events d JOIN articles x ON x.n = d.article"
               f" WHERE a=? AND b=?{where} ORDER BY (intensity * ? > 0) DESC,"
               " confidence / d.n DESC, day DESC, x.key, event LIMIT ?")
        ia, ib = self._id(a), self._id(b)
        cap = 8 * limit  # rows are per article and type: a few more than wanted will do
        while True:
            rows = self.conn.execute(sql, [ia, ib, *args, sign, cap]).fetchall()
            out: dict[str, str] = {}
            for key, ids in rows:
                if key not in out:
                    out[key] = ids.split()[0]
                    if len(out) == limit:
                        return list(out.items())
            if len(rows) < cap:
                return list(out.items())
            cap *= 8

    def volumes(self, *, level: str, by: str, a: str | None = None, b: str | None = None,
                date_from: str | None = None, date_to: str | None = None,
                real_only: bool = True) -> list[tuple[Any, ...]]:
        """(period, a, b, recip, n, intensity) summed over types: what a series of volumes
        needs, fewer rows than :meth:`cells`; ``a``/``b`` fix either side."""
        where, args = self._sides(level, date_from, date_to, real_only, a, b)
        return self.conn.execute(
            f"SELECT {period_sql(by)}, ka.key, kb.key, recip, sum(n), sum(intensity)"
            f" FROM dyad_days d {_NAMES} WHERE 1{where} GROUP BY 1, d.a, d.b, recip",
            args).fetchall()

    def pair_totals(self, *, level: str, date_from: str | None = None,
                    date_to: str | None = None, real_only: bool = True
                    ) -> list[tuple[Any, ...]]:
        """(a, b, recip, n, intensity, confidence) per ordered pair and reciprocal flag."""
        where, args = self._where(level, date_from, date_to, real_only)
        return self.conn.execute(
            "SELECT ka.key, kb.key, recip, sum(n), sum(intensity), sum(confidence)"
            f" FROM dyad_days d {_NAMES} WHERE d.a<>?{where} GROUP BY d.a, d.b, recip",
            [self._id("*"), *args]).fetchall()

    def article_sources(self, *, level: str, actor: str, date_from: str | None = None,
                        date_to: str | None = None, real_only: bool = True
                        ) -> set[tuple[str, str]]:
        """(article_key, source) of the articles with an event of ``actor`` on either side."""
        where, args = self._where(level, date_from, date_to, real_only)
        i = self._id(actor)
        return set(self.conn.execute(
            "SELECT x.key, ks.key FROM (SELECT article, source FROM dyad_events"
            f" WHERE a=?{where} UNION SELECT article, source FROM dyad_events WHERE b=?{where})"
            " d JOIN articles x ON x.n = d.article JOIN dyad_keys ks ON ks.id = d.source",
            [i, *args, i, *args]).fetchall())

    def stances(self, *, level: str, date_from: str | None = None,
                date_to: str | None = None, involving: str | None = None,
                issues: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """The stances of the period (by article date) in short: date, article_key,
        stance_id, issue, polarity, holder and toward as ``{"country"|"key": ...}`` at the
        level, url, site, source (what briefs and alerts count; evidence comes from the
        Reader). ``involving``: only those held by that party, said to affect it or about
        it (target); ``issues``: only those on these issues (both filtered in SQL)."""
        k = "country" if level == "country" else "key"
        sql, args = "", []
        if involving is not None:
            sql += f" AND (s.holder_{k}=? OR s.toward_{k}=? OR s.target_{k}=?)"
            args += [involving] * 3
        if issues is not None:
            sql += f" AND s.issue IN ({','.join('?' * len(issues))})"
            args += list(issues)
        days, day_args = "", []
        if date_from:
            days += " AND date>=?"
            day_args.append(date_from)
        if date_to:
            days += " AND date<=?"
            day_args.append(date_to)
        if days:  # the period's articles in key order: stances are then read in their order
            sql += f" AND s.article IN (SELECT n FROM articles WHERE 1{days})"
            args += day_args
        rows = self.conn.execute(
            f"SELECT a.date, a.key, s.stance_id, s.holder_{k}, s.issue, s.polarity,"
            f" s.toward_{k}, a.url, a.site, a.source, s.target_{k} FROM stances s"
            f" JOIN articles a ON a.n = s.article WHERE 1{sql}", args).fetchall()
        return [{"date": d, "article_key": ak, "stance_id": sid,
                 "holder": {k: h} if h else None, "issue": issue, "polarity": pol,
                 "toward": {k: t} if t else None, "url": url, "site": site, "source": src,
                 "target": {k: g} if g else None}
                for d, ak, sid, h, issue, pol, t, url, site, src, g in rows]

    def bounds(self, *, level: str) -> tuple[str | None, str | None]:
        """The first and last day with a dyadic event."""
        star = self._id("*")
        row = self.conn.execute("SELECT min(day), max(day) FROM dyad_days WHERE level=?"
                                " AND a=? AND b=?", (level, star, star)).fetchone()
        return (row[0], row[1]) if row else (None, None)
