"""Dates whose year is given by its distance from the publication («العام الماضي», "last year"), and
ordinal days before a doubled month name («الحادي عشر من يونيو/ حزيران»).

Every phrase here is written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.nlp.dates import find_dates
from tasks.nlp.text.document import Document

PUB = date(2021, 4, 9)


def one_date(text: str, language: str = "ar") -> tuple[date, str]:
    (dm,) = find_dates(Document(text, language), PUB)
    return dm.start_date, dm.precision


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("عقدت الجولة في 19 أغسطس العام الماضي في نيروبي", "ar", date(2020, 8, 19)),
        ("عقدت الجولة يوم 5 مارس من العام الماضي", "ar", date(2020, 3, 5)),
        ("التي عقدت في التاسع عشر من أغسطس/آب العام الماضي", "ar", date(2020, 8, 19)),
        ("وستعقد في 2 فبراير من العام المقبل", "ar", date(2022, 2, 2)),
        ("The round was held on March 5 last year in Nairobi.", "en", date(2020, 3, 5)),
        ("The next round is due on February 2 next year.", "en", date(2022, 2, 2)),
    ],
)
def test_a_day_and_month_with_a_relative_year(text: str, language: str, expected: date) -> None:
    assert one_date(text, language) == (expected, "day")


def test_an_ordinal_day_before_a_doubled_month_name() -> None:
    assert one_date("كانت الجولة الأولى في الحادي عشر من يونيو/ حزيران عام 2020") == (date(2020, 6, 11), "day")


def test_without_a_relative_year_the_nearest_year_stands() -> None:
    # a guard: «19 أغسطس» alone is the August nearest to the publication
    assert one_date("عقدت الجولة في 19 أغسطس في نيروبي") == (date(2021, 8, 19), "day")


def test_a_compound_ordinal_day_is_one_day_not_a_range() -> None:
    (dm,) = find_dates(Document("ستستأنف المحادثات في التاسع والعشرين من نوفمبر", "ar"), date(2021, 11, 3))
    assert (dm.start_date, dm.end_date) == (date(2021, 11, 29), date(2021, 11, 29))
    # a guard: two ordinals joined by «و» below twenty are still a range
    (dm,) = find_dates(Document("بين الرابع والسادس من ديسمبر", "ar"), date(2021, 11, 3))
    assert (dm.start_date, dm.end_date) == (date(2021, 12, 4), date(2021, 12, 6))
