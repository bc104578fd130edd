"""People: resolving gazetteer name hits, discovering unknown people, linking later mentions.

API (used by entities.py):
    resolve_hit(doc, g, hit, readings, full_keys) -> PersonResult | None
        a person hit of the gazetteer automaton -> the person it names. A surname after a
        given name that is not the person's ("Gerard Kushner") resolves to the known person only
        when the surname is distinctive or a context cue of the person is near; otherwise it is
        another person, returned as discovered; so is a surname that is itself a common given
        name («ياسر عباس», «عمر محمد أحمد صديق»: the whole chain of names).
    discover(doc, g) -> list[PersonResult]
        title-anchored discovery of people missing from the gazetteer, Arabic and English, with
        the title before the name (نائب وزير الخارجية الروسي، ميخائيل جالوزين / Russian Deputy
        Foreign Minister Mikhail Galuzin) or after it (Name, Russia's deputy foreign minister;
        without the comma only after a known given name: «عزام الأحمد رئيس وفد فتح»). A nationality
        opening a list item stands for the title («، التركي سردار قليج»); a plural title heads a list
        ("the special envoys X and Y"); "chief of / one of" before the plural of a title is one
        («كبير المفاوضين», «أحد المفاوضين»). A name that
        opens its clause before a title holds it even when the title's phrase names somebody else
        («وقال شربل راجي الناطق باسم الموفد ... اسماعيل ولد الشيخ أحمد»).
    discover_listed(doc, g) -> list[PersonResult]
        the rest of an Arabic list of names after a person found («...، وحسام بدران، وروحي مشتهى»).
    one_across_scripts(doc, results) -> list[PersonResult]
        a discovered Arabic name and a discovered Latin name of the article whose consonants agree
        (أوهورو كينياتا, Uhuru Kenyatta) are one person, under the Latin name's key.
    link_surnames(doc, g, people) -> list[Match]
        later mentions of discovered people (full name or surname alone, with clitics) and
        surname-only mentions of gazetteer people whose surname is not usable alone.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from operator import and_, or_

from tasks.nlp.gazetteer import Alias, Gazetteer, Hit, Person, build_automaton, phonetic, scan_with, skeleton
from tasks.nlp.settings import NLP
from tasks.nlp.text.charsets import ARABIC_LETTERS, CONJ, clitic_bases, has_article, is_arabic, strip_conj
from tasks.nlp.text.document import Document, Match
from tasks.nlp.text.normalize import norm_token
from tasks.nlp.text.wordindex import fill_unseen
from tasks.nlp.types import Entity
from tasks.nlp.yaml_resources import words

_AR_WORD_RE = re.compile(f"^[{ARABIC_LETTERS}]+$")
# Latin letters with their diacritics (Kılıç, Önal, Vučić): a-z and the Latin-1/Extended-A/B lower case
_LATIN_WORD_RE = re.compile(r"^[a-z\u00df-\u00f6\u00f8-\u024f][a-z\u00df-\u00f6\u00f8-\u024f']*$")
_HARD_PUNCT_RE = re.compile(r"[.!?؟:;؛\n\"()\[\]«»|/]")
_COMMA_RE = re.compile(r"[،,]")
_LONG_VOWELS = set("اوي")
_FW = words("function_words.yaml")
_AR_LINKERS = frozenset(_FW["ar_linkers"])  # name-internal Arabic particles (آل -> ال)
_AR_PARTICLES = frozenset(_FW["ar_name_particles"])  # بن، ولد: the next word belongs to the name
_AL = "ال"  # «آل» (the house of) after normalisation: «آل ثاني», «آل خليفة»
_AR_GOVERNING = frozenset(_FW["ar_governing"])  # particles that take the next word: no name syllables
_AR_COMPOUND = tuple(_FW["ar_compound"])  # first halves of compound given names: عبد الله، أبو بكر
_COMPOUND_SPACE = re.compile(r"(?<!\S)(عبد) (?=\S)")  # «عبد المهدي» -> «عبدالمهدي» in keys (one name either way)
# «أبو», «بن», «ولد»: the word after them is a family's name, a noun's shape notwithstanding («أبو قصرة»)
_AR_KIN = _AR_PARTICLES | {"ابو"}
_AR_POSSESSIVE = tuple(_FW["ar_possessive"])  # pronoun suffixes on a noun (normalised)
_AR_NOUN_PRONOUN = tuple("ت" + p for p in (*_FW["ar_possessive"], "ه"))  # «مطالعته», «كلمتها»: ة + a pronoun
_EN_PARTICLES = frozenset(_FW["en_particles"])
_NAME_PARTICLES = _AR_PARTICLES | _EN_PARTICLES
_EN_CONNECTORS = frozenset(_FW["en_connectors"])
_EN_ARTICLES = frozenset(_FW["en_articles"])
_AR_GIVEN_WORDS = frozenset(_FW["ar_given_words"])  # given names that are everyday words too
_AR_NOUN_SURNAMES = frozenset(_FW["ar_noun_surnames"])  # family names that are everyday nouns too
_BYLINE_CUES = frozenset(_FW["byline_cues"])
_NAME_CLOSERS = frozenset(_FW["name_closers"])  # «إن», «الذي»: what follows a name, never part of it
_ROYAL_TITLES = frozenset(_FW["royal_titles"])  # «الملك», «العاهل», «السلطان»
_REGNAL = frozenset(_FW["regnal_ordinals"])  # «الثاني», «السادس»: a monarch's number closes the name
_MEDIA = frozenset(_FW["speech_media"])  # «مجلة "جون أفريك"»: a publication's name after these
_LINE_END_RE = re.compile(r"\n|[.!?؟](?:\s|$)")
# place titles (مدينة، إقليم، ولاية): a title goes on through one in construct («رئيس حكومة إقليم ...»)
_AR_PLACE_TITLES = frozenset(
    norm_token(str(w)) for ws in (words("place_cues.yaml")["ar"]["titles"] or {}).values() for w in ws
)
# delegation cues written with ة (برئاسة): a cue read in a word ending so; others are other words there
# («قادة», leaders, folds like the cue «قاده», led him)
_AR_RULER_CUES = frozenset(norm_token(str(c)) for c in words("titles.yaml").get("ar_ruler_cues") or [])
_AR_REPRESENTING = frozenset(norm_token(str(c)) for c in words("titles.yaml").get("ar_representing_cues") or [])
_AR_CUES_TA = frozenset(
    norm_token(str(c)) for c in words("titles.yaml").get("ar_name_cues") or [] if str(c).endswith("ة")
)


@dataclass(slots=True)
class PersonResult:
    match: Match
    entity: Entity | None = None  # set for discovered people


# ---------------------------------------------------------------------- gazetteer hits


def given_before(doc: Document, g: Gazetteer, word_start: int, arabic: bool) -> tuple[int, str] | None:
    """The given-name-like token right before a surname: (its normalised start, its form)."""
    i = doc.token_at(word_start) - 1
    if i < 0 or doc.tokens[i][1] > word_start:
        return None
    between = doc.nt[doc.tokens[i][1] : word_start]
    if not between or between.strip(" ") or doc.tok_match[i] is not None:
        return None
    t = doc.tok(i)
    start = doc.tokens[i][0]
    if arabic:
        if not _AR_WORD_RE.match(t):
            return None
        variants = [(0, t)] + ([(1, t[1:])] if t[0] in CONJ and len(t) > 3 else [])
        for skip, v in variants:
            if v in g.stop_ar or has_article(v, min_len=5) or g.is_ar_head(v) or v in g.nat_forms:
                return None
            if v in g.given_ar:
                return start + skip, v
        return None  # an unknown Arabic word is more likely a verb or noun than a given name
    if not _LATIN_WORD_RE.match(t) or len(t) < 2 or not doc.is_cap(i):
        return None
    if t in g.stop_en or t in g.en_heads or t in g.en_modifiers or t in g.nat_forms:
        return None
    return start, t


def _chain_of_names(doc: Document, g: Gazetteer, start: int, end: int) -> tuple[int, int]:
    """Widen an Arabic «<given> <common surname>» span over the given names before it and one name word
    after it («عمر [محمد أحمد] صديق»), within NLP.name_max_tokens words and no punctuation."""
    i, j = doc.token_at(start), doc.token_at(end - 1)
    while i > 0 and j - i + 1 < NLP.name_max_tokens and not doc.gap(i).strip(" "):
        t = doc.tok(i - 1)
        if t not in g.given_ar or doc.tok_match[i - 1] is not None:
            break
        i -= 1
    k = j + 1
    if (
        k < len(doc.tokens)
        and j - i + 1 < NLP.name_max_tokens
        and not doc.gap(k).strip(" ")
        and _ar_name_like(doc, g, k)
        and not doc.tok(k).startswith("و")
        and len(doc.tok(k)) > 2
    ):
        j = k
    return doc.tokens[i][0], doc.tokens[j][1]


def _context_near(doc: Document, pos: int, cues: tuple[str, ...]) -> bool:
    if not cues:
        return False
    window = doc.window(pos)
    return any(c in window for c in cues)


def resolve_hit(
    doc: Document, g: Gazetteer, hit: Hit, readings: tuple[Alias, ...], full_keys: set[str]
) -> PersonResult | None:
    """Resolve the person readings of one selected automaton hit."""
    full = [a for a in readings if a.form == "full"]
    if full:
        return PersonResult(Match(hit.start, hit.end, hit.word_start, "person", full[0].key, "full"))
    arabic = is_arabic(doc.nt[hit.start])
    given = given_before(doc, g, hit.word_start, arabic) if hit.word_start == hit.start else None
    people = [g.people[a.key] for a in readings]
    if given is not None:
        gstart, gname = given
        for p in people:
            if gname in p.given:
                return PersonResult(Match(gstart, hit.end, gstart, "person", p.key, "full"))
        # a given name that is not the person's: a misspelling, or somebody else. A surname that is
        # itself a common given name («ياسر عباس», «عمر محمد أحمد») says nothing alone: only a cue does.
        surname = doc.nt[hit.word_start : hit.end]
        common = surname in (g.given_ar if arabic else g.given_en)
        for p in people:
            if _namesake(g, gname, p, arabic) and not _after_particle(doc, gstart):
                continue  # «ميشال عون» beside the known «جوزاف عون»: another known given name, another person
            if (p.distinctive and not common) or _context_near(doc, hit.start, p.context):
                return PersonResult(Match(gstart, hit.end, gstart, "person", p.key, "full"))
        if common and arabic:  # «عمر محمد أحمد صديق»: the whole chain of names is the person
            gstart, end = _chain_of_names(doc, g, gstart, hit.end)
            return _discovered(doc, gstart, end, None, None)
        return _discovered(doc, gstart, hit.end, None, None)
    if arabic and _definite_adjective(doc, g, hit):
        return None
    usable = [p for p in people if p.surname_alone]
    if len(usable) > 1:  # a surname shared by several known people: who else is named here?
        usable = [p for p in usable if p.key in full_keys] or [
            p for p in usable if _context_near(doc, hit.start, p.context)
        ]
    if len(usable) == 1:
        return PersonResult(Match(hit.start, hit.end, hit.word_start, "person", usable[0].key, "surname"))
    return None


def _namesake(g: Gazetteer, gname: str, p: Person, arabic: bool) -> bool:
    """A known given name before a known person's surname that is none of theirs, nor spelled like one
    of theirs («ميشال عون» and Joseph Aoun, "Saad Hariri" and Rafik Hariri): a namesake, not a misspelling."""
    if gname not in (g.given_ar if arabic else g.given_en) or any(gname in x.split() for x in p.given):
        return False
    # one letter apart is one name transliterated two ways («جوزيب» and «جوزيف» for Josep Borrell)
    sk = skeleton(gname)
    return all(not _one_apart(sk, skeleton(x)) for x in p.given)


def _after_particle(doc: Document, pos: int) -> bool:
    """A name particle («بن», "bin", "al") right before `pos`: the name there is a father's or a family's,
    not the person's given name."""
    before = doc.words_before(pos, 1)
    return bool(before) and before[0] in _NAME_PARTICLES


def _one_apart(a: str, b: str) -> bool:
    """Equal, or one substitution, insertion or deletion apart."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def _definite_adjective(doc: Document, g: Gazetteer, hit: Hit) -> bool:
    """An ال-surname alone right after an ال-noun agrees with it as its adjective («القوى الحية»: the
    living forces, not Khalil al-Hayya): the noun is no title, honorific or complement, and nothing
    else (a nationality, an organisation) was read in it."""
    if not doc.nt[hit.word_start : hit.start].endswith("ال"):
        return False
    i = doc.token_at(hit.word_start) - 1
    if i < 0 or doc.tokens[i][1] > hit.word_start or doc.gap(i + 1).strip(" ") or doc.tok_match[i] is not None:
        return False
    t = doc.tok(i)
    return (
        _AR_WORD_RE.match(t) is not None
        and has_article(t, min_len=4)
        and not g.is_ar_head(t)
        and t not in g.ar_honorifics
        and t not in g.ar_complements
    )


# ---------------------------------------------------------------------- discovery helpers


def _name_start(doc: Document, g: Gazetteer, i: int) -> int:
    """Start of a name at token i, after a conjunction glued to a known given name (وجيرارد) or opening
    a list item after a comma («، وصبري بوقادوم»)."""
    t = doc.tok(i)
    skip = 1 if t[0] in CONJ and t[1:] in g.given_ar and t not in g.given_ar else 0
    if not skip and _listed_after_comma(doc, g, i):
        skip = 1
    return doc.tokens[i][0] + skip


def _listed_after_comma(doc: Document, g: Gazetteer, k: int) -> bool:
    """Token k is «و» glued to a name word right after a comma: the next item of a list, whose name
    starts after the conjunction even when its given name is unknown («...، وصبري بوقادوم ممثل الجزائر»)."""
    t = doc.tok(k)
    rest = t[1:]
    return (
        k > 0
        and t[0] == "و"
        and len(rest) >= 3
        and rest[0] not in "اوي"
        and not _w_given(g, t)
        and _COMMA_RE.search(doc.gap(k)) is not None
        and not _HARD_PUNCT_RE.search(doc.gap(k))
        and rest not in g.stop_ar
        and not has_article(rest, min_len=4)
        and not g.is_ar_head(rest)
        and rest not in g.nat_forms
        and rest not in g.ar_complements
    )


def _discovered(doc: Document, start: int, end: int, role: str | None, country: str | None) -> PersonResult:
    """A person found by rule: keyed by the normalised (Arabic) or casefolded (Latin) full name."""
    surface = doc.surface(start, end)
    name_norm = " ".join(doc.nt[start:end].split())
    arabic = is_arabic(name_norm)
    # «عبد المهدي» and «عبدالمهدي»: one name, written with or without the space
    key_name = _COMPOUND_SPACE.sub(r"\1", name_norm) if arabic else name_norm
    key = f"person:{'ar' if arabic else 'en'}:{key_name}"
    ent = Entity(
        key,
        "person",
        name_en=None if arabic else surface,
        name_ar=surface if arabic else None,
        role=role or None,
        country_code=country,
        source="discovered",
    )
    return PersonResult(Match(start, end, start, "person", key, "full", "discovered"), ent)


def _cue_country(g: Gazetteer, m: Match | None) -> str | None:
    return None if m is None else g.country_of(m.kind, m.key)


def _ar_name_like(doc: Document, g: Gazetteer, i: int) -> bool:
    t = doc.tok(i)
    if doc.tok_match[i] is not None or len(t) < 2 or not _AR_WORD_RE.match(t):
        return False
    if (t in g.stop_ar and not _given_not_particle(doc, g, i)) or _tanween(doc, i):
        return False
    if len(t) > 3 and t[0] == "س" and t[1] in "يتن" and t[1:] in g.stop_ar and t not in g.given_ar:
        return False  # «سيعلن», «ستعقد»: the future prefix on a verb
    if t not in g.given_ar and len(t) > (3 if t[0] in CONJ else 2) and _clitic_on_stop(g, t):
        return False  # «ولكن», «لكل»: a particle with a clitic; but فيصل is no ف + يصل
    if has_article(t, min_len=5) and t not in _AR_LINKERS and t not in g.given_ar and not _hamza_initial(doc, i):
        return False  # ...but ألكسندر/أليكسي start like the article
    return not (g.is_ar_head(t) or t in g.ar_complements or t in g.nat_forms)


def _clitic_on_stop(g: Gazetteer, t: str) -> bool:
    """Token t is a stop word with a glued clitic («ولكن», «لكل», «وقال», «ليقول»). A preposition (ب, ل)
    goes before no past-tense verb, so «لبات» and «بقال» are names, not ل + «بات» or ب + «قال»."""
    if t[0] not in (*CONJ, "ل", "ب") or t[1:] not in g.stop_ar:
        return False
    rest = t[1:]
    return t[0] in CONJ or rest not in g.stop_ar_verbs or rest[0] in "يتن"


def _given_not_particle(doc: Document, g: Gazetteer, i: int) -> bool:
    """Token i is a given name that normalises like a particle («علي», the name, and «على», the
    preposition, both «علي»): it is the name when written with ي in an article that writes the particle
    with ى elsewhere, for such a writer keeps the two apart."""
    t = doc.tok(i)
    if t not in g.given_ar or not t.endswith("ي"):
        return False
    a, b = doc.orig_span(*doc.tokens[i])
    if not doc.text[a:b].endswith("ي"):
        return False
    if i + 1 < len(doc.tokens) and doc.tok(i + 1) in _AR_PARTICLES and not doc.gap(i + 1).strip(" "):
        return True  # «علي بن فهد»: a father's name follows the given name, never the preposition
    return _ALIF_MAQSURA_RE.search(doc.text) is not None


_ALIF_MAQSURA_RE = re.compile(f"(?<![{ARABIC_LETTERS}])[وف]?(?:على|إلى|الى|حتى|لدى)(?![{ARABIC_LETTERS}])")


def _tanween(doc: Document, i: int) -> bool:
    """Token i carries the accusative ending «ً» («حذراً», «رئيساً»): an adverb or a predicate, never a name
    (the mark is dropped by normalisation, so the original text is read)."""
    a, b = doc.orig_span(*doc.tokens[i])
    return "\u064b" in doc.text[a:b]


def _hamza_initial(doc: Document, i: int) -> bool:
    """Token i is written with a hamza or madda on its first alif («ألبين», «إلهام»): the article is
    never written so, so it is no article but a name's first letters (the fold to ا hides it)."""
    s = doc.tokens[i][0]
    a, _ = doc.orig_span(s, s + 1)
    return doc.text[a : a + 1] in ("أ", "إ", "آ")


def _hamza_after_w(doc: Document, i: int) -> bool:
    """Token i is «و» glued to a word written with a hamza or madda on its alif («وأوندر»): the
    conjunction before a name, for a name that starts with W is written without one («والتز»)."""
    s = doc.tokens[i][0]
    a, _ = doc.orig_span(s + 1, s + 2)
    return doc.text[a : a + 1] in ("أ", "إ", "آ")


def _ends_with_ta_marbuta(doc: Document, i: int) -> bool:
    e = doc.tokens[i][1]
    a, _ = doc.orig_span(e - 1, e)
    return doc.text[a : a + 1] == "ة"


# verbal nouns' patterns: إفعال، تفعيل، استفعال، انفعال، افتعال، مفاعلة، تفاعل (إيجاد، تعزيز، استمرار،
# اجتماع، اعتصام، مواجهة)
_AR_MASDAR_RE = re.compile(r"^(?:ا..ا.|ت..ي.|است..ا.|ان..ا.|ا.ت.ا.|م.ا..ه|ت.ا..)$")
# a future verb: «سيشهد», «ستعقد», «سيصل» (س and an imperfect prefix before a root with no long vowel;
# foreign names of that shape carry one: «سيمون», «ستيفان», «سيلفا»)
_AR_FUTURE_RE = re.compile(r"^س[يتن][^اوي]{2,}$")
_AR_SHORT_OK = frozenset(_FW["ar_short_ok"])


def _ar_plausible(
    doc: Document, g: Gazetteer, idx: list[int], nisba_closed: bool = False, closed: bool = False
) -> bool:
    """Extra care for names whose first token is not a known given name. `nisba_closed`: the name is
    two words after a title, the second an ال-nisba, closed by punctuation («الطبيب نصر الحريري،»), so a
    short first word is a name's, not a noun's or a verb's. `closed`: two words after a title that the
    sentence closes (punctuation or «إن»), so a first word of a verbal noun's pattern is a name's."""
    toks = [doc.tok(i) for i in idx]
    if any(len(t) < 3 and t not in _AR_SHORT_OK and t not in g.given_ar for t in toks):
        return False  # two-letter words are particles and nouns (حل، عن), not name parts
    if any(_clause_word(t) and t not in g.given_ar for t in toks):
        return False  # «أنهم سيزورون», «تتطلع لاستقبال», «مدنيون لعامين»: a clause's words, not a name
    if toks[0] in g.given_ar or (len(toks) > 2 and (toks[0] in _AR_COMPOUND or _theophoric(doc, g, idx[0]))):
        return True  # عبد الفتاح السيسي, عطا الله محمود: a compound given name and a surname
    if _glued_compound(toks[0]):
        return True  # «وعبدالحميد دبيبة»: a compound given name written as one word
    if toks[0].endswith(_AR_POSSESSIVE) and len(toks[0]) > 4:
        return False  # «مكتبها السياسي», «وفدهم»: a noun with a possessive pronoun, not a given name
    if toks[0][0] in "بل" and len(toks[0]) > 4 and toks[0].endswith("ه") and not _ends_with_ta_marbuta(doc, idx[0]):
        return False  # «بدوره», «بصفته»: a preposition, a noun and its pronoun («ه», not «ة»)
    if any(
        _ends_with_ta_marbuta(doc, i) and toks[k - 1] not in _AR_KIN and not _noun_surname(g, toks, k)
        for k, i in enumerate(idx)
        if k
    ):
        return False  # دراسة، حكومة: nouns, not transliterated names; but «أبو قصرة», «بن حمزة» are names
    if _ends_with_ta_marbuta(doc, idx[0]):
        return False
    if any(t.endswith(_AR_POSSESSIVE) and len(t) > 4 for t in toks[1:]):
        return False  # «يتوسط بينهما», «غادروا لتوهم»: a word with a pronoun closes no name
    if len(toks[0]) >= 5 and toks[0].endswith("وا") and not _and_given(g, toks[0]):
        return False  # «غادروا»: a verb in the plural; «وفرنسوا»: «و» and a known given name
    first = toks[0]
    if _AR_MASDAR_RE.match(first) and not closed:
        return False  # «إعلان», «تعزيز»; but «الرئيس الإريتري إسياس أفورقي إن»: a name the sentence closes
    return nisba_closed or not (len(first) <= 3 and not (_LONG_VOWELS & set(first[1:])))


# «أن» and its sisters with a pronoun («أنهم», «بأنها», «لأنه»): a clause opens, no name
_AR_THAT_PRONOUN_RE = re.compile(r"^[بل]?ان(?:ه|ها|هم|هما|هن|نا|ني|كم)$")
# a future verb in the plural or dual («سيزورون», «ستعقدان»): س, the imperfect prefix, a root of three
# consonants or a hollow one, and the plural's ending (a name of that shape has a longer stem: ستيفنسون)
_AR_FUTURE_PLURAL_RE = re.compile(r"^س[يتن](?:[^اوي]{3}|[^اوي][اوي][^اوي])(?:ون|ان|ين)$")


# the long verbal nouns (استفعال، انفعال، افتعال): «استقبال», «انتخاب», «اجتماع»
_AR_LONG_MASDAR_RE = re.compile(r"^(?:است[^اوي]{2}ا.|ان[^اوي]{2}ا.|ا[^اوي]ت[^اوي]ا.)$")


def _noun_surname(g: Gazetteer, toks: list[str], k: int) -> bool:
    """Token k of a name's tokens is a family name that is an everyday noun too («سلام», «جمعة»), right
    after a known given name («نواف سلام», «مهدي جمعة»)."""
    return toks[k] in _AR_NOUN_SURNAMES and toks[k - 1] in g.given_ar


def _clause_word(t: str) -> bool:
    """Token t reads as a clause's word, never a name's: «أن» with a pronoun, a future verb in the plural,
    an imperfect of the تَفَعَّلَ/تفاعل forms («تتطلع», «تتحدث»), a plural nisba in «ـيون» («مدنيون»), or a
    long verbal noun behind a glued preposition («لاستقبال», «بانتخاب»)."""
    if _AR_THAT_PRONOUN_RE.match(t) or _AR_FUTURE_PLURAL_RE.match(t):
        return True
    if t.startswith("تت") and len(t) >= 5:
        return True
    if len(t) >= 6 and t.endswith("يون"):
        return True
    return t[0] in "بل" and _AR_LONG_MASDAR_RE.match(t[1:]) is not None


def _plain_ar_word(doc: Document, g: Gazetteer, k: int) -> bool:
    """Token k is an Arabic word no other name took and no punctuation precedes (a name part by position)."""
    return (
        k < len(doc.tokens)
        and doc.tok_match[k] is None
        and not doc.gap(k).strip(" ")
        and _AR_WORD_RE.match(doc.tok(k)) is not None
        and not _tanween(doc, k)
    )


def _name_head_inside(doc: Document, g: Gazetteer, idx: list[int], k: int) -> bool:
    """Token k is a title word that is a name part here: right after a known given name and before a
    name word («حسن شيخ محمود», «حسين أمير عبداللهيان»), written bare (no article, no clitic)."""
    return (
        bool(idx)
        and doc.tok(k) in g.ar_name_heads
        and (doc.tok(idx[-1]) in g.given_ar or (len(idx) > 1 and doc.tok(idx[-2]).lstrip("و") in _AR_COMPOUND))
        and k + 1 < len(doc.tokens)
        and not doc.gap(k + 1).strip(" ")
        and (
            _ar_name_like(doc, g, k + 1)
            or doc.tok(k + 1) in _AR_COMPOUND
            or (doc.tok(k + 1).startswith("ال") and doc.tok(k + 1).endswith("ي"))  # «عبد الرحمن شيخ اليافعي»
        )
    )


def _nisba_surname(doc: Document, g: Gazetteer, idx: list[int], k: int) -> bool:
    """Token k, a nationality's singular nisba («السوداني»), closes the name idx as its family name: the
    name opens with a known given name, holds at least two plain words (no ال-word: «عمر البشير
    السوداني» is a name and his nationality) and nothing stands between."""
    m = doc.tok_match[k]
    t = doc.tok(k)
    return (
        m is not None
        and m.kind == "nat"
        and doc.token_at(m.word_start) == k
        and doc.token_at(m.end - 1) == k
        and t.startswith("ال")
        and t.endswith("ي")
        and len(idx) >= 2
        and doc.tok(idx[0]) in g.given_ar
        and not any(doc.tok(x).startswith("ال") for x in idx)
        and not doc.gap(k).strip(" ")
    )


def _ar_name_run(
    doc: Document,
    g: Gazetteer,
    j: int,
    listed: bool = False,
    honorific: bool = False,
    after_title: bool = False,
    opened: bool = False,
) -> list[int]:
    """Name tokens from j on (2–4, stopped at the first non-name token); [] if not a name.
    `listed`: token j is «و» and a list's next name («، وحسام بدران»). `honorific`: an honorific stands
    before token j (الشيخ صباح): j opens the name whatever it reads as, and a dynasty name may close
    with several ال-words. `after_title`: a title stands right before token j, so the longest name there
    ends before the verb that follows it. `opened`: token j surely opens the name (the second of two
    holders); a title closed by a comma right before token j opens it too («الرئيسين المشتركين للحزب،
    تولاي ...»): an unknown first word is the name's, not the title's."""
    idx: list[int] = []
    k = j
    hyphened = False
    opened = opened or (after_title and (_comma_opens(doc, j) or _bare_after_definite(doc, g, j)))
    if honorific and _plain_ar_word(doc, g, j) and _opens_after_honorific(doc, g, j):
        idx.append(j)
        k += 1
    while k < len(doc.tokens) and _name_words(doc, idx) <= NLP.name_max_tokens:
        if k > j and _conjoined_title(g, doc.tok(k)):
            break  # «برهم صالح ورئيسي السلطتين»: the next holders' title, not the name's
        if k > j and doc.gap(k).strip(" "):
            if not (doc.gap(k).rstrip(" ") == "-" and idx and _ar_name_like(doc, g, k)):
                break  # punctuation ends a name, not the hyphen of a double surname («ملامبو- نجوكا»)
            hyphened = True
        t = doc.tok(k)
        if len(idx) >= 2 and len(t) >= 5 and t.endswith(_AR_NOUN_PRONOUN) and t not in g.given_ar:
            break  # «نبيه بري مطالعته»: after two names, a noun in ة with a pronoun («his study»)
        if len(idx) >= 2 and _prepositional(doc, g, k):
            break  # «سمير جعجع بداعي السفر»: a preposition's phrase follows the name
        if idx and _family_word(g, doc.tok(idx[-1]), t) and _plain_ar_word(doc, g, k):
            idx.append(k)  # «إسماعيل ولد الشيخ أحمد», «بن الحسين»: the word after the particle is the name's
            k += 1
            continue
        if _name_head_inside(doc, g, idx, k):
            idx.append(k)
            k += 1
            continue
        glued = t[0] == "و" and len(t) > 2 and (t[1] not in "اوي" or t[1:] in g.given_ar) and not _w_given(g, t)
        glued = glued or (t[0] == "و" and len(t) > 3 and _hamza_after_w(doc, k))  # «وأوندر»: «و» + a name in «أ»
        glued = glued or (t[:2] == "وو" and g.is_ar_head(t[1:]))  # «ووزير الدفاع»: «و» and the next title
        glued = glued and not (idx and t in _AR_PARTICLES)  # «إسماعيل ولد الشيخ»: ولد is no «و» + «لد»
        if glued and not (listed and k == j) and not _w_surname(doc, g, idx, k):
            break  # و + consonant is "and" (وصهر، وسيرغي); و + vowel is a W- name (ويتكوف، والتز)
        last = doc.tok(idx[-1]) if idx else ""
        if listed and idx and idx[-1] == j and last[:1] == "و":
            last = last[1:]  # «... وأبو بكر عثمان»: the list's «و» is no part of the compound
        if idx and last in _AR_COMPOUND and (t.startswith("ال") or t in g.given_ar) and _AR_WORD_RE.match(t):
            idx.append(k)  # the second half of a compound name: عبد الفتاح، عبد الله، أبو بكر
            k += 1
            continue
        if after_title and k == j and j > 0 and _article_like_name(doc, g, k):
            idx.append(k)  # «اليوناني اليكسيس تسيبراس»: the name's first word only looks like an article word
            k += 1
            continue
        if len(idx) == 1 and _noun_surname(g, [doc.tok(idx[0]), t], 1) and _plain_ar_word(doc, g, k):
            idx.append(k)  # «نواف سلام»: after a known given name, a family name that is a noun too
            k += 1
            continue
        if not _ar_name_like(doc, g, k):
            if _nisba_surname(doc, g, idx, k):
                idx.append(k)  # «محمد شياع السوداني»: a nationality word closing a plain name is its nisba
                break
            # an ال-surname closing an Arab name: a nisba (أسعد الشيباني) or after a known given name
            if (
                idx
                and t.startswith("ال")  # not لل/بال: a preposition starts a phrase, not a surname
                and not t.endswith(("يين", "ون", "ات"))  # plurals
                and (
                    t.endswith("ي")
                    or doc.tok(idx[0]) in g.given_ar
                    or (listed and _and_given(g, doc.tok(idx[0])))  # «... وعدنان محمد الكاف»
                    or honorific
                    or (len(idx) == 2 and doc.tok(idx[0]) in _AR_COMPOUND)  # «عبد العزيز الحلو»
                    or (opened and any(doc.tok(x) in g.given_ar for x in idx))  # «جراح جابر الأحمد»
                    or (opened and len(idx) == 1 and _punct_after(doc, k))  # «زعيم التيار، مقتدى الحكيم،»
                )
                and _AR_WORD_RE.match(t)
                and t not in g.nat_forms
                and doc.tok_match[k] is None
                and t not in g.stop_ar
                and t not in g.ar_complements
            ):
                idx.append(k)
                if _particle_next(doc, g, k) and _name_words(doc, idx) < NLP.name_max_tokens:
                    k += 1  # «محمد الحسن ولد لبات»: a name particle after the ال-word carries the name on
                    continue
                if (honorific or opened) and len(idx) < NLP.name_max_tokens:
                    k += 1  # «الشيخ صباح الأحمد الجابر الصباح»: a dynasty name goes on through ال-words
                    if _plain_ar_word(doc, g, k) and doc.tok(k).startswith("ال") and _dynasty_word(doc, g, k):
                        continue
            break
        idx.append(k)
        k += 1
    if after_title and _name_words(doc, idx) > NLP.name_max_tokens and _given_first(doc, g, idx[0]) is not None:
        while idx and (_name_words(doc, idx) > NLP.name_max_tokens or doc.tok(idx[-1]) in _AR_LINKERS):
            idx = idx[:-1]  # «الرئيس عبد ربه منصور هادي بعث»: the words after the longest name are the verb's
            # and a name cut short ends on a name word («حمد بن جاسم بن جبر آل ثاني» -> «حمد بن جاسم»)
    idx = _before_verbal_noun(doc, g, idx)
    if not honorific and not (after_title and _given_as_surname(doc, g, idx)) and not opened:
        idx = _from_first_given(doc, g, idx)
    if (
        len(idx) > 2
        and not honorific
        and not _long_name_ok(doc, g, idx)
        and not (hyphened and len(idx) == 3)
        and not (after_title and len(idx) == 3 and _closed_third(doc, g, idx[-1]))
        and not (opened and len(idx) == 3 and _item_closed(doc, g, idx[-1]))
        and not (opened and doc.tok(idx[1]) in g.given_ar)  # «فائق أوزغور أرول»: a known given name second
        and not (len(idx) == 3 and doc.tok(idx[1]) in _AR_KIN)  # «مرهف أبو قصرة»: cut there it would end on «أبو»
    ):
        idx = idx[:2]  # «أنتي هاكانن حاضر»: without a known given name, two tokens are safer
    if len(idx) < 2 or not 2 <= _name_words(doc, idx) <= NLP.name_max_tokens or doc.tok(idx[-1]) in _AR_LINKERS:
        return []  # «عبد الرحمن» alone is one given name, not a person's name
    two_after_title = after_title and len(idx) == 2
    nisba_closed = (
        two_after_title
        and has_article(doc.tok(idx[1]), min_len=5)
        and doc.tok(idx[1]).endswith("ي")
        and _punct_after(doc, idx[-1])
    )
    closed = two_after_title and _said_closed(doc, idx[-1])
    return idx if _ar_plausible(doc, g, idx, nisba_closed, closed) else []


def _prepositional(doc: Document, g: Gazetteer, k: int) -> bool:
    """Token k is a noun with the preposition ب glued on and a definite noun after it («بداعي السفر»,
    «بسبب الظروف»): a phrase, not a name's next word (not «بو...», not a given name: «بهاء الدين»; ل opens
    foreign family names too often: «دي لاكالي»)."""
    t = doc.tok(k)
    if len(t) < 4 or t[0] != "ب" or t.startswith(("بو", "بن")) or t in g.given_ar:
        return False
    return k + 1 < len(doc.tokens) and doc.tok(k + 1).startswith("ال") and f"{t} {doc.tok(k + 1)}" not in g.given_ar


def _comma_opens(doc: Document, j: int) -> bool:
    """A comma (and no other punctuation) stands right before token j: after a title, what follows it is
    the holder's name from its first word."""
    if 0 < j < len(doc.tokens) and doc.gap(j).strip(" ") == ")":
        return _latin_gloss_end(doc, _gloss_start(doc, j)) == j  # «(DEM Party) سري ...»: a gloss closes the title
    if not 0 < j < len(doc.tokens):
        return False
    gap = doc.gap(j).lstrip(" ")
    gap = gap[1:] if gap[:1] in _CLOSE_QUOTES else gap  # «زعيم «التيار الوطني»، مقتدى»: a quoted body, then its comma
    return bool(_COMMA_RE.search(gap)) and not _HARD_PUNCT_RE.search(gap)


def _gloss_start(doc: Document, j: int) -> int:
    """The first token inside the parenthesis that closes before token j (j itself when none opens)."""
    for k in range(j - 1, max(j - 6, 0), -1):
        if doc.gap(k).strip(" ") == "(":
            return k
    return j


def _bare_after_definite(doc: Document, g: Gazetteer, j: int) -> bool:
    """Token j, an unknown bare word (no article, «ة», pronoun, verb prefix or glued preposition) right
    after the ال-word that ends a title and right before a known given name, opens the holder's name: a
    definite word takes no indefinite one in construct («السفير جراح جابر ...», «الحقوقي فائق أوزغور ...»)."""
    n = len(doc.tokens)
    if not (0 < j < n - 1) or doc.gap(j).strip(" ") or doc.gap(j + 1).strip(" ") or not _plain_ar_word(doc, g, j):
        return False
    prev, t, nxt = doc.tok(j - 1), doc.tok(j), doc.tok(j + 1)
    if not has_article(prev, min_len=5) or nxt not in g.given_ar or doc.tok_match[j + 1] is not None:
        return False
    return not (
        t in g.given_ar
        or t in g.stop_ar
        or len(t) < 3
        or t[0] in "يتنوبل"  # a verb's prefix, «و», or a glued preposition («بشكل دوري»)
        or t.startswith("ال")
        or g.is_ar_head(t)
        or t in g.ar_complements
        or t in g.nat_forms
        or _ends_with_ta_marbuta(doc, j)
        or t.endswith(_AR_POSSESSIVE)
        or _AR_MASDAR_RE.match(t)
        or _clause_word(t)
    )


def _item_closed(doc: Document, g: Gazetteer, k: int) -> bool:
    """A list item's third name word at token k is closed: punctuation or the end after it, or the next
    item's «و» glued to a word that is no title, article word or stop word («... أوغلاري وتونجر ...»)."""
    if _said_closed(doc, k):
        return not doc.tok(k).startswith("ال") and doc.tok(k) not in g.stop_ar
    nxt = k + 1
    t = doc.tok(nxt)
    return (
        t[:1] == "و"
        and len(t) > 3
        and not doc.gap(nxt).strip(" ")
        and _AR_WORD_RE.match(t) is not None
        and t[1:] not in g.stop_ar
        and not has_article(t[1:], min_len=4)
        and not g.is_ar_head(t[1:])
        and not doc.tok(k).startswith("ال")
    )


def _given_as_surname(doc: Document, g: Gazetteer, idx: list[int]) -> bool:
    """Right after a title, two words whose second is a known given name and which the sentence closes
    there («رئيس الجمهورية قيس سعيد إن»): the given name is the family name; the first word is a
    name's (no stop word, article word or imperfect verb: «الرئيس يستقبل عمر» is no name)."""
    if len(idx) != 2 or doc.tok(idx[1]) not in g.given_ar or doc.tok(idx[0]) in g.given_ar:
        return False
    first = doc.tok(idx[0])
    if first in g.stop_ar or first.startswith(("ال", "ي", "ت", "ن")) or first[0] in CONJ:
        return False
    k = idx[1] + 1
    return k >= len(doc.tokens) or _closed_after(doc, g, idx[1])


def _punct_after(doc: Document, k: int) -> bool:
    """Token k is the text's last, or punctuation (a comma too) follows it."""
    after = k + 1
    return after >= len(doc.tokens) or bool(_HARD_PUNCT_RE.search(doc.gap(after)) or _COMMA_RE.search(doc.gap(after)))


def _said_closed(doc: Document, k: int) -> bool:
    """The sentence closes a name at token k: punctuation or the end after it, «إن» (what was said) or a
    relative pronoun («استقبله رئيس الجمهورية برهم صالح الذي شدد»)."""
    return _punct_after(doc, k) or doc.tok(k + 1) in _NAME_CLOSERS


def _closed_third(doc: Document, g: Gazetteer, k: int) -> bool:
    """After a title, a third name word that the sentence closes right after («رئيس الوزراء الإثيوبي
    هايلي ماريام ديسالين إن ...», «المفاوض الكوري الجنوبي شونغ يونغ وو:»): not an article word, an
    accusative adverb (مؤكدا) or a function word, and followed by punctuation, the end or «إن» (what
    the person said; not «حاضر في»)."""
    t = doc.tok(k)
    if t.startswith("ال") or t.endswith("ا") or t in g.stop_ar:
        return False
    if len(t) == 4 and t[1] == "ا":
        return False  # the فاعل pattern of everyday adjectives: «حاضر», «قادم», «كامل»
    return _said_closed(doc, k)  # «... ديسالين إن القمة»: what the person said


def _after_verb(doc: Document, g: Gazetteer, i: int) -> bool:
    """A verb (with a glued و/ف) stands right before token i: «وقال شربل راجي ...» (its subject)."""
    if i == 0 or doc.gap(i).strip(" "):
        return False
    t = doc.tok(i - 1)
    return t in g.stop_ar_verbs or (t[0] in CONJ and t[1:] in g.stop_ar_verbs)


def _w_surname(doc: Document, g: Gazetteer, idx: list[int], k: int) -> bool:
    """Token k, right after a lone known given name, is a W- surname that closes the name («ستيفاني
    وليامز»، before punctuation or a word that is no name's), not «و» + the next name («سيرغي وأنتوني»)."""
    if len(idx) != 1 or doc.tok(idx[0]) not in g.given_ar or not _w_word(doc, g, k):
        return False
    nxt = k + 1
    return nxt >= len(doc.tokens) or bool(doc.gap(nxt).strip(" ")) or not _ar_name_like(doc, g, nxt)


def _w_word(doc: Document, g: Gazetteer, k: int) -> bool:
    """Token k opens with «و» and what follows it reads as no word the rules know (no given name, stop
    word, title, complement, article, pronoun or ة ending): a name that starts with W."""
    t = doc.tok(k)
    rest = t[1:]
    return (
        t[0] == "و"
        and len(rest) >= 3
        and rest not in g.given_ar
        and rest not in g.stop_ar
        and not g.is_ar_head(rest)
        and rest not in g.ar_complements
        and not has_article(rest, min_len=4)
        and not rest.endswith((*_AR_POSSESSIVE, "ه"))
        and not _ends_with_ta_marbuta(doc, k)
        and not rest.endswith(("اء", "ات", "ين", "ون"))  # plurals: «ورؤساء», «ومسؤولين»
        and not _AR_MASDAR_RE.match(rest)  # a verbal noun: «الزعيم كيم وتعزيز قضية السلام»
        and rest not in g.nat_forms
        and doc.tok_match[k] is None
    )


def _before_verbal_noun(doc: Document, g: Gazetteer, idx: list[int]) -> list[int]:
    """A name of three words or more ends before a word of a verb's or verbal noun's pattern that is no
    known given name («... عبد الكريم هاشم تناول قضايا», «نيكولاس مادورو تحديد موعد»): the
    sentence's verb or object after its subject, once two name words stand before it."""
    for p in range(2, len(idx)):
        t = doc.tok(idx[p])
        if t in g.given_ar or _name_words(doc, idx[:p]) < 2:
            continue
        bare = t[1:] if t[0] in "بل" and len(t) > 5 else _without_article(t)  # «بمواصلة», «... رزاق التوقيع»
        if _AR_MASDAR_RE.match(bare) or (len(t) >= 5 and t.endswith("وا")) or _AR_FUTURE_RE.match(t):
            return idx[:p]  # «... بوروشنكو عقدوا», «... رزاق سيشهد»: the verb after the names
        if t[0] in "بل" and len(t) > 3 and _ends_with_ta_marbuta(doc, idx[p]):
            return idx[:p]  # «... رياض ياسين بدعوة الأمين العام»: a preposition and its noun in «ة»
        if len(t) == 3 and _object_next(doc, idx[p]):
            return idx[:p]  # «لوران فابيوس فشل مفاوضات», «نبيه بري رفع اعتصام»: a past verb and its object
    return idx


def _without_article(t: str) -> str:
    """A word without its article, to read its pattern («التوقيع» -> «توقيع»); an ال-nisba («التميمي»)
    stays whole, for it is a surname, not a verbal noun."""
    return t[2:] if t.startswith("ال") and not t.endswith("ي") else t


def _object_next(doc: Document, k: int) -> bool:
    """The word after token k, with no punctuation between, is a verbal noun or a noun plural in «م...ات»
    (مفاوضات، محادثات): the object of a verb at k, not a name's next word."""
    if k + 1 >= len(doc.tokens) or doc.gap(k + 1).strip(" "):
        return False
    bare = _without_article(doc.tok(k + 1))
    return bool(_AR_MASDAR_RE.match(bare)) or (bare.startswith("م") and bare.endswith("ات") and len(bare) >= 6)


def _particle_next(doc: Document, g: Gazetteer, k: int) -> bool:
    """Token k+1 is a name particle (بن، ولد) with a name word after it, and no punctuation between."""
    n = len(doc.tokens)
    return (
        k + 2 < n
        and doc.tok(k + 1) in _AR_PARTICLES
        and not doc.gap(k + 1).strip(" ")
        and doc.tok_match[k + 1] is None
        and _plain_ar_word(doc, g, k + 2)
        and _family_word(g, doc.tok(k + 1), doc.tok(k + 2))
    )


def _family_word(g: Gazetteer, particle: str, t: str) -> bool:
    """Whether t, right after a name particle or «آل», is the name's: a month or an ordinal may be
    a family name there («بن شباط», «آل ثاني»); a function word or a verb is not, and after «ولد»
    (also "was born") no stop word is."""
    if particle == "ولد":
        return t not in g.stop_ar
    if particle in _AR_PARTICLES or particle == _AL:
        return t not in g.stop_ar_function and t not in g.stop_ar_verbs
    return False


def _opens_after_honorific(doc: Document, g: Gazetteer, j: int) -> bool:
    """The word after an honorific opens a name: any word but a particle or a verb of saying, which are
    short or followed by no name word («الشيخ صباح الأحمد», not «السيد قال إن»)."""
    t = doc.tok(j)
    if t not in g.stop_ar:
        return True
    nxt = j + 1
    if len(t) < 4 or not _plain_ar_word(doc, g, nxt):
        return False
    return doc.tok(nxt) in g.given_ar or (doc.tok(nxt).startswith("ال") and _dynasty_word(doc, g, nxt))


def _dynasty_word(doc: Document, g: Gazetteer, k: int) -> bool:
    t = doc.tok(k)
    return not (
        t in g.stop_ar
        or t in g.nat_forms
        or t in g.ar_complements
        or g.is_ar_head(t)
        or t.endswith(("يين", "ون", "ات", "ين"))
        or _ends_with_ta_marbuta(doc, k)
    )


def _theophoric(doc: Document, g: Gazetteer, i: int) -> bool:
    """Token i and «الله» after it are one compound given name («هيبة الله», «عطا الله», «نصر الله»)."""
    return (
        i + 1 < len(doc.tokens)
        and doc.tok(i + 1) == "الله"
        and not doc.gap(i + 1).strip(" ")
        and doc.tok_match[i] is None
        and _AR_WORD_RE.match(doc.tok(i)) is not None
        and doc.tok(i) not in g.stop_ar
        and not doc.tok(i).startswith("ال")
    )


def _name_words(doc: Document, idx: list[int]) -> int:
    """How many name words tokens idx hold: a compound given name (عبد الله، أبو بكر) is one."""
    n = len(idx)
    for a, b in itertools.pairwise(idx):
        first = doc.tok(a)[1:] if _and_compound(doc.tok(a)) else doc.tok(a)  # «وعبد الرحمن»: one name
        if (first in _AR_COMPOUND and doc.tok(b).startswith("ال")) or doc.tok(b) == "الله":
            n -= 1  # and a theophoric name: «هيبة الله», «نصر الله», «عطا الله»
        elif first == _AL:
            n -= 1  # a house's name: «آل ثاني», «آل خليفة»
    return n


def _long_name_ok(doc: Document, g: Gazetteer, idx: list[int]) -> bool:
    """Three or four tokens need a known given name or a name particle (بن، آل، فون...)."""
    toks = [doc.tok(i) for i in idx]
    if toks[0] in g.given_ar or toks[0] in _AR_COMPOUND or _and_given(g, toks[0]) or _theophoric(doc, g, idx[0]):
        return True  # «وموسى بيحي عبدي»: a glued «و» before the given name is «and»
    if _and_compound(toks[0]):
        return True  # «وعبد الكريم ناجي الشامي»
    return any(t in _AR_LINKERS or t in _AR_SHORT_OK for t in toks[1:])


def _from_first_given(doc: Document, g: Gazetteer, idx: list[int]) -> list[int]:
    """Start a run at its first known given name when it does not start with one
    («معهد كارنيغي ألكسندر غابويف» -> «ألكسندر غابويف»)."""
    if not idx or doc.tok(idx[0]) in g.given_ar or (doc.tok(idx[0]) in _AR_COMPOUND and len(idx) > 2):
        return idx  # «عبد ربه منصور هادي»: a compound given name opens it
    if _theophoric(doc, g, idx[0]):
        return idx  # «عطا الله محمود سالم»
    if _and_given(g, doc.tok(idx[0])) or _and_compound(doc.tok(idx[0])):
        return idx  # «وموسى بيحي عبدي», «وعبد الكريم ناجي»
    for p, i in enumerate(idx):
        if doc.tok(i) in g.given_ar:
            return idx[p:]  # a given name closing the run («بجانب عمر») leaves one word: no name
    return idx


def _ar_title_tail(doc: Document, g: Gazetteer, i: int) -> tuple[int, str | None, bool]:
    """Walk the title that starts at head token i: (next token index, country, aborted)."""
    country = None
    portfolio = False  # a country named as the title's brief is not the holder's
    j = i + 1
    glossed = -1
    quoted = False  # inside a body's quoted name
    while j < len(doc.tokens) and j - i <= 8:
        gap = doc.gap(j)
        if quoted and any(c in _CLOSE_QUOTES for c in gap):
            gap, quoted = "".join(c for c in gap if c not in _CLOSE_QUOTES), False  # the quoted body's end
        if j == glossed:
            gap = " "  # the gloss's closing parenthesis
        elif gap.strip(" ") == "(" and j > i and (end := _latin_gloss_end(doc, j)) is not None:
            j = glossed = end  # «حزب المساواة وديمقراطية الشعوب (DEM Party) ...»: the body's name in Latin
            continue
        if gap.strip(" ") == ":" and j > i:
            return j, country, False  # «وزير الخارجية اليوناني: جيورجوس ...»: the colon introduces the holder
        if gap.strip(" ") in _OPEN_QUOTES and j > i and _quote_closes(doc, j):
            if not has_article(doc.tok(j)) or doc.tok(j) in g.given_ar:
                return j, country, False  # «مستشار الأمن القومي الإسرائيلي "ناغوب ماغيل"»: the holder, quoted
            gap = " "  # «زعيم «التيار الوطني»، مقتدى ...»: a body's name quoted goes on in the title
            quoted = True
        if _HARD_PUNCT_RE.search(gap):
            return j, country, True
        if _COMMA_RE.search(gap):
            break
        m = doc.tok_match[j]
        if m is not None:
            if m.kind == "person":
                end_j = doc.token_at(m.end)
                # "adviser to President X, <Name>"; but after a title and a nationality with no second
                # head («نظيره الأميركي أنتوني بلينكن، بحثا خلاله») the person holds the title himself
                holder = country is not None and not any(g.is_ar_head(doc.tok(x)) for x in range(i + 1, j))
                if end_j < len(doc.tokens) and _COMMA_RE.search(doc.gap(end_j)) and not holder:
                    j = end_j
                    break
                return j, country, True
            if j > i and _after_brief(doc, j):
                portfolio = True  # «المكلفة شؤون الولايات المتحدة في الخارجية الكوبية»: the US is her brief
            elif not portfolio or m.kind == "nat":
                country = country or _cue_country(g, m)
            j = doc.token_at(m.end)
            continue
        t = doc.tok(j)
        if t in g.given_ar:
            break  # a name that looks like an article word (ألكسندر) ends the title
        if country is not None and _article_like_name(doc, g, j):
            break  # «رئيس الوزراء اليوناني اليكسيس تسيبراس»: after the nationality, a name like an article word
        # «وزير الري والموارد المائية»: a coordinated ال-complement continues the title
        article = has_article(t, min_len=5) and not _hamza_initial(doc, j)
        # «المسؤولة بوزارة الخارجية»: a complement may carry a glued preposition
        complement = t in g.ar_complements or _glued_complement(doc, g, j)
        if article or (t[0] in CONJ and has_article(t[1:], min_len=5)) or g.is_ar_head(t) or complement:
            j += 1
            continue
        if t.endswith(_AR_POSSESSIVE) and len(t) > 4:
            j += 1  # «رئيس مكتبها السياسي»: a noun with its pronoun continues the title
            continue
        if _construct_noun(doc, g, j):
            j += 1  # «رئيسة بعثة الأمم المتحدة»: a noun in «ة» in construct with what follows is the title's
            continue
        if clitic_bases(t) & _AR_PLACE_TITLES:
            j += 1  # «رئيس حكومة إقليم ...», «حاكم ولاية ...»: the place the title is of
            if _place_name_next(doc, g, j):
                j += 1  # «رئيس حكومة إقليم كوردستان مسرور بارزاني»: its name, known or not, is the title's
            continue
        break
    return j, country, False


def _latin_gloss_end(doc: Document, j: int) -> int | None:
    """A parenthesis opened before token j holds one to four Latin words and closes right after them, an
    Arabic word following: the token after it (an organisation's name glossed in Latin), else None."""
    n = len(doc.tokens)
    for k in range(j, min(j + 5, n)):
        if is_arabic(doc.tok(k)[:1]):
            return None
        if k > j and doc.gap(k).strip(" "):
            return None
        nxt = k + 1
        if nxt < n and doc.gap(nxt).strip(" ") == ")":
            return nxt if is_arabic(doc.tok(nxt)[:1]) else None
    return None


def _article_like_name(doc: Document, g: Gazetteer, j: int) -> bool:
    """Token j, right after the nationality that closes a title, starts like an article word but opens
    the holder's name («اليوناني اليكسيس تسيبراس اليوم»): no adjective's shape (a participle in م, a
    nisba in ي, a plural, «ة»), no word the rules know, and a plain name word after it that is no known
    given name (a given name there opens the name, the ال-word being the title's: «الأسبق إيهود باراك»),
    with the name closed right after."""
    m = doc.tok_match[j - 1]
    if m is None or m.kind != "nat" or doc.gap(j).strip(" "):
        return False
    t = doc.tok(j)
    if not t.startswith("ال") or len(t) < 6 or doc.tok_match[j] is not None or not _AR_WORD_RE.match(t):
        return False
    stem = t[2:]
    if stem[0] == "م" or stem.endswith(("ي", "ين", "ون", "ات", "يه")) or _ends_with_ta_marbuta(doc, j):
        return False
    if t in g.stop_ar or t in g.ar_complements or g.is_ar_head(t) or t in g.nat_forms or _tanween(doc, j):
        return False
    k = j + 1
    if k >= len(doc.tokens) or doc.gap(k).strip(" ") or doc.tok(k) in g.given_ar or not _ar_name_like(doc, g, k):
        return False
    if has_article(doc.tok(k), min_len=4) or _ends_with_ta_marbuta(doc, k):
        return False
    return _closed_after(doc, g, k) or doc.tok(k + 1 if k + 1 < len(doc.tokens) else k) in g.stop_ar


def _construct_noun(doc: Document, g: Gazetteer, j: int) -> bool:
    """Token j, inside a title, is a noun in «ة» in construct with the next word (an ال-word, or a
    nationality, place or organisation read there): «بعثة الأمم المتحدة», «مفوضية الاتحاد». A name's
    word in «ة» is a known given name (حمزة، أسامة), which ends the title before this is asked."""
    k = j + 1
    if k >= len(doc.tokens) or doc.gap(k).strip(" ") or not _ends_with_ta_marbuta(doc, j):
        return False
    t = doc.tok(j)
    if t in g.stop_ar or t in g.given_ar or not _AR_WORD_RE.match(t) or doc.tok_match[j] is not None:
        return False
    if _ar_name_cue(g, t) or t in _AR_RULER_CUES:
        return False  # «الفريق الموسع برئاسة المغرب»: a delegation cue opens who leads, no title goes on through it
    m = doc.tok_match[k]
    if m is not None:
        return m.kind in ("org", "location", "nat")
    return has_article(doc.tok(k), min_len=5) and not doc.tok(k).endswith(("يين", "ون"))


# words naming a title's brief («لشؤون أمريكا اللاتينية», «المكلفة ملف ...»): the country after one is not the
# holder's, unless a nationality of the holder's own body follows («في الخارجية الكوبية»)
_AR_PORTFOLIO = frozenset(norm_token(w) for w in words("titles.yaml")["ar_portfolio"])
# dual title heads («الرئيسان», «للوزيرين»): two holders follow, joined by «و»
_AR_DUAL_HEADS = frozenset(norm_token(w) for w in words("titles.yaml")["ar_dual_heads"])
_AR_PLURAL_HEADS = frozenset(norm_token(w) for w in words("titles.yaml").get("ar_plural_heads") or [])


def _two_holders(doc: Document, g: Gazetteer, idx: list[int]) -> tuple[list[int], list[int]]:
    """The two holders' names after a dual title: the run up to the word with a glued «و» that opens the
    second, and the second's run from there; each of at least two words, or none."""
    n = len(idx)
    for i, k in enumerate(idx[1:], 1):
        if doc.tok(k)[:1] == "و" and len(doc.tok(k)) > 2:
            n = i
            break
    else:
        k = idx[-1] + 1  # «الرئيسان راؤول كاسترو وباراك أوباما»: the run may stop before the «و» word
        if k >= len(doc.tokens) or doc.tok(k)[:1] != "و" or doc.gap(k).strip(" "):
            return idx, []
    if n < 2:
        return [], []
    second = _ar_name_run(doc, g, k, listed=True, opened=True)
    return idx[:n], second if second and second[0] == k else []


_OPEN_QUOTES = frozenset({'"', "«", "“"})
_CLOSE_QUOTES = frozenset({'"', "»", "”"})


def _text_before(doc: Document, k: int) -> str:
    """What stands between token k-1 and token k (after the last token when k is past the end), spaces
    stripped."""
    return (doc.gap(k) if k < len(doc.tokens) else doc.nt[doc.tokens[-1][1] :]).strip(" ")


def _after_brief(doc: Document, k: int) -> bool:
    """Token k follows a word naming a title's brief («شؤون», «ملف»)."""
    return k > 0 and not clitic_bases(doc.tok(k - 1)).isdisjoint(_AR_PORTFOLIO)


def _quote_closes(doc: Document, j: int) -> bool:
    """A quotation opened before token j closes right after one of the next few tokens, with nothing else
    between: a quoted name, not a quoted statement."""
    for k in range(j + 1, min(j + NLP.name_max_tokens + 1, len(doc.tokens) + 1)):
        after = _text_before(doc, k)
        if after:
            return after[:1] in _CLOSE_QUOTES
    return False


def _glued_complement(doc: Document, g: Gazetteer, j: int) -> bool:
    """«المسؤولة بوزارة الخارجية»: a title complement behind a glued «ب», in construct with a name or an
    ال-word after it; no delegation cue («برئاسة») and no «ل» («لدول غرب»)."""
    t = doc.tok(j)
    return (
        t[0] == "ب"
        and t[1:] in g.ar_complements
        and not _ar_name_cue(g, t)
        and j + 1 < len(doc.tokens)
        and not doc.gap(j + 1).strip(" ")
        and (doc.tok_match[j + 1] is not None or has_article(doc.tok(j + 1), min_len=5))
    )


def _quoted_name(doc: Document, idx: list[int]) -> bool:
    """The quotation opened before idx[0] holds just this name, and it reads as one: no ال-word but a
    closing nisba («"جلسات الحوار الوطني"» is a phrase)."""
    if _text_before(doc, idx[-1] + 1)[:1] not in _CLOSE_QUOTES:
        return False
    *inner, last = (doc.tok(x) for x in idx)
    return not any(w.startswith("ال") for w in inner) and (not last.startswith("ال") or last.endswith("ي"))


def _place_name_next(doc: Document, g: Gazetteer, j: int) -> bool:
    """Token j, right after «إقليم»/«ولاية» in a title, names that place: a plain word, no given name, no
    name read already and no punctuation before it."""
    return (
        j + 1 < len(doc.tokens)
        and _plain_ar_word(doc, g, j)
        and doc.tok(j) not in g.given_ar
        and not g.is_ar_head(doc.tok(j))
    )


def _given_ahead(doc: Document, g: Gazetteer, j: int) -> tuple[int, str | None]:
    """Where the name after a title starts: at j, or at a known given name a few words on when the title
    goes on through a construct the title walk cannot read («رئيس لجنة دوما الدولة للشؤون الدولية
    ليونيد سلوتسكي»); never across punctuation or another name. Also the country a place or nationality
    on the way gives («وزير الري والموارد المائية بالسودان ياسر عباس»)."""
    if j >= len(doc.tokens) or doc.tok(j) in g.given_ar or doc.tok(j) in _AR_COMPOUND or _theophoric(doc, g, j):
        return j, None  # «الرئيس عبد ربه منصور هادي», «عطا الله ...»: a compound given name opens the name here
    if _comma_opens(doc, j) and _listed_after_comma(doc, g, j):
        return j, None  # «رئيس دائرة التنسيق، وجوتيار عادل المتحدث ...»: after the comma the next item opens
    opens = _comma_opens(doc, j) or _bare_after_definite(doc, g, j)
    if opens and _ar_name_run(doc, g, j, after_title=True)[:1] == [j]:
        return j, None  # «الرئيسين المشتركين للحزب، تولاي حاتم ...»: after the title's comma the name opens at once
    country = None
    phrase = _title_phrase_word(doc, g, j)
    for k in range(j + 1, min(j + NLP.title_reach, len(doc.tokens) - 1)):
        m = doc.tok_match[k]
        if (
            phrase
            and _COMMA_RE.search(doc.gap(k))
            and not _HARD_PUNCT_RE.search(doc.gap(k))
            and doc.tok(k) in g.given_ar
            and m is None
            and doc.tok_match[k + 1] is None
            and not doc.gap(k + 1).strip(" ")
        ):
            # «القيادي بقوى الحرية والتغيير في السودان، إبراهيم الأمين»: the title's phrase, then its holder
            return k, country
        if (
            phrase
            and _comma_opens(doc, k)
            and m is None
            and doc.tok(k) not in g.given_ar
            and _ar_name_run(doc, g, k, after_title=True)[:1] == [k]
        ):
            return k, country  # «النائب عن حزب المساواة والديمقراطية، سري ...»: an unknown name after the phrase
        gloss = _latin_gloss_end(doc, k) if phrase and doc.gap(k).strip(" ") == "(" else None
        if gloss is not None and _ar_name_run(doc, g, gloss, after_title=True)[:1] == [gloss]:
            return gloss, country  # «النائبين عن حزب ... (DEM Party) سري ...»: the body's Latin gloss, then the name
        if _HARD_PUNCT_RE.search(doc.gap(k)) or _COMMA_RE.search(doc.gap(k)) or (m is not None and m.kind == "person"):
            break  # a nationality, place or organisation is part of the title («الفلسطينية», «حماس»)
        if m is None and _conjoined_title(g, doc.tok(k)):
            break  # «وزير الدفاع السوري مرهف قصار ووزير الدفاع اللبناني ميشال ...»: the next title's holder
        if phrase and doc.tok(k - 1) in g.ar_honorifics and m is None and _plain_ar_word(doc, g, k):
            return k, country  # «السفير الشيخ جراح جابر ...»: the word after an honorific opens the name
        phrase = phrase and _title_phrase_word(doc, g, k)
        if m is not None:
            if not (_after_brief(doc, k) and m.kind != "nat"):
                country = country or _cue_country(g, m)  # not «ملف اليمن»: Yemen is the brief
            continue
        t = doc.tok(k)
        if t in g.given_ar and doc.tok_match[k + 1] is None and _AR_WORD_RE.match(doc.tok(k + 1)):
            if k == j + 1 and _ar_name_run(doc, g, k, after_title=True)[:1] != [k]:
                break  # «رئيس الجمهورية قيس سعيد إن»: a given name that opens no name here closes the one at j
            return k, country
    return j, None


def _conjoined_title(g: Gazetteer, t: str) -> bool:
    """Token t is «و» and a title head («ووزير», «ورئيس»): another title opens there."""
    return t[:1] == "و" and t not in g.ar_heads and g.is_ar_head(t[1:])


def _title_phrase_word(doc: Document, g: Gazetteer, k: int) -> bool:
    """Token k may stand in the phrase a title goes on with («القيادي بقوى الحرية والتغيير في السودان»):
    a nationality, place or organisation, an ال-word (with «و»), a title complement, a preposition, or a
    noun with a preposition glued to it («بقوى»); no verb, particle or name."""
    m = doc.tok_match[k]
    if m is not None:
        return m.kind in ("nat", "location", "org")
    t = doc.tok(k)
    if not _AR_WORD_RE.match(t) or t in g.given_ar or _tanween(doc, k):
        return False
    if t in g.ar_complements or t in _AR_OPEN_PREPS:
        return True
    if t in g.stop_ar:
        return False
    if has_article(t, min_len=5) or (t[0] in CONJ and has_article(t[1:], min_len=5)):
        return True
    # «بقوى الحرية»: a noun with a preposition glued to it, in construct with what follows
    nxt = k + 1
    construct = (
        nxt < len(doc.tokens)
        and not doc.gap(nxt).strip(" ")
        and (doc.tok_match[nxt] is not None or has_article(doc.tok(nxt), min_len=5))
    )
    if t[0] == "و" and len(t) > 4 and _ends_with_ta_marbuta(doc, k) and construct:
        return True  # «حزب المساواة وديمقراطية الشعوب»: a coordinated noun in «ة», in construct
    if _AR_MASDAR_RE.match(t) and construct:
        return True  # «زعيم تنظيم العمال»: a verbal noun in construct names the body
    return len(t) > 3 and t[0] in "بل" and t[1:] not in g.given_ar and construct


# what a word can open, whatever its context (a per-word property, cached per gazetteer)
_MAY_HEAD = 1  # an Arabic word that is a title head, or the first word of a partitive title («كبير»)
_MAY_CUE = 2  # a delegation cue («برئاسة») or a regime word («نظام») before a name
_MAY_REPRESENT = 4  # an Arabic verb of representing («وسيمثل»)


def _word_flag(g: Gazetteer, t: str) -> int:
    flag = 0
    dual = t[-1:] == "ي" and t[:-1] in g.ar_heads  # «رئيسي وزراء»: the construct dual of a head
    if _AR_WORD_RE.match(t) and (g.is_ar_head(t) or not clitic_bases(t).isdisjoint(g.ar_partitive_heads) or dual):
        flag |= _MAY_HEAD
    if t in _AR_RULER_CUES or _ar_name_cue(g, t):
        flag |= _MAY_CUE
    if _AR_WORD_RE.match(t) and _representing(t):
        flag |= _MAY_REPRESENT
    return flag


def _word_flags(doc: Document, g: Gazetteer) -> list[int]:
    """`_word_flag` of every token of the document (looked up per distinct word)."""
    last = getattr(g, "_people_flags_of", None)  # three discoveries ask in turn about one document
    if last is not None and last[0] is doc:
        return last[1]  # type: ignore[no-any-return]
    seen: dict[str, int] | None = getattr(g, "_people_word_flags", None)
    if seen is None or len(seen) > 500_000:
        seen = {}
        g._people_word_flags = seen  # type: ignore[attr-defined]
    out = list(map(seen.get, doc.words))

    def flag(t: str) -> int:
        f = seen[t] = _word_flag(g, t)
        return f

    fill_unseen(out, doc.words, seen, flag)  # only the words not seen before are read
    g._people_flags_of = (doc, out)  # type: ignore[attr-defined]
    return out  # type: ignore[return-value]


def _discover_ar(doc: Document, g: Gazetteer) -> list[PersonResult]:
    out: list[PersonResult] = []
    used: set[int] = set()
    # only words that can head a title are looked at (the others fail the first two checks below)
    for i in itertools.compress(itertools.count(), map(and_, _word_flags(doc, g), itertools.repeat(_MAY_HEAD))):
        t = doc.tok(i)
        if doc.tok_match[i] is not None or not _AR_WORD_RE.match(t) or i in used:
            continue
        partitive = not g.is_ar_head(t) and _partitive_head(doc, g, i)
        dual = not g.is_ar_head(t) and not partitive and _dual_construct(doc, g, i)
        if not (g.is_ar_head(t) or partitive or dual):
            continue
        if i > 0 and doc.tok(i - 1) in _AR_PARTICLES and not doc.gap(i).strip(" "):
            continue  # «ولد الشيخ»: after a name particle a title word is the name's
        j, country, aborted = _ar_title_tail(doc, g, i + 1 if partitive else i)
        n = len(doc.tokens)
        if _many_heads_on(doc, g, t, i, j):
            continue  # «النواب إلى انتخاب قائد الجيش ...»: the later head is the holder's title
        colon = not aborted and j < n and doc.gap(j).strip(" ") == ":"
        if not aborted and j < n and _COMMA_RE.search(doc.gap(j)):
            m = doc.tok_match[j]
            if m is not None and m.kind == "nat" and doc.token_at(m.end - 1) == j:
                # «المبعوث الأممي للصحراء، الألماني هورست كوهلر»: a nationality after the comma goes on the title
                country = country or _cue_country(g, m)
                j += 1
        # «الرئيس الفنزويلي في مناسبات أخرى»: the preposition wants its object; no name right after it
        # unless a known given name opens one
        open_prep = j if not aborted and j - 1 > i and doc.tok(j - 1) in _AR_OPEN_PREPS else -1
        if dual and not aborted and j < n and _second_country(doc, g, j):
            j += 1  # «رئيسي وزراء اليونان ومقدونيا»: the dual's second country, even one nobody listed
        if dual:  # two holders: a country named in the title is the first's; a body («القيادة العامة») is no side
            places = [doc.tok_match[k] for k in range(i + 1, min(j, n))]
            sides = [_cue_country(g, m) for m in places if m is not None and m.kind in ("nat", "location")]
            country = sides[0] if sides else None
        title_end = j
        if not aborted and not (j < n and doc.tok(j - 1) in g.ar_honorifics):
            # «رئيس فصيل خادم الشعب ديفيد أراخامية»: the name starts at «ديفيد»
            j, ahead_country = _given_ahead(doc, g, j)
            country = country or ahead_country
            if _many_heads_on(doc, g, t, i, j):
                continue  # «مجلس نواب طبرق عضو المجلس يوسف ...»: the later head is the holder's title
        # drop a glued conjunction from the role (ووزير، والمتحدث) but not a head's own و (وزير)
        conj = t[0] in CONJ and t not in g.ar_heads and g.is_ar_head(t[1:])
        head_start = doc.tokens[i][0] + (1 if conj else 0)
        role_end = doc.tokens[j - 1][1]
        # "<Name> <title>، <words>": a name right before the title, bounded before, is the holder, not the
        # words after the title's comma («استيفان دوغريك المتحدث باسم الأمين العام، ترحيبه بقرار»)
        back_first = (
            i > 0
            and not doc.gap(i).strip(" ")
            and j < n
            and _COMMA_RE.search(doc.gap(j)) is not None
            and bool(_bounded_name_before(doc, g, i))
        )
        if not aborted and j < n and j not in used and not back_first:
            # after an honorific («الشيخ صباح») or a ruler's title that is a name word too («أمير الكويت صباح ...»)
            honorific = j - 1 >= i and (
                doc.tok(j - 1) in g.ar_honorifics or not clitic_bases(t).isdisjoint(g.ar_name_heads)
            )
            idx = _ar_name_run(doc, g, j, honorific=honorific, after_title=True)
            if not idx:
                idx = _syllable_name(doc, g, title_end)  # «الأمين العام للأمم المتحدة بان كي مون في ...»
            if idx and idx[0] == open_prep and _given_first(doc, g, idx[0]) is None:
                idx = []
            if idx and doc.gap(idx[0]).strip(" ") in _OPEN_QUOTES and not _quoted_name(doc, idx):
                idx = []  # a quoted name is all the quotation holds («"جلسات الحوار الوطني"» is none)
            second: list[int] = []
            if idx and (dual or not clitic_bases(t).isdisjoint(_AR_DUAL_HEADS | _AR_PLURAL_HEADS)):
                idx, second = _two_holders(doc, g, idx)  # «الرئيسان راؤول كاسترو وباراك أوباما»
            if idx and colon and doc.tok(idx[0]) not in g.given_ar:
                after = idx[-1] + 1
                if after < n and not doc.gap(after).strip(" "):
                    idx = []  # after a colon, an unknown first word needs the name closed by punctuation
            if idx:
                used.update(idx)
                role_end = doc.tokens[idx[0] - 1][1]  # the run may have begun inside the title
                role = doc.surface(head_start, role_end).strip(" ،,")
                if role.count("(") > role.count(")"):
                    role += ")"  # «... (DEM Party)»: the gloss's parenthesis closes in the role too
                for open_q, close_q in (("«", "»"), ("“", "”")):
                    if role.count(open_q) > role.count(close_q):
                        role += close_q  # «زعيم «التيار الوطني»»: a quoted body's name closes in the role too
                if role.count('"') % 2:
                    role += '"'
                # «وقال شربل راجي الناطق باسم الموفد الدولي ... اسماعيل ولد الشيخ أحمد»: a name that opens the
                # clause right before the title holds it; the name after it is the one the title is of
                before = _bounded_name_before(doc, g, i) if i > 0 and not doc.gap(i).strip(" ") else []
                if before and _given_first(doc, g, before[0]) is None and not _after_verb(doc, g, before[0]):
                    before = []  # «لا تتضمن رحيل الرئيس ...»: unless a known given name or a verb opens it
                if before and not used.intersection(before):
                    used.update(before)
                    b0 = _name_start(doc, g, before[0])
                    out.append(_discovered(doc, b0, doc.tokens[before[-1]][1], role, country))
                    role, country = None, None
                # «أوزغور فائق أرول، محامي عبد الله أوجلان»: the name before the comma holds the title (read
                # below, the role going on to the name after the head), that after it is the head's possessor
                possessor = _possessor_after(doc, g, i, idx)
                if possessor:
                    role, role_end = None, doc.tokens[idx[-1]][1]
                out.append(_discovered(doc, _name_start(doc, g, idx[0]), doc.tokens[idx[-1]][1], role, country))
                if second and not used.intersection(second):
                    used.update(second)
                    start = doc.tokens[second[0]][0] + 1  # without the «و» that joins the two
                    out.append(_discovered(doc, start, doc.tokens[second[-1]][1], role, None))
                if not possessor:
                    continue
        # "<Name>، <title>": the name stands right before the comma that opens the title; without the
        # comma («عزام الأحمد رئيس وفد فتح») only a name that opens with a known given name
        comma = _COMMA_RE.search(doc.gap(i)) and not _HARD_PUNCT_RE.search(doc.gap(i))
        if i > 0 and (comma or not doc.gap(i).strip(" ")):
            idx = _ar_name_run_back(doc, g, i - 1)
            if idx and not comma and _given_first(doc, g, idx[0]) is None and idx != _bounded_name_before(doc, g, i):
                idx = []
            if idx and not used.intersection(idx):
                used.update(idx)
                role = doc.surface(head_start, role_end).strip(" ،,") if role_end > head_start else None
                out.append(_discovered(doc, _name_start(doc, g, idx[0]), doc.tokens[idx[-1]][1], role, country))
    return out


def _many_heads_on(doc: Document, g: Gazetteer, t: str, i: int, j: int) -> bool:
    """A plural or dual head at token i («النواب», «نائبان») whose title, up to token j, goes on through
    another head: the holders it names are not those of the later title."""
    if clitic_bases(t).isdisjoint(_AR_PLURAL_HEADS | _AR_DUAL_HEADS):
        return False
    return any(g.is_ar_head(doc.tok(k)) for k in range(i + 1, min(j, len(doc.tokens))))


def _possessor_after(doc: Document, g: Gazetteer, i: int, idx: list[int]) -> bool:
    """The name idx right after a bare head at token i (no article: the construct state, «محامي ...») is
    the head's possessor, not its holder, when a name closed by a comma stands right before the head
    («أوزغور فائق أرول، محامي عبد الله أوجلان»: Öcalan's lawyer)."""
    t = doc.tok(i)
    bare = t[1:] if t[0] in CONJ and t not in g.ar_heads else t
    if idx[0] != i + 1 or has_article(bare, min_len=4) or bare.startswith("ال") or bare in g.ar_honorifics:
        return False
    if doc.gap(idx[0]).strip(" ") or bare.endswith((*_AR_POSSESSIVE, "ه")):
        return False  # «ونائبه، مالكولم ...»: a head with a pronoun, or a comma, is in no construct
    if not (_COMMA_RE.search(doc.gap(i)) and not _HARD_PUNCT_RE.search(doc.gap(i))):
        return False
    back = _ar_name_run_back(doc, g, i - 1)
    return bool(back) and back[0] == _name_run_opening(doc, back[0])


def _name_run_opening(doc: Document, k: int) -> int:
    """Token k when punctuation or the text's start stands before it (a clause opens there), else -1."""
    return k if k == 0 or doc.gap(k).strip(" ") else -1


def _dual_construct(doc: Document, g: Gazetteer, i: int) -> bool:
    """Token i is the construct dual of a head («رئيسي وزراء», «وزيري خارجية»: the two ministers of),
    told from the adjective «رئيسي» (main) by what follows: a title complement or a place, nationality
    or organisation, with no punctuation between."""
    t = doc.tok(i)
    k = i + 1
    if t[-1:] != "ي" or t[:-1] not in g.ar_heads or k >= len(doc.tokens) or doc.gap(k).strip(" "):
        return False
    m = doc.tok_match[k]
    return doc.tok(k) in g.ar_complements if m is None else m.kind in ("location", "nat", "org")


def _second_country(doc: Document, g: Gazetteer, j: int) -> bool:
    """Token j is «و» and the second of the two places a dual title is of, right after the first
    («اليونان ومقدونيا»): a plain word nothing else read, no given name and no title word."""
    m = doc.tok_match[j - 1]
    t = doc.tok(j)
    return (
        m is not None
        and m.kind in ("location", "nat")
        and t[:1] == "و"
        and len(t) > 3
        and _plain_ar_word(doc, g, j)
        and t[1:] not in g.given_ar
        and not g.is_ar_head(t[1:])
        and t[1:] not in g.stop_ar
    )


def _syllable_name(doc: Document, g: Gazetteer, j: int) -> list[int]:
    """A transliterated name whose syllables read as short pronouns or particles («بان كي مون», «هي
    ليفنغ»), right after a title closed by the nationality or body it is of: two or three short words
    with no article, none a particle that governs the next word (في، من، إن), the last a name word, the
    name closed after it (punctuation, a preposition, a verb, the end)."""
    n = len(doc.tokens)
    if j < 1 or j >= n or doc.tok_match[j - 1] is None or doc.tok_match[j - 1].kind not in ("nat", "org", "location"):
        return []
    if doc.gap(j).strip(" "):
        return []  # «نائبة وزير الخارجية الأمريكي، وفد بلادها»: after a comma the words are the sentence's
    idx: list[int] = []
    for k in range(j, min(j + 3, n)):
        if k > j and doc.gap(k).strip(" "):
            break
        t = doc.tok(k)
        if doc.tok_match[k] is not None or not _AR_WORD_RE.match(t) or t.startswith("ال") or len(t) > 8:
            break
        # a pronoun or particle (with a glued ب/ل: «بان»), not a noun of time or place («يوم غد»)
        function = t in g.stop_ar_function or (t[0] in "بل" and t[1:] in g.stop_ar_function)
        particle = function and len(t) <= 3 and t not in _AR_GOVERNING
        if not (particle or _ar_name_like(doc, g, k)) or _tanween(doc, k) or t.endswith(_AR_POSSESSIVE):
            break
        if _ends_with_ta_marbuta(doc, k) or (len(t) >= 4 and t.endswith("وا")) or _AR_MASDAR_RE.match(t):
            break  # «عقدوا قمة تشاورية»: a verb and its object, not a name's syllables
        idx.append(k)
    while idx and (doc.tok(idx[-1]) in g.stop_ar and doc.tok(idx[-1]) not in g.given_ar):
        idx.pop()
    odd = [k for k in idx if doc.tok(k) in g.stop_ar or (len(doc.tok(k)) == 2 and doc.tok(k) not in _AR_SHORT_OK)]
    after = idx[-1] + 1 if idx else n
    closed = bool(idx) and (_closed_after(doc, g, idx[-1]) or doc.tok(after) in g.stop_ar)
    if len(idx) < 2 or not odd or not closed:
        return []  # a name the ordinary reading takes needs no syllable reading
    return idx


def _partitive_head(doc: Document, g: Gazetteer, i: int) -> bool:
    """Token i and the plural of a head after it are a title («كبير المفاوضين», «أحد المفاوضين», «كبير
    مساعدي الوزير»): one of, or the chief of, those who hold the title. A sound masculine plural (ين، ون،
    construct ي) or a broken plural listed as a head (خبراء); «إحدى المفاوضات» (talks) is none."""
    if clitic_bases(doc.tok(i)).isdisjoint(g.ar_partitive_heads):
        return False
    k = i + 1
    if k >= len(doc.tokens) or doc.gap(k).strip(" ") or doc.tok_match[k] is not None:
        return False
    t = doc.tok(k)
    base = t[2:] if t.startswith("ال") and len(t) > 4 else t
    if base in g.ar_heads:
        return True
    return any(base.endswith(suf) and base[: -len(suf)] in g.ar_heads for suf in ("ين", "ون", "ي"))


# prepositions a title may end on only with their object after them («القيادي في حركة فتح»)
_AR_OPEN_PREPS = frozenset({"في", "لدي", "الي", "عن", "من", "مع", "علي", "حول"})


def _bounded_name_before(doc: Document, g: Gazetteer, head: int) -> list[int]:
    """A name right before the title head at token `head`, with no comma between, that opens the clause:
    a sentence start, punctuation, or a particle or verb of saying before it («وقال شربل راجي الناطق
    باسم ...», «لكل من حمدي ولد الرشيد رئيس ...»). Two words, or a name with a particle; else []."""
    if head == 0:
        return []
    idx = _ar_name_run_back(doc, g, head - 1)
    # «، وعبد الحكيم خسرو رئيس ...»: a compound given name is one word
    compound = bool(idx) and _name_words(doc, idx) == 2 and _and_compound(doc.tok(idx[0]))
    if not idx or (len(idx) != 2 and not any(doc.tok(k) in _AR_PARTICLES for k in idx) and not compound):
        return []
    first = idx[0]
    if doc.tok(first)[0] == "و" and (doc.tok(first)[1:] in g.given_ar or _listed_after_comma(doc, g, first)):
        return idx  # «وصبري ...»: a glued «و» opens the name's clause
    if first == 0 or doc.gap(first).strip(" "):
        return idx
    before = doc.tok(first - 1)
    if before in g.stop_ar or (before[0] in CONJ and before[1:] in g.stop_ar):
        return idx
    return []


def _w_given(g: Gazetteer, t: str) -> bool:
    """A known given name that starts with و (وليد، وسام), not «و» before one (وسيرغي)."""
    return t in g.given_ar and t[1:] not in g.given_ar


def _and_given(g: Gazetteer, t: str) -> bool:
    """«و» glued to a known given name («وموسى»), not a given name that starts with و (وليد)."""
    return len(t) > 3 and t[0] == "و" and t[1:] in g.given_ar and not _w_given(g, t)


def _and_compound(t: str) -> bool:
    """«و» glued to the first half of a compound given name («وعبد», «وأبو»)."""
    return len(t) > 3 and t[0] == "و" and t[1:] in _AR_COMPOUND


def _glued_compound(t: str) -> bool:
    """Token t (maybe after a glued «و») is a compound given name written as one word: «عبد» or «أبو» and
    an ال-word («عبدالحميد», «وأبوالقاسم»)."""
    if t[:1] == "و" and t[1:].startswith(_AR_COMPOUND):
        t = t[1:]
    return any(t.startswith(c + "ال") and len(t) >= len(c) + 5 for c in _AR_COMPOUND)


def _given_first(doc: Document, g: Gazetteer, i: int) -> str | None:
    """Token i as a known given name, with a glued «و» dropped («وعزام»), else None."""
    t = doc.tok(i)
    if t in g.given_ar or t in _AR_COMPOUND:
        return t
    if _glued_compound(t):
        return t[1:] if t[0] == "و" and not t.startswith(_AR_COMPOUND) else t
    return t[1:] if t[0] in CONJ and t[1:] in g.given_ar else None


def _nisba_after_given(doc: Document, g: Gazetteer, k: int, given: int) -> bool:
    """Token k is an ال-surname closing a name after the known given name at token `given`
    («عزام الأحمد», «مصطفى البرغوثي»): no plural, nationality, stop word or title complement."""
    t = doc.tok(k)
    return (
        t.startswith("ال")
        and _AR_WORD_RE.match(t) is not None
        and not t.endswith(("يين", "ون", "ات"))
        and doc.tok_match[k] is None
        and t not in g.nat_forms
        and t not in g.stop_ar
        and t not in g.ar_complements
        and not g.is_ar_head(t)
        and not _tanween(doc, k)
        and given >= 0
        and _given_first(doc, g, given) is not None
        and not doc.gap(k).strip(" ")
    )


def _ar_name_run_back(doc: Document, g: Gazetteer, last: int) -> list[int]:
    idx: list[int] = []
    k = last
    if k > 0 and not _ar_name_like(doc, g, k) and _nisba_after_given(doc, g, k, k - 1):
        idx.append(k)  # «عزام الأحمد رئيس ...»: the ال-surname closes the name
        k -= 1
    elif k > 0 and _family_word(g, doc.tok(k - 1), doc.tok(k)) and _plain_ar_word(doc, g, k):
        idx.append(k)  # «حمدي ولد الرشيد رئيس ...»: the word after the particle closes the name
        k -= 1
    while k >= 0 and len(idx) <= NLP.name_max_tokens:
        t = doc.tok(k)
        if (
            idx
            and k > 0
            and t in g.ar_name_heads
            and doc.tok(k - 1) in g.given_ar
            and doc.tok_match[k] is None
            and not doc.gap(k).strip(" ")
            and not doc.gap(k + 1).strip(" ")
        ):
            idx.insert(0, k)  # «حسن شيخ محمود، رئيس ...»: a title word between a given name and a name word
            k -= 1
            continue
        if _compound_before(doc, g, idx, k):
            idx[:0] = [k - 1, k]  # «، وعبد الحكيم خسرو رئيس ...»: a compound given name opens the name
            break
        if not _ar_name_like(doc, g, k):
            if idx and doc.tok(idx[0]) in _AR_PARTICLES and _nisba_after_given(doc, g, k, k - 1):
                idx[:0] = [k - 1, k]  # «محمد الحسن ولد لبات»: a given name and an ال-word before the particle
            break
        glued = t[0] == "و" and len(t) > 2 and (t[1] not in "اوي" or t[1:] in g.given_ar) and not _w_given(g, t)
        if idx and glued and not (t in _AR_PARTICLES and k > 0 and not doc.gap(k).strip(" ")):
            if t[1:] in g.given_ar or (len(idx) == 1 and _listed_after_comma(doc, g, k)):
                idx.insert(0, k)  # «وجيرارد كوشنر», «، وصبري بوقادوم ممثل»: the name starts after the conjunction
            break
        idx.insert(0, k)
        if doc.gap(k).strip(" "):
            break  # punctuation before this token: the name starts here
        k -= 1
    if not (idx and _listed_after_comma(doc, g, idx[0])):  # «، وجوتيار عادل المتحدث»: a list item from its «و»
        idx = _from_first_given(doc, g, idx)  # «لاستقبال ستيف ويتكوف، مبعوث»
    if len(idx) > 2 and not _long_name_ok(doc, g, idx):
        idx = idx[-2:]
    if not 2 <= len(idx) <= NLP.name_max_tokens or doc.tok(idx[-1]) in _AR_PARTICLES:
        return []
    return idx if _ar_plausible(doc, g, idx) else []


# ---------------------------------------------------------------------- English discovery


def _compound_before(doc: Document, g: Gazetteer, idx: list[int], k: int) -> bool:
    """Walking back over a name, token k is the ال-half of a compound given name whose first half
    («عبد», «وعبد») stands right before it, with a comma or the text's start before that: the name opens
    there («...، وعبد الحكيم خسرو رئيس ...»)."""
    if not idx or k < 1 or not doc.tok(k).startswith("ال") or doc.gap(k).strip(" ") or doc.tok_match[k] is not None:
        return False
    first = doc.tok(k - 1)
    if not (first in _AR_COMPOUND or _and_compound(first)) or doc.tok_match[k - 1] is not None:
        return False
    return k - 1 == 0 or bool(doc.gap(k - 1).strip(" "))


def _en_name_like(doc: Document, g: Gazetteer, i: int) -> bool:
    t = doc.tok(i)
    if doc.tok_match[i] is not None or not _LATIN_WORD_RE.match(t) or not doc.is_cap(i):
        return False
    return not (t in g.stop_en or t in g.en_heads or t in g.en_modifiers or t in g.nat_forms)


def _en_name_run(doc: Document, g: Gazetteer, j: int, step: int = 1) -> list[int]:
    """Capitalised name tokens from j forwards (step 1) or backwards (step -1)."""
    idx: list[int] = []
    k = j
    while 0 <= k < len(doc.tokens) and len(idx) <= NLP.name_max_tokens + 2:
        if k != j:
            raw = doc.gap(max(k, k - step))
            sep = raw.strip(" ")
            if (sep not in ("", "-") or (sep == "-" and raw != "-")) and not (
                sep == "." and len(doc.tok(min(k, k - step))) == 1
            ):
                break  # punctuation ends a name; a period only inside initials (J. D. Vance)
        # a hyphen inside a name has no spaces around it; " – " is a dash that opens an aside
        hyphened = idx and step == 1 and doc.gap(k) == "-" and _LATIN_WORD_RE.match(doc.tok(k))
        if (
            _en_name_like(doc, g, k)
            or (idx and doc.tok(k) in _EN_PARTICLES)
            or hyphened
            or _en_initial(doc, g, k)
            or (step == 1 and _en_nat_surname(doc, g, idx, k))
        ):
            idx.append(k)  # "Kim Myong-gil": a hyphened second half may be lower case
        else:
            break
        k += step
    if step == -1:
        idx.reverse()
    elif idx and doc.nt[doc.tokens[idx[-1]][1] : doc.tokens[idx[-1]][1] + 4].lstrip(" ").startswith(("...", "…")):
        return []  # "Josep Bo...": a name cut short by a caption's ellipsis
    while idx and doc.tok(idx[-1]) in _EN_PARTICLES:
        idx.pop()
    while idx and doc.tok(idx[0]) in _EN_PARTICLES:
        idx.pop(0)
    core = [i for i in idx if doc.tok(i) not in _EN_PARTICLES]
    return idx if 2 <= len(core) <= NLP.name_max_tokens else []


def _en_nat_surname(doc: Document, g: Gazetteer, idx: list[int], k: int) -> bool:
    """Token k, read as a nationality, is the family name closing a lone known given name ("Mayor Ahmet
    Türk and ..."): a capitalised word that the nationality reading covers alone, with no name word after."""
    m = doc.tok_match[k]
    if len(idx) != 1 or doc.tok(idx[0]) not in g.given_en or m is None or m.kind != "nat":
        return False
    if doc.token_at(m.word_start) != k or doc.token_at(m.end - 1) != k or not doc.is_cap(k):
        return False
    nxt = k + 1
    return nxt >= len(doc.tokens) or bool(doc.gap(nxt).strip(" ")) or not _en_name_like(doc, g, nxt)


def _en_from_first_given(g: Gazetteer, doc: Document, idx: list[int]) -> list[int]:
    """A run that does not open with a known given name but has one inside, with a surname after it,
    starts there: the words before it end the title ("ambassador to Kiev Mikhail Zurabov")."""
    if not idx or doc.tok(idx[0]) in g.given_en:
        return idx
    for p in range(1, len(idx) - 1):
        if doc.tok(idx[p]) in g.given_en:
            return idx[p:]
    return idx


def _en_initial(doc: Document, g: Gazetteer, k: int) -> bool:
    """Token k is an initial written without its period before a name word ("Lt Gen A Sengupta"): one
    capital letter, even one that is a word elsewhere ("A"), right before a capitalised name token."""
    a, b = doc.tokens[k]
    return (
        b - a == 1
        and doc.surface(a, b).isupper()
        and k + 1 < len(doc.tokens)
        and doc.gap(k + 1) == " "
        and _en_name_like(doc, g, k + 1)
    )


def _en_initials(doc: Document, g: Gazetteer, k: int) -> bool:
    """Token k is a name's initials run together ("Gen MM Naravane"), not an acronym of the title ("the
    UNSC envoy"): two or three capitals that nothing else read, before one capitalised name word that
    ends the name."""
    a, b = doc.tokens[k]
    n = len(doc.tokens)
    return (
        b - a <= 3
        and doc.tok_match[k] is None
        and _acronym(doc, k)
        and k + 1 < n
        and doc.gap(k + 1) == " "
        and _en_name_like(doc, g, k + 1)
        and (k + 2 >= n or doc.gap(k + 2).strip(" ") != "" or not _en_name_like(doc, g, k + 2))
    )


def _en_title_token(doc: Document, g: Gazetteer, k: int) -> bool:
    t = doc.tok(k)
    m = doc.tok_match[k]
    if m is not None:
        return m.kind in ("nat", "location", "org")
    if t in g.en_modifiers or t in g.en_heads or (t == "s" and doc.gap(k) in ("'", "’")):
        return True
    return _acronym(doc, k)  # "an AU spokesperson", "the UNSC envoy"


def _title_gap(doc: Document, k: int) -> bool:
    """Nothing but a space or an apostrophe before token k, or the period of initials ("U.S. envoy")."""
    gap = doc.gap(k).strip(" '’")
    return not gap or (gap == "." and k > 0 and len(doc.tok(k - 1)) == 1)


def _acronym(doc: Document, k: int) -> bool:
    surface = doc.surface(*doc.tokens[k])
    return 2 <= len(surface) <= 5 and surface.isalpha() and surface.isupper()


_EN_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "gen", "col", "lt", "sen", "rep", "amb", "prof"})


def _en_given_ahead(doc: Document, g: Gazetteer, j: int) -> int:
    """Where a name starts when the title runs on through capitalised words ("Envoy for Syria Alexander
    Lavrentyev"): at a known given name a few capitalised words on, never across punctuation."""
    for k in range(j, min(j + 5, len(doc.tokens) - 1)):
        if k > j and doc.gap(k).strip(" "):
            break
        if doc.tok(k) in _EN_CONNECTORS or doc.tok(k) in g.en_title_connectors:
            continue
        if not doc.is_cap(k):
            break
        if doc.tok(k) in g.given_en and doc.tok_match[k] is None and not doc.gap(k + 1).strip(" "):
            return k
    return j


_EN_HONORIFICS = frozenset(str(w) for w in words("titles.yaml").get("en_honorifics") or [])


def _en_plural_head(g: Gazetteer, t: str) -> bool:
    """Token t is the plural of a title head ("MPs", "chairs", "lawmakers"): a list of holders follows."""
    if t in g.en_list_heads:
        return True
    return len(t) >= 3 and t.endswith("s") and t[:-1] in g.en_heads and t[:-1] not in g.stop_en


def _en_name_opens(doc: Document, g: Gazetteer, i: int, idx: list[int]) -> bool:
    """The run idx opens right after head token i with no title word between, the head written in lower
    case ("Öcalan's lawyer Faik Özgür Erol") or an honorific ("Sheikh Jarrah Jaber ..."): its first word
    is the name's, though unknown and a known given name follows."""
    t = doc.tok(i)
    return bool(idx) and idx[0] == i + 1 and (t in _EN_HONORIFICS or (t in g.en_heads and not doc.is_cap(i)))


def _discover_en(doc: Document, g: Gazetteer) -> list[PersonResult]:
    out: list[PersonResult] = []
    used: set[int] = set()
    n = len(doc.tokens)
    heads = g.en_heads
    # the others fail the first check (a head, or the plural of one: "MPs", "co-chairs")
    # (the words ending in s tried once each, picked in C: most pages have few or none)
    uniq = set(doc.words)
    plurals = {
        w for w in itertools.compress(uniq, map(str.endswith, uniq, itertools.repeat("s"))) if _en_plural_head(g, w)
    }
    flags = map(heads.__contains__, doc.words)
    if plurals:
        flags = map(or_, flags, map(plurals.__contains__, doc.words))
    for i in itertools.compress(range(n), flags):
        t = doc.tok(i)
        if t not in g.en_heads and not _en_plural_head(g, t):
            continue
        if doc.tok_match[i] is not None or not _LATIN_WORD_RE.match(t):
            continue
        # the title before the head: "Ukraine's national security adviser"
        b = i
        while b - 1 >= 0 and i - b < 6 and _title_gap(doc, b) and _en_title_token(doc, g, b - 1):
            b -= 1
        if doc.tok(b) == "s" and b > 0 and doc.tok_match[b - 1] is not None:
            b -= 1  # "Putin's aide": the possessor belongs to the title
        # the title may go on after the head: "Secretary of State", "adviser to the Kremlin"
        j = i + 1
        while (
            j < n
            and j - i <= 6
            and not doc.gap(j).strip(" ")
            and (
                doc.tok(j) in _EN_CONNECTORS
                or doc.tok(j) in g.en_title_connectors
                or _en_title_token(doc, g, j)
                or _en_places_joined(doc, j)
            )
            and not _en_initials(doc, g, j)
        ):
            j += 1
        # a proper-noun complement closed by a comma: "Special Representative for the Western
        # Balkans, Gabriel Escobar"
        if j < n and doc.tok(j - 1) in _EN_CONNECTORS and doc.is_cap(j) and not doc.gap(j).strip(" "):
            k = j
            while k < n and not doc.gap(k).strip(" ") and k - j < 5:
                inner = doc.tok(k) in ("of", "the", "and") and k + 1 < n and doc.is_cap(k + 1)
                if not (doc.is_cap(k) or inner):
                    break  # "for the Horn of Africa": small words only between capitalised ones
                k += 1
            if k < n and doc.gap(k).strip(" ") == ",":
                j = k
        while j - 1 > i and (doc.tok(j - 1) in _EN_CONNECTORS or doc.tok(j - 1) in g.en_title_connectors):
            j -= 1
        countries = [_cue_country(g, doc.tok_match[k]) for k in range(b, j)]
        country = next((c for c in countries if c), None)
        role = (
            None
            if t in ("mr", "mrs", "ms", "dr", "sir", "lord", "lady")
            else doc.surface(doc.tokens[b][0], doc.tokens[j - 1][1])
        )
        sep = doc.gap(j).strip(" ") if j < n else ""
        if j < n and (sep in ("", ",") or (sep == "." and t in _EN_ABBREVIATIONS)):  # "Dr. Abdullah Abdullah"
            idx = _en_name_run(doc, g, j)
            if not idx or (doc.tok(idx[0]) not in g.given_en and doc.tok(j - 1) in _EN_CONNECTORS):
                k = _en_given_ahead(doc, g, j + (1 if idx else 0))
                idx = (_en_name_run(doc, g, k) if k != j else []) or idx
            idx = idx if _en_name_opens(doc, g, j - 1, idx) else _en_from_first_given(g, doc, idx)
            if not idx or (doc.tok(idx[0]) not in g.given_en and doc.tok(j - 1) in _EN_CONNECTORS):
                after = _en_after_title_words(doc, g, j)  # "for Arms Control and International Security Bonnie Jenkins"
                if after:
                    idx = after
                    role = role and doc.surface(doc.tokens[b][0], doc.tokens[idx[0] - 1][1])
            if (
                idx
                and idx[-1] + 2 < n
                and doc.tok(idx[-1] + 1) == "s"
                and doc.gap(idx[-1] + 1) in ("'", "’")
                and doc.is_cap(idx[-1] + 2)  # "Abdalla Hamdok's office": the name owns the possessive
            ):
                # "representative of the Luhansk People's Republic Igor Plotnitsky": the run owns the
                # rest of the title; the holder is the known given name a few capitalised words on
                k = _en_given_ahead(doc, g, idx[-1] + 2)
                idx = _en_name_run(doc, g, k) if k != idx[-1] + 2 else []
            if idx and not used.intersection(idx):
                used.update(idx)
                out.append(_discovered(doc, _name_start(doc, g, idx[0]), doc.tokens[idx[-1]][1], role, country))
                if _en_plural_head(g, t):  # "the special envoys Serdar Kilic and Ruben Rubinyan"
                    k = idx[-1] + 1
                    if k < n and doc.tok(k) == "and" and not doc.gap(k).strip(" "):
                        k += 1
                    if k < n and (doc.tok(k - 1) == "and" or doc.gap(k).strip(" ") == ","):
                        for r in _names_listed(doc, g, k):
                            span = set(range(doc.token_at(r.match.start), doc.token_at(r.match.end - 1) + 1))
                            used.update(span)
                            out.append(r)
                continue
        # "<Name>, [a|the] <title>": walk back over articles to the comma
        c = b
        while c - 1 >= 0 and doc.tok(c - 1) in _EN_ARTICLES and not doc.gap(c).strip(" "):
            c -= 1
        if c > 0 and doc.gap(c).strip(" ") == ",":
            idx = _en_from_first_given(g, doc, _en_name_run(doc, g, c - 1, step=-1))
            if idx and used.intersection(idx) and country:
                _give_country(doc, out, idx, country)  # "Gen. Wanlop Rugsanaoh, the chief Thai negotiator"
            if idx and not used.intersection(idx):
                before = idx[0] - 1
                bounded = before < 0 or doc.gap(idx[0]).strip(" ") or not _en_name_like(doc, g, before)
                if bounded:
                    used.update(idx)
                    out.append(_discovered(doc, _name_start(doc, g, idx[0]), doc.tokens[idx[-1]][1], role, country))
    return out


def _en_places_joined(doc: Document, j: int) -> bool:
    """Token j is "and" between two places or nationalities of a title ("the foreign ministers of Latvia
    and Chile"): the title goes on through it."""
    if doc.tok(j) != "and" or j + 1 >= len(doc.tokens) or doc.gap(j + 1).strip(" "):
        return False
    before, after = doc.tok_match[j - 1], doc.tok_match[j + 1]
    return all(m is not None and m.kind in ("location", "nat") for m in (before, after))


def _en_after_title_words(doc: Document, g: Gazetteer, j: int) -> list[int]:
    """The holder's name at the end of a capitalised stretch that goes on with the title ("Under Secretary
    of State for Arms Control and International Security Bonnie Jenkins,"): the capitalised words after
    the stretch's last title word (a modifier, head, connector, "and" or a name read as a place or body),
    two or three of them, the stretch closed by punctuation or a lower-case word."""
    n = len(doc.tokens)
    k, last_title = j, j - 1
    while k < n and k - j < 12:
        if k > j and doc.gap(k).strip(" "):
            break
        t = doc.tok(k)
        small = t in _EN_CONNECTORS or t == "and"
        if small:
            if k + 1 >= n or not doc.is_cap(k + 1) or doc.gap(k + 1).strip(" "):
                break
        elif not doc.is_cap(k):
            break
        if small or _en_title_token(doc, g, k):
            last_title = k
        k += 1
    if last_title < j:
        return []
    idx = list(range(last_title + 1, k))
    if not 2 <= len(idx) <= 3 or not all(_en_name_like(doc, g, x) for x in idx):
        return []
    return idx


def _give_country(doc: Document, out: list[PersonResult], idx: list[int], country: str) -> None:
    """The person already found over tokens idx, read without a country, takes the one an apposition
    after the name gives."""
    start, end = doc.tokens[idx[0]][0], doc.tokens[idx[-1]][1]
    for k, r in enumerate(out):
        if r.entity is not None and r.entity.country_code is None and r.match.start <= start and end <= r.match.end:
            out[k] = PersonResult(r.match, replace(r.entity, country_code=country))


def _discover_en_cued(doc: Document, g: Gazetteer) -> list[PersonResult]:
    """Names right after a delegation cue ("led by Alexander Darchiev", "included Andrew Peek and
    Michael Anton"), and the names listed after them."""
    out: list[PersonResult] = []
    n = len(doc.tokens)
    firsts = {c[0] for c in g.en_name_cues}
    for i in itertools.compress(range(n), map(firsts.__contains__, doc.words)):  # the others fail the first check
        if doc.tok(i) not in firsts:
            continue  # one set look-up per token: most articles have no cue at all
        for cue in g.en_name_cues:
            k = len(cue)
            if i + k >= n or tuple(doc.tok(i + x) for x in range(k)) != cue:
                continue
            if any(doc.gap(i + x).strip(" ") for x in range(1, k)):
                continue
            j = i + k
            out += _names_listed(doc, g, j)
    return out


def _names_listed(doc: Document, g: Gazetteer, j: int) -> list[PersonResult]:
    """The names listed from token j on ("Andrew Peek ... and Michael Anton": a name right after "and")."""
    out: list[PersonResult] = []
    n = len(doc.tokens)
    while j < n and doc.gap(j).strip(" ") in ("", ",") and doc.tok(j) not in ("and", "the"):
        idx = _en_name_run(doc, g, j)
        if not idx:
            break
        out.append(_discovered(doc, _name_start(doc, g, idx[0]), doc.tokens[idx[-1]][1], None, None))
        j = idx[-1] + 1
        if j < n and doc.tok(j) == "and" and doc.gap(j).strip(" ") in ("", ","):
            j += 1
        elif not (j < n and doc.gap(j).strip(" ") == ","):
            break
    return out


def _discover_ar_cued(doc: Document, g: Gazetteer) -> list[PersonResult]:
    """A name right after a delegation cue («وفد برئاسة أحمد طعمة», «يترأسه», «بقيادة»), or after a regime
    when it opens with a known given name («نظام عمر البشير»)."""
    out: list[PersonResult] = []
    last = len(doc.tokens) - 1
    # only cue words are looked at (the others fail the first check below)
    for i in itertools.compress(range(last), map(and_, _word_flags(doc, g), itertools.repeat(_MAY_CUE))):
        ruler = doc.tok(i) in _AR_RULER_CUES
        if not (ruler or _ar_name_cue(g, doc.tok(i))) or doc.gap(i + 1).strip(" "):
            continue
        if ruler and _given_first(doc, g, i + 1) is None:
            continue
        if _ends_with_ta_marbuta(doc, i) and doc.tok(i) not in _AR_CUES_TA:
            continue  # «قادة حركتي ...» (leaders) is no «قاده» (led him)
        j = i + 1
        if g.is_ar_head(doc.tok(j)):
            continue  # «برئاسة وزير الخارجية ...»: the title's own discovery reads it
        idx = _ar_name_run(doc, g, j)
        if idx:
            out.append(_discovered(doc, _name_start(doc, g, idx[0]), doc.tokens[idx[-1]][1], None, None))
    return out


def _discover_ar_each_of(doc: Document, g: Gazetteer) -> list[PersonResult]:
    """The names «كل من» (each of) lists, first and second joined by «و» («شارك كل من سري سريا أوندر
    وبروين بولدان»): both read from their first word, known given name or not. A first name alone
    needs a known given name (the list may be of countries or bodies, which are read as such)."""
    out: list[PersonResult] = []
    n = len(doc.tokens)
    for i in itertools.compress(range(1, n - 2), map("من".__eq__, doc.words[1 : n - 2])):  # only at «من»
        if doc.tok(i - 1) not in ("كل", "وكل") or doc.gap(i).strip(" "):
            continue
        j = i + 1
        if doc.gap(j).strip(" ") or doc.tok_match[j] is not None or g.is_ar_head(doc.tok(j)):
            continue  # «كل من الرئيس ...»: the title's own discovery reads it
        idx = _ar_name_run(doc, g, j, opened=True)
        if not idx or idx[0] != j:
            continue
        first, second = _two_holders(doc, g, idx)
        if not first or (not second and _given_first(doc, g, j) is None):
            continue
        for run in (first, second):
            if run:
                start = doc.tokens[run[0]][0] + (1 if run is second else 0)
                out.append(_discovered(doc, start, doc.tokens[run[-1]][1], None, None))
    return out


_ROSTER_ITEM = re.compile(r"[ \t]*[-–—•*·][ \t]*")


def _after_dash(doc: Document, m: int) -> int | None:
    """Where line m's text starts after the list dash opening it; None when no dash opens it."""
    if not 0 <= m < len(doc.lines):
        return None
    ls, le = doc.lines[m]
    item = _ROSTER_ITEM.match(doc.nt, ls, le)
    return item.end() if item is not None and item.end() > ls else None


def _roster_item(doc: Document, pos: int) -> bool:
    """Position `pos` lies on a line opened by a list dash, next to another such line."""
    n = doc.line_of(pos)
    return _after_dash(doc, n) is not None and any(_after_dash(doc, m) is not None for m in (n - 1, n + 1))


def _discover_roster(doc: Document, g: Gazetteer) -> list[PersonResult]:
    """A delegation's roster as a list, a name a line («أسماء وفد الحكومة:» then «- عبدالكريم شيبان»,
    "- Ahmed Salem"): each item of two to four name words, closed by its line's end, is a person, when
    two such items follow each other (a single dash line may be anything)."""
    items: list[list[int]] = []
    for m, (_, le) in enumerate(doc.lines):
        start = _after_dash(doc, m)
        if start is None or start >= le:
            continue
        k = doc.token_at(start)
        end = doc.token_at(le - 1)
        idx = list(range(k, end + 1))
        if not 2 <= len(idx) <= NLP.name_max_tokens or any(doc.tok_match[x] is not None for x in idx):
            continue
        if any(doc.gap(x).strip(" ") for x in idx[1:]) or doc.nt[doc.tokens[idx[-1]][1] : le].strip(" .،,"):
            continue  # one run of words and nothing after it: a name, not a sentence
        if _AR_WORD_RE.match(doc.tok(k)) is not None:
            words_ok = all(
                _ar_name_like(doc, g, x) or doc.tok(x) in _AR_LINKERS or has_article(doc.tok(x)) for x in idx
            )
            if not (words_ok and _ar_plausible(doc, g, idx, closed=True)):
                continue
        elif not all(_en_name_like(doc, g, x) for x in idx):
            continue
        items.append(idx)
    lines = [doc.line_of(doc.tokens[idx[0]][0]) for idx in items]
    return [
        _discovered(doc, doc.tokens[idx[0]][0], doc.tokens[idx[-1]][1], None, None)
        for n, idx in enumerate(items)
        if (n and lines[n - 1] == lines[n] - 1) or (n + 1 < len(items) and lines[n + 1] == lines[n] + 1)
    ]


def _representing(t: str) -> bool:
    """Token t is a verb of representing (يمثل), with a glued و/ف and the future س (وسيمثل)."""
    if t[:1] in CONJ and len(t) > 4:
        t = t[1:]
    return (_future_stem(t) or t) in _AR_REPRESENTING


def _discover_ar_representing(doc: Document, g: Gazetteer) -> list[PersonResult]:
    """The first name after a verb of representing, the side and the talks between («وسيمثل الحوثيين في
    المحادثات مهدي المشاط ...», «سيمثل حزب المؤتمر عارف الزوكا»): the first word a few words on that is
    a known given name opening a name; no punctuation crossed. The list it opens is read after it."""
    out: list[PersonResult] = []
    n = len(doc.tokens)
    # only verbs of representing are looked at (the others fail the first check below)
    for i in itertools.compress(range(n - 2), map(and_, _word_flags(doc, g), itertools.repeat(_MAY_REPRESENT))):
        t = doc.tok(i)
        if doc.tok_match[i] is not None or not _AR_WORD_RE.match(t) or not _representing(t):
            continue
        for k in range(i + 1, min(i + 1 + NLP.title_reach, n - 1)):
            if _HARD_PUNCT_RE.search(doc.gap(k)) or _COMMA_RE.search(doc.gap(k)):
                break
            m = doc.tok_match[k]
            if m is not None:
                if m.kind == "person":
                    break
                continue
            if doc.tok(k) in g.given_ar and doc.tok(k) not in g.stop_ar:
                idx = _ar_name_run(doc, g, k)
                if idx and idx[0] == k:
                    out.append(_discovered(doc, doc.tokens[k][0], doc.tokens[idx[-1]][1], None, None))
                break
    return out


def _future_stem(t: str) -> str | None:
    """«سيقودها» -> «يقودها», «سيمثل» -> «يمثل»: the imperfect under the future «س», else None."""
    return t[1:] if t.startswith("س") and len(t) > 4 and t[1] in "يت" else None


def _ar_name_cue(g: Gazetteer, t: str) -> bool:
    """Token t is a delegation cue: as listed, with «ها»/«هم» for a listed «ه» (يقودها، يتزعمها), or
    with the future «س» before a verb (سيقودها)."""
    for w in (t, _future_stem(t)):
        if w is None:
            continue
        if w in g.ar_name_cues:
            return True
        if w.endswith(("ها", "هم")) and w[:-2] + "ه" in g.ar_name_cues:
            return True
    return False


def discover_listed(doc: Document, g: Gazetteer) -> list[PersonResult]:
    """Names that go on a list after a person already found: «موسى أبو مرزوق، وخليل الحية، وحسام بدران،
    وروحي مشتهى». The next item opens with «و» and a known given name (after a comma, the given name
    alone); an item without a known given name only as the list's last, two words before the full stop."""
    out: list[PersonResult] = []
    n = len(doc.tokens)
    ends = sorted({doc.token_at(m.end - 1) for m in doc.matches if m.kind == "person"})
    taken = set(itertools.compress(range(n), doc.tok_match))  # the words a reading took
    todo = [(e, False) for e in ends]
    while todo:
        e, in_list = todo.pop(0)
        k = e + 1
        if k >= n or _HARD_PUNCT_RE.search(doc.gap(k)) or k in taken:
            continue
        t = doc.tok(k)
        if not _AR_WORD_RE.match(t):
            continue
        comma = bool(_COMMA_RE.search(doc.gap(k)))
        conj = t[0] == "و" and len(t) > 3
        if conj and (t[1:] in g.given_ar or t[1:] in _AR_COMPOUND) and not _w_given(g, t):
            idx = _ar_name_run(doc, g, k, listed=True)  # «... وعبد الله الكثيري»: a compound given name too
        elif comma and t in g.given_ar:
            idx = _ar_name_run(doc, g, k)
        elif conj and comma and in_list:
            idx = _ar_name_run(doc, g, k, listed=True)
            last = idx[-1] + 1 if idx else n
            if len(idx) != 2 or (last < n and not _HARD_PUNCT_RE.search(doc.gap(last))):
                idx = []
        elif comma and not conj:
            idx = _comma_item(doc, g, k)  # «عمر خيري كونار، حاميلي يلدرم، وويسي أكتاش»: a middle item
        else:
            continue
        if not idx or taken.intersection(idx):
            continue
        taken.update(idx)
        start = doc.tokens[idx[0]][0] + (1 if conj and idx[0] == k else 0)
        out.append(_discovered(doc, start, doc.tokens[idx[-1]][1], None, None))
        todo.append((idx[-1], True))
    return out


def _comma_item(doc: Document, g: Gazetteer, k: int) -> list[int]:
    """A list's middle item from token k, after a comma: two name words closed by a comma, the next item
    opening with «و» and closed by the sentence's end («...، حاميلي يلدرم، وويسي أكتاش.»); else []."""
    idx = _ar_name_run(doc, g, k)
    n = len(doc.tokens)
    if len(idx) != 2 or idx[0] != k:
        return []
    nxt = idx[-1] + 1
    if nxt >= n or not _COMMA_RE.search(doc.gap(nxt)) or _HARD_PUNCT_RE.search(doc.gap(nxt)):
        return []
    t = doc.tok(nxt)
    if t[:1] != "و" or len(t) < 4:
        return []
    last = _ar_name_run(doc, g, nxt, listed=True)
    end = last[-1] + 1 if last else n
    ok = len(last) == 2 and last[0] == nxt and (end >= n or _HARD_PUNCT_RE.search(doc.gap(end)) is not None)
    return idx if ok else []


def _discover_ar_nat(doc: Document, g: Gazetteer) -> list[PersonResult]:
    """A name right after a nationality that opens a list item («وزراء خارجية الدول الضامنة، التركي مولود
    جاووش أوغلو، والروسي ...», «الممثلين الخاصين، التركي سردار قليج والأرميني روبن روبينيان»): the
    nationality after a comma or with a glued «و» stands for the person's title."""
    out: list[PersonResult] = []
    n = len(doc.tokens)
    for i in itertools.compress(range(1, n - 2), doc.tok_match[1 : n - 2]):  # the words a reading took
        m = doc.tok_match[i]
        if m is None or m.kind != "nat" or doc.token_at(m.end - 1) != i:
            continue
        if doc.tok_match[i - 1] is not None and not _COMMA_RE.search(doc.gap(i)):
            continue  # «لافروف، والإيراني حسين ...»: after a comma the nationality opens the next item
        t = doc.tok(i)
        if not is_arabic(t) or not (_COMMA_RE.search(doc.gap(i)) or (t[0] == "و" and not g.is_ar_head(doc.tok(i - 1)))):
            continue
        if _HARD_PUNCT_RE.search(doc.gap(i + 1)) or _COMMA_RE.search(doc.gap(i + 1)):
            continue
        idx = _ar_name_run(doc, g, i + 1)
        if not idx or idx[0] != i + 1:
            continue
        after = idx[-1] + 1
        closed = after >= n or doc.gap(after).strip(" ") or doc.tok(after)[0] == "و"
        if doc.tok(idx[0]) in g.given_ar or (len(idx) == 2 and closed):
            role = doc.surface(doc.tokens[i][0] + (1 if t[0] == "و" else 0), doc.tokens[i][1])
            out.append(_discovered(doc, doc.tokens[idx[0]][0], doc.tokens[idx[-1]][1], role, _cue_country(g, m)))
    return out


def _closed_after(doc: Document, g: Gazetteer, k: int) -> bool:
    """What follows a name's last token k closes it: punctuation or the text's end, a verb of saying
    or «أن/إن», a title head in apposition («معمر الإرياني وزير الإعلام»), or «و» opening the next item."""
    n = len(doc.tokens)
    after = k + 1
    if after >= n or doc.gap(after).strip(" "):
        return True
    t = doc.tok(after)
    if doc.tok_match[after] is not None:
        return doc.tok_match[after].kind in ("person", "nat", "location", "org")
    return (
        t in ("في", "من", "مع", "الي", "علي", "عن")
        or t in _NAME_CLOSERS
        or t in g.stop_ar_verbs
        or g.is_ar_head(t)
        or (t[0] == "و" and len(t) > 3 and (t[1:] in g.given_ar or t[1:] in _AR_COMPOUND or g.is_ar_head(t[1:])))
    )


def _given_led_ar(doc: Document, g: Gazetteer, i: int) -> list[int]:
    """An Arabic name that opens with a known given name where no title or cue stands before it («وقال
    نبيل أبو ردينة إن», «انغيلا ميركل وفرنسوا هولاند»): stricter than after a title, since given names
    are words too (`_AR_GIVEN_WORDS`, checked by the caller): no noun in «ة» or dual/plural ال-word after
    the first two, and the name must be closed."""
    idx = _ar_name_run(doc, g, i)
    if not idx or idx[0] != i:
        return []

    def noun_in_ta(k: int) -> bool:  # «فرصة»; but the word after «أبو», «بن» is a name's («أبو ردينة»)
        prev = doc.tok(k - 1)
        return (
            _ends_with_ta_marbuta(doc, k)
            and doc.tok(k) not in g.given_ar
            and prev not in _AR_COMPOUND
            and prev not in _AR_PARTICLES
            and prev not in _AR_LINKERS
        )

    for p in range(1, len(idx)):
        if doc.tok(idx[p])[0] == "و" and doc.tok(idx[p]) not in g.given_ar and not _w_surname(doc, g, idx[:p], idx[p]):
            idx = idx[:p]  # «أحمد وأفورقي»: «و» opens the next item; not «ستيفاني ويليامز والرئيس»
            break
    if len(idx) < 2:
        return []
    for p in range(2, len(idx)):
        if noun_in_ta(idx[p]):
            idx = idx[:p]  # «ستيف ويتكوف فرصة»: a noun in «ة» after two name words is the verb's object
            break
    for k in idx[1:]:
        t = doc.tok(k)
        if noun_in_ta(k):
            return []
        if t.startswith("ال") and t.endswith("ين") and t not in g.given_ar:
            return []  # «... الطرفين»: a dual or plural noun
        if t in g.given_ar and t.startswith("ال"):
            return []
    return idx if _closed_after(doc, g, idx[-1]) else []


def discover_regnal(doc: Document, g: Gazetteer) -> list[PersonResult]:
    """A monarch named after a royal title by a given name and a regnal number («العاهل الأردني الملك
    عبدالله الثاني», «وملك الأردن عبد الله الثاني», «السلطان قابوس الأول»): the number, which elsewhere ends
    a name as "the second", closes this one. The title's country (a nationality or a country within the
    three words before the name) is the person's."""
    out: list[PersonResult] = []
    # only the ordinals can close such a name: picked out in C, not word by word
    for k in itertools.compress(range(len(doc.words)), map(_REGNAL.__contains__, doc.words)):
        if k < 2 or doc.tok_match[k] is not None:
            continue
        if f"{doc.tok(k - 2)} {doc.tok(k - 1)}" in g.given_ar:
            first = k - 2  # «عبد الله»
        elif doc.tok(k - 1) in g.given_ar:
            first = k - 1
        else:
            continue
        before = [strip_conj(doc.tok(i)) for i in range(max(0, first - 3), first)]
        if not any(w in _ROYAL_TITLES for w in before) or any(doc.tok_match[i] is not None for i in range(first, k)):
            continue
        country = next(
            (
                g.country_of(m.kind, m.key)
                for i in range(max(0, first - 3), first)
                if (m := doc.tok_match[i]) is not None and m.kind in ("nat", "location")
            ),
            None,
        )
        start, end = doc.tokens[first][0], doc.tokens[k][1]
        out.append(_discovered(doc, start, end, "ملك", country))
    return out


def discover_given_led(doc: Document, g: Gazetteer) -> list[PersonResult]:
    """Names no title, cue or list introduces, read by their first word: a known given name followed by
    a surname ("... attended by Alexander Zakharchenko and Andrei Purgin", «وقال نبيل أبو ردينة إن»).
    Run after every anchored reading, on tokens nothing else took."""
    out: list[PersonResult] = []
    n = len(doc.tokens)
    # only known given names can open a name: the loop goes from one to the next
    given_en, given_ar = g.given_en, g.given_ar
    given = getattr(g, "_people_given", None)  # the two lists as one set, made once per gazetteer
    if given is None or given[0] is not given_en or given[1] is not given_ar:
        given = g._people_given = (given_en, given_ar, given_en | given_ar)  # type: ignore[attr-defined]
    firsts = list(itertools.compress(range(n), map(given[2].__contains__, doc.words)))
    k = 0
    while k < n:
        c = bisect_left(firsts, k)
        if c == len(firsts):
            break
        k = firsts[c]
        t = doc.tok(k)
        idx: list[int] = []
        if doc.tok_match[k] is None:
            if _LATIN_WORD_RE.match(t):
                if t in g.given_en and doc.is_cap(k):
                    run = _en_name_run(doc, g, k)
                    idx = run if run and run[0] == k else []
            elif t in g.given_ar and t not in g.stop_ar and not g.is_ar_head(t) and _AR_WORD_RE.match(t):
                prev = doc.tok(k - 1) if k > 0 and not doc.gap(k).strip(" ") else ""
                # «وأبو بكر», «وعدنان محمد الكاف»: the name began before, the list reading takes it
                inside = prev in _AR_COMPOUND or prev in _AR_PARTICLES or _and_compound(prev) or _and_given(g, prev)
                idx = [] if inside else _given_led_ar(doc, g, k)
                # «حسن النية» is no name, but «نبيل أبو ردينة» and «ناصر محمد ...» (a father's given name) are
                second = doc.tok(idx[1]) if idx else ""
                if idx and t in _AR_GIVEN_WORDS and not (second in g.given_ar or second in _AR_LINKERS):
                    idx = []
        if idx and not any(doc.tok_match[x] is not None for x in idx):
            out.append(_discovered(doc, doc.tokens[idx[0]][0], doc.tokens[idx[-1]][1], None, None))
            k = idx[-1] + 1
            continue
        k += 1
    return out


def in_byline(doc: Document, g: Gazetteer, r: PersonResult) -> bool:
    """The name stands in a byline or credit line, so it wrote the report and is none of its people: a
    short line of names, places and byline words («كتب: أحمد راغب», «القاهرة - علي فراج - نهى سلطان:»,
    "By Jane Doe"), or a credit after a byline word ("(Reporting by X; Editing by Y)")."""
    if _roster_item(doc, r.match.start):
        return False  # «- عبدالكريم شيبان» under «أسماء وفد الحكومة:»: a roster's name, not its writer
    first, last = doc.token_at(r.match.start), doc.token_at(r.match.end - 1)
    n = len(doc.tokens)
    a = first  # the line, or the sentence the line ends with («... إلى واشنطن. حسين أبوعايد القاهرة»)
    while a > 0 and not _LINE_END_RE.search(doc.gap(a)):
        a -= 1
    b = last
    while b + 1 < n and not _LINE_END_RE.search(doc.gap(b + 1)):
        b += 1
    others = [k for k in range(a, b + 1) if not first <= k <= last]

    def known_word(k: int) -> bool:  # a place, a person, a given name or a byline word
        m, t = doc.tok_match[k], doc.tok(k)
        if m is not None:
            return m.kind in ("person", "location")
        return t in g.given_ar or t in _BYLINE_CUES or (k == a and t in ("من", "from"))

    def name_word(k: int) -> bool:  # a word a name may hold: no article, title, nationality or particle
        t = doc.tok(k)
        return not (
            t.startswith(("ال", "و"))
            or t in g.stop_ar
            or t in g.stop_en
            or g.is_ar_head(t)
            or t in g.en_heads
            or t in g.nat_forms
        )

    dash = ("-", "–", "—")
    if (
        a < first
        and any(d in doc.gap(first) for d in dash)
        and last + 1 < n
        and any(d in doc.gap(last + 1) for d in dash)
        and all(doc.tok_match[k] is not None and doc.tok_match[k].kind == "location" for k in range(a, first))
    ):
        return True  # a dateline's reporter: «أبوظبي - سامر الحداد - انطلقت اليوم ...»
    unknown = [k for k in others if not known_word(k)]
    if b - a + 1 <= NLP.byline_max_tokens and len(unknown) <= 2 and all(map(name_word, unknown)):
        return True
    k = first - 1  # "(Reporting by Andrea Shalal; Writing by Mohammad Zargham": the clause's opening words
    while k >= a and not any(c in doc.gap(k + 1) for c in "();|"):
        k -= 1
    clause = [doc.tok(x) for x in range(k + 1, first)]
    return bool(clause) and len(clause) <= 3 and all(w in _BYLINE_CUES for w in clause)


def names_publication(doc: Document, r: PersonResult) -> bool:
    """The name follows a newsroom word («مجلة «جون آفريك»», "the magazine Jeune Afrique"), maybe behind
    a quote: a publication's title, not a person."""
    first = doc.token_at(r.match.start)
    return first > 0 and doc.tok(first - 1) in _MEDIA and doc.gap(first).strip(" ") in ("", "«", '"', "“", "'")


def discover(doc: Document, g: Gazetteer) -> list[PersonResult]:
    return (
        _discover_ar(doc, g)
        + _discover_ar_cued(doc, g)
        + _discover_ar_nat(doc, g)
        + _discover_ar_representing(doc, g)
        + _discover_ar_each_of(doc, g)
        + _discover_roster(doc, g)
        + _discover_en(doc, g)
        + _discover_en_cued(doc, g)
    )


def known_spelling(g: Gazetteer, doc: Document, r: PersonResult) -> PersonResult:
    """A discovered name that is a new spelling of a known person becomes that person."""
    if r.entity is None:
        return r
    toks = doc.nt[r.match.start : r.match.end].split()
    if len(toks) != 2:
        return r
    p = g.person_by_spelling(toks[0], toks[1])
    if p is None:
        return r
    m = r.match
    return PersonResult(Match(m.start, m.end, m.word_start, "person", p.key, "full", "spelling"))


def cut_at_the_end(doc: Document, results: list[PersonResult]) -> list[PersonResult]:
    """A discovered name cut short by the end of the text (a body truncated mid-word: «... مصطفى الكاظ»)
    is the person of the article whose name it begins: the same words, the last one cut."""
    end = len(doc.nt.rstrip())
    cut = [r for r in results if r.entity is not None and r.match.end == end]
    if not cut:
        return results
    out = []
    for r in results:
        if r in cut:
            toks = doc.nt[r.match.start : r.match.end].split()
            for o in results:
                other = doc.nt[o.match.start : o.match.end].split()
                if (
                    o.match.key != r.match.key
                    and len(other) == len(toks)
                    and other[:-1] == toks[:-1]
                    and len(toks[-1]) >= 2
                    and other[-1] != toks[-1]
                    and other[-1].startswith(toks[-1])
                ):
                    r = PersonResult(replace(r.match, key=o.match.key))
                    break
        out.append(r)
    return out


def one_across_scripts(doc: Document, results: list[PersonResult]) -> list[PersonResult]:
    """Discovered people named in both scripts in one article become one, keyed by the Latin name.

    Only across scripts: two Latin (or two Arabic) spellings with the same consonants may be two
    people (Mohamed / Mahmoud), while an article writing a name in both scripts means one."""
    latin: dict[str, str] = {}  # phonetic -> the first Latin key
    arabic: dict[str, set[str]] = {}  # phonetic -> Arabic keys
    for r in results:
        if r.entity is None or r.entity.source != "discovered":
            continue
        name = " ".join(doc.nt[r.match.start : r.match.end].split())
        ph = phonetic(name)
        if len(ph) < NLP.name_min_phonetic:
            continue
        if is_arabic(name):
            arabic.setdefault(ph, set()).add(r.match.key)
        else:
            latin.setdefault(ph, r.match.key)
    to_latin = {k: latin[ph] for ph, keys in arabic.items() if ph in latin for k in keys}
    if not to_latin:
        return results
    out = []
    for r in results:
        key = to_latin.get(r.match.key)
        if key is not None and r.entity is not None:
            r = PersonResult(replace(r.match, key=key), replace(r.entity, key=key))
        out.append(r)
    return out


# ---------------------------------------------------------------------- linking


def _surname_of(tokens: list[str]) -> str:
    if len(tokens) >= 3 and tokens[-2] in {"بن", "ابن", "bin", "ibn", "bint"}:
        return " ".join(tokens[-2:])
    if "ولد" in tokens[1:-1]:  # «محمد ولد الشيخ سالم» is «ولد الشيخ» later: the family name the particle opens
        k = tokens.index("ولد", 1)
        return " ".join(tokens[k : k + 2])
    for k, t in enumerate(tokens[1:], 1):
        if t in _EN_PARTICLES and k < len(tokens) - 1:
            return " ".join(tokens[k:])
    return tokens[-1]


def link_surnames(doc: Document, g: Gazetteer, found: dict[str, list[str]]) -> list[Match]:
    """Later mentions of people already found in the article.

    `found` maps a person key to the normalised names to look for (full names and surnames)."""
    aliases: dict[str, list[Alias]] = {}
    for key, names in found.items():
        for name in names:
            toks = name.split()
            if not toks:
                continue
            form = "full" if len(toks) > 1 and name != _surname_of(toks) else "surname"
            if form == "surname" and (
                len(name) < 3 or name in g.stop_ar or name in g.stop_en or name in g.given_ar or name in g.given_en
            ):
                continue
            case = "any" if is_arabic(name) else "title"
            aliases.setdefault(name, []).append(Alias("person", key, form, "none", case, 1))
    ambiguous = {n for n, v in aliases.items() if len({a.key for a in v}) > 1}
    for n in ambiguous:
        del aliases[n]
    if not aliases:
        return []
    out: list[Match] = []
    taken = bytearray(len(doc.nt) + 1)
    for m in doc.matches:
        taken[m.word_start : m.end] = b"\x01" * (m.end - m.word_start)
    for hit in sorted(scan_with(build_automaton(aliases), doc.nt), key=lambda h: (h.start, -h.end)):
        if any(taken[hit.word_start : hit.end]):
            continue  # already read as something else, or overlapping an earlier link
        a = hit.aliases[0]
        if a.case == "title" and not doc.orig_first_char(hit.start).isupper():
            continue
        if a.form == "surname" and hit.word_start == hit.start:
            given = given_before(doc, g, hit.start, is_arabic(doc.nt[hit.start]))
            if given is not None:
                continue  # "<another given name> <surname>": somebody else
        out.append(Match(hit.start, hit.end, hit.word_start, "person", a.key, a.form, "linked"))
        taken[hit.word_start : hit.end] = b"\x01" * (hit.end - hit.word_start)
    return out


def names_to_link(g: Gazetteer, results: list[PersonResult], doc: Document) -> dict[str, list[str]]:
    """Names to look for again: discovered people, and known people whose surname is not usable alone."""
    found: dict[str, list[str]] = {}
    for r in results:
        m = r.match
        if r.entity is not None and r.entity.source == "discovered":
            toks = doc.nt[m.start : m.end].split()
            found.setdefault(m.key, []).extend([" ".join(toks), _surname_of(toks)])
        elif m.key in g.people and not g.people[m.key].surname_alone:
            found.setdefault(m.key, []).extend(sorted(g.people[m.key].surnames))
    return found


def countries_before_names(doc: Document, fixed: list[Match], results: list[PersonResult]) -> list[PersonResult]:
    """«وزراء خارجية الدول الضامنة، تركيا مولود جاويش أوغلو، واليونان ...»: in Arabic, a country named
    right before a name (the list item opening with a comma or «و») is the country of that person, when
    nothing else gave one."""
    countries = {m.end: m for m in fixed if m.kind == "location" and m.key.startswith("loc:country:")}
    if not countries:
        return results
    out = list(results)
    for k, r in enumerate(out):
        e = r.entity
        if e is None or e.country_code is not None or not is_arabic(doc.nt[r.match.start : r.match.start + 1]):
            continue
        i = doc.token_at(r.match.word_start)
        if i < 1 or doc.gap(i).strip():
            continue
        c = countries.get(doc.tokens[i - 1][1])
        if c is None:
            continue
        j = doc.token_at(c.word_start)
        opener = doc.gap(j).strip() if j > 0 else ""
        if doc.nt[c.word_start : c.start] in ("و", "") and (opener in ("،", ",") or doc.nt[c.word_start] == "و"):
            out[k] = PersonResult(r.match, replace(e, country_code=c.key.rsplit(":", 1)[1]))
    return out
