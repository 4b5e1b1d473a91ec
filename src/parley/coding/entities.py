"""The coder's view of a document's actors: which actors a phrase of the parse names, and who
reports, states or names a clause ("X said that ...", "according to Y")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from parley import syntax
from parley.coding import arguments as args
from parley.coding.patterns import FRAME_VERBS
from parley.coding.places import resolve_place
from parley.model import Actor, Document, Entity, Span

# verbs by which an actor announces or commits to its own future act
INTENT_VERBS = FRAME_VERBS - {"fail", "try", "attempt"}


@dataclass(frozen=True, slots=True)
class Context:
    """What one call of the stage knows about its document: the text, the actors by id and
    the character offset -> actor ids index. Passed explicitly, never kept on the stage, so one
    stage object codes many documents at once (threads) without mixing them up."""

    text: str
    actors: dict[str, Actor]
    index: dict[int, list[str]]


def actor_index(document: Document) -> dict[int, list[str]]:
    """Character offset -> actor ids whose mention covers it."""
    out: dict[int, list[str]] = {}
    for s, e, aid in document.mention_actor:
        for k in range(s, e):
            out.setdefault(k, [])
            if aid not in out[k]:
                out[k].append(aid)
    return out


def mention_span(actor: Actor, offset: int) -> Span | None:
    for m in actor.mentions:
        if m.start <= offset < m.end:
            return m
    return None


# boundaries shared with another state: "the border with China" names China
_BOUNDARIES = frozenset({"border", "frontier", "boundary"})


def entities(toks: list[Any], ctx: Context) -> list[Entity]:
    """The actors the phrases headed by ``toks`` name, with their coordinated and
    appositive parts."""
    index, actors = ctx.index, ctx.actors
    out: list[Entity] = []
    seen: set[str] = set()
    for tok in toks:
        ids = index.get(tok.idx)
        if not ids:
            # "thousands of Iraqi Kurds", "members of the banned movement": the group named
            of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
            across = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                      for p in c.children if p.dep_ == "pobj"
                      ] if tok.lemma_.lower() in _BOUNDARIES else []
            if across:
                # "to its border with China": a boundary names the state on its other side
                tok = across[0]
                ids = index.get(tok.idx)
            elif of and not any(index.get(t.idx) for t in args.expand(tok)):
                tok = of[0]
                ids = index.get(tok.idx)
        parts = [tok] if ids else [t for t in args.expand(tok)]
        if ids:
            # an apposition to a name is the same actor ("Xi Jinping, the leader of
            # communist China"); to a common noun it says who ("the two leaders, Xi and
            # Putin"); coordinated parts are further actors
            named = tok.pos_ == "PROPN"
            parts = [tok] + [t for t in args.expand(tok) if (
                t.dep_ == "conj" and not (named and t.head.dep_ == "appos")
                or t.dep_ == "appos" and not named) or
                             (t.head.i == tok.i and t.dep_ in ("amod", "compound") and index.get(t.idx))]
        for t in parts:
            for aid in index.get(t.idx, ()):
                if aid in seen:
                    continue
                seen.add(aid)
                a = actors[aid]
                mention = mention_span(a, t.idx)
                country = a.country
                if country is None and (t.ent_type_ in ("GPE", "LOC") or a.method == "unresolved"
                                        and t.dep_ in ("dobj", "pobj", "nsubjpass")):
                    # a town named as a party ("pounded Kharkiv") stands for its state
                    place = resolve_place(a.name or t.text)
                    country = place.country if place is not None else None
                out.append(Entity(aid, mention.text if mention else t.text, a.name, country,
                                  a.sector, mention))
    return out


def names_someone(tok: Any, ctx: Context, guest: bool = False) -> bool:
    """Does this noun phrase name a person or a group ("a French tourist", "him")? With
    ``guest``, a thing named by its owner's nationality ("Russian wheat") does not."""
    if tok.pos_ == "PRON" or tok.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return True
    if tok.lemma_.lower() in args.HUMAN_NOUNS:
        return True
    # a pronoun saying whose it is does not make a thing someone: "received her degree",
    # "received his education" (a name does: "suspended Mahan's permit")
    parts = [t for t in args.expand(tok) if not (t.dep_ == "poss" and t.pos_ == "PRON")
             or t.i == tok.i]
    if any(ctx.index.get(t.idx) for t in parts if not guest or t.dep_ != "amod" or t.i == tok.i):
        return True
    # a guest is a person or a group: a nationality adjective names one only on a noun of
    # people ("received Iranian officials"), not on a thing ("received Russian wheat"), which
    # it names by its owner ("authorized Ukrainian grain shipments")
    if guest and args.names_agent(tok) and any(ctx.index.get(t.idx) for t in parts):
        return True
    # a measure or group noun names whom its "of" names: "dozens of protesters"
    return any(names_someone(g, ctx, guest) for c in tok.children
               if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
               if g.dep_ == "pobj")


def reporter(trig: Any, ctx: Context) -> list[Entity]:
    """Who reports the clause of ``trig``: the subject of the verb (or noun) whose
    complement it is ("X said/concluded/reminded Y that ...")."""
    for v in syntax.clause_chain(trig):
        if v.dep_ in ("ccomp", "acl") and v.head.i != v.i:
            head = v.head
            subj, _passive = syntax.subject_tokens(head if head.pos_ in ("VERB", "AUX")
                                                 else head.head)
            return entities(subj, ctx)
    return []


def stated_by_actor(trig: Any, actor_ents: list[Entity], ctx: Context) -> Any:
    """The verb of saying or intending that governs ``trig`` when its subject is the
    event's own actor ("Syria said it would ...", "Greece plans to impose ...")."""
    ids = {e.actor_id for e in actor_ents if e.actor_id}
    countries = {e.country for e in actor_ents if e.country}
    for gov in syntax.clause_chain(trig)[1:]:
        if gov.lemma_.lower() not in INTENT_VERBS:
            continue
        if trig.dep_ == "xcomp" and gov.i == trig.head.i:
            return gov  # controlled: the subject is the same by construction
        subj, _passive = syntax.subject_tokens(gov)
        for e in entities(subj, ctx):
            if (e.actor_id and e.actor_id in ids) or (e.country and e.country in countries):
                return gov
    return None


def reported_by(sent: Any, ctx: Context) -> Entity | None:
    """The source named by "according to" in the sentence, if any."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            objs = [c for c in tok.nbor().children if c.dep_ == "pobj"]
            ents = entities(objs, ctx)
            if ents:
                return ents[-1]
    return None
