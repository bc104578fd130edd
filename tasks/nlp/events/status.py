"""Status of a meeting from its clause (markers, verb tense) and dates that can date it."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tasks.nlp.dates import FUTURE_VERB_WORD, DateMention, is_future_verb
from tasks.nlp.events.document import DateArg
from tasks.nlp.events.lexicon import Lexicon
from tasks.nlp.events.triggers import Trigger
from tasks.nlp.events.words import COMPLEMENTIZERS, WORD_RX, member, with_conj
from tasks.nlp.settings import NLP
from tasks.nlp.text.charsets import strip_conj
from tasks.nlp.text.document import Document
from tasks.nlp.text.normalize import norm_token
from tasks.nlp.yaml_resources import words

if TYPE_CHECKING:
    from tasks.nlp.events.mentions import EventMention


# statuses one meeting cannot have in one article at once
CONFLICTS = {
    frozenset({"held", "planned"}),
    frozenset({"held", "proposed"}),
    frozenset({"ongoing", "proposed"}),
    frozenset({"held", "cancelled"}),
    frozenset({"ongoing", "cancelled"}),
}


def status_markers(doc: Document, lex: Lexicon, s: int, e: int) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    openers, masdar, governors = lex.background_openers, lex.masdar_words, lex.masdar_governors  # once a call
    for st, rx in lex.status_rx.items():
        for m in doc.finditer(rx, s, e):  # tried only where one of the list's words can start
            ms, me = m.span("core")
            if st == "ongoing" and any(d.start <= ms and me <= d.end for d in doc.dates_in(max(s, ms - 40), me)):
                continue  # «يوليو الجاري» is "this July", not talks under way (a date's «المقبل» does say ahead)
            before = doc.words_before(ms, 2, floor=s)
            if before and (member(before[-1], openers) or (len(before) > 1 and member(before[0], openers))):
                continue  # «منذ بدء العملية العسكرية»
            if before and m.group("core") in masdar and (member(before[-1], governors) or before[-1] in governors):
                continue  # «إمكانية عقد الجولة»: "holding", not "held"
            out.append((st, ms, me))
    # «اقترحت روسيا عقد محادثات»: a verbal noun after a proposal or a plan is not a past verb
    governing = [(ms, st) for st, ms, _ in out if st in ("proposed", "planned")]
    if governing:  # (none: every marker stays)
        out = [
            (st, ms, me)
            for st, ms, me in out
            if not (st == "held" and doc.nt[ms:me] in masdar and any(0 < doc.free(gs, ms) <= 3 for gs, _ in governing))
        ]
    # Arabic future verbs («ستجمع», «سيبحث») say the meeting is ahead
    for m in doc.finditer(FUTURE_VERB_WORD, s, e):
        w = m.group()
        if is_future_verb(w) and not any(ms <= m.start() < me for _, ms, me in out):
            out.append(("planned", m.start(), m.end()))
    return out


def trigger_status(
    doc: Document, lex: Lexicon, t: Trigger, marks: list[tuple[str, int, float]], floor: int
) -> tuple[str | None, float]:
    """The status a trigger's clause gives, with a strength (3 = right next to it)."""
    after = doc.words_after(t.core_end, 2)
    before = doc.words_before(t.start, 2, floor=floor)
    cancelled = [m for m in marks if m[0] == "cancelled" and m[2] <= NLP.max_arg_dist]
    adj = after[0] if after and (after[0] in lex.adjacent_held or member(after[0], lex.adjacent_held)) else None
    if adj is None and before and before[-1] in lex.adjacent_held and t.english:
        adj = before[-1]
    # «الجولة الأخيرة ... ستجري», "the final round will be held": "last" that is not "previous" names the
    # round to come when a verb of the future governs the clause
    final = adj is not None and not (adj in lex.adjacent_earlier or member(adj, lex.adjacent_earlier))
    if final and any(st == "planned" and d <= NLP.final_reach and governs(doc, t.core_end, ms) for st, ms, d in marks):
        adj = None
    if adj is not None and not cancelled:
        return "held", 3.0  # «الجولة الأخيرة», "the previous round"; but "the last round ... was postponed"
    if held_before(doc, lex, t, floor):
        return "held", 3.0  # «بعد محادثات», "following talks", "after more than eight hours of talks"
    if cancelled:
        return "cancelled", 3.0
    if postponed_plan(t, marks):
        return "cancelled", 2.0
    best: tuple[float, str] | None = None
    for st, _, d in marks:
        if d > NLP.max_arg_dist + 3:
            continue
        if best is None or d < best[0]:
            best = (d, st)
    if t.verb_status and (best is None or best[0] > 1):
        return t.verb_status, 3.0
    if best is None:
        return ("planned", 1.0) if t.purpose else (None, 0.0)
    d, st = best
    if st == "ongoing" and d <= 2 and present_now(doc, lex, t):
        return st, 4.0  # under way now, said in the report's present: firmer than any plan it recalls
    return st, 3.0 if d <= 2 else 2.0 if d <= 5 else 1.0


def governs(doc: Document, end: int, mark: int) -> bool:
    """A verb after the trigger governs its clause unless a quotation or a "that"/«أن» clause opens between
    ("said after the latest round that 'trust will be key'")."""
    gap = doc.nt[end:mark]
    return mark < end or not (any(q in gap for q in '"“”«»') or any(w in COMPLEMENTIZERS for w in WORD_RX.findall(gap)))


def postponed_plan(t: Trigger, marks: list[tuple[str, int, float]]) -> bool:
    """ "The peace talks proposed for this weekend to try to end the conflict have been delayed": a verb
    that postpones, further on in the clause the trigger opens, outweighs the plan told beside the
    trigger; not when the clause also says the meeting was held or is under way."""
    later = [m for m in marks if m[0] == "cancelled" and m[1] > t.start and m[2] <= NLP.postpone_reach]
    return bool(later) and all(st in ("cancelled", "planned", "proposed") for st, _, _ in marks)


def present_now(doc: Document, lex: Lexicon, t: Trigger) -> bool:
    """«هذا الاجتماع جارٍ حالياً», "the talks are under way now": a word of the present in the four words
    after the trigger, within its sentence."""
    _, e = doc.sents[doc.sentence_of(t.start)]
    words = doc.words_after(t.core_end, 4, ceil=e)
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)]
    return any(member(w, lex.ongoing_now) for w in [*words, *pairs])


def held_before(doc: Document, lex: Lexicon, t: Trigger, floor: int) -> bool:
    """An "after"/«بعد» word before the trigger, past only numbers, durations and names
    ("after more than eight hours of talks", "after Jeddah talks", «عقب محادثات»)."""
    i = doc.tok_index(t.start) - 1
    for _ in range(8):
        if i < 0 or doc.tokens[i][0] < floor:
            return False
        ts, te = doc.tokens[i]
        w = doc.nt[ts:te]
        if member(w, lex.before_held) or w in lex.before_held:
            return True
        # the word tests first: the args over the word only when they fail
        if not (
            w.isdigit()
            or w in lex.duration
            or member(w, lex.duration)
            or any(a.kind in ("location", "nat") for a in doc.args_over(ts, ts + 1))
        ):
            return False
        i -= 1
    return False


def date_fits(dm: DateMention, status: str | None, pub: date) -> bool:
    """Whether a meeting with this status can have this date, given the publication date."""
    if status == "held":
        return dm.start_date <= pub
    if status == "planned":
        return dm.end_date >= pub - timedelta(days=1)
    if status == "started":
        # "the round, which began on 5 January": its first day, weeks back (not "talks launched in 2002")
        return pub - timedelta(days=NLP.started_reach) <= dm.start_date <= pub + timedelta(days=1)
    if as_status(status) == "ongoing":
        return dm.start_date <= pub + timedelta(days=1) and dm.end_date >= pub - timedelta(days=14)
    return True


def not_begun(status: str | None, dm: DateMention, pub: date) -> bool:
    """ "Talks begin on 15 December", «تبدأ المفاوضات الأحد المقبل»: a meeting told as under way or started
    but dated more than a day after the report has not begun (it is planned)."""
    return status in ("ongoing", "started") and dm.start_date > pub + timedelta(days=1)


def status_from_date(dm: DateMention, pub: date) -> str | None:
    if dm.end_date < pub:
        return "held"
    if dm.start_date > pub:
        return "planned"
    return "ongoing" if dm.relative else None


SPEECH_FILLER = frozenset(words("function_words.yaml")["speech_filler"])
SPEECH_MEDIA = frozenset(norm_token(w) for w in words("function_words.yaml")["speech_media"])


def dates_the_saying(doc: Document, lex: Lexicon, dt: DateArg, t_start: int, floor: int) -> bool:
    """«وذكر بيان صادر عن اللجنة، اليوم الأحد 1 كانون الأول 2025، أن "الاجتماع تضمن ..."», "a statement
    issued on Sunday said that the meeting ...": a date before the complementizer that opens the reported
    clause holding the trigger, after a verb of saying, is when it was said (however many words the
    speaker takes), not when the meeting was."""
    if dt.end > t_start:
        return False
    gap = WORD_RX.findall(doc.nt[dt.end : t_start])
    comp = next((k for k, w in enumerate(gap) if w in COMPLEMENTIZERS), None)
    if comp is None:
        return False
    said = doc.words_before(dt.start, 8, floor=floor) + gap[:comp]  # «ذكر بيان ...، اليوم،», "on Sunday said"
    return not with_conj(lex.speech).isdisjoint(said)


def is_speech_date(doc: Document, lex: Lexicon, dt: DateArg, floor: int) -> bool:
    """ "said on Monday", «أعلن البيت الأبيض، الثلاثاء», "Peskov told reporters on Wednesday": the date of
    saying, not of the meeting. Between the verb and the date stand only names (of the speaker), filler,
    and at most two other words (a title: «أعلن المتحدث باسم الكرملين دميتري بيسكوف، الثلاثاء»); before a
    named speaker a longer title may stand («أعلن وزير الخارجية والتعاون الدولي X، الأحد»), and after a
    newsroom its name («أفادت قناة تي آر تي التركية الرسمية، الاثنين»)."""
    i = doc.tok_index(dt.start) - 1
    reach = NLP.speech_reach + NLP.title_reach
    starts = doc.tok_starts
    # the words the walk back can pass: only the args over them can name one (not the sentence's all)
    lo = max(i - reach + 1, 0)
    spans = [(a.start, a.end, a.kind) for a in doc.args_over(max(floor, starts[lo]) if i >= 0 else floor, dt.start)]
    # where a trigger can start among those words (the walk meets them from the date back)
    trig = doc.starts(lex.trigger_rx)
    if trig is not None:
        k = bisect_left(trig, dt.start) - 1
    between: list[tuple[str, bool, bool]] = []  # (word, named, a person or organisation), date side first
    speech = lex.speech
    for _ in range(reach):
        if i < 0 or starts[i] < floor:
            return False
        ts = starts[i]
        w = doc.words[i]
        if w in speech or member(w, speech):
            break
        if trig is None:
            hit = lex.trigger_rx.match(doc.nt, ts) is not None
        else:
            while k >= 0 and trig[k] > ts:
                k -= 1
            hit = k >= 0 and trig[k] == ts and lex.trigger_rx.match(doc.nt, ts) is not None
        if hit:
            return False  # "said the meeting on Tuesday ...": the date is the meeting's
        if w in COMPLEMENTIZERS or ((w[:1] == "س" or w[1:2] == "س") and is_future_verb(w)):
            return False  # «أعلن الكرملين أن بوتين وآبي سيعقدان يوم 22 يناير لقاء»: the reported clause's date
        named = False
        for a0, a1, _ in spans:
            if a0 <= ts < a1:
                named = True
                break
        who = False
        if named:
            te = doc.tok_ends[i]
            if te > dt.start:  # a word running into the date: args starting inside it are not in `spans`
                who = any(a.kind in ("person", "org") for a in doc.args_over(ts, te))
            else:  # `spans` holds every arg over the word
                who = any(a0 < te and a1 > ts and kind in ("person", "org") for a0, a1, kind in spans)
        between.append((w, named, who))
        i -= 1
    else:
        return False
    loose = [k for k, (w, named, _) in enumerate(between) if not named and w not in SPEECH_FILLER]
    if between and between[-1][0] in SPEECH_MEDIA:
        return len(loose) <= 2 + NLP.title_reach  # the newsroom's name and description
    speaker = next((k for k, (_, _, who) in enumerate(between) if who), None)
    if speaker is None:
        return len(between) <= NLP.speech_reach and len(loose) <= 2
    near = [k for k in loose if k < speaker]  # between the speaker's name and the date
    return len(near) <= 2 and len(loose) - len(near) <= 2 + NLP.title_reach


def speech_day(
    doc: Document, lex: Lexicon, cands: list[tuple[DateArg, float]], t: Trigger, floor: int
) -> DateArg | None:
    """ "Ukraine said on Tuesday ..., after eight hours of talks": talks just before the saying end on
    its day (or the day before: within the tolerance of a day)."""
    for dt, _ in cands:
        if dt.end <= t.start and dt.dm.precision == "day" and is_speech_date(doc, lex, dt, floor):
            return dt
    return None


def days_of_talks(doc: Document, lex: Lexicon, t: Trigger, floor: int) -> int:
    """ "two days of talks", «ثلاثة أيام من المفاوضات»: how many days the meeting lasted (1 if not said)."""
    before = doc.words_before(t.start, 3, floor=floor)
    if before[-2:-1] in (["days"], ["ايام"]) and before[-1] in ("of", "من") and len(before) == 3:
        return lex.count_words.get(strip_conj(before[0]), 1)
    if before[-2:] == ["يومين", "من"]:
        return 2
    return 1


_DATELINE_TAIL = re.compile(r"\s*[(\-–—/]")  # compiled once: asked of every candidate date near a sentence start


_COMMA_ONLY = re.compile(r"\s*[،,]\s*")


def _after_since(doc: Document, dt: DateArg) -> bool:
    """Another date closes the «منذ» phrase right before this one, behind a comma: «المتوقفة منذ حزيران
    الماضي، اليوم الاثنين»: the talks resume today, the date of their pause is the other."""
    prev = doc.dates_in(max(0, dt.start - 80), dt.start)
    return bool(prev) and _COMMA_ONLY.fullmatch(doc.nt[prev[-1].end : dt.start]) is not None


def usable_dates(
    doc: Document, lex: Lexicon, cands: list[tuple[DateArg, float]], floor: int, reach: float = NLP.max_date_dist
) -> list[DateArg]:
    """Dates that can date the meeting, nearest to the trigger first."""
    ok = []
    for dt, d in cands:
        if d > reach or dt.dm.precision == "year":
            continue
        before = doc.words_before(dt.start, 8, floor=floor)
        if doc.nt.startswith(("منذ ", "since "), dt.start) and not (dt.dm.relative and dt.dm.precision == "day"):
            continue  # «منذ حزيران»: the date holds its «منذ», a background's (as below)
        recent_start = before[-1:] in (["منذ"], ["since"]) and dt.dm.relative and dt.dm.precision == "day"
        if not with_conj(lex.background_openers).isdisjoint(before) and not recent_start and not _after_since(doc, dt):
            # «منذ فبراير 2022», «منذ بدء العملية العسكرية ... في فبراير 2022»; but «منذ أول من أمس»,
            # "since Wednesday": the talks under way began that day
            continue
        if doc.free(floor, dt.start) <= 3 and _DATELINE_TAIL.match(doc.nt, dt.end, dt.end + 3):
            continue  # dateline: "KYIV, July 21 (Reuters) -", «مقديشو 15 سبتمبر/ أعلن»
        if is_speech_date(doc, lex, dt, floor):
            continue  # «أعلن الأسبوع الماضي», "said on Monday": when it was said
        if any(" ".join(before[-k:]) in lex.last_time for k in (2, 3, 4) if len(before) >= k):
            continue  # "like last time on September 5", «كما في المرة السابقة في 5 سبتمبر»: the one before
        ok.append((d, dt))
    return [dt for _, dt in sorted(ok, key=lambda x: x[0])]


def best_status(votes: list[tuple[float, int, str]]) -> str | None:
    """The meeting's status from its mentions' (strength, position, status) votes: the strongest,
    the earliest on a tie; "started" (a verb of starting) yields to a firm "held" and reads as ongoing."""
    # one pass over the votes (asked at every merge step of every meeting)
    firm_held = False
    for s, _, st in votes:
        if s >= 2:
            if st == "cancelled":
                return "cancelled"
            if st == "held":
                firm_held = True
    best: tuple[float, int, str] | None = None  # (strength, position, status) of the winner so far
    for v in votes:
        if firm_held and v[2] == "started":
            continue
        if best is None or v[0] > best[0] or (v[0] == best[0] and (v[1], v[2]) < (best[1], best[2])):
            best = v
    if best is None:
        return None
    return "ongoing" if best[2] == "started" else best[2]


def as_status(st: str | None) -> str | None:
    """A mention's status as an event status: a meeting that started is ongoing."""
    return "ongoing" if st == "started" else st


# CONFLICTS as ordered pairs of mention statuses ("started" reads as ongoing): one lookup per question
_CONFLICT_PAIRS = frozenset(
    (x, y)
    for x in ("held", "planned", "proposed", "ongoing", "cancelled", "started")
    for y in ("held", "planned", "proposed", "ongoing", "cancelled", "started")
    if frozenset({as_status(x), as_status(y)}) in CONFLICTS
)


def conflict(a: str | None, b: str | None) -> bool:
    return (a, b) in _CONFLICT_PAIRS


def shift_dates(doc: Document, lex: Lexicon, ems: list[EventMention]) -> None:
    """ "talks on Monday, a day after the US team met Ukrainian officials": an undated mention right after
    a day-offset phrase takes the date of the dated mention before it in the sentence, shifted."""
    for i, em in enumerate(ems):
        t = em.trig
        if em.date is not None or t is None or i == 0:
            continue
        anchor = next((x.date for x in reversed(ems[:i]) if x.date and x.date.dm.precision == "day"), None)
        if anchor is None:
            continue
        for rx, days in lex.day_offsets:
            m = doc.search(rx, em.lo, t.start)
            if m and len(WORD_RX.findall(doc.nt[m.end() : t.start])) <= 4:
                day = anchor.dm.start_date + timedelta(days=days)
                em.date = DateArg(m.start(), m.end(), replace(anchor.dm, start_date=day, end_date=day, precision="day"))
                break
