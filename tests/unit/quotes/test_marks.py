"""Quotation-mark scanning on plain strings (no model)."""

from __future__ import annotations

import pytest

from parley.quotes.direct import find_marks


def contents(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_marks(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said, "We will win." Then he left.', ["We will win."]),
        ("“We will win,” he said.", ["We will win,"]),
        ("“First part,” she said, “second part.”", ["First part,", "second part."]),
        ("It was ‘unacceptable’, she said.", ["unacceptable"]),
        ("Don’t go; it’s the people’s choice.", []),  # apostrophes are no quotation marks
        ("“First paragraph.\n\n“Second paragraph.”", ["First paragraph.\n\n“Second paragraph."]),
        ("“He said ‘no’ twice,” she recalled.", ["He said ‘no’ twice,"]),
        ('<tweet author="x">Hello</tweet> and "real"', ["real"]),
        ("“An unclosed quote runs to the paragraph end\nNext line", [
            "An unclosed quote runs to the paragraph end"]),
        ("''We will win,'' Mr. Lee said. ''Soon.''", ["We will win,", "Soon."]),
        ("''Then he said, 'No way.' I left,'' she said.", ["Then he said, 'No way.' I left,"]),
        ("She called it ''a disaster'' on Monday.", ["a disaster"]),
        ("''One.\n\n''Two.''", ["One.\n\n''Two."]),
    ],
    ids=["straight", "curly", "split", "single", "apostrophes", "multi-paragraph", "nested",
         "markup", "unclosed", "two-apostrophes", "two-apostrophes-nested",
         "two-apostrophes-fragment", "two-apostrophes-multi-paragraph"],
)
def test_find_marks(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_multi_paragraph_quote_is_one_quote_with_paragraph_count() -> None:
    text = "“One.\n\n“Two.\n\n“Three.”\n\nAfter."
    marks = find_marks(text)
    assert len(marks) == 1
    assert marks[0].paragraphs == 3
