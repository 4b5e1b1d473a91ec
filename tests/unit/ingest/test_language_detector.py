"""Parley's langdetect Detector (tighter inner loops) gives langdetect's own answers, to the bit."""

from __future__ import annotations

import random

import pytest

from parley.ingest.language import detect_language

SENTENCES = [
    "The foreign minister said on Tuesday that talks with the rebels would resume next week.",
    "Lawmakers in the House voted 219 to 212 to pass the spending bill late on Friday night.",
    "Der Bundestag hat am Donnerstag ein neues Gesetz zur Rente mit knapper Mehrheit beschlossen.",
    "Le gouvernement a annoncé mardi de nouvelles mesures pour soutenir le pouvoir d'achat.",
    "El presidente se reunió ayer con los líderes sindicales para negociar el salario mínimo.",
    "Il primo ministro ha incontrato i sindacati a Roma per discutere della riforma delle pensioni.",
    "Москва заявила, что переговоры продолжатся на следующей неделе в Женеве.",
    "外交部发言人在记者会上表示，双方将继续保持沟通与协调。",
    "東京で開かれた会議では、各国の代表が気候変動について議論した。",
    "서울에서 열린 회담에서 양측은 경제 협력을 강화하기로 합의했다.",
    "Thủ tướng đã chủ trì cuộc họp với các bộ ngành vào sáng nay tại Hà Nội.",
    "وقال المتحدث باسم الحكومة إن المحادثات ستستأنف الأسبوع المقبل في القاهرة.",
    "Shr 80 cts vs 72 cts Net 55.5 mln vs 49.1 mln Revs 1.2 billion vs 1.1 billion",
    "BREAKING NEWS FROM THE CAPITAL and then the story goes on in lower case words.",
    "  Two spaces   and runs  of    spaces, see https://example.com/a?b=1 or write to "
    "desk@example.org  for  the   full   statement.",
]


def _texts() -> list[str]:
    rng = random.Random(7)
    texts = list(SENTENCES)
    for _ in range(30):  # mixtures and scrambles: texts where the trials take long to agree
        picked = rng.sample(SENTENCES, 3)
        texts.append(" ".join(picked))
        chars = list(" ".join(picked))
        rng.shuffle(chars)
        texts.append("".join(chars))
    return texts


def _langdetect(text: str) -> tuple[str, float]:
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    best = detect_langs(text[:2000])[0]
    return str(best.lang), float(best.prob)


@pytest.mark.parametrize("text", _texts())
def test_the_same_language_and_probability_as_langdetect(text: str) -> None:
    assert detect_language(text) == _langdetect(text)


def test_each_language_is_told_apart() -> None:
    langs = [detect_language(s)[0] for s in SENTENCES[:12]]
    assert langs == ["en", "en", "de", "fr", "es", "it", "ru", "zh-cn", "ja", "ko", "vi", "ar"]
