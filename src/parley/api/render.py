"""What the pages need from a record, computed in Python so templates only print text.

Nothing here returns markup: the article text becomes a list of plain-text segments, each
with the records that cover it, and the templates escape every piece (autoescape on, no
``|safe`` anywhere). URLs become links only when they are plain ``http(s)`` addresses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

KINDS = ("actor", "event", "quote", "stance")


@dataclass
class Segment:
    """A stretch of article text and the records (``kind:id``) whose spans cover it."""

    text: str
    refs: list[str] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return sorted({r.split(":", 1)[0] for r in self.refs})

    @property
    def classes(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)

    @property
    def refs_attr(self) -> str:
        return " ".join(self.refs)


def safe_url(url: Any) -> str | None:
    """The URL when it is an absolute ``http``/``https`` address with a host, else None.

    Anything with whitespace or control characters inside is refused rather than cleaned:
    browsers strip such characters, which is how ``java\\tscript:`` gets through filters.
    """
    if not isinstance(url, str):
        return None
    u = url.strip()
    if not u or len(u) > 4096 or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in u):
        return None
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return u


def path_part(value: Any) -> str:
    """One URL path segment (for links between our own pages), percent-encoded."""
    return quote(str(value), safe="")


def _spans(record: dict[str, Any]) -> list[tuple[int, int, str]]:
    """(start, end, "kind:id") for every highlighted span of a record."""
    out: list[tuple[int, int, str]] = []

    def add(span: Any, ref: str) -> None:
        if isinstance(span, dict):
            s, e = span.get("start"), span.get("end")
            if isinstance(s, int) and isinstance(e, int) and e > s:
                out.append((s, e, ref))

    for a in record.get("actors") or []:
        for m in a.get("mentions") or []:
            add(m, f"actor:{a.get('id')}")
    for e in record.get("events") or []:
        add(e.get("trigger"), f"event:{e.get('id')}")
    for q in record.get("quotes") or []:
        add(q.get("content"), f"quote:{q.get('id')}")
    for s in record.get("stances") or []:
        add(s.get("evidence"), f"stance:{s.get('id')}")
    return out


def segments(record: dict[str, Any]) -> list[Segment]:
    """Cut the article text at every span boundary; each piece lists the spans over it,
    innermost (shortest) first, so a click opens the most specific record first."""
    text = record.get("text") or ""
    n = len(text)
    spans = [(max(0, s), min(n, e), ref) for s, e, ref in _spans(record) if s < n]
    spans = [t for t in spans if t[1] > t[0]]
    cuts = sorted({0, n, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    starts: dict[int, list[tuple[int, int, str]]] = {}
    for t in spans:
        starts.setdefault(t[0], []).append(t)
    active: list[tuple[int, int, str]] = []
    out: list[Segment] = []
    for i, j in zip(cuts, cuts[1:], strict=False):
        active = [t for t in active if t[1] > i] + starts.get(i, [])
        covering = sorted(active, key=lambda t: (t[1] - t[0], t[2]))
        refs = list(dict.fromkeys(t[2] for t in covering))
        if out and out[-1].refs == refs:
            out[-1].text += text[i:j]
        else:
            out.append(Segment(text[i:j], refs))
    return out


def entity_label(entity: Any) -> str:
    """``Sergey Lavrov (RUS GOV)`` for an entity or actor dict; '' for none."""
    if not isinstance(entity, dict):
        return ""
    name = entity.get("name") or entity.get("text") or entity.get("key") or ""
    codes = " ".join(str(c) for c in (entity.get("country"), entity.get("sector")) if c)
    return f"{name} ({codes})" if codes else str(name)


def split_evidence(evidence: dict[str, Any]) -> tuple[str, str, str]:
    """An evidence sentence cut around its span: (before, span, after), all plain text."""
    sentence = str(evidence.get("sentence") or "")
    span = evidence.get("span") or {}
    target = str(span.get("text") or "")
    at = sentence.find(target) if target else -1
    if at < 0:
        return sentence, "", ""
    return sentence[:at], target, sentence[at + len(target):]
