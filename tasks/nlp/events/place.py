"""Where a meeting is: a place tied to its trigger by a locative, a construct, a host or a travel word;
a header naming the line's place ("Riyadh, February 18: ..."); a word pointing back to the place last
named ("there", «في المدينة نفسها»). A capital named by its country ("the Saudi capital") is already a
city here (tasks/nlp/capitals.py).

Places are compatible when one holds the other: country ⊃ region ⊃ city ⊃ venue (a region holds a
city when the gazetteer says so; a region and a city of the same country are compatible when it does
not know). A round's exported place is a venue's city (location_key): the city names the round, and a
venue's name need not carry it ("Diriyah Palace" is in Riyadh).
"""

from __future__ import annotations

from functools import lru_cache

from tasks.nlp.events.document import Arg, DateArg
from tasks.nlp.events.lexicon import Lexicon
from tasks.nlp.events.sides import side_code
from tasks.nlp.events.triggers import Trigger, distance
from tasks.nlp.events.words import WITH, WORD_RX, member, with_conj
from tasks.nlp.gazetteer import load_gazetteer
from tasks.nlp.settings import NLP
from tasks.nlp.text.charsets import bare, clitic_bases, has_article, is_arabic, strip_conj
from tasks.nlp.text.document import Document
from tasks.nlp.text.normalize import norm_token
from tasks.nlp.yaml_resources import words


@lru_cache(maxsize=64)
def bare_set(words: frozenset[str]) -> frozenset[str]:
    return frozenset(bare(w) for w in words)


_OBJECT_PRONOUNS = tuple(words("function_words.yaml")["ar_object_pronouns"])  # «التي تستضيفها واشنطن»


def host_word(lex: Lexicon, w: str) -> bool:
    """A host verb, also with an object pronoun glued to it («تستضيفها», «استضافها», «احتضنتها»)."""
    if member(w, lex.host):
        return True
    return any(len(w) > len(p) + 4 and w.endswith(p) and member(w[: -len(p)], lex.host) for p in _OBJECT_PRONOUNS)


def find_place(doc: Document, lex: Lexicon, t: Trigger, near: list[tuple[Arg, float]], s: int, e: int) -> Arg | None:
    """Where the meeting is: a place tied to the trigger by a locative, a construct, a host or travel word."""
    cands: list[tuple[float, int, Arg]] = []
    for a, _ in near:
        seat = a.kind == "org" and a.key in lex.org_places
        if seat:
            # «في الكرملين», "at the White House": the city of that seat of power
            city = lex.org_places[a.key]
            a = Arg(a.start, a.end, "location", city, a.cc, None, "city")
        elif a.kind != "location":
            continue
        if doc.nt[a.end : a.end + 2] in ("'s", "’s"):
            continue  # "Moscow's team", "Saudi Arabia's role": a possessor, not where it happens
        d = distance(doc, t, a.start, a.end)
        after_trigger = a.start >= t.end
        reach = (
            max(NLP.max_locative_dist, NLP.max_place_dist) if a.loc_kind in ("city", "venue") else NLP.max_place_dist
        )
        if d > (reach if after_trigger else 4):
            continue  # too far even behind a locative (the cut below): its head need not be read
        head, clitic = place_head(doc, a, s)
        before = doc.words_before(head, 3, floor=s)
        prev = before[-1] if before else ""
        prev2 = " ".join(before[-2:]) if len(before) > 1 else ""
        locative = prev in lex.locative or "ب" in clitic or prev2 in lex.locative or member(prev, lex.locative)
        if not locative and a.loc_kind == "city" and (prev in lex.near or prev2 in lex.near):
            locative = near_locative(doc, lex, head, 2 if prev2 in lex.near else 1, s)
        far = after_trigger and locative and a.loc_kind in ("city", "venue")
        if d > (NLP.max_locative_dist if far else NLP.max_place_dist if after_trigger else 4):
            continue
        ahead = doc.words_after(a.end, 2, ceil=e)
        passive = ahead[1:2] == ["by"]
        how = 0
        if (
            locative
            and t.english
            and a.loc_kind == "country"
            and a.end <= t.start
            and bool(gap := set(doc.gap_text(a.end, t.start).split()))
            and gap <= {"peace", "ceasefire", "truce"}
        ):
            continue  # "no breakthrough in Yemen peace talks": whose peace (but "at Qatar talks" is where)
        if locative:
            # not «الحرب في أوكرانيا», «السلام في أوكرانيا»; a seat of power is never the topic
            # («اتفاقية السلام في البيت الأبيض»)
            topic = before[-2] if len(before) > 1 and prev in lex.locative and not seat else ""
            if bare(topic) in bare_set(lex.topic_before) and topic not in lex.locative:
                continue
            if (
                a.loc_kind == "country"
                and prev in lex.locative
                and not with_conj(lex.posted_bodies).isdisjoint(before[:-1])
            ):
                # «أعربت السفارة الأمريكية في ليبيا عن ترحيبها بالمفاوضات»: the country the embassy is posted
                # to (its city may well be where the meeting it reports was: «السفارة في الدوحة ... التقى»)
                continue
            how = 3
        elif (
            after_trigger
            and not t.english
            and not doc.gap_text(t.end, a.start).strip()
            and a.loc_kind in ("city", "venue", "region")
            and not clitic
            and t.kind not in ("verb", "sign")  # «وقعت واشنطن اتفاقا»: after a verb, its subject
        ):
            how = 3  # «لقاء موسكو», «مفاوضات ميامي», «قمة ألاسكا»
        elif (
            not after_trigger
            and not doc.gap_text(a.end, t.start).strip()
            and a.loc_kind in ("city", "venue", "region")
            and t.english
        ):
            how = 3  # "the Istanbul talks", "the Alaska summit"
        elif a.loc_kind == "venue" and d <= 3:
            how = 2
        elif (prev and (host_word(lex, prev) or strip_conj(prev) in lex.venue_verbs)) or (
            ahead and member(ahead[0], lex.host) and not member(ahead[0], lex.host_before_only) and not passive
        ):
            how = 2  # «تستعد موسكو لاستقبال», "Riyadh hosts" (not "Ukraine, hosted by Turkey"), «شهدت الرياض»
        elif prev in ("الي", "to") and any(member(w, lex.travel) for w in doc.words_before(head, 7, floor=s)[:-1]):
            how = 2  # «السفر إلى موسكو للقاء», «وصل وزير الخارجية ... عراقجي إلى مسقط لبدء»
        elif (
            prev in ("الي", "to")
            and doc.words_after(a.end, 1, ceil=e)[:1]
            and strip_conj(doc.words_after(a.end, 1, ceil=e)[0]).startswith("لل")
        ):
            how = 2
        elif prev in ("الي", "to") and not after_trigger and purpose_between(doc, a.end, t.start):
            how = 2  # «توجه ... إلى واشنطن، لحضور اجتماعات», "flew to Geneva to attend the talks"
        if not how or prev in WITH:
            continue  # «مع الولايات المتحدة», "with Iran": a side, not where
        if after_trigger and t.kind not in ("verb", "sign") and _another_act(doc, lex, t.end, head):
            continue  # «الاجتماع الثالث ... للمذكرة الموقعة في مدريد»: where the memorandum was signed
        # a whole country is a place only when it is not also a side named as the topic
        # («تشهد تنزانيا، الثلاثاء، محادثات»: a country that is a venue verb's subject is where)
        if a.loc_kind == "country" and d > 1 and prev not in lex.locative and strip_conj(prev) not in lex.venue_verbs:
            continue
        specificity = {"city": 2, "venue": 1, "country": 0, "region": 0}.get(a.loc_kind or "", 0)
        cands.append((d - how, -specificity, a))
    if not cands:
        return None
    cands.sort(key=lambda c: (c[0], c[1]))
    best = cands[0][2]
    if best.loc_kind == "country":
        # «الأردن يستضيف اليوم اجتماعًا ... في مدينة العقبة»: the host country says where broadly, its city
        # behind a locative says where exactly
        inside = [a for _, _, a in cands if a.loc_kind in ("city", "venue") and a.cc in (best.cc, None)]
        if inside:
            best = inside[0]
    # a venue and its city: keep the city, the venue's name may not carry it
    for _, _, a in cands:
        if best.loc_kind == "venue" and a.loc_kind == "city" and best.entity and best.entity.parent_key == a.key:
            return a
    return capital_named_alike(doc, best)


def _another_act(doc: Document, lex: Lexicon, a: int, b: int) -> bool:
    """A participle or verb of another act (signing, founding) stands between the trigger and a place, in
    the four words before the place («الموقعة في يونيو في مدريد», "signed in Madrid")."""
    words = doc.words_before(b, 4, floor=a)
    return any(strip_conj(w) in lex.other_acts or w in lex.other_acts for w in words)


def purpose_between(doc: Document, a: int, b: int) -> bool:
    """Only a purpose between a destination and the meeting: «لحضور», «للمشاركة في», "to attend", "for"."""
    gap = WORD_RX.findall(doc.nt[a:b])
    if not gap or len(gap) > 3:
        return False
    if gap[0].isascii():
        return gap[0] in ("to", "for")
    return gap[0].startswith("ل") and len(gap) <= 2


def capital_named_alike(doc: Document, a: Arg) -> Arg:
    """«في الجزائر», «في جيبوتي», «في الكويت»: a country whose capital bears its name is, as the place
    of a meeting, that capital (talks sit in a city; Arabic does not tell the two apart)."""
    if a.loc_kind != "country" or a.cc not in SAME_NAME_CAPITALS or not is_arabic(doc.nt[a.start : a.start + 1]):
        return a  # English writes "Kuwait City", "Algiers"
    g = doc.gazetteer or load_gazetteer()
    city = g.capitals.get(a.cc)
    if city is None or city not in g.places:
        return a
    return Arg(a.start, a.end, "location", city, a.cc, g.entity(city), "city")


# «مدينة», «منتجع», "the city of": words that may stand between a locative and the place it names
PLACE_TITLES = frozenset(words("event_cues.yaml")["place_titles"])
SAME_NAME_CAPITALS = frozenset(words("place_cues.yaml")["same_name_capitals"])
# the first halves of two-word place names («رأس الناقورة», «تل أبيب»): part of the place they precede
COMPOUND_STARTS = frozenset(norm_token(w) for w in words("place_cues.yaml")["ar"]["compound_starts"])


def near_locative(doc: Document, lex: Lexicon, head: int, width: int, floor: int) -> bool:
    """ "at a club in <town> near Miami", «في نادٍ قرب ميامي»: a locative a few words before the "near"
    phrase ties the city to the meeting."""
    before = doc.words_before(head, width + 5, floor=floor)[: -width or None]
    return any(w in lex.locative or member(w, lex.locative) for w in before)


@lru_cache(maxsize=65536)  # asked of the words before every place, every trigger
def title_base(word: str) -> str:
    """The place title inside a word with its proclitics («بمنتجع» -> «منتجع», «وبالعاصمة» -> «عاصمه»),
    '' when there is none."""
    return max((b for b in clitic_bases(word) if b in PLACE_TITLES and b != word), key=len, default="")


@lru_cache(maxsize=65536)  # asked of the words before every place, every trigger
def compound_start_base(word: str) -> str:
    """The first half of a two-word place name inside a word with its proclitics («برأس» -> «راس»)."""
    return max((b for b in clitic_bases(word) if b in COMPOUND_STARTS), key=len, default="")


def place_head(doc: Document, a: Arg, floor: int) -> tuple[int, str]:
    """Start of a place phrase and the clitics on its first word: «في العاصمة المجرية بودابست» ->
    «العاصمة»; «بالعاصمة السعودية الرياض» -> («بالعاصمة», "بال"); "in the city of Geneva" -> "the"."""
    pos, clitic = a.start, doc.clitic(a.start)
    quals = [
        (x.start, x.end)
        for x in doc.args_over(floor - 1, a.start + 4)  # all that can sit on the three words before
        if x is not a and x.cc == a.cc and (x.kind == "nat" or (x.kind == "location" and x.loc_kind == "country"))
    ]
    for _ in range(4):  # "in the Turkish city of Istanbul"
        i = doc.tok_index(pos) - 1
        if i < 0 or doc.tokens[i][0] < floor:
            break
        ts, te = doc.tokens[i]
        word = doc.nt[ts:te]
        # the country or nationality that qualifies the city («العاصمة الروسية موسكو», «السعودية الرياض»)
        # (on the token: "in India's Attari" stops at "in", whose end the tolerance would reach)
        qualifier = any(x0 <= ts + 3 and x0 < te and x1 >= te - 1 for x0, x1 in quals)
        prev_word = doc.nt[doc.tokens[i - 1][0] : doc.tokens[i - 1][1]] if i > 0 else ""
        if qualifier or (has_article(word) and bare(prev_word) in PLACE_TITLES):
            pos, clitic = ts, ""  # «العاصمة <adjective> الرياض»
        # a place title («بالعاصمة»), or right before the name its first half («في رأس الناقورة»)
        elif base := (word if word in PLACE_TITLES else title_base(word)) or (
            compound_start_base(word) if pos == a.start else ""
        ):
            pos, clitic = ts, word[: len(word) - len(base)]
            if clitic.strip("وف"):
                break  # «بالعاصمة», «بمنتجع»: the preposition is here
        else:
            break
    return pos, clitic


def place_rank(a: Arg) -> int:
    return {"venue": 0, "city": 1, "region": 2, "country": 3}.get(a.loc_kind or "", 4)


def place_parts(a: Arg) -> set[str]:
    """The place and what contains it (venue -> city -> region -> country)."""
    parts = {a.key}
    if a.entity and a.entity.parent_key:
        parts.add(a.entity.parent_key)
    if region := a.region:
        parts.add(region)
    if a.cc:
        parts.add(f"loc:country:{a.cc}")
    return parts


def same_place_as(a: Arg, b: Arg) -> bool:
    """One place, or one inside the other below the country level (Dolmabahçe in Istanbul, Anchorage in Alaska)."""
    return (
        a.key == b.key
        or a.key in place_parts(b) - {f"loc:country:{b.cc}"}
        or b.key in place_parts(a) - {f"loc:country:{a.cc}"}
    )


def place_compatible(a: Arg, b: Arg) -> bool:
    """Not two different places: one holds the other, or a region and a city of one country whose
    region the gazetteer does not know."""
    if a.key in place_parts(b) or b.key in place_parts(a) or same_place_as(a, b):
        return True
    region, other = (a, b) if a.loc_kind == "region" else (b, a)
    return (
        region.loc_kind == "region"
        and other.loc_kind in ("city", "venue")
        and region.cc is not None
        and region.cc == other.cc
        and other.region is None
    )


def header(doc: Document, s: int, e: int) -> tuple[Arg | None, DateArg | None]:
    """The place (and date) a line opens with, before a colon: "Riyadh, February 18: ...", «الرياض، 18
    فبراير: ...» (a roundup's entry). A wire dateline ("RIYADH, March 24 -") says where the reporter is:
    not this."""
    first = next(iter(doc.args_in(s, e)), None)
    if first is None or first.kind != "location" or first.loc_kind not in ("city", "venue"):
        return None, None
    if WORD_RX.findall(doc.nt[s : first.start]):
        return None, None
    rest = doc.nt[first.end : min(e, first.end + 40)]
    colon = rest.find(":")
    if colon < 0:
        return None, None
    head = rest[:colon]
    dated = next((d for d in doc.dates_in(first.end, first.end + colon) if d.end <= first.end + colon), None)
    if (dated or not WORD_RX.findall(head)) and len(WORD_RX.findall(head)) <= 4:
        return first, dated
    return None, None


def place_named_before(doc: Document, lex: Lexicon, t: Trigger, hi: int) -> Arg | None:
    """ "met Ukrainian officials there", «في المدينة نفسها», "held in the same city": the place of the last
    meeting read before the trigger (else the city or venue last named)."""
    m = lex.same_place_rx.search(doc.nt, t.end, hi)
    if m is None or distance(doc, t, m.start(), m.end()) > NLP.max_place_dist:
        return None
    met = [a for a in doc.meeting_places if a.end <= t.start and a.loc_kind in ("city", "venue")]
    if met:
        return met[-1]
    before = [a for a in doc.args if a.kind == "location" and a.loc_kind in ("city", "venue") and a.end <= t.start]
    return before[-1] if before else None


def speakers_country(doc: Document, lex: Lexicon, t: Trigger, hi: int) -> Arg | None:
    """«أعلن وزير الخارجية الفنلندي ... أن الاجتماع الأول سيعقد في بلاده», "said the talks would be held in his
    country": the country of the person named last before the trigger in its sentence."""
    m = lex.own_country_rx.search(doc.nt, t.end, hi)
    if m is None or distance(doc, t, m.start(), m.end()) > NLP.max_place_dist:
        return None
    s = doc.sents[doc.sentence_of(t.start)][0]
    people = [a for a in doc.args_in(s, t.start) if a.kind == "person" and a.cc and len(a.cc) == 2]
    if not people:
        return None
    cc = people[-1].cc
    g = doc.gazetteer or load_gazetteer()
    key = f"loc:country:{cc}"
    if key not in g.places:
        return None
    return Arg(m.start(), m.end(), "location", key, cc, g.entity(key), "country", own_country=True)


def place_arrived_before(doc: Document, lex: Lexicon, t: Trigger, sides: set[str]) -> Arg | None:
    """«وصل وفدا مصر وإثيوبيا إلى الخرطوم. وبدأت المحادثات ...», "Delegations arrived in Khartoum on
    Sunday. Talks began on Monday": a city one of the meeting's sides travelled to, in one of the
    two sentences before the trigger's, in the same paragraph."""
    si = doc.sentence_of(t.start)
    for sj in range(si - 1, max(-1, si - 3), -1):
        a, b = doc.sents[sj]
        if "\n" in doc.nt[b : t.start]:
            return None  # another paragraph
        named = {side_code(lex, x) for x in doc.args_in(a, b)} - {""}
        if not (named & sides if sides else len(named) >= 2):
            continue  # the travellers are the meeting's sides (or, for «بين الجانبين», two sides)
        for m in lex.travel_rx.finditer(doc.nt, a, b):
            cities = [x for x in doc.args_in(m.end(), b) if x.kind == "location" and x.loc_kind in ("city", "venue")]
            if cities and doc.free(m.end(), cities[0].start) <= 6:
                return cities[0]
    return None


def location_key(place: Arg | None) -> str | None:
    """A venue is reported by its city when the gazetteer knows it (the city names the round)."""
    if place is None:
        return None
    if place.loc_kind == "venue" and place.entity and place.entity.parent_key:
        return place.entity.parent_key
    return place.key
