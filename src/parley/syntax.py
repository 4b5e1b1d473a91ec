"""Shared syntax over a spaCy dependency parse: subjects, relative pronouns and clause chains.

The layer below the stage packages that read the parse for arguments: the event coder
(``parley.coding``) and the quote finder (``parley.quotes``) both ask who the subject of a verb
is, whether a pronoun is relative, and which verbs govern a clause. Two subject finders live
here, one per question, each as its users have relied on it:

- ``subject_tokens(verb)`` -> (tokens, passive): the acting subject of an event verb, through
  control ("urged Iran to withdraw" -> Iran), coordination and relative clauses, the passive
  agent first ("was greeted by Xi" -> Xi, passive);
- ``subject_of(verb)`` -> token: the one who speaks through a reporting verb, inherited by
  conjoined and participle clauses ("..., adding that ...") and by a noun a participle
  modifies ("911 calls saying ...").

Tokens are spaCy ``Token`` objects (typed ``Any``: this module imports nothing of spaCy).
"""

from __future__ import annotations

from typing import Any

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
# relative pronouns that stand in for their antecedent as a clause's subject or object
# ("the minister who said", "a deal that was signed"); "whose" is a determiner, never one
RELATIVE_HEADS = RELATIVE_PRONOUNS - {"whose"}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# links from a clause to the verb that governs it, followed by ``clause_chain``
CLAUSE_LINKS = frozenset({"xcomp", "conj", "advcl", "acomp", "oprd", "ccomp", "pcomp", "dep"})
# clauses whose subject is the governing verb's ("..., adding that", "expressing concerns")
INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp"})
# verbs whose object is the subject of their complement ("urged Iran to withdraw")
OBJECT_CONTROL = frozenset({"urge", "ask", "force", "order", "tell", "persuade", "allow", "invite",
                            "encourage", "press", "pressure", "compel", "oblige", "request",
                            "call", "permit", "authorize", "authorise", "instruct", "direct",
                            "require"})


def clause_chain(tok: Any) -> list[Any]:
    """The token and the verbs that govern it through clause links (xcomp, conj, ...)."""
    chain = [tok]
    cur = tok
    for _ in range(6):
        if cur.dep_ in CLAUSE_LINKS and cur.head.i != cur.i:
            cur = cur.head
            chain.append(cur)
        else:
            break
    return chain


def subject_tokens(v: Any) -> tuple[list[Any], bool]:
    """The subject tokens of the verb ``v`` and whether the clause is passive.

    Follows control and coordination ("Xi is planning to talk", "arrived ... ready to meet"),
    relative clauses ("the troops who attacked", "a ceasefire that was called for by Xi") and
    the passive agent ("by Xi").
    """
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
    if passive:
        agents = [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        return agents, True
    cur = v
    below = v
    for _ in range(6):
        if cur.i != v.i and below.dep_ == "xcomp":
            # control: "Obama is scheduled to attend" (passive governor -> its subject),
            # "urged Iran to withdraw" (object control -> the governor's object)
            held = [c for c in cur.children if c.dep_ == "nsubjpass"]
            if held:
                return held, False
            objs = [c for c in cur.children if c.dep_ == "dobj"]
            if objs and cur.lemma_.lower() in OBJECT_CONTROL:
                return objs, False
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "csubj", "expl")]
        if subj:
            s = subj[0]
            if s.lower_ in RELATIVE_PRONOUNS and cur.dep_ == "relcl":
                return [cur.head], False
            return [s], False
        agents = [p for c in cur.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agents:
            return agents, False
        if cur.dep_ == "relcl" or cur.dep_ == "acl":
            return ([cur.head] if cur.dep_ == "relcl" else []), False
        if cur.dep_ in CLAUSE_LINKS and cur.head.i != cur.i:
            below, cur = cur, cur.head
            continue
        break
    return [], False


def passive_subject(v: Any) -> list[Any]:
    out = []
    for c in v.children:
        if c.dep_ == "nsubjpass":
            out.append(v.head if c.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl" else c)
    return out


def subject_of(verb: Any, depth: int = 0) -> Any:
    """The token heading the subject of ``verb``: the agent of a passive, the subject of the
    governing verb for conjoined and participle clauses ("..., adding that ...")."""
    agent = None
    subj = None
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and subj is None:
            subj = child
        elif child.dep_ == "nsubjpass" and subj is None:
            subj = child
        elif child.dep_ == "agent":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
    if agent is not None:
        return agent
    if subj is not None and subj.dep_ != "nsubjpass":
        return subj
    # "Xi declared that there was X and maintained that Y": the parser often hangs the second
    # reporting verb on the first one's complement; its subject is still the first one's
    climbs = verb.dep_ in INHERIT_DEPS or (depth > 0 and verb.dep_ == "ccomp")
    if depth < 3 and climbs and verb.head is not verb:
        found = subject_of(verb.head, depth + 1)
        if found is not None:
            return found
    if depth < 3 and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head  # "911 calls saying shots were fired"
    return None


def relative_antecedent(tok: Any) -> Any:
    """The noun a relative pronoun stands for ("the minister *who* said" -> minister), or None
    when ``tok`` is no relative pronoun heading-in a relative clause."""
    if tok.lower_ in RELATIVE_HEADS and tok.head.dep_ == "relcl":
        return tok.head.head
    return None
