"""A killed `roundtable run` takes all its processes with it and leaves nothing behind (issue #15, 2
and 3): real runs, each with its own temporary Prefect server (no PREFECT_API_URL), killed with a
real SIGKILL or SIGTERM sent to the run's own process only, as `kill PID` does.

The full soak (30 killed runs on a growing input, then a clean one) is scripts/soak_kills.py; a
short one runs here.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("soak_kills", REPO / "scripts" / "soak_kills.py")
assert _spec is not None and _spec.loader is not None
soak_kills = importlib.util.module_from_spec(_spec)
sys.modules["soak_kills"] = soak_kills  # its dataclasses look their module up
_spec.loader.exec_module(soak_kills)


def _start_until_the_pool_runs(inputs: Path, data: Path, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """A run, once its temporary Prefect server and its process pool's workers are running."""
    proc = soak_kills.start(inputs, data, env, log)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        commands = [cmd for _, cmd in soak_kills.session_processes(proc.pid)]
        server = any("uvicorn" in c for c in commands)
        workers = sum("multiprocessing.forkserver" in c for c in commands)
        if server and workers >= 3:  # the fork server and two workers
            return proc
        time.sleep(0.1)
    proc.kill()
    raise AssertionError(f"the pool never ran (exit {proc.poll()}): {log.read_text(errors='replace')[-2000:]}")


@pytest.fixture
def short_tmp() -> Iterator[Path]:
    """A work folder with a short path: the fork server's socket lives in TMPDIR, and an AF_UNIX path
    may not pass 107 characters (pytest's tmp_path, nested deeper under xdist workers, can)."""
    path = Path(tempfile.mkdtemp(prefix="rt-", dir="/tmp"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_run_leaves_no_process_and_no_temporary(sig: signal.Signals, short_tmp: Path) -> None:
    tmp_path = short_tmp
    env = soak_kills.environment(tmp_path)
    soak_kills.generate(tmp_path / "input", 48, seed=5)
    data = tmp_path / "data"
    log = tmp_path / "run.log"
    proc = _start_until_the_pool_runs(tmp_path / "input", data, env, log)
    assert soak_kills.session_processes(proc.pid)
    os.kill(proc.pid, sig)
    code = proc.wait(timeout=120)
    alive = soak_kills.wait_for_session(proc.pid)
    soak_kills.end_survivors(alive)
    assert alive == [], f"outlived the run: {alive}"
    if sig == signal.SIGTERM:  # handled as SIGINT is: the run stops in order and says so
        assert code == 128 + signal.SIGTERM, log.read_text(errors="replace")[-2000:]
        assert "terminated" in log.read_text(errors="replace")
    else:
        assert code == -signal.SIGKILL
    assert list((tmp_path / "tmp").iterdir()) == []  # the fork server's socket folder went with it


def test_a_short_soak_of_killed_runs(short_tmp: Path) -> None:
    """Three runs killed at random points (SIGKILL, SIGTERM, SIGKILL) on a growing input, then a
    clean run: its exports equal an uninterrupted run's, nothing survives, nothing is left."""
    tmp_path = short_tmp
    lines: list[str] = []
    result = soak_kills.soak(
        tmp_path / "soak",
        runs=3,
        start_pages=36,
        grow=2,
        seed=7,
        say=lines.append,
        signals=[signal.SIGKILL, signal.SIGTERM, signal.SIGKILL],
    )
    report = "\n".join(lines)
    assert result.survivors == [], report
    assert result.leftovers == [], report
    assert result.exports_equal, report
    assert result.runs == 3
