"""One country's own sides as newsrooms name them when nobody listed them: the army beside civilian
parties, a collective named by its plural head («أحزاب مدنية», «الحركات»), and the people a
signing or attendance verb lists.

Every sentence here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract
from tasks.nlp.types import Event

PUB = date(2024, 3, 5)  # a Tuesday


def events(text: str, language: str = "ar", pub: date = PUB) -> list[Event]:
    return extract(text, language, pub).events


def test_the_army_beside_civilian_parties_is_the_countrys_rival_sides() -> None:
    for text in (
        "وقع الجيش وأحزاب سياسية في مالي أمس الاثنين اتفاقا إطاريا في باماكو.",
        "وقع المكون العسكري وأحزاب مدنية مالية اتفاقا أمس في باماكو.",
    ):
        (e,) = events(text)
        assert e.parties == ["ML"] and e.sides == ["org:ml-factions"], text
        assert e.status == "held" and e.start_date == date(2024, 3, 4)
        assert e.location_key == "loc:city:bamako"


def test_the_army_beside_the_police_is_no_pair_of_sides() -> None:
    assert events("وقع الجيش والشرطة في مالي أمس اتفاقا للتنسيق الأمني في باماكو.") == []


def test_a_meeting_held_for_the_nth_time_is_that_round() -> None:
    for text, lang in (
        ("والتقى وفدا السودان وجنوب السودان في أديس أبابا اليوم للمرة الثالثة.", "ar"),
        ("Delegations of Sudan and South Sudan met in Addis Ababa on Tuesday for the third time.", "en"),
    ):
        (e,) = events(text, lang)
        assert e.round_number == 3 and e.parties == ["SD", "SS"], text
    # the first time since a year is no round number, nor is the second time in two months
    for text, lang in (
        ("Delegations of Sudan and South Sudan met in Addis Ababa on Tuesday for the first time since 2019.", "en"),
        ("Delegations of Sudan and South Sudan met in Addis Ababa on Tuesday for the second time in two months.", "en"),
        ("والتقى وفدا السودان وجنوب السودان في أديس أبابا اليوم للمرة الثانية خلال شهرين.", "ar"),
    ):
        (e,) = events(text, lang)
        assert e.round_number is None, text


def test_signatories_sit_at_the_table_and_a_movement_in_a_title_is_a_side() -> None:
    # a passive signing with its signatories listed after "by", one of them a movement's commander
    (e,) = events(
        "The agreement was signed in Khartoum on Monday by Ethiopia's foreign minister, Sami Tesfaye, and the"
        " commander of the Rapid Support Forces, General Kamal Osman.",
        "en",
    )
    assert e.parties == ["ET", "SD"] and e.sides == ["ET", "org:rsf"]
    assert len(e.participants) == 2 and e.status == "held" and e.location_key == "loc:city:khartoum"
    # a movement of a country already at the table is that side's own, no second side
    (e,) = events(
        "انطلقت في القدس اليوم المفاوضات بين الجانبين الإسرائيلي والفلسطيني. ومثل الجانب الفلسطيني في"
        " المفاوضات رئيس الوفد سامي عودة، وعضو اللجنة المركزية لحركة فتح كمال حداد."
    )
    assert e.parties == ["IL", "PS"] and len(e.participants) == 2


def test_clashes_that_broke_out_are_no_signing() -> None:
    # a sign verb needs what was signed: before it only as a passive's subject
    assert events("Clashes were signed off by the army in Khartoum on Monday, officials said.", "en") == []
    assert events("وقعت اشتباكات بين الجيش وقوات الدعم السريع في الخرطوم أمس.") == []


def test_the_first_meeting_of_a_sentence_takes_a_date_told_long_before_it() -> None:
    pub = date(2023, 2, 13)  # a Monday: "last Tuesday" is 7 February
    for text, lang in (
        (
            "وعقد الثلاثاء الماضي في مقر الأمانة العامة لمجلس التعاون لدول الخليج العربية بالرياض، اجتماع"
            " بين وفد من دولة قطر ومملكة البحرين، هو الأول من نوعه بين البلدين منذ توقيع اتفاق المصالحة.",
            "ar",
        ),
        (
            "On Tuesday, at the headquarters of the Gulf Cooperation Council's general secretariat in the"
            " Saudi capital Riyadh, a meeting was held between delegations of Qatar and Bahrain, the first"
            " since the signing of the reconciliation agreement.",
            "en",
        ),
    ):
        (e,) = events(text, lang, pub)
        assert e.start_date == date(2023, 2, 7) and e.parties == ["BH", "QA"], text
        assert e.location_key == "loc:city:riyadh"


def test_a_date_before_the_reported_clause_dates_the_saying_not_the_meeting() -> None:
    pub = date(2025, 12, 1)  # a Monday: "Thursday" is 27 November
    for text, lang in (
        (
            "وعقدت اللجنة المشتركة بين العراق والكويت اجتماعها الحادي عشر في بغداد يوم الخميس. وذكر بيان"
            ' صادر عن وزارة الخارجية، اليوم الأحد 1 كانون الأول 2025، أن "الاجتماع تضمن مناقشة الملفات".',
            "ar",
        ),
        (
            "The joint committee of Iraq and Kuwait held its eleventh meeting in Baghdad on Thursday. A"
            " statement issued by the foreign ministry on Sunday, December 1, 2025, said that the meeting"
            " discussed the files on the agenda.",
            "en",
        ),
    ):
        (e,) = events(text, lang, pub)  # one meeting, not a second one on the day of the statement
        assert e.start_date == date(2025, 11, 27) and e.round_number == 11, text
        assert len(e.evidence) == 2


def test_rival_sides_named_again_without_their_country_stay_that_countrys() -> None:
    # the host is named more often than the country whose sides meet: the pair named again is still Mali's
    (e,) = events(
        "استضافت قطر في الدوحة اليوم مفاوضات السلام المالية التي تجمع ممثلين عن المجلس العسكري الانتقالي"
        " والحركات المسلحة في مالي، بهدف الترتيب لحوار بين الحركات المسلحة والمجلس العسكري الانتقالي."
        " وشكرت قطر الوفود، وقالت الخارجية القطرية إن قطر مستعدة لمواصلة الوساطة."
    )
    assert e.parties == ["ML"] and e.sides == ["org:ml-factions"] and e.mediators == ["QA"]


def test_talks_held_in_a_prison_nobody_listed_are_placed_there() -> None:
    (e,) = events(
        "وأجرى وفد الحكومة الكينية اليوم محادثات مع قادة المتمردين في سجن كاموتي المشدد الحراسة للمرة الثانية."
    )
    assert e.location_key == "loc:venue:ar:سجن كاموتي" and e.round_number == 2
    assert e.parties == ["KE"] and "org:ke-factions" in e.sides


def test_a_meeting_told_as_held_takes_the_day_it_was_told_of() -> None:
    # the date of saying is no meeting date, but talks a holding verb reports as news were held that day
    pub = date(2023, 4, 13)  # a Thursday: "yesterday, Wednesday" is 12 April
    for text, lang in (
        (
            "وقال البلدان في بيانين منفصلين، أمس الأربعاء، إن لجنة المتابعة القطرية البحرينية عقدت اجتماعها"
            " الثاني في الرياض.",
            "ar",
        ),
        ("Qatar and Bahrain said in separate statements on Wednesday that they had held talks in Riyadh.", "en"),
    ):
        (e,) = events(text, lang, pub)
        assert e.start_date == date(2023, 4, 12) and e.status == "held", text
