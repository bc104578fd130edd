"""Progress bars only on a terminal; plain lines otherwise."""

from __future__ import annotations

import io

import pytest

from flows.progress import TerminalProgress


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_piped_output_gets_plain_lines_and_no_bars(capsys: pytest.CaptureFixture[str]) -> None:
    stream = io.StringIO()
    with TerminalProgress(stream) as bars:
        bars.progress("files", 3, 10)
        bars.say("ingest: 10 file(s)")
    assert stream.getvalue() == ""  # no escape codes into a pipe
    assert capsys.readouterr().out == "ingest: 10 file(s)\n"


def test_terminal_gets_a_bar_per_stage() -> None:
    stream = FakeTTY()
    with TerminalProgress(stream) as bars:
        bars.progress("files", 3, 10)
        bars.progress("files", 10, 10)
        bars.say("done")
    out = stream.getvalue()
    assert "files" in out and "10/10" in out and "done" in out


def test_a_copy_in_another_process_is_a_plain_reporter() -> None:
    import pickle

    from flows.progress import Reporter

    with TerminalProgress(FakeTTY()) as bars:
        copy = pickle.loads(pickle.dumps(bars))
    assert type(copy) is Reporter
