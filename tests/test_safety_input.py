"""Input mistakes are caught and said, not silently turned into wrong data (issue #15, 6):
manifest values that cannot be read, invalid UTF-8, UTF-16 without a BOM, <noscript> text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.clean import clean_html
from tasks.decode import UndecodableError, decode_body
from tasks.discover import InputItem, discover_local, read_manifest
from tasks.ingest import page_from_file_bytes

ARABIC = "عقدت روسيا وأوكرانيا جولة جديدة من المحادثات في إسطنبول يوم الخميس. " * 20
ENGLISH = "Talks were held in Genève on Thursday between the delegations, officials said. " * 10
QUOTES = "The minister’s aide said the talks would resume next week. " * 10


# ---------------------------------------------------------------- manifest


def test_manifest_values_that_cannot_be_read_are_one_line_each(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt", "d.txt", "e.txt"):
        (tmp_path / name).write_text("text", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "file,published_at,url,language\n"
        "a.txt,not-a-date,https://example.org/a,ar\n"
        "b.txt,2025-13-45,,en\n"
        "c.txt,1 Jan 2026,,\n"
        "d.txt,2025-12-20T10:00:00+03:00,ftp://example.org/d,arabic\n"
        "e.txt,2025-12-20,https://example.org/e,ar\n",
        encoding="utf-8",
    )
    hints, problems = read_manifest(manifest)
    lines = [f"{p.uri}: {p.reason}" for p in problems]
    assert len(lines) == 5, lines
    for line_no, value in ((2, "not-a-date"), (3, "2025-13-45"), (4, "1 Jan 2026")):
        hit = [ln for ln in lines if ln.startswith(f"{manifest}:{line_no}:")]
        assert len(hit) == 1 and value in hit[0] and "published_at" in hit[0], lines
    assert any("ftp://example.org/d" in ln and "url" in ln for ln in lines)
    assert any("'arabic'" in ln and "language" in ln for ln in lines)
    by_name = {p.name: h for p, h in hints.items()}
    assert by_name["a.txt"]["published_at"] is None and by_name["a.txt"]["url"] == "https://example.org/a"
    assert by_name["d.txt"]["published_at"] == "2025-12-20T10:00:00+03:00" and by_name["d.txt"]["url"] is None
    assert by_name["e.txt"] == {
        "url": "https://example.org/e",
        "published_at": "2025-12-20",
        "language": "ar",
        "title": None,
        "source": None,
    }
    found = discover_local([tmp_path])
    assert len(found.items) == 5 and len(found.problems) == 5  # the files are still read, the bad values left out


def test_a_single_file_reports_its_own_manifest_row(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,published_at\na.txt,yesterday\n", encoding="utf-8")
    found = discover_local([tmp_path / "a.txt"])
    assert len(found.items) == 1 and found.items[0].hints["published_at"] is None
    assert [p.reason for p in found.problems] == ["published_at 'yesterday' is not a date (YYYY-MM-DD or ISO 8601)"]


# ---------------------------------------------------------------- bytes


@pytest.mark.parametrize("text", [ENGLISH, QUOTES, ARABIC])
@pytest.mark.parametrize("junk", [b"\xff", b"\x80", b"\xc3"])
def test_invalid_utf8_is_never_stored_as_mojibake(text: str, junk: bytes) -> None:
    bad = text[:25].encode("utf-8") + junk + text[25:].encode("utf-8")
    with pytest.raises(UndecodableError, match="not valid UTF-8"):
        decode_body(bad)  # a page over HTTP: rejected with the reason
    decoded = decode_body(bad, replace_invalid_utf8=True)  # a local file: kept, bad byte replaced, said
    assert decoded.encoding == "utf-8" and decoded.replaced == 1
    assert decoded.text.replace("\ufffd", "") == text


def test_a_local_file_with_invalid_utf8_is_kept_and_reported() -> None:
    body = ARABIC.encode("utf-8")
    bad = ARABIC[:25].encode("utf-8") + b"\xff" + ARABIC[25:].encode("utf-8")
    res = page_from_file_bytes(InputItem("/x/a.txt", "file", "text"), bad)
    assert res.page is not None and res.page["content"].replace("\ufffd", "") == ARABIC
    assert res.warning is not None and "1 byte" in res.warning and "not valid UTF-8" in res.warning
    assert page_from_file_bytes(InputItem("/x/b.txt", "file", "text"), body).warning is None


def test_legacy_encodings_still_decode() -> None:
    assert decode_body(ARABIC.encode("cp1256")).text == ARABIC
    assert decode_body(("Le café " * 40).encode("cp1252")).text == "Le café " * 40


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ARABIC, ENGLISH, "<html><body><p>" + ARABIC + "</p></body></html>"])
def test_utf16_without_a_bom_is_text_not_binary(codec: str, text: str) -> None:
    decoded = decode_body(text.encode(codec))
    assert decoded.text == text and decoded.encoding == codec


def test_binary_is_still_binary() -> None:
    with pytest.raises(UndecodableError):
        decode_body(bytes(range(256)) * 40)
    with pytest.raises(UndecodableError):
        decode_body(b"\x01\x00\x02\x00\x03\x00" * 500)  # little-endian integers, not UTF-16 text


# ---------------------------------------------------------------- <noscript>

TALK = "وعقدت روسيا وأوكرانيا محادثات في جنيف يوم الخميس الماضي بحضور الوفود الرسمية. "
WEATHER = "يتوقع أن تشهد المدينة أمطارا خفيفة اليوم مع انخفاض في درجات الحرارة خلال المساء. "


def test_noscript_text_is_not_article_text() -> None:
    html = (
        "<html><head><title>الطقس</title></head><body>"
        f"<noscript><p>{TALK * 3}</p></noscript>"
        f"<article><h1>الطقس</h1><p>{WEATHER * 5}</p></article></body></html>"
    )
    page = clean_html(html)
    assert "جنيف" not in page.text and "أمطارا" in page.text


def test_a_page_that_is_only_noscript_has_no_text() -> None:
    html = f"<html><body><noscript><p>{TALK * 4}</p><p>Please enable JavaScript.</p></noscript></body></html>"
    assert "جنيف" not in clean_html(html).text
