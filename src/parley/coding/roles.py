"""Argument rules by linguistic class, for the rule coder (``coding/stage.py``).

Each function answers one question about an event's trigger on the dependency parse, for a
whole class of constructions rather than one phrase:

- ``stative_subject``: predicative participles ("is opposed to", "is committed to") are no
  passives: their grammatical subject acts;
- ``orderer``: ordering verbs ("ordered the newspaper to close") make the one who orders the
  actor of the ordered act and the one ordered its recipient;
- ``participle_undergoer``: a passive participle clause ("Backed by Egypt, Sudan ...")
  acts on the subject of the clause it modifies;
- ``shared_objects``: coordinated verbs share an object ("arrested and questioned two
  activists");
- ``noun_complements``: recipients inside the complements of an event noun ("a protest with
  Croatia", "sanctions against Zimbabwe", "its demand that Israel lift ...", "concern about
  China's buildup");
- ``condition_subjects``: the one an unless/until clause names is whom a threat or a
  conditioned act is aimed at ("... unless the United States lifts sanctions");
- ``agreement_object``: withdrawing from, pulling out of or quitting an agreement is a
  rejection of it, not a military retreat;
- ``condition_marks``: the if/unless clauses on an event's clause (a hostile act on a
  condition is a threat, a cooperative one an offer);
- ``authority_act``: arrests, expulsions, investigations in the passive with no agent are
  the acts of the state where they happen;
- ``work_stoppage``: a "strike" or "walk out" by people named by their work is a strike
  (PROTEST), not a military strike or a walking out of talks;
- ``answered_authors``: yielding to (or agreeing to) another's demand, pressure or proposal
  answers its author ("gave in to demands from the unions");
- ``claim_verbs``: a claim that another actor did harm ("claimed that Iran had attacked") is
  an accusation.

Tokens are spaCy ``Token`` objects (typed ``Any``).
"""

from __future__ import annotations

from typing import Any

from parley import syntax

# participles that say where their subject stands, not what was done to it
STATIVE_PARTICIPLES = frozenset({"opposed", "committed", "determined", "prepared", "dedicated",
                                 "resolved", "inclined", "disposed", "poised", "set", "unwilling",
                                 "ready", "willing"})
# verbs by which one with authority makes another act ("ordered troops to withdraw")
ORDER_VERBS = frozenset({"order", "instruct", "direct", "command", "decree"})
# verbs that state as true what another did ("claimed that", "alleged that")
CLAIM_VERBS = frozenset({"claim", "allege", "charge", "contend"})
# verbs of complaint: what they report is held against its actor, whatever it is
# ("authorities are failing to uphold rights, a rights group protested")
COMPLAINT_VERBS = frozenset({"complain", "protest", "lament", "grumble"})
# prepositions whose object, on an event noun, is on the receiving end of the event
NOUN_COMPLEMENT_PREPS = ("with", "against", "on", "over", "about", "into", "toward", "towards",
                         "to", "at", "for")
# light verbs: they lend a nominal event their subject ("held talks", "launched an attack")
LIGHT_VERBS = frozenset({
    "hold", "have", "launch", "conduct", "carry", "make", "stage", "impose", "issue", "sign",
    "reach", "begin", "start", "continue", "resume", "open", "announce", "mount", "lead",
    "organize", "organise", "join", "attend", "give", "provide", "offer", "send", "deliver",
    "pay", "host", "level", "file", "lodge", "order", "step", "intensify", "escalate", "face",
    "receive", "get", "win", "engage", "undertake", "perform", "wage", "commit", "unleash",
    "spark",
    # verbs of taking an act up again: "renewed talks", "reopened negotiations"
    "renew", "restart", "reopen", "relaunch", "revive",
    # ... or to its end: "completed its withdrawal"
    "complete", "finish"})
# verbs of answering an act with another: the act named after "with" is theirs
# ("retaliated with air strikes", "responded with sanctions")
RESPONSE_VERBS = frozenset({"retaliate", "respond", "react", "reply", "counter"})
# acts only a state's authorities do: in the passive with no agent, the state of the place
AUTHORITY_TYPES = frozenset({"COERCE", "SANCTION"})
# nouns for agreements: withdrawing from one rejects it
AGREEMENT_NOUNS = frozenset({"agreement", "deal", "treaty", "accord", "accords", "pact",
                             "convention", "protocol", "compact", "arrangement", "ceasefire",
                             "truce", "armistice", "memorandum", "framework", "charter"})
# verbs and nouns of leaving: their sense follows what is left
_LEAVING = frozenset({"withdraw", "pull", "quit", "exit", "leave", "abandon", "withdrawal",
                      "pullout", "departure", "abandonment", "renounce", "scrap",
                      "ditch"})
_CONDITION_LINKS = frozenset({"unless", "until", "till"})


def stative_subject(trig: Any) -> list[Any]:
    """The subject of a predicative participle with no agent ("Japan is opposed to the
    plan" -> Japan); empty when the clause is a true passive or no participle."""
    if trig.lower_ not in STATIVE_PARTICIPLES:
        return []
    if any(c.dep_ == "agent" for c in trig.children):
        return []
    return syntax.passive_subject(trig)


def passive_conjunct_subject(trig: Any) -> list[Any]:
    """The subject an active verb shares with the passive verb it is coordinated with: "the
    minister has been indicted ... and will resign" -> minister (not the passive's agent)."""
    head = trig.head
    if trig.dep_ != "conj" or head.i == trig.i or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in trig.children):
        return []
    return syntax.passive_subject(head)


def orderer(trig: Any) -> tuple[list[Any], list[Any]]:
    """(subject, object) of the ordering verb whose complement ``trig`` is: "Managua ordered
    the newspaper to close" -> ([Managua], [newspaper]); two empty lists when none."""
    head = trig.head
    if trig.dep_ != "xcomp" or head.i == trig.i or head.lemma_.lower() not in ORDER_VERBS:
        return [], []
    subj, passive = syntax.subject_tokens(head)
    if passive:
        # "the troops were ordered to withdraw by Moscow": the agent orders, the subject obeys
        return subj, syntax.passive_subject(head)
    return subj, [c for c in head.children if c.dep_ == "dobj"]


def participle_undergoer(trig: Any) -> list[Any]:
    """Whom a passive participle clause with an agent acts on: the subject of the clause it
    modifies ("Backed by Egypt, Sudan rejected ...") or the noun it modifies ("the minister,
    backed by the army, ...")."""
    if trig.tag_ != "VBN" or not any(c.dep_ == "agent" for c in trig.children):
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children):
        return []
    if trig.dep_ == "advcl":
        return [c for c in trig.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if trig.dep_ == "acl" and trig.head.pos_ in ("NOUN", "PROPN"):
        return [trig.head]
    return []


def shared_objects(trig: Any) -> list[Any]:
    """The object a verb shares with the verbs it is coordinated with ("arrested and
    questioned two activists" -> activists for "arrested"); empty when it has its own."""
    if any(c.dep_ in ("dobj", "dative", "xcomp", "ccomp", "attr", "oprd") for c in trig.children):
        return []  # its own object or complement ("refused to deploy ... and urged X")
    out = []
    for other in (*[c for c in trig.children if c.dep_ == "conj"],
                  *([trig.head] if trig.dep_ == "conj" else [])):
        if other.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in other.children):
            continue  # a clause with a subject of its own has its own object
        out += [c for c in other.children if c.dep_ == "dobj"]
    return out


def noun_complements(noun: Any) -> list[Any]:
    """Who an event noun is aimed at: its prepositional objects and their possessors, and the
    subject of its that-clause ("its demand that Israel lift the blockade")."""
    out = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in NOUN_COMPLEMENT_PREPS:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append(p)
                    out += [g for g in p.children if g.dep_ == "poss"]
                    out += act_doers(p)
        elif c.dep_ in ("acl", "ccomp", "relcl") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            out += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")
                    and g.lower_ not in syntax.RELATIVE_PRONOUNS]
    return out


def act_doers(noun: Any) -> list[Any]:
    """Who did the act a noun names, by its agent phrase: "crimes by Croat forces", "abuses
    committed by the police", "the detention of activists by Turkey" -> the agent; an event
    aimed at such an act is aimed at its doer."""
    out = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
           for p in c.children if p.dep_ == "pobj"]
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            out += [p for a in c.children if a.dep_ == "agent"
                    for p in a.children if p.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ == "of":
            # "the killing of civilians by soldiers": the parser hangs the agent on the object
            out += [p for o in c.children if o.dep_ == "pobj" for b in o.children
                    if b.dep_ == "prep" and b.lower_ == "by" for p in b.children if p.dep_ == "pobj"]
    return out


def between(noun: Any) -> list[Any]:
    """The parties named by "between" on a noun: "mediation between Sudan and Ethiopia"."""
    out = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            for p in c.children:
                if p.dep_ == "pobj":
                    out += [p, *p.conjuncts]
    return out


def purpose_clause(trig: Any) -> bool:
    """Is the verb an infinitive of purpose with no subject of its own ("deployed troops to
    fight gangs")?"""
    return trig.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trig.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in trig.children)


def object_place(noun: Any) -> list[Any]:
    """The state an event noun's own place names, for a verbal reaction to it: "condemned
    the coup in Niger" -> Niger (the place of the coup, not of the condemning)."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "inside")
            for p in c.children if p.dep_ == "pobj" and p.ent_type_ == "GPE"]


def event_nouns(tokens: list[Any]) -> list[Any]:
    """The nouns of a verb pattern's words, and the objects of its prepositions ("call for
    sanctions" -> sanctions)."""
    out = []
    for t in tokens:
        if t.pos_ in ("NOUN", "PROPN"):
            out.append(t)
        elif t.dep_ == "prep":
            out += [p for p in t.children if p.dep_ == "pobj"]
    return out


def condition_subjects(trig: Any) -> list[Any]:
    """The subjects of the unless/until clauses on the event's clause and its complements:
    "will boycott the talks unless Turkey withdraws" -> Turkey."""
    verbs = list(syntax.clause_chain(trig))
    verbs += [c for c in trig.children if c.dep_ in ("xcomp", "ccomp")]
    out = []
    for v in verbs:
        for a in v.children:
            if a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITION_LINKS
                                         for c in a.children):
                out += [c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out


def agreement_object(trig: Any) -> Any:
    """The agreement a verb or noun of leaving leaves ("withdrew from the deal", "pulled out
    of the accord", "quit the treaty", "its withdrawal from the pact"), or None."""
    if trig.lemma_.lower() not in _LEAVING and trig.lower_ not in _LEAVING:
        return None
    cands = [c for c in trig.children if c.dep_ == "dobj"]
    for c in trig.children:
        if c.dep_ in ("prep", "prt") and c.lower_ in ("from", "of", "out"):
            cands += [p for p in c.children if p.dep_ == "pobj"]
            cands += [p for g in c.children if g.dep_ == "prep" for p in g.children
                      if p.dep_ == "pobj"]  # "pull out of": out -> of -> the deal
    return next((c for c in cands if c.lemma_.lower() in AGREEMENT_NOUNS), None)


# people who strike by stopping work
_WORKERS = frozenset({
    "worker", "miner", "teacher", "nurse", "doctor", "union", "docker", "driver", "trucker",
    "employee", "staff", "farmer", "student", "pilot", "labourer", "laborer", "servant",
    "railwayman", "steelworker", "dockworker", "lecturer", "professor", "unionist"})


def work_stoppage(trig: Any, subj: list[Any]) -> bool:
    """Is this "strike" (or "walk out") a stopping of work ("miners began a strike", "the
    strike by teachers", "nurses walked out"), not a military strike or a walking out of
    talks? By whom: people named by their work."""
    strike = trig.pos_ == "NOUN" and trig.lemma_.lower() == "strike"
    walkout = trig.lemma_.lower() == "walk" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "out"
                                                    for c in trig.children)
    if not (strike or walkout):
        return False
    return any(t.lemma_.lower() in _WORKERS or t.lower_.rstrip("s") in _WORKERS
               for s in subj for t in (s, *(c for c in s.children if c.dep_ == "compound")))


# nouns of an armed act that a preparation can be for ("mobilized reservists for a war")
_ARMED_ACTS = frozenset({"war", "attack", "offensive", "operation", "invasion", "assault",
                         "strike", "campaign", "raid", "incursion"})


def prepared_against(trig: Any) -> list[Any]:
    """Whom the armed act that an act prepares is aimed at: "mobilized reservists for a
    possible war against Iraq", "massed troops for an offensive on Kharkiv"."""
    return [p for c in trig.children if c.dep_ == "prep" and c.lower_ == "for"
            for n in c.children if n.dep_ == "pobj" and n.lemma_.lower() in _ARMED_ACTS
            for g in n.children if g.dep_ == "prep" and g.lower_ in ("against", "on", "into")
            for p in g.children if p.dep_ == "pobj"]


def authority_act(event: str, modes: tuple[str, ...]) -> bool:
    """Is it an act only a state's authorities do (arrest, expel, investigate), which in the
    passive with no agent is the state's where it happens ("was arrested in Iran")?"""
    return event in AUTHORITY_TYPES or "investigate" in modes


# senses in which an actor moves its own forces: deploying, withdrawing, disarming them
_OWN_FORCE_MODES = frozenset({"troops", "police", "withdraw", "disarm"})


def moves_own_forces(event: str, modes: tuple[str, ...], context: tuple[str, ...]) -> bool:
    """Is it an act by which an actor moves or stands down its own forces ("deployed its
    troops", "withdrew its soldiers", CAMEO's military "withdraw peacekeepers"), so that in
    the passive with no agent ("Ugandan troops were withdrawn from Somalia") whose forces
    they are is the one who acts?"""
    if event == "SANCTION":
        return "expel" in modes and "military" in context
    return event in ("MOBILIZE", "RETREAT") and bool(_OWN_FORCE_MODES & set(modes))


def condition_marks(trig: Any) -> set[str]:
    """The words that open conditional clauses on the event's clause ("if", "unless"):
    "will close the border if Syria attacks"."""
    return {c.lower_ for v in syntax.clause_chain(trig) for a in v.children
            if a.dep_ == "advcl" for c in a.children if c.dep_ == "mark"}


def claim_complement(tok: Any) -> tuple[Any, bool]:
    """The reported clause of a claim or complaint verb ("The US claimed that Iran had
    attacked ...", "X is failing to ..., a rights group protested") and whether only a
    hostile act in it makes it an accusation (claims: yes; complaints: no); (None, True)
    when ``tok`` is neither with such a clause."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in CLAIM_VERBS | COMPLAINT_VERBS:
        return None, True
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    return comp, lemma in CLAIM_VERBS


# verbs whose object is the one an act is for: "sent weapons to help defend Estonia"
_BENEFIT_VERBS = frozenset({"help", "defend", "protect", "assist", "aid", "support", "guard",
                            "secure", "rescue", "back", "bolster", "shield", "reinforce"})
# verbs of letting whose object is the one let (or not let) do something
_PERMIT_VERBS = frozenset({"allow", "let", "permit", "authorize", "authorise", "enable"})


def _object_or_owner(verb: Any) -> list[Any]:
    """The object of ``verb``, or its possessor when the object is a thing of someone's
    ("to protect Iraq's oil fields" -> Iraq)."""
    out = []
    for c in verb.children:
        if c.dep_ != "dobj":
            continue
        owners = [m for m in c.children if m.dep_ == "poss" and m.pos_ == "PROPN"]
        out += owners or [c]
    return out


def _infinitive(c: Any) -> bool:
    return any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) \
        and not any(x.dep_ in ("nsubj", "nsubjpass", "mark") for x in c.children)


def beneficiaries(trig: Any) -> list[Any]:
    """Whom an act is for or whom it lets (or does not let) act, when no recipient is
    named: the object of a purpose clause of helping or defending ("deployed troops to
    protect Kuwait", "sent arms to help defend Estonia") and the one let act in the event's
    complement ("refused to allow UN planes to land", "refused to let inspectors visit")."""
    out: list[Any] = []
    has_object = any(c.dep_ == "dobj" for c in trig.children)
    for c in trig.children:
        if c.dep_ not in ("advcl", "xcomp") or not _infinitive(c):
            continue
        v = c
        # "to help defend Estonia": the object of the last verb of the chain
        for _ in range(3):
            nxt = next((x for x in v.children if x.dep_ == "xcomp"
                        and x.lemma_.lower() in _BENEFIT_VERBS), None)
            if nxt is None:
                break
            v = nxt
        lemma = v.lemma_.lower()
        if lemma in _BENEFIT_VERBS and (c.dep_ == "advcl" or has_object):
            out += _object_or_owner(v)
        elif lemma in _PERMIT_VERBS and c.dep_ == "xcomp":
            out += [x for x in v.children if x.dep_ == "dobj"]
            out += [x for k in v.children if k.dep_ in ("ccomp", "xcomp")
                    for x in k.children if x.dep_ == "nsubj"]
    return out


_OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


def owners(noun: Any) -> list[Any]:
    """The modifiers of a thing that can say whose it is: its possessor and its noun and
    adjective modifiers, and theirs through a modifying noun ("a Russian embassy car" ->
    Russian, "the U.S. navy ship" -> U.S.)."""
    out = []
    for m in noun.children:
        if m.dep_ not in _OWNER_DEPS:
            continue
        out.append(m)
        if m.dep_ == "compound" and m.pos_ == "NOUN":
            out += [g for g in m.children if g.dep_ in _OWNER_DEPS]
    return out


def answered_authors(trig: Any) -> list[Any]:
    """Whose act a verb answers when its to-object names that act ("gave in to demands from
    the unions", "bowed to Chinese pressure", "agreed to Egypt's proposal"): the act's author,
    by its from-, by- or of-object, its possessor or its owner modifier."""
    out = []
    for c in trig.children:
        if c.dep_ != "prep" or c.lower_ != "to":
            continue
        for n in c.children:
            if n.dep_ == "pobj" and n.pos_ == "NOUN":
                out += [p for m in n.children if m.dep_ == "prep" and m.lower_ in ("from", "by", "of")
                        for p in m.children if p.dep_ == "pobj"]
                out += owners(n)
    return out


# people named by their protesting
_PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher",
                         "picketer", "looter"})


def by_protesters(subj: list[Any]) -> bool:
    """Is the actor named as people protesting ("protesters", "hundreds of rioters", "a
    Ukrainian protestor")?"""
    for s in subj[:1]:
        t = s
        if t.lower_ in ("thousands", "hundreds", "dozens", "scores", "crowds", "group", "crowd"):
            t = next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"), t)
        if t.lemma_.lower() in _PROTESTERS or t.lower_.rstrip("s") in _PROTESTERS:
            return True
    return False


# the press as a party: those one speaks to when one makes a statement
_PRESS = frozenset({"reporter", "journalist", "press", "media", "correspondent", "newsman",
                    "newsmen", "reporters", "journalists"})


def all_press(recipients: list[Any]) -> bool:
    """Are all the recipients the press ("spoke to reporters", "speaking to the BBC", the
    news media's sector JRN)? Talking to them is a statement, not a meeting."""
    return bool(recipients) and all(
        e.sector == "JRN" or e.text.split()[-1].lower() in _PRESS for e in recipients)


def by_state(subj: list[Any], actors: list[Any]) -> bool:
    """Is the actor a state or its government ("India", "the Japanese foreign ministry"),
    not people of it ("Armenians", "students")?"""
    return any(e.sector == "GOV" for e in actors) or any(
        t.ent_type_ == "GPE" and t.pos_ == "PROPN" for t in subj[:1])


# nouns of deciding or intending whose infinitive names the act decided ("China's decision
# to recognize ...", "Britain's plan to send troops"), and those of them that put it ahead
DECISION_NOUNS = frozenset({"decision", "move", "plan", "bid", "readiness", "willingness",
                            "intention", "determination", "resolve"})
_INTENT_NOUNS = frozenset({"plan", "bid", "readiness", "willingness", "intention",
                           "determination", "resolve", "effort"})
# nouns of acting whose infinitive names the act done ("took steps to ease ...")
_STEP_NOUNS = frozenset({"step", "measure", "action", "effort"})
# verbs that take, make or announce a decision or a step: their subject decides and acts
_DECIDING_VERBS = LIGHT_VERBS | {"take", "adopt", "unveil"}


def decided_act(trig: Any) -> tuple[list[Any], bool]:
    """(who decides, whether the act is yet to come) when ``trig`` is the infinitive of a
    noun of deciding or acting: its possessor ("Moscow's move to expel ..."), or else the
    subject of the verb that takes, makes or announces it ("Egypt took steps to ease ...",
    "Turkey announced a plan to send troops"); else ([], False)."""
    head = trig.head
    lemma = head.lemma_.lower()
    # the parser takes the infinitive for an acl, or for a relative clause with no subject
    if trig.dep_ not in ("acl", "relcl") or head.pos_ != "NOUN" \
            or lemma not in DECISION_NOUNS | _STEP_NOUNS or not _infinitive(trig):
        return [], False
    owner = [c for c in head.children if c.dep_ == "poss"]
    if not owner and head.dep_ == "dobj" and head.head.lemma_.lower() in _DECIDING_VERBS:
        subj, passive = syntax.subject_tokens(head.head)
        owner = [] if passive else subj
    return owner, bool(owner) and lemma in _INTENT_NOUNS
