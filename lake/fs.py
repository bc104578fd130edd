"""Where the lake lives: a folder on local disk (the default) or a folder on any fsspec filesystem.

    lake = open_lake("data/lake")                                    # local disk: pathlib and os
    lake = open_lake("memory://lake")                                # fsspec's in-memory filesystem
    lake = open_lake("s3://bucket/lake", {"endpoint_url": "http://127.0.0.1:9000"})

A `Lake` is the filesystem plus the lake's root folder on it, with the few operations the lake's
readers and writers need: paths, globs, an atomic Parquet write, sweeping temporaries, and the
string (and connection set-up) DuckDB reads a glob with. Local disk keeps its fast paths: plain
`pathlib`, a write under a temporary name + fsync + rename, DuckDB reading the files natively.
On any other filesystem a write is a single PUT of the whole object (atomic on object stores,
where a rename would be a copy and a delete), and DuckDB reads through the fsspec filesystem
registered on its connection, so no DuckDB extension is needed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb
import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
from fsspec.implementations.local import LocalFileSystem
from fsspec.spec import AbstractFileSystem

TMP_GLOB = ".*.tmp"  # temporaries of local writes: `.{name}.tmp` beside the final file


class Lake:
    """The lake's root folder on a filesystem. Build one with `open_lake`."""

    __slots__ = ("fs", "local_dir", "root")

    def __init__(self, fs: AbstractFileSystem, root: str, local_dir: Path | None = None) -> None:
        self.fs = fs
        self.root = root.rstrip("/") or fs.root_marker  # the folder on `fs`, without the protocol
        self.local_dir = local_dir  # set when the lake is on local disk: the fast paths use it

    @property
    def is_local(self) -> bool:
        return self.local_dir is not None

    def __repr__(self) -> str:
        return f"Lake({self.url()!r})"

    def path(self, *parts: str) -> str:
        """A path under the lake's root on its filesystem."""
        if self.local_dir is not None:
            return str(self.local_dir.joinpath(*parts))
        return "/".join([self.root.rstrip("/"), *parts]) if parts else self.root

    def url(self, *parts: str) -> str:
        """What DuckDB reads for a path (or glob) under the root: a local path, else a URL such as
        s3://bucket/lake/... (read through the filesystem `prepare` registers)."""
        if self.local_dir is not None:
            return self.path(*parts)
        return self.fs.unstrip_protocol(self.path(*parts))

    def exists(self, *parts: str) -> bool:
        if self.local_dir is not None:
            return self.local_dir.joinpath(*parts).exists()
        return bool(self.fs.exists(self.path(*parts)))

    def glob(self, pattern: str) -> list[str]:
        """Paths matching a glob relative to the root (`articles/*/*.parquet`), on the filesystem."""
        if self.local_dir is not None:
            return [str(p) for p in self.local_dir.glob(pattern)]
        return list(self.fs.glob(self.path(pattern)))

    def has_match(self, pattern: str) -> bool:
        """Whether anything matches the glob (locally, stops at the first match)."""
        if self.local_dir is not None:
            return any(True for _ in self.local_dir.glob(pattern))
        return bool(self.fs.glob(self.path(pattern)))

    def sizes(self, pattern: str) -> dict[str, int]:
        """Size in bytes of every file matching the glob, by path relative to the root ('/'-separated)."""
        if self.local_dir is not None:
            return {p.relative_to(self.local_dir).as_posix(): p.stat().st_size for p in self.local_dir.glob(pattern)}
        found = self.fs.glob(self.path(pattern), detail=True)
        prefix = self.root.rstrip("/") + "/"
        return {
            name.removeprefix(prefix): int(info["size"]) for name, info in found.items() if info.get("type") == "file"
        }

    def ensure(self) -> None:
        """Create the root folder on local disk. Object stores have no folders to create (and a
        missing bucket is an error to report, not something to create)."""
        if self.local_dir is not None:
            self.local_dir.mkdir(parents=True, exist_ok=True)

    def write_parquet(self, folder: str, name: str, data: pa.Table, compression: str = "zstd") -> str:
        """Write `data` as the file `folder/name` (relative to the root) so that no reader ever sees
        part of it; returns its path on the filesystem.

        Local disk: a temporary `.{name}.tmp` in the same folder, fsync, then rename (atomic on one
        filesystem). Elsewhere: the whole file in one put, which object stores make atomic."""
        if self.local_dir is not None:
            target = self.local_dir / folder
            target.mkdir(parents=True, exist_ok=True)
            final, tmp = target / name, target / f".{name}.tmp"
            try:
                pq.write_table(data, tmp, compression=compression)
                with open(tmp, "rb") as fh:
                    os.fsync(fh.fileno())
                os.replace(tmp, final)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
            return str(final)
        sink = pa.BufferOutputStream()
        pq.write_table(data, sink, compression=compression)
        path = self.path(folder, name)
        self.fs.pipe_file(path, sink.getvalue().to_pybytes())
        return path

    def sweep_temporaries(self, folders: str = "*/*") -> int:
        """Remove temporaries (`.*.tmp`) a killed local write left in the folders matching `folders`;
        returns how many. Writes elsewhere leave none, but one put there by hand is swept too."""
        if not self.exists():
            return 0
        found = self.glob(f"{folders}/{TMP_GLOB}")
        for path in found:
            if self.local_dir is not None:
                Path(path).unlink(missing_ok=True)
            else:
                self.fs.rm_file(path)
        return len(found)

    def prepare(self, con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
        """Make `con` able to read this lake's `url()`s; returns it. Nothing to do for local disk.
        Otherwise the fsspec filesystem is registered, so DuckDB reads through it, and DuckDB is told
        not to download extensions (it needs none for this, and may have no internet)."""
        if self.local_dir is None:
            con.execute("SET autoinstall_known_extensions = false")
            con.register_filesystem(self.fs)
        return con


LakeLocation = Lake | str | os.PathLike[str]


def open_lake(location: LakeLocation, storage_options: Mapping[str, Any] | None = None) -> Lake:
    """A lake from a local path or an fsspec URL (`file:///x`, `memory://lake`, `s3://bucket/prefix`,
    `gs://bucket/prefix`, ...). `storage_options` go to the filesystem (for s3: endpoint_url, key,
    secret, client_kwargs, ...); a local path takes none."""
    if isinstance(location, Lake):
        return location
    text = os.fspath(location)
    if "://" not in text and "::" not in text:
        return Lake(LocalFileSystem(), text, Path(text))
    fs, root = fsspec.core.url_to_fs(text, **dict(storage_options or {}))
    if isinstance(fs, LocalFileSystem):
        return Lake(fs, root, Path(root))
    # listings an earlier run in this process cached may be out of date: another process may
    # have written since (the filesystem object itself is shared by fsspec's instance cache)
    fs.invalidate_cache()
    return Lake(fs, root)


def as_lake(location: LakeLocation) -> Lake:
    """`location` as a Lake (a Lake is returned as it is; anything else opened without options)."""
    return location if isinstance(location, Lake) else open_lake(location)
