"""Attributions that stand inside or beside the words they report, not before them.

- a **parenthetical that interrupts the sentence** ("The harbor will reopen next week, the
  director said on Friday, and the ferries will run by June"): the report goes on after the
  attribution, to the end of the sentence; the content is both parts;
- an **as-clause** ("As reported by the local paper, the council voted ...", "If, as the coach
  has suggested, the team lacks depth, ..."): the clause the as-clause hangs on is what was
  reported, its subject (or agent) the speaker;
- a **reporting noun as the subject of "be"** ("Her central argument is that the city cannot
  afford ..."): the that-clause after the copula is what was argued, the possessor the speaker;
- a **colon at the end of a paragraph** ("The senator wrote:" then a paragraph): the next
  paragraph is what was written, as a block quotation without marks.
"""

from __future__ import annotations

from typing import Any

from parley.quotes.attribution import Candidate, TokenIndex, dangling, trim
from parley.quotes.lexicon import reporting_words
from parley.syntax import subject_of

# verbs of saying that also tell when something happens ("as the meeting began"): no as-clause
_ASPECTUAL = frozenset({"begin", "continue"})
# what may stand after the reporting verb inside the attribution: when and where it was said
_ATTRIBUTION_DEPS = frozenset({"prep", "npadvmod", "advmod", "agent", "dative", "dobj"})


def _reporting(tok: Any) -> bool:
    words = reporting_words()
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("VERB", "AUX") and (lemma in words.speech or lemma in words.belief)


def _words(toks: list[Any]) -> list[Any]:
    toks = [t for t in toks if not t.is_space]
    while toks and toks[0].is_punct:
        toks.pop(0)
    while toks and dangling(toks[-1]):
        toks.pop()
    return toks


def continue_after_attribution(doc: Any, index: TokenIndex, cands: list[Candidate]) -> None:
    """A reported clause before its attribution that goes on after it, in the same sentence
    ("X will happen, the director said on Friday, and Y will too"; "He leans toward Kasich,
    he said, because he prizes electability"): the content runs to the end of the sentence.
    Not when what follows is a report of its own ("..., he said, adding that ...", "...,
    she said, while the mayor insisted ...") or a new clause after a semicolon."""
    text = index.text
    for c in cands:
        if c.kind != "indirect" or c.cue_token is None:
            continue
        verb = doc[c.cue_token]
        if c.end > verb.idx or verb.i + 1 >= len(doc):
            continue
        if verb.sent.start > index.at(c.start):
            continue  # the content stands in a sentence before the attribution
        last = verb.i
        for child in verb.rights:
            if child.dep_ in _ATTRIBUTION_DEPS:
                last = max(last, child.right_edge.i)
        # the speaker after the verb ("..., said Maria Lopez, the party leader, ...")
        for child in verb.rights:
            if child.dep_ in ("nsubj", "nsubjpass"):
                last = max(last, child.right_edge.i)
        comma = last + 1
        sent_end = verb.sent.end
        if comma >= sent_end or doc[comma].text != ",":
            continue
        rest = _words(list(doc[comma + 1:sent_end]))
        if len(rest) < 3 or any(t.text in (";", ":") for t in rest):
            continue
        if any(_reporting(t) for t in rest) or rest[0].text in "“\"‘'":
            continue  # "..., adding that ...": a report of its own; a quotation is direct
        end = trim(text, c.start, rest[-1].idx + len(rest[-1].text))[1]
        c.end = end
        c.reason += "; the report goes on after the attribution"


def _as_clause_speaker(verb: Any) -> Any:
    agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children
                  if p.dep_ == "pobj"), None)
    own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return agent if agent is not None else own  # its own, never the main clause's subject


def find_as_clauses(doc: Any, index: TokenIndex, taken: set[int]) -> list[Candidate]:
    """"As reported by the local paper, the council voted ...", "If, as the coach has
    suggested, the team lacks depth, ...": a reporting verb in a clause opened by *as*,
    with no complement of its own, reports the clause it hangs on. The speaker is the
    subject, or the agent of a passive; without either ("as expected") it is no report."""
    text = index.text
    out: list[Candidate] = []
    for i in index.where("DEP", "advcl"):
        tok = doc[i]
        if tok.i in taken or not _reporting(tok) or tok.dep_ != "advcl" \
                or tok.lemma_.lower() in _ASPECTUAL:
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
            continue
        if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children):
            continue  # "as he told the court" reports nothing new; "as she said it" names it
        speaker = _as_clause_speaker(tok)
        if speaker is None or speaker.lower_ == "it":
            continue
        head = tok.head
        if head.pos_ not in ("VERB", "AUX") or not any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
            continue
        own = {t.i for t in tok.subtree}
        # the clause it hangs on, without the as-clause and without a leading conditional
        # ("If, as ..., the team lacks depth, it will struggle": what was suggested is the
        # if-clause, the as-clause's head)
        body = _words([t for t in head.subtree if t.i not in own
                       and not (t.dep_ == "mark" and t.head.i == head.i)])
        if len(body) < 4:
            continue
        start, end = trim(text, body[0].idx, body[-1].idx + len(body[-1].text))
        out.append(Candidate("indirect", start, end, source="indirect", cue_token=tok.i,
                             cue=(tok.idx, tok.idx + len(tok.text)), speaker=speaker,
                             reason=f"as-clause with the reporting verb {tok.text!r}"))
    return out


_COPULA = frozenset({"be"})


def find_copular_nouns(doc: Any, index: TokenIndex, taken: set[int]) -> list[Candidate]:
    """"Her central argument is that the city cannot afford a second stadium", "The most
    telling promise he made was that he would not raise taxes": a reporting noun as the
    subject of *be* with a that-clause after it; the possessor (or the subject of the
    relative clause on the noun, "the promise he made") is the speaker."""
    words = reporting_words()
    text = index.text
    out: list[Candidate] = []
    for i in index.where("POS", "NOUN"):
        tok = doc[i]
        if tok.i in taken or tok.pos_ != "NOUN" or tok.lemma_.lower() not in words.nouns:
            continue
        be = tok.head
        if tok.dep_ != "nsubj" or be.lemma_.lower() not in _COPULA:
            continue
        comp = next((c for c in be.children if c.dep_ in ("ccomp", "attr") and c.i > be.i and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        if comp is None:
            continue
        speaker = next((c for c in tok.children if c.dep_ == "poss"), None)
        if speaker is None:
            rel = next((c for c in tok.children if c.dep_ == "relcl"), None)
            speaker = subject_of(rel) if rel is not None else None
        if speaker is None:
            continue
        body = _words([t for t in comp.subtree])  # with its "that", as every indirect clause
        if len(body) < 4:
            continue
        start, end = trim(text, body[0].idx, body[-1].idx + len(body[-1].text))
        out.append(Candidate("indirect", start, end, source="noun", cue_token=tok.i,
                             cue=(tok.idx, tok.idx + len(tok.text)), speaker=speaker,
                             reason=f"reporting noun {tok.text!r} as the subject of 'be' with a "
                                    "'that' clause"))
    return out


def find_colon_blocks(doc: Any, index: TokenIndex, taken: set[int]) -> list[Candidate]:
    """"The senator wrote:" closing its paragraph, then a paragraph of her words: a block
    quotation set off by layout instead of marks. The paragraph after the colon is the quote
    when the sentence before is a reporting verb with its subject and nothing it reports of
    its own (no complement, no object but whom it addresses: "he told the crowd:"). Not a
    paragraph that opens with a quotation mark (the marks make it a quote already) or with
    markup, nor a label of a list ("The results:")."""
    words = reporting_words()
    text = index.text
    out: list[Candidate] = []
    for i in index.where("ORTH", ":"):
        tok = doc[i]
        if tok.text != ":":
            continue
        after = tok.idx + 1
        nl = text.find("\n", after)
        if nl < 0 or text[after:nl].strip():
            continue  # the colon does not end its paragraph
        start = nl
        while start < len(text) and text[start].isspace():
            start += 1
        if start >= len(text) or text[start] in "“\"‘'<":
            continue
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        sent = tok.sent
        verb = sent.root
        if verb.i in taken or not _reporting(verb) or verb.i > tok.i:
            continue
        lemma = verb.lemma_.lower()
        if any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and lemma not in words.addressee
               for c in verb.children):
            continue
        speaker = subject_of(verb)
        if speaker is None:
            continue
        start, end = trim(text, start, end)
        if end - start < 20:
            continue
        addressee = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        cue_end = (addressee.idx + len(addressee.text)) if addressee is not None \
            and addressee.i == verb.i + 1 else verb.idx + len(verb.text)
        out.append(Candidate("direct", start, end, source="colon", cue_token=verb.i,
                             cue=(verb.idx, cue_end), speaker=speaker,
                             addressee=addressee.text if addressee is not None else None,
                             reason=f"reporting verb {verb.text!r} and a colon closing its "
                                    "paragraph: the next paragraph is the quote"))
    return out


_REFLEXIVES = frozenset({"myself", "yourself", "himself", "herself", "itself", "ourselves",
                         "yourselves", "themselves", "oneself"})
# verbs of finding: with a reflexive object they tell a situation met, not a claim
_FINDING = frozenset({"find", "prove", "show"})
# verbs of naming: with a reflexive object and a proper name, a name taken
_NAMING_ONESELF = frozenset({"call", "name", "dub", "style"})


def is_report(doc: Any, index: TokenIndex, cand: Candidate) -> bool:
    """Whether a reporting verb's candidate reports anyone's words. Not:

    - a **reflexive** object of a verb of finding ("the rivals found themselves stuck in
      traffic", "he has proven himself unreliable"): a situation met, no one's claim; and a
      reflexive object of a verb of naming with a proper name ("a group that calls itself
      Night Owls", "a man calling himself Captain Rain"): a name taken (a self-description,
      "calls himself a socialist", is a claim and stays);
    - a report with a **negative quantifier** as its speaker ("nobody expected the river to
      rise", "no one said ..."): it says that no such report was made."""
    if cand.cue_token is None or cand.kind == "direct":
        return True
    verb = doc[cand.cue_token]
    first = doc[index.at(cand.start)]
    if first.lower_ in _REFLEXIVES and verb.lemma_.lower() in _FINDING \
            and verb.i in (first.head.i, first.head.head.i):
        return False
    if first.lower_ in _REFLEXIVES and verb.lemma_.lower() in _NAMING_ONESELF:
        rest = [doc[i] for i in index.tokens(cand.start, cand.end) if doc[i].i > first.i
                and doc[i].is_alpha]
        if rest and all(t.text[:1].isupper() for t in rest):
            return False  # "a group that calls itself Night Owls": a name taken, no claim
    spk = cand.speaker
    return not (spk is not None and (spk.lower_ == "nobody" or spk.lower_ == "one" and any(
        c.lower_ == "no" for c in spk.children)))


_COORDINATORS = frozenset({"but", "and", "yet"})


def continue_into_quoted_words(doc: Any, index: TokenIndex, cands: list[Candidate]) -> None:
    """A reported clause followed in its sentence by a coordinator and quoted words ("said he
    had offers for the boat, but “none of them were serious”"): the quoted words are the same
    speaker's, and the report runs to the end of the sentence. Not when the rest has a
    reporting verb of its own outside the marks."""
    text = index.text
    for c in cands:
        if c.kind == "direct" or c.cue_token is None:
            continue
        verb = doc[c.cue_token]
        if verb.idx > c.start:
            continue  # the attribution comes after: continue_after_attribution's case
        last = index.at(max(c.start, c.end - 1))
        sent_end = doc[last].sent.end
        rest = [t for t in doc[last + 1:sent_end] if not t.is_space]
        while rest and rest[0].text == ",":
            rest.pop(0)
        if len(rest) < 3 or rest[0].lower_ not in _COORDINATORS:
            continue
        tail = text[rest[0].idx:rest[-1].idx + len(rest[-1].text)]
        if not any(m in tail for m in "“\"") or any(
                _reporting(t) and not _inside_marks(text, rest[0].idx, t.idx) for t in rest):
            continue
        words = _words(rest)
        c.end = trim(text, c.start, words[-1].idx + len(words[-1].text))[1]
        c.reason += "; the speaker's quoted words go on after a coordinator"


def _inside_marks(text: str, start: int, pos: int) -> bool:
    part = text[start:pos]
    return part.count("“") > part.count("”") or part.count('"') % 2 == 1
