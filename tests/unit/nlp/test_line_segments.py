"""Lines of page text are segments: a line that ends a sentence, a caption, a sub-heading, a
list of headlines or a pointer is never joined to the next line's sentence; prose wrapped by
hand (lines running on into the next in lower case) stays one sentence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

pytestmark = pytest.mark.model


def _sentences(parse: Callable[[str], Any], text: str) -> list[str]:
    return [s.text.strip() for s in parse(text).sents if s.text.strip()]


@pytest.mark.parametrize(("text", "first", "second"), [
    # a sub-heading longer than a caption, with no full stop
    ("Ministers in Lagos are weighing the fuel subsidy, but they are in no hurry to cut it "
     "this year\nOn Friday, the Nigerian government raised petrol prices by a third.",
     "this year", "On Friday"),
    # a headline of another story above the text
    ("Farmers block motorways across the Netherlands as nitrogen rules bite hard in the north\n"
     "Dutch police removed tractors from the A12 near The Hague on Tuesday.",
     "in the north", "Dutch police"),
    # a quoted sentence ends its paragraph, the next paragraph follows on one line break
    ('"We will not give up the port," she said.\nThe navy shelled the harbour on Sunday.',
     'she said.', "The navy"),
    # a question, then a dateline in capitals
    ("Is the ceasefire holding?\nKHARTOUM, Sudan - Gunfire was heard near the airport.",
     "holding?", "KHARTOUM"),
    # a full stop after a company's name ends the paragraph in page text
    ("The offer came from Vantor Holdings Inc.\n“We want the whole plant,” its chief said.",
     "Holdings Inc.", "“We want"),
    # a bracketed pointer, then a quote
    ("[Read more: Chile closes its border with Bolivia]\n“We are ready,” the minister said.",
     "Bolivia]", "“We are ready"),
    # a line of a tour list after a colon
    ("The band announced these dates:\nMay 2 -- Olympia Hall, Lyon\nMay 4 -- Arena, Turin",
     "dates:", "May 2"),
])
def test_a_line_break_before_a_new_line_ends_the_segment(parse: Callable[[str], Any],
                                                         text: str, first: str,
                                                         second: str) -> None:
    sents = _sentences(parse, text)
    assert any(s.endswith(first) for s in sents), sents
    assert any(s.startswith(second) for s in sents), sents
    assert not any(first in s and second in s for s in sents), sents


@pytest.mark.parametrize("text", [
    "Ukraine said it had struck a depot\nnear the border, killing two soldiers.",
    "The minister, who arrived late,\nmet the envoy of Qatar in Doha on Monday.",
    "Protesters marched to the embassy (which was closed)\nand burned flags outside it.",
])
def test_a_line_that_goes_on_in_lower_case_is_the_same_sentence(parse: Callable[[str], Any],
                                                                 text: str) -> None:
    assert len(_sentences(parse, text)) == 1, _sentences(parse, text)


def test_wrapped_prose_keeps_an_abbreviation_at_a_line_end(parse: Callable[[str], Any]) -> None:
    wrapped = ("The talks between the two delegations were chaired by the envoy of the\n"
               "United Nations and went on until late in the evening, when they broke up\n"
               "without agreement; the next round will be chaired by Mr.\n"
               "Guterres himself, officials said after the meeting had ended for the day.\n")
    sents = _sentences(parse, wrapped)
    assert any("Mr.\nGuterres" in s for s in sents), sents


@pytest.mark.parametrize(("text", "after"), [
    ("Police arrested two men at the border.\n___\n", "___"),
    ("The army shelled the town overnight.\n...\n", "..."),
    ("| \n| Rebels seized the airport on Sunday.", "Rebels"),
])
def test_a_line_of_marks_is_not_joined(parse: Callable[[str], Any], text: str,
                                       after: str) -> None:
    sents = _sentences(parse, text)
    news = [s for s in sents if any(w in s for w in ("arrested", "shelled", "seized"))]
    assert len(news) == 1 and "\n" not in news[0], sents
