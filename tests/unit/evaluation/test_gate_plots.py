"""The quality gate's floor logic, and the event plot."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from parley.errors import ConfigError
from parley.evaluation import score_events
from parley.evaluation.gate import (
    check,
    gold_mismatches,
    load_floors,
    margin_for,
    raise_floors,
    save_floors,
)
from parley.evaluation.gold import sha256_of
from parley.evaluation.plots import plot_events


@pytest.fixture()
def shared(tmp_path: Path) -> Path:
    (tmp_path / "eval").mkdir()
    (tmp_path / "eval" / "g.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    return tmp_path


def pinned(shared: Path, **figures: float) -> dict:
    return {"margins": {"default": 0.02, "f1.": 0.1},
            "gold": {"eval/g.jsonl": {"kind": "events", "sha256": sha256_of(shared / "eval/g.jsonl"),
                                      "figures": figures}}}


@pytest.mark.parametrize(("figure", "margin"), [("type_f1", 0.02), ("f1.AGREE", 0.1), ("f1", 0.02)])
def test_margin_is_longest_prefix(figure: str, margin: float) -> None:
    assert margin_for(figure, {"default": 0.02, "f1.": 0.1}) == margin


CHECKS = [
    ("above the floor passes", {"type_f1": 0.5}, []),
    ("at the floor passes", {"type_f1": 0.4}, []),
    ("below the floor fails", {"type_f1": 0.39}, ["type_f1"]),
    ("not measured fails", {}, ["type_f1"]),
]


@pytest.mark.parametrize(("name", "measured", "failing"), CHECKS, ids=[c[0] for c in CHECKS])
def test_check(shared: Path, name: str, measured: dict, failing: list[str]) -> None:
    failures = check(pinned(shared, type_f1=0.4), {"eval/g.jsonl": measured})
    assert [f.figure for f in failures] == failing


def test_failure_message_names_figure_floor_and_gold(shared: Path) -> None:
    (failure,) = check(pinned(shared, type_f1=0.4), {"eval/g.jsonl": {"type_f1": 0.25}})
    assert str(failure) == "type_f1 = 0.250 on eval/g.jsonl is below its floor 0.400"


def test_raise_moves_floors_up_only(shared: Path) -> None:
    floors = pinned(shared, type_f1=0.4, with_actors_f1=0.3)
    new, notes = raise_floors(floors, {"eval/g.jsonl": {"type_f1": 0.5, "with_actors_f1": 0.2}},
                              shared, {"eval/g.jsonl": {"kind": "events"}})
    figures = new["gold"]["eval/g.jsonl"]["figures"]
    assert figures == {"type_f1": 0.48, "with_actors_f1": 0.3}
    assert any("lowering needs --allow-regression" in n for n in notes)


def test_allow_regression_lowers_floors(shared: Path) -> None:
    floors = pinned(shared, type_f1=0.4)
    new, _ = raise_floors(floors, {"eval/g.jsonl": {"type_f1": 0.3}}, shared, {},
                          allow_regression=True)
    assert math.isclose(new["gold"]["eval/g.jsonl"]["figures"]["type_f1"], 0.28)


def test_changed_gold_is_refused_then_repinned_with_flag(shared: Path) -> None:
    floors = pinned(shared, type_f1=0.4)
    (shared / "eval" / "g.jsonl").write_text('{"id": "y"}\n', encoding="utf-8")
    assert "sha256" in gold_mismatches(floors, shared)[0]
    with pytest.raises(ConfigError, match="changed"):
        raise_floors(floors, {"eval/g.jsonl": {"type_f1": 0.3}}, shared, {})
    new, _ = raise_floors(floors, {"eval/g.jsonl": {"type_f1": 0.3}}, shared, {},
                          allow_regression=True)
    assert new["gold"]["eval/g.jsonl"]["sha256"] == sha256_of(shared / "eval" / "g.jsonl")


def test_floors_round_trip(tmp_path: Path, shared: Path) -> None:
    path = tmp_path / "floors.json"
    assert load_floors(path)["gold"] == {}
    save_floors(pinned(shared, type_f1=0.4), path)
    assert load_floors(path)["gold"]["eval/g.jsonl"]["figures"] == {"type_f1": 0.4}
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid JSON"):
        load_floors(path)


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_plot_writes_image(tmp_path: Path, suffix: str) -> None:
    record = {"id": "r", "dataset": "x", "expect": "events",
              "gold": [{"plover": "AGREE", "source": "FRA"}, {"plover": "ACCUSE", "source": "USA"}]}
    pred = {"id": "r", "events": [{"event": "AGREE"}, {"event": "REJECT"}]}
    out = plot_events(score_events([record], [pred]), tmp_path / f"events{suffix}")
    head = out.read_bytes()[:64]
    assert head.startswith(b"\x89PNG") if suffix == ".png" else b"<?xml" in head


def test_plot_refuses_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="suffix '.bmp'"):
        plot_events(score_events([], []), tmp_path / "events.bmp")


def test_a_half_entry_is_pinned_by_its_gold_file(shared: Path) -> None:
    from parley.evaluation.gate import gold_path

    assert gold_path("eval/g.jsonl#A") == "eval/g.jsonl"
    measured = {"eval/g.jsonl#A": {"p": 0.9}, "eval/g.jsonl#B": {"p": 0.8}}
    new, _ = raise_floors({"margins": {"default": 0.02}, "gold": {}}, measured, shared,
                          {"eval/g.jsonl#A": {"kind": "quotes", "half": "A"},
                           "eval/g.jsonl#B": {"kind": "quotes", "half": "B"}})
    assert new["gold"]["eval/g.jsonl#A"]["sha256"] == sha256_of(shared / "eval/g.jsonl")
    assert new["gold"]["eval/g.jsonl#A"]["figures"] == {"p": 0.88}
    assert new["gold"]["eval/g.jsonl#B"]["half"] == "B"
    assert gold_mismatches(new, shared) == []
    (shared / "eval" / "g.jsonl").write_text('{"id": "y"}\n', encoding="utf-8")
    assert len(gold_mismatches(new, shared)) == 2
