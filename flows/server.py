"""`roundtable run` without PREFECT_API_URL runs on a temporary Prefect server, a uvicorn child
process (prefect.server.api.server.SubprocessASGIServer) that Prefect stops at exit, but not
when the run is killed. Started through this wrapper instead, it watches the run's process (a
pidfd, else polling) and stops when that is gone, however it went.
"""

from __future__ import annotations

import os
import subprocess
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
