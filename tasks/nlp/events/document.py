"""The article as the event reader sees it: normalised text, sentences, tokens, and the arguments
(people, places, orgs, nationalities, acting regions) and dates in normalised offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from tasks.nlp.dates import DateMention
from tasks.nlp.events.lexicon import Lexicon, factions_of
from tasks.nlp.events.words import CONNECTORS, WORD_RX
from tasks.nlp.gazetteer import load_gazetteer
from tasks.nlp.text.normalize import Normalized
from tasks.nlp.types import Entity, Mention

# Distances are counted in "free" words: words that are not part of a name, a nationality or a
# date and are not connectors. A trigger's arguments must stand this close to it.
MAX_ARG_DIST = 9


@dataclass(slots=True)
class Arg:
    """A named thing in normalised offsets: person, location, org, nationality or acting region."""

    start: int
    end: int
    kind: str  # person | location | org | nat | region
    key: str
    cc: str | None  # the country it stands for
    entity: Entity | None = None
    loc_kind: str | None = None  # city | country | venue | region
    # person reading (filled by classify_people)
    modifier: bool = False  # possessor of another noun («مبعوث ترامب»): not at the table
    announcer: bool = False  # the one reporting («أعلن المتحدث ... بيسكوف»)
    commentator: bool = False
    negotiator: bool = False
    host: bool = False  # «استضاف ...», "X hosted the talks": the host, not a side
    seated: bool = False  # named at the table by a participation cue ("led by", «يضم الوفد»), whatever else


@dataclass(slots=True)
class DateArg:
    start: int
    end: int
    dm: DateMention


class Doc:
    def __init__(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        args: list[Arg],
        dates: list[DateArg],
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
        # start offsets for bisect: sentence-level code asks for "the args in [s, e)" many times per
        # document, and scanning every arg each time made long articles quadratic
        self._arg_starts = [a.start for a in self.args]
        self._date_starts = [d.start for d in self.dates]
        self._longest_arg = max((a.end - a.start for a in self.args), default=0)
        self.meeting_places: list[Arg] = []  # places meetings were read at so far, in order ("there" points back)
        self.tokens = [m.span() for m in WORD_RX.finditer(self.n)]
        self.tok_starts = [s for s, _ in self.tokens]
        self._tok_ends = [e for _, e in self.tokens]
        self._words = [self.n[s:e] for s, e in self.tokens]  # words_before/after: ~500 calls a page
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
            self._free.append(self._free[-1] + (0 if cov or word in CONNECTORS else 1))

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
        lo = max(i - k, bisect_left(self.tok_starts, floor) if floor else 0)
        return self._words[lo:i] if lo < i else []

    def words_after(self, pos: int, k: int, ceil: int | None = None) -> list[str]:
        i = self.tok_index(pos)
        hi = i + k if ceil is None else min(i + k, bisect_right(self._tok_ends, ceil))
        return self._words[i:hi] if i < hi else []

    def clitic(self, pos: int) -> str:
        """Letters glued before `pos` in its word (و، ل، بال ...)."""
        i = pos
        while i > 0 and self.n[i - 1].isalnum():
            i -= 1
        return self.n[i:pos]

    def args_in(self, s: int, e: int) -> list[Arg]:
        """Args starting in [s, e), in text order."""
        return self.args[bisect_left(self._arg_starts, s) : bisect_left(self._arg_starts, e)]

    def args_over(self, s: int, e: int) -> list[Arg]:
        """Args overlapping [s, e): starting before `e` and ending after `s`."""
        lo = bisect_left(self._arg_starts, s - self._longest_arg)
        return [a for a in self.args[lo : bisect_left(self._arg_starts, e)] if a.end > s]

    def dates_in(self, s: int, e: int) -> list[DateArg]:
        """Date args starting in [s, e), in text order."""
        return self.dates[bisect_left(self._date_starts, s) : bisect_left(self._date_starts, e)]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect_right(self._sent_starts, pos) - 1)

    def gap_text(self, a: int, b: int) -> str:
        return self.n[a:b] if b > a else ""


def nationality_args(nt: Normalized, taken: list[tuple[int, int]]) -> list[Arg]:
    """Nationality adjectives and demonyms, read with the gazetteer's own nationality table
    (used when the caller does not pass the ones entities.analyze() found)."""
    out: list[Arg] = []
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
        out.append(Arg(hit.start, hit.end, "nat", a.key, a.key))
    # keep the longest of overlapping hits
    out.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Arg] = []
    for x in out:
        if not kept or x.start >= kept[-1].end:
            kept.append(x)
    return kept


def internal_sides(n: str, args: list[Arg], lex: Lexicon) -> list[Arg]:
    """«الفصائل الفلسطينية», «طرفي الصراع في السودان», "Sudan's warring parties": the nationality or
    country, with the collective noun beside it, becomes one side org:<cc>-factions."""
    out: list[Arg] = []
    for a in args:
        state = a.kind == "nat" or (a.kind == "location" and a.loc_kind == "country")
        if not state or not a.cc or len(a.cc) != 2:
            out.append(a)
            continue
        before = lex.internal_before_rx.search(n, max(0, a.start - 40), a.start)
        after = lex.internal_after_rx.match(n[a.end : a.end + 40])
        counted_before, counted_after = lex.internal_counted_rx
        if after is None and counted_before.search(n, max(0, a.start - 12), a.start):
            after = counted_after.match(n[a.end : a.end + 40])  # "the two Libyan delegations"
        listed = re.match(r"\s*(?:و|and\s|,|،)", n[a.end : a.end + 6]) is not None
        if (before is None and after is None) or listed:
            out.append(a)  # «الطرفين الروسي والأوكراني»: two countries, not one country's factions
            continue
        key = factions_of(a.cc)
        s, e = (before.start(), a.end) if before else (a.start, a.end + after.end())  # type: ignore[union-attr]
        out.append(Arg(s, e, "org", key, key))
    return out


def build_args(
    nt: Normalized,
    mentions: list[Mention],
    entities: list[Entity],
    lex: Lexicon,
    nat_cues: list[tuple[int, int, str]] | None,
) -> list[Arg]:
    ents = {e.key: e for e in entities}
    args: list[Arg] = []
    for m in mentions:
        if m.kind not in ("person", "location", "org"):
            continue
        e = ents.get(m.key)
        s, t = nt.to_normalized(m.start), nt.to_normalized(m.end)
        # a non-state side stands for itself («حماس» is org:hamas, not PS): finish() maps it to
        # its country for `parties`
        cc = m.key if m.key in lex.actor_sides else e.country_code if e else None
        loc_kind = e.location_kind if e else None
        if m.kind == "location" and loc_kind is None:
            loc_kind = m.key.split(":")[1] if m.key.count(":") >= 2 else None
        if m.kind == "location" and cc is None and m.key.startswith("loc:country:"):
            cc = m.key.rsplit(":", 1)[1]
        args.append(Arg(s, t, m.kind, m.key, cc, e, loc_kind))
    taken = [(a.start, a.end) for a in args]
    if nat_cues is None:
        args += nationality_args(nt, taken)
    else:
        args += [Arg(nt.to_normalized(s), nt.to_normalized(e), "nat", cc, cc) for s, e, cc in nat_cues]
    args = internal_sides(nt.text, args, lex)
    taken = [(a.start, a.end) for a in args]
    for rx, cc in lex.regions:
        for m in rx.finditer(nt.text):
            s, t = m.span("core")
            if not any(a < t and s < b for a, b in taken):
                args.append(Arg(s, t, "region", f"region:{cc}", cc))
    return args
