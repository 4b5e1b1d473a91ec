"""Hostile inputs by class, and the invariant every one of them must keep (issue 13).

:func:`make_inputs` writes inputs of many classes under a folder and says, for each, how many
input units it holds (a file, a record, an archived page, a URL). :func:`run_inputs` reads
them with ``parley ingest``'s readers and runner into a store and checks, per input, that
every unit ended as exactly one stored article, one duplicate or one rejection, with a line
naming it; a unit with no outcome is a *drop*, an exception out of the runner a *crash*, an
input over its time a *hang*. Used by tests/fuzz and by ``benchmarks/fuzz.py``.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WORDS = ("minister government talks Oslo Geneva Norway Sweden agreed border security envoy "
         "met said officials protest sanctions troops ceasefire parliament vote aid").split()
NASTY = ["\x00", "\x1b[31m", "\n", "\r", "\u202e", "\ud800", "\udcff", "\ufeff", "\u2028",
         '"', "\\", "'", ",", "<", "&amp;", "\x85", "\x7f", "🙂", "ﬁ", "e\u0301"]


@dataclass
class Input:
    path: str  # what is passed to the readers (a path or a URL)
    cls: str  # the hostile class
    units: int  # how many outcomes it must end as (at least, when ``exact`` is False)
    exact: bool = True


def _story(rng: random.Random, n: int = 30) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _nasty(rng: random.Random, n: int = 12) -> str:
    return "".join(rng.choice(NASTY + WORDS) + rng.choice(["", " "]) for _ in range(n))


def _record(rng: random.Random, k: int) -> str:
    kind = rng.randrange(12)
    story = _story(rng) + f" Item {k} {rng.random()}."
    if kind == 0:
        return "{not json" + _nasty(rng, 3).replace("\n", " ").replace("\r", " ")
    if kind == 1:
        return "[" * 1200 + "]" * 1200
    if kind == 2:
        return json.dumps({"id": k, "text": story, "title": rng.random(), "meta": {"authors": [1, 2]}})
    if kind == 3:
        return json.dumps({"id": _nasty(rng, 4), "title": _nasty(rng), "text": story + _nasty(rng)})
    if kind == 4:
        return json.dumps({"id": f"w{k}", "text": story, "title": ["a"], "date": {"d": 1}})
    if kind == 5:
        return json.dumps({"id": f"d{k}", "text": "Last week " + story,
                           "date": rng.choice(["0001-01-03", "9999-12-31", "1799-12-31", "2024-02-30",
                                               "1987-02-26", "2023-06-01T10:00:00Z", "yesterday"])})
    if kind == 6:
        return json.dumps({"id": f"e{k}", "text": rng.choice(["", "   ", "\n\t"])})
    if kind == 7:
        return json.dumps(["an", "array"])
    if kind == 8:
        return json.dumps({"id": f"n{k}", "text": story}).replace(
            '"text"', '"meta": ' + '{"a": ' * 900 + "1" + "}" * 900 + ', "text"')
    return json.dumps({"id": f"r{k}", "text": story, "title": _story(rng, 5)})


def _gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def _warc_record(uri: str, ctype: str, body: bytes) -> bytes:
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode() + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri))}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
            ).encode()
    return head + http + b"\r\n\r\n"


def _page(rng: random.Random) -> bytes:
    paras = "".join(f"<p>{_story(rng)}</p>" for _ in range(3))
    return f"<html><head><title>{_story(rng, 4)}</title></head><body><article>{paras}</article></body></html>".encode()


Maker = Callable[[Path, random.Random, int], Input]


def _file(root: Path, name: str, data: bytes | str) -> str:
    path = root / name
    path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    return str(path)


def _m_text(root: Path, rng: random.Random, k: int) -> Input:
    return Input(_file(root, f"t{k}.txt", _story(rng, 40) + "\n" + _story(rng, 40)), "text", 1)


def _m_text_nasty(root: Path, rng: random.Random, k: int) -> Input:
    return Input(_file(root, f"n{k}.txt", _nasty(rng, 60)), "text_nasty", 1)


def _m_bytes(root: Path, rng: random.Random, k: int) -> Input:
    return Input(_file(root, f"b{k}.txt", rng.randbytes(rng.randrange(0, 3000))), "random_bytes", 1)


def _m_jsonl(root: Path, rng: random.Random, k: int) -> Input:
    lines = [_record(rng, k * 1000 + j) for j in range(rng.randrange(1, 25))]
    blank = rng.random() < 0.3
    body = "\n".join(lines) + ("\n\n   \n" if blank else "\n")
    return Input(_file(root, f"c{k}.jsonl", body), "jsonl_records", len(lines))


def _m_jsonl_gz(root: Path, rng: random.Random, k: int) -> Input:
    lines = [json.dumps({"id": f"g{k}-{j}", "text": _story(rng)}) for j in range(rng.randrange(1, 40))]
    raw = _gz(("\n".join(lines) + "\n").encode())
    mode = rng.randrange(3)
    if mode == 0:
        return Input(_file(root, f"g{k}.jsonl.gz", raw), "gzip", len(lines))
    if mode == 1:
        return Input(_file(root, f"g{k}.jsonl.gz", raw[: len(raw) // 2]), "gzip_truncated", 1, False)
    b = bytearray(raw)
    b[rng.randrange(10, len(b) - 8)] ^= 1 << rng.randrange(8)
    return Input(_file(root, f"g{k}.jsonl.gz", bytes(b)), "gzip_bitflip", 1, False)


def _m_empty(root: Path, rng: random.Random, k: int) -> Input:
    name, data = rng.choice([("e.jsonl", b""), ("e.jsonl", b"\n \n"), ("e.csv", b"id,text\n"),
                             ("e.jsonl.gz", _gz(b"")), ("e.warc", b""), ("e.warc", b"W"),
                             ("e.txt", b""), ("e.html", b"  "), ("e.urls", b"# none\n"),
                             ("e.rss", b"")])
    return Input(_file(root, f"{k}{name}", data), "empty", 1)


def _m_csv(root: Path, rng: random.Random, k: int) -> Input:
    rows = [f'{k}-{j},"{_story(rng)}"' for j in range(rng.randrange(1, 15))]
    units = len(rows)
    if rng.random() < 0.5:  # an unclosed quote: it and all after it are one rejection
        cut = rng.randrange(len(rows))
        rows[cut] = f'{k}-{cut},"never closed {_story(rng, 5)}'
        rows = [r.replace('"', "") if j > cut else r for j, r in enumerate(rows)]
        units = cut + 1
    return Input(_file(root, f"s{k}.csv", "id,text\n" + "\n".join(rows) + "\n"), "csv", units)


def _m_html(root: Path, rng: random.Random, k: int) -> Input:
    kind = rng.randrange(3)
    if kind == 0:
        data = _page(rng)
    elif kind == 1:
        data = ("<table><tr><td>" * rng.randrange(150, 3000) + _story(rng)).encode()
    else:
        data = (_nasty(rng, 50) + "<<<>>></p></p>" + _story(rng)).encode("utf-8", "surrogatepass")
    return Input(_file(root, f"h{k}.html", data), "html", 1)


def _m_warc(root: Path, rng: random.Random, k: int) -> Input:
    good = _warc_record(f"http://example.org/{k}", "text/html", _page(rng))
    kind = rng.randrange(3)
    if kind == 0:
        data, units = _warc_record("http://e.org/a.pdf", "application/pdf", b"%PDF-1.4"), 1
    elif kind == 1:
        data, units = b"WARC/1.0\r\nContent-Length: xyz\r\n\r\n" + good, 2
    else:
        data, units = good, 1
    return Input(_file(root, f"w{k}.warc", data), "warc", units)


def _m_dir(root: Path, rng: random.Random, k: int) -> Input:
    d = root / f"dir{k}"
    d.mkdir()
    n = rng.randrange(0, 3)
    for j in range(n):
        (d / f"{j}.txt").write_text(_story(rng) + f" File {k}-{j}.", encoding="utf-8")
    units = n
    if rng.random() < 0.5 and hasattr(os, "mkfifo"):
        os.mkfifo(d / "pipe.txt")  # skipped with a reason, never opened
        units += 1
    if rng.random() < 0.5:  # a file name that is not UTF-8
        with open(os.fsencode(d) + b"/caf\xe9\xff.txt", "wb") as fh:
            fh.write((_story(rng) + f" Odd {k}.").encode())
        units += 1
    units = units or 1  # an empty directory is one rejection
    return Input(str(d), "directory", units)


def _m_big(root: Path, rng: random.Random, k: int) -> Input:
    kind = k % 6
    if kind == 0:
        text = "".join(_story(rng, 18) + " " for _ in range(6000))  # ~700 KB of prose
    elif kind == 1:
        text = "word " * 45_000
    elif kind == 2:
        text = " ".join(rng.choice(WORDS) for _ in range(50_000))
    elif kind == 3:
        text = '"' * 16_384
    elif kind == 4:
        return Input(_file(root, f"big{k}.html", "<table><tr><td>x" * 100_000), "big", 1)
    else:
        path = root / f"big{k}.jsonl.gz"
        comp = zlib.compressobj(9, zlib.DEFLATED, 31)
        with open(path, "wb") as fh:
            fh.write(comp.compress(b'{"id": "big", "text": "'))
            for _ in range(256):
                fh.write(comp.compress(b"a" * (1 << 20)))
            fh.write(comp.compress(b'"}\n') + comp.flush())
        return Input(str(path), "big", 1)
    return Input(_file(root, f"big{k}.txt", text), "big", 1)


CLASSES: dict[str, tuple[Maker, float]] = {
    "text": (_m_text, 3), "text_nasty": (_m_text_nasty, 2), "random_bytes": (_m_bytes, 1),
    "jsonl_records": (_m_jsonl, 3), "gzip": (_m_jsonl_gz, 1.5), "empty": (_m_empty, 1),
    "csv": (_m_csv, 1.5), "html": (_m_html, 1), "warc": (_m_warc, 1), "directory": (_m_dir, 1),
}


def make_inputs(root: Path, n: int, seed: int = 0, big: bool = True) -> list[Input]:
    """At least ``n`` units in inputs of every class (and, with ``big``, one input of each
    big class per 2,000 units), written under ``root``."""
    rng = random.Random(seed)
    names = list(CLASSES)
    weights = [CLASSES[c][1] for c in names]
    out: list[Input] = []
    units = 0
    k = 0
    while units < n:
        cls = names[k % len(names)] if k < len(names) else rng.choices(names, weights)[0]
        item = CLASSES[cls][0](root, rng, k)
        out.append(item)
        units += item.units
        k += 1
    if big:
        for j in range(max(1, n // 2000) * 6 if n >= 1000 else 0):
            out.append(_m_big(root, rng, j))
    return out


class Hang(Exception):
    pass


@dataclass
class Tally:
    inputs: int = 0
    units: int = 0
    outcomes: int = 0
    crashes: int = 0
    hangs: int = 0
    drops: int = 0
    unnamed: int = 0
    classes: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)


def _on_alarm(signum: int, frame: Any) -> None:
    raise Hang()


def run_inputs(inputs: list[Input], runner: Any, hang_seconds: float = 120.0) -> Tally:
    """Run each input through ``runner`` (a LocalRunner) and check the invariant."""
    from parley.ingest.language import check_language
    from parley.ingest.sources import read_sources
    from parley.textsafe import rejection_line

    tally = Tally()
    old = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        for item in inputs:
            tally.inputs += 1
            tally.units += item.units
            tally.classes[item.cls] += 1
            lines: list[str] = []
            docs: list[Any] = []

            def on_rej(rej: Any, art: Any, lines: list[str] = lines) -> None:
                tally.reasons[rej.reason] += 1
                lines.append(rejection_line(rej, art))

            signal.setitimer(signal.ITIMER_REAL, hang_seconds)
            try:
                summary = runner.run(check_language(read_sources([item.path])),
                                     on_document=docs.append, on_rejection=on_rej)
            except Hang:
                tally.hangs += 1
                tally.problems.append(f"hang: {item.cls} {item.path}")
                continue
            except Exception as exc:  # noqa: BLE001 - the invariant under test
                tally.crashes += 1
                tally.problems.append(f"crash: {item.cls} {item.path}: {type(exc).__name__}: {exc}")
                continue
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            silent = summary.stored_before  # already in the store: counted, no line
            got = len(docs) + len(lines) + max(0, silent)
            tally.outcomes += got
            tally.unnamed += max(0, silent)
            if got < item.units or (item.exact and got != item.units):
                if got < item.units:
                    tally.drops += item.units - got
                tally.problems.append(
                    f"units: {item.cls} {item.path}: {got} outcomes for {item.units} units")
            for ln in lines:
                if "\n" in ln or "\x1b" in ln:
                    tally.problems.append(f"unsafe line: {ln[:100]!r}")
    finally:
        signal.signal(signal.SIGALRM, old)
    return tally
