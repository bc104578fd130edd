"""Reading rounds from real-news phrasing: a date inside a name, a long subject before what was
signed, counted rounds in several places. Sentences written for the tests."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract


def test_a_date_inside_a_name_is_part_of_the_name() -> None:
    # «حركة 23 مارس» is the M23 movement, not 23 March
    text = "وقعت حكومة الكونغو الديمقراطية وحركة 23 مارس في الدوحة اليوم اتفاقا لوقف إطلاق النار برعاية قطرية."
    result = extract(text, "ar", date(2025, 7, 19))
    assert not any(m.kind == "date" and m.key == "2025-03-23" for m in result.mentions)
    assert [(e.sides, e.start_date) for e in result.events] == [(["CD", "org:m23"], date(2025, 7, 19))]


def test_what_was_signed_may_stand_far_after_a_long_subject() -> None:
    text = (
        "وقّعت حكومة جمهورية الكونغو الديمقراطية وتحالف نهر الكونغو حركة إم 23، في العاصمة القطرية الدوحة "
        "اليوم السبت، إعلان مبادئ برعاية قطرية."
    )
    assert [e.location_key for e in extract(text, "ar", date(2025, 7, 19)).events] == ["loc:city:doha"]
    # «وقعت اشتباكات»: nothing signed, no meeting
    assert extract("وقعت اشتباكات عنيفة بين الجيش والمتمردين في الدوحة اليوم.", "ar", date(2025, 7, 19)).events == []


def test_counted_rounds_in_several_places_take_no_one_place() -> None:
    several = "وأجرت إيران والولايات المتحدة ثلاث جولات من المحادثات، إحداها في روما، بينما عقدت الأخريان في مسقط."
    places = {e.location_key for e in extract(several, "ar", date(2025, 5, 1)).events}
    assert "loc:city:rome" not in places and "loc:city:muscat" not in places
    # capitals standing for their governments are no second place
    one = "شهدت المفاوضات بين موسكو وكييف جولتين عقدتا في إسطنبول."
    assert {e.location_key for e in extract(one, "ar", date(2025, 6, 5)).events} == {"loc:city:istanbul"}


def test_places_behind_titles_with_clitics_or_a_nationality() -> None:
    cases = [
        ("ar", "وعقدت المحادثات بين حماس وإسرائيل بمنتجع شرم الشيخ يوم الاثنين.", "loc:city:sharm-el-sheikh"),
        ("en", "Russian and Ukrainian delegations met in the Turkish city of Istanbul on Friday.", "loc:city:istanbul"),
        ("ar", "واجتمع الوفدان الإثيوبي والإريتري في منطقة أديس أبابا يوم الاثنين.", "loc:city:addis-ababa"),
    ]
    for language, text, place in cases:
        assert [e.location_key for e in extract(text, language, date(2025, 10, 8)).events] == [place], text


def test_this_month_in_a_date_is_no_meeting_under_way() -> None:
    # «يوليو الجاري» is "this July": the round planned for the 24th is planned and keeps its dates
    text = "من المقرر أن تعقد جولة جديدة من المفاوضات بين أرمينيا وأذربيجان في فيينا يومي 24-25 يوليو الجاري."
    assert [(e.status, e.start_date, e.end_date) for e in extract(text, "ar", date(2025, 7, 21)).events] == [
        ("planned", date(2025, 7, 24), date(2025, 7, 25))
    ]
