"""The one typed place for configuration.

Values come from defaults, then an optional TOML/YAML file named by ROUNDTABLE_CONFIG, then
environment variables ROUNDTABLE_<FIELD> (e.g. ROUNDTABLE_HTTP_READ_TIMEOUT=5), then command-line
flags. Nothing else in the project reads the environment: flows read this object and pass
plain values down to tasks/ and warehouse/.

Everything is checked before any work starts: an unknown key in the file or an unknown
ROUNDTABLE_* variable is an error (with a "did you mean" when a setting's name is close), every
number has a range, and an error names where the bad value came from (the variable, the config
file, or the flag). load_settings raises SettingsError, one line per mistake.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import yaml
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from pydantic_settings import SettingsError as EnvParseError

if TYPE_CHECKING:
    from lake.fs import Lake

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = PROJECT_ROOT / "sample_data" / "articles"
ENV_PREFIX = "ROUNDTABLE_"
# ROUNDTABLE_* names that are not settings but are read elsewhere in the project, so not mistakes
NOT_SETTINGS = {
    "ROUNDTABLE_CONFIG": "the config file (read here)",
    "ROUNDTABLE_HOME": "the deployments' working directory (prefect.yaml)",
    "ROUNDTABLE_CHROMIUM": "the browser the report tests use (tests/browser.py)",
    "ROUNDTABLE_CRASH_SEED": "the kill point of the crash test (tests/test_crash_resume.py)",
    "ROUNDTABLE_SHARED": "where the test suite finds the shared inputs (tests/paths.py)",
    "ROUNDTABLE_REAL_TEXTS": "the real-news texts of the test suite (tests/paths.py)",
    "ROUNDTABLE_QUALITY_REAL_TEXTS": "the quality gate's real-news texts (tests/paths.py)",
}
# settings that were renamed: old name -> new name
RENAMED = {"http_max_bytes": "max_page_bytes"}
# the flags of the command line that set a setting, for error messages
FLAGS = {"data_dir": "--data-dir", "workers": "--workers", "dask_address": "--dask-address", "lake_url": "--lake-url"}
FLAGS["export_text"] = "--text"
_SIZE = re.compile(r"^\s*\d+(\.\d+)?\s*([KMGT]i?B|B)\s*$", re.IGNORECASE)


class SettingsError(ValueError):
    """The configuration is wrong; str() is one line per mistake, each naming where it came from."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid")

    data_dir: Path = Path("data")
    # where the lake lives: unset = DIR/lake on local disk; or any fsspec URL (file:///x,
    # memory://lake, s3://bucket/prefix, gs://bucket/prefix); see docs/lake.md
    lake_url: str | None = None
    # options for the lake's fsspec filesystem (for s3: endpoint_url, key, secret, client_kwargs);
    # as JSON in ROUNDTABLE_LAKE_STORAGE_OPTIONS, a table in the config file
    lake_storage_options: dict[str, Any] = Field(default_factory=dict)
    sample_corpus: Path = SAMPLE_CORPUS
    corrections_file: Path | None = Field(
        default=None, description="analyst corrections YAML; default DIR/corrections.yaml when it exists"
    )

    # HTTP: one client for every fetch, so limits hold everywhere
    user_agent: str = Field("roundtable/0.1 (+news research; contact in README)", min_length=1)
    http_connect_timeout: float = Field(5.0, gt=0)
    http_read_timeout: float = Field(15.0, gt=0)
    # the largest page body read, over HTTP or from a local file (bytes)
    max_page_bytes: int = Field(5 * 1024 * 1024, ge=1)
    http_max_redirects: int = Field(5, ge=0)
    fetch_retries: int = Field(2, ge=0)
    http_total_timeout: float = Field(60.0, gt=0)  # wall clock for one fetch: a slow drip can't hold a worker
    http_trust_env: bool = True  # honour HTTP(S)_PROXY / NO_PROXY from the environment

    # politeness and crawl bounds for web sources (tasks/web/politeness.py, tasks/web/crawl.py)
    crawl_delay: float = Field(1.0, ge=0)  # seconds between two requests to one host
    max_crawl_delay: float = Field(10.0, ge=0)  # a robots.txt Crawl-delay is honoured up to this
    crawl_concurrency: int = Field(4, ge=1)  # hosts fetched at the same time (one request at a time per host)
    retry_backoff: float = Field(1.0, ge=0)  # first wait before retrying a 429/5xx; doubles
    max_retry_wait: float = Field(30.0, ge=0)  # longest Retry-After honoured within a run
    permanent_retry_days: float = Field(30.0, ge=0)  # a 404/410/wrong-type page is tried again after this long
    max_fetch_attempts: int = Field(5, ge=1)  # transient failures in a row before a page is given up on
    max_links_per_source: int = Field(5000, ge=1)
    max_sitemaps_per_source: int = Field(50, ge=1)
    stale_source_runs: int = Field(5, ge=1)  # a feed/sitemap with nothing new for this many runs is flagged
    empty_pages_alarm: int = Field(3, ge=1)  # a source whose last N pages gave no article text is flagged

    # text bounds before parsing: a huge page costs at most this much work
    max_html_chars: int = Field(3_000_000, ge=1)
    max_text_chars: int = Field(500_000, ge=1)

    # batching: a Prefect task run costs about 70 ms of CPU (the flow's client and the API server together),
    # cleaning and extracting an article about 10 ms. Web pages go through in fetch batches of batch_size;
    # local files, cheap to read, in batches of file_batch_size (four task runs a batch)
    batch_size: int = Field(200, ge=1)
    file_batch_size: int = Field(1000, ge=1)
    workers: int = Field(default_factory=lambda: max(1, (os.cpu_count() or 1)), ge=1)
    dask_address: str | None = None  # run CPU work on this Dask scheduler (prefect-dask) instead of locally

    # exports
    export_text: Literal["full", "excerpt", "none"] = "full"
    articles_partition_threshold: int = Field(50_000, ge=0)

    # which negotiations to follow: side sets such as "RU,UA,US" or "IL,org:hamas" (a round is kept
    # when at least two of its sides are in one set); empty = every negotiation. Applied in the
    # warehouse, so widening it needs no re-extraction. ROUNDTABLE_ONLY takes "RU,UA,US;IL,org:hamas".
    only: Annotated[list[str], NoDecode] = Field(default_factory=list)

    # `roundtable query`: a query is stopped past either limit (the memory cap is the build's)
    query_timeout: float = Field(60.0, gt=0)  # seconds
    query_memory_limit: str = "512MB"  # DuckDB's memory_limit: 512MB, 2GB, ...

    @field_validator("only", mode="before")
    @classmethod
    def _side_sets(cls, value: Any) -> Any:
        from warehouse.scope import parse_only  # checked now: a misspelled side stops the run before any work

        if isinstance(value, str):
            value = [v for v in value.split(";") if v.strip()]
        if isinstance(value, list | tuple):
            parse_only(str(v) for v in value)  # raises ScopeError (a ValueError) with the bad side named
            return [str(v) for v in value]
        return value

    @property
    def scope(self) -> list[frozenset[str]]:
        """The followed side sets, normalised (empty: every negotiation)."""
        from warehouse.scope import parse_only

        return parse_only(self.only)

    @field_validator("query_memory_limit")
    @classmethod
    def _a_size(cls, value: str) -> str:
        if not _SIZE.match(value):
            raise ValueError("must be a size such as 512MB or 2GB")
        return value.strip()

    @property
    def lake(self) -> Lake:
        """The lake: DIR/lake on local disk unless `lake_url` names another place. The warehouse
        file, the exports and the build stamp stay on local disk in DIR either way."""
        from lake.fs import open_lake  # pyarrow, DuckDB and fsspec: only for commands that need the lake

        return open_lake(self.lake_url or self.data_dir / "lake", self.lake_storage_options)

    @property
    def warehouse_path(self) -> Path:
        return self.data_dir / "warehouse.duckdb"

    @property
    def build_stamp_file(self) -> Path:
        """What the current warehouse and exports were built from (see flows.rebuild.build_stamp)."""
        return self.data_dir / ".last-build"

    @property
    def exports_dir(self) -> Path:
        return self.data_dir / "exports"

    def corrections_path(self) -> Path | None:
        if self.corrections_file is not None:
            return self.corrections_file
        default = self.data_dir / "corrections.yaml"
        return default if default.exists() else None


def _suggest(name: str, candidates: list[str], shown: str = "{}") -> str:
    """' (did you mean X?)' for the closest candidate (difflib), formatted by `shown`; '' if none is close."""
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return f" (did you mean {shown.format(close[0])}?)" if close else ""


def _file_values(path: str | None) -> tuple[dict[str, Any], list[str]]:
    """The config file's values, and its mistakes (each naming the file)."""
    if not path:
        return {}, []
    p = Path(path)
    kind = "TOML" if p.suffix.lower() == ".toml" else "YAML"
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        return {}, [f"config file {p} (ROUNDTABLE_CONFIG): cannot be read: {reason}"]
    try:
        data = tomllib.loads(text) if kind == "TOML" else yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        return {}, [f"config file {p}: not valid {kind}: {' '.join(str(exc).split())}"]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [f"config file {p}: must be a mapping of setting = value, not a {type(data).__name__}"]
    names = list(Settings.model_fields)
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in data.items():
        key = str(key)
        if key in names:
            values[key] = value
        elif key in RENAMED:
            problems.append(f"config file {p}: setting {key!r} is now called {RENAMED[key]!r}")
        else:
            hint = _suggest(key, names, "'{}'")
            problems.append(f"config file {p}: unknown setting {key!r}{hint}")
    return values, problems


def _env_problems() -> list[str]:
    known = {ENV_PREFIX + name.upper() for name in Settings.model_fields}
    problems = []
    for name in sorted(os.environ):
        upper = name.upper()
        if not upper.startswith(ENV_PREFIX) or upper in known or upper in NOT_SETTINGS:
            continue
        old = upper.removeprefix(ENV_PREFIX).lower()
        if old in RENAMED:
            problems.append(f"{name}: this setting is now called {ENV_PREFIX}{RENAMED[old].upper()}")
        else:
            names = sorted(n.removeprefix(ENV_PREFIX) for n in known | set(NOT_SETTINGS))
            hint = _suggest(upper.removeprefix(ENV_PREFIX), names, ENV_PREFIX + "{}")
            problems.append(f"unknown setting {name}{hint}")
    return problems


def _origin(field: str, given: dict[str, Any], file_values: dict[str, Any], config: str | None) -> str:
    """Where a setting's value came from, as the user would write it."""
    if field in given:
        return FLAGS.get(field, field)
    env = ENV_PREFIX + field.upper()
    if any(name.upper() == env for name in os.environ):
        return env
    if field in file_values:
        return f"config file {config}: {field}"
    return field


def env_or_key(field: str) -> str:
    """How to name a setting in a message: 'query_timeout / ROUNDTABLE_QUERY_TIMEOUT'."""
    return f"{field} / {ENV_PREFIX}{field.upper()}"


def load_settings(**overrides: Any) -> Settings:
    """Defaults < config file < environment < explicit overrides (None means 'not given').

    Raises SettingsError (one line per mistake) for an unknown or misspelled setting, a value
    out of range or of the wrong kind, or a config file that cannot be read."""
    given = {k: v for k, v in overrides.items() if v is not None}
    config = os.environ.get("ROUNDTABLE_CONFIG")
    from_file, problems = _file_values(config)
    problems += _env_problems()
    env_names = {name.upper() for name in os.environ}
    file_values = {k: v for k, v in from_file.items() if ENV_PREFIX + k.upper() not in env_names}
    settings = None
    try:
        settings = Settings(**{**file_values, **given})
    except ValidationError as exc:
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else "?"
            got = error.get("input")
            shown = "" if isinstance(got, dict) and field not in Settings.model_fields else f" (got {_show(got)})"
            problems.append(f"{_origin(field, given, file_values, config)}: {_message(error)}{shown}")
    except EnvParseError as exc:
        field = next((f for f in Settings.model_fields if f'"{f}"' in str(exc)), "")
        problems.append(f"{ENV_PREFIX}{field.upper()}: cannot be read: {' '.join(str(exc).split())}")
    if problems:
        raise SettingsError("\n".join(problems))
    assert settings is not None
    return settings


def _message(error: Any) -> str:
    if error["type"] == "literal_error":
        return "must be " + error["msg"].removeprefix("Input should be ")
    return error["msg"].removeprefix("Value error, ").replace("Input should be", "must be")


def _show(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        return repr(value)
