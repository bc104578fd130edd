"""Outcomes a clause says talks produced («أسفرتا عن تبادل الأسرى», "agreed a ceasefire")."""

from __future__ import annotations

from tasks.nlp.events.lexicon import Lexicon
from tasks.nlp.events.words import WORD_RX, member
from tasks.nlp.text.document import Document


def find_outcomes(doc: Document, lex: Lexicon, lo: int, hi: int) -> list[str]:
    """Outcomes the clause says the talks produced («أسفرتا عن تبادل الأسرى», "agreed a ceasefire")."""
    found: list[tuple[int, int, str]] = []
    results = list(doc.finditer(lex.result_rx, lo, hi))
    if not results:
        return []  # an outcome counts only with a result verb: no need to look for outcome phrases
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
                        member(w, lex.hedges) or w in lex.hedges for w in gap + pre
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
    return [c for _, _, c in sorted(found)]
