"""What the server keeps: answers per question and data version, ETags, one computation
per question, and a computation that outlives the request that timed out waiting for it."""

from __future__ import annotations

import asyncio
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from parley.api import CSP, Limits, Service, create_app  # noqa: E402
from parley.api.service import file_version  # noqa: E402


def _store(path: Path, n: int, seed: int = 3) -> Any:
    from parley.store import SQLiteStore
    from parley.store.base import Batch
    from support.synthetic import document

    rng = random.Random(seed)
    store = SQLiteStore(path)
    store.write_batch(Batch(documents=[document(i, rng, f"2023-06-0{1 + i % 9}")
                                       for i in range(n)]))
    return store


def test_a_kept_answer_is_never_served_after_the_store_changed(tmp_path):
    import parley.analysis as analysis
    from parley.store.base import Batch
    from support.synthetic import document

    db = tmp_path / "t.db"
    store = _store(db, 6)
    svc = Service(store.reader, analysis=analysis, version=file_version(str(db)),
                  limits=Limits(cache_s=3600))
    with TestClient(create_app(svc)) as c:
        first = c.get("/api/counts")
        assert first.json()["articles"] == 6
        tag = first.headers["etag"]
        assert first.headers["cache-control"] == "no-cache"
        again = c.get("/api/counts", headers={"If-None-Match": tag})
        assert again.status_code == 304 and again.content == b""
        repeat = c.get("/api/counts")  # answered before routing: the same bytes and headers
        assert repeat.content == first.content and repeat.headers["etag"] == tag
        for r in (again, repeat):
            assert r.headers["content-security-policy"] == CSP
            assert r.headers["x-content-type-options"] == "nosniff"
        brief = c.get("/api/brief/RUS").json()
        # the store's writer (another connection) adds articles: every question gets the
        # new answer, though the old one would be kept for an hour
        rng = random.Random(9)
        store.write_batch(Batch(documents=[document(100 + i, rng, "2023-06-20")
                                           for i in range(4)]))
        after = c.get("/api/counts", headers={"If-None-Match": tag})
        assert after.status_code == 200 and after.json()["articles"] == 10
        assert after.headers["etag"] != tag
        assert c.get("/api/brief/RUS").json() != brief
    store.close()


def test_an_answer_is_the_json_of_what_the_reader_returns(tmp_path):
    import parley.analysis as analysis
    from parley.store.base import Batch
    from support.synthetic import hostile_document

    store = _store(tmp_path / "t.db", 4)
    store.write_batch(Batch(documents=[hostile_document(0)]))
    reader = store.reader()
    svc = Service(store.reader, analysis=analysis, version=file_version(str(tmp_path / "t.db")))
    with TestClient(create_app(svc)) as c:
        for _ in range(2):  # computed, then kept
            page = c.get("/api/articles", params={"limit": 3})
            assert page.headers["content-type"] == "application/json"
            assert page.json() == {"items": reader.articles(limit=3), "limit": 3, "offset": 0,
                                   "next_offset": 3}
            for row in reader.articles(limit=10):
                assert c.get(f"/api/articles/{row['key']}").json() == reader.article(row["key"])
            assert c.get("/api/brief/RUS").json() == analysis.brief(reader, "RUS")
    store.close()


def test_one_computation_per_question_and_it_outlives_a_request_that_timed_out():
    calls: list[str] = []

    class Slow:
        def brief(self, reader: Any, actor: str, **kw: Any) -> dict[str, Any]:
            calls.append(actor)
            time.sleep(0.6)
            return {"actor": {"key": actor}, "n": len(calls)}

    svc = Service(lambda: None, analysis=Slow(), version=lambda: 1,
                  limits=Limits(timeout_s=0.3, cache_s=60))
    with TestClient(create_app(svc)) as c:
        r = c.get("/api/brief/RUS")
        assert r.status_code == 504 and "longer than 0.3 s" in r.json()["message"]
        time.sleep(0.5)  # the computation has gone on and its answer is kept
        r = c.get("/api/brief/RUS")
        assert r.status_code == 200 and r.json() == {"actor": {"key": "RUS"}, "n": 1}
    assert calls == ["RUS"]

    async def many() -> list[Any]:
        return await asyncio.gather(*(svc.answer(("q", i % 2), lambda: calls.append("x") or
                                                 len(calls)) for i in range(20)))
    answers = asyncio.run(many())
    assert calls.count("x") == 2 and len({a.body for a in answers}) == 2


def test_an_error_is_not_kept():
    state = {"fail": True}

    class Flaky:
        def dyad(self, reader: Any, a: str, b: str, **kw: Any) -> dict[str, Any]:
            if state["fail"]:
                raise ValueError("no such pair")
            return {"a": a, "b": b}

    svc = Service(lambda: None, analysis=Flaky(), version=lambda: 1, limits=Limits(cache_s=60))
    with TestClient(create_app(svc), raise_server_exceptions=False) as c:
        assert c.get("/api/dyads/RUS/UKR").status_code == 500
        state["fail"] = False
        assert c.get("/api/dyads/RUS/UKR").json() == {"a": "RUS", "b": "UKR"}


def test_serve_runs_several_worker_processes(tmp_path):
    import httpx

    from parley.cli.serve import worker_count

    assert worker_count(0, cpus=2) == 2 and worker_count(0, cpus=32) == 4
    assert worker_count(3, cpus=2) == 3
    db = tmp_path / "t.db"
    _store(db, 5).close()
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "parley.cli.main", "serve", "--db", str(db),
                             "--port", str(port), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/counts", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.3)
        assert r.status_code == 200 and r.json()["articles"] == 5
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert b"with 2 processes" in err


def test_worker_processes_share_their_answers_and_compute_a_question_once(tmp_path):
    from parley.api.shared import SharedAnswers

    calls: list[str] = []

    class Slow:
        def brief(self, reader: Any, actor: str, **kw: Any) -> dict[str, Any]:
            calls.append(actor)
            time.sleep(0.2)
            return {"actor": {"key": actor}}

    def worker() -> Service:  # what each process of `serve --workers 2` builds
        return Service(lambda: None, analysis=Slow(), version=lambda: 1,
                       shared=SharedAnswers(tmp_path), limits=Limits(cache_s=60))

    one, two = worker(), worker()

    async def ask(svc: Service, actor: str) -> bytes:
        return (await svc.answer(("brief", actor), lambda: svc.brief(actor), kind="b")).body

    async def both() -> list[bytes]:
        return await asyncio.gather(ask(one, "RUS"), ask(two, "RUS"), ask(two, "UKR"),
                                    ask(one, "UKR"))
    answers = asyncio.run(both())
    assert sorted(calls) == ["RUS", "UKR"]  # each once, whichever process asked first
    assert answers[0] == answers[1] and answers[2] == answers[3]
    assert not list(tmp_path.glob("*.claim"))  # nobody is left waiting
    three = worker()  # a process that has answered nothing reads the shared answers
    asyncio.run(ask(three, "RUS"))
    assert sorted(calls) == ["RUS", "UKR"]


def test_kept_answers_stay_within_their_memory_bound():
    svc = Service(lambda: None, version=lambda: 1, limits=Limits(cache_mb=0.01))  # 10 kB

    async def ask(i: int) -> None:
        await svc.answer(("q", i), lambda: {"text": str(i) * 2000}, url=(f"/api/q/{i}", b""))
    for i in range(6):  # 2 kB each
        asyncio.run(ask(i))
    kept = [i for i in range(6) if svc.answer_for_url(f"/api/q/{i}", b"") is not None]
    assert kept == [1, 2, 3, 4, 5]  # five fit in 10 kB; the least recently used went first
    big = svc.answer(("big",), lambda: "x" * 5000, url=("/api/big", b""))
    asyncio.run(big)
    assert svc.answer_for_url("/api/big", b"") is None  # over a quarter of the bound: not kept
