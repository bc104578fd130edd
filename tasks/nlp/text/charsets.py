"""Arabic character sets, letter folds and clitics: the one home for them (as CAMeL Tools'
`utils/charsets`). Cleaning, fingerprints, normalisation, the gazetteer, people, dates and events
all read these; nobody keeps a copy of a range or a fold.

Ranges are regex character-class bodies (no brackets), so they can be combined:
`re.compile(f"[{HARAKAT}{TATWEEL}]")`.
"""

from __future__ import annotations

import re
from functools import lru_cache

# ------------------------------------------------------------------ character ranges

ARABIC_BLOCK = "\u0600-\u06ff"  # the whole Arabic block: letters, marks, digits, punctuation
ARABIC_LETTERS = "\u0621-\u064a"  # the 28 letters and hamza forms of Arabic proper
HARAKAT = "\u064b-\u0652"  # tanwin, short vowels, shadda, sukun
# Arabic combining marks: Quranic honorifics (U+0610-061A), harakat and their extensions
# (U+064B-065F), superscript alef (U+0670) and the Quranic annotation marks (U+06D6-06ED minus
# the three that are symbols, not marks: end of ayah ۝, rub el hizb ۞, place of sajdah ۩)
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
TATWEEL = "\u0640"
# zero-width and bidi controls and the soft hyphen: invisible, never part of a word
FORMAT_CONTROLS = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad"
# letters of Arabic-script writing in general (Persian, Urdu and older extensions included)
ARABIC_SCRIPT_LETTERS = "\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff"
# letters of Persian, Urdu, Pashto and Kurdish that Arabic spelling does not use
NON_ARABIC_LETTERS = (
    "\u067e\u0686\u0698\u06af\u06a9\u06cc\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2"
    "\u067c\u0681\u0685\u0689\u0693\u0696\u069a\u06bc\u06cd\u06d0\u0695\u06b5\u06c6\u06ce\u06d5"
)

MARKS_RE = re.compile(f"[{MARKS}{TATWEEL}]")  # what folding for comparison removes
ARABIC_RE = re.compile(f"[{ARABIC_BLOCK}]")
HARAKAT_RE = re.compile(f"[{HARAKAT}]")
PURE_ARABIC_RE = re.compile(f"^[{ARABIC_LETTERS}{HARAKAT} ]+$")  # a plain Arabic name, nothing else

# ------------------------------------------------------------------ folds

# Letter variants written for one letter: hamza seats and wasla on alef, ta marbuta, alef maqsura
# and Persian ye/kaf/he forms. Matching folds them all; stored text keeps them.
LETTER_FOLD: dict[str, str] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ة": "ه",
    "ۃ": "ه",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ؤ": "و",
    "ئ": "ي",
    "ک": "ك",
    "ڪ": "ك",
    "ە": "ه",
    "ھ": "ه",
    "ۀ": "ه",
}
# Arabic-Indic and Persian digits
DIGIT_FOLD: dict[str, str] = {chr(0x0660 + d): str(d) for d in range(10)} | {chr(0x06F0 + d): str(d) for d in range(10)}
# Arabic separators and typographic punctuation, each to its ASCII form
PUNCT_FOLD: dict[str, str] = {
    "٫": ".",  # Arabic decimal separator: 3٫5 -> 3.5
    "٬": ",",  # Arabic thousands separator
    "٪": "%",
    **dict.fromkeys("“”„‟«»″", '"'),
    **dict.fromkeys("‘’‚‛′`‹›", "'"),
    **dict.fromkeys("‐‑‒–—―−", "-"),
}
# The light fold: the alef, ta marbuta and alef maqsura variants only, for comparing words and
# lines where the other folds would not matter (cleaning's word lists, date patterns).
LIGHT_FOLD = str.maketrans({k: LETTER_FOLD[k] for k in "أإآٱىة"})


# LIGHT_FOLD as (variant, letter) pairs: one str.replace each is a C scan of the text, where
# str.translate looks every character up in a dict (a line's fold cost 4x as much)
_LIGHT_PAIRS = tuple((chr(k), v) for k, v in LIGHT_FOLD.items())


def light_fold(s: str) -> str:
    """Marks and tatweel removed, alef/ta marbuta/alef maqsura variants folded (not case)."""
    s = MARKS_RE.sub("", s)
    for variant, letter in _LIGHT_PAIRS:
        if variant in s:
            s = s.replace(variant, letter)
    return s


@lru_cache(maxsize=65536)  # asked for one character or one name at a time, thousands of times a page
def is_arabic(s: str) -> bool:
    """Whether `s` holds any character of the Arabic block."""
    return bool(ARABIC_RE.search(s))


def is_arabic_letter(c: str) -> bool:
    """One character: an Arabic letter (basic or extended), not a mark, digit or sign."""
    return "\u0621" <= c <= "\u064a" or "\u0671" <= c <= "\u06d3"


# ------------------------------------------------------------------ clitics (normalised text)

# Arabic proclitics: conjunction, then preposition, then the article (ل + ال is written لل).
CONJ = ("و", "ف")
PREP = ("ب", "ل", "ك")
PREFIXES_BARE = frozenset({""} | set(CONJ) | set(PREP) | {c + p for c in CONJ for p in PREP})
PREFIXES_ARTICLE = frozenset(
    {"ال", "لل"} | {p + "ال" for p in ("ب", "ك")} | {c + x for c in CONJ for x in ("ال", "لل", "بال", "كال")}
)
PREFIXES_ANY = PREFIXES_BARE | PREFIXES_ARTICLE


@lru_cache(maxsize=65536)
def strip_conj(w: str) -> str:
    """A word without a leading و/ف (a word of four letters or more: وفد keeps its و)."""
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


@lru_cache(maxsize=65536)
def bare(w: str) -> str:
    """A word without conjunction, preposition+article and article clitics (وللرئيس -> رييس)."""
    w = strip_conj(w)
    if len(w) > 4 and w.startswith("لل"):
        return w[2:]
    if len(w) > 4 and w[0] in "بلك" and w[1:3] == "ال":
        return w[3:]
    if len(w) > 4 and w.startswith("ال"):
        return w[2:]
    return w


@lru_cache(maxsize=65536)
def clitic_bases(tok: str) -> set[str]:
    """Every reading of a normalised Arabic token with its proclitics removed (بالوزير -> وزير,
    باحث -> باحث and احث): look-ups try them all, since ب/ل/ك/و/ف also begin plain words.

    Cached (asked for every token by several layers): the set is shared, so callers only read it."""
    out = {tok}
    for i in range(1, min(len(tok) - 1, 5)):
        if tok[:i] in PREFIXES_ANY:
            out.add(tok[i:])
    return out


@lru_cache(maxsize=65536)  # asked about a hundred times a page, of a few dozen words
def has_article(w: str, min_len: int = 4) -> bool:
    """Whether a normalised Arabic word carries the article ال (after و/ف, ب/ك, or as لل).

    `min_len`: the shortest word (after و/ف) that counts. 4 keeps «الا» (إلا) out; names need 5,
    since «الان» is both «الآن» and the given name «آلان» (Alain)."""
    w = strip_conj(w)
    return len(w) > min_len - 1 and (w.startswith("ال") or w.startswith("لل") or (w[0] in PREP and w[1:3] == "ال"))
