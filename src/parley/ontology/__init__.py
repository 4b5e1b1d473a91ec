"""PLOVER types, modes, scores and the CAMEO crosswalk, loaded from package data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from parley.errors import ConfigError
from parley.model import PLOVER_TYPES


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    quad: int
    score: float
    modes: dict[str, float]

    def intensity(self, modes: tuple[str, ...] = ()) -> float:
        """The PLOVER score of the type, or of its first scored mode."""
        for m in modes:
            if m in self.modes:
                return float(self.modes[m])
        return float(self.score)


@dataclass(frozen=True, slots=True)
class Ontology:
    types: dict[str, EventType]
    contexts: frozenset[str]
    sectors: frozenset[str]

    def type(self, name: str) -> EventType:
        try:
            return self.types[name]
        except KeyError:
            raise ConfigError(
                f"unknown PLOVER event type {name!r}; valid types: {', '.join(self.types)}"
            ) from None

    def check_mode(self, event: str, mode: str) -> None:
        if mode not in self.type(event).modes:
            raise ConfigError(
                f"mode {mode!r} is not a mode of {event}; valid: {sorted(self.type(event).modes)}"
            )


@lru_cache(maxsize=1)
def ontology() -> Ontology:
    raw = yaml.safe_load(resources.files(__package__).joinpath("plover.yaml").read_text("utf-8"))
    types = {
        name: EventType(name, int(v["quad"]), float(v["score"]), dict(v.get("modes") or {}))
        for name, v in raw["types"].items()
    }
    if tuple(types) != PLOVER_TYPES:
        raise ConfigError("plover.yaml must list the 16 PLOVER types in the manual's order")
    return Ontology(types, frozenset(raw["contexts"]), frozenset(raw["sectors"]))


_CROSSWALK_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?(?:,\s*([^#]*))?")


def load_cameo_crosswalk(path: Path) -> dict[str, tuple[str, str | None, str | None]]:
    """Read PLOVER's CAMEO2PLOVER table: CAMEO code -> (type, mode, context)."""
    out: dict[str, tuple[str, str | None, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _CROSSWALK_LINE.match(line.strip())
        if not m:
            continue
        code, typ, mode, ctx = m.groups()
        out[code] = (typ, (mode or "").strip() or None, (ctx or "").strip() or None)
    return out
