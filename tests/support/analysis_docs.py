"""Hand-made coded documents for the analysis tests, and a reader over them in memory.

``doc(...)`` builds a Document whose text is its events' and stances' sentences, one after
another, so that every record's sentence is known exactly. ``MemoryReader`` answers the
store Reader's calls (events, iter_events, stances, evidence, actors) from Documents, with
the dict shapes of PLAN.md; the same Documents written through a real store must give the
same analysis results.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from parley.model import Actor, Article, Document, Entity, Event, Span, Stance
from parley.ontology import ontology


@dataclass
class Ev:
    type: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...] = ()
    sentence: str = ""
    mode: tuple[str, ...] = ()
    aux: str | None = None
    confidence: float = 0.8
    date: str | None = None


@dataclass
class St:
    holder: str
    issue: str
    polarity: str
    toward: str | None = None
    sentence: str = ""
    target: str | None = None


@dataclass
class _Builder:
    text: str = ""
    actors: dict[str, Actor] = field(default_factory=dict)


def actor_key(code: str) -> str:
    """Actors are named by country code, or 'CODE:name' for a person of that country."""
    return f"gov:{code}" if ":" not in code else f"person:{code.split(':', 1)[1]}"


def _country(code: str) -> str:
    return code.split(":", 1)[0]


def doc(article_id: str, date: str, events: Iterable[Ev] = (), stances: Iterable[St] = (),
        url: str | None = None, source: str = "test") -> Document:
    b = _Builder()
    sentences: list[tuple[Span, Any]] = []
    for rec in [*events, *stances]:
        if isinstance(rec, Ev):
            default = f"{' and '.join(rec.actors)} did {rec.type} to {' and '.join(rec.recipients) or 'each other'} ({article_id}, {len(sentences)})."
        else:
            default = f"{rec.holder} said it {rec.polarity}s {rec.issue} ({article_id}, {len(sentences)})."
        sent = rec.sentence or default
        start = len(b.text) + (1 if b.text else 0)
        b.text = (b.text + " " if b.text else "") + sent
        sentences.append((Span(start, start + len(sent), sent), rec))

    def ent(code: str, within: Span) -> Entity:
        key = actor_key(code)
        if key not in b.actors:
            b.actors[key] = Actor(f"A{len(b.actors) + 1}", code, _country(code), "GOV", key=key)
        a = b.actors[key]
        return Entity(a.id, code, code, a.country, a.sector, Span(within.start, within.start + 1,
                                                                   b.text[within.start]))

    evs, sts = [], []
    for span, rec in sentences:
        if isinstance(rec, Ev):
            t = ontology().type(rec.type)
            m = re.search(r"did", span.text)
            trig = Span(span.start + m.start(), span.start + m.end(), "did") if m else \
                Span(span.start, span.start + 1, span.text[0])
            evs.append(Event(
                f"E{len(evs) + 1}", rec.type, tuple(ent(c, span) for c in rec.actors),
                tuple(ent(c, span) for c in rec.recipients), trig, span, mode=rec.mode,
                aux_mode=rec.aux, date=rec.date or date, quad_code=t.quad,
                intensity=t.intensity(rec.mode), coder="test", confidence=rec.confidence))
        else:
            sts.append(Stance(
                f"S{len(sts) + 1}", ent(rec.holder, span), rec.issue, rec.polarity,
                Span(span.start, span.end, span.text),
                toward=ent(rec.toward, span) if rec.toward else None,
                target=ent(rec.target, span) if rec.target else None))
    article = Article(article_id, b.text, title=article_id, date=date, url=url, source=source)
    return Document(article, actors=tuple(b.actors.values()), events=tuple(evs),
                    stances=tuple(sts))


def _party(doc: Document, e: Entity | None) -> dict[str, Any] | None:
    if e is None:
        return None
    key = next((a.key for a in doc.actors if a.id == e.actor_id), None)
    return {"key": key, "country": e.country, "sector": e.sector, "name": e.name}


class MemoryReader:
    """The Reader's calls over Documents; ``duplicates`` maps an article key to the key of
    the copy it duplicates (such an article's records are not analysed)."""

    def __init__(self, docs: Iterable[Document], duplicates: dict[str, str] | None = None):
        self.docs = {d.article.key: d for d in docs}
        self.duplicates = duplicates or {}

    def _article(self, d: Document) -> dict[str, Any]:
        a = d.article
        return {"article_key": a.key, "article_id": a.id, "source": a.source, "url": a.url,
                "article_date": a.date, "duplicate_of": self.duplicates.get(a.key)}

    def iter_events(self, real_only: bool = True, **_: Any) -> Iterator[dict[str, Any]]:
        for d in self.docs.values():
            for e in d.events:
                if real_only and e.aux_mode:
                    continue
                yield {**self._article(d), "event_id": e.id, "event": e.event,
                       "mode": list(e.mode), "quad_code": e.quad_code,
                       "intensity": e.intensity, "aux_mode": e.aux_mode, "date": e.date,
                       "date_precision": e.date_precision, "confidence": e.confidence,
                       "trigger": {"start": e.trigger.start, "end": e.trigger.end,
                                   "text": e.trigger.text},
                       "sentence": {"start": e.sentence.start, "end": e.sentence.end},
                       "actors": [_party(d, x) for x in e.actor],
                       "recipients": [_party(d, x) for x in e.recipient]}

    def events(self, **kw: Any) -> list[dict[str, Any]]:
        return list(self.iter_events(**kw))

    def stances(self, date_from: str | None = None, date_to: str | None = None,
                issue: str | None = None, holder: str | None = None,
                toward: str | None = None, **_: Any) -> list[dict[str, Any]]:
        out = []
        for d in self.docs.values():
            day = d.article.date or ""
            if (date_from and day < date_from) or (date_to and day > date_to):
                continue
            for s in d.stances:
                if issue and s.issue != issue:
                    continue
                if holder and holder not in (s.holder.country, actor_key(s.holder.text)):
                    continue
                if toward and (s.toward is None
                               or toward not in (s.toward.country, actor_key(s.toward.text))):
                    continue
                out.append({**self._article(d), "stance_id": s.id, "date": d.article.date,
                            "holder": _party(d, s.holder), "issue": s.issue,
                            "polarity": s.polarity, "toward": _party(d, s.toward),
                            "target": _party(d, s.target),
                            "evidence": {"start": s.evidence.start, "end": s.evidence.end,
                                         "text": s.evidence.text}})
        return out

    def evidence(self, article_key: str, kind: str, record_id: str) -> dict[str, Any] | None:
        d = self.docs[article_key]
        a = d.article
        if kind == "event":
            e = next(x for x in d.events if x.id == record_id)
            sent, span = e.sentence, e.trigger
        else:
            s = next(x for x in d.stances if x.id == record_id)
            sent = span = s.evidence
        return {"article_id": a.id, "record_id": record_id, "date": a.date, "source": a.source,
                "url": a.url, "sentence": a.text[sent.start:sent.end],
                "span": {"start": span.start, "end": span.end, "text": span.text}}

    def actors(self, key: str | None = None, country: str | None = None, **_: Any
               ) -> list[dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for d in self.docs.values():
            for a in d.actors:
                if (key is None or a.key == key) and (country is None or a.country == country):
                    out[a.key] = {"key": a.key, "name": a.name, "country": a.country,
                                  "sector": a.sector, "office": a.office}
        return list(out.values())


def sentences_of(docs: Iterable[Document]) -> set[str]:
    """Every event and stance sentence of the documents, exactly."""
    out = set()
    for d in docs:
        for e in d.events:
            out.add(d.article.text[e.sentence.start:e.sentence.end])
        for s in d.stances:
            out.add(d.article.text[s.evidence.start:s.evidence.end])
    return out


def ukraine_docs() -> list[Document]:
    """"China and Russia are meeting this week, but is it good for Ukraine?": a week of
    Russian assaults, a Chinese-Russian meeting, US aid and sanctions, and stances."""
    prev = doc("prev", "2024-02-28", [Ev("ASSAULT", ("RUS",), ("UKR",))], url="https://a.com/0")
    return [
        prev,
        doc("w1", "2024-03-04", [Ev("ASSAULT", ("RUS",), ("UKR",),
                                    sentence="Russian forces shelled Kharkiv <script>x</script>."),
                                 Ev("ASSAULT", ("RUS",), ("UKR",)),
                                 Ev("ACCUSE", ("UKR",), ("RUS",)),
                                 Ev("CONSULT", ("CHN", "RUS"))],
            stances=[St("UKR", "sanctions", "support")], url="https://a.com/1"),
        doc("w2", "2024-03-05", [Ev("ASSAULT", ("RUS",), ("UKR",)),
                                 Ev("CONSULT", ("CHN", "RUS"),
                                    sentence="Xi Jinping met Vladimir Putin in Moscow."),
                                 Ev("REQUEST", ("CHN",), ("UKR",)),
                                 Ev("AID", ("USA",), ("UKR",)),
                                 Ev("SANCTION", ("USA",), ("RUS",))],
            stances=[St("GBR", "sanctions", "support"), St("HUN", "sanctions", "oppose"),
                     St("DEU", "arms supplies", "support", toward="UKR")],
            url="https://b.org/2"),
        doc("w3", "2024-03-06", [Ev("AID", ("USA",), ("UKR",)),
                                 Ev("SANCTION", ("USA",), ("RUS",))],
            stances=[St("DEU", "arms supplies", "support", toward="UKR"),
                     St("UKR", "sanctions", "support")], url="https://c.net/3"),
    ]
