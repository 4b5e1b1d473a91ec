"""Dedupe (exact, near, remembered through the store) and language rejections."""

from __future__ import annotations

import random
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
    """The read side a deduper uses: stored signatures, numbered as a store numbers them."""

    def __init__(self) -> None:
        self.signatures: list[tuple[int, str, bytes]] = []

    def store(self, key: str, signature: bytes) -> None:  # what the runner's batch does
        self.signatures.append((len(self.signatures) + 1, key, signature))

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]:
        for _, key, sig in self.signatures:
            yield key, sig

    def signatures_since(self, rowid: int) -> list[tuple[int, str, bytes]]:
        return [s for s in self.signatures if s[0] > rowid]


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


def test_copies_come_with_the_link_to_store_and_firsts_with_their_signature() -> None:
    d = Deduper(MemoryStore())
    first = Article(id="first", text=STORY)
    sig = d.add(first)
    assert isinstance(sig, bytes) and len(sig) == 128 * 2  # 16-bit values
    near = Article(id="copy", text=STORY + " Reporting by A. Writer.")
    rej = d.check(near)
    assert isinstance(rej, Rejection) and rej.reason == "near_duplicate"
    first_key, kind, sim = d.link(near) or ("", "", 0.0)
    assert (first_key, kind) == (first.key, "near") and sim >= 0.8
    same = Article(id="again", text=STORY)
    assert d.check(same) is not None and d.link(same) == (first.key, "exact", 1.0)
    assert d.link(Article(id="x", text="never seen")) is None


def test_a_restarted_run_remembers_stored_signatures() -> None:
    store = MemoryStore()
    d = Deduper(store)
    first = Article(id="first", text=STORY)
    sig = d.add(first)
    assert sig is not None
    store.store(first.key, sig)  # the runner stored it with its article
    again = Deduper(store)  # a new run on the same store
    rej = again.check(Article(id="copy", text="Update: " + STORY))
    assert isinstance(rej, Rejection) and rej.reason == "near_duplicate"


def test_signatures_another_writer_stores_are_picked_up_before_each_check() -> None:
    store = MemoryStore()
    mine, theirs = Deduper(store), Deduper(store)
    first = Article(id="first", text=STORY)
    assert theirs.check(first) is None
    sig = theirs.add(first)
    assert sig is not None
    store.store(first.key, sig)  # the other process's batch
    rej = mine.check(Article(id="copy", text="GENEVA (Wire) - " + STORY))
    assert isinstance(rej, Rejection) and rej.reason == "near_duplicate"
    assert mine.check(Article(id="same", text=STORY)) is not None  # and its exact key


def test_signatures_stored_wider_by_earlier_versions_are_still_read() -> None:
    import numpy as np
    from datasketch import MinHash

    from parley.ingest.dedupe import _from_bytes, _to_bytes, minhash, shingles, similarity

    full = MinHash(num_perm=128, seed=1, scheme="affine32")
    full.update_batch(list(shingles(STORY)))
    wide = np.asarray(full.hashvalues, dtype="<u8").tobytes()  # as wave 1 stored them
    m, _ = minhash(STORY)
    assert len(_to_bytes(m)) == 256
    assert similarity(wide, _to_bytes(m)) == 1.0
    assert list(_from_bytes(wide).hashvalues) == list(m.hashvalues)
    other, _ = minhash("Markets fell sharply on Friday after the central bank raised rates "
                       "again, and traders said more rises were likely before the summer.")
    assert similarity(_to_bytes(m), _to_bytes(other)) < 0.1


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


def _story(rng: random.Random, n: int = 200) -> list[str]:
    return [rng.choice(_VOCAB) for _ in range(n)]


_VOCAB = [f"{c}{v}{e}" for c in "bdfgklmnprstvz" for v in "aeiou" for e in ("n", "r", "st")]


def test_pairs_just_over_the_threshold_are_not_missed() -> None:
    """A rewrite that keeps about 82% of the 5-word shingles (a few words changed here and
    there) is a near copy whichever pair it is: the LSH index must not let it through."""
    from parley.ingest.dedupe import _to_bytes, minhash, similarity

    rng = random.Random(7)
    pairs = []
    while len(pairs) < 40:
        words = _story(rng)
        edited = list(words)
        for i in rng.sample(range(len(words)), 5):
            edited[i] = rng.choice(_VOCAB)
        a, b = " ".join(words), " ".join(edited)
        sim = similarity(_to_bytes(minhash(a)[0]), _to_bytes(minhash(b)[0]))
        if 0.8 <= sim < 0.86:
            pairs.append((a, b))
    missed = 0
    for a, b in pairs:
        deduper = Deduper()
        first = Article("first", a)
        assert deduper.check(first) is None
        deduper.add(first)
        found = deduper.check(Article("copy", b))
        missed += found is None or found.reason != "near_duplicate"
    assert missed == 0, f"{missed} of {len(pairs)} near copies missed"
