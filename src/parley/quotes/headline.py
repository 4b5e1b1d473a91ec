"""Headline quotes: "Carson: Clinton 'not fit to serve'" and "'We will win' - Trump".

Only the title line (the first non-empty line) is read this way: in running text a colon
after a name is usually a list or a label, not speech.
"""

from __future__ import annotations

import re
from typing import Any

from parley.quotes.attribution import Candidate, TokenIndex
from parley.quotes.lexicon import reporting_words

_COLON = re.compile(r"^(?P<who>[^:\n]{2,70}?)\s*:\s+(?P<what>\S[^\n]*)$")
_DASH = re.compile(r"^(?P<what>\S[^\n]*?)\s+[—–-]\s+(?P<who>[^—–\n]{2,50})$")
_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_MAX_WHO_TOKENS = 6
_NAME_GLUE = frozenset({"of", "the", "de", "al", "bin", "van", "von", "and"})


def _is_name(doc: Any, index: TokenIndex, start: int, end: int) -> Any:
    """The head token of a short capitalised name phrase ("Trump", "Dr. Ben Carson"); headline
    case fools the tagger, so capitals count as much as the tags."""
    toks = [doc[i] for i in index.tokens(start, end) if not doc[i].is_space]
    if not toks or len(toks) > _MAX_WHO_TOKENS:
        return None
    labels = reporting_words().headline_labels
    if any(t.lower_ in labels for t in toks):
        return None
    words = [t for t in toks if t.is_alpha]
    if not words or not all(t.text[:1].isupper() or t.lower_ in _NAME_GLUE for t in words):
        return None
    if not any(t.ent_type_ in _NAME_LABELS or t.pos_ in ("PROPN", "NOUN", "ADJ") for t in words):
        return None
    return words[-1]


def find_headline(doc: Any, index: TokenIndex) -> Candidate | None:
    text = doc.text
    start = len(text) - len(text.lstrip())
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[start:line_end].rstrip()
    if not line or len(line) > 200:
        return None
    m = _COLON.match(line)
    if m:
        who0, who1 = start + m.start("who"), start + m.end("who")
        head = _is_name(doc, index, who0, who1)
        colon = text.index(":", who1)
        if head is not None:
            w0, w1 = start + m.start("what"), start + m.end("what")
            w0 += text[w0:w1][:1] in "“\"‘'"
            w1 -= text[w1 - 1:w1] in "”\"’'"
            return Candidate("direct", w0, w1, cue=(colon, colon + 1), speaker=head,
                             speaker_span=(who0, who1), source="headline",
                             reason="headline: speaker, colon, words")
    m = _DASH.match(line)
    if m and re.search(r"[“\"‘']", m.group("what")):
        who0, who1 = start + m.start("who"), start + m.end("who")
        head = _is_name(doc, index, who0, who1)
        if head is not None:
            w0, w1 = start + m.start("what"), start + m.end("what")
            dash = w1 + len(text[w1:who0]) - len(text[w1:who0].lstrip())
            w0 += text[w0:w1][:1] in "“\"‘'"
            w1 -= text[w1 - 1:w1] in "”\"’'"
            return Candidate("direct", w0, w1, cue=(dash, dash + 1), speaker=head,
                             speaker_span=(who0, who1), source="headline",
                             reason="headline: quoted words, dash, speaker")
    return None
