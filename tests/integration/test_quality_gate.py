"""The quality gate: each pinned figure on each gold set must meet its floor.

Floors and the gold files' sha256 are in benchmarks/quality/floors.json; raise them with
``python benchmarks/quality/gate.py --raise``. Skips when the shared gold sets are absent
or differ from the pinned ones.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

from parley.evaluation.gate import check, gold_mismatches, load_floors

pytestmark = [pytest.mark.slow, pytest.mark.model, pytest.mark.gold]

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("PARLEY_SHARED") or ROOT / ".." / "shared").resolve()
FLOORS = ROOT / "benchmarks" / "quality" / "floors.json"


def _gate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("parley_quality_gate", ROOT / "benchmarks" / "quality" / "gate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GATE = _gate()


@pytest.fixture(scope="module")
def floors() -> dict:
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"gold sets not found at {SHARED / 'eval'}; set PARLEY_SHARED to the shared directory")
    return load_floors(FLOORS)


@pytest.mark.parametrize("name", list(GATE.GOLDS))
def test_figures_meet_their_floors(name: str, floors: dict, request: pytest.FixtureRequest) -> None:
    entry = floors["gold"].get(name)
    if not entry:
        pytest.skip(f"no floors pinned for {name} in {FLOORS}; run benchmarks/quality/gate.py --raise")
    one = {"margins": floors["margins"], "gold": {name: entry}}
    problems = gold_mismatches(one, SHARED)
    if problems:
        pytest.skip(f"gold set differs from the pinned one: {problems[0]}")
    pipeline = request.getfixturevalue("pipeline")  # tests/conftest.py: once a session, lazily
    measured = {name: GATE.measure_one(name, GATE.GOLDS[name], pipeline, SHARED)}
    failures = check(one, measured)
    assert not failures, (f"{len(failures)} figure(s) on {SHARED / name} below their floors "
                          f"in {FLOORS.relative_to(ROOT)}:\n  " + "\n  ".join(map(str, failures)))
