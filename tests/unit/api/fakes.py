"""A reader over a few contract records, with the Reader's method names and filters, and an
analysis with the brief's JSON shape: enough to test the HTTP layer on its own."""

from __future__ import annotations

from typing import Any

from parley.model import to_contract


class FakeReader:
    def __init__(self, docs: list[Any]) -> None:
        self.records = {d.article.key: (d, to_contract(d)) for d in docs}
        self.closed = False

    def articles(self, q=None, date_from=None, date_to=None, source=None, actor=None,
                 limit=50, offset=0) -> list[dict[str, Any]]:
        out = []
        for key, (d, r) in sorted(self.records.items(), key=lambda kv: kv[1][1]["date"] or ""):
            if q and q.lower() not in (r["title"] + " " + r["text"]).lower():
                continue
            if source and d.article.source != source:
                continue
            if date_from and (r["date"] or "") < date_from:
                continue
            if date_to and (r["date"] or "") > date_to:
                continue
            out.append({"key": key, "id": r["id"], "title": r["title"], "date": r["date"],
                        "source": d.article.source, "url": r["url"], "events": len(r["events"])})
        return out[offset:offset + limit]

    def article(self, key: str) -> dict[str, Any] | None:
        hit = self.records.get(key)
        return hit[1] if hit else None

    def events(self, actor=None, recipient=None, level="country", type=None, quad=None,
               date_from=None, date_to=None, aux_mode=None, real_only=True, limit=None,
               offset=0) -> list[dict[str, Any]]:
        out = []
        for key, (d, r) in self.records.items():
            for e in r["events"]:
                if actor and actor not in {x["country"] for x in e["actor"]}:
                    continue
                if recipient and recipient not in {x["country"] for x in e["recipient"]}:
                    continue
                if type and e["event"] != type:
                    continue
                out.append({"article_key": key, "event_id": e["id"], "event": e["event"],
                            "date": e["date"], "aux_mode": e["aux_mode"],
                            "confidence": e["confidence"], "article_id": r["id"],
                            "source": d.article.source, "url": r["url"],
                            "actors": [{"key": None, **x} for x in e["actor"]],
                            "recipients": [{"key": None, **x} for x in e["recipient"]]})
        return out[offset:offset + limit if limit else None]

    def evidence(self, article_key: str, kind: str, record_id: str) -> dict[str, Any] | None:
        d, r = self.records[article_key]
        e = next(x for x in r["events"] if x["id"] == record_id)
        return {"article_id": r["id"], "record_id": record_id, "date": r["date"],
                "source": d.article.source, "url": r["url"], "sentence": e["sentence"]["text"],
                "span": e["trigger"]}

    def actors(self, **kw: Any) -> list[dict[str, Any]]:
        seen: dict[str, dict[str, Any]] = {}
        for _, r in self.records.values():
            for a in r["actors"]:
                if kw.get("country") and a["country"] != kw["country"]:
                    continue
                seen.setdefault(a["key"], {"key": a["key"], "name": a["name"],
                                           "country": a["country"]})
        return list(seen.values())

    def counts(self) -> dict[str, int]:
        return {"articles": len(self.records),
                "events": sum(len(r["events"]) for _, r in self.records.values())}

    def close(self) -> None:
        self.closed = True


class FakeAnalysis:
    """The brief's JSON shape (issue 12), built from the reader's first events."""

    def brief(self, reader: FakeReader, actor: str, **kw: Any) -> dict[str, Any]:
        evs = reader.events(actor=actor, limit=3)
        evidence = [{**reader.evidence(e["article_key"], "event", e["event_id"]),
                     "article_key": e["article_key"]} for e in evs]
        return {"actor": {"key": actor, "name": actor, "country": actor},
                "period": {"from": kw.get("date_from"), "to": kw.get("date_to")},
                "articles": len({e["article_key"] for e in evs}), "sources": 1,
                "relations": [{"a": actor, "b": "UKR", "events": len(evs), "net_cooperation": 4.0,
                               "by_type": {"CONSULT": len(evs)}, "change": None,
                               "evidence": evidence}],
                "stances": [],
                "implications": [{"text": f"{actor} met Ukraine", "kind": "direct", "via": [],
                                  "sign": 1, "weight": 1.0, "evidence": evidence}]}

    def dyad(self, reader: FakeReader, a: str, b: str, **kw: Any) -> dict[str, Any]:
        return {"a": a, "b": b, "by": kw.get("by"), "periods": []}
