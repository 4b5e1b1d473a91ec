"""The HTTP layer over a fake reader: pages, JSON, pagination, errors, headers, escaping."""

from __future__ import annotations

import html
import re

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from parley.api import CSP, Limits, Service, create_app  # noqa: E402


def visible(page: str) -> str:
    """The text a reader sees: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_security_headers_on_pages_json_static_and_errors(client):
    for path in ("/", "/api/articles", "/static/app.js", "/api/articles/nope", "/nowhere"):
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP, path
        assert r.headers["x-content-type-options"] == "nosniff", path
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP


def test_pages_of_articles_paginate_with_a_maximum(client):
    r = client.get("/api/articles", params={"limit": 5})
    body = r.json()
    assert r.status_code == 200 and len(body["items"]) == 5 and body["next_offset"] == 5
    last = client.get("/api/articles", params={"limit": 5, "offset": 10}).json()
    assert len(last["items"]) == 3 and last["next_offset"] is None
    too_big = client.get("/api/articles", params={"limit": 6})
    assert too_big.status_code == 422
    assert too_big.json() == {"status": 422, "message": "limit: at most 5 items a page"}


def test_errors_are_json_with_status_and_message(client):
    r = client.get("/api/articles/unknown-key")
    assert r.status_code == 404 and r.json() == {"status": 404,
                                                 "message": "no article with key 'unknown-key'"}
    bad = client.get("/api/events", params={"date_from": "June 5"})
    assert bad.status_code == 422 and bad.json()["status"] == 422
    assert "date_from" in bad.json()["message"]
    assert client.get("/api/nothing").json()["status"] == 404


def test_openapi_lists_every_endpoint_and_no_cdn_docs_page(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/articles", "/api/articles/{key}", "/api/events", "/api/dyads/{a}/{b}",
              "/api/network", "/api/positions", "/api/alerts", "/api/brief/{actor}",
              "/api/actors"):
        assert p in paths, p
    assert client.get("/docs").status_code == 404


def test_search_finds_by_words_and_the_article_page_marks_its_spans(client, docs):
    r = client.get("/search", params={"q": "report 3"})
    assert r.status_code == 200 and "report 3)" in r.text
    key = docs[3].article.key
    assert f'href="/articles/{key}"' in r.text
    page = client.get(f"/articles/{key}").text
    trigger = docs[3].events[0].trigger.text
    assert re.search(rf'<mark class="hl hl-event" data-refs="event:E1"[^>]*>{trigger}</mark>', page)
    assert 'id="rec-event-E1"' in page and docs[3].events[0].reason in visible(page)


def test_hostile_text_is_escaped_and_bad_urls_are_not_links(client, docs):
    hostile = docs[-1]
    page = client.get(f"/articles/{hostile.article.key}").text
    assert "<script>" not in page.split("</head>", 1)[1].replace(
        '<script src="/static/app.js" defer></script>', "")
    assert "&lt;script&gt;alert(&#39;xss-script&#39;)&lt;/script&gt;" in page
    assert "<img" not in page and "<svg" not in page and "<math" not in page
    assert 'href="javascript:' not in page.lower()
    assert "url: javascript:alert(&#39;xss-url&#39;)" in page


def test_the_brief_page_links_each_figure_to_its_sentences(client):
    brief = client.get("/api/brief/RUS", params={"date_from": "2023-06-01",
                                                 "date_to": "2023-06-09"}).json()
    assert {"actor", "period", "articles", "sources", "relations", "stances",
            "implications"} <= set(brief)
    assert brief["relations"] and brief["implications"]
    r = client.get("/actors/RUS", params={"date_from": "2023-06-01", "date_to": "2023-06-09"})
    assert r.status_code == 200
    for i, imp in enumerate(brief["implications"]):
        assert f'href="#ev-imp-{i}"' in r.text and f'id="ev-imp-{i}"' in r.text
        assert imp["text"] in visible(r.text)
    ev = brief["relations"][0]["evidence"][0]
    assert ev["sentence"] in visible(r.text)
    assert f'href="/articles/{ev["article_key"]}#rec-event-{ev["record_id"]}"' in r.text


def test_unavailable_analysis_is_a_clear_501(make_client):
    r = make_client(analysis=object()).get("/api/network")
    assert r.status_code == 501
    assert r.json()["message"] == "the network analysis is not available in this installation"


def test_dyad_network_positions_alerts_answer_in_the_analysis_shapes(client):
    d = client.get("/api/dyads/RUS/UKR", params={"by": "week"}).json()
    assert d["a"] == "RUS" and d["b"] == "UKR" and d["periods"]
    assert sum(p["a_to_b"]["events"] + p["b_to_a"]["events"] for p in d["periods"]) > 0
    net = client.get("/api/network").json()
    assert net["edges"] and {"a", "b", "weight", "sign", "evidence"} <= set(net["edges"][0])
    pos = client.get("/api/positions").json()
    assert pos["matrix"] and {"actor", "issue", "support", "oppose"} <= set(pos["matrix"][0])
    assert isinstance(client.get("/api/alerts").json(), list)
    assert client.get("/network").status_code == 200
    assert client.get("/positions").status_code == 200


def test_events_filter_by_actor_type_and_page(client, docs):
    rows = client.get("/api/events", params={"actor": "RUS", "limit": 5}).json()
    assert rows["items"] and all("RUS" in {a["country"] for a in e["actors"]}
                                 for e in rows["items"])
    want = sum(1 for d in docs for e in d.events if e.event == "CONSULT")
    got, offset = 0, 0
    while offset is not None:
        page = client.get("/api/events", params={"type": "CONSULT", "limit": 5,
                                                 "offset": offset}).json()
        got += len(page["items"])
        offset = page["next_offset"]
    assert got == want


def test_actors_who_is_who_on_a_date(make_client):
    c = make_client(who=lambda name, date: [{"name": name, "date": date, "office": "x"}])
    r = c.get("/api/actors", params={"name": "Qin Gang", "date": "2023-03-16"}).json()
    assert r["items"] == [{"name": "Qin Gang", "date": "2023-03-16", "office": "x"}]
    stored = c.get("/api/actors", params={"country": "RUS"}).json()["items"]
    assert stored and all(a["country"] == "RUS" for a in stored)


def test_a_slow_query_is_cut_off_with_504():
    import time

    class Slow:
        def counts(self):
            time.sleep(2)
            return {}

    svc = Service(Slow, limits=Limits(timeout_s=0.2))
    with TestClient(create_app(svc)) as c:
        t = time.monotonic()
        r = c.get("/api/counts")
        assert r.status_code == 504 and time.monotonic() - t < 1.5
        assert "longer than 0.2 s" in r.json()["message"]


def test_ingest_is_refused_without_a_token_and_with_a_wrong_one(make_client):
    got = []
    c = make_client(ingest=lambda recs: got.extend(recs) or {"stored": len(recs)},
                    token="s3cret")
    rec = [{"id": "x", "text": "Russia met Ukraine."}]
    assert c.post("/api/ingest", json=rec).status_code == 401
    assert c.post("/api/ingest", json=rec,
                  headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = c.post("/api/ingest", json=rec, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json() == {"stored": 1} and got == rec
    r = make_client().post("/api/ingest", json=rec, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 403 and "read-only" in r.json()["message"]


def test_templates_mark_nothing_safe():
    from importlib import resources

    folder = resources.files("parley.api") / "templates"
    for t in folder.iterdir():
        text = t.read_text(encoding="utf-8")
        for banned in ("|safe", "| safe", "Markup", "autoescape false", "tojson", "<script>",
                       "style=", " on"):
            if banned == " on":
                assert not re.search(r"\son[a-z]+\s*=", text), t.name
            else:
                assert banned not in text, (t.name, banned)


def test_analysis_results_are_kept_for_a_while_and_computed_once_at_a_time():
    import threading
    import time

    calls = []

    class Counting:
        def brief(self, reader, actor, **kw):
            calls.append(actor)
            time.sleep(0.2)
            return {"actor": {"key": actor}}

    svc = Service(lambda: None, analysis=Counting(), limits=Limits(cache_s=60))
    threads = [threading.Thread(target=svc.brief, args=("RUS",)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == ["RUS"]  # four requests at once, one computation
    svc.brief("UKR")
    assert calls == ["RUS", "UKR"]
    svc.forget()
    svc.brief("RUS")
    assert calls == ["RUS", "UKR", "RUS"]
    fresh = Service(lambda: None, analysis=Counting(), limits=Limits(cache_s=0))
    fresh.brief("RUS")
    fresh.brief("RUS")
    assert calls[-2:] == ["RUS", "RUS"]
