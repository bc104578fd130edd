"""Discovery of local inputs: files and folders of articles, with an optional manifest.csv.

Pure bookkeeping, no reading of article bodies: the result is a list of items to ingest and
a list of problems (one line each) for what cannot be ingested.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

ARTICLE_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html"}
MANIFEST_NAME = "manifest.csv"
HINT_FIELDS = ("url", "published_at", "language", "title", "source")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


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
    """Manifest rows keyed by resolved file path. Every column but `file` is optional.

    A value that cannot be read (a published_at that is not an ISO date, a url that is not
    http(s), a language that is not an ISO 639 code) is one problem line naming the file and row,
    and left empty; the row's file is still read."""
    hints, problems, _ = _read_manifest(path)
    return hints, problems


def _read_manifest(
    path: Path,
) -> tuple[dict[Path, dict[str, str | None]], list[Problem], dict[Path, list[Problem]]]:
    """read_manifest, plus each file's own problems (for a file given alone)."""
    hints: dict[Path, dict[str, str | None]] = {}
    problems: list[Problem] = []
    per_file: dict[Path, list[Problem]] = {}
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "file" not in [f.strip() for f in reader.fieldnames]:
                return {}, [Problem(str(path), "manifest has no 'file' column; ignored")], {}
            for line_no, row in enumerate(reader, start=2):
                row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
                name = row.get("file", "")
                if not name:
                    problems.append(Problem(f"{path}:{line_no}", "manifest row has an empty 'file'"))
                    continue
                target = (path.parent / name).resolve()
                values = {k: (row.get(k) or None) for k in HINT_FIELDS}
                for key, reason in _unreadable(values):
                    values[key] = None
                    problem = Problem(f"{path}:{line_no}", reason)
                    problems.append(problem)
                    per_file.setdefault(target, []).append(problem)
                hints[target] = values
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(Problem(str(path), f"unreadable manifest: {exc}"))
    return hints, problems, per_file


def _unreadable(values: dict[str, str | None]) -> list[tuple[str, str]]:
    """(column, one-line reason) for each manifest value that cannot be used as given."""
    out = []
    published = values.get("published_at")
    if published is not None and not _is_iso_date(published):
        out.append(("published_at", f"published_at {published!r} is not a date (YYYY-MM-DD or ISO 8601)"))
    url = values.get("url")
    if url is not None and not url.lower().startswith(("http://", "https://")):
        out.append(("url", f"url {url!r} is not an http(s) URL"))
    language = values.get("language")
    if language is not None:
        if _LANGUAGE.match(language.lower()):
            values["language"] = language.lower()
        else:
            out.append(("language", f"language {language!r} is not an ISO 639 code such as ar or en"))
    return out


def _is_iso_date(value: str) -> bool:
    """A date or date-time the articles stage reads (tasks.articles.parse_published)."""
    text = value.strip().replace("Z", "+00:00")
    try:
        datetime.fromisoformat(text)
        return True
    except ValueError:
        pass
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return False
    return len(text) == 10 or text[10] in "T "  # a day with a time Python cannot read: the day is used


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
            hints: dict[Path, dict[str, str | None]] = {}
            if manifest.exists() and path.name != MANIFEST_NAME:
                hints, _, per_file = _read_manifest(manifest)
                out.problems.extend(per_file.get(path.resolve(), []))  # only this file's row is said
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
    before = len(out.items) + len(out.problems)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name == MANIFEST_NAME or any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        _add_file(out, path.resolve(), manifests, seen, explicit=False)
    if len(out.items) + len(out.problems) == before:  # said, so a run on an empty folder is not a silent success
        kinds = "/".join(sorted(ARTICLE_SUFFIXES))
        out.problems.append(Problem(str(folder), f"no article files ({kinds}) in this folder"))


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
