"""Warehouse growth benchmark: build and export on synthetic lakes of 100k to 1M mention rows.

    python benchmarks/bench_warehouse.py [--sizes 100000,250000,500000,1000000] [--work DIR]
                                         [--memory-limit 512MB] [--threads N] [--noise 0.05]

For each size, a lake is written by benchmarks/make_lake.py (kept in --work and reused), then a
fresh process builds the warehouse (warehouse.build.build_warehouse) and writes the exports
(warehouse.export.export). Printed per size: seconds for the build and for the export, the peak
resident memory of that process (sampled every 20 ms with psutil), the row counts of the marts,
`truth`: the true rounds, those the lake's generator scheduled (its bare reports are allusions
that join the one round they fit or add nothing, so they add no row; with --noise the count is
approximate), and at the end how time grows: time(size)/time(smallest).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from warehouse.contract import CONTRACT_TABLES  # noqa: E402  (after the path is set)

MARTS = tuple(t.name for t in CONTRACT_TABLES)


def child(lake: Path, work: Path, memory_limit: str | None, threads: int | None) -> None:
    """Build and export once; print the timings and row counts as one JSON line."""
    from warehouse.build import build_warehouse
    from warehouse.export import export

    db = work / "warehouse.duckdb"
    started = time.perf_counter()
    built = build_warehouse(lake, db, memory_limit=memory_limit, threads=threads)
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    exported = export(db, work / "exports", memory_limit=memory_limit)
    export_s = time.perf_counter() - started
    slowest = sorted(built.model_seconds.items(), key=lambda kv: -kv[1])[:5]
    counts = {m: built.row_counts[m] for m in MARTS} | {"stg_mentions": built.row_counts["stg_mentions"]}
    print(
        json.dumps(
            {
                "build_s": build_s,
                "export_s": export_s,
                "rows": counts,
                "exported": exported.row_counts,
                "slowest": slowest,
            }
        )
    )


def measure(args: list[str]) -> tuple[dict[str, object], int]:
    """Run this script as a child; (its JSON result, peak RSS of its process tree in bytes)."""
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    ps = psutil.Process(proc.pid)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            with contextlib.suppress(psutil.Error):
                peak = max(peak, sum(p.memory_info().rss for p in [ps, *ps.children(recursive=True)]))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"build failed:\n{err.decode(errors='replace')[-3000:]}")
    return json.loads(out.decode().strip().splitlines()[-1]), peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100000,250000,500000,1000000")
    ap.add_argument("--work", type=Path, default=Path("/tmp/roundtable-bench-warehouse"))
    ap.add_argument("--memory-limit", default="512MB", help="DuckDB memory_limit ('' for DuckDB's default)")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--noise", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--child", nargs=2, metavar=("LAKE", "WORK"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    limit = args.memory_limit or None
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), limit, args.threads)
        return

    from make_lake import GENERATOR, LakeSpec, write_lake

    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"python {platform.python_version()} · {psutil.cpu_count()} cpu · memory_limit {limit} · "
        f"threads {args.threads or 'default'} · noise {args.noise}"
    )
    header = (
        f"{'mentions':>10} {'events':>7} {'articles':>8} {'build s':>8} {'export s':>8} {'peak MiB':>8} "
        f"{'rounds':>7} {'truth':>6} {'round_art':>9} {'people':>6} {'art_ppl':>8}"
    )
    print(header)
    results: list[tuple[int, float, float]] = []
    for size in sizes:
        # a lake (and its truth.json) written by an older generator is not reused
        lake = args.work / f"lake-{size}-{args.seed}-{args.noise}-g{GENERATOR}"
        marker = lake / "truth.json"
        if not marker.exists():
            truth = write_lake(lake, LakeSpec(mentions=size, seed=args.seed, noise=args.noise))
            marker.write_text(json.dumps({"rounds": truth.rounds, "events": truth.events, "articles": truth.articles}))
        truth_info = json.loads(marker.read_text())
        out_dir = args.work / f"out-{size}"
        out_dir.mkdir(parents=True, exist_ok=True)
        extra = ["--memory-limit", args.memory_limit] + (["--threads", str(args.threads)] if args.threads else [])
        res, peak = measure(["--child", str(lake), str(out_dir), *extra])
        rows = res["rows"]
        assert isinstance(rows, dict)
        build_s, export_s = float(res["build_s"]), float(res["export_s"])  # type: ignore[arg-type]
        results.append((size, build_s, export_s))
        print(
            f"{rows['stg_mentions']:>10} {truth_info['events']:>7} {rows['articles']:>8} {build_s:>8.1f} "
            f"{export_s:>8.1f} {peak / 2**20:>8.0f} {rows['negotiation_rounds']:>7} {truth_info['rounds']:>6} "
            f"{rows['round_articles']:>9} {rows['people']:>6} {rows['article_people']:>8}",
            flush=True,
        )
    if len(results) > 1:
        base = results[0]
        for size, build_s, export_s in results[1:]:
            print(
                f"growth {size / base[0]:.1f}x rows: build {build_s / base[1]:.1f}x, export {export_s / base[2]:.1f}x, "
                f"build+export {(build_s + export_s) / (base[1] + base[2]):.1f}x"
            )


if __name__ == "__main__":
    main()
