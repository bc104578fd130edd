"""Crash safety end to end: a real `roundtable run --sources FILE` subprocess is SIGKILLed part-way
(once the lake holds a seeded-random number of files), run again, and its exports must equal those
of a run that was never interrupted, with no duplicate and no half-written rows in the lake.

The subprocesses use the session's Prefect test server (PREFECT_API_URL) instead of each starting
their own, and fetch only from the loopback news site. ROUNDTABLE_CRASH_SEED picks another kill point.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from newsite import NewsSite
from prefect.settings import PREFECT_API_URL
from test_flow import snapshot
from test_web_flow import FAST

ROUNDTABLE = Path(sys.executable).with_name("roundtable")
SEED = int(os.environ.get("ROUNDTABLE_CRASH_SEED", "20260210"))


@pytest.fixture(scope="module")
def api_url(prefect_harness: None) -> str:
    return str(PREFECT_API_URL.value())


@pytest.fixture(scope="module")
def sources_file(news_site: NewsSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "sources.yaml"
    lines = ["sources:"]
    for name, kind, feed in (
        ("rss", "feed", "/feeds/rss.xml"),
        ("atom", "feed", "/feeds/atom.xml"),
        ("sitemap", "sitemap", "/sitemap_index.xml"),
        ("redesigned", "feed", "/feeds/broken.xml"),
    ):
        lines += [f"  - name: {name}", f"    kind: {kind}", f"    url: {news_site.url(feed)}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def start(api_url: str, sources: Path, data: Path, home: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy") and not k.startswith("ROUNDTABLE_")}
    home.mkdir(parents=True, exist_ok=True)
    env.update(
        FAST,
        ROUNDTABLE_BATCH_SIZE="1",
        PREFECT_API_URL=api_url,
        PREFECT_HOME=str(home),
        PREFECT_LOGGING_LEVEL="WARNING",
    )
    # its own session: a SIGKILL to the group takes any child process with it
    return subprocess.Popen(
        [str(ROUNDTABLE), "run", "--sources", str(sources), "--data-dir", str(data)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def finish(proc: subprocess.Popen[bytes]) -> str:
    out, _ = proc.communicate(timeout=120)
    text = out.decode("utf-8", errors="replace")
    assert proc.returncode == 0, text
    return text


def lake_files(data: Path) -> list[Path]:
    return sorted((data / "lake").glob("*/*/*.parquet"))


def test_killed_run_resumes_to_the_same_exports(api_url: str, sources_file: Path, tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    finish(start(api_url, sources_file, reference, tmp_path / "home"))
    total = len(lake_files(reference))
    assert total > 10

    crashed = tmp_path / "crashed"
    kill_at = random.Random(SEED).randint(2, total - 2)
    proc = start(api_url, sources_file, crashed, tmp_path / "home")
    deadline = time.monotonic() + 60
    while len(lake_files(crashed)) < kill_at and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert proc.poll() is None, f"the run ended before the kill point ({kill_at} of {total} files)"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    assert 0 < len(lake_files(crashed)) < total
    for path in lake_files(crashed):
        pq.read_metadata(path)  # every visible file is whole (temporaries are dot-files, swept next run)

    out = finish(start(api_url, sources_file, crashed, tmp_path / "home"))
    assert "Traceback" not in out
    assert not list((crashed / "lake").glob("*/*/.*.tmp"))
    assert snapshot(crashed / "exports") == snapshot(reference / "exports"), f"killed at {kill_at} of {total}"

    lake = crashed / "lake"
    with duckdb.connect() as con:
        for table, key in (
            ("raw_pages", "source_uri"),
            ("articles", "article_id"),
            ("page_outcomes", "page_id"),
            ("frontier", "uri"),
        ):
            dupes = con.execute(
                f"SELECT {key}, count(*) FROM read_parquet('{lake}/{table}/*/*.parquet') "
                "GROUP BY ALL HAVING count(*) > 1"
            ).fetchall()
            assert dupes == [], f"{table}: {dupes} (killed at {kill_at} of {total})"
