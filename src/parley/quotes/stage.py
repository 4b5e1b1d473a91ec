"""The quote stage: direct, mixed and indirect quotes with speakers, then stances."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from parley import syntax
from parley.errors import StageError
from parley.model import Document, Quote, Span
from parley.quotes.attribution import Candidate, SpanSet, TokenIndex
from parley.quotes.direct import attribute_marks, find_marks
from parley.quotes.headline import find_headline, find_qa, find_turns
from parley.quotes.indirect import find_indirect
from parley.quotes.lexicon import issues, reporting_words, stance_cues
from parley.quotes.parenthetical import (
    continue_after_attribution,
    continue_into_quoted_words,
    find_as_clauses,
    find_colon_blocks,
    find_copular_nouns,
    is_report,
)
from parley.quotes.relay import apply_according_to, apply_fragments
from parley.quotes.speaker import (
    chain_speakers,
    entity_for,
    inherit_floating,
    speaker_span,
    split_floating,
    via_entity,
)
from parley.quotes.stances import find_stances

logger = logging.getLogger(__name__)


def _inside_any(pos: int, spans: SpanSet) -> bool:
    return bool(spans.overlapping(pos, pos + 1))


def _share_inside(c: Candidate, spans: SpanSet) -> float:
    inside = sum(min(c.end, d.end) - max(c.start, d.start) for d in spans.overlapping(c.start, c.end))
    return inside / max(1, c.end - c.start)


def _in_word(text: str, i: int) -> bool:
    """Whether the character at ``i`` is part of a word: a letter or digit, or an apostrophe
    between two letters ("don’t")."""
    if not 0 <= i < len(text):
        return False
    if text[i].isalnum():
        return True
    return (text[i] in "’'" and 0 < i < len(text) - 1 and text[i - 1].isalpha()
            and text[i + 1].isalpha())


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A content span begins and ends on word boundaries: a span cut inside a word ("they
    do" of "they don’t", a token split inside a contraction) takes the whole word."""
    while start > 0 and _in_word(text, start - 1) and _in_word(text, start):
        start -= 1
    while end < len(text) and _in_word(text, end - 1) and _in_word(text, end):
        end += 1
    return start, end


_OPEN_MARKS, _CLOSE_MARKS = "“«", "”»"
_QUOTED = re.compile(r"“[^”]+”|\"[^\"]+\"")
_RUN_ON = 600  # characters a quotation opened in reported words may run on to its mark


def close_marks(text: str, start: int, end: int) -> int:
    """A content span that opens a quotation takes its closing mark: `the vote a “violation of
    the constitution.”`, not a span that stops inside the quoted words. Only a mark within
    three characters of the end (the sentence's period or comma between) is taken."""
    part = text[start:end]
    opened = sum(part.count(c) for c in _OPEN_MARKS) - sum(part.count(c) for c in _CLOSE_MARKS)
    closers = _CLOSE_MARKS
    if opened <= 0 and part.count('"') % 2:
        opened, closers = 1, '"'  # straight marks: an odd number opens one
    if opened <= 0:
        return end
    for i in range(end, min(len(text), end + 3)):
        if text[i] in closers:
            return i + 1
        if not (text[i] in ".,!?;" or text[i] == " " and i == end):
            break
    # a quotation opened inside reported words runs on to its closing mark, in the same
    # paragraph ("said the governor is “weak on the budget. Weak, weak.”"): the quoted words
    # are the speaker's to the end
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    stop = min(para_end, end + _RUN_ON)
    for i in range(end, stop):
        if text[i] in closers:
            return i + 1
        if text[i] in _OPEN_MARKS:
            break
    return end


def find_candidates(doc: Any) -> list[Candidate]:
    """Every attribution in one parse, speakers as parse tokens (no entities yet)."""
    index = TokenIndex(doc)
    text = index.text
    marks = find_marks(text)
    direct, fragments = attribute_marks(doc, index, marks)
    head = find_headline(doc, index)
    if head is not None:
        direct = [c for c in direct if not (head.start <= c.start < head.end + 1)]
        fragments = [f for f in fragments if not (head.start <= f.start < head.end + 1)]
        direct.insert(0, head)
    turns = find_turns(doc, index) + find_qa(doc, index)
    if turns:
        direct = [c for c in direct if not any(t.start <= c.start < t.end + 2 for t in turns)]
        fragments = [f for f in fragments if not any(t.start <= f.start < t.end + 2 for t in turns)]
        direct += turns
    taken = {c.cue_token for c in direct if c.cue_token is not None}
    quoted = SpanSet(direct + [Candidate("direct", m.start, m.end) for m in fragments])
    direct_set = SpanSet(direct)
    indirect = []
    found = find_indirect(doc, index, taken)
    as_clauses = find_as_clauses(doc, index, taken)
    as_cues = {c.cue_token for c in as_clauses}  # the as-clause reading wins
    found = [c for c in found if c.cue_token not in as_cues] + as_clauses
    found += find_copular_nouns(doc, index, taken)
    found += find_colon_blocks(doc, index, taken)
    found = [c for c in found if is_report(doc, index, c)]
    continue_after_attribution(doc, index, found)
    continue_into_quoted_words(doc, index, found)
    for cand in found:
        if cand.cue_token is not None and _inside_any(index.starts[cand.cue_token], quoted):
            continue  # reported speech inside quotation marks belongs to the quote
        if _share_inside(cand, direct_set) > 0.5:
            continue  # the complement is a direct quote already found
        indirect.append(cand)
    # nested reporting: "X said the administration believes ..." is one attribution
    reported = SpanSet(indirect)
    indirect = [c for c in indirect if c.cue_token is None or not any(
        d is not c for d in reported.overlapping(index.starts[c.cue_token],
                                                 index.starts[c.cue_token] + 1))]
    cands = direct + indirect
    # quoted words in the object of a naming verb first, so that "According to IRNA, he
    # called the measures 'illegal'" finds the verb's quote and makes IRNA its relay
    cands += apply_fragments(doc, index, fragments, cands)
    cands += apply_according_to(doc, index, cands, fragments)
    cands = inherit_floating(cands, text)
    cands = split_floating(cands, text)
    for c in cands:
        if c.speaker is not None and c.speaker_span is None:
            c.speaker_span = speaker_span(c.speaker)
    for c in cands:
        c.start, c.end = snap_to_words(text, c.start, c.end)
        if c.kind != "direct":
            c.end = close_marks(text, c.start, c.end)
            if c.kind == "indirect" and _QUOTED.search(text, c.start, c.end):
                c.kind = "mixed"  # quoted words inside reported speech
    cands.sort(key=lambda c: (c.start, -c.end))
    # nothing is said in page furniture: a byline, or the widget of related headlines a site
    # inlines into a sentence ("... MayThe US needs ... Gowdy: I still believe ... MORE")
    furniture = syntax.furniture_tokens(doc)
    out: list[Candidate] = []
    for c in cands:
        if c.end - c.start < 2:
            continue
        if index.at(c.start) in furniture or (c.cue_token is not None
                                               and c.cue_token in furniture):
            continue
        if out and out[-1].start == c.start and out[-1].end == c.end:
            continue
        out.append(c)
    return out


class QuoteStage:
    """Fill ``Document.quotes`` and ``Document.stances`` from the parse and the actors."""

    name = "parley.quotes.rules.v1"
    requires: tuple[str, ...] = ("parse", "actors")
    provides: tuple[str, ...] = ("quotes", "stances")

    def __init__(self) -> None:
        # load the word lists now, once per process, so that a bad data file fails at build time
        reporting_words()
        issues()
        stance_cues()

    def setup(self, settings: Any = None) -> None:
        """The word lists are loaded in the constructor; nothing more to load."""

    def pipe(self, documents: Iterable[Document]) -> Iterator[Document]:
        return (self(d) for d in documents)

    def __call__(self, document: Document) -> Document:
        doc = document.parse
        if doc is None:
            raise StageError(self.name, document.article.id,
                             "the document has no parse; put the nlp stage before the quote stage")
        if doc.text != document.article.text:
            raise StageError(self.name, document.article.id,
                             "the parse does not cover exactly Article.text, so offsets would be "
                             "wrong; parse the article text as it is")
        try:
            cands = find_candidates(doc)
            quotes = self.to_quotes(document, cands)
            stances = find_stances(document, doc, quotes, cands)
        except (AttributeError, IndexError, ValueError, KeyError) as exc:
            raise StageError(self.name, document.article.id, f"{type(exc).__name__}: {exc}") from exc
        return replace(document, quotes=tuple(quotes), stances=tuple(stances))

    @staticmethod
    def to_quotes(document: Document, cands: list[Candidate]) -> list[Quote]:
        text = document.article.text
        quotes: list[Quote] = []
        speakers = chain_speakers(document, cands, [
            entity_for(document, c.speaker, c.speaker_span)
            if c.speaker is not None and c.speaker_span is not None else None for c in cands])
        for n, (c, speaker) in enumerate(zip(cands, speakers, strict=True), 1):
            sspan = Span.of(text, *c.speaker_span) if speaker is not None and c.speaker_span else None
            via = via_entity(document, c.via) if c.via is not None else None
            quotes.append(Quote(
                id=f"Q{n}", kind=c.kind, content=Span.of(text, c.start, c.end),
                speaker=speaker, speaker_span=sspan,
                cue=Span.of(text, *c.cue) if c.cue else None, via=via,
                addressee=c.addressee, reason=c.reason,
            ))
        return quotes
