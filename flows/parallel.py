"""CPU-bound batch work spread over a process pool (one per worker count, reused across batches).

Cleaning and extraction are pure functions of their input, so they can run in any process;
the flow only pays for pickling the batch there and the rows back.
"""

from __future__ import annotations

import atexit
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_pools: dict[int, ProcessPoolExecutor] = {}


def _pool(workers: int) -> ProcessPoolExecutor:
    if workers not in _pools:
        # forkserver: forking a process that runs Prefect's threads and event loop is unsafe
        ctx = multiprocessing.get_context("forkserver")
        # the fork server loads what workers need once (instead of the __main__ module, which would
        # import Prefect), so workers fork warm and share it
        ctx.set_forkserver_preload(["tasks.worker_preload"])
        _pools[workers] = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
    return _pools[workers]


def shutdown() -> None:
    for pool in _pools.values():
        pool.shutdown(cancel_futures=True)
    _pools.clear()


atexit.register(shutdown)


def chunks(items: Sequence[T], n: int) -> list[Sequence[T]]:
    """Split into at most n nearly equal, order-keeping pieces."""
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    out, start = [], 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return [c for c in out if c]


def map_batch(fn: Callable[[Sequence[T]], R], items: Sequence[T], workers: int, min_parallel: int = 32) -> list[R]:
    """fn over `workers` pieces of items, in a process pool when it pays off, in order."""
    if workers <= 1 or len(items) < min_parallel:
        return [fn(items)]
    return list(_pool(workers).map(fn, chunks(items, workers)))
