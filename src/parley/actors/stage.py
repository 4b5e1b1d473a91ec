"""The actor stage: mentions -> resolved actors with coreference chains."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from parley import syntax
from parley.actors.kb import KnowledgeBase, normalise_alias
from parley.actors.mentions import Candidate, find_candidates, mention_text
from parley.actors.resolver import (
    ActorRecord,
    Resolver,
    named_as_place,
    pronoun_kind,
    subtree_indices,
)
from parley.model import Actor, Document, Mention, Span, name_key

logger = logging.getLogger(__name__)

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_COUNTERPARTS = {"counterpart", "counterparts"}
# pair nouns that name two people, never two states or sides
_PEOPLE_PAIRS = {"men", "women"}


def _window_start(doc: Any, c: Candidate) -> int:
    """Where what a pronoun or "the two leaders" points back to may stand: the start of
    the sentence before the mention's (or of its own, the first)."""
    sent_start = doc[c.start].sent.start
    return doc[sent_start - 1].sent.start if sent_start > 0 else 0


def stable_key(record: ActorRecord) -> str:
    """The actor's key across articles: its knowledge-base id where it has one (with the
    sector for a body that is not a person: ``kb:Q159:MIL``), else country + sector + normalised
    name (``name:---:REB:islamic state``), so that the same actor in two articles is one."""
    if record.kb_id:
        return f"kb:{record.kb_id}" + (f":{record.sector}" if record.kind != "person"
                                       and record.sector else "")
    return name_key(record.country, record.sector, record.name)


class ActorStage:
    name = "parley.actors.rules.v1"
    requires: tuple[str, ...] = ("parse",)
    provides: tuple[str, ...] = ("mentions", "actors")

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or KnowledgeBase.default()
        self.resolver = Resolver(self.kb)

    def pipe(self, documents: Iterable[Document]) -> Iterator[Document]:
        return (self(d) for d in documents)

    def setup(self, settings: Any = None) -> None:
        """The knowledge base is loaded in the constructor; nothing more to load."""

    def __call__(self, document: Document) -> Document:
        doc = document.parse
        date = document.article.date
        # bylines, timestamps, menus and credits name no one who acts in the news
        furniture = syntax.furniture_tokens(doc)
        cands = [c for c in find_candidates(doc, self.kb)
                 if not any(i in furniture for i in range(c.start, c.end))]
        records: dict[str, ActorRecord] = {}
        assigned: list[tuple[Candidate, list[str]]] = []
        # title modifiers of a name or nominal are part of it, not actors of their own
        absorbed = self._absorbed(doc, cands)
        by_token = {k: c for c in cands for k in range(c.start, c.end)}
        # per call, never on self: candidates inside a name's title
        in_titles = {id(by_token[k]) for c in cands if c.kind == "name"
                     for k in c.context if k in by_token and by_token[k] is not c}
        history: list[tuple[Candidate, ActorRecord]] = []
        keys_of: dict[int, list[str]] = {}
        # parties of two countries that were the subject of a clause, in text order
        pairs: list[list[str]] = []
        for c in cands:
            if id(c) in absorbed:
                continue
            keys = self._resolve(doc, c, date, records, history, in_titles, pairs)
            if not keys:
                continue
            keys_of[id(c)] = keys
            pair = self._subject_pair(doc, c, keys, by_token, keys_of, records)
            if pair:
                pairs.append(pair)
            assigned.append((c, keys))
            for k in keys:
                history.append((c, records[k]))
        assigned += self._modifier_mentions(doc, cands, absorbed, keys_of, records)
        assigned.sort(key=lambda pair: pair[0].start)
        return self._build(document, doc, records, assigned)

    def _modifier_mentions(self, doc: Any, cands: list[Candidate],
                           absorbed: dict[int, Candidate], keys_of: dict[int, list[str]],
                           records: dict[str, ActorRecord]) -> list[tuple[Candidate, list[str]]]:
        """A demonym inside a title or group is a mention of that actor ("Hungarian" in
        "Hungarian and Romanian officials"); a demonym coordinated with it names a sibling
        group with its own country ("Romanian" -> the Romanian officials)."""
        out: list[tuple[Candidate, list[str]]] = []
        for c in cands:
            owner = absorbed.get(id(c))
            if owner is None or id(owner) not in keys_of:
                continue
            keys = keys_of[id(owner)]
            if doc[c.start:c.end].root.dep_ != "conj":
                out.append((c, keys))
                continue
            entry = self.resolver.demonym(mention_text(doc, c))
            base = records[keys[0]]
            if entry is None or base.kind != "nominal":
                continue
            key = f"nominal:{entry.id}:{base.sector}:{(base.office or '').lower()}"
            if key not in records:
                name = (f"{entry.name} ({(base.office or '').lower()})" if base.plural
                        else f"{mention_text(doc, c)} {doc[owner.start:owner.end].text}")
                records[key] = replace(
                    base, key=key, country=entry.id, name=name,
                    reason=f"{mention_text(doc, c)!r} coordinated with the modifier of "
                           f"{doc[owner.start:owner.end].text!r}: {base.office} of {entry.id}")
            out.append((c, [key]))
        return out

    # ---------------------------------------------------------------------------------
    @staticmethod
    def _absorbed(doc: Any, cands: list[Candidate]) -> dict[int, Candidate]:
        """Demonyms that modify a name or a group, by id -> the candidate they modify."""
        by_token = {}
        for c in cands:
            for k in range(c.start, c.end):
                by_token[k] = c
        out: dict[int, Candidate] = {}
        for c in cands:
            if c.kind == "name":
                for k in c.context:
                    other = by_token.get(k)
                    if other is not None and other is not c and other.kind == "demonym":
                        out[id(other)] = c
        for c in cands:
            if c.kind != "demonym" or id(c) in out:
                continue
            head = c.head(doc)
            # "Hungarian and Romanian officials": the second demonym hangs on the first
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
            owner = by_token.get(head.head.i)
            if head.dep_ in ("amod", "compound") and owner is not None and owner is not c \
                    and owner.kind in ("nominal", "name") and owner.label != "GPE":
                out[id(c)] = owner
        return out

    def _resolve(self, doc: Any, c: Candidate, date: str | None,
                 records: dict[str, ActorRecord],
                 history: list[tuple[Candidate, ActorRecord]],
                 in_titles: set[int], pairs: list[list[str]]) -> list[str]:
        r = self.resolver
        rec: ActorRecord | None = None
        if c.kind == "pronoun":
            return self._pronoun(doc, c, history)
        if c.label == "PAIR":
            return self._pair(doc, c, history, pairs, records)
        if c.kind in ("name", "demonym"):
            counterpart = self._counterpart(doc, c, date, history)
            if counterpart is not None:
                records.setdefault(counterpart.key, counterpart)
                return [counterpart.key]
        if c.kind == "name":
            chained = self._chain_name(doc, c, history)
            if chained is not None:
                return [chained.key]
            rec = r.resolve_name(doc, c, date)
            if rec is not None and rec.method == "unresolved" and id(c) in in_titles:
                return []  # "Defence" in "India's Defence Minister Rajnath Singh": a title word
            if rec is not None and rec.kind == "person" and rec.method == "unresolved":
                chained = self._chain_name(doc, c, history, loose=True)
                if chained is not None:
                    return [chained.key]
        elif c.kind == "demonym":
            rec = r.resolve_demonym(doc, c, date)
        elif c.kind == "nominal":
            possessor = self._possessor(doc, c, history)
            rec = r.resolve_nominal(doc, c, date, possessor)
            if rec is not None:
                described = self._description(doc, c, rec, history)
                if described is not None:
                    return [described.key]
                if rec.country is None and not (rec.plural and rec.sector not in ("GOV", "LAB", "OPP")):
                    return []  # "the opposition", "a union": no country, no one to point to
                siblings = self._coordinated_countries(doc, c, rec, date)
                if siblings:
                    for sib in [rec, *siblings]:
                        records.setdefault(sib.key, sib)
                    return [rec.key] + [sib.key for sib in siblings]
        if rec is None:
            return []
        if rec.key not in records:
            records[rec.key] = rec
        return [rec.key]

    def _coordinated_countries(self, doc: Any, c: Candidate, rec: ActorRecord,
                               date: str | None) -> list[ActorRecord]:
        """'officials from Ethiopia and Somalia', 'troops of France and Italy': a group of
        each country that its of/from complement coordinates, one actor a country."""
        if not rec.plural or rec.country is None or rec.kind != "nominal":
            return []
        out: list[ActorRecord] = []
        for prep in c.head(doc).children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
                continue
            for pobj in (t for t in prep.children if t.dep_ == "pobj"):
                for conj in pobj.conjuncts:
                    country = self.resolver.countries_in(
                        doc, list(range(conj.left_edge.i, conj.i + 1)), date)
                    if country is None or country == rec.country \
                            or any(o.country == country for o in out):
                        continue
                    entry = self.kb.country(country)
                    out.append(replace(
                        rec, key=f"nominal:{country}:{rec.sector}:",
                        country=country, name=f"{entry.name if entry else country} "
                                               f"({(rec.office or '').lower()})",
                        reason=f"{conj.text!r} coordinated in the complement of "
                               f"{doc[c.start:c.end].text!r}: {rec.office} of {country}"))
        return out

    @staticmethod
    def _chain_name(doc: Any, c: Candidate, history: list[tuple[Candidate, ActorRecord]],
                    loose: bool = False) -> ActorRecord | None:
        """'Xi' after 'Xi Jinping', 'Kirby' after 'John Kirby': the same person."""
        if c.label not in ("PERSON", "KB") and not loose:
            return None
        words = normalise_alias(mention_text(doc, c)).split()
        if not words:
            return None
        for prev_c, rec in reversed(history):
            if rec.kind != "person":
                continue
            names = normalise_alias(rec.name).split() + normalise_alias(
                mention_text(doc, prev_c)).split()
            if len(words) < 3 and all(w in names for w in words) and prev_c.kind == "name":
                return rec
        return None

    def _counterpart(self, doc: Any, c: Candidate, date: str | None,
                     history: list[tuple[Candidate, ActorRecord]]) -> ActorRecord | None:
        """'Kenya's president met his Ugandan counterpart': the counterpart of the possessor
        in the country the demonym names (``Resolver.counterpart``). The mention grows to
        take in 'counterpart'."""
        head = c.head(doc)
        noun = head.head
        if head.dep_ not in ("compound", "amod") or noun.lower_ not in _COUNTERPARTS \
                or noun.i != c.end or c.end - c.start > 3:
            return None
        poss = next((t for t in noun.children if t.dep_ == "poss"), None)
        owner = None if poss is None else next(
            (rec for pc, rec in reversed(history) if pc.start <= poss.i < pc.end), None)
        rec = None if owner is None else self.resolver.counterpart(doc, c, owner, date)
        if rec is not None:
            c.end = noun.i + 1
        return rec

    @staticmethod
    def _possessor(doc: Any, c: Candidate, history: list[tuple[Candidate, ActorRecord]]) -> ActorRecord | None:
        head = c.head(doc)
        for child in head.children:
            if child.dep_ == "poss":
                for prev_c, rec in reversed(history):
                    if prev_c.start <= child.i < prev_c.end:
                        return rec
        for t in head.lefts:
            for prev_c, rec in reversed(history):
                if prev_c.start <= t.i < prev_c.end and rec.kind == "person":
                    return rec
        return None

    @staticmethod
    def _description(doc: Any, c: Candidate, rec: ActorRecord,
                     history: list[tuple[Candidate, ActorRecord]]) -> ActorRecord | None:
        """'the president of China' -> the person already named who holds that office; an
        apposition or a predicate nominal to a name is that name's actor ("Xi Jinping, the
        leader of communist China", "Lavrov is Russia's top diplomat")."""
        head = c.head(doc)
        anchor = head.head if head.dep_ == "appos" else next(
            (t for t in head.head.children if t.dep_ in ("nsubj", "nsubjpass")), None
        ) if head.dep_ == "attr" and head.head.lemma_ == "be" else None
        if anchor is not None and not rec.plural:
            for prev_c, prev in reversed(history):
                if prev_c.start <= anchor.i < prev_c.end and prev.kind in ("person", "org") \
                        and prev.method != "nominal":
                    return prev
        if rec.plural or not any(t.lower_ == "the" for t in head.lefts):
            return None
        office_words = set(normalise_alias(rec.office or "").split())
        for _prev_c, prev in reversed(history):
            if prev.kind != "person":
                continue
            if rec.country and prev.country and rec.country != prev.country:
                continue
            held = set(normalise_alias(prev.office or "").split())
            if office_words & held or (prev.office is None and rec.country == prev.country
                                       and rec.country is not None):
                return prev
        if rec.country is None:
            # "A Pentagon spokesman said ... The spokesman added ...": a definite title with
            # no country of its own is the one last introduced with that title
            for _prev_c, prev in reversed(history):
                if prev.kind == "nominal" and not prev.plural and prev.country \
                        and prev.office == rec.office and prev.sector is not None:
                    return prev
        return None

    @staticmethod
    def _subject_pair(doc: Any, c: Candidate, keys: list[str], by_token: dict[int, Candidate],
                      keys_of: dict[int, list[str]],
                      records: dict[str, ActorRecord]) -> list[str]:
        """The two parties of different countries that ``c`` makes the subject of a clause:
        "the two governments called for ..." (a pair resolved to two), or the second of two
        coordinated subjects ("Brazil and Chile signed ..."); else nothing."""
        head = c.head(doc)
        if c.label == "PAIR":
            return keys if len(keys) == 2 and head.dep_ in _SUBJECT_DEPS else []
        first = by_token.get(head.head.i)
        if head.dep_ != "conj" or head.head.dep_ not in _SUBJECT_DEPS or first is None \
                or id(first) not in keys_of:
            return []
        a, b = keys_of[id(first)][0], keys[0]
        ca, cb = records[a].country, records[b].country
        return [a, b] if ca and cb and ca != cb else []

    @staticmethod
    def _pair(doc: Any, c: Candidate, history: list[tuple[Candidate, ActorRecord]],
              pairs: list[list[str]], records: dict[str, ActorRecord]) -> list[str]:
        """'Kenya's president met his Ugandan counterpart, and the two leaders signed ...':
        the two parties of different countries named last, in this sentence or the one
        before. When fewer than two are there, the pair that was last the subject of a
        clause of the article ("Brazil and Chile signed a pact. ... Israel accused both
        countries"), if the one acting on them is neither; else none."""
        window_start = _window_start(doc, c)
        # the one who acts on the pair is not one of them ("Israel accused both countries")
        verb = c.head(doc)
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subjects = [ch for ch in verb.children if ch.dep_ in _SUBJECT_DEPS]
        while not subjects and verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head  # "rejected the call and accused both": the first verb's subject
            subjects = [ch for ch in verb.children if ch.dep_ in _SUBJECT_DEPS]
        own = {k for ch in subjects if ch.i < c.start for k in subtree_indices(ch, 60)}
        picked: dict[str, str] = {}  # country -> actor key, the latest first
        for pc, rec in reversed(history):
            if pc.start < window_start or len(picked) == 2:
                break
            if pc.start < c.start and pc.start not in own and rec.country \
                    and rec.country not in picked and not rec.plural \
                    and not named_as_place(pc.head(doc)) \
                    and rec.kind in ("person", "country", "nominal", "org"):
                picked[rec.country] = rec.key
        if len(picked) == 2:
            return list(reversed(picked.values()))
        acting = {rec.country for pc, rec in history if pc.start in own}
        if not pairs or acting & {records[k].country for k in pairs[-1]}:
            return []
        if c.head(doc).lower_ in _PEOPLE_PAIRS and any(records[k].kind != "person"
                                                      for k in pairs[-1]):
            return []  # "both men" are two people, not the two states that last acted
        return list(pairs[-1])

    @staticmethod
    def _pronoun(doc: Any, c: Candidate, history: list[tuple[Candidate, ActorRecord]]) -> list[str]:
        kind = pronoun_kind(c)
        tok = doc[c.start]
        sent_start = tok.sent.start
        window_start = _window_start(doc, c)
        window = [(pc, rec) for pc, rec in history if window_start <= pc.start < c.start]
        if kind == "person":
            persons = [(pc, rec) for pc, rec in window if rec.kind == "person"]
            if not persons:
                persons = [(pc, rec) for pc, rec in history if rec.kind == "person"][-1:]
            if not persons:
                return []
            # prefer the subject of the clause, then the most recent
            subjects = [(pc, rec) for pc, rec in persons
                        if pc.head(doc).dep_ in _SUBJECT_DEPS and pc.kind != "pronoun"]
            pick = (subjects or persons)[-1][1]
            return [pick.key]
        if kind == "plural":
            # "Xi ... talk with Putin ..., and then they will meet": the people just named
            same = [(pc, rec) for pc, rec in window if pc.start >= sent_start]
            people: list[str] = []
            for _pc, rec in same:
                if rec.kind == "person" and rec.key not in people:
                    people.append(rec.key)
            if len(people) >= 2:
                return people
            # otherwise a collective: the subject of the clause first ("Russia ... their forces")
            groups = [(pc, rec) for pc, rec in window if rec.kind != "person" or rec.plural]
            collective = [rec for pc, rec in groups if pc.head(doc).dep_ in _SUBJECT_DEPS]
            if collective:
                return [collective[-1].key]
            return [groups[-1][1].key] if groups else []
        if kind == "neuter":
            if tok.dep_ in ("nsubj", "expl") and tok.head.lemma_ == "be":
                return []  # "Is it good for Ukraine?", "it is clear that": no antecedent
            things = [rec for _pc, rec in window if rec.kind in ("country", "org", "nominal")
                      and not rec.plural]
            return [things[-1].key] if things else []
        return []

    # ---------------------------------------------------------------------------------
    @staticmethod
    def _build(document: Document, doc: Any, records: dict[str, ActorRecord],
               assigned: list[tuple[Candidate, list[str]]]) -> Document:
        text = document.article.text
        order: list[str] = []
        spans: dict[str, list[Span]] = {}
        mentions: list[Mention] = []
        index: list[tuple[int, int, str]] = []
        for c, keys in assigned:
            start, end = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])
            span = Span.of(text, start, end)
            mentions.append(Mention(span, c.kind, c.label, -1, c.head(doc).i))
            for k in keys:
                if k not in spans:
                    order.append(k)
                    spans[k] = []
                if span not in spans[k]:
                    spans[k].append(span)
        ids = {k: f"A{i + 1}" for i, k in enumerate(order)}
        for c, keys in assigned:
            start, end = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])
            for k in keys:
                index.append((start, end, ids[k]))
        actors = tuple(
            Actor(ids[k], records[k].name, records[k].country, records[k].sector,
                  records[k].office, records[k].kb_id, tuple(spans[k]), records[k].method,
                  records[k].reason, stable_key(records[k]))
            for k in order
        )
        return replace(document, mentions=tuple(mentions), actors=actors,
                       mention_actor=tuple(index))
