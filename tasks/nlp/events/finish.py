"""From grouped meetings to Event records: final sides and mediators, status, date, participants."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from tasks.nlp.events.document import Arg, country_counts
from tasks.nlp.events.lexicon import Lexicon, enough_sides, factions_of, is_factions, lexicon, side_country
from tasks.nlp.events.mentions import EventMention
from tasks.nlp.events.merge import Meeting
from tasks.nlp.events.participants import table_people
from tasks.nlp.events.place import location_key, place_compatible
from tasks.nlp.events.rounds import number_predecessors
from tasks.nlp.events.sides import former, qualifies_place, side_code
from tasks.nlp.events.status import date_fits, not_begun, status_from_date
from tasks.nlp.events.words import member, with_conj
from tasks.nlp.text.charsets import bare, strip_conj
from tasks.nlp.text.document import Document
from tasks.nlp.types import Event, Span

_RELATIVE = frozenset({"التي", "الذي", "which", "who", "that"})


# per mediation list: (the words found to be mediation words, every word checked); a word is checked once
# per process, and a page's distinct words are sorted out by two set operations in C
_MEDIATION_SEEN: dict[frozenset[str], tuple[set[str], set[str]]] = {}
_MEDIATION_MAX = 65_536  # words remembered before starting over (the bound of the lru_cache it replaces)


def _mediation_words(words: list[str], mediation: frozenset[str]) -> set[str]:
    """The words of `words` that are mediation words (with clitics or bare)."""
    known = _MEDIATION_SEEN.get(mediation)
    if known is None or len(known[1]) > _MEDIATION_MAX:
        known = _MEDIATION_SEEN[mediation] = (set(), set())
    yes, seen = known
    distinct = set(words)
    for w in distinct - seen:
        if member(w, mediation) or bare(w) in mediation:
            yes.add(w)  # before `seen`, so that a word seen is always sorted
        seen.add(w)
    return distinct & yes


def article_mediators(doc: Document) -> set[str]:
    """Countries the article calls mediators, in the sentence of a mediation word: the country, its
    nationality, capital or official right beside it («بوساطة عمانية», «الوسيط القطري», "Omani
    mediation", "mediated by Oman") or followed by a relative clause holding it («مسقط التي تقود جهود
    الوساطة», "Qatar, which has mediated")."""
    lex = lexicon()
    out: set[str] = set()

    def country(a: Arg) -> str | None:
        cc = side_code(lex, a)  # a capital standing for its government gives its country
        return cc if len(cc) == 2 and a.kind in ("nat", "location", "person") else None

    mediation = _mediation_words(doc.words, lex.mediation)
    if not mediation:
        return out
    for k, w in enumerate(doc.words):
        if w not in mediation:
            continue
        s, e = doc.sents[doc.sentence_of(doc.tokens[k][0])]
        # «بوساطة», «الوسيط» name the mediator after them; "Omani mediation", "Oman-brokered" before
        first = k if member(w, lex.host_before_only) or not w.isascii() else max(0, k - 1)
        beside = doc.args_over(doc.tokens[first][0], doc.tokens[min(len(doc.tokens) - 1, k + 2)][1])
        for a in beside:
            if s <= a.start < e and (cc := country(a)):
                out.add(cc)
        for a in doc.args_over(doc.tokens[max(0, k - 6)][0], doc.tokens[k][0]):
            nxt = doc.words_after(a.end, 1, ceil=doc.tokens[k][0])
            if s <= a.start < e and nxt and nxt[0] in _RELATIVE and (cc := country(a)):
                out.add(cc)
    return out


def main_sides(counts: Counter[str], mt: Meeting, as_sides: set[str], venues: set[str]) -> set[str]:
    """The article's two main countries as a meeting's unnamed sides, leaving out its venue's country
    when two others are named often enough to be the sides (each at least twice and half as often as
    the venue): «جولة مفاوضات في كينشاسا» in a report on Egypt, Ethiopia and Sudan is hosted by DR
    Congo, not held with it; talks in Athens in a report on Greece and Turkey are Greece's.
    A country where the article's meetings are (this one's, or `venues`) that the article names only as
    a place (not in `as_sides`: no nationality, person or movement of it) is no side: with one country
    named more than once beside it, the talks are that country's rival sides (Yemen's talks in
    Switzerland; "Iran-backed rebels" named once is no side)."""
    ranked = [cc for cc, _ in counts.most_common()]
    here = {mt.place.cc} if mt.place and mt.place.loc_kind == "country" else set()
    places_only = (here | venues) - as_sides
    if places_only:
        rest = [cc for cc in ranked if cc not in places_only]
        if rest and [cc for cc in rest if counts[cc] >= 2] == rest[:1]:
            return {factions_of(rest[0])}
    venue = mt.place.cc if mt.place else None
    away = [cc for cc in ranked if cc != venue]
    if venue in counts and len(away) >= 2 and counts[away[1]] >= max(2, counts[venue] / 2):
        return set(away[:2])
    return set(ranked[:2])


_DATELINE_AFTER = re.compile(r"[ \t]*(?:[(\-–—:،,/]|\d)")


def _dateline(doc: Document, a: Arg) -> bool:
    """A city opening its line before a dateline's bracket, dash, comma or date («نيروبي (وكالات)»)."""
    if a.kind != "location" or a.loc_kind != "city":
        return False
    line_start = doc.nt.rfind("\n", 0, a.start) + 1
    return not doc.nt[line_start : a.start].strip() and _DATELINE_AFTER.match(doc.nt, a.end) is not None


def _speaking(doc: Document, lex: Lexicon, a: Arg) -> bool:
    """A country's body that only speaks, its nationality naming it: "Morocco's Foreign Ministry said",
    «ورحبت الخارجية المغربية», «وقالت الحكومة المغربية» (not "Qatar and Bahrain said they held talks":
    countries that speak of their own talks)."""
    if a.kind != "nat":
        return False
    if doc.nt[a.start].isascii():
        after = doc.words_after(a.end, 3)
        return bool(after) and after[0] in lex.speaking_bodies and not lex.speech.isdisjoint(after[1:])
    before = doc.words_before(a.start, 3)
    return (
        bool(before)
        and strip_conj(before[-1]) in lex.speaking_bodies
        and not with_conj(lex.speech).isdisjoint(before[:-1])
    )


def _first_named(meetings: list[Meeting], k: int) -> Meeting | None:
    """The first meeting after the headline's that names its own sides, when nothing tells the two apart:
    a headline with its sides unsaid («الكونغو تحتضن جولة جديدة من المفاوضات») announces the
    talks the report names next, not the article's two most-named countries of three."""
    mt = meetings[k]
    if any(em.sent != 0 for em in mt.ems):
        return None
    nxt = next((m for m in meetings[k + 1 :] if enough_sides(m.parties)), None)
    if nxt is None or (mt.place is not None and nxt.place is not None and not place_compatible(mt.place, nxt.place)):
        return None
    if mt.round_no is not None and nxt.round_no is not None and mt.round_no != nxt.round_no:
        return None
    return nxt


def resolve_sides(
    meetings: list[Meeting], all_ems: list[EventMention], doc: Document
) -> list[tuple[set[str], set[str]]]:
    """Final (parties, mediators) of each meeting, in order (later meetings may lean on earlier ones)."""
    lex = lexicon()
    # the countries the article names as sides may be, not: a nationality naming a city's country ("the
    # Moroccan city of Skhirat", «مدينة الصخيرات المغربية»), a country's body that only speaks ("Morocco's
    # Foreign Ministry said", «ورحبت الخارجية المغربية»); and, counting them, a capital named where a
    # meeting sits («احتضنتها العاصمة الأردنية عمان»: its venue there) or a dateline's city («نيروبي
    # (وكالات)», "GENEVA, Feb 18 (Reuters) -": where the news was filed)
    venue_args = {id(m.place) for m in meetings if m.place is not None and m.place.loc_kind == "city"}
    named = [
        a
        for a in doc.args
        if not (a.kind == "nat" and qualifies_place(doc, a, doc.args))
        and not _speaking(doc, lex, a)
        and not (a.kind in ("person", "nat") and not a.negotiator and former(doc, lex, a))
    ]
    counts = country_counts([a for a in named if id(a) not in venue_args and not _dateline(doc, a)], lex)
    dominant = [cc for cc, _ in counts.most_common()]
    # the countries the article names by a nationality, a person or a movement (not only as a place)
    as_sides = {side_country(lex.actor_sides, a.cc) for a in named if a.cc and a.kind in ("nat", "person", "org")}
    venues = {m.place.cc for m in meetings if m.place and m.place.loc_kind == "country" and m.place.cc}
    mediators = article_mediators(doc)
    out: list[tuple[set[str], set[str]]] = []
    for k, mt in enumerate(meetings):
        parties = set(mt.parties)
        # earlier meetings of these talks; a numbered round follows numbered ones first
        earlier = [p for (p, _), m in zip(out, meetings[:k], strict=True) if enough_sides(p)]
        if mt.round_no is not None:
            numbered = [p for (p, _), m in zip(out, meetings[:k], strict=True) if enough_sides(p) and m.round_no]
            earlier = [p for p in earlier if p not in numbered] + numbered
        if not parties:
            sents = {em.sent for em in mt.ems}
            same = [em for em in all_ems if em.sent in sents and len(em.parties) >= 2 and not em.background]
            if mt.history:
                earlier = []  # old talks do not take this week's sides: the article's main two
            if mt.trilateral:
                earlier = [p for p in earlier if len(p) >= 3] or earlier  # a three-way meeting follows one
            # (an earlier meeting of one country's rival sides gives its sides only to a sequel, below)
            earlier = [p for p in earlier if len(p) >= 2]
            ahead = None if mt.history or earlier else _first_named(meetings, k)
            if same:
                parties = set(same[0].parties)
            elif earlier:
                parties = set(earlier[-1])
            elif ahead is not None:
                parties = set(ahead.parties)
            else:
                # the article's main countries, but not this meeting's host («عن استضافة الجزائر ... الاجتماع»)
                unhosted = Counter({cc: n for cc, n in counts.items() if cc not in mt.hosts}) if mt.hosts else counts
                parties = main_sides(unhosted, mt, as_sides, venues)
        elif len(parties) < 2 and (mt.sequel or mt.both_sides or mt.round_no is not None):
            # «الجولة الثانية», "the next meeting", «وفدا البلدين», «جولتي الحوار الأولى والثانية» beside
            # round 3 between two countries: the sides of an earlier meeting
            sequel = [p for p in earlier if parties <= p | {side_country(lex.actor_sides, x) for x in p}]
            if sequel:
                parties = set(sequel[-1])
        if len(parties) == 1 and not mt.trilateral:
            # one country at talks in a venue the article names only as a place: its rival sides
            (only,) = parties
            if main_sides(counts, mt, as_sides, venues) == {factions_of(only)}:
                parties = {factions_of(only)}
        if mt.trilateral and len(parties) < 3:
            # «المفاوضات الثلاثية» with its sides unsaid: those of the article's earlier three-way meeting,
            # else its three main countries
            three = [p for p in earlier if len(p) >= 3 and parties <= p]
            if three:
                parties = set(three[-1])
            else:
                parties |= set([cc for cc in dominant if cc not in parties][: 3 - len(parties)])
        hosts = set(mt.hosts)
        if mt.place and mt.place.cc:
            hosts.add(mt.place.cc)
        # the host country seen only through its people («بحضور وزير الخارجية التركي») mediates
        factions = any(is_factions(p) for p in parties)
        for cc in sorted(hosts & parties):
            if mt.trilateral and len(parties) == 3 and not factions:
                continue  # «الاجتماع الثلاثي» hosted by one of its three sides: the host sits at the table
            if (cc not in mt.by_name and len(parties - {cc}) >= 2) or factions:
                parties.discard(cc)  # a host beside one country's rival sides hosts them
        # a country the article calls a mediator mediates while a side that is not one remains; when
        # one side is left, the other is the article's main side that is no mediator («عراقجي يلتقي
        # الوزير العماني» in a report on Iran–US talks through Oman)
        if (kept := {p for p in parties if p not in mediators}) and kept != parties:
            hosts |= parties - kept
            parties = kept
            if len(parties) < 2 and not factions:
                others = [cc for cc in dominant if cc not in mediators and cc not in parties]
                parties |= set(others[: 2 - len(parties)])
        out.append((parties, hosts - parties))
    return _named_factions(out, lex)


def _named_factions(out: list[tuple[set[str], set[str]]], lex: Lexicon) -> list[tuple[set[str], set[str]]]:
    """One country's rival sides left unnamed («طرفا الصراع») in a report whose other meetings of that
    country name them («الحكومة الإثيوبية وقوات تيغراي»): the named sides, when the report names one set."""
    named = {
        frozenset(p)
        for p, _ in out
        if any(s.startswith("org:") and not is_factions(s) for s in p)
        and len({side_country(lex.actor_sides, s) for s in p}) == 1
    }
    if len(named) != 1:
        return out
    (sides,) = named
    country = side_country(lex.actor_sides, next(iter(sides)))
    return [((set(sides), h) if p == {factions_of(country)} else (p, h)) for p, h in out]


def finish(meetings: list[Meeting], all_ems: list[EventMention], doc: Document, pub: date | None) -> list[Event]:
    out: list[tuple[int, int, Event]] = []
    actors = lexicon().actor_sides
    for mt, (sides, hosts) in zip(meetings, resolve_sides(meetings, all_ems, doc), strict=True):
        # every meeting between two or more sides: which negotiations to follow is the user's
        # scope, applied in the warehouse
        if not enough_sides(sides):
            continue
        # a non-state side counts as its country in `parties` (the army and the RSF: SD); a host
        # whose country already sits at the table through a side does not mediate
        parties = {side_country(actors, s) for s in sides}
        mediators = hosts - parties
        status = mt.status
        date_ = mt.date
        if date_ is None and status == "held":
            date_ = next((x.said_day for x in mt.ems if x.said_day is not None), None)
        if date_ and pub and not_begun(status, date_.dm, pub):
            status = "planned"
        if date_ and pub and not date_fits(date_.dm, status, pub):
            if (
                status == "ongoing"
                and any(st == "started" for _, _, st in mt.votes)
                and date_fits(date_.dm, "started", pub)
            ):
                status = "held"  # "the round, which began on 5 January", weeks before the report: its first day
            else:
                date_ = None
        if status is None:
            status = (status_from_date(date_.dm, pub) if date_ and pub else None) or (
                "planned" if mt.future else "held"
            )
        place = mt.place
        if (
            place is not None
            and place.loc_kind == "country"
            and place.cc in parties
            and len(parties) > 1
            and not place.own_country
        ):
            # one of two countries at the table, named as a country: a side or the topic, not the venue
            # («بين كوسوفو وصربيا»); talks inside one country (its army and a movement) may be placed there
            place = None
        participants = table_people(mt, sides | parties, status)
        outcomes = sorted(set(mt.outcomes)) if status in ("held", "ongoing") else []
        evidence = sorted({doc.orig_sents[em.sent] for em in mt.ems})
        ev = Event(
            ordinal=0,
            status=status,
            parties=sorted(parties),
            mediators=sorted(mediators),
            sides=sorted(sides),
            location_key=location_key(place),
            start_date=date_.dm.start_date if date_ else None,
            end_date=date_.dm.end_date if date_ else None,
            date_precision=date_.dm.precision if date_ else None,
            round_number=mt.round_no,
            outcomes=outcomes,
            participants=participants,
            trigger=mt.trigger,
            evidence=[Span(a, b) for a, b in evidence],
        )
        out.append((mt.first, mt.round_no or 0, ev))
    out.sort(key=lambda x: (x[0], x[1]))
    events = [ev for _, _, ev in out]
    number_predecessors(events)
    for i, ev in enumerate(events):
        ev.ordinal = i
    return events
