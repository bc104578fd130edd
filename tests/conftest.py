"""Shared pytest fixtures, and the end-of-run lines about what was not checked."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import paths  # tests/ is on sys.path (rootdir conftest, no __init__.py); reads the suite's variables
import pytest
from newsite import NewsSite

# A skip whose reason starts with this is listed at the end of the run, even under -q: it names a check
# that did not run because its data is retrieved rather than committed (and so may be absent).
NOT_CHECKED = "NOT CHECKED"
_NOTES = pytest.StashKey[list[str]]()


@pytest.fixture(scope="session", autouse=True)
def _suite_variables_hidden() -> Iterator[None]:
    """The CLI refuses ROUNDTABLE_* variables it does not know: hide the suite's own (paths.py has read them)."""
    with pytest.MonkeyPatch.context() as mp:
        for name in paths.TEST_VARIABLES:
            mp.delenv(name, raising=False)
        yield


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect API (its own SQLite database, a server subprocess) for the whole session.

    Every test that runs a flow asks for it. Flow runs, logs and artifacts of all such tests share its
    database, so a test that reads them back filters them to its own runs."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def other_site() -> Iterator[NewsSite]:
    """A second site on 127.0.0.2: the 'other host' that feeds link to and a crawl must never reach."""
    with NewsSite("127.0.0.2") as site:
        yield site


@pytest.fixture(scope="session")
def news_site(other_site: NewsSite) -> Iterator[NewsSite]:
    """A real HTTP news site on 127.0.0.1 (see tests/newsite.py), shared by the whole session."""
    with NewsSite(other=other_site.base_url) as site:
        yield site


@pytest.fixture
def terminal_note(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """note(line): print line in the summary at the end of the run (shown under -q too). The line rides
    on the test's report too, so it reaches the summary from an xdist worker."""

    def note(line: str) -> None:
        request.config.stash.setdefault(_NOTES, []).append(line)
        request.node.user_properties.append(("note", line))

    return note


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    not_checked = []
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = getattr(report, "longrepr", None)
        reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else ""
        reason = reason.removeprefix("Skipped: ")
        if reason.startswith(NOT_CHECKED):
            not_checked.append(f"{reason} [{report.nodeid}]")
    notes = list(config.stash.get(_NOTES, []))
    for reports in terminalreporter.stats.values():
        for report in reports:
            for key, line in getattr(report, "user_properties", []) or []:
                if key == "note" and line not in notes:
                    notes.append(line)
    if notes:
        terminalreporter.write_sep("=", "notes")
        for line in notes:
            terminalreporter.write_line(line)
    if not_checked:
        terminalreporter.write_sep("!", f"{len(not_checked)} check(s) NOT run: their data is absent")
        for line in not_checked:
            terminalreporter.write_line(line, yellow=True, bold=True)
