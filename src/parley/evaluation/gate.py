"""The quality gate: floors for the main figures, pinned with each gold file's sha256.

``floors.json`` (in ``benchmarks/quality/``) looks like::

    {"margins": {"default": 0.02, "f1.": 0.10},
     "gold": {"eval/plover_gsr_dev.jsonl": {"kind": "events", "sha256": "...",
                                            "figures": {"type_f1": 0.41, ...}}, ...}}

Gold paths are relative to the shared directory; ``name#A`` / ``name#B`` are the two fixed
halves of a gold file (its sha256 pins both). A figure fails when it is below its
floor. Raising sets each floor to ``max(old floor, figure - margin)``; a floor only goes
down (or a gold file with a new sha256 is re-pinned) with ``allow_regression``. The margin
of a figure is the one whose key is the longest prefix of its name, else ``default``.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.errors import ConfigError
from parley.evaluation.gold import sha256_of

logger = logging.getLogger(__name__)

DEFAULT_MARGINS = {"default": 0.02, "f1.": 0.10}
Measured = dict[str, dict[str, float]]  # gold name -> figure -> value


@dataclass(frozen=True, slots=True)
class Failure:
    gold: str
    figure: str
    value: float
    floor: float

    def __str__(self) -> str:
        return (f"{self.figure} = {self.value:.3f} on {self.gold} is below its floor "
                f"{self.floor:.3f}")


def gold_path(name: str) -> str:
    """The gold file a gate entry reads: ``eval/quotes_dev.jsonl#A`` is half A of
    ``eval/quotes_dev.jsonl`` (``parley.evaluation.half_of``)."""
    return name.split("#", 1)[0]


def load_floors(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"margins": dict(DEFAULT_MARGINS), "gold": {}}
    except json.JSONDecodeError as exc:
        raise ConfigError(f"floors file {str(path)!r} is not valid JSON (line {exc.lineno}: "
                          f"{exc.msg}); fix it or rebuild it with gate.py --raise") from exc
    if not isinstance(data.get("gold"), dict):
        raise ConfigError(f"floors file {str(path)!r} has no 'gold' object; expected "
                          "{'margins': {...}, 'gold': {name: {'sha256', 'figures'}}}")
    data.setdefault("margins", dict(DEFAULT_MARGINS))
    return data


def save_floors(floors: dict[str, Any], path: str | Path) -> None:
    Path(path).write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def margin_for(figure: str, margins: dict[str, float]) -> float:
    keys = [k for k in margins if k != "default" and figure.startswith(k)]
    if not keys:
        return float(margins.get("default", DEFAULT_MARGINS["default"]))
    return float(margins[max(keys, key=len)])


def gold_mismatches(floors: dict[str, Any], shared_dir: Path) -> list[str]:
    """Why the pinned gold files cannot be used: missing, or a different sha256."""
    problems = []
    for name, entry in floors["gold"].items():
        path = shared_dir / gold_path(name)
        if not path.is_file():
            problems.append(f"{path} is missing")
            continue
        digest = sha256_of(path)
        if digest != entry.get("sha256"):
            problems.append(f"{path} has sha256 {digest[:12]}..., floors pin "
                            f"{str(entry.get('sha256'))[:12]}...: re-pin with gate.py --raise "
                            "--allow-regression after checking the change")
    return problems


def check(floors: dict[str, Any], measured: Measured) -> list[Failure]:
    """Every pinned figure that is below its floor or was not measured (value NaN)."""
    failures = []
    for name, entry in floors["gold"].items():
        got = measured.get(name, {})
        for figure, floor in sorted(entry.get("figures", {}).items()):
            value = got.get(figure, math.nan)
            if math.isnan(value) or value < floor:
                failures.append(Failure(name, figure, value, floor))
    return failures


def _floor_down(value: float) -> float:
    return max(0.0, math.floor(round(value * 1000, 6)) / 1000)


def raise_floors(
    floors: dict[str, Any],
    measured: Measured,
    shared_dir: Path,
    kinds: dict[str, dict[str, Any]],
    allow_regression: bool = False,
) -> tuple[dict[str, Any], list[str]]:
    """New floors from measured figures, and lines saying what changed.

    ``kinds`` gives, per gold name, the fixed entry fields (``kind``, ``subset`` ...).
    Without ``allow_regression`` no floor goes down and a gold file whose sha256 changed
    is refused with ConfigError.
    """
    margins = floors.get("margins") or dict(DEFAULT_MARGINS)
    new: dict[str, Any] = {"margins": margins, "gold": {}}
    notes: list[str] = []
    for name, figures in sorted(measured.items()):
        old = floors["gold"].get(name, {})
        digest = sha256_of(shared_dir / gold_path(name))
        if old and old.get("sha256") != digest and not allow_regression:
            raise ConfigError(
                f"gold file {name} changed (sha256 {digest[:12]}... against the pinned "
                f"{str(old.get('sha256'))[:12]}...); its old floors do not apply. Re-pin with "
                "--allow-regression after checking the change"
            )
        same_gold = old.get("sha256") == digest
        old_figures = old.get("figures", {}) if same_gold else {}
        pinned: dict[str, float] = {}
        for figure, value in sorted(figures.items()):
            if math.isnan(value):
                continue
            target = _floor_down(value - margin_for(figure, margins))
            before = old_figures.get(figure)
            if before is not None and target < before and not allow_regression:
                below = "BELOW the floor: the gate fails" if value < before else "within the margin"
                notes.append(f"kept {name} {figure} floor {before:.3f} (measured {value:.3f}, "
                             f"{below}; lowering needs --allow-regression)")
                target = before
            if target <= 0 and not before:
                continue  # a zero floor guards nothing
            if before is None or target != before:
                was = "new" if before is None else f"{before:.3f}"
                notes.append(f"{name} {figure}: {was} -> {target:.3f} (measured {value:.3f})")
            pinned[figure] = target
        for figure, before in old_figures.items():
            if figure not in pinned and not allow_regression:
                pinned[figure] = before
                notes.append(f"kept {name} {figure} floor {before:.3f} (not measured now)")
        new["gold"][name] = {**kinds.get(name, {}), "sha256": digest, "figures": pinned}
    for name, entry in floors["gold"].items():
        if name not in new["gold"]:
            new["gold"][name] = entry
    return new, notes
