"""One country's rival sides before a comma, "the last round" still to come, a month named in two
calendars in a range, a body whose common name goes on with a word of its own, and unlisted rebel
movements joined to a government. Sentences written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.nlp.dates import find_dates
from tasks.nlp.extract import extract

PUB = date(2015, 8, 31)


def events(text: str, language: str, pub: date = PUB) -> list[tuple[str | None, list[str], date | None]]:
    return [(e.status, e.sides, e.start_date) for e in extract(text, language, pub).events]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", "ستعقد الجولة المقبلة من الحوار بين الفرقاء الليبيين، في جنيف يوم 3 سبتمبر المقبل."),
        (
            "en",
            "The next round of talks between the warring factions of Libya, the UN said, will be held in Geneva "
            "on September 3.",
        ),
    ],
)
def test_a_comma_after_one_countrys_sides_does_not_list_another(language: str, text: str) -> None:
    assert events(text, language) == [("planned", ["org:ly-factions"], date(2015, 9, 3))]


@pytest.mark.parametrize(
    ("language", "text", "status"),
    [
        (
            "ar",
            "أعلنت الأمم المتحدة أن الجولة الأخيرة من المحادثات بين مصر وإثيوبيا ستجري في القاهرة يوم 3 سبتمبر المقبل.",
            "planned",
        ),
        ("en", "The last round of talks between Egypt and Ethiopia will be held in Cairo on September 3.", "planned"),
        # "last" as "previous", with no future verb, or with one only in what is said about it, is still held
        (
            "en",
            "Egypt's negotiator said after the latest round of talks between Egypt and Ethiopia in Cairo that "
            "trust will be key.",
            "held",
        ),
        (
            "ar",
            "وقال المفاوض المصري بعد الجولة الأخيرة من المحادثات بين مصر وإثيوبيا في القاهرة إن الثقة ستكون أساسية.",
            "held",
        ),
        ("ar", "عقدت الجولة الأخيرة من المحادثات بين مصر وإثيوبيا في القاهرة يوم 3 أغسطس.", "held"),
        (
            "en",
            "The previous round of talks between Egypt and Ethiopia, held in Cairo on August 3, will be followed "
            "by another.",
            "held",
        ),
    ],
)
def test_the_last_round_to_come_is_planned(language: str, text: str, status: str) -> None:
    assert [s for s, _, _ in events(text, language)][:1] == [status]


def test_a_month_in_two_calendars_closes_a_range() -> None:
    (d,) = find_dates("ستجري المحادثات يومي 3 و4 سبتمبر/ أيلول المقبل.", PUB)
    assert (d.start_date, d.end_date) == (date(2015, 9, 3), date(2015, 9, 4))
    (d,) = find_dates("جرت المحادثات من 30 أغسطس/ آب إلى 2 سبتمبر/ أيلول 2015.", PUB)
    assert (d.start_date, d.end_date) == (date(2015, 8, 30), date(2015, 9, 2))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ar",
            "عقدت اللجنة العسكرية العليا بين العراق والولايات المتحدة اجتماعها الأول في بغداد الاثنين. "
            "وقال العراق إنه يريد شراكة أمنية.",
        ),
        (
            "en",
            "Iraqi and American officers of the Higher Military Commission met in Baghdad on Monday. Iraq wants a "
            "security partnership, and Iraq will go on with the dialogue, Baghdad said.",
        ),
    ],
)
def test_a_longer_name_is_another_body_not_one_countrys_sides(language: str, text: str) -> None:
    assert [s for _, s, _ in events(text, language, date(2024, 4, 10))] == [["IQ", "US"]]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Mozambique's government and the rebel movement Renamo held talks in Maputo on Monday."),
        ("en", "The government of Angola and the armed movement FLEC held a first round of talks in Luanda on Monday."),
        ("en", "Angola's government and the armed movement FLEC held a first round of talks in Luanda on Monday."),
    ],
)
def test_an_unlisted_rebel_movement_joined_to_a_government_is_its_other_side(language: str, text: str) -> None:
    (sides,) = [s for _, s, _ in events(text, language)]
    assert any(x.endswith("-factions") for x in sides)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ar",
            "هنأت الجزائر هذا السبت الحكومة المالية والحركات المسلحة الموقعة على إجراء المشاورات الخامسة رفيعة "
            "المستوى التي عقدت يوم الخميس في مدينة كيدال.",
        ),
        (
            "en",
            "Algeria on Saturday congratulated the Malian government and the armed movements on the fifth high-level "
            "consultations, held on Thursday in the city of Kidal.",
        ),
    ],
)
def test_a_congratulation_dates_itself_not_the_meeting(language: str, text: str) -> None:
    assert [d for _, _, d in events(text, language, date(2021, 2, 13))] == [date(2021, 2, 11)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Saturday's (Aug. 19) meetings between Niger and Nigeria joined reconciliation efforts in Niamey."),
        # a date's day before the trigger in Arabic counts nothing either
        ("ar", "وشهدت نيامي يوم السبت 19 أغسطس اجتماعات بين النيجر ونيجيريا."),
    ],
)
def test_the_day_of_a_date_is_no_round_number(language: str, text: str) -> None:
    assert [e.round_number for e in extract(text, language, date(2023, 8, 20)).events] == [None]


@pytest.mark.parametrize(
    ("language", "text", "number"),
    [
        (
            "ar",
            "ترأس وزير الخارجية الجزائري أمس الاثنين بباماكو الدورة الثالثة رفيعة المستوى للجنة متابعة تنفيذ اتفاق "
            "السلم في مالي بحضور الحكومة المالية والحركات المسلحة.",
            3,
        ),
        (
            "en",
            "Officials of Mali and Algeria held on Monday in Bamako a high-level session of the joint committee "
            "monitoring the peace agreement.",
            None,
        ),
    ],
)
def test_a_session_of_a_standing_body_is_a_meeting(language: str, text: str, number: int | None) -> None:
    (event,) = extract(text, language, date(2019, 6, 18)).events
    assert (event.status, event.location_key, event.start_date, event.round_number) == (
        "held",
        "loc:city:bamako",
        date(2019, 6, 17),
        number,
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", "افتتحت في نيويورك الدورة الثامنة والسبعون للجمعية العامة للأمم المتحدة بحضور وفدي مصر وإثيوبيا."),
        ("ar", "قالت اللجنة الدولية للصليب الأحمر في جنيف إن وفدي مصر وإثيوبيا زارا المنطقة."),
        ("en", "The committee of Egyptian and Ethiopian experts visited Geneva on Monday."),
    ],
)
def test_a_body_or_a_session_of_something_else_is_no_meeting(language: str, text: str) -> None:
    assert extract(text, language, date(2019, 6, 18)).events == []


@pytest.mark.parametrize(
    ("language", "text", "status"),
    [
        (
            "ar",
            "تعقد لجنة متابعة اتفاق السلام في مالي، هذا الإثنين، أعمال دورتها العادية في العاصمة المالية باماكو، "
            "بمشاركة الحكومة المالية والحركات المسلحة.",
            "planned",
        ),
        ("en", "The joint committee of Mali and Algeria opened its ordinary session in Bamako on Monday.", "ongoing"),
    ],
)
def test_a_bodys_own_session_is_its_sitting(language: str, text: str, status: str) -> None:
    (event,) = extract(text, language, date(2020, 11, 15)).events
    assert (event.status, event.location_key) == (status, "loc:city:bamako")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", "قالت الحكومة المصرية إن دورتها الجديدة من برامج التدريب بدأت في القاهرة مع إثيوبيا."),
        ("en", "Egypt said its new training session with Ethiopia began in Cairo on Monday."),
    ],
)
def test_an_own_session_without_a_body_is_no_meeting(language: str, text: str) -> None:
    assert extract(text, language, date(2020, 11, 15)).events == []
