"""Who holds a position a stance cue carries (``parley.quotes.stances``).

- the cue's subject, in any voice; for an adjectival passive with its preposition the
  passive subject ("Kim was committed to denuclearisation": Kim's commitment);
- for an infinitive under a verb with an object, that object ("urged Russia to accept":
  Russia accepts); for a clause of a verb of proposing, the proposer;
- for a stance noun its possessor, or the subject of the verb that governs it; a possessive
  pronoun under a verb of saying or showing is that subject ("Germany reiterated its
  support": Germany's);
- advice and obligation ("Congress needs to reject the deal", "the party should back the
  bill"): the one who gives the advice, the quote's speaker, holds it, toward the subject.
"""

from __future__ import annotations

from typing import Any

from parley.quotes.lexicon import reporting_words, stance_cues
from parley.syntax import asked_one, relative_antecedent, subject_of, to_infinitive

# verbs of proposing whose clause in the bare subjunctive or with "should" says what the
# proposer wants ("suggested the country accept only skilled workers")
_PROPOSING = frozenset({"suggest", "propose", "recommend", "demand", "insist", "request", "ask",
                        "urge", "advise", "prefer", "require"})


def _proposed(verb: Any) -> Any:
    """The proposer, when ``verb`` heads what another proposes: a clause of a verb of
    proposing in the bare subjunctive or with "should"/"must" ("Cruz suggested the country
    accept only skilled workers": Cruz's position, the country its object). None otherwise;
    an indicative clause ("suggested that the country accepts ...") is a claim, not a wish."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i or verb.head.lemma_.lower() not in _PROPOSING:
        return None
    # the bare form: "VB", or "VBP" under a past-tense proposal ("recommended the rebels
    # reject": a present indicative would break the sequence of tenses)
    subjunctive = (verb.tag_ == "VB" or verb.tag_ == "VBP" and verb.head.tag_ == "VBD") \
        and not any(c.dep_ == "aux" for c in verb.children)
    if subjunctive or any(c.dep_ == "aux" and c.lower_ in ("should", "must") for c in verb.children):
        return subject_of(verb.head)
    return None


def holder_of_verb(verb: Any) -> Any:
    """The subject; for an infinitive under a verb with an object, that object ("urged
    Russia to accept": Russia accepts), else the governing subject ("refused to back"); for
    a proposed clause the proposer ("suggested the country accept ...")."""
    proposer = _proposed(verb)
    if proposer is not None:
        return proposer
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        obj = next((c for c in verb.head.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None:
            return obj
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ == "for":
        # "called voters stupid for supporting Carson": the voters support him
        obj = next((c for c in verb.head.head.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None:
            return obj
    found = subject_of(verb)
    if found is None and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        # "Germany stopped short of backing", "criticized them instead of backing": the
        # subject of the verb the preposition's phrase hangs on
        node = verb.head.head
        for _ in range(3):
            if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                break
            node = node.head
        found = subject_of(node) if node.pos_ in ("VERB", "AUX") else None
    if found is None and verb.dep_ in ("acl", "relcl") and to_infinitive(verb):
        found = _described_by(verb.head)
    return found


def _described_by(noun: Any) -> Any:
    """Who an infinitive on a noun is about ("the only party to back the ouster", "the first
    country to recognise Kosovo"): the one the noun is said of, through a copula ("Chile was
    the first country to") or an apposition ("Hamas, the only group to reject"), or through
    a relative pronoun ("a party that was the only group to"); else the noun itself, never
    the one who reports it."""
    if noun.dep_ == "attr" and noun.head.pos_ in ("AUX", "VERB"):
        subj = subject_of(noun.head)
        if subj is not None:
            noun = relative_antecedent(subj) or subj
    return noun.head if noun.dep_ == "appos" else noun


def asked_of_another(verb: Any) -> bool:
    """An infinitive under a verb with an object ("urged Russia to accept", "required the
    prime minister to seek", "challenged Iran to ratify") says what the subject wants of the
    object, not the object's own position; the governing verb reads it when it is a cue."""
    if verb.head.i == verb.i or verb.dep_ not in ("xcomp", "advcl"):
        return False
    found = asked_one(verb.head, reporting_words().asking)  # also "called on Kenya to back"
    if found is not None and found[1].i == verb.i:
        return True
    return verb.dep_ == "xcomp" and any(c.dep_ in ("dobj", "dative") for c in verb.head.children)


def charged_deed(verb: Any) -> bool:
    """A gerund that is the charge of a verb of accusing ("accused Brazil of blocking the
    talks"): what the speaker says the accused did, read with the accusation."""
    if verb.dep_ != "pcomp" or verb.head.dep_ != "prep":
        return False
    prep, gov = verb.head, verb.head.head
    return prep.lower_ in reporting_words().charges.get(gov.lemma_.lower(), frozenset())


# adverbs the parser leaves as such where they are a verb's particle ("pushed the vote back"),
# unless a word of time follows ("back in the 1990s", "back then")
_PARTICLES = frozenset({"back", "down", "off", "out", "away", "aside"})
_THEN = frozenset({"in", "then", "when", "during", "at"})


def particle(tok: Any) -> bool:
    """A verb's particle; an adverb only on its own ("back in the 1990s", "back then" tell
    a time)."""
    if tok.dep_ == "prt":
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.dep_ == "advmod" and tok.lower_ in _PARTICLES \
        and not any(True for _ in tok.children) and (nxt is None or nxt.lower_ not in _THEN)


def given_up(noun: Any) -> bool:
    """A position noun its holder gives up: the object of a verb of undoing ("dropped its
    objection to", "gave up its opposition to", "backed down from its demand for")."""
    if noun.dep_ == "dobj":
        verb, prep = noun.head, None
    elif noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        verb, prep = noun.head.head, noun.head
    else:
        return False
    words = [verb.lemma_.lower()] + [c.lower_ for c in verb.children
                                     if particle(c) and c.i < noun.i]
    if prep is not None:
        words.append(prep.lower_)
    cues = stance_cues()
    key = " ".join(words)
    return key not in cues.preventing_verbs and key in cues.clause_oppose_verbs | cues.ending_verbs


_POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their"})


def holder_of_noun(noun: Any, resolved: bool = False) -> Any:
    """The possessor ("China's support for"), else the subject of the verb that governs the
    noun ("expressed opposition to"). A possessive pronoun on the direct object of a verb
    that is no stance cue of its own ("Germany reiterated its support for", "Kim voiced his
    commitment to") stands for that verb's subject: always when the actor stage left it
    unresolved (``resolved`` False), and over the actor stage's reading when the subject is a
    noun ("the North's leader had made clear his commitment"); under a cue ("criticized
    their support") or in a phrase of cause ("hit Russia with sanctions over its support for
    ...") it is someone else."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    gov = noun.head
    if noun.dep_ == "pobj":
        gov = gov.head
    if poss is None:
        # "Russian warnings", "U.S. criticism": the nationality or state on the noun holds it
        poss = next((c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i
                     and c.ent_type_ in ("NORP", "GPE")), None)
        if poss is not None:
            return poss
    if poss is not None:
        cues = stance_cues()
        lemma = gov.lemma_.lower()
        if not resolved and poss.lower_ in _POSSESSIVE_PRONOUNS and given_up(noun):
            return subject_of(gov) or poss  # "backed down from its demand": its own
        if poss.lower_ in _POSSESSIVE_PRONOUNS and noun.dep_ == "dobj" \
                and gov.pos_ in ("VERB", "AUX") and lemma not in cues.receiving_verbs \
                and cues.verb_polarity(lemma) is None and lemma not in cues.addressee_verbs \
                and not any(c.dep_ in ("dative", "iobj") for c in gov.children):
            subj = subject_of(gov)
            if not resolved:
                return subj or poss
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                # "Moon said the North's leader had made clear his commitment to ...": the
                # leader's own, whomever the actor stage took "his" for
                return subj
        return poss
    if gov.pos_ in ("VERB", "AUX") and noun.dep_ in ("dobj", "pobj", "nsubjpass", "attr"):
        if gov.lemma_.lower() in stance_cues().receiving_verbs:
            return None  # "fielded criticism", "faces opposition": someone else's position
        return subject_of(gov)
    return None


def passive_holder(verb: Any) -> Any:
    """The subject of an adjectival passive with its preposition, which holds the position
    ("Kim was committed to denuclearisation", "the union is dedicated to the strike"): the
    cue's target is the preposition's object, so its subject is no target. None with an
    agent ("was committed to it by the treaty")."""
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    if verb.dep_ == "acomp" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)  # "Norway is still opposed to": the copula's subject
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


_ADVICE_MODALS = frozenset({"should", "must", "ought", "shall"})
_ADVICE_VERBS = frozenset({"need", "have", "ought"})


def obliged_course(verb: Any) -> Any:
    """The verb a modal of obligation puts a course on, for a clause headed by ``verb``: the
    verb itself under "must", "should", "ought", "shall" ("any deal must include ..."), or
    the infinitive of "need to", "have to" ("has to be based on ..."). None otherwise."""
    if any(c.dep_ == "aux" and c.lower_ in _ADVICE_MODALS for c in verb.children):
        return verb
    if verb.lemma_.lower() in _ADVICE_VERBS:
        return next((c for c in verb.children if c.dep_ == "xcomp" and to_infinitive(c)), None)
    return None


def advised(verb: Any) -> Any:
    """The subject a course of action is urged on: a cue under a modal of advice or
    obligation ("the party should back the bill", "Congress must reject it") or an infinitive
    under "need to", "have to", "ought to" ("Congress needs to reject the deal"). Said by
    another, it is the speaker's position for that course, not the subject's own. None
    otherwise."""
    node = verb
    if verb.dep_ == "xcomp" and verb.head.i != verb.i and verb.head.lemma_.lower() in \
            _ADVICE_VERBS and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        node = verb.head
    elif not any(c.dep_ == "aux" and c.lower_ in _ADVICE_MODALS for c in verb.children):
        return None
    subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and any(c.dep_ == "aux" and c.lower_ in _ADVICE_MODALS
                                and c.i < subj.i for c in node.children):
        return None  # "Should Beijing agree to it, ...": a condition, not advice
    return subj


_THING_PRONOUNS = frozenset({"it", "this", "they", "these"})


def pointed_back(subj: Any) -> Any:
    """The thing a pronoun subject points back to in a judgement given as a reason: "dismissed
    the plan, saying it would only ratify the conquest" - "it" is the plan, the object of the
    verb the clause of saying hangs on. None otherwise."""
    if subj is None or subj.lower_ not in _THING_PRONOUNS or subj.dep_ != "nsubj":
        return None
    pred = subj.head
    saying = pred.head
    if pred.dep_ != "ccomp" or saying.dep_ != "advcl" or saying.tag_ != "VBG" \
            or saying.lemma_.lower() not in reporting_words().speech:
        return None
    obj = next((c for c in saying.head.children if c.dep_ == "dobj" and c.i < saying.i), None)
    return obj if obj is not None and obj.pos_ == "NOUN" else None
