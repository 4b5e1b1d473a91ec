"""Who did it, to whom, when, and in what mood: argument finding on the dependency parse."""

from __future__ import annotations

from typing import Any

from parley import syntax
from parley.coding.matcher import Hit
from parley.coding.places import LOCATIVE, is_place_token
from parley.coding.roles import decided_act
from parley.model import Entity, Span
from parley.syntax import clause_chain

_ENTITY_DEPS = {"conj", "appos", "amod", "compound", "nmod", "poss", "cc"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "'d", "can", "must"}
_FUTURE_GOVERNORS = {"plan", "intend", "expect", "schedule", "set", "prepare", "aim", "hope",
                     "want", "seek", "ready", "due", "poised", "slate", "going", "go", "propose",
                     "vow", "pledge", "promise", "swear", "decide", "agree", "offer", "threaten", "try",
                     "wish", "likely", "about", "expected", "scheduled", "planning",
                     # predicative adjectives of readiness ("is prepared to", "willing to")
                     "prepared", "willing", "eager", "determined", "keen", "committed"}
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
# verbs and adjectives of not doing ("refused to", "is unwilling to", "is reluctant to")
_NEGATING_GOVERNORS = {"refuse", "decline", "fail", "deny", "reject", "reluctant", "unwilling",
                       "hesitant", "loath"}


def objects(tok: Any, deps: tuple[str, ...]) -> list[Any]:
    """Recipient candidates: direct objects, datives and the objects of the named prepositions."""
    out = []
    for c in tok.children:
        if c.dep_ == "dobj" and "dobj" in deps:
            out.append(c)
        elif c.dep_ == "dative" and c.pos_ != "ADP":
            out.append(c)  # "gave Kyiv tanks"
        elif c.dep_ == "prt" and c.lower_ == "up" and "dobj" in deps:
            # "kidnapped up to 16 advisers": a count the parser took for a particle
            out.extend(p for g in c.children if g.dep_ == "prep" and g.lower_ == "to"
                       for p in g.children if p.dep_ == "pobj"
                       and any(n.dep_ == "nummod" for n in p.children))
        elif c.dep_ in ("prep", "dative", "agent") and (c.lower_ in deps or (
                c.dep_ == "dative" and "dative" in deps)):
            out.extend(p for p in c.children if p.dep_ == "pobj")  # "sent tanks to Kyiv"
        elif c.dep_ == "prep" and c.lower_ in LOCATIVE:
            # "rallied in Lahore against India", "clashed in Kherson with Ukrainian troops":
            # a place's name takes no complement; the parser's attachment of the verb's
            # complement to it is the verb's
            out.extend(g for p in c.children if is_place_token(p)
                       for q in p.children if q.dep_ == "prep" and q.lower_ in deps
                       and q.lower_ not in LOCATIVE
                       for g in q.children if g.dep_ == "pobj")
    return out


def expand(tok: Any) -> list[Any]:
    """The token and its coordinated and modifying parts: 'Hungarian and Romanian officials',
    and the leader of a body led by it: 'the Saudi-led coalition'."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if (c.dep_ in _ENTITY_DEPS or c.dep_ == "npadvmod" and t.dep_ == "amod"
                    and t.lemma_.lower() == "lead") and c not in out:
                out.append(c)
                stack.append(c)
    return out


def _participle(tok: Any) -> bool:
    """A participle clause with no subject, auxiliary or conjunction of its own ("Backed by
    Egypt, Sudan rejected ...", "..., killing three"): it reports its own act, in its own
    mood, not in the mood of the clause it hangs on."""
    return tok.dep_ in ("advcl", "acl") and tok.tag_ in ("VBN", "VBG") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in tok.children)


def mood_chain(trigger: Any) -> list[Any]:
    """The clause chain whose auxiliaries and negations set the event's mood: up to the
    first participle clause."""
    chain = clause_chain(trigger)
    for k, v in enumerate(chain):
        if _participle(v):
            return chain[:k + 1]
    return chain


def aux_mode(trigger: Any, governor: Any | None = None) -> tuple[str | None, str]:
    """PLOVER auxiliary mode of the event and the words that show it."""
    chain = mood_chain(trigger)
    if governor is not None:
        chain += [t for t in mood_chain(governor) if t not in chain]
    toks = []
    for v in chain:
        toks.append(v)
        toks.extend(c for c in v.children if c.dep_ in ("aux", "auxpass", "neg", "mark", "advmod", "det"))
    words = {t.lower_ for t in toks}
    neg = [t for t in toks if t.dep_ == "neg" or (t.lower_ in _NEGATION_WORDS and t.dep_ in ("neg", "advmod", "det"))]
    refusal = _refusal(chain)
    if neg or refusal is not None:
        return "negation", (neg[0].text if neg else refusal.text)
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
    return _refusal(mood_chain(trigger))


def _refusal(chain: list[Any]) -> Any:
    """The refusing verb whose complement the chain's event is ("refused to deploy"); a verb
    coordinated with the refusal ("refused to X and urged Y") is no complement of it."""
    for below, v in zip(chain, chain[1:], strict=False):
        if v.lemma_ in _NEGATING_GOVERNORS and below.dep_ == "xcomp":
            return v
    return None


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


# nouns for bodies and groups that can act ("the party", "a coalition")
GROUP_NOUNS = frozenset({
    "party", "group", "movement", "faction", "coalition", "alliance", "union", "council",
    "committee", "commission", "court", "parliament", "assembly", "congress", "senate",
    "government", "administration", "regime", "authority", "authorities", "army", "force",
    "forces", "troops", "militia", "police", "gang", "organization", "organisation", "agency",
    "ministry", "department", "bloc", "junta", "cabinet", "opposition", "front", "network",
    "board", "tribunal", "delegation", "team", "company", "firm", "bank", "church", "mob",
    "crowd", "gunmen", "assailants", "attackers", "insurgents", "guerrillas", "jihadists",
    "guard", "guards", "jailer", "jailers", "settler", "settlers"})
_AGENTIVE = ("er", "or", "ist", "ian", "ant", "ent", "men")


def names_agent(tok: Any) -> bool:
    """Does this noun name a person or a group that can act ("the party", "gunmen",
    "protesters", "Hezbollah"), not a thing or an abstraction ("support", "the step")?"""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if tok.ent_type_:
        return False  # dates, numbers, money, places that are no states
    lemma = tok.lemma_.lower()
    if lemma in HUMAN_NOUNS or lemma in GROUP_NOUNS or tok.lower_ in GROUP_NOUNS:
        return True
    return tok.pos_ == "NOUN" and lemma.endswith(_AGENTIVE) and len(lemma) >= 5 \
        and not lemma.endswith(("ment", "center", "centre", "order", "border", "water"))


# what does harm when no one is named: "a car bomb killed", "an explosion wounded"
HARM_NOUNS = frozenset({
    "bomb", "explosion", "blast", "mine", "minefield", "shell", "shelling", "missile",
    "rocket", "grenade", "drone", "airstrike", "strike", "attack", "bombing", "explosive",
    "device", "mortar", "artillery", "gunfire", "fire", "raid"})


CONTEXT = "context"
# prepositions and conjunctions that put an event before the news ("since the invasion",
# "after the 2014 annexation", "since Russia invaded"): historical
_PAST_MARKERS = frozenset({"since", "after", "following", "before", "until", "prior"})
# prepositions that name the setting of the news ("amid the war", "during the occupation")
_SETTING_PREPS = frozenset({"amid", "amidst", "during", "throughout", "despite"})
# prepositions that name the ground of an act ("punished Iran for its attacks", "sanctions
# over the attacks by the Houthis"): a known act named so is no new event
_GROUND_PREPS = frozenset({"for", "over"})
_POINTING_DETS = frozenset({"the", "this", "that", "these", "those"})


def points_back(noun: Any) -> bool:
    """A bare definite noun ("the talks", "these arrests"), with nothing of its own to tell
    which act it is: the one the article has just told, named again as the time of what
    follows, not a second act."""
    children = list(noun.children)
    return bool(children) and all(c.dep_ == "det" and c.lower_ in _POINTING_DETS
                                  for c in children)


def _definite(noun: Any) -> bool:
    """Is the noun named as known: a definite or possessive determiner, or its doer named
    ("for its support", "over the attacks", "for attacks by the rebels")? An indefinite noun
    after "for" is an aim ("pressed for a ceasefire"), not a ground."""
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in _POINTING_DETS
               or c.dep_ == "prep" and c.lower_ == "by" for c in noun.children)


# nouns for a state of affairs rather than an act: named alone they are the setting
_STATE_NOUNS = frozenset({"war", "conflict", "hostilities", "occupation", "violence",
                          "bloodshed", "insurgency", "crisis", "fighting", "siege"})


# acts that last and that news names once they are known ("Russia's annexation of Crimea",
# "his invasion of Ukraine"): named so, with a possessor, they are background
_CAMPAIGN_NOUNS = frozenset({"invasion", "annexation", "occupation", "conquest",
                             "incursion"})
# verbs of which such a noun is still the news: "the invasion began at dawn"
_ONSET_VERBS = frozenset({"begin", "start", "resume", "continue", "escalate", "intensify",
                          "expand", "widen", "enter", "stall", "end"})


def _names_a_known_act(trig: Any) -> bool:
    """A campaign noun with a possessor ("Russia's", "his", "Crimea's"), not the subject of
    a verb of its onset or course, nor dated in its own phrase."""
    if not any(c.dep_ == "poss" for c in trig.children):
        return False
    if trig.dep_ in ("nsubj", "nsubjpass") and trig.head.lemma_.lower() in _ONSET_VERBS:
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in trig.subtree)


_CONDITION_MARKS = frozenset({"if", "unless", "whether", "provided", "providing", "lest"})


def _in_condition(trig: Any) -> bool:
    """Is the word inside a conditional clause ("if cooperation founders", "unless the
    army withdraws")? Up the tree to the clause's verb, then that verb's mark."""
    cur, n = trig, 0
    while n < 12:
        if cur.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS
                                               for c in cur.children):
            return True
        if cur.dep_ in ("ROOT", "ccomp", "xcomp") and cur.pos_ in ("VERB", "AUX") \
                or cur.head.i == cur.i:
            return False
        cur, n = cur.head, n + 1
    return False


def _describes_noun(v: Any) -> bool:
    """Is the verb a reduced relative, describing a noun rather than reporting an act: a
    participle or an infinitive with no subject of its own ("a lunch hosted by ...", "the
    first delegation to visit Bucharest"), or such a participle the parser took for a clausal
    subject ("the team trying to broker ... met")?"""
    if any(c.dep_ in ("nsubjpass",) for c in v.children):
        return False
    own_subject = any(c.dep_ == "nsubj" for c in v.children)
    if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
        return not own_subject
    if v.dep_ == "relcl" and not own_subject:
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
    if v.dep_ == "advcl" and v.tag_ == "VBG" and own_subject and v.head.dep_ == "ccomp":
        # "..., a member of the team trying to broker a deal has said": a participle with a
        # subject and no auxiliary inside a reported clause is a noun's description
        return not any(c.dep_ in ("aux", "auxpass", "mark") for c in v.children)
    return v.dep_ == "csubj" and v.tag_ == "VBG" and own_subject


# verbs that attribute what follows to their subject: who said it is named, not what it did
_REPORTING_VERBS = frozenset({"say", "tell", "report", "add", "state", "note", "write",
                              "explain", "quote"})


def describes_source(trig: Any) -> bool:
    """Is the word part of how the source of the sentence is named: inside a modifier of
    the subject of a verb of reporting ("a diplomat involved in the talks said", "officials
    working to broker a deal said", "a source close to the negotiations told AFP") or of the
    object of "according to"? Such a phrase says who speaks, it reports no act; a relative
    clause with its own subject ("the envoy who met Putin said") still tells one."""
    cur, n = trig, 0
    while cur.head.i != cur.i and n < 12:
        if cur.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            return False
        head = cur.head
        if cur.i != trig.i and cur.pos_ in ("NOUN", "PROPN", "PRON") and (
                cur.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in _REPORTING_VERBS
                or cur.dep_ == "pobj" and head.lower_ == "to"
                and head.head.lower_ == "according"):
            return True
        cur, n = head, n + 1
    return False


def _decided(v: Any) -> bool:
    """Is the verb the act a possessor decides ("China's decision to recognize ...")?"""
    return bool(decided_act(v)[0])


def background(trig: Any, pos: str, event: str, governed: bool) -> str:
    """How an event is named as background, not as news of the day: ``CONTEXT`` (not coded:
    the setting, "amid the war", "the war has driven prices up", "when asked about it, X
    said"), the word that dates it before the news ("since", "after", a noun it modifies:
    coded historical), or "" (the news itself)."""
    if _in_condition(trig):
        return CONTEXT  # "if it is attacked", "unless the president steps down": not a fact
    if describes_source(trig):
        return CONTEXT  # "a diplomat involved in the talks said ...": who speaks
    if pos == "noun":
        head = trig.head
        if trig.dep_ == "pobj" and head.lower_ in _PAST_MARKERS:
            if points_back(trig):
                return CONTEXT  # "after the talks", "since the attack": the act told before
            return head.text
        if trig.dep_ == "pobj" and head.lower_ in _SETTING_PREPS and not governed:
            return CONTEXT
        if trig.dep_ == "pobj" and head.lower_ in _GROUND_PREPS and not governed \
                and _definite(trig):
            return CONTEXT  # "sanctioned the Taliban for its support of ...": the ground
        if trig.dep_ in ("compound", "nmod", "amod") and head.pos_ in ("NOUN", "PROPN"):
            return f"modifier of '{head.text}'"  # "war crimes", "the invasion anniversary"
        if trig.lemma_.lower() in _STATE_NOUNS and not governed:
            return CONTEXT
        if trig.lemma_.lower() in _CAMPAIGN_NOUNS and not governed and _names_a_known_act(trig):
            return f"'{trig.text}' named as known"  # "Russia's annexation of Crimea alarmed ..."
        return ""
    if event == "REQUEST" and trig.tag_ == "VBN" and trig.dep_ in ("advcl", "acl") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in trig.children):
        return CONTEXT  # "(When) asked about the talks, Lavrov said": no one requests
    if trig.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since"
                                    for c in trig.children):
        return "since"
    if trig.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after"
                                    for c in trig.children):
        span = next((c for c in trig.children if c.dep_ == "npadvmod"
                     and c.ent_type_ in ("DATE", "TIME")), None)
        if span is not None:
            return f"{span.text} after"  # "two weeks after rebels kidnapped ...": before the news
    cur = trig
    while cur.dep_ == "xcomp" and cur.head.i != cur.i:
        cur = cur.head
    if _describes_noun(cur) and not _decided(cur):
        return CONTEXT  # "a lunch hosted by the ambassador", "the team trying to broker ..."
    if cur.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d")
                                   for c in cur.children) and cur.tag_ == "VBN":
        # "the minister, whom they had taken hostage", "the ships it had seized": a past
        # perfect relative clause says who a participant is, it reports nothing new
        return CONTEXT
    return ""


# ------------------------------------------------------- the coder's argument helpers
def hops(tok: Any, ancestor: Any) -> int:
    n = 0
    while tok.i != ancestor.i and tok.head.i != tok.i and n < 20:
        tok = tok.head
        n += 1
    return n


def inside_content(h: Hit, outer: Hit) -> bool:
    """Is ``h`` what ``outer`` asks, agrees, threatens, alleges ...? Its complements and
    objects, with or without a subject of their own ("demanded that Israel ease
    restrictions"); relative and adverbial clauses with a subject are events of their own."""
    t = h.trigger
    anchor = outer.extra if outer.extra is not None else outer.trigger
    if t.i == anchor.i or t in outer.tokens:
        return False
    if t.dep_ == "conj" and t.head.i == outer.trigger.i and t.pos_ in ("VERB", "AUX"):
        return False  # "criticized and then rejected the plan": two acts, not one's content
    cur = t
    for _ in range(5):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("relcl", "advcl") and cur.i == t.i and any(
                c.dep_ in ("nsubj", "nsubjpass", "agent") for c in cur.children):
            return False
        if cur.dep_ in ("relcl",):
            return False
        parent = cur.head
        if parent.i == outer.trigger.i or parent.i == anchor.i:
            # an infinitive with no subject of its own is what is asked or allowed too
            # ("would not give permission to Russia to help Israel")
            return cur.dep_ in ("xcomp", "dobj", "pobj", "prep", "ccomp", "pcomp", "acomp",
                                "oprd", "conj", "acl") or h.pattern.pos == "noun" or (
                cur.dep_ == "advcl" and cur.i == t.i
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children))
        cur = parent
    return False

# ------------------------------------------------------------------ one event


# nouns of a number or a body of people: "thousands of workers", "a group of soldiers" act
# as the people they count
MEASURE_NOUNS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens",
                           "million", "millions", "score", "scores", "group", "crowd",
                           "number", "handful", "band", "contingent", "column", "unit",
                           "squad", "convoy", "wave", "throng", "mob", "batch"})


_CROWDS = frozenset({"thousands", "hundreds", "dozens", "scores", "millions", "tens"})


def measured(tok: Any) -> Any:
    """The noun a measure noun counts ("thousands of workers" -> workers), else ``tok``."""
    if tok.lemma_.lower() not in MEASURE_NOUNS and tok.lower_ not in MEASURE_NOUNS:
        return tok
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            p = next((g for g in c.children if g.dep_ == "pobj"), None)
            if p is not None:
                return p
    return tok


def unresolved(subj: list[Any], text: str, harm: bool = False) -> list[Entity]:
    """The subject as an actor of its own words, when it names a person or a group: its
    head noun with the words that name it (determiners left out)."""
    out = []
    for t in subj[:1]:
        t = measured(t)
        if t.lower_ in _CROWDS and not list(t.children):
            pass  # "thousands rallied": a number of people on its own
        elif not (names_agent(t) or harm and t.lemma_.lower() in HARM_NOUNS):
            continue  # "a car bomb killed": what harms stands for whoever set it
        left = [x for x in t.lefts if x.dep_ in ("amod", "compound", "nmod", "nummod")]
        start = min([x.idx for x in left] + [t.idx])
        span = Span.of(text, start, t.idx + len(t))
        out.append(Entity(None, span.text, None, None, None, span))
    return out


def objects_deep(tok: Any, deps: tuple[str, ...]) -> list[Any]:
    """Objects of ``tok`` and of its direct object: "break relations with Russia",
    "offered its troops to Lebanon's new President"."""
    out = objects(tok, deps)
    for o in list(out):
        if o.dep_ in ("dobj", "pobj"):
            for part in (o, *o.conjuncts):  # "photographs and other intelligence to X"
                out += objects(part, tuple(d for d in deps if d != "dobj"))
                out += [c for c in part.children if c.dep_ == "poss"]
    return out


def complements(trig: Any) -> list[Any]:
    """Verbs of the clause that says what is agreed, asked, threatened (two levels deep)."""
    out = []
    for c in trig.children:
        if c.dep_ in ("xcomp", "ccomp", "pcomp") or (c.dep_ == "prep" and any(
                g.dep_ == "pcomp" for g in c.children)):
            verb = c if c.dep_ != "prep" else next(g for g in c.children if g.dep_ == "pcomp")
            out.append(verb)
            out.extend(g for g in verb.children if g.dep_ in ("xcomp", "conj"))
    return out


def noun_actor(hit: Hit) -> tuple[list[Any], bool]:
    t = hit.trigger
    poss = [c for c in t.children if c.dep_ == "poss"]
    if poss and not (hit.governor is not None and poss[0].pos_ == "PRON"):
        # ("Russia completed its withdrawal": the pronoun stands for the light verb's subject)
        return poss, False
    agents = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children
              if p.dep_ == "pobj"]
    # "the expulsion of the diplomats by Poland", "an attack on the embassy by students":
    # the parser hangs the agent on the object
    agents = agents or [p for c in t.children if c.dep_ == "prep"
                        and c.lower_ in ("of", "on", "against")
                        for o in c.children if o.dep_ == "pobj"
                        for b in o.children if b.dep_ == "prep" and b.lower_ == "by"
                        for p in b.children if p.dep_ == "pobj"]
    if agents:
        return agents, False
    mods = [c for c in t.children if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in
            ("NORP", "GPE", "ORG", "PERSON")]
    if mods:
        return mods, False
    preps = {c.lower_: [p for p in c.children if p.dep_ == "pobj"] for c in t.children
             if c.dep_ == "prep"}
    if hit.pattern.reciprocal and hit.governor is not None and not preps.get("between"):
        # "talks were held between Armenia and Azerbaijan": on the light verb
        preps["between"] = [p for c in hit.governor.children if c.dep_ == "prep"
                            and c.lower_ == "between" for p in c.children if p.dep_ == "pobj"]
    if (hit.pattern.reciprocal or hit.pattern.event == "ASSAULT") and preps.get("between"):
        # "talks between India and Pakistan": all parties are actors; so are those of a
        # fight ("clashes between Armenian and Azerbaijani troops"), as when they fight
        return preps["between"], False
    if hit.pattern.of_actor and preps.get("of"):
        # "the withdrawal of US troops", "the resignation of the prime minister"
        return preps["of"], False
    if hit.governor is not None:
        subj, passive = syntax.subject_tokens(hit.governor)
        return subj, passive
    if hit.pattern.event == "CONSULT" and t.dep_ == "pobj" and t.head.head.pos_ in ("VERB", "AUX") \
            and t.head.lower_ in ("in", "during", "at", "after", "before"):
        # "In a phone call with Narendra Modi, Fumio Kishida raised trade"
        return syntax.subject_tokens(t.head.head)
    return [], False
