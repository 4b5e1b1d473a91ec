"""The `text` report: what a person reads on the terminal."""

from __future__ import annotations

from typing import Any

from parley.model import Document, Entity
from parley.textsafe import safe


def _who(entities: tuple[Entity, ...]) -> str:
    if not entities:
        return "-"
    parts = []
    for e in entities:
        code = "".join(x for x in (e.country or "---", e.sector or "") if x)
        parts.append(f"{safe(e.name or e.text)} [{safe(code)}]")
    return " + ".join(parts)


def render_document(doc: Document) -> str:
    a = doc.article
    lines = [f"== {safe(a.title or a.id)}", f"   id {safe(a.id)} · date {safe(a.date or 'unknown')}"
             + (f" · {safe(a.url)}" if a.url else "")]
    lines.append(f"-- actors ({len(doc.actors)})")
    for actor in doc.actors:
        code = "/".join(x or "-" for x in (actor.country, actor.sector))
        office = f", {actor.office}" if actor.office else ""
        lines.append(f"   {actor.id:4s} {safe(actor.name)} [{safe(code + office)}] "
                     f"x{len(actor.mentions)} ({actor.method})")
    lines.append(f"-- events ({len(doc.events)})")
    by_sentence: dict[int, list[Any]] = {}
    for e in doc.events:
        by_sentence.setdefault(e.sentence.start, []).append(e)
    for start in sorted(by_sentence):
        events = by_sentence[start]
        sent = safe(" ".join(events[0].sentence.text.split()))
        lines.append(f"   « {sent[:160]}{'…' if len(sent) > 160 else ''} »")
        for e in events:
            extra = []
            if e.mode:
                extra.append("mode " + ",".join(e.mode))
            if e.aux_mode:
                extra.append(e.aux_mode)
            if e.date:
                extra.append(f"on {e.date}" + (f" ({e.date_text})" if e.date_text else ""))
            if e.event_loc:
                extra.append(f"in {e.event_loc.name}" + (f", {e.event_loc.country}"
                                                          if e.event_loc.country else ""))
            lines.append(f"     {e.event:9s} {_who(e.actor)} -> {_who(e.recipient)}"
                         f"  '{safe(e.trigger.text)}'"
                         + (f"  [{safe('; '.join(extra))}]" if extra else ""))
    if doc.quotes:
        lines.append(f"-- quotes ({len(doc.quotes)})")
        for q in doc.quotes:
            who = _who((q.speaker,)) if q.speaker else "unknown speaker"
            via = f" via {safe(q.via.name or q.via.text)}" if q.via else ""
            content = safe(" ".join(q.content.text.split()))
            lines.append(f"   {q.kind:8s} {who}{via}: “{content[:140]}{'…' if len(content) > 140 else ''}”")
    if doc.stances:
        lines.append(f"-- stances ({len(doc.stances)})")
        for s in doc.stances:
            toward = f" (toward {safe(s.toward.name or s.toward.text)})" if s.toward else ""
            lines.append(f"   {_who((s.holder,))} {s.polarity}s {safe(s.issue)}{toward}")
    return "\n".join(lines)


def render_rejection(obj: dict[str, Any]) -> str:
    rej = obj.get("rejection") or {}
    return (f"== {safe(obj.get('id'))}\n   rejected at {safe(rej.get('stage'))}: "
            f"{safe(rej.get('reason'))} {safe(rej.get('detail', ''))}")
