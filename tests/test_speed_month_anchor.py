"""The month anchor found from the word index (dates._month_by_line) gives, line by line, the matches of
scanning each line with the anchor: in real articles and in random text dense with month names,
clitics, spaces, dots, underscores and line breaks."""

import random
from pathlib import Path

from tasks.nlp import dates
from tasks.nlp.text.document import Document

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    texts = [p.read_text() for p in sorted(ROOT.glob("quality/*/articles/*.txt"))]
    rnd = random.Random(13)
    pieces = ["ابريل", "اب", "مايو", "ماي", "كانون الثاني", "كانون", "تشرين الاول", "june", "jun.", "may"]
    pieces += ["و", "ب", "ل", "ف", "ال", " ", "  ", "\n", ".", "_", "x", "5", "سابق", "المقابل", "ابوظبي"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 60))) for _ in range(400)]
    return texts


def _scanned(doc: Document) -> list[tuple[int, int, list[tuple[int, int]]]]:
    out = []
    for ls, le in doc.lines:
        spans = [m.span() for m in dates._MONTH_ANCHOR.finditer(doc.nt, ls, le)]
        if spans:
            out.append((ls, le, spans))
    return out


def test_month_anchor_from_the_word_index_matches_the_line_scan() -> None:
    for text in _texts():
        doc = Document(text)
        words = doc.starts(dates._MONTH_LEAD)
        assert words is not None
        assert list(dates._month_by_line(doc, words)) == _scanned(doc), text
