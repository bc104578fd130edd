"""Date expressions: absolute, relative to the publication date, and numbers that are not dates.

Week convention under test (see tasks/nlp/dates.py): ISO weeks, Monday..Sunday, in both
languages; "the weekend" / «نهاية الأسبوع» is Saturday+Sunday.
"""

from __future__ import annotations

from datetime import date

import pytest

from tasks.nlp.dates import DateMention, find_dates

THU = date(2025, 12, 18)  # a Thursday
SAT = date(2025, 12, 20)
SUN = date(2025, 12, 21)
WED = date(2026, 1, 21)


def one(text: str, published: date | None = THU, language: str = "ar") -> DateMention:
    found = find_dates(text, published, language)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start : d.end] == d.surface
    return d


def span(d: DateMention) -> tuple[date, date, str]:
    return d.start_date, d.end_date, d.precision


# ------------------------------------------------------------------ absolute


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("وصل الوفد في 16 مايو 2025 إلى المدينة", THU, (date(2025, 5, 16), date(2025, 5, 16), "day")),
        ("عقد اللقاء في 16 أيار 2025", THU, (date(2025, 5, 16), date(2025, 5, 16), "day")),
        ("جرت المحادثات في 2 يونيو", date(2025, 7, 1), (date(2025, 6, 2), date(2025, 6, 2), "day")),
        # no year: the nearest one to the publication date, across a new year
        ("التقيا في 28 ديسمبر", date(2026, 1, 10), (date(2025, 12, 28), date(2025, 12, 28), "day")),
        ("يلتقيان في 5 كانون الثاني", date(2025, 12, 28), (date(2026, 1, 5), date(2026, 1, 5), "day")),
        ("من المقرر عقدها في ٤–٦ ديسمبر", THU, (date(2025, 12, 4), date(2025, 12, 6), "day")),
        ("تستمر من 4 إلى 6 ديسمبر", THU, (date(2025, 12, 4), date(2025, 12, 6), "day")),
        ("يومي 4 و5 ديسمبر", THU, (date(2025, 12, 4), date(2025, 12, 5), "day")),
        ("من 30 نوفمبر إلى 2 ديسمبر 2025", THU, (date(2025, 11, 30), date(2025, 12, 2), "day")),
        ("في الرابع من ديسمبر", THU, (date(2025, 12, 4), date(2025, 12, 4), "day")),
        ("في الحادي والعشرين من يونيو 2024", THU, (date(2024, 6, 21), date(2024, 6, 21), "day")),
        ("في شباط/فبراير 2022", THU, (date(2022, 2, 1), date(2022, 2, 28), "month")),
        ("منذ فبراير 2022", THU, (date(2022, 2, 1), date(2022, 2, 28), "month")),
        ("في مايو الماضي", THU, (date(2025, 5, 1), date(2025, 5, 31), "month")),
        ("Talks ran December 4-6 in Florida", THU, (date(2025, 12, 4), date(2025, 12, 6), "day")),
        ("from 4 to 6 December 2025", THU, (date(2025, 12, 4), date(2025, 12, 6), "day")),
        ("on December 4, 2025, officials met", THU, (date(2025, 12, 4), date(2025, 12, 4), "day")),
        ("on Dec. 4 the envoys met", THU, (date(2025, 12, 4), date(2025, 12, 4), "day")),
        ("the 2025-12-04 meeting", THU, (date(2025, 12, 4), date(2025, 12, 4), "day")),
        ("signed on 04/12/2025", THU, (date(2025, 12, 4), date(2025, 12, 4), "day")),
    ],
)
def test_absolute_dates(text, published, expected):
    assert span(one(text, published)) == expected
    assert not one(text, published).relative


def test_offsets_are_original_with_diacritics_and_indic_digits():
    text = "سيلتقي الرئيسان غداً الخميس، وكانت الجولة في ١٦ مايو ٢٠٢٥."
    found = find_dates(text, WED, "ar")
    assert [d.surface for d in found] == ["غداً الخميس", "١٦ مايو ٢٠٢٥"]
    for d in found:
        assert text[d.start : d.end] == d.surface


# ------------------------------------------------------------------ relative, Arabic


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("سيلتقي بوتين ويتكوف غدا الخميس", WED, (date(2026, 1, 22),) * 2 + ("day",)),
        ("حدد موعد اللقاء ليوم غد الخميس", WED, (date(2026, 1, 22),) * 2 + ("day",)),
        ("تستأنف المحادثات بعد غد", WED, (date(2026, 1, 23),) * 2 + ("day",)),
        ("انطلقت المحادثات اليوم", WED, (WED, WED, "day")),
        ("وصل الوفد أمس إلى الرياض", WED, (date(2026, 1, 20),) * 2 + ("day",)),
        ("ستعقد المباحثات نهاية هذا الأسبوع", THU, (SAT, SUN, "week")),
        ("ستعقد خلال عطلة نهاية الأسبوع", THU, (SAT, SUN, "week")),
        ("عقدا في وقت سابق من هذا الأسبوع محادثات", THU, (date(2025, 12, 15), THU, "week")),
        ("تعقد الجولة الأسبوع المقبل", THU, (date(2025, 12, 22), date(2025, 12, 28), "week")),
        ("تعقد الجولة الأسبوع القادم", THU, (date(2025, 12, 22), date(2025, 12, 28), "week")),
        ("عقدت الجولة الأسبوع الماضي", THU, (date(2025, 12, 8), date(2025, 12, 14), "week")),
        ("يلتقيان الخميس المقبل", THU, (date(2025, 12, 25),) * 2 + ("day",)),
        ("التقيا الثلاثاء الماضي", THU, (date(2025, 12, 16),) * 2 + ("day",)),
        ("تعقد القمة الشهر المقبل", THU, (date(2026, 1, 1), date(2026, 1, 31), "month")),
        # third consecutive day: the talks began two days before publication
        ("تتواصل المحادثات لليوم الثالث على التوالي", date(2025, 12, 6), (date(2025, 12, 4), date(2025, 12, 6), "day")),
    ],
)
def test_relative_arabic(text, published, expected):
    d = one(text, published)
    assert span(d) == expected
    assert d.relative


def test_week_boundaries_on_saturday_and_sunday():
    # Saturday 20 Dec: this weekend is today and tomorrow, next week starts on Monday the 22nd
    assert span(one("تعقد نهاية هذا الأسبوع", SAT)) == (SAT, SUN, "week")
    assert span(one("تعقد الأسبوع المقبل", SAT))[0] == date(2025, 12, 22)
    # Sunday 21 Dec still belongs to the week of Monday 15th
    assert span(one("جرت هذا الأسبوع", SUN)) == (date(2025, 12, 15), SUN, "week")
    assert span(one("تعقد الأسبوع المقبل", SUN)) == (date(2025, 12, 22), date(2025, 12, 28), "week")
    # «نهاية الأسبوع» in a past clause read on Sunday: the weekend just gone
    assert span(one("عقدت المحادثات نهاية الأسبوع", SUN)) == (SAT, SUN, "week")
    # ... and in a future clause read on Monday: the coming one
    assert span(one("ستعقد المحادثات نهاية الأسبوع", date(2025, 12, 22)))[0] == date(2025, 12, 27)


def test_bare_weekday_follows_the_tense_of_its_clause():
    assert one("التقى الرئيسان يوم الخميس", SAT).start_date == date(2025, 12, 18)
    assert one("سيلتقي الرئيسان يوم الخميس", SAT).start_date == date(2025, 12, 25)


# ------------------------------------------------------------------ relative, English


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The envoys met Putin on Thursday.", SAT, (THU, THU, "day")),
        ("Witkoff will meet Zelensky on Thursday.", SAT, (date(2025, 12, 25),) * 2 + ("day",)),
        ("Talks resume tomorrow in Geneva.", THU, (date(2025, 12, 19),) * 2 + ("day",)),
        ("They met last week in Berlin.", THU, (date(2025, 12, 8), date(2025, 12, 14), "week")),
        ("A summit is planned for next week.", THU, (date(2025, 12, 22), date(2025, 12, 28), "week")),
        ("Officials met earlier this week.", THU, (date(2025, 12, 15), THU, "week")),
        ("Talks will be held this weekend.", THU, (SAT, SUN, "week")),
        ("Talks continued for a third straight day.", THU, (date(2025, 12, 16), THU, "day")),
        ("The delegations met yesterday.", THU, (date(2025, 12, 17),) * 2 + ("day",)),
    ],
)
def test_relative_english(text, published, expected):
    assert span(one(text, published, "en")) == expected


# ------------------------------------------------------------------ not dates


@pytest.mark.parametrize(
    "text",
    [
        "أطلق سراح 1000 أسير",
        "بعد 4 سنوات من الحرب",
        "قتل 2022 جنديا",
        "بلغ عدد النازحين 2022",
        "مارس الضغط على كييف",
        "The sides may meet again.",
        "Officials will march on the capital.",
        "in 2000 villages the power failed",
        "سيعقد اللقاء في اليوم الثالث من المؤتمر",
        "التقى الاثنين معا",
        "1447 هـ",
    ],
)
def test_numbers_and_words_that_are_not_dates(text):
    assert find_dates(text, THU, None) == []


@pytest.mark.parametrize(
    ("text", "year"),
    [("ضمت روسيا القرم في عام 2014", 2014), ("منذ 2022", 2022), ("the war since 2022", 2022), ("في 2014", 2014)],
)
def test_year_needs_a_cue(text, year):
    d = one(text)
    assert (d.start_date, d.end_date, d.precision) == (date(year, 1, 1), date(year, 12, 31), "year")


def test_relative_dates_need_a_publication_date():
    assert find_dates("سيلتقيان غدا الخميس الأسبوع المقبل", None, "ar") == []
    assert [d.start_date for d in find_dates("في 16 مايو 2025", None, "ar")] == [date(2025, 5, 16)]


def test_english_next_weekday_is_in_the_following_week():
    thursday = date(2025, 8, 7)
    (d,) = find_dates("They will meet next Friday.", thursday, "en")
    assert d.start_date == date(2025, 8, 15)
    (d,) = find_dates("They will meet on Friday.", thursday, "en")
    assert d.start_date == date(2025, 8, 8)


# ---------------------------------------------------------------- scanning only near anchors

_FILLER = "وقال مراقبون إن فرص التوصل إلى اتفاق شامل ما زالت محدودة في ظل الخلافات العميقة بين الطرفين " * 2
_EXPRESSIONS = [
    "من 4 إلى 6 ديسمبر 2025",
    "بين 21 و30 من شهر نوفمبر المقبل",
    "الحادي والعشرين من يونيو 2025",
    "for the seventh consecutive day",
    "لليوم الثالث على التوالي",
    "the day after tomorrow (Thursday)",
    "November 30 - December 2",
    "في وقت سابق من هذا الأسبوع",
    "عطلة نهاية الأسبوع المقبل",
    "قبل ثلاثة أيام",
    "منتصف شهر مارس",
    "العام الماضي",
    "يوم الخميس المقبل",
    "2025-12-04",
    "4/12/2025",
    "في عام 2024",
    "earlier this month",
    "three days ago",
    "over the weekend",
    "أمس الأربعاء",
]


@pytest.mark.parametrize("gap", [0, 1, 45, 200])
def test_scanning_near_anchors_finds_what_a_full_scan_finds(gap: int) -> None:
    # expressions packed together, or far apart in long lines, or one per line
    sep = " " + _FILLER[:gap] + " " if gap < 200 else ".\n" + _FILLER + "\n"
    text = sep.join(f"وعقدت المحادثات {x}" for x in _EXPRESSIONS)
    windowed = find_dates(text, THU, "ar")
    assert windowed == find_dates(text, THU, "ar", windowed=False)
    assert len(windowed) >= len(_EXPRESSIONS) - 2  # and they were found at all


def test_scanning_near_anchors_on_the_article_sets() -> None:
    from paths import DEV, REPO

    files = [*sorted((REPO / "quality").glob("*/articles/*.txt")), *sorted((DEV / "articles").glob("*.txt"))]
    assert len(files) >= 10
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert find_dates(text, THU) == find_dates(text, THU, windowed=False), f.name


def test_hijri_dates_are_converted_with_the_umm_al_qura_calendar() -> None:
    from tasks.nlp.dates import find_dates

    (d,) = find_dates("عقدت الجولة يوم 15 رمضان 1446هـ في جدة.", date(2025, 3, 1), "ar")
    assert (d.start_date, d.precision, d.surface) == (date(2025, 3, 15), "day", "15 رمضان 1446هـ")
    (d,) = find_dates("وتبدأ المحادثات في 3 شوال 1445 هجرية.", None, "ar")
    assert d.start_date == date(2024, 4, 12)
    assert find_dates("في 31 محرم 1446 ه", None, "ar") == []  # a day the month does not have


def test_bare_weekday_without_any_tense_is_the_nearer_one() -> None:
    # a headline with no verb: published on Sunday 21 Dec, «الأربعاء» is in three days (24), not four
    # days ago (17); «الجمعة» two days ago (19), not in five days (26); the same in English
    (d,) = find_dates("مفاوضات ثلاثية في أبوظبي الأربعاء", SUN, "ar")
    assert d.start_date == date(2025, 12, 24)
    (d,) = find_dates("مفاوضات ثلاثية في أبوظبي الجمعة", SUN, "ar")
    assert d.start_date == date(2025, 12, 19)
    (d,) = find_dates("Trilateral talks in Abu Dhabi on Wednesday", SUN, "en")
    assert d.start_date == date(2025, 12, 24)
    # a tense cue still decides: «عقدت ... الأربعاء» is the past one
    (d,) = find_dates("عقدت مفاوضات ثلاثية في أبوظبي الأربعاء", SUN, "ar")
    assert d.start_date == date(2025, 12, 17)
