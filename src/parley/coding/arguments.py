"""Who did it, to whom, when, and in what mood: argument finding on the dependency parse."""

from __future__ import annotations

from typing import Any

from parley.syntax import clause_chain

_ENTITY_DEPS = {"conj", "appos", "amod", "compound", "nmod", "poss", "cc"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "'d", "can", "must"}
_FUTURE_GOVERNORS = {"plan", "intend", "expect", "schedule", "set", "prepare", "aim", "hope",
                     "want", "seek", "ready", "due", "poised", "slate", "going", "go", "propose",
                     "vow", "pledge", "promise", "swear", "decide", "agree", "offer", "threaten", "try",
                     "wish", "likely", "about", "expected", "scheduled", "planning"}
_HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
# nouns for people, for patterns whose object must be someone ("arrested a tourist")
HUMAN_NOUNS = {
    "man", "woman", "men", "women", "people", "person", "child", "children", "boy", "girl",
    "tourist", "journalist", "reporter", "activist", "student", "citizen", "national", "resident",
    "suspect", "protester", "demonstrator", "worker", "member", "leader", "official", "soldier",
    "officer", "civilian", "prisoner", "detainee", "hostage", "refugee", "migrant", "dissident",
    "opponent", "politician", "lawmaker", "minister", "diplomat", "envoy", "delegation", "guest",
    "visitor", "counterpart", "president", "premier", "king", "queen", "crew", "sailor", "pilot",
    "fighter", "militant", "rebel", "supporter", "critic", "blogger", "lawyer", "judge", "doctor",
    "priest", "monk", "farmer", "villager", "teacher", "businessman", "executive", "spy", "agent",
}
_NEGATION_WORDS = {"not", "n't", "never", "no"}
_NEGATING_GOVERNORS = {"refuse", "decline", "fail", "deny", "reject"}


def objects(tok: Any, deps: tuple[str, ...]) -> list[Any]:
    """Recipient candidates: direct objects, datives and the objects of the named prepositions."""
    out = []
    for c in tok.children:
        if c.dep_ == "dobj" and "dobj" in deps:
            out.append(c)
        elif c.dep_ == "dative" and c.pos_ != "ADP":
            out.append(c)  # "gave Kyiv tanks"
        elif c.dep_ in ("prep", "dative", "agent") and (c.lower_ in deps or (
                c.dep_ == "dative" and "dative" in deps)):
            out.extend(p for p in c.children if p.dep_ == "pobj")  # "sent tanks to Kyiv"
    return out


def expand(tok: Any) -> list[Any]:
    """The token and its coordinated and modifying parts: 'Hungarian and Romanian officials'."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in _ENTITY_DEPS and c not in out:
                out.append(c)
                stack.append(c)
    return out


def aux_mode(trigger: Any, governor: Any | None = None) -> tuple[str | None, str]:
    """PLOVER auxiliary mode of the event and the words that show it."""
    chain = clause_chain(trigger)
    if governor is not None:
        chain += [t for t in clause_chain(governor) if t not in chain]
    toks = []
    for v in chain:
        toks.append(v)
        toks.extend(c for c in v.children if c.dep_ in ("aux", "auxpass", "neg", "mark", "advmod", "det"))
    words = {t.lower_ for t in toks}
    neg = [t for t in toks if t.dep_ == "neg" or (t.lower_ in _NEGATION_WORDS and t.dep_ in ("neg", "advmod", "det"))]
    if neg or any(v.lemma_ in _NEGATING_GOVERNORS for v in chain[1:]):
        return "negation", (neg[0].text if neg else next(v.text for v in chain[1:] if v.lemma_ in _NEGATING_GOVERNORS))
    hyp = [t for t in toks if t.dep_ == "aux" and t.lower_ in _HYPOTHETICAL_AUX]
    marks = [t for t in toks if t.dep_ == "mark" and t.lower_ in _HYPOTHETICAL_MARKS]
    if hyp or marks:
        return "hypothetical", (hyp or marks)[0].text
    fut = [t for t in toks if t.dep_ == "aux" and t.lower_ in _FUTURE_AUX]
    if fut:
        return "future", fut[0].text
    for v in chain[1:]:
        if v.lemma_ in _FUTURE_GOVERNORS or v.lower_ in _FUTURE_GOVERNORS:
            # "is planning to talk", "ready to meet", "is set to visit"
            if trigger.dep_ in ("xcomp", "pobj", "dobj") or trigger in v.subtree:
                return "future", v.text
    if "going" in words and any(t.lower_ == "to" for t in toks):
        return "future", "going to"
    return None, ""


def negating_governor(trigger: Any) -> Any:
    """'refused', 'failed', 'declined' governing the event through control, if any."""
    return next((v for v in clause_chain(trigger)[1:] if v.lemma_ in _NEGATING_GOVERNORS), None)


def modal_future(trigger: Any) -> bool:
    """A will/would/shall/'ll on the event's clause chain."""
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX | {"would", "'d"}
               for v in clause_chain(trigger) for c in v.children)


def tense(trigger: Any, mode: str | None) -> str:
    if mode == "future":
        return "future"
    chain = clause_chain(trigger)
    for v in chain:
        if v.tag_ in ("VBD", "VBN"):
            return "past"
        for c in v.children:
            if c.dep_ == "aux" and c.tag_ == "VBD":
                return "past"
            if c.dep_ == "aux" and c.lemma_ == "have":
                return "past"
    return "unknown"
