"""Relayed and partly quoted speech, settled after the reporting words are read.

- "according to X": X is the speaker of the clause, or the relaying source (``via``) of a
  quote that already has a speaker ("Xi said, according to TASS");
- quoted fragments inside reported speech make the quote *mixed* ("Xi declared that there was
  a 'new era'"); a fragment in the object of a naming verb is a mixed quote of its own
  ("Beijing has called this union a 'mission of peace'").
"""

from __future__ import annotations

from typing import Any

from parley.quotes.attribution import Candidate, TokenIndex, dangling, trim
from parley.quotes.direct import Marked
from parley.quotes.lexicon import reporting_words
from parley.syntax import subject_of


def _according_to(tok: Any) -> Any:
    """The object of "according to" when ``tok`` is "according"."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        to = tok.doc[tok.i + 1]
    if to is None:
        return None
    return next((c for c in to.children if c.dep_ == "pobj"), None)


def apply_according_to(doc: Any, index: TokenIndex, cands: list[Candidate],
                       fragments: list[Marked]) -> list[Candidate]:
    """Attach "according to X" as ``via`` to a quote whose cue is in the same clause ("Xi
    said, according to TASS"; "According to IRNA, he called the measures 'illegal'": he is
    the speaker, IRNA the relay), or make the clause an indirect quote by X (mixed when
    quoted words stand in it)."""
    text = index.text
    by_cue = {c.cue_token: c for c in cands if c.cue_token is not None}
    new: list[Candidate] = []
    for i in index.where("LOWER", "according"):
        tok = doc[i]
        source = _according_to(tok)
        if source is None:
            continue
        sent = tok.sent
        # a quote whose cue shares the clause ("Xi said, according to TASS")
        target = None
        for t in sent:
            c = by_cue.get(t.i)
            if c is not None and (tok.head is t or tok.head.i == t.i or abs(t.i - tok.i) <= 6):
                target = c
                break
        if target is None:
            target = next((c for c in cands if c.cue_token is not None and c.source == "direct"
                           and c.end <= tok.idx and tok.idx - c.end < 40
                           and c.cue_token is not None and c.cue_token < tok.i), None)
        if target is not None and target.speaker is not None:
            target.via = source
            target.reason += f"; relayed by {source.text!r} ('according to')"
            continue
        if any(c.contains(tok.idx) for c in cands if c.kind == "direct"):
            continue
        head = tok.head
        while head.dep_ not in ("ROOT",) and head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        clause = [t for t in sent if t not in set(tok.subtree)]
        toks = [t for t in clause if not (t.is_punct or t.is_space)]
        if len(toks) < 3:
            continue
        last = toks[-1]
        if last.i + 1 < len(doc) and doc[last.i + 1].text == "%":
            last = doc[last.i + 1]  # "rose 5%, according to": the sign stays
        start, end = trim(text, toks[0].idx, last.idx + len(last.text))
        a0, a1 = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
        words = reporting_words()
        after = [t for t in sent if t.idx >= a1 and t.pos_ in ("VERB", "AUX")]
        if a0 > start and a1 < end and after and after[0].lemma_.lower() in words.speech:
            end = a0  # "X, according to Y, said ...": the part before
        # otherwise "The convoy, according to officials, was attacked": the whole clause
        start, end = trim(text, start, end)
        to = doc[tok.i + 1] if tok.i + 1 < len(doc) else tok
        kind = "mixed" if any(start <= f.start and f.end <= end + 2 for f in fragments) else "indirect"
        new.append(Candidate(kind, start, end, source="according", cue_token=tok.i,
                             cue=(tok.idx, to.idx + len(to.text)), speaker=source,
                             reason=f"'according to {source.text}'"))
    return new


def apply_fragments(doc: Any, index: TokenIndex, fragments: list[Marked],
                    cands: list[Candidate]) -> list[Candidate]:
    """Quoted fragments: inside a reported clause they make it mixed; in the object of a
    naming verb they are a mixed quote of their own; elsewhere they are scare quotes."""
    words = reporting_words()
    text = index.text
    new: list[Candidate] = []
    taken = {c.cue_token for c in cands if c.cue_token is not None}
    for frag in fragments:
        host = next((c for c in cands if c.start <= frag.start and frag.end <= c.end + 2
                     and c.kind != "direct"), None)
        if host is not None:
            host.kind = "mixed"
            continue
        tok = doc[index.at(frag.start)]
        if not tok.text.strip() or tok.is_punct:
            tok = doc[min(len(doc) - 1, tok.i + 1)]
        verb = None
        node = tok
        for _ in range(8):
            if node.head.i == node.i:
                break
            if node.dep_ in ("nsubj", "nsubjpass"):
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in words.naming:
                verb = node
                break
        if verb is None or verb.i in taken:
            continue
        if (verb.dep_ == "amod" or verb.dep_ == "acl" and verb.tag_ == "VBN") and not any(
                c.dep_ == "dobj" for c in verb.children):
            continue  # "a show called “Brokers”": a participle naming its noun, no speaker
        rights = [c for c in verb.rights if c.dep_ in ("dobj", "oprd", "ccomp", "xcomp", "attr")]
        if not rights or not any(c.left_edge.i <= tok.i <= c.right_edge.i for c in rights):
            continue  # the fragment names a show or a place ("told NBC's 'Today'"), not words
        start = rights[0].left_edge.idx
        last = max(rights[-1].right_edge.i, index.at(frag.end - 1))
        end_tok = doc[last]
        while end_tok.i > rights[0].left_edge.i and dangling(end_tok):
            end_tok = doc[end_tok.i - 1]
        start, end = trim(text, start, end_tok.idx + len(end_tok.text))
        if frag.close_at >= end and frag.close_at - end <= 2:
            end = frag.close_at + 1  # keep the closing mark of a fragment that ends the clause
        if not (start <= frag.start and frag.end <= end + 2):
            continue
        speaker = subject_of(verb)
        if speaker is None:
            continue
        new.append(Candidate("mixed", start, end, source="naming", cue_token=verb.i,
                             cue=(verb.idx, verb.idx + len(verb.text)), speaker=speaker,
                             reason=f"quoted words in the object of {verb.text!r}"))
    return new

