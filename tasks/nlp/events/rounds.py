"""Round numbers («الجولة الثالثة», "second round"), round counts («جولتين»), and numbering predecessors."""

from __future__ import annotations

from tasks.nlp.events.document import Doc
from tasks.nlp.events.lexicon import Lexicon
from tasks.nlp.events.triggers import Trigger
from tasks.nlp.events.words import bare, strip_conj
from tasks.nlp.normalize import norm_token
from tasks.nlp.types import Event


def round_of(doc: Doc, lex: Lexicon, t: Trigger, s: int, e: int) -> tuple[int | None, int]:
    """Round number («الجولة الثالثة», "second round") and, for «جولتين»/"two rounds", the count."""
    if t.kind not in ("round", "meeting"):
        return None, 0
    number, count = round_number(doc, lex, t, s, e)
    if number == 1 and t.kind != "round":
        return None, count  # «أول لقاء منذ بدء الحرب», "the first meeting since": not a round number
    return number, count


def round_number(doc: Doc, lex: Lexicon, t: Trigger, s: int, e: int) -> tuple[int | None, int]:
    core = bare(norm_token(t.surface))
    if core in lex.counts:
        return None, lex.counts[core]
    after = doc.words_after(t.core_end, 3, ceil=e)
    before = doc.words_before(t.start, 2, floor=s)
    if after and after[0] in lex.ordinals_after:
        return lex.ordinals_after[after[0]], 0
    if len(after) > 1 and after[0] in ("رقم", "number", "no") and after[1].isdigit():
        return int(after[1]), 0
    if before:
        b = before[-1] if before[-1] in lex.ordinals_before else strip_conj(before[-1])
        if b in lex.ordinals_before:
            return lex.ordinals_before[b], 0
        if len(before) > 1 and before[-1] in ("new", "fresh", "such") and before[-2] in lex.ordinals_before:
            return lex.ordinals_before[before[-2]], 0  # "a second new round", "the third such meeting"
        if b in lex.count_words and (core.endswith("ات") or core.endswith("s")):
            return None, lex.count_words[b]
    return None, 0


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
