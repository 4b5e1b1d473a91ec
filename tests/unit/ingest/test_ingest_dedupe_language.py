"""Dedupe (exact, near, remembered through the store) and language rejections."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from parley.ingest.dedupe import Deduper
from parley.ingest.language import check_language, detect_language
from parley.model import Article, Rejection

STORY = (
    "Foreign ministers from the two neighbouring countries met in Geneva on Tuesday and agreed "
    "to reopen the border crossing that has been closed since the spring, officials said. "
    "The agreement, reached after three days of talks hosted by the United Nations, allows "
    "trucks carrying food and medicine to pass from Thursday. Both delegations described the "
    "meeting as constructive, although opposition leaders in the capital criticised the deal "
    "and called for a parliamentary vote before it takes effect."
)


class MemoryStore:
    def __init__(self) -> None:
        self.articles: set[str] = set()
        self.signatures: dict[str, bytes] = {}
        self.links: list[tuple[str, str, str, float]] = []

    def has_article(self, key: str) -> bool:
        return key in self.articles

    def put_signature(self, key: str, signature: bytes) -> None:
        assert key in self.articles, "signatures are keyed to stored articles"
        self.signatures[key] = signature

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]:
        yield from self.signatures.items()

    def put_duplicate(self, article: Article, first_key: str, kind: str, similarity: float) -> None:
        self.links.append((article.id, first_key, kind, similarity))


@pytest.mark.parametrize(
    ("copy", "reason"),
    [
        (STORY, "duplicate"),
        ("  " + STORY.upper().replace(" ", "  ") + "\n", "duplicate"),
        ("GENEVA (Wire) - " + STORY + " Reporting by A. Writer; editing by B. Editor.", "near_duplicate"),
        (STORY.replace("three days", "four days"), "near_duplicate"),
        ("Aid convoys crossed the reopened border on Thursday morning for the first time since "
         "the spring. " + STORY[:200] + " Drivers said the checks were quick and officials "
         "expected more than a hundred trucks a day, while aid groups warned that the supplies "
         "would last only weeks without a wider settlement between the two governments, and "
         "doctors in the border towns said hospitals were short of fuel, staff and medicine.", None),
    ],
    ids=["same", "case-and-spaces", "syndicated-byline", "corrected-word", "follow-up-story"],
)
def test_duplicates_are_found_and_follow_ups_are_not(copy: str, reason: str | None) -> None:
    store = MemoryStore()
    d = Deduper(store)
    first = Article(id="first", text=STORY)
    assert d.check(first) is None
    d.add(first)
    result = d.check(Article(id="copy", text=copy))
    if reason is None:
        assert result is None
    else:
        assert isinstance(result, Rejection)
        assert (result.input, result.stage, result.reason) == ("copy", "dedupe", reason)
        assert "first" in result.detail


def test_near_duplicate_is_linked_to_its_first_copy_in_the_store() -> None:
    store = MemoryStore()
    d = Deduper(store)
    first = Article(id="first", text=STORY)
    d.add(first)
    rej = d.check(Article(id="copy", text=STORY + " Reporting by A. Writer."))
    assert isinstance(rej, Rejection) and rej.reason == "near_duplicate"
    store.articles.add(first.key)  # the runner stored the first copy
    d.flush(final=True)
    assert store.links and store.links[0][:3] == ("copy", first.key, "near")
    assert store.links[0][3] >= 0.8


def test_a_restarted_run_remembers_stored_signatures() -> None:
    store = MemoryStore()
    d = Deduper(store)
    first = Article(id="first", text=STORY)
    d.add(first)
    store.articles.add(first.key)  # the runner stored it
    d.flush(final=True)
    assert first.key in store.signatures
    again = Deduper(store)  # a new run on the same store
    rej = again.check(Article(id="copy", text="Update: " + STORY))
    assert isinstance(rej, Rejection) and rej.reason == "near_duplicate"


def test_short_texts_are_compared_only_exactly() -> None:
    d = Deduper(None)
    d.add(Article(id="a", text="Markets closed higher on Friday."))
    assert d.check(Article(id="b", text="Markets closed lower on Friday.")) is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (STORY, "en"),
        ("Die Außenminister der beiden Nachbarländer trafen sich am Dienstag in Genf und "
         "einigten sich darauf, den seit dem Frühjahr geschlossenen Grenzübergang wieder zu öffnen.", "de"),
        ("Les ministres des Affaires étrangères des deux pays voisins se sont rencontrés mardi à "
         "Genève et ont convenu de rouvrir le poste frontière fermé depuis le printemps.", "fr"),
        ("Los ministros de Asuntos Exteriores de los dos países vecinos se reunieron el martes en "
         "Ginebra y acordaron reabrir el paso fronterizo cerrado desde la primavera.", "es"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    got, prob = detect_language(text)
    assert got == lang and prob > 0.9


def test_non_english_articles_become_language_rejections() -> None:
    items = [
        Article(id="en", text=STORY),
        Article(id="de", text="Die Bundesregierung hat am Montag in Berlin neue Sanktionen "
                              "gegen mehrere Unternehmen beschlossen, teilte ein Sprecher mit."),
        Rejection("bad.txt", "ingest", "empty", "no text"),
    ]
    out = list(check_language(items))
    assert isinstance(out[0], Article) and out[0].language == "en"
    assert isinstance(out[1], Rejection)
    assert (out[1].input, out[1].stage, out[1].reason) == ("de", "language", "not_english")
    assert out[1].detail.startswith("detected de (")
    assert out[2] == items[2]
