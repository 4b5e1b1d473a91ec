"""The stage chain is checked when built; bugs in a stage become StageError naming the stage
and the article; the local runner stores each article once and never drops one silently."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from parley.config import Settings
from parley.errors import ConfigError, RejectedArticle, ResolutionError, StageError
from parley.model import Article, Document, Rejection
from parley.pipeline import REGISTRY, Pipeline, build_stage, register
from parley.runner import LocalRunner
from parley.store import SQLiteStore


class Tag:
    """A stage that appends its name to the article's meta; optionally fails or rejects."""

    def __init__(self, name: str, requires: tuple[str, ...] = ("article",),
                 provides: tuple[str, ...] = (), fail_on: str = "", error: Exception | None = None,
                 reject_on: str = "") -> None:
        self.name = name
        self.requires = requires
        self.provides = provides
        self.fail_on = fail_on
        self.error = error or ValueError("boom")
        self.reject_on = reject_on
        self.seen: list[str] = []

    def __call__(self, document: Document) -> Document:
        self.seen.append(document.article.id)
        if document.article.id == self.fail_on:
            raise self.error
        if document.article.id == self.reject_on:
            return replace(document, rejection=Rejection(document.article.id, self.name,
                                                         "not_english", "looks like French"))
        a = document.article
        return replace(document, article=replace(a, meta=(*a.meta, ("stage", self.name))))


class BatchTag(Tag):
    """The same, working in batches through ``pipe`` (as the NLP stage does)."""

    def pipe(self, documents: Iterable[Document]) -> Iterator[Document]:
        return (self(d) for d in documents)


def articles(*ids: str) -> list[Article]:
    return [Article(i, f"text of {i}", date="2023-03-20") for i in ids]


@pytest.mark.parametrize(
    ("stages", "culprit", "missing"),
    [
        ([Tag("coder", requires=("article", "parse"))], "coder", "parse"),
        ([Tag("nlp", provides=("parse",)), Tag("coder", requires=("parse", "actors"))],
         "coder", "actors"),
        # order matters: the provider comes too late
        ([Tag("coder", requires=("actors",)), Tag("actors", provides=("actors",))],
         "coder", "actors"),
    ],
)
def test_unmet_requirement_fails_at_build_time(stages: list[Tag], culprit: str,
                                               missing: str) -> None:
    with pytest.raises(ConfigError, match=rf"stage '{culprit}' requires \['{missing}'\]"):
        Pipeline(stages)
    assert all(not s.seen for s in stages)  # no work done


def test_satisfied_chain_builds() -> None:
    Pipeline([Tag("nlp", provides=("parse",)), Tag("actors", ("parse",), ("actors",)),
              Tag("coder", ("parse", "actors"))])


@pytest.mark.parametrize("stage_cls", [Tag, BatchTag], ids=["per-document", "batch"])
def test_bug_in_a_stage_rejects_that_article_alone(stage_cls: type[Tag]) -> None:
    later = Tag("later")
    pipeline = Pipeline([Tag("first"), stage_cls("broken", fail_on="b"), later])
    docs, rejections = pipeline.process_batch(articles("a", "b", "c"))
    assert [d.article.id for d in docs] == ["a", "c"]
    assert rejections == [Rejection("b", "broken", "stage_error", "ValueError: boom")]
    assert later.seen == ["a", "c"]  # the rejected article goes no further


@pytest.mark.parametrize("stage_cls", [Tag, BatchTag], ids=["per-document", "batch"])
def test_strict_raises_stage_error_naming_stage_and_article(stage_cls: type[Tag]) -> None:
    pipeline = Pipeline([Tag("first"), stage_cls("broken", fail_on="b")], strict=True)
    with pytest.raises(StageError, match=r"stage 'broken' failed on article 'b'.*boom") as info:
        list(pipeline.run(articles("a", "b", "c"), batch_size=3))
    assert (info.value.stage, info.value.article_id) == ("broken", "b")
    assert isinstance(info.value.__cause__, ValueError)


def test_strict_lets_parley_errors_through_unwrapped() -> None:
    err = ResolutionError("no date for 'the other day'")
    pipeline = Pipeline([Tag("broken", fail_on="a", error=err)], strict=True)
    with pytest.raises(ResolutionError) as info:
        list(pipeline.run(articles("a")))
    assert info.value is err


def test_rejected_article_from_a_stage_keeps_its_stage_and_reason_even_when_strict() -> None:
    err = RejectedArticle("limits", "too_many_sentences", "12,000 sentences; at most 5,000")
    for strict in (False, True):
        pipeline = Pipeline([BatchTag("nlp", fail_on="b", error=err)], strict=strict)
        docs, rejections = pipeline.process_batch(articles("a", "b"))
        assert [d.article.id for d in docs] == ["a"]
        assert rejections == [Rejection("b", "limits", "too_many_sentences",
                                        "12,000 sentences; at most 5,000")]


def test_configuration_errors_stop_the_run() -> None:
    pipeline = Pipeline([Tag("broken", fail_on="a", error=ConfigError("model not installed"))])
    with pytest.raises(ConfigError, match="model not installed"):
        pipeline.process_batch(articles("a"))


def test_documents_come_out_in_order_with_timings_and_no_parse() -> None:
    pipeline = Pipeline([BatchTag("one"), Tag("two")])
    docs = list(pipeline.run(articles("a", "b", "c", "d", "e"), batch_size=2))
    assert [d.article.id for d in docs] == ["a", "b", "c", "d", "e"]
    assert all(d.article.meta == (("stage", "one"), ("stage", "two")) for d in docs)
    assert all([name for name, _ in d.timings] == ["one", "two"] for d in docs)
    assert all(d.parse is None for d in docs)


def test_rejected_document_skips_later_stages() -> None:
    later = Tag("later")
    docs = list(Pipeline([Tag("lang", reject_on="b"), later]).run(articles("a", "b")))
    assert docs[1].rejection is not None and docs[1].rejection.reason == "not_english"
    assert later.seen == ["a"]


def test_default_pipeline_and_registry() -> None:
    names = [s.name for s in Pipeline.default().stages]
    assert names == ["parley.nlp.spacy.v1", "parley.actors.rules.v1", "parley.coding.rules.v1",
                     "parley.quotes.rules.v1"]
    only = Pipeline.default(Settings(stages={"enabled": ["nlp", "actors"]}))
    assert [s.name for s in only.stages] == names[:2]
    with pytest.raises(ConfigError, match=r"unknown stages \['sentiment'\]"):
        Pipeline.default(Settings(stages={"enabled": ["nlp", "sentiment"]}))
    with pytest.raises(ConfigError, match=r"no stage named 'parley.coding.ml.v9'.*registered"):
        build_stage("parley.coding.ml.v9", Settings())


def test_settings_swap_a_stage_for_a_registered_one() -> None:
    register("tests.coding.fake.v1", lambda s: Tag("fake coder", ("parse", "actors"), ("events",)))
    try:
        pipeline = Pipeline.default(Settings(stages={"coding": "tests.coding.fake.v1"}))
        assert pipeline.stages[2].name == "fake coder"
    finally:
        REGISTRY.pop("tests.coding.fake.v1")


# ---------------------------------------------------------------- LocalRunner

@pytest.fixture()
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "p.db")
    yield s
    s.close()


def test_skip_stored_counts_duplicates(store: SQLiteStore) -> None:
    stage = Tag("only")
    runner = LocalRunner(Pipeline([stage]), store, skip_stored=True)
    first = runner.run(articles("a", "b"))
    assert (first.read, first.stored, first.duplicate) == (2, 2, 0)
    again = runner.run(articles("a", "b", "c"))
    assert (again.read, again.stored, again.duplicate) == (3, 1, 2)
    assert stage.seen == ["a", "b", "c"]  # stored articles are not coded again
    assert store.counts()["articles"] == 3


def test_without_skip_stored_articles_are_coded_again_and_stored_once(store: SQLiteStore) -> None:
    stage = Tag("only")
    runner = LocalRunner(Pipeline([stage]), store, skip_stored=False)
    runner.run(articles("a"))
    summary = runner.run(articles("a"))
    assert (summary.stored, summary.duplicate) == (1, 0)
    assert stage.seen == ["a", "a"]
    assert store.counts()["articles"] == 1


def test_rejections_are_stored_and_reported(store: SQLiteStore) -> None:
    reported: list[tuple[str, str, str | None]] = []
    documents: list[str] = []
    runner = LocalRunner(Pipeline([Tag("lang", reject_on="b")]), store)
    items: list[Article | Rejection] = [
        Rejection("missing.txt", "ingest", "missing", "no such file"), *articles("a", "b")]
    summary = runner.run(
        items, on_document=lambda d: documents.append(d.article.id),
        on_rejection=lambda r, a: reported.append((r.input, r.reason, a.id if a else None)))
    assert reported == [("missing.txt", "missing", None), ("b", "not_english", "b")]
    assert documents == ["a"]
    assert (summary.read, summary.stored) == (3, 1)
    assert summary.rejected == {"missing": 1, "not_english": 1}
    rows = store.conn.execute("SELECT input, stage, reason FROM rejections ORDER BY input").fetchall()
    assert rows == [("b", "lang", "not_english"), ("missing.txt", "ingest", "missing")]


class FirstOnly:
    """A deduper that calls every article after the first a near duplicate of it."""

    def __init__(self) -> None:
        self.first: Article | None = None

    def check(self, article: Article) -> Rejection | None:
        if self.first is None:
            return None
        return Rejection(article.id, "dedupe", "duplicate", f"near copy of {self.first.id}")

    def add(self, article: Article) -> None:
        self.first = self.first or article


def test_deduper_duplicates_are_counted_and_stored_not_coded(store: SQLiteStore) -> None:
    stage = Tag("only")
    reported: list[str] = []
    summary = LocalRunner(Pipeline([stage]), store, deduper=FirstOnly()).run(
        articles("a", "b"), on_rejection=lambda r, a: reported.append(r.reason))
    assert (summary.stored, summary.duplicate, summary.rejected) == (1, 1, {})
    assert stage.seen == ["a"]
    assert reported == ["duplicate"]
    assert store.counts()["rejections"] == 1


def test_runner_without_store_still_reports(tmp_path: Path) -> None:
    seen: list[str] = []
    summary = LocalRunner(Pipeline([Tag("only")]), None).run(
        articles("a"), on_document=lambda d: seen.append(d.article.id))
    assert seen == ["a"] and summary.stored == 1


@pytest.mark.parametrize("executor", ["processes", "threads"])
def test_strict_error_in_a_worker_reaches_the_caller(executor: str) -> None:
    pipeline = Pipeline([BatchTag("broken", fail_on="a7")], strict=True)
    with pytest.raises(StageError) as info:
        list(pipeline.run(articles(*[f"a{i}" for i in range(12)]), batch_size=2, n_process=2,
                          executor=executor))
    assert (info.value.stage, info.value.article_id) == ("broken", "a7")


def test_batch_stage_error_names_the_failing_article() -> None:
    pipeline = Pipeline([BatchTag("broken", fail_on="b")], strict=True)
    with pytest.raises(StageError) as info:
        list(pipeline.run(articles("a", "b", "c"), batch_size=3))
    assert info.value.article_id == "b"


@pytest.mark.parametrize("executor", ["processes", "threads"])
def test_workers_give_the_same_documents_in_the_same_order(executor: str) -> None:
    pipeline = Pipeline([BatchTag("one"), Tag("two", fail_on="e")])
    ids = [f"a{i}" for i in range(23)] + ["e"]
    serial = list(pipeline.run(articles(*ids), batch_size=4))
    parallel = list(pipeline.run(articles(*ids), batch_size=4, n_process=2, executor=executor))
    assert [(d.article, d.rejection) for d in parallel] == [(d.article, d.rejection) for d in serial]
    assert parallel[-1].rejection is not None and parallel[-1].rejection.reason == "stage_error"


def test_batch_stage_skips_rejected_documents() -> None:
    later = BatchTag("later")
    list(Pipeline([Tag("lang", reject_on="b"), later]).run(articles("a", "b")))
    assert later.seen == ["a"]


class RecordingStore:
    """A store that keeps the batches written to it."""

    def __init__(self, stored: set[str]) -> None:
        self.stored = stored
        self.batches: list = []

    def has_article(self, key: str) -> bool:
        return key in self.stored

    def write_batch(self, batch) -> None:  # type: ignore[no-untyped-def]
        self.batches.append(batch)


def test_copies_of_stored_articles_are_written_as_links_even_after_the_last_batch() -> None:
    first, = articles("a")
    store = RecordingStore({first.key})
    copy = replace(first, id="copy-of-a")
    summary = LocalRunner(Pipeline([Tag("only")]), store).run([copy])
    assert (summary.read, summary.stored, summary.stored_before) == (1, 0, 1)
    assert [b.duplicates for b in store.batches] == [[(copy, first.key, "exact", 1.0)]]


def test_a_linked_duplicate_is_stored_as_its_link_and_reported() -> None:
    class Linking(FirstOnly):
        def link(self, article: Article) -> tuple[str, str, float] | None:
            return (self.first.key, "near", 0.93) if self.first else None

    store = RecordingStore(set())
    reported: list[str] = []
    summary = LocalRunner(Pipeline([Tag("only")]), store, deduper=Linking()).run(
        articles("a", "b"), on_rejection=lambda r, a: reported.append(r.input))
    (batch,) = store.batches
    assert [d.article.id for d in batch.documents] == ["a"]
    assert [(a.id, k, kind) for a, k, kind, _ in batch.duplicates] == [("b", batch.documents[0].article.key, "near")]
    assert batch.rejections == []  # the link is the copy's record
    assert reported == ["b"] and summary.duplicates == {"duplicate": 1}


class Code:
    """A stage that fills every kind of record, with nested entities, places and spans."""

    name = "code"
    requires: tuple[str, ...] = ("article",)
    provides: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document) -> Document:
        from parley.model import Actor, Entity, Event, Mention, Place, Quote, Sentence, Span, Stance

        text = doc.article.text
        who = Span.of(text, 0, 2)
        putin = Entity("A1", text[:2], "Putin", "RUS", "GOV", who)
        kyiv = Entity(None, "Kyiv", None, "UKR", None, None)
        return replace(
            doc, sentences=(Sentence(0, Span.of(text, 0, len(text))),),
            mentions=(Mention(who, "name", "PERSON", 0, 1),),
            actors=(Actor("A1", "Putin", "RUS", "GOV", "president", "Q7747", (who,), "kb", "",
                          "kb:Q7747"),),
            events=(Event("E1", "ACCUSE", (putin,), (kyiv,), who, who, ("verbal",), ("c",),
                          "future", "2024-03-01", "on Friday", "day",
                          Place("Kyiv", "UKR", 703448, 50.45, 30.52), 3, -2.5, putin, "rules",
                          0.75, "why"),),
            quotes=(Quote("Q1", "direct", who, putin, who, who, None, "press", ""),),
            stances=(Stance("S1", putin, "war", "oppose", who, kyiv, "Q1", "", putin, "the war",
                            who),),
            mention_actor=((0, 2, "A1"),))


def test_coded_documents_come_back_from_worker_processes_whole() -> None:
    pipeline = Pipeline([Code()])
    ids = [f"a{i}" for i in range(10)]
    serial = list(pipeline.run(articles(*ids), batch_size=3))
    parallel = list(pipeline.run(articles(*ids), batch_size=3, n_process=2))
    assert [replace(d, timings=()) for d in parallel] == [replace(d, timings=()) for d in serial]
    assert parallel[4].events[0].event_loc is not None and parallel[4].stances[0].cue is not None
