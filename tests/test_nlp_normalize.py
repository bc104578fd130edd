"""Normalisation (with its offset map) and sentence splitting."""

from __future__ import annotations

import random
import re

import pytest

from tasks.nlp.text.normalize import norm_token, normalize
from tasks.nlp.text.sentences import split_sentences

# ---------------------------------------------------------------------- normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أحمد إبراهيم آمال ٱلقدس", "احمد ابراهيم امال القدس"),
        ("مدينة الموصل", "مدينه الموصل"),
        ("مستشفى", "مستشفي"),
        ("مؤتمر", "موتمر"),
        ("رئيس", "رييس"),
        ("مُحَمَّدٌ", "محمد"),
        ("الســـلام", "السلام"),
        ("٢٠٢٥/١٢/٢٠ و۱۴۰۴", "2025/12/20 و1404"),
        ("Türkiye ZELENSKYY Straße", "turkiye zelenskyy strasse"),
        ("“quoted” «مقتبس» it’s — done – ok", '"quoted" "مقتبس" it\'s - done - ok'),
        ("a\u00a0b\u200fc", "a bc"),
        ("٣٫٥", "3.5"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_norm_token_collapses_whitespace() -> None:
    assert norm_token("  الرئيسُ \n  فلاديمير   بوتين ") == "الرييس فلاديمير بوتين"
    assert norm_token("Vladimir  PUTIN") == "vladimir putin"


def test_identity_map_when_nothing_changes_length() -> None:
    n = normalize("Kyiv and Moscow")
    assert n.to_original(5) == 5
    assert n.orig_span(0, 4) == (0, 4)
    assert n.to_normalized(9) == 9


def test_span_maps_back_over_removed_marks() -> None:
    text = "قالَ الرئيسُ بوتينُ: نعم"
    n = normalize(text)
    i = n.text.index("بوتين")
    a, b = n.orig_span(i, i + len("بوتين"))
    assert text[a:b] == "بوتينُ"  # the trailing damma belongs to the word
    j = n.text.index("الرييس")
    a, b = n.orig_span(j, j + len("الرييس"))
    assert text[a:b] == "الرئيسُ"


def test_span_maps_back_over_tatweel_inside_word() -> None:
    text = "وصل إلى مـوسـكو أمس"
    n = normalize(text)
    i = n.text.index("موسكو")
    a, b = n.orig_span(i, i + 5)
    assert text[a:b] == "مـوسـكو"


def test_expansion_maps_to_one_original_char() -> None:
    text = "Die Straße nach Kyiv"
    n = normalize(text)
    i = n.text.index("strasse")
    assert n.orig_span(i, i + 7) == (4, 10)
    k = n.text.index("kyiv")
    assert text[slice(*n.orig_span(k, k + 4))] == "Kyiv"


_ALPHABET = [
    *"ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآؤئىةٱ",
    *"\u064e\u064f\u0650\u0651\u0652\u064b\u0670\u0640\u200c\u200f",  # harakat, tatweel, ZWNJ, RLM
    *"٠١٢٣٤٥٦٧٨٩۰۱۲",
    *"abcXYZéüßİ",
    *"ﻻﷲ…“”«»—\u00a0   \n.،؟",
]


def _random_texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 60))) for _ in range(n)]


@pytest.mark.parametrize("text", _random_texts(300))
def test_offset_map_properties(text: str) -> None:
    n = normalize(text)
    positions = [n.to_original(i) for i in range(len(n.text) + 1)]
    assert positions == sorted(positions), "the map is monotonic"
    assert all(0 <= p <= len(text) for p in positions)
    assert n.to_original(len(n.text)) == len(text)
    # every word of the normalised text maps back to original characters that normalise to it
    for m in re.finditer(r"[^\W_]+", n.text):
        a, b = n.orig_span(m.start(), m.end())
        assert normalize(text[a:b]).text == m.group()
        assert n.to_normalized(a) <= m.start()


def test_normalize_is_idempotent_on_samples() -> None:
    for text in _random_texts(100, seed=11):
        once = normalize(text).text
        assert normalize(once).text == once


# ---------------------------------------------------------------------- sentences


def _sents(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_english_abbreviations_initials_decimals() -> None:
    text = "Mr. Smith met U.S. envoys in Geneva. Growth hit 3.5 percent! Was it J. D. Vance? Yes."
    assert _sents(text) == [
        "Mr. Smith met U.S. envoys in Geneva.",
        "Growth hit 3.5 percent!",
        "Was it J. D. Vance?",
        "Yes.",
    ]


def test_arabic_terminators_and_non_terminal_comma_semicolon() -> None:
    text = "قال الوزير، في مؤتمر صحفي؛ إن الجولة انتهت. هل تستأنف المحادثات؟ ربما! الجولة المقبلة في جنيف."
    assert _sents(text) == [
        "قال الوزير، في مؤتمر صحفي؛ إن الجولة انتهت.",
        "هل تستأنف المحادثات؟",
        "ربما!",
        "الجولة المقبلة في جنيف.",
    ]


def test_lines_and_headlines_are_sentences() -> None:
    text = "عنوان الخبر بلا نقطة\n\nالفقرة الأولى. والثانية\n- بند في قائمة"
    assert _sents(text) == ["عنوان الخبر بلا نقطة", "الفقرة الأولى.", "والثانية", "- بند في قائمة"]


def test_glued_arabic_sentences_split() -> None:
    assert _sents("انتهى الاجتماع.بدأت الجولة الثانية") == ["انتهى الاجتماع.", "بدأت الجولة الثانية"]


def test_offsets_are_original_and_trimmed() -> None:
    text = "  First one.   Second «one». \n"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second «one»."]
    assert all(text[a:b] == text[a:b].strip() for a, b in spans)


def test_lowercase_continuation_is_not_a_boundary() -> None:
    assert _sents("The talks lasted approx. five hours in total.") == ["The talks lasted approx. five hours in total."]
