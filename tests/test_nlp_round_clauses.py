"""A round's place and number given in a relative clause or a predicate after it: «الجولة ... التي
تستضيفها واشنطن ... هي التاسعة», "the current round of talks ... is the ninth".

Every sentence here was written for these tests (no evaluation article's text)."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.nlp.entities import analyze
from tasks.nlp.events.lexicon import lexicon
from tasks.nlp.events.place import host_word
from tasks.nlp.extract import extract


@pytest.mark.parametrize(
    ("word", "expected"),
    [("تستضيفها", True), ("استضافها", True), ("احتضنتها", True), ("تستضيف", True), ("تستطيع", False)],
)
def test_host_verbs_with_an_object_pronoun(word: str, expected: bool) -> None:
    assert host_word(lexicon(), word) is expected


def _rounds(text: str, lang: str) -> list[tuple[str | None, int | None]]:
    x = extract(text, lang, date(2023, 5, 12))
    places = {m.key: m.surface for m in analyze(text).mentions if m.kind == "location"}
    return [(places.get(ev.location_key or "", ev.location_key), ev.round_number) for ev in x.events]


def test_arabic_relative_clause_host_and_predicate_ordinal() -> None:
    text = (
        "ويترأس وزير الخارجية الكيني وفد كينيا في المفاوضات مع تنزانيا، حيث تعد الجولة الحالية من "
        "المفاوضات التي تستضيفها نيروبي منذ يوم الأربعاء هي السابعة بين البلدين."
    )
    assert ("نيروبي", 7) in _rounds(text, "ar")


def test_english_predicate_ordinal() -> None:
    text = "Kenya and Tanzania resumed talks in Nairobi on Wednesday; the current round of talks is the seventh."
    assert [n for _, n in _rounds(text, "en")] == [7]


def test_a_compound_ordinal_after_the_copula_is_read_whole() -> None:
    """«هي التاسعة عشرة» is the nineteenth, not the ninth."""
    text = "وقالت المصادر إن الجولة الحالية من المفاوضات بين كينيا وتنزانيا في نيروبي هي التاسعة عشرة."
    assert [n for _, n in _rounds(text, "ar")] == [19]


def test_a_copula_with_no_ordinal_gives_no_number() -> None:
    """Guard: «وهي الأهم» (the most important) is no number."""
    text = "وقالت المصادر إن الجولة المقبلة من المفاوضات بين كينيا وتنزانيا ستعقد في نيروبي وهي الأهم."
    assert all(n is None for _, n in _rounds(text, "ar"))


def test_a_three_way_meeting_named_again_keeps_its_host_as_a_side() -> None:
    """Guard (passes before the change too, through the summit sentence): «الاجتماع الثلاثي» named again
    in its sentence, hosted by one of the three: all three are sides."""
    text = (
        "وأعلنت وزارة الخارجية الكينية أن الجانب الأوغندي طلب تأجيل الاجتماع الثلاثي حول بحيرة فيكتوريا، "
        "وإنه تقرر تأجيل الاجتماع الذي كان مقرراً أن تستضيفه نيروبي يومي العاشر والحادي عشر من مارس. "
        "وأشارت الوزارة إلى أن القمة التي جمعت رؤساء كينيا وأوغندا وتنزانيا في أروشا أقرت هذا الاجتماع."
    )
    x = extract(text, "ar", date(2023, 3, 2))
    assert any(set(ev.parties) == {"KE", "UG", "TZ"} for ev in x.events)


def test_talks_under_way_since_a_recent_day_are_dated_by_it() -> None:
    """«منذ أول من أمس» dates the talks under way; «منذ فبراير 2022» stays background (other tests)."""
    text = (
        "وقال المتحدث إن الجولة الحالية من المفاوضات بين كينيا وتنزانيا التي تستضيفها نيروبي منذ أول من "
        "أمس، الأربعاء، هي السابعة."
    )
    x = extract(text, "ar", date(2031, 3, 7))
    assert [ev.start_date for ev in x.events] == [date(2031, 3, 5)]


@pytest.mark.parametrize(
    "text",
    [
        "وعقدت في باريس أمس قمة رباعية النورماندي بحضور قادة الدول الأربع.",
        "وعقدت في باريس أمس قمة رباعية نورماندي بحضور قادة الدول الأربع.",
    ],
)
def test_a_format_named_with_or_without_the_article_brings_its_members(text: str) -> None:
    """«رباعية النورماندي»: newsrooms put the article on a foreign name; the format's members are sides."""
    x = extract(text, "ar", date(2031, 12, 10))
    assert [set(ev.parties) for ev in x.events] == [{"DE", "FR", "RU", "UA"}]
