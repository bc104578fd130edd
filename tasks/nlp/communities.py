"""A people's community named by two nationality words: «الزعيم القبرصي التركي», «القبارصة الأتراك»,
«رئيس جمهورية قبرص التركية», "Turkish Cypriot leader", "Greek Cypriots".

Two nationality words side by side, with nothing between them (no «و», comma or hyphen), that name a
person or a people are one nationality qualified by the other: the Turkish Cypriot leader is a
Cypriot, not a Turk. Arabic puts the head first and the qualifier after it; English puts the qualifier
first. Beside a meeting noun the same pair stays two sides («المحادثات الروسية الأوكرانية»), so the
pair is read as one people only after a title («الزعيم», "leader"), a plural people noun («القبارصة»,
"Cypriots") or, in Arabic, a country's name («قبرص التركية»).

A community so named is one of its country's rival sides: the document records it (`communities`), and
the events layer reads it as the country's factions, so the Greek and Turkish Cypriot leaders' talks
have two sides, both Cypriot.
"""

from __future__ import annotations

from itertools import pairwise

from tasks.nlp.gazetteer import Gazetteer
from tasks.nlp.text.document import Document, Match


def without_qualifiers(doc: Document, g: Gazetteer, matches: list[Match]) -> list[Match]:
    """`matches` without the nationality words that only qualify the people named beside them."""
    named = sorted((m for m in matches if m.kind in ("nat", "location")), key=lambda m: m.start)
    drop: set[int] = set()
    for a, b in pairwise(named):
        if b.kind != "nat" or a.key.rsplit(":", 1)[-1] == b.key or doc.nt[a.end : b.word_start].strip():
            continue
        if doc.nt[b.word_start : b.start] not in ("", "ال"):
            continue  # «إسرائيل والفلسطينيين», «وبريطانيا وألمانيا»: joined, two peoples
        if doc.nt[a.start : a.start + 1].isascii():
            if a.kind == "nat" and _english_people(doc, g, b):
                drop.add(id(a))  # "Turkish Cypriot leader": a Cypriot
                doc.communities.append((a.word_start, b.end, b.key))
        elif (a.kind == "location" and a.key.startswith("loc:country:")) or (
            a.kind == "nat" and _arabic_people(doc, g, a)
        ):
            drop.add(id(b))  # «القبرصي التركي» after a title, «القبارصة الأتراك», «قبرص التركية»: a Cypriot
            doc.communities.append((a.word_start, b.end, a.key.rsplit(":", 1)[-1]))
    return [m for m in matches if id(m) not in drop] if drop else matches


def _arabic_people(doc: Document, g: Gazetteer, m: Match) -> bool:
    """«الزعيم القبرصي»: a title before the nationality; «القبارصة»: the nationality is a people noun."""
    if doc.nt[m.word_start : m.end] in g.nat_nouns or doc.nt[m.start : m.end] in g.nat_nouns:
        return True
    i = doc.token_at(m.word_start)
    return i > 0 and not doc.gap(i).strip() and g.is_ar_head(doc.tok(i - 1))


def _english_people(doc: Document, g: Gazetteer, m: Match) -> bool:
    """ "Cypriot leader", "Cypriot negotiators", "Cypriots": the second word names people."""
    word = doc.nt[m.start : m.end]
    if word.endswith("s") and not word.endswith(("'s", "’s")):
        return True
    i = doc.token_at(m.end)
    if i >= len(doc.tokens) or doc.gap(i).strip():
        return False
    t = doc.tok(i).lower()
    return t in g.en_heads or t.removesuffix("s") in g.en_heads  # "leader", "leaders", "negotiators"
