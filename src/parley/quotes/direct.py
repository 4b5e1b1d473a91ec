"""Direct quotes: the text between quotation marks, and who said it.

``find_marks`` scans the text once for quotation marks (straight and curly, double and
single, and quotes that run over several paragraphs with an opening mark on each paragraph
and a closing mark on the last). ``attribute_marks`` decides, for each quoted stretch, whether
it is a direct quote with a cue after it (", he said"), before it ("He said: ..."), a floating
quote whose speaker comes from the neighbouring sentences, or a fragment inside a sentence
(a mixed quote or a scare quote, settled by ``parley.quotes.indirect``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from parley.quotes.attribution import Candidate, TokenIndex, phrase_span, trim
from parley.quotes.lexicon import reporting_words
from parley.quotes.speaker import reporter_of
from parley.syntax import subject_of

logger = logging.getLogger(__name__)

OPENERS_DOUBLE = "“„«"
CLOSERS_DOUBLE = "”»"
MAX_SINGLE_CHARS = 240  # a longer 'single-quoted' stretch is an apostrophe mistaken for a mark
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,300}>")
_SENT_END = re.compile(r"[.!?…]+[\"”’']?(?:\s|$)")
# a period after a title or an initial ends no sentence ("Ms. Moore said", "George H. W. Bush")
_ABBREV = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "reps", "gov", "gen", "lt", "col",
                     "sgt", "capt", "maj", "adm", "cmdr", "prof", "rev", "st", "jr", "sr", "mt",
                     "ft", "messrs", "hon", "pres", "atty", "supt", "no", "vs", "u.s", "u.n",
                     "d.c", "u.k", "e.u", "ret", "corp", "inc", "co", "ltd"})
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _sentence_ends(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Sentence ends in ``text[start:end]``, without the periods of titles and initials."""
    out = []
    for m in _SENT_END.finditer(text, start, end):
        if text[m.start()] == ".":
            w = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            word = w.group(1).lower().strip(".") if w else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
        out.append(m)
    return out


@dataclass(frozen=True, slots=True)
class Marked:
    """A stretch between quotation marks: content ``[start, end)``, marks at ``open_at``
    and ``close_at`` (``close_at`` is -1 when the paragraph ended before a closing mark)."""

    start: int
    end: int
    open_at: int
    close_at: int
    single: bool
    paragraphs: int = 1


def _alnum(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isalnum()


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return (before.isspace() or before in "([—–-:\"“") and _alnum(text, i + 1)


def _double_apostrophe(text: str, i: int) -> bool:
    """Two apostrophes standing for a double quotation mark (''We will,'' he said), the
    plain-text rendition of curly marks in wire copy and some newspapers' archives."""
    return text.startswith("''", i)


def _opens_double_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 2] if i + 2 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def find_marks(text: str) -> list[Marked]:
    """Every quoted stretch of ``text``, in order; nested single quotes inside a double quote
    are part of the outer quote. Two apostrophes count as one double mark."""
    out: list[Marked] = []
    n = len(text)
    open_at = -1
    single = False
    paragraphs = 1
    first_open = -1
    width = 1  # characters of the opening mark
    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            if open_at >= 0:
                j = i
                while j < n and text[j].isspace():
                    j += 1
                if not single and j < n and (text[j] in OPENERS_DOUBLE + '"'
                                             or _double_apostrophe(text, j)):
                    # the quote runs on: an opening mark on the next paragraph, none closed here
                    paragraphs += 1
                    i = j + (2 if _double_apostrophe(text, j) else 1)
                    continue
                s, e = trim(text, first_open + width, i)
                if e - s > 1 and not single:
                    out.append(Marked(s, e, first_open, -1, single, paragraphs))
                open_at = -1
            i += 1
            continue
        if ch == "<" and open_at < 0 and _TAG.match(text, i):
            i = _TAG.match(text, i).end()  # type: ignore[union-attr]
            continue  # markup left in the text (<tweet author="...">): not quotation
        if open_at < 0:
            if ch in OPENERS_DOUBLE or ch == '"':
                open_at, first_open, single, paragraphs, width = i, i, False, 1, 1
            elif _double_apostrophe(text, i) and _opens_double_apostrophe(text, i):
                open_at, first_open, single, paragraphs, width = i, i, False, 1, 2
                i += 2
                continue
            elif (ch == "‘" or ch == "'") and _opens_single(text, i):
                open_at, first_open, single, paragraphs, width = i, i, True, 1, 1
        elif not single:
            if _double_apostrophe(text, i):
                if text[i - 1:i].isspace() and _opens_double_apostrophe(text, i) \
                        and paragraphs == 1:
                    open_at = first_open = i  # an unclosed mark before: start again here
                    width = 2
                    i += 2
                    continue
                if text.startswith("'''", i):
                    i += 1  # a single mark closing a nested quote, then the double one
                if i - first_open > width:
                    out.append(Marked(first_open + width, i, first_open, i + 1, False, paragraphs))
                open_at = -1
                i += 2
                continue
            if ch in CLOSERS_DOUBLE or ch == '"':
                if i - first_open > width:
                    out.append(Marked(first_open + width, i, first_open, i, False, paragraphs))
                open_at = -1
            elif ch == "“" and i > 0 and text[i - 1].isspace() and paragraphs == 1:
                open_at = first_open = i  # an unclosed mark before: start again here
                width = 1
        else:
            if ch in "’'" and not _alnum(text, i + 1):
                if 1 < i - first_open <= MAX_SINGLE_CHARS:
                    out.append(Marked(first_open + 1, i, first_open, i, True, 1))
                open_at = -1
            elif ch in "“”\"" or i - first_open > MAX_SINGLE_CHARS:
                open_at = -1
                continue  # read this mark again outside the failed single quote
        i += 1
    if open_at >= 0 and not single:
        s, e = trim(text, first_open + width, n)
        if e - s > 1:
            out.append(Marked(s, e, first_open, -1, False, paragraphs))
    return out


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


def before_region(text: str, mark: Marked, prev_close: int) -> tuple[int, int]:
    """Text of the same sentence before the opening mark (back to a sentence end, the
    previous quote or the paragraph start)."""
    line_start, _ = _line_bounds(text, mark.open_at)
    lo = max(line_start, prev_close + 1)
    ends = _sentence_ends(text, lo, mark.open_at)
    if ends:
        lo = ends[-1].end()
    return lo, mark.open_at


def after_region(text: str, mark: Marked, next_open: int) -> tuple[int, int]:
    """Text after the closing mark up to the sentence end, the next quote or the paragraph end."""
    if mark.close_at < 0:
        return mark.end, mark.end
    _, line_end = _line_bounds(text, mark.close_at)
    hi = min(line_end, next_open if next_open > mark.close_at else line_end)
    ends = _sentence_ends(text, mark.close_at + 1, hi)
    if ends:
        hi = ends[0].end()
    return mark.close_at + 1, hi


def _hyphenated(doc: Any, tok: Any) -> bool:
    """Part of a hyphenated word ("body-related", "so-called"): no verb of its own."""
    return tok.i > 0 and doc[tok.i - 1].text in "-‐" and not doc[tok.i - 1].whitespace_


def _reporting_verb(doc: Any, index: TokenIndex, start: int, end: int, last: bool) -> Any:
    words = reporting_words()
    found = None
    for ti in index.tokens(start, end):
        tok = doc[ti]
        if tok.lemma_.lower() in words.speech and tok.pos_ in ("VERB", "AUX") \
                and not _hyphenated(doc, tok):
            found = tok
            if not last:
                return tok
    return found


def _continues(doc: Any, index: TokenIndex, text: str, mark: Marked, nxt: Marked) -> bool:
    """The next quote goes on with the same sentence after the cue ("..., he said, 'to ...'").
    Not when a sentence ends between them ("'A,' she wrote. Still, she added, 'B'") or a
    second reporting verb brings the next quote ("'A,' he said, adding, 'B'"): that is a
    quote of its own, with its own cue."""
    between = text[mark.close_at + 1:nxt.open_at] if mark.close_at >= 0 else ""
    if "\n" in between or len(between) > 100 or not between.rstrip().endswith(","):
        return False
    if _sentence_ends(text, mark.close_at + 1, nxt.open_at):
        return False
    words = reporting_words()
    verbs = [ti for ti in index.tokens(mark.close_at + 1, nxt.open_at)
             if doc[ti].lemma_.lower() in words.speech and doc[ti].pos_ in ("VERB", "AUX")]
    if len(verbs) > 1:
        return False
    first = text[nxt.start:nxt.start + 1]
    return first.islower() or text[mark.start:mark.end].rstrip()[-1:] in ",—–-"


def _words_after(text: str, start: int, end: int) -> int:
    """Words between a closing mark and the sentence end: a quote that the sentence runs on
    after ("caucuses 'are such an unknown' because ...") is a fragment of a larger clause."""
    return len(re.findall(r"[^\W\d_]{2,}", text[start:end]))


def _leads_into(doc: Any, index: TokenIndex, verb: Any, open_at: int) -> bool:
    """A cue before a quote leads straight into it ("said:", "told reporters,", "says");
    a clause in between ("said that there was a ...") makes the quote a fragment."""
    tail = index.text[verb.idx + len(verb.text):open_at].strip()
    if not tail or tail[-1:] in ",:":
        return True
    for ti in index.tokens(verb.idx + len(verb.text), open_at):
        tok = doc[ti]
        if tok.pos_ in ("VERB", "AUX", "SCONJ", "ADP", "DET") or tok.lower_ in ("that", "it"):
            return False
    return len(tail.split()) <= 4


def _cue_from_verb(verb: Any) -> tuple[int, int]:
    return verb.idx, verb.idx + len(verb.text)


def _near(verb: Any, after_quote: int) -> bool:
    """A cue after a quote belongs to it when it comes within a few words, or when only its
    subject stands between ("'...,' Malkia Cyril, the executive director of ..., said")."""
    if verb.idx - after_quote < 80:
        return True
    subj = subject_of(verb)
    return (verb.idx - after_quote < 250 and subj is not None and subj.i < verb.i
            and 0 <= subj.left_edge.idx - after_quote <= 3)


def _nearest_name(doc: Any, index: TokenIndex, start: int, end: int) -> Any:
    for ti in index.tokens(start, end):
        tok = doc[ti]
        if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            return tok
    return None


_WORD_END = re.compile(r"([^\W\d_][\w'’-]*)\s*,?\s*$")


def _title_case(words: str) -> bool:
    """Words capitalised as a title is: the first and every word of four letters or more."""
    found = re.findall(r"[^\W\d_][\w'’-]*", words)
    return bool(found) and len(found) <= 12 and all(
        w[0].isupper() for n, w in enumerate(found) if n == 0 or len(w) >= 4)


def _is_title(doc: Any, index: TokenIndex, mark: Marked) -> bool:
    """Quoted words that name a work or modify a noun, not words someone said: right after a
    noun of works ("her memoir, “Plenty of Time.”", "his book, ''Winning the Peace,''"), or
    before a noun they modify, with no punctuation of their own at the end (“Orange Skies”
    star Ana Ruiz); in both, capitalised as a title."""
    text = index.text
    if not _title_case(text[mark.start:mark.end]):
        return False  # "grant program, “states were hemorrhaging money”": words, not a title
    line_start = text.rfind("\n", 0, mark.open_at) + 1
    m = _WORD_END.search(text, max(line_start, mark.open_at - 40), mark.open_at)
    if m is not None and m.group(1).lower() in reporting_words().title_nouns:
        return True
    if mark.close_at < 0 or not text[mark.start:mark.end].rstrip()[-1:].isalnum():
        return False
    nxt = index.at(mark.close_at + 1) + 1
    if nxt >= len(doc) or doc[nxt].idx != mark.close_at + 2:
        return False
    tok = doc[nxt]
    return (tok.pos_ == "NOUN" and tok.text[:1].islower() and tok.dep_ not in ("nsubj", "nsubjpass")
            and tok.idx > mark.close_at)


def attribute_marks(doc: Any, index: TokenIndex, marks: list[Marked]) -> tuple[
        list[Candidate], list[Marked]]:
    """Split marks into direct-quote candidates and fragments (returned for the mixed pass)."""
    text = index.text
    direct: list[Candidate] = []
    fragments: list[Marked] = []
    skip = -1
    for k, mark in enumerate(marks):
        if k <= skip:
            continue
        if _is_title(doc, index, mark):
            fragments.append(mark)
            continue
        prev_close = marks[k - 1].close_at if k else -1
        next_open = marks[k + 1].open_at if k + 1 < len(marks) else len(text)
        b0, b1 = before_region(text, mark, prev_close)
        a0, a1 = after_region(text, mark, next_open)
        before = text[b0:b1].rstrip()
        content = text[mark.start:mark.end].rstrip()
        n_words = len(content.split())
        ends_open = content[-1:] in ",—–-" or content.endswith("...")
        ends_sentence = content[-1:] in ".?!…"
        post = _reporting_verb(doc, index, a0, a1, last=False) if a1 > a0 else None
        pre = None
        if before:
            pre = _reporting_verb(doc, index, b0, b1, last=True)
            if pre is not None and not _leads_into(doc, index, pre, b1):
                pre = None
        lead_in = not before or before[-1:] in ",:;—–-("
        # "... said, “I am proud.” - the first to say so": a dash brings a comment on the
        # quote, not the rest of a clause the quoted words are part of
        runs_on = not ends_sentence and _words_after(text, a0, a1) >= 2 and post is None \
            and not (before[-1:] in ",:" and text[a0:a1].lstrip()[:1] in "-—–")
        cand = Candidate("direct", mark.start, mark.end, source="direct")
        if post is not None and lead_in and (ends_open or not before) and _near(post, a0):
            cand.cue, cand.cue_token = _cue_from_verb(post), post.i
            cand.speaker = reporter_of(post, (mark.open_at, mark.end))
            if cand.speaker is None or mark.open_at <= cand.speaker.idx < a0:
                # the quoted words never hold their own speaker ("'... #Justdoit,' he wrote",
                # "'...,' adding, '...'"): a name after the quote, or the cue's before it
                cand.speaker = _nearest_name(doc, index, a0, a1) or (
                    subject_of(pre) if pre is not None else None)
            cand.reason = f"quotation marks, cue {post.text!r} after the quote"
            nxt = marks[k + 1] if k + 1 < len(marks) else None
            if nxt is not None and _continues(doc, index, text, mark, nxt):
                cand.end = nxt.end  # "'...,' he said, 'and ...'": one quote split by its cue
                cand.reason += "; split around the cue"
                skip = k + 1
        elif pre is not None and not runs_on and (
                before[-1:] in ",:" or (n_words >= 4 and ends_sentence)):
            cand.cue, cand.cue_token = _cue_from_verb(pre), pre.i
            cand.speaker = reporter_of(pre, (mark.open_at, mark.end + 1)) or _nearest_name(
                doc, index, b0, pre.idx)
            cand.kind = "direct"
            cand.reason = f"quotation marks, cue {pre.text!r} before the quote"
        elif not before and not runs_on:
            if not (n_words >= 3 or ends_sentence):
                fragments.append(mark)
                continue
            cand.floating = True
            cand.reason = "quotation marks filling the sentence; speaker from the context"
        elif text[b0:b1].rstrip()[-1:] == ":" and n_words >= 3:
            cand.floating = True
            cand.reason = "quotation marks after a colon; speaker from the context"
        else:
            fragments.append(mark)
            continue
        if not before and mark.open_at > 0 and text[:mark.open_at].rstrip().endswith(":"):
            # "Breitbart News responded:\n\n'...'": the cue ends the paragraph before
            p_end = len(text[:mark.open_at].rstrip())
            p_start, _ = _line_bounds(text, p_end - 1)
            prev_verb = _reporting_verb(doc, index, p_start, p_end, last=True)
            if prev_verb is not None and cand.cue is None:
                cand.cue, cand.cue_token = _cue_from_verb(prev_verb), prev_verb.i
                cand.speaker = subject_of(prev_verb)
                cand.floating = False
                cand.reason = f"quotation marks after {prev_verb.text!r} and a colon"
        if cand.speaker is not None:
            cand.speaker_span = phrase_span(cand.speaker) if cand.speaker.pos_ != "PRON" else (
                cand.speaker.idx, cand.speaker.idx + len(cand.speaker.text))
        direct.append(cand)
    return direct, fragments
