"""The one typed place for configuration.

Values come from defaults, then an optional TOML/YAML file named by ROUNDTABLE_CONFIG, then
environment variables ROUNDTABLE_<FIELD> (e.g. ROUNDTABLE_HTTP_TIMEOUT=5), then command-line
flags. Nothing else in the project reads the environment: flows read this object and pass
plain values down to tasks/ and warehouse/.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

if TYPE_CHECKING:
    from tasks.lakefs import Lake

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = PROJECT_ROOT / "sample_data" / "articles"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ROUNDTABLE_", extra="ignore")

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
    user_agent: str = "roundtable/0.1 (+news research; contact in README)"
    http_connect_timeout: float = 5.0
    http_read_timeout: float = 15.0
    http_max_bytes: int = 5 * 1024 * 1024
    http_max_redirects: int = 5
    fetch_retries: int = 2
    http_total_timeout: float = 60.0  # wall clock for one fetch: a slow drip can't hold a worker
    http_trust_env: bool = True  # honour HTTP(S)_PROXY / NO_PROXY from the environment

    # politeness and crawl bounds for web sources (tasks/politeness.py, tasks/crawl.py)
    crawl_delay: float = 1.0  # seconds between two requests to one host
    max_crawl_delay: float = 10.0  # a robots.txt Crawl-delay is honoured up to this
    crawl_concurrency: int = 4  # hosts fetched at the same time (one request at a time per host)
    retry_backoff: float = 1.0  # first wait before retrying a 429/5xx; doubles
    max_retry_wait: float = 30.0  # longest Retry-After honoured within a run
    permanent_retry_days: float = 30.0  # a 404/410/wrong-type page is tried again after this long
    max_fetch_attempts: int = 5  # transient failures in a row before a page is given up on
    max_links_per_source: int = 5000
    max_sitemaps_per_source: int = 50
    stale_source_runs: int = 5  # a feed/sitemap with nothing new for this many runs is flagged
    empty_pages_alarm: int = 3  # a source whose last N pages gave no article text is flagged

    # text bounds before parsing: a huge page costs at most this much work
    max_html_chars: int = 3_000_000
    max_text_chars: int = 500_000

    # batching: a task run costs milliseconds, an article's extraction about as much
    batch_size: int = 200
    workers: int = Field(default_factory=lambda: max(1, (os.cpu_count() or 1)))
    dask_address: str | None = None  # run CPU work on this Dask scheduler (prefect-dask) instead of locally

    # exports
    export_text: str = "full"  # full | excerpt | none
    articles_partition_threshold: int = 50_000

    @property
    def lake(self) -> Lake:
        """The lake: DIR/lake on local disk unless `lake_url` names another place. The warehouse
        file, the exports and the build stamp stay on local disk in DIR either way."""
        from tasks.lakefs import open_lake  # pyarrow, DuckDB and fsspec: only for commands that need the lake

        return open_lake(self.lake_url or self.data_dir / "lake", self.lake_storage_options)

    @property
    def warehouse_path(self) -> Path:
        return self.data_dir / "warehouse.duckdb"

    @property
    def build_stamp_file(self) -> Path:
        """What the current warehouse and exports were built from (see flows.pipeline.build_stamp)."""
        return self.data_dir / ".last-build"

    @property
    def exports_dir(self) -> Path:
        return self.data_dir / "exports"

    def corrections_path(self) -> Path | None:
        if self.corrections_file is not None:
            return self.corrections_file
        default = self.data_dir / "corrections.yaml"
        return default if default.exists() else None


def _file_values() -> dict[str, Any]:
    path = os.environ.get("ROUNDTABLE_CONFIG")
    if not path:
        return {}
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    data = tomllib.loads(text) if p.suffix == ".toml" else yaml.safe_load(text)
    return dict(data or {})


def load_settings(**overrides: Any) -> Settings:
    """Defaults < config file < environment < explicit overrides (None means 'not given')."""
    given = {k: v for k, v in overrides.items() if v is not None}
    file_values = {k: v for k, v in _file_values().items() if f"ROUNDTABLE_{k.upper()}" not in os.environ}
    return Settings(**{**file_values, **given})
