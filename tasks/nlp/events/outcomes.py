"""Outcomes a clause says talks produced («أسفرتا عن تبادل الأسرى», "agreed a ceasefire")."""

from __future__ import annotations

import re

from tasks.nlp.events.lexicon import Lexicon
from tasks.nlp.events.words import WORD_RX, member
from tasks.nlp.settings import NLP
from tasks.nlp.text.document import Document


def _issued(doc: Document, lex: Lexicon, start: int, lo: int) -> bool:
    """No hedge, negation, future or draft just before a document («من المتوقع أن يصدر», "a draft")."""
    return not any(
        member(w, lex.hedges) or member(w, lex.not_yet) for w in doc.words_before(start, NLP.document_reach, floor=lo)
    )


def _named_declaration(doc: Document, m: re.Match[str]) -> bool:
    """«إعلان الجزائر», "the Khartoum Declaration": the declaration word with a place right after it
    (Arabic) or right before it (English), a place the article names as one (a small city beside a
    capitalised word is not always read as a place, so its name found elsewhere counts)."""
    places = {doc.nt[a.start : a.end] for a in doc.args if a.kind == "location"}
    if m.group("core").isascii():
        near = doc.words_before(m.start(), 2)
        return any(" ".join(near[k:]) in places for k in range(len(near)))
    near = doc.words_after(m.end(), 2)
    return any(" ".join(near[:k]) in places for k in (1, 2))


def _codes(found: list[tuple[int, int, str]]) -> list[str]:
    return [c for _, _, c in sorted(found)]


def find_documents(doc: Document, lex: Lexicon, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Joint statements, final communiques and declarations named for a place issued in [lo, hi): they
    exist once issued, so no result verb is needed («وفي بيان مشترك صدر بعد الاجتماع»)."""
    found: list[tuple[int, int, str]] = []
    for rx, code in lex.document_rx:
        found += [(m.start(), m.end(), code) for m in doc.finditer(rx, lo, hi) if _issued(doc, lex, m.start(), lo)]
    for m in doc.finditer(lex.declaration_rx, lo, hi):
        overlaps = any(s < m.end() and m.start() < e for s, e, _ in found)
        if not overlaps and _named_declaration(doc, m) and _issued(doc, lex, m.start(), lo):
            found.append((m.start(), m.end(), "joint_statement"))
    return found


def find_outcomes(doc: Document, lex: Lexicon, lo: int, hi: int, documents_from: int | None = None) -> list[str]:
    """Outcomes the clause says the talks produced («أسفرتا عن تبادل الأسرى», "agreed a ceasefire"), and the
    documents issued from `documents_from` (default `lo`) on."""
    found = find_documents(doc, lex, lo if documents_from is None else documents_from, hi)
    results = list(doc.finditer(lex.result_rx, lo, hi))
    if not results:
        # any other outcome counts only with a result verb: no need to look for outcome phrases
        return _codes(found)
    for rx, code in lex.outcome_rx:
        for m in doc.finditer(rx, lo, hi):
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            for r in results:
                if r.end() <= m.start():
                    gap = WORD_RX.findall(doc.nt[r.end() : m.start()])
                    pre = doc.words_before(r.start(), 2, floor=lo)
                    # distance in free words: the sides, the place and the day between the verb and what
                    # was agreed do not count («وافقت روسيا وأوكرانيا الاثنين خلال محادثات في إسطنبول على تبادل»)
                    if doc.free(r.end(), m.start()) <= lex.outcome_gap and not any(
                        member(w, lex.hedges) for w in gap + pre
                    ):
                        found.append((m.start(), m.end(), code))
                        break
                elif r.start() >= m.end() and doc.nt[m.end() : r.start()].strip() in (
                    "was",
                    "were",
                    "has been",
                    "had been",
                ):
                    found.append((m.start(), m.end(), code))  # "a prisoner swap was agreed"
                    break
    return _codes(found)
