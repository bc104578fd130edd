"""Who hosts and who negotiates: a venue's country filling in for unnamed sides, an envoy's posting,
who invites, «لكل من» lists and both sides named by nouns after «بين».

Every sentence here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract
from tasks.nlp.types import Event

PUB = date(2024, 3, 12)  # a Tuesday


def events(text: str, language: str = "ar", published: date | None = PUB) -> list[Event]:
    return extract(text, language, published).events


def test_where_an_embassy_or_envoy_is_posted_is_no_side() -> None:
    text = "قال السفير الياباني لدى زامبيا إن الجولة الثانية من المفاوضات مع الصين تبدأ اليوم في بكين."
    assert all("ZM" not in ev.parties for ev in events(text))
    text = "وقالت سفارة طوكيو لدى لوساكا إن الجولة الثانية من المفاوضات بين اليابان والصين تبدأ اليوم."
    (ev,) = events(text)
    assert ev.parties == ["CN", "JP"] and ev.round_number == 2


def test_sides_named_by_two_nouns_after_between_are_both_sides() -> None:
    text = "انطلقت الجولة الرابعة من المحادثات بين الحكومة الكينية والسلطات الإثيوبية في مدينة أروشا."
    (ev,) = events(text)
    assert ev.parties == ["ET", "KE"] and ev.round_number == 4
    assert ev.location_key == "loc:city:arusha"
    text = "The fourth round of talks between the Kenyan government and Ethiopian authorities opened in Arusha."
    (ev,) = events(text, "en")
    assert ev.parties == ["ET", "KE"]


def test_a_list_after_each_of_with_its_preposition_names_the_sides() -> None:
    text = "تعقد اليوم في مدينة جنيف اجتماعات وزراء الخارجية لكل من كينيا وأوغندا، ورواندا بشأن مياه البحيرة."
    (ev,) = events(text)
    assert ev.parties == ["KE", "RW", "UG"]


def test_who_sends_the_invitation_hosts() -> None:
    text = (
        "ويشارك الوفد الكيني اليوم في أكرا في جولة من المفاوضات مع أوغندا، "
        "وذلك بناء على الدعوة التي وجهتها غانا بوصفها رئيسة المنظمة الإقليمية."
    )
    (ev,) = events(text)
    assert ev.parties == ["KE", "UG"] and ev.mediators == ["GH"] and ev.start_date == PUB


def test_unnamed_sides_are_the_main_countries_other_than_the_venues() -> None:
    # the meeting names no side; the article names Ghana most, but Ghana only hosts Kenya and Uganda
    text = (
        "أكرا تحتضن جولة جديدة من المفاوضات.\n"
        "وتقول غانا إنها مستعدة للمساعدة، وتأمل حكومة غانا أن تنجح الوساطة.\n"
        "وتتنازع كينيا وأوغندا على جزر في البحيرة منذ سنوات.\n"
        "وتطالب كينيا بترسيم الحدود، بينما ترفض أوغندا ذلك."
    )
    (ev,) = events(text)
    assert ev.parties == ["KE", "UG"] and ev.location_key == "loc:city:accra"
    # a country named once beside the venue's many mentions is no side in its place
    text = "أكرا تحتضن جولة جديدة من المفاوضات.\nوتقول غانا إنها مستعدة، وتأمل حكومة غانا أن تنجح كينيا في إقناع توغو."
    assert all(ev.parties != ["KE", "TG"] for ev in events(text))
    # a bilateral visit keeps the venue's country when the article names no third one
    text = "أنقرة تحتضن جولة جديدة من المحادثات.\nوتسعى تركيا واليونان إلى حل خلافاتهما في بحر إيجه."
    (ev,) = events(text)
    assert ev.parties == ["GR", "TR"]


def test_where_the_whole_process_began_does_not_date_or_place_a_later_round() -> None:
    text = (
        "انطلقت اليوم الجولة الثالثة من المفاوضات بين الوفد الكيني والوفد الأوغندي في أوغندا.\n"
        "وتجري المفاوضات، التي بدأت في مدينة نيروبي يوم 3 فبراير، وسط توتر على الحدود."
    )
    third = [ev for ev in events(text) if ev.round_number == 3]
    assert len(third) == 1 and third[0].start_date == PUB
    assert third[0].location_key != "loc:city:nairobi"


def test_talks_said_to_be_under_way_now_outrank_the_plans_the_report_recalls() -> None:
    text = (
        "وصل الرئيسان الكيني والأوغندي اليوم إلى مدينة أروشا لعقد قمة.\n"
        "وكان من المتوقع أن يلتقي الرئيسان على انفراد، لكن المكتب أعلن أن الاجتماع سيكون بحضور الوزراء.\n"
        "هذا الاجتماع جارٍ حالياً.\n"
        "وقال المتحدث إن الاجتماعات ستستمر ست ساعات على الأقل."
    )
    evs = events(text)
    assert evs and all(ev.status == "ongoing" for ev in evs)


def test_a_leader_who_only_names_his_group_is_its_side_not_at_the_table() -> None:
    text = (
        "وقال المتحدث إن الجولة الثانية من المفاوضات بين الحكومة السودانية والحركة الشعبية لتحرير السودان - شمال "
        "بقيادة عبد العزيز الحلو انطلقت اليوم في جوبا."
    )
    (ev,) = events(text)
    assert "org:splm-n" in ev.sides and ev.participants == []


def test_a_grouping_of_states_sits_as_its_members() -> None:
    text = "وتنطلق غدا في جنيف الجولة الثالثة من المفاوضات بين أوكرانيا ورباعية نورماندي."
    (ev,) = events(text)
    assert ev.parties == ["DE", "FR", "RU", "UA"] and ev.round_number == 3
    text = "Iran and the E3 held talks in Geneva on Monday."
    (ev,) = events(text, "en")
    assert ev.parties == ["DE", "FR", "GB", "IR"] and ev.start_date == date(2024, 3, 11)
