"""Sides a reader finds by how newsrooms name them: a people's community named by two nationality words
(the Turkish Cypriot leader is a Cypriot), Israel named as Arab newsrooms name it («فلسطين المحتلة»,
«الكيان الصهيوني»), a government named by its city («قالت تل أبيب»), and English "were to" looking ahead.

Every sentence here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.entities import analyze
from tasks.nlp.extract import extract
from tasks.nlp.types import Event

PUB = date(2019, 3, 4)  # a Monday


def events(text: str, language: str = "ar", pub: date = PUB) -> list[Event]:
    return extract(text, language, pub).events


def nationalities(text: str, language: str = "ar") -> list[str]:
    return [c.code for c in analyze(text, language).cues if c.source == "nat"]


def test_a_community_named_by_two_nationality_words_is_the_first_in_arabic_and_the_last_in_english() -> None:
    assert nationalities("وقال الزعيم القبرصي التركي أحمد يلماز إن الحوار مستمر.") == ["CY"]
    assert nationalities("واجتمع ممثلو القبارصة الأتراك في المساء.") == ["CY"]
    assert nationalities("Turkish Cypriot leader Ahmet Yilmaz said the dialogue goes on.", "en") == ["CY"]
    assert nationalities("The Greek Cypriots rejected the plan.", "en") == ["CY"]
    # beside a meeting noun the two words stay two sides
    assert sorted(nationalities("وبدأت المحادثات الروسية الأوكرانية صباح اليوم.")) == ["RU", "UA"]
    assert sorted(nationalities("Turkish Russian talks began on Monday.", "en")) == ["RU", "TR"]


def test_the_two_communities_of_one_country_meet_as_its_rival_sides() -> None:
    for text, lang in (
        ("التقى الرئيس القبرصي خريستوس بابادوبولوس والزعيم القبرصي التركي أحمد يلماز في فيينا اليوم.", "ar"),
        ("Greek Cypriot leader Chris Papadopoulos and Turkish Cypriot leader Ahmet Yilmaz met in Vienna today.", "en"),
    ):
        (e,) = events(text, lang)
        assert e.parties == ["CY"] and "org:cy-factions" in e.sides, text
        assert e.location_key == "loc:city:vienna" and e.start_date == PUB


def test_israel_as_arab_newsrooms_name_it_is_a_side() -> None:
    (e,) = events("عقدت في الناقورة اليوم جولة جديدة من المفاوضات غير المباشرة بين لبنان وفلسطين المحتلة.")
    assert e.parties == ["IL", "LB"]
    (e,) = events("وأكد الوفد اللبناني أن المفاوضات مع الكيان الصهيوني في الناقورة ستستأنف الأربعاء المقبل.")
    assert e.parties == ["IL", "LB"] and e.status == "planned"


def test_a_government_named_by_its_city_speaks_for_its_side() -> None:
    (e,) = events("قالت تل أبيب إن جولة جديدة من المفاوضات غير المباشرة مع سوريا بدأت في أنقرة أمس.")
    assert e.parties == ["IL", "SY"] and e.start_date == date(2019, 3, 3)
    (e,) = events("وذكرت دمشق أن جولة ثانية من المحادثات مع بغداد ستعقد في القاهرة الأحد المقبل.")
    assert e.parties == ["IQ", "SY"] and e.status == "planned"


def test_were_to_looks_ahead_in_english() -> None:
    (e,) = events("Serbia and Kosovo were to resume talks in Brussels on Tuesday.", "en")
    assert e.status == "planned" and e.start_date == date(2019, 3, 5)
    (e,) = events("Serbia and Kosovo were ready and resumed talks in Brussels on Tuesday.", "en")
    assert e.start_date == date(2019, 2, 26)


def test_a_meeting_that_opens_the_talks_in_their_sentence_is_those_talks() -> None:
    (e,) = events(
        "بدأت صباح اليوم في نيروبي المفاوضات المباشرة بين الصوماليين والإثيوبيين بعد قطيعة دامت عامين باجتماع عمل"
        " بين الطاقمين المفاوضين الصومالي برئاسة وزير الخارجية أحمد عيسى عوض والإثيوبي برئاسة وزير الخارجية"
        " تسفاي جيتاتشو."
    )
    assert e.parties == ["ET", "SO"] and e.location_key == "loc:city:nairobi" and e.start_date == PUB
    assert len(e.participants) == 2


def test_this_morning_is_today_in_english() -> None:
    (e,) = events("Talks between Somalia and Ethiopia began in Nairobi this morning.", "en")
    assert e.start_date == PUB
    (e,) = events("Talks between Somalia and Ethiopia will open in Nairobi this evening.", "en")
    assert e.start_date == PUB and e.status == "planned"


def test_a_numbered_round_in_the_headline_takes_the_sides_of_the_same_round_below() -> None:
    for text, lang in (
        (
            "جولة ثالثة من المحادثات غير المباشرة\n\nعقد الوفدان السوداني والإثيوبي اليوم في مدينة أسوان الجولة"
            " الثالثة من المحادثات غير المباشرة برعاية الأمم المتحدة.",
            "ar",
        ),
        (
            "Third round of indirect talks\n\nThe Sudanese and Ethiopian delegations held the third round of"
            " indirect talks in Aswan today under UN auspices.",
            "en",
        ),
    ):
        (e,) = events(text, lang)
        assert e.parties == ["ET", "SD"] and e.round_number == 3 and e.start_date == PUB, text


def test_the_first_half_of_a_two_word_place_name_belongs_to_the_place() -> None:
    (e,) = events("عقد الوفدان السوداني والإثيوبي اليوم في رأس الناقورة الجولة الثالثة من المحادثات غير المباشرة.")
    assert e.location_key == "loc:city:naqoura"


def test_a_passive_participle_is_no_past_tense() -> None:
    from tasks.nlp.dates import clause_tense

    for text, future in (
        ("the next round will be held in ankara on tuesday.", True),
        ("the talks have been postponed to tuesday.", None),
        ("the round was held in ankara on tuesday.", False),
    ):
        i = text.index("tuesday")
        assert clause_tense(text, i, i + len("tuesday")) is future, text


def test_a_round_number_in_apposition_is_the_rounds_number() -> None:
    for text, lang in (
        (
            "استضافت أنقرة أمس الأربعاء الجولة الـ63 من المحادثات التركية اليونانية. وجرت الجولة السابقة، الـ62، من"
            " المحادثات في أثينا.",
            "ar",
        ),
        (
            "Turkey and Greece held the 63rd round of talks in Ankara on Wednesday. The previous round, the 62nd, of"
            " exploratory talks was held in Athens.",
            "en",
        ),
    ):
        rounds = {e.round_number: e.location_key for e in events(text, lang, date(2021, 10, 7))}
        assert rounds == {63: "loc:city:ankara", 62: "loc:city:athens"}, text


def test_a_country_named_right_before_a_listed_name_is_that_persons() -> None:
    x = extract("وحضر اللقاء وزراء خارجية الدول الثلاث، مصر سامح حسني شكري، والسودان أحمد علي.", "ar", PUB)
    assert ("person:ar:سامح حسني شكري", "EG") in {(e.key, e.country_code) for e in x.entities}
    # a country that is the object of a verb before a name is no apposition
    x = extract("وقال سامح حسني شكري إنه زار السودان أمس.", "ar", PUB)
    assert all(e.country_code is None for e in x.entities if e.kind == "person")


def test_one_countrys_agreement_is_signed_by_its_rival_sides() -> None:
    for text, lang in (
        ("وجرى اليوم في مدينة جوبا التوقيع على الاتفاق السياسي السوداني بعد عامين من الحوار.", "ar"),
        ("Delegates signed the Sudanese Political Agreement in Juba today.", "en"),
    ):
        (e,) = events(text, lang)
        assert e.parties == ["SD"] and e.sides == ["org:sd-factions"] and e.status == "held", text
    # the nationality of a side, not of the agreement
    (e,) = events("ووقعت واشنطن اتفاقا مع حركة طالبان في الدوحة اليوم. ووقع الاتفاق المفاوض الأمريكي زلماي خليل زاد.")
    assert e.sides == ["US", "org:taliban"] and len(e.participants) == 1
