"""Stances: who supports or opposes which issue, from the words that carry the position.

An issue (``data/issues.yaml``) is found by its names; the stance cue (``data/stance_cues.yaml``)
is the word that governs it: the verb whose object it is ("called for a ceasefire", "a ceasefire
that was called for by Xi"), the noun it attaches to ("opposition to a ceasefire", "concerns
that a peace pact would be one-sided"), or a preposition on the verb it is the subject of ("a
ceasefire would work against Ukraine"). Negation flips the polarity. Inside a quote, a stance
with no holder of its own, or held by "I"/"we", belongs to the quote's speaker. One stance is
kept per holder, issue and polarity in a document (the first evidence).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from parley.model import Document, Entity, Quote, Span, Stance
from parley.quotes.attribution import Candidate, TokenIndex
from parley.quotes.lexicon import Issue, issues, stance_cues
from parley.quotes.speaker import entity_for, speaker_span
from parley.syntax import subject_of

logger = logging.getLogger(__name__)

_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
# "support for", "opposition to", "concerns about": not "their support in the election"
_NOUN_PREPS = frozenset({"for", "of", "to", "behind", "toward", "towards", "against", "about",
                         "over", "on"})
# nouns a stance verb can hang on that hold no position themselves ("the need to scrap ...")
_ABSTRACT = frozenset({"need", "effort", "attempt", "plan", "decision", "move", "bid", "way",
                       "time", "chance", "push", "pressure", "call", "goal", "aim", "idea"})


@lru_cache(maxsize=1)
def _issue_pattern() -> tuple[re.Pattern[str], dict[str, Issue]]:
    by_name: dict[str, Issue] = {}
    for issue in issues():
        for syn in issue.synonyms:
            by_name.setdefault(syn, issue)
    names = sorted(by_name, key=len, reverse=True)
    alts = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+") for n in names)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE), by_name


@dataclass(slots=True)
class _Found:
    polarity: str
    cue: Any  # token
    holder: Any  # token or None
    toward: Any  # token or None
    how: str


def _particle(tok: Any) -> str | None:
    """The particle or stranded preposition of a phrasal cue: "call for", "warn against"."""
    for child in tok.children:
        if child.dep_ in ("prt", "prep") and child.i > tok.i and child.i - tok.i <= 2:
            return child.lower_
    return None


def _verb_polarity(verb: Any, prep: str | None, phrasal_only: bool = False) -> str | None:
    cues = stance_cues()
    lemma = verb.lemma_.lower()
    keys = [f"{lemma} {prep}"] if prep else []
    if not phrasal_only:
        keys.append(lemma)
    for key in keys:
        if key in cues.support_verbs:
            return "support"
        if key in cues.oppose_verbs:
            return "oppose"
    return None


def _negated(tok: Any) -> bool:
    """"did not support", and a cue under a word of refusal ("refused to back",
    "avoids condemning", "the NRA's refusal to support")."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if tok.dep_ in ("xcomp", "acl", "pcomp", "advcl") and tok.head is not tok:
        gov = tok.head
        if gov.lemma_.lower() in stance_cues().negators:
            return True
        return any(c.dep_ == "neg" for c in gov.children) and tok.dep_ == "xcomp"
    return False


def _refine_holder(holder: Any, cue: Any) -> Any:
    """The person behind "Mr. Kerry's determination to ..." is Mr. Kerry; a cue noun is never
    its own holder ("Opposition to the pact was ...")."""
    if holder is None or holder.i == cue.i:
        return None
    if holder.pos_ == "NOUN":
        poss = next((c for c in holder.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss
        if holder.lemma_.lower() in stance_cues().negators or holder.ent_type_ == "" and \
                holder.lemma_.lower() in _ABSTRACT:
            return None
    return holder


def _holder_of_noun(noun: Any) -> Any:
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    gov = noun.head
    if noun.dep_ == "pobj":
        gov = gov.head
    if gov.pos_ in ("VERB", "AUX"):
        return subject_of(gov)
    return None


def _find(head: Any) -> list[_Found]:
    """The cues that bear on the issue phrase headed by ``head``: one governing it and one in
    a relative clause on it ("opposition to a ceasefire that was called for by Xi")."""
    found = [f for f in (_relative(head), _governing(head)) if f is not None]
    return found


def _relative(head: Any) -> _Found | None:
    # "a ceasefire that was called for by Xi": the issue heads a relative clause
    for rel in head.children:
        if rel.dep_ == "relcl" and any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in (
                "that", "which") for c in rel.children):
            pol = _verb_polarity(rel, _particle(rel))
            if pol:
                return _Found(pol, rel, subject_of(rel), None, f"relative clause {rel.text!r}")
    return None


def _governing(head: Any) -> _Found | None:
    cues = stance_cues()
    dep, gov = head.dep_, head.head
    if dep == "pobj":
        prep, owner = gov, gov.head
        if owner.pos_ in ("VERB", "AUX"):
            # the preposition must belong to the cue ("called for", "warned against"), not
            # be a setting ("supported Obama in two elections")
            pol = _verb_polarity(owner, prep.lower_, phrasal_only=True)
            if pol:
                return _Found(pol, owner, subject_of(owner), None, f"'{owner.text} {prep.text}'")
        if owner.pos_ == "NOUN" and prep.lower_ in _NOUN_PREPS:
            lemma = owner.lemma_.lower()
            if lemma in cues.support_nouns or owner.lower_ in cues.support_nouns:
                return _Found("support", owner, _holder_of_noun(owner), None, f"'{owner.text} {prep.text}'")
            if lemma in cues.oppose_nouns or owner.lower_ in cues.oppose_nouns:
                return _Found("oppose", owner, _holder_of_noun(owner), None, f"'{owner.text} {prep.text}'")
    if dep in ("dobj", "nsubjpass", "xcomp", "oprd") and gov.pos_ in ("VERB", "AUX"):
        pol = _verb_polarity(gov, _particle(gov) if dep == "dobj" else None) or _verb_polarity(gov, None)
        if pol:
            return _Found(pol, gov, subject_of(gov), None, f"verb {gov.text!r}")
    if dep in ("nsubj", "nsubjpass") and gov.pos_ in ("VERB", "AUX"):
        # "a ceasefire would work against Ukraine"
        for prep in gov.children:
            if prep.dep_ == "prep" and prep.lower_ in cues.oppose_preps:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                return _Found("oppose", prep, None, obj, f"'{gov.text} {prep.text}'")
        # "concerns that a peace pact would be one-sided"
        clause = gov
        if clause.dep_ in ("acl", "ccomp") and clause.head.pos_ == "NOUN":
            noun = clause.head
            if noun.lemma_.lower() in cues.oppose_nouns or noun.lower_ in cues.oppose_nouns:
                return _Found("oppose", noun, _holder_of_noun(noun), None, f"'{noun.text} that'")
    return None


def find_stances(document: Document, doc: Any, quotes: list[Quote],
                 cands: list[Candidate]) -> list[Stance]:
    text = document.article.text
    pattern, by_name = _issue_pattern()
    index = TokenIndex(doc)
    out: list[Stance] = []
    seen: set[tuple[object, ...]] = set()
    for m in pattern.finditer(text):
        issue = by_name.get(re.sub(r"[\s-]+", " ", m.group(0).lower())) or by_name.get(
            m.group(0).lower())
        if issue is None:
            continue
        toks = [doc[i] for i in index.tokens(m.start(), m.end())]
        if not toks:
            continue
        head = next((t for t in toks if t.head not in toks or t.head is t), toks[-1])
        for found in _find(head):
            stance = _stance(document, text, m, issue, found, quotes, len(out) + 1)
            if stance is None:
                continue
            h = stance.holder
            # a state and its government speak with one voice: the United States and its
            # spokesman opposing a ceasefire are one position; other sectors stay apart
            who = (h.country, h.sector if h.sector not in (None, "GOV") else "GOV") if h.country \
                else (h.actor_id or h.text.lower(),)
            key = (who, issue.name, stance.polarity)
            if key in seen:
                continue
            seen.add(key)
            out.append(stance)
    return out


def _stance(document: Document, text: str, m: re.Match[str], issue: Issue, found: _Found,
            quotes: list[Quote], n: int) -> Stance | None:
    polarity = found.polarity
    if _negated(found.cue):
        polarity = "oppose" if polarity == "support" else "support"
    quote_i = next((i for i, q in enumerate(quotes)
                    if q.content.start <= m.start() < q.content.end), None)
    holder: Entity | None = None
    holder_tok = _refine_holder(found.holder, found.cue)
    in_quote = quote_i is not None and quotes[quote_i].speaker is not None
    if in_quote and (holder_tok is None or holder_tok.lower_ in _FIRST_PERSON):
        holder = quotes[quote_i].speaker  # type: ignore[index]
    elif holder_tok is not None:
        holder = entity_for(document, holder_tok, speaker_span(holder_tok))
    if holder is None:
        return None
    toward = None
    if found.toward is not None:
        toward = entity_for(document, found.toward, speaker_span(found.toward))
    elif issue.concerns:
        toward = Entity(None, m.group(0), None, issue.concerns, None,
                        mention=Span.of(text, m.start(), m.end()))
    cue = found.cue
    start = min(cue.idx, m.start())
    end = max(cue.idx + len(cue.text), m.end())
    qid = quotes[quote_i].id if quote_i is not None else None
    return Stance(
        id=f"S{n}", holder=holder, issue=issue.name, polarity=polarity,
        evidence=Span.of(text, start, end), toward=toward, quote_id=qid,
        reason=f"{polarity} {issue.name!r}: {found.how}"
               + ("; negated" if polarity != found.polarity else "")
               + (f"; inside quote {qid}" if qid else ""),
    )
