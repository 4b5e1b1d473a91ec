"""Quote classes of the eighth pass (issue 11, lead), on sentences of our own: a content span
that ends on a percentage keeps its sign (spaCy calls "%" punctuation, and the span's
trailing punctuation was dropped, ending it inside "5%"); the words that describe someone
inside a speaker's phrase ("research by X, a former World Bank economist") do not make the
place they name the speaker, nor does a relative clause on someone inside it ("a study by
X, who once advised Kenya")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "content"), [
    ("Prices rose 5%, the ministry said.", "Prices rose 5%"),
    ("Unemployment hit 10%, according to officials.", "Unemployment hit 10%"),
    ("The ministry said that inflation reached 7%.", "that inflation reached 7%"),
    ('"Turnout was 61%," the commission said.', "Turnout was 61%,"),
])
def test_a_content_ending_on_a_percentage_keeps_its_sign(
        run_quotes: Callable[..., Document], text: str, content: str) -> None:
    assert [q.content.text for q in run_quotes(text).quotes] == [content]


ACTORS = {"World Bank": ("World Bank", None, "IGO"), "Kenya": ("Kenya", "KEN", None),
          "United Nations": ("United Nations", None, "IGO")}


@pytest.mark.parametrize("text", [
    "Incomes fell sharply, according to research by Ada Lin, a former World Bank economist.",
    "A study by Tom Reyes, who once advised Kenya, found that the tariffs had failed.",
    "A report by a panel led by Mia Berg, a former United Nations envoy, said the war must end.",
])
def test_a_place_named_to_describe_someone_in_the_speaker_phrase_is_not_the_speaker(
        run_quotes: Callable[..., Document], text: str) -> None:
    cast = {k: v for k, v in ACTORS.items() if k in text}
    doc = run_quotes(text, cast)
    assert doc.quotes
    assert all(q.speaker is None or q.speaker.actor_id is None for q in doc.quotes)


def test_the_one_named_beside_the_speaker_word_is_the_speaker(
        run_quotes: Callable[..., Document]) -> None:
    doc = run_quotes("The spokesman, Kenya, said the talks would resume.",
                     {"Kenya": ("Kenya", "KEN", None)})
    assert [q.speaker.country for q in doc.quotes if q.speaker] == ["KEN"]
