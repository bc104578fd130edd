"""One article as every annotator reads it, built once (as spaCy's `Doc`).

    doc = Document(text, language)     # normalises, splits sentences and tokenises, once
    doc.text / doc.norm / doc.nt       # original text, its Normalized form (offset map), the normalised str
    doc.orig_sents / doc.sents         # sentence spans in original / normalised offsets
    doc.lines                          # line spans (every line break ends a paragraph), normalised
    doc.tokens / doc.words             # word spans and their normalised text ([^\\W_]+)

Annotators read the base layer and add their own; nobody re-normalises or re-tokenises:
    names   (entities.analyze)         doc.matches, doc.tok_match: accepted gazetteer / discovered names
    events  (events.read_document)     doc.args, doc.dates: the arguments a trigger can take, with
                                       `free` word counts between them

`Document.count` counts documents built in this process (tests check one per article).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar

from tasks.nlp.text.alternation import matches_at
from tasks.nlp.text.normalize import Normalized, normalize
from tasks.nlp.text.sentences import split_sentences
from tasks.nlp.text.wordindex import WORD_INDEX

if TYPE_CHECKING:
    from tasks.nlp.gazetteer import Gazetteer

TOKEN_RX = re.compile(r"[^\W_]+")
_TOKEN_SPLIT = re.compile(f"({TOKEN_RX.pattern})")
_WORD_SPLIT = re.compile(r"(\w+)")  # _TOKEN_SPLIT in a text without "_" (\w is [^\W_] and "_")
_LINE_RX = re.compile(r"[^\n]+")
_UNKNOWN: Any = object()  # a pattern whose starts a document has not looked up yet
_FREE_FLAGS = bytes([1, 0]) + bytes(254)  # a bound word's flag (1) to 0, a free one's (0) to 1


@dataclass(slots=True)
class Match:
    """An accepted reading of a span of the normalised text (the names layer)."""

    start: int  # normalised offsets of the name (clitics excluded)
    end: int
    word_start: int  # start of the word including clitics
    kind: str  # "person" | "location" | "org" | "nat"
    key: str
    form: str = "other"
    source: str = "gazetteer"


class Document:
    count: ClassVar[int] = 0

    def __init__(self, text: str, language: str | None = None, gazetteer: Gazetteer | None = None) -> None:
        Document.count += 1
        self.text = text
        self.language = language
        self.gazetteer = gazetteer  # the name lists the annotators use (None: the default ones)
        self.norm: Normalized = normalize(text)
        self.nt: str = self.norm.text
        self.orig_sents: list[tuple[int, int]] = split_sentences(text)
        self.sents = [(self.norm.to_normalized(a), self.norm.to_normalized(b)) for a, b in self.orig_sents]
        self.sent_starts = [s for s, _ in self.sents]
        self.orig_sent_starts = [s for s, _ in self.orig_sents]
        self.lines = [m.span() for m in _LINE_RX.finditer(self.nt)]
        self.line_starts = [s for s, _ in self.lines]
        # one split into gaps and words, offsets summed in C: no Match object and no Python frame per token
        split = _TOKEN_SPLIT if "_" in self.nt else _WORD_SPLIT  # no "_": the same runs, a cheaper class
        pieces = split.split(self.nt)  # gap, word, gap, word, ..., gap
        offsets = list(accumulate(map(len, pieces), initial=0))
        self.words: list[str] = pieces[1::2]  # the tokens' text: asked thousands of times a page
        self.tok_starts: list[int] = offsets[1:-1:2]
        self.tok_ends: list[int] = offsets[2::2]
        self.tokens: list[tuple[int, int]] = list(zip(self.tok_starts, self.tok_ends, strict=True))
        # the names layer
        self.matches: list[Match] = []
        self.tok_match: list[Match | None] = [None] * len(self.tokens)
        self._covered = bytearray(len(self.nt) + 1)
        # the events layer (set_arguments)
        self.args: list[Any] = []
        self.dates: list[Any] = []
        # (start, end, country) of a people's community named by two nationality words (the Turkish Cypriots)
        self.communities: list[tuple[int, int, str]] = []
        self.meeting_places: list[Any] = []  # places meetings were read at so far ("there" points back)
        self._arg_starts: list[int] = []
        self._date_starts: list[int] = []
        self._reach: list[int] = []
        self._free: list[int] = [0] * (len(self.tokens) + 1)
        # word-list patterns: where each can start (text/wordindex.py), found on first use
        self._starts: dict[int, list[int] | None] = {}  # by id(): hashing a Pattern hashes its whole code
        self._by_pattern: tuple[int, list[list[int]]] | None = None  # generation, starts by pattern number

    # ------------------------------------------------------------------ base layer

    def tok(self, i: int) -> str:
        return self.words[i]

    def gap(self, i: int) -> str:
        """Text between token i-1 and token i."""
        prev_end = self.tokens[i - 1][1] if i > 0 else 0
        return self.nt[prev_end : self.tokens[i][0]]

    def gap_text(self, a: int, b: int) -> str:
        return self.nt[a:b] if b > a else ""

    def token_at(self, pos: int) -> int:
        """Index of the token that contains or starts after `pos`."""
        i = bisect_right(self.tok_starts, pos) - 1
        if i >= 0 and self.tokens[i][1] > pos:
            return i
        return i + 1

    def tok_index(self, pos: int) -> int:
        """Index of the first token starting at or after `pos`."""
        return bisect_left(self.tok_starts, pos)

    def words_before(self, pos: int, k: int, floor: int = 0) -> list[str]:
        """Up to k words ending at or before `pos` (nearest last), not crossing `floor`."""
        # asked tens of thousands of times a page: bisect inlined, no helper calls
        i = bisect_left(self.tok_starts, pos)
        if i and self.tok_ends[i - 1] > pos:
            i -= 1
        lo = i - k
        if floor:
            f = bisect_left(self.tok_starts, floor)
            lo = f if f > lo else lo
        elif lo < 0:
            lo = 0
        return self.words[lo:i] if lo < i else []

    def words_after(self, pos: int, k: int, ceil: int | None = None) -> list[str]:
        i = bisect_left(self.tok_starts, pos)
        hi = i + k
        if ceil is not None:
            c = bisect_right(self.tok_ends, ceil)
            hi = c if c < hi else hi
        return self.words[i:hi] if i < hi else []

    def clitic(self, pos: int) -> str:
        """Letters glued before `pos` in its word (و، ل، بال ...)."""
        i = pos
        while i > 0 and self.nt[i - 1].isalnum():
            i -= 1
        return self.nt[i:pos]

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding normalised offset `pos`."""
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    def line_of(self, pos: int) -> int:
        """Index of the line holding normalised offset `pos` (-1 before the first line)."""
        return bisect_right(self.line_starts, pos) - 1

    def orig_sentence_of(self, pos: int) -> int:
        """Index of the sentence holding original offset `pos`."""
        return max(0, bisect_right(self.orig_sent_starts, pos) - 1)

    def window(self, pos: int, radius: int = 1) -> str:
        """Normalised text of the sentence holding `pos` and `radius` sentences either side."""
        if not self.sents:
            return self.nt
        i = self.sentence_of(pos)
        a = self.sents[max(0, i - radius)][0]
        b = self.sents[min(len(self.sents) - 1, i + radius)][1]
        return self.nt[a:b]

    def orig_first_char(self, pos: int) -> str:
        o = self.norm.to_original(pos)
        return self.text[o : o + 1]

    def is_cap(self, i: int) -> bool:
        return self.orig_first_char(self.tokens[i][0]).isupper()

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.orig_span(start, end)

    def surface(self, start: int, end: int) -> str:
        a, b = self.norm.orig_span(start, end)
        return self.text[a:b]

    # ------------------------------------------------------------------ word-list patterns

    def starts(self, rx: re.Pattern[str]) -> list[int] | None:
        """Ascending offsets where `rx` can start a match (a superset), or None when `rx` is not
        indexable (text/wordindex.py)."""
        known = self._starts.get(id(rx), _UNKNOWN)  # no KeyError raised: finditer asks here on a miss
        if known is not _UNKNOWN:
            return known
        found = WORD_INDEX.number(rx)  # holds `rx`, so its id stays its own
        out: list[int] | None = None
        if found is not None:
            k, other = found
            bp = self._by_pattern
            if bp is None or bp[0] != WORD_INDEX.generation or k >= len(bp[1]):
                # one pass over the words: every registered pattern's candidate starts, in text order
                self._by_pattern = bp = WORD_INDEX.starts_by_pattern(self.tok_starts, self.words)
            out = bp[1][k]
            if other:
                out = list(out)
                nt = self.nt
                for lead in other:
                    i = nt.find(lead)
                    while i >= 0:
                        out.append(i)
                        i = nt.find(lead, i + 1)
                out = sorted(set(out))
        self._starts[id(rx)] = out
        return out

    def finditer(self, rx: re.Pattern[str], lo: int, hi: int) -> Iterator[re.Match[str]]:
        """`rx.finditer(self.nt, lo, hi)`, trying `rx` only where it can start."""
        st = self._starts.get(id(rx), _UNKNOWN)  # starts() inlined: asked hundreds of times a page
        if st is _UNKNOWN:
            st = self.starts(rx)
        if st is None:
            return rx.finditer(self.nt, lo, hi)
        i = bisect_left(st, lo)
        j = bisect_left(st, hi, i)
        if i == j:
            return iter(())
        if j == i + 1:  # one place to try (most calls that try any): no generator
            m = rx.match(self.nt, st[i], hi)
            if m is None:
                return iter(())
            if m.end() > st[i]:
                return iter((m,))
        return matches_at(rx, self.nt, st[i:j], hi)

    def match(self, rx: re.Pattern[str], pos: int) -> re.Match[str] | None:
        """`rx.match(self.nt, pos)`, not tried where `rx` cannot start."""
        st = self._starts.get(id(rx), _UNKNOWN)  # starts() inlined: asked hundreds of times a page
        if st is _UNKNOWN:
            st = self.starts(rx)
        if st is not None:
            i = bisect_left(st, pos)
            if i == len(st) or st[i] != pos:
                return None
        return rx.match(self.nt, pos)

    def search(self, rx: re.Pattern[str], lo: int, hi: int) -> re.Match[str] | None:
        """`rx.search(self.nt, lo, hi)`, trying `rx` only where it can start."""
        st = self._starts.get(id(rx), _UNKNOWN)  # starts() inlined: asked hundreds of times a page
        if st is _UNKNOWN:
            st = self.starts(rx)
        if st is None:
            return rx.search(self.nt, lo, hi)
        nt = self.nt
        for k in range(bisect_left(st, lo), len(st)):
            p = st[k]
            if p >= hi:
                return None
            m = rx.match(nt, p, hi)
            if m is not None:
                return m
        return None

    # ------------------------------------------------------------------ names layer

    def set_matches(self, matches: list[Match]) -> None:
        # sorted by start as add_match would keep them (a stable sort: equal starts in input order)
        self.matches = sorted(matches, key=attrgetter("start"))
        tok_match: list[Match | None] = [None] * len(self.tokens)
        covered = bytearray(len(self.nt) + 1)
        self.tok_match, self._covered = tok_match, covered
        starts, ends = self.tok_starts, self.tok_ends
        for m in self.matches:  # _mark inlined: the names layer sets its matches several times a page
            ws, e = m.word_start, m.end
            covered[ws:e] = b"\x01" * (e - ws)
            i = bisect_right(starts, ws) - 1  # token_at(ws)
            if i < 0 or ends[i] <= ws:
                i += 1
            j = bisect_left(starts, e, i)
            if j > i:
                tok_match[i:j] = [m] * (j - i)

    def add_match(self, m: Match) -> None:
        """Accept one more match (linear in its length, not in the document)."""
        insort(self.matches, m, key=lambda x: x.start)
        self._mark(m)

    def _mark(self, m: Match) -> None:
        """Record the characters and tokens `m` covers."""
        self._covered[m.word_start : m.end] = b"\x01" * (m.end - m.word_start)
        i = self.token_at(m.word_start)
        j = bisect_left(self.tok_starts, m.end, i)  # the tokens starting before the match ends
        if j > i:
            self.tok_match[i:j] = [m] * (j - i)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) touches an accepted match."""
        return any(self._covered[start:end])

    # ------------------------------------------------------------------ events layer

    def set_arguments(self, args: Iterable[Any], dates: Iterable[Any], connectors: frozenset[str]) -> None:
        """The event reader's arguments (named things) and dates, in normalised offsets, and the
        free-word counts between them: words that are not part of an argument or a date and are
        not connectors."""
        self.args = sorted(args, key=lambda a: a.start)
        self.dates = sorted(dates, key=lambda d: d.start)
        # start offsets for bisect: sentence-level code asks for "the args in [s, e)" many times per
        # document, and scanning every arg each time made long articles quadratic
        self._arg_starts = [a.start for a in self.args]
        self._date_starts = [d.start for d in self.dates]
        # the furthest end of the args up to each one: args_over starts where an arg can still reach `s`
        self._reach = list(accumulate((a.end for a in self.args), max))
        self.meeting_places = []
        covered = bytearray(len(self.tokens))
        starts, ends = self.tok_starts, self.tok_ends
        for s, e in [(a.start, a.end) for a in self.args] + [(d.start, d.end) for d in self.dates]:
            i = bisect_left(starts, s)
            if i > 0 and ends[i - 1] > s:
                i -= 1  # the token holding the span's first letter (clitics before it)
            j = bisect_left(starts, e, i)  # the tokens starting before the span ends
            if j > i:
                covered[i:j] = b"\x01" * (j - i)
        # a word is free unless covered or a connector; the running count summed in C (the two byte
        # strings of flags or-ed as integers, and 0 and 1 swapped by a translation table)
        conn = bytes(map(connectors.__contains__, self.words))
        n = len(covered)
        bound = (int.from_bytes(covered, "big") | int.from_bytes(conn, "big")).to_bytes(n, "big")
        self._free = list(accumulate(bound.translate(_FREE_FLAGS), initial=0))

    def free(self, a: int, b: int) -> int:
        """Free words starting in [a, b)."""
        if b <= a:
            return 0
        starts = self.tok_starts
        return self._free[bisect_left(starts, b)] - self._free[bisect_left(starts, a)]

    def nth_free_start(self, pos: int, n: int) -> int | None:
        """Start of the n-th free word starting at or after `pos` (None: fewer are left): a position after
        it is at least n free words from `pos`, one at or before it fewer."""
        k0 = bisect_left(self.tok_starts, pos)
        k = bisect_left(self._free, self._free[k0] + n, k0)  # the counts only grow
        return self.tok_starts[k - 1] if k < len(self._free) else None

    def args_in(self, s: int, e: int) -> list[Any]:
        """Args starting in [s, e), in text order."""
        return self.args[bisect_left(self._arg_starts, s) : bisect_left(self._arg_starts, e)]

    def args_over(self, s: int, e: int) -> list[Any]:
        """Args overlapping [s, e): starting before `e` and ending after `s`."""
        lo = bisect_right(self._reach, s)  # the args before it all end at or before `s`
        return [a for a in self.args[lo : bisect_left(self._arg_starts, e)] if a.end > s]

    def dates_in(self, s: int, e: int) -> list[Any]:
        """Date args starting in [s, e), in text order."""
        return self.dates[bisect_left(self._date_starts, s) : bisect_left(self._date_starts, e)]


def sentences_holding(doc: Document, rxs: Iterable[re.Pattern[str]]) -> set[int]:
    """The sentences where one of `rxs` can start a match (a superset: every sentence when a pattern is not
    indexable), from the patterns' start offsets instead of a search per sentence."""
    out: set[int] = set()
    for rx in rxs:
        st = doc.starts(rx)
        if st is None:
            return set(range(len(doc.sents)))
        out.update(doc.sentence_of(p) for p in st)
    return out


def as_document(text: str | Document, language: str | None = None) -> Document:
    """The document itself, or one built from a string (for callers and tests holding only text)."""
    return text if isinstance(text, Document) else Document(text, language)
