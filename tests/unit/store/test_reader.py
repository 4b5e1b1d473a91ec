"""The store's reader (each test on SQLite, then on PostgreSQL): events by participant, actors by stable key, quotes, stances, the
evidence behind a record, full-text search, and the CONTRACT record rebuilt from rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from parley.model import Article, Document, Entity, Event, Span, to_contract
from parley.store import SQLiteStore
from parley.store.base import Batch
from support.stores import q
from unit.store.test_sqlite import TEXT, make_document

OTHER = ("Kenya talks\n\nKenya accused Somalia of shelling the border town of Mandera on "
         "Friday, officials said.")


def kenya_document() -> Document:
    start = OTHER.index("accused")
    sentence = Span.of(OTHER, OTHER.index("Kenya accused"), len(OTHER))
    kenya = Entity(None, "Kenya", "Kenya", "KEN", None, Span.of(OTHER, start - 6, start - 1))
    somalia = Entity(None, "Somalia", "Somalia", "SOM", "GOV",
                     Span.of(OTHER, OTHER.index("Somalia"), OTHER.index("Somalia") + 7))
    accuse = Event("E1", "ACCUSE", (kenya,), (somalia,), Span.of(OTHER, start, start + 7),
                   sentence, date="2023-04-07", quad_code=3, intensity=-2.0, coder="test")
    future = replace(accuse, id="E2", aux_mode="future")
    return Document(Article("kenya.txt", OTHER, "Kenya talks", "2023-04-07", source="wire"),
                    events=(accuse, future))


@pytest.fixture()
def store(any_store: Any) -> Iterator[Any]:
    any_store.write_batch(Batch(documents=[make_document(), kenya_document()]))
    yield any_store
    any_store.reader().close()


def test_article_is_the_contract_record_rebuilt_from_rows(store: Any) -> None:
    doc = make_document()
    assert store.reader().article(doc.article.key) == to_contract(doc)
    assert store.reader().article(kenya_document().article.key) == to_contract(kenya_document())
    assert store.reader().article("0" * 20) is None
    # the record is not kept a second time
    assert "record" not in {c for c, _ in store.table_columns("articles")}


def test_events_by_country_actor_key_type_and_date(store: Any) -> None:
    r = store.reader()
    (chn,) = r.events(actor="CHN")
    assert chn["event"] == "CONSULT" and chn["article_id"] == "a.txt"
    assert [a["key"] for a in chn["actors"]] == ["kb:Q15031", "kb:Q7747"]
    assert chn["trigger"] == {"start": TEXT.index("met"), "end": TEXT.index("met") + 3,
                              "text": "met"}
    assert r.events(actor="kb:Q7747", level="actor") == [chn]
    assert r.events(actor="RUS", recipient="CHN") == []
    (ken,) = r.events(recipient="SOM")
    # an entity without an actor gets the name key of its country, sector and name
    assert ken["recipients"] == [{"key": "name:SOM:GOV:somalia", "country": "SOM",
                                  "sector": "GOV", "name": "Somalia"}]
    assert r.events(actor="KEN", type="ACCUSE", quad=3, date_from="2023-04-01",
                    date_to="2023-04-30") == [ken]
    assert r.events(actor="KEN", date_from="2023-05-01") == []
    # real events only by default; the future one on request
    assert [e["event_id"] for e in r.events(actor="KEN", real_only=False)] == ["E1", "E2"]
    assert [e["event_id"] for e in r.events(aux_mode="future")] == ["E2"]
    assert [e["event"] for e in r.events()] == ["CONSULT", "ACCUSE"]  # by date
    assert [e["event"] for e in r.events(limit=1, offset=1)] == ["ACCUSE"]
    assert list(r.iter_events(actor=["KEN", "CHN"])) == r.events(actor=["KEN", "CHN"])


def test_participant_queries_are_index_driven(store: Any) -> None:
    if not isinstance(store, SQLiteStore):
        pytest.skip("SQLite's query plan; PostgreSQL plans by its statistics")
    r = store.reader()
    sql, params = r._event_query("KEN", None, "country", None, None, "2023-01-01", None,
                                 ..., True)
    plan = " ".join(row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params))
    assert "participants_country" in plan, plan
    sql, params = r._event_query("kb:Q7747", None, "actor", None, None, None, None, ..., True)
    plan = " ".join(row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params))
    assert "participants_actor" in plan, plan


def test_actors_over_time_by_stable_key(store: Any) -> None:
    later = make_document(TEXT + " Later.", "b.txt")
    later = replace(later, article=replace(later.article, date="2023-05-01"))
    store.write_batch(Batch(documents=[later]))
    (xi,) = store.reader().actors(key="kb:Q15031")
    assert xi == {"key": "kb:Q15031", "name": "Xi Jinping", "country": "CHN", "sector": "GOV",
                  "office": "President of China", "articles": 2, "mentions": 2,
                  "first": "2023-03-20", "last": "2023-05-01"}
    assert {a["key"] for a in store.reader().actors(country="RUS")} == {"kb:Q7747",
                                                                       "kb:Q1130216:JRN"}
    assert store.reader().actors(key="kb:Q15031", date_from="2023-04-01")[0]["articles"] == 1


def test_quotes_and_stances(store: Any) -> None:
    r = store.reader()
    (q,) = r.quotes(speaker="kb:Q15031")
    assert q["content"]["text"] == "We want peace,"
    assert q["speaker"] == {"key": "kb:Q15031", "country": "CHN", "sector": "GOV",
                            "name": "Xi Jinping"}
    assert r.quotes(speaker="CHN") == [q] and r.quotes(speaker="KEN") == []
    (s,) = r.stances(holder="CHN", issue="peace talks", polarity="support")
    assert s["evidence"]["text"] == "We want peace" and s["holder"]["key"] == "kb:Q15031"
    assert r.stances(polarity="oppose") == []


def test_a_speaker_that_is_not_its_actor_as_it_stands_keeps_its_own_fields(any_store: Any
                                                                            ) -> None:
    """A quote's speaker that names an actor is stored as the actor's id alone only when it
    is that actor as it stands; one with another country (or name) keeps its own, and both
    come back and filter right."""
    doc = make_document()
    (quote,) = doc.quotes
    assert quote.speaker is not None
    other = replace(quote, id="Q2", speaker=replace(quote.speaker, country="TWN",
                                                    name="Xi (as quoted)"))
    odd = replace(doc, quotes=(quote, other))
    any_store.write_batch(Batch(documents=[odd]))
    r = any_store.reader()
    assert r.article(odd.article.key) == to_contract(odd)
    assert [x["quote_id"] for x in r.quotes(speaker="TWN")] == ["Q2"]
    assert [x["quote_id"] for x in r.quotes(speaker="CHN")] == ["Q1"]
    assert [x["speaker"]["name"] for x in r.quotes(speaker="kb:Q15031")] == [
        "Xi Jinping", "Xi (as quoted)"]
    if isinstance(any_store, SQLiteStore):
        stored = dict(q(any_store, "SELECT quote_id, speaker_key FROM quotes"))
        assert stored == {"Q1": None, "Q2": "kb:Q15031"}


def test_evidence_is_the_exact_stored_sentence(store: Any) -> None:
    r = store.reader()
    key = make_document().article.key
    ev = r.evidence(key, "event", "E1")
    assert ev is not None
    assert ev["sentence"] == "Xi Jinping met Vladimir Putin in Moscow on Monday."
    assert ev["span"]["text"] == "met" and ev["article_id"] == "a.txt"
    quote = r.evidence(key, "quote", "Q1")
    assert quote is not None and quote["span"]["text"] == "We want peace,"
    assert TEXT[quote["span"]["start"]:quote["span"]["end"]] == "We want peace,"
    assert r.evidence(key, "event", "E9") is None
    with pytest.raises(ValueError, match="kind"):
        r.evidence(key, "speech", "E1")


def test_full_text_search_over_title_and_text(store: Any) -> None:
    r = store.reader()
    assert [a["id"] for a in r.articles(q="Mandera")] == ["kenya.txt"]
    assert [a["id"] for a in r.articles(q='"Vladimir Putin"')] == ["a.txt"]
    assert [a["id"] for a in r.articles(q="shelled")] == ["kenya.txt"]  # stemmed
    assert r.articles(q='"Putin Vladimir"') == []  # a phrase keeps its word order
    assert {a["id"] for a in r.articles(q="Putin OR Mandera")} == {"a.txt", "kenya.txt"}
    assert r.articles(q="Putin NOT Xi") == []
    assert [a["id"] for a in r.articles(q="Mander*")] == ["kenya.txt"]
    for junk in ('Putin AND "unclosed', "((( AND", "NOT", '""', "*", "a:b OR"):
        r.articles(q=junk)  # any text is a query, never an error
    assert [a["events"] for a in r.articles()] == [2, 1]  # newest first
    assert [a["id"] for a in r.articles(actor="kb:Q7747")] == ["a.txt"]
    assert [a["id"] for a in r.articles(source="wire")] == ["kenya.txt"]
    # the index follows rewrites and deletes
    q(store, "UPDATE articles SET title='Nairobi' WHERE id='kenya.txt'")
    assert [a["id"] for a in r.articles(q="Nairobi")] == ["kenya.txt"]
    q(store, "DELETE FROM articles WHERE id='kenya.txt'")
    assert r.articles(q="Mandera") == []


def test_counts(store: Any) -> None:
    counts = store.reader().counts()
    assert (counts["articles"], counts["events"], counts["event_participants"]) == (2, 3, 6)
