"""Where a word-list pattern can start in a document, found once per document from its words.

    leads(rx) -> frozenset[str] | None     # the letters every match of `rx` starts with (None: not indexable)
    WORD_INDEX.mask(word) -> int            # which registered patterns can start at a word (cached per word)
    doc.finditer(rx, lo, hi) / doc.search(rx, lo, hi)   # tasks/nlp/text/document.py: rx.finditer/search
                                                        # over [lo, hi), tried only where rx can start

The event reader asks the same few dozen word lists («محادثات», "said", «بحضور» ...) about every
sentence, every trigger's stretch and every person's clause: a regex scan costs about 40 ns a
character whatever it finds, and most lists find nothing in most sentences. A pattern of the form
`(?<!\\w)...` can only start at a word's first letter, and its match begins with one of a few
literal strings (its *leads*: the optional clitic prefixes times the first letters of its
alternatives, cut at the first character that is not a word letter). So a word whose text does not
begin with a lead cannot start a match, whatever follows it (and a lead cut at a mark is the whole
word: «و'll» starts only at the word «و», not at every word beginning with و); the words of a
document are looked up once (cached per distinct word, for every registered pattern at once), and
`rx.match` is tried only at the words that can start it — the same matches, in the same order, as
the scan (see `alternation.matches_at` for why trying a superset of the starts gives `finditer`'s
matches).

A pattern that does not start with `(?<!\\w)`, ignores case, or whose matches can start with
something other than a word letter is not indexable: `leads` returns None and the callers scan.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from itertools import compress
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

_MAX_LEADS = 20000  # beyond this many alternatives a lead is cut short (still a valid, weaker test)


def _seq(items: Any, limit: int) -> tuple[set[str], set[str]]:
    """Literal strings for the parsed sequence `items`: those that are a whole match of it, and those
    that are only the beginning of one (the sequence goes on with something that is not a literal).
    Every match of the sequence starts with one of them."""
    whole, cut = {""}, set()
    for op, av in items:
        if not whole:
            break
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue  # zero-width: consumes nothing
        pw: set[str]
        pc: set[str] = set()
        if op is C.LITERAL:
            pw = {chr(av)}
        elif op is C.IN and all(o is C.LITERAL for o, _ in av):
            pw = {chr(a) for _, a in av}
        elif op is C.SUBPATTERN and not av[1] & re.IGNORECASE:
            pw, pc = _seq(av[-1], limit)
        elif op is C.BRANCH:
            pw = set()
            for branch in av[1]:
                w, c = _seq(branch, limit)
                pw |= w
                pc |= c
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, sub = av
            w, c = _seq(sub, limit)
            if lo == hi == 1:
                pw, pc = w, c
            elif lo == 0 and hi == 1:
                pw, pc = w | {""}, c
            else:  # more repetitions may follow the first one (or none at all when lo is 0)
                pw, pc = ({""} if lo == 0 else set()), w | c
        else:
            pw, pc = set(), {""}  # a class, a category, anything else: nothing literal is known
        nxt_whole = {a + b for a in whole for b in pw}
        nxt_cut = cut | {a + b for a in whole for b in pc}
        if len(nxt_whole) + len(nxt_cut) > limit:
            return set(), cut | whole  # cut short here: still what every match starts with
        whole, cut = nxt_whole, nxt_cut
    return whole, cut


def leads(rx: re.Pattern[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """The strings every match of `rx` starts with: word leads (word letters: the word of the text
    holding a match's start begins with one of them) and other leads (literal strings starting with
    a mark, such as "'ll": the text holds them where the match starts); None when `rx` is not of the
    indexable kind."""
    found = _leads(rx)
    return None if found is None else (found[0] | found[1], found[2])


def _leads(rx: re.Pattern[str]) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    """`leads`, its word leads in two: those a word holding a match's start begins with, and those that
    are that whole word (a lead cut at a mark: «و'll» starts at the word «و», never at «وفد»)."""
    if not isinstance(rx.pattern, str) or rx.flags & re.IGNORECASE:
        return None
    try:
        items = list(P.parse(rx.pattern, rx.flags))
    except Exception:  # pragma: no cover - a pattern re compiled always parses
        return None
    if not items or items[0][0] is not C.ASSERT_NOT:
        return None
    direction, sub = items[0][1]
    if direction != -1 or list(sub) != [(C.IN, [(C.CATEGORY, C.CATEGORY_WORD)])]:
        return None  # not `(?<!\\w)`: a match may start inside a word
    whole, cut = _seq(items[1:], _MAX_LEADS)
    word, exact, other = set(), set(), set()
    for s in whole | cut:
        if not s:
            return None  # a match may start with anything: every position counts
        if not s[0].isalnum():
            other.add(s)
            continue
        k = 1
        while k < len(s) and s[k].isalnum():
            k += 1
        (word if k == len(s) else exact).add(s[:k])  # a mark after the letters: the word ends there
    return frozenset(word), frozenset(exact - word), frozenset(other)


class WordIndex:
    """The registered patterns (numbered in order), and for every word seen, which of them can start at it.

    Thread-safe: extraction runs in several threads of one process when batches are small (the flow's
    batch threads), and a pattern registered by one thread while another looks its words up must not
    leave a word's cached patterns without it. Registering and looking up take one lock (a look-up is
    made once per document, not per word)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # by id() (hashing a Pattern hashes its whole code); the pattern is kept, so its id stays its own
        self._numbers: dict[int, tuple[int, frozenset[str]] | None] = {}
        self._kept: list[re.Pattern[str]] = []
        self._count = 0
        self._by_lead: dict[str, set[int]] = {}  # every pattern's word leads -> the patterns
        self._by_word: dict[str, set[int]] = {}  # every pattern's whole-word leads -> the patterns
        self._lengths: tuple[int, ...] = ()  # the lengths of the leads, ascending
        self._seen: dict[str, tuple[int, ...]] = {}
        self.generation = 0  # bumped when a pattern is registered: look-ups made before lack it

    def __len__(self) -> int:
        return self._count

    def number(self, rx: re.Pattern[str]) -> tuple[int, frozenset[str]] | None:
        """The pattern's number and its other leads (None: not indexable, scan it)."""
        try:
            return self._numbers[id(rx)]
        except KeyError:
            pass
        ls = _leads(rx)
        with self._lock:
            if id(rx) in self._numbers:  # another thread registered it meanwhile
                return self._numbers[id(rx)]
            found = None
            if ls is not None:
                word, exact, other = ls
                found = (self._count, other)
                for s in word:
                    self._by_lead.setdefault(s, set()).add(self._count)
                for s in exact:
                    self._by_word.setdefault(s, set()).add(self._count)
                self._lengths = tuple(sorted({len(s) for s in self._by_lead}))
                self._count += 1
                self._seen.clear()  # words seen so far were not tested against the new pattern
                self.generation += 1
            self._kept.append(rx)
            self._numbers[id(rx)] = found
        return found

    def starts_by_pattern(self, starts: list[int], words: list[str]) -> tuple[int, list[list[int]]]:
        """For a document's words (and their start offsets): the generation and, for every registered
        pattern, the starts of the words that can begin it, in text order."""
        with self._lock:
            lists: list[list[int]] = [[] for _ in range(self._count)]
            seen = self._seen
            ks = list(map(seen.get, words))
            fill_unseen(ks, words, seen, self._of_word)  # only the words not seen before are looked up
            # only the words some pattern can start at (about half): the others picked out in C
            for p, k in zip(compress(starts, ks), compress(ks, ks), strict=True):
                for j in k:  # type: ignore[union-attr]
                    lists[j].append(p)
            return self.generation, lists

    def _of_word(self, word: str) -> tuple[int, ...]:
        """The numbers of the patterns a word can start (cached per word; the lock is held)."""
        found: set[int] = set()
        by_lead = self._by_lead
        for n in self._lengths:
            if n > len(word):
                break
            if (some := by_lead.get(word[:n])) is not None:
                found |= some
        if (some := self._by_word.get(word)) is not None:
            found |= some
        k = tuple(sorted(found))
        if len(self._seen) > 500_000:
            self._seen.clear()
        self._seen[word] = k
        return k


WORD_INDEX = WordIndex()


def fill_unseen(values: list[Any], words: list[str], seen: dict[str, Any], compute: Callable[[str], Any]) -> None:
    """Fill the None entries of `values` (`seen.get` of each of `words`): a word not seen before is computed
    once, by `compute`, which remembers it in `seen` (a word twice in the text is computed the first time).
    The Nones are found by list.index, in C: most words of a page were seen before."""
    if None not in values:
        return
    i = values.index(None)
    while True:
        known = seen.get(words[i])
        values[i] = compute(words[i]) if known is None else known
        try:
            i = values.index(None, i + 1)
        except ValueError:
            return


def _built_of(items: Any, leaf: Callable[[Any, Any], bool]) -> bool:
    """Whether the parsed sequence holds nothing but items `leaf` accepts, and alternations, plain
    groups and repeats of them: no other construct (assertion, back reference, atomic group, flag
    change)."""
    for op, av in items:
        if op is C.BRANCH:
            if not all(_built_of(b, leaf) for b in av[1]):
                return False
        elif op is C.SUBPATTERN:
            if av[1] or av[2] or not _built_of(av[-1], leaf):
                return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            if not _built_of(av[2], leaf):
                return False
        elif not leaf(op, av):
            return False
    return True


def _word_letters(op: Any, av: Any) -> bool:
    """A literal, a class of word letters ([^\\W_]: ranges and \\d) and nothing else."""
    if op is C.LITERAL:
        return chr(av).isalnum()
    if op is not C.IN:
        return False
    for o, a in av:
        if o is C.LITERAL:
            ok = chr(a).isalnum()
        elif o is C.RANGE:
            ok = a[1] - a[0] < 256 and all(chr(c).isalnum() for c in range(a[0], a[1] + 1))
        else:
            ok = o is C.CATEGORY and a is C.CATEGORY_DIGIT  # every digit is alphanumeric
        if not ok:
            return False  # a negated class, \w (it holds "_"), \s ...
    return True


def _consuming(op: Any, av: Any) -> bool:
    """An item that consumes one character: a literal, a negated literal, a class or any."""
    return op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY)


def _parsed(rx: re.Pattern[str], bad_flags: int) -> Any:
    """`rx` parsed, or None when it is no str pattern or has one of `bad_flags`."""
    if not isinstance(rx.pattern, str) or rx.flags & bad_flags:
        return None
    try:
        return P.parse(rx.pattern, rx.flags)
    except Exception:  # pragma: no cover - a pattern re compiled always parses
        return None


def in_word(rx: re.Pattern[str]) -> bool:
    """Whether every match of `rx` lies inside one word of a text (a run of [^\\W_]) and is found there
    whatever surrounds the word: `rx` consumes only word letters, asserts nothing (no lookaround, no
    \\b, no ^/$) and never matches empty. Then `rx.finditer` over a stretch of text finds exactly the
    matches `rx.finditer` finds in each of its words (a match cannot reach past its word, and the
    character after a word fails a pattern just as the end of the word would)."""
    parsed = _parsed(rx, re.IGNORECASE | re.VERBOSE | re.LOCALE)
    return parsed is not None and parsed.getwidth()[0] > 0 and _built_of(list(parsed), _word_letters)


def assertion_free(rx: re.Pattern[str]) -> bool:
    """Whether `rx` only consumes characters (asserts nothing about what surrounds a match) and never
    matches empty. Then, for a stretch [a, b) of a text, `rx.finditer(text, a, b)` finds the matches of
    `rx.finditer(text)` that lie inside it, when none of the latter crosses a or b: what `rx` finds at a
    position depends only on the characters it reads, and a match cut short at b would be a match in
    the whole text too."""
    parsed = _parsed(rx, re.VERBOSE | re.LOCALE)
    return parsed is not None and parsed.getwidth()[0] > 0 and _built_of(list(parsed), _consuming)


class InWordMatches:
    """The matches of a few `in_word` patterns in a document, found word by word: the spans in each
    distinct word are computed once per process (a page's words are mostly ones seen before), so a
    document costs one dictionary look-up per word instead of one regex scan per pattern.

    Thread-safe without a lock: the patterns are fixed, and a word's entry is the same whoever writes it."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        if not all(in_word(rx) for rx in patterns):
            raise ValueError("InWordMatches: a pattern can match outside a word")
        self.patterns = patterns
        self._seen: dict[str, tuple[tuple[int, int, int], ...]] = {}

    def _in(self, word: str) -> tuple[tuple[int, int, int], ...]:
        """(pattern number, start, end) of every pattern's matches inside `word`, by pattern."""
        found = tuple((k, m.start(), m.end()) for k, rx in enumerate(self.patterns) for m in rx.finditer(word))
        if len(self._seen) > 500_000:
            self._seen.clear()
        self._seen[word] = found
        return found

    def spans(self, starts: list[int], words: list[str]) -> list[list[tuple[int, int]]]:
        """For a document's words and their start offsets: every pattern's match spans, in text order
        (each pattern's `finditer` over the whole text, when the text's words are [^\\W_]+ runs)."""
        out: list[list[tuple[int, int]]] = [[] for _ in self.patterns]
        seen = self._seen
        founds = list(map(seen.get, words))
        fill_unseen(founds, words, seen, self._in)  # only the words not seen before are read
        # only the words holding a match: the others picked out in C
        for p, found in zip(compress(starts, founds), compress(founds, founds), strict=True):
            for k, a, b in found:
                out[k].append((p + a, p + b))
        return out
