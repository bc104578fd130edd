"""A government's own sitting (a cabinet meeting) is no negotiation, whatever else the sentence names.

Every sentence here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract

PUB = date(2024, 3, 12)  # a Tuesday


def sides(text: str, language: str = "ar") -> list[list[str]]:
    return [ev.sides for ev in extract(text, language, PUB).events]


def test_a_cabinet_sitting_is_no_meeting_of_the_countries_it_discussed() -> None:
    text = "وجاء ذلك اليوم بعد اجتماع مجلس الوزراء في نيروبي، حيث ناقش الخلاف بين كينيا وتنزانيا."
    assert sides(text) == []
    text = "The president spoke after a cabinet meeting in Nairobi on the dispute between Kenya and Tanzania."
    assert sides(text, "en") == []
    text = "The president spoke after a meeting of the cabinet in Nairobi on Kenya and Tanzania."
    assert sides(text, "en") == []


def test_talks_reported_beside_a_cabinet_sitting_still_count() -> None:
    # guard: only the cabinet's own meeting is dropped
    text = "انطلقت اليوم في أروشا جولة مفاوضات بين كينيا وتنزانيا. وبحث اجتماع مجلس الوزراء الكيني نتائجها."
    assert sides(text) == [["KE", "TZ"]]
