"""The events layer of the article's Document: the arguments a trigger can take (people, places,
orgs, nationalities, acting regions) and its dates, in normalised offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import compress, pairwise

from tasks.nlp.dates import DateMention
from tasks.nlp.events.lexicon import Lexicon, factions_of, is_factions, side_country
from tasks.nlp.events.words import with_conj
from tasks.nlp.gazetteer import Gazetteer, load_gazetteer
from tasks.nlp.text.charsets import strip_conj
from tasks.nlp.text.document import Document
from tasks.nlp.text.normalize import Normalized
from tasks.nlp.types import Entity, Mention


@dataclass(slots=True)
class Arg:
    """A named thing in normalised offsets: person, location, org, nationality or acting region."""

    start: int
    end: int
    kind: str  # person | location | org | nat | region
    key: str
    cc: str | None  # the country it stands for
    entity: Entity | None = None
    loc_kind: str | None = None  # city | country | venue | region
    # person reading (filled by classify_people)
    modifier: bool = False  # possessor of another noun («مبعوث ترامب»): not at the table
    announcer: bool = False  # the one reporting («أعلن المتحدث ... بيسكوف»)
    commentator: bool = False
    negotiator: bool = False
    host: bool = False  # «استضاف ...», "X hosted the talks": the host, not a side
    names_group: bool = False  # names a group by its leader («جناح عبدالعزيز الحلو»): its side, not at the table
    seated: bool = False  # named at the table by a participation cue ("led by", «يضم الوفد»), whatever else
    region: str | None = None  # the region a place lies in, when the gazetteer knows it ("loc:region:alaska")
    own_country: bool = False  # «سيعقد في بلاده»: the speaker's country, said to be where the meeting is


@dataclass(slots=True)
class DateArg:
    start: int
    end: int
    dm: DateMention


def nationality_args(nt: Normalized, taken: list[tuple[int, int]], g: Gazetteer) -> list[Arg]:
    """Nationality adjectives and demonyms, read with the gazetteer's own nationality table
    (used when the caller does not pass the ones entities.analyze() found)."""
    out: list[Arg] = []
    for hit in g.scan(nt.text):
        nats = [a for a in hit.aliases if a.kind == "nat"]
        if not nats or any(s < hit.end and hit.start < e for s, e in taken):
            continue
        a = nats[0]
        if nt.text[hit.start].isascii():  # Latin: "Russian" not "russian", "US" not "us"
            o0, o1 = nt.orig_span(hit.start, hit.end)
            surface = nt.original[o0:o1]
            if a.case == "title" and not surface[:1].isupper():
                continue
            if a.case == "upper" and surface.upper() != surface:
                continue
        out.append(Arg(hit.start, hit.end, "nat", a.key, a.key))
    # keep the longest of overlapping hits
    out.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Arg] = []
    for x in out:
        if not kept or x.start >= kept[-1].end:
            kept.append(x)
    return kept


_LISTED = re.compile(r"\s*(?:و|and\s|,|،)\s*(?:and\s+|و)?")


def internal_sides(doc: Document, args: list[Arg], lex: Lexicon) -> list[Arg]:
    """«الفصائل الفلسطينية», «طرفي الصراع في السودان», "Sudan's warring parties": the nationality or
    country, with the collective noun beside it, becomes one side org:<cc>-factions."""
    n = doc.nt
    out: list[Arg] = []
    for a in args:
        state = a.kind == "nat" or (a.kind == "location" and a.loc_kind == "country")
        if not state or not a.cc or len(a.cc) != 2:
            out.append(a)
            continue
        before = doc.search(lex.internal_before_rx, max(0, a.start - 40), a.start)
        after = lex.internal_after_rx.match(n[a.end : a.end + 40])
        counted_before, counted_after = lex.internal_counted_rx
        if after is None and doc.search(counted_before, max(0, a.start - 12), a.start):
            after = counted_after.match(n[a.end : a.end + 40])  # "the two Libyan delegations"
        # «الطرفين الروسي والأوكراني»: another state listed right after makes two countries; a comma or
        # «و» before anything else («بين الفرقاء الليبيين، ستجري») does not
        conj = _LISTED.match(n, a.end, a.end + 8)
        listed = conj is not None and any(
            a.end <= b.start <= conj.end() + 1
            and (b.kind == "nat" or (b.kind == "location" and b.loc_kind == "country"))
            for b in args
        )
        if (before is None and after is None) or listed:
            out.append(a)  # «الطرفين الروسي والأوكراني»: two countries, not one country's factions
            continue
        key = factions_of(a.cc)
        s, e = (before.start(), a.end) if before else (a.start, a.end + after.end())  # type: ignore[union-attr]
        out.append(Arg(s, e, "org", key, key))
    return out


def country_counts(args: list[Arg], lex: Lexicon) -> Counter[str]:
    """How often the article names each country: as a country, a capital standing for it, one of its
    regions, a nationality, a person or a side that counts as it."""
    c: Counter[str] = Counter()
    for a in args:
        if a.kind == "location" and a.loc_kind == "country" and a.cc:
            c[a.cc] += 1
        elif a.kind == "location" and a.key in lex.metonymic:
            c[lex.metonymic[a.key]] += 1
        elif a.kind == "location" and a.loc_kind == "region" and a.cc:
            c[a.cc] += 1  # «دارفور», "Tigray": a region the article is about names its country
        elif (a.kind in ("nat", "person") and a.cc) or (
            a.kind == "org" and a.cc and (a.cc in lex.actor_sides or is_factions(a.cc))
        ):
            c[a.cc] += 1
    return c


def leading_country(counts: Counter[str], least: int) -> str | None:
    """The country an article is about: the one it names most, at least `least` times and more often
    than any other."""
    ranked = [(cc, k) for cc, k in counts.most_common(2) if len(cc) == 2]
    if not ranked or ranked[0][1] < least or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return None
    return ranked[0][0]


def unnamed_bodies(doc: Document, args: list[Arg], lex: Lexicon, date_spans: list[tuple[int, int]]) -> list[Arg]:
    """«اجتماع اللجنة العسكرية المشتركة 5+5», "the constitutional committee": a joint body of one
    country's rival sides named without its country is the collective side of the country the
    article is about, when one country clearly leads its mentions."""
    cc = leading_country(country_counts(args, lex), least=2)
    if cc is None:
        return []
    key = factions_of(cc)
    taken = [(a.start, a.end) for a in args]
    return [
        Arg(m.start(), m.end(), "org", key, key)
        for m in doc.finditer(lex.internal_bodies_rx, 0, len(doc.nt))
        if not any(a < m.end() and m.start() < b for a, b in taken)
        and not longer_name(doc, m.start(), m.end(), taken + date_spans)
    ]


def longer_name(doc: Document, s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    """«اللجنة العسكرية العليا», "the Higher Military Commission": a body's common name with one more
    word of its own (a definite adjective after it in Arabic, a capitalised word before it in English,
    neither a nationality nor a place) names another body, not the joint body of rival sides."""
    if doc.nt[s : s + 1].isascii():
        i = doc.tok_index(s) - 1
        if i < 0 or _broken(doc, i + 1) or not doc.is_cap(i) or doc.words[i] == "the":
            return False
        ts, te = doc.tokens[i]
    else:
        i = doc.tok_index(e)
        if i >= len(doc.words) or _broken(doc, i):
            return False
        w = doc.words[i]
        if not (w.startswith("ال") and len(w) > 3):
            return False
        ts, te = doc.tokens[i]
    return not any(a < te and ts < b for a, b in taken)


_BREAK = frozenset("،,.:;؛()[]!?؟\n")


def _broken(doc: Document, j: int) -> bool:
    """Punctuation between token j-1 and token j: a name or a pair does not run over it."""
    return any(c in _BREAK for c in doc.gap(j))


def _body_end(doc: Document, lex: Lexicon, k: int, inner: bool) -> int | None:
    """Where a body named by its shape ends (token index, exclusive), when token k is its head:
    «المجلس العسكري الانتقالي», «قوى "اعلان الحريه والتغيير"», «الحكومه». `inner`: the head carries
    the conjunction that joins it to the body before it («وقوى»)."""
    words = doc.words
    w = words[k]
    head = w[1:] if inner and w.startswith("و") else w  # «وقوى»; not «وفد», a word of its own
    if head not in lex.rival_heads or (inner and w in lex.rival_heads):
        return None
    j, named = k + 1, 0
    while j < len(words) and j - k <= lex.rival_max_words:
        if _broken(doc, j):
            break
        x = words[j]
        if x.startswith("و") and x[1:] in lex.rival_heads and x not in lex.rival_heads:
            break  # «وقوى ...»: the next body
        core = x[1:] if named and x.startswith("وال") else x  # «والتغيير» goes on with the name
        if core in lex.rival_stop:
            break
        if core.startswith("ال") and len(core) > 3:
            named, j = named + 1, j + 1
            continue
        if j == k + 1 and not head.startswith("ال") and not x.startswith("و") and len(x) > 2:
            named, j = named + 1, j + 1  # a construct: «قوى اعلان ...», «اداره ارض ...»
            continue
        break
    if not named and head not in lex.rival_bare_heads:
        return None
    return j


_DOUBLED_GAP = re.compile(r"[\s\"'“”«»\-–]*")


def _doubled(doc: Document, args: list[Arg], lex: Lexicon) -> list[Arg]:
    """«الحوار "السوري السوري"», "intra-Libyan talks": one nationality twice, or intra-/inter- before it,
    is that country's rival sides, unless the article names them (the Taliban, Hamas: those are)."""
    out: list[Arg] = []
    named = {lex.actor_sides[a.key] for a in args if a.kind == "org" and a.key in lex.actor_sides}
    nats = sorted(
        (a for a in args if a.kind == "nat" and a.cc and len(a.cc) == 2 and a.cc not in named), key=lambda a: a.start
    )
    for a, b in pairwise(nats):
        if a.cc == b.cc and _DOUBLED_GAP.fullmatch(doc.nt[a.end : b.start]):
            out.append(Arg(a.start, b.end, "org", factions_of(a.cc), factions_of(a.cc)))
    for a in nats:
        if doc.nt[max(0, a.start - 6) : a.start] in ("intra-", "inter-"):
            out.append(Arg(a.start - 6, a.end, "org", factions_of(a.cc), factions_of(a.cc)))
    return out


# the side is the word «وطني» / "national" (with the nationality beside it), never the trigger word itself
_NATIONAL_DIALOGUE = re.compile(
    r"(?<!\w)(?:[وفبل]|و?لل|و?بال|و?ال)?حوار\s+(?P<ar>(?:ال)?وطني)(?!\w)|(?P<en>national)\s+dialogue"
)


# what links a national dialogue to the country right after it: «في», «ب», "in" (quotes between allowed)
_IN_COUNTRY = re.compile(r"[\s\"“”«»]*(?:in|في|ب)\s*(?:the\s+)?")


def _national_dialogue(doc: Document, args: list[Arg]) -> list[Arg]:
    """«الحوار الوطني العراقي», "the Iraqi national dialogue", «جلسة الحوار الوطني في تونس»: a national
    dialogue is one country's rival sides meeting (org:<cc>-factions): the country its nationality names
    (after it in Arabic, before it in English), else the nationality the article names most."""
    out: list[Arg] = []
    if "حوار" not in doc.nt and "national" not in doc.nt:
        return out  # every match holds one of them: the pattern (not indexable) scans the whole text
    near = [a for a in args if a.kind == "nat" and a.cc and len(a.cc) == 2]
    for m in doc.finditer(_NATIONAL_DIALOGUE, 0, len(doc.nt)):
        english = m.group("en") is not None
        s, e = m.span("en" if english else "ar")
        if english:
            nat = next((a for a in near if a.end <= s and not doc.nt[a.end : s].strip()), None)
        else:
            nat = next((a for a in near if a.start >= e and not doc.nt[e : a.start].strip()), None)
        # else a country named right after it ("National Dialogue in Chad", «الحوار الوطني في تونس»; a city
        # is only its venue: the dialogue of Palestinians in Cairo is not Egypt's), else the people the
        # article names most by their nationality
        if nat is None:
            inside = _IN_COUNTRY.match(doc.nt, m.end(), m.end() + 40)
            at = inside.end() if inside else -1
            country = next((a for a in args if a.start == at and a.loc_kind == "country" and a.cc), None)
            cc = country.cc if country else leading_country(Counter(a.cc for a in near), least=2)
        else:
            cc = nat.cc
        if cc:
            if nat:
                s, e = min(s, nat.start), max(e, nat.end)
            out.append(Arg(s, e, "org", factions_of(cc), factions_of(cc)))
    return out


def rival_bodies(doc: Document, args: list[Arg], lex: Lexicon) -> list[Arg]:
    """«وقع المجلس العسكري الانتقالي وقوى الحريه والتغيير», «بين الحكومه والمعارضه»: two bodies of one
    country nobody listed, named together, are its rival sides (org:<cc>-factions), as «الفصائل
    الفلسطينيه» is. The country is one named inside them or right after the first («في السودان»),
    else the one the article is about; two countries there make them two states' bodies, not this."""
    words = doc.words
    out: list[Arg] = []
    about: list[str | None] = []  # the article's country, found once, when a pair first needs it
    last: str | None = None  # the country of the rival sides read last
    # a first body starts only at a head word (_body_end is None elsewhere): go from head to head
    at_head = list(compress(range(len(words)), map(lex.rival_heads.__contains__, words)))
    h = 0
    k = 0
    while k < len(words):
        h = bisect_left(at_head, k, h)
        if h == len(at_head):
            break
        k = at_head[h]
        end1 = _body_end(doc, lex, k, inner=False)
        if end1 is None:
            k += 1
            continue
        j = end1
        if j + 1 < len(words) and words[j] == "في":
            j += 2  # «المجلس العسكري في السودان وقوى ...»
        end2 = _body_end(doc, lex, j, inner=True) if j < len(words) and words[j].startswith("و") else None
        if end2 is None:
            k = end1
            continue
        heads = {words[k], words[j][1:]}
        if (
            end2 + 1 < len(words)
            and words[end2] == "في"
            and not _broken(doc, end2)
            and any(
                a.kind == "location" and a.loc_kind == "country" and a.start == doc.tok_starts[end2 + 1] for a in args
            )
        ):
            end2 += 2  # «... وقوى الحريه والتغيير في السودان»: whose bodies, not where they met
        s, e = doc.tok_starts[k], doc.tok_ends[end2 - 1]
        inside = [a for a in args if s <= a.start and a.end <= e]
        ccs = {a.cc for a in inside if a.cc and (a.kind == "nat" or a.loc_kind == "country")}
        # a known side inside, or rival sides read over its end («والحركات المسلحة في تشاد»)
        known = [
            a
            for a in args
            if a.kind == "org" and a.start < e and s < a.end and (a.key in lex.actor_sides or is_factions(a.key))
        ]
        if known and is_factions(known[-1].key):
            last = side_country(lex.actor_sides, known[-1].key)
        pair = ((s, doc.tok_ends[end1 - 1], words[k]), (doc.tok_starts[j], e, words[j][1:]))
        # not when they are the ones speaking («أعلنت قيادتا حركة أمل وحزب الله في بيان ...»)
        spoken = not with_conj(lex.speech).isdisjoint(doc.words_before(s, 2))
        if not spoken and (other := _beside_known(lex, known, pair)) is not None:
            out.append(other)  # «بين حزب الله وتيار المستقبل»: the body beside a known movement is its rival
            k = end2
            continue
        if heads <= lex.rival_state_heads or known or len(ccs) > 1:
            k = end2
            continue
        # «... والحركات المسلحة في تشاد ... بين الحركات المسلحة والمجلس العسكري»: the same country's, again
        cc = next(iter(ccs)) if ccs else last
        if cc is None:
            if not about:
                # the country the article is about, its cities counting when it names no country
                counts = country_counts(args, lex) or Counter(a.cc for a in args if a.kind == "location" and a.cc)
                about.append(leading_country(counts, least=1))
            cc = about[0]
        if cc is not None:
            key = factions_of(cc)
            out.append(Arg(s, e, "org", key, key))
            last = cc
        k = end2
    out += _doubled(doc, args, lex)
    out += _national_dialogue(doc, args)
    out += _country_and_body(doc, args, lex)
    out += _en_body_beside_known(doc, args, lex)
    if not out:
        return args
    spans = [(a.start, a.end) for a in out]
    # the nationality or country inside a pair is the pair's, not a side of its own
    kept = [
        a
        for a in args
        if not ((a.kind == "nat" or a.loc_kind == "country") and any(s <= a.start and a.end <= e for s, e in spans))
    ]
    return kept + out


def _beside_known(lex: Lexicon, known: list[Arg], pair: tuple[tuple[int, int, str], ...]) -> Arg | None:
    """Of two bodies named together ((start, end, head) each), one a movement the gazetteer knows («حزب
    الله») and the other a body nobody listed, by its shape («تيار المستقبل»): the other is a rival side of
    the known one's country (org:<cc>-factions). None when both or neither are known, or the other is a
    state's own body («الحكومة», «الجيش»: the state itself, read elsewhere)."""
    actors = [a for a in known if a.key in lex.actor_sides]
    inside = [any(s <= a.start and a.end <= e for a in actors) for s, e, _ in pair]
    if inside.count(True) != 1 or len(actors) != 1:
        return None
    cc = lex.actor_sides[actors[0].key]
    s, e, head = pair[1] if inside[0] else pair[0]
    if not cc or len(cc) != 2 or head in lex.rival_state_heads or any(s <= a.start and a.end <= e for a in known):
        return None
    key = factions_of(cc)
    return Arg(s, e, "org", key, key)


_EN_AND = re.compile(r"\s+and\s+(?:the\s+)?$|^\s+and\s+(?:the\s+)?")


def _en_body_beside_known(doc: Document, args: list[Arg], lex: Lexicon) -> list[Arg]:
    """ "the Future Movement and Hezbollah", "Hezbollah and the Free Patriotic Movement": a capitalised body
    nobody listed, its head last, joined by "and" to a movement the gazetteer knows, is a rival side of
    that movement's country (org:<cc>-factions)."""
    out: list[Arg] = []
    taken = [(a.start, a.end) for a in args]
    for a in args:
        cc = lex.actor_sides.get(a.key) if a.kind == "org" else None
        if not cc or len(cc) != 2 or not doc.nt[a.start].isascii():
            continue
        os_, oe = doc.orig_span(a.start, a.end)
        base = max(0, os_ - 80)
        before, after = doc.text[base:os_], doc.text[oe : oe + 80]
        spans = []
        if (j := _EN_AND.search(before)) is not None:
            ends_at_and = [m for m in lex.rival_en_rx.finditer(before) if m.end() == j.start()]
            spans += [(base + m.start(), base + m.end()) for m in ends_at_and]
        if (j := _EN_AND.match(after)) is not None and (m := lex.rival_en_rx.match(after, j.end())) is not None:
            spans.append((oe + m.start(), oe + m.end()))
        for x, y in spans:
            s, e = doc.norm.to_normalized(x), doc.norm.to_normalized(y)
            if not any(ts < e and s < te for ts, te in taken):  # not a name already read (a body, a country)
                out.append(Arg(s, e, "org", factions_of(cc), factions_of(cc)))
    return out


def _country_and_body(doc: Document, args: list[Arg], lex: Lexicon) -> list[Arg]:
    """«وقعت الفلبين وجبهة "مورو" الإسلامية اتفاق سلام»: a country named as a state and, right after its
    «و», a body nobody listed that is no state's own («جبهة», «حركة», «تحالف»): that country's
    non-state side (org:<cc>-factions), beside the state. A body with a nationality or country of its
    own inside is left to the pair rule above."""
    words = doc.words
    out: list[Arg] = []
    for a in args:
        if a.kind != "location" or a.loc_kind != "country" or not a.cc:
            continue
        j = doc.tok_index(a.end)  # the first token after the country's name
        if j >= len(words) or not words[j].startswith("و") or _broken(doc, j):
            continue
        end = _body_end(doc, lex, j, inner=True)
        if end is None or words[j][1:] in lex.rival_state_heads:
            continue
        s, e = doc.tok_starts[j], doc.tok_ends[end - 1]
        inside = [b for b in args if s <= b.start and b.end <= e]
        if any(b.cc or b.kind == "org" for b in inside):
            continue  # «وحركة طالبان», «والجيش الوطني السوري»: known, or another country's
        key = factions_of(a.cc)
        out.append(Arg(s, e, "org", key, key))
    return out


def states_beside_actors(doc: Document, args: list[Arg], lex: Lexicon) -> list[Arg]:
    """«بين الجيش وقوات الدعم السريع», «قوات الدعم السريع والجيش», "between the government and the
    Taliban", «بين الحكومة والحركات المسلحة في شمال مالي»: a state's body named bare and coordinated
    with a known non-state side, or with the country's armed groups, stands for that side's country,
    so the meeting has its two sides (the state and the movement)."""
    actors = [a for a in args if a.kind == "org" and (a.key in lex.actor_sides or is_factions(a.key))]
    if not actors:
        return []
    n = doc.nt
    taken = [(a.start, a.end) for a in args]
    out: list[Arg] = []
    for m in doc.finditer(lex.state_nouns_rx, 0, len(n)):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        for a in actors:
            # the actor right after «و»/"and (the)", or right before the noun's own «و»/"and"
            gap = n[m.end() : a.start]
            joined_after = a.start > m.end() and (
                re.fullmatch(r"\s+(?:و|and\s+(?:the\s+)?)", gap) or (not gap.strip() and n[a.start] == "و")
            )
            joined_before = (
                a.end < m.start()
                and re.fullmatch(r"\s+(?:and\s+)?", n[a.end : m.start()])
                and (n[m.start()] == "و" or n[a.end : m.start()].strip() == "and")
            )
            if joined_after or joined_before:
                cc = side_country(lex.actor_sides, a.key)
                out.append(Arg(m.start() + (1 if joined_before and n[m.start()] == "و" else 0), m.end(), "nat", cc, cc))
                break
    return out


def government_with_rebels(doc: Document, args: list[Arg], lex: Lexicon) -> list[Arg]:
    """«وقعت الحكومة الفيليبينية مع قادة التمرد الإسلامي», "Thai officials met with BRN insurgents": rebels
    named by what they do, after «مع»/"with" (up to three words on) in a sentence where one country's
    government or officials stand before them, and no other country between, are that country's
    non-state side (org:<cc>-factions)."""
    out: list[Arg] = []
    taken = [(a.start, a.end) for a in args]
    for m in doc.finditer(lex.rebel_rx, 0, len(doc.nt)):
        s, e = m.span("core")
        if any(a < e and s < b for a, b in taken) or any(
            a.kind == "org" and a.end <= s and not doc.nt[a.end : s].strip() for a in args
        ):
            continue  # «متمردي تيغراي», "Houthi rebels", "ELN rebels": a known side
        si = doc.sentence_of(s)
        lo = doc.sents[si][0]
        states = [
            a
            for a in args  # (the document's arguments are not set yet)
            if lo <= a.start < s
            and a.cc
            and len(a.cc) == 2
            and (a.kind == "nat" or (a.kind == "location" and a.loc_kind == "country"))
        ]
        if not states:
            continue
        a = states[-1]
        # «بين الحكومة الإثيوبية ومتمردين من ...», "the Ethiopian government and rebels": the rebels
        # joined to one government by «و»/"and" meet it as after «مع», whatever country stands earlier
        gap = [w for w in doc.nt[a.end : s].split() if w not in ("the", "'s", "’s")]
        # "Ecuador's government and the Los Lobos armed group": the group's name may stand before its noun
        cut = max((k for k, w in enumerate(gap) if w in ("و", "and")), default=-1)
        joined = (
            cut >= 0
            and len(gap) - cut - 1 <= (3 if gap[cut] == "and" else 0)
            and all(w in lex.government_words for w in gap[:cut])
        )
        if not joined and (
            len({a.cc for a in states}) > 1
            or not any(strip_conj(w) in ("مع", "with") for w in doc.words_before(s, 4, floor=lo))
        ):
            continue
        # «الحكومة الفيليبينية», «الحكومة في موزامبيق», "Thai officials": the government beside its country
        before = doc.words_before(a.start, 2, floor=lo)
        after = [w for w in doc.words_after(a.end, 2, ceil=s) if w not in ("s", "'s", "’s")][
            :1
        ]  # "Ecuador's government"
        near = before[-1:] + (before[:1] if before[-1:] in (["في"], ["of"]) else []) + after  # "the government of"
        if not any(w in lex.government_words for w in near):
            continue
        key = factions_of(a.cc)
        out.append(Arg(s, e, "org", key, key))
    return out


def longer_body(doc: Document, a: Arg, nat_at: dict[int, str | None]) -> bool:
    """«الجبهة الثورية الوطنية» is not «الجبهة الثورية»: a body named only by common words (every word
    with the article) that the text goes on naming with another article adjective, other than its own
    country's nationality («الجبهة الثورية السودانية»), is a longer name: another body."""
    words = doc.nt[a.start : a.end].split()
    if len(words) < 2 or not all(w.startswith("ال") for w in words):
        return False
    j = doc.tok_index(a.end)
    if j >= len(doc.words) or doc.gap(j).strip():
        return False
    w = doc.words[j]
    # an adjective goes on with the name («الوطنية»); a noun is the next phrase («... الجبهة الثورية الاتفاق»)
    if not (w.startswith("ال") and len(w) >= 5 and w.endswith(("يه", "ي"))):
        return False
    return nat_at.get(doc.tok_starts[j], "") != a.cc


def build_args(
    doc: Document,
    mentions: list[Mention],
    entities: list[Entity],
    lex: Lexicon,
    nat_cues: list[tuple[int, int, str]] | None,
    date_spans: list[tuple[int, int]] | None = None,
) -> list[Arg]:
    nt = doc.norm
    g = doc.gazetteer or load_gazetteer()
    ents = {e.key: e for e in entities}
    args: list[Arg] = []
    for m in mentions:
        if m.kind not in ("person", "location", "org"):
            continue
        e = ents.get(m.key)
        s, t = nt.to_normalized(m.start), nt.to_normalized(m.end)
        # a non-state side stands for itself («حماس» is org:hamas, not PS): finish() maps it to
        # its country for `parties`
        cc = m.key if m.key in lex.actor_sides else e.country_code if e else None
        loc_kind = e.location_kind if e else None
        if m.kind == "location" and loc_kind is None:
            loc_kind = m.key.split(":")[1] if m.key.count(":") >= 2 else None
        if m.kind == "location" and cc is None and m.key.startswith("loc:country:"):
            cc = m.key.rsplit(":", 1)[1]
        arg = Arg(s, t, m.kind, m.key, cc, e, loc_kind)
        if m.kind == "location":
            arg.region = g.region_of(m.key)
        args.append(arg)
    taken = [(a.start, a.end) for a in args]
    if nat_cues is None:
        args += nationality_args(nt, taken, g)
    else:
        args += [Arg(nt.to_normalized(s), nt.to_normalized(e), "nat", cc, cc) for s, e, cc in nat_cues]
    nat_at = {a.start: a.cc for a in args if a.kind == "nat"}
    args = [a for a in args if not (a.kind == "org" and longer_body(doc, a, nat_at))]
    # the Turkish Cypriots: one of the country's rival sides (tasks/nlp/communities.py)
    args += [Arg(s, e, "org", factions_of(cc), factions_of(cc)) for s, e, cc in doc.communities]
    args = internal_sides(doc, args, lex)
    args += unnamed_bodies(doc, args, lex, date_spans or [])
    args = rival_bodies(doc, args, lex)
    args += states_beside_actors(doc, args, lex)
    args += government_with_rebels(doc, args, lex)
    taken = [(a.start, a.end) for a in args]
    for rx, cc in lex.regions:
        for m in doc.finditer(rx, 0, len(doc.nt)):
            s, t = m.span("core")
            if not any(a < t and s < b for a, b in taken):
                args.append(Arg(s, t, "region", f"region:{cc}", cc))
    return args
