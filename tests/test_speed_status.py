"""The cheaper status steps (one-pass best_status, conflict by pair lookup, is_speech_date walking a window
of args and the trigger starts) answer as the plain versions they replace."""

from __future__ import annotations

import itertools
import random
from datetime import date

from tasks.nlp.dates import find_dates, is_future_verb
from tasks.nlp.entities import analyze
from tasks.nlp.events import read_document
from tasks.nlp.events.document import DateArg
from tasks.nlp.events.lexicon import Lexicon, lexicon
from tasks.nlp.events.status import CONFLICTS, SPEECH_FILLER, SPEECH_MEDIA, best_status, conflict, is_speech_date
from tasks.nlp.events.words import COMPLEMENTIZERS, member
from tasks.nlp.settings import NLP
from tasks.nlp.text.document import Document

STATUSES = [None, "held", "planned", "proposed", "ongoing", "cancelled", "started"]


def _best_status_plain(votes: list[tuple[float, int, str]]) -> str | None:
    if not votes:
        return None
    if any(st == "cancelled" and s >= 2 for s, _, st in votes):
        return "cancelled"
    if any(st == "held" and s >= 2 for s, _, st in votes):
        votes = [v for v in votes if v[2] != "started"]
    top = max(s for s, _, _ in votes)
    st = min((p, st) for s, p, st in votes if s == top)[1]
    return "ongoing" if st == "started" else st


def _as_status(st: str | None) -> str | None:
    return "ongoing" if st == "started" else st


def test_best_status_as_the_plain_version() -> None:
    rnd = random.Random(7)
    for _ in range(5000):
        votes = [
            (rnd.choice([1.0, 1.5, 2.0, 3.0, 4.0]), rnd.randrange(6), rnd.choice(STATUSES[1:]))
            for _ in range(rnd.randrange(6))
        ]
        assert best_status(votes) == _best_status_plain(votes), votes


def test_conflict_as_the_plain_version() -> None:
    for a, b in itertools.product([*STATUSES, "other"], repeat=2):
        plain = bool(_as_status(a) and _as_status(b) and frozenset({_as_status(a), _as_status(b)}) in CONFLICTS)
        assert conflict(a, b) is plain, (a, b)


def _is_speech_date_plain(doc: Document, lex: Lexicon, dt: DateArg, floor: int) -> bool:
    i = doc.tok_index(dt.start) - 1
    spans = [(a.start, a.end) for a in doc.args_over(floor, dt.start)]
    between: list[tuple[str, bool, bool]] = []
    for _ in range(NLP.speech_reach + NLP.title_reach):
        if i < 0 or doc.tokens[i][0] < floor:
            return False
        ts, te = doc.tokens[i]
        w = doc.nt[ts:te]
        if w in lex.speech or member(w, lex.speech):
            break
        if doc.match(lex.trigger_rx, ts):
            return False
        if w in COMPLEMENTIZERS or is_future_verb(w):
            return False
        named = any(a0 <= ts < a1 for a0, a1 in spans)
        between.append((w, named, named and any(a.kind in ("person", "org") for a in doc.args_over(ts, te))))
        i -= 1
    else:
        return False
    loose = [k for k, (w, named, _) in enumerate(between) if not named and w not in SPEECH_FILLER]
    if between and between[-1][0] in SPEECH_MEDIA:
        return len(loose) <= 2 + NLP.title_reach
    speaker = next((k for k, (_, _, who) in enumerate(between) if who), None)
    if speaker is None:
        return len(between) <= NLP.speech_reach and len(loose) <= 2
    near = [k for k in loose if k < speaker]
    return len(near) <= 2 and len(loose) - len(near) <= 2 + NLP.title_reach


TEXTS = [
    "Peskov told reporters on Wednesday that talks would go on.",
    "Kremlin spokesman Dmitry Peskov said on Tuesday the meeting on Friday would go ahead.",
    "أعلن البيت الأبيض، الثلاثاء، تأجيل القمة. وقال المتحدث باسم الكرملين دميتري بيسكوف الأربعاء إن الجولة ستعقد.",
    "أعلن الكرملين أن بوتين وآبي سيعقدان يوم 22 يناير لقاء في موسكو.",
    "أفادت قناة تي آر تي التركية الرسمية، الاثنين، بأن المحادثات بين روسيا وأوكرانيا ستستأنف الخميس.",
    "Russian and Ukrainian delegations met on Wednesday. Ukraine said on Tuesday, after talks, it would return.",
    "Zelensky said the talks in Istanbul on May 16 were a first step; Erdogan told reporters on Sunday.",
]


def test_is_speech_date_as_the_plain_version() -> None:
    lex = lexicon()
    checked = 0
    for text in TEXTS:
        doc = Document(text, "en" if text.isascii() else "ar")
        a = analyze(doc)
        nats = [(c.start, c.end, c.code) for c in a.cues if c.source == "nat"]
        read_document(doc, a.mentions, a.entities, find_dates(doc, date(2025, 6, 13)), nats)
        for dt in doc.dates:
            for floor in {0, doc.sents[doc.sentence_of(dt.start)][0]}:
                assert is_speech_date(doc, lex, dt, floor) is _is_speech_date_plain(doc, lex, dt, floor), text
                checked += 1
    assert checked >= len(TEXTS)
