"""The brief as text, markdown or HTML (Jinja2, autoescaped), with its dyad plots."""

from __future__ import annotations

import base64
import re
import unicodedata
from pathlib import Path
from typing import Any

from parley.analysis.common import NON_STATE_CODES, plural, shift
from parley.analysis.dyad import dyad
from parley.analysis.plot import plot_dyad

SECTIONS = (
    ("direct", "(a) What others did to it and it did to others"),
    ("balance", "(b) Relations among its counterparts that bear on it"),
    ("stance", "(c) Positions on issues that involve it"),
    ("change", "(d) Changes against the recent norm"),
)


def clean(text: Any) -> str:
    """One line of printable text: whitespace squashed, control and bidi characters dropped."""
    s = " ".join(str(text).split())
    return "".join(ch for ch in s if unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs"))


def _pct(change: float | None) -> str:
    return "new" if change is None else f"{change:+.0%}"


def _behind(x: dict[str, Any]) -> str:
    parts = [plural(x["events"], "stance" if x.get("kind") == "stance" else "event")]
    if x.get("articles") is not None:
        parts.append(f"{plural(x['articles'], 'article')}")
    if x.get("sources") is not None:
        parts.append(f"{plural(x['sources'], 'source')}")
    if x.get("confidence") is not None:
        parts.append(f"confidence {x['confidence']:.2f}")
    return ", ".join(parts)


def _evidence_lines(evs: list[dict[str, Any]], indent: str = "      ") -> list[str]:
    out = []
    for ev in evs:
        about = f"[{'->'.join(ev['about'])}] " if ev.get("about") else ""
        head = about + " · ".join(clean(x) for x in (ev.get("date") or "undated", ev.get("source") or "",
                                             ev.get("article_id") or "", ev.get("url") or "")
                          if x)
        out.append(f"{indent}{head}")
        out.append(f"{indent}  “{clean(ev['sentence'])}”")
    return out


def relation_line(r: dict[str, Any]) -> str:
    types = ", ".join(f"{t} {n}" for t, n in r["by_type"].items())
    return (f"{r['a_name']} -> {r['b_name']}: {plural(r['events'], 'event')} "
            f"(previous period {r['previous_events']}, {_pct(r['change'])}), net cooperation "
            f"{r['net_cooperation']:+.1f}; {types} [{_behind(r)}]")


def stance_line(s: dict[str, Any]) -> str:
    toward = f" (affecting {s['toward_name']})" if s.get("toward") \
        and s["toward"] != s.get("about") else ""
    what = s["issue"]
    if s.get("about_name"):  # a position on an actor names the actor, then its words
        words = [w for w in s.get("issue_words") or [s["issue"]]
                 if w.casefold() != s["about_name"].casefold()]
        what = s["about_name"] + (f" ({', '.join(words)})" if words else "")
        if s["about"] in NON_STATE_CODES and words:  # "nato (IGO)", not "... bodies (IGO)"
            what = f"{', '.join(words)} ({s['about']})"
    return (f"{s['holder_name'] or 'unknown'} {s['polarity']}s {what}{toward}: "
            f"{plural(s['count'], 'stance')} in {plural(s['articles'], 'article')}")


def header(b: dict[str, Any]) -> tuple[str, str]:
    a, p = b["actor"], b["period"]
    title = (f"Brief: {a['name']} ({a['key']}), {p['from']} to {p['to']}")
    conf = f", mean coder confidence {b['confidence']:.2f}" if b.get("confidence") else ""
    sub = (f"Previous period {p['previous']['from']} to {p['previous']['to']}. Behind it: "
           f"{plural(b['events'], 'event')}, {plural(b['articles'], 'article')} from {plural(b['sources'], 'source')}{conf}.")
    return title, sub


def render_text(b: dict[str, Any]) -> str:
    title, sub = header(b)
    lines = [clean(title), clean(sub)]
    for kind, heading in SECTIONS:
        lines += ["", heading]
        if kind == "direct":
            for r in b["relations"]:
                lines.append("  " + clean(relation_line(r)))
                lines += _evidence_lines(r["evidence"])
        if kind == "stance":
            for s in b["stances"]:
                lines.append("  " + clean(stance_line(s)))
                lines += _evidence_lines(s["evidence"])
        items = [i for i in b["implications"] if i["kind"] == kind]
        if items and kind in ("direct", "stance"):
            lines.append("  What it means:")
        for i in items:
            lines.append(f"  {'+' if i['sign'] > 0 else '-' if i['sign'] < 0 else '·'} "
                         f"{clean(i['text'])} [{_behind(i)}]")
            lines += _evidence_lines(i["evidence"])
        if not items and not (kind == "direct" and b["relations"]) \
                and not (kind == "stance" and b["stances"]):
            lines.append("  (nothing in this period)")
    return "\n".join(lines)


def dyad_plots(reader: Any, b: dict[str, Any], limit: int = 3, weeks: int = 12
               ) -> list[tuple[str, str, bytes]]:
    """(counterpart key, title, PNG) for the main counterparts: weekly, over the twelve
    weeks (or the brief's two periods, if longer) up to the period's end."""
    out = []
    p = b["period"]
    start = min(p["previous"]["from"], shift(p["to"], -7 * weeks + 1))
    for c in b["counterparts"][:limit]:
        series = dyad(reader, b["actor"]["key"], c["key"], level=b["level"], by="week",
                      date_from=start, date_to=p["to"])
        title = f"{b['actor']['name']} and {c['name']}, by week"
        out.append((c["key"], title, plot_dyad(series, "png", title)))
    return out


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: Any) -> str:
    return _MD_SPECIAL.sub(r"\\\1", clean(text))


def _md_evidence(evs: list[dict[str, Any]]) -> list[str]:
    out = []
    for ev in evs:
        link = f" · <{clean(ev['url'])}>" if ev.get("url") else ""
        out.append(f"    > “{_md(ev['sentence'])}”  \n    > — {_md(ev.get('date') or 'undated')}"
                   f" · {_md(ev.get('source') or '')} · {_md(ev.get('article_id') or '')}{link}")
    return out


def render_markdown(b: dict[str, Any], plots: list[tuple[str, str, bytes]] = (),  # type: ignore[assignment]
                    out: Path | None = None) -> str:
    """Markdown; the plots go beside ``out`` as PNG files, or inline as data URIs."""
    title, sub = header(b)
    lines = [f"# {_md(title)}", "", _md(sub)]
    for key, ptitle, png in plots:
        if out is not None:
            name = f"{out.stem}_{re.sub(r'[^A-Za-z0-9_-]+', '_', key)}.png"
            (out.parent / name).write_bytes(png)
            src = name
        else:
            src = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        lines += ["", f"![{_md(ptitle)}]({src})"]
    for kind, heading in SECTIONS:
        lines += ["", f"## {heading}", ""]
        if kind == "direct":
            for r in b["relations"]:
                lines.append(f"- {_md(relation_line(r))}")
                lines += _md_evidence(r["evidence"])
        if kind == "stance":
            for s in b["stances"]:
                lines.append(f"- {_md(stance_line(s))}")
                lines += _md_evidence(s["evidence"])
        items = [i for i in b["implications"] if i["kind"] == kind]
        if items and kind in ("direct", "stance"):
            lines += ["", "What it means:", ""]
        for i in items:
            mark = "+" if i["sign"] > 0 else "−" if i["sign"] < 0 else "·"
            lines.append(f"- {mark} {_md(i['text'])} \\[{_md(_behind(i))}\\]")
            lines += _md_evidence(i["evidence"])
        if len(lines) and lines[-1] == "":
            lines.append("(nothing in this period)")
    return "\n".join(lines) + "\n"


_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.45;color:#222}
h1{font-size:1.5rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
.ev{margin:.2rem 0 .6rem 1.5rem;font-size:.92rem} .ev q{display:block;color:#333}
.meta{color:#666;font-size:.85rem} .pos{color:#2e7d32} .neg{color:#c62828} .neu{color:#555}
img{max-width:100%}
</style></head><body>
<h1>{{ title }}</h1><p>{{ sub }}</p>
{% for p in plots %}<figure><img alt="{{ p.title }}" src="data:image/png;base64,{{ p.data }}">
<figcaption class="meta">{{ p.title }}</figcaption></figure>{% endfor %}
{% macro evidence(evs) %}{% for ev in evs %}<div class="ev"><q>{{ ev.sentence }}</q>
<span class="meta">{{ ev.date or "undated" }} · {{ ev.source }} · {{ ev.article_id }}
{% if ev.url %} · <a href="{{ ev.url }}" rel="noopener noreferrer">{{ ev.url }}</a>{% endif %}</span></div>
{% endfor %}{% endmacro %}
{% for s in sections %}<h2>{{ s.heading }}</h2>
{% if s.lines %}<ul>{% for l in s.lines %}<li>{{ l.text }}{{ evidence(l.evidence) }}</li>{% endfor %}</ul>{% endif %}
{% if s.entries %}{% if s.lines %}<p>What it means:</p>{% endif %}<ul>
{% for i in s.entries %}<li class="{{ 'pos' if i.sign > 0 else 'neg' if i.sign < 0 else 'neu' }}">
{{ i.text }} <span class="meta">[{{ i.behind }}]</span>{{ evidence(i.evidence) }}</li>{% endfor %}</ul>
{% elif not s.lines %}<p class="meta">(nothing in this period)</p>{% endif %}
{% endfor %}</body></html>
"""


def _safe_url(url: Any) -> str | None:
    u = clean(url or "")
    return u if u.lower().startswith(("http://", "https://")) else None


def render_html(b: dict[str, Any], plots: list[tuple[str, str, bytes]] = ()  # type: ignore[assignment]
                ) -> str:
    """One self-contained page; every value is escaped by Jinja2's autoescape, and only
    http(s) links become links."""
    from jinja2 import Environment

    env = Environment(autoescape=True)
    title, sub = header(b)

    def evs(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{**e, "sentence": clean(e["sentence"]), "url": _safe_url(e.get("url"))}
                for e in items]

    sections = []
    for kind, heading in SECTIONS:
        lines: list[dict[str, Any]] = []
        if kind == "direct":
            lines = [{"text": relation_line(r), "evidence": evs(r["evidence"])}
                     for r in b["relations"]]
        if kind == "stance":
            lines = [{"text": stance_line(s), "evidence": evs(s["evidence"])}
                     for s in b["stances"]]
        items = [{**i, "behind": _behind(i), "evidence": evs(i["evidence"])}
                 for i in b["implications"] if i["kind"] == kind]
        sections.append({"heading": heading, "lines": lines, "entries": items})
    return env.from_string(_HTML).render(
        title=title, sub=sub, sections=sections,
        plots=[{"title": t, "data": base64.b64encode(png).decode("ascii")}
               for _, t, png in plots])
