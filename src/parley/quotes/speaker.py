"""Speakers: from the parse token that heads a speaker phrase to a ``parley.model.Entity``.

The speaker span is the nearest mention in the text (often a pronoun or "who"); the entity is
the actor the actor stage resolved that mention to (coreference followed). A relative pronoun
takes its antecedent's actor; a phrase the actor stage did not resolve becomes an entity with
its own text and no country or sector.
"""

from __future__ import annotations

from typing import Any

from parley.model import Document, Entity, Span
from parley.quotes.attribution import Candidate, phrase_span

_RELATIVE = frozenset({"who", "that", "which", "whom"})
FLOAT_REACH = 700  # characters back that a floating quote looks for the last speaker


def speaker_span(tok: Any) -> tuple[int, int]:
    if tok.pos_ == "PRON" or tok.tag_ in ("WP", "WDT"):
        return tok.idx, tok.idx + len(tok.text)
    return phrase_span(tok)


def _actor_entity(document: Document, start: int, end: int, text: str, mention: Span) -> Entity | None:
    actor = document.actor_at(start, end)
    if actor is None:
        return None
    return Entity(actor.id, text, actor.name, actor.country, actor.sector, mention=mention)


def entity_for(document: Document, tok: Any, span: tuple[int, int]) -> Entity:
    """The entity a speaker token stands for."""
    text = document.article.text
    mention = Span.of(text, *span)
    head = (tok.idx, tok.idx + len(tok.text))
    found = _actor_entity(document, *head, mention.text, mention)
    if found is None and tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        ante = tok.head.head
        found = _actor_entity(document, ante.idx, ante.idx + len(ante.text), mention.text, mention)
    if found is None:
        found = _actor_entity(document, *span, mention.text, mention)
    if found is None:
        found = Entity(None, mention.text, None, None, None, mention=mention)
    return found


def via_entity(document: Document, tok: Any) -> Entity:
    return entity_for(document, tok, phrase_span(tok))


def inherit_floating(cands: list[Candidate], text: str) -> None:
    """A floating quote takes the speaker of the closest attribution before it (the sentence
    before, or the paragraph before), as a reader does."""
    ordered = sorted(cands, key=lambda c: c.start)
    last: Candidate | None = None
    for cand in ordered:
        if cand.floating:
            if last is not None and cand.start - last.end <= FLOAT_REACH:
                cand.inherited_from = last
                cand.speaker = last.speaker
                cand.speaker_span = last.speaker_span
                cand.reason += f"; speaker of the quote before ({text[last.start:last.start + 30]!r}...)"
                last = cand
            continue
        if cand.speaker is not None:
            last = cand
