"""A publication date from a dateline or a date line at the top of the text (tasks/datelines.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from tasks.articles import clean_page
from tasks.datelines import HEAD_CHARS, dateline_date

STORY_AR = "قال مسؤولون إن الوفدين عقدا جولة جديدة من المحادثات يوم الثلاثاء."
STORY_EN = "Delegations from both sides met for a new round of talks on Tuesday."


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # datelines: a place, a full date, the wire's name and/or a dash before the story
        (f"GENEVA, March 11, 2025 (Reuters) - {STORY_EN}", "en", date(2025, 3, 11)),
        (f"Cairo - Feb. 3, 2024 - {STORY_EN}", "en", date(2024, 2, 3)),
        (f"القاهرة - الثلاثاء 11 مارس 2025\n{STORY_AR}", "ar", date(2025, 3, 11)),
        (f"موسكو، 18 فبراير 2025 (رويترز)\n{STORY_AR}", "ar", date(2025, 2, 18)),
        (f"موسكو، 18 فبراير 2025 (رويترز) - {STORY_AR}", "ar", date(2025, 2, 18)),
        (f"دمشق - 4 آذار/مارس 2025 - {STORY_AR}", "ar", date(2025, 3, 4)),
        (f"الرباط، ٢ يونيو ٢٠٢٤ (أ ف ب) {STORY_AR}", "ar", date(2024, 6, 2)),
        # a date line: the date alone on its line, with a weekday, a time or a publishing cue
        (f"الثلاثاء 11 مارس 2025\n{STORY_AR}", "ar", date(2025, 3, 11)),
        (f"الأربعاء، 12 آذار 2025 - 10:45\n{STORY_AR}", "ar", date(2025, 3, 12)),
        (f"نشر في: 7 نوفمبر 2023م\n{STORY_AR}", "ar", date(2023, 11, 7)),
        (f"Tuesday, March 11, 2025\n{STORY_EN}", "en", date(2025, 3, 11)),
        (f"Published: 2025-03-11 10:30 GMT\n{STORY_EN}", "en", date(2025, 3, 11)),
        (f"By Jane Doe\nTue 11 March 2025\n{STORY_EN}", "en", date(2025, 3, 11)),
        # day/month/year in digits: Arabic texts write the day first; in English only when one
        # reading alone is a date
        (f"11/03/2025\n{STORY_AR}", "ar", date(2025, 3, 11)),
        (f"Posted 25/03/2025\n{STORY_EN}", "en", date(2025, 3, 25)),
    ],
)
def test_a_dateline_or_date_line_gives_the_date(text: str, language: str, expected: date) -> None:
    assert dateline_date(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # no year: nothing in the text says which year (decided: no date rather than a guess)
        (f"GENEVA, Feb 18 (Reuters) - {STORY_EN}", "en"),
        (f"موسكو، 18 فبراير (رويترز) - {STORY_AR}", "ar"),
        (f"الثلاثاء 11 مارس\n{STORY_AR}", "ar"),
        # a date inside a sentence is the date of what it reports
        ("On March 11, 2025, delegations from both sides met in Geneva.", "en"),
        ("عقد الوفدان في 11 مارس 2025 جولة جديدة من المحادثات في جنيف.", "ar"),
        ("Iran and the US will meet in Oman on March 11, 2025 - officials said.", "en"),
        # a clause before the separator is not a place
        ("Officials from both sides said in a statement, March 11, 2025 (Reuters) - talks", "en"),
        # ambiguous digits in English, two different months, no such day
        (f"Posted 03/11/2025\n{STORY_EN}", "en"),
        (f"دمشق - 4 آذار/أبريل 2025 - {STORY_AR}", "ar"),
        (f"31 فبراير 2025\n{STORY_AR}", "ar"),
        # an "updated" stamp is not when it was published
        (f"Updated March 12, 2025\n{STORY_EN}", "en"),
        ("", "en"),
    ],
)
def test_no_date_without_a_full_date_at_the_top(text: str, language: str) -> None:
    assert dateline_date(text, language) is None


def test_a_date_deep_in_the_body_is_not_the_publication_date() -> None:
    body = "\n".join([STORY_EN] * 6)
    assert len(body) > HEAD_CHARS
    assert dateline_date(f"{body}\nTuesday, March 11, 2025\n{STORY_EN}", "en") is None
    ar_body = "\n".join([STORY_AR] * 6)
    assert dateline_date(f"{ar_body}\nالقاهرة - الثلاثاء 11 مارس 2025\n{STORY_AR}", "ar") is None


def test_of_several_dates_at_the_top_the_earliest_is_the_publication() -> None:
    # the site's header gives today's date above the article's own
    header = "Amman, Jordan\nWed, 4 Dec, 2024\nNov 28, 2024\n9:15 AM\nWorld\n"
    assert dateline_date(header + STORY_EN, "en") == date(2024, 11, 28)
    header_ar = "الأربعاء 4 ديسمبر 2024\nأخبار عربية\nالخميس 28 نوفمبر 2024 - 09:15\n"
    assert dateline_date(header_ar + STORY_AR, "ar") == date(2024, 11, 28)


def _page(content: str, **hints: Any) -> dict[str, Any]:
    return {
        "page_id": "pg_1",
        "kind": "text",
        "content": content,
        "source_uri": "file:///articles/1.txt",
        "final_url": None,
        **hints,
    }


def test_clean_page_uses_the_dateline_only_when_nothing_else_gives_a_date() -> None:
    text = f"القاهرة - الثلاثاء 11 مارس 2025\n{STORY_AR}\n{STORY_AR}\n"
    row = clean_page(_page(text), 100_000, 100_000).article
    assert row is not None
    assert row["published_date"] == date(2025, 3, 11)
    assert row["published_at"] == datetime(2025, 3, 11, tzinfo=UTC)
    # the manifest's date wins
    row = clean_page(_page(text, hint_published_at="2025-03-12"), 100_000, 100_000).article
    assert row is not None and row["published_date"] == date(2025, 3, 12)
    # no dateline: still unknown
    row = clean_page(_page(f"{STORY_AR}\n{STORY_AR}\n"), 100_000, 100_000).article
    assert row is not None and row["published_date"] is None
