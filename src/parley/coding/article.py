"""Relations between the events of one article: the act that a bare definite act noun
names again ("Chile called for elections. Venezuela rejected the call"), and the headline
that restates an event of the body."""

from __future__ import annotations

from typing import Any

from parley.coding import arguments as args
from parley.model import Entity, Event

# act nouns that name an act the article has told -> (the verb that tells it, the types of
# the act): the caller of a call, the one who offered an offer
_ACT_NOUNS: dict[str, tuple[str, frozenset[str]]] = {
    **{n: (n, frozenset({"REQUEST"})) for n in ("call", "appeal", "demand", "request", "plea")},
    **{n: (n, frozenset({"AGREE"})) for n in ("offer", "pledge", "promise")},
    "proposal": ("propose", frozenset({"AGREE", "REQUEST"})),
    "plan": ("plan", frozenset({"AGREE", "REQUEST"})),
    "initiative": ("propose", frozenset({"AGREE", "REQUEST"})),
}


def _parties(entities: tuple[Entity, ...] | list[Entity]) -> set[str]:
    """The actor ids and countries of an event's side, to tell the same party again."""
    return {e.actor_id for e in entities if e.actor_id} | {e.country for e in entities
                                                          if e.country}


def act_objects(trig: Any) -> list[Any]:
    """The nouns a verb acts on: its objects and the objects of its prepositions
    ("rejected the call", "responded to the appeal")."""
    out = [c for c in trig.children if c.dep_ == "dobj"]
    out += [g for c in trig.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return out


def named_act(trig: Any, told: list[tuple[str, Event]],
              actors: list[Entity]) -> tuple[Any, Event] | None:
    """The earlier event of the article that a bare definite act noun acted on by ``trig``
    names ("rejected the call", "accepted the offer"), with that noun: the latest told with
    the noun's own verb ("called for"), else the latest of the act's types; never one of
    the acting party's own, nor a historical or refused one."""
    own = _parties(actors)
    for noun in act_objects(trig):
        sense = _ACT_NOUNS.get(noun.lemma_.lower())
        if sense is None or not args.points_back(noun):
            continue
        verb, types = sense
        options = [(lemma, ev) for lemma, ev in told
                   if ev.event in types and ev.aux_mode not in ("historical", "negation")
                   and not own & _parties(ev.actor)]
        same = [ev for lemma, ev in options if lemma == verb]
        if same or options:
            return noun, (same or [ev for _, ev in options])[-1]
    return None


def headline_end(text: str) -> int:
    """Where the headline ends: the text's first line when a blank line follows it and it
    has no full stop at its end (a title, not a lead sentence set alone); else 0."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0 or end - start > 200 or not text[end + 1:].lstrip(" \t\r").startswith("\n"):
        return 0
    return 0 if text[start:end].rstrip().endswith(".") else end


def restated(events: list[Event], text: str) -> list[Event]:
    """The headline's events that an event of the body tells again (same type, a party of
    the same country or the same actor) are that one event, told in the body with its
    date, place and evidence: the headline's copy is left out."""
    end = headline_end(text)
    body = [e for e in events if e.trigger.start >= end]
    if not end or not body:
        return events
    return [e for e in events if e.trigger.start >= end or not any(
        b.event == e.event and _parties(b.actor) & _parties(e.actor) for b in body)]
