"""People nobody listed, by kind of error (second set): military ranks and initials in English, «علي»
the name against «على» the preposition, name particles after an ال-word, a compound given name counted
as one word, a glued «و» before a given name, the verb or verbal noun after a name, words that open no
name (a future verb, a preposition with a pronoun, a place title), standing as a title, a title's
phrase before its holder's comma, and the regime a ruler is named by (sentences written for these tests).
"""

from __future__ import annotations

import pytest

from tasks.nlp.entities import find_entities


def _surfaces(text: str) -> list[str]:
    mentions, _ = find_entities(text)
    return [m.surface for m in mentions if m.kind == "person"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an abbreviated rank is part of the title, not of the name
        ("The talks were led by Corps Commander Lt Gen Rajiv Mehra on the Indian side.", "Rajiv Mehra"),
        ("Talks between Lt. Gen. Arjun Rawat, the corps commander, and his counterpart began.", "Arjun Rawat"),
        # initials run together or written without their period, after a rank
        ("Army chief Gen RK Bhadauria said the standoff would end soon.", "RK Bhadauria"),
        ("The Indian side was led by Commander Lt Gen P Menon on Sunday.", "P Menon"),
    ],
)
def test_english_rank_and_initials(text: str, name: str) -> None:
    assert name in _surfaces(text)


def test_rank_words_alone_are_no_person() -> None:
    names = _surfaces("Brig. Gen. Tom Harris, General Officer Commanding of the division, arrived on Monday.")
    assert names == ["Tom Harris"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # «علي» the name, in an article that writes the preposition «على» with ى
        ("وحضر رئيس الوزراء السيد كمال علي زيدان، وشدد على أهمية الحوار.", "كمال علي زيدان"),
        ("علي رضا موسوي محلل سياسي، قال إن الجولة ستعقد على الأرجح في مسقط.", "علي رضا موسوي"),
        # a name particle after an ال-word carries the name on, before and after the title
        ("وقال المبعوث الخاص أحمد الأمين ولد بوبكر، إن المشاورات ستستأنف.", "أحمد الأمين ولد بوبكر"),
        ("وأكد محمد المختار ولد داداه، رئيس البعثة، أن الاجتماع سيعقد.", "محمد المختار ولد داداه"),
        # a compound given name is one name word: four words after a title
        ("وقال الرئيس محمد عبد الله حسن نور، إن بلاده مستعدة للحوار.", "محمد عبد الله حسن نور"),
        # «و» glued to a known given name opens the next item of a list
        ("حضر القمة الرئيس سامي فرح، وخالد عمر ديريه، رئيس الإقليم.", "خالد عمر ديريه"),
        # the verb or verbal noun after a long name is the sentence's
        ("وبحث نائب وزير الخارجية عبد الرحيم صالح تبادل الأسرى مع الوفد.", "عبد الرحيم صالح"),
        ("وأعلن الرئيس جون كامارا تأجيل الانتخابات إلى موعد لاحق.", "جون كامارا"),
        # standing names a person like a title
        ("وعلق الزميل زياد حمدان على الصورة.", "زياد حمدان"),
        ("وقال الناشط ماهر العلواني إن الوضع الصحي صعب.", "ماهر العلواني"),
        # a short first word before an ال-nisba closed by a comma, after a title
        ("ويرأس وفد المعارضة المحامي فرج الحلبي، ويتولى غيره مهمة التفاوض.", "فرج الحلبي"),
        # the title's phrase (a preposition glued to an organisation), then its holder after a comma
        ("وقال القيادي بحزب الأمة في الخرطوم، صالح محمود، إن الحوار مستمر.", "صالح محمود"),
    ],
)
def test_arabic_name_found_whole(text: str, name: str) -> None:
    assert name in _surfaces(text)


@pytest.mark.parametrize(
    "text",
    [
        # a verb with the future prefix opens no name before a title
        "وأضاف أن الأحزاب ستجتمع غدا. وغدا سيعلن اسم رئيس الحكومة الجديد.",
        # a preposition with a noun and its pronoun opens no name
        "بدوره شكر رئيس البرلمان الحضور.",
        # a place title goes on the title: the place is no person
        "وقال رئيس حكومة إقليم شرق الوادي إن المحادثات ناجحة.",
        # «قادة» (leaders) is no «قاده» (led him), the delegation cue
        "وقالت المصادر إن قادة فصيلي درع الوادي سيجتمعون.",
    ],
)
def test_arabic_no_person(text: str) -> None:
    assert _surfaces(text) == []


def test_a_regime_named_by_its_ruler_not_by_its_capital() -> None:
    assert _surfaces("وخرجت الاحتجاجات ضد نظام عادل الراشد في المدن كلها.") == ["عادل الراشد"]
    assert _surfaces("وندد البيان بنظام بيونغ يانغ الذي يهدد المنطقة.") == []


def test_ali_is_the_name_only_where_the_writer_spells_the_preposition_with_alif_maqsura() -> None:
    """An article that writes «على» as «علي» throughout gives no reason to read «علي» as the name."""
    assert _surfaces("وقال الوزير سامي علي زيدان، إن الجولة ستعقد على الأرجح.") == ["سامي علي زيدان"]
    assert _surfaces("وشدد الوزير علي موقف بلاده من الحرب وعلي رفض التدخل.") == []


def test_a_three_word_name_after_a_title_that_the_sentence_closes_is_whole() -> None:
    # no word of it is a known given name; the title before and «إن»/the full stop after bound it
    def names(text: str) -> list[str]:
        return [m.surface for m in find_entities(text)[0] if m.kind == "person"]

    assert names("وقال رئيس الوزراء الموزمبيقي كاريلو نيابو موندلاني إن المحادثات ناجحة.") == ["كاريلو نيابو موندلاني"]
    assert names("والتقى الوفد رئيس وزراء موزمبيق الجديد كاريلو نيابو موندلاني.") == ["كاريلو نيابو موندلاني"]
    # a common word after two name words, followed by a preposition, stays outside the name
    assert names("وكان الرئيس كاريلو نيابو حاضر في المؤتمر.") == ["كاريلو نيابو"]
