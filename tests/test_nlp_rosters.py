"""A delegation's roster printed as a list, a name a line after a dash: each item is a person, though
nothing but the list's shape says so (no title, no cue); a list of things is no list of people.

Every text here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract

PUB = date(2024, 3, 5)


def people(text: str, language: str = "ar") -> list[str]:
    return [m.key for m in extract(text, language, PUB).mentions if m.kind == "person"]


def test_each_item_of_a_roster_is_a_person() -> None:
    text = (
        "وتضم الوفود المشاركة في المشاورات الأسماء التالية:\n"
        "أسماء وفد الحكومة:\n- عبدالرحمن ناجي\n- محمد الصبري\n- سالم محمد البكري\n"
        "أسماء وفد المعارضة:\n- حسين قاسم\n- يوسف عبده الحكيمي\n"
        "وتستمر المشاورات أسبوعا."
    )
    assert people(text) == [
        "person:ar:عبدالرحمن ناجي",
        "person:ar:محمد الصبري",
        "person:ar:سالم محمد البكري",
        "person:ar:حسين قاسم",
        "person:ar:يوسف عبده الحكيمي",
    ]
    text = "The government delegation:\n- Ahmed Salem\n- Yusuf Haddad\n- Omar Nasser\nTalks begin on Monday."
    assert people(text, "en") == ["person:en:ahmed salem", "person:en:yusuf haddad", "person:en:omar nasser"]


def test_a_list_of_things_or_a_lone_dash_line_is_no_roster() -> None:
    text = "ونص الاتفاق على:\n- وقف إطلاق النار\n- فتح المعابر\n- تبادل الأسرى\nوتبدأ المرحلة الأولى غدا."
    assert people(text) == []
    assert people("وقال المبعوث:\n- محمد الصبري\nإن الجولة المقبلة ستعقد في عمان.") == []
