"""Speakers: from the parse token that heads a speaker phrase to a ``parley.model.Entity``.

The speaker span is the nearest mention in the text (often a pronoun or "who"); the entity is
the actor the actor stage resolved that mention to (coreference followed). A relative pronoun
takes its antecedent's actor; a phrase the actor stage did not resolve becomes an entity with
its own text and no country or sector.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from parley.model import Actor, Document, Entity, Span
from parley.quotes.attribution import Candidate, phrase_span
from parley.quotes.lexicon import reporting_words
from parley.syntax import INHERIT_DEPS, RELATIVE_HEADS, relative_antecedent, subject_of

FLOAT_REACH = 700  # characters back that a floating quote looks for the last speaker
CONTINUE_GAP = 120  # at most this much (the cue) between a quote and its continuation


# verbs whose subject issues a message ("issued a statement saying ...", "released a video
# claiming ...", "posted a tweet suggesting ...")
_ISSUING = frozenset({"issue", "release", "send", "post", "publish", "put", "tweet", "deliver",
                      "make", "file", "write", "pen", "air", "run", "circulate", "distribute"})


def message_issuer(verb: Any, found: Any) -> Any:
    """The speaker of a message's reporting verb is the message's issuer: "The governor
    issued a statement saying that ..." (a participle on the message), "The campaign released
    an ad that urges voters to ..." (a relative clause on it): the subject of the verb of
    issuing, not the statement or the relative pronoun. "911 calls saying ..." (no verb of
    issuing) keeps the calls."""
    if found is None:
        return None
    message = None
    if verb.dep_ == "acl" and found.i == verb.head.i:
        message = found
    elif verb.dep_ == "relcl" and found.lower_ in RELATIVE_HEADS and found.head.i == verb.i:
        message = verb.head
    if message is not None and message.dep_ == "dobj" and message.head.lemma_.lower() in _ISSUING:
        return subject_of(message.head) or found
    return found


def reporter_of(verb: Any, quoted: tuple[int, int]) -> Any:
    """The speaker of a cue verb next to a direct quote. A participle of saying that the
    parser hangs on a reported clause ("told the paper that the mayor had a plan, adding,
    '...'") speaks with the verb that reports the clause, not with the clause's subject; a
    subject inside the quoted words ``quoted`` (a start and end offset) is never the
    speaker ("Adding, 'What they do is never that bad'"): no speaker rather than that one."""
    words = reporting_words()
    head = verb.head
    found = None
    if verb.tag_ == "VBG" and verb.dep_ in INHERIT_DEPS and head.dep_ == "ccomp" \
            and head.head.lemma_.lower() in words.speech | words.belief:
        found = subject_of(head.head)
    if found is None:
        found = subject_of(verb)
    if found is not None and quoted[0] <= found.idx < quoted[1]:
        return None
    return found


def speaker_span(tok: Any) -> tuple[int, int]:
    if tok.pos_ == "PRON" or tok.tag_ in ("WP", "WDT"):
        return tok.idx, tok.idx + len(tok.text)
    return phrase_span(tok)


def actor_entity(actor: Actor, text: str, mention: Span | None) -> Entity:
    """The entity of ``actor`` as named by ``text`` at ``mention``."""
    return Entity(actor.id, text, actor.name, actor.country, actor.sector, mention=mention)


def _actor_entity(document: Document, start: int, end: int, text: str, mention: Span) -> Entity | None:
    actor = document.actor_at(start, end)
    return actor_entity(actor, text, mention) if actor is not None else None


# people named by whom they stand with or against: "Trump's critics", "the senator's
# defenders" are other people than the one named, who is no speaker or holder of theirs
_OTHERS_OF = frozenset({"critic", "defender", "supporter", "opponent", "rival", "ally",
                        "detractor", "foe", "enemy", "fan", "backer", "skeptic", "sceptic",
                        "adversary", "challenger", "loyalist"})


def _others_of(tok: Any) -> bool:
    """A noun of ``_OTHERS_OF``, or a part of some ("one of his rivals", "some of her
    critics")."""
    if tok.pos_ in ("NUM", "PRON", "DET", "ADJ"):
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        tok = next((c for c in of.children if c.dep_ == "pobj"), tok) if of is not None else tok
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _OTHERS_OF


def entity_for(document: Document, tok: Any, span: tuple[int, int]) -> Entity:
    """The entity a speaker token stands for."""
    text = document.article.text
    mention = Span.of(text, *span)
    head = (tok.idx, tok.idx + len(tok.text))
    found = _actor_entity(document, *head, mention.text, mention)
    if found is None and _others_of(tok):
        # "Trump's defenders will say ...", "one of his rivals said": not Trump; "his ally,
        # Lukashenko, said": the one named beside the noun
        named = [_actor_entity(document, a.idx, a.idx + len(a.text), mention.text, mention)
                 for a in tok.children if a.dep_ == "appos"]
        return next((e for e in named if e is not None),
                    Entity(None, mention.text, None, None, None, mention=mention))
    ante = relative_antecedent(tok) if found is None else None
    if ante is not None:
        found = _actor_entity(document, ante.idx, ante.idx + len(ante.text), mention.text, mention)
    if found is None:
        # "research by Branko Milanovic, a former World Bank economist": the words that
        # describe someone inside the phrase name where they worked, not who speaks
        nested = [t for t in tok.subtree if t.dep_ in ("appos", "relcl") and t.head.i != tok.i
                  and span[0] <= t.idx < span[1]]
        end = min([t.left_edge.idx for t in nested], default=span[1])
        found = _actor_entity(document, span[0], end, mention.text, mention)
    if found is None:
        found = Entity(None, mention.text, None, None, None, mention=mention)
    return found


def via_entity(document: Document, tok: Any) -> Entity:
    return entity_for(document, tok, phrase_span(tok))


def inherit_floating(cands: list[Candidate], text: str) -> list[Candidate]:
    """A floating quote takes the speaker of the closest attribution before it (the sentence
    before, or the paragraph before), as a reader does. A quote paragraph with no cue right
    after a direct quote's paragraph continues that quotation (the cue is given once) and is
    merged into it."""
    ordered = sorted(cands, key=lambda c: c.start)
    out: list[Candidate] = []
    last: Candidate | None = None
    for cand in ordered:
        if cand.floating:
            if last is not None and cand.start - last.end <= FLOAT_REACH:
                gap = text[last.end:cand.start]
                if (last.kind == "direct" and last.source == "direct" and "\n" in gap
                        and len(gap) <= CONTINUE_GAP and gap.count("\n\n") <= 1):
                    last.end = cand.end
                    last.reason += "; continued in the next paragraph"
                    continue
                cand.inherited_from = last
                cand.speaker = last.speaker
                cand.speaker_span = last.speaker_span
                cand.reason += f"; speaker of the quote before ({text[last.start:last.start + 30]!r}...)"
                last = cand
            out.append(cand)
            continue
        if cand.speaker is not None:
            last = cand
        out.append(cand)
    return out


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")


def split_floating(cands: list[Candidate], text: str) -> list[Candidate]:
    """A floating quote that follows reported (not quoted) speech keeps its first sentence as
    a quote of its own, the statement that backs the report, and the rest as a second quote:
    "Kirby told reporters the administration believes X. 'A. B.'" -> 'A.' and 'B.'."""
    out: list[Candidate] = []
    for c in cands:
        prev = c.inherited_from
        if not c.floating or prev is None or prev.kind == "direct":
            out.append(c)
            continue
        m = next((m for m in _SENTENCE_BREAK.finditer(text, c.start, c.end)
                  if "\n" not in text[m.start():m.end()]), None)
        if m is None:
            out.append(c)
            continue
        out.append(replace(c, end=m.start()))
        out.append(replace(c, start=m.end()))
    return out


_THIRD_PERSON = frozenset({"he", "she", "they", "him", "her", "them"})


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def through_quoted_words(document: Document, entity: Entity, pos: int,
                         quoted: list[tuple[int, int]]) -> bool:
    """Whether the actor an entity names was reached only through quoted words: its latest
    mention before ``pos`` (pronouns aside) lies inside a quotation."""
    actor = next((a for a in document.actors if a.id == entity.actor_id), None)
    if actor is None:
        return False
    text = document.article.text
    before = [m for m in actor.mentions if m.start < pos
              and text[m.start:m.end].strip().lower() not in _THIRD_PERSON]
    if not before:
        return False
    last = max(before, key=lambda m: m.start)
    return any(s <= last.start < e for s, e in quoted)


def chain_speakers(document: Document, cands: list[Candidate],
                   entities: list[Entity | None]) -> list[Entity | None]:
    """Third-person pronoun speakers ("..., he told reporters") through the paragraph's chain
    of speakers: the speaker named last before the quote, in its paragraph or the one before,
    unless the actor stage found a nearer antecedent outside the quoted words. An antecedent
    inside the quoted words ("I met Tom Hale," he said) is never the speaker."""
    text = document.article.text
    quoted = [(c.start, c.end) for c in cands if c.kind in ("direct", "mixed")]
    order = sorted(range(len(cands)), key=lambda i: cands[i].start)
    out = list(entities)
    last: tuple[int, Entity] | None = None  # (position of the speaker mention, entity)
    for i in order:
        c, ent = cands[i], out[i]
        tok = c.speaker
        if tok is None or ent is None:
            continue
        pos = tok.idx
        if tok.lower_ not in _THIRD_PERSON:
            if ent.actor_id is not None:
                last = (pos, ent)
            continue
        own = ent.actor_id is not None and not through_quoted_words(document, ent, pos, quoted)
        para = _paragraph_start(text, min(pos, c.start))
        prev_para = _paragraph_start(text, max(0, para - 2))
        chained = last if last is not None and last[0] >= prev_para else None
        if chained is not None and (not own or _antecedent_pos(document, ent, pos) < chained[0]):
            out[i] = replace(chained[1], text=ent.text, mention=ent.mention)
            c.reason += f"; pronoun speaker through the paragraph's speakers ({chained[1].name!r})"
        elif ent.actor_id is not None and not own:
            out[i] = Entity(None, ent.text, None, None, None, mention=ent.mention)
            c.reason += "; the pronoun's antecedent is inside quoted words: left unresolved"
        now = out[i]
        if now is not None and now.actor_id is not None:
            last = (pos, now)
    return out


def _antecedent_pos(document: Document, entity: Entity, pos: int) -> int:
    actor = next((a for a in document.actors if a.id == entity.actor_id), None)
    text = document.article.text
    starts = [m.start for m in (actor.mentions if actor else ()) if m.start < pos
              and text[m.start:m.end].strip().lower() not in _THIRD_PERSON]
    return max(starts, default=-1)
