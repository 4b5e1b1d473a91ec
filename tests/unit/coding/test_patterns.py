"""Event patterns as data: every pattern's example sentence is coded by the real pipeline,
and broken pattern files fail loudly when they are loaded."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from parley.coding.patterns import NULL_EVENT, Example, Pattern, PatternSet, default_patterns
from parley.errors import ConfigError
from parley.model import PLOVER_TYPES, Article, Document
from parley.pipeline import Pipeline

# Examples the coder gets wrong today: text -> what goes wrong (see the report in the commit).
# strict xfail: when one is fixed, the test fails until its line here is removed.
KNOWN_FAILING: dict[str, str] = {}

PUBLISHED = "2023-03-20"


def _groups() -> list[tuple[Example, list[Pattern]]]:
    """One entry per example sentence and expectation, with every pattern that carries it."""
    groups: dict[tuple[str, str | None, tuple[str, ...]], tuple[Example, list[Pattern]]] = {}
    for p in default_patterns().all:
        for ex in p.examples:
            key = (ex.text, ex.event, ex.actor)
            groups.setdefault(key, (ex, []))[1].append(p)
    return list(groups.values())


def _params() -> list[Any]:
    out = []
    seen: set[str] = set()
    for ex, pats in _groups():
        pid = pats[0].id
        n = 2
        while pid in seen:
            pid, n = f"{pats[0].id}#{n}", n + 1
        seen.add(pid)
        marks = ([pytest.mark.xfail(strict=True, reason=KNOWN_FAILING[ex.text])]
                 if ex.text in KNOWN_FAILING else [])
        out.append(pytest.param(ex, pats, id=pid, marks=marks))
    return out


@pytest.fixture(scope="module")
def coded(pipeline: Pipeline) -> dict[str, Document]:
    """Every example sentence through the whole pipeline, once, in one batch."""
    texts = sorted({ex.text for ex, _ in _groups()})
    articles = [Article(id=f"ex{i}", text=t, date=PUBLISHED) for i, t in enumerate(texts)]
    return {d.article.text: d for d in pipeline.run(articles)}


def _describe(doc: Document) -> str:
    return "; ".join(
        f"{e.event} {[x.country for x in e.actor]}->{[x.country for x in e.recipient]} "
        f"'{e.trigger.text}'" for e in doc.events) or "no events"


@pytest.mark.model
@pytest.mark.parametrize(("example", "patterns"), _params())
def test_pattern_example_is_coded(example: Example, patterns: list[Pattern],
                                  coded: dict[str, Document]) -> None:
    doc = coded[example.text]
    event = example.event or patterns[0].event
    of_type = [e for e in doc.events if e.event == event]
    if example.event is None:  # the sentence must code nothing of this pattern's type
        assert not of_type, f"{example.text!r}: expected no {event}, got {_describe(doc)}"
        return
    assert of_type, f"{example.text!r}: expected {event}, got {_describe(doc)}"
    if example.actor:
        parties = [{x.country for x in (*e.actor, *e.recipient)} for e in of_type]
        assert any(set(example.actor) & p for p in parties), (
            f"{example.text!r}: expected one of {example.actor} among the parties of {event}, "
            f"got {_describe(doc)}")


def test_every_type_has_patterns_and_every_pattern_an_example() -> None:
    pats = default_patterns().all
    hand = [p for p in pats if not p.id.startswith("cameo:")]
    assert {p.event for p in hand} == set(PLOVER_TYPES)
    assert all(p.examples and p.examples[0].text.strip() for p in hand)
    # imported patterns carry their provenance instead: file, line and CAMEO code
    generated = [p for p in pats if p.id.startswith("cameo:")]
    assert {p.event for p in generated} - {NULL_EVENT} <= set(PLOVER_TYPES)
    assert all(re.fullmatch(r"cameo_generated\.tsv:\d+ CAMEO [\d-]+", p.source)
               for p in generated)


def test_known_failing_examples_still_exist() -> None:
    texts = {ex.text for ex, _ in _groups()}
    assert set(KNOWN_FAILING) <= texts, sorted(set(KNOWN_FAILING) - texts)


# ---------------------------------------------------------------- broken pattern files

def _write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_pattern_without_example_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "mine.yaml", "event: CONSULT\npatterns:\n  - verb: parley\n")
    with pytest.raises(ConfigError, match=r"mine\.yaml.*example"):
        PatternSet.from_files([path])


def test_phrase_in_two_types_is_refused(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.yaml",
               "event: CONSULT\npatterns:\n  - verb: parley\n    example: A parleyed with B.\n")
    b = _write(tmp_path, "b.yaml",
               "event: THREATEN\npatterns:\n  - verb: [warn, parley]\n    example: A parleyed B.\n")
    with pytest.raises(ConfigError, match=r"'parley'.*CONSULT.*THREATEN"):
        PatternSet.from_files([a, b])


def test_same_phrase_twice_in_one_type_is_allowed(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.yaml", "event: CONSULT\npatterns:\n"
               "  - verb: parley\n    example: A parleyed with B.\n"
               "  - verb: [parley, confer]\n    example: A conferred with B.\n")
    assert len(PatternSet.from_files([a]).verbs["parley"]) == 2


@pytest.mark.parametrize(
    ("body", "match"),
    [
        ("event: CONSULT\npatterns:\n  - verb: visit\n    mode: teleport\n    example: A visited B.\n",
         r"'teleport'.*CONSULT"),
        ("event: PARLEY\npatterns:\n  - verb: parley\n    example: A parleyed.\n",
         r"unknown PLOVER event type 'PARLEY'"),
        ("event: CONSULT\npatterns:\n  - verb: meet\n    noun: meeting\n    example: A met B.\n",
         r"exactly one of 'verb' or 'noun'"),
        ("patterns: []\n", r"expected keys 'event' and 'patterns'"),
        ("event: CONSULT\npatterns: [\n", r"not valid YAML"),
    ],
    ids=["unknown-mode", "unknown-type", "verb-and-noun", "no-event-key", "bad-yaml"],
)
def test_broken_pattern_file_raises(tmp_path: Path, body: str, match: str) -> None:
    path = _write(tmp_path, "broken.yaml", body)
    with pytest.raises(ConfigError, match=match):
        PatternSet.from_files([path])


def test_bare_on_in_yaml_is_the_preposition(tmp_path: Path) -> None:
    # YAML 1.1 reads a bare `on` as true
    path = _write(tmp_path, "a.yaml", "event: SANCTION\npatterns:\n  - verb: embargo\n"
                  "    recipient: [dobj, on]\n    example: A embargoed B.\n")
    (p,) = PatternSet.from_files([path]).all
    assert p.recipient == ("dobj", "on")


def test_verb_and_noun_phrases_split_into_head_and_words(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.yaml", "event: REQUEST\npatterns:\n"
                  "  - verb: call for\n    example: A called for B.\n"
                  "  - noun: peace talks\n    example: The peace talks began.\n")
    verb, noun = PatternSet.from_files([path]).all
    assert (verb.head, verb.words, verb.phrase) == ("call", ("for",), "call for")
    assert (noun.head, noun.words, noun.phrase) == ("talks", ("peace",), "peace talks")


def test_word_class_gives_one_pattern_per_member(tmp_path: Path) -> None:
    """``@name`` in a phrase stands for each member of that class of _classes.yaml."""
    a = _write(tmp_path, "a.yaml", "event: SANCTION\npatterns:\n"
               "  - verb: ['@halt @supply_flow']\n    example: Japan halted aid to Serbia.\n")
    phrases = {p.phrase for p in PatternSet.from_files([a]).all}
    assert {"halt funding", "cut off funding", "scale back supply"} <= phrases
    assert not any("@" in p for p in phrases)


def test_unknown_word_class_names_the_file(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.yaml", "event: SANCTION\npatterns:\n"
               "  - verb: ['halt @nothing']\n    example: Japan halted aid to Serbia.\n")
    with pytest.raises(ConfigError, match=r"a\.yaml.*@nothing"):
        PatternSet.from_files([a])
