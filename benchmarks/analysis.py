"""Analysis at scale: a SQLite store with N synthetic events, then brief, dyad, network and
positions timed on it.

    python benchmarks/analysis.py [--events 1000000] [--db PATH] [--keep] [--seed 0]

The store is filled in bulk, straight into the tables (articles with their sentences,
events, event participants, actors, stances, and the dyad_days rows the writer would keep,
made by the writer's own ``rows_from_events``): several hundred actors (about 200
countries, each with a government and two people), two years of days, four events an
article on average, dyads skewed (Zipf) towards a few, a tenth of events future,
hypothetical, negated or historical, a tenth reciprocal meetings, 0.4 stances an article.

Timed (wall clock, best of 3 after one warm-up call; the CPU time too, which a machine
shared with other work does not inflate): ``brief`` of the busiest country over the last
week, ``dyad`` of the busiest dyad by week over the two years, ``network`` over the last
90 days, ``positions`` over the last 90 days. Ends with one line
``brief_ms=... dyad_ms=... network_ms=... positions_ms=...``. Targets on SQLite: brief
< 300 ms, dyad < 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from parley.analysis import brief, dyad, network, positions
from parley.ontology import ontology
from parley.store import SQLiteStore
from parley.store.dyads import REBUILD, rows_from_events
from parley.store.dyads import STORED_COLUMNS as DYAD_COLUMNS
from parley.store.migrations import insert_rows, statements
from parley.store.sqlite_layout import ARTICLE_STORED, STORED, pack

START = dt.date(2023, 1, 2)
DAYS = 730
OUTLETS = [f"outlet{i}.example" for i in range(25)]
ISSUES = ["ceasefire", "sanctions", "peace talks", "arms supplies", "nato membership",
          "humanitarian aid", "tariffs", "military intervention", "elections", "free trade"]
COOPERATIVE = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
               "REQUEST"]
CONFLICTUAL = ["ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
               "ASSAULT", "REQUEST"]
TARGET = {"brief_ms": 300.0, "dyad_ms": 100.0}


def _countries() -> list[str]:
    import pycountry

    return sorted(c.alpha_3 for c in pycountry.countries)[:200]


class World:
    """Actors, dyads with a tone each, Zipf weights."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.countries = _countries()
        rng.shuffle(self.countries)
        self.weights = [1 / (i + 1) ** 1.1 for i in range(len(self.countries))]
        pairs: dict[tuple[str, str], float] = {}
        while len(pairs) < 8000:
            a, b = rng.choices(self.countries, self.weights, k=2)
            if a != b:
                pairs[(a, b)] = rng.uniform(-1, 1)
        self.pairs = list(pairs)
        self.tone = pairs
        self.pair_weights = [1 / (i + 1) ** 0.9 for i in range(len(self.pairs))]
        self.bloc = {c: rng.choice((-1, 1)) for c in self.countries}

    def actor(self, country: str) -> dict[str, Any]:
        k = self.rng.random()
        if k < 0.6:
            return {"key": f"kb:gov:{country}", "country": country, "sector": "GOV",
                    "name": f"Government of {country}"}
        n = 0 if k < 0.85 else 1
        return {"key": f"kb:person:{country}:{n}", "country": country, "sector": "GOV",
                "name": f"Leader {n} of {country}"}


def fill(db: Path, n_events: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    world = World(rng)
    types = ontology().types
    store = SQLiteStore(db)
    conn = store.conn
    # the store's own indexes and triggers on the dyad tables (whatever its migrations made
    # them), dropped for the bulk load and made again after it
    kept = conn.execute(
        "SELECT name, type, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
        " AND sql IS NOT NULL AND (tbl_name IN ('dyad_events', 'dyad_days')"
        " OR name = 'articles_date_key')").fetchall()
    for name, kind, _ in kept:
        conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
    conn.execute("PRAGMA synchronous=OFF")
    made = art_n = 0
    cols = {t: STORED[t] for t in ("events", "event_participants", "actors", "stances")}
    art_cols = ("n", *ARTICLE_STORED)
    t0 = time.perf_counter()
    while made < n_events:
        batch: dict[str, list[tuple[Any, ...]]] = {t: [] for t in (*cols, "articles")}
        dyad_events: list[dict[str, Any]] = []
        for _ in range(5000):
            if made >= n_events:
                break
            art_n += 1
            day = (START + dt.timedelta(days=min(DAYS - 1, int(rng.triangular(0, DAYS, DAYS))))
                   ).isoformat()
            key = f"k{art_n:09d}"
            site = rng.choice(OUTLETS)
            url = f"https://{site}/{art_n}"
            k = min(n_events - made, max(1, int(rng.expovariate(1 / 4))))
            text, events, seen_actors, sents = "", [], {}, []
            for j in range(k):
                a, b = rng.choices(world.pairs, world.pair_weights)[0]
                tone = world.tone[(a, b)]
                t = rng.choice(COOPERATIVE if rng.random() < (tone + 1) / 2 else CONFLICTUAL)
                recip = t == "CONSULT" and rng.random() < 0.5
                actor, other = world.actor(a), world.actor(b)
                aux = rng.choice(("future", "hypothetical", "negation", "historical")) \
                    if rng.random() < 0.1 else None
                sent = f"{actor['name']} did {t.lower()} with {other['name']} on {day} ({j})."
                start = len(text) + (1 if text else 0)
                text = (text + " " if text else "") + sent
                sents.append([start, start + len(sent)])
                ev = {"article_key": key, "event_id": f"E{j + 1}", "event": t, "mode": [],
                      "aux_mode": aux, "date": day, "article_date": day,
                      "confidence": round(rng.uniform(0.5, 1.0), 3), "url": url, "site": site,
                      "source": "synthetic",
                      "actors": [actor, other] if recip else [actor],
                      "recipients": [] if recip else [other], "start": start,
                      "end": start + len(sent)}
                events.append(ev)
                for p in (actor, other):
                    seen_actors[p["key"]] = p
            for j, ev in enumerate(events):
                row = dict.fromkeys(cols["events"])
                row.update(article=art_n, event_id=ev["event_id"], ord=j, event=ev["event"],
                           aux_mode=ev["aux_mode"], date=day, quad_code=types[ev["event"]].quad,
                           intensity=types[ev["event"]].score, trigger_start=ev["start"],
                           trigger_end=ev["start"] + 1, sentence_start=ev["start"],
                           sentence_end=ev["end"], coder="synthetic",
                           confidence=ev["confidence"])
                batch["events"].append(tuple(row[c] for c in cols["events"]))
                for role, parts in (("actor", ev["actors"]), ("recipient", ev["recipients"])):
                    for o, p in enumerate(parts):
                        prow = dict.fromkeys(cols["event_participants"])
                        prow.update(article=art_n, event_id=ev["event_id"], role=role, ord=o,
                                    actor_key=p["key"], name=p["name"], country=p["country"],
                                    sector=p["sector"], text=p["name"], date=day)
                        batch["event_participants"].append(
                            tuple(prow[c] for c in cols["event_participants"]))
            for o, p in enumerate(seen_actors.values()):
                arow = dict.fromkeys(cols["actors"])
                arow.update(article=art_n, actor_id=f"A{o + 1}", ord=o, actor_key=p["key"],
                            name=p["name"], country=p["country"], sector=p["sector"])
                batch["actors"].append(tuple(arow[c] for c in cols["actors"]))
            if rng.random() < 0.4:
                holder = rng.choices(world.countries, world.weights)[0]
                issue = rng.choice(ISSUES)
                pol = "support" if (world.bloc[holder] > 0) == (rng.random() < 0.8) else "oppose"
                sent = f"{holder} said it would {pol} {issue}."
                start = len(text) + 1
                text += " " + sent
                sents.append([start, start + len(sent)])
                srow = dict.fromkeys(cols["stances"])
                srow.update(article=art_n, stance_id="S1", ord=0, holder_key=f"kb:gov:{holder}",
                            holder_name=holder, holder_country=holder, holder_sector="GOV",
                            holder_text=holder, issue=issue, polarity=pol,
                            evidence_start=start, evidence_end=start + len(sent))
                batch["stances"].append(tuple(srow[c] for c in cols["stances"]))
            gaps, last = [], 0
            for start, end in sents:  # the layout's sentence bounds: gap before, length
                gaps += [start - last, end - start]
                last = end
            art = dict.fromkeys(art_cols)
            art.update(n=art_n, key=key, id=f"synthetic-{art_n}", title=f"Article {art_n}",
                       date=day, url=url, source="synthetic", site=site, language="en",
                       text=text, notes=pack({"s": gaps}))
            batch["articles"].append(tuple(art[c] for c in art_cols))
            dyad_events += events
            made += k
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO articles ({','.join(art_cols)}) VALUES "
                         f"({','.join('?' * len(art_cols))})", batch["articles"])
        for t, c in cols.items():
            conn.executemany(f"INSERT INTO {t} ({','.join(chr(34) + x + chr(34) for x in c)})"
                             f" VALUES ({','.join('?' * len(c))})", batch[t])
        insert_rows(conn, "dyad_events", [{**r, "article": int(r["article_key"][1:])}
                                          for r in rows_from_events(dyad_events)],
                    DYAD_COLUMNS)  # keys are "k" + the article's row number
        conn.execute("COMMIT")
        print(f"\r  {made:,} events, {art_n:,} articles, {time.perf_counter() - t0:.0f} s",
              end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    conn.execute("BEGIN")
    for statement in statements(REBUILD):  # the aggregates the triggers would have kept
        conn.execute(statement)
    for _, _, sql in kept:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    rows = conn.execute("SELECT count(*) FROM dyad_events").fetchone()[0]
    agg = conn.execute("SELECT count(*) FROM dyad_days").fetchone()[0]
    store.close()
    top_pair = world.pairs[0]
    return {"articles": art_n, "events": made, "dyad_rows": rows, "dyad_days": agg, "fill_s": time.perf_counter() - t0,
            "top_country": world.countries[0], "top_pair": top_pair}


CPU: dict[str, float] = {}


def _time(name: str, fn: Any, repeat: int = 3) -> tuple[float, Any]:
    """Best wall-clock ms of ``repeat`` calls after a warm-up (and the best CPU ms in CPU)."""
    out = fn()  # warm-up
    best = cpu = float("inf")
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        best = min(best, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)
    CPU[name] = cpu * 1000
    return best * 1000, out


def _busiest(db: Path) -> dict[str, Any]:
    """The busiest country and dyad of a store filled before (``--reuse``)."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        x = conn.execute("SELECT a FROM dyad_days WHERE level='country' AND a<>'*' GROUP BY a"
                         " ORDER BY sum(n) DESC LIMIT 1").fetchone()[0]
        a, b = conn.execute("SELECT a, b FROM dyad_days WHERE level='country' AND a<>'*'"
                            " GROUP BY a, b ORDER BY sum(n) DESC LIMIT 1").fetchone()
        n = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    return {"top_country": x, "top_pair": (a, b), "events": n}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="store to fill (default: a temporary file)")
    parser.add_argument("--keep", action="store_true", help="keep the store afterwards")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--reuse", action="store_true",
                        help="time an existing --db filled by this script, without filling")
    args = parser.parse_args(argv)
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="parley-analysis-")
        args.db = Path(tmp.name) / "bench.db"
    if args.reuse:
        info = _busiest(args.db)
        print(f"reusing {args.db}: {info['events']:,} events")
    elif args.db.exists():
        sys.exit(f"{args.db} exists; give a new path (or --reuse)")
    else:
        info = fill(args.db, args.events, args.seed)
        size = args.db.stat().st_size / 2**20
        print(f"filled {args.db}: {info['events']:,} events in {info['articles']:,} articles,"
              f" {info['dyad_rows']:,} dyad_events rows, {info['dyad_days']:,} dyad_days rows,"
              f" {size:,.0f} MiB, {info['fill_s']:.0f} s")
    store = SQLiteStore(args.db)
    reader = store.reader()
    end = (START + dt.timedelta(days=DAYS - 1)).isoformat()
    last90 = (START + dt.timedelta(days=DAYS - 90)).isoformat()
    a, b = info["top_pair"]
    x = info["top_country"]
    brief_ms, br = _time("brief", lambda: brief(reader, x, date_to=end))
    dyad_ms, dy = _time("dyad", lambda: dyad(reader, a, b, by="week"))
    network_ms, net = _time("network", lambda: network(reader, date_from=last90, date_to=end), 1)
    positions_ms, pos = _time("positions",
                              lambda: positions(reader, date_from=last90, date_to=end), 1)
    print(f"brief {x} {br['period']['from']}..{br['period']['to']}: {br['events']:,} events, "
          f"{len(br['relations'])} relations, {len(br['implications'])} implications")
    print(f"dyad {a}-{b} weekly: {len(dy['periods'])} weeks, "
          f"{sum(p['events'] for p in dy['periods']):,} events")
    print(f"network last 90 days: {len(net['nodes'])} actors, {len(net['edges']):,} edges, "
          f"{net['balance']['triads']:,} closed triads")
    print(f"positions last 90 days: {len(pos['matrix']):,} actor-issue cells")
    store.close()
    if tmp is not None and not args.keep:
        tmp.cleanup()
    print("cpu time (the process's own, without waiting for a core): "
          + " ".join(f"{k}_cpu_ms={v:.0f}" for k, v in CPU.items()))
    print(f"brief_ms={brief_ms:.0f} dyad_ms={dyad_ms:.0f} network_ms={network_ms:.0f} "
          f"positions_ms={positions_ms:.0f}")
    missed = [k for k, v in TARGET.items() if {"brief_ms": brief_ms, "dyad_ms": dyad_ms}[k] > v]
    if missed:
        print(f"missed targets: {', '.join(missed)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
