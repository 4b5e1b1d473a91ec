"""Stances: issue, polarity, holder, toward, evidence and the quote they come from."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document
from parley.quotes.lexicon import issues, stance_cues

pytestmark = pytest.mark.model


def stances(doc: Document) -> set[tuple[str, str, str]]:
    return {(s.holder.text, s.issue, s.polarity) for s in doc.stances}


CASES = [
    ("The chancellor urged new sanctions on Monday.", "The chancellor", "sanctions", "support"),
    ("The minister rejects any peace deal.", "The minister", "peace talks", "oppose"),
    ("The senator warned against arms deliveries.", "The senator", "arms supplies", "oppose"),
    ("The council welcomed the truce.", "The council", "ceasefire", "support"),
    ("The president backs NATO enlargement.", "The president", "nato membership", "support"),
    ("The governor did not support gun control.", "The governor", "gun control", "oppose"),
    ("It was a cease-fire that was called for by the envoy.", "the envoy", "ceasefire", "support"),
    ("The opposition parties have expressed opposition to early elections.",
     "The opposition parties", "elections", "oppose"),
    ("The ministers voiced concerns that the trade deal would hurt farmers.",
     "The ministers", "free trade", "oppose"),
    ("Rebel leaders called for a troop withdrawal.", "Rebel leaders", "troop withdrawal", "support"),
]


@pytest.mark.parametrize(("text", "holder", "issue", "polarity"), CASES,
                         ids=[f"{c[3]}:{c[2]}:{c[0][:20]}" for c in CASES])
def test_stance_table(run_quotes: Callable[..., Document], text: str, holder: str, issue: str,
                      polarity: str) -> None:
    assert (holder, issue, polarity) in stances(run_quotes(text))


@pytest.mark.parametrize(("text", "issue", "polarity"), [e for e in stance_cues().examples],
                         ids=[e[0][:30] for e in stance_cues().examples])
def test_data_file_examples(run_quotes: Callable[..., Document], text: str, issue: str,
                            polarity: str) -> None:
    doc = run_quotes(text)
    assert (issue, polarity) in {(s.issue, s.polarity) for s in doc.stances}


@pytest.mark.parametrize("issue", issues(), ids=[i.name for i in issues()])
def test_every_issue_example_gives_its_issue(run_quotes: Callable[..., Document], issue) -> None:  # type: ignore[no-untyped-def]
    assert issue.example, f"issue {issue.name!r} needs an example sentence in issues.yaml"
    assert issue.name in {s.issue for s in run_quotes(issue.example).stances}


def test_stance_inside_a_quote_belongs_to_the_speaker(run_quotes: Callable[..., Document]) -> None:
    text = "“We want a ceasefire now,” said Anna Berg, the foreign minister."
    doc = run_quotes(text, {"Anna Berg": ("Anna Berg", "SWE", "GOV")})
    (stance,) = doc.stances
    assert stance.holder.country == "SWE" and stance.holder.name == "Anna Berg"
    assert stance.issue == "ceasefire" and stance.polarity == "support"
    assert stance.quote_id == doc.quotes[0].id
    assert "ceasefire" in stance.evidence.text


def test_against_gives_toward(run_quotes: Callable[..., Document]) -> None:
    text = "The spokesman said a ceasefire would work against Ukraine."
    doc = run_quotes(text, {"The spokesman": ("John Doe", "USA", "GOV"),
                            "Ukraine": ("Ukraine", "UKR", None)})
    (stance,) = doc.stances
    assert (stance.holder.country, stance.polarity, stance.issue) == ("USA", "oppose", "ceasefire")
    assert stance.toward is not None and stance.toward.country == "UKR"


def test_one_stance_per_state_issue_and_polarity(run_quotes: Callable[..., Document]) -> None:
    text = ("The United States opposes a ceasefire. The spokesman said a ceasefire would "
            "work against Ukraine.")
    doc = run_quotes(text, {"The United States": ("United States", "USA", None),
                            "The spokesman": ("John Doe", "USA", "GOV")})
    assert len([s for s in doc.stances if s.issue == "ceasefire"]) == 1


def test_no_issue_no_stance(run_quotes: Callable[..., Document]) -> None:
    assert run_quotes("The minister backed the new coach of the national team.").stances == ()
