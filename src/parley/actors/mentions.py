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
    # each token's attributes read once, and a span's text cut from the article's text
    # (what ``doc[i:j].text`` is), not rebuilt token by token for every n-gram tried
    toks = list(doc)
    text = doc.text
    words = [t.text for t in toks]
    lowers = [t.lower_ for t in toks]
    starts = [t.idx for t in toks]
    cap = [w[:1].isupper() or w.isupper() for w in words]
    spans: list[tuple[int, int]] = []
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if not cap[i] or tok.is_punct or tok.like_num or lowers[i] in ("the", "a", "an"):
            i += 1
            continue
        best = None
        j = i + 1
        while j <= n and j - i <= _MAX_NGRAM:
            k = j - 1
            if k > i and not (cap[k] or lowers[k] in _JOINERS or toks[k].like_num):
                break
            if lowers[k] not in _JOINERS and kb.names(text[starts[i]:starts[k] + len(words[k])]):
                best = j
            j += 1
        if best is not None:
            spans.append((i, best))
            i = best
        else:
            i += 1
    return spans


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

    # 2. nominal mentions: office / group nouns not inside a name
    toks = list(doc)
    text = doc.text
    for tok in toks:
        if taken[tok.i] or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
            continue  # "Foreign" in "Foreign Minister": the head carries the mention
        lefts = [t for t in tok.lefts if t.dep_ == "compound" and not taken[t.i]]
        start = min([tok.i] + [t.i for t in lefts])
        title = text[toks[start].idx:tok.idx + len(tok)]  # doc[start:tok.i + 1].text
        if kb.office_sector(title) is None and kb.office_sector(tok.lemma_) is None:
            continue
        if claim(start, tok.i + 1):
            out.append(Candidate(start, tok.i + 1, "nominal", "OFFICE"))

    # 3. pronouns
    for tok in toks:
        low = tok.lower_
        if taken[tok.i] or tok.pos_ != "PRON" and tok.tag_ not in ("PRP", "PRP$"):
            continue
        if low in PERSONAL_PRONOUNS or low in PLURAL_PRONOUNS or low in NEUTER_PRONOUNS:
            if claim(tok.i, tok.i + 1):
                out.append(Candidate(tok.i, tok.i + 1, "pronoun", low))

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
