"""Local input discovery: folders, manifests and the problems reported for bad input."""

from __future__ import annotations

from pathlib import Path

from tasks.discover import discover_local


def _corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("عنوان\n\nنص المقال.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "c.HTM").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,url,published_at,language,title,source\n"
        "a.txt,https://example.org/a,2025-12-20,ar,عنوان من البيان,Example\n"
        "missing.txt,,2025-01-01,ar,,\n",
        encoding="utf-8",
    )
    return tmp_path


def test_folder_with_manifest(tmp_path: Path) -> None:
    found = discover_local([_corpus(tmp_path)])
    names = sorted(Path(i.uri).name for i in found.items)
    assert names == ["a.txt", "b.html", "c.HTM"]
    a = next(i for i in found.items if i.uri.endswith("a.txt"))
    assert a.kind == "text" and a.hints["url"] == "https://example.org/a" and a.hints["published_at"] == "2025-12-20"
    html = next(i for i in found.items if i.uri.endswith("b.html"))
    assert html.kind == "html" and html.hints == {}
    reasons = {Path(p.uri).name: p.reason for p in found.problems}
    assert "missing" in reasons["missing.txt"]
    assert "unsupported file type .pdf" in reasons["notes.pdf"]
    assert ".hidden.txt" not in reasons


def test_single_file_picks_up_its_manifest(tmp_path: Path) -> None:
    _corpus(tmp_path)
    found = discover_local([tmp_path / "a.txt"])
    assert len(found.items) == 1 and found.items[0].hints["language"] == "ar"


def test_missing_path_and_manifest_without_file_column(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("name,url\nx.txt,http://e.org\n", encoding="utf-8")
    found = discover_local([tmp_path, tmp_path / "nope"])
    assert [Path(i.uri).name for i in found.items] == ["x.txt"]
    assert any("no 'file' column" in p.reason for p in found.problems)
    assert any("no such file" in p.reason for p in found.problems)
