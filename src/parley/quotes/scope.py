"""Whether a stance cue holds as said (``parley.quotes.stances``): turned round by a
negation or a word of refusal ("did not back", "refused to back", "stopped short of
backing"), withheld ("has not voiced support for"), undone on the way from its clause ("wants
to stop blocking the aid"), or not said at all but asked or supposed ("whether Chile backs
the plan", "if Congress approves", "should Beijing agree").
"""

from __future__ import annotations

from typing import Any

from parley.quotes.holders import given_up
from parley.quotes.lexicon import stance_cues


def _not(c: Any) -> bool:
    """A word that negates the word it hangs on: "not", "never", "hardly"."""
    return c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never", "hardly"))


def negated(tok: Any) -> bool:
    """"did not support", "never backed", "no support", a cue under a word of refusal
    ("refused to back", "avoids condemning", "the NRA's refusal to support") or under a
    preposition of a position not taken ("stopped short of backing", "far from supporting")."""
    if any(_not(c) or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
        return True
    if tok.dep_ in ("pcomp", "pobj") and tok.head.dep_ == "prep":
        prep = tok.head
        preps = stance_cues().negating_preps
        if prep.lower_ in preps or f"{prep.head.lower_} {prep.lower_}" in preps:
            return True  # "stopped short of backing", "far from supporting", "without support"
    if tok.pos_ == "NOUN" and given_up(tok):
        return True
    if tok.dep_ in ("xcomp", "acl", "pcomp", "advcl") and tok.head.i != tok.i:
        gov = tok.head
        if gov.lemma_.lower() in stance_cues().negators:
            return True
        return tok.dep_ == "xcomp" and any(c.dep_ == "neg" for c in gov.children)
    return False


def withheld(tok: Any) -> bool:
    """A position noun as the object of a negated verb or of a verb of keeping from ("has
    not voiced support for the sanctions", "never expressed opposition to", "avoided
    criticism of"): a position not given, which is not the opposite one (as "did not
    support" is), so no stance."""
    if tok.pos_ != "NOUN" or tok.dep_ != "dobj" or tok.head.i == tok.i:
        return False
    verb = tok.head
    return verb.lemma_.lower() in stance_cues().preventing_verbs or any(
        _not(c) for c in verb.children)


def undone_on_the_way(clause: Any, tok: Any) -> bool:
    """Whether the verbs between an issue and the clause that holds it undo it an odd number
    of times: "wants to prove that they can repeal Obamacare" is against it, "wants to stop
    blocking the aid" for it. Verbs of opposing and of ending count, and each negation."""
    cues = stance_cues()
    undo = cues.oppose_verbs | cues.clause_oppose_verbs
    flips = 0
    node = tok
    for _ in range(8):
        if node.i == clause.i or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            flips += node.lemma_.lower() in undo
            flips += node.i != clause.i and any(c.dep_ == "neg" for c in node.children)
    return flips % 2 == 1


def unasserted(cue: Any) -> bool:
    """A cue inside a clause that asks or supposes rather than says ("declined to say
    whether the deal holds commitments on farm goods", "asked if Chile would back the plan",
    "if Congress approves the bill"): a clause opened by "whether" or "if", the cue's own or
    one over it, or a condition put first by inversion ("should Beijing agree to an
    extradition", "were Kenya to back the plan", "had Chile signed the deal"). Nobody is
    said to hold the position."""
    node = cue
    for _ in range(12):
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in node.children):
            return True
        if _inverted(node):  # also a question: "should Kenya back the deal?"
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _inverted(verb: Any) -> bool:
    """A clause whose "should", "were" or "had" comes before its subject."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("should", "were", "had") and c.i < subj.i
        for c in verb.children)
