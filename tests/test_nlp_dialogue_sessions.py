"""Dialogues between one country's movements, numbered sessions of talks, and the names and places that
hid them: a body nobody listed beside a movement the gazetteer knows, «الجلسة الثانية للحوار», a family
name that is an everyday noun («سلام», «جمعة»), a country whose name starts with a hamza («ألمانيا») or
was taken for a word («تونس»), and a hosting named by its verbal noun («استضافة المغرب»).

Every sentence here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract
from tasks.nlp.types import Event

PUB = date(2024, 3, 5)  # a Tuesday


def events(text: str, language: str = "ar", pub: date = PUB) -> list[Event]:
    return extract(text, language, pub).events


def people(text: str, language: str = "ar") -> list[str]:
    return [m.key for m in extract(text, language, PUB).mentions if m.kind == "person"]


def places(text: str, language: str = "ar") -> list[str]:
    return [m.key for m in extract(text, language, PUB).mentions if m.kind == "location"]


def test_a_body_beside_a_known_movement_is_its_countrys_rival_side() -> None:
    for text, lang in (
        ("عقدت الجلسة الثانية للحوار بين حركة حماس وتيار الإصلاح الديمقراطي أمس الاثنين في القاهرة.", "ar"),
        ("The Democratic Reform Current and Hamas held their second dialogue session in Cairo on Monday.", "en"),
    ):
        (e,) = events(text, lang)
        assert e.sides == ["org:hamas", "org:ps-factions"] and e.parties == ["PS"], text
        assert e.round_number == 2 and e.status == "held" and e.start_date == date(2024, 3, 4), text
        assert e.location_key == "loc:city:cairo" and e.mediators == ["EG"], text
    # the body after the known one, and a plain "talks"
    (e,) = events("Hamas and the Democratic Reform Current held talks in Cairo on Monday.", "en")
    assert e.sides == ["org:hamas", "org:ps-factions"] and e.round_number is None


def test_movements_that_only_speak_are_no_sides() -> None:
    text = "وأعلنت قيادتا حركة حماس وتيار الإصلاح الديمقراطي في بيان قبل بدء الجولة الأولى من المفاوضات رفضهما الوساطة."
    assert events(text) == []


def test_a_numbered_session_of_talks_is_a_round_and_a_session_alone_is_none() -> None:
    (e,) = events("انطلقت أولى جلسات الحوار بين تيار الإصلاح الديمقراطي وحركة حماس مساء الاثنين في القاهرة.")
    assert e.round_number == 1 and e.sides == ["org:hamas", "org:ps-factions"]
    # the talks' sessions without a number are the talks, placed, not a round of their own
    (e,) = events("واستمرت جلسات الحوار بين حركة حماس وتيار الإصلاح الديمقراطي في القاهرة.")
    assert e.round_number is None and e.location_key == "loc:city:cairo"
    for text, lang in (
        ("عقد مجلس الأمن جلسة طارئة أمس الاثنين في نيويورك بحضور مندوبي روسيا والولايات المتحدة.", "ar"),
        ("The UN Security Council held a session on Monday in New York with Russia and the United States.", "en"),
    ):
        assert events(text, lang) == [], text


def test_family_names_that_are_nouns_or_end_in_ta_marbuta() -> None:
    for text, name in (
        ("وقال رئيس الحكومة الأردنية نواف سلام إن", "person:ar:نواف سلام"),
        ("وقال رئيس الحكومة الأردنية، سمير جمعة، إن", "person:ar:سمير جمعه"),
        ("وقال وزير الدفاع المصري اللواء المهندس منير أبو شقرة إن", "person:ar:منير ابو شقره"),
        ("وقال الوزير عمر بن حمزة إن", "person:ar:عمر بن حمزه"),
    ):
        assert people(text) == [name], text
    # a noun in «ة» after a title is still no name's part
    assert people("وأكدت دراسة حكومة الأردن أن") == []


def test_countries_named_with_a_hamza_or_like_a_word_are_places() -> None:
    assert places("وصل الوفد الإيراني إلى ألمانيا أمس.") == ["loc:country:DE"]
    assert places("وصل الوفد الإيراني إلى ألبانيا أمس.") == ["loc:country:AL"]
    assert places("وصل الوفد الليبي إلى تونس أمس.") == ["loc:country:TN"]
    assert places("وصل الوفد الأمريكي إلى كوبا أمس.") == ["loc:country:CU"]
    (e,) = events("عقدت محادثات بين إيران والولايات المتحدة في ألمانيا أمس الاثنين.")
    assert e.parties == ["IR", "US"] and e.location_key == "loc:country:DE" and e.mediators == ["DE"]
    (e,) = events("عقدت محادثات بين ليبيا والجزائر في تونس أمس الاثنين.")
    assert e.parties == ["DZ", "LY"] and e.mediators == ["TN"]


def test_a_hosting_named_by_its_verbal_noun_makes_a_host_not_a_side() -> None:
    # «استضافة تونس»: Tunisia hosts the Libyans' meeting; it is no side of it
    found = events("أعلنت المبعوثة عن استضافة تونس مطلع الشهر المقبل الاجتماع الأول للحوار بين الليبيين.")
    assert all("TN" not in e.parties for e in found)
    # nor does a host become one of the article's main sides filling a meeting that names none
    found = events("وأعلنت المبعوثة عن استضافة الجزائر مطلع الشهر المقبل الاجتماع المباشر الأول لملتقى الحوار الليبي.")
    assert all("DZ" not in e.parties for e in found)
    (e,) = events("رحبت الأمم المتحدة باستضافة المغرب جولة مفاوضات بين ليبيا والجزائر أمس الاثنين.")
    assert e.parties == ["DZ", "LY"] and e.mediators == ["MA"]


def test_a_date_after_a_since_phrase_closed_by_a_comma_dates_the_meeting() -> None:
    (e,) = events(
        "من المقرر أن تستأنف المحادثات المتوقفة منذ أيلول/سبتمبر الماضي، اليوم الثلاثاء، في جنيف بين إيران"
        " والولايات المتحدة."
    )
    assert e.start_date == PUB and e.status == "planned"
