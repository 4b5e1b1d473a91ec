"""Hostile articles in Chromium: script tags, event-handler attributes, SVG and MathML
payloads, javascript:/data: URLs, broken markup and payloads split over entities, ingested
and then shown on every page that shows them. Each page is loaded twice: as served (with
the CSP) and with the CSP switched off in the browser, so that escaping alone is tested too.
Pass: no dialog, no injected element or script, no CSP violation, the payload shown as text."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

# elements and attributes that none of our pages has, and every payload tries to add
INJECTED = """() => {
  const bad = [];
  document.querySelectorAll('script:not([src]), svg, math, iframe, img, object, embed, style, base')
    .forEach(e => bad.push(e.outerHTML.slice(0, 80)));
  document.querySelectorAll('*').forEach(e => { for (const a of e.attributes) {
    if (/^on/i.test(a.name) || /^\\s*(javascript|data|vbscript):/i.test(a.value)) bad.push(e.tagName + ' ' + a.name + '=' + a.value.slice(0, 60));
  } });
  document.querySelectorAll('a[href]').forEach(a => {
    const h = a.getAttribute('href');
    if (!/^(\\/|#|https?:\\/\\/)/i.test(h)) bad.push('a href=' + h);
  });
  document.querySelectorAll('script[src]').forEach(s => {
    if (!/^\\/static\\//.test(s.getAttribute('src'))) bad.push('script src=' + s.getAttribute('src'));
  });
  return bad;
}"""


def hostile_pages(api: Any) -> list[tuple[str, str]]:
    """(path, a payload the page must show as text) for every page showing a hostile record."""
    rows = api("/api/articles?limit=200")["items"]
    rows += api("/api/articles?limit=200&offset=200")["items"]
    hostile = [r for r in rows if str(r.get("id", "")).startswith(("h-", "hostile-"))
               or "hostile" in str(r.get("source") or "") or "page.html" in str(r.get("id"))]
    assert len(hostile) >= 10, [r.get("id") for r in rows][-30:]
    pages: list[tuple[str, str]] = []
    keys: set[str] = set()
    for r in hostile:
        rec = api(f"/api/articles/{quote(r['key'], safe='')}")
        shown = rec["title"] or rec["id"]
        pages.append((f"/articles/{quote(r['key'], safe='')}", shown.strip()))
        keys |= {a["key"] for a in rec["actors"] if a.get("key")}
    # the brief of every actor key that holds a payload, and of a few ordinary ones
    odd = sorted(k for k in keys if not k.replace(":", "").replace("-", "").isalnum())
    plain = sorted(k for k in keys if k not in odd)[:4]
    pages += [(f"/actors/{quote(k, safe='')}", "") for k in odd + plain]
    payload = "<script>alert('xss-search')</script>"
    pages += [
        ("/", ""), ("/?offset=50", ""), (f"/search?q={quote(payload)}", payload),
        ("/search?q=alert", ""), ("/search?q=script", ""), ("/search?q=onerror", ""),
        ("/events?actor=XSS", ""), ("/events?actor=RUS&recipient=CHN&both=true", ""),
        ("/stances?holder=XSS", ""), ("/stances?issue=ceasefire", ""),
        ("/actors/RUS", ""), ("/actors/XSS", ""),
        (f"/actors/{quote(payload, safe='')}", payload), ("/network", ""), ("/positions", ""),
        (f"/articles/{quote(payload, safe='')}", payload),
    ]
    return pages


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "csp-off"])
def test_hostile_articles_stay_inert_on_every_page(open_page: Any, server: str,
                                                   bypass_csp: bool) -> None:
    w = open_page(bypass_csp=bypass_csp)

    def api(path: str) -> Any:
        resp = w.page.request.get(server + path)
        assert resp.ok, (path, resp.status)
        return resp.json()

    pages = hostile_pages(api)
    problems = []
    for path, expect in pages:
        resp = w.goto(path, wait="load")
        assert resp is not None and resp.status in (200, 404), (path, resp and resp.status)
        w.page.wait_for_timeout(150)  # let onload/onerror handlers and fetches run, if any
        bad = w.page.evaluate(INJECTED)
        rep = w.report()
        if bad or rep["dialogs"] or (rep["csp"] and not bypass_csp) or rep["errors"]:
            problems.append((path, bad, rep))
        if expect and expect not in w.page.inner_text("body"):
            problems.append((path, "not shown as text", expect))
    assert problems == []
    assert w.dialogs == [] and w.outside == []
    print(f"{len(pages)} pages loaded ({'CSP off' if bypass_csp else 'with CSP'}): "
          f"{len(w.dialogs)} dialogs, 0 injected elements")


def test_the_hostile_article_page_shows_payloads_as_text(open_page: Any, server: str,
                                                         corpus: list[Any]) -> None:
    from support.browser import screenshot

    doc = next(d for d in corpus if d.article.id.startswith("hostile-"))
    w = open_page(bypass_csp=True)
    w.goto(f"/articles/{quote(doc.article.key, safe='')}")
    body = w.page.inner_text("#article-text")
    assert "<script>alert('xss-quote')</script>" in body
    assert "<img src=x onerror=alert('xss-name')>" in w.page.inner_text("body")
    assert w.page.locator("a.source-link").count() == 0  # javascript: url shown as text
    assert "javascript:alert('xss-url')" in w.page.inner_text(".bad-url")
    w.page.locator("mark.hl-event").first.click()
    reason = w.page.inner_text("#rec-event-E1 .reason")
    assert reason == "verb <img src=x onerror=alert('xss-event')> -> CONSULT"
    screenshot(w.page, "hostile-article")
    assert w.dialogs == []
