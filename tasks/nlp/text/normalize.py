"""Text normalisation for matching, with an exact map back to original offsets.

API (stable; other modules import it):

    n = normalize(text)            # -> Normalized
    n.text                         # normalised text, for matching only (never stored)
    n.original                     # the text as given
    n.to_original(i) -> int        # original offset of normalised offset i (0 <= i <= len(n.text))
    n.orig_span(start, end)        # normalised [start, end) -> original (start, end); trailing
                                   # diacritics/tatweel after the last matched letter are included
    n.to_normalized(o) -> int      # first normalised offset at or after original offset o
    norm_token(s) -> str           # normalise a word or phrase (gazetteer keys, stop lists):
                                   # normalised text with whitespace collapsed and stripped

What changes: hamza/madda alef forms (أ إ آ ٱ) -> ا, ة -> ه, ى/ی -> ي, ؤ -> و, ئ -> ي, ک -> ك,
Arabic diacritics, Quranic marks, tatweel and zero-width/bidi controls removed, Arabic-Indic and
Persian digits -> ASCII, Latin casefolded with accents stripped (Türkiye -> turkiye), typographic
quotes -> " or ', dashes -> -, compatibility forms (NBSP, ligatures) decomposed by NFKD.
Removals and expansions change the length; the offset map keeps every position exact.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from tasks.nlp.text.charsets import DIGIT_FOLD, FORMAT_CONTROLS, LETTER_FOLD, MARKS, PUNCT_FOLD, TATWEEL

_LETTER_MAP = {**LETTER_FOLD, **PUNCT_FOLD, TATWEEL: "", **DIGIT_FOLD}

# Arabic marks and tatweel, plus zero-width and bidi controls: dropped
_DROP_RE = re.compile(f"[{MARKS}{TATWEEL}{FORMAT_CONTROLS}]")


class _Table(dict):
    """str.translate table that computes (and caches) each code point's replacement on first use."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        if _DROP_RE.match(ch):
            out = ""
        elif ch in _LETTER_MAP:
            out = _LETTER_MAP[ch]
        elif cp < 0x80:
            out = ch.lower()
        elif 0x0600 <= cp <= 0x06FF:
            out = ch  # plain Arabic letter: NFKD would split hamza forms we already handled
        else:
            # compatibility forms (ligatures, presentation forms, NBSP), Latin accents, casefold
            dec = unicodedata.normalize("NFKD", ch)
            out = "".join(c for c in dec if not unicodedata.combining(c)).casefold()
            if any(c in _LETTER_MAP or _DROP_RE.match(c) for c in out):
                out = "".join(_LETTER_MAP.get(c, c) for c in out if not _DROP_RE.match(c))
            if not out and not unicodedata.combining(ch):
                out = ch
        self[cp] = out
        return out


_TABLE = _Table()


@dataclass(frozen=True, slots=True)
class Normalized:
    original: str
    text: str
    _src: tuple[int, ...] | None  # original offset of each normalised char; None = identity

    def to_original(self, i: int) -> int:
        if self._src is None:
            return i
        if i >= len(self.text):
            return len(self.original)
        return self._src[i]

    def to_normalized(self, o: int) -> int:
        """Inverse map: the first normalised offset whose character comes from original >= o."""
        if self._src is None:
            return o
        return bisect_left(self._src, o)

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) to original offsets covering exactly those characters."""
        if self._src is None:
            return start, end
        if end <= start:
            o = self.to_original(start)
            return o, o
        o_start = self._src[start]
        o_end = self._src[end - 1] + 1
        # take along marks the normalisation dropped right after the match (بوتينُ)
        orig = self.original
        while o_end < len(orig) and _TABLE[ord(orig[o_end])] == "" and orig[o_end] not in " \n\t":
            o_end += 1
        return o_start, o_end


def _identity_class() -> str:
    """A regex class of the characters below U+0700 that normalise to themselves (plain Arabic letters,
    lower-case Latin, digits, spaces, most punctuation): most of any article."""
    same = [cp for cp in range(0x700) if _TABLE[cp] == chr(cp)]
    runs: list[list[int]] = []
    for cp in same:
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return "".join(re.escape(chr(a)) + ("" if a == b else "-" + re.escape(chr(b))) for a, b in runs)


# the stretches of text that normalisation may change: `str.translate` looks every character up in
# the table (about 50 ns a character), while a class test skips the unchanged ones in C
_CHANGING = re.compile(f"[^{_identity_class()}]+")
_FIXED: dict[str, bool] = {}  # by character: its replacement's characters all translate to themselves


def _fixed(c: str) -> bool:
    out = _FIXED[c] = all(_TABLE[ord(x)] == x for x in _TABLE[ord(c)])
    return out


def _translate(text: str) -> tuple[str, set[str]]:
    """`text.translate(_TABLE)`, translating only the stretches that may change, and the characters of
    those stretches (only they can change the text's length)."""
    touched = set("".join(_CHANGING.findall(text)))
    # a handful of distinct letters change a page (أ ة ى ...): one `str.replace` each, in C, instead of a
    # Python call per stretch; one after another is translate's result when no replacement holds a
    # character that changes itself (then a later replace cannot touch an earlier one's output)
    if all(_FIXED.get(c) or _fixed(c) for c in touched):
        out = text
        for c in touched:
            if (r := _TABLE[ord(c)]) != c:
                out = out.replace(c, r)
        return out, touched
    seen: list[str] = []

    def fold(m: re.Match[str]) -> str:
        s = m.group()
        seen.append(s)
        return s.translate(_TABLE)

    out = _CHANGING.sub(fold, text)
    return out, set("".join(seen))


def normalize(text: str) -> Normalized:
    """Normalise `text` for matching (see module docstring), keeping an offset map."""
    out, touched = _translate(text)
    changers = [c for c in touched if len(_TABLE[ord(c)]) != 1]
    if not changers:
        return Normalized(text, out, None)
    src: list[int] = []
    prev = 0
    pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(changers)) + "]")
    for m in pattern.finditer(text):
        i = m.start()
        src.extend(range(prev, i))  # unchanged stretch: one to one
        src.extend([i] * len(_TABLE[ord(text[i])]))  # dropped (0) or expanded (n) char
        prev = i + 1
    src.extend(range(prev, len(text)))
    assert len(src) == len(out)
    return Normalized(text, out, tuple(src))


_WS_RE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def norm_token(s: str) -> str:
    """Normalised form of a word or phrase, whitespace collapsed: the key used by gazetteers."""
    return _WS_RE.sub(" ", normalize(s).text).strip()
