"""Date expressions in Arabic and English news text, resolved against the publication date.

    find_dates(doc_or_text, published, language) -> list[DateMention]

Matching runs on the normalised text (hamza/ta-marbuta/alef-maqsura folded, Arabic-Indic digits
-> ASCII, Latin lower-cased); every mention carries offsets into the ORIGINAL text.

Week convention (both languages): ISO weeks, Monday..Sunday; "the weekend" is Saturday+Sunday.
Why: the talks are reported from wire copy (Reuters, Politico, AP) and «نهاية الأسبوع» there
means the Western weekend; where a Gulf newsroom means Friday+Saturday the error stays within
a day. So, published on Sunday 21 Dec: «هذا الأسبوع» = Mon 15..Sun 21, «الأسبوع المقبل» =
Mon 22..Sun 28; published on Saturday 20 Dec: «نهاية هذا الأسبوع» = Sat 20..Sun 21.

Bare weekdays ("on Thursday", «الخميس») resolve to the nearest such day in the direction of
the clause's tense (future cue nearest the mention -> upcoming, otherwise past), counting the
publication day itself; «الخميس المقبل»/"next Thursday" is strictly after, «الماضي»/"last"
strictly before.

Numbers are dates only next to a month name, inside an ISO/numeric date, or (years) after a
cue like في/عام/منذ/in/since: «1000 أسير», «4 سنوات» and a bare «2022» are not dates.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from calendar import monthrange
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from tasks.nlp.settings import NLP
from tasks.nlp.text.alternation import grouped, matches_at
from tasks.nlp.text.charsets import LIGHT_FOLD
from tasks.nlp.text.document import Document, as_document
from tasks.nlp.text.wordindex import InWordMatches, assertion_free, in_word
from tasks.nlp.yaml_resources import words

PRECISIONS = ("day", "week", "month", "year")

# Patterns are written in plain Arabic spelling and folded like the text they run on.
_FOLD = LIGHT_FOLD


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.translate(_FOLD))


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets into the original text
    end: int
    surface: str
    start_date: date
    end_date: date
    precision: str  # day | week | month | year
    relative: bool  # resolved against the publication date (today, Thursday, next week, ...)


# ------------------------------------------------------------------------------- lexicon
# The word lists are data (resources/dates.yaml), folded at load like the text they run on.


def _fold_keys(d: dict[str, int]) -> dict[str, int]:
    return {str(k).translate(_FOLD): v for k, v in d.items()}


_WORDS = words("dates.yaml")
_MONTHS: dict[str, int] = {k: v for group in _WORDS["months"].values() for k, v in _fold_keys(group).items()}
_AMBIGUOUS_MONTHS = frozenset(str(w).translate(_FOLD) for w in _WORDS["ambiguous_months"])
_WEEKDAYS: dict[str, int] = _fold_keys(_WORDS["weekdays"])
WEEKDAY_NAMES = frozenset(_WEEKDAYS)  # folded, lower case: was a date given as a bare weekday?
_ORDINALS: dict[str, int] = _fold_keys(_WORDS["ordinals"])
# Arabic ordinal day of the month: «الرابع من ديسمبر», «الحادي والعشرين من يونيو».
_AR_UNITS = [str(u).translate(_FOLD) for u in _WORDS["ar_units"]]
_AR_DAY_ORDINALS: dict[str, int] = {k: v for k, v in _ORDINALS.items() if not k.isascii()}
_AR_DAY_ORDINALS.update({f"{_AR_UNITS[u]} عشر": 10 + u for u in range(1, 10)})
_AR_DAY_ORDINALS.update({"العشرين": 20, "الثلاثين": 30})
_AR_DAY_ORDINALS.update({f"{_AR_UNITS[u]} والعشرين": 20 + u for u in range(1, 10)})
_AR_DAY_ORDINALS["الحادي والثلاثين"] = 31
_NUMBER_WORDS: dict[str, int] = _fold_keys(_WORDS["number_words"])
# Words before a bare 4-digit number that make it a year («في عام 2014», "since 2022").
_YEAR_CUES = "(?:" + "|".join(str(w).translate(_FOLD) for w in _WORDS["year_cues"]) + ")"
# Words after a number that make it a count, not a year («2000 جندي», "in 2000 villages").
_COUNT_NOUN = _rx(r"\s*(?:" + "|".join(str(w) for w in _WORDS["count_nouns"]) + ")")

# ------------------------------------------------------------------------------- tense cues
# Used to orient bare weekdays and "the weekend": the cue nearest the mention wins.
# Words that look like a future verb (س + يـ/تـ/نـ) but are nouns or names.
_NON_VERB_S = tuple(str(w).translate(_FOLD) for w in _WORDS["non_verb_prefixes"])
_NON_VERB_WORDS = frozenset(str(w).translate(_FOLD) for w in _WORDS["non_verb_words"])


def _alternatives(alternation: str) -> list[str]:
    """The top-level branches of a regex alternation (a `|` inside a group or a class is no split)."""
    out: list[str] = []
    depth, in_class, cur = 0, False, ""
    for k, c in enumerate(alternation):
        if k == 0 or alternation[k - 1] != "\\":
            if in_class:
                in_class = c != "]"
            elif c == "[":
                in_class = True
            elif c in "()":
                depth += 1 if c == "(" else -1
            elif c == "|" and depth == 0:
                out.append(cur)
                cur = ""
                continue
        cur += c
    return [*out, cur]


def _words_rx(head: str, alternation: str, tail: str) -> re.Pattern[str]:
    """`head(?:alternation)tail`, folded, its branches grouped by their leading letters: the same
    matches, but `re` gives up a position after a letter or two instead of trying every branch."""
    return _rx(head + "(?:" + grouped(_alternatives(alternation.translate(_FOLD))) + ")" + tail)


_AR_FUTURE = _words_rx(
    r"(?<!\w)",
    r"[وف]?سوف|من المتوقع|المتوقع|[يت]توقع|متوقع|المرتقب|مرتقب|المقرر|مقرر|[يت]عتزم|[يت]نوي|"
    r"المقبل|القادم|المقبله|القادمه|غدا|[وف]?س[يتن]\w{3,}|[وف]?س[يت]تم|"  # «سيتم»: "will be (done)"
    # present-tense meeting verbs announce what is ahead («يلتقيان الجمعة»)
    r"[يت]لتقي(?:ان)?|[يت]جتمع(?:ان)?|[يت]عقد|تنطلق|تبدا|يزور|يصل|تستضيف|يستضيف",
    r"(?!\w)",
)
_AR_PAST = _words_rx(
    r"(?<!\w)[وف]?(?:قد\s+)?",
    r"التق[يا]\w*|اجتمع\w*|عقد(?:ت|ا|تا)?|جر(?:ت|ى)|اجر(?:ى|ت|يت)|انه(?:ى|ت)|"
    r"اختتم\w*|قال(?:ت)?|اعلن(?:ت)?|اكد(?:ت)?|شهد(?:ت)?|بحث(?:ت|ا)?|ناقش(?:ت|ا)?|وصل(?:ت)?|اسفر\w*|"
    r"توصل\w*|اتفق\w*|كشف(?:ت)?|ذكر(?:ت)?|افاد(?:ت)?|صرح|اضاف(?:ت)?|وقع(?:ت|ا)?|كان(?:ت)?|زار(?:ت)?|"
    r"استقبل(?:ت)?|امض(?:ى|ت)|استضاف(?:ت)?|انطلقت|بدات|الماضي|الماضيه|امس",
    r"(?!\w)",
)
_EN_FUTURE = _words_rx(
    r"\b",
    r"will|'ll|shall|going to|expected|set to|due to|plans? to|planned|scheduled|upcoming|next|"
    r"would|to meet|to hold|tomorrow|later|propos\w*|ready to|willing to|offered to|was to|were to",
    r"\b",
)
_EN_PAST = _words_rx(
    r"\b(?<!be )(?<!been )(?<!being )",  # "will be held", "has been postponed": participles, no past
    r"met|held|said|told|announced|was(?! to\b)|were(?! to\b)|had|concluded|ended|wrapped|took place|discussed|"
    r"agreed|signed|visited|hosted|spoke|arrived|began|started|opened|last|ago|yesterday|\w{3,}ed",
    r"\b",
)
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
_LATIN_LETTER = re.compile("[a-z]")
_CLAUSE_END = re.compile(r"[.!?؟\n]|[؛;]")


_FUTURE_VERB = re.compile(r"[وف]?س[يتن]\w{3,}")
# the words of a text that can be future verbs (a whole \w+ word matching _FUTURE_VERB), found in one scan
FUTURE_VERB_WORD = re.compile(r"(?<!\w)" + _FUTURE_VERB.pattern)


def is_future_verb(word: str) -> bool:
    """A normalised Arabic word that is a future-tense verb («ستعقد», «وسيلتقي»), not «سياسة»/«ستيف»."""
    base = word[1:] if word[:1] in "وف" else word
    return bool(_FUTURE_VERB.fullmatch(word)) and not base.startswith(_NON_VERB_S) and base not in _NON_VERB_WORDS


def future_context(n: str, start: int, end: int) -> bool:
    """Whether the clause around [start, end) speaks of the future (nearest tense cue wins)."""
    return bool(clause_tense(n, start, end))


def clause_tense(n: str, start: int, end: int) -> bool | None:
    """True if the clause around [start, end) speaks of the future, False of the past (nearest tense cue
    wins), None when it has no tense cue at all (a headline: «مفاوضات ثلاثية في أبوظبي الأربعاء»)."""
    ends, cues = _clauses(n)
    i = bisect_right(ends, start) - 1  # the clause ends before `start` (a mark at start - 1 ends at start)
    left = ends[i] if i >= 0 else 0
    j = bisect_left(ends, end + 1)  # the first mark at or after `end`
    right = ends[j] - 1 if j < len(ends) else len(n)
    if (left, right) not in cues:
        cues[left, right] = _tense_cues(n, left, right)
    best: tuple[int, bool] | None = None
    for ms, me, fut in cues[left, right]:
        if start <= ms < end:
            continue  # the date expression itself
        # the verb governing a time adverb mostly stands before it: cues after count double
        dist = start - me if me <= start else 2 * (ms - end)
        if best is None or dist < best[0] or (dist == best[0] and fut):
            best = (dist, fut)
    return best[1] if best else None


def _tense_cues(n: str, left: int, right: int) -> list[tuple[int, int, bool]]:
    """The tense cues of the clause [left, right), in the order clause_tense weighs them."""
    out: list[tuple[int, int, bool]] = []
    # every Arabic cue holds an Arabic letter and every English one a lowercase Latin letter: a clause
    # without them is not scanned for that language's cues
    arabic = _ARABIC_LETTER.search(n, left, right) is not None
    latin = _LATIN_LETTER.search(n, left, right) is not None
    last = _last_clauses
    doc = last[3] if last[0] is n else None  # the text's document: its word index finds the cues
    for rx, fut, script in (
        (_AR_FUTURE, True, arabic),
        (_EN_FUTURE, True, latin),
        (_AR_PAST, False, arabic),
        (_EN_PAST, False, latin),
    ):
        if not script:
            continue
        for m in rx.finditer(n, left, right) if doc is None else doc.finditer(rx, left, right):
            if fut and _FUTURE_VERB.fullmatch(m.group()) and not is_future_verb(m.group()):
                continue  # «سياسة», «ستيف»: not a verb
            if not fut and (m.group() in ("expected", "scheduled", "planned") or m.group().startswith("propos")):
                continue
            out.append((m.start(), m.end(), fut))
    return out


# the last text asked about: the ends of its clause marks (one past each mark, in order, found once
# instead of rescanning the text up to every date), the tense cues of the clauses read so far, and
# the text's Document when find_dates was given one (its word index finds the cues faster)
_last_clauses: tuple[str, list[int], dict[tuple[int, int], list[tuple[int, int, bool]]], Document | None] = (
    "",
    [],
    {},
    None,
)


def _clauses(n: str) -> tuple[list[int], dict[tuple[int, int], list[tuple[int, int, bool]]]]:
    global _last_clauses
    last = _last_clauses
    if last[0] is not n:
        last = _last_clauses = (n, [m.end() for m in _CLAUSE_END.finditer(n)], {}, None)
    return last[1], last[2]


def _bind(doc: Document) -> None:
    """The clauses of `doc.nt` are read through `doc` (the same cues: Document.finditer)."""
    global _last_clauses
    n = doc.nt
    last = _last_clauses
    if last[0] is not n:
        _last_clauses = (n, [m.end() for m in _CLAUSE_END.finditer(n)], {}, doc)
    elif last[3] is not doc:
        _last_clauses = (n, last[1], last[2], doc)


# ------------------------------------------------------------------------------- helpers


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, monthrange(y, m)[1])


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _pick_year(month: int, day: int, pub: date | None, modifier: str) -> int | None:
    """Year of a day+month written without one: nearest to publication, unless told past/next."""
    if pub is None:
        return None
    cands = [(y, d) for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _safe_date(y, month, day))]
    if not cands:
        return None
    if modifier == "past":
        cands = [c for c in cands if c[1] <= pub] or cands
        return max(cands, key=lambda c: c[1])[0]
    if modifier == "next":
        cands = [c for c in cands if c[1] > pub] or cands
        return min(cands, key=lambda c: c[1])[0]
    if modifier == "this":
        return pub.year
    if modifier in ("last_year", "next_year"):
        return pub.year + (1 if modifier == "next_year" else -1)
    return min(cands, key=lambda c: abs((c[1] - pub).days))[0]


_MOD_PAST = r"الماضي|المنصرم|الفائت|السابق|last|past"
_MOD_NEXT = r"المقبل|القادم|next|coming"
_MOD_THIS = r"الجاري|الحالي|this"
# a year named by its distance from the publication: «19 أغسطس العام الماضي», "March 5 last year"
_MOD_YEAR = (
    r"(?:من\s+)?(?:العام|السنه)\s+(?:الماضي|المنصرم|الفائت|السابق|المقبل|القادم|الجاري|الحالي)"
    r"|(?:of\s+)?(?:last|next|this)\s+year"
)


def _modifier(s: str | None) -> str:
    if not s:
        return ""
    s = s.strip()
    if re.fullmatch(_MOD_YEAR, s):
        return (
            "this" if re.search(r"الجاري|الحالي|this", s) else "last_year" if re.search(_MOD_PAST, s) else "next_year"
        )
    if re.fullmatch(_MOD_PAST, s):
        return "past"
    if re.fullmatch(_MOD_NEXT, s):
        return "next"
    if re.fullmatch(_MOD_THIS, s):
        return "this"
    return ""


def _alt(words: list[str] | dict[str, int]) -> str:
    # the same as joining them with "|", leading letters shared (words are folded, as the text is)
    return grouped([re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)])


_MONTH = rf"(?:{_alt(_MONTHS)})\.?"
_WEEKDAY = _alt(_WEEKDAYS)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
# Optional year tail: «2025», «، 2025», «من عام 2025», ", 2025"
_YEAR_TAIL = rf"(?:\s*[,،]?\s*(?:من\s+)?(?:عام\s+|العام\s+|سنه\s+)?(?P<y>{_YEAR})(?!\d))?"
_MOD_TAIL = rf"(?:\s+(?P<mod>{_MOD_YEAR}|{_MOD_PAST}|{_MOD_NEXT}|{_MOD_THIS}))?"
_RANGE_SEP = r"(?:\s*[-/]\s*|\s+(?:الى|حتى|to|through|until|and|-)\s+|\s+و\s*)"
# Across months only a true range: "May 16 and June 2" are two dates, not one span.
_SPAN_SEP = r"(?:\s*[-/]\s*|\s+(?:الى|حتى|to|through|until|-)\s+)"
# Arabic clitics that may sit on the first word: و ف ب ل
_PRE = r"(?<![\w])(?:[وفبل](?=[\dا-ي]))?"


def _month_num(s: str) -> int:
    s = re.sub(r"\s+", " ", s.rstrip("."))
    return _MONTHS[s]


def _day_num(s: str) -> int:
    return int(re.match(r"\d+", s).group())


# ------------------------------------------------------------------------------- patterns
# Each handler gets the match, the normalised text and the publication date and returns
# (start, end, precision, relative) or None.

Resolved = tuple[date, date, str, bool] | None
Handler = Callable[[re.Match[str], str, "date | None"], Resolved]
_PATTERNS: list[tuple[re.Pattern[str], Handler, re.Pattern[str]]] = []

# What each pattern cannot match without (see _windows): a digit, a month or weekday name, or a word
# of its own. Text far from every anchor of a pattern is not scanned with it.
_DIGIT = r"\d+"


def _at_word_start(words: list[str] | dict[str, int]) -> str:
    """Any of `words` (as _alt), where it begins a word or follows one clitic و/ف/ب/ل. The check is made
    after the first letter (a lookbehind over it and the one or two before it), so that `re` can still
    skip every position whose letter begins no word of the list."""
    by_first: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        by_first.setdefault(w[0], []).append(w[1:])
    start = r"(?:(?<!\w.)|(?<=(?<!\w)[وفبل].))"
    return "|".join(f"{re.escape(c)}{start}(?:{_alt(rests)})" for c, rests in by_first.items())


# a month name where one can begin a date: at a word start or after one clitic (every pattern has it
# so); inside a word («سابق», «المقابل» hold «اب») it only made windows to scan for nothing
_MONTH_WORD = rf"(?:{_at_word_start(_MONTHS)})\.?"
_WEEK_WORD = r"اسبوع|week"


@cache  # patterns share anchors: one compiled regex (and one set of windows per text) for each
def _anchor_rx(anchor: str) -> re.Pattern[str]:
    return _rx(anchor)


_MONTH_ANCHOR = _anchor_rx(_MONTH_WORD)
_MONTH_PLAIN = _rx(_MONTH)  # the month list alone: `re` skips letters that begin no month
# a word that begins with a month name, bare or after one clitic: the month anchor matches at its start
# or one letter on, nowhere else, so the word index (Document.starts) tells where to try it
_MONTH_LEAD = _rx(rf"(?<!\w)[وفبل]?(?:{_MONTH})")


def _pattern(rx: str, anchor: str) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        _PATTERNS.append((_rx(rx), fn, _anchor_rx(anchor)))
        return fn

    return deco


@_pattern(rf"(?<!\d)(?P<y>{_YEAR})-(?P<m>0?[1-9]|1[0-2])-(?P<d>[0-3]?\d)(?!\d)", _DIGIT)
def _iso(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (d, d, "day", False) if d else None


@_pattern(rf"(?<![\d/.])(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>{_YEAR})(?![\d/])", _DIGIT)
def _numeric(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    # day first (Arabic and British usage) unless that is impossible
    d = _safe_date(y, b, a) or _safe_date(y, a, b)
    return (d, d, "day", False) if d else None


def _day_month(d1: int, mon: int, y: str | None, pub: date | None, mod: str) -> date | None:
    year = int(y) if y else _pick_year(mon, d1, pub, mod)
    return _safe_date(year, mon, d1) if year else None


# «4-6 ديسمبر», «من 4 إلى 6 ديسمبر», «4 و5 ديسمبر», "from 4 to 6 December"
@_pattern(
    rf"{_PRE}(?:(?:من|بين|from|between)\s+)?(?P<d1>{_DAY}){_RANGE_SEP}(?P<d2>{_DAY})\s+(?:من\s+|of\s+)?"
    rf"(?:شهر\s+)?(?P<mon>{_MONTH})(?:\s*/\s*{_MONTH})?{_YEAR_TAIL}{_MOD_TAIL}",
    _MONTH_WORD,
)
def _range_dm(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    mon = _month_num(m["mon"])
    d1, d2 = _day_num(m["d1"]), _day_num(m["d2"])
    if d2 <= d1:
        return None
    a = _day_month(d1, mon, m["y"], pub, _modifier(m["mod"]))
    b = _safe_date(a.year, mon, d2) if a else None
    return (a, b, "day", False) if a and b else None


# «30 نوفمبر - 2 ديسمبر 2025», "30 November to 2 December"
@_pattern(
    rf"{_PRE}(?:(?:من|بين|from|between)\s+)?(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH})(?:\s*/\s*{_MONTH})?{_SPAN_SEP}"
    rf"(?P<d2>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?:\s*/\s*{_MONTH})?{_YEAR_TAIL}",
    _MONTH_WORD,
)
def _range_dmdm(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    m1, m2 = _month_num(m["m1"]), _month_num(m["mon"])
    b = _day_month(_day_num(m["d2"]), m2, m["y"], pub, "")
    if not b:
        return None
    a = _safe_date(b.year if m1 <= m2 else b.year - 1, m1, _day_num(m["d1"]))
    return (a, b, "day", False) if a and a <= b else None


# "December 4-6", "December 4 to 6, 2025"
@_pattern(rf"\b(?P<mon>{_MONTH})\s+(?P<d1>{_DAY}){_RANGE_SEP}(?P<d2>{_DAY})(?!\d){_YEAR_TAIL}", _MONTH_WORD)
def _range_md(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    mon = _month_num(m["mon"])
    d1, d2 = _day_num(m["d1"]), _day_num(m["d2"])
    a = _day_month(d1, mon, m["y"], pub, "") if d2 > d1 else None
    b = _safe_date(a.year, mon, d2) if a else None
    return (a, b, "day", False) if a and b else None


# "November 30 - December 2"
@_pattern(
    rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_SPAN_SEP}(?P<mon>{_MONTH})\s+(?P<d2>{_DAY})(?!\d){_YEAR_TAIL}", _MONTH_WORD
)
def _range_mdmd(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    return _range_dmdm(m, n, pub)


# «16 مايو 2025», «2 يونيو», «4 من ديسمبر الماضي», "4th of December"
@_pattern(
    rf"{_PRE}(?P<d1>{_DAY})\s+(?:من\s+|of\s+)?(?:شهر\s+)?(?P<mon>{_MONTH})(?:\s*/\s*{_MONTH})?{_YEAR_TAIL}{_MOD_TAIL}",
    _MONTH_WORD,
)
def _single_dm(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    d = _day_month(_day_num(m["d1"]), _month_num(m["mon"]), m["y"], pub, _modifier(m["mod"]))
    return (d, d, "day", False) if d else None


# Umm al-Qura (Hijri) months, normalised: «15 رمضان 1446هـ», «الأول من شوال 1445 هجرية»
_HIJRI_MONTHS: dict[str, int] = _fold_keys(_WORDS["hijri_months"])
_HIJRI_MONTH = _alt(_HIJRI_MONTHS)


# «15 رمضان 1446هـ», «3 شوال 1445 هجري»: converted with the Umm al-Qura calendar (hijridate); a
# Hijri year is 13xx-14xx, so a Gregorian year pattern never takes it
@_pattern(
    rf"{_PRE}(?P<d1>{_DAY})\s+(?:من\s+)?(?:شهر\s+)?(?P<hm>{_HIJRI_MONTH})\s+(?:عام\s+|سنه\s+)?(?P<hy>1[34]\d\d)"
    r"(?!\d)\s*(?:ه(?![\w])|هجري(?:ه)?(?![\w]))?",
    _HIJRI_MONTH,
)
def _hijri_dm(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    from hijridate import Hijri  # only for texts that hold a Hijri date

    try:
        d = Hijri(int(m["hy"]), _HIJRI_MONTHS[re.sub(r"\s+", " ", m["hm"])], _day_num(m["d1"])).to_gregorian()
    except (ValueError, OverflowError):
        return None  # outside the Umm al-Qura table, or a day the month does not have
    g = date(d.year, d.month, d.day)
    return g, g, "day", False


# "December 4", "Dec. 4, 2025"
@_pattern(
    rf"\b(?P<mon>{_MONTH})\s+(?P<d1>{_DAY})(?!\d)(?!\s*(?:{_MONTH}))(?!\s*[:.]\d){_YEAR_TAIL}"
    rf"(?:\s+(?P<mod>{_MOD_YEAR}))?",
    _MONTH_WORD,
)
def _single_md(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    d = _day_month(_day_num(m["d1"]), _month_num(m["mon"]), m["y"], pub, _modifier(m["mod"]))
    return (d, d, "day", False) if d else None


# «من الثاني إلى الرابع من نوفمبر», «بين الأول والثالث من مارس»: a span in ordinal day words
@_pattern(
    rf"{_PRE}(?:(?:من|بين)\s+)?(?P<o1>{_alt(_AR_DAY_ORDINALS)}){_RANGE_SEP}(?P<o2>{_alt(_AR_DAY_ORDINALS)})\s+من\s+"
    rf"(?:شهر\s+)?(?P<mon>{_MONTH}){_YEAR_TAIL}{_MOD_TAIL}",
    _MONTH_WORD,
)
def _ordinal_range_dm(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    d1, d2 = (_AR_DAY_ORDINALS[re.sub(r"\s+", " ", m[g])] for g in ("o1", "o2"))
    if d2 <= d1 or (d2 in (20, 30) and n[m.end("o1") : m.start("o2")].strip() == "و"):
        return None  # «التاسع والعشرين»: the 29th, not the 9th to the 20th
    mon = _month_num(m["mon"])
    a = _day_month(d1, mon, m["y"], pub, _modifier(m["mod"]))
    b = _safe_date(a.year, mon, d2) if a else None
    return (a, b, "day", False) if a and b else None


# «الرابع من ديسمبر», «الحادي والعشرين من يونيو 2025»
@_pattern(
    rf"{_PRE}(?P<ord>{_alt(_AR_DAY_ORDINALS)})\s+من\s+(?:شهر\s+)?(?P<mon>{_MONTH})(?:\s*/\s*{_MONTH})?{_YEAR_TAIL}{_MOD_TAIL}",
    _MONTH_WORD,
)
def _ordinal_dm(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    day = _AR_DAY_ORDINALS[re.sub(r"\s+", " ", m["ord"])]
    d = _day_month(day, _month_num(m["mon"]), m["y"], pub, _modifier(m["mod"]))
    return (d, d, "day", False) if d else None


# «فبراير 2022», «شباط/فبراير 2022», "February 2022"
@_pattern(
    rf"{_PRE}(?:شهر\s+)?(?P<mon>{_MONTH})(?:\s*/\s*{_MONTH})?\s*[,،]?\s*(?:من\s+)?(?:عام\s+)?(?P<y>{_YEAR})(?!\d)",
    _MONTH_WORD,
)
def _month_year(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    a, b = _month_span(int(m["y"]), _month_num(m["mon"]))
    return a, b, "month", False


# «في مايو», «مايو الماضي», «شهر ديسمبر», "in December", "last December"
@_pattern(
    rf"(?:(?<![\w])(?P<cue>في|خلال|منذ|حتى|مطلع|اواخر|اوائل|منتصف|شهر|in|since|during|until|by|early|late|"
    rf"mid-?|last|next|this)(?:\s+|(?<=-))(?:شهر\s+)?)?(?<![\w])(?P<mon>{_MONTH})(?![\w]){_MOD_TAIL}",
    _MONTH_WORD,
)
def _month_only(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    name = re.sub(r"\s+", " ", m["mon"].rstrip("."))
    if pub is None or (name in _AMBIGUOUS_MONTHS and not m["cue"]) or name in {"may", "march", "mar"}:
        return None  # "may"/"march" are English words even after "in"; the rest need a cue
    if not m["cue"] and not m["mod"] and not name.isascii():
        return None  # a bare Arabic month name is often a headline fragment; need «في/شهر/الماضي»
    mon = _MONTHS[name]
    cue = (m["cue"] or "").strip()
    mod = _modifier(m["mod"]) or {"last": "past", "next": "next", "this": "this"}.get(cue, "")
    y = _pick_year(mon, 15, pub, mod)
    if y is None:
        return None
    a, b = _month_span(y, mon)
    return (*_part_of_month(a, b, cue), "month", False)


_MONTH_PARTS = {
    "مطلع": (1, 10),
    "اوائل": (1, 10),
    "early": (1, 10),
    "منتصف": (11, 20),
    "mid": (11, 20),
    "mid-": (11, 20),
    "اواخر": (21, 31),
    "late": (21, 31),
}


def _part_of_month(a: date, b: date, cue: str) -> tuple[date, date]:
    """«منتصف نوفمبر», "mid-November": the month's middle third (early and late: its first and last)."""
    if cue not in _MONTH_PARTS:
        return a, b
    first, last = _MONTH_PARTS[cue]
    return a.replace(day=first), b.replace(day=min(last, b.day))


# «في عام 2014», «منذ 2022», "in 2022", "since 2014"
@_pattern(rf"(?<![\w])(?P<cue>{_YEAR_CUES})\s+(?:(?:ال)?عام\s+|سنه\s+)?(?P<y>{_YEAR})(?![\d\w])", _DIGIT)
def _year(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    if _COUNT_NOUN.match(n, m.end()):
        return None
    y = int(m["y"])
    return date(y, 1, 1), date(y, 12, 31), "year", False


# ---- relative to the publication date


def _day(pub: date, k: int) -> Resolved:
    d = pub + timedelta(days=k)
    return d, d, "day", True


def _weekday_near(pub: date, wd: int, direction: str) -> date:
    """Nearest `wd`: 'next' strictly after, 'past' strictly before, 'future'/'back' inclusive."""
    ahead = (wd - pub.weekday()) % 7
    if direction == "next":
        return pub + timedelta(days=ahead or 7)
    if direction == "future":
        return pub + timedelta(days=ahead)
    behind = (pub.weekday() - wd) % 7
    if direction == "past":
        return pub - timedelta(days=behind or 7)
    return pub - timedelta(days=behind)


# «غدا الخميس», «يوم غد الخميس», «بعد غد», «اليوم الأحد», «أمس الأربعاء», "tomorrow (Thursday)"
@_pattern(
    rf"{_PRE}(?P<rel>(?:يوم\s+)?بعد\s+غد|بعد\s+الغد|(?:يوم\s+)?(?:غدا|غد)(?=\W|$)|الغد|(?:يوم\s+)?امس\s+الاول|"
    rf"(?:ا|ل)ول\s+(?:من\s+)?امس|(?:يوم\s+)?امس|البارحه|اليوم|الليله\s+الماضيه|the\s+day\s+after\s+tomorrow|"
    rf"the\s+day\s+before\s+yesterday|tomorrow|yesterday|today|tonight|last\s+night|"
    rf"this\s+(?:morning|afternoon|evening)|"  # "this morning": today
    rf"(?:منذ|قبل)\s+قليل|moments\s+ago|a\s+short\s+while\s+ago)"  # «انطلقت منذ قليل»: today, just now
    rf"(?:\s*[,،(]?\s*(?:يوم\s+)?(?P<wd>{_WEEKDAY})\)?)?(?![\w])",
    r"غد|امس|البارحه|اليوم|الليله|tomorrow|yesterday|today|tonight|night|morning|afternoon|evening|قليل|ago",
)
def _rel_day(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    if pub is None:
        return None
    rel = re.sub(r"\s+", " ", m["rel"])
    if rel == "اليوم" and not m["wd"] and re.match(r"\s+(?:ال\w+|[a-z])", n[m.end() :]):
        # «اليوم الثالث», «اليوم التالي», «اليوم الوطني»: a day noun, not "today"
        nxt = re.match(r"\s+(\S+)", n[m.end() :])
        if nxt and (
            nxt.group(1) in _ORDINALS
            or nxt.group(1) in {"التالي", "السابق", "نفسه", "ذاته", "الذي", "الوطني", "العالمي"}
        ):
            return None
    offsets = {
        "غدا": 1,
        "غد": 1,
        "الغد": 1,
        "يوم غد": 1,
        "يوم غدا": 1,
        "tomorrow": 1,
        "بعد غد": 2,
        "يوم بعد غد": 2,
        "بعد الغد": 2,
        "the day after tomorrow": 2,
        "امس": -1,
        "يوم امس": -1,
        "البارحه": -1,
        "الليله الماضيه": -1,
        "yesterday": -1,
        "last night": -1,
        "امس الاول": -2,
        "يوم امس الاول": -2,
        "اول امس": -2,
        "لول امس": -2,
        "اول من امس": -2,  # «أول من أمس»: the day before yesterday
        "لول من امس": -2,
        "the day before yesterday": -2,
    }
    return _day(pub, offsets.get(rel, 0))


# «لليوم الثالث على التوالي», "for a third straight day": the talks began N-1 days before.
@_pattern(
    rf"(?:لليوم\s+(?P<ar>{_alt([k for k in _ORDINALS if not k.isascii()])})(?:\s+على\s+التوالي|\s+تواليا)?|"
    rf"(?:for\s+)?(?:a|the)\s+(?P<en>{_alt([k for k in _ORDINALS if k.isascii()])})\s+"
    rf"(?:straight|consecutive|successive)\s+day|(?:for\s+)?(?:a|the)\s+"
    rf"(?P<en2>{_alt([k for k in _ORDINALS if k.isascii()])})\s+day\s+(?:in\s+a\s+row|running))",
    r"يوم|day",
)
def _nth_day(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    if pub is None:
        return None
    k = _ORDINALS[m["ar"] or m["en"] or m["en2"]]
    return pub - timedelta(days=k - 1), pub, "day", True


# «قبل يومين», «قبل 3 أيام», "two days ago", «بعد يومين», "in two days"
@_pattern(
    rf"(?<![\w])(?:(?P<dir>قبل|بعد)\s+(?P<na>يومين|يوم\s+واحد|(?:\d|{_alt(_NUMBER_WORDS)})\s+ايام)|"
    rf"(?P<ne>\d|a|one|two|three|four|five|six|seven|ten)\s+days?\s+ago|in\s+(?P<ni>\d|two|three|four|five)\s+days)"
    rf"(?![\w])",
    r"يوم|ايام|day",
)
def _n_days(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    if pub is None:
        return None
    raw = (m["na"] or m["ne"] or m["ni"]).split()[0]
    k = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)
    sign = 1 if (m["dir"] == "بعد" or m["ni"]) else -1
    return _day(pub, sign * k)


_WE = r"(?:عطله\s+)?نهايه\s+(?:هذا\s+)?(?:ال)?اسبوع(?:\s+(?P<wmod>الجاري|الحالي|الماضي|المنصرم|المقبل|القادم))?"
_WE_EN = r"(?P<wen>this|next|last|the|over\s+the)\s+weekend"


# «نهاية هذا الأسبوع», «عطلة نهاية الأسبوع», "this weekend", "over the weekend"
@_pattern(rf"{_PRE}(?:{_WE}|{_WE_EN})(?![\w])", _WEEK_WORD)
def _weekend(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    if pub is None:
        return None
    text = m.group()
    sat = _week_start(pub) + timedelta(days=5)
    mod = m["wmod"] or ("" if not m["wen"] else m["wen"].split()[0])
    if mod in ("الماضي", "المنصرم", "last"):
        sat -= timedelta(days=7)
    elif mod in ("المقبل", "القادم", "next"):
        sat += timedelta(days=7)
    elif "هذا" not in text and mod not in ("this", "الجاري", "الحالي"):
        # «نهاية الأسبوع» / "over the weekend": the nearest one in the clause's direction
        future = future_context(n, m.start(), m.end())
        if future and sat + timedelta(days=1) < pub:
            sat += timedelta(days=7)
        elif not future and sat > pub:
            sat -= timedelta(days=7)
    return sat, sat + timedelta(days=1), "week", True


# «في وقت سابق من هذا الأسبوع», «مطلع الأسبوع», "earlier this week", «في وقت لاحق من هذا الأسبوع»,
# «مطلع الأسبوع المقبل», "early next week", «أواخر الأسبوع الماضي»
@_pattern(
    r"(?:في\s+)?(?P<part>وقت\s+سابق|مطلع|بدايه|اوائل|وقت\s+لاحق|اواخر)\s+(?:من\s+)?(?:هذا\s+)?(?:ال)?اسبوع"
    r"(?:\s+(?P<wmod>الجاري|الحالي|المقبل|القادم|الماضي|المنصرم))?(?![\w])"
    r"|(?P<en>earlier|later|early|late)\s+(?P<enw>this|next|last)\s+week\b",
    _WEEK_WORD,
)
def _part_of_week(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    if pub is None:
        return None
    mon = _week_start(pub)
    late = (m["part"] or "").startswith(("وقت لاحق", "اواخر")) or m["en"] in ("later", "late")
    shift = {"المقبل": 7, "القادم": 7, "next": 7, "الماضي": -7, "المنصرم": -7, "last": -7}.get(
        m["wmod"] or m["enw"] or ""
    )
    if shift:
        # another week than this one: its first or last days
        start = mon + timedelta(days=shift)
        return (
            (start + timedelta(days=4), start + timedelta(days=6), "week", True)
            if late
            else (
                start,
                start + timedelta(days=2),
                "week",
                True,
            )
        )
    if late:
        return min(pub + timedelta(days=1), mon + timedelta(days=6)), mon + timedelta(days=6), "week", True
    return mon, max(mon, pub), "week", True


# «هذا الأسبوع», «الأسبوع المقبل», «الأسبوع الماضي», "next week", «الأسبوعين الماضيين»
@_pattern(
    r"(?<![\w])(?:[وفبل])?(?:(?P<this>هذا\s+الاسبوع|الاسبوع\s+(?:الجاري|الحالي)|this\s+week)|"
    r"(?:ال)?اسبوع\s+(?P<ar>المقبل|القادم|الماضي|المنصرم|الفائت|السابق)|(?P<en>next|last|past)\s+week|"
    r"(?P<two>الاسبوعين\s+الماضيين|(?:the\s+)?(?:past|last)\s+two\s+weeks))(?![\w])",
    _WEEK_WORD,
)
def _week(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    if pub is None:
        return None
    mon = _week_start(pub)
    if m["two"]:
        return mon - timedelta(days=14), pub, "week", True
    if m["this"]:
        return mon, mon + timedelta(days=6), "week", True
    which = m["ar"] or m["en"]
    k = 1 if which in ("المقبل", "القادم", "next") else -1
    if which == "السابق" and not re.search(r"الاسبوع", m.group()):
        return None
    a = mon + timedelta(days=7 * k)
    return a, a + timedelta(days=6), "week", True


# «الشهر المقبل», «هذا الشهر», "last month", «العام الماضي», "next year"
@_pattern(
    r"(?<![\w])(?:[وفبل])?(?:(?P<this>(?:هذا|هذه)\s+(?:الشهر|العام|السنه)|(?:الشهر|العام|السنه)\s+(?:الجاري|الحالي|الجاريه|الحاليه)|"
    r"this\s+(?:month|year))|(?P<unit>الشهر|العام|السنه)\s+(?P<ar>المقبل|القادم|الماضي|المنصرم|الفائت|المقبله|القادمه|الماضيه)|"
    r"(?P<en>next|last|past)\s+(?P<eunit>month|year)|(?P<enp>earlier|later)\s+this\s+(?P<punit>month|year))(?![\w])",
    r"شهر|عام|سنه|month|year",
)
def _month_year_rel(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    if pub is None:
        return None
    g = m.group()
    is_month = "شهر" in g or "month" in g
    ahead = (m["ar"] or m["en"] or "").startswith(("المقبل", "القادم", "next"))
    k = 0 if m["this"] or m["enp"] else 1 if ahead else -1
    if is_month:
        y, mo = _add_months(pub.year, pub.month, k)
        a, b = _month_span(y, mo)
        return a, b, "month", True
    y = pub.year + k
    return date(y, 1, 1), date(y, 12, 31), "year", True


# «الخميس», «يوم الخميس المقبل», «الثلاثاء الماضي», "on Thursday", "next Thursday"
@_pattern(
    rf"(?<![\w])(?:[وفبل](?=ال|يوم))?(?:(?P<pre>next|last|this|coming)\s+)?(?:يوم\s+)?(?P<wd>{_WEEKDAY})(?![\w])"
    rf"(?:\s+(?P<mod>المقبل|القادم|الماضي|المنصرم|الفائت|السابق|المقبله))?",
    _WEEKDAY,
)
def _weekday(m: re.Match[str], n: str, pub: date | None) -> Resolved:
    if pub is None:
        return None
    wd = _WEEKDAYS[m["wd"]]
    if m["wd"] == "الاثنين" and re.match(r"\s+(?:معا|كليهما)", n[m.end() :]):
        return None  # «الاثنين معا»: "both", not Monday
    mod = _modifier(m["mod"] or m["pre"] or "")
    if m["pre"] == "next":
        # English "next Friday" said on a Thursday is the Friday of the following week, not tomorrow
        d = pub + timedelta(days=7 - pub.weekday() + wd)
    elif mod == "next" or m["pre"] == "coming":
        d = _weekday_near(pub, wd, "next")
    elif mod == "past":
        d = _weekday_near(pub, wd, "past")
    else:
        tense = clause_tense(n, m.start(), m.end())
        if tense is None:
            # no tense anywhere in the clause: the nearer of the two (a headline's «الأربعاء» said on
            # a Sunday is in three days, not four days ago)
            back, ahead = _weekday_near(pub, wd, "back"), _weekday_near(pub, wd, "future")
            d = ahead if (ahead - pub) < (pub - back) else back
        else:
            d = _weekday_near(pub, wd, "future" if tense else "back")
    return d, d, "day", True


# ------------------------------------------------------------------------------- driver


def _strip_clitic(rx: re.Pattern[str], n: str, s: int, e: int) -> int:
    """Drop a leading clitic (و ف ب ل) when the rest is the expression itself («وبعد غد» -> «بعد غد»)."""
    if e - s > 2 and n[s] in "وفبل":
        m = rx.match(n[s + 1 : e])
        if m and m.end() == e - s - 1:
            return s + 1
    return s


# the anchors whose matches lie inside words (digits, weekdays, «اسبوع», "day" ...), found word by word
# (tasks/nlp/text/wordindex.py); the month and Hijri month anchors, which may hold a space or look
# around, are scanned line by line
_IN_WORD_ANCHORS = InWordMatches(list({id(a): a for _, _, a in _PATTERNS if in_word(a)}.values()))


def _begins_word(n: str, i: int) -> bool:
    """Position `i` begins a word or follows one clitic و/ف/ب/ل that does (as `_MONTH_WORD` checks)."""
    if i == 0 or not _is_word(n[i - 1]):
        return True
    return n[i - 1] in "وفبل" and (i == 1 or not _is_word(n[i - 2]))


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"  # what `\w` matches


def _plain_by_line(doc: Document, rx: re.Pattern[str]) -> dict[int, list[re.Match[str]]] | None:
    """`rx.finditer(doc.nt, ls, le)` of every line (ls, le) holding a match, by line number, from one scan of
    the whole text; None when `rx` may look around its matches or one of them holds a line break (each
    line is scanned then). A pattern that only consumes characters finds in a line what it finds there
    in the whole text, as long as nothing it finds crosses a line end (wordindex.assertion_free)."""
    free = _ASSERTION_FREE.get(id(rx))
    if free is None:
        free = _ASSERTION_FREE[id(rx)] = assertion_free(rx)
    if not free:
        return None
    out: dict[int, list[re.Match[str]]] = {}
    starts = doc.line_starts
    for m in rx.finditer(doc.nt):
        if "\n" in m.group():
            return None
        out.setdefault(bisect_right(starts, m.start()) - 1, []).append(m)
    return out


_ASSERTION_FREE: dict[int, bool] = {}  # by id() of the anchors (kept alive by _PATTERNS)


def _anchor_matches(
    n: str, ls: int, le: int, anchor: re.Pattern[str], plain: list[re.Match[str]] | None = None
) -> list[tuple[int, int]]:
    """The spans of `anchor.finditer(n, ls, le)`. The month anchor is found faster by the plain month list,
    whose matches are kept where they begin a word: the same matches, unless a dropped one (inside a word)
    holds a space and so could hide one that begins after it; then the anchor itself is run.
    `plain`: the line's matches of the plain list (of the anchor itself, but for months), when known."""
    if anchor is not _MONTH_ANCHOR:
        return [m.span() for m in (anchor.finditer(n, ls, le) if plain is None else plain)]
    found = list(_MONTH_PLAIN.finditer(n, ls, le)) if plain is None else plain
    kept = [m for m in found if _begins_word(n, m.start())]
    if len(kept) < len(found) and any(not _begins_word(n, m.start()) and not m.group().isalpha() for m in found):
        return [m.span() for m in anchor.finditer(n, ls, le)]
    return [m.span() for m in kept]


def _anchors_by_line(
    doc: Document, anchor: re.Pattern[str], in_words: dict[int, list[tuple[int, int]]]
) -> Iterator[tuple[int, int, list[tuple[int, int]]]]:
    """Each line of `doc` holding an anchor match: (line start, line end, the anchor's match spans in it).
    An anchor found word by word (`in_words`, by id) is split among the lines it falls in; another is
    scanned line by line."""
    found = in_words.get(id(anchor))
    lines = doc.lines
    if anchor is _MONTH_ANCHOR and (words := doc.starts(_MONTH_LEAD)) is not None:
        yield from _month_by_line(doc, words)
        return
    if found is None:
        by_line = _plain_by_line(doc, _MONTH_PLAIN if anchor is _MONTH_ANCHOR else anchor)
        for k in range(len(lines)) if by_line is None else sorted(by_line):
            ls, le = lines[k]
            spans = _anchor_matches(doc.nt, ls, le, anchor, None if by_line is None else by_line[k])
            if spans:
                yield ls, le, spans
        return
    i = 0
    while i < len(found):
        k = doc.line_of(found[i][0])  # a word lies inside one line
        ls, le = lines[k]
        j = bisect_left(found, (le, 0), i)
        yield ls, le, found[i:j]
        i = j


def _month_by_line(doc: Document, words: list[int]) -> Iterator[tuple[int, int, list[tuple[int, int]]]]:
    """`_anchors_by_line` for the month anchor, tried only at the starts of the words that can begin it
    (`words`) and one letter on: in each line, the matches of `_MONTH_ANCHOR.finditer` over the line
    (alternation.matches_at), without scanning the text for month names."""
    tries = sorted({q for p in words for q in (p, p + 1)})
    lines, line_starts, n = doc.lines, doc.line_starts, doc.nt
    i = 0
    while i < len(tries):
        ls, le = lines[max(0, bisect_right(line_starts, tries[i]) - 1)]
        j = bisect_left(tries, le, i)
        if j == i:  # a try at or past its line's end (after a one-letter word): nothing starts there
            i += 1
            continue
        spans = [m.span() for m in matches_at(_MONTH_ANCHOR, n, tries[i:j], le)]
        if spans:
            yield ls, le, spans
        i = j


def _windows(n: str, by_line: Iterable[tuple[int, int, list[tuple[int, int]]]]) -> list[tuple[int, int]]:
    """Stretches of `n` within NLP.date_anchor_reach characters of an anchor match (`by_line`: the lines
    holding one, and the matches' spans there, in text order), widened to whole words (a cut word would
    pass for a word edge) and merged; never across a line end. Scanning only these is what makes the
    twenty patterns cheap: most text is far from any month name, weekday or relative-day word."""
    out: list[tuple[int, int]] = []
    reach = NLP.date_anchor_reach
    for ls, le, spans in by_line:
        for a, b in spans:
            ws, we = max(ls, a - reach), min(le, b + reach)
            if out and ws <= out[-1][1]:
                # inside the last window (an earlier line's ends before `ls`): only its end may move, and
                # not at all when `we` is short of it (that end is already a word end at or past `we`)
                if we > out[-1][1]:
                    while we < le and not n[we].isspace():
                        we += 1
                    out[-1] = (out[-1][0], we)
                continue
            while ws > ls and not n[ws - 1].isspace():
                ws -= 1
            while we < le and not n[we].isspace():
                we += 1
            if out and ws <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], we))
            else:
                out.append((ws, we))
    return out


def find_dates(
    text: str | Document, published: date | None, language: str | None = None, *, windowed: bool = True
) -> list[DateMention]:
    """All date expressions in the document (or `text`), resolved (relative ones against `published`),
    in text order. `windowed=False` scans every line with every pattern: the same result, slower
    (tests compare)."""
    doc = as_document(text, language)
    _bind(doc)
    nt, n, text = doc.norm, doc.nt, doc.text
    windows: dict[int, list[tuple[int, int]]] = {}  # by id(anchor): hashing a Pattern hashes its code
    in_words: dict[int, list[tuple[int, int]]] | None = None
    cands: list[tuple[int, int, date, date, str, bool]] = []
    for rx, handler, anchor in _PATTERNS:
        if doc.starts(rx) == []:
            continue  # no word of the text can begin a match: its anchor's windows are not needed
        wins = windows.get(id(anchor))
        if wins is None:
            if not windowed:
                wins = doc.lines
            else:
                if in_words is None:
                    found = _IN_WORD_ANCHORS.spans(doc.tok_starts, doc.words)
                    in_words = {id(a): f for a, f in zip(_IN_WORD_ANCHORS.patterns, found, strict=True)}
                wins = _windows(n, _anchors_by_line(doc, anchor, in_words))
            windows[id(anchor)] = wins
        for m in (m for ws, we in wins for m in doc.finditer(rx, ws, we)):
            res = handler(m, n, published)
            if res is None:
                continue
            s, e = m.start(), m.end()
            while e > s and n[e - 1].isspace():
                e -= 1
            cands.append((_strip_clitic(rx, n, s, e), e, *res))
    # longest first, then leftmost; drop anything overlapping a kept mention
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    kept: list[tuple[int, int, date, date, str, bool]] = []
    taken = bytearray(len(n) + 1)  # characters of kept mentions: linear, however many candidates
    for c in cands:
        if not any(taken[c[0] : c[1]]):
            taken[c[0] : c[1]] = b"\x01" * (c[1] - c[0])
            kept.append(c)
    kept.sort(key=lambda c: c[0])
    # «الخميس 4 ديسمبر»: a weekday right beside an absolute day is the same day; keep the absolute
    out: list[DateMention] = []
    for i, (s, e, a, b, prec, rel) in enumerate(kept):
        if rel and prec == "day":
            near = [k for k in kept[max(0, i - 1) : i + 2] if k is not kept[i] and not k[5] and k[4] == "day"]
            if any(0 <= k[0] - e <= 3 or 0 <= s - k[1] <= 3 for k in near):
                continue
        os_, oe = nt.orig_span(s, e)
        out.append(DateMention(os_, oe, text[os_:oe], a, b, prec, rel))
    return out
