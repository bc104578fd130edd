"""`roundtable run` without PREFECT_API_URL runs on a temporary Prefect server, a uvicorn child
process (prefect.server.api.server.SubprocessASGIServer) that Prefect stops at exit, but not
when the run is killed. Started through this wrapper instead, it watches the run's process (a
pidfd, else polling) and stops when that is gone, however it went.
"""

from __future__ import annotations

import atexit
import os
import random
import socket
import subprocess
import sys
import time
from types import ModuleType
from typing import Any

_SERVER_BOOT = """
import os, select, signal, sys, threading, time
parent = int(sys.argv[1])
def watch():
    try:
        fd = os.pidfd_open(parent)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):
        while os.getppid() == parent:
            time.sleep(0.5)
    else:
        select.select([fd], [], [])
    os.kill(os.getpid(), signal.SIGTERM)  # uvicorn's own orderly stop
    time.sleep(5)
    os._exit(1)
if os.getppid() != parent:
    sys.exit(1)
threading.Thread(target=watch, daemon=True).start()
sys.argv = ["uvicorn", *sys.argv[2:]]
from uvicorn.main import main
main()
"""


class _ServerSubprocess:
    """prefect.server.api.server's `subprocess`, with Popen starting uvicorn through _SERVER_BOOT."""

    def __getattr__(self, name: str) -> Any:
        return getattr(subprocess, name)

    @staticmethod
    def Popen(args: Any, *rest: Any, **kwargs: Any) -> subprocess.Popen[Any]:
        if isinstance(args, list) and args[1:3] == ["-m", "uvicorn"]:
            args = [args[0], "-c", _SERVER_BOOT, str(os.getpid()), *args[3:]]
        return subprocess.Popen(args, *rest, **kwargs)


def tie_temporary_server() -> None:
    """Make the temporary Prefect server that a flow run may start die with this process."""
    from prefect.server.api import server

    if not isinstance(server.subprocess, _ServerSubprocess):
        server.subprocess = _ServerSubprocess()  # type: ignore[assignment]
    _hand_over(server)


_early: tuple[int, subprocess.Popen[Any]] | None = None  # (port, process) from start_temporary_server


def start_temporary_server() -> None:
    """Start now the temporary server a flow run would start at its first API call (when no API URL is
    set), so it boots while this process imports Prefect and the pipeline rather than after: seconds in
    which the pool has nothing to do. The same command, environment and ports as Prefect's
    (SubprocessASGIServer._run_uvicorn_command), through _SERVER_BOOT; tie_temporary_server hands it to
    Prefect once ready, or, if it did not start, lets Prefect start its own as before."""
    global _early
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    if _early is not None or settings.api.url or not settings.server.ephemeral.enabled:
        return
    import prefect

    free = [port for port in random.sample(range(8000, 9000), 10) if _port_free(port)]
    if not free:
        return
    env = {
        **os.environ,
        "PREFECT_UI_ENABLED": "0",
        "PREFECT__SERVER_EPHEMERAL": "1",
        "PREFECT__SERVER_FINAL": "1",
        **settings.to_environment_variables(exclude_unset=True),
    }
    args = [sys.executable, "-m", "uvicorn", "--app-dir", str(prefect.__module_path__.parent)]
    args += ["--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(free[0])]
    args += ["--log-level", "error", "--lifespan", "on"]
    _early = (free[0], _ServerSubprocess.Popen(args, env=env))


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _hand_over(server: ModuleType) -> None:
    """Wait for the server start_temporary_server started and make it Prefect's temporary server (as
    SubprocessASGIServer.start would have left it); if it failed, stop it: Prefect starts its own."""
    global _early
    if _early is None:
        return
    import httpx
    from prefect.settings import get_current_settings

    (port, process), _early = _early, None
    temporary = server.SubprocessASGIServer()
    deadline = time.monotonic() + get_current_settings().server.ephemeral.startup_timeout_seconds
    with httpx.Client() as client:
        while not temporary.running and process.poll() is None and time.monotonic() < deadline:
            try:
                if client.get(f"http://127.0.0.1:{port}/api/health").status_code == 200:
                    temporary.port, temporary.server_process, temporary.running = port, process, True
                    atexit.register(temporary.stop)
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
    if process.poll() is None:
        process.terminate()
        process.wait()
