"""decode_body / decode_file: BOM, HTTP charset, <meta>, detection, and lying declarations."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from tasks.decode import (
    SNIFF_BYTES,
    Decoded,
    UndecodableError,
    decode_body,
    decode_file,
    http_charset,
    resolve_codec,
    sniff_meta_charset,
    web_name,
)

AR = (
    "أعلنت وزارة الخارجية القطرية أن الدوحة ستستضيف الأسبوع المقبل اجتماعاً بين ممثلين عن موسكو "
    "وكييف لبحث ملف الأطفال المرحّلين، في خطوة وصفها دبلوماسيون بأنها اختبار لجدية الطرفين."
)
AR_TITLE = "الدوحة تستضيف اجتماعاً روسياً أوكرانياً"
FR = "Les négociations reprendront à Genève : « un pas modeste », a estimé le ministre — coût 5 €."


def page(charset_tag: str = "", body: str = AR, title: str = AR_TITLE) -> str:
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head>{charset_tag}<title>{title}</title></head>'
        f"<body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )


META_1256 = '<meta charset="windows-1256">'
HTTP_EQUIV_1256 = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'


# ---------------------------------------------------------------- BOMs


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    ],
)
def test_bom_wins_and_is_not_part_of_the_text(bom: bytes, codec: str, expected: str) -> None:
    html = page(META_1256)  # the BOM beats a contradicting <meta>
    decoded = decode_body(bom + html.encode(codec), "text/html; charset=iso-8859-1")
    assert decoded == Decoded(html, expected, "bom")


# ---------------------------------------------------------------- declarations that tell the truth


def test_http_charset_utf8() -> None:
    html = page()
    assert decode_body(html.encode(), "text/html; charset=UTF-8") == Decoded(html, "utf-8", "http")


def test_declared_utf8_is_trusted_even_when_it_looks_odd() -> None:
    odd = "<p>x² + y³ ≤ ∑ αβγ ΔΩ ½ ¼ ‰ ™ ® ℃ № — ЀЁЂЃ אבג أبج 🔥</p>" * 20  # scores as "messy"
    assert decode_body(odd.encode(), "text/html; charset=utf-8") == Decoded(odd, "utf-8", "http")


def test_http_charset_windows_1256_without_meta() -> None:
    html = page()
    decoded = decode_body(html.encode("cp1256"), 'text/html; charset="Windows-1256"')
    assert decoded == Decoded(html, "windows-1256", "http")


@pytest.mark.parametrize("tag", [META_1256, HTTP_EQUIV_1256])
def test_meta_windows_1256(tag: str) -> None:
    html = page(tag)
    assert decode_body(html.encode("cp1256"), "text/html") == Decoded(html, "windows-1256", "meta")


def test_meta_iso_8859_6() -> None:
    html = page('<meta charset="ISO-8859-6">')
    assert decode_body(html.encode("iso8859_6"), None) == Decoded(html, "iso-8859-6", "meta")


def test_xml_declaration_counts_as_meta() -> None:
    xhtml = '<?xml version="1.0" encoding="windows-1256"?>\n' + page()
    assert decode_body(xhtml.encode("cp1256"), "application/xhtml+xml") == Decoded(xhtml, "windows-1256", "meta")


def test_latin1_label_means_windows_1252_for_latin_text() -> None:
    html = f'<html><head><meta charset="iso-8859-1"></head><body><p>{FR}</p><p>“quoted”</p></body></html>'
    decoded = decode_body(html.encode("cp1252"), None)
    assert decoded.encoding == "windows-1252"
    assert decoded.source == "meta"
    assert "5 €" in decoded.text and "“quoted”" in decoded.text  # 0x80/0x93 are not latin-1 controls


def test_http_charset_beats_meta_when_both_decode() -> None:
    html = page('<meta charset="iso-8859-6">', body="Ordinary ASCII body.", title="Plain")
    decoded = decode_body(html.encode("ascii"), "text/html; charset=windows-1256")
    assert decoded.source == "http" and decoded.encoding == "windows-1256"


# ---------------------------------------------------------------- declarations that lie


def test_latin1_declared_but_really_windows_1256() -> None:
    html = page()  # typical: the server's default label on a legacy Arabic page
    decoded = decode_body(html.encode("cp1256"), "text/html; charset=ISO-8859-1")
    assert decoded == Decoded(html, "windows-1256", "detected")


def test_latin1_meta_but_really_windows_1256() -> None:
    html = page('<meta http-equiv="content-type" content="text/html; charset=latin1">')
    decoded = decode_body(html.encode("cp1256"), None)
    assert decoded.text == html
    assert decoded.encoding == "windows-1256"


def test_utf8_declared_but_really_windows_1256() -> None:
    html = page('<meta charset="utf-8">')
    decoded = decode_body(html.encode("cp1256"), "text/html; charset=utf-8")
    assert decoded == Decoded(html, "windows-1256", "detected")


def test_valid_utf8_beats_a_legacy_label() -> None:
    html = page(META_1256)
    decoded = decode_body(html.encode("utf-8"), "text/html; charset=windows-1256")
    assert decoded == Decoded(html, "utf-8", "utf-8")


def test_unknown_label_is_ignored() -> None:
    html = page('<meta charset="x-klingon">')
    assert decode_body(html.encode(), "text/html; charset=bogus") == Decoded(html, "utf-8", "utf-8")


# ---------------------------------------------------------------- no declaration


def test_undeclared_utf8() -> None:
    assert decode_body(AR.encode(), None) == Decoded(AR, "utf-8", "utf-8")


@pytest.mark.parametrize(("codec", "expected"), [("cp1256", "windows-1256"), ("iso8859_6", "iso-8859-6")])
def test_undeclared_arabic_legacy_is_detected(codec: str, expected: str) -> None:
    html = page()
    decoded = decode_body(html.encode(codec), "text/html")
    assert decoded == Decoded(html, expected, "detected")


def test_meta_past_the_sniff_window_is_not_read() -> None:
    padding = "<!-- " + "x" * SNIFF_BYTES + " -->"
    html = "<html><head>" + padding + '<meta charset="iso-8859-6"></head><body>' + AR + "</body></html>"
    assert sniff_meta_charset(html.encode("cp1256")) is None
    assert decode_body(html.encode("cp1256"), None).source == "detected"


def test_empty_body() -> None:
    assert decode_body(b"", None) == Decoded("", "utf-8", "utf-8")


# ---------------------------------------------------------------- garbage


def test_binary_with_nuls_is_undecodable() -> None:
    with pytest.raises(UndecodableError) as err:
        decode_body(b"\x00\x01\x02\x03PK\x00\xff\xfe" * 300, "text/html; charset=utf-8")
    assert "\n" not in str(err.value) and str(err.value)


@pytest.mark.parametrize("low", [1, 0x80])
def test_random_bytes_without_nuls_are_undecodable(low: int) -> None:
    rng = random.Random(low)
    garbage = bytes(rng.randrange(low, 256) for _ in range(4000))
    with pytest.raises(UndecodableError):
        decode_body(garbage, None)


# ---------------------------------------------------------------- files and helpers


def test_decode_file(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    html = page(META_1256)
    path.write_bytes(html.encode("cp1256"))
    assert decode_file(path) == Decoded(html, "windows-1256", "meta")
    txt = tmp_path / "article.txt"
    txt.write_bytes(codecs.BOM_UTF8 + AR.encode())
    assert decode_file(str(txt)) == Decoded(AR, "utf-8", "bom")


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("ISO-8859-1", "cp1252"),
        ("latin1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("Windows-1256", "cp1256"),
        ("cp1256", "cp1256"),
        ("ISO-8859-6", "iso8859-6"),
        ("utf8", "utf-8"),
        ('"UTF-8"', "utf-8"),
        ("x-klingon", None),
        ("", None),
        (None, None),
    ],
)
def test_resolve_codec(label: str | None, codec: str | None) -> None:
    assert resolve_codec(label) == codec


def test_names_and_header_parsing() -> None:
    assert web_name("cp1256") == "windows-1256"
    assert web_name("iso8859_6") == "iso-8859-6"
    assert web_name("utf_8") == "utf-8"
    assert http_charset("text/html; charset='windows-1256'; foo=bar") == "windows-1256"
    assert http_charset("text/html") is None
    assert http_charset(None) is None
