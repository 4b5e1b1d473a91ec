"""Bytes to text: byte-order marks, UTF-8, and a sane fallback for legacy Western encodings.

The order of tries is fixed and documented (docs/ingest.md):

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) wins;
2. an encoding the caller names (an HTTP header, an HTML ``<meta charset>``);
3. strict UTF-8;
4. charset-normalizer's best guess when it names a non-Western encoding (Cyrillic, CJK ...);
5. cp1252, which is latin-1 plus the printable characters that Windows puts in 0x80-0x9F
   (curly quotes, dashes, the euro sign); latin-1 for the five bytes cp1252 leaves undefined.

Binary content (NUL bytes without a UTF-16/32 mark, a known file signature, or a high share
of control characters) is refused with :class:`NotText`.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

logger = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# file signatures of common binary formats that people drop into news folders by mistake
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
    (b"SQLite format 3", "SQLite database"),
)

_WESTERN = {
    "ascii", "utf_8", "latin_1", "iso8859_1", "iso8859_15", "cp1252", "cp1250", "iso8859_2",
    "mac_roman", "cp850", "cp437", "mac_latin2", "cp1257", "iso8859_13", "cp1254", "iso8859_9",
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class NotText(ValueError):
    """The bytes are not text. ``reason`` is ``binary`` or ``undecodable``."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    how: str  # bom | declared | utf-8 | guessed | fallback


def sniff_binary(data: bytes) -> str | None:
    """A description of the binary format when ``data`` is clearly not text, else None."""
    head = data[:4096]
    for mark, _ in _BOMS:
        if head.startswith(mark):
            return None
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if b"\x00" in head:
        return "data with NUL bytes"
    return None


def _bom(data: bytes) -> tuple[str, int] | None:
    for mark, enc in _BOMS:
        if data.startswith(mark):
            return enc, len(mark)
    return None


def _normalise_encoding(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None, *, strict_declared: bool = False) -> Decoded:
    """Decode ``data`` following the order in the module docstring.

    ``declared`` is an encoding named by the container (HTTP header, HTML meta). With
    ``strict_declared`` a declared encoding that fails raises ``NotText('undecodable')``
    instead of falling through to the guesses (used when the user forces ``--encoding``).
    """
    what = sniff_binary(data)
    if what is not None:
        raise NotText("binary", f"the content looks like {what}, not text")
    bom = _bom(data)
    if bom is not None:
        enc, skip = bom
        try:
            return Decoded(data[skip:].decode(enc), enc, "bom")
        except UnicodeDecodeError as exc:
            raise NotText(
                "undecodable",
                f"the file starts with a {enc} byte-order mark but byte {exc.start} is not {enc}",
            ) from exc
    if declared:
        enc_name = _normalise_encoding(declared)
        if enc_name == "iso8859-1" and not strict_declared:
            enc_name = "cp1252"  # what browsers do (WHATWG): latin-1 labels mean windows-1252
        if enc_name is None and strict_declared:
            raise NotText("undecodable", f"unknown encoding {declared!r}")
        if enc_name is not None:
            try:
                return _check_text(Decoded(data.decode(enc_name), enc_name, "declared"))
            except UnicodeDecodeError as exc:
                if strict_declared:
                    raise NotText(
                        "undecodable",
                        f"byte {exc.start} (0x{data[exc.start]:02x}) is not valid {enc_name}",
                    ) from exc
                logger.debug("declared encoding %s failed at byte %s; guessing", enc_name, exc.start)
    try:
        return _check_text(Decoded(data.decode("utf-8"), "utf-8", "utf-8"))
    except UnicodeDecodeError:
        pass
    guess = _guess(data)
    if guess is not None:
        try:
            return _check_text(Decoded(data.decode(guess), guess, "guessed"))
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return _check_text(Decoded(data.decode("cp1252"), "cp1252", "fallback"))
    except UnicodeDecodeError:
        return _check_text(Decoded(data.decode("latin-1"), "latin-1", "fallback"))


def _guess(data: bytes) -> str | None:
    """charset-normalizer's guess when it is a non-Western encoding, else None."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with trafilatura
        return None
    best = from_bytes(data[:65536]).best()
    if best is None:
        return None
    enc = _normalise_encoding(best.encoding)
    if enc is None or enc.replace("-", "_") in _WESTERN:
        return None
    return enc


def _check_text(decoded: Decoded) -> Decoded:
    sample = decoded.text[:8192]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 20):
        raise NotText(
            "binary",
            f"more than 5% control characters after decoding as {decoded.encoding}; not text",
        )
    return decoded


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)


def html_declared_encoding(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (``<meta charset>``), if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None
