"""`parley kb ...` as a user types it."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
import yaml

from parley.cli import kb as kbcli

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "kb"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PARLEY_KB_EXTRA", raising=False)


def cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="parley")
    kbcli.add_parser(parser.add_subparsers(dest="verb"))
    args = parser.parse_args(list(argv))
    return args.func(args)


def test_lookup_prints_hits_and_reasons(capsys) -> None:
    assert cli("kb", "--kb", str(FIXTURES / "small.yaml"), "lookup", "Kord",
               "--date", "2017-03-01") == 0
    out = capsys.readouterr().out
    assert out.index("person:ana_kord") < out.index("person:bo_kord")
    assert "office=Foreign Minister of Freedonia" in out and "in force on 2017-03-01" in out


def test_lookup_shipped_base(capsys) -> None:
    assert cli("kb", "lookup", "the Kremlin", "U.S.") == 0
    out = capsys.readouterr().out
    assert "RUS Russia (country) country=RUS sector=GOV" in out and "USA United States" in out


def test_lookup_unknown_name_exits_1(capsys) -> None:
    assert cli("kb", "lookup", "Nobody Known Here") == 1
    assert "no entry" in capsys.readouterr().out


def test_lookup_json(capsys) -> None:
    cli("kb", "lookup", "--json", "Xinhua")
    assert '"sector": "JRN"' in capsys.readouterr().out


def test_bad_date_is_a_usage_error() -> None:
    with pytest.raises(SystemExit):
        cli("kb", "lookup", "Kord", "--date", "March")


def test_stats(capsys) -> None:
    assert cli("kb", "stats") == 0
    assert "kind_country 250" in capsys.readouterr().out


def test_validate_exit_codes(capsys, tmp_path) -> None:
    assert cli("kb", "--kb", str(FIXTURES / "planted_problems.yaml"), "validate") == 1
    captured = capsys.readouterr()
    assert "duplicate id" in captured.out and "6 error(s)" in captured.err
    clean = tmp_path / "clean.yaml"
    clean.write_text("actors:\n  - {id: org:x, kind: org, name: X Corp, country: FRA,"
                     " sector: BUS, source: test}\n")
    assert cli("kb", "--kb", str(clean), "validate") == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().out


def test_import_petrarch_writes_a_loadable_file(tmp_path, capsys) -> None:
    out = tmp_path / "out.yaml"
    assert cli("kb", "import-petrarch", str(FIXTURES / "sample.actors.txt"), "-o", str(out)) == 0
    assert "took 7 actors" in capsys.readouterr().out
    assert len(yaml.safe_load(out.read_text())["actors"]) == 7
    assert cli("kb", "--kb", str(out), "lookup", "Carl Two", "--date", "2000-01-01") == 0
    assert "country=DEU sector=GOV" in capsys.readouterr().out


def test_import_wikidata(tmp_path, capsys) -> None:
    out = tmp_path / "w.yaml"
    assert cli("kb", "import-wikidata", str(FIXTURES / "entities.jsonl"), "-o", str(out)) == 0
    assert "took 3 actors" in capsys.readouterr().out
    assert "Q900001" in out.read_text()
