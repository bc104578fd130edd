"""A fresh `roundtable run` of two code trees, compared fairly on a shared machine.

    python benchmarks/ab_pipeline.py ROOT_A ROOT_B [--n 5000] [--rounds 2] [--work DIR]

Each round measures, one right after the other: (a) trafilatura's bare_extraction over the pages in one
process (as `bench_pipeline.py`'s floor), then (b) a fresh `roundtable run --input PAGES` of each tree
(ROOT on PYTHONPATH ahead of the installed package; which tree goes first alternates by round). Load
from other processes falls on the runs of a round alike, so compare the per-round ratios b_B/b_A and
b/a, not seconds from different rounds. CPU seconds are those of the whole process tree (the flow, the
Prefect server, the pool), read from /proc while the run lasts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import floor
from make_pages import generate

ROOT = Path(__file__).resolve().parent.parent
ROUNDTABLE = ROOT / ".venv" / "bin" / "roundtable"


def fresh_run(root: str, pages: Path, data: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the run's process tree, exit code)."""
    shutil.rmtree(data, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": root}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(ROUNDTABLE), "run", "--input", str(pages), "--data-dir", str(data)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd="/",
    )
    cpu: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        top = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                for p in [top, *top.children(recursive=True)]:
                    try:
                        t = p.cpu_times()
                        cpu[p.pid] = t.user + t.system
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            done.wait(0.2)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    code = proc.wait()
    wall = time.perf_counter() - started
    done.set()
    t.join()
    return wall, sum(cpu.values()), code


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root_a")
    ap.add_argument("root_b")
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "out")
    args = ap.parse_args()
    pages = args.work / f"pages-{args.n}"
    paths = generate(pages, args.n)
    print(f"N = {args.n}; A = {args.root_a}, B = {args.root_b}", flush=True)
    ratios = []
    for r in range(args.rounds):
        a = floor(paths)
        b: dict[str, tuple[float, float, int]] = {}
        for name in ("A", "B") if r % 2 == 0 else ("B", "A"):
            root = args.root_a if name == "A" else args.root_b
            b[name] = fresh_run(root, pages, args.work / f"ab-data-{name}")
        (wa, ca, ea), (wb, cb, eb) = b["A"], b["B"]
        ratios.append(wb / wa)
        print(
            f"round {r + 1}: a {a:.1f} s | A {wa:.1f} s wall, {ca:.1f} s CPU (exit {ea}), b/a {wa / a:.2f} | "
            f"B {wb:.1f} s wall, {cb:.1f} s CPU (exit {eb}), b/a {wb / a:.2f} | "
            f"B/A wall {wb / wa:.3f}, CPU {cb / ca:.3f}",
            flush=True,
        )
    print(f"B/A wall per round: {', '.join(f'{x:.3f}' for x in ratios)}")


if __name__ == "__main__":
    main()
