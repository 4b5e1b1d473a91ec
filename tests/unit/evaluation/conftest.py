"""Fixtures for the scoring tests: the shared directory and the reference scorer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(os.environ.get("PARLEY_SHARED") or Path(__file__).resolve().parents[3] / ".." / "shared")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "tools" / "score.py").is_file():
        pytest.skip(f"shared directory with tools/score.py not found at {SHARED.resolve()} "
                    "(set PARLEY_SHARED to point at it)")
    return SHARED.resolve()


def _write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture()
def write_jsonl() -> Callable[[Path, Iterable[dict[str, Any]]], Path]:
    """Write records as JSON Lines (a fixture: test modules do not import conftest)."""
    return _write_jsonl


@pytest.fixture()
def score_py(shared_dir: Path) -> Callable[..., list[str]]:
    """Run shared/tools/score.py and return its output lines."""

    def run(*args: str | Path) -> list[str]:
        proc = subprocess.run(
            [sys.executable, str(shared_dir / "tools" / "score.py"), *map(str, args)],
            capture_output=True, text=True, check=True,
        )
        return proc.stdout.splitlines()

    return run
