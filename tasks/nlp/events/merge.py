"""Mentions grouped into meetings: which mention founds a meeting, which refers back to one."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import timedelta

from tasks.nlp.events.document import Arg, DateArg
from tasks.nlp.events.lexicon import enough_sides, lexicon, side_country
from tasks.nlp.events.mentions import EventMention
from tasks.nlp.events.place import place_compatible, place_rank, same_place_as
from tasks.nlp.events.status import best_status, conflict
from tasks.nlp.settings import NLP


@dataclass(slots=True)
class Meeting:
    ems: list[EventMention]
    parties: set[str]
    hosts: set[str]
    place: Arg | None
    date: DateArg | None
    round_no: int | None
    votes: list[tuple[float, int, str]]  # (strength, position, status)
    lemmas: set[str]
    first: int
    last: int
    last_sent: int
    people: list[Arg]
    outcomes: list[str]
    trilateral: bool
    trigger: str
    future: bool
    by_name: set[str] = field(default_factory=set)
    sequel: bool = False
    both_sides: bool = False
    history: bool = False  # founded by a background mention («مفاوضات إسطنبول في ربيع 2022 التي انهارت»)

    @property
    def status(self) -> str | None:
        return best_status(self.votes)


def table_keys(people: list[Arg]) -> set[str]:
    """The people a mention puts at the table (not possessors, commentators, or mere reporters)."""
    return {p.key for p in people if not p.modifier and (p.seated or not (p.commentator or p.announcer))}


def dates_close(a: DateArg, b: DateArg) -> bool:
    slack = timedelta(days=NLP.merge_days)
    return a.dm.start_date - slack <= b.dm.end_date and b.dm.start_date - slack <= a.dm.end_date


def next_round(em: EventMention, mt: Meeting) -> bool:
    """«سيتم تحديد مكان الاجتماع الثاني وموعده لاحقا» after the first meeting was reported: a numbered
    meeting told in the future is a later one, not the unnumbered meeting already held or under way."""
    return (
        em.round_no is not None
        and em.round_no > 1
        and mt.round_no is None
        and (em.future or em.status == "planned")
        and mt.status in ("held", "ongoing", "started")
    )


def reported_now(mt: Meeting) -> bool:
    """The meeting is told as under way or to come (started, ongoing, planned), never as held."""
    states = {st for _, _, st in mt.votes}
    return bool(states) and "held" not in states and bool(states & {"started", "ongoing", "planned"})


def merge_score(mt: Meeting, em: EventMention) -> float | None:
    if mt.history != em.background:
        return None  # talks of years ago and this week's are two meetings
    em_status = em.status if em.strength >= 2 else None
    # no firm status conflicts with nothing: the meeting's own status is not worked out then
    if (em_status and conflict(mt.status, em_status)) or (em.earlier and reported_now(mt)) or next_round(em, mt):
        return None
    if em.count:
        return None
    if mt.round_no is not None and em.round_no is not None and mt.round_no != em.round_no:
        return None
    if em.place and mt.place and not place_compatible(em.place, mt.place):
        return None
    if em.date and mt.date and not dates_close(em.date, mt.date):
        return None
    same_place = bool(em.place and mt.place and same_place_as(em.place, mt.place))
    mine, theirs = table_keys(em.people), table_keys(mt.people)
    if len(mine) >= 2 and len(theirs) >= 2 and not mine & theirs:
        return None  # "a preparatory meeting between Rubio and Lavrov" is not the Trump-Putin summit
    score = 0.0
    if mt.parties and em.parties:
        if mt.parties == em.parties:
            score += 3
        elif (mt.parties <= em.parties or em.parties <= mt.parties) and (
            same_place
            or (em.date and mt.date and em.date.dm.precision == mt.date.dm.precision == "day")
            or (em.round_no and em.round_no == mt.round_no)
            # «استؤنفت المفاوضات بين الفلسطينيين والإسرائيليين باجتماع عمل بين ...»: a mention with fewer
            # sides and no place, date or number of its own, in the meeting's sentence, is that meeting
            or (em.sent == mt.last_sent and not (em.place or em.date or em.round_no))
            # «الشرع وعبدي يوقعان اتفاقا في دمشق» ... «اجتماع بين الرئيس السوري أحمد الشرع وقائد قسد مظلوم
            # عبدي»: the same two people at the table are the same meeting, its sides better named
            or len(mine & theirs) >= 2
        ):
            score += 2
        else:
            return None
    elif same_place:
        score += 2
    elif not mt.parties and mt.place and not em.place and 0 <= em.sent - mt.last_sent <= 3:
        score += 1  # a placed meeting with no sides yet takes the sides of the next mention
    elif not mt.parties and mt.round_no is not None and em.round_no == mt.round_no:
        score += 1  # "second round of talks" in the headline, "the second round ... between A and B" below
    elif not em.parties and (em.sent == mt.last_sent or (em.round_no is not None and em.round_no == mt.round_no)):
        score += 1  # a mention with no sides of its own in the same sentence, or the same round
    else:
        return None
    if same_place:
        score += 2
    if em.date and mt.date:
        score += 1
    if em.round_no is not None and em.round_no == mt.round_no:
        score += 2
    if em.lemma in mt.lemmas:
        score += 0.5
    return score


def people_sides_within(em: EventMention, mt: Meeting) -> bool:
    """A mention whose sides come only from its people («ووقع الاتفاق ... زلماي خليل زاد، و... الملا عبد
    الغني برادر»: US and AF) fits a meeting of the movements those people's countries stand for (US and
    the Taliban)."""
    if em.by_name:
        return False
    lex = lexicon()
    return {side_country(lex.actor_sides, p) for p in em.parties} <= {
        side_country(lex.actor_sides, p) for p in mt.parties | mt.hosts
    }


def attach_target(meetings: list[Meeting], em: EventMention) -> Meeting | None:
    """The meeting a referring mention («هذه المحادثات», «الوفد الروسي», "the talks") points back to."""
    best: tuple[tuple[float, float, int], Meeting] | None = None
    em_status = em.status if em.strength >= 2 else None
    for mt in meetings:
        hosts = mt.hosts | ({mt.place.cc} if mt.place and mt.place.cc else set())
        if (
            em.parties
            and mt.parties
            and not em.parties <= (mt.parties | hosts)
            and not people_sides_within(em, mt)
            and not em.joining
        ):
            continue
        if (
            not mt.parties
            and em.parties
            and not em.weak
            and not (em.place and mt.place and same_place_as(em.place, mt.place))
        ):
            continue  # a delegation sentence («الوفد الأمريكي ...») may name the sides of a placed meeting
        if (em_status and conflict(mt.status, em_status)) or (em.earlier and reported_now(mt)) or next_round(em, mt):
            continue  # "at the previous meeting in Minsk" is not the meeting that "has started in Minsk"
        if process_start(em, mt):
            continue
        if em.place and mt.place and not place_compatible(em.place, mt.place):
            continue
        if em.round_no is not None and mt.round_no is not None and em.round_no != mt.round_no:
            continue
        if em.date and mt.date and not dates_close(em.date, mt.date):
            continue
        if em.weak and em.sent - mt.last_sent > NLP.max_weak_gap:
            continue
        if em.travel_only and not (mt.place and em.place and place_rank(em.place) < place_rank(mt.place)):
            continue  # a trip only narrows a place already known (Saudi Arabia -> Jeddah)
        # a delegation sentence not in the future («جلس حولها من الجانب الأميركي ...») tells of a meeting
        # that took place, not of the summit the same article says is proposed
        witnessed = 1.0 if em.past and mt.status in ("held", "ongoing") else 0.0
        key = (1.0 if em.lemma and em.lemma in mt.lemmas else 0.0, witnessed, mt.last)
        if best is None or key > best[0]:
            best = (key, mt)
    return best[1] if best else None


def process_start(em: EventMention, mt: Meeting) -> bool:
    """«المفاوضات، التي بدأت في غوميل يوم 28 فبراير», "the negotiations, which began in Gomel": the
    process as a whole, with a date or place of its own, tells where it began, not where its second or
    later round meets."""
    return (
        em.trig is not None
        and em.trig.kind == "track"
        and em.round_no is None
        and mt.round_no is not None
        and mt.round_no > 1
        and (em.date is not None or em.place is not None)
    )


def can_found(em: EventMention) -> bool:
    """Whether a mention may report a meeting of its own (else it can only refer back to one)."""
    t = em.trig
    if t is None or em.domestic:
        return False  # a cabinet's own sitting is no negotiation
    anchored_people = [p for p in em.people if not p.commentator and not (p.announcer and not p.negotiator)]
    if em.background and not (em.place or em.round_no or em.count):
        return False
    if em.generic or em.status == "proposed":
        # "several rounds of talks", "ready for talks with Kyiv": only with a place, date or number
        return bool(em.place or em.date or em.round_no or em.count or (em.trilateral and em.status))
    if t.kind in ("discuss", "sign"):
        # a signing with its sides named is a meeting where it is placed, or on the day given
        on_day = (
            t.kind == "sign"
            and em.date is not None
            and em.date.dm.precision == "day"
            and em.status in ("held", "planned", "ongoing")
        )
        return bool(em.place or on_day) and (enough_sides(em.by_name) or len(anchored_people) >= 2)
    if t.kind == "track":
        return bool(em.place or em.round_no or len(anchored_people) >= 2)
    if em.place or em.round_no or em.count or em.date or (anchored_people and len(em.parties) >= 2):
        return True
    if len(anchored_people) >= 2:
        return True
    if t.definite:
        return False  # «المحادثات», "the talks" with nothing new: a reference, not a meeting
    if em.trilateral and em.status:
        return True
    return len(em.parties) >= 2 and em.status is not None and em.strength >= 1


def new_meeting(em: EventMention, round_no: int | None = None) -> Meeting:
    return Meeting(
        ems=[em],
        parties=set(em.parties),
        hosts=set(em.hosts),
        place=em.place,
        date=em.date,
        round_no=round_no if round_no is not None else em.round_no,
        votes=[(em.strength, em.pos, em.status)] if em.status else [],
        lemmas={em.lemma} if em.lemma else set(),
        first=em.pos,
        last=em.pos,
        last_sent=em.sent,
        people=list(em.people),
        outcomes=list(em.outcomes),
        trilateral=em.trilateral,
        trigger=em.trig.surface if em.trig else "",
        future=em.future,
        by_name=set(em.by_name),
        sequel=em.sequel,
        both_sides=em.both_sides,
        history=em.background,
    )


def anchored(em: EventMention) -> bool:
    return em.round_no is not None or em.place is not None


def absorb(mt: Meeting, em: EventMention, founding: bool) -> None:
    # «الجولة الثانية التي عقدت يومي 7 و8 سبتمبر في أنقرة» dates the meeting better than «اتفق
    # الدبلوماسيون الأربعاء على استمرار المشاورات»: a numbered or placed mention's date wins
    better_date = (
        anchored(em)
        and not any(anchored(x) and x.date for x in mt.ems)
        and (em.date is None or mt.date is None or em.date.dm.precision == "day" or mt.date.dm.precision != "day")
    )
    mt.ems.append(em)
    mt.last, mt.last_sent = max(mt.last, em.pos), max(mt.last_sent, em.sent)
    mt.people += em.people
    mt.outcomes += em.outcomes
    mt.hosts |= em.hosts
    if em.lemma:
        mt.lemmas.add(em.lemma)
    if em.date is not None and (mt.date is None or better_date):
        mt.date = em.date
    mt.by_name |= em.by_name
    if em.place and (
        mt.place is None or (place_rank(em.place) < place_rank(mt.place) and place_compatible(em.place, mt.place))
    ):
        mt.place = em.place  # «في السعودية» ... «في قصر الدرعية بالرياض»: the more precise place
    if em.joining and not founding:
        mt.parties |= em.parties  # «ويشارك في الاجتماعات نائب وزير الخارجية السوري»: Syria sits at the table too
    if founding or (em.weak and not mt.parties):
        mt.parties |= em.parties
        if mt.round_no is None:
            mt.round_no = em.round_no
        mt.trilateral = mt.trilateral or em.trilateral
        mt.sequel = mt.sequel or em.sequel
        mt.both_sides = mt.both_sides or em.both_sides
    if em.status and (founding or em.strength >= 3):
        mt.votes.append((em.strength, em.pos, em.status))


def group_meetings(ems: list[EventMention]) -> list[Meeting]:
    meetings: list[Meeting] = []
    pending: list[EventMention] = []  # mentions that found nothing but say what talks produced
    # «بعد اجتماع مجلس الوزراء ... حيث ناقش ...»: what a cabinet sitting discussed is no meeting either
    domestic = {em.sent for em in ems if em.domestic}
    for em in ems:
        founding = can_found(em) and not (em.sent in domestic and em.trig is not None and em.trig.kind == "discuss")
        if em.definite and not em.count:
            # «هذه المحادثات», «المحادثات التي ستعقد ...»: a reference first, a new meeting only
            # when nothing reported so far fits
            target = attach_target(meetings, em)
            if target is not None:
                absorb(target, em, founding=founding)
                continue
        if not founding:
            if em.outcomes or seated_people(em):
                pending.append(em)
            continue
        if em.count >= 2 and em.status in (None, "held"):
            for k in range(1, em.count + 1):
                mt = new_meeting(em, round_no=k)
                if len(em.round_dates) == em.count:
                    mt.date = em.round_dates[k - 1]  # "two rounds, on May 16 and June 2"
                if len(em.round_places) == em.count:
                    mt.place = em.round_places[k - 1]  # "in Moscow in January and Vienna in February"
                meetings.append(mt)
            continue
        scored = [(sc, mt.last, mt) for mt in meetings if (sc := merge_score(mt, em)) is not None]
        if scored:
            absorb(max(scored, key=lambda x: (x[0], x[1]))[2], em, founding=True)
        else:
            meetings.append(new_meeting(em))
    attach_leftovers(meetings, pending)
    return meetings


def seated_people(em: EventMention) -> list[Arg]:
    """People a mention seats or who negotiate ("the head of the Ukrainian delegation, Rustem Umerov")."""
    return [p for p in em.people if p.seated or p.negotiator]


def attach_leftovers(meetings: list[Meeting], pending: list[EventMention]) -> None:
    """ "The two delegations signed a ceasefire agreement following two weeks of talks", «ووقعت فيها
    الحكومتان على وثيقة وقف إطلاق النار», "the head of the Ukrainian delegation, Rustem Umerov, said the
    consultations went on": a mention that founds no meeting of its own gives its outcomes, the people it
    seats or who negotiate, and its sentence as evidence, to the compatible meeting reported around it."""
    for em in pending:
        near = [mt for mt in meetings if any(abs(x.sent - em.sent) <= NLP.max_weak_gap for x in mt.ems)]
        target = attach_target(near, em)
        if target is None:
            # sides are settled later, so a meeting of the same sentence may have none yet
            same = [mt for mt in near if not mt.parties and any(x.sent == em.sent for x in mt.ems)]
            target = attach_target(same, replace(em, parties=set()))
        if target is not None:
            target.ems.append(em)
            target.outcomes += em.outcomes
            target.people += [p for p in seated_people(em) if p not in target.people]
