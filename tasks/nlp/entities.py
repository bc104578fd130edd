"""Named things in one article: people, places, organisations (and country cues).

API (stable; extract.py imports it):

    find_entities(text, language=None) -> (list[Mention], list[Entity])
        Mention(kind="person"|"location"|"org", key, surface, start, end, sentence_index): offsets
        into the original `text`; surface == text[start:end] (Arabic clitics و/ب/ل... excluded, the
        article ال kept). Entity: one per key seen, in order of first mention.
    analyze(doc_or_text, language=None, gazetteer=None) -> Analysis
        the same plus `cues` (every country signal with its offsets: nationality adjectives
        «الروسي» "Russian", country and city names, organisations with a country) and `sentences`
        (the document's), adding the names layer (doc.matches) to the article's Document.

`language` is accepted for the interface; both Arabic and English rules run on every text
(Arabic articles quote English names and vice versa), each on its own script.

Pipeline (on the Document: normalised once, sentences split once): scan the gazetteer automaton (clitics,
word boundaries) -> keep the longest non-overlapping hits -> choose a reading per hit (people.py,
places.py) -> capitals named by their country (capitals.py) -> title-anchored discovery of unknown
people -> link later mentions (surnames) -> places the gazetteer lacks, found by place titles and
locatives (place_discovery.py), and their other mentions.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from operator import attrgetter

from tasks.nlp.capitals import with_capitals
from tasks.nlp.communities import without_qualifiers
from tasks.nlp.gazetteer import Alias, Gazetteer, Hit, load_gazetteer
from tasks.nlp.people import (
    PersonResult,
    countries_before_names,
    cut_at_the_end,
    discover,
    discover_given_led,
    discover_listed,
    discover_regnal,
    in_byline,
    known_spelling,
    link_surnames,
    names_publication,
    names_to_link,
    one_across_scripts,
    resolve_hit,
)
from tasks.nlp.place_discovery import PlaceResult, discover_places
from tasks.nlp.places import article_countries, location_reading
from tasks.nlp.text.charsets import is_arabic, strip_conj
from tasks.nlp.text.document import Document, Match, as_document
from tasks.nlp.text.normalize import norm_token
from tasks.nlp.types import Entity, Mention
from tasks.nlp.yaml_resources import words


@dataclass(slots=True, unsafe_hash=True)  # not frozen: built many times a page, four times as fast
class CountryCue:
    start: int  # original offsets
    end: int
    code: str  # ISO alpha-2, "EU"
    source: str  # "nat" | "location" | "org"
    sentence_index: int


@dataclass(slots=True)
class Analysis:
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    cues: list[CountryCue] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)


def find_entities(text: str, language: str | None = None) -> tuple[list[Mention], list[Entity]]:
    a = analyze(text, language)
    return a.mentions, a.entities


def _case_ok(doc: Document, hit: Hit, alias: Alias) -> bool:
    """English names are written capitalised; acronyms (NATO, US) in capitals."""
    if alias.case == "any":
        return True
    surface = doc.surface(hit.start, hit.end)
    if alias.case == "upper":
        return surface == surface.upper()
    return surface[:1].isupper()


_OTHER_BODY = words("function_words.yaml")["other_body_words"]
_OTHER_BEFORE_AR = frozenset(norm_token(w) for w in _OTHER_BODY["ar_before"])
_OTHER_AFTER_EN = frozenset(_OTHER_BODY["en_after"])


def _inside_other_body(doc: Document, h: Hit) -> bool:
    """A known organisation's one-word name inside another body's: "the Fatah alliance" (Iraq's, not the
    Palestinian movement), «ائتلاف فتح». A descriptive name stays its own («تحالف الجبهة الثورية» is the SRF)."""
    if " " in doc.nt[h.start : h.end].strip():
        return False
    before = doc.words_before(h.word_start, 1)
    after = doc.words_after(h.end, 1)
    return bool(before and strip_conj(before[0]) in _OTHER_BEFORE_AR) or bool(
        after and after[0].lower() in _OTHER_AFTER_EN
    )


_KIND_RANK = {"full": 6, "org": 5, "curated": 4, "surname": 3, "place": 2, "nat": 1}


def _rank(g: Gazetteer, a: Alias) -> int:
    if a.kind == "person":
        return _KIND_RANK["full" if a.form == "full" else "surname"]
    if a.kind == "location":
        return _KIND_RANK["curated" if g.places[a.key].curated else "place"]
    return _KIND_RANK[a.kind]


def _select(
    doc: Document, g: Gazetteer, hits: list[Hit], countries: frozenset[str]
) -> list[tuple[Hit, tuple[Alias, ...]]]:
    """Filter readings, then keep the longest non-overlapping hits (earlier first on ties)."""
    cands: list[tuple[Hit, tuple[Alias, ...]]] = []
    for h in hits:
        aliases = h.aliases
        if len(aliases) == 1:  # most hits (4 in 5): the tests below on the one reading, no generator per test
            a = aliases[0]
            if a.case != "any" and not _case_ok(doc, h, a):
                continue
            if a.kind == "org" and _inside_other_body(doc, h):
                continue
            if a.kind == "location" and location_reading(doc, g, h, aliases, countries) is None:
                continue
            cands.append((h, aliases))
            continue
        # most hits are Arabic, every reading of any case: kept as they are, no test per reading
        readings = (
            aliases if all(a.case == "any" for a in aliases) else tuple(a for a in aliases if _case_ok(doc, h, a))
        )
        if any(a.kind == "org" for a in readings) and _inside_other_body(doc, h):
            readings = tuple(a for a in readings if a.kind != "org")
        locs = tuple(a for a in readings if a.kind == "location")
        if locs and location_reading(doc, g, h, locs, countries) is None:
            readings = tuple(a for a in readings if a.kind != "location")
        if readings:
            cands.append((h, readings))
    cands.sort(key=lambda c: (-(c[0].end - c[0].start), c[0].start))
    taken = bytearray(len(doc.nt) + 1)  # linear in the text, however many hits
    chosen = []
    for h, readings in cands:
        if any(taken[h.word_start : h.end]):
            continue
        taken[h.word_start : h.end] = b"\x01" * (h.end - h.word_start)
        chosen.append((h, readings))
    chosen.sort(key=lambda c: c[0].start)
    return chosen


def _add_free(
    doc: Document,
    results: list[PersonResult],
    found: list[PersonResult],
    g: Gazetteer | None = None,
    fixed: list[Match] | None = None,
) -> None:
    """Add the people `found` whose text no earlier reading took, each a match of the document; with `g`,
    first read as a known person's new spelling where it is one. With `fixed` (the non-person readings),
    a name may take the nationality that closes it as its nisba («محمد شياع السوداني»)."""
    for r in found:
        if fixed is not None and (tail := _nisba_tail(doc, fixed, r.match)) is not None:
            fixed.remove(tail)
            doc.set_matches(fixed + [x.match for x in results])
        if not doc.overlaps(r.match.start, r.match.end):
            r = known_spelling(g, doc, r) if g is not None else r
            results.append(r)
            doc.add_match(r.match)


def _nisba_tail(doc: Document, fixed: list[Match], m: Match) -> Match | None:
    """The nationality reading that ends exactly where name `m` ends and starts inside it, when it is the
    only reading the name overlaps."""
    over = [x for x in doc.matches if x.word_start < m.end and m.start < x.end]
    if len(over) == 1 and over[0].kind == "nat" and over[0].end == m.end and over[0].word_start > m.start:
        return over[0] if over[0] in fixed else None
    return None


def analyze(text: str | Document, language: str | None = None, gazetteer: Gazetteer | None = None) -> Analysis:
    """The names layer of the document (built from `text` when given a string)."""
    doc = as_document(text, language)
    g = gazetteer or doc.gazetteer or load_gazetteer()
    doc.gazetteer = g
    hits = g.scan(doc.nt)
    countries = article_countries(g, hits)  # a small town needs its country named, or a place cue
    chosen = _select(doc, g, hits, countries)

    # 1. one reading per hit; people wait until their neighbours are known
    fixed: list[Match] = []
    person_hits: list[tuple[Hit, tuple[Alias, ...]]] = []
    for h, readings in chosen:
        best = readings[0] if len(readings) == 1 else max(readings, key=lambda a: _rank(g, a))  # 4 in 5 have one
        if best.kind == "person":
            person_hits.append((h, tuple(a for a in readings if a.kind == "person")))
            continue
        if best.kind == "location":
            locs = tuple(a for a in readings if a.kind == "location")
            if len(locs) > 1:  # one: location_reading gives back that one or None, and either way it stays
                best = location_reading(doc, g, h, locs, countries) or best
        fixed.append(Match(h.start, h.end, h.word_start, best.kind, best.key, best.form))
    fixed = with_capitals(doc, g, fixed)  # "the Saudi capital" is Riyadh
    fixed = without_qualifiers(doc, g, fixed)  # the Turkish Cypriot leader is a Cypriot
    placeholders = [Match(h.start, h.end, h.word_start, "person", "", "pending") for h, _ in person_hits]
    doc.set_matches(fixed + placeholders)

    # 2. people: full names first, so that an ambiguous surname can lean on them
    full_keys = {a.key for _, rs in person_hits for a in rs if a.form == "full" and len(rs) == 1}
    results: list[PersonResult] = []
    for h, readings in person_hits:
        r = resolve_hit(doc, g, h, readings, full_keys)
        if r is not None:
            results.append(r)
    doc.set_matches(fixed + [r.match for r in results])
    # discovered people (and "<other given name> <surname>" ones) may be new spellings of known ones
    results = [known_spelling(g, doc, r) for r in results]
    # a gazetteer hit read as somebody new («ياسر عباس»: another person's surname) yields to the same
    # name read with its title, which gives the person a role and a country
    weak = [r for r in results if r.entity is not None]
    if weak:
        results = [r for r in results if r.entity is None]
        doc.set_matches(fixed + [r.match for r in results])
    _add_free(doc, results, discover_regnal(doc, g), g, fixed)  # «الملك عبدالله الثاني»: the number closes it
    _add_free(doc, results, discover(doc, g), g, fixed)
    _add_free(doc, results, weak)  # already spelled
    _add_free(doc, results, discover_listed(doc, g), g)  # «...، وحسام بدران، وروحي مشتهى»: the rest of a list
    # "... Alexander Zakharchenko and Andrei Purgin": no title, a given name; then the lists they open
    _add_free(doc, results, discover_given_led(doc, g), g)
    _add_free(doc, results, discover_listed(doc, g), g)
    bylines = [r for r in results if r.entity is not None and (in_byline(doc, g, r) or names_publication(doc, r))]
    if bylines:  # «كتب: أحمد راغب», "(Reporting by ...)": the report's authors are none of its people
        results = [r for r in results if r not in bylines]
        doc.set_matches(fixed + [r.match for r in results])
    results = cut_at_the_end(doc, results)  # «... مصطفى الكاظ»: a name the text's end cut short
    merged = one_across_scripts(doc, results)  # أوهورو كينياتا and Uhuru Kenyatta: one person
    if merged is not results:
        results = merged
        doc.set_matches(fixed + [r.match for r in results])
    results = countries_before_names(doc, fixed, results)  # «..، تركيا مولود جاويش أوغلو، واليونان ...»
    for m in link_surnames(doc, g, names_to_link(g, results, doc)):
        results.append(PersonResult(m))
        doc.add_match(m)

    # 3. places nobody listed, once every other name is known (a person or an org is no town)
    places = discover_places(doc, g)
    for p in places:
        doc.add_match(p.match)

    return _records(doc, g, fixed, results, places)


def _records(
    doc: Document, g: Gazetteer, fixed: list[Match], results: list[PersonResult], places: list[PlaceResult]
) -> Analysis:
    discovered: dict[str, Entity] = {}
    for r in results:  # one record per discovered person, the first name per script, role and country found
        e, known = r.entity, discovered.get(r.match.key)
        if e is not None:
            discovered[e.key] = (
                e
                if known is None
                else replace(
                    known,
                    name_en=known.name_en or e.name_en,
                    name_ar=known.name_ar or e.name_ar,
                    role=known.role or e.role,
                    country_code=known.country_code or e.country_code,
                )
            )
    place_ccs: dict[str, str | None] = {}
    for p in places:
        if p.entity is not None:
            discovered[p.entity.key] = p.entity
            place_ccs[p.entity.key] = p.entity.country_code
    out = Analysis(sentences=doc.orig_sents)
    seen: dict[str, Entity] = {}
    nt, orig_span, sent_starts = doc.nt, doc.norm.orig_span, doc.orig_sent_starts  # read for every name
    for m in sorted(fixed + [r.match for r in results] + [p.match for p in places], key=attrgetter("start")):
        start = m.start
        if m.word_start + 2 <= start and is_arabic(nt[start]) and nt[m.word_start : start].endswith("ال"):
            start -= 2  # keep the article: «الكرملين», not «كرملين»
        a, b = orig_span(start, m.end)
        sent = max(0, bisect_right(sent_starts, a) - 1)  # doc.orig_sentence_of(a)
        code = place_ccs[m.key] if m.key in place_ccs else g.country_of(m.kind, m.key)
        if code:
            out.cues.append(CountryCue(a, b, code, m.kind, sent))
        if m.kind == "nat":
            continue
        out.mentions.append(Mention(m.kind, m.key, doc.text[a:b], a, b, sent))
        if m.key not in seen:
            seen[m.key] = discovered.get(m.key) or g.entity(m.key)
    out.entities = list(seen.values())
    return out
