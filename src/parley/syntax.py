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

import re
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
# verbs that link a subject to what is said of it: "is critical of", "remains opposed",
# "seemed open to", "is against a ceasefire"
COPULAS = frozenset({"be", "remain", "become", "appear", "seem", "stay"})
# verbs whose object is the subject of their complement ("urged Iran to withdraw")
OBJECT_CONTROL = frozenset({"urge", "ask", "force", "order", "tell", "persuade", "allow", "invite",
                            "encourage", "press", "pressure", "compel", "oblige", "request",
                            "call", "permit", "authorize", "authorise", "instruct", "direct",
                            "require", "push"})


def _infinitive(v: Any) -> bool:
    """A to-infinitive with no subject of its own ("to send tanks")."""
    return to_infinitive(v) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)


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
        if cur.i != v.i and (below.dep_ == "xcomp" or below.dep_ == "advcl"
                             and cur.lemma_.lower() in OBJECT_CONTROL and _infinitive(below)
                             and any(c.dep_ == "nsubjpass" for c in cur.children)):
            # control: "Obama is scheduled to attend" (passive governor -> its subject),
            # "urged Iran to withdraw" (object control -> the governor's object); the parser
            # may hang the infinitive of a verb of pressing as a clause of purpose ("was
            # pushed by Washington to send tanks": Poland sends them, not Washington)
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
    share = next((c for c in verb.lefts if c.dep_ == "nummod" and c.tag_ == "CD"), None)
    if share is not None and subj is None:
        return share  # "About 4 in 10 say ...": the parser hangs a share of people on the verb
    # "Xi declared that there was X and maintained that Y": the parser often hangs the second
    # reporting verb on the first one's complement; its subject is still the first one's
    # "are unwilling to back the treaty", "seemed ready to sign": an infinitive under a
    # predicative adjective has the copula's subject
    climbs = verb.dep_ in INHERIT_DEPS or (depth > 0 and verb.dep_ in ("ccomp", "acomp", "oprd"))
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" \
            and verb.head.head.pos_ in ("VERB", "AUX") and verb.head.head.i != verb.head.i:
        # "thanked the fans before adding that ...", "ended by saying ...": a gerund in a
        # preposition's phrase has the subject of the verb the phrase hangs on
        found = subject_of(verb.head.head, depth + 1)
        if found is not None:
            return found
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


# ---------------------------------------------------------------- page furniture
# Segments of a scraped page that are no news text: bylines ("By Maria Petrova and Olena
# Harmash", "Posted by Admin on ..."), timestamps ("Updated 10:45 AM EST ..."), menus ("Home |
# World | Politics"), photo credits and pointers to other pages ("Read more: Xi arrives in
# Moscow"). They name people and places, but no one in them acts in the news: the actor stage
# takes no mention from them and the coder no event (the segmenter has already made each
# such line a segment of its own).

# a segment that starts so is furniture, whatever follows (a pointer, a credit, a prompt)
_ALWAYS = re.compile(
    r"^\s*(?:(?:read more|read also|also read|see also|more on this|share this|share on|"
    r"sign up|subscribe to|follow us|click here|download the app|most read|file photo|"
    r"editing by|reporting by|additional reporting|writing by|compiled by)\b"
    r"|(?:related|recommended|watch|listen|photos?|image|picture|video|credit|caption|"
    r"advertisement|sponsored|copyright|trending|subscribe)\s*(?:[:|»›]|$)|©)",
    re.IGNORECASE)
# a segment that starts so is furniture when no verb follows ("By John Smith, Reuters";
# not "By Tuesday, Russia had withdrawn")
_BYLINE = re.compile(r"^\s*(?:by|posted by|written by|published by|posted|published|updated|"
                     r"last updated|first published)\b", re.IGNORECASE)
_PREFIX_VERBS = frozenset({"posted", "written", "published", "updated", "compiled"})
_SEPARATORS = ("|", "•", "·", "»", "›")


def starts_as_furniture(text: str) -> bool:
    """Does a line of text start as a byline, a credit or a pointer does ("By ...", "Photo:",
    "Read more:")? For the segmenter, which makes such a line a segment of its own."""
    return bool(_ALWAYS.match(text) or _BYLINE.match(text))


def page_furniture(sent: Any) -> str:
    """Why the segment ``sent`` (a spaCy span) is page furniture, or "" when it is text."""
    text = sent.text.strip()
    if not text:
        return ""
    if _ALWAYS.match(text):
        return "a pointer, credit or prompt"
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.lower_ not in _PREFIX_VERBS]
    if _BYLINE.match(text) and not verbs:
        return "a byline or timestamp"
    if sum(text.count(s) for s in _SEPARATORS) >= 2:
        return "a menu"
    words = [t for t in sent if not t.is_punct and not t.is_space]
    timeish = [t for t in words if t.ent_type_ in ("DATE", "TIME") or t.like_num]
    if words and not verbs and len(timeish) >= 0.6 * len(words):
        return "a timestamp"
    return ""


_KEY = "parley.furniture"
# a widget of links to related stories inlined into a sentence, as some news sites print it
# after a name: "Prime Minister Theresa May Theresa Mary MayThe US needs ... Hold the Brexit
# Champagne MORE days before she leaves office": the name's long form runs into the first
# headline with no space, and the list ends in "MORE"; no sentence ends inside it (a
# headline's "Jan. 31" or "U.S." may stand there, a word's full stop before a capital not)
_INLINE_LINKS = re.compile(
    r"[A-Z][a-z]{2,}(?=[A-Z][a-z]*\s)(?:(?![a-z]{2}[.!?]\s+[A-Z])[^\n]){1,400}?\bMORE\b")


def furniture_tokens(doc: Any) -> frozenset[int]:
    """Indices of the tokens of ``doc`` that lie in page furniture, line by line within each
    segment (a byline the segmenter left joined to the next line is still one), and in a
    widget of related links inlined into a sentence; computed once per parse."""
    cached = doc.user_data.get(_KEY)
    if cached is None:
        out: set[int] = set()
        for sent in doc.sents:
            start = sent.start
            for tok in sent:
                if tok.is_space and "\n" in tok.text or tok.i == sent.end - 1:
                    line = doc[start:tok.i + 1]
                    if page_furniture(line):
                        out.update(range(start, tok.i + 1))
                    start = tok.i + 1
        for m in _INLINE_LINKS.finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
        cached = frozenset(out)
        doc.user_data[_KEY] = cached
    return cached


def to_infinitive(tok: Any) -> bool:
    """A verb with its infinitive marker: "to withdraw"."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.tag_ == "TO"
                                                for c in tok.children)


def asked_one(verb: Any, asking: frozenset[str]) -> tuple[Any, Any] | None:
    """The one a verb of asking asks and the infinitive it asks of them: the object ("implored
    Peru to release ...") or, for a verb asked through a preposition (``asking``: "call on",
    "appeal to", "plead with"), the preposition's object ("called on Kenya to withdraw");
    the asked one is the infinitive's subject. The parser hangs the infinitive on the verb as
    ``xcomp`` or ``advcl``. None when the verb has no such pair."""
    inf = next((c for c in verb.children if c.i > verb.i and c.dep_ in ("xcomp", "advcl")
                and to_infinitive(c) and not any(g.dep_ in ("nsubj", "nsubjpass")
                                                  for g in c.children)), None)
    if inf is None:
        return None
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if not verb.i < c.i < inf.i:
            continue
        if c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN", "PRON"):
            return c, inf
        if c.dep_ == "prep" and f"{lemma} {c.lower_}" in asking:
            obj = prep_object(c, ("pobj",))
            if obj is not None:
                return obj, inf
    return None


def prep_object(tok: Any, deps: tuple[str, ...] = ("pobj", "pcomp")) -> Any:
    """The object of a preposition ("against" -> "Ukraine"), or None."""
    return next((c for c in tok.children if c.dep_ in deps), None)
