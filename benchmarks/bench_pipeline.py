"""Throughput benchmark: the pipeline against trafilatura alone, in one run on one machine.

    python benchmarks/bench_pipeline.py [--n 20000] [--work DIR]
    python benchmarks/bench_pipeline.py --growth 2500,5000,10000,20000,40000


(a) trafilatura.bare_extraction(with_metadata=True) over the pages in one process: the floor
(b) `roundtable run --input` on them, end to end, fresh data dir
(c) the same run again: nothing new
(d) a run on no input: fixed start-up
Prints pages/s, the ratios b/a, c/b, (c-d)/b, and the peak resident memory of each run,
all its processes together (RSS sampled every 50 ms with psutil, PSS every second).

--growth runs only (b), once per corpus size, and prints how time per page and peak memory change
with N: memory should stay flat (pages are streamed in batches, never all held at once).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contextlib

from make_pages import generate

ROOT = Path(__file__).resolve().parent.parent
ROUNDTABLE = ROOT / ".venv" / "bin" / "roundtable"


def floor(paths: list[Path]) -> float:
    import trafilatura

    started = time.perf_counter()
    for path in paths:
        trafilatura.bare_extraction(path.read_text(encoding="utf-8"), with_metadata=True)
    return time.perf_counter() - started


def tree_memory(proc: psutil.Process, with_pss: bool) -> tuple[int, int]:
    """(sum of RSS, sum of PSS or 0) over the process and all its children. RSS counts pages the pool
    workers share with their fork server once per process; PSS splits them, so it is the honest total.
    PSS costs the kernel a page-table walk (~14 ms for an 800 MB process), so it is sampled rarely."""
    rss = pss = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            if with_pss:
                m = p.memory_full_info()
                rss, pss = rss + m.rss, pss + m.pss
            else:
                rss += p.memory_info().rss
    return rss, pss


def timed_run(args: list[str]) -> tuple[float, int, int, int]:
    """(seconds, peak summed RSS and peak summed PSS of the whole process tree in bytes, exit code)."""
    started = time.perf_counter()
    proc = subprocess.Popen([str(ROUNDTABLE), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ps = psutil.Process(proc.pid)
    peak = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        # RSS every 50 ms (cheap); PSS once a second, so sampling takes ~1% of a core, not ~40%
        nonlocal peak, peak_pss
        tick = 0
        while not done.is_set():
            with contextlib.suppress(psutil.Error):
                rss, pss = tree_memory(ps, with_pss=tick % 20 == 0)
                peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            tick += 1
            time.sleep(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    done.set()
    t.join()
    if proc.returncode not in (0,):
        print(err.decode(errors="replace")[-2000:], file=sys.stderr)
    return time.perf_counter() - started, peak, peak_pss, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "out")
    ap.add_argument("--growth", help="comma-separated corpus sizes: run (b) at each and compare")
    args = ap.parse_args()
    if args.growth:
        growth(sorted(int(x) for x in args.growth.split(",")), args.work)
        return
    pages_dir = args.work / f"pages-{args.n}"
    paths = generate(pages_dir, args.n)
    data = args.work / f"data-{args.n}"
    empty = args.work / "empty-input"
    shutil.rmtree(data, ignore_errors=True)
    shutil.rmtree(args.work / "data-empty", ignore_errors=True)
    empty.mkdir(parents=True, exist_ok=True)

    a = floor(paths)
    b, b_mem, b_pss, b_code = timed_run(["run", "--input", str(pages_dir), "--data-dir", str(data)])
    c, c_mem, c_pss, _ = timed_run(["run", "--input", str(pages_dir), "--data-dir", str(data)])
    d, d_mem, d_pss, _ = timed_run(["run", "--input", str(empty), "--data-dir", str(args.work / "data-empty")])
    gib = 1024**3
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {psutil.virtual_memory().total / gib:.0f} GiB, "
        f"Python {platform.python_version()}"
    )
    print(f"N = {args.n} pages (exit code of b: {b_code})")
    print(f"(a) trafilatura alone, one process: {a:8.1f} s  {args.n / a:8.0f} pages/s")
    print(
        f"(b) roundtable run, fresh:          {b:8.1f} s  {args.n / b:8.0f} pages/s  "
        f"peak RSS {b_mem / gib:.2f} GiB, PSS {b_pss / gib:.2f} GiB"
    )
    print(
        f"(c) roundtable run, nothing new:    {c:8.1f} s                  "
        f"peak RSS {c_mem / gib:.2f} GiB, PSS {c_pss / gib:.2f} GiB"
    )
    print(
        f"(d) roundtable run, no input:       {d:8.1f} s                  "
        f"peak RSS {d_mem / gib:.2f} GiB, PSS {d_pss / gib:.2f} GiB"
    )
    print(f"b/a = {b / a:.2f}   c/b = {c / b:.3f}   (c-d)/b = {(c - d) / b:.3f}")


def growth(sizes: list[int], work: Path) -> None:
    gib = 1024**3
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {psutil.virtual_memory().total / gib:.0f} GiB, "
        f"Python {platform.python_version()}"
    )
    print(f"{'N':>7} {'seconds':>9} {'ms/page':>8} {'peak RSS GiB':>13} {'peak PSS GiB':>13}")
    rows = []
    for n in sizes:
        pages_dir = work / f"pages-{n}"
        generate(pages_dir, n)
        data = work / f"data-{n}"
        shutil.rmtree(data, ignore_errors=True)
        b, mem, pss, code = timed_run(["run", "--input", str(pages_dir), "--data-dir", str(data)])
        rows.append((n, b, mem, pss))
        print(
            f"{n:>7} {b:>9.1f} {b / n * 1e3:>8.2f} {mem / gib:>13.2f} {pss / gib:>13.2f}"
            + (f"  (exit code {code})" if code else ""),
            flush=True,
        )
    (n0, b0, m0, p0), (n1, b1, m1, p1) = rows[0], rows[-1]
    print(
        f"N x{n1 / n0:.0f}: time x{b1 / b0:.2f}, time per page x{(b1 / n1) / (b0 / n0):.2f}, "
        f"peak RSS x{m1 / m0:.2f}, peak PSS x{p1 / p0:.2f}"
    )


if __name__ == "__main__":
    main()
