"""Negotiating formats named in the talks' own name or in digits glued to Arabic clitics, one
country's armed groups named with a compass word, and capitals that Arabic names like their country.

Every sentence here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.entities import analyze
from tasks.nlp.extract import extract
from tasks.nlp.types import Event

PUB = date(2024, 3, 12)  # a Tuesday
P5_1 = {"CN", "DE", "FR", "GB", "RU", "US"}


def event(text: str, language: str = "ar") -> Event:
    (ev,) = extract(text, language, PUB).events
    return ev


def test_a_format_in_digits_after_an_arabic_article() -> None:
    # «دول الـ5+1»: the digits follow the article; the grouping is read all the same
    ev = event("اجتمعت دول الـ5+1 وإيران اليوم في فيينا لبحث الملف النووي.")
    assert set(ev.parties) == P5_1 | {"IR"}


def test_a_format_listed_in_lower_case_needs_no_capital() -> None:
    ev = event("Iran and six world powers met in Vienna on Tuesday for a new round of talks.", "en")
    assert set(ev.parties) == P5_1 | {"IR"}


def test_talks_named_by_their_format_have_its_members_as_sides() -> None:
    ev = event("انطلقت في بكين اليوم جولة جديدة من المحادثات السداسية بشأن الملف النووي.")
    assert set(ev.parties) == {"CN", "JP", "KP", "KR", "RU", "US"}
    ev = event("The fifth round of the six-party talks opened in Beijing on Tuesday.", "en")
    assert set(ev.parties) == {"CN", "JP", "KP", "KR", "RU", "US"}


def test_a_person_surname_in_lower_case_still_needs_its_capital() -> None:
    # "bin Salman" is listed in lower case for a person: "Khalid bin Salman" is not Mohammed bin Salman
    # (guard: true before; it keeps the lower-case rule to groups)
    found = {
        m.surface: m.key
        for m in analyze("Saudi Defence Minister Khalid bin Salman met envoys in Riyadh.", "en").mentions
    }
    assert found.get("Khalid bin Salman") != "person:mbs"


def test_armed_groups_of_a_region_of_a_country_are_its_factions() -> None:
    ev = event("The Nigerien government and armed groups from northern Niger began talks in Algiers on Tuesday.", "en")
    assert set(ev.sides) == {"NE", "org:ne-factions"}
    ev = event("بدأت في الجزائر اليوم مفاوضات بين الحكومة النيجرية والحركات المسلحة في شمال النيجر.")
    assert set(ev.sides) == {"NE", "org:ne-factions"}


def test_a_capital_named_like_its_country_is_where_talks_sit() -> None:
    assert event("انطلقت في الكويت اليوم جولة مفاوضات بين كينيا وتنزانيا.").location_key == "loc:city:kuwait-city"
    assert event("بدأت في الجزائر اليوم مفاوضات بين كينيا وتنزانيا.").location_key == "loc:city:algiers"
    # a country with a capital of another name stays the country
    assert event("انطلقت في مصر اليوم جولة مفاوضات بين كينيا وتنزانيا.").location_key == "loc:country:EG"


def test_a_country_name_that_is_an_everyday_word_needs_a_place_cue() -> None:
    # «مالي» is Mali after «في»/«شمال», and "financial" elsewhere
    def places(text: str) -> set[str]:
        return {m.key for m in analyze(text).mentions if m.kind == "location"}

    assert "loc:country:ML" in places("وصل الوفد إلى مالي أمس في زيارة رسمية.")
    assert "loc:country:ML" in places("تتواصل المعارك في شمال مالي منذ أشهر.")
    assert "loc:country:ML" not in places("قدمت الحكومة دعم مالي كبير للمزارعين.")


def test_a_bare_government_beside_a_countrys_armed_groups_is_that_country() -> None:
    ev = event("بدأت في الجزائر اليوم مفاوضات بين الحكومة والحركات المسلحة في شمال النيجر.")
    assert set(ev.sides) == {"NE", "org:ne-factions"}


def test_two_bodies_take_the_country_of_the_region_the_article_is_about() -> None:
    # the talks sit in Doha and the mediator is Qatari, but the article is about Darfur: the government
    # and the movement are Sudan's rival sides, not Qatar's
    text = (
        "وقعت الحكومة وحركة الإنقاذ الديمقراطية عصر أمس بالدوحة على وثيقة السلام في إقليم دارفور. "
        "وقال الوسيط القطري إن الاتفاق يعيد الأمن إلى دارفور بعد سنوات من الحرب في دارفور."
    )
    ev = event(text)
    assert ev.parties == ["SD"]


def test_leaders_of_a_movement_after_the_preposition_are_its_side() -> None:
    # «مع قيادات بحركة الشباب»: the movement's leaders, not a place
    ev = event("عقد وفدان من كينيا وإثيوبيا اليوم مباحثات مع قيادات بحركة الشباب في مقديشو.")
    assert "org:al-shabaab" in ev.sides


def test_a_bare_five_plus_one_is_no_grouping_of_powers() -> None:
    # the informal meetings on Cyprus are "5+1" too: only «مجموعة 5+1», «دول 5+1» name the six powers
    text = "توجه الرئيس القبرصي إلى جنيف للمشاركة في اجتماع 5+1 غير الرسمي بشأن قبرص مع تركيا واليونان."
    for ev in extract(text, "ar", PUB).events:
        assert not {"CN", "US"} & set(ev.parties)


def test_a_group_name_quoted_after_its_head_word_is_the_group() -> None:
    # «صيغة "أستانا"», «حركة "الشباب"»: the name after the head word in quotes, as papers often write it
    ev = event('انطلقت أمس في العاصمة الكازاخية الجولة الجديدة من المحادثات بصيغة "أستانا".')
    assert {"IR", "RU", "TR"} <= set(ev.parties)
    found = {m.key for m in analyze('وقال متحدث باسم حركة "الشباب" إن الهجوم فشل.').mentions}
    assert "org:al-shabaab" in found


def test_a_trip_to_a_city_to_attend_the_meetings_places_them_there() -> None:
    # the travel verb stands far before the city; «لحضور» between the city and the meetings says why
    text = (
        "توجه وزير الخارجية الكيني جون موانغي ووزير الدفاع الكيني بيتر أوتينو ورئيس الأركان الكيني "
        "صامويل كيبتو إلى أروشا، لحضور اجتماعات كينيا وتنزانيا المقرر أن تبدأ غدًا."
    )
    assert event(text).location_key == "loc:city:arusha"


def test_a_format_named_in_digits_is_no_round_number() -> None:
    # «اجتماع 5+1»: the format's name, not the fifth meeting; «الجولة 5» still is round 5
    ev = event("انطلق في جنيف اليوم اجتماع 5+1 غير الرسمي بين قبرص واليونان وتركيا وبريطانيا.")
    assert ev.round_number is None
    assert event("انطلقت في جنيف اليوم الجولة 5 من المحادثات بين كينيا وتنزانيا.").round_number == 5
