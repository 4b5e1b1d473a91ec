"""The HTTP layer over a fake reader: pages, JSON, pagination, errors, headers, escaping."""

from __future__ import annotations

import html
import random
import re

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from parley.api import CSP, Limits, Service, create_app  # noqa: E402
from support.synthetic import document, hostile_document  # noqa: E402
from unit.api.fakes import FakeAnalysis, FakeReader  # noqa: E402


def visible(page: str) -> str:
    """The text a reader sees: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.fixture()
def docs():
    rng = random.Random(3)
    return [document(i, rng, f"2023-06-0{1 + i % 9}") for i in range(12)] + [hostile_document(0)]


@pytest.fixture()
def client(docs):
    reader = FakeReader(docs)
    svc = Service(lambda: reader, analysis=FakeAnalysis(), limits=Limits(max_page=5))
    with TestClient(create_app(svc)) as c:
        yield c


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


def test_the_brief_page_links_each_figure_to_its_sentences(client, docs):
    r = client.get("/actors/RUS")
    assert r.status_code == 200
    assert 'href="#ev-imp-0"' in r.text and 'id="ev-imp-0"' in r.text
    assert 'href="#ev-rel-0"' in r.text
    ev = client.get("/api/brief/RUS").json()["relations"][0]["evidence"][0]
    assert ev["sentence"] in visible(r.text)


def test_unavailable_analysis_is_a_clear_501(client):
    r = client.get("/api/network")
    assert r.status_code == 501
    assert r.json()["message"] == "the network analysis is not available in this installation"


def test_a_slow_query_is_cut_off_with_504(docs):
    import time

    class Slow(FakeReader):
        def counts(self):
            time.sleep(2)
            return {}

    reader = Slow(docs)
    svc = Service(lambda: reader, limits=Limits(timeout_s=0.2))
    with TestClient(create_app(svc)) as c:
        t = time.monotonic()
        r = c.get("/api/counts")
        assert r.status_code == 504 and time.monotonic() - t < 1.5
        assert "longer than 0.2 s" in r.json()["message"]


def test_ingest_is_refused_without_a_token_and_with_a_wrong_one(docs):
    got = []
    reader = FakeReader(docs)
    svc = Service(lambda: reader, ingest=lambda recs: got.extend(recs) or {"stored": len(recs)},
                  token="s3cret")
    with TestClient(create_app(svc)) as c:
        rec = [{"id": "x", "text": "Russia met Ukraine."}]
        assert c.post("/api/ingest", json=rec).status_code == 401
        assert c.post("/api/ingest", json=rec,
                      headers={"Authorization": "Bearer wrong"}).status_code == 401
        ok = c.post("/api/ingest", json=rec, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.json() == {"stored": 1} and got == rec
    ro = Service(lambda: reader)
    with TestClient(create_app(ro)) as c:
        r = c.post("/api/ingest", json=rec, headers={"Authorization": "Bearer s3cret"})
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
