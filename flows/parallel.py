"""CPU-bound batch work spread over a process pool (one per worker count, reused across batches).

Cleaning and extraction are pure functions of their input, so they can run in any process;
the flow only pays for pickling the batch there and the rows back.

The pool dies with the flow's process, however that dies: each worker watches the flow's
process (a pidfd, else polling) and exits when it is gone, the fork server then exits for lack
of clients (removing its socket's folder on the way out), and the resource tracker for lack of
users. On an interrupt, shutdown(now=True) stops the workers instead of waiting for their batch.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import select
import shutil
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_pools: dict[int, ProcessPoolExecutor] = {}
_lock = threading.Lock()  # batches are submitted from Prefect's task threads, several at a time


def _pool(workers: int) -> ProcessPoolExecutor:
    with _lock:
        if workers not in _pools:
            # forkserver: forking a process that runs Prefect's threads and event loop is unsafe
            ctx = multiprocessing.get_context("forkserver")
            # the fork server loads what workers need once (instead of the __main__ module, which would
            # import Prefect), so workers fork warm and share it
            # (flows.parallel too: in the fork server it cleans up after it; see _in_fork_server)
            ctx.set_forkserver_preload(["tasks.worker_preload", "flows.parallel"])
            _pools[workers] = ProcessPoolExecutor(
                max_workers=workers, mp_context=ctx, initializer=die_with, initargs=(os.getpid(),)
            )
        return _pools[workers]


def _noop() -> None:
    return None


def warm(workers: int) -> None:
    """Start the pool's fork server and workers now, in a background thread, so their start-up (the
    preload: trafilatura, the gazetteer, the lexicon, a few seconds of CPU) overlaps the flow's own
    (importing Prefect, starting its server) instead of following it. Nothing to do for one worker."""
    if workers <= 1:
        return

    def start() -> None:
        pool = _pool(workers)
        with contextlib.suppress(RuntimeError):  # shut down meanwhile: nothing to warm
            for _ in range(workers):
                pool.submit(_noop)

    threading.Thread(target=start, name="warm-pool", daemon=True).start()


def shutdown(now: bool = False) -> None:
    """Stop the pools: let running batches finish, or with `now` (an interrupt) stop their workers."""
    with _lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        if now:
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
        pool.shutdown(wait=not now, cancel_futures=True)


def die_with(pid: int) -> None:
    """Run in a new process: exit it as soon as process `pid` is gone (killed, crashed or done).

    A pidfd turns readable when the process ends, whoever its parent is; without pidfds (an old
    kernel), poll for it. A daemon thread: it never keeps the process alive."""

    def watch() -> None:
        try:
            fd = os.pidfd_open(pid)
        except ProcessLookupError:
            os._exit(1)
        except (AttributeError, OSError):
            while _alive(pid):
                time.sleep(0.5)
        else:
            select.select([fd], [], [])
        os._exit(1)

    threading.Thread(target=watch, name=f"die-with-{pid}", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie (dead, not yet reaped) counts as gone
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _in_fork_server() -> bool:
    """Whether this module is being preloaded by multiprocessing's fork server."""
    forkserver = sys.modules.get("multiprocessing.forkserver")
    main = getattr(forkserver, "main", None)
    frame = sys._getframe()
    while frame is not None:
        if main is not None and frame.f_code is main.__code__:
            return True
        frame = frame.f_back
    return False


def _remove_fork_server_folder() -> None:
    """In the fork server, at exit: remove the temporary folder of its listening socket. The flow's
    process removes it at its own exit, but not when it was killed."""
    from multiprocessing import forkserver

    address = getattr(forkserver._forkserver, "_forkserver_address", None)
    if isinstance(address, str):
        folder = Path(address).parent
        if folder.name.startswith("pymp-"):
            shutil.rmtree(folder, ignore_errors=True)


if _in_fork_server():
    atexit.register(_remove_fork_server_folder)


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


PIECES_PER_WORKER = 4  # a batch goes to the pool in this many pieces per worker


def map_batch(fn: Callable[[Sequence[T]], R], items: Sequence[T], workers: int, min_parallel: int = 32) -> list[R]:
    """fn over pieces of items, in a process pool when it pays off, in order.

    Several pieces per worker, not one: pieces differ in cost, and with one each a worker that
    finishes first would wait for the other. While one batch's pieces run, the flow submits the
    next batch's (flows/batches.py), so the pool's queue rarely runs dry."""
    if workers <= 1 or len(items) < min_parallel:
        return [fn(items)]
    return list(_pool(workers).map(fn, chunks(items, workers * PIECES_PER_WORKER)))
