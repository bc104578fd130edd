"""Sentence splitting for Arabic and English news text, in original offsets.

API (stable; other modules import it):

    split_sentences(text) -> list[tuple[int, int]]
        (start, end) offsets into `text`, in order, whitespace trimmed, never empty.

Rules: every line break ends a sentence (headlines, paragraphs and list items stand alone).
Inside a line a sentence ends after . ! ? ؟ … (with any closing quotes/brackets) when followed
by a space, the end of the line, or directly by an Arabic letter (glued paragraphs: "الأمد.الصراع").
A period does not end a sentence after an abbreviation (Mr., Gen., Jan.), an initial (J. D.),
a dotted acronym (U.S., U.N.), a single Arabic letter (د.), inside a number (3.5), or when the next
word starts in lower case. The Arabic comma ، and semicolon ؛ never end a sentence.
"""

from __future__ import annotations

import re

from tasks.nlp.text.charsets import is_arabic_letter
from tasks.nlp.yaml_resources import words

_ABBREV = frozenset(words("function_words.yaml")["abbreviations"])
_TERMINAL_RE = re.compile(r"[.!?؟…]+[\"'”’»)\]]*")
_ACRONYM_RE = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_LINE_RE = re.compile(r"[^\n\r\u2028\u2029]+")


def _ends_sentence(line: str, m: re.Match[str]) -> bool:
    punct = m.group()
    after = line[m.end() : m.end() + 1]
    if after and not (after.isspace() or is_arabic_letter(after) or after in "\"“«'"):
        return False  # 3.5, U.S.A, example.com: not a boundary
    # (the closers stripped, anything but dots left is one of !?؟…)
    if "." not in punct or punct.rstrip("\"'”’»)]").strip(".") or punct.startswith(".."):
        return True
    # a lone period: look at the word before it and the word after it, read from the 64 characters each
    # side (not a copy of the rest of the line per period), the whole line when those do not hold them
    ms = m.start()
    before = line[ms - 64 if ms > 64 else 0 : ms].rsplit(None, 1)
    if ms > 64 and len(before) < 2:
        before = line[:ms].rsplit(None, 1)
    word = before[-1] if before and not line[m.start() - 1 : m.start()].isspace() else ""
    word = word.lstrip("(\"'“«")
    if word.lower() in _ABBREV or _ACRONYM_RE.match(word):
        return False
    if len(word) == 1 and (word.isalpha()):
        return False  # an initial (J. D. Vance) or an Arabic abbreviation letter (د.)
    me = m.end()
    nxt = line[me : me + 64].lstrip()[:1] or line[me:].lstrip()[:1]
    return not (nxt and nxt.isascii() and nxt.islower())


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for lm in _LINE_RE.finditer(text):
        line, base = lm.group(), lm.start()
        start = 0
        for m in _TERMINAL_RE.finditer(line):
            if _ends_sentence(line, m):
                _add(spans, text, base + start, base + m.end())
                start = m.end()
        _add(spans, text, base + start, base + len(line))
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
