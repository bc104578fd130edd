"""The main flow: sources → raw pages → articles → mentions/events → warehouse → exports.

One Prefect flow run; each stage runs as batches of Prefect tasks that read what the previous
stage left in the lake, so a killed run is finished by the next, and a re-run on the same
input does nothing new. This module only orders the steps; each lives in its own module:

    flows/batches.py   recovery, local files, pages and articles through the stages, in batches
    flows/web.py       web sources: discovery, polite fetching, sources that broke silently
    flows/rebuild.py   the warehouse and exports, rebuilt when their inputs changed
    flows/artifacts.py what the run leaves in the Prefect UI (summary, changed rounds, events)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow
from pydantic import BaseModel, ConfigDict, Field

from flows import parallel
from flows.artifacts import publish_artifacts
from flows.batches import Batches
from flows.compute import task_runner_for
from flows.progress import Reporter
from flows.rebuild import rebuild, sweep_leftovers
from flows.settings import Settings, load_settings
from flows.summary import RunSummary
from flows.web import check_sources, ingest_web, web_sources
from lake import store
from tasks.discover import discover_local


class RunRequest(BaseModel):
    """What one run reads. With no input and no web source at all, the bundled sample corpus
    (unless `use_sample` is false)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    inputs: list[str] = Field(default_factory=list, description="files or folders of .txt/.html/.htm articles")
    urls: list[str] = Field(default_factory=list, description="pages to fetch over HTTP")
    feeds: list[str] = Field(default_factory=list, description="RSS or Atom feeds")
    sitemaps: list[str] = Field(default_factory=list, description="sitemaps or sitemap indexes")
    sources_file: str | None = Field(None, description="a YAML file of web sources (docs/sources.example.yaml)")
    refetch: bool = Field(False, description="fetch stored pages and earlier permanent failures again")
    use_sample: bool = Field(True, description="no input at all: run on the bundled sample corpus")

    @property
    def given_nothing(self) -> bool:
        return not (self.inputs or self.urls or self.feeds or self.sitemaps or self.sources_file)


@flow(name="roundtable", log_prints=False)
def pipeline(
    request: RunRequest | None = None, settings: dict[str, Any] | None = None, reporter: Reporter | None = None
) -> RunSummary:
    """Run the whole pipeline on `request`'s inputs. `settings` overrides configured settings for this
    run (data_dir, workers, lake_url, only, ...: flows/settings.py), checked before any work. A
    `reporter` gets the progress lines (default: the flow run's log). With a `dask_address` setting,
    run it as `pipeline_on(dask_address)` so CPU tasks go to that cluster."""
    summary = run_pipeline(load_settings(**(settings or {})), request or RunRequest(), reporter or Reporter())
    if not summary.processed_anything:
        # a failed flow run, so Prefect's notifications (automations) can catch a broken schedule
        raise NothingProcessed(summary)
    return summary


def run_pipeline(settings: Settings, request: RunRequest, reporter: Reporter) -> RunSummary:
    """The flow body (called inside a flow run)."""
    say, summary, lake = reporter.say, RunSummary(), settings.lake
    lake.ensure()
    store.sweep_temporaries(lake)
    sweep_leftovers(settings)  # what a killed run left beside the warehouse and the exports
    sources, source_problems = web_sources(request.urls, request.feeds, request.sitemaps, request.sources_file)
    inputs = request.inputs
    if request.given_nothing and request.use_sample:
        inputs = [str(settings.sample_corpus)]
        say(f"no input given: using the bundled sample corpus ({settings.sample_corpus})")

    found = discover_local([Path(p) for p in inputs])  # web sources go through flows.web (politeness, feeds, sitemaps)
    summary.inputs = len(found.items)
    for problem in found.problems + source_problems:
        summary.fail(problem.uri, problem.reason, say)
    files = [i for i in found.items if i.origin == "file"]

    batches = Batches(settings, lake, summary, reporter)
    batches.recover()
    say(f"ingest: {len(files)} file(s), {len(sources)} web source(s)")
    batches.files(files)
    ingest_web(settings, sources, summary, refetch=request.refetch, say=say, on_pages=batches.pages)
    batches.drain()
    say(f"articles: {summary.articles_new} new, {summary.duplicates} duplicate(s); {summary.extracted} extracted")
    summary.warnings = check_sources(settings, sources, say)

    parallel.shutdown()  # the CPU pool's memory is not needed while DuckDB builds
    rebuild(settings, lake, summary, say)
    publish_artifacts(summary.as_dict(), summary.changed_rounds)
    return summary


class NothingProcessed(RuntimeError):
    """No input at all could be processed; carries the run's summary for the caller to show."""

    def __init__(self, summary: RunSummary) -> None:
        super().__init__(f"nothing could be processed ({len(summary.failures)} problem(s))")
        self.summary = summary


def pipeline_on(dask_address: str | None) -> Any:
    """The flow, with prefect-dask's task runner when a Dask scheduler address is given."""
    runner = task_runner_for(dask_address)
    return pipeline if runner is None else pipeline.with_options(task_runner=runner)
