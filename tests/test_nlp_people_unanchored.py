"""People no title introduces, read by a known given name; bylines and publications that look like names.

Every sentence here was written for these tests (no evaluation article's text)."""

from __future__ import annotations

import pytest

from tasks.nlp.entities import analyze


def _people(text: str) -> list[str]:
    return [m.surface for m in analyze(text).mentions if m.kind == "person"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # English: a known given name and a capitalised surname, with no title before them
        (
            "The meeting was attended by Alexander Petrov and Andrei Sokolov of the separatist council.",
            ["Alexander Petrov", "Andrei Sokolov"],
        ),
        ("Also present were Heidi Lindqvist and Moussa Traore.", ["Heidi Lindqvist", "Moussa Traore"]),
        # Arabic: a list of names in the plain, the first opening with a known given name
        (
            "وأوضح البيان أن أنغيلا شولتز وفرنسوا دوبون عقدوا اجتماعا مطولا.",
            ["أنغيلا شولتز", "فرنسوا دوبون"],
        ),
        # a father's given name carries an everyday-word given name, and a list goes on through compounds
        (
            "ويضم الوفد كلا من ناصر يوسف الحداد وعبد الكريم ناجي الشامي وأبو بكر عثمان.",
            ["ناصر يوسف الحداد", "عبد الكريم ناجي الشامي", "أبو بكر عثمان"],
        ),
        ("وقال نبيل أبو شنب إن الوفد وصل.", ["نبيل أبو شنب"]),
    ],
)
def test_names_opened_by_a_known_given_name(text: str, names: list[str]) -> None:
    assert _people(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "وأكد حسن نوايا الطرفين في البيان.",  # «حسن» is a given name and a noun: no title, no name
        "وأبدى سعيد الحظ استعداده.",
        "وشدد على حسن الجوار بين البلدين.",
    ],
)
def test_given_names_that_are_everyday_words_need_a_title(text: str) -> None:
    """Guard: the code before the given-name reading found no name here either; this keeps it so."""
    assert _people(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a plural verb, or a verbal noun behind a preposition, ends a name
        ("وقال البيان إن ميشال كولر وبترو سيمونينكو عقدوا لقاء.", "بترو سيمونينكو"),
        ("وتعهد رئيس الوزراء إيهود شمير بمواصلة البناء.", "إيهود شمير"),
        # after a title, two words the sentence closes with «إن» are a name even in a verbal noun's pattern
        ("وقال الرئيس الإريتري إسياس تسفاي إن المحادثات مستمرة.", "إسياس تسفاي"),
    ],
)
def test_where_a_name_ends(text: str, name: str) -> None:
    assert name in _people(text)


def test_a_title_ending_in_a_place_does_not_lend_the_place_to_the_name() -> None:
    text = "The talks were attended by Russia's ambassador to Kiev Mikhail Orlov, a special envoy, and others."
    people = _people(text)
    assert "Mikhail Orlov" in people
    assert not any("Kiev" in p for p in people)


@pytest.mark.parametrize(
    "text",
    [
        "كتب: سامر الحداد.\nوقال وزير الخارجية إن الاجتماع مهم.",
        "القاهرة - علي فراج - منى الشريف:\nقال المتحدث إن المحادثات مستمرة.",
        "وتوجه الوفد اليوم إلى واشنطن. حسين أبوعلي القاهرة",
        "The talks resumed.\n(Reporting by Jane Marlow; Writing by Samir Haddad; Editing by Peter Graff)",
        "ونقل تقرير في مجلة «جون فيليب» أن الوفد وصل.",
    ],
)
def test_bylines_credits_and_publications_are_no_people(text: str) -> None:
    """Guard for the given-name reading (without it these names were not found at all)."""
    assert _people(text) == []


def test_a_name_in_a_sentence_is_no_byline() -> None:
    """A short sentence with a verb keeps its person («وحضرت الحركة ... جناح مالك عقيل» has one too)."""
    assert _people("وحضر اللقاء سامر الحداد.") == ["سامر الحداد"]
