"""What really happened: background is historical or not coded, "when asked" is no request,
appositions corefer, and lines that do not end a sentence stand alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document

pytestmark = pytest.mark.model

PUB = "2023-03-20"


@pytest.mark.parametrize(
    "text",
    [
        # an ongoing war named as the setting
        "Prices rose sharply amid the war in Ukraine.",
        "The war in Ukraine has driven up food prices across Africa.",
        "Exports fell during the occupation of the port.",
        # "(when) asked": the one who answers requests nothing
        "Asked about the talks, Lavrov said Russia was open to dialogue.",
        "When asked about sanctions, the Chinese foreign minister declined to comment.",
    ],
)
def test_the_setting_is_not_coded(analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text, PUB)
    assert not [e for e in doc.events if e.event in ("ASSAULT", "COERCE", "REQUEST")], \
        [(e.event, e.reason) for e in doc.events]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Trade has collapsed since Russia's invasion of Ukraine.", "ASSAULT"),
        ("Relations soured after the 2014 annexation of Crimea by Russia.", "COERCE"),
        ("Grain exports have halved since Russia invaded Ukraine.", "ASSAULT"),
    ],
)
def test_background_before_the_news_is_historical(analyze: Callable[..., Document], text: str,
                                                  event: str) -> None:
    doc = analyze(text, PUB)
    evs = [e for e in doc.events if e.event == event]
    assert evs and all(e.aux_mode == "historical" for e in evs), \
        [(e.event, e.aux_mode, e.reason) for e in doc.events]


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces launched a war against Ukraine on Monday.",
        "Israeli troops attacked Hamas positions in Gaza on Monday.",
    ],
)
def test_the_news_itself_is_coded(analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text, PUB)
    assert any(e.event == "ASSAULT" and e.aux_mode is None for e in doc.events), \
        [(e.event, e.aux_mode, e.reason) for e in doc.events]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Xi Jinping, the leader of communist China, met Vladimir Putin in Moscow.", "Xi Jinping"),
        ("Sergey Lavrov, Russia's foreign minister, met Wang Yi in Beijing.", "Sergey Lavrov"),
        ("Emmanuel Macron, the French president, visited Kyiv on Monday.", "Emmanuel Macron"),
    ],
)
def test_an_apposition_to_a_name_is_the_same_actor(analyze: Callable[..., Document], text: str,
                                                   name: str) -> None:
    doc = analyze(text, PUB)
    ev = doc.events[0]
    assert [a.name for a in ev.actor] == [name], ev.reason


def test_lines_that_end_no_sentence_stand_alone(analyze: Callable[..., Document]) -> None:
    text = ("World\nPolitics\nBy Guy Faulconbridge\n"
            "Russian President Vladimir Putin speaks in Moscow. Sputnik/Pool via REUTERS\n"
            "Chinese President Xi Jinping arrived in Moscow on Monday.\n"
            "Ukraine war latest\nPutin says ceasefire talks possible\n"
            "The two leaders met for talks that lasted\nfour hours, the Kremlin said.\n")
    doc = analyze(text, PUB)
    sentences = [s.span.text.strip() for s in doc.sentences]
    assert "By Guy Faulconbridge" in sentences
    assert "Ukraine war latest" in sentences
    assert any(s.startswith("The two leaders met") and s.endswith("the Kremlin said.")
               for s in sentences)  # prose wrapped in the middle stays one sentence
    assert not any("Guy Faulconbridge" in (a.name or "") for a in doc.actors if
                   any(a.id == p.actor_id for e in doc.events for p in (*e.actor, *e.recipient)))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the content of a condition is not a fact
        ("Norway will send troops if Saudi Arabia is attacked.", "ASSAULT"),
        ("The EU may halt its mission if cooperation by the parties collapses.", "COOPERATE"),
        ("Hamas will release the hostages unless Israel invades Rafah.", "ASSAULT"),
    ],
)
def test_the_content_of_a_condition_is_not_coded(analyze: Callable[..., Document], text: str,
                                                 absent: str) -> None:
    doc = analyze(text, PUB)
    assert absent not in {e.event for e in doc.events}, [(e.event, e.reason) for e in doc.events]
