"""The real flow with its lake elsewhere than local disk, the warehouse and exports staying in DIR:

- on fsspec's in-memory filesystem (`memory://`), a genuinely non-local fsspec filesystem;
- on S3, served by moto's S3 server on 127.0.0.1 (nothing else is ever contacted);
- on `memory://` with the CPU work on a Dask cluster, which proves the workers never touch the lake
  (their processes have memory filesystems of their own).

Each run's exports must equal those of a run with the default local lake, a re-run must write no
new lake object, and nothing may land in DIR/lake.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import fsspec
import pytest
from distributed import Client, LocalCluster
from moto.server import ThreadedMotoServer
from test_flow import snapshot

from flows import cli

MEMORY = fsspec.filesystem("memory")
BUCKET = "roundtable-lake"
KEY, SECRET = "testing-key", "testing-secret"


@pytest.fixture(scope="module")
def local_exports(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The exports of a run with the default lake (DIR/lake on local disk): what every other lake must give."""
    data = tmp_path_factory.mktemp("local")
    assert cli.main(["run", "--data-dir", str(data)]) == 0
    assert any((data / "lake").rglob("*.parquet"))
    return snapshot(data / "exports")


@pytest.fixture
def memory_root() -> Iterator[str]:
    """A root in the in-memory filesystem that no other test uses; removed afterwards."""
    root = f"/roundtable-{uuid.uuid4().hex[:8]}"
    yield root
    if MEMORY.exists(root):
        MEMORY.rm(root, recursive=True)


def memory_objects(root: str) -> dict[str, int]:
    return {name: info["size"] for name, info in MEMORY.find(root, detail=True).items()}


def test_memory_lake_gives_the_exports_of_a_local_lake(
    local_exports: dict[str, list[str]], memory_root: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    run = ["run", "--data-dir", str(data), "--lake-url", f"memory://{memory_root}/lake"]
    assert cli.main(run) == 0
    first = memory_objects(memory_root)
    assert first and all(name.startswith(f"{memory_root}/lake/") and name.endswith(".parquet") for name in first)
    assert {name.split("/")[3] for name in first} >= {"raw_pages", "articles", "mentions", "events", "extractions"}
    assert snapshot(data / "exports") == local_exports
    assert (data / "warehouse.duckdb").is_file() and not (data / "lake").exists()

    assert cli.main(run) == 0
    assert memory_objects(memory_root) == first, "a re-run on the same input wrote new lake objects"
    assert snapshot(data / "exports") == local_exports
    assert not (data / "lake").exists()


# ---------------------------------------------------------------- S3 on loopback


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """moto's S3 server on 127.0.0.1 with a versioned bucket (so every object ever put is on record).
    The AWS SDK gets dummy credentials and no config files, instance metadata is off, and its default
    endpoint is the server too: no credential or region lookup can leave the machine."""
    nowhere = tmp_path_factory.mktemp("aws") / "none"
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    with pytest.MonkeyPatch.context() as env:
        for name in (
            "AWS_PROFILE",
            "AWS_SESSION_TOKEN",
            "AWS_ROLE_ARN",
            "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        ):
            env.delenv(name, raising=False)
        env.setenv("AWS_ACCESS_KEY_ID", KEY)
        env.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
        env.setenv("AWS_DEFAULT_REGION", "us-east-1")
        env.setenv("AWS_EC2_METADATA_DISABLED", "true")
        env.setenv("AWS_CONFIG_FILE", str(nowhere))
        env.setenv("AWS_SHARED_CREDENTIALS_FILE", str(nowhere))
        server.start()
        try:
            host, port = server.get_host_and_port()
            assert host.startswith("127.")
            endpoint = f"http://{host}:{port}"
            env.setenv("AWS_ENDPOINT_URL", endpoint)
            client = _client(endpoint)
            client.create_bucket(Bucket=BUCKET)
            client.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})
            yield endpoint
        finally:
            server.stop()


def _client(endpoint: str) -> Any:
    return boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id=KEY, aws_secret_access_key=SECRET
    )


def _object_history(endpoint: str) -> tuple[list[tuple[str, int]], list[str]]:
    """Every version of every object ever put in the bucket, as (key, size), and every delete marker."""
    pages = _client(endpoint).get_paginator("list_object_versions").paginate(Bucket=BUCKET)
    versions, deleted = [], []
    for page in pages:
        versions += [(v["Key"], v["Size"]) for v in page.get("Versions", [])]
        deleted += [m["Key"] for m in page.get("DeleteMarkers", [])]
    return sorted(versions), sorted(deleted)


def test_s3_lake_gives_the_exports_of_a_local_lake(
    local_exports: dict[str, list[str]], s3_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # storage options the way a deployment gives them: JSON in the environment (or a config-file table)
    options = {"endpoint_url": s3_endpoint, "key": KEY, "secret": SECRET}
    monkeypatch.setenv("ROUNDTABLE_LAKE_STORAGE_OPTIONS", json.dumps(options))
    data = tmp_path / "data"
    run = ["run", "--data-dir", str(data), "--lake-url", f"s3://{BUCKET}/lake"]
    assert cli.main(run) == 0
    versions, deleted = _object_history(s3_endpoint)
    keys = [key for key, _ in versions]
    assert keys and all(key.startswith("lake/") and key.endswith(".parquet") for key in keys)
    # one put per file at its final key: no temporary object, nothing overwritten, nothing deleted
    assert len(keys) == len(set(keys)) and deleted == []
    assert snapshot(data / "exports") == local_exports
    assert (data / "warehouse.duckdb").is_file() and not (data / "lake").exists()

    assert cli.main(run) == 0
    assert _object_history(s3_endpoint) == (versions, deleted), "a re-run on the same input wrote to the lake"
    assert snapshot(data / "exports") == local_exports


# ---------------------------------------------------------------- Dask workers and a memory lake


def test_dask_workers_never_touch_the_lake(
    local_exports: dict[str, list[str]], memory_root: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
        ) as cluster,
        Client(cluster) as client,
    ):
        assert (
            cli.main(
                [
                    "run",
                    "--data-dir",
                    str(data),
                    "--lake-url",
                    f"memory://{memory_root}/lake",
                    "--dask-address",
                    cluster.scheduler_address,
                    "--workers",
                    "2",
                ]
            )
            == 0
        )
        seen = client.run(lambda: sorted(fsspec.filesystem("memory").find("/")))
    assert len(seen) == 2 and all(found == [] for found in seen.values()), seen
    assert memory_objects(memory_root)  # the flow's process wrote the lake
    assert snapshot(data / "exports") == local_exports
