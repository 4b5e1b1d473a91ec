"""A Document as rows, and the CONTRACT record back from rows: the same for every backend.

``document_rows(doc)`` gives ``{table: [row dict by column name]}``; the SQLite writer (and
the PostgreSQL and Parquet writers) insert them as they are. ``contract_record(rows)`` turns
the rows of one article back into the CONTRACT.md object, equal to ``to_contract(doc)``.

What is stored once only:

- Text is stored once, in ``articles.text``. A span keeps its offsets; its text column is
  NULL when it equals the article text at those offsets (always, for spans the stages make)
  and holds the text only where it differs.
- An entity (event participant, speaker, holder ...) keeps its ``text`` only where it is not
  its mention's text.
- Event participants are rows of ``event_participants`` (role ``actor`` | ``recipient``), not
  JSON: one row per entity, with the stable ``actor_key`` of its actor (``Actor.key``), or for
  an entity that has no actor, the key ``model.name_key`` gives its country, sector and name.
- Empty lists (``mode``, ``context``) are NULL; non-empty ones JSON arrays.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from parley.model import (
    Actor,
    Article,
    Document,
    Entity,
    Event,
    Place,
    Quote,
    Sentence,
    Span,
    Stance,
    name_key,
)

Row = dict[str, Any]

# column order of every table, for backends that build their INSERTs from it
ENTITY_FIELDS = ("actor_id", "key", "name", "country", "sector", "text", "start", "end",
                 "mention_text")


def _entity_columns(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}_{f}" for f in ENTITY_FIELDS)


def _span_columns(prefix: str) -> tuple[str, ...]:
    return (f"{prefix}_start", f"{prefix}_end", f"{prefix}_text")


ARTICLE_COLUMNS = ("key", "id", "title", "date", "url", "source", "author", "site", "language",
                   "date_source", "text", "sentences")
TABLES: dict[str, tuple[str, ...]] = {
    "actors": ("article_key", "actor_id", "ord", "actor_key", "name", "country", "sector", "office",
               "kb_id", "method", "reason"),
    "mentions": ("article_key", "actor_id", "ord", "start", "end", "text"),
    "events": ("article_key", "event_id", "ord", "event", "mode", "context", "aux_mode", "date",
               "date_text", "date_precision", "loc_name", "loc_country", "loc_geonameid",
               "loc_lat", "loc_lon", "quad_code", "intensity", *_span_columns("trigger"),
               *_span_columns("sentence"), *_entity_columns("reported_by"), "coder",
               "confidence", "reason"),
    "event_participants": ("article_key", "event_id", "role", "ord", "actor_id", "actor_key",
                           "name", "country", "sector", "text", "mention_start", "mention_end",
                           "mention_text", "date"),
    "quotes": ("article_key", "quote_id", "ord", "kind", *_span_columns("content"),
               *_entity_columns("speaker"), *_span_columns("speaker_span"),
               *_span_columns("cue"), *_entity_columns("via"), "addressee", "reason"),
    "stances": ("article_key", "stance_id", "ord", *_entity_columns("holder"), "issue", "polarity",
                *_entity_columns("toward"), *_span_columns("evidence"), "quote_id", "reason",
                *_entity_columns("target"), "issue_text", *_span_columns("cue")),
}
CHILD_TABLES = tuple(TABLES)
_PARTICIPANT = {"actor_id": "actor_id", "key": "actor_key", "name": "name",
                "country": "country", "sector": "sector", "text": "text",
                "start": "mention_start", "end": "mention_end", "mention_text": "mention_text"}


# ------------------------------------------------------------------------- writing

def entity_key(entity: Entity, actors: dict[str, Actor]) -> str | None:
    """The stable key of an entity: its actor's key, else the name key of its own country,
    sector and name; None for an entity with neither name nor country ("a spokesman")."""
    actor = actors.get(entity.actor_id) if entity.actor_id else None
    if actor is not None and actor.key:
        return actor.key
    if actor is not None:
        return name_key(actor.country, actor.sector, actor.name)
    if entity.name or entity.country:
        return name_key(entity.country, entity.sector, entity.name or "")
    return None


def _override(span_text: str, text: str, start: int, end: int) -> str | None:
    return None if span_text == text[start:end] else span_text


def _span(prefix: str, span: Span | None, text: str) -> Row:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end,
            f"{prefix}_text": _override(span.text, text, span.start, span.end)}


def _entity(e: Entity | None, text: str, actors: dict[str, Actor],
            names: dict[str, str]) -> Row:
    if e is None:
        return {names[f]: None for f in ENTITY_FIELDS}
    m = e.mention
    return {
        names["actor_id"]: e.actor_id, names["key"]: entity_key(e, actors),
        names["name"]: e.name, names["country"]: e.country, names["sector"]: e.sector,
        names["text"]: None if m is not None and e.text == m.text else e.text,
        names["start"]: m.start if m else None, names["end"]: m.end if m else None,
        names["mention_text"]: _override(m.text, text, m.start, m.end) if m else None,
    }


def _prefixed(prefix: str) -> dict[str, str]:
    return {f: f"{prefix}_{f}" for f in ENTITY_FIELDS}


def _list(values: tuple[str, ...]) -> str | None:
    return json.dumps(list(values), ensure_ascii=False) if values else None


def article_row(article: Article, sentences: Iterable[Sentence] = ()) -> Row:
    bounds = [[s.span.start, s.span.end] for s in sentences]
    return {
        "key": article.key, "id": article.id, "title": article.title, "date": article.date,
        "url": article.url, "source": article.source, "author": article.author,
        "site": article.site, "language": article.language,
        "date_source": article.date_source, "text": article.text,
        "sentences": json.dumps(bounds, separators=(",", ":")) if bounds else None,
    }


def document_rows(doc: Document) -> dict[str, list[Row]]:
    """The rows of one coded document: ``articles`` (one row) and every child table."""
    text = doc.article.text
    key = doc.article.key
    actors = {a.id: a for a in doc.actors}
    out: dict[str, list[Row]] = {"articles": [article_row(doc.article, doc.sentences)]}
    out["actors"] = [
        {"article_key": key, "actor_id": a.id, "ord": i,
         "actor_key": a.key or name_key(a.country, a.sector, a.name), "name": a.name,
         "country": a.country, "sector": a.sector, "office": a.office, "kb_id": a.kb_id,
         "method": a.method, "reason": a.reason}
        for i, a in enumerate(doc.actors)
    ]
    out["mentions"] = [
        {"article_key": key, "actor_id": a.id, "ord": i, "start": m.start, "end": m.end,
         "text": _override(m.text, text, m.start, m.end)}
        for a in doc.actors for i, m in enumerate(a.mentions)
    ]
    out["events"] = [_event_row(key, i, e, text, actors) for i, e in enumerate(doc.events)]
    out["event_participants"] = [
        {"article_key": key, "event_id": e.id, "role": role, "ord": i,
         **_entity(x, text, actors, _PARTICIPANT), "date": e.date}
        for e in doc.events
        for role, entities in (("actor", e.actor), ("recipient", e.recipient))
        for i, x in enumerate(entities)
    ]
    out["quotes"] = [_quote_row(key, i, q, text, actors) for i, q in enumerate(doc.quotes)]
    out["stances"] = [_stance_row(key, i, s, text, actors) for i, s in enumerate(doc.stances)]
    return out


def _event_row(key: str, ord_: int, e: Event, text: str, actors: dict[str, Actor]) -> Row:
    loc = e.event_loc
    return {
        "article_key": key, "event_id": e.id, "ord": ord_, "event": e.event, "mode": _list(e.mode),
        "context": _list(e.context), "aux_mode": e.aux_mode, "date": e.date,
        "date_text": e.date_text, "date_precision": e.date_precision,
        "loc_name": loc.name if loc else None, "loc_country": loc.country if loc else None,
        "loc_geonameid": loc.geonameid if loc else None, "loc_lat": loc.lat if loc else None,
        "loc_lon": loc.lon if loc else None, "quad_code": e.quad_code,
        "intensity": e.intensity, **_span("trigger", e.trigger, text),
        **_span("sentence", e.sentence, text),
        **_entity(e.reported_by, text, actors, _prefixed("reported_by")),
        "coder": e.coder, "confidence": e.confidence, "reason": e.reason,
    }


def _quote_row(key: str, ord_: int, q: Quote, text: str, actors: dict[str, Actor]) -> Row:
    return {
        "article_key": key, "quote_id": q.id, "ord": ord_, "kind": q.kind,
        **_span("content", q.content, text),
        **_entity(q.speaker, text, actors, _prefixed("speaker")),
        **_span("speaker_span", q.speaker_span, text), **_span("cue", q.cue, text),
        **_entity(q.via, text, actors, _prefixed("via")),
        "addressee": q.addressee, "reason": q.reason,
    }


def _stance_row(key: str, ord_: int, s: Stance, text: str, actors: dict[str, Actor]) -> Row:
    return {
        "article_key": key, "stance_id": s.id, "ord": ord_,
        **_entity(s.holder, text, actors, _prefixed("holder")),
        "issue": s.issue, "polarity": s.polarity,
        **_entity(s.toward, text, actors, _prefixed("toward")),
        **_span("evidence", s.evidence, text), "quote_id": s.quote_id, "reason": s.reason,
        **_entity(s.target, text, actors, _prefixed("target")),
        "issue_text": s.issue_text, **_span("cue", s.cue, text),
    }


# ------------------------------------------------------------------------- reading

def span_dict(row: Row, prefix: str, text: str) -> dict[str, Any] | None:
    start, end = row[f"{prefix}_start"], row[f"{prefix}_end"]
    if start is None:
        return None
    stored = row[f"{prefix}_text"]
    return {"start": start, "end": end, "text": text[start:end] if stored is None else stored}


def _entity_dict(row: Row, names: dict[str, str], text: str) -> dict[str, Any] | None:
    start = row[names["start"]]
    own = row[names["text"]]
    if start is None and own is None:
        return None
    out: dict[str, Any] = {"actor_id": row[names["actor_id"]], "text": own,
                           "name": row[names["name"]], "country": row[names["country"]],
                           "sector": row[names["sector"]]}
    if start is not None:
        end, stored = row[names["end"]], row[names["mention_text"]]
        mention = {"start": start, "end": end,
                   "text": text[start:end] if stored is None else stored}
        out["mention"] = mention
        if own is None:
            out["text"] = mention["text"]
    return out


def entity_dict(row: Row, prefix: str, text: str) -> dict[str, Any] | None:
    """The CONTRACT entity object from a row's ``{prefix}_*`` columns (``""``: a participant)."""
    return _entity_dict(row, _PARTICIPANT if prefix == "" else _prefixed(prefix), text)


def party(row: Row, prefix: str) -> dict[str, Any] | None:
    """The reader's short form of an entity: ``{"key","country","sector","name"}``."""
    names = _PARTICIPANT if prefix == "" else _prefixed(prefix)
    if row[names["start"]] is None and row[names["text"]] is None:
        return None
    return {"key": row[names["key"]], "country": row[names["country"]],
            "sector": row[names["sector"]], "name": row[names["name"]]}


def _loads(value: str | None) -> list[Any]:
    return json.loads(value) if value else []


def contract_record(rows: dict[str, list[Row]]) -> dict[str, Any]:
    """The CONTRACT.md object of one stored article from its rows (``document_rows`` shape;
    child rows in any order)."""
    (a,) = rows["articles"]
    text = a["text"]
    mentions: dict[str, list[Row]] = {}
    for m in sorted(rows.get("mentions", ()), key=lambda r: (r["actor_id"], r["ord"])):
        mentions.setdefault(m["actor_id"], []).append(m)
    parts: dict[tuple[str, str], list[Row]] = {}
    for p in sorted(rows.get("event_participants", ()), key=lambda r: r["ord"]):
        parts.setdefault((p["event_id"], p["role"]), []).append(p)
    actors = [
        {"id": r["actor_id"], "name": r["name"], "country": r["country"], "sector": r["sector"],
         "office": r["office"], "kb_id": r["kb_id"], "key": r["actor_key"],
         "mentions": [{"start": m["start"], "end": m["end"],
                       "text": text[m["start"]:m["end"]] if m["text"] is None else m["text"]}
                      for m in mentions.get(r["actor_id"], [])],
         "method": r["method"], "reason": r["reason"]}
        for r in sorted(rows.get("actors", ()), key=lambda r: r["ord"])
    ]
    events = []
    for e in sorted(rows.get("events", ()), key=lambda r: r["ord"]):
        loc = None
        if e["loc_name"] is not None:
            loc = {"name": e["loc_name"], "country": e["loc_country"],
                   "geonameid": e["loc_geonameid"], "lat": e["loc_lat"], "lon": e["loc_lon"]}
        events.append({
            "id": e["event_id"], "event": e["event"], "mode": _loads(e["mode"]),
            "context": _loads(e["context"]),
            "actor": [entity_dict(p, "", text) for p in parts.get((e["event_id"], "actor"), [])],
            "recipient": [entity_dict(p, "", text)
                          for p in parts.get((e["event_id"], "recipient"), [])],
            "aux_mode": e["aux_mode"], "date": e["date"], "date_text": e["date_text"],
            "date_precision": e["date_precision"], "event_loc": loc,
            "quad_code": e["quad_code"], "intensity": e["intensity"],
            "trigger": span_dict(e, "trigger", text), "sentence": span_dict(e, "sentence", text),
            "reported_by": entity_dict(e, "reported_by", text),
            "coder": e["coder"], "confidence": e["confidence"], "reason": e["reason"],
        })
    quotes = [
        {"id": q["quote_id"], "kind": q["kind"], "content": span_dict(q, "content", text),
         "speaker": entity_dict(q, "speaker", text),
         "speaker_span": span_dict(q, "speaker_span", text), "cue": span_dict(q, "cue", text),
         "via": entity_dict(q, "via", text), "addressee": q["addressee"], "reason": q["reason"]}
        for q in sorted(rows.get("quotes", ()), key=lambda r: r["ord"])
    ]
    stances = [
        {"id": s["stance_id"], "holder": entity_dict(s, "holder", text), "issue": s["issue"],
         "polarity": s["polarity"], "toward": entity_dict(s, "toward", text),
         "evidence": span_dict(s, "evidence", text), "quote_id": s["quote_id"],
         "reason": s["reason"], "target": entity_dict(s, "target", text),
         "issue_text": s["issue_text"], "cue": span_dict(s, "cue", text)}
        for s in sorted(rows.get("stances", ()), key=lambda r: r["ord"])
    ]
    return {
        "id": a["id"], "title": a["title"], "url": a["url"], "date": a["date"], "text": text,
        "date_source": a["date_source"], "actors": actors, "events": events, "quotes": quotes,
        "stances": stances, "rejection": None,
    }


# ------------------------------------------------------------------------- migrating

def _span_of(obj: dict[str, Any] | None) -> Span | None:
    return Span(obj["start"], obj["end"], obj["text"]) if obj else None


def _entity_of(obj: dict[str, Any] | None) -> Entity | None:
    if not obj:
        return None
    return Entity(obj.get("actor_id"), obj.get("text") or "", obj.get("name"),
                  obj.get("country"), obj.get("sector"), _span_of(obj.get("mention")))


def document_from_contract(record: dict[str, Any], article: Article) -> Document:
    """A Document from a stored CONTRACT record (used to migrate wave-1 stores, whose rows
    were kept as JSON): ``article`` carries the columns the record does not (source ...)."""
    actors = tuple(
        Actor(x["id"], x["name"], x.get("country"), x.get("sector"), x.get("office"),
              x.get("kb_id"), tuple(Span(m["start"], m["end"], m["text"])
                                    for m in x.get("mentions", [])),
              x.get("method", ""), x.get("reason", ""), x.get("key") or "")
        for x in record.get("actors", [])
    )
    events = []
    for e in record.get("events", []):
        loc = e.get("event_loc")
        events.append(Event(
            e["id"], e["event"], tuple(filter(None, map(_entity_of, e.get("actor", [])))),
            tuple(filter(None, map(_entity_of, e.get("recipient", [])))),
            Span(**e["trigger"]), Span(**e["sentence"]), tuple(e.get("mode", [])),
            tuple(e.get("context", [])), e.get("aux_mode"), e.get("date"), e.get("date_text"),
            e.get("date_precision"), Place(**loc) if loc else None, e.get("quad_code", 0),
            e.get("intensity", 0.0), _entity_of(e.get("reported_by")), e.get("coder", ""),
            e.get("confidence", 0.0), e.get("reason", "")))
    quotes = tuple(
        Quote(q["id"], q["kind"], Span(**q["content"]), _entity_of(q.get("speaker")),
              _span_of(q.get("speaker_span")), _span_of(q.get("cue")), _entity_of(q.get("via")),
              q.get("addressee"), q.get("reason", ""))
        for q in record.get("quotes", [])
    )
    stances = []
    for s in record.get("stances", []):
        holder = _entity_of(s.get("holder")) or Entity(None, "", None, None, None)
        stances.append(Stance(
            s["id"], holder, s["issue"], s["polarity"], Span(**s["evidence"]),
            _entity_of(s.get("toward")), s.get("quote_id"), s.get("reason", ""),
            _entity_of(s.get("target")), s.get("issue_text"), _span_of(s.get("cue"))))
    return Document(article=article, actors=actors, events=tuple(events), quotes=quotes,
                    stances=tuple(stances))
