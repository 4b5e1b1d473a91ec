"""Each page in Chromium: it loads, shows what a reader needs, and every figure or span
opens onto the record and sentences behind it. Screenshots go to docs/screenshots/."""

from __future__ import annotations

from typing import Any

from support.browser import screenshot


def clean(w: Any) -> None:
    rep = w.report()
    assert rep["dialogs"] == [] and rep["csp"] == [] and rep["errors"] == [], rep
    assert rep["outside"] == [], rep


def test_front_page_lists_articles_and_search_narrows_them(open_page: Any, corpus: list[Any]) -> None:
    w = open_page()
    assert w.goto("/").status == 200
    rows = w.page.locator("table.articles tbody tr")
    assert rows.count() == 50
    assert w.page.locator("a[rel=next]").count() == 1
    screenshot(w.page, "front")
    w.page.fill("header form.search input[name=q]", "report 7")
    w.page.click("header form.search button")
    w.page.wait_for_load_state("networkidle")
    assert "/search?q=report+7" in w.page.url
    titles = w.page.locator("a.article-link").all_inner_texts()
    assert titles and all("report 7" in t for t in titles), titles
    screenshot(w.page, "search")
    clean(w)


def test_a_highlighted_span_opens_its_record_and_reason(open_page: Any, corpus: list[Any]) -> None:
    doc = corpus[5]
    w = open_page()
    assert w.goto(f"/articles/{doc.article.key}").status == 200
    panel = w.page.locator("#panel section.record:visible")
    assert panel.count() == 0
    trigger = doc.events[0].trigger.text
    w.page.locator("mark.hl-event", has_text=trigger).first.click()
    shown = w.page.locator("#rec-event-E1")
    assert shown.is_visible()
    assert doc.events[0].reason in shown.locator(".reason").inner_text()
    assert w.page.locator("mark.hl.selected").first.inner_text() == trigger
    screenshot(w.page, "article")
    # a quote span covers actor mentions: the innermost record comes first
    w.page.locator("mark.hl-quote").first.click()
    assert w.page.locator("#rec-quote-Q1").is_visible()
    clean(w)


def test_a_brief_statement_leads_to_its_evidence_sentence(open_page: Any, corpus: list[Any]) -> None:
    w = open_page()
    assert w.goto("/actors/RUS").status == 200
    link = w.page.locator("ul.implications a.evidence-link").first
    target = link.get_attribute("href")
    link.click()
    section = w.page.locator(f"section.evidence{target}")
    assert section.is_visible()
    sentence = section.locator("blockquote.sentence").first.inner_text()
    assert len(sentence) > 20
    screenshot(w.page, "brief-evidence")
    # the sentence is the stored one: open its article and find the record it stands on
    section.locator("a.evidence-article").first.click()
    w.page.wait_for_load_state("networkidle")
    assert "/articles/" in w.page.url
    assert sentence.strip() in w.page.locator("#article-text").inner_text()
    assert w.page.locator("#panel section.record:visible").count() >= 1
    clean(w)


def test_the_dyad_chart_draws_and_a_bar_opens_its_events(open_page: Any) -> None:
    w = open_page()
    w.goto("/actors/RUS")
    canvas = w.page.locator("canvas.dyad-chart").first
    w.page.wait_for_function(
        "document.querySelector('canvas.dyad-chart').hasAttribute('data-ready') || "
        "document.querySelector('canvas.dyad-chart').hasAttribute('data-error')")
    assert canvas.get_attribute("data-error") is None
    canvas.scroll_into_view_if_needed()
    w.page.evaluate("window.scrollBy(0, 250)")
    screenshot(w.page, "brief-charts")
    point = w.page.evaluate("""() => {
      const c = document.querySelector('canvas.dyad-chart').chart;
      const meta = c.getDatasetMeta(0);
      const i = meta.data.findIndex((b, k) => c.data.datasets[0].data[k] > 0);
      const r = c.canvas.getBoundingClientRect();
      const bar = meta.data[i];
      return {x: r.left + bar.x, y: r.top + (bar.y + bar.base) / 2, n: c.data.datasets[0].data[i]};
    }""")
    w.page.mouse.click(point["x"], point["y"])
    w.page.wait_for_url("**/events?**")
    w.page.wait_for_load_state("networkidle")
    items = w.page.locator("ol.event-evidence > li")
    assert items.count() == point["n"]
    assert w.page.locator("blockquote.sentence mark").count() == point["n"]
    screenshot(w.page, "events")
    clean(w)


def test_network_and_positions_pages(open_page: Any) -> None:
    w = open_page()
    assert w.goto("/network").status == 200
    w.page.wait_for_function("document.querySelector('canvas.network-chart')"
                             ".hasAttribute('data-ready') || document.querySelector("
                             "'canvas.network-chart').hasAttribute('data-error')")
    assert w.page.locator("canvas.network-chart").get_attribute("data-error") is None
    assert w.page.locator("table.edges tbody tr").count() > 0
    screenshot(w.page, "network")
    assert w.goto("/positions").status == 200
    assert w.page.locator("table.matrix tbody tr").count() > 0
    screenshot(w.page, "positions")
    cell = w.page.locator("table.matrix td.support a").filter(has_not_text="0").first
    n = int(cell.inner_text())
    cell.click()
    w.page.wait_for_load_state("networkidle")
    assert "/stances?" in w.page.url
    assert w.page.locator("ol.event-evidence > li blockquote.sentence mark").count() == n
    clean(w)
