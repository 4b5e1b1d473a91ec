"""The word lists load, and every reporting-word group's example sentence gives a quote."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document
from parley.quotes.lexicon import issues, reporting_words, stance_cues


def test_lists_load_and_are_lower_case() -> None:
    words = reporting_words()
    assert {"say", "tell", "according to"} <= words.speech | set(words.according_to)
    for group in (words.speech, words.belief, words.nouns, stance_cues().support_verbs):
        assert all(w == w.lower() for w in group)
    assert {i.name for i in issues()} >= {"ceasefire", "peace talks", "sanctions", "arms supplies",
                                          "nato membership", "troop withdrawal", "elections"}


def test_issue_synonyms_are_unique() -> None:
    seen: dict[str, str] = {}
    for issue in issues():
        for syn in issue.synonyms:
            assert syn not in seen, f"{syn!r} names both {seen[syn]!r} and {issue.name!r}"
            seen[syn] = issue.name


@pytest.mark.model
@pytest.mark.parametrize(("group", "example"),
                         [e for e in reporting_words().examples if e[0] != "headlines"],
                         ids=[e[0] for e in reporting_words().examples if e[0] != "headlines"])
def test_reporting_examples_give_a_quote(run_quotes: Callable[..., Document], group: str,
                                         example: str) -> None:
    assert run_quotes(example).quotes, f"{group} example gave no quote: {example!r}"
