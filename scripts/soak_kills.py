"""Soak test of killed runs (issue #15): `roundtable run` again and again on a growing input, each
run killed at a random point with SIGKILL or SIGTERM (to its own process only, as `kill` does),
then one clean run. Passes when the clean run's exports equal those of an uninterrupted run on
the same input, no process of any run outlives it (its temporary Prefect server, the fork server,
pool workers, the resource tracker), and no temporary file or folder is left anywhere (the data
dir, the lake, TMPDIR).

    python scripts/soak_kills.py                   # 30 killed runs, then the clean one
    python scripts/soak_kills.py --runs 5 --seed 3

Each run starts its own temporary Prefect server (no PREFECT_API_URL), as `roundtable run` does
for a user. tests/test_safety_kill.py runs a short version of this in the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.dataset as ds

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from make_pages import generate  # noqa: E402  (benchmarks/ is not a package)

ROUNDTABLE = Path(sys.executable).with_name("roundtable")
# exports compared between the clean run and the uninterrupted one (fetch_log holds attempt times)
COMPARED = ("articles", "people", "article_people", "locations", "negotiation_rounds", "round_participants")
COMPARED += ("round_articles",)
# what a data dir holds after a run; anything else there is a leftover
DATA_DIR_ENTRIES = {"lake", "warehouse.duckdb", "exports", ".last-build"}


@dataclass
class Soak:
    runs: int = 0
    kills: Counter[str] = field(default_factory=Counter)  # signal name -> runs killed by it
    finished_first: int = 0  # runs that ended before their kill point came
    survivors: list[str] = field(default_factory=list)  # processes alive 20 s after their run ended
    leftovers: list[str] = field(default_factory=list)  # temporary files or folders left at the end
    exports_equal: bool = False
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.exports_equal and not self.survivors and not self.leftovers

    def summary(self) -> str:
        kills = ", ".join(f"{n} {name}" for name, n in sorted(self.kills.items()))
        return (
            f"soak: {self.runs} killed run(s) + 1 clean ({kills}; {self.finished_first} finished before the kill); "
            f"survivors {len(self.survivors)}, leftovers {len(self.leftovers)}, "
            f"exports equal to an uninterrupted run: {self.exports_equal}; {self.seconds:.0f} s"
        )


def environment(work: Path) -> dict[str, str]:
    """The runs' environment: no ROUNDTABLE_*/proxy/Prefect API variables of the caller, their own
    PREFECT_HOME and TMPDIR (so leftovers there are theirs), two workers, small batches."""
    drop = ("ROUNDTABLE_", "PREFECT_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop) and not k.lower().endswith("_proxy")}
    env.update(
        PREFECT_HOME=str(work / "prefect-home"),
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120",
        TMPDIR=str(work / "tmp"),
        ROUNDTABLE_WORKERS="2",
        ROUNDTABLE_BATCH_SIZE="40",
    )
    (work / "tmp").mkdir(parents=True, exist_ok=True)
    return env


def start(inputs: Path, data: Path, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            [str(ROUNDTABLE), "run", "--input", str(inputs), "--data-dir", str(data)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its session id is its pid: how its children are found
            cwd=data.parent,
        )


def session_processes(sid: int) -> list[tuple[int, str]]:
    """(pid, command line) of every live process in session `sid` (zombies excluded)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if fields[0] == "Z" or int(fields[3]) != sid:
                continue
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except (OSError, IndexError, ValueError):
            continue
        found.append((int(entry.name), cmd))
    return found


def wait_for_session(sid: int, seconds: float = 20.0) -> list[tuple[int, str]]:
    """Wait until no process of the session lives; return those still alive after `seconds`."""
    deadline = time.monotonic() + seconds
    while (alive := session_processes(sid)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return alive


def end_survivors(alive: list[tuple[int, str]]) -> None:
    """Stop processes that outlived their run (a failure, recorded) so the next run starts clean."""
    for pid, _ in alive:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def leftovers(data: Path, tmp: Path) -> list[str]:
    """Temporary files and folders: in the data dir beside what a run keeps, in the lake, in TMPDIR."""
    out = [str(p) for p in data.iterdir() if p.name not in DATA_DIR_ENTRIES] if data.is_dir() else []
    lake = data / "lake"
    if lake.is_dir():
        out += [str(p) for p in lake.rglob(".*")]
    out += [str(p) for p in tmp.iterdir()] if tmp.is_dir() else []
    return sorted(out)


def snapshot(exports: Path) -> dict[str, list[str]]:
    snap = {}
    for name in COMPARED:
        file, folder = exports / f"{name}.parquet", exports / name
        table = ds.dataset(str(file if file.exists() else folder), format="parquet", partitioning="hive").to_table()
        snap[name] = sorted(repr(sorted(r.items())) for r in table.to_pylist())
    return snap


def timed_run(inputs: Path, data: Path, env: dict[str, str], log: Path) -> float:
    began = time.monotonic()
    proc = start(inputs, data, env, log)
    if proc.wait(timeout=900) != 0:
        raise RuntimeError(f"an uninterrupted run failed ({proc.returncode}); see {log}")
    alive = wait_for_session(proc.pid)
    if alive:
        end_survivors(alive)
        raise RuntimeError(f"processes outlived a clean run: {alive}")
    return time.monotonic() - began


def soak(
    work: Path,
    runs: int = 30,
    start_pages: int = 40,
    grow: int = 4,
    seed: int = 15,
    say: Callable[[str], None] = print,
    signals: Sequence[signal.Signals] | None = None,
) -> Soak:
    """The soak in `work` (emptied first); see the module docstring. `signals`: the signal of each
    run in turn (default: SIGKILL or SIGTERM at random)."""
    began = time.monotonic()
    rng = random.Random(seed)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    env = environment(work)
    tmp, inputs, logs = work / "tmp", work / "input", work / "logs"
    logs.mkdir()
    result = Soak()

    final_pages = start_pages + grow * runs
    generate(inputs, final_pages, seed)  # the same folder as the soak's: source_uri is the file's path
    reference = work / "reference"
    took = timed_run(inputs, reference, env, logs / "reference.log")
    say(f"uninterrupted run on {final_pages} pages: {took:.1f} s")
    shutil.rmtree(inputs)  # the soak's input starts small and grows back to the same pages

    data = work / "data"
    for i in range(runs):
        generate(inputs, start_pages + grow * (i + 1), seed)  # the input grows by `grow` pages a run
        choice = rng.choice([signal.SIGKILL, signal.SIGTERM])
        sig = signals[i % len(signals)] if signals else choice
        delay = rng.uniform(0.5, took * 1.1)  # anywhere in a run, start-up to exports
        run_began = time.monotonic()
        proc = start(inputs, data, env, logs / f"run-{i:02d}.log")
        try:
            proc.wait(timeout=delay)
            result.finished_first += 1
            took = time.monotonic() - run_began  # runs on a lake mostly done are shorter: kill earlier
            how = f"finished before {delay:.1f} s (exit {proc.returncode})"
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, sig)  # the run's own process only, as `kill PID` does
            result.kills[sig.name] += 1
            try:
                proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                result.notes.append(f"run {i}: still running 120 s after {sig.name}")
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
            how = f"{sig.name} at {delay:.1f} s (exit {proc.returncode})"
        alive = wait_for_session(proc.pid)
        if alive:
            result.survivors += [f"run {i}: {pid} {' '.join(cmd.split())[:200]}" for pid, cmd in alive]
            end_survivors(alive)
        result.runs += 1
        say(f"run {i + 1:2d}/{runs}: {how}; {len(alive)} process(es) left")

    generate(inputs, final_pages, seed)
    timed_run(inputs, data, env, logs / "clean.log")
    result.leftovers = leftovers(data, tmp) + leftovers(reference, tmp)
    result.exports_equal = snapshot(data / "exports") == snapshot(reference / "exports")
    result.seconds = time.monotonic() - began
    say(result.summary())
    for line in result.survivors + result.leftovers + result.notes:
        say(f"  {line}")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--start", type=int, default=40, help="pages in the input before the first run")
    ap.add_argument("--grow", type=int, default=4, help="pages added before each run")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "roundtable-soak")
    args = ap.parse_args()
    result = soak(args.work, args.runs, args.start, args.grow, args.seed)
    sys.exit(0 if result.ok else 1)


if __name__ == "__main__":
    main()
