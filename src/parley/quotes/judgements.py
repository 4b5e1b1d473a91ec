"""What a predicate in reported speech says of its subject, for stances (parley.quotes.stances).

- a **judgement**: "a ceasefire now would ratify the conquest", "would work against Ukraine",
  "would be a mistake", "would amount to a surrender", and a respite said to let the other
  side rebuild ("would give the rebels time to regroup");
- a **term** set on a settlement with a modal of obligation ("any settlement must begin with a
  withdrawal");
- and who voices it: the subject of the reporting verb above, else the quote's speaker.
"""

from __future__ import annotations

from typing import Any

from parley.model import Quote
from parley.quotes.holders import obliged_course
from parley.quotes.lexicon import reporting_words, stance_cues
from parley.syntax import prep_object, subject_of


def speech_holder(pred: Any, quote: Quote | None) -> tuple[Any, bool]:
    """Who makes a judgement in reported speech: the subject of the reporting verb above the
    predicate ("the administration believes a ceasefire would ..."), else the quote's
    speaker (None, True). (None, False) when a stance noun governs it (found there)."""
    words = reporting_words()
    node = pred
    for _ in range(6):
        if node.head.i == node.i:
            break
        dep, node = node.dep_, node.head
        lemma = node.lemma_.lower()
        if node.pos_ == "NOUN" and stance_cues().noun_polarity(lemma) is not None:
            return None, False
        if node.pos_ in ("VERB", "AUX") and (lemma in words.speech or lemma in words.belief):
            return subject_of(node), True
        if dep not in ("ccomp", "xcomp", "conj", "advcl", "acl"):
            break
    return None, quote is not None


# objects that say the consequence falls on no one
_NOBODY = frozenset({"nobody", "none", "nothing", "no-one"})


def judgement(pred: Any) -> tuple[str, Any, Any, str] | None:
    """The judgement a predicate passes on its subject, as (polarity, whom it is said to
    affect or None, the last word of the cue, how): "would ratify the conquest", "would work
    against Ukraine", "would be a mistake", "would amount to a surrender", "would give the
    rebels time to regroup". None when it judges nothing."""
    cues = stance_cues()
    lemma = pred.lemma_.lower()
    pol = toward = None
    cue_end = pred
    has_object = any(c.dep_ == "dobj" for c in pred.children)
    for c in pred.children:
        # "would work against Ukraine", "goes against Ukraine": no object; "used drones
        # against cities" tells what was done, not what the speaker holds
        if c.dep_ == "prep" and c.lower_ in cues.eval_oppose_preps and not has_object:
            pol, toward, cue_end = "oppose", prep_object(c), c
    first_prep = next((c for c in pred.children if c.dep_ == "prep"), None)
    # the verb with its first preposition ("work against", "amount to"), when it has one
    with_prep = f"{lemma} {first_prep.lower_}" if first_prep is not None else None
    if pol is None and with_prep in cues.eval_harm_verbs:
        pol = "oppose"
    objectless = not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in pred.children)
    if pol is None and objectless and lemma not in cues.eval_intransitive and (
            lemma in cues.eval_oppose_verbs or lemma in cues.eval_support_verbs):
        return None  # "the launch ended in failure", "talks failed to help": no consequence
    if objectless and lemma in cues.eval_intransitive and (pred.tag_ == "VBD" or any(
            c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in pred.children)):
        return None  # "the talks had failed", "the plan backfired": an outcome told
    if pol is None and lemma in cues.eval_oppose_verbs:
        pol = "oppose"
        if lemma in cues.eval_harm_verbs:
            toward = next((c for c in pred.children if c.dep_ == "dobj"), None)
    elif pol is None and lemma in cues.eval_support_verbs:
        pol = "support"
    elif pol is None and (lemma == "be" or lemma in cues.eval_copulas
                          or with_prep in cues.eval_copulas):
        # "would be a mistake", "would amount to a surrender", "would mean capitulation"
        attr = next((c for c in pred.children if c.dep_ in ("acomp", "attr", "dobj")), None)
        if attr is None and first_prep is not None and lemma != "be":
            attr = prep_object(first_prep)
        if attr is not None:
            word = attr.lemma_.lower()
            pol = ("oppose" if word in cues.eval_oppose_adjs else
                   "support" if word in cues.eval_support_adjs else None)
            cue_end = attr
            # "is a disaster for the mayor", "would be harmful to Europe": whom it affects
            bears = next((c for c in attr.children if c.dep_ == "prep"
                          and c.lower_ in ("for", "to")), None)
            if pol is not None and bears is not None and prep_object(bears) is not None:
                toward, cue_end = prep_object(bears), bears
    if pol is not None and any(c.dep_ == "dobj" and (c.lower_ in _NOBODY or any(
            d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in pred.children):
        # "further escalation benefits no one", "the deal would help nobody": the judgement
        # turns round
        pol, toward = ("support" if pol == "oppose" else "oppose"), None
    if pol is not None:
        return pol, toward, cue_end, f"judgement {pred.text!r} in speech"
    if _gives_respite(pred):
        return "oppose", None, pred, f"respite {pred.text!r} in speech"
    return None


def _gives_respite(pred: Any) -> bool:
    """"would give the rebels time to regroup", "would only allow the army to rearm": the
    subject is said to let the other side rebuild its strength."""
    cues = stance_cues()
    if pred.lemma_.lower() not in cues.respite_verbs:
        return False
    def rebuilds(verb: Any) -> bool:  # "time to rest and resupply": any of the conjuncts
        return any(v.lemma_.lower() in cues.rebuild_verbs for v in (verb, *verb.conjuncts))

    for c in pred.children:
        if c.dep_ in ("xcomp", "ccomp", "advcl") and rebuilds(c):
            return True
        if c.dep_ == "dobj" and c.lemma_.lower() in cues.respite_nouns and any(
                g.dep_ in ("relcl", "acl") and rebuilds(g) for g in c.children):
            return True
    return False


def term_set(subj: Any, pred: Any) -> tuple[Any, Any] | None:
    """A term set on a settlement with a modal of obligation: "any settlement must begin with
    a withdrawal", "a deal should include a prisoner exchange", "has to be based on
    territorial integrity" -> (the term, the word that sets it), which the speaker supports;
    a negation ("must not include") flips it where every cue's does (``_stance``). A deal
    described ("the deal includes") sets nothing."""
    cues = stance_cues()
    if subj.lemma_.lower() not in cues.condition_heads:
        return None
    verb = obliged_course(pred)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ == "prep" and f"{lemma} {c.lower_}" in cues.condition_verbs:
            obj = prep_object(c)
            if obj is not None:
                return obj, c
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if lemma in cues.condition_verbs and obj is not None:
        return obj, verb
    return None
