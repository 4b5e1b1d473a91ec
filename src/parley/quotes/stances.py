"""Stances: holder x target x polarity, from the words that carry a position.

A cue (``data/stance_cues.yaml``) is read where it stands:

- a **verb** and its object ("condemned Israel's strikes", "praised Putin"), a phrasal verb
  and its preposition's object ("lobbied against sanctions": one cue, one oppose), the
  antecedent of a relative clause ("a ceasefire that was called for by Xi"), the subject of a
  passive; a verb whose object is the person addressed reads the clause after it ("urged
  Russia to accept a truce" -> support truce, toward Russia);
- a **noun** and its preposition ("opposition to a ceasefire", "concerns about the deal") or
  its *that* clause ("concerns that a peace pact would be one-sided" -> oppose the pact);
- an **evaluative consequence** in reported speech: a target as the subject of a predicate
  that judges it ("a ceasefire now would ratify the conquest", "would work against Ukraine"),
  held by the reporting verb's subject or the quote's speaker.

Scope: a cue on a cue composes ("rejected calls for a ceasefire" -> oppose ceasefire; the
inner noun gives no stance of its own unless it has its own holder, "China's calls"); negation
and words of refusal flip the polarity ("did not oppose", "refused to back").

A stance always has a holder that the actor stage resolved; inside a quote, a stance with no
holder of its own, or held by "I"/"we", belongs to the quote's speaker. One stance is kept per
holder, target and polarity in a document (the first evidence).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any

from parley.model import Document, Entity, Quote, Span, Stance
from parley.quotes.attribution import Candidate, token_indices
from parley.quotes.holders import (
    advised,
    asked_of_another,
    charged_deed,
    holder_of_noun,
    holder_of_verb,
    particle,
    passive_holder,
    pointed_back,
)
from parley.quotes.judgements import judgement, speech_holder, term_set
from parley.quotes.lexicon import reporting_words, stance_cues
from parley.quotes.scope import negated, unasserted, undone_on_the_way, withheld
from parley.quotes.speaker import actor_entity, entity_for, speaker_span
from parley.quotes.targets import Target, ended_target, read_target
from parley.syntax import COPULAS, RELATIVE_HEADS, prep_object, subject_of, to_infinitive

logger = logging.getLogger(__name__)

_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
# the speaker's own state in its words: "her government", "our country", "his administration"
_OWN_BODIES = frozenset({"government", "administration", "country", "nation", "cabinet",
                         "ministry"})
# "support for", "opposition to", "concerns about": not "their support in the election"
_NOUN_PREPS = frozenset({"for", "of", "to", "behind", "toward", "towards", "against", "about",
                         "over", "on"})
# nouns of asking take their issue only after "for": "calls for a ceasefire", not "a call with
# reporters", "appeals to voters"
_FOR_ONLY = frozenset({"call", "calls", "appeal", "appeals", "plea", "demand", "demands", "push"})
_FLIP = {"support": "oppose", "oppose": "support"}
# leaving a place is a move, not a position: "withdrew from the city" (but "from the treaty")
_MOVES = frozenset({"withdraw from", "pull out of"})
_PLACE_NOUNS = frozenset({"territory", "area", "region", "mile", "kilometre", "kilometer", "city",
                          "town", "village", "base", "position", "country", "border", "province",
                          "capital", "front", "land", "island", "district", "zone"})
# words opening the time or circumstance of a course, not the course itself
_CIRCUMSTANCES = frozenset({"before", "after", "ahead", "until", "during", "despite", "since",
                            "amid", "without", "while", "when", "following"})
# verbs of having or getting a position others hold: "has the support of the unions", "won
# the backing of France", "faced the opposition of the council"; not of lacking, losing or
# seeking one ("lost the support of", "sought the backing of": not held now)
_HAVING = frozenset({"have", "enjoy", "retain", "keep", "command", "win", "gain", "get",
                     "receive", "earn", "secure", "garner", "draw", "attract", "face", "meet",
                     "encounter", "muster"})
# verbs of leaning on a position others hold: "relied on the support of China"
_RELYING = frozenset({"rely", "count", "depend", "bank", "lean"})


@dataclass(slots=True)
class _Cue:
    polarity: str
    cue: Any  # the token that carries the position
    cue_end: Any  # last token of the cue ("called for": "for")
    target: Any  # token heading the target phrase, or None when ``found`` is given
    holder: Any  # token, or None (then the quote's speaker)
    how: str
    found: Target | None = None  # a target already read (from a clause)
    toward: Any = None  # token: whom it is said to affect ("work against Ukraine")
    allow_actor: bool = True
    after: Any = None  # the verb's preposition after the object ("backed aid to Israel")
    advice: Any = None  # token: the subject a course is urged on ("Congress needs to reject")
    own_subject: bool = False  # the clause names its holder (or leaves it out): no speaker's


def _compose(outer: str, inner: str) -> str:
    return outer if inner == "support" else _FLIP[outer]


def _clause_issue(document: Document, clause: Any) -> Target | None:
    """The issue a clause is about: the target of a cue inside it, else the first lexicon
    issue in it ("urged Israel to allow humanitarian corridors")."""
    found = _clause_issue_at(document, clause)
    return found[0] if found is not None else None


def _clause_issue_at(document: Document, clause: Any) -> tuple[Target, Any] | None:
    # what a wanted speech act would say is no issue of the wish: "urged the director to tell
    # the public that he was not under investigation" wants a statement, not an investigation
    words = reporting_words()
    said = {t.i for c in clause.subtree if c.dep_ == "ccomp"
            and c.head.lemma_.lower() in words.speech for t in c.subtree}
    # nor is what happens around the course: "rejected releasing prisoners ahead of launching
    # the talks", "wants to hold the vote before the summit" are not about talks or a summit
    said |= {t.i for c in clause.children if (c.dep_ in ("prep", "advmod") and c.lower_ in
                                              _CIRCUMSTANCES) or (c.dep_ == "advcl" and any(
        m.dep_ in ("mark", "advmod") and m.lower_ in _CIRCUMSTANCES for m in c.children))
        for t in c.subtree}
    for tok in clause.subtree:
        if tok.i in said:
            continue
        if tok.dep_ in ("dobj", "pobj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN"):
            found = read_target(document, tok, allow_actor=False)
            if found is not None and not found.how.startswith("open"):
                return found, tok
    return None


def _phrasal(tok: Any, lemma: str, kids: list[Any]) -> tuple[str, Any] | None:
    """A phrasal cue ("call for", "warn against", "push back on", "call on") and the particle
    or preposition its object hangs on."""
    cues = stance_cues()
    known = (cues.support_verbs | cues.oppose_verbs | cues.addressee_verbs
             | cues.clause_oppose_verbs)
    for c in kids:
        if not particle(c) and c.dep_ != "prep" or c.i - tok.i > 3:
            continue
        nxt = next((g for g in c.children if g.dep_ == "prep"), None) or next(
            (g for g in kids if g.dep_ == "prep" and g.i == c.i + 1), None)
        if particle(c) and nxt is not None and f"{lemma} {c.lower_} {nxt.lower_}" in known:
            return f"{lemma} {c.lower_} {nxt.lower_}", nxt
        if f"{lemma} {c.lower_}" in known:
            return f"{lemma} {c.lower_}", c
    return None


_AFTER_PREPS = frozenset({"to", "on", "against", "for"})


def _verb_cues(document: Document, tok: Any, inner: bool = False) -> list[_Cue]:
    """The cue a verb carries and its target; ``inner``: the verb is the clause of an
    addressee verb or of "want" ("urged Iran to halt enrichment")."""
    cues = stance_cues()
    lemma = tok.lemma_.lower()
    kids = [c for c in tok.children if c.i > tok.i]
    phrasal = _phrasal(tok, lemma, kids)
    if phrasal is None and any(particle(c) for c in kids):
        # a particle makes another verb of it: "backed down", "pushed the vote back", "backed
        # off its pledge" take no position; a phrasal cue is listed whole ("back up")
        return []
    key, prep = phrasal if phrasal is not None else (lemma, None)
    # "called for the sanctions to be eased": "for" opens a clause of its own (its mark), and
    # that clause is what the phrasal cue asks for
    for_clause = None if phrasal is not None else next(
        (c for c in kids if c.dep_ == "advcl" and c.pos_ in ("VERB", "AUX")
         and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)
    if for_clause is not None and cues.verb_polarity(f"{lemma} for") is not None:
        key = f"{lemma} for"
    else:
        for_clause = None
    pol = cues.verb_polarity(key)
    if pol is None and inner and (key in cues.clause_oppose_verbs or key in cues.ending_verbs):
        pol = "oppose"
    addressee = key in cues.addressee_verbs
    if pol is None and not addressee:
        return []
    holder = holder_of_verb(tok)
    if pointed_back(holder) is not None:
        return []  # "dismissed the plan, saying it would ratify ...": a judgement of the plan
    if prep is not None and prep.dep_ == "prep":
        dobj = prep_object(prep)
        if key in _MOVES and dobj is not None and _a_place(dobj):
            return []  # "withdrew from 700,000 square miles", "pulled out of Kherson": a move
        if holder is None:  # "Kim was committed to denuclearisation": Kim's commitment
            holder = passive_holder(tok)
    else:
        dobj = next((c for c in kids if c.dep_ in ("dobj", "dative")), None)
    how = f"'{key}'" if prephrasal(key) else f"verb {tok.text!r}"
    cue_end = prep if prep is not None else tok
    comp = for_clause or next((c for c in kids if c.pos_ in ("VERB", "AUX") and (
        c.dep_ == "xcomp" or c.dep_ == "ccomp" and pol is not None and not addressee
        or c.dep_ == "advcl" and addressee and to_infinitive(c))), None)
    if comp is not None and (dobj is None or addressee or dobj.pos_ in ("PRON", "PROPN")):
        # "urged Russia to accept a truce", "wants to lift the sanctions", "opposed raising
        # the debt ceiling": the clause is what is asked for, toward the one asked
        base = pol or "support"
        # "urged Germany not to back the sanctions", "encouraged me not to run": the course
        # asked for is the inner one undone
        if any(c.dep_ == "neg" for c in comp.children):
            base = _FLIP[base]
        found_inner = _verb_cues(document, comp, inner=True)
        if found_inner and (found_inner[0].target is not None or found_inner[0].found):
            i = found_inner[0]
            return [_Cue(_compose(base, i.polarity), tok, cue_end, i.target, holder,
                         f"{how} on {i.how}", found=i.found, toward=dobj,
                         allow_actor=i.allow_actor, after=i.after)]
        at = _clause_issue_at(document, comp)
        if at is not None:
            found, where = at
            pol_in = _FLIP[base] if undone_on_the_way(comp, where) else base
            return [_Cue(pol_in, tok, cue_end, None, holder, f"{how} on a clause", found=found,
                         toward=dobj)]
        return []
    if pol is None:
        return []  # "pressed Iran": whom, not what
    if dobj is not None:
        if addressee and dobj.pos_ in ("PRON", "PROPN"):
            return []  # "urged voters", "asked him": whom, not what
        if lemma in cues.hosting_verbs and prep is None and _names_someone(document, dobj):
            return []  # "Putin welcomed Xi to the Kremlin": a greeting, not a position
        charged = _charge(document, tok, lemma, dobj) if prep is None else None
        if charged is not None:
            # "blamed Indian soldiers for the clash": a position on the deed, toward the
            # accused; "accused Moscow of imposing sanctions" likewise
            found, undoes, accused = charged
            return [_Cue(_FLIP[pol] if undoes else pol, tok, cue_end, None, holder,
                         f"{how} with its charge", found=found, toward=accused)]
        ended = ended_target(document, tok, key, dobj)
        if ended is not None:  # "to stop the fighting": for the ceasefire, not against fighting
            return [_Cue(_FLIP[pol], tok, cue_end, None, holder, how, found=ended)]
        after = None
        if prep is None:
            after = next((c for c in kids if c.dep_ == "prep" and c.lower_ in _AFTER_PREPS
                          and c.i == dobj.right_edge.i + 1), None)
        return [_Cue(pol, tok, cue_end, dobj, holder, how, after=after)]
    if tok.dep_ == "relcl" and prep is not None:
        return [_Cue(pol, tok, cue_end, tok.head, holder, how)]  # "a ceasefire that was called for"
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is not None:
        target = tok.head if subj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl" else subj
        agent = subject_of(tok)
        # "the deal was widely backed": someone backed it, not the one who reports it
        return [_Cue(pol, tok, cue_end, target,
                     agent if agent is not None and agent.i != subj.i else None,
                     f"passive {tok.text!r}", own_subject=True)]
    return []


def _names_someone(document: Document, tok: Any) -> bool:
    """The phrase names a person or an actor itself ("Xi", "the visiting president", "Sweden's
    king"), not a thing of theirs ("Biden's decision")."""
    if tok.ent_type_ == "PERSON" or tok.lemma_.lower() in stance_cues().person_heads:
        return True
    return document.actor_at(tok.idx, tok.idx + len(tok.text)) is not None


# the charge preposition whose object is the one accused, the verb's object being the deed
# ("blamed the price rise on Moscow", "blamed the unrest on foreign agents")
_ACCUSED_AFTER = frozenset({"on"})


def _charge(document: Document, verb: Any, lemma: str,
            accused: Any) -> tuple[Target, bool, Any] | None:
    """The deed a verb of accusing charges its object with ("blamed X for the clash", "accused
    X of imposing sanctions"): a noun read as a target of its own (no actor), or the gerund's
    object when it is a lexicon issue, whether the gerund undoes it ("of violating the
    ceasefire"), and the one accused. "Blamed the clash on X" turns them round: the object is
    the deed and X the accused. None otherwise: then the accused is the target."""
    preps = reporting_words().charges.get(lemma)
    if not preps:
        return None
    # the parser hangs "on Moscow" on the object's last noun as often as on the verb
    last = next((c for c in accused.subtree if c.dep_ == "prep" and c.lower_ in _ACCUSED_AFTER
                 and c.right_edge.i == accused.right_edge.i and c.i > accused.i), None)
    for prep in (c for c in list(verb.children) + list(accused.children) + [last]
                 if c is not None and c.dep_ == "prep" and c.lower_ in preps and c.i > accused.i):
        obj = prep_object(prep)
        if obj is None:
            continue
        if prep.lower_ in _ACCUSED_AFTER:
            deed = read_target(document, accused, allow_actor=False)
            return (deed, False, obj) if deed is not None else None
        if obj.pos_ in ("VERB", "AUX"):
            # "of supplying drones that Russian forces used": the gerund's own object, and
            # only as a lexicon issue (an open "drone" says less than the accused actor)
            theme = next((c for c in obj.children if c.dep_ == "dobj"), None)
            found = read_target(document, theme, allow_actor=False) if theme is not None else None
            if found is None or found.how.startswith("open"):
                return None
            # "accused Japan of violating the ceasefire": against the violation, for the truce
            cues = stance_cues()
            undoes = obj.lemma_.lower() in cues.oppose_verbs | cues.clause_oppose_verbs
            return found, undoes, accused
        found = read_target(document, obj, allow_actor=False)
        return (found, False, accused) if found is not None else None
    return None


def prephrasal(key: str) -> bool:
    return " " in key


def _adjective_cues(tok: Any) -> list[_Cue]:
    """An adjective of a position with its preposition after a copula ("Kim is committed to
    denuclearisation", "Canada remains opposed to the tariffs", "was not supportive of"):
    the copula's subject holds it; a negated copula flips it."""
    if tok.dep_ != "acomp" or tok.head.i == tok.i or tok.head.pos_ not in ("VERB", "AUX"):
        return []
    # the preposition hangs on the adjective, or on the copula right after it ("remained
    # averse / to the tariffs" as the parser often attaches it)
    preps = [c for c in tok.children if c.dep_ == "prep"] + [
        c for c in tok.head.children if c.dep_ == "prep" and c.i == tok.right_edge.i + 1]
    for c in preps:
        pol = stance_cues().adjective_polarity(f"{tok.lower_} {c.lower_}")
        target = prep_object(c) if pol is not None else None
        if pol is None or target is None:
            continue
        if any(g.dep_ == "neg" for g in tok.head.children):
            pol = _FLIP[pol]
        return [_Cue(pol, tok, c, target, subject_of(tok.head), f"'{tok.text} {c.text}'",
                     own_subject=True)]
    return []


def _prep_cues(tok: Any) -> list[_Cue]:
    """A position as a preposition after a copula or a verb of speech ("the United States is
    against a ceasefire", "Kenya remains in favour of the deal", "argued in favor of
    tariffs"): the subject holds it."""
    cues = stance_cues()
    if tok.lemma_.lower() not in COPULAS and tok.lemma_.lower() not in reporting_words().speech:
        return []
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        target, phrase = prep_object(c), c.lower_
        if phrase == "in" and target is not None and target.lower_ in ("favor", "favour"):
            of = next((g for g in target.children if g.dep_ == "prep" and g.lower_ == "of"), None)
            target, phrase = (prep_object(of), f"in {target.lower_} of") if of is not None else (None, "")
        pol = ("support" if phrase in cues.support_preps else
               "oppose" if phrase in cues.oppose_preps else None)
        if pol is not None and target is not None:
            return [_Cue(pol, tok, c, target, subject_of(tok), f"{tok.text!r} {phrase}",
                         own_subject=True)]
    return []


def _noun_cues(document: Document, tok: Any) -> list[_Cue]:
    cues = stance_cues()
    if tok.dep_ == "compound":
        return []  # "the opposition party"
    pol = cues.noun_polarity(tok.lemma_.lower()) or cues.noun_polarity(tok.lower_)
    if pol is None:
        return []
    received = _received_from(document, tok)
    if received is not None:
        return [received]
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    holder = holder_of_noun(tok, resolved=poss is not None and document.actor_at(
        poss.idx, poss.idx + len(poss.text)) is not None)
    preps = {"for"} if tok.lower_ in _FOR_ONLY or tok.lemma_.lower() in _FOR_ONLY else _NOUN_PREPS
    # "dropped its objection to NATO membership": the parser often hangs the noun's own
    # preposition, right after the object, on the verb; not one of the verb's own ("blamed
    # the criticism on Paris")
    own = reporting_words().charges.get(tok.head.lemma_.lower(), frozenset()) \
        if tok.dep_ == "dobj" else frozenset()
    hung = [c for c in tok.head.children if c.dep_ == "prep" and c.i == tok.right_edge.i + 1
            and c.lower_ not in own | {"of"}] if tok.dep_ == "dobj" else []
    for c in list(tok.rights) + hung:
        if c.dep_ == "prep" and c.lower_ in preps and c.lower_ not in own:
            target = prep_object(c)
            if target is not None:
                caring = c.lower_ == "for" and tok.lemma_.lower() in cues.caring_nouns
                return [_Cue("support" if caring else pol, tok, c, target, holder,
                             f"'{tok.text} {c.text}'")]
        if c.dep_ in ("acl", "ccomp", "relcl") and pol == "oppose" and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            # "concerns that a peace pact would be one-sided": fear about the clause's subject
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                return [_Cue(pol, tok, tok, subj, holder, f"'{tok.text} that'", allow_actor=False)]
    return []


def _a_place(tok: Any) -> bool:
    """A place named or described: "Kherson", "the eastern region", "700,000 square miles"."""
    return tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.lemma_.lower() in _PLACE_NOUNS


def _received_from(document: Document, tok: Any) -> _Cue | None:
    """A position noun its subject has, receives or leans on from someone named after "of":
    "the party has the support of the unions", "the plan won the backing of France", "drew
    the condemnation of the council", "relied on the support of China": the one after "of"
    holds it, on the subject. None unless that one is an actor the actor stage resolved."""
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _HAVING:
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("on", "upon") \
            and tok.head.head.lemma_.lower() in _RELYING:
        verb = tok.head.head  # "Pyongyang has relied on the support of China"
    else:
        return None
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    who = prep_object(of) if of is not None else None
    subj = subject_of(verb)
    if who is None or subj is None or document.actor_at(
            who.idx, who.idx + len(who.text)) is None:
        return None
    pol = stance_cues().noun_polarity(tok.lemma_.lower()) or "support"
    return _Cue(pol, tok, of, subj, who, f"'{tok.text} of' on the subject")


def _evaluative(document: Document, doc: Any, quotes: list[Quote]) -> list[tuple[_Cue, Quote | None]]:
    """Judgements in reported speech: "a ceasefire right now would ratify Russia's conquest"."""
    out: list[tuple[_Cue, Quote | None]] = []
    spans = [(q.content.start, q.content.end, q) for q in quotes]
    for i in token_indices(doc, "DEP", ("nsubj",)):
        tok = doc[i]
        # active subjects only: "their safety is protected" judges nothing about safety
        if tok.dep_ != "nsubj":
            continue
        pred = tok.head
        tok = pointed_back(tok) or tok  # "dismissed the plan, saying it would ratify ..."
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        quote = next((q for s, e, q in spans if s <= pred.idx < e), None)
        if quote is None:
            continue
        if pred.pos_ not in ("VERB", "AUX"):
            continue
        if pred.dep_ in ("relcl", "acl"):
            continue  # "drones that Russian forces used against cities" describes the drones
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            continue  # "no wall can stand against ...": a claim about none, judging nothing
        term = term_set(tok, pred)
        if term is not None:
            # "any settlement must begin with a withdrawal": the term is what the speaker holds
            target, cue_end = term
            holder, ok = speech_holder(pred, quote)
            if ok:
                out.append((_Cue("support", pred, cue_end, target, holder,
                                 f"term {cue_end.text!r} set in speech", allow_actor=False), quote))
            continue
        judged = judgement(pred)
        if judged is None:
            continue
        pol, toward, cue_end, how = judged
        holder, ok = speech_holder(pred, quote)
        if not ok:
            continue
        out.append((_Cue(pol, pred, cue_end, tok, holder, how,
                         toward=toward, allow_actor=False), quote))
    return out


def find_stances(document: Document, doc: Any, quotes: list[Quote],
                 cands: list[Candidate]) -> list[Stance]:
    found: list[tuple[_Cue, Quote | None]] = []
    inner: set[int] = set()  # noun cues read as part of a verb cue ("rejected calls for")
    spans = [(q.content.start, q.content.end, q) for q in quotes]

    def quote_at(pos: int) -> Quote | None:
        return next((q for s, e, q in spans if s <= pos < e), None)

    for i in token_indices(doc, "POS", ("VERB", "AUX", "NOUN", "ADJ")):
        tok = doc[i]
        if tok.pos_ == "ADJ":
            for cue in _adjective_cues(tok):
                cue.advice = advised(tok.head)
                found.append((cue, quote_at(tok.idx)))
        elif tok.pos_ in ("VERB", "AUX"):
            if asked_of_another(tok):
                continue  # "challenged Iran to ratify the treaty": not Iran's position
            if charged_deed(tok):
                continue  # "accused Brazil of blocking the talks": the accusation reads it
            judged = judgement(tok.head) if tok.dep_ == "csubj" else None
            for cue in _verb_cues(document, tok) + _prep_cues(tok):
                cue.advice = advised(tok)
                if judged is not None:
                    # "calling for a ceasefire would reward the aggressor": the act is judged,
                    # so the position on its object is the judgement's
                    cue.polarity = _compose(judged[0], cue.polarity)
                    cue.how += f", judged {tok.head.text!r}"
                found.append((cue, quote_at(tok.idx)))
        elif tok.pos_ == "NOUN" and tok.i not in inner:
            for cue in _noun_cues(document, tok):
                found.append((cue, quote_at(tok.idx)))
    # a cue on a cue composes: "rejected calls for a ceasefire" is one oppose, of the ceasefire
    by_noun = {c.cue.i: (c, q) for c, q in found if c.cue.pos_ == "NOUN"}
    composed: list[tuple[_Cue, Quote | None]] = []
    for cue, quote in found:
        if cue.target is not None and cue.target.i in by_noun and cue.cue.pos_ != "NOUN":
            noun, _ = by_noun[cue.target.i]
            inner.add(noun.cue.i)
            cue = _Cue(_compose(cue.polarity, noun.polarity), cue.cue, cue.cue_end, noun.target,
                       cue.holder, f"{cue.how} on {noun.how}", allow_actor=noun.allow_actor)
        composed.append((cue, quote))
    # the noun's position stays when the noun names its own holder ("rejected Germany's
    # call for", "dismissed American criticism of")
    # ("reaffirmed his support for" is one position, the subject's: a pronoun names no other)
    found = [(c, q) for c, q in composed if not (c.cue.pos_ == "NOUN" and c.cue.i in inner
                                                and (c.holder is None or c.holder.head.i != c.cue.i
                                                     or c.holder.pos_ == "PRON"))]
    found += _evaluative(document, doc, quotes)
    out: list[Stance] = []
    seen: dict[tuple[object, ...], int] = {}
    made = [st for cue, quote in found for st in _stances(document, cue, quote)]
    for stance in made:
        stance = replace(stance, id=f"S{len(out) + 1}")
        h = stance.holder
        # a state and its government speak with one voice: the United States and its
        # spokesman opposing a ceasefire are one position; other sectors stay apart
        who = (h.country, h.sector if h.sector not in (None, "GOV") else "GOV") if h.country \
            else (h.actor_id,)
        key = (who, stance.issue, stance.polarity)
        if key in seen:
            first = out[seen[key]]
            if first.toward is None and stance.toward is not None:
                # "opposes a ceasefire" ... "a ceasefire would work against Ukraine": one
                # position, and whom it is said to affect comes from the second statement
                out[seen[key]] = replace(first, toward=stance.toward,
                                         reason=first.reason + f"; toward from {stance.evidence.text!r}")
            continue
        seen[key] = len(out)
        out.append(stance)
    return out


def _holder(document: Document, tok: Any, quote: Quote | None) -> Entity | None:
    if quote is not None and quote.speaker is not None and (
            tok is None or tok.lower_ in _FIRST_PERSON):
        return quote.speaker if quote.speaker.actor_id is not None else None
    if tok is None:
        return None
    if quote is not None and quote.speaker is not None and quote.speaker.actor_id is not None:
        span = quote.speaker_span
        if span is not None and span.start <= tok.idx < span.end:
            # "He added that a truce would ...": the one the quote stage found for that "he"
            # along the paragraph's speakers, the same for the quote and its stance
            return quote.speaker
        if tok.lemma_.lower() in _OWN_BODIES and any(c.dep_ == "poss" and c.pos_ == "PRON"
                                                     for c in tok.children):
            return quote.speaker  # "the minister said her government would back ...": hers
    head = document.actor_at(tok.idx, tok.idx + len(tok.text))
    if head is None and not (tok.lower_ in RELATIVE_HEADS and tok.head.dep_ == "relcl"):
        return None  # the actor must be the holder's head, not a name inside its phrase
        # ("the commentator and Hillary Clinton supporter applauded ...")
    ent = entity_for(document, tok, speaker_span(tok))
    return ent if ent.actor_id is not None else None


def _placed(holder: Entity | None) -> Entity | None:
    """A holder counts when the actor stage resolved it and placed it in a country (or an
    international body): a position nobody can be located with is not aggregated."""
    return holder if holder is not None and holder.country else None


def _stances(document: Document, cue: _Cue, quote: Quote | None) -> list[Stance]:
    """One stance per holder: "Germany and France welcomed the sanctions" is two positions,
    one for each coordinated subject the actor stage resolved."""
    holders = [cue.holder]
    if cue.holder is not None:
        holders += [t for t in cue.holder.conjuncts if t.pos_ in ("PROPN", "NOUN", "PRON")]
    out: list[Stance] = []
    for tok in holders:
        stance = _stance(document, replace(cue, holder=tok), quote)
        if stance is None:
            continue
        # "the two leaders will sign a statement on deepening their partnership": a mention
        # of a pair holds the position for each of the two
        h, m = stance.holder, stance.holder.mention
        pair = document.actors_sharing(m.start, m.end) if m is not None else ()
        shared = [replace(stance, holder=actor_entity(a, h.text, m))
                  for a in pair if a.id != h.actor_id] if len(pair) > 1 else []
        for one in [stance, *shared]:
            if all(s.holder.actor_id != one.holder.actor_id for s in out):
                out.append(one)
    return out


def _stance(document: Document, cue: _Cue, quote: Quote | None) -> Stance | None:
    text = document.article.text
    target = cue.found
    if target is None and cue.target is not None:
        target = read_target(document, cue.target, allow_actor=cue.allow_actor, after=cue.after)
    if target is None:
        return None
    advice = cue.advice if cue.advice is not None and cue.advice.lower_ not in _FIRST_PERSON \
        else None
    if advice is not None:
        # "Congress needs to reject the deal," Smith said: Smith's position for that course,
        # toward the one advised; advice in the article's own voice has no holder to name
        if quote is None:
            return None
        cue = replace(cue, holder=None,
                      toward=cue.toward if cue.toward is not None or advice is cue.target
                      else advice)
    elif cue.holder is None and cue.own_subject:
        return None
    if unasserted(cue.cue) or withheld(cue.cue):
        return None  # "declined to say whether the deal contains commitments on farm goods"
    holder = _placed(_holder(document, cue.holder, quote))
    if holder is None:
        return None  # always a holder the actor stage knows
    if target.target is not None and target.target.actor_id == holder.actor_id:
        return None  # "Xi praised his own ..." is no position toward Xi
    polarity = _FLIP[cue.polarity] if target.undone else cue.polarity
    turned = negated(cue.cue)
    if turned:
        polarity = _FLIP[polarity]
    toward = target.toward
    if cue.toward is not None:
        ent = entity_for(document, cue.toward, speaker_span(cue.toward))
        if ent.actor_id is not None and ent.actor_id != holder.actor_id:
            toward = ent
    if toward is not None and toward.actor_id is not None and toward.actor_id == holder.actor_id:
        toward = None  # "blocked his own administration's plan": no position toward oneself
    c0 = cue.cue.idx
    c1 = max(cue.cue.idx + len(cue.cue.text), cue.cue_end.idx + len(cue.cue_end.text))
    start, end = min(c0, target.start), max(c1, target.end)
    return Stance(
        id="S0", holder=holder, issue=target.issue, polarity=polarity,
        evidence=Span.of(text, start, end), toward=toward,
        quote_id=quote.id if quote is not None else None,
        reason=f"{polarity} {target.issue!r}: {cue.how}; {target.how}"
               + ("; negated" if turned else "")
               + (f"; inside quote {quote.id}" if quote is not None else ""),
        target=target.target, issue_text=target.issue_text, cue=Span.of(text, c0, c1),
    )
