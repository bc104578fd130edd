"""Sides, places and meetings as newsrooms tell them beyond the first wording a rule was made for:
rebels joined to a government by «و»/"and", an armed group named «جيش تحرير ...», a country that is
a venue verb's subject, a country the ISO translations name inverted («تنزانيا، جمهورية ...»), the
same two people at the table as one meeting, a meeting verb held "in a round of talks", and "the
Tanzanian capital of Dar es Salaam" naming its own city.

Every sentence here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract
from tasks.nlp.gazetteer import load_gazetteer
from tasks.nlp.types import Event

PUB = date(2022, 5, 10)  # a Tuesday


def events(text: str, language: str = "ar", pub: date = PUB) -> list[Event]:
    return extract(text, language, pub).events


def test_rebels_joined_to_a_government_by_and_are_its_countrys_other_side() -> None:
    for text, lang in (
        ("بدأت في أروشا اليوم محادثات سلام بين الحكومة الكينية ومتمردين من منطقة الساحل.", "ar"),
        ("Peace talks between the Kenyan government and rebels from the coast began in Arusha today.", "en"),
    ):
        (e,) = events(text, lang)
        assert e.parties == ["KE"] and "org:ke-factions" in e.sides, text
        assert e.location_key == "loc:city:arusha" and e.start_date == PUB


def test_rebels_after_another_country_still_join_the_government_beside_them() -> None:
    # the venue's country earlier in the sentence does not make the rebels someone else's
    (e,) = events("استضافت أوغندا اليوم في كمبالا محادثات بين الحكومة الكينية ومتمردين من الشمال.")
    assert "org:ke-factions" in e.sides and e.location_key == "loc:city:kampala"


def test_an_army_named_for_what_it_liberates_is_a_rival_body() -> None:
    (e,) = events("انطلقت في أروشا اليوم محادثات بين الحكومة الكينية وجيش تحرير الساحل.")
    assert e.parties == ["KE"] and e.sides == ["org:ke-factions"]
    assert e.location_key == "loc:city:arusha"


def test_a_country_that_is_a_venue_verbs_subject_is_where_the_talks_are() -> None:
    (e,) = events("تشهد أوغندا، الثلاثاء، محادثات سلام بين الحكومة الكينية ومتمردين من الشمال.")
    assert e.location_key == "loc:country:UG" and e.start_date == PUB
    # a country that is only the topic stays no place
    (e,) = events("بدأت اليوم محادثات بين الحكومة الكينية ومتمردين من الشمال حول أوغندا.")
    assert e.location_key is None


def test_a_country_the_iso_translations_name_inverted_is_known_by_its_head() -> None:
    g = load_gazetteer()
    assert g.entity("loc:country:TZ").name_ar == "تنزانيا"
    (e,) = events("عقدت في تنزانيا اليوم جولة محادثات بين الحكومة الكينية ومتمردين من الشمال.")
    assert e.location_key == "loc:country:TZ"
    # a head two countries share names neither («كوريا»)
    assert g.entity("loc:country:KR").name_ar == "كوريا الجنوبية"


def test_the_same_two_people_at_the_table_are_one_meeting_whose_sides_are_better_named_below() -> None:
    text = (
        "موانغي ولوكوندو يوقعان اتفاقا في جدة\n"
        "جاء الاتفاق عقب اجتماع بين الرئيس السوداني يوسف موانغي وقائد قوات الدعم السريع عمر لوكوندو، وتم التوصل"
        " إلى عشرة بنود."
    )
    (e,) = events(text)
    assert e.sides == ["SD", "org:rsf"] and e.location_key == "loc:city:jeddah"


def test_a_meeting_verb_held_in_a_round_of_talks_is_that_round() -> None:
    for text, lang in (
        ("التقى وفد الحكومة الكينية ووفد المتمردين اليوم الثلاثاء في جولة مباحثات جديدة بجنيف.", "ar"),
        ("The Kenyan government and the rebels met on Tuesday in a new round of talks in Geneva.", "en"),
    ):
        (e,) = events(text, lang)
        assert e.parties == ["KE"] and "org:ke-factions" in e.sides, text
        assert e.location_key == "loc:city:geneva" and e.start_date == PUB


def test_the_capital_phrase_followed_by_of_and_a_city_is_that_city() -> None:
    (e,) = events("Talks between Russia and Ukraine resumed on Tuesday in the Turkish capital of Istanbul.", "en")
    assert e.location_key == "loc:city:istanbul"
    (e,) = events("Talks between Russia and Ukraine resumed on Tuesday in the Turkish capital.", "en")
    assert e.location_key == "loc:city:ankara"


def test_a_venue_named_only_as_a_place_is_no_side_of_talks_with_unnamed_sides() -> None:
    text = (
        "بدأت جولة محادثات جديدة اليوم في سويسرا برعاية الأمم المتحدة.\n"
        "وقال مسؤول كيني إن الوفد الكيني وصل أمس إلى هناك.\n"
        "وأكد وزير الخارجية الكيني أن الحل ممكن."
    )
    (e,) = events(text)
    assert e.parties == ["KE"] and e.location_key == "loc:country:CH"


def test_a_country_before_peace_talks_in_english_names_the_talks_not_the_place() -> None:
    text = "No breakthrough in Kenya peace talks. Kenya's warring parties wrapped up talks in Geneva on Tuesday."
    assert all(e.location_key != "loc:country:KE" for e in events(text, "en"))


def test_talks_a_side_says_today_it_has_held_are_dated_today() -> None:
    (e,) = events("أعلنت كينيا، اليوم الثلاثاء، أنها أجرت محادثات مع أوغندا حول الحدود.")
    assert e.status == "held" and e.start_date == PUB
    (e,) = events("Kenya said on Tuesday it had held talks with Uganda on the border.", "en")
    assert e.status == "held" and e.start_date == PUB


def test_macedonia_is_still_named_by_its_former_name() -> None:
    (e,) = events("وقال الوزير إن المفاوضات بين اليونان ومقدونيا ستستأنف غدا في فيينا.")
    assert e.parties == ["GR", "MK"]


def test_a_body_named_on_beyond_a_known_bodys_common_words_is_another_body() -> None:
    # «الجبهة الثورية» is the Sudan Revolutionary Front; «الجبهة الثورية الوطنية» in Kenya is not
    (e,) = events("وقعت الحكومة الكينية والجبهة الثورية الوطنية اتفاقا في نيروبي اليوم.")
    assert "org:srf" not in e.sides and e.parties == ["KE"]
    (e,) = events("وقعت الحكومة السودانية والجبهة الثورية السودانية اتفاقا في جوبا اليوم.")
    assert e.sides == ["SD", "org:srf"]


def test_a_city_nobody_listed_with_its_country_after_it_is_where_not_who() -> None:
    (e,) = events("التقى ممثلو كينيا وأوغندا في مدينة لوكاندا الساحلية بشمال تنزانيا اليوم.")
    assert e.parties == ["KE", "UG"]


def test_talks_that_begin_on_a_day_after_the_report_are_planned() -> None:
    for text, lang in (
        ("وتبدأ المفاوضات بين كينيا وأوغندا يوم 25 مايو في أروشا.", "ar"),
        ("Talks between Kenya and Uganda begin on May 25 in Arusha.", "en"),
    ):
        (e,) = events(text, lang)
        assert e.status == "planned" and e.start_date == date(2022, 5, 25), text
