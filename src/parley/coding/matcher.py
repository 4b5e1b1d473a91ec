"""Matching event patterns on the parse: the verb or noun head, then the words around it.

Cheap with tens of thousands of patterns: the candidates are found by the head's lemma (a
dict lookup), the words around the head are gathered once per token into a map word ->
token, and each candidate is then a few set lookups (no loop over the parse per pattern).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from parley.coding.patterns import NULL_EVENT, PREPOSITIONS, Pattern, PatternSet, word_classes
from parley.coding.roles import ORDER_VERBS

# dependents of the verb whose own word can be a pattern word ("call off", "open fire")
_OWN_DEPS = frozenset({"prt", "prep", "dobj", "acomp", "attr", "agent", "dative", "xcomp",
                       "advmod", "npadvmod", "oprd", "nsubjpass"})
# modifiers that make an event noun a text or a briefing for the press
_PRESS = frozenset({"press", "news", "media"})
# nouns of fighting that are often a contest in words or in law, and the modifiers that make
# them one ("a custody battle between", "the legal fight over", "an uphill battle")
_CONTESTS = frozenset({"battle", "fight"})
_NOT_ARMED = frozenset({"custody", "legal", "court", "courtroom", "political", "electoral",
                        "election", "budget", "uphill", "ratings", "bidding", "legislative",
                        "procedural", "leadership", "tax"})
# relative pronouns that stand for the modified noun as the clause's subject
_RELATIVE_SUBJECTS = frozenset({"that", "which", "who"})
# verbs of asking whose passive participle mostly says how the subject feels or stands
# ("felt pressured", "is pressured to"), not that someone asked it: no request in the passive
_STATE_PASSIVES = frozenset({"pressure", "pressurize", "pressurise"})
# dependents whose modifiers can be pattern words ("impose economic sanctions")
_MODIFIED_DEPS = frozenset({"dobj", "attr", "nsubjpass", "xcomp"})


def forms(tok: Any) -> tuple[str, ...]:
    """The lemma, the word, and its regular stems: the small model's lemmatizer slips now
    and then ("staged" -> "stag"), and a pattern should not depend on it."""
    low = tok.lower_
    out = [tok.lemma_.lower(), low]
    if low.endswith("ed") and len(low) > 4:
        out += [low[:-1], low[:-2]] + ([low[:-3]] if low[-3] == low[-4] else [])
    elif low.endswith("ing") and len(low) > 5:
        out += [low[:-3], low[:-3] + "e"] + ([low[:-4]] if low[-4] == low[-5] else [])
    elif low.endswith("ies") and len(low) > 4:
        out.append(low[:-3] + "y")
    elif low.endswith("s") and len(low) > 3:
        out.append(low[:-1])
    return tuple(dict.fromkeys(out))


@dataclass
class Hit:
    pattern: Pattern
    trigger: Any  # the head token
    tokens: list[Any] = field(default_factory=list)  # all matched tokens
    extra: Any = None  # the matched object token of a verb+object pattern
    governor: Any = None  # light verb governing a nominal event
    suppressed: str = ""
    by: Any = None  # the hit that stands for this one (it is part, content or twin of it)
    mode: tuple[str, ...] = ()  # a mode taken over from a merged nominal event
    parts: list[Any] = field(default_factory=list)  # verbs of the same event merged into it


def _around_verb(tok: Any) -> dict[str, Any]:
    """Pattern word -> the token that carries it, in the order the words are searched:
    each dependent's own word, the modifiers of its object, the object of its preposition
    and that object's modifiers ("ask for financial aid")."""
    near: dict[str, Any] = {}
    for c in tok.children:
        dep = c.dep_
        if dep == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children):
            continue  # "on Wednesday" is no particle: "called X on Wednesday"
        if c.lower_ == "according":
            continue  # "according to a report, X used ...": the source, no word of a sense
        if dep in _OWN_DEPS:
            for f in forms(c):
                near.setdefault(f, c)
        if dep in _MODIFIED_DEPS:
            for g in c.children:
                if g.dep_ in ("compound", "amod"):
                    # by lemma and by word: "customs duties" (lemma "custom")
                    near.setdefault(g.lemma_.lower(), c)
                    near.setdefault(g.lower_, c)
                elif g.dep_ == "prep" and g.lower_ == "of" and dep == "dobj":
                    # an object named with its complement: "declared a state of emergency"
                    near.setdefault("of", g)
                    for o in g.children:
                        if o.dep_ == "pobj":
                            near.setdefault(o.lemma_.lower(), o)
        if dep == "dative" and not any(k.dep_ == "dobj" for k in tok.children):
            # "granted Paul Harvey Pogue a pardon": the parser may hang the second object of
            # a verb of giving on the first as an apposition
            for g in c.children:
                if g.dep_ == "appos":
                    for f in forms(g):
                        near.setdefault(f, g)
        if dep == "prep":
            for g in c.children:
                if g.dep_ == "pobj":
                    near.setdefault(g.lemma_.lower(), g)
                    for m in g.children:
                        if m.dep_ in ("compound", "amod"):
                            near.setdefault(m.lemma_.lower(), g)
    if tok.dep_ in ("relcl", "acl") and not any(
            c.dep_ == "dobj" or c.dep_ == "nsubj" and c.lower_ in _RELATIVE_SUBJECTS
            for c in tok.children):
        # "the opposition it expressed": the object is the modified noun; not when the
        # relative pronoun is the subject ("a strike that shut down the capital")
        near.setdefault(tok.head.lemma_.lower(), tok.head)
    return near


def _find(word: str, near: dict[str, Any], sets: dict[str, frozenset[str]]) -> Any:
    if not word.startswith("&"):
        return near.get(word)
    members = sets.get(word, frozenset())
    for w, t in near.items():
        if w in members:
            return t
    for member in members:
        # a phrase ("concentration camp"): its head, with the words before it as modifiers
        *mods, head = member.split()
        if mods and head in near:
            t = near[head]
            if set(mods) <= {c.lemma_.lower() for c in t.children}:
                return t
    return None


def match_verb(tok: Any, patterns: PatternSet,
               names_someone: Callable[..., bool]) -> Hit | None:
    """The most specific verb pattern on ``tok`` (most words first); None when none matches
    or when the best match is a null pattern (a sense of the verb that is no event)."""
    cands: tuple[Pattern, ...] = ()
    for form in forms(tok):
        cands = patterns.verbs.get(form, ())
        if cands:
            break
    if not cands:
        return None
    kids = list(tok.children)
    near = _around_verb(tok) if any(p.words for p in cands) else {}
    # "ordered the UN mission to leave": the one ordered is no object of a sense of the verb;
    # the ordered act is the event (see roles.orderer)
    ordering = tok.lemma_.lower() in ORDER_VERBS and any(c.dep_ == "xcomp" for c in kids)
    particles = {c.lower_ for c in kids if c.dep_ == "prt"}
    for p in cands:
        if ordering and p.words and p.id.startswith("cameo:"):
            continue
        if particles and p.id.startswith("cameo:") and not particles & set(p.words) and any(
                w in PREPOSITIONS for w in p.words):
            continue  # "called up reservists for a war": a particle verb, not "call for"
        matched = [tok]
        extra = None
        ok = True
        for w in p.words:
            found = _find(w, near, patterns.sets)
            if found is None:
                ok = False
                break
            matched.append(found)
            if found.pos_ in ("NOUN", "PROPN"):
                extra = found
        if not ok:
            continue
        if p.particle and p.words[-1] not in particles:
            continue  # "gave a speech in Nairobi" is no "give in"
        if extra is not None and any(c.dep_ == "compound" and c.lower_ in _PRESS
                                     for c in extra.children):
            return None  # "held a news conference": a briefing for the press, no act
        if p.goes_to and not any(c.dep_ == "prep" and c.lower_ == "to" for k in kids
                                 for c in (k, *(k.children if k.dep_ == "dobj" else ()))):
            continue  # "cut oil supply by 2%": no one it goes to, no sanction
        if p.needs_object and not any(c.dep_ in ("dobj", "dative", "ccomp", "prep") or (
                c.dep_ == "nsubjpass" and tok.lemma_.lower() not in _STATE_PASSIVES) for c in kids):
            # "are seeking to deepen a partnership": intent, not a request; the one asked
            # may be the passive's subject ("Greece was urged by Germany to cut spending")
            continue
        if p.object in ("actor", "guest") and any(
                c.dep_ == "dobj" and not names_someone(c, p.object == "guest") for c in kids):
            # "received weapons", "held a general strike": no one is the object; a guest is
            # no thing named by its origin ("received Russian wheat")
            continue
        if p.object == "thing" and any(c.dep_ == "dobj" and _other_act(c, p, patterns)
                                       for c in kids):
            continue  # "sent a warning to Greece": the act given is the noun's
        if p.event == NULL_EVENT:
            return None
        return Hit(p, tok, matched, extra)
    return None


def _other_act(obj: Any, p: Pattern, patterns: PatternSet) -> bool:
    """Is the object no thing given: an act that a noun pattern codes as another type than
    ``p``'s ("sent a warning"), or a text or words (``@text``: "delivered a speech")?"""
    if obj.lemma_.lower() in word_classes()["@text"]:
        return True
    h = match_noun(obj, patterns)
    return h is not None and h.pattern.event != p.event


def match_noun(tok: Any, patterns: PatternSet) -> Hit | None:
    if any(c.dep_ == "compound" and c.lower_ in _PRESS for c in tok.children):
        return None  # "a press release", "a news conference": a text for the press, no act
    if tok.lemma_.lower() in _CONTESTS and any(
            c.dep_ in ("compound", "amod") and c.lower_ in _NOT_ARMED for c in tok.children):
        return None  # "a custody battle", "the legal fight", "a court battle": no fighting
    # patterns name the head as written ("military exercises") or as its lemma ("talks")
    cands = sorted(set(patterns.nouns.get(tok.lemma_.lower(), ())) | set(
        patterns.nouns.get(tok.lower_, ())),
        key=lambda p: (-len(p.words), p.id.startswith("cameo:"), p.id))
    if not cands:
        return None
    lefts = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") or c.i < tok.i]
    for p in cands:
        matched = [tok]
        ok = True
        for w in p.words:
            found = next((c for c in lefts if c.lemma_.lower() == w or c.lower_ == w), None)
            if found is None:
                ok = False
                break
            matched.append(found)
        if ok:
            return None if p.event == NULL_EVENT else Hit(p, tok, matched)
    return None
