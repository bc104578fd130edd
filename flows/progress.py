"""Where a run's progress goes: a Reporter gets one line per event (`say`) and a count per stage
(`progress`). The flow is handed one: the command line's TerminalProgress prints the lines and
draws a bar per stage (plain lines when output is piped); without one, as in a deployment's run,
the lines go to the flow run's log."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

Say = Callable[[str], None]


class Reporter:
    """Lines to the flow run's logger; no bars."""

    def say(self, line: str) -> None:
        from prefect import get_run_logger  # only inside a flow run; this module stays Prefect-free

        get_run_logger().info(line)

    def progress(self, stage: str, done: int, total: int) -> None:
        """`done` of `total` items of `stage` (files, ...) are through."""


class TerminalProgress(Reporter):
    """Lines on standard output; one bar per stage while the output is a terminal."""

    def __init__(self, stream: TextIO | None = None) -> None:
        stream = stream or sys.stdout
        self.enabled = stream.isatty()
        self._bars: dict[str, TaskID] = {}
        self._progress = Progress(
            TextColumn("{task.description:>10}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(file=stream),
            transient=False,
            disable=not self.enabled,
        )

    def __enter__(self) -> TerminalProgress:
        self._progress.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()

    def __reduce__(self) -> tuple[type[Reporter], tuple[()]]:
        # The terminal is this process's: a copy elsewhere (Prefect ships the flow run's parameters
        # to Dask workers with each task) is a plain Reporter.
        return (Reporter, ())

    def progress(self, stage: str, done: int, total: int) -> None:
        if stage not in self._bars:
            self._bars[stage] = self._progress.add_task(stage, total=total)
        self._progress.update(self._bars[stage], completed=done, total=total)

    def say(self, line: str) -> None:
        """Print a line above the bars (or plainly when there are none)."""
        if self.enabled:
            self._progress.console.print(line, markup=False, highlight=False)
        else:
            print(line)
