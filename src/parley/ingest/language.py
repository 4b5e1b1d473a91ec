"""Language identification: langdetect with a fixed seed, so runs repeat exactly.

langdetect (a port of Google's language-detection, 55 languages, offline profiles) is the
dependency the project already has. It is random by design; ``DetectorFactory.seed = 0``
makes it deterministic. Only the first 2,000 characters are looked at: enough for a
confident answer on news text, and it keeps the cost near 3 ms an article.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator

from parley.model import Article, Rejection

logger = logging.getLogger(__name__)

SAMPLE_CHARS = 2000
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_TOKEN = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")


def _mostly_figures(text: str) -> bool:
    """A table of figures: a fifth or more of its tokens hold digits."""
    tokens = _TOKEN.findall(text)
    return bool(tokens) and sum(1 for t in tokens if _DIGIT.search(t)) >= len(tokens) / 5
_ready = False


def _init() -> None:
    global _ready
    if not _ready:
        from langdetect import DetectorFactory

        DetectorFactory.seed = 0
        _ready = True


def detect_language(text: str) -> tuple[str, float]:
    """The most probable language code (ISO 639-1, ``zh-cn`` style for Chinese) and its
    probability; ``("und", 0.0)`` when the text has no letters to go on."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < 3:
        return "und", 0.0
    _init()
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return "und", 0.0
    return str(best.lang), float(best.prob)


def check_language(
    items: Iterable[Article | Rejection], accept: tuple[str, ...] = ("en",),
    min_chars: int = 20,
) -> Iterator[Article | Rejection]:
    """Articles in an accepted language pass on (with ``language`` set); others become
    ``Rejection(stage="language", reason="not_english", detail="detected de (0.99)")``.
    Texts too short to judge (under ``min_chars`` letters), and tables of figures (a fifth
    of the tokens hold digits) that do not detect as accepted, pass on with no language."""
    from dataclasses import replace

    for item in items:
        if isinstance(item, Rejection):
            yield item
            continue
        sample = " ".join(x for x in (item.title, item.text[:SAMPLE_CHARS]) if x)
        if len(_LETTER.findall(sample[:SAMPLE_CHARS])) < min_chars:
            yield item
            continue
        lang, prob = detect_language(item.text if len(item.text) >= 200 else sample)
        if lang not in accept and _mostly_figures(sample):
            # tables of figures ("Shr 80 cts vs 72 cts / Net 55.5 mln"): too little prose
            # for langdetect, which calls them Swedish or Dutch; let them pass unlabelled
            yield item
            continue
        if lang in accept:
            yield replace(item, language=lang)
        else:
            reason = "not_english" if accept == ("en",) else "language_not_accepted"
            # named as its record (file:line) where it came from a corpus file, so that the
            # line and the stored rejection say which file it was in
            record = dict(item.meta).get("record")
            name, detail = item.id, f"detected {lang} ({prob:.2f})"
            if record and record != item.id:
                name, detail = record, f"{detail}; id {item.id}"
            yield Rejection(name, "language", reason, detail)
