"""Round numbers («الجولة الثالثة», "second round"), round counts («جولتين»), and numbering predecessors."""

from __future__ import annotations

import re

from tasks.nlp.events.lexicon import Lexicon
from tasks.nlp.events.triggers import APPOSED_NUMBER, Trigger
from tasks.nlp.settings import NLP
from tasks.nlp.text.charsets import bare, strip_conj
from tasks.nlp.text.document import Document
from tasks.nlp.text.normalize import norm_token
from tasks.nlp.types import Event
from tasks.nlp.yaml_resources import words


def round_of(doc: Document, lex: Lexicon, t: Trigger, s: int, e: int) -> tuple[int | None, int]:
    """Round number («الجولة الثالثة», "second round") and, for «جولتين»/"two rounds", the count."""
    if t.kind in ("talks", "verb"):
        return nth_time(doc, lex, s, e), 0  # «التقى ... للمرة الثالثة», "talks held for the third time"
    if t.kind not in ("round", "meeting"):
        return None, 0
    number, count = round_number(doc, lex, t, s, e)
    if number == 1 and t.kind != "round":
        return None, count  # «أول لقاء منذ بدء الحرب», "the first meeting since": not a round number
    return number, count


def round_number(doc: Document, lex: Lexicon, t: Trigger, s: int, e: int) -> tuple[int | None, int]:
    core = bare(norm_token(t.surface))
    if core in lex.counts:
        return None, lex.counts[core]
    after = doc.words_after(t.core_end, 3, ceil=e)
    before = doc.words_before(t.start, 2, floor=s)
    compound = compound_ordinal(lex, after)
    if compound is not None and not _FORMAT_AFTER.match(doc.nt, t.core_end):
        return compound, 0
    if after and after[0] in lex.ordinals_after:
        return lex.ordinals_after[after[0]], 0
    # «الجولة السابقة، الـ62، من المحادثات», "the previous round, the 62nd, of talks": the number in apposition
    pos = t.core_end
    if after and (after[0] in lex.sequel or after[0] in lex.adjacent_earlier):
        pos = doc.nt.index(after[0], pos) + len(after[0])
    if (apposed := APPOSED_NUMBER.match(doc.nt, pos)) and apposed.end() <= e:
        return int(apposed["n"]), 0
    if t.core_end == t.start and after and strip_conj(after[0]) in lex.ordinals_after:
        return lex.ordinals_after[strip_conj(after[0])], 0  # «... والثالث في 14 يونيو»: an elided noun
    if len(after) > 1 and after[0] in ("رقم", "number", "no") and after[1].isdigit():
        return int(after[1]), 0
    if before and _in_a_date(doc, t.start):
        before = []  # "Saturday's (Aug. 19) meetings": the day of a date counts nothing
    if before and before[-1].isascii():
        # "the 14th round", "the twenty-first round", "the eleventh round"
        last = before[-1]
        co = lex.compound_ordinals
        en = compound_ordinal(lex, [last]) or co["en_units"].get(last)
        if en is not None and en < 10 and len(before) > 1 and before[-2] in co["en_tens"]:
            en += co["en_tens"][before[-2]]  # "twenty-first", read as two words
        if en is not None:
            return en, 0
    if before:
        b = before[-1] if before[-1] in lex.ordinals_before else strip_conj(before[-1])
        if b in lex.ordinals_before:
            return lex.ordinals_before[b], 0
        if len(before) > 1 and before[-1] in ("new", "fresh", "such") and before[-2] in lex.ordinals_before:
            return lex.ordinals_before[before[-2]], 0  # "a second new round", "the third such meeting"
        if b in lex.count_words and (core.endswith("ات") or core.endswith("s")):
            if len(before) > 1 and strip_conj(before[-2]) in _PARTITIVES:
                return None, 0  # "the first among three meetings": one of a series, not three held
            return None, lex.count_words[b]
    if (n := nth_time(doc, lex, s, e)) is not None:
        return n, 0
    if t.kind == "round":
        return predicate_ordinal(doc, lex, t, e), 0
    return None, 0


def _in_a_date(doc: Document, pos: int) -> bool:
    """The word just before `pos` is part of a date («(Aug. 19) meetings»)."""
    i = doc.tok_index(pos) - 1
    if i < 0:
        return False
    ts, te = doc.tokens[i]
    return any(d.start < te and ts < d.end for d in doc.dates_in(max(0, ts - 40), te))


_NTH_TIME = re.compile(
    r"(?<!\w)(?:و?(?:لل|ال)مره\s+(?P<ar>\w+)|for\s+the\s+(?P<en>\w+)\s+time)(?!\w)"
    # "for the second time in two months", «للمرة الثانية خلال شهرين، هذا العام»: a count of contacts in a
    # period, not the meeting's place in its series
    r"(?!\s*(?:[,،]\s*)?(?:خلال|في|منذ|هذا|هذه|in|within|this|since|over)(?!\w))"
)


def nth_time(doc: Document, lex: Lexicon, s: int, e: int) -> int | None:
    """«التقى الوفد ... للمرة الثالثة», "met for the third time": the meeting's number in the series, the
    sentence's one such count from the second on ("for the first time since 2019" numbers nothing, nor
    does "the second time in two months")."""
    found = set()
    for m in doc.finditer(_NTH_TIME, s, e):  # tried only at «المرة», «للمرة», "for"
        n = lex.ordinals_after.get(m["ar"]) if m["ar"] else lex.ordinals_before.get(m["en"])
        if n is not None:
            found.add(n)
    return found.pop() if len(found) == 1 and min(found) >= 2 else None


_COPULAS = frozenset(words("function_words.yaml")["copulas"])
_PARTITIVES = frozenset(words("function_words.yaml")["partitives"])  # "among", «ضمن»


def predicate_ordinal(doc: Document, lex: Lexicon, t: Trigger, e: int) -> int | None:
    """«الجولة الحالية من المفاوضات التي تستضيفها واشنطن ... هي التاسعة», "the current round ... is the
    ninth": the round's number given by a copula and an ordinal later in its clause (no other round or
    meeting named between)."""
    after = doc.words_after(t.core_end, NLP.round_predicate_reach, ceil=e)
    for k, w in enumerate(after[:-1]):
        if w not in _COPULAS:
            continue
        nxt = after[k + 1 : k + 3]
        if nxt[:1] == ["the"]:
            nxt = nxt[1:]
        if nxt and (n := compound_ordinal(lex, nxt)) is not None:
            return n  # first, as round_number does: «هي التاسعة عشرة» is 19, not «التاسعة»
        if nxt and nxt[0] in lex.ordinals_after:
            return lex.ordinals_after[nxt[0]]
        if nxt and nxt[0].isascii() and nxt[0] in lex.ordinals_before:
            return lex.ordinals_before[nxt[0]]  # "is the ninth"
        return None
    return None


_DIGITS_RX = re.compile(r"^(?:ال)?(\d{1,3})(?:st|nd|rd|th)?$")
# «اجتماع 5+1», "the 3+3 meeting": a format's name in digits, not a round number
_FORMAT_AFTER = re.compile(r"\s*(?:ال)?\d{1,3}\s*\+\s*\d")


def compound_ordinal(lex: Lexicon, after: list[str]) -> int | None:
    """A round number written in parts or digits: «التاسعه عشره» 19, «الحاديه والعشرين» 21, «العشرين» 20,
    «الـ19», "14th"; None when the words are no ordinal. (Words split at hyphens: the caller joins
    "twenty-first" from two.)"""
    if not after:
        return None
    co = lex.compound_ordinals
    first = after[0]
    if m := _DIGITS_RX.match(first):
        return int(m.group(1)) or None
    base = first[2:] if first.startswith("ال") and len(first) > 4 else first
    nxt = after[1] if len(after) > 1 else ""
    nxt_base = nxt[1:] if nxt.startswith("و") else nxt
    nxt_base = nxt_base[2:] if nxt_base.startswith("ال") and len(nxt_base) > 4 else nxt_base
    if base in co["ar_units"]:
        unit = co["ar_units"][base]
        if nxt in co["ar_teen"] or nxt_base in co["ar_teen"]:
            return 10 + unit
        if nxt.startswith("و") and nxt_base in co["ar_tens"] and co["ar_tens"][nxt_base] >= 20:
            return co["ar_tens"][nxt_base] + unit
        return None  # a plain unit («الثالثه») is the simple table's
    if base in co["ar_tens"]:
        return co["ar_tens"][base]
    return None


def number_predecessors(events: list[Event]) -> None:
    """ "A second round is expected next week": the one meeting of the same sides already held or
    under way, with no number of its own, is the first (round k-1 before a planned round k)."""
    for ev in events:
        if ev.round_number is None or ev.round_number < 2 or ev.status not in ("planned", "proposed"):
            continue
        numbers = {e.round_number for e in events if e.parties == ev.parties}
        if ev.round_number - 1 in numbers:
            continue
        before = [
            e for e in events if e.parties == ev.parties and e.round_number is None and e.status in ("held", "ongoing")
        ]
        if len(before) == 1:
            before[0].round_number = ev.round_number - 1
