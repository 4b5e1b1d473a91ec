"""Bounded work per article: the limits settings, the pre-parse text checks and the
cooperative per-article deadline (issue 13)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from parley import limits
from parley.config import LimitSettings, Settings, load_settings
from parley.errors import RejectedArticle
from parley.model import Article, Document
from parley.pipeline import Pipeline
from parley.runner import LocalRunner


def _settings(seconds: float) -> Settings:
    settings = Settings()
    settings.limits.seconds = seconds
    return settings


def test_every_limit_is_a_described_setting(tmp_path: Path) -> None:
    fields = LimitSettings.model_fields
    assert {"characters", "sentences", "tokens_per_sentence", "quotation_marks",
            "markup_depth", "decompressed_bytes", "seconds"} <= set(fields)
    assert all(f.description for f in fields.values())
    s = load_settings(tmp_path / "absent.toml", ["limits.seconds=2.5", "limits.sentences=10"])
    assert (s.limits.seconds, s.limits.sentences) == (2.5, 10)
    assert Settings().limits.characters == 300_000


def test_check_outside_a_budget_does_nothing() -> None:
    limits.check("coding")
    assert limits.remaining() is None


def test_check_raises_a_timeout_rejection_once_the_budget_is_spent() -> None:
    with limits.budget(0.05):
        limits.check("coding")
        time.sleep(0.08)
        with pytest.raises(RejectedArticle) as info:
            limits.check("coding")
    assert (info.value.stage, info.value.reason) == ("coding", "timeout")
    assert "limits.seconds" in info.value.detail
    limits.check("coding")  # the budget ended with its block


def test_time_already_spent_counts() -> None:
    with limits.budget(10.0, spent=10.5), pytest.raises(RejectedArticle):
        limits.check("actors")


@pytest.mark.parametrize(("text", "reason"), [
    ("x" * 101, "too_long"),
    ('"' * 30 + " a" * 5, "too_many_quotes"),
    ("Ministers met" + "," * 25 + " today.", "punctuation_run"),
])
def test_text_problems_are_named(text: str, reason: str) -> None:
    problem = limits.text_problem(text, characters=100, quotation_marks=20, punctuation_run=20)
    assert problem is not None and problem[0] == reason


def test_ordinary_text_has_no_problem() -> None:
    text = 'He said: "We will meet again." -- (Reuters) ... "Yes," she said!?' * 50
    assert limits.text_problem(text, characters=10**6, quotation_marks=20_000,
                               punctuation_run=200) is None


@dataclass
class Spin:
    """A stage whose hot loop runs for ``seconds`` on articles whose text says "slow",
    checking the deadline as the real stages do."""

    name: str = "spin"
    requires: tuple[str, ...] = ("article",)
    provides: tuple[str, ...] = ("spun",)
    seconds: float = 5.0

    def __call__(self, document: Document) -> Document:
        end = time.monotonic() + (self.seconds if "slow" in document.article.text else 0)
        while time.monotonic() < end:
            limits.check(self.name)
            time.sleep(0.005)
        return document


def test_an_article_over_its_budget_is_a_timeout_rejection_and_the_run_goes_on() -> None:
    pipe = Pipeline([Spin()], _settings(0.2))
    arts = [Article(id="a", text="fast"), Article(id="b", text="slow"), Article(id="c", text="fast")]
    rejected: list[tuple[str, str, str]] = []
    t0 = time.monotonic()
    summary = LocalRunner(pipe, None, batch_size=8).run(
        arts, on_rejection=lambda r, a: rejected.append((r.input, r.stage, r.reason)))
    assert time.monotonic() - t0 < 3  # not the stage's 5 s
    assert rejected == [("b", "spin", "timeout")]
    assert summary.stored == 2 and summary.rejected == {"timeout": 1}


def test_the_budget_is_shared_by_the_stages_of_one_article() -> None:
    pipe = Pipeline([Spin(name="one", seconds=0.15), Spin(name="two", seconds=0.15)],
                    _settings(0.2))
    (doc,) = pipe.run([Article(id="b", text="slow")])
    assert doc.rejection is not None and (doc.rejection.stage, doc.rejection.reason) == ("two", "timeout")
