"""Discovery of local inputs: files and folders of articles, with an optional manifest.csv.

Pure bookkeeping, no reading of article bodies: the result is a list of items to ingest and
a list of problems (one line each) for what cannot be ingested.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

ARTICLE_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html"}
MANIFEST_NAME = "manifest.csv"
HINT_FIELDS = ("url", "published_at", "language", "title", "source")


@dataclass(frozen=True, slots=True)
class InputItem:
    uri: str  # absolute file path, or an http(s) URL
    origin: str  # "file" | "url" | a source name
    kind: str | None = None  # "html" | "text" for files; None for URLs (from the content type)
    hints: dict[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Problem:
    uri: str
    reason: str
    transient: bool = False


@dataclass(slots=True)
class Discovery:
    items: list[InputItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_manifest(path: Path) -> tuple[dict[Path, dict[str, str | None]], list[Problem]]:
    """Manifest rows keyed by resolved file path. Every column but `file` is optional."""
    hints: dict[Path, dict[str, str | None]] = {}
    problems: list[Problem] = []
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "file" not in [f.strip() for f in reader.fieldnames]:
                return {}, [Problem(str(path), "manifest has no 'file' column; ignored")]
            for line_no, row in enumerate(reader, start=2):
                row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
                name = row.get("file", "")
                if not name:
                    problems.append(Problem(f"{path}:{line_no}", "manifest row has an empty 'file'"))
                    continue
                target = (path.parent / name).resolve()
                hints[target] = {k: (row.get(k) or None) for k in HINT_FIELDS}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(Problem(str(path), f"unreadable manifest: {exc}"))
    return hints, problems


def discover_local(paths: list[Path]) -> Discovery:
    """Expand files and folders (recursively) into article items, honouring manifest.csv files."""
    out = Discovery()
    seen: set[Path] = set()
    for raw in paths:
        path = raw.expanduser()
        if not path.exists():
            out.problems.append(Problem(str(path), "no such file or folder"))
            continue
        if path.is_file():
            manifest = path.parent / MANIFEST_NAME
            hints = read_manifest(manifest)[0] if manifest.exists() and path.name != MANIFEST_NAME else {}
            _add_file(out, path.resolve(), hints, seen, explicit=True)
            continue
        _add_folder(out, path, seen)
    return out


def _add_folder(out: Discovery, folder: Path, seen: set[Path]) -> None:
    manifests: dict[Path, dict[str, str | None]] = {}
    for manifest in sorted(folder.rglob(MANIFEST_NAME)):
        hints, problems = read_manifest(manifest)
        manifests.update(hints)
        out.problems.extend(problems)
        for target in hints:
            if not target.exists():
                out.problems.append(Problem(str(target), f"named in {manifest} but missing"))
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name == MANIFEST_NAME or any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        _add_file(out, path.resolve(), manifests, seen, explicit=False)


def _add_file(
    out: Discovery, path: Path, manifests: dict[Path, dict[str, str | None]], seen: set[Path], *, explicit: bool
) -> None:
    if path in seen:
        return
    seen.add(path)
    kind = ARTICLE_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        if explicit or path.suffix:
            out.problems.append(Problem(str(path), f"skipped: unsupported file type {path.suffix or '(none)'}"))
        return
    out.items.append(InputItem(uri=str(path), origin="file", kind=kind, hints=dict(manifests.get(path, {}))))
