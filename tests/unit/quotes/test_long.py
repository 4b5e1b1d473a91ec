"""Long articles (issue 9): the quote finder's shortcuts give exactly what a plain scan gives."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from parley.model import Document
from parley.quotes.attribution import Candidate, SpanSet

PARAGRAPHS = (
    "The minister said on Monday that the talks would resume, and added that both sides agreed.",
    "“We are ready to sign,” the envoy told reporters. “The rest is up to them.”",
    "Officials maintained that the border would stay closed, according to local media.",
    "The union accused the company of cutting wages and warned that a strike could follow.",
)


def test_span_set_finds_exactly_the_overlapping_spans() -> None:
    rng = random.Random(11)
    for _ in range(200):
        cands = []
        for _ in range(rng.randint(0, 30)):
            start = rng.randint(0, 500)
            cands.append(Candidate("direct", start, start + rng.randint(0, 120)))
        spans = SpanSet(cands)
        for _ in range(20):
            lo = rng.randint(0, 600)
            hi = lo + rng.randint(1, 80)
            plain = sorted((c for c in cands if c.start < hi and c.end > lo),
                           key=lambda c: c.start)
            assert [id(c) for c in spans.overlapping(lo, hi)] == [id(c) for c in plain]


@pytest.mark.model
def test_a_long_article_gives_the_quotes_of_its_paragraphs(
        run_quotes: Callable[..., Document]) -> None:
    """Each paragraph stands alone, so the article of 200 paragraphs has, at each paragraph,
    the quotes that paragraph has on its own: the same spans, kinds and speakers."""
    alone = [[(q.kind, q.content.start, q.content.end, q.speaker_span and q.speaker_span.text)
              for q in run_quotes(p).quotes] for p in PARAGRAPHS]
    assert all(alone)
    paragraphs = [PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(200)]
    text = "\n\n".join(paragraphs)
    got = run_quotes(text).quotes
    want = []
    offset = 0
    for n, para in enumerate(paragraphs):
        want += [(k, s + offset, e + offset, sp) for k, s, e, sp in alone[n % len(PARAGRAPHS)]]
        offset += len(para) + 2
    assert [(q.kind, q.content.start, q.content.end, q.speaker_span and q.speaker_span.text)
            for q in got] == want
