"""Bytes to text for fetched pages and local files, the way a careful browser would.

Order: a BOM, then the HTTP charset, then a <meta>/XML declaration in the first 4 KB, then
detection (UTF-16 without a BOM included). Every declaration is validated before it is
trusted: servers and templates often lie (a windows-1256 page served as iso-8859-1 is common on
Arabic sites), so a declaration that fails to decode strictly or yields mojibake falls through
to the next source. Bytes that
are valid UTF-8 beat a legacy declaration: multi-byte UTF-8 practically never happens by accident.

UTF-8 text with a few invalid bytes is not guessed into another charset (that gives mojibake):
it is rejected with the reason, or, with replace_invalid_utf8=True, decoded with U+FFFD for each
bad sequence and `Decoded.replaced` counting them, for the caller to report.

    decode_body(body, content_type, replace_invalid_utf8=False) -> Decoded(text, encoding, source, replaced)
    decode_file(path) -> Decoded
    UndecodableError: nothing gave sensible text (binary, NULs, garbage)
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

EncodingSource = Literal["bom", "http", "meta", "detected", "utf-8"]

SNIFF_BYTES = 4096  # how far into the body a <meta charset> is looked for
MAX_MESS = 0.2  # charset-normalizer's own threshold: above it the text reads as mojibake
MAX_BAD_CHARS = 0.01  # share of control/replacement characters tolerated in sensible text
_MESS_SAMPLE = 20_000  # characters of tag-free text scored for mojibake (cost bound)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # utf-32 first: its little-endian BOM starts with utf-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels browsers reinterpret (WHATWG Encoding Standard), keyed by Python's codec name.
_BROWSER_CODEC = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",  # latin-1 labels mean windows-1252 on the web
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gbk",
}
# Labels Python does not know but the web uses.
_LABEL_ALIASES = {
    "iso-8859-8-i": "iso8859-8",
    "windows-874": "cp874",
    "x-sjis": "shift_jis",
    "unicode-1-1-utf-8": "utf-8",
    "x-user-defined": "cp1252",
}

_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.IGNORECASE)
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([^"';\s]+)""", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>|&[#\w]+;")
# C0 controls other than tab/newlines, C1 controls, and the replacement character
_BAD_CHAR = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


class UndecodableError(ValueError):
    """The bytes do not decode to sensible text under any declared or detected charset."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # web name of the charset used, e.g. "utf-8", "windows-1256", "iso-8859-6"
    source: EncodingSource  # where that charset came from
    replaced: int = 0  # invalid UTF-8 sequences replaced with U+FFFD (only with replace_invalid_utf8)


# UTF-8 with a few bad bytes, not a legacy charset: at least this many valid multi-byte characters
# per invalid sequence (a legacy text read as UTF-8 is mostly invalid sequences)
_UTF8_VALID_PER_INVALID = 4
_UTF16_MIN_NULS = 0.1  # share of a UTF-16 text's code units with a NUL high byte (spaces, digits, Latin)
_UTF16_MAX_OTHER_NULS = 0.01  # NULs in the other byte of the unit: binary, not text


def decode_body(body: bytes, content_type: str | None = None, *, replace_invalid_utf8: bool = False) -> Decoded:
    """Decode a page body; `content_type` is the raw HTTP Content-Type header value, if any.

    UTF-8 with a few invalid bytes raises UndecodableError saying so, or with
    `replace_invalid_utf8` decodes with U+FFFD in their place (Decoded.replaced > 0)."""
    if not body:
        return Decoded("", "utf-8", "utf-8")

    for bom, codec in _BOMS:
        if body.startswith(bom):
            text = _strict(body[len(bom) :], codec)
            if text is not None and _sensible(text, legacy=False):
                return Decoded(text, web_name(codec), "bom")
            break  # a broken BOM proves nothing; go on as if it were absent

    utf8 = _strict(body, "utf-8")
    declared: list[tuple[EncodingSource, str | None]] = [
        ("http", http_charset(content_type)),
        ("meta", sniff_meta_charset(body)),
    ]
    for source, label in declared:
        codec = resolve_codec(label)
        if codec is None:
            continue
        if codec == "utf-8":
            if utf8 is not None and _sensible(utf8, legacy=False):
                return Decoded(utf8, "utf-8", source)
            continue  # declared utf-8 but is not: a mislabelled legacy page
        if codec.startswith(("utf-16", "utf-32")):
            continue  # without a BOM browsers ignore these labels (an ASCII <meta> can't be utf-16)
        if utf8 is not None and not utf8.isascii() and _sensible(utf8, legacy=False):
            return Decoded(utf8, "utf-8", "utf-8")  # valid multi-byte utf-8 beats a legacy label
        text = _strict(body, codec)
        if text is not None and _sensible(text):
            return Decoded(text, web_name(codec), source)

    if utf8 is not None and _sensible(utf8, legacy=False):
        return Decoded(utf8, "utf-8", "utf-8")
    if utf8 is None:
        damaged = _damaged_utf8(body)
        if damaged is not None:
            text, bad, first = damaged
            if not replace_invalid_utf8:
                raise UndecodableError(f"{_bytes(bad)} not valid UTF-8 in UTF-8 text (first at byte {first})")
            return Decoded(text, "utf-8", "utf-8", replaced=bad)
    return _detect(body)


def _bytes(n: int) -> str:
    return f"{n} byte{'' if n == 1 else 's'}" if n else "no byte"


def _damaged_utf8(body: bytes) -> tuple[str, int, int] | None:
    """(text with U+FFFD, invalid sequences, offset of the first) when `body` is UTF-8 text with a
    few invalid bytes; None when it reads as another charset (or as nothing)."""
    try:
        body.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        first = exc.start
    text = body.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - body.count("\ufffd".encode())
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    if bad <= 0 or multibyte < _UTF8_VALID_PER_INVALID * bad or bad > max(1, MAX_BAD_CHARS * len(text)):
        return None
    if not _sensible(text.replace("\ufffd", ""), legacy=False):
        return None
    return text, bad, first


def decode_file(path: str | Path) -> Decoded:
    """Decode a local file with no HTTP header: BOM, <meta>, then detection."""
    return decode_body(Path(path).read_bytes(), None)


def http_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value, if any."""
    if not content_type:
        return None
    m = _HTTP_CHARSET.search(content_type)
    return m.group(1) if m else None


def sniff_meta_charset(body: bytes) -> str | None:
    """The charset named by an XML declaration or <meta> tag in the first SNIFF_BYTES bytes."""
    head = body[:SNIFF_BYTES]
    m = _XML_DECL.search(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii") if m else None


def resolve_codec(label: str | None) -> str | None:
    """Python codec name for a charset label, as browsers interpret it; None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _LABEL_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _BROWSER_CODEC.get(name, name)


def web_name(codec: str) -> str:
    """The usual web label for a Python codec name (cp1256 -> windows-1256, iso8859-6 -> iso-8859-6)."""
    name = codecs.lookup(codec).name
    if m := re.fullmatch(r"cp(125\d)", name):
        return f"windows-{m.group(1)}"
    if m := re.fullmatch(r"iso8859-(\d+)", name):
        return f"iso-8859-{m.group(1)}"
    return name


def _strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _sensible(text: str, *, legacy: bool = True) -> bool:
    """No binary debris and, for a legacy single/double-byte charset, no mojibake in the readable
    text. Valid UTF-8 (or a BOM) is not scored: a wrong charset can't produce it by accident."""
    if not text:
        return True
    if len(_BAD_CHAR.findall(text)) > MAX_BAD_CHARS * len(text) or "\x00" in text:
        return False
    if not legacy or text.isascii():
        return True
    # Score only what a reader sees: markup is ASCII and would dilute the mojibake signal.
    visible = " ".join(_TAG.sub(" ", text).split())[:_MESS_SAMPLE]
    return not visible or mess_ratio(visible, maximum_threshold=1.0) < MAX_MESS


def _utf16_without_bom(body: bytes) -> Decoded | None:
    """UTF-16 text without a BOM: NUL bytes in one half of the code units (the high byte of spaces,
    digits and Latin letters) and almost none in the other; strict decoding to sensible text."""
    units = len(body) // 2
    if units < 4 or len(body) % 2:
        return None
    even, odd = body[0::2].count(0), body[1::2].count(0)
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high < _UTF16_MIN_NULS * units or low > _UTF16_MAX_OTHER_NULS * units:
            continue
        text = _strict(body, codec)
        if text is not None and "\x00" not in text and _sensible(text, legacy=False):
            visible = " ".join(_TAG.sub(" ", text).split())[:_MESS_SAMPLE]
            if visible and mess_ratio(visible, maximum_threshold=1.0) < MAX_MESS:
                return Decoded(text, codec, "detected")
    return None


def _detect(body: bytes) -> Decoded:
    utf16 = _utf16_without_bom(body) if b"\x00" in body else None
    if utf16 is not None:
        return utf16
    if b"\x00" in body:  # no BOM, yet NULs, and not UTF-16 text: binary
        nuls = body.count(0)
        raise UndecodableError(f"binary content ({nuls} NUL bytes), not text")
    for match in from_bytes(body):
        codec = resolve_codec(match.encoding)
        if codec is None:
            continue
        text = _strict(body, codec)
        if text is not None and _sensible(text):
            return Decoded(text, web_name(codec), "detected")
    raise UndecodableError("no charset decodes the body to sensible text")
