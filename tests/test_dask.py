"""Scale-out: the same flow runs its CPU work on a real Dask cluster through prefect-dask."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster
from test_flow import snapshot

from flows import cli


@pytest.fixture(scope="module")
def cluster() -> Iterator[tuple[LocalCluster, Client]]:
    # several worker processes on loopback, as a real deployment's workers would be separate processes
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1") as lc,
        Client(lc) as client,
    ):
        yield lc, client


def _transitions(client: Client) -> int:
    return client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter)


def test_dask_run_matches_local_run(
    prefect_harness: None, cluster: tuple[LocalCluster, Client], tmp_path: Path
) -> None:
    lc, client = cluster
    assert cli.main(["run", "--data-dir", str(tmp_path / "local"), "--workers", "1"]) == 0
    before = _transitions(client)
    assert (
        cli.main(
            ["run", "--data-dir", str(tmp_path / "dask"), "--dask-address", lc.scheduler_address, "--workers", "2"]
        )
        == 0
    )
    assert _transitions(client) > before, "no task ran on the Dask cluster"
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2
    assert snapshot(tmp_path / "dask" / "exports") == snapshot(tmp_path / "local" / "exports")
