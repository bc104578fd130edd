"""People named in lists and long titles of kinds no studied set held: plural English titles before a list
("MPs X and Y"), an unknown first given name right after a title (after its comma, an honorific or the
ال-word that ends it), lists after «كل من», after a plural title or after a body's Latin gloss, a lawyer
"of" somebody, and the clause words (a future verb, «أن» with a pronoun) that read as no name.

Every sentence here is written for the tests, with invented names and places (none is taken from an
evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract

PUB = date(2024, 3, 12)


def people(text: str, language: str = "ar") -> set[str]:
    return {m.surface for m in extract(text, language, PUB).mentions if m.kind == "person"}


def roles(text: str, language: str = "ar") -> dict[str, str | None]:
    x = extract(text, language, PUB)
    return {e.name_ar or e.name_en or "": e.role for e in x.entities if e.kind == "person"}


# ---------------------------------------------------------------------- English


def test_an_english_plural_title_heads_a_list_of_names() -> None:
    found = people("Opposition MPs Vardan Kelosyan and Mirela Tovak met the minister on Monday.", "en")
    assert found == {"Vardan Kelosyan", "Mirela Tovak"}
    found = people("The party co-chairs Alev Durmaz Koray and Remzi Talan visited the island.", "en")
    assert {"Alev Durmaz Koray", "Remzi Talan"} <= found


def test_an_unknown_first_given_name_after_a_lower_case_head_is_the_names() -> None:
    assert people("The delegation included the group's lawyer Keram Özgür Baltan.", "en") == {"Keram Özgür Baltan"}


def test_the_word_after_an_english_honorific_opens_the_name() -> None:
    text = "Deputy Foreign Minister Ambassador Sheikh Fawwaz Jaber Al-Tamimi chaired the delegation."
    assert people(text, "en") == {"Fawwaz Jaber Al-Tamimi"}


def test_a_nationality_word_closing_a_known_given_name_is_the_family_name() -> None:
    found = people("The group will include former Kerpa Mayor Ahmet Türk and two advisers.", "en")
    assert found == {"Ahmet Türk"}


# ---------------------------------------------------------------------- Arabic: where the name opens


def test_after_a_titles_comma_an_unknown_given_name_opens_the_name() -> None:
    text = "وضم الوفد الرئيسين المشتركين للحركة، توركان حسن باشاري وأوندر كمال دوغان، ووصل إلى المدينة."
    assert people(text) == {"توركان حسن باشاري", "أوندر كمال دوغان"}


def test_after_an_arabic_honorific_the_next_word_opens_the_name() -> None:
    text = "وترأس الجانب الآخر نائب وزير الخارجية، السفير الشيخ عذبي جابر العلي الخالد، في الاجتماع."
    assert people(text) == {"عذبي جابر العلي الخالد"}


def test_an_unknown_word_after_the_titles_last_article_word_opens_the_name() -> None:
    text = "وغادر المحامي في مكتب النور الحقوقي كيرم أوزغور دانيش من الجزيرة بعد اللقاء."
    assert people(text) == {"كيرم أوزغور دانيش"}


def test_a_title_phrase_then_a_comma_then_an_unknown_name() -> None:
    text = "وحضر النائب عن حزب العدالة وحرية الشعوب، ديلك سريا أوندال، الجلسة الأولى."
    assert people(text) == {"ديلك سريا أوندال"}
    text = "وطالب زعيم تنظيم الجبهة الشعبية، عمران بيكار كوزو، بالإفراج عن المعتقلين."
    assert people(text) == {"عمران بيكار كوزو"}


# ---------------------------------------------------------------------- Arabic: lists


def test_a_plural_arabic_title_heads_two_names() -> None:
    text = "ورافقه نواب الحزب بيرين كارداش وأوزلم تكين، ورئيس بلدية المدينة."
    assert people(text) == {"بيرين كارداش", "أوزلم تكين"}


def test_each_of_lists_two_names_whatever_their_given_names() -> None:
    text = "وشارك في الزيارتين الأوليين كل من ديلك سريا أوندال وبيرين كارداش."
    assert people(text) == {"ديلك سريا أوندال", "بيرين كارداش"}


def test_a_bodys_latin_gloss_in_parentheses_goes_on_the_title() -> None:
    text = "وتوجه الوفد المؤلف من النائبين عن حزب العدالة الخضراء (GJP) أوكتاي سنكايا وبيرين كارداش، اليوم إلى الجزيرة."
    found = roles(text)
    assert set(found) == {"أوكتاي سنكايا", "بيرين كارداش"}
    assert found["أوكتاي سنكايا"] == "النائبين عن حزب العدالة الخضراء (GJP)"


def test_a_name_before_the_comma_holds_a_bare_head_whose_possessor_follows() -> None:
    text = "ويتكون الوفد من ثلاثة أشخاص.\nكمال فائق أرديل، محامي عبد الرحيم شاكر."
    found = roles(text)
    assert "كمال فائق أرديل" in found and (found["كمال فائق أرديل"] or "").startswith("محامي")
    assert found.get("عبد الرحيم شاكر") is None


# ---------------------------------------------------------------------- Arabic: no names


def test_clause_words_before_a_title_are_no_name() -> None:
    assert not people("وذكر الحزب في بيان أنهم سيزورون زعيم الحركة الوطنية المسجون في أقرب وقت.")
    assert not people("وكتبت على حسابها أنها تتطلع لاستقبال رئيس الوزراء الكندي مساء الأربعاء.")
    assert not people("وينص الاتفاق على مرحلة انتقالية يقودها مدنيون لعامين وتنتهي بانتخابات.")


def test_list_items_of_a_name_and_its_title_after_commas() -> None:
    text = (
        "وضم الوفد كل من كمال ناجي وزير الطاقة، وعبد الرحيم دوسكي رئيس دائرة الإعلام والمتابعة، "
        "وزيار عادل المتحدث باسم الحكومة."
    )
    found = roles(text)
    assert set(found) == {"كمال ناجي", "عبد الرحيم دوسكي", "زيار عادل"}
    assert found["عبد الرحيم دوسكي"] == "رئيس دائرة الإعلام والمتابعة"
    assert found["زيار عادل"] == "المتحدث باسم الحكومة"
