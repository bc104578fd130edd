"""Meetings of bodies: a joint body's host member sits at its table; a sitting of a dialogue committee
is a meeting; people who stayed away are not at the table; one country's rival
sides left unnamed take the names the same report gives them.

Every text here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract

PUB = date(2024, 3, 5)


def test_a_joint_body_hosted_by_a_member_seats_the_host() -> None:
    text = (
        "استضافت العاصمة النرويجية أوسلو، الاثنين، ثالث اجتماعات اللجنة المشتركة الدائمة، المشكلة في إطار "
        "الاتفاق الثلاثي مع الحكومة الدنماركية وآيسلندا."
    )
    (e,) = extract(text, "ar", PUB).events
    assert e.parties == ["DK", "IS", "NO"] and e.mediators == []
    # a government named as a regime is a side too
    (e,) = extract(text.replace("الحكومة الدنماركية", "النظام الإيراني"), "ar", PUB).events
    assert e.parties == ["IR", "IS", "NO"]


def test_a_third_country_hosting_one_country_s_joint_commission_stays_a_host() -> None:
    text = (
        "وعقد اجتماع اللجنة العسكرية المشتركة بين حكومة الوفاق والجيش الوطني الليبي في مدينة الغردقة، والذي "
        "استضافته السلطات المصرية."
    )
    events = extract(text, "ar", PUB).events
    assert events and all("EG" not in e.parties for e in events)


def test_a_sitting_of_a_dialogue_committee_is_a_meeting() -> None:
    text = (
        "عقدت في القصر الجمهوري اليوم جلسة لهيئة الحوار الوطني الموريتاني برئاسة الرئيس محمد ولد الغزواني. "
        "وتابعت الهيئة مناقشة قانون الانتخابات."
    )
    (e,) = extract(text, "ar", PUB).events
    assert e.sides == ["MR", "org:mr-factions"] or e.sides == ["org:mr-factions"]
    assert e.status == "held" and str(e.start_date) == "2024-03-05"
    # sessions in the plural are the talks' sittings, no meeting of their own
    plural = "وتتواصل جلسات لهيئة الحوار الوطني الموريتاني منذ أشهر."
    assert extract(plural, "ar", PUB).events == []


def test_people_who_stayed_away_are_not_at_the_table() -> None:
    text = (
        "عقد في نواكشوط اليوم اجتماع بين الحكومة الموريتانية والمعارضة برئاسة الوزير الأول المختار ولد أجاي. "
        "وتغيب عن الاجتماع الذي شارك فيه ممثلو الأحزاب النائب بيرام الداه اعبيد والوزير محمد ولد بلال بداعي السفر."
    )
    events = extract(text, "ar", PUB).events
    seated = {p.person_key for e in events for p in e.participants}
    assert not any("بيرام" in k or "بلال" in k for k in seated), seated


def test_rival_sides_left_unnamed_take_the_names_the_report_gives() -> None:
    text = (
        "Talks between the warring parties in Yemen were due to start in Geneva on Sunday. "
        "The Yemeni government and the Houthis said they would send delegations to talks in Geneva on Sunday."
    )
    events = extract(text, "en", PUB).events
    assert events and all(e.sides == ["YE", "org:houthis"] for e in events), events


def test_a_city_behind_a_locative_refines_the_host_country() -> None:
    text = "المغرب يستضيف اليوم الأحد، اجتماعًا ليبيًّا مصريًّا سياسيًّا أمنيًّا في مدينة الصخيرات؛ لمناقشة الأوضاع على الحدود."
    (e,) = extract(text, "ar", PUB).events
    assert e.location_key == "loc:city:skhirat" and e.mediators == ["MA"]


def test_an_armed_group_nobody_listed_is_its_country_s_other_side() -> None:
    for text, lang in (
        (
            "وأعلنت قطر توقيع اتفاق بين حكومة الإكوادور وجماعة «لوس لوبوس» المسلحة الإكوادورية بعد جولتين من "
            "المحادثات في الدوحة.",
            "ar",
        ),
        (
            "Qatar announced a deal between Ecuador's government and the Los Lobos armed group after two rounds "
            "of talks in Doha.",
            "en",
        ),
    ):
        events = extract(text, lang, PUB).events
        assert events and all("org:ec-factions" in e.sides and e.parties == ["EC"] for e in events), (lang, events)


def test_the_talks_sponsors_mediate() -> None:
    text = "واستؤنفت اليوم مفاوضات جنيف بين الحكومة اليمنية والحوثيين، التي ترعاها الرياض وواشنطن."
    (e,) = extract(text, "ar", PUB).events
    assert e.sides == ["YE", "org:houthis"] and {"SA", "US"} <= set(e.mediators)
    suspended = "وأعلن الجيش تعليق مشاركته في مفاوضات جنيف مع الحوثيين، التي ترعاها الرياض وواشنطن."
    assert all("SA" not in e.parties and "US" not in e.parties for e in extract(suspended, "ar", PUB).events)
