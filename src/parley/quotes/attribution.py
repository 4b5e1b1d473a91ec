"""The in-flight attribution record and the parse helpers the quote finders share.

A ``Candidate`` is mutable and lives only inside one call of the stage; the stage turns the
survivors into frozen ``parley.model.Quote`` records.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Candidate:
    kind: str  # direct | indirect | mixed
    start: int  # content span (no quotation marks)
    end: int
    cue: tuple[int, int] | None = None  # character span of the cue
    cue_token: int | None = None  # token index of the reporting word
    speaker: Any = None  # spaCy Token heading the speaker phrase
    speaker_span: tuple[int, int] | None = None
    via: Any = None  # spaCy Token heading the relaying source
    addressee: str | None = None
    reason: str = ""
    source: str = ""  # which finder made it: direct | indirect | noun | according | naming | headline
    floating: bool = False
    inherited_from: Candidate | None = field(default=None, repr=False)

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


def token_indices(doc: Any, attr: str, values: tuple[str, ...],
                  columns: dict[str, list[int]] | None = None) -> list[int]:
    """Indices of the tokens whose ``attr`` (``"POS"``, ``"DEP"``, ``"ORTH"``, ``"LOWER"``) is
    one of ``values``, in order, read from one array of the parse: a finder makes Token
    objects only for the tokens it looks at, not for every token of the article (making one
    costs more than most tests made of it). ``columns`` keeps the arrays read, for one parse."""
    from spacy.attrs import IDS
    from spacy.parts_of_speech import IDS as POS_IDS

    column = columns.get(attr) if columns is not None else None
    if column is None:
        column = doc.to_array(IDS[attr]).tolist()
        if columns is not None:
            columns[attr] = column
    strings = doc.vocab.strings
    wanted = {POS_IDS[v] if attr == "POS" else strings[v] for v in values}
    return [i for i, v in enumerate(column) if v in wanted]


class TokenIndex:
    """Character offset -> token index over one parse."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        from spacy.attrs import IDX

        # every token's character offset in one array, not one Token object per token
        self.starts: list[int] = doc.to_array(IDX).tolist()
        # spaCy rebuilds ``Doc.text`` from every token on each access: read it once here and
        # pass this copy on, so that a long article costs linear time (issue 9)
        self.text: str = doc.text
        self._columns: dict[str, list[int]] = {}  # attribute -> its value for every token

    def where(self, attr: str, *values: str) -> list[int]:
        """``token_indices`` of this parse, the attribute's array kept for the other finders
        of this call."""
        return token_indices(self.doc, attr, values, self._columns)

    def at(self, pos: int) -> int:
        """Index of the token that contains (or last starts before) ``pos``."""
        return max(0, bisect_right(self.starts, pos) - 1)

    def tokens(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside ``[start, end)``."""
        lo = bisect_right(self.starts, start - 1)
        hi = bisect_right(self.starts, end - 1)
        return range(lo, hi)


class SpanSet:
    """Candidates sorted by start, for "which of them overlap [start, end)" in time that grows
    with the answer rather than with the article (a long article has thousands)."""

    def __init__(self, cands: list[Candidate]) -> None:
        self.items = sorted(cands, key=lambda c: c.start)
        self.starts = [c.start for c in self.items]
        self.reach: list[int] = []  # the largest end among items[0..j]
        top = -1
        for c in self.items:
            top = max(top, c.end)
            self.reach.append(top)

    def overlapping(self, start: int, end: int) -> list[Candidate]:
        """The candidates ``c`` with ``c.start < end`` and ``c.end > start``, in start order."""
        j = bisect_right(self.starts, end - 1) - 1
        out = []
        while j >= 0 and self.reach[j] > start:
            if self.items[j].end > start:
                out.append(self.items[j])
            j -= 1
        out.reverse()
        return out


def phrase_span(token: Any) -> tuple[int, int]:
    """Character span of the phrase a token heads, without edge punctuation, and cut before
    a relative clause that follows the head ("officials, who spoke on condition ...")."""
    left, right = token.left_edge, token.right_edge
    for child in token.rights:
        if child.dep_ in ("relcl", "acl") and child.i > token.i:
            right = token.doc[max(token.i, child.left_edge.i - 1)]
            break
    doc = token.doc
    i, j = left.i, right.i
    while i < j and (doc[i].is_punct or doc[i].is_space):
        i += 1
    while j > i and (doc[j].is_punct and doc[j].text != "%" or doc[j].is_space):
        j -= 1  # a closing mark goes from a speaker's phrase; "5%" keeps its sign
    return doc[i].idx, doc[j].idx + len(doc[j].text)


def dangling(tok: Any) -> bool:
    """Punctuation a span drops at its end: not a closing quotation mark, nor the sign of
    "5%" (spaCy calls both punctuation)."""
    return tok.is_punct and tok.text not in "”’\"'%"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding white space and trailing commas or dashes from a content span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;—–-"):
        end -= 1
    return start, end
