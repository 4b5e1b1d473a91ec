"""POST /api/ingest with the token: the records go through the whole pipeline into the store
and appear in search at once; the kept analysis results are dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytestmark = [pytest.mark.model, pytest.mark.slow]


def test_ingest_through_the_api_codes_and_stores(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from parley import Parley
    from parley.api import Service, create_app

    db = str(tmp_path / "w.db")
    svc = Service.from_facade(Parley(), db, token="t0ken", writable=True)
    with TestClient(create_app(svc)) as c:
        rec = {"id": "w1", "date": "2023-06-05", "title": "Lavrov meets Wang Yi",
               "text": "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister "
                       "Wang Yi in Beijing on Monday, and the two men discussed trade and the "
                       "war in Ukraine. Officials said that more meetings would follow later "
                       "this year, according to a statement released after the talks."}
        assert c.post("/api/ingest", json=[rec]).status_code == 401
        r = c.post("/api/ingest", json=[rec], headers={"Authorization": "Bearer t0ken"})
        assert r.status_code == 200, r.text
        assert r.json()["stored"] == 1 and r.json()["events"] >= 1
        hits = c.get("/api/articles", params={"q": "Lavrov"}).json()["items"]
        assert [h["id"] for h in hits] == ["w1"]
        events = c.get("/api/events", params={"actor": "RUS"}).json()["items"]
        assert events and events[0]["event"] == "CONSULT"
        who = c.get("/api/actors", params={"name": "Wang Yi", "date": "2023-06-05"}).json()
        assert who["items"] and who["items"][0]["country"] == "CHN"
