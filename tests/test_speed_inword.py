"""Patterns found word by word (text/wordindex.py `in_word`, `InWordMatches`) give exactly the spans of
the plain regex scan, and find_dates, which finds most of its anchors so, gives what scanning every
line with every pattern gives."""

import random
import re
from datetime import date
from pathlib import Path

import pytest

from tasks.nlp import dates
from tasks.nlp.text.document import Document
from tasks.nlp.text.wordindex import InWordMatches, assertion_free, in_word

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\d+", True),
        (r"يوم|day", True),
        (r"ا(?:ل(?:ثلاثاء|خميس))|monday", True),
        (r"[0-9]{2}x?", True),
        (r"week\b", False),  # an assertion looks outside the word
        (r"(?<!\w)day", False),
        (r"day\s+after", False),  # a space: a match may span two words
        (r"\w+", False),  # \w holds "_", which is no word letter of the text's words
        (r"[^a]", False),
        (r"x?", False),  # may match empty, anywhere
        (r"(?i)day", False),
    ],
)
def test_in_word(pattern: str, expected: bool) -> None:
    assert in_word(re.compile(pattern)) is expected


def test_a_pattern_that_can_leave_its_word_is_refused() -> None:
    with pytest.raises(ValueError):
        InWordMatches([re.compile(r"day\s+after")])


def _texts() -> list[str]:
    texts = [p.read_text() for p in sorted(ROOT.glob("quality/*/articles/*.txt"))]
    rnd = random.Random(7)
    alphabet = "ab1 2_٣day يوماليومwee\nkاسبوع.-"
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 300))) for _ in range(300)]
    return texts


def test_spans_equal_the_scan() -> None:
    anchors = dates._IN_WORD_ANCHORS
    assert len(anchors.patterns) >= 5  # digits, weekdays, relative days, weeks, months/years
    for text in _texts():
        doc = Document(text)
        found = anchors.spans(doc.tok_starts, doc.words)
        for rx, spans in zip(anchors.patterns, found, strict=True):
            assert spans == [m.span() for m in rx.finditer(doc.nt)], (rx.pattern[:40], text[:80])


def test_dates_as_a_full_scan() -> None:
    for text in _texts():
        assert dates.find_dates(text, date(2025, 12, 4)) == dates.find_dates(text, date(2025, 12, 4), windowed=False)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"كانون\s+الثاني|رمضان", True),
        (r"(?:may|june)\.?", True),
        (r"[^\n]+x", True),
        (r"\bmay", False),
        (r"may(?!\w)", False),
        (r"^may", False),
        (r"a?", False),
    ],
)
def test_assertion_free(pattern: str, expected: bool) -> None:
    assert assertion_free(re.compile(pattern)) is expected


def test_months_found_in_one_scan_as_line_by_line() -> None:
    rnd = random.Random(5)
    words = ["كانون", "الثاني", "\n", "مايو", ".", "may", "june", "رمضان", "ذو", "الحجه", "x", "  "]
    texts = _texts() + [" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 40))) for _ in range(300)]
    for text in texts:
        doc = Document(text)
        for rx in (dates._MONTH_PLAIN, re.compile(dates._HIJRI_MONTH)):
            by_line = dates._plain_by_line(doc, rx)
            if by_line is None:
                assert any("\n" in m.group() for m in rx.finditer(doc.nt))
                continue
            for k, (ls, le) in enumerate(doc.lines):
                want = [m.span() for m in rx.finditer(doc.nt, ls, le)]
                assert [m.span() for m in by_line.get(k, [])] == want
