"""The records: spans, content hashes, frozen dataclasses and the CONTRACT.md JSON shape."""

from __future__ import annotations

import dataclasses
import json
import pickle

import pytest

from parley.model import (
    Actor,
    Article,
    Document,
    Entity,
    Event,
    Place,
    Rejection,
    Span,
    content_hash,
    to_contract,
)

TOP_KEYS = {"id", "title", "url", "date", "text", "actors", "events", "quotes", "stances",
            "rejection", "date_source"}
ACTOR_KEYS = {"id", "name", "country", "sector", "office", "kb_id", "mentions", "method",
              "reason", "key"}
EVENT_KEYS = {"id", "event", "mode", "context", "actor", "recipient", "aux_mode", "date",
              "date_text", "date_precision", "event_loc", "quad_code", "intensity", "trigger", "sentence",
              "reported_by", "coder", "confidence", "reason"}
ENTITY_KEYS = {"actor_id", "text", "name", "country", "sector"}


@pytest.mark.parametrize(
    ("a", "b", "overlaps", "contains"),
    [
        ((0, 5), (3, 8), True, False),
        ((0, 5), (5, 8), False, False),  # half-open: touching is not overlapping
        ((0, 10), (2, 4), True, True),
        ((2, 4), (0, 10), True, False),
        ((0, 5), (0, 5), True, True),
        ((0, 5), (6, 9), False, False),
    ],
)
def test_span_overlap_and_containment(a: tuple[int, int], b: tuple[int, int], overlaps: bool,
                                      contains: bool) -> None:
    text = "0123456789"
    sa, sb = Span.of(text, *a), Span.of(text, *b)
    assert sa.overlaps(sb) is overlaps
    assert sa.contains(sb) is contains
    assert sa.text == text[a[0]:a[1]]


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Xi met Putin.", "Xi met Putin.", True),
        ("Xi met Putin.", "  XI   met\nPutin. ", True),
        ("Cafe\u0301", "Caf\u00e9", True),  # NFC
        ("Xi met Putin.", "Xi met Biden.", False),
    ],
)
def test_content_hash_ignores_case_spacing_and_unicode_form(one: str, other: str,
                                                            same: bool) -> None:
    assert (content_hash(one) == content_hash(other)) is same
    assert (Article("a", one).key == Article("b", other).key) is same
    assert len(content_hash(one)) == 20


def test_records_are_frozen_and_picklable() -> None:
    article = Article("a", "text")
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.text = "changed"  # type: ignore[misc]
    doc = Document(article, parse=object())
    assert pickle.loads(pickle.dumps(dataclasses.replace(doc, parse=None))) == doc  # parse not compared


def test_rejection_to_dict() -> None:
    rej = Rejection("x.txt", "ingest", "empty", "the file holds no text")
    assert rej.to_dict() == {"stage": "ingest", "reason": "empty",
                             "detail": "the file holds no text"}


def test_actor_at_prefers_the_tightest_mention() -> None:
    text = "Chinese Foreign Minister Qin Gang"
    china = Actor("A1", "China", "CHN", None)
    qin = Actor("A2", "Qin Gang", "CHN", "GOV")
    doc = Document(Article("a", text), actors=(china, qin),
                   mention_actor=((0, 32, "A2"), (0, 7, "A1")))
    assert doc.actor_at(0, 7) == china
    assert doc.actor_at(25, 28) == qin
    assert doc.actor_at(40, 50) is None


def _document() -> Document:
    text = "Title\n\nXi met Putin in Moscow."
    xi = Entity("A1", "Xi", "Xi Jinping", "CHN", "GOV", Span.of(text, 7, 9))
    putin = Entity("A2", "Putin", "Vladimir Putin", "RUS", "GOV")
    event = Event("E1", "CONSULT", (xi,), (putin,), Span.of(text, 10, 13), Span.of(text, 7, 30),
                  event_loc=Place("Moscow", "RUS"), mode=("visit",), quad_code=1, intensity=4.0)
    actor = Actor("A1", "Xi Jinping", "CHN", "GOV", mentions=(Span.of(text, 7, 9),))
    return Document(Article("a.txt", text, "Title", "2023-03-20"), actors=(actor,),
                    events=(event,))


def test_contract_shape() -> None:
    out = to_contract(_document())
    assert set(out) == TOP_KEYS
    assert set(out["actors"][0]) == ACTOR_KEYS
    (event,) = out["events"]
    assert set(event) == EVENT_KEYS
    assert ENTITY_KEYS <= set(event["actor"][0])
    assert event["actor"][0]["mention"] == {"start": 7, "end": 9, "text": "Xi"}
    assert set(event["recipient"][0]) == ENTITY_KEYS  # no mention: no key
    assert event["event_loc"] == {"name": "Moscow", "country": "RUS", "geonameid": None,
                                  "lat": None, "lon": None}
    assert event["trigger"] == {"start": 10, "end": 13, "text": "met"}
    assert event["mode"] == ["visit"] and event["context"] == []
    assert out["rejection"] is None
    assert json.loads(json.dumps(out)) == out  # plain JSON: lists, not tuples


def test_offsets_index_the_text() -> None:
    out = to_contract(_document())
    text = out["text"]
    for span in (out["events"][0]["trigger"], out["events"][0]["sentence"],
                 *out["actors"][0]["mentions"]):
        assert text[span["start"]:span["end"]] == span["text"]


def test_rejected_document_contract() -> None:
    doc = Document(Article("empty.txt", ""), rejection=Rejection("empty.txt", "ingest", "empty"))
    out = to_contract(doc)
    assert out["rejection"] == {"stage": "ingest", "reason": "empty", "detail": ""}
    assert out["events"] == [] and out["actors"] == []
