"""Load test of `parley serve`: concurrent clients on 127.0.0.1 for a bounded time.

Usage:
  python benchmarks/load.py --db parley.db                 # an existing store
  python benchmarks/load.py --fill 30000 --build load.db   # synthetic store, then the test
  python benchmarks/load.py --fill 30000                   # synthetic store in a temp folder

The server is `parley serve` in its own processes (`--workers`, default: its own default),
so the clients do not share its interpreter; the clients are asyncio tasks in this process,
each sending one request after another over its own keep-alive connection (closed loop, no
think time): a mix of article, search, events, dyad and brief requests. They speak plain
HTTP/1.1 over asyncio streams rather than through httpx, whose per-request cost (about a
millisecond of CPU) would take the server's CPU on a small machine; every answer is read to
its last byte and only a 200 counts as a success. Bounded: at most --duration seconds
(<= 300) and --max-requests requests, loopback only. Prints requests/s, p50/p95/p99 latency
in ms, errors, and the same by kind; the last line is
`rps=... p50_ms=... p95_ms=... p99_ms=... errors=...`.
Target: 0 errors, p95 < 250 ms with 100 clients for 60 s on a store of about 30,000 articles.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # never anything else
WORDS = ["talks", "sanctions", "ceasefire", "minister", "aid", "accord", "Russia", "China",
         "Ukraine", "summit", "border", "negotiations", "markets", "Turkey", "Iran"]
MIX = [("article", 30), ("search", 25), ("events", 20), ("dyad", 15), ("brief", 10)]


def fill(db: Path, n: int, batch: int = 500) -> float:
    """Write ``n`` synthetic coded documents through the store's writer; seconds taken."""
    sys.path.insert(0, str(ROOT / "tests"))
    from parley.store import open_store
    from support.synthetic import documents

    store: Any = open_store(str(db))
    t = time.perf_counter()
    pending = []
    write_batch = getattr(store, "write_batch", None)
    for i, doc in enumerate(documents(n, seed=1, start="2022-01-03", days=730), 1):
        pending.append(doc)
        if len(pending) >= batch or i == n:
            if write_batch is not None:
                from parley.store.base import Batch
                write_batch(Batch(documents=pending))
            else:
                for d in pending:
                    store.put_document(d)
            pending = []
            if i % 5000 == 0 or i == n:
                print(f"  {i} documents written ({time.perf_counter() - t:.0f} s)", flush=True)
    store.close()
    return time.perf_counter() - t


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, timeout_s: float, settings: list[str],
                 workers: int | None, log: Any) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    cmd = [sys.executable, "-m", "parley.cli.main", "serve", "--db", str(db), "--host", HOST,
           "--port", str(port), "--set", f"web.timeout_s={timeout_s}"]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    for item in settings:
        cmd += ["--set", item]
    # stderr to a file, not a pipe: a pipe nobody reads would stop a server that logs much
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=log,
                            start_new_session=True)


async def wait_ready(client: Any, base: str, proc: subprocess.Popen[bytes], log: Any) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            err = log.read().decode(errors="replace")
            raise SystemExit(f"the server exited: {err.strip()[-2000:]}")
        try:
            if (await client.get(base + "/api/counts")).status_code == 200:
                return
        except Exception:
            pass
        await asyncio.sleep(0.2)
    raise SystemExit("the server did not answer within 60 s")


async def targets(client: Any, base: str) -> dict[str, list[str]]:
    """Keys, countries and dyads to ask for, read from the server itself."""
    keys: list[str] = []
    for offset in range(0, 2000, 200):
        page = (await client.get(f"{base}/api/articles", params={"limit": 200,
                                                                 "offset": offset})).json()
        keys += [r["key"] for r in page["items"]]
        if page.get("next_offset") is None:
            break
    events: list[dict[str, Any]] = []
    for offset in range(0, 1000, 200):  # the countries and pairs of the first 1,000 events
        page = (await client.get(f"{base}/api/events", params={"limit": 200,
                                                               "offset": offset})).json()
        events += page["items"]
        if page.get("next_offset") is None:
            break
    countries = sorted({a["country"] for e in events for a in e["actors"] + e["recipients"]
                        if a.get("country")}) or ["RUS"]
    dyads = sorted({f"{a['country']}/{r['country']}" for e in events for a in e["actors"]
                    for r in e["recipients"] if a.get("country") and r.get("country")})
    return {"keys": keys, "countries": countries, "dyads": dyads or ["RUS/UKR"]}


def request_for(kind: str, t: dict[str, list[str]], rng: random.Random) -> tuple[str, dict[str, Any]]:
    if kind == "article":
        return f"/api/articles/{quote(rng.choice(t['keys']), safe='')}", {}
    if kind == "search":
        return "/api/articles", {"q": rng.choice(WORDS), "limit": 20}
    if kind == "events":
        return "/api/events", {"actor": rng.choice(t["countries"]), "limit": 50}
    if kind == "dyad":
        a, b = rng.choice(t["dyads"]).split("/")
        return f"/api/dyads/{quote(a, safe='')}/{quote(b, safe='')}", {"by": "month"}
    return f"/api/brief/{quote(rng.choice(t['countries']), safe='')}", {}


class Connection:
    """One keep-alive HTTP/1.1 connection to the server: GET, read the whole answer."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {HOST}:{self.port}\r\n"
                          "Accept: application/json\r\n\r\n".encode("ascii"))
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                k, v = line.split(":", 1)
                headers[k.strip().lower()] = v.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                chunk = await self.reader.readexactly(size + 2)
                if size == 0:
                    break
                parts.append(chunk[:-2])
            body = b"".join(parts)
        else:
            body = await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, body

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def target_of(path: str, params: dict[str, Any]) -> str:
    return path + ("?" + urlencode(params) if params else "")


async def run_load(base: str, port: int, clients: int, duration: float, max_requests: int,
                   seed: int) -> dict[str, Any]:
    import httpx

    async with httpx.AsyncClient(timeout=30.0) as client:
        t = await targets(client, base)
    kinds = [k for k, w in MIX for _ in range(w)]
    lat: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    failures: dict[str, str] = {}
    first: list[float] = []  # latencies of the requests sent in the first 10 s
    sent = 0
    started = time.perf_counter()
    stop = time.monotonic() + duration

    async def one_client(i: int) -> None:
        nonlocal sent
        rng = random.Random(seed * 1000 + i)
        conn = Connection(port)
        while time.monotonic() < stop and sent < max_requests:
            sent += 1
            kind = rng.choice(kinds)
            path, params = request_for(kind, t, rng)
            t0 = time.perf_counter()
            try:
                status, body = await asyncio.wait_for(conn.get(target_of(path, params)), 30.0)
                ok = status == 200 and body[:1] == b"{"
                why = f"HTTP {status}: {body[:200]!r}"
                if ok and rng.random() < 0.05:  # one answer in twenty parsed as JSON
                    try:
                        json.loads(body)
                    except ValueError as exc:
                        ok, why = False, f"not JSON: {exc}"
            except Exception as exc:  # a refused, reset or timed-out request is an error
                conn.close()
                ok, why = False, f"{type(exc).__name__}: {exc}"
            lat[kind].append((time.perf_counter() - t0) * 1000)
            if t0 - started < 10:
                first.append(lat[kind][-1])
            if not ok:
                errors[kind] += 1
                failures.setdefault(kind, why)
        conn.close()

    t0 = time.monotonic()
    await asyncio.gather(*(one_client(i) for i in range(clients)))
    elapsed = time.monotonic() - t0
    return {"lat": lat, "errors": errors, "failures": failures, "elapsed": elapsed, "targets": t,
            "first": first}


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="an existing store to serve")
    ap.add_argument("--fill", type=int, default=0, metavar="N",
                    help="first write N synthetic articles through the store's writer")
    ap.add_argument("--build", type=Path, help="where --fill writes the store (default: temp)")
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--duration", type=float, default=60.0, help="seconds (at most 300)")
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--timeout", type=float, default=10.0, help="the server's query time limit")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, help="server processes (default: the server's own)")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="a server setting, e.g. web.cache_s=0 (no kept results)")
    args = ap.parse_args(argv)
    if not 1 <= args.clients <= 500 or not 0 < args.duration <= 300:
        ap.error("--clients must be 1..500 and --duration 0..300 s")
    tmp = None
    db = args.db
    if args.fill:
        if db is None:
            tmp = tempfile.TemporaryDirectory(prefix="parley-load-")
            db = args.build or Path(tmp.name) / "load.db"
        elif args.build:
            ap.error("give --db or --build, not both")
        print(f"writing {args.fill} synthetic articles to {db} ...", flush=True)
        secs = fill(db, args.fill)
        print(f"filled in {secs:.0f} s")
    if db is None or not db.exists():
        ap.error("give --db STORE or --fill N")
    port = free_port()
    log = tempfile.TemporaryFile()
    proc = start_server(db, port, args.timeout, args.set, args.workers, log)
    base = f"http://{HOST}:{port}"
    try:
        import httpx

        async def go() -> dict[str, Any]:
            async with httpx.AsyncClient() as c:
                await wait_ready(c, base, proc, log)
                counts = (await c.get(base + "/api/counts")).json()
            print(f"store {db}: {counts.get('articles')} articles, {counts.get('events')} events")
            return await run_load(base, port, args.clients, args.duration, args.max_requests,
                                  args.seed)

        res = asyncio.run(go())
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)  # the server and its worker processes
        log.seek(0)
        tail = log.read().decode(errors="replace").strip().splitlines()[-5:]
        if tail:
            print("server said:", *tail, sep="\n  ")
        log.close()
        if tmp is not None:
            tmp.cleanup()
    every = [x for v in res["lat"].values() for x in v]
    n_err = sum(res["errors"].values())
    rps = len(every) / res["elapsed"]
    shown = " ".join(args.set) or "default settings"
    t = res["targets"]
    print(f"{args.clients} clients, {res['elapsed']:.1f} s, {len(every)} requests ({shown}; "
          f"workers {args.workers if args.workers is not None else 'default'}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    print(f"asked about {len(t['keys'])} articles, {len(WORDS)} words, "
          f"{len(t['countries'])} countries, {len(t['dyads'])} pairs")
    print(f"{'kind':8} {'n':>7} {'rps':>7} {'p50':>8} {'p95':>8} {'p99':>8} {'errors':>7}")
    for kind, _ in MIX:
        v = res["lat"].get(kind, [])
        print(f"{kind:8} {len(v):7d} {len(v) / res['elapsed']:7.1f} {pct(v, 50):8.1f} "
              f"{pct(v, 95):8.1f} {pct(v, 99):8.1f} {res['errors'].get(kind, 0):7d}")
    f = res["first"]
    print(f"first 10 s (nothing kept yet): {len(f)} requests, p50 {pct(f, 50):.1f} "
          f"p95 {pct(f, 95):.1f} p99 {pct(f, 99):.1f} ms")
    for kind, why in res["failures"].items():
        print(f"first {kind} error: {why}")
    print(f"rps={rps:.1f} p50_ms={pct(every, 50):.1f} p95_ms={pct(every, 95):.1f} "
          f"p99_ms={pct(every, 99):.1f} errors={n_err} mean_ms={statistics.fmean(every):.1f}")
    if args.json:
        args.json.write_text(json.dumps({
            "clients": args.clients, "elapsed_s": res["elapsed"], "rps": rps, "errors": n_err,
            "p50_ms": pct(every, 50), "p95_ms": pct(every, 95), "p99_ms": pct(every, 99),
            "load_average": os.getloadavg()[0], "settings": args.set, "workers": args.workers,
            "kinds": {k: {"n": len(res["lat"].get(k, [])), "p50_ms": pct(res["lat"].get(k, []), 50),
                          "p95_ms": pct(res["lat"].get(k, []), 95),
                          "p99_ms": pct(res["lat"].get(k, []), 99),
                          "errors": res["errors"].get(k, 0)} for k, _ in MIX}}, indent=1))
    return 0 if n_err == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
