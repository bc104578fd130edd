"""Extraction cost of two code trees, compared fairly on a shared machine.

    python benchmarks/ab_extract.py ROOT_A ROOT_B [--pages pages.json] [--rounds 2]

`pages.json`: a JSON list of [file, text, language, published ISO date or null] (the benchmark pages).
Each tree runs in its own process; both extract every page once to warm their caches, then run the
same 100-page chunks in turn (which goes first alternates), timing CPU time. Load from other processes
falls on both alike, chunk by chunk, so the ratio holds where two timings run minutes apart do not.
Prints each tree's ms/page, B/A and the median chunk ratio.

`--worker-gc` sets the garbage collector after the warm-up as the pool's workers have it
(tasks/worker_preload.py: collected, frozen, young generation collected every 10,000 allocations). Without
it, a change that allocates less also saves collections that a worker does not make.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

_WORKER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from datetime import date
from tasks.nlp.extract import extract
pages = [(t, l, date.fromisoformat(p) if p else None) for _, t, l, p in json.load(open(sys.argv[2]))]
for t, l, p in pages:
    extract(t, l, p)
if sys.argv[3] == "worker":  # as tasks/worker_preload.py leaves a pool worker's collector
    import gc
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
print(len(pages), flush=True)
for line in sys.stdin:
    a, b = map(int, line.split())
    t0 = time.process_time()
    for t, l, p in pages[a:b]:
        extract(t, l, p)
    print(time.process_time() - t0, flush=True)
"""


def _start(root: str, pages: str, worker_gc: bool) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _WORKER, root, pages, "worker" if worker_gc else "default"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _chunk(proc: subprocess.Popen[str], a: int, b: int) -> float:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(f"{a} {b}\n")
    proc.stdin.flush()
    return float(proc.stdout.readline())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root_a")
    ap.add_argument("root_b")
    ap.add_argument("--pages", default="/tmp/s13/bench_texts.json")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--chunk", type=int, default=100)
    ap.add_argument(
        "--worker-gc",
        action="store_true",
        help="after the warm-up, collect, freeze and raise the young generation's threshold as a pool worker does",
    )
    args = ap.parse_args()
    procs = [_start(args.root_a, args.pages, args.worker_gc), _start(args.root_b, args.pages, args.worker_gc)]
    counts = {int(p.stdout.readline()) for p in procs if p.stdout is not None}
    (n,) = counts
    total, ratios = [0.0, 0.0], []
    for r in range(args.rounds):
        for i, a in enumerate(range(0, n, args.chunk)):
            took = [0.0, 0.0]
            for k in (0, 1) if (i + r) % 2 == 0 else (1, 0):
                took[k] = _chunk(procs[k], a, a + args.chunk)
            total[0], total[1] = total[0] + took[0], total[1] + took[1]
            ratios.append(took[1] / took[0])
    for p in procs:
        assert p.stdin is not None
        p.stdin.close()
        p.wait()
    ratios.sort()
    pages = n * args.rounds
    print(
        f"A {1000 * total[0] / pages:.2f} ms/page  B {1000 * total[1] / pages:.2f} ms/page  "
        f"B/A {total[1] / total[0]:.3f}  median chunk ratio {ratios[len(ratios) // 2]:.3f}"
    )


if __name__ == "__main__":
    main()
