"""Talk events: which meetings an article reports, between whom, where, when, with what status.

    find_events(text, sentences, mentions, entities, dates, published, language, nationalities=None)
        -> list[Event]   (one per real meeting, in order of first appearance; offsets are original)

How (every word list is data in tasks/nlp/resources/: triggers.yaml, status_markers.yaml,
outcomes.yaml, event_cues.yaml):

1. Triggers («محادثات», «جولة», «التقى», «استقبل», "talks", "met" ...) are found in the normalised
   text; adjacent ones form one phrase («الجولة الثالثة من المفاوضات», "round of talks"); phone
   and video "talks" are not meetings.
2. Every argument of a sentence (people, places, orgs, nationality adjectives, dates, status
   markers) goes to its nearest trigger, distance counted in words that are not themselves
   arguments (Arabic arguments lean to the trigger before them, English subjects to the one
   after). Each trigger becomes an *event mention*: sides (lists read as one: «بين روسيا
   والولايات المتحدة», "U.S. and Russian officials"; topics, places and possessors are not
   sides), host, place (locative, construct «مفاوضات ميامي», host or travel word), date (not
   the date of saying, a dateline or a «منذ» reference), status (the nearest marker; cancelled
   wins), round number or count («جولتين» -> rounds 1 and 2), outcomes (only when produced, not
   hoped), and the people at the table.
3. Mentions become meetings. A mention with an anchor (place, date, round number, people) or,
   when indefinite, two sides and an explicit status founds a meeting or merges into a
   compatible one (sides, place, date, round number, status). Definite and demonstrative
   mentions («هذه المحادثات», "the talks") and delegation sentences («الوفد الروسي», «بحضور»,
   "joined by") refer back to the most recent compatible meeting. History, hypotheses,
   habitual talk and bare proposals found nothing.
4. Each meeting gets its status, its sides (a host seen only as a place or through its people
   mediates; a sequel «الجولة المقبلة» takes the sides of the meeting it follows; a trilateral
   format fills up with the article's main sides), its participants (no commentators, reporters
   unless negotiators, possessors such as Trump in «مبعوث ترامب», or mediators' people) and every
   evidence sentence. A venue is reported by its city. Meetings with fewer than two of the core
   sides (RU, UA, US) are not rounds of these talks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from tasks.nlp.dates import DateMention, future_context, is_future_verb
from tasks.nlp.gazetteer import load_gazetteer
from tasks.nlp.normalize import Normalized, norm_token, normalize
from tasks.nlp.types import Entity, Event, Mention, Participant, Span

RESOURCES = Path(__file__).parent / "resources"

# Distances are counted in "free" words: words that are not part of a name, a nationality or a
# date and are not connectors. A trigger's arguments must stand this close to it.
MAX_ARG_DIST = 9
MAX_PLACE_DIST = 6
MAX_DATE_DIST = 12
MAX_WEAK_GAP = 3  # sentences a delegation phrase («الوفد الروسي») may reach back
MERGE_DAYS = 3  # date ranges closer than this can be one meeting

_EN_DETERMINERS = frozenset({"the", "their", "its", "these", "those", "this", "that", "his", "her"})
_CONNECTORS = frozenset({"و", "بين", "مع", "and", "between", "with", "كل", "both", "من"})
# statuses one meeting cannot have in one article at once
_CONFLICTS = {
    frozenset({"held", "planned"}),
    frozenset({"held", "proposed"}),
    frozenset({"ongoing", "proposed"}),
    frozenset({"held", "cancelled"}),
    frozenset({"ongoing", "cancelled"}),
}
_AR_PRE = r"(?:[وف]?(?:[بلك]|ال|بال|كال|لل)?)"
_AR_SUF = r"(?:هما|ها|هم|هن|ه|نا|كم)?"


# ---------------------------------------------------------------------------------- lexicon


def _load(name: str) -> Any:
    with open(RESOURCES / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


def _entry(e: str) -> str:
    """Regex body of one lexicon entry (normalised; spaces flexible; trailing * = any ending)."""
    star = str(e).endswith("*")
    words = norm_token(str(e).rstrip("*")).split()
    body = r"\s+".join(re.escape(w) for w in words)
    return body + (r"\w*" if star else "")


def _alternation(entries: list[str]) -> str:
    bodies = sorted({_entry(e) for e in entries if str(e).strip()}, key=len, reverse=True)
    return "|".join(bodies) or r"(?!x)x"


def _word_rx(entries: list[str], prefix: str = r"[وف]?") -> re.Pattern[str]:
    """Whole-word matcher; Arabic may carry the given clitic prefix."""
    return re.compile(rf"(?<!\w){prefix}(?P<core>{_alternation(entries)})(?!\w)")


def _both(d: dict[str, list[str]] | None) -> list[str]:
    d = d or {}
    return [*(d.get("ar") or []), *(d.get("en") or [])]


def _nset(words: list[str] | None) -> frozenset[str]:
    return frozenset(norm_token(str(w)) for w in words or [])


@dataclass(frozen=True)
class _Lexicon:
    trigger_rx: re.Pattern[str]
    trigger_kind: dict[str, str]
    verb_status: dict[str, str]
    remote: frozenset[str]
    phrase_openers: frozenset[str]
    en_round_context: frozenset[str]
    compound_gap: int
    joiners: frozenset[str]
    weak_rx: re.Pattern[str]
    participation_rx: re.Pattern[str]
    side_nouns: frozenset[str]
    side_nouns_bare: frozenset[str]
    demonstratives: frozenset[str]
    trilateral: frozenset[str]
    sequel: frozenset[str]
    generic: frozenset[str]
    ordinals_after: dict[str, int]
    ordinals_before: dict[str, int]
    counts: dict[str, int]
    count_words: dict[str, int]
    status_rx: dict[str, re.Pattern[str]]
    adjacent_held: frozenset[str]
    before_held: frozenset[str]
    masdar_words: frozenset[str]
    masdar_governors: frozenset[str]
    background_openers: frozenset[str]
    background_rx: re.Pattern[str]
    topic_before: frozenset[str]
    possessive_nouns: frozenset[str]
    possessor_titles: dict[str, str]
    speech: frozenset[str]
    speech_rx: re.Pattern[str]
    commentator: frozenset[str]
    negotiator: frozenset[str]
    host: frozenset[str]
    travel: frozenset[str]
    locative: frozenset[str]
    regions: list[tuple[re.Pattern[str], str]]
    metonymic: dict[str, str]
    core_sides: frozenset[str]
    min_core: int
    org_places: dict[str, str]
    outcome_rx: list[tuple[re.Pattern[str], str]]
    result_rx: re.Pattern[str]
    hedges: frozenset[str]
    outcome_gap: int


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    trig, status, outc, cues = (
        _load(n) for n in ("triggers.yaml", "status_markers.yaml", "outcomes.yaml", "event_cues.yaml")
    )
    kind_of: dict[str, str] = {}
    for kind, d in trig["kinds"].items():
        for e in _both(d):
            kind_of[norm_token(e)] = kind
    ar = [e for e in kind_of if not e.isascii()]
    en = [e for e in kind_of if e.isascii()]
    # Arabic nouns ending in ة (ه) take pronoun suffixes on ت: جولتها, قمتهما
    t_forms = [e[:-1] + "ت" for e in ar if e.endswith("ه")]
    trigger_rx = re.compile(
        rf"(?<!\w)(?:{_AR_PRE}(?P<ar>{_alternation(ar)}){_AR_SUF}|{_AR_PRE}(?P<art>{_alternation(t_forms)})"
        rf"(?:هما|ها|هم|ه)|(?P<en>{_alternation(en)}))(?!\w)"
    )
    verb_status = {norm_token(v): st for st, vs in trig["verb_status"].items() for v in vs}
    ords = trig["ordinals"]
    status_rx = {
        st: _word_rx([e for k, v in status[st].items() if k in ("ar", "en") for e in v])
        for st in ("cancelled", "held", "ongoing", "planned", "proposed")
    }
    regions = [(_word_rx(_both(d), prefix=r"[وفبل]?"), cc) for cc, d in cues["actor_regions"].items()]
    outcome_rx = []
    for code, d in outc["outcomes"].items():
        bodies = []
        for e in _both(d):
            parts = [_entry(p) if p != "~" else r"\w+(?:\s+\w+)?" for p in str(e).split()]
            plural = r"(?:e?s)?" if str(e).isascii() else ""  # "prisoner swaps", "agreements"
            bodies.append(r"\s+".join(parts) + plural)
        outcome_rx.append((re.compile(rf"(?<!\w){_AR_PRE}(?:{'|'.join(bodies)})(?!\w)"), code))
    speech = _both(cues["speech"])
    return _Lexicon(
        trigger_rx=trigger_rx,
        trigger_kind=kind_of,
        verb_status=verb_status,
        remote=_nset(_both(trig["remote"])),
        phrase_openers=_nset(_both(trig["phrase_openers"])),
        en_round_context=_nset(trig["en_round_context"]),
        compound_gap=int(trig["compound"]["max_gap"]),
        joiners=_nset(trig["compound"]["joiners"]) | _nset(list(ords["ar"])) | _nset(list(ords["en"])),
        weak_rx=_word_rx(_both(trig["weak_anaphora"])),
        participation_rx=_word_rx(_both(trig["participation"])),
        side_nouns=_nset(_both(trig["side_nouns"])),
        side_nouns_bare=frozenset(_bare(w) for w in _nset(_both(trig["side_nouns"]))),
        demonstratives=_nset(_both(trig["demonstratives"])),
        trilateral=_nset(_both(trig["trilateral"])),
        sequel=_nset(_both(trig["sequel"])),
        generic=_nset(_both(cues["generic"])),
        ordinals_after={norm_token(k): v for k, v in {**ords["ar"], **ords["en_after"]}.items()},
        ordinals_before={norm_token(k): v for k, v in {**ords["ar_before"], **ords["en"]}.items()},
        counts={norm_token(k): v for k, v in trig["counts"]["ar"].items()},
        count_words={
            norm_token(k): v
            for k, v in {**trig["counts"]["ar_number_words"], **trig["counts"]["en_number_words"]}.items()
        },
        status_rx=status_rx,
        adjacent_held=_nset(_both(status["held"]["adjacent"])),
        before_held=_nset(_both(status["held"]["before"])),
        masdar_words=_nset(status["masdar_words"]),
        masdar_governors=_nset(status["masdar_governors"]),
        background_openers=_nset(_both(status["background_openers"])),
        background_rx=_word_rx(_both(cues["background"])),
        topic_before=_nset(_both(cues["topic_before"])),
        possessive_nouns=_nset(_both(cues["possessive_nouns"])),
        possessor_titles={norm_token(k): v for k, v in cues["possessor_titles"].items()},
        speech=_nset(speech),
        speech_rx=_word_rx(speech),
        commentator=_nset(_both(cues["commentator_roles"])),
        negotiator=_nset(_both(cues["negotiator_roles"])),
        host=_nset(_both(cues["host"])),
        travel=_nset(_both(cues["travel"])),
        locative=_nset(_both(cues["locative"])),
        regions=regions,
        metonymic={f"loc:city:{k}": v for k, v in cues["metonymic_cities"].items()},
        org_places=dict(cues["org_places"]),
        core_sides=frozenset(cues["core_sides"]),
        min_core=int(cues["min_core"]),
        outcome_rx=outcome_rx,
        result_rx=_word_rx(_both(outc["results"])),
        hedges=_nset(_both(outc["hedges"])),
        outcome_gap=int(outc["max_gap"]),
    )


# ---------------------------------------------------------------------------------- document

_WORD_RX = re.compile(r"\w+")


@dataclass(slots=True)
class _Arg:
    """A named thing in normalised offsets: person, location, org, nationality or acting region."""

    start: int
    end: int
    kind: str  # person | location | org | nat | region
    key: str
    cc: str | None  # the country it stands for
    entity: Entity | None = None
    loc_kind: str | None = None  # city | country | venue | region
    # person reading (filled by _classify_people)
    modifier: bool = False  # possessor of another noun («مبعوث ترامب»): not at the table
    announcer: bool = False  # the one reporting («أعلن المتحدث ... بيسكوف»)
    commentator: bool = False
    negotiator: bool = False
    host: bool = False  # «استضاف ...», "X hosted the talks": the host, not a side


@dataclass(slots=True)
class _Date:
    start: int
    end: int
    dm: DateMention


class _Doc:
    def __init__(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        args: list[_Arg],
        dates: list[_Date],
        nt: Normalized,
        language: str | None,
    ) -> None:
        self.text = text
        self.nt = nt
        self.n = nt.text
        self.language = language
        self.orig_sents = sentences
        self.sents = [(nt.to_normalized(a), nt.to_normalized(b)) for a, b in sentences]
        self._sent_starts = [s for s, _ in self.sents]
        self.args = sorted(args, key=lambda a: a.start)
        self.dates = sorted(dates, key=lambda d: d.start)
        self.tokens = [m.span() for m in _WORD_RX.finditer(self.n)]
        self.tok_starts = [s for s, _ in self.tokens]
        covered = [False] * len(self.tokens)
        for span in [(a.start, a.end) for a in self.args] + [(d.start, d.end) for d in self.dates]:
            i = self.tok_index(span[0])
            if i > 0 and self.tokens[i - 1][1] > span[0]:
                i -= 1  # the token holding the span's first letter (clitics before it)
            while i < len(self.tokens) and self.tokens[i][0] < span[1]:
                covered[i] = True
                i += 1
        self._free = [0]
        for (s, e), cov in zip(self.tokens, covered, strict=True):
            word = self.n[s:e]
            self._free.append(self._free[-1] + (0 if cov or word in _CONNECTORS else 1))

    def tok_index(self, pos: int) -> int:
        """Index of the first token starting at or after `pos`."""
        return bisect_left(self.tok_starts, pos)

    def free(self, a: int, b: int) -> int:
        """Free words starting in [a, b)."""
        if b <= a:
            return 0
        return self._free[self.tok_index(b)] - self._free[self.tok_index(a)]

    def words_before(self, pos: int, k: int, floor: int = 0) -> list[str]:
        """Up to k words ending at or before `pos` (nearest last), not crossing `floor`."""
        i = self.tok_index(pos)
        if i > 0 and self.tokens[i - 1][1] > pos:
            i -= 1
        out = [self.n[s:e] for s, e in self.tokens[max(0, i - k) : i] if s >= floor]
        return out

    def words_after(self, pos: int, k: int, ceil: int | None = None) -> list[str]:
        i = self.tok_index(pos)
        ceil = len(self.n) if ceil is None else ceil
        return [self.n[s:e] for s, e in self.tokens[i : i + k] if e <= ceil]

    def clitic(self, pos: int) -> str:
        """Letters glued before `pos` in its word (و، ل، بال ...)."""
        i = pos
        while i > 0 and self.n[i - 1].isalnum():
            i -= 1
        return self.n[i:pos]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect_right(self._sent_starts, pos) - 1)

    def gap_text(self, a: int, b: int) -> str:
        return self.n[a:b] if b > a else ""


def _member(w: str, vocab: frozenset[str] | dict[str, int]) -> bool:
    """`w` is in `vocab`, with or without a leading و/ف (وفد is a word, و+فد is not: try both)."""
    return w in vocab or _strip_conj(w) in vocab


_WITH = frozenset({"بين", "مع", "between", "with"})
_FROM = frozenset({"من", "from"})


def _side_noun(lex: _Lexicon, w: str) -> bool:
    """«الوفد», «مسؤولين», "officials": a noun a nationality can qualify as a side."""
    return _member(w, lex.side_nouns) or _bare(w) in lex.side_nouns_bare


def _strip_conj(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


def _bare(w: str) -> str:
    """A word without conjunction, preposition and article clitics (وللرئيس -> رييس)."""
    w = _strip_conj(w)
    if len(w) > 4 and w.startswith("لل"):
        return w[2:]
    if len(w) > 4 and w[0] in "بلك" and w[1:3] == "ال":
        return w[3:]
    if len(w) > 4 and w.startswith("ال"):
        return w[2:]
    return w


def _has_article(w: str) -> bool:
    w = _strip_conj(w)
    return len(w) > 3 and (w.startswith("ال") or w.startswith("لل") or (w[0] in "بك" and w[1:3] == "ال"))


# ---------------------------------------------------------------------------------- arguments


def _nationality_args(nt: Normalized, taken: list[tuple[int, int]]) -> list[_Arg]:
    """Nationality adjectives and demonyms, read with the gazetteer's own nationality table
    (used when the caller does not pass the ones entities.analyze() found)."""
    out: list[_Arg] = []
    for hit in load_gazetteer().scan(nt.text):
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
        out.append(_Arg(hit.start, hit.end, "nat", a.key, a.key))
    # keep the longest of overlapping hits
    out.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[_Arg] = []
    for x in out:
        if not kept or x.start >= kept[-1].end:
            kept.append(x)
    return kept


def _build_args(
    nt: Normalized,
    mentions: list[Mention],
    entities: list[Entity],
    lex: _Lexicon,
    nat_cues: list[tuple[int, int, str]] | None,
) -> list[_Arg]:
    ents = {e.key: e for e in entities}
    args: list[_Arg] = []
    for m in mentions:
        if m.kind not in ("person", "location", "org"):
            continue
        e = ents.get(m.key)
        s, t = nt.to_normalized(m.start), nt.to_normalized(m.end)
        cc = e.country_code if e else None
        loc_kind = e.location_kind if e else None
        if m.kind == "location" and loc_kind is None:
            loc_kind = m.key.split(":")[1] if m.key.count(":") >= 2 else None
        if m.kind == "location" and cc is None and m.key.startswith("loc:country:"):
            cc = m.key.rsplit(":", 1)[1]
        args.append(_Arg(s, t, m.kind, m.key, cc, e, loc_kind))
    taken = [(a.start, a.end) for a in args]
    if nat_cues is None:
        args += _nationality_args(nt, taken)
    else:
        args += [_Arg(nt.to_normalized(s), nt.to_normalized(e), "nat", cc, cc) for s, e, cc in nat_cues]
    taken = [(a.start, a.end) for a in args]
    for rx, cc in lex.regions:
        for m in rx.finditer(nt.text):
            s, t = m.span("core")
            if not any(a < t and s < b for a, b in taken):
                args.append(_Arg(s, t, "region", f"region:{cc}", cc))
    return args


def _classify_people(doc: _Doc, lex: _Lexicon) -> None:
    """Mark possessors, reporters, commentators and negotiators among the people."""
    people = [a for a in doc.args if a.kind == "person"]
    for p in people:
        sent = doc.sents[doc.sentence_of(p.start)]
        before = doc.words_before(p.start, 8, floor=sent[0])
        after = doc.words_after(p.end, 4, ceil=sent[1])
        role = (p.entity.role or "").casefold() if p.entity else ""
        title = _title_chain(doc, p, lex, sent[0])
        p.modifier = _is_possessor(doc, p, lex, before, after, role)
        p.commentator = any(w in role for w in lex.commentator if w.isascii()) or any(
            _bare(w) in {_bare(c) for c in lex.commentator} for w in title
        )
        p.negotiator = any(w in role for w in lex.negotiator if w.isascii()) or any(
            _bare(w) in {_bare(c) for c in lex.negotiator} for w in title
        )
        p.announcer = _is_reporter(doc, p, lex, sent)
        p.host = any(_member(w, lex.host) for w in after[:2]) or (bool(before) and _member(before[-1], lex.host))


def _title_chain(doc: _Doc, p: _Arg, lex: _Lexicon, floor: int) -> list[str]:
    """Words of the title right before a name («المتحدث باسم الكرملين», "Kremlin spokesman"),
    stopping at a verb of saying, «أن»/"that", or another person's name."""
    chain: list[str] = []
    pos = p.start
    for _ in range(6):
        i = doc.tok_index(pos) - 1
        if i < 0 or doc.tokens[i][0] < floor:
            break
        ts, te = doc.tokens[i]
        w = doc.n[ts:te]
        if w in lex.speech or _member(w, lex.speech) or w in _COMPLEMENTIZERS:
            break
        if any(a.kind == "person" and a.start <= ts < a.end for a in doc.args if a is not p):
            break
        chain.append(w)
        pos = ts
    return chain


def _is_possessor(doc: _Doc, p: _Arg, lex: _Lexicon, before: list[str], after: list[str], role: str) -> bool:
    # English: "Trump's envoy", "the Trump administration"
    tail = doc.n[p.end : p.end + 3]
    if tail.startswith("'s") and any(w in lex.possessive_nouns for w in after[1:4]):
        return True
    if after and after[0] in lex.possessive_nouns and after[0].isascii():
        return True
    if not before:
        return False
    # «صهر ترامب», «لإدارة ترامب»: a bare construct noun right before the name
    last = before[-1]
    if not last.isascii() and not _has_article(last) and _member(last, lex.possessive_nouns):
        return True  # Arabic construct state; English "envoy Steve Witkoff" is apposition
    # «مبعوث الرئيس الأمريكي السابق دونالد ترامب», «للرئيس الروسي فلاديمير بوتين», "envoy of President X"
    i = len(before) - 1
    steps = 0
    while i >= 0 and steps < 5:
        w = before[i] if before[i] in lex.possessor_titles else _strip_conj(before[i])
        two = f"{before[i - 1]} {before[i]}" if i > 0 else ""
        title = (
            lex.possessor_titles.get(w) or lex.possessor_titles.get(two) or lex.possessor_titles.get(_strip_conj(two))
        )
        if title:
            start = i - (1 if not lex.possessor_titles.get(w) else 0)
            prev = before[start - 1] if start > 0 else ""
            governed = (
                (w.startswith("ل") and not w.startswith("ال"))
                or (prev and not _has_article(prev) and _member(prev, lex.possessive_nouns))
                or prev == "of"
            )
            return bool(governed and (not role or title in role))
        if not (_has_article(w) or (w.isascii() and w.istitle()) or w in ("former", "us", "u", "s")):
            return False
        i -= 1
        steps += 1
    return False


_COMPLEMENTIZERS = frozenset({"ان", "بان", "انه", "انها", "that", "whether"})


def _is_reporter(doc: _Doc, p: _Arg, lex: _Lexicon, sent: tuple[int, int]) -> bool:
    """The person is the subject of a speech verb: «أعلن المتحدث ... بيسكوف», "Peskov said", "said Peskov"."""
    english = doc.n[p.start : p.start + 1].isascii()
    for m in lex.speech_rx.finditer(doc.n, sent[0], p.start):
        between = _WORD_RX.findall(doc.n[m.end() : p.start])
        if english and len(between) > 1:
            continue  # English reporters stand right after the verb only: "said Peskov"
        if any(w in _COMPLEMENTIZERS for w in between):
            continue  # «أعلن البيت الأبيض أن ترامب ...»: Trump is what was said
        gap_people = [a for a in doc.args if a.kind == "person" and m.end() <= a.start < p.start]
        if (
            doc.free(m.end(), p.start) <= 8
            and all(a.modifier for a in gap_people)
            and not _trigger_between(doc, m.end(), p.start)
        ):
            return True
    after = doc.words_after(p.end, 3, ceil=sent[1])
    return any(w in lex.speech for w in after[:2] if w.isascii())


def _trigger_between(doc: _Doc, a: int, b: int) -> bool:
    return bool(_lexicon().trigger_rx.search(doc.n, a, b))


# ---------------------------------------------------------------------------------- triggers


@dataclass(slots=True)
class _Trig:
    start: int
    end: int
    core_end: int  # end of the first trigger word (ordinals and adjectives follow it)
    kind: str
    lemma: str
    surface: str
    definite: bool
    demonstrative: bool
    verb_status: str | None
    english: bool
    purpose: bool = False


def _find_triggers(doc: _Doc, lex: _Lexicon, s: int, e: int) -> list[_Trig]:
    found: list[_Trig] = []
    for m in lex.trigger_rx.finditer(doc.n, s, e):
        group = "ar" if m.group("ar") else "art" if m.group("art") else "en"
        core = m.group(group)
        cs, ce = m.span(group)
        english = group == "en"
        lemma = core if group != "art" else core[:-1] + "ه"
        kind = lex.trigger_kind.get(lemma, "talks")
        before = doc.words_before(m.start(), 2, floor=s)
        after = doc.words_after(m.end(), 2, ceil=e)
        if english and kind == "round" and not any(w in lex.en_round_context for w in before[-2:] + after[:1]):
            continue
        prefix = doc.n[m.start() : cs]
        suffix = doc.n[ce : m.end()]
        demonstrative = bool(before and _member(before[-1], lex.demonstratives))
        before3 = doc.words_before(m.start(), 3, floor=s)
        definite = (
            demonstrative
            or "ال" in prefix
            or prefix.endswith("لل")
            or bool(suffix)
            or (english and any(w in _EN_DETERMINERS for w in before3))
        )
        if english and before and before[-1] in ("the", "their", "its") and kind == "verb":
            continue  # "the meet" is not a verb
        if kind == "verb":
            definite = demonstrative = False
        near_words = doc.words_after(m.end(), 2, ceil=e) + before[-1:]
        if any(w in lex.remote for w in near_words) or (english and after[:1] == ["call"]):
            continue  # «محادثات هاتفية», "phone talks": not a meeting at a table
        surface = doc.text[slice(*doc.nt.orig_span(cs, ce))]
        found.append(
            _Trig(
                m.start(),
                m.end(),
                m.end(),
                kind,
                _lemma(lemma),
                surface,
                definite,
                demonstrative,
                lex.verb_status.get(core),
                english,
                # «للقاء بوتين», "to meet Putin": a meeting intended, not yet reported as held
                purpose=(not english and prefix.lstrip("وف") == "ل") or (english and before[-1:] == ["to"]),
            )
        )
    return _compound(doc, lex, found)


def _lemma(w: str) -> str:
    """Crude lemma so that «لقاء»/«اللقاءات»/«لقائه» and "meeting"/"meetings" compare equal."""
    w = re.sub(r"(ات|تين|تان|ين|ان|s)$", "", w)
    return w[:4]


def _compound(doc: _Doc, lex: _Lexicon, trigs: list[_Trig]) -> list[_Trig]:
    """«جولة مباحثات», «الجولة الثالثة من المفاوضات», "round of talks": one phrase."""
    out: list[_Trig] = []
    for t in trigs:
        if out:
            prev = out[-1]
            gap = _WORD_RX.findall(doc.n[prev.end : t.start])
            if (
                len(gap) <= lex.compound_gap
                and all(_bare(w) in lex.joiners or w in lex.joiners for w in gap)
                and not re.search(r"[.،,:؛;!?؟]", doc.n[prev.end : t.start])
            ):
                kinds = {prev.kind, t.kind}
                if "round" in kinds:
                    prev.kind = "round"
                elif prev.kind == "track":
                    prev.kind = t.kind
                prev.end = t.end
                continue
        out.append(t)
    return out


# ---------------------------------------------------------------------------------- event mentions


@dataclass(slots=True)
class _EM:
    """One trigger (or delegation phrase) as read in its sentence."""

    sent: int
    pos: int
    trig: _Trig | None
    lo: int  # the stretch of the sentence this mention owns
    hi: int
    weak: bool = False
    parties: set[str] = field(default_factory=set)
    hosts: set[str] = field(default_factory=set)
    by_name: set[str] = field(default_factory=set)
    place: _Arg | None = None
    date: _Date | None = None
    status: str | None = None
    strength: float = 0.0
    round_no: int | None = None
    count: int = 0
    outcomes: list[str] = field(default_factory=list)
    people: list[_Arg] = field(default_factory=list)  # candidates for the table
    background: bool = False
    trilateral: bool = False
    future: bool = False  # the clause speaks of the future (for the default status)
    sequel: bool = False  # «الجولة المقبلة», "the next meeting": follows an earlier meeting
    generic: bool = False  # "several rounds", «أي محادثات»: habitual or hypothetical, not one meeting
    round_dates: list[_Date] = field(default_factory=list)

    @property
    def definite(self) -> bool:
        return self.weak or bool(self.trig and self.trig.definite)

    @property
    def lemma(self) -> str:
        return self.trig.lemma if self.trig else ""


def _opens_phrase(doc: _Doc, t: _Trig) -> bool:
    before = doc.words_before(t.start, 1)
    return bool(before) and (
        before[-1] in _lexicon().phrase_openers or _strip_conj(before[-1]) in _lexicon().phrase_openers
    )


def _nearest(doc: _Doc, trigs: list[_Trig], s: int, e: int) -> tuple[int, float]:
    """The trigger an item [s, e) belongs to, and its distance.

    Arabic arguments mostly follow their head, so an item between two triggers leans to the
    one before it; a trigger opened by «قبل»/"before" takes nothing from before the opener."""
    best, dist = 0, float("inf")
    for i, t in enumerate(trigs):
        if s >= t.end:
            d = float(doc.free(t.end, s))
        elif e <= t.start:
            # Arabic arguments follow their head (VSO); English subjects precede it (SVO)
            d = doc.free(e, t.start) * (1.0 if t.english else 1.5) + 1
            if i > 0 and _opens_phrase(doc, t):
                d += 100
        else:
            d = 0.0
        if d < dist:
            best, dist = i, d
    return best, dist


def _distance(doc: _Doc, t: _Trig, s: int, e: int) -> int:
    if s >= t.end:
        return doc.free(t.end, s)
    if e <= t.start:
        return doc.free(e, t.start)
    return 0


def _read_sentence(doc: _Doc, lex: _Lexicon, si: int, trigs: list[_Trig], pub: date | None) -> list[_EM]:
    s, e = doc.sents[si]
    ems = []
    for i, t in enumerate(trigs):
        lo = trigs[i - 1].end if i else s
        hi = trigs[i + 1].start if i + 1 < len(trigs) else e
        ems.append(_EM(si, t.start, t, lo, hi))
    owned: dict[int, list[tuple[_Arg, float]]] = {i: [] for i in range(len(trigs))}
    for a in doc.args:
        if s <= a.start < e:
            i, d = _nearest(doc, trigs, a.start, a.end)
            owned[i].append((a, d))
    dated: dict[int, list[tuple[_Date, float]]] = {i: [] for i in range(len(trigs))}
    for dt in doc.dates:
        if s <= dt.start < e:
            i, d = _nearest(doc, trigs, dt.start, dt.end)
            dated[i].append((dt, d))
    # «بحضور وزير الخارجية ...», "joined by Rubio and Witkoff": people around a participation cue
    # join the trigger the cue belongs to, however far they stand
    joined: dict[int, list[_Arg]] = {i: [] for i in range(len(trigs))}
    for m in lex.participation_rx.finditer(doc.n, s, e):
        i, _ = _nearest(doc, trigs, m.start(), m.end())
        for a in doc.args:
            if (
                a.kind == "person"
                and s <= a.start < e
                and not a.modifier
                and (0 <= doc.free(m.end(), a.start) <= 8 or 0 <= doc.free(a.end, m.start()) <= 3)
            ):
                joined[i].append(a)
    # a negotiator reporting from the talks («بحسب ما أعلن رئيس الوفد الروسي ...») sat at them
    for a in doc.args:
        if a.kind == "person" and s <= a.start < e and a.announcer and a.negotiator and not a.modifier:
            joined[_nearest(doc, trigs, a.start, a.end)[0]].append(a)
    markers = _status_markers(doc, lex, s, e)
    marked: dict[int, list[tuple[str, int, float]]] = {i: [] for i in range(len(trigs))}
    for st, ms, me in markers:
        i, _ = _nearest(doc, trigs, ms, me)
        marked[i].append((st, ms, float(_distance(doc, trigs[i], ms, me))))
    for i, em in enumerate(ems):
        t = em.trig
        assert t is not None
        em.background = _background(doc, lex, t, em.lo, em.hi)
        em.future = future_context(doc.n, t.start, t.end)
        near = [(a, d) for a, d in owned[i] if d <= MAX_ARG_DIST]
        em.place = _place(doc, lex, t, near, s, e)
        sides = _sides(
            doc, lex, t, near + [(a, 0.0) for a in joined[i] if all(a is not b for b, _ in near)], em.place, s
        )
        em.parties, em.hosts, em.by_name = sides.parties, sides.hosts, sides.by_name
        em.people = [a for a, _ in near if a.kind == "person" and not a.modifier]
        em.people += [a for a in joined[i] if a not in em.people]
        em.trilateral = any(
            _member(w, lex.trilateral)
            for w in doc.words_after(t.end, 2, ceil=e) + doc.words_before(t.start, 2, floor=s)
        )
        em.round_no, em.count = _round(doc, lex, t, s, e)
        beside = doc.words_after(t.core_end, 1, ceil=e) + doc.words_before(t.start, 2, floor=s)
        em.sequel = bool(em.round_no and em.round_no > 1) or any(_member(w, lex.sequel) for w in beside)
        em.generic = any(_member(w, lex.generic) for w in doc.words_before(t.start, 6, floor=s))
        em.status, em.strength = _status(doc, lex, t, marked[i], s)
        usable = [] if em.background else _usable_dates(doc, lex, dated[i], s)
        em.date = usable[0] if usable else None
        em.round_dates = sorted(usable, key=lambda d: d.start)  # «جولتين في 16 مايو و2 يونيو»
        if em.date and pub and not _date_fits(em.date.dm, em.status if em.strength >= 2 else None, pub):
            em.date = None  # «الجولة الأخيرة» is not next weekend's
        if em.date and pub and em.strength < 2:
            st = _status_from_date(em.date.dm, pub)
            if st and (em.status is None or em.strength < 1.5):
                em.status, em.strength = st, 1.5
        em.outcomes = _outcomes(doc, lex, t.start, em.hi)
    return ems


def _background(doc: _Doc, lex: _Lexicon, t: _Trig, lo: int, hi: int) -> bool:
    """History or hypothesis around the trigger («ضمت روسيا القرم», "broader peace talks"): a cue in the
    trigger's stretch of the sentence, near it (a cue far off in a long sentence is another clause).
    "the first talks since the invasion" only dates the talks against history: not background."""
    return any(
        _distance(doc, t, m.start(), m.end()) <= 8
        and not any(_member(w, lex.background_openers) for w in doc.words_before(m.start(), 2, floor=lo))
        for m in lex.background_rx.finditer(doc.n, lo, hi)
    )


def _status_markers(doc: _Doc, lex: _Lexicon, s: int, e: int) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for st, rx in lex.status_rx.items():
        for m in rx.finditer(doc.n, s, e):
            ms, me = m.span("core")
            before = doc.words_before(ms, 2, floor=s)
            if any(_member(w, lex.background_openers) for w in before):
                continue  # «منذ بدء العملية العسكرية»
            if (
                m.group("core") in lex.masdar_words
                and before
                and (_member(before[-1], lex.masdar_governors) or before[-1] in lex.masdar_governors)
            ):
                continue  # «إمكانية عقد الجولة»: "holding", not "held"
            out.append((st, ms, me))
    # «اقترحت روسيا عقد محادثات»: a verbal noun after a proposal or a plan is not a past verb
    governing = [(ms, st) for st, ms, _ in out if st in ("proposed", "planned")]
    out = [
        (st, ms, me)
        for st, ms, me in out
        if not (
            st == "held" and doc.n[ms:me] in lex.masdar_words and any(0 < doc.free(gs, ms) <= 3 for gs, _ in governing)
        )
    ]
    # Arabic future verbs («ستجمع», «سيبحث») say the meeting is ahead
    for m in _WORD_RX.finditer(doc.n, s, e):
        w = m.group()
        if is_future_verb(w) and not any(ms <= m.start() < me for _, ms, me in out):
            out.append(("planned", m.start(), m.end()))
    return out


def _status(
    doc: _Doc, lex: _Lexicon, t: _Trig, marks: list[tuple[str, int, float]], floor: int
) -> tuple[str | None, float]:
    """The status a trigger's clause gives, with a strength (3 = right next to it)."""
    after = doc.words_after(t.core_end, 2)
    before = doc.words_before(t.start, 2, floor=floor)
    if after and (after[0] in lex.adjacent_held or _member(after[0], lex.adjacent_held)):
        return "held", 3.0  # «الجولة الأخيرة»
    if before and (before[-1] in lex.adjacent_held and t.english):
        return "held", 3.0  # "the previous round"
    if before and (_member(before[-1], lex.before_held) or before[-1] in lex.before_held):
        return "held", 3.0  # «بعد محادثات», "following talks"
    cancelled = [m for m in marks if m[0] == "cancelled" and m[2] <= MAX_ARG_DIST]
    if cancelled:
        return "cancelled", 3.0
    best: tuple[float, str] | None = None
    for st, _, d in marks:
        if d > MAX_ARG_DIST + 3:
            continue
        if best is None or d < best[0]:
            best = (d, st)
    if t.verb_status and (best is None or best[0] > 1):
        return t.verb_status, 3.0
    if best is None:
        return ("planned", 1.0) if t.purpose else (None, 0.0)
    d, st = best
    return st, 3.0 if d <= 2 else 2.0 if d <= 5 else 1.0


def _date_fits(dm: DateMention, status: str | None, pub: date) -> bool:
    """Whether a meeting with this status can have this date, given the publication date."""
    if status == "held":
        return dm.start_date <= pub
    if status == "planned":
        return dm.end_date >= pub - timedelta(days=1)
    if status == "ongoing":
        return dm.start_date <= pub + timedelta(days=1) and dm.end_date >= pub - timedelta(days=14)
    return True


def _status_from_date(dm: DateMention, pub: date) -> str | None:
    if dm.end_date < pub:
        return "held"
    if dm.start_date > pub:
        return "planned"
    return "ongoing" if dm.relative else None


def _usable_dates(doc: _Doc, lex: _Lexicon, cands: list[tuple[_Date, float]], floor: int) -> list[_Date]:
    """Dates that can date the meeting, nearest to the trigger first."""
    ok = []
    for dt, d in cands:
        if d > MAX_DATE_DIST or dt.dm.precision == "year":
            continue
        before = doc.words_before(dt.start, 8, floor=floor)
        if any(_member(w, lex.background_openers) for w in before):
            continue  # «منذ فبراير 2022», «منذ بدء العملية العسكرية ... في فبراير 2022»
        if doc.free(floor, dt.start) <= 3 and re.match(r"\s*[(\-–—]", doc.n[dt.end : dt.end + 3]):
            continue  # dateline: "KYIV, July 21 (Reuters) -"
        near = [w for w in before[-3:] if w not in ("on", "في", "يوم", "reporters", "the")][-1:]
        if near and (near[0] in lex.speech or _member(near[0], lex.speech)):
            continue  # «أعلن الأسبوع الماضي», "said on Monday": when it was said
        ok.append((d, dt))
    return [dt for _, dt in sorted(ok, key=lambda x: x[0])]


def _round(doc: _Doc, lex: _Lexicon, t: _Trig, s: int, e: int) -> tuple[int | None, int]:
    """Round number («الجولة الثالثة», "second round") and, for «جولتين»/"two rounds", the count."""
    if t.kind not in ("round", "meeting"):
        return None, 0
    number, count = _round_number(doc, lex, t, s, e)
    if number == 1 and t.kind != "round":
        return None, count  # «أول لقاء منذ بدء الحرب», "the first meeting since": not a round number
    return number, count


def _round_number(doc: _Doc, lex: _Lexicon, t: _Trig, s: int, e: int) -> tuple[int | None, int]:
    core = _bare(norm_token(t.surface))
    if core in lex.counts:
        return None, lex.counts[core]
    after = doc.words_after(t.core_end, 3, ceil=e)
    before = doc.words_before(t.start, 2, floor=s)
    if after and after[0] in lex.ordinals_after:
        return lex.ordinals_after[after[0]], 0
    if len(after) > 1 and after[0] in ("رقم", "number", "no") and after[1].isdigit():
        return int(after[1]), 0
    if before:
        b = before[-1] if before[-1] in lex.ordinals_before else _strip_conj(before[-1])
        if b in lex.ordinals_before:
            return lex.ordinals_before[b], 0
        if len(before) > 1 and before[-1] in ("new", "fresh", "such") and before[-2] in lex.ordinals_before:
            return lex.ordinals_before[before[-2]], 0  # "a second new round", "the third such meeting"
        if b in lex.count_words and (core.endswith("ات") or core.endswith("s")):
            return None, lex.count_words[b]
    return None, 0


def _place(doc: _Doc, lex: _Lexicon, t: _Trig, near: list[tuple[_Arg, float]], s: int, e: int) -> _Arg | None:
    """Where the meeting is: a place tied to the trigger by a locative, a construct, a host or travel word."""
    cands: list[tuple[float, int, _Arg]] = []
    for a, _ in near:
        if a.kind == "org" and a.key in lex.org_places:
            # «في الكرملين», "at the White House": the city of that seat of power
            city = lex.org_places[a.key]
            a = _Arg(a.start, a.end, "location", city, a.cc, None, "city")
        elif a.kind != "location":
            continue
        d = _distance(doc, t, a.start, a.end)
        after_trigger = a.start >= t.end
        if d > (MAX_PLACE_DIST if after_trigger else 4):
            continue
        head, clitic = _place_head(doc, a, s)
        before = doc.words_before(head, 3, floor=s)
        prev = before[-1] if before else ""
        prev2 = " ".join(before[-2:]) if len(before) > 1 else ""
        ahead = doc.words_after(a.end, 1, ceil=e)
        how = 0
        if prev in lex.locative or "ب" in clitic or prev2 in lex.locative or _member(prev, lex.locative):
            # not «الحرب في أوكرانيا», «السلام في أوكرانيا»
            topic = before[-2] if len(before) > 1 and prev in lex.locative else ""
            if _bare(topic) in {_bare(w) for w in lex.topic_before} and topic not in lex.locative:
                continue
            how = 3
        elif (
            after_trigger
            and not doc.gap_text(t.end, a.start).strip()
            and a.loc_kind in ("city", "venue")
            and not clitic
        ):
            how = 3  # «لقاء موسكو», «مفاوضات ميامي»
        elif (
            not after_trigger
            and not doc.gap_text(a.end, t.start).strip()
            and a.loc_kind in ("city", "venue")
            and t.english
        ):
            how = 3  # "the Istanbul talks"
        elif a.loc_kind == "venue" and d <= 3:
            how = 2
        elif (prev and _member(prev, lex.host)) or (ahead and _member(ahead[0], lex.host)):
            how = 2  # «تستعد موسكو لاستقبال», "Riyadh hosts"
        elif prev in ("الي", "to") and any(_member(w, lex.travel) for w in before[:-1]):
            how = 2  # «السفر إلى موسكو للقاء»
        elif (
            prev in ("الي", "to")
            and doc.words_after(a.end, 1, ceil=e)[:1]
            and _strip_conj(doc.words_after(a.end, 1, ceil=e)[0]).startswith("لل")
        ):
            how = 2
        if not how:
            continue
        # a whole country is a place only when it is not also a side named as the topic
        if a.loc_kind == "country" and d > 1 and prev not in lex.locative:
            continue
        specificity = {"city": 2, "venue": 1, "country": 0, "region": 0}.get(a.loc_kind or "", 0)
        cands.append((d - how, -specificity, a))
    if not cands:
        return None
    cands.sort(key=lambda c: (c[0], c[1]))
    best = cands[0][2]
    # a venue and its city: keep the city, the venue's name may not carry it
    for _, _, a in cands:
        if best.loc_kind == "venue" and a.loc_kind == "city" and best.entity and best.entity.parent_key == a.key:
            return a
    return best


@dataclass(slots=True)
class _Sides:
    parties: set[str] = field(default_factory=set)
    by_name: set[str] = field(default_factory=set)  # named as countries, capitals, nationalities
    hosts: set[str] = field(default_factory=set)


_PLACE_TITLES = frozenset(
    {"عاصمه", "مدينه", "بلده", "منتجع", "قصر", "ولايه", "جزيره"}
    | {
        "العاصمه",
        "مدينه",
        "بلده",
        "منتجع",
        "قصر",
        "ولايه",
        "جزيره",
        "capital",
        "city",
        "town",
        "resort",
        "of",
        "the",
        "state",
    }
)


def _place_head(doc: _Doc, a: _Arg, floor: int) -> tuple[int, str]:
    """Start of a place phrase and the clitics on its first word: «في العاصمة المجرية بودابست» ->
    «العاصمة»; «بالعاصمة السعودية الرياض» -> («بالعاصمة», "بال"); "in the city of Geneva" -> "the"."""
    pos, clitic = a.start, doc.clitic(a.start)
    for _ in range(3):
        i = doc.tok_index(pos) - 1
        if i < 0 or doc.tokens[i][0] < floor:
            break
        ts, te = doc.tokens[i]
        word = doc.n[ts:te]
        # the country or nationality that qualifies the city («العاصمة الروسية موسكو», «السعودية الرياض»)
        qualifier = any(
            x is not a
            and x.start <= ts + 3
            and x.end >= te - 1
            and x.cc == a.cc
            and (x.kind == "nat" or (x.kind == "location" and x.loc_kind == "country"))
            for x in doc.args
        )
        prev_word = doc.n[doc.tokens[i - 1][0] : doc.tokens[i - 1][1]] if i > 0 else ""
        if qualifier or (_has_article(word) and _bare(prev_word) in _PLACE_TITLES):
            pos, clitic = ts, ""  # «العاصمة <adjective> الرياض»
        elif _bare(word) in _PLACE_TITLES or word in _PLACE_TITLES:
            pos, clitic = ts, word[: len(word) - len(_bare(word))]
            if clitic.strip("وف"):
                break  # «بالعاصمة»: the preposition is here
        else:
            break
    return pos, clitic


def _sides(
    doc: _Doc, lex: _Lexicon, t: _Trig, near: list[tuple[_Arg, float]], place: _Arg | None, floor: int
) -> _Sides:
    """The sides a trigger names, and host countries that are not (yet) sides.

    Lists are read as one: «بين روسيا والولايات المتحدة», "U.S. and Russian officials" take the
    reading of their first member's context, or of a side noun after their last member. People
    give their country; a reporter's country counts only when fewer than two sides are named
    ("Zelensky said he was ready to meet Putin")."""
    out = _Sides()
    reporters: set[str] = set()
    ordered = [a for a in sorted((a for a, _ in near), key=lambda a: a.start) if a is not place and a.cc]
    groups: list[list[_Arg]] = []
    for a in ordered:
        if groups and _chained(doc, groups[-1][-1], a):
            groups[-1].append(a)
        else:
            groups.append([a])
    for group in groups:
        first, last = group[0], group[-1]
        if _qualifies_place(doc, first, [b for b, _ in near]):
            continue  # «جدة السعودية», «العاصمة السعودية الرياض», "Anchorage, Alaska": part of a place's name
        if first.kind == "person":
            for p in group:
                if p.host:
                    # «استقبل بوتين ويتكوف»: a host is a side unless two others remain (resolved later)
                    out.hosts.add(p.cc or "")
                    out.parties.add(p.cc or "")
                elif _party_reading(doc, lex, t, p, floor):
                    out.parties.add(p.cc or "")
                elif p.announcer and not p.commentator and not p.modifier:
                    reporters.add(p.cc or "")
            continue
        if _is_host(doc, lex, first, last, floor):
            out.hosts.update(_side_code(lex, a) for a in group)
            continue
        if any(_affiliation(doc, lex, a) for a in group):
            continue
        if (
            all(a.kind == "location" and a.loc_kind != "country" for a in group)
            and len(group) < 2
            and _strip_conj((doc.words_before(first.start, 1, floor=floor) or [""])[-1])
            not in ("بين", "مع", "between", "with")
        ):
            continue  # a lone capital is a place or a speaker, not a side; «موسكو وكييف» are sides
        if (
            _party_reading(doc, lex, t, first, floor)
            or _side_noun_after(doc, lex, last)
            or any(a.kind == "nat" and _beside_trigger(doc, t, a) for a in group)
        ):
            codes = {_side_code(lex, a) for a in group}
            out.parties |= codes
            out.by_name |= codes
    if len(out.parties - {""}) < 2:
        out.parties |= reporters
    for s in (out.parties, out.by_name, out.hosts):
        s.discard("")
    return out


def _qualifies_place(doc: _Doc, a: _Arg, args: list[_Arg]) -> bool:
    """A country or nationality written as part of a city's name, before or after it."""
    if a.kind not in ("location", "nat") or (a.kind == "location" and a.loc_kind not in ("country", "region")):
        return False
    for b in args:
        if b.kind != "location" or b.loc_kind not in ("city", "venue") or b.cc != a.cc:
            continue
        if b.end <= a.start and re.fullmatch(r"[\s,،]*(?:ب|في|in)?\s*", doc.gap_text(b.end, a.start)):
            return True
        if a.end <= b.start and not doc.gap_text(a.end, b.start).strip():
            return True
    return False


def _side_code(lex: _Lexicon, a: _Arg) -> str:
    return lex.metonymic.get(a.key) or a.cc or ""


def _is_host(doc: _Doc, lex: _Lexicon, first: _Arg, last: _Arg, floor: int) -> bool:
    """«تستضيف السعودية», «بوساطة قطرية», "Saudi Arabia will host", "hosted by the UAE": a host."""
    before = doc.words_before(first.start, 3, floor=floor)
    ahead = doc.words_after(last.end, 2)
    if before and _member(before[-1], lex.host):
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
    return any(_member(w, lex.host) for w in ahead)


def _affiliation(doc: _Doc, lex: _Lexicon, a: _Arg) -> bool:
    """An organisation that only names who speaks: "Kremlin spokesman Peskov", "the State Department said"."""
    if a.kind != "org":
        return False
    ahead = doc.words_after(a.end, 3)
    if ahead and (ahead[0] in lex.speech or _member(ahead[0], lex.speech)):
        return True
    return any(
        p.kind == "person"
        and 0 <= doc.free(a.end, p.start) <= 2
        and p.start >= a.end
        and (p.announcer or p.commentator)
        for p in doc.args
    )


def _side_noun_after(doc: _Doc, lex: _Lexicon, a: _Arg) -> bool:
    """ "Russian officials", "Ukrainian delegation": an English nationality before a side noun."""
    ahead = doc.words_after(a.end, 1)
    return a.kind == "nat" and bool(ahead) and ahead[0] in lex.side_nouns and ahead[0].isascii()


def _beside_trigger(doc: _Doc, t: _Trig, a: _Arg) -> bool:
    """«مباحثات روسية-أمريكية», "US-Russian talks": the nationality qualifies the trigger itself."""
    if not t.english:
        return a.start >= t.end and doc.free(t.core_end, a.start) <= 1
    return a.end <= t.start and doc.free(a.end, t.start) <= 1


def _chained(doc: _Doc, prev: _Arg, a: _Arg) -> bool:
    """Two arguments of one list: «روسيا والولايات المتحدة», «روسية-أمريكية», "Russia and Ukraine"."""
    if prev.end > a.start or (prev.kind == "person") != (a.kind == "person"):
        return False
    gap = doc.gap_text(prev.end, a.start) + doc.clitic(a.start)[:1]
    if re.fullmatch(r"\s*(?:[\-–,،/]|و|and|&)\s*(?:و|and)?\s*", gap):
        return True
    return prev.kind == "nat" and a.kind == "nat" and gap.strip() == ""


def _party_reading(doc: _Doc, lex: _Lexicon, t: _Trig, a: _Arg, floor: int) -> bool:
    """Whether an argument (a list's first member) names a side at the table, by its context."""
    if a.kind == "person":
        return not (a.modifier or a.commentator or (a.announcer and not a.negotiator))
    before = doc.words_before(a.start, 2, floor=floor)
    prev = before[-1] if before else ""
    clitic = doc.clitic(a.start)
    if clitic.startswith(("و", "ف")) and len(clitic) > 1:
        clitic = clitic[1:]
    if clitic and (clitic[0] in "لبك" or clitic.startswith("لل")):
        return False  # «لأوكرانيا», «بروسيا», «للولايات المتحدة»
    if _member(prev, _WITH) or before[-2:] == ["كل", "من"]:
        return True
    if _member(prev, _FROM) and len(before) > 1 and _side_noun(lex, before[-2]):
        return True  # «وفود من روسيا وأوكرانيا», "delegations from Ukraine, Russia and the US"
    if _member(prev, lex.topic_before) or _bare(prev) in lex.topic_before:
        return False
    if a.kind == "nat":
        # a nationality names a side beside the trigger or after a side noun («الوفد الروسي»)
        return _beside_trigger(doc, t, a) or _side_noun(lex, prev)
    if a.kind == "location":
        return a.loc_kind == "country" or a.key in lex.metonymic  # «موسكو وكييف», "Washington"
    return a.kind in ("org", "region")


def _outcomes(doc: _Doc, lex: _Lexicon, lo: int, hi: int) -> list[str]:
    """Outcomes the clause says the talks produced («أسفرتا عن تبادل الأسرى», "agreed a ceasefire")."""
    found: list[tuple[int, int, str]] = []
    results = [m for m in lex.result_rx.finditer(doc.n, lo, hi)]
    for rx, code in lex.outcome_rx:
        for m in rx.finditer(doc.n, lo, hi):
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            for r in results:
                if r.end() <= m.start():
                    gap = _WORD_RX.findall(doc.n[r.end() : m.start()])
                    pre = doc.words_before(r.start(), 2, floor=lo)
                    if len(gap) <= lex.outcome_gap and not any(
                        _member(w, lex.hedges) or w in lex.hedges for w in gap + pre
                    ):
                        found.append((m.start(), m.end(), code))
                        break
                elif r.start() >= m.end() and doc.n[m.end() : r.start()].strip() in (
                    "was",
                    "were",
                    "has been",
                    "had been",
                ):
                    found.append((m.start(), m.end(), code))  # "a prisoner swap was agreed"
                    break
    return [c for _, _, c in sorted(found)]


def _weak_mention(doc: _Doc, lex: _Lexicon, si: int) -> _EM | None:
    """A trigger-less sentence about the current meeting: its sides («الوفد الروسي», «الطرفان»),
    who took part («بحضور», "joined by") and what came of it. It never founds a meeting."""
    s, e = doc.sents[si]
    cues = [m.span("core") for rx in (lex.weak_rx, lex.participation_rx) for m in rx.finditer(doc.n, s, e)]
    sides: set[str] = set()
    side_spans: list[tuple[int, int]] = []
    nats = [a for a in doc.args if s <= a.start < e and a.kind == "nat"]
    for k, a in enumerate(nats):
        prev = doc.words_before(a.start, 1, floor=s)
        ahead = doc.words_after(a.end, 1, ceil=e)
        chained = k > 0 and _chained(doc, nats[k - 1], a) and (nats[k - 1].cc or "") in sides
        if (
            chained
            or (prev and _side_noun(lex, prev[-1]))
            or (ahead and ahead[0] in lex.side_nouns and ahead[0].isascii())
        ):
            sides.add(a.cc or "")
            side_spans.append((a.start, a.end))
    sides.discard("")
    anchors = sorted(cues + side_spans)
    if not anchors:
        return None
    anchor = anchors[0][0]
    em = _EM(si, anchor, None, s, e, weak=True)
    em.parties = sides
    # members listed right around the cue («يضم الوفد الروسي ... ديميترييف»), or negotiators who report
    for a in doc.args:
        if a.kind != "person" or not s <= a.start < e or a.modifier:
            continue
        close = any(0 <= doc.free(ce, a.start) <= 6 or 0 <= doc.free(a.end, cs) <= 3 for cs, ce in anchors)
        if close or (a.announcer and a.negotiator):
            em.people.append(a)
    marks = _status_markers(doc, lex, s, e)
    if marks:
        st, _, _ = min(marks, key=lambda x: abs(x[1] - anchor))
        em.status, em.strength = st, 2.0
    pseudo = _Trig(
        anchors[0][0],
        anchors[0][1],
        anchors[0][1],
        "weak",
        "",
        "",
        True,
        False,
        None,
        doc.n[anchor : anchor + 1].isascii(),
    )
    near = [(a, 0.0) for a in doc.args if s <= a.start < e and a.kind == "location"]
    em.place = _place(doc, lex, pseudo, near, s, e)
    em.outcomes = _outcomes(doc, lex, s, e)
    return em


# ---------------------------------------------------------------------------------- meetings


@dataclass(slots=True)
class _Meeting:
    ems: list[_EM]
    parties: set[str]
    hosts: set[str]
    place: _Arg | None
    date: _Date | None
    round_no: int | None
    votes: list[tuple[float, int, str]]  # (strength, position, status)
    lemmas: set[str]
    first: int
    last: int
    last_sent: int
    people: list[_Arg]
    outcomes: list[str]
    trilateral: bool
    trigger: str
    future: bool
    by_name: set[str] = field(default_factory=set)
    sequel: bool = False

    @property
    def status(self) -> str | None:
        return _best_status(self.votes)


def _best_status(votes: list[tuple[float, int, str]]) -> str | None:
    if not votes:
        return None
    if any(st == "cancelled" and s >= 2 for s, _, st in votes):
        return "cancelled"
    top = max(s for s, _, _ in votes)
    return min((p, st) for s, p, st in votes if s == top)[1]


def _conflict(a: str | None, b: str | None) -> bool:
    return bool(a and b and frozenset({a, b}) in _CONFLICTS)


def _place_rank(a: _Arg) -> int:
    return {"venue": 0, "city": 1, "region": 2, "country": 3}.get(a.loc_kind or "", 4)


def _place_parts(a: _Arg) -> set[str]:
    """The place and what contains it (venue -> city -> country)."""
    parts = {a.key}
    if a.entity and a.entity.parent_key:
        parts.add(a.entity.parent_key)
    if a.cc:
        parts.add(f"loc:country:{a.cc}")
    return parts


def _same_place(a: _Arg, b: _Arg) -> bool:
    return (
        a.key == b.key
        or a.key in _place_parts(b) - {f"loc:country:{b.cc}"}
        or b.key in _place_parts(a) - {f"loc:country:{a.cc}"}
    )


def _place_compatible(a: _Arg, b: _Arg) -> bool:
    return a.key in _place_parts(b) or b.key in _place_parts(a) or _same_place(a, b)


def _dates_close(a: _Date, b: _Date) -> bool:
    slack = timedelta(days=MERGE_DAYS)
    return a.dm.start_date - slack <= b.dm.end_date and b.dm.start_date - slack <= a.dm.end_date


def _merge_score(mt: _Meeting, em: _EM) -> float | None:
    em_status = em.status if em.strength >= 2 else None
    if _conflict(mt.status, em_status):
        return None
    if em.count:
        return None
    if mt.round_no is not None and em.round_no is not None and mt.round_no != em.round_no:
        return None
    if em.place and mt.place and not _place_compatible(em.place, mt.place):
        return None
    if em.date and mt.date and not _dates_close(em.date, mt.date):
        return None
    same_place = bool(em.place and mt.place and _same_place(em.place, mt.place))
    score = 0.0
    if mt.parties and em.parties:
        if mt.parties == em.parties:
            score += 3
        elif (mt.parties <= em.parties or em.parties <= mt.parties) and (
            same_place
            or (em.date and mt.date and em.date.dm.precision == mt.date.dm.precision == "day")
            or (em.round_no and em.round_no == mt.round_no)
        ):
            score += 2
        else:
            return None
    elif same_place:
        score += 2
    elif not mt.parties and mt.place and not em.place and 0 <= em.sent - mt.last_sent <= 3:
        score += 1  # a placed meeting with no sides yet takes the sides of the next mention
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


def _attach_target(meetings: list[_Meeting], em: _EM) -> _Meeting | None:
    """The meeting a referring mention («هذه المحادثات», «الوفد الروسي», "the talks") points back to."""
    best: tuple[tuple[float, int], _Meeting] | None = None
    em_status = em.status if em.strength >= 2 else None
    for mt in meetings:
        if em.parties and mt.parties and not em.parties <= (mt.parties | mt.hosts):
            continue
        if (
            not mt.parties
            and em.parties
            and not em.weak
            and not (em.place and mt.place and _same_place(em.place, mt.place))
        ):
            continue  # a delegation sentence («الوفد الأمريكي ...») may name the sides of a placed meeting
        if _conflict(mt.status, em_status):
            continue
        if em.place and mt.place and not _place_compatible(em.place, mt.place):
            continue
        if em.round_no is not None and mt.round_no is not None and em.round_no != mt.round_no:
            continue
        if em.date and mt.date and not _dates_close(em.date, mt.date):
            continue
        if em.weak and em.sent - mt.last_sent > MAX_WEAK_GAP:
            continue
        key = (1.0 if em.lemma and em.lemma in mt.lemmas else 0.0, mt.last)
        if best is None or key > best[0]:
            best = (key, mt)
    return best[1] if best else None


def _can_found(em: _EM) -> bool:
    """Whether a mention may report a meeting of its own (else it can only refer back to one)."""
    t = em.trig
    if t is None:
        return False
    anchored_people = [p for p in em.people if not p.commentator and not (p.announcer and not p.negotiator)]
    if em.background and not (em.place or em.round_no or em.count):
        return False
    if em.generic or em.status == "proposed":
        # "several rounds of talks", "ready for talks with Kyiv": only with a place, date or number
        return bool(em.place or em.date or em.round_no or em.count or (em.trilateral and em.status))
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


def _new_meeting(em: _EM, round_no: int | None = None) -> _Meeting:
    return _Meeting(
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
    )


def _absorb(mt: _Meeting, em: _EM, founding: bool) -> None:
    mt.ems.append(em)
    mt.last, mt.last_sent = max(mt.last, em.pos), max(mt.last_sent, em.sent)
    mt.people += em.people
    mt.outcomes += em.outcomes
    mt.hosts |= em.hosts
    if em.lemma:
        mt.lemmas.add(em.lemma)
    if mt.date is None and em.date is not None:
        mt.date = em.date
    mt.by_name |= em.by_name
    if em.place and (
        mt.place is None or (_place_rank(em.place) < _place_rank(mt.place) and _place_compatible(em.place, mt.place))
    ):
        mt.place = em.place  # «في السعودية» ... «في قصر الدرعية بالرياض»: the more precise place
    if founding or (em.weak and not mt.parties):
        mt.parties |= em.parties
        if mt.round_no is None:
            mt.round_no = em.round_no
        mt.trilateral = mt.trilateral or em.trilateral
        mt.sequel = mt.sequel or em.sequel
    if em.status and (founding or em.strength >= 3):
        mt.votes.append((em.strength, em.pos, em.status))


def _group(ems: list[_EM]) -> list[_Meeting]:
    meetings: list[_Meeting] = []
    for em in ems:
        founding = _can_found(em)
        if em.definite and not em.count:
            # «هذه المحادثات», «المحادثات التي ستعقد ...»: a reference first, a new meeting only
            # when nothing reported so far fits
            target = _attach_target(meetings, em)
            if target is not None:
                _absorb(target, em, founding=founding)
                continue
        if not founding:
            continue
        if em.count >= 2 and em.status in (None, "held"):
            for k in range(1, em.count + 1):
                mt = _new_meeting(em, round_no=k)
                if len(em.round_dates) == em.count:
                    mt.date = em.round_dates[k - 1]  # "two rounds, on May 16 and June 2"
                meetings.append(mt)
            continue
        scored = [(sc, mt.last, mt) for mt in meetings if (sc := _merge_score(mt, em)) is not None]
        if scored:
            _absorb(max(scored, key=lambda x: (x[0], x[1]))[2], em, founding=True)
        else:
            meetings.append(_new_meeting(em))
    return meetings


# ---------------------------------------------------------------------------------- finishing


def _dominant_sides(doc: _Doc) -> list[str]:
    """Countries the article names most (as countries, capitals, nationalities or people)."""
    lex = _lexicon()
    c: Counter[str] = Counter()
    for a in doc.args:
        if a.kind == "location" and a.loc_kind == "country" and a.cc:
            c[a.cc] += 1
        elif a.kind == "location" and a.key in lex.metonymic:
            c[lex.metonymic[a.key]] += 1
        elif a.kind in ("nat", "person") and a.cc:
            c[a.cc] += 1
    return [cc for cc, _ in c.most_common()]


def _resolve_sides(meetings: list[_Meeting], all_ems: list[_EM], doc: _Doc) -> list[tuple[set[str], set[str]]]:
    """Final (parties, mediators) of each meeting, in order (later meetings may lean on earlier ones)."""
    dominant = _dominant_sides(doc)
    out: list[tuple[set[str], set[str]]] = []
    for mt in meetings:
        parties = set(mt.parties)
        earlier = [p for p, _ in out if len(p) >= 2]
        if not parties:
            sents = {em.sent for em in mt.ems}
            same = [em for em in all_ems if em.sent in sents and len(em.parties) >= 2 and not em.background]
            parties = set(same[0].parties) if same else set(earlier[-1]) if earlier else set(dominant[:2])
        elif len(parties) < 2 and mt.sequel:
            # «الجولة الثانية», "the next meeting": a sequel of a meeting with the same side
            sequel = [p for p in earlier if parties <= p]
            if sequel:
                parties = set(sequel[-1])
        if mt.trilateral and len(parties) < 3:
            parties |= set([cc for cc in dominant if cc not in parties][: 3 - len(parties)])
        hosts = set(mt.hosts)
        if mt.place and mt.place.cc:
            hosts.add(mt.place.cc)
        # the host country seen only through its people («بحضور وزير الخارجية التركي») mediates
        for cc in sorted(hosts & parties):
            if cc not in mt.by_name and len(parties - {cc}) >= 2:
                parties.discard(cc)
        out.append((parties, hosts - parties))
    return out


def _location_key(place: _Arg | None) -> str | None:
    """A venue is reported by its city when the gazetteer knows it (the city names the round)."""
    if place is None:
        return None
    if place.loc_kind == "venue" and place.entity and place.entity.parent_key:
        return place.entity.parent_key
    return place.key


def _finish(meetings: list[_Meeting], all_ems: list[_EM], doc: _Doc, pub: date | None) -> list[Event]:
    out: list[tuple[int, int, Event]] = []
    lex = _lexicon()
    for mt, (parties, mediators) in zip(meetings, _resolve_sides(meetings, all_ems, doc), strict=True):
        if len(parties) < 2 or len(parties & lex.core_sides) < lex.min_core:
            continue
        status = mt.status
        date_ = mt.date
        if date_ and pub and not _date_fits(date_.dm, status, pub):
            date_ = None
        if status is None:
            status = (_status_from_date(date_.dm, pub) if date_ and pub else None) or (
                "planned" if mt.future else "held"
            )
        participants = _participants(mt, parties, status)
        outcomes = sorted(set(mt.outcomes)) if status in ("held", "ongoing") else []
        evidence = sorted({doc.orig_sents[em.sent] for em in mt.ems})
        ev = Event(
            ordinal=0,
            status=status,
            parties=sorted(parties),
            mediators=sorted(mediators),
            location_key=_location_key(mt.place),
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
    _number_predecessors(events)
    for i, ev in enumerate(events):
        ev.ordinal = i
    return events


def _number_predecessors(events: list[Event]) -> None:
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


def _participants(mt: _Meeting, sides: set[str], status: str) -> list[Participant]:
    """People at the table: not commentators, nor hosts whose country mediates; reporters only when
    they negotiate."""
    if status in ("proposed", "cancelled"):
        return []
    seen: dict[str, str | None] = {}
    for p in mt.people:
        if p.modifier or p.commentator:
            continue
        if p.announcer and not (p.negotiator and status in ("ongoing", "held")):
            continue
        if p.cc and p.cc not in sides:
            continue
        seen.setdefault(p.key, p.cc)
    return [Participant(k, cc) for k, cc in seen.items()]


# ---------------------------------------------------------------------------------- entry point


def find_events(
    text: str,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    entities: list[Entity],
    dates: list[DateMention],
    published: date | None,
    language: str | None,
    nationalities: list[tuple[int, int, str]] | None = None,
) -> list[Event]:
    """The negotiation meetings `text` reports, one Event per real meeting, in order of appearance.

    `nationalities`: (start, end, country code) of nationality adjectives in original offsets, as
    entities.analyze() finds them; when None they are read here with the same gazetteer."""
    lex = _lexicon()
    nt = normalize(text)
    args = _build_args(nt, mentions, entities, lex, nationalities)
    ds = [_Date(nt.to_normalized(d.start), nt.to_normalized(d.end), d) for d in dates]
    doc = _Doc(text, sentences, args, ds, nt, language)
    _classify_people(doc, lex)
    ems: list[_EM] = []
    for si, (s, e) in enumerate(doc.sents):
        trigs = _find_triggers(doc, lex, s, e)
        if trigs:
            ems.extend(_read_sentence(doc, lex, si, trigs, published))
        elif (weak := _weak_mention(doc, lex, si)) is not None:
            ems.append(weak)
    meetings = _group(ems)
    return _finish(meetings, ems, doc, published)
