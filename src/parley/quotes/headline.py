"""Headline quotes ("Carson: Clinton 'not fit to serve'", "'We will win' - Trump"), the turns
of an interview transcript ("TAPPER: Do you think ...", "Matthews: Well, ..."), and the answers
of a Q&A interview ("Q: ... / A: ..."), which belong to the person the introduction names.

The title line (the first non-empty line) takes a name before a colon or after a dash; in
running text only a paragraph that *starts* with a short capitalised name and a colon is a
turn, and only where the document has at least two such paragraphs (a transcript).
"""

from __future__ import annotations

import re
from typing import Any

from parley.quotes.attribution import Candidate, TokenIndex
from parley.quotes.lexicon import reporting_words

_TURN = re.compile(r"^[\"“]?(?P<who>[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3}):[ \t]+(?P<what>\S[^\n]*)$",
                   re.MULTILINE)
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
    words = [t for t in toks if t.is_alpha]
    if not words or all(t.lower_ in labels for t in words) \
            or " ".join(t.lower_ for t in words) in labels:
        return None  # a genre label ("Analysis:", "Fact check:"), not a name ("NY Daily News")
    if len(words) > 1 and words[-1].lower_ in reporting_words().genre_heads:
        return None  # "Delegate Update:", "Senate Poll:": a column or a survey, no speaker
    if not words or not all(t.text[:1].isupper() or t.lower_ in _NAME_GLUE for t in words):
        return None
    if not any(t.ent_type_ in _NAME_LABELS or t.pos_ in ("PROPN", "NOUN", "ADJ") for t in words):
        return None
    return words[-1]


# "EXCLUSIVE – Roger Stone: ...": a genre label and a dash before the name
_LEAD_LABEL = re.compile(r"^[A-Za-z ]{2,20}\s+[—–-]\s+")
# "Mukasey at the convention: ...", "Black Democrats to Clinton: ...": where or to whom
_OCCASION = re.compile(r"\s+(?:at|in|on|to)\s+\S.*$")


def _speaker_part(text: str, start: int, end: int) -> tuple[int, int]:
    """The name in a headline's speaker part: without a genre label and dash before it
    ("EXCLUSIVE – Roger Stone") and without the occasion or addressee after it ("Former AG
    Mukasey at RNC", "Black Democrats to Hillary Clinton")."""
    who = text[start:end]
    lead = _LEAD_LABEL.match(who)
    if lead and lead.group(0).split()[0].lower() in reporting_words().headline_labels:
        start += lead.end()
        who = text[start:end]
    tail = _OCCASION.search(who)
    if tail and tail.start() > 0:
        end = start + tail.start()
    return start, end


def find_headline(doc: Any, index: TokenIndex) -> Candidate | None:
    text = index.text
    start = len(text) - len(text.lstrip())
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[start:line_end].rstrip()
    if not line or len(line) > 200:
        return None
    m = _COLON.match(line)
    if m:
        who0, who1 = start + m.start("who"), start + m.end("who")
        colon = text.index(":", who1)
        who0, who1 = _speaker_part(text, who0, who1)
        head = _is_name(doc, index, who0, who1)
        if head is not None:
            w0, w1 = start + m.start("what"), start + m.end("what")
            w0 += text[w0:w1][:1] in "“\"‘'"
            w1 -= text[w1 - 1:w1] in "”\"’'"
            return Candidate("direct", w0, w1, cue=(colon, colon + 1), speaker=head,
                             speaker_span=(who0, who1), source="headline",
                             reason="headline: speaker, colon, words")
    says = _title_report(doc, index, start, line)
    if says is not None:
        return says
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


def _third_person(lemma: str) -> str:
    """The present third person singular of a verb lemma: say -> says, deny -> denies."""
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _title_report(doc: Any, index: TokenIndex, start: int, line: str) -> Candidate | None:
    """A title in title case of the form "Name Says Clause" ("Mayor Okafor Says Bridge Will
    Reopen", "Tanaka Claims Rivals Rigged The Vote"): capitals on every word fool the tagger,
    which often reads the verb as a noun of the name, so the title is read by its words: a
    speech verb that may take a bare clause, in the present third person, after a short
    name, with a clause of three words or more after it (a verb in it: "Okafor Tweets Photo
    Of The Flood" reports nothing). Not a verb with an addressee ("Tells Voters
    ..."): what follows is whom it is told first."""
    if not _title_case(line):
        return None
    words = reporting_words()
    forms = {_third_person(v): v for v in words.bare_clause - words.addressee}
    forms["says"] = "say"
    for m in re.finditer(r"(?<=\s)[A-Z][a-z]+(?=\s)", line):
        if m.group(0).lower() not in forms:
            continue
        who0, who1 = start, start + m.start() - 1
        head = _is_name(doc, index, *_speaker_part(index.text, who0, who1))
        what = line[m.end():].strip()
        if head is None or len(what.split()) < 3:
            return None
        w0 = start + line.index(what, m.end())
        w1 = w0 + len(what.rstrip(" ."))
        if not any(doc[i].pos_ in ("VERB", "AUX") for i in index.tokens(w0, w1)):
            return None  # "Okafor Tweets Photo Of The Flood": an object, no clause
        verb = index.at(start + m.start())
        return Candidate("indirect", w0, w1, cue=(start + m.start(), start + m.end()),
                         cue_token=verb, speaker=head,
                         speaker_span=_speaker_part(index.text, who0, who1), source="headline",
                         reason=f"title: speaker, {m.group(0)!r}, what was said")
    return None


def find_turns(doc: Any, index: TokenIndex) -> list[Candidate]:
    """Transcript turns: paragraphs that open with a speaker label and a colon."""
    text = index.text
    first = len(text) - len(text.lstrip())
    title_end = text.find("\n", first)
    out: list[Candidate] = []
    for m in _TURN.finditer(text):
        if m.start() <= title_end or title_end < 0:
            continue
        who0, who1 = m.start("who"), m.end("who")
        head = _is_name(doc, index, who0, who1)
        if head is None:
            continue
        w0, w1 = m.start("what"), m.end("what")
        while w1 > w0 and text[w1 - 1] in "\"” ":
            w1 -= 1
        if len(text[w0:w1].split()) < 2:
            continue
        colon = text.index(":", who1)
        out.append(Candidate("direct", w0, w1, cue=(colon, colon + 1), speaker=head,
                             speaker_span=(who0, who1), source="turn",
                             reason="transcript turn: speaker label and colon"))
    return out if len(out) >= 2 else []


_QA = re.compile(r"^[ \t]*(?P<label>Q|A|Question|Answer)[ \t]*[:.][ \t]+(?P<what>\S[^\n]*)$",
                 re.MULTILINE)
_INTERVIEW = frozenset({"interview", "interviewed", "spoke", "talked", "sat", "conversation",
                        "asked", "questions", "edited", "condensed", "q&a"})


def _interviewee(doc: Any, index: TokenIndex, before: int) -> Any:
    """The person a Q&A introduction names: the last person in a sentence about the interview
    ("In an interview, Anna Berg said ..."), else the last person named before the questions."""
    people = [t for t in doc[:index.at(before) + 1] if t.ent_type_ == "PERSON" and t.ent_iob_ in (
        "B", "I") and (t.i + 1 >= len(doc) or doc[t.i + 1].ent_type_ != "PERSON")]
    about = [t for t in people if any(w.lower_ in _INTERVIEW for w in t.sent)]
    pick = (about or people)[-1:]
    return pick[0] if pick else None


def find_qa(doc: Any, index: TokenIndex) -> list[Candidate]:
    """Answers of a Q&A layout: paragraphs labelled "A:" (or "Answer:"), with the unlabelled
    paragraphs after one up to the next question; at least two labelled paragraphs and one
    question, and a person named before the first question."""
    text = index.text
    labels = list(_QA.finditer(text))
    if len(labels) < 2 or not any(m.group("label").lower().startswith("q") for m in labels):
        return []
    who = _interviewee(doc, index, labels[0].start())
    if who is None:
        return []
    ent = next((e for e in doc.ents if e.start <= who.i < e.end), None)
    span = (ent.start_char, ent.end_char) if ent is not None else (who.idx, who.idx + len(who.text))
    out: list[Candidate] = []
    for k, m in enumerate(labels):
        if not m.group("label").lower().startswith("a"):
            continue
        w0 = m.start("what")
        stop = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        w1 = len(text[:stop].rstrip())
        while w1 > w0 and text[w1 - 1] in "\"” ":
            w1 -= 1
        if len(text[w0:w1].split()) < 2:
            continue
        label_end = m.start("what")
        out.append(Candidate("direct", w0, w1, cue=(m.start("label"), label_end - 1),
                             speaker=who, speaker_span=span, source="turn",
                             reason="Q&A answer: the interviewee named before the questions"))
    return out
