"""Language identification: langdetect with a fixed seed, so runs repeat exactly.

langdetect (a port of Google's language-detection, 55 languages, offline profiles) is the
dependency the project already has. It is random by design; ``DetectorFactory.seed = 0``
makes it deterministic. Only the first 2,000 characters are looked at: enough for a
confident answer on news text. langdetect's Detector runs here with its inner loops written
tighter (the same arithmetic on the same random draws, so the same answers to the bit, tested
against langdetect itself), near 1.5 ms an article.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from parley.model import Article, Rejection

logger = logging.getLogger(__name__)

SAMPLE_CHARS = 2000
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_TOKEN = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(" {2,}")


def _mostly_figures(text: str) -> bool:
    """A table of figures: a fifth or more of its tokens hold digits."""
    tokens = _TOKEN.findall(text)
    return bool(tokens) and sum(1 for t in tokens if _DIGIT.search(t)) >= len(tokens) / 5


_detector: Any = None


def _init() -> Any:
    """langdetect's profiles, loaded once per process (``setup``), and our Detector class."""
    global _detector
    if _detector is None:
        from langdetect import DetectorFactory
        from langdetect.detector import Detector
        from langdetect.detector_factory import init_factory
        from langdetect.lang_detect_exception import ErrorCode, LangDetectException
        from langdetect.utils.ngram import NGram

        DetectorFactory.seed = 0
        init_factory()
        normalised: dict[str, str] = {}  # NGram.normalize of each character seen
        rows: dict[str, np.ndarray] = {}  # an n-gram's probabilities in the 55 languages

        class FastDetector(Detector):
            """langdetect's Detector with its three inner loops written tighter: the same
            arithmetic in the same order on the same random draws, so the same answers
            (a test compares both on news in several languages), at half the cost."""

            def append(self, text: str) -> None:
                text = self.URL_RE.sub(" ", text)
                text = self.MAIL_RE.sub(" ", text)
                text = NGram.normalize_vi(text)  # then runs of spaces as one, as langdetect
                self.text += _SPACES.sub(" ", text[:self.max_text_length])

            def _extract_ngrams(self) -> list[str]:
                table = self.word_lang_prob_map
                result: list[str] = []
                grams, capital = " ", False
                for ch in self.text:  # NGram.add_char, then the 1- to 3-grams it ends
                    c = normalised.get(ch)
                    if c is None:
                        c = normalised[ch] = NGram.normalize(ch)
                    last = grams[-1]
                    if last == " ":
                        grams, capital = " ", False
                        if c == " ":
                            continue
                    elif len(grams) >= 3:
                        grams = grams[1:]
                    grams += c
                    if c.isupper():
                        if last.isupper():
                            capital = True
                    else:
                        capital = False
                    if capital:
                        continue
                    if c != " " and c in table:
                        result.append(c)
                    if len(grams) >= 2:
                        if grams[-2:] in table:
                            result.append(grams[-2:])
                        if len(grams) >= 3 and grams in table:
                            result.append(grams)
                return result

            def _detect_block(self) -> None:
                """Detector._detect_block with the 55 language probabilities as one array:
                each update multiplies each of them by the same double, so the same bits."""
                self.cleaning_text()
                ngrams = self._extract_ngrams()
                if not ngrams:
                    raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
                n_lang = len(self.langlist)
                langprob = [0.0] * n_lang
                rng = self.random
                rng.seed(self.seed)
                for _ in range(self.n_trial):
                    prob = np.array(self._init_probability(), dtype=np.float64)
                    alpha = self.alpha + rng.gauss(0.0, 1.0) * self.ALPHA_WIDTH
                    weight = alpha / self.BASE_FREQ
                    i = 0
                    while True:
                        word = rng.choice(ngrams)
                        row = rows.get(word)
                        if row is None:
                            row = rows[word] = np.array(self.word_lang_prob_map[word],
                                                        dtype=np.float64)
                        prob *= weight + row
                        if i % 5 == 0:
                            prob /= sum(prob.tolist())  # summed in order, as langdetect does
                            if max(0.0, float(prob.max())) > self.CONV_THRESHOLD \
                                    or i >= self.ITERATION_LIMIT:
                                break
                        i += 1
                    for j, p in enumerate(prob.tolist()):
                        langprob[j] += p / self.n_trial
                self.langprob = langprob

        from langdetect import detector_factory

        factory = detector_factory._factory
        _detector = lambda: FastDetector(factory)  # noqa: E731 - as DetectorFactory.create
    return _detector


def setup() -> None:
    """Load the language profiles now (before a timed or forked part of a run)."""
    _init()


def detect_language(text: str) -> tuple[str, float]:
    """The most probable language code (ISO 639-1, ``zh-cn`` style for Chinese) and its
    probability; ``("und", 0.0)`` when the text has no letters to go on."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < 3:
        return "und", 0.0
    detector = _init()()
    from langdetect.lang_detect_exception import LangDetectException

    try:
        detector.append(sample)
        best = detector.get_probabilities()[0]
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
