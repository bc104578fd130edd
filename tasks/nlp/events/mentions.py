"""Event mentions: one trigger (or one trigger-less delegation sentence) read with its arguments."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from tasks.nlp.dates import WEEKDAY_NAMES, clause_tense, future_context
from tasks.nlp.events.delegations import delegation_sides, give_sides, listed_with, seat_people
from tasks.nlp.events.document import Arg, DateArg
from tasks.nlp.events.lexicon import Lexicon, side_country
from tasks.nlp.events.outcomes import find_outcomes
from tasks.nlp.events.place import find_place, header, place_arrived_before, place_named_before, speakers_country
from tasks.nlp.events.roles import meeting_owner, title_actor
from tasks.nlp.events.rounds import round_of
from tasks.nlp.events.sides import co_subject, find_sides, in_one_list, side_code, side_noun
from tasks.nlp.events.status import (
    date_fits,
    dates_the_saying,
    days_of_talks,
    held_before,
    not_begun,
    shift_dates,
    speech_day,
    status_from_date,
    status_markers,
    trigger_status,
    usable_dates,
)
from tasks.nlp.events.triggers import Trigger, distance, distance_from, nearest
from tasks.nlp.events.words import WORD_RX, member, with_conj
from tasks.nlp.settings import NLP
from tasks.nlp.text.charsets import strip_conj
from tasks.nlp.text.document import Document, sentences_holding
from tasks.nlp.text.normalize import norm_token
from tasks.nlp.yaml_resources import words

# what was agreed "at"/«في ختام» the talks may stand before them in the sentence
AT_TALKS = frozenset(words("function_words.yaml")["at_talks"])


@dataclass(slots=True)
class EventMention:
    """One trigger (or delegation phrase) as read in its sentence."""

    sent: int
    pos: int
    trig: Trigger | None
    lo: int  # the stretch of the sentence this mention owns
    hi: int
    weak: bool = False
    parties: set[str] = field(default_factory=set)
    hosts: set[str] = field(default_factory=set)
    by_name: set[str] = field(default_factory=set)
    place: Arg | None = None
    date: DateArg | None = None
    status: str | None = None
    strength: float = 0.0
    round_no: int | None = None
    count: int = 0
    outcomes: list[str] = field(default_factory=list)
    people: list[Arg] = field(default_factory=list)  # candidates for the table
    background: bool = False
    trilateral: bool = False
    future: bool = False  # the clause speaks of the future (for the default status)
    sequel: bool = False  # «الجولة المقبلة», "the next meeting": follows an earlier meeting
    earlier: bool = False  # «الاجتماع السابق», "the previous meeting": one before the meeting reported
    both_sides: bool = False  # «وفدا البلدين», "both delegations": the sides of an earlier meeting
    generic: bool = False  # "several rounds", «أي محادثات»: habitual or hypothetical, not one meeting
    domestic: bool = False  # «اجتماع مجلس الوزراء», "the cabinet meeting": a government's own sitting
    travel_only: bool = False  # "Rubio will travel to Jeddah": only a closer place for a placed meeting
    past: bool = False  # a delegation sentence not told in the future («جلس حولها من الجانب الأميركي ...»)
    agreed: bool = False  # «اتفق لبنان وسوريا ... خلال اجتماع»: the meeting an agreement was reached at
    joining: bool = False  # «ويشارك في الاجتماعات ...»: who takes part in a meeting already reported
    round_dates: list[DateArg] = field(default_factory=list)
    round_places: list[Arg] = field(default_factory=list)  # «جولتين في موسكو وفيينا», one each
    # the day a held meeting is told of («أعلنت ... اليوم أنها أجرت محادثات»): its date when nothing
    # else dates it, but no anchor to found or part meetings with
    said_day: DateArg | None = None

    @property
    def definite(self) -> bool:
        return self.weak or bool(self.trig and self.trig.definite)

    @property
    def lemma(self) -> str:
        return self.trig.lemma if self.trig else ""


def located_places(doc: Document, s: int, e: int) -> set[str]:
    """Cities and venues named after a locative in [s, e) («في روما», "in Muscat"): where things happen,
    not capitals standing for their governments («بين موسكو وكييف»)."""
    return {
        a.key
        for a in doc.args_in(s, e)
        if a.loc_kind in ("city", "venue")
        and (
            doc.words_before(a.start, 1, floor=s)[-1:] in (["في"], ["in"], ["at"]) or doc.clitic(a.start).endswith("ب")
        )
    }


def places_in_turn(doc: Document, start: int, e: int) -> list[Arg]:
    """ "The first two rounds took place in Moscow in January and Vienna in February", «جولتين في موسكو ثم
    في فيينا»: the cities or venues after a counted trigger, in order, the first after a locative and each
    next one after a locative or «و»/"and"/«ثم»."""
    out: list[Arg] = []
    for a in doc.args_in(start, e):
        if a.kind != "location" or a.loc_kind not in ("city", "venue"):
            continue
        prev = doc.words_before(a.start, 1, floor=start)[-1:]
        located = prev in (["في"], ["in"], ["at"]) or doc.clitic(a.start).endswith("ب")
        joined = bool(out) and (prev in (["and"], ["ثم"]) or doc.clitic(a.start).startswith("و"))
        if located or joined:
            out.append(a)
    return out


def listed_sides(doc: Document, start: int, end: int) -> list[Arg]:
    """The states and movements listed from `start` on (after at most three other words): one list,
    its members joined by «و», commas or "and"."""
    out: list[Arg] = []
    for a in doc.args_in(start, end):
        if a.kind not in ("location", "nat", "org") or not a.cc or (a.kind == "location" and a.loc_kind != "country"):
            if out:
                break
            continue
        gap = doc.gap_text(out[-1].end if out else start, a.start)
        words = [w for w in gap.replace("،", " ").replace(",", " ").split() if w not in ("و", "and")]
        if (out and words) or len(words) > 3:
            break
        out.append(a)
    return out


@dataclass(slots=True)
class Sentence:
    """One sentence being read: its triggers and what each trigger owns (every argument, date,
    seated person, listed side and status marker goes to its nearest trigger)."""

    doc: Document
    lex: Lexicon
    si: int
    s: int
    e: int
    trigs: list[Trigger]
    pub: date | None
    owned: dict[int, list[tuple[Arg, float]]]
    dated: dict[int, list[tuple[DateArg, float]]]
    joined: dict[int, list[Arg]]  # people seated by a participation cue
    listed: dict[int, list[Arg]]  # states listed after «بمشاركة»
    marked: dict[int, list[tuple[str, int, float]]]
    head_place: Arg | None
    head_date: DateArg | None
    headed: list[EventMention] = field(default_factory=list)  # mentions placed by the line's header


def assign(doc: Document, lex: Lexicon, si: int, trigs: list[Trigger], pub: date | None) -> Sentence:
    """Give every argument, date, seated person, listed side and marker of the sentence to its trigger."""
    s, e = doc.sents[si]
    n = range(len(trigs))
    owned: dict[int, list[tuple[Arg, float]]] = {i: [] for i in n}
    dated: dict[int, list[tuple[DateArg, float]]] = {i: [] for i in n}
    if len(trigs) == 1:  # most sentences: everything is the one trigger's, only the distances to find
        t0 = trigs[0]
        owned[0] = [(a, distance_from(doc, t0, a.start, a.end, 0)) for a in doc.args_in(s, e)]
        dated[0] = [(dt, distance_from(doc, t0, dt.start, dt.end, 0)) for dt in doc.dates_in(s, e)]
    else:
        for a in doc.args_in(s, e):
            i, d = nearest(doc, trigs, a.start, a.end)
            owned[i].append((a, d))
        for dt in doc.dates_in(s, e):
            i, d = nearest(doc, trigs, dt.start, dt.end)
            dated[i].append((dt, d))
    # «بحضور وزير الخارجية ...», "joined by Rubio and Witkoff": people seated by a participation cue
    # join the trigger the cue belongs to, however far they stand
    joined: dict[int, list[Arg]] = {i: [] for i in n}
    cues = [m.span("core") for m in doc.finditer(lex.participation_rx, s, e)]
    for a in seat_people(doc, lex, s, e, cues) if cues else []:
        cs, ce = min(cues, key=lambda c: min(abs(c[0] - a.end), abs(a.start - c[1])))
        joined[nearest(doc, trigs, cs, ce)[0]].append(a)
    if seated := [a for v in joined.values() for a in v]:
        give_sides(seated, delegation_sides(doc, lex, s, e))  # no one seated: no side to give
    # «بمشاركة الدول الضامنة تركيا وروسيا وإيران»: the states listed after the cue sit at the table
    listed: dict[int, list[Arg]] = {i: [] for i in n}
    for m in doc.finditer(lex.sides_cue_rx, s, e):
        cs, ce = m.span("core")
        listed[nearest(doc, trigs, cs, ce)[0]] += listed_sides(doc, ce, e)
    # a negotiator reporting from the talks («بحسب ما أعلن رئيس الوفد الروسي ...») sat at them
    for a in doc.args_in(s, e):
        if a.kind == "person" and a.announcer and a.negotiator and not a.modifier:
            joined[nearest(doc, trigs, a.start, a.end)[0]].append(a)
    marked: dict[int, list[tuple[str, int, float]]] = {i: [] for i in n}
    for st, ms, me in status_markers(doc, lex, s, e):
        i, _ = nearest(doc, trigs, ms, me)
        marked[i].append((st, ms, float(distance(doc, trigs[i], ms, me))))
    head_place, head_date = header(doc, s, e)  # "Istanbul, February 27: ..."
    return Sentence(doc, lex, si, s, e, trigs, pub, owned, dated, joined, listed, marked, head_place, head_date)


def _near(sn: Sentence, i: int) -> list[tuple[Arg, float]]:
    return [(a, d) for a, d in sn.owned[i] if d <= NLP.max_arg_dist]


# ---------------------------------------------------------------- the steps, in order


def read_context(sn: Sentence, em: EventMention, i: int, t: Trigger) -> None:
    em.background = is_background(sn.doc, sn.lex, t, em.lo, em.hi)
    em.future = future_context(sn.doc.nt, t.start, t.end)


def read_place(sn: Sentence, em: EventMention, i: int, t: Trigger) -> None:
    doc = sn.doc
    em.place = find_place(doc, sn.lex, t, sn.owned[i], sn.s, sn.e)
    if em.place is None and sn.head_place is not None and not em.background:
        sn.headed.append(em)
    em.place = (
        em.place
        or sn.head_place
        or place_named_before(doc, sn.lex, t, em.hi)
        or speakers_country(doc, sn.lex, t, em.hi)
    )
    if em.place is not None:
        doc.meeting_places.append(em.place)


def joint_body(doc: Document, lex: Lexicon, t: Trigger, e: int) -> bool:
    """The trigger's meeting is a joint body's: a word of "joint" within the four words after an Arabic
    trigger («اجتماعات الآلية المشتركة») or the two before an English one ("the joint committee's meeting")."""
    if t.english:
        return not lex.joint_words.isdisjoint(w.lower() for w in doc.words_before(t.start, 3))
    return not lex.joint_words.isdisjoint(doc.words_after(t.core_end, 4, ceil=e))


def read_sides(sn: Sentence, em: EventMention, i: int, t: Trigger) -> None:
    near = _near(sn, i)
    # a delegation subject may open a long clause: "American and Russian diplomats spent six hours at
    # the residence of the US consul general discussing ...", "Ethiopia's government and rival Tigray
    # forces said on Wednesday that they accepted the AU's invitation to talks" (a movement joined to a side)
    subject = [
        (a, d)
        for a, d in sn.owned[i]
        if a.end <= t.start
        and NLP.max_arg_dist < d <= 16
        and (a.kind == "nat" or (a.kind == "org" and a.key in sn.lex.actor_sides and co_subject(sn.doc, sn.lex, a)))
    ]
    joined_near = [(a, 0.0) for a in sn.joined[i] + sn.listed[i] if all(a is not b for b, _ in near)]
    sides = find_sides(sn.doc, sn.lex, t, subject + near + joined_near, em.place, sn.s)
    em.parties, em.hosts, em.by_name = sides.parties, sides.hosts, sides.by_name
    states = {p for p in em.parties if not p.startswith("org:")}
    if len(states) >= 2 and states == em.parties and joint_body(sn.doc, sn.lex, t, sn.e):
        # «استضافت ستوكهولم ثاني اجتماعات الآلية المشتركة ... مع تركيا وفنلندا»: a member hosts its states'
        # joint body (not the joint commission of one country's rival sides, which a third country hosts)
        hosts = set(em.hosts)
        if (
            em.place is not None
            and em.place.cc
            and any(member(w, sn.lex.host) for w in sn.doc.words_before(em.place.start, 3, floor=sn.s))
        ):
            hosts.add(em.place.cc)
        em.parties = em.parties | hosts
        em.by_name = em.by_name | hosts
    if len(em.parties) < 2 and (agreed := agreement_subjects(sn.doc, sn.lex, t, sn.s)):
        em.parties |= agreed
        em.by_name |= agreed
        em.agreed = True


def agreement_subjects(doc: Document, lex: Lexicon, t: Trigger, s: int) -> set[str]:
    """«اتفق لبنان وسوريا على تشكيل لجنتين ... خلال اجتماع رسمي في بيروت», "Lebanon and Syria agreed on ...
    during a meeting in Beirut": the list of two or more sides right after (Arabic) or before (English) a
    verb of agreeing that opens the sentence, when the trigger stands after «خلال», "during"."""
    if not any(w in lex.agree_during for w in doc.words_before(t.start, 2, floor=s)):
        return set()
    first = doc.words_after(s, 4)
    k = next((n for n, w in enumerate(first) if strip_conj(w) in lex.agree_verbs), None)
    if k is None:
        return set()
    args = [a for a in doc.args_in(s, t.start) if a.kind in ("location", "nat", "org") and side_code(lex, a)]
    if t.english:
        verb_at = doc.nt.index(first[k], s)
        listed = [a for a in args if a.end <= verb_at]
        if not listed or doc.free(listed[-1].end, verb_at) > 0:
            return set()
    else:
        listed = [a for a in args if a.start >= s]
        if not listed or k > 1 or doc.free(s, listed[0].start) > k + 1:
            return set()
    # the list goes on from the verb: forward after it (Arabic), backward before it (English)
    order = listed[::-1] if t.english else listed
    run = [order[0]]
    for a in order[1:]:
        if not (in_one_list(doc, a, run[-1]) if t.english else in_one_list(doc, run[-1], a)):
            break
        run.append(a)
    codes = {side_code(lex, a) for a in run}
    return codes if len(codes) >= 2 else set()


def read_travel_place(sn: Sentence, em: EventMention, i: int, t: Trigger) -> None:
    if em.place is None and len(em.parties) != 1:
        em.place = place_arrived_before(sn.doc, sn.lex, t, em.parties)  # «وصلوا إلى الخرطوم. وبدأت المحادثات»


def read_people(sn: Sentence, em: EventMention, i: int, t: Trigger) -> None:
    em.people = [a for a, _ in _near(sn, i) if a.kind == "person" and not a.modifier]
    if em.people:
        # a list a near name opens goes on however far («ووقع ... البرهان ... وقائد قوات الدعم السريع ...»)
        people = [a for a, _ in sn.owned[i] if a.kind == "person" and not a.modifier]
        em.people = listed_with(sn.doc, sn.lex, em.people, sorted(people, key=lambda a: a.start), [])
    em.people += [a for a in sn.joined[i] if a not in em.people]
    if em.people and (away := sn.doc.search(sn.lex.absence_rx, sn.s, sn.e)) is not None:
        # «وتغيب عن الجلسة ... فؤاد السنيورة والوزير محمد الصفدي»: those named after it stayed away
        em.people = [p for p in em.people if p.start < away.start()]
    for p in em.people:
        if t.kind == "sign" and not (p.commentator or p.announcer):
            p.seated = True  # «ووقع على الاتفاق X وY»: the signatories sat at the table
        if (actor := title_actor(sn.doc, sn.lex, p, sn.s)) is not None and not any(
            side_country(sn.lex.actor_sides, x) == sn.lex.actor_sides[actor.key] for x in em.parties
        ):
            # «وقائد قوات الدعم السريع ... دقلو» at the table: the RSF is a side; not beside its own
            # country's side already there («الجانب الفلسطيني ... عضو اللجنة المركزية لحركة فتح»)
            em.parties.add(actor.key)
    if (owner := meeting_owner(sn.doc, sn.lex, t, sn.s, sn.e)) is not None:
        owner.seated = True  # "his planned summit", «المحادثات التي أجراها»
        em.people += [] if owner in em.people else [owner]
        em.parties |= {owner.cc} if owner.cc and not owner.host else set()


def read_joining(sn: Sentence, em: EventMention, i: int, t: Trigger) -> None:
    """«ويشارك في الاجتماعات نائب وزير الخارجية السوري ...», "taking part in the talks are ...": a verb of
    taking part right before a definite trigger names more of the table of a meeting already reported
    (not observers: «وفود الدول المراقبة»)."""
    doc, lex = sn.doc, sn.lex
    if not t.definite or t.kind in ("verb", "sign"):
        return
    lo = max(sn.s, t.start - 24)  # a few words before the trigger, on its line
    if doc.search(lex.participation_rx, lo, t.start) is None or doc.nt.find("\n", lo, t.start) >= 0:
        return
    em.joining = with_conj(lex.observer_words).isdisjoint(doc.words_after(t.end, 8, ceil=sn.e))


def read_format(sn: Sentence, em: EventMention, i: int, t: Trigger) -> None:
    doc, lex, s, e = sn.doc, sn.lex, sn.s, sn.e
    em.trilateral = not with_conj(lex.trilateral).isdisjoint(
        doc.words_after(t.end, 2, ceil=e) + doc.words_before(t.start, 2, floor=s)
    )
    em.round_no, em.count = round_of(doc, lex, t, s, e)
    if em.count >= 2 and len(located_places(doc, s, e)) > 1:
        em.place = None  # "three rounds, one in Rome, the other two in Muscat": no one place for each
    if em.count >= 2:
        em.round_places = places_in_turn(doc, t.end, e)
    beside = doc.words_after(t.core_end, 1, ceil=e) + doc.words_before(t.start, 2, floor=s)
    em.sequel = bool(em.round_no and em.round_no > 1) or not with_conj(lex.sequel).isdisjoint(beside)
    near = doc.words_before(t.start, 1, floor=s) if t.english else doc.words_after(t.core_end, 1, ceil=e)
    em.earlier = bool(near) and near[0] in lex.adjacent_earlier
    em.generic = is_generic(doc, lex, t, s)
    em.domestic = domestic_sitting(doc, lex, t)
    em.both_sides = doc.search(lex.both_sides_rx, em.lo, em.hi) is not None


def read_status(sn: Sentence, em: EventMention, i: int, t: Trigger) -> None:
    doc, lex = sn.doc, sn.lex
    marks = sn.marked[i]
    if prog := doc.search(lex.progressive_rx, em.lo, em.hi):
        # «استمرت المحادثات لليوم الثالث», "talks continued for a third day": still going on
        marks = [m for m in marks if not (m[0] == "held" and continuation(doc, lex, m[1]))]
        marks.append(("ongoing", prog.start("core"), float(distance(doc, t, *prog.span("core")))))
    sn.marked[i] = marks
    em.status, em.strength = trigger_status(doc, lex, t, marks, sn.s)
    if em.agreed and em.status in (None, "proposed"):
        em.status, em.strength = "held", max(em.strength, 1)  # an agreement reached at it: the meeting was held


def read_date(sn: Sentence, em: EventMention, i: int, t: Trigger) -> None:
    doc, lex, s = sn.doc, sn.lex, sn.s
    saying = {id(dt) for dt, _ in sn.dated[i] if dates_the_saying(doc, lex, dt, t.start, s)}
    dated = [(dt, d) for dt, d in sn.dated[i] if id(dt) not in saying]
    usable = [] if em.background else usable_dates(doc, lex, dated, s)
    held_verb = any(st == "held" for st, _, _ in sn.marked[i])
    if not usable and not em.background and (len(sn.trigs) == 1 or (i == 0 and held_verb)):
        # the one meeting of a sentence takes its one date, however long the sentence ("delegations agreed
        # on Monday to exchange all severely wounded prisoners ..., at a second round of talks"), and the
        # first, told by a verb of holding, one before it («وعقد الثلاثاء الماضي في مقر ... اجتماع ... قبل
        # توقيع»); the dates within reach were all refused just above, so only those beyond are tried again
        beyond = [(dt, d) for dt, d in dated if d > NLP.max_date_dist and (len(sn.trigs) == 1 or dt.end <= t.start)]
        usable = usable_dates(doc, lex, beyond, s, reach=float("inf")) if beyond else []
    em.date = usable[0] if usable else None
    if em.date is None and not em.background and held_before(doc, lex, t, s):
        em.date = speech_day(doc, lex, sn.dated[i], t, s)
    if (
        em.date is None
        and not em.background
        and any(st == "held" and ms < t.start and d <= 1 for st, ms, d in sn.marked[i])
    ):
        # «أعلنت الولايات المتحدة، اليوم الأربعاء، أنها أجرت محادثات مع روسيا», "said on Monday it had held
        # talks": talks a verb of holding reports as news are held on the day they are told of (today, a
        # weekday this week), when nothing else dates them (finish); not "said Wednesday, after talks in Kuala Lumpur"
        said = speech_day(doc, lex, sn.dated[i], t, s) or next(
            (dt for dt, _ in sn.dated[i] if dt.dm.precision == "day" and id(dt) in saying), None
        )  # «وقال البلدان في بيانين منفصلين، أمس الأربعاء، إن اللجنة عقدت اجتماعها الثاني»
        em.said_day = said if said is not None and said.dm.relative else None
    if em.date and em.date.dm.precision == "day" and (days := days_of_talks(doc, lex, t, s)) > 1:
        # "wrapped up two days of talks on Monday": they began on Sunday
        first = em.date.dm.end_date - timedelta(days=days - 1)
        em.date = DateArg(em.date.start, em.date.end, replace(em.date.dm, start_date=first))
    em.round_dates = sorted(usable, key=lambda d: d.start)  # «جولتين في 16 مايو و2 يونيو»


def next_weekday(d: DateArg, pub: date) -> DateArg | None:
    """ "will be held on Sunday" published on a Saturday: a bare weekday read as the past one is, in a
    meeting still to come, the next one."""
    dm = d.dm
    past = (pub - dm.start_date).days
    said = {norm_token(w).lower() for w in WORD_RX.findall(dm.surface)}
    if not dm.relative or dm.precision != "day" or not 1 <= past <= 6 or not said & WEEKDAY_NAMES:
        return None
    return DateArg(
        d.start,
        d.end,
        replace(dm, start_date=dm.start_date + timedelta(days=7), end_date=dm.end_date + timedelta(days=7)),
    )


def read_date_status(sn: Sentence, em: EventMention, i: int, t: Trigger) -> None:
    pub = sn.pub
    if em.date and pub and not_begun(em.status, em.date.dm, pub):
        em.status = "planned"
    if em.date and pub and not date_fits(em.date.dm, em.status if em.strength >= 2 else None, pub):
        # «الجولة الأخيرة» is not next weekend's; "will be held on Sunday" is the coming Sunday
        em.date = next_weekday(em.date, pub) if em.status == "planned" else None
    if em.date and pub and em.strength < 2:
        st = status_from_date(em.date.dm, pub)
        if (
            st == "ongoing"
            and not any(m[0] == "ongoing" for m in sn.marked[i])
            and outcome_reported(sn.doc, sn.lex, em)
        ):
            st = "held"  # "agreed on Monday to exchange prisoners at a second round of talks"
        if st and (em.status is None or em.strength < 1.5):
            em.status, em.strength = st, 1.5


def read_outcomes(sn: Sentence, em: EventMention, i: int, t: Trigger) -> None:
    doc = sn.doc
    # "agreed on Monday to exchange prisoners, at a second round of talks": what was agreed *at* the
    # talks may stand before them
    at_talks = any(w in AT_TALKS or member(w, AT_TALKS) for w in doc.words_before(t.start, 4, floor=em.lo))
    # a joint statement issued anywhere in the meeting's clause is its own («وفي بيان مشترك صدر بعد الاجتماع»)
    em.outcomes = find_outcomes(doc, sn.lex, em.lo if at_talks else t.start, em.hi, documents_from=em.lo)


Step = Callable[[Sentence, EventMention, int, Trigger], None]

# How one trigger is read, step by step; each step may use what the steps before it found.
STEPS: tuple[tuple[str, Step, str], ...] = (
    ("context", read_context, "background («المحادثات التي انهارت») and future clause"),
    ("place", read_place, "locative, construct, header or the place named just before"),
    ("sides", read_sides, "the sides and hosts, from the trigger's arguments, seated people and listed states"),
    ("travel place", read_travel_place, "no place yet: the city the sides travelled to in the paragraph"),
    ("people", read_people, "who sits at the table: near names, seated names, the meeting's owner"),
    ("joining", read_joining, "«ويشارك في الاجتماعات ...»: more of the table of a meeting already reported"),
    ("format", read_format, "trilateral, round number or count, sequel, generic, «وفدا البلدين»"),
    ("status", read_status, "the nearest status marker; «استمرت ... لليوم الثالث» is ongoing"),
    ("date", read_date, "a date that can date the meeting, the saying day, multi-day talks"),
    ("date and status", read_date_status, "a date that does not fit the status goes; a date gives a weak status"),
    ("outcomes", read_outcomes, "what the talks produced, before them when agreed *at* them; statements issued"),
)


def read_sentence(doc: Document, lex: Lexicon, si: int, trigs: list[Trigger], pub: date | None) -> list[EventMention]:
    """Every trigger of sentence `si` read as an event mention, by the STEPS in order."""
    sn = assign(doc, lex, si, trigs, pub)
    ems = []
    for i, t in enumerate(trigs):
        lo = trigs[i - 1].end if i else sn.s
        hi = trigs[i + 1].start if i + 1 < len(trigs) else sn.e
        ems.append(EventMention(si, t.start, t, lo, hi))
    for i, em in enumerate(ems):
        assert em.trig is not None
        for _, step, _ in STEPS:
            step(sn, em, i, em.trig)
    shift_dates(doc, lex, ems)
    ems = verb_in_round(doc, lex, ems)
    same_format(ems)
    for em in sn.headed:
        em.date = em.date or sn.head_date  # the line's date, unless "a day after" said otherwise
    return [em for em in ems if em.trig is not None and em.trig.kind != "remote"]


def verb_in_round(doc: Document, lex: Lexicon, ems: list[EventMention]) -> list[EventMention]:
    """«التقى فرقاء جنوب السودان ... اليوم الاثنين في جولة مباحثات جديدة بالخرطوم», "the two sides met on
    Monday in a new round of talks in Geneva": the round the meeting verb is held in is that meeting, so
    what either trigger holds (sides, place, date, people) is one mention's."""
    out: list[EventMention] = []
    for em in ems:
        prev = out[-1] if out else None
        if prev is not None and held_in(doc, lex, prev, em):
            prev.parties |= em.parties
            prev.hosts |= em.hosts
            prev.by_name |= em.by_name
            prev.place = prev.place or em.place
            prev.date = prev.date or em.date
            prev.round_no = prev.round_no if prev.round_no is not None else em.round_no
            prev.people += [p for p in em.people if p not in prev.people]
            prev.outcomes += [o for o in em.outcomes if o not in prev.outcomes]
            if prev.status is None:
                prev.status, prev.strength = em.status, em.strength
            prev.hi = em.hi
            continue
        out.append(em)
    return out


def held_in(doc: Document, lex: Lexicon, verb: EventMention, em: EventMention) -> bool:
    """`em`'s trigger is an indefinite round, talks or meeting the meeting verb before it is held in
    («في جولة», "in a round"), with no clause break between them."""
    v, t = verb.trig, em.trig
    if v is None or t is None or v.kind != "verb" or t.kind not in ("round", "talks", "meeting") or t.definite:
        return False
    between = [w.strip("،,.:;()-") for w in doc.nt[v.end : t.start].split()]
    while between and between[-1] in _ROUND_ADJ_EN:
        between.pop()  # "in a new round"
    return between[-1:] in (["في"], ["in"]) and not any(w in lex.clause_breaks for w in between)


_ROUND_ADJ_EN = frozenset(("a", "an", "new", "fresh", "another", "further"))


def same_format(ems: list[EventMention]) -> None:
    """«طلب تأجيل الاجتماع الثلاثي ...، وتقرر تأجيل الاجتماع الذي كان مقرراً أن تستضيفه الخرطوم»: a
    meeting named again in the sentence of a three-way one, with no sides of its own, is that meeting."""
    kinds = {em.trig.kind for em in ems if em.trilateral and em.trig is not None}
    for em in ems:
        if not em.trilateral and em.trig is not None and em.trig.kind in kinds and not em.parties:
            em.trilateral = True


def continuation(doc: Document, lex: Lexicon, pos: int) -> bool:
    """The marker at `pos` is a verb of lasting («استمرت», "continued"), held or ongoing by its complement."""
    m = WORD_RX.match(doc.nt, pos)
    return m is not None and member(m.group(), lex.continuation)


def outcome_reported(doc: Document, lex: Lexicon, em: EventMention) -> bool:
    """A past result verb in the mention's clause («اتفق الطرفان», "agreed"), not hedged just before it."""
    for m in doc.finditer(lex.outcome_past_rx, em.lo, em.hi):
        if not any(member(w, lex.hedges) for w in doc.words_before(m.start(), 2, floor=em.lo)):
            return True
    return False


def is_generic(doc: Document, lex: Lexicon, t: Trigger, floor: int) -> bool:
    """Habit or hypothesis just before the trigger: "several rounds", «أي محادثات», "too early to talk
    about a summit"."""
    if not with_conj(lex.generic).isdisjoint(doc.words_before(t.start, 6, floor=floor)):
        return True
    i = max(doc.tok_index(t.start) - 6, 0)
    window_start = max(doc.tokens[i][0], floor) if doc.tokens else floor
    return doc.search(lex.generic_phrases, window_start, t.start) is not None


def domestic_sitting(doc: Document, lex: Lexicon, t: Trigger) -> bool:
    """«بعد اجتماع مجلس الحكومة», "the cabinet meeting", "a meeting of the cabinet": a government's own
    sitting, right before or after the trigger, is no negotiation."""
    if lex.domestic_rx.match(doc.nt[t.end : t.end + 40].lstrip(" ").removeprefix("of ")):
        return True
    before = doc.words_before(t.start, 1)
    return bool(before) and lex.domestic_rx.fullmatch(before[-1]) is not None


def is_background(doc: Document, lex: Lexicon, t: Trigger, lo: int, hi: int) -> bool:
    """History or hypothesis around the trigger («ضمت روسيا القرم», "broader peace talks"): a cue in the
    trigger's stretch of the sentence, near it (a cue far off in a long sentence is another clause).
    "the first talks since the invasion" only dates the talks against history: not background."""
    return any(
        distance(doc, t, m.start(), m.end()) <= 8
        and not any(member(w, lex.background_openers) for w in doc.words_before(m.start(), 2, floor=lo))
        and not time_since(doc, lex, m.start(), lo)
        for m in doc.finditer(lex.background_rx, lo, hi)
    )


def time_since(doc: Document, lex: Lexicon, pos: int, floor: int) -> bool:
    """«بعد 18 سنة من اندلاع الحرب», "after 20 years of war": time elapsed since the history at `pos`."""
    before = doc.words_before(pos, 2, floor=floor)
    return len(before) == 2 and before[1] in ("من", "of", "since") and before[0] in lex.elapsed


def weak_sentences(doc: Document, lex: Lexicon) -> set[int]:
    """The sentences `weak_mention` may read something in (a superset): those where a participation,
    weak-anaphora, travel or result word or an issued document («بيان مشترك») can start, or holding a
    nationality (a delegation side)."""
    documents = [rx for rx, _ in lex.document_rx]
    cues = (lex.participation_rx, lex.weak_rx, lex.travel_rx, lex.result_rx, lex.declaration_rx, *documents)
    out = sentences_holding(doc, cues)
    out.update(doc.sentence_of(a.start) for a in doc.args if a.kind == "nat")
    return out


def weak_mention(doc: Document, lex: Lexicon, si: int) -> EventMention | None:
    """A trigger-less sentence about the current meeting: its sides («الوفد الروسي», «الطرفان»),
    who took part («بحضور», "joined by") and what came of it. It never founds a meeting."""
    s, e = doc.sents[si]
    part = [m.span("core") for m in doc.finditer(lex.participation_rx, s, e)]
    cues = [m.span("core") for m in doc.finditer(lex.weak_rx, s, e)] + part
    sides: set[str] = set()
    side_spans: list[tuple[int, int]] = []
    nats = [a for a in doc.args_in(s, e) if a.kind == "nat"]
    for k, a in enumerate(nats):
        prev = doc.words_before(a.start, 1, floor=s)
        ahead = doc.words_after(a.end, 1, ceil=e)
        chained = k > 0 and in_one_list(doc, nats[k - 1], a) and (nats[k - 1].cc or "") in sides
        if (
            chained
            or (prev and side_noun(lex, prev[-1]))
            or (ahead and ahead[0] in lex.side_nouns and ahead[0].isascii())
        ):
            sides.add(a.cc or "")
            side_spans.append((a.start, a.end))
    sides.discard("")
    anchors = sorted(cues + side_spans)
    if not anchors:
        return travel_mention(doc, lex, si) or outcome_mention(doc, lex, si)
    anchor = anchors[0][0]
    em = EventMention(si, anchor, None, s, e, weak=True)
    em.parties = sides
    em.past = clause_tense(doc.nt, anchor, anchors[0][1]) is not True
    # the people a participation cue seats («يضم الوفد الروسي ... ديميترييف», "led by X, joined by Y"),
    # people right around a delegation word, and negotiators who report
    em.people = seat_people(doc, lex, s, e, part) if part else []
    for a in doc.args_in(s, e):
        if a.kind != "person" or a.modifier or a in em.people:
            continue
        close = any(
            (a.start >= ce and doc.free(ce, a.start) <= 6) or (a.end <= cs and doc.free(a.end, cs) <= 3)
            for cs, ce in anchors
        )
        if close or (a.announcer and a.negotiator):
            em.people.append(a)
    if em.people:
        give_sides(em.people, delegation_sides(doc, lex, s, e))
    marks = status_markers(doc, lex, s, e)
    if marks:
        st, _, _ = min(marks, key=lambda x: abs(x[1] - anchor))
        em.status, em.strength = st, 2.0
    pseudo = Trigger(
        anchors[0][0],
        anchors[0][1],
        anchors[0][1],
        "weak",
        "",
        "",
        True,
        False,
        None,
        doc.nt[anchor : anchor + 1].isascii(),
    )
    near = [(a, 0.0) for a in doc.args_in(s, e) if a.kind == "location"]
    em.place = find_place(doc, lex, pseudo, near, s, e)
    em.outcomes = find_outcomes(doc, lex, s, e)
    return em


def travel_mention(doc: Document, lex: Lexicon, si: int) -> EventMention | None:
    """ "Rubio said he would travel to Jeddah", «يتوجه ويتكوف إلى موسكو»: a city a negotiator travels to,
    which can only make the place of a meeting already placed in that country (or region) more precise."""
    s, e = doc.sents[si]
    m = doc.search(lex.travel_rx, s, e)
    if m is None:
        return None
    cs, ce = m.span("core")
    pseudo = Trigger(cs, ce, ce, "weak", "", "", True, False, None, doc.nt[cs : cs + 1].isascii())
    near = [(a, 0.0) for a in doc.args_in(ce, e) if a.kind == "location"]
    place = find_place(doc, lex, pseudo, near, s, e)
    if place is None or place.loc_kind not in ("city", "venue"):
        return None
    em = EventMention(si, cs, None, s, e, weak=True, travel_only=True)
    em.place = place
    return em


def outcome_mention(doc: Document, lex: Lexicon, si: int) -> EventMention | None:
    """ "Russia and Ukraine agreed to swap 1,000 prisoners each.", «وتمخض عن اللقاء اتفاق على وقف إطلاق
    النار»: a sentence with no trigger that says what talks produced belongs to the meeting just reported
    (a weak mention: it refers back, within a few sentences, and founds nothing)."""
    s, e = doc.sents[si]
    outcomes = find_outcomes(doc, lex, s, e)
    if not outcomes:
        return None
    em = EventMention(si, s, None, s, e, weak=True)
    em.outcomes = outcomes
    return em


def guests_by_pronoun(ems: list[EventMention], lex: Lexicon) -> None:
    """«غادر رئيس الحكومة اللبنانية ... إلى دمشق. ومن المقرر أن يستقبله الرئيس السوري»: a verb of receiving
    whose object is a pronoun, with one side of its own, receives the side one of the two sentences before
    named (a visit, a journey, a delegation); that side is the guest at the table."""
    for k, em in enumerate(ems):
        t = em.trig
        if t is None or not t.suffix or len(em.parties) != 1 or norm_token(t.surface) not in lex.receive_verbs_ar:
            continue
        before = [x for x in ems[:k] if em.sent - 2 <= x.sent < em.sent and x.parties and not x.parties & em.parties]
        if before and len(before[-1].parties) == 1:
            em.parties |= before[-1].parties
