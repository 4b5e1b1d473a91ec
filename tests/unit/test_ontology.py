"""PLOVER types, quad categories, scores and modes, and the CAMEO crosswalk reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.errors import ConfigError
from parley.model import PLOVER_TYPES
from parley.ontology import load_cameo_crosswalk, ontology


def test_sixteen_types_in_the_manuals_order() -> None:
    assert tuple(ontology().types) == PLOVER_TYPES
    assert len(PLOVER_TYPES) == 16


@pytest.mark.parametrize(
    ("event", "quad", "sign"),
    [
        ("AGREE", 1, 1), ("CONSULT", 1, 1), ("SUPPORT", 1, 1), ("CONCEDE", 1, 1),
        ("COOPERATE", 2, 1), ("AID", 2, 1), ("RETREAT", 2, 1),
        ("REQUEST", 3, 0), ("ACCUSE", 3, -1), ("REJECT", 3, -1), ("THREATEN", 3, -1),
        ("PROTEST", 4, -1), ("SANCTION", 4, -1), ("MOBILIZE", 4, -1), ("COERCE", 4, -1),
        ("ASSAULT", 4, -1),
    ],
)
def test_quad_and_score_sign(event: str, quad: int, sign: int) -> None:
    t = ontology().type(event)
    assert t.quad == quad
    assert (t.score > 0) - (t.score < 0) == sign
    assert -10 <= t.score <= 10
    assert all(-10 <= v <= 10 for v in t.modes.values())


@pytest.mark.parametrize(
    ("event", "modes", "expected"),
    [
        ("CONSULT", (), 2.5),
        ("CONSULT", ("visit",), 4.0),
        ("CONSULT", ("phone",), 1.5),
        ("CONSULT", ("unscored", "phone"), 1.5),  # the first scored mode
        ("ASSAULT", ("aerial",), -9.5),
        ("ACCUSE", (), -3.0),
    ],
)
def test_intensity(event: str, modes: tuple[str, ...], expected: float) -> None:
    assert ontology().type(event).intensity(modes) == expected


def test_unknown_type_lists_the_valid_ones() -> None:
    with pytest.raises(ConfigError, match=r"'PARLEY'.*AGREE.*ASSAULT"):
        ontology().type("PARLEY")


def test_check_mode() -> None:
    ontology().check_mode("CONSULT", "visit")
    with pytest.raises(ConfigError, match=r"'teleport'.*CONSULT.*visit"):
        ontology().check_mode("CONSULT", "teleport")


@pytest.mark.parametrize("sector", ["GOV", "MIL", "JRN", "REB", "PTY", "IGO", "NGO", "OPP"])
def test_plover_sectors(sector: str) -> None:
    assert sector in ontology().sectors


@pytest.mark.parametrize("context", ["political", "military", "economic", "human_rights"])
def test_plover_contexts(context: str) -> None:
    assert context in ontology().contexts


def test_cameo_crosswalk(tmp_path: Path) -> None:
    path = tmp_path / "CAMEO2PLOVER.txt"
    path.write_text("# a comment\n"
                    "040: CONSULT\n"
                    "042: CONSULT, visit\n"
                    "1724: COERCE, arrest, political  # note\n"
                    "not a line\n", encoding="utf-8")
    table = load_cameo_crosswalk(path)
    assert table == {
        "040": ("CONSULT", None, None),
        "042": ("CONSULT", "visit", None),
        "1724": ("COERCE", "arrest", "political"),
    }
