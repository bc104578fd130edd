"""The day before yesterday, however it is written («أول أمس», «أول من أمس», «أمس الأول»), and its
weekday. Sentences written for these tests."""

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
