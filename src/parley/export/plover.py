"""PLOVER records (one JSON object a line, one line an event) from contract records.

Field names follow the PLOVER manual's JSON table (id, date, actor, recipient, event,
event_loc, event_text, quad_code, event_scale, mode, context, text_info, cite_info, coder)
and its entity and location objects; Parley's evidence fields follow under their own names.
"""

from __future__ import annotations

from typing import Any

from parley.export.crosswalk import cameo_code


def event_uid(article_key: str, event_id: str) -> str:
    """A record id unique in any Parley export: the article's content key and the event id."""
    return f"{article_key}-{event_id}"


def _entity(ent: dict[str, Any], actors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    actor = actors.get(ent.get("actor_id") or "", {})
    out: dict[str, Any] = {
        "code": ent.get("country"),
        "sector": ent.get("sector"),
        "entity_text": ent.get("text"),
        "identifier_id": actor.get("kb_id"),
        "identifier_text": ent.get("name"),
    }
    if actor.get("office"):
        out["office"] = actor["office"]
    if actor.get("key"):
        out["actor_key"] = actor["key"]
    return out


def _location(loc: dict[str, Any] | None) -> dict[str, Any] | None:
    if not loc:
        return None
    return {"resolved_place": loc.get("name"), "geonameid": loc.get("geonameid"),
            "lat": loc.get("lat"), "lon": loc.get("lon"), "country_code": loc.get("country")}


def plover_records(record: dict[str, Any], key: str, article: dict[str, Any]) -> list[dict[str, Any]]:
    """The PLOVER records of one contract ``record`` (article content ``key``; ``article``:
    the stored article row with ``source`` and ``copies``, the number of stored copies)."""
    actors = {a["id"]: a for a in record.get("actors", [])}
    out = []
    for e in record.get("events", []):
        trigger, sentence = e.get("trigger") or {}, e.get("sentence") or {}
        out.append({
            "id": event_uid(key, e["id"]),
            "date": e.get("date") or record.get("date"),
            "event": [e["event"]],
            "mode": list(e.get("mode") or []),
            "context": list(e.get("context") or []),
            "actor": [_entity(x, actors) for x in e.get("actor", [])],
            "recipient": [_entity(x, actors) for x in e.get("recipient", [])],
            "event_loc": _location(e.get("event_loc")),
            "event_text": [trigger.get("text")] if trigger.get("text") else [],
            "quad_code": e.get("quad_code"),
            "event_scale": e.get("intensity"),
            "text_info": {"start": sentence.get("start"), "end": sentence.get("end")},
            "cite_info": {"corpus": article.get("source"), "citation": record.get("id"),
                          "url": record.get("url"), "title": record.get("title")},
            "coder": e.get("coder"),
            "comment": e.get("reason"),
            # Parley's evidence and coding fields
            "cameo_code": cameo_code(e["event"], e.get("mode") or (), e.get("context") or ()),
            "aux_mode": e.get("aux_mode"),
            "date_text": e.get("date_text"),
            "date_precision": e.get("date_precision"),
            "confidence": e.get("confidence"),
            "trigger": trigger,
            "sentence": {"start": sentence.get("start"), "end": sentence.get("end"),
                         "text": _slice(record.get("text"), sentence)},
            "reported_by": e.get("reported_by"),
            "article_id": record.get("id"),
            "article_key": key,
            "article_date": record.get("date"),
            "num_articles": article.get("copies", 1),
        })
    return out


def _slice(text: str | None, span: dict[str, Any]) -> str | None:
    if text is None or span.get("start") is None or span.get("end") is None:
        return None
    return text[span["start"]:span["end"]]
