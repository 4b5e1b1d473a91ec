"""The NLP stage: one parse per article, sentences that never cross a blank line, and texts
too long to parse rejected rather than crashing the run."""

from __future__ import annotations

import pytest

from parley.config import LimitSettings
from parley.model import Article, Document
from parley.nlp import NLPStage

pytestmark = pytest.mark.model


def test_headline_is_its_own_sentence() -> None:
    text = "China and Russia Meet, But Is It Good for Ukraine?\n\nXi Jinping arrived in Moscow."
    [doc] = list(NLPStage().pipe([Document(article=Article(id="a", text=text))]))
    assert [s.span.text.strip() for s in doc.sentences] == [
        "China and Russia Meet, But Is It Good for Ukraine?", "Xi Jinping arrived in Moscow."]


def test_too_long_text_is_a_rejection_and_the_rest_is_parsed() -> None:
    long = Document(article=Article(id="long", text="Talks resumed. " * 200))
    short = Document(article=Article(id="short", text="Talks resumed in Geneva."))
    out = list(NLPStage(limits=LimitSettings(characters=1000)).pipe([long, short]))
    assert [d.article.id for d in out] == ["long", "short"]
    assert out[0].rejection is not None and out[0].rejection.reason == "too_long"
    assert "limits.characters" in out[0].rejection.detail and out[0].parse is None
    assert out[1].rejection is None and out[1].parse is not None
