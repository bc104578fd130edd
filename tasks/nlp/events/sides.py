"""The sides a trigger names (lists read as one), and the countries that only host or mediate."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from tasks.nlp.events.document import Arg
from tasks.nlp.events.lexicon import Lexicon, factions_of, lexicon
from tasks.nlp.events.triggers import Trigger
from tasks.nlp.events.words import FROM, WITH, member, with_conj
from tasks.nlp.text.charsets import bare, strip_conj
from tasks.nlp.text.document import Document


def side_noun(lex: Lexicon, w: str) -> bool:
    """«الوفد», «مسؤولين», "officials": a noun a nationality can qualify as a side."""
    return member(w, lex.side_nouns) or bare(w) in lex.side_nouns_bare


@dataclass(slots=True)
class Sides:
    parties: set[str] = field(default_factory=set)
    by_name: set[str] = field(default_factory=set)  # named as countries, capitals, nationalities
    hosts: set[str] = field(default_factory=set)


def former(doc: Document, lex: Lexicon, a: Arg) -> bool:
    """A person named by a title their holder left, or the nationality in that title («الرئيس الكيني
    السابق أوهورو كينياتا», "ex-Nigerian President Olusegun Obasanjo"): no longer anyone's state."""
    if a.kind == "nat":
        if doc.nt[a.start].isascii():
            before = doc.words_before(a.start, 1)
            return doc.nt[max(0, a.start - 3) : a.start] == "ex-" or bool(before and before[-1] in lex.former_titles)
        return bool(set(doc.words_after(a.end, 1)) & lex.former_titles)
    # the title is some of the six words before the name (words hold no "-"): none a former title, no need
    first = bisect_left(doc.tok_starts, a.start)
    if lex.former_titles.isdisjoint(doc.words[max(0, first - 6) : first]):
        return False
    from tasks.nlp.events.roles import title_chain  # roles reads sides: imported when first asked

    title = title_chain(doc, a, lex, doc.sents[doc.sentence_of(a.start)][0])
    return any(w in lex.former_titles or w.partition("-")[0] in lex.former_titles for w in title)


def find_sides(
    doc: Document, lex: Lexicon, t: Trigger, near: list[tuple[Arg, float]], place: Arg | None, floor: int
) -> Sides:
    """The sides a trigger names, and host countries that are not (yet) sides.

    Lists are read as one: «بين روسيا والولايات المتحدة», "U.S. and Russian officials" take the
    reading of their first member's context, or of a side noun after their last member. People
    give their country; a reporter's country counts only when fewer than two sides are named
    ("Zelensky said he was ready to meet Putin")."""
    out = Sides()
    reporters: set[str] = set()
    ordered = [
        a
        for a in sorted((a for a, _ in near), key=lambda a: a.start)
        if a is not place and (a.cc or a.key in lex.group_members) and not behind_a_reason(doc, lex, t, a)
    ]
    groups: list[list[Arg]] = []
    for a in ordered:
        if groups and (in_one_list(doc, groups[-1][-1], a) or between_nouns(doc, lex, groups[-1][-1], a)):
            groups[-1].append(a)
        else:
            groups.append([a])
    between: set[str] = set()  # "talks between American and Ukrainian delegations": the sides, all of them
    for group in groups:
        first, last = group[0], group[-1]
        if qualifies_place(doc, first, [b for b, _ in near]):
            continue  # «جدة السعودية», «العاصمة السعودية الرياض», "Anchorage, Alaska": part of a place's name
        if len(group) >= 2 and between_trigger(doc, t, first):
            between = {(p.cc or "") if p.kind == "person" else side_code(lex, p) for p in group}
        if first.kind == "person":
            for p in group:
                if p.host:
                    # «استقبل بوتين ويتكوف»: a host is a side unless two others remain (resolved later)
                    out.hosts.add(p.cc or "")
                    out.parties.add(p.cc or "")
                elif party_reading(doc, lex, t, p, floor):
                    out.parties.add(p.cc or "")
                elif p.announcer and not p.commentator and not p.modifier:
                    reporters.add(p.cc or "")
            continue
        if is_host(doc, lex, first, last, floor):
            out.hosts.update(side_code(lex, a) for a in group)
            continue
        if any(affiliation(doc, lex, a) for a in group):
            continue
        if (
            all(a.kind == "location" and a.loc_kind != "country" for a in group)
            and len(group) < 2
            and strip_conj((doc.words_before(first.start, 1, floor=floor) or [""])[-1])
            not in ("بين", "مع", "between", "with")
        ):
            # a lone capital is a place or a speaker ("Kyiv accepted ... after talks with Russia"): a side
            # only when fewer than two are named otherwise, like a reporter; «موسكو وكييف» are sides;
            # right after a verb of meeting or signing it is its subject, named («وقعت واشنطن اتفاقا»)
            subject = first.start >= t.end and not doc.gap_text(t.end, first.start).strip()
            if first.key in lex.metonymic and t.kind in ("verb", "sign") and subject:
                out.parties.add(side_code(lex, first))
                out.by_name.add(side_code(lex, first))
                continue
            if first.key in lex.metonymic and party_reading(doc, lex, t, first, floor):
                reporters.add(side_code(lex, first))
            continue
        signed = [a for a in group if a.kind == "nat" and agreement_of(doc, lex, t, a)]
        if signed and len(group) == 1:
            # «التوقيع على الاتفاق السياسي الليبي», "signing the Libyan Political Agreement": one
            # country's agreement is signed by its rival sides
            factions = factions_of(first.cc or "")
            out.by_name.add(factions)
            out.parties.add(factions)
            continue
        if (
            party_reading(doc, lex, t, first, floor)
            or side_noun_after(doc, lex, last)
            or signed
            or any(a.kind == "nat" and beside_trigger(doc, t, a) for a in group)
            # a format named with the talks themselves («المحادثات السداسية», "the six-party talks")
            or any(a.key in lex.group_members and a.start < t.end and t.start < a.end for a in group)
        ):
            codes = set().union(*(lex.group_members.get(a.key) or {side_code(lex, a)} for a in group))
            out.parties |= codes
            out.by_name |= codes
    if len(between - {""}) >= 2:
        out.parties = {cc for cc in out.parties if cc in between or cc in out.hosts} | between
        out.by_name |= between  # "the signing of the agreements between A, B and C": named sides
    if len(out.parties - {""}) < 2:
        out.parties |= reporters
    for s in (out.parties, out.by_name, out.hosts):
        s.discard("")
    return out


def behind_a_reason(doc: Document, lex: Lexicon, t: Trigger, a: Arg) -> bool:
    """An argument after the trigger in a clause of reason («... مكان الاجتماعات لأننا نرى أن هناك أمورا
    تحدث بين أمريكا وإيران», "postponed the talks because Iran and the US ...") belongs to that clause."""
    if a.start <= t.end:
        return False
    return not with_conj(lex.reason_words).isdisjoint(doc.words_before(a.start, 12, floor=t.end))


def between_trigger(doc: Document, t: Trigger, a: Arg) -> bool:
    """ "talks between A and B", «محادثات بين روسيا وأوكرانيا», "eight hours of talks between the US and
    ...": the list right after «بين»/"between" next to the trigger names its sides."""
    if a.start < t.end:
        return False
    lex = lexicon()
    before = doc.words_before(a.start, 4)
    k = len(before) - 1
    # over "the" and «وفدين من» / "delegations from": «محادثات بين وفدين من الولايات المتحدة وأوكرانيا»
    while k >= 0 and (before[k] in ("the", "من", "from", "of") or side_noun(lex, before[k])):
        k -= 1
    return k >= 0 and strip_conj(before[k]) in ("بين", "between") and doc.free(t.end, a.start) <= 5


# between a city nobody listed and its country: an adjective, a locative, a compass word
_CITY_COUNTRY_GAP = re.compile(r"\s*(?:ال\w+\s+)?(?:[,،]\s*)?(?:(?:ب|في\s+)?(?:شمال|جنوب|شرق|غرب|وسط)?|in\s+)?\s*")


def qualifies_place(doc: Document, a: Arg, args: list[Arg]) -> bool:
    """A country or nationality written as part of a city's name, before or after it."""
    if a.kind not in ("location", "nat") or (a.kind == "location" and a.loc_kind not in ("country", "region")):
        return False
    for b in args:
        if b.kind != "location" or b.loc_kind not in ("city", "venue"):
            continue
        if b.cc is None and b.end <= a.start and _CITY_COUNTRY_GAP.fullmatch(doc.gap_text(b.end, a.start)):
            # «مدينة أوخريد المقدونية», «أوخريد الساحلية بشمال مقدونيا»: a city nobody listed, its country after it
            return True
        if b.cc != a.cc:
            continue
        # "Geneva, Switzerland", "Geneva (Switzerland)", «جنيف (سويسرا)»: the city's country in apposition
        if b.end <= a.start and re.fullmatch(r"[\s,،(\[]*(?:ب|في|in)?\s*", doc.gap_text(b.end, a.start)):
            return True
        if a.end <= b.start and not doc.gap_text(a.end, b.start).strip():
            return True
        if a.end <= b.start and _NAT_PLACE_TITLE.fullmatch(doc.gap_text(a.end, b.start)):
            return True  # "the Moroccan city of Skhirat", "the Egyptian resort of Sharm el-Sheikh"
    return False


_NAT_PLACE_TITLE = re.compile(r"\s+(?:city|town|resort|village|port|capital|province|region)\s+of\s+(?:the\s+)?")


def side_code(lex: Lexicon, a: Arg) -> str:
    return lex.metonymic.get(a.key) or a.cc or ""


def is_host(doc: Document, lex: Lexicon, first: Arg, last: Arg, floor: int) -> bool:
    """«تستضيف السعودية», «بوساطة قطرية», "Saudi Arabia will host", "hosted by the UAE": a host."""
    before = doc.words_before(first.start, 3, floor=floor)
    ahead = doc.words_after(last.end, 2)
    if before and member(before[-1], lex.host):
        return True
    if (
        len(before) > 1
        and before[-1] in ("by", "the")
        and (
            before[-2] in lex.host
            or f"{before[-2]} by" in lex.host
            or (len(before) > 2 and before[-2] == "by" and before[-3] in lex.host)
        )
    ):
        return True
    if ahead and ahead[0] in lex.host_compound and doc.nt[last.end : last.end + 1] == "-":
        return True  # "Malaysia-brokered talks"
    # "Saudi Arabia will host", «السعودية تستضيف»: a host verb after; not «بوساطة» (it names what follows)
    return any(member(w, lex.host) and not member(w, lex.host_before_only) for w in ahead)


def affiliation(doc: Document, lex: Lexicon, a: Arg) -> bool:
    """An organisation that only names who speaks: "Kremlin spokesman Peskov", "the State Department said"."""
    if a.kind != "org":
        return False
    ahead = doc.words_after(a.end, 3)
    if ahead and (ahead[0] in lex.speech or member(ahead[0], lex.speech)):
        # a movement that speaks with a side beside it speaks for the table ("Ethiopia's government and
        # rival Tigray forces said they accepted talks", «وقال الجيش وقوات الدعم السريع»)
        return not (a.key in lex.actor_sides and co_subject(doc, lex, a))
    return any(
        p.kind == "person"
        and 0 <= doc.free(a.end, p.start) <= 2
        and p.start >= a.end
        and (p.announcer or p.commentator)
        for p in doc.args
    )


def co_subject(doc: Document, lex: Lexicon, a: Arg) -> bool:
    """A side named right before, joined by "and"/«و» with at most side nouns and "rival" between."""
    before = doc.args_in(doc.sents[doc.sentence_of(a.start)][0], a.start)
    prev = next((b for b in reversed(before) if b.end <= a.start and b.kind in ("nat", "org", "location")), None)
    if prev is None or (prev.kind == "location" and prev.loc_kind != "country"):
        return False
    gap = [w.lower() for w in doc.gap_text(prev.end, a.start).split()]
    if doc.clitic(a.start).startswith("و"):
        gap.append("و")
    joins = [w for w in gap if w in ("and", "و") or (w.startswith("و") and strip_conj(w) in lex.side_nouns)]
    rest = [w for w in gap if w not in joins and w not in ("'s", "the", "rival") and w not in lex.side_nouns]
    return len(gap) <= 4 and bool(joins) and not rest


def side_noun_after(doc: Document, lex: Lexicon, a: Arg) -> bool:
    """ "Russian officials", "Ukrainian delegation": an English nationality before a side noun."""
    if a.kind != "nat":
        return False
    _, e = doc.sents[doc.sentence_of(a.start)]
    words = doc.words_after(a.end, 4, ceil=e)
    ahead = words
    while len(ahead) > 1 and (ahead[0].isdigit() or ahead[0] in lex.side_noun_sizes):
        ahead = ahead[1:]  # "Pakistan's 20-member delegation"
    if ahead and ahead[0] in lex.side_nouns and ahead[0].isascii():
        return True
    # "the Saudi communication and coordination team": a few plain words naming the team, no punctuation
    gap = doc.gap_text(a.end, doc.tokens[min(doc.tok_index(a.end) + len(words), len(doc.tokens)) - 1][1])
    for k, w in enumerate(words):
        if w in lex.side_nouns and w.isascii():
            return k > 0 and not re.search(r"[.,;:()\"“”]", gap.split(w)[0])
        if not (w.isascii() and w.isalpha()) or w in lex.speech or w in lex.clause_breaks:
            return False
    return False


def agreement_of(doc: Document, lex: Lexicon, t: Trigger, a: Arg) -> bool:
    """«التوقيع على الاتفاق السياسي الليبي», "signed the Libyan Political Agreement", "the signing of the
    Russian-Ukrainian accord": the nationality qualifies the agreement a signing signs, a word or two
    after it."""
    if t.kind != "sign":
        return False
    if not t.english:
        if a.start < t.end:
            return False
        between = doc.words_before(a.start, 4, floor=t.end)
        nouns = [k for k, w in enumerate(between) if bare(w) in lex.agreement_nouns]
        # right after the agreement, or after one nisba adjective («الاتفاق السياسي الليبي»); not
        # «الاتفاق عن الجانب التركي», «الاتفاق المفاوض الأمريكي»
        rest = between[nouns[-1] + 1 :] if nouns else None
        return rest is not None and (
            not rest or (len(rest) == 1 and rest[0].startswith("ال") and rest[0].endswith(("ي", "يه")))
        )
    after = doc.words_after(a.end, 3, ceil=a.end + 40)
    return a.start > t.start and any(bare(w) in lex.agreement_nouns for w in after)


def beside_trigger(doc: Document, t: Trigger, a: Arg) -> bool:
    """«مباحثات روسية-أمريكية», "US-Russian talks": the nationality qualifies the trigger itself."""
    if not t.english:
        return a.start >= t.end and doc.free(t.core_end, a.start) <= 1
    return a.end <= t.start and doc.free(a.end, t.start) <= 1


_LIST_GAP = re.compile(r"\s*(?:[\-–,،/]|و|and|&)\s*(?:و|and)?\s*(?:the\s+)?")


def in_one_list(doc: Document, prev: Arg, a: Arg) -> bool:
    """Two arguments of one list: «روسيا والولايات المتحدة», «روسية-أمريكية», "Russia and Ukraine"."""
    if prev.end > a.start or (prev.kind == "person") != (a.kind == "person"):
        return False
    gap = doc.gap_text(prev.end, a.start) + doc.clitic(a.start)[:1]
    if _LIST_GAP.fullmatch(gap):  # "Russia and the US"
        return True
    return prev.kind == "nat" and a.kind == "nat" and gap.strip() == ""


def between_nouns(doc: Document, lex: Lexicon, prev: Arg, a: Arg) -> bool:
    """Two nationalities of nouns joined after «بين»/"between": «بين الحكومة الروسية والسلطات الأوكرانية»,
    "between Russian officials and Ukrainian authorities". The pair names both sides whatever the second
    noun is, so they are read as one list."""
    if prev.kind != "nat" or a.kind != "nat" or prev.end > a.start:
        return False
    gap = doc.gap_text(prev.end, a.start).split()
    if "".join(gap).isascii():
        # English: "between [the] Russian government and [the] Ukrainian authorities"
        before = [w.lower() for w in doc.words_before(prev.start, 2)]
        return len(gap) in (2, 3) and gap[1:2] == ["and"] and "between" in before
    # Arabic: the second noun carries the conjunction, the first is right after «بين»
    before = [strip_conj(w) for w in doc.words_before(prev.start, 2)]
    return len(gap) == 1 and gap[0].startswith("و") and len(before) == 2 and before[0] == "بين"


def nisba_adjective(w: str) -> bool:
    """«الانتقالية», «الحكومي», «العسكري»: a definite relational adjective, which may stand between a
    side noun and its nationality («الحكومة الانتقالية السودانية», «الوفد العسكري الروسي»)."""
    w = strip_conj(w)
    return len(w) > 5 and w.startswith("ال") and w.endswith(("ي", "يه"))


def party_reading(doc: Document, lex: Lexicon, t: Trigger, a: Arg, floor: int) -> bool:
    """Whether an argument (a list's first member) names a side at the table, by its context."""
    if a.kind == "person":
        return not (a.modifier or a.commentator or (a.announcer and not a.negotiator))
    if t.english and t.start < a.start and a.end < t.end and a.kind in ("location", "nat", "org"):
        return True  # inside the phrase: "the round of India-China talks"
    before = doc.words_before(a.start, 2, floor=floor)
    prev = before[-1] if before else ""
    clitic = doc.clitic(a.start)
    if clitic.startswith(("و", "ف")) and len(clitic) > 1:
        clitic = clitic[1:]
    if clitic == "ب" and a.kind == "org" and member(prev, lex.members_of):
        return True  # «مع قيادات بجماعة الحوثي»: the movement's leaders
    if clitic and (clitic[0] in "لبك" or clitic.startswith("لل")) and a.key not in lex.group_members:
        return False  # «لأوكرانيا», «بروسيا», «للولايات المتحدة» (not «بصيغة أستانا»: the format's members)
    if member(prev, WITH):
        # "talks with Russia", not "a ceasefire with Russia", «الحرب مع روسيا»: what the with-phrase hangs from
        head = doc.words_before(a.start, 3, floor=floor)[:-1][-1:]
        return not (head and (bare(head[0]) in lex.with_topics or member(head[0], lex.with_topics)))
    if before[-2:] in (["كل", "من"], ["لكل", "من"]):  # «كل من مصر والسودان», «وزراء ... لكل من مصر»
        return True
    if (member(prev, FROM) or prev == "of") and len(before) > 1 and side_noun(lex, before[-2]):
        # «وفود من روسيا وأوكرانيا», "delegations from Ukraine, Russia and the US", "the foreign ministers
        # of Egypt, Ethiopia and Sudan"
        return True
    if prev in lex.portfolios and len(before) > 1 and strip_conj(before[-2]) in lex.ministers:
        return True  # «وزراء خارجية مصر وإثيوبيا والسودان»
    if member(prev, lex.topic_before) or bare(prev) in lex.topic_before:
        return False
    if a.kind == "nat":
        # a nationality names a side beside the trigger or after a side noun («الوفد الروسي»)
        return (
            beside_trigger(doc, t, a)
            or side_noun(lex, prev)
            or (len(before) > 1 and nisba_adjective(prev) and side_noun(lex, before[-2]))
        )
    if a.kind == "location":
        return a.loc_kind == "country" or a.key in lex.metonymic  # «موسكو وكييف», "Washington"
    return a.kind in ("org", "region")
