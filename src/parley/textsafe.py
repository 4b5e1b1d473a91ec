"""Safe output: what Parley prints shows control characters and escape sequences escaped.

:func:`safe` is used for every value that reaches a terminal or a log line (the text
report, progress, rejection lines): a title, id, file name or quote holding a newline, a
carriage return, an ANSI escape sequence (``ESC [ 31 m``), a bidirectional override or an
undecodable byte is shown as ``\\n``, ``\\r``, ``\\x1b``, ``\\u202e`` or ``\\xff`` instead,
so it can neither forge a line of output nor drive the terminal. One record stays one line.

:func:`unsurrogate` makes a string storable: the lone surrogates that Python uses for bytes
it could not decode (a non-UTF-8 file name, ``"\\ud800"`` in a JSON string) cannot be
encoded as UTF-8 and crash a write; they become visible escapes (``\\xff``, ``\\ud800``) in
names and ids, and U+FFFD (one character for one, so offsets hold) in article text.
"""

from __future__ import annotations

import re

from parley.model import Article, Rejection

# C0 and C1 controls, DEL, lone surrogates, bidirectional controls, line and paragraph
# separators, zero-width joiners and the BOM: everything that moves the cursor, changes
# what follows, or cannot be written as UTF-8
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch == "\n":
        return "\\n"
    if ch == "\r":
        return "\\r"
    if ch == "\t":
        return "\\t"
    if 0xDC80 <= code <= 0xDCFF:  # a byte that did not decode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def safe(value: object) -> str:
    """``value`` as text for one line of output, with every control character, escape
    sequence, line break and undecodable byte shown escaped."""
    text = value if isinstance(value, str) else str(value)
    return _UNSAFE.sub(lambda m: _escape(m.group(0)), text)


def unsurrogate(text: str, *, replace: bool = False) -> str:
    """``text`` without lone surrogates: escaped (``\\xff``, ``\\ud800``), or with
    ``replace`` each one U+FFFD (for article text, where offsets must not move)."""
    if not _SURROGATE.search(text):
        return text
    if replace:
        return _SURROGATE.sub("\ufffd", text)
    return _SURROGATE.sub(lambda m: _escape(m.group(0)), text)


def input_name(rejection: Rejection, article: Article | None = None) -> str:
    """The rejected input for a line of output, escaped: the record as ``file:line`` (with
    its id when it has one of its own) when the article came from a corpus file, else the
    input as the user named it (a path, URL, ``file:line``)."""
    record = dict(article.meta).get("record") if article is not None else None
    if record and record != rejection.input:
        return f"{safe(record)} (id {safe(rejection.input)})"
    return safe(rejection.input)


def rejection_line(rejection: Rejection, article: Article | None = None) -> str:
    """``parley: rejected FILE:RECORD: stage/reason: detail`` as one safe line."""
    return (f"parley: rejected {input_name(rejection, article)}: "
            f"{safe(rejection.stage)}/{safe(rejection.reason)}: {safe(rejection.detail)}")
