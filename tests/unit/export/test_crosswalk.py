"""The shipped PLOVER -> CAMEO table and the rules that pick one CAMEO code."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.export.crosswalk import cameo_code, reverse, shipped, write_table
from parley.ontology import PLOVER_TYPES, load_cameo_crosswalk


def test_every_plover_type_has_a_code_with_its_own_root() -> None:
    for event in PLOVER_TYPES:
        code = cameo_code(event)
        assert code is not None and len(code) >= 3, event
    assert cameo_code("ACCUSE") == "110"        # home root 11, not 09 (investigate)
    assert cameo_code("RETREAT") == "084"       # 080 is CONCEDE's
    assert cameo_code("CONSULT", ["visit"]) == "042"
    assert cameo_code("ASSAULT", ["firearms"]) == "193"
    assert cameo_code("ASSAULT", [], ["military"]) == "190"
    assert cameo_code("CONSULT", ["no-such-mode"]) == "040"   # falls back to the type
    assert cameo_code("NOT-A-TYPE") is None


def test_reverse_rules_on_a_small_table() -> None:
    table = reverse({"04": ("CONSULT", None, None), "040": ("CONSULT", None, None),
                     "042": ("CONSULT", "visit", None), "0421": ("CONSULT", "visit", "economic"),
                     "163": ("COERCE", "restrict", "diplomatic"),
                     "172": ("COERCE", "restrict", "executive"), "170": ("COERCE", None, None)})
    assert table[("CONSULT", "", "")] == "040"
    assert table[("CONSULT", "visit", "economic")] == "0421"
    assert table[("COERCE", "restrict", "")] == "172"   # home root 17 beats 163
    assert ("CONSULT", "", "") in table and ("04", "", "") not in table


def test_shipped_table_is_what_the_importer_makes(shared_dir: Path, tmp_path: Path) -> None:
    source = shared_dir / "plover" / "CAMEO2PLOVER-2021.txt"
    if not source.exists():
        pytest.skip(f"{source} not found")
    write_table(reverse(load_cameo_crosswalk(source)), tmp_path / "t.tsv")
    from parley.export import crosswalk

    shipped_text = (Path(crosswalk.__file__).with_name("plover2cameo.tsv")).read_text("utf-8")
    assert (tmp_path / "t.tsv").read_text("utf-8") == shipped_text
    assert "CC BY-SA 4.0" in shipped_text
    assert len(shipped()) > 200
