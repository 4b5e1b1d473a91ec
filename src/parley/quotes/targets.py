"""What a stance is about: an issue, an actor, or a proposal named by its proposer.

A stance cue points at a target phrase (the object of "condemned", the phrase after "support
for"); this module reads that phrase:

- an **issue** from the shipped lexicon (``data/issues.yaml``) when one of its names is the
  phrase's head or, for a head that names nothing of its own ("the decision to impose
  sanctions"), anywhere in the phrase;
- an **actor** when the head is a mention the actor stage resolved ("praised Putin");
- otherwise an **open issue**: the head's lemma with its modifiers ("the new bike lanes" ->
  "bike lane"), the words kept as ``issue_text``; people and empty heads ("the coach", "the
  idea") are no issue.

``toward`` is the actor the phrase names beside its head: the possessor or a modifier
("China's peace plan", "a Beijing-brokered pact": the proposer; "Israel's strikes": who
strikes), a preposition ("sanctions on Russia", "aid to Ukraine"), the doer of a clause on
the head ("the plan proposed by China", "the truce that Turkey brokered"), or the body a
lexicon issue concerns.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from parley.model import Document, Entity, Span
from parley.quotes.lexicon import Issue, issue_pattern, norm_phrase, stance_cues, war_words
from parley.quotes.speaker import entity_for, speaker_span
from parley.syntax import prep_object

# modifiers that say nothing about which issue it is ("new sanctions", "any peace deal")
_EMPTY_MODS = frozenset({
    "new", "further", "more", "any", "other", "latest", "recent", "current", "proposed",
    "so-called", "possible", "potential", "additional", "future", "such", "same", "own",
    "planned", "immediate", "entire", "whole", "full", "broader", "wider", "renewed", "fresh",
    "continued", "ongoing", "major", "big", "huge", "strong", "tough", "harsh", "last", "next",
    "first", "second", "much", "many", "several", "few", "some", "every", "each", "most",
    "greater", "stronger", "tougher", "biggest", "real", "very", "just", "lasting", "called",
})
_TOWARD_PREPS = frozenset({"on", "against", "by", "to", "for", "from", "of", "with", "toward",
                           "towards", "over", "in"})
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@dataclass(frozen=True, slots=True)
class Target:
    issue: str  # lower-case normalised name
    issue_text: str  # the phrase as written, without its determiner
    start: int  # the phrase's span
    end: int
    target: Entity | None  # an actor target
    toward: Entity | None
    how: str
    undone: bool = False  # the phrase undoes its issue ("a bill that would lift the sanctions")


def phrase_tokens(head: Any) -> list[Any]:
    """The phrase ``head`` heads, cut before a relative clause, a comma or a dash after the
    head, without leading determiners and edge punctuation."""
    doc = head.doc
    right = head.right_edge.i
    for child in head.rights:
        if child.dep_ in ("relcl", "appos") or (child.dep_ == "acl" and child.left_edge.lower_ != "to"
                                                 and child.i > head.i + 1):
            right = min(right, child.left_edge.i - 1)
    for t in doc[head.i + 1:right + 1]:
        if t.text in (",", ";", "—", "–", "(") or t.text in "“”\"":
            right = t.i - 1
            break
    left = head.left_edge.i
    toks = [t for t in doc[left:right + 1]]
    while toks and not _hyphenated(toks[0]) and (
            toks[0].dep_ in ("det", "predet") or toks[0].is_punct or toks[0].is_space
            or toks[0].lower_ in _EMPTY_MODS and toks[0].i != head.i):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].i != head.i:
        toks.pop()
    return toks or [head]


def _hyphenated(tok: Any) -> bool:
    """"no" in "no-fly zone", "same" in "same-sex marriage": part of a word."""
    doc = tok.doc
    return not tok.whitespace_ and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-"


def _actor(document: Document, tok: Any) -> Entity | None:
    """The resolved actor a token is part of, or None."""
    actor = document.actor_at(tok.idx, tok.idx + len(tok.text))
    if actor is None:
        return None
    span = speaker_span(tok)
    ent = entity_for(document, tok, span)
    return ent if ent.actor_id is not None else None


def _lexicon(toks: list[Any], head: Any, anywhere: bool) -> tuple[Issue, Any] | None:
    """The lexicon issue named in the phrase: the longest name that covers the head (or, with
    ``anywhere``, the longest name in the phrase), on the words and on their lemmas."""
    pattern, by_name = issue_pattern()
    head_i = next((k for k, t in enumerate(toks) if t.i == head.i), len(toks) - 1)
    best: tuple[int, Issue, Any] | None = None
    for words in ([t.lower_ for t in toks], [t.lemma_.lower() for t in toks]):
        text = " ".join(words)
        starts, p = [], 0
        for w in words:
            starts.append(p)
            p += len(w) + 1
        for k, pos in enumerate(starts):
            m = pattern.match(text, pos)
            if m is None:
                continue
            issue = by_name.get(norm_phrase(m.group(0)))
            if issue is None:
                continue
            last = max(i for i, s in enumerate(starts) if s < m.end())
            covers = k <= head_i <= last
            if not (covers or anywhere):
                continue
            rank = (2 if covers else 1) * 1000 + len(m.group(0))
            if best is None or rank > best[0]:
                best = (rank, issue, toks[k])
    return (best[1], best[2]) if best is not None else None


def _toward(document: Document, head: Any, skip: Entity | None = None) -> Entity | None:
    """The actor named beside the head: possessor, modifier, or a preposition's object."""
    for child in head.children:
        if child.i < head.i and child.dep_ in ("poss", "compound", "amod", "nmod", "npadvmod"):
            for t in child.subtree:
                ent = _actor(document, t)
                if ent is not None and (skip is None or ent.actor_id != skip.actor_id):
                    return ent
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in _TOWARD_PREPS:
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                ent = _actor(document, obj)
                if ent is not None:
                    return ent
    for child in head.rights:
        doer = _doer(child) if child.dep_ in ("acl", "relcl") else None
        ent = _actor(document, doer) if doer is not None else None
        if ent is not None:
            return ent  # "the plan proposed by China", "the truce that Turkey brokered"
    return None


def _doer(clause: Any) -> Any:
    """Who does what a clause on the target says was done to it: the agent of a participle
    ("the tariffs imposed by Washington") or the subject of a relative clause ("the deal that
    Iran signed"), never the relative pronoun itself ("the plan that would hurt Iran")."""
    if clause.pos_ not in ("VERB", "AUX"):
        return None
    for c in clause.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if clause.dep_ == "relcl":
        return next((c for c in clause.children if c.dep_ == "nsubj"
                     and c.lower_ not in ("that", "which", "who", "what")), None)
    return None


def _after_actor(document: Document, after: Any) -> Entity | None:
    if after is None:
        return None
    obj = next((g for g in after.children if g.dep_ == "pobj"), None)
    return _actor(document, obj) if obj is not None else None


def _open_name(toks: list[Any], head: Any, document: Document) -> str:
    """The head's lemma with its modifiers, actors and empty words left out."""
    words = []
    for t in toks:
        if t.i == head.i:
            words.append(t.lemma_.lower() if t.pos_ == "NOUN" else t.lower_)
            break
        if t.head.i != head.i and t.head.head.i != head.i:
            continue
        if t.dep_ in ("compound", "amod", "nmod") and t.lower_ not in _EMPTY_MODS \
                and not t.is_punct and _actor(document, t) is None and t.pos_ != "NUM":
            words.append(t.lemma_.lower() if t.pos_ == "NOUN" else t.lower_)
    return norm_phrase(" ".join(words)).replace(" s ", " ")


def read_target(document: Document, head: Any, allow_actor: bool = True,
                after: Any = None) -> Target | None:
    """The target a phrase headed by ``head`` names, or None when it names no issue or actor.
    ``after``: a preposition of the verb right after the phrase that belongs with it ("backed
    aid to Israel")."""
    cues = stance_cues()
    text = document.article.text
    if head.tag_ in ("WDT", "WP") and head.head.dep_ == "relcl":
        head = head.head.head  # "the plan, which he rejected": the antecedent
    if head.pos_ == "PRON":
        # "him", "her": the person the actor stage joined them to; "them", "it" name groups
        # and things too loosely to stand for an actor target
        singular = head.lower_ in ("him", "her", "he", "she")
        ent = _actor(document, head) if allow_actor and singular else None
        if ent is None:
            return None
        return Target((ent.name or ent.text).lower(), head.text, head.idx,
                      head.idx + len(head.text), ent, ent, "actor (pronoun)")
    toks = phrase_tokens(head)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    words = text[start:end]
    lemma = head.lemma_.lower()
    if lemma in cues.ending_nouns:
        # "an end to X" is about X, or about nothing; "welcomed a halt | to the shelling":
        # the parser may hang the noun's "to" on the verb
        prep = next((c for c in list(head.rights) + ([after] if after is not None else [])
                     if c.dep_ == "prep" and c.lower_ in ("to", "of")), None)
        if prep is not None:
            return _ended_course(document, head, prep)
    # a cue noun with no issue after it ("dismissed the criticism") names no issue either
    generic = (lemma in cues.generic_heads or head.lower_ in cues.generic_heads
               or cues.noun_polarity(lemma) is not None)
    found = _lexicon(toks, head, anywhere=False)
    if found is None and after is not None:
        found = _lexicon(toks + [t for t in after.subtree], head, anywhere=False)
    proposal = lemma in cues.proposal_heads or head.lower_ in cues.proposal_heads
    if found is None and proposal:
        described = _described(document, head, toks)
        if described is not None:
            return described
    if found is None and (generic or proposal):
        # "the decision to impose sanctions", "a treaty on nuclear weapons": the issue inside
        # the phrase
        found = _lexicon([t for t in head.subtree if not t.is_space], head, anywhere=True)
    if found is not None:
        issue, at = found
        if issue.deal and at.i != head.i and proposal:
            issue = replace(issue, name=issue.deal)  # "an agreement on its nuclear program"
        if issue.at_war and _about_war(head):
            issue = replace(issue, name=issue.at_war)  # "open to negotiations to end the war"
        toward = _toward(document, head) or _after_actor(document, after)
        if toward is None and issue.concerns:
            toward = Entity(None, words, None, issue.concerns, None,
                            mention=Span.of(text, start, end))
        return Target(issue.name, words, start, end, None, toward, f"issue {issue.name!r}")
    ent = _actor(document, head) if allow_actor else None
    if ent is not None and (head.pos_ == "PROPN" or head.ent_type_ in _ACTOR_ENTS
                            or lemma in cues.person_heads):
        return Target((ent.name or ent.text).lower(), words, start, end, ent, ent, "actor")
    if head.pos_ == "PROPN" or head.ent_type_ in _ACTOR_ENTS:
        return None  # a name the actor stage did not resolve: no actor, and no issue either
    if lemma in cues.person_heads or head.lower_ in cues.person_heads or head.pos_ != "NOUN":
        return None
    toward = _toward(document, head) or _after_actor(document, after)
    if generic:
        if toward is None:
            return None  # "the idea", "the move": nothing to hold a position on
    name = _open_name(toks, head, document)
    if len(name) < 3:
        return None
    return Target(name, words, start, end, None, toward, f"open issue {name!r}")


def _about_war(head: Any) -> bool:
    """Whether the talk around ``head`` is of a war: a war word in its sentence or in one of
    the two before it. "Russia studied the plan for settling the conflict. 'We are open to
    a negotiation process,' Putin said": the quote's sentence names no war, the one before
    does, and the negotiations are peace talks."""
    sent = head.sent
    window = [sent]
    doc = head.doc
    while len(window) < 3 and window[-1].start > 0:
        window.append(doc[window[-1].start - 1].sent)
    return any(t.lemma_.lower() in war_words() for s in window for t in s)


def _ended_course(document: Document, noun: Any, prep: Any) -> Target | None:
    """What a noun of ending ends, its complement after ``prep``, as the target: "an end to
    the fighting" is a ceasefire; "a halt to the blockade", "the suspension of the sanctions"
    the issue undone. None when the complement names nothing."""
    obj = prep_object(prep)
    if obj is None:
        return None
    cues = stance_cues()
    issue = cues.ended_by.get(obj.lemma_.lower()) or cues.ended_by.get(obj.lower_)
    text = document.article.text
    toks = phrase_tokens(noun)
    start = toks[0].idx
    end = max(toks[-1].idx + len(toks[-1].text), obj.idx + len(obj.text))
    if issue is not None:
        return Target(issue, text[start:end], start, end, None, _toward(document, obj),
                      f"issue {issue!r} (what it ends)")
    inner = read_target(document, obj, allow_actor=False)
    if inner is None:
        return None
    return replace(inner, start=start, end=end, issue_text=text[start:end],
                   how=f"{inner.how} (ended by {noun.lower_!r})", undone=not inner.undone)


def ended_target(document: Document, verb: Any, key: str, obj: Any) -> Target | None:
    """An issue named by what it puts an end to: "stop the fighting", "halt fire", "cease
    hostilities" name a ceasefire (``ended_by`` in stance_cues.yaml); the verb is one of
    ending (``key``, the verb's lemma or phrasal key) and ``obj`` the head of its object."""
    cues = stance_cues()
    if obj is None or key not in cues.ending_verbs:
        return None
    issue = cues.ended_by.get(obj.lemma_.lower()) or cues.ended_by.get(obj.lower_)
    if issue is None:
        return None
    toks = phrase_tokens(obj)
    start = min(verb.idx, toks[0].idx)
    end = max(verb.idx + len(verb.text), toks[-1].idx + len(toks[-1].text))
    text = document.article.text
    return Target(issue, text[start:end], start, end, None, _toward(document, obj),
                  f"issue {issue!r} (what it ends)")


def _described(document: Document, head: Any, toks: list[Any]) -> Target | None:
    """A proposal with a relative clause that says what it does: the issue the clause acts on
    with a verb of enacting (``enacting_verbs``: "imposes sanctions") or undone by a verb of
    ending or opposing ("backed a bill that would lift the sanctions" ->
    against the sanctions; "a deal that would stop the fighting" -> for the ceasefire), or,
    when the clause judges it ("a plan that rewards aggression") or names no issue, the
    proposal itself, in its own words with the clause. None without such a clause."""
    cues = stance_cues()
    rel = next((c for c in head.rights if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX")), None)
    if rel is None:
        return None
    text = document.article.text
    lemma = rel.lemma_.lower()
    if lemma not in cues.eval_oppose_verbs and lemma not in cues.eval_support_verbs:
        obj = next((c for c in rel.children if c.dep_ in ("dobj", "nsubjpass")), None)
        ended = ended_target(document, rel, lemma, obj)
        if ended is not None:
            return ended
        undoes = lemma not in cues.preventing_verbs and (
            lemma in cues.clause_oppose_verbs | cues.oppose_verbs | cues.ending_verbs)
        inner = _lexicon([t for t in rel.subtree if not t.is_space], rel, anywhere=True) \
            if undoes or lemma in cues.enacting_verbs else None
        if inner is not None:
            issue, at = inner
            start, end = toks[0].idx, rel.right_edge.idx + len(rel.right_edge.text)
            negated = any(c.dep_ == "neg" for c in rel.children)
            toward = _toward(document, head) or _toward(document, at.head if at.dep_ in (
                "compound", "amod") else at)
            return Target(issue.name, text[start:end], start, end, None, toward,
                          f"issue {issue.name!r} (what the {head.lower_} does"
                          + (", undone)" if undoes != negated else ")"),
                          undone=undoes != negated)
    name = _open_name(toks, head, document)
    if len(name) < 3:
        return None
    start, end = toks[0].idx, rel.right_edge.idx + len(rel.right_edge.text)
    return Target(name, text[start:end], start, end, None, _toward(document, head),
                  f"open issue {name!r} (described by its clause)")
