"""analyze shows a progress bar only when standard error is a terminal and the input long."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from parley.cli import progress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _corpus(path: Path, n: int) -> str:
    path.write_text("".join(json.dumps({"id": str(i), "text": "x"}) + "\n" for i in range(n)),
                    encoding="utf-8")
    return str(path)


def test_long_input_on_a_terminal_gets_a_bar(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    long, short = _corpus(tmp_path / "long.jsonl", 40), _corpus(tmp_path / "short.jsonl", 3)
    monkeypatch.setattr("sys.stderr", _Tty())
    assert progress.wants_progress([long], None) == (True, 40)
    assert progress.wants_progress([long], limit=5) == (False, 5)  # --limit makes it short
    assert progress.wants_progress([short], None) == (False, 3)
    assert progress.wants_progress([long], None, asked=False)[0] is False  # --no-progress
    monkeypatch.setattr("sys.stderr", io.StringIO())  # a pipe or a file: never
    assert progress.wants_progress([long], None)[0] is False
