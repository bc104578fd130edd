"""The day before yesterday, however it is written («أول أمس», «أول من أمس», «أمس الأول»), and parts
of a month («منتصف نوفمبر», "mid-November", «أواخر فبراير»). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.nlp.dates import find_dates
from tasks.nlp.text.document import Document

FRIDAY = date(2031, 3, 7)


@pytest.mark.parametrize(
    "text",
    [
        "وبدأت المحادثات أول أمس في نيروبي.",
        "وبدأت المحادثات أول من أمس في نيروبي.",
        "والمفاوضات التي تستضيفها نيروبي منذ أول من أمس، الأربعاء، مستمرة.",
        "وبدأت المحادثات أمس الأول في نيروبي.",
        "The talks began the day before yesterday in Nairobi.",
    ],
)
def test_the_day_before_yesterday(text: str) -> None:
    found = find_dates(Document(text, None), FRIDAY)
    assert [d.start_date for d in found] == [date(2031, 3, 5)]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("وستعقد الجلسة في العاصمة منتصف نوفمبر الجاري.", date(2031, 11, 11), date(2031, 11, 20)),
        ("The talks will resume in mid-November.", date(2031, 11, 11), date(2031, 11, 20)),
        ("وستعقد الجولة المقبلة أواخر نوفمبر.", date(2031, 11, 21), date(2031, 11, 30)),
        ("وستعقد الجولة المقبلة مطلع نوفمبر.", date(2031, 11, 1), date(2031, 11, 10)),
        ("وستعقد الجولة المقبلة في نوفمبر.", date(2031, 11, 1), date(2031, 11, 30)),
    ],
)
def test_parts_of_a_month(text: str, first: date, last: date) -> None:
    found = find_dates(Document(text, None), date(2031, 11, 3))
    assert [(d.start_date, d.end_date) for d in found] == [(first, last)]


@pytest.mark.parametrize(
    "text",
    [
        "انطلقت منذ قليل في نيروبي قمة ثلاثية.",
        "وبدأت قبل قليل المحادثات في نيروبي.",
        "The summit opened in Nairobi moments ago.",
        "The talks began in Nairobi a short while ago.",
    ],
)
def test_just_now_is_the_day_of_the_report(text: str) -> None:
    found = find_dates(Document(text, None), FRIDAY)
    assert [(d.start_date, d.precision) for d in found] == [(FRIDAY, "day")]
