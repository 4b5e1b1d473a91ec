"""Find the stretches of a parse that name or point to actors.

Four kinds: ``name`` (named entities and knowledge-base names), ``nominal`` (an office or
group noun: "the president of China", "Russian troops"), ``demonym`` ("the Ukrainian") and
``pronoun``. Titles and appositions around a name are kept as its ``context`` so that the
resolver can read "Chinese Foreign Minister" or "the leader of communist China".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from parley.actors.kb import KnowledgeBase

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
PERSONAL_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
NEUTER_PRONOUNS = {"it", "its", "itself"}
PAIR_NOUNS = {"countries", "nations", "states", "governments", "sides", "leaders", "neighbours",
              "neighbors", "allies", "rivals", "delegations", "ministers", "presidents",
              "capitals", "men", "women", "officials", "diplomats"}
# lower-case words that may sit inside a name: "Ursula von der Leyen", "Bashar al-Assad"
_JOINERS = {"of", "the", "for", "and", "-", ".", "'s", "’s", "de", "al", "el", "bin", "ibn",
            "von", "van", "der", "den", "du", "la", "le", "da", "dos", "di", "y", "abu", "ben"}
_MAX_NGRAM = 7


@dataclass
class Candidate:
    """A mention on its way to an actor (mutable while the resolver works on it)."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    kind: str  # name | nominal | demonym | pronoun
    label: str = ""
    context: list[int] = field(default_factory=list)  # title / apposition token indices
    # filled by the resolver
    key: str | None = None
    actor_fields: dict[str, Any] = field(default_factory=dict)
    method: str = ""
    reason: str = ""
    also: list[str] = field(default_factory=list)  # extra actor keys (plural pronouns)

    def head(self, doc: Any) -> Any:
        return doc[self.start:self.end].root


def _is_cap(tok: Any) -> bool:
    return tok.text[:1].isupper() or tok.text.isupper()


def _strip_det(doc: Any, start: int, end: int) -> int:
    while start < end - 1 and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    return start


def kb_spans(doc: Any, kb: KnowledgeBase) -> list[tuple[int, int]]:
    """Longest token spans whose text is a knowledge-base name (capitalised starts only)."""
    from spacy.attrs import IS_PUNCT, LIKE_NUM, LOWER, SPACY

    # the tokens' attributes read in one array and their texts in one pass (a spaCy Token
    # object costs more to make than the test made of it), and an n-gram's text joined from
    # its tokens' texts: what ``doc[i:j].text`` is, without a Span for every n-gram tried
    strings = doc.vocab.strings
    joiners = {strings[w] for w in _JOINERS}
    articles = {strings[w] for w in ("the", "a", "an")}
    words = [t.text for t in doc]
    rows = doc.to_array([IS_PUNCT, LIKE_NUM, LOWER, SPACY]).tolist()
    spaced = [w + " " if r[3] else w for w, r in zip(words, rows, strict=True)]
    cap = [w[:1].isupper() or w.isupper() for w in words]
    spans: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        punct, num, lower, _ = rows[i]
        if not cap[i] or punct or num or lower in articles:
            i += 1
            continue
        best = None
        j = i + 1
        while j <= n and j - i <= _MAX_NGRAM:
            k = j - 1
            joiner = rows[k][2] in joiners
            if k > i and not (cap[k] or joiner or rows[k][1]):
                break
            if not joiner and kb.names("".join(spaced[i:k]) + words[k]):
                best = j
            j += 1
        if best is not None:
            spans.append((i, best))
            i = best
        else:
            i += 1
    return spans


def _is_pair(tok: Any) -> bool:
    """'the two leaders', 'both countries', 'the two sides': a definite plural that points
    back to two parties just named (the stage resolves it to them); 'two Russian diplomats'
    and 'the two Gulf states' name parties of their own."""
    if tok.lower_ not in PAIR_NOUNS:
        return False
    words = {t.lower_ for t in tok.children if t.dep_ in ("det", "predet", "nummod")}
    own = any(t.dep_ in ("amod", "compound", "poss", "nmod") for t in tok.children)
    return not own and ("both" in words or {"the", "two"} <= words)


def find_candidates(doc: Any, kb: KnowledgeBase) -> list[Candidate]:
    """Named, nominal, demonym and pronoun candidates, in text order, not overlapping."""
    taken = [False] * len(doc)
    out: list[Candidate] = []

    def claim(start: int, end: int) -> bool:
        if any(taken[start:end]):
            return False
        for k in range(start, end):
            taken[k] = True
        return True

    # 1. named entities and knowledge-base names, longest first
    named: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS:
            s = _strip_det(doc, ent.start, ent.end)
            # drop a trailing possessive marker
            e = ent.end
            if e - s > 1 and doc[e - 1].tag_ == "POS":
                e -= 1
            named.append((s, e, ent.label_))
    for s, e in kb_spans(doc, kb):
        named.append((s, e, "KB"))
    named.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    for s, e, label in named:
        if claim(s, e):
            is_demonym = label == "NORP" or (
                label == "KB" and kb.country_of_demonym(doc[s:e].text) is not None)
            out.append(Candidate(s, e, "demonym" if is_demonym else "name", label))

    # 2. nominal mentions: office / group nouns not inside a name; 3. pronouns. The parts
    # of speech are read in one array: a Token is made only for the nouns and pronouns
    from spacy.attrs import POS, TAG
    from spacy.parts_of_speech import NOUN, PRON, PROPN

    strings = doc.vocab.strings
    prp = {strings["PRP"], strings["PRP$"]}
    tags = doc.to_array([POS, TAG]).tolist()
    nouns = [i for i, (pos, _) in enumerate(tags) if pos in (NOUN, PROPN)]
    for i in nouns:
        tok = doc[i]
        if taken[tok.i]:
            continue
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
            continue  # "Foreign" in "Foreign Minister": the head carries the mention
        lefts = [t for t in tok.lefts if t.dep_ == "compound" and not taken[t.i]]
        start = min([tok.i] + [t.i for t in lefts])
        title = tok.text if start == tok.i else doc[start:tok.i + 1].text
        if _is_pair(tok):
            if claim(start, tok.i + 1):
                out.append(Candidate(start, tok.i + 1, "nominal", "PAIR"))
            continue
        if kb.office_sector(title) is None and kb.office_sector(tok.lemma_) is None:
            continue
        if claim(start, tok.i + 1):
            out.append(Candidate(start, tok.i + 1, "nominal", "OFFICE"))

    for i, (pos, tag) in enumerate(tags):
        if taken[i] or pos != PRON and tag not in prp:
            continue
        low = doc[i].lower_
        if low in PERSONAL_PRONOUNS or low in PLURAL_PRONOUNS or low in NEUTER_PRONOUNS:
            if claim(i, i + 1):
                out.append(Candidate(i, i + 1, "pronoun", low))

    out.sort(key=lambda c: c.start)
    _attach_context(doc, out)
    return out


def _attach_context(doc: Any, cands: list[Candidate]) -> None:
    """Titles and appositions of person-like names: 'Russian President Vladimir Putin',
    'Xi Jinping, the leader of communist China', 'his Ukrainian counterpart Dmytro Kuleba'."""
    by_token: dict[int, Candidate] = {}
    for c in cands:
        for k in range(c.start, c.end):
            by_token[k] = c
    for c in cands:
        if c.kind != "name":
            continue
        head = c.head(doc)
        ctx: list[int] = []
        # title words to the left within the same noun phrase
        k = c.start - 1
        while k >= 0:
            t = doc[k]
            if t.lower_ in {"the", "a", "an"} or t.dep_ not in ("compound", "amod", "nmod", "punct", "poss", "case"):
                break
            if not (k < t.head.i < c.end) and not (t.dep_ == "case" and t.head.i == k - 1):
                break
            ctx.append(k)
            k -= 1
        # a title noun the name is in apposition or compound to ("counterpart Dmytro Kuleba")
        gov = head.head
        if head.dep_ in ("appos", "compound", "npadvmod") and gov.i not in range(c.start, c.end):
            ctx.extend(t.i for t in gov.subtree if t.i not in range(c.start, c.end))
        for child in head.children:
            if child.dep_ == "appos" and child.i not in range(c.start, c.end):
                ctx.extend(t.i for t in child.subtree)
        # a left compound that the parse attached to a title head ("spokesman John Kirby")
        c.context = sorted(set(i for i in ctx if by_token.get(i) is not c))


def mention_text(doc: Any, c: Candidate) -> str:
    return doc[c.start:c.end].text
