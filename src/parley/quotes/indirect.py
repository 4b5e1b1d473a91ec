"""Indirect and mixed quotes: reporting words with a clausal complement.

- reporting verbs with a ``ccomp`` ("told reporters the administration believes ...",
  "maintained that ..."), speech verbs and, with a complement only, belief verbs;
- reporting nouns with a "that" clause ("expressing concerns that ...");
- verbs of accusing with their charge, and speech acts without a clausal complement (a
  parenthetical, a pro-clause, a clause fronted before its attribution).

"according to X" and quoted fragments (mixed quotes) are read in ``parley.quotes.relay``.
"""

from __future__ import annotations

import logging
from typing import Any

from parley import limits
from parley.quotes.attribution import Candidate, TokenIndex, dangling, trim
from parley.quotes.lexicon import reporting_words
from parley.quotes.speaker import message_issuer
from parley.syntax import RELATIVE_HEADS, asked_one, subject_of, to_infinitive

logger = logging.getLogger(__name__)

# wh-words open an embedded question ("explained why the bridge closed"): part of the clause,
# never the time phrase before its subject that ``_clause_span`` leaves out
_WH_TAGS = frozenset({"WRB", "WP", "WDT", "WP$"})
# verbs whose complement may be an embedded question the parser hangs on as an adverbial
# clause ("asked voters if they planned to attend")
_QUESTION_VERBS = frozenset({"ask", "wonder", "question", "inquire", "query"})


def _embedded_question(verb: Any) -> Any:
    return next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and any(
        g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children)), None)


def _own_report(tok: Any) -> bool:
    """A verb inside a reported clause that is a report of its own: a participle of saying
    ("..., adding, '...'"), a coordinated verb of saying with a complement of its own ("...
    and maintained that ..."), or a coordinated verb of saying, asking or accusing with no
    subject of its own: the reporter's next act ("adds that she has released her returns
    and called on Sanders to do the same", "said the warning was confused, and accused the
    ministry of ...", "to say A and to say B"), not what was reported."""
    words = reporting_words()
    lemma = tok.lemma_.lower()
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj") and lemma in words.speech:
        return True  # "..., adding, '...'": a participle of saying reports on its own
    if tok.dep_ != "conj" or tok.pos_ not in ("VERB", "AUX"):
        return False
    if (lemma in words.speech or lemma in words.belief) and any(
            c.dep_ == "ccomp" for c in tok.children):
        return True
    acts = lemma in words.bare_clause or lemma in words.addressee or lemma in words.charges \
        or any(a.split()[0] == lemma for a in words.asking)
    return acts and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _clause_span(doc: Any, head: Any, text: str) -> tuple[int, int]:
    """Character span of the clause ``head`` heads, with its complementizer ("that the talks
    failed": the clause the verb takes is the whole that-clause) and without a conjoined
    reporting verb of its own ("... and maintained that ...")."""
    cut = len(doc)
    for t in head.subtree:
        if t.i != head.i and _own_report(t):
            cut = min(cut, t.i)
            prev = t.i - 1
            while prev > head.left_edge.i and (doc[prev].dep_ == "cc" or doc[prev].text in ",;"):
                cut = prev
                prev -= 1
    toks = [t for t in head.subtree if t.i < cut]
    # "told reporters last week the administration believes ...": the time phrase before the
    # clause's subject tells when it was said, not what
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is not None:
        lead = {t.i for c in head.children if c.dep_ in ("npadvmod", "advmod") and c.i < subj.i
                and c.right_edge.i < subj.left_edge.i and c.tag_ not in _WH_TAGS
                for t in c.subtree}
        toks = [t for t in toks if t.i not in lead]
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    while toks and (dangling(toks[-1]) or toks[-1].is_space
                    or toks[-1].dep_ == "cc" and toks[-1].head.i != toks[-1].i):
        toks.pop()  # nor a conjunction left before the next clause ("..., and")
    if not toks:
        return head.idx, head.idx
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return trim(text, start, end)


def _coordinated(verb: Any, comp: Any) -> list[Any]:
    """Clauses coordinated after the reported one that the parser hung on the reporting verb
    ("argued that sanctions work but that they take time", "said that A and that B"): marked
    with "that" again, or with a subject of their own after a conjunction the parser left
    at the end of the reported clause ("claimed that he backs no one, and in June he hosted
    Y"), they are still what was said."""
    tail = [t for t in comp.subtree if not (t.is_punct or t.is_space)]
    open_and = bool(tail) and tail[-1].dep_ == "cc"  # "claimed that he is not backing X, and"
    return [c for c in verb.children if c.dep_ == "conj" and c.i > comp.i
            and c.pos_ in ("VERB", "AUX") and (any(
                g.dep_ == "mark" and g.lower_ == "that" and g.i < c.i for g in c.children)
                or open_and and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))]


def _fronted_last(doc: Any, verb: Any, comp: Any) -> Any:
    """The last of the clauses fronted before "..., he said" that are coordinated with the
    first: the parser gives "The debt is manageable -- but there are exceptions, he said" two
    complements, the second opened by a conjunction; both are what was said. ``comp`` itself
    when there is no such second clause."""
    last = comp
    for c in verb.children:
        if c.dep_ != "ccomp" or not last.i < c.i < verb.i:
            continue
        gap = doc[last.right_edge.i + 1:c.left_edge.i + 1]
        opener = next((t for t in gap if not (t.is_punct or t.is_space)), None)
        if opener is not None and opener.dep_ == "cc" and opener.lower_ in ("but", "and", "yet"):
            last = c
    return last


def _reporter(verb: Any) -> Any:
    """The subject of a reporting verb (``subject_of``), except for one the parser coordinated
    into the clause another verb reports, with no subject of its own: "Tanaka said that
    prices would rise and insisted that wages would fall", "Farage said the warning was
    confused, and accused the ministry of ...": the one who reports the first clause does the
    second act, not the first clause's subject ("prices", "the warning")."""
    node = verb
    while node.dep_ == "conj" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in node.children):
        node = node.head
    gov = node.head
    words = reporting_words()
    if node.i != verb.i and node.dep_ == "ccomp" and gov.i < node.i and gov.pos_ in (
            "VERB", "AUX") and (gov.lemma_.lower() in words.speech or gov.lemma_.lower() in words.belief):
        found = subject_of(gov)
        if found is not None:
            return found
    return subject_of(verb)


def _speaker_of(verb: Any) -> Any:
    """The subject of a reporting verb, and through an adjective that governs its infinitive
    ("Voters are more likely to say that ...", "Officials were quick to say ...": the
    subject of the copula)."""
    found = _reporter(verb)
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) > 1:
        found = subjects[-1]  # "The storm that hit ..., the governor said": the nearer one
    if found is None and verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" \
            and verb.head.dep_ == "acomp" and verb.head.head.i != verb.head.i:
        found = subject_of(verb.head.head)
    return message_issuer(verb, found)


def _complement(verb: Any) -> Any:
    """The clausal complement of a reporting verb. With two ``ccomp`` children, the one after
    the verb: a phrase fronted before the subject ("In an interview focused on policy, Trump
    said defeating IS is ...") is the parser's second complement, not what was said."""
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if len(comps) > 1:  # "X will close, the engineer said; the detour is ...": not after ";"
        comps = [c for c in comps if c.i < verb.i or not any(
            t.text == ";" for t in verb.doc[verb.i + 1:c.left_edge.i])] or comps
    after = [c for c in comps if c.i > verb.i]
    return after[0] if after and len(comps) > 1 else (comps[0] if comps else None)


def _addressee(verb: Any) -> Any:
    for child in verb.children:
        if child.dep_ in ("dative", "dobj", "iobj") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return child
    return None


def _cue_span(verb: Any, addressee: Any) -> tuple[int, int]:
    start, end = verb.idx, verb.idx + len(verb.text)
    for child in verb.children:  # "pointed out", "called for"
        if child.dep_ == "prt" and child.i == verb.i + 1:
            end = child.idx + len(child.text)
    if addressee is not None and addressee.i == verb.i + 1:
        end = addressee.idx + len(addressee.text)  # "told reporters"
    return start, end


_LINKING = frozenset({"so", "then", "thus", "therefore", "and", "but", "or", "yet", "because"})


def _attribution_follows(doc: Any, comp: Any, verb: Any, speaker: Any) -> bool:
    """A reported clause before its verb is the fronted content of "..., the group said":
    between the clause and the verb come only punctuation, the speaker phrase and the verb's
    auxiliaries and adverbs, never a linking word or a clause of its own ("Her residency was
    valid, so she continued to renew it")."""
    own = {t.i for t in speaker.subtree} if speaker is not None else set()
    # "..., even in good years, the minister said": a phrase of the verb's own between
    own |= {t.i for c in verb.children if c.dep_ == "prep" and comp.right_edge.i < c.i < verb.i
            for t in c.subtree}
    for t in doc[comp.right_edge.i + 1:verb.i]:
        if t.text == ";":
            return False  # "..., so X; one lawmaker called the mayor ...": a clause of its own
        if t.is_punct or t.is_space or t.i in own:
            continue
        if t.head.i == verb.i and t.dep_ in ("aux", "auxpass", "neg", "advmod", "npadvmod") \
                and t.lower_ not in _LINKING:
            continue
        return False
    return True


def find_indirect(doc: Any, index: TokenIndex, taken_cues: set[int]) -> list[Candidate]:
    """Reporting verbs and nouns with a clausal complement."""
    words = reporting_words()
    out: list[Candidate] = []
    for i in index.where("POS", "VERB", "AUX", "NOUN"):  # the only tokens it can report with
        tok = doc[i]
        limits.check("quotes")  # the per-article time budget (robust, issue 13)
        lemma = tok.lemma_.lower()
        if tok.i in taken_cues:
            continue
        if tok.pos_ in ("VERB", "AUX") and (lemma in words.speech or lemma in words.belief
                                            or lemma in words.object_speech):
            comp = _complement(tok) or (
                _embedded_question(tok) if lemma in _QUESTION_VERBS else None)
            if comp is None or comp.pos_ not in ("VERB", "AUX") and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "expl") for c in comp.children):
                extra = _without_complement(doc, index.text, tok, words)
                if extra is not None:
                    out.append(extra)
                continue
            speaker = _speaker_of(tok)
            if speaker is None and lemma not in words.speech:
                continue
            if speaker is not None and speaker in comp.subtree:
                continue
            if comp.i < tok.i and speaker is not None and speaker.i < comp.i:
                continue  # a clause before its subject is not this verb's complement
            last = _fronted_last(doc, tok, comp) if comp.i < tok.i else comp
            if comp.i < tok.i and not _attribution_follows(doc, last, tok, speaker):
                continue
            addressee = _addressee(tok) if lemma in words.addressee else None
            start, end = _clause_span(doc, comp, index.text)
            if end - start < 4:
                continue
            end = max([end, _clause_span(doc, last, index.text)[1]] + [
                _clause_span(doc, c, index.text)[1] for c in _coordinated(tok, comp)])
            cand = Candidate("indirect", start, end, source="indirect", cue_token=tok.i,
                             cue=_cue_span(tok, addressee), speaker=speaker,
                             addressee=addressee.text if addressee is not None else None,
                             reason=f"reporting verb {tok.text!r} with a clausal complement")
            out.append(cand)
        elif tok.pos_ == "VERB" and lemma in words.charges:
            charged = _accusation(doc, index.text, tok, words.charges[lemma])
            if charged is not None:
                out.append(charged)
        elif tok.pos_ == "NOUN" and lemma in words.nouns:
            comp = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")
                         and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
            if comp is None:
                continue
            speaker = next((c for c in tok.children if c.dep_ == "poss"), None)
            if speaker is None and tok.dep_ in ("dobj", "nsubjpass", "attr", "pobj"):
                gov = tok.head.head if tok.dep_ == "pobj" else tok.head
                speaker = subject_of(gov) if gov.pos_ in ("VERB", "AUX") else None
            start, end = _clause_span(doc, comp, index.text)
            if end - start < 4:
                continue
            out.append(Candidate("indirect", start, end, source="noun", cue_token=tok.i,
                                 cue=(tok.idx, tok.idx + len(tok.text)), speaker=speaker,
                                 reason=f"reporting noun {tok.text!r} with a 'that' clause"))
    return out


def _accusation(doc: Any, text: str, tok: Any, preps: frozenset[str]) -> Candidate | None:
    """"accused Moscow of using food as a weapon", "blamed Obama for letting relations sour":
    the object and its charge, a gerund clause, are what the speaker says (that Moscow used
    it); a bare object ("criticized the visit") or a noun charge ("accused him of rape") is
    no clause and no content."""
    if tok.dep_ == "amod" or tok.tag_ == "VBN" and tok.dep_ == "acl":
        return None
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        return None
    if obj.lower_ in RELATIVE_HEADS:
        return None  # "whom Erdogan accuses of ...": the content would begin with the pronoun

    def clausal(prep: Any) -> bool:  # "of using food", never a bare noun ("of rape")
        return prep.dep_ == "prep" and prep.lower_ in preps and any(
            g.dep_ in ("pobj", "pcomp") and g.pos_ in ("VERB", "AUX") for g in prep.children)

    charge = next((c for c in tok.children if c.i > obj.i and clausal(c)), None) or next(
        (c for c in obj.children if clausal(c)), None)
    if charge is None:
        return None
    speaker = _reporter(tok) if obj.dep_ == "dobj" else next(
        (g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
        None)
    if speaker is None and obj.dep_ != "dobj":
        return None
    first = obj.left_edge if obj.dep_ == "dobj" else tok.doc[tok.i + 1]
    if obj.dep_ == "nsubjpass":
        first = charge.left_edge  # "was accused of lying": the charge alone
    start, end = trim(text, first.idx, charge.right_edge.idx + len(charge.right_edge.text))
    if end - start < 4:
        return None
    return Candidate("indirect", start, end, source="object", cue_token=tok.i,
                     cue=_cue_span(tok, None), speaker=speaker,
                     reason=f"verb of accusing {tok.text!r} with its charge ({charge.text!r})")


_RIGHT_CONTENT = frozenset({"dobj", "prep", "xcomp", "dative", "oprd", "pcomp", "ccomp"})
_NOT_CONTENT_PREPS = frozenset({"in", "at", "on", "during", "after", "before", "since",
                                "while", "outside", "inside", "from", "to", "with"})


# particles that turn a speech verb into another verb ("called off the deal", "blasted out an
# email", "pledged up"); "call out", "call on", "call for" stay speech acts
_OTHER_SENSE_PARTICLES = frozenset({"off", "up", "in", "back", "down", "away", "over", "through",
                                    "around"})


def _speech_act(tok: Any, lemma: str, words: Any) -> bool:
    """Whether a verb of the ``object_speech`` list is used as a speech act here: not as a
    participle modifying its own theme ("a group called Future 45", "pledged delegates"), not
    in another sense marked by a particle ("called off the deal"), with an object that is more
    than the person addressed ("asked voters", "warning followers")."""
    if tok.dep_ == "amod" or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        return False
    kids = list(tok.children)
    if any(c.dep_ == "prt" and c.lower_ in _OTHER_SENSE_PARTICLES for c in kids):
        return False
    if any(c.dep_ == "oprd" for c in kids) and not any(
            c.dep_ in ("dobj", "dative", "nsubj", "nsubjpass") for c in kids) \
            and tok.i > 0 and tok.doc[tok.i - 1].text == ",":
        return False  # "an initiative, called the EB-5 program": a name given, no one speaking
    objs = [c for c in kids if c.dep_ in ("dobj", "dative") and c.i > tok.i]
    others = [c for c in kids if c.i > tok.i and c.dep_ in _RIGHT_CONTENT and c not in objs
              and not (c.dep_ == "prep" and c.lower_ in _NOT_CONTENT_PREPS)
              or c.i > tok.i and c.dep_ == "advcl" and to_infinitive(c)]  # "implored X to go"
    if lemma in words.addressee and objs and not others and all(
            o.pos_ in ("PRON", "PROPN") or o.ent_type_ in ("PERSON", "NORP", "ORG")
            or o.lemma_.lower() in _PEOPLE for o in objs):
        return False  # "warning followers", "asked voters": whom, not what
    return True


_PEOPLE = frozenset({"voter", "supporter", "follower", "reporter", "people", "american",
                     "member", "official", "lawmaker", "audience", "crowd", "listener",
                     "viewer", "reader", "donor", "resident", "citizen", "leader"})


def _asked(text: str, tok: Any, words: Any, speaker: Any) -> Candidate | None:
    """A speech act asking someone through a preposition ("called on Kenya to withdraw its
    troops", "pleaded with Norway to reopen the border") or with an infinitive the parser
    hung on as an adverbial ("implored Peru to release the prisoners"): the one asked is the
    infinitive's subject, and the content is both, as for "urged Congress to act"."""
    found = asked_one(tok, words.asking)
    if found is None:
        return None
    who, inf = found
    if who.dep_ != "pobj" and inf.dep_ != "advcl":
        return None  # "urged Congress to act": read with the other objects below
    start, end = trim(text, who.left_edge.idx, inf.right_edge.idx + len(inf.right_edge.text))
    cue = _cue_span(tok, None)
    if who.dep_ == "pobj" and who.head.i == tok.i + 1:
        cue = (cue[0], who.head.idx + len(who.head.text))  # "called on", "pleaded with"
    return Candidate("indirect", start, end, source="object", cue_token=tok.i, cue=cue,
                     speaker=speaker, addressee=who.text,
                     reason=f"speech act {tok.text!r} asking {who.text!r} with an infinitive")


def _is_clause(tok: Any) -> bool:
    """A verb heading a finite clause with its subject, or a to-infinitive, as a direct
    dependent of the speech verb (xcomp, ccomp, advcl)."""
    if tok.dep_ not in ("xcomp", "ccomp", "advcl") or tok.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(tok.children)
    if to_infinitive(tok):
        return tok.dep_ != "advcl" or any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)
    return tok.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids)


def _as_adjective(prep: Any, child: Any) -> bool:
    """"described the vote as unfair": "as" with an adjective, the predicate of a small
    clause (the parser hangs the adjective on "as" as ``amod`` or ``acomp``)."""
    return prep.lower_ == "as" and child.pos_ == "ADJ" and child.dep_ in ("amod", "acomp", "advmod")


def _small_clause(rights: list[Any]) -> bool:
    """An object with its own predicate, a small clause: "called him divisive" (``oprd``),
    "called the results into question", "cited rising rents as the cause", "described the
    deal as a disaster" (the object *is* something). Not two objects ("asked Republicans a
    question"), nor a preposition's noun phrase ("called for a ceasefire", "warned of a
    crisis"): what those name is asked for or warned of, a stance target, not a clause."""
    if any(c.dep_ == "oprd" or c.dep_ in ("ccomp", "xcomp") and c.pos_ not in ("VERB", "AUX")
           for c in rights):
        return True
    objs = [c for c in rights if c.dep_ == "dobj"]
    if any(g.dep_ == "prep" and g.lower_ == "as" for c in objs for g in c.children):
        return True  # "cited rising rents as the cause", the parser's "as" on the object
    return bool(objs) and any(c.dep_ == "prep" and c.lower_ in ("as", "into") and c.i > objs[0].i
                              for c in rights)


def _gerund_clause(rights: list[Any]) -> bool:
    """A gerund clause as the object ("denied taking the money", "proposed raising the
    ceiling"): a verb with its own arguments, a clause without a finite verb."""
    return any(c.dep_ in ("dobj", "xcomp", "ccomp") and c.pos_ == "VERB" and c.tag_ == "VBG"
               and any(g.dep_ in ("dobj", "prep", "advmod", "npadvmod", "dative", "attr")
                       for g in c.children)
               for c in rights)


# "said so", "said no", "said the same": a word that stands for a whole clause (a pro-form)
# is the content of a verb of saying; it reports a proposition as any clause does
_PRO_CLAUSE_VERBS = frozenset({"say", "answer", "reply", "respond", "agree", "predict"})
_PRO_CLAUSE = frozenset({"so", "otherwise", "yes", "no", "same"})


def _pro_clause(doc: Any, tok: Any) -> list[Any] | None:
    """The pro-clause right after a verb of saying ("said so", "said yes, yes, yes", "said the
    same"), as its tokens; None when the verb has a complement or an object of its own."""
    nxt = tok.i + 1
    if nxt < len(doc) and doc[nxt].lower_ == "the":
        nxt += 1
    if nxt >= len(doc) or doc[nxt].lower_ not in _PRO_CLAUSE or doc[nxt].head.i != tok.i:
        return None
    first = doc[nxt]
    if first.lower_ == "same" and doc[nxt - 1].lower_ != "the":
        return None
    if first.lower_ in ("so", "otherwise") and first.dep_ != "advmod":
        return None
    last = first
    while last.i + 2 < len(doc) and doc[last.i + 1].text == "," and doc[last.i + 2].lower_ == first.lower_:
        last = doc[last.i + 2]  # "yes, yes, yes"
    return list(doc[doc[tok.i + 1].i:last.i + 1])


_AFTER_ATTRIBUTION = frozenset({"prep", "npadvmod", "advmod", "punct", "agent"})


def _fronted_before_attribution(doc: Any, tok: Any) -> tuple[Any, list[Any]] | None:
    """"Students who take on heavy debt struggle, even with a good job, he said.": a sentence
    that ends in its attribution (a comma, the subject, the verb and at most when or where)
    reports what stands before the comma, even where the parser hung it elsewhere (as a
    second subject of the verb: the speaker is the subject after the comma). The part before
    must be a clause (a verb with its subject in it) of four words at least. Returns the
    speaker and the part."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i]
    if tok.dep_ != "ROOT" or not subjects:
        return None
    speaker = subjects[-1]
    comma = speaker.left_edge.i - 1
    sent = tok.sent
    if comma <= sent.start or doc[comma].text != ",":
        return None
    if any(c.i > tok.i and c.dep_ not in _AFTER_ATTRIBUTION for c in tok.children):
        return None  # "..., he said the talks would resume": a complement of its own after it
    if any(t.i < tok.i and t.i > speaker.right_edge.i and not (t.is_punct or t.dep_ in (
            "aux", "neg", "advmod")) for t in sent):
        return None  # only auxiliaries and adverbs between the subject and the verb
    part = [t for t in sent if t.i < comma and not t.is_space]
    while part and part[0].is_punct:
        part.pop(0)
    while part and dangling(part[-1]):
        part.pop()
    inside = {t.i for t in part}
    clause = any(t.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i in inside for c in t.children) for t in part)
    if len(part) < 4 or not clause or part[0].text in "“\"‘'":
        return None  # "In his new book, ..., and in an interview, the envoy said little"
    return speaker, part


def _without_complement(doc: Any, text: str, tok: Any, words: Any) -> Candidate | None:
    """A reporting verb the parser gave no clausal complement: a parenthetical ("At one point,
    she said, she was ..."), a clause the parser attached elsewhere ("He said legalizing it
    could ..."), or a speech act whose object is what was said ("called for a prosecutor")."""
    lemma = tok.lemma_.lower()
    speaker = message_issuer(tok, _reporter(tok))
    if speaker is None:
        return None
    sent = tok.sent
    own = set(tok.subtree)
    if tok.dep_ == "parataxis" and lemma in words.speech:
        toks = [t for t in sent if t not in own and not (t.is_punct or t.is_space)]
        if len(toks) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in toks):
            return None
        start, end = trim(text, toks[0].idx, toks[-1].idx + len(toks[-1].text))
        return Candidate("indirect", start, end, source="indirect", cue_token=tok.i,
                         cue=_cue_span(tok, None), speaker=speaker,
                         reason=f"parenthetical reporting verb {tok.text!r}")
    pro = _pro_clause(doc, tok) if lemma in _PRO_CLAUSE_VERBS else None
    if pro is not None:
        start, end = trim(text, pro[0].idx, pro[-1].idx + len(pro[-1].text))
        return Candidate("indirect", start, end, source="indirect", cue_token=tok.i,
                         cue=_cue_span(tok, None), speaker=speaker,
                         reason=f"reporting verb {tok.text!r} with a pro-clause ({text[start:end]!r})")
    before = _fronted_before_attribution(doc, tok) if lemma in words.speech else None
    if before is not None:
        speaker, fronted = before
        start, end = trim(text, fronted[0].idx, fronted[-1].idx + len(fronted[-1].text))
        return Candidate("indirect", start, end, source="indirect", cue_token=tok.i,
                         cue=_cue_span(tok, None), speaker=speaker,
                         reason=f"reporting verb {tok.text!r} after the clause it reports")
    rest = [t for t in sent if t.i > tok.i]
    addressee = _addressee(tok) if lemma in words.addressee else None
    if lemma in words.bare_clause and lemma not in words.object_speech and tok.dep_ in (
            "ROOT", "conj", "relcl", "advcl") and speaker.i < tok.i:
        i = 0
        if addressee is not None and rest and rest[0].i == addressee.i:
            i = addressee.right_edge.i - tok.i
        body = [t for t in rest[i:] if not t.is_space]
        # "tweeted a photograph and said she was hurt": a predicate coordinated with the
        # reporting verb is another thing its subject did, not what was said
        stop = next((t.i for t in body if t.head.i == tok.i and t.dep_ in ("cc", "conj")
                     or _own_report(t)), None)
        if stop is not None:
            body = [t for t in body if t.i < stop]
        while body and body[0].is_punct:
            body.pop(0)
        while body and body[-1].is_punct and body[-1].text not in "”’\"'":
            body.pop()
        own_body = {t.i for t in body}
        # the rest is a clause only when one of its verbs has its subject in it ("He said
        # legalizing it could put thousands to work"), not an object or an adverbial ("wrote
        # the letter", "responded by settling", "maintains a commanding lock")
        clause = any(t.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and c.i in own_body
            for c in t.children) for t in body)
        if len(body) >= 4 and clause and not any(
                t.text in "“\"" for t in body[:1]):
            start, end = trim(text, body[0].idx, body[-1].idx + len(body[-1].text))
            return Candidate("indirect", start, end, source="indirect", cue_token=tok.i,
                             cue=_cue_span(tok, addressee), speaker=speaker,
                             addressee=addressee.text if addressee is not None else None,
                             reason=f"reporting verb {tok.text!r}; the rest of the sentence")
        return None
    if lemma in words.object_speech:
        if not _speech_act(tok, lemma, words):
            return None
        asked = _asked(text, tok, words, speaker)
        if asked is not None:
            return asked
        rights = [c for c in tok.rights if (c.dep_ in _RIGHT_CONTENT or c.dep_ == "advcl"
                                            and _is_clause(c)) and not (
            c.dep_ == "prep" and (c.lower_ in _NOT_CONTENT_PREPS or not any(
                g.dep_ in ("pobj", "pcomp") or _as_adjective(c, g) for g in c.children))) and not (
            c.dep_ == "advcl" and c.left_edge.is_punct)]
        for k in range(1, len(rights)):  # stop at a comma: what follows is another clause
            if any(doc[j].text == "," for j in range(rights[k - 1].right_edge.i, rights[k].left_edge.i)):
                rights = rights[:k]
                break
        # what was said: a clause ("urged Congress to act": a to-infinitive with its subject;
        # "called for the council to resign"; "promised to cut taxes"), or the noun phrase
        # that stands for one after a verb of requesting, promising or announcing ("called
        # for a ceasefire": that there be one). Verbs of judging are not here: "praised the
        # deal", "criticized Z's visit" name what is judged, a stance target, not what was said
        upto = next((n for n, c in enumerate(rights) if _is_clause(c)), None)
        if upto is not None:
            rights = rights[:upto + 1]
        elif not (_small_clause(rights) or _gerund_clause(rights)):
            # a bare noun phrase is no content: "demanded an investigation", "called for a
            # ceasefire", "pledged new aid" ask for, promise or announce a thing (a stance or
            # an event: REQUEST), they report no clause; nor "called them", "called a meeting"
            return None
        if not rights:
            return None
        first = rights[0].left_edge
        if first.dep_ == "mark" and first.lower_ == "for":  # "called for the council to resign"
            first = first.doc[first.i + 1]
        start = first.idx
        last = rights[-1]
        end = last.right_edge.idx + len(last.right_edge.text)
        start, end = trim(text, start, end)
        if end - start < 3:
            return None
        return Candidate("indirect", start, end, source="object", cue_token=tok.i,
                         cue=_cue_span(tok, None), speaker=speaker,
                         reason=f"speech act {tok.text!r} with a clause")
    return None
