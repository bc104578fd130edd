"""Where the wall time of a fresh `roundtable run` goes: per stage, wall seconds, CPU seconds summed
over every process of the run, and how busy the cores were.

    python benchmarks/stage_profile.py --n 5000 [--work DIR] [--workers 2]

Runs `roundtable run --input PAGES --data-dir FRESH` in this process (flows.cli.main), with the
pipeline's steps wrapped to record when each starts and ends, and a sampler thread reading the
cumulative CPU time of every process in the run's tree (this one, the Prefect server, the pool's
fork server and workers) every 0.1 s. Each sampled interval's CPU is charged to the innermost step
running then, and to each step around it. Processes are grouped by role: main (the flow), server
(Prefect's temporary API server), pool (fork server and workers), other.

The wrappers and sampler cost a little CPU in the main process; the figures are for finding where
time goes, not for comparing with `make bench`.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import itertools
import os
import shutil
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_pages import generate

ROOT = Path(__file__).resolve().parent.parent

_events: list[tuple[str, int, float, float]] = []  # (name, depth, start, end)
_depth = threading.local()
_samples: list[tuple[float, dict[int, float], float]] = []  # (time, cpu seconds per pid, machine busy seconds)
_roles: dict[int, str] = {}


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        depth = getattr(_depth, "n", 0)
        _depth.n = depth + 1
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            _events.append((name, depth, start, time.perf_counter()))
            _depth.n = depth

    return wrapper


class TimedCall:
    """Runs in a pool worker: fn(items), with when it ran and the CPU it took there."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn = fn

    def __call__(self, items: Any) -> tuple[Any, int, float, float, float]:
        start, cpu = time.time(), time.process_time()
        out = self.fn(items)
        return out, os.getpid(), start, time.time(), time.process_time() - cpu


_chunks: list[tuple[str, float, float, int, float, float, float]] = []  # (fn, map start, map end, pid, start, end, cpu)


def timed_map(original: Callable[..., Any]) -> Callable[..., Any]:
    def map_batch(fn: Callable[..., Any], items: Any, workers: int, min_parallel: int = 32) -> list[Any]:
        start = time.time()
        parts = original(TimedCall(fn), items, workers, min_parallel)
        end = time.time()
        name = getattr(getattr(fn, "func", fn), "__name__", "?")
        for _, pid, s, e, cpu in parts:
            _chunks.append((name, start, end, pid, s, e, cpu))
        return [p[0] for p in parts]

    return map_batch


def waited(name: str, submit: Callable[..., Any]) -> Callable[..., Any]:
    """submit() as it is, but the wait for its result timed as step `name`."""

    @functools.wraps(submit)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return timed(name, submit(*args, **kwargs))

    return wrapper


def patch(owner: Any, attr: str, name: str) -> None:
    setattr(owner, attr, timed(name, getattr(owner, attr)))


def role_of(p: psutil.Process, me: int) -> str:
    if p.pid == me:
        return "main"
    try:
        cmd = " ".join(p.cmdline())
    except psutil.Error:
        return "other"
    if "uvicorn" in cmd or "_SERVER_BOOT" in cmd or "prefect.server" in cmd:
        return "server"
    if "forkserver" in cmd or "resource_tracker" in cmd:
        return "pool"
    try:
        parent = p.parent()
        if parent is not None and "forkserver" in " ".join(parent.cmdline()):
            return "pool"
    except psutil.Error:
        pass
    return "other"


def sampler(stop: threading.Event, every: float) -> None:
    me = psutil.Process()
    known: dict[int, psutil.Process] = {}
    while not stop.is_set():
        cpu: dict[int, float] = {}
        for p in [me, *me.children(recursive=True)]:
            proc = known.setdefault(p.pid, p)
            with contextlib.suppress(psutil.Error):
                t = proc.cpu_times()
                cpu[p.pid] = t.user + t.system
                if p.pid not in _roles:
                    _roles[p.pid] = role_of(proc, me.pid)
        m = psutil.cpu_times()
        _samples.append((time.perf_counter(), cpu, m.user + m.system + m.nice + getattr(m, "irq", 0.0)))
        stop.wait(every)


def install() -> None:
    import flows.batches as batches
    import flows.compute as compute
    import flows.pipeline as pipeline
    import flows.rebuild as rebuild
    import flows.stages as stages
    import lake.store as store

    patch(batches.Batches, "recover", "recover")
    patch(batches.Batches, "files", "files")
    patch(batches, "ingest_files", "ingest (task)")
    patch(stages, "load_file", "read files")
    patch(stages, "page_from_file_bytes", "decode pages")
    for name, step in (("clean", "clean (task)"), ("pages", "clean and extract (task)")):
        if hasattr(compute.Compute, name):
            patch(compute.Compute, name, step)
    for name in ("submit_clean", "submit_pages", "submit_extract"):
        if hasattr(compute.Compute, name):  # the flow submits a batch and waits for it later
            setattr(compute.Compute, name, waited(name.replace("submit_", "wait "), getattr(compute.Compute, name)))
    patch(batches, "record_articles", "record-articles (task)")
    patch(compute.Compute, "extract", "extract (task)")
    patch(batches, "record_facts", "record-facts (task)")
    stages.map_batch = timed_map(stages.map_batch)
    patch(stages, "map_batch", "pool map")
    patch(store, "write_table", "lake writes")
    patch(batches.LakeIndex, "load", "lake index")
    patch(pipeline, "discover_local", "discover")
    patch(pipeline, "rebuild", "rebuild")
    patch(rebuild, "warehouse_task", "warehouse (task)")
    patch(rebuild, "export_task", "export (task)")
    patch(rebuild, "build_warehouse", "build_warehouse")
    patch(rebuild, "export", "export")
    patch(rebuild, "build_stamp", "build stamp")
    patch(rebuild, "rounds_snapshot", "rounds snapshot")
    patch(pipeline, "publish_artifacts", "artifacts")
    patch(pipeline.parallel, "shutdown", "pool shutdown")
    patch(pipeline, "run_pipeline", "flow body")


def report(t0: float, t1: float, out: Any = sys.stdout) -> None:
    # CPU deltas per sampled interval, charged to the innermost event (and all enclosing ones) at its midpoint
    ncpu = os.cpu_count() or 1
    per_stage: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    wall: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    for name, _, s, e in _events:
        wall[name] += e - s
        calls[name] += 1
    events = sorted(_events, key=lambda ev: ev[2])
    total_by_role: dict[str, float] = defaultdict(float)
    machine_busy = 0.0
    for (ta, ca, ma), (tb, cb, mb) in itertools.pairwise(_samples):
        mid = (ta + tb) / 2
        active = [ev for ev in events if ev[2] <= mid < ev[3]]
        innermost = max(active, key=lambda ev: ev[1]) if active else None
        machine_busy += mb - ma
        for pid, cpu in cb.items():
            delta = cpu - ca.get(pid, cpu if pid in ca else 0.0)
            if pid not in ca:
                delta = cpu  # a process that started in this interval
            if delta <= 0:
                continue
            role = _roles.get(pid, "other")
            total_by_role[role] += delta
            names = {ev[0] for ev in active}
            for n in names:
                per_stage[n][role] += delta
            per_stage["(innermost) " + (innermost[0] if innermost else "outside any step")][role] += delta
    span = t1 - t0
    roles = ["main", "pool", "server", "other"]
    by_role = ", ".join(f"{r} {total_by_role[r]:.1f} s" for r in roles)
    print(f"\nrun: {span:.1f} s wall; CPU by role: {by_role}", file=out)
    print(
        f"machine: {ncpu} cores, busy {machine_busy:.1f} core-s of {span * ncpu:.1f} "
        f"(this run {sum(total_by_role.values()):.1f}, others {machine_busy - sum(total_by_role.values()):.1f})",
        file=out,
    )
    header = f"{'step':<34}{'calls':>6}{'wall s':>9}" + "".join(f"{r + ' cpu':>12}" for r in roles) + f"{'cores':>7}"
    print(header, file=out)
    names = sorted(wall, key=lambda n: -wall[n])
    for n in names:
        cpu = per_stage.get(n, {})
        tot = sum(cpu.values())
        print(
            f"{n:<34}{calls[n]:>6}{wall[n]:>9.1f}"
            + "".join(f"{cpu.get(r, 0.0):>12.1f}" for r in roles)
            + f"{tot / wall[n] if wall[n] else 0:>7.2f}",
            file=out,
        )
    if _chunks:
        # the pool's workers from the first piece handed out to the last one done: how much of that
        # time each worker spent on a piece (maps may overlap: the flow submits ahead)
        first, last = min(c[4] for c in _chunks), max(c[5] for c in _chunks)
        workers = sorted({c[3] for c in _chunks})
        busy = sum(c[5] - c[4] for c in _chunks)
        span = (last - first) * len(workers)
        print(
            f"\npool: {len(workers)} workers busy {busy:.1f} of {span:.1f} worker-s between the first piece "
            f"and the last ({100 * (1 - busy / span):.0f}% idle); per function: pieces, busy wall, worker CPU",
            file=out,
        )
        for fn in sorted({c[0] for c in _chunks}):
            cs = [c for c in _chunks if c[0] == fn]
            print(
                f"  {fn:<16}{len(cs):>6}{sum(c[5] - c[4] for c in cs):>9.1f}{sum(c[6] for c in cs):>9.1f}",
                file=out,
            )
    print("\nCPU charged to the innermost step running:", file=out)
    for n in sorted(k for k in per_stage if k.startswith("(innermost)")):
        cpu = per_stage[n]
        print(f"  {n[12:]:<40}" + "".join(f"{cpu.get(r, 0.0):>12.1f}" for r in roles), file=out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "out")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--every", type=float, default=0.1, help="seconds between CPU samples")
    args = ap.parse_args()
    pages_dir = args.work / f"pages-{args.n}"
    generate(pages_dir, args.n)
    data = args.work / f"profile-data-{args.n}"
    shutil.rmtree(data, ignore_errors=True)

    stop = threading.Event()
    t0 = time.perf_counter()
    thread = threading.Thread(target=sampler, args=(stop, args.every), daemon=True)
    thread.start()
    import flows.cli as cli  # after the sampler starts: import time is start-up

    cli._quiet_prefect()
    install()
    argv = ["run", "--input", str(pages_dir), "--data-dir", str(data)]
    if args.workers:
        argv += ["--workers", str(args.workers)]
    with contextlib.redirect_stdout(open(os.devnull, "w")):
        code = timed("roundtable run", cli.main)(argv)
    t1 = time.perf_counter()
    time.sleep(args.every * 2)
    stop.set()
    thread.join()
    print(f"N = {args.n}, exit code {code}")
    report(t0, t1)


if __name__ == "__main__":
    main()
