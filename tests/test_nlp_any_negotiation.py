"""Meetings of any negotiation: non-state sides, nationality words and places beyond one region.

Every sentence here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract
from tasks.nlp.types import Event

PUB = date(2024, 3, 12)  # a Tuesday


def events(text: str, language: str = "ar", published: date | None = PUB) -> list[Event]:
    return extract(text, language, published).events


def test_a_non_state_side_is_a_side_coded_as_its_org_and_counted_as_its_country() -> None:
    (ev,) = events("عقدت قوات الدعم السريع والجيش السوداني جولة جديدة من المحادثات في جدة يوم السبت.")
    assert ev.sides == ["SD", "org:rsf"] and ev.parties == ["SD"]
    assert ev.location_key == "loc:city:jeddah" and ev.mediators == ["SA"]
    (ev,) = events("Sudan's army and the Rapid Support Forces resumed talks in Jeddah on Thursday.", "en")
    assert ev.sides == ["SD", "org:rsf"] and ev.parties == ["SD"]


def test_two_movements_of_one_country_meet() -> None:
    (ev,) = events("Representatives of Hamas and Fatah met in Cairo on Sunday for reconciliation talks.", "en")
    assert ev.sides == ["org:fatah", "org:hamas"] and ev.parties == ["PS"]
    assert ev.mediators == ["EG"] and ev.location_key == "loc:city:cairo"


def test_a_state_and_a_movement() -> None:
    (ev,) = events("أجرى وفد سعودي محادثات مع جماعة الحوثي في صنعاء أمس.")
    assert ev.sides == ["SA", "org:houthis"] and ev.parties == ["SA", "YE"]
    assert ev.location_key == "loc:city:sanaa" and ev.start_date == date(2024, 3, 11)
    (ev,) = events("وصل وفد سعودي إلى صنعاء أمس لإجراء محادثات مع الحوثيين.")
    assert ev.sides == ["SA", "org:houthis"]


def test_one_side_alone_is_no_meeting() -> None:
    assert events("قالت حركة حماس إنها مستعدة لمحادثات جديدة.") == []


def test_nationality_words_beyond_one_region() -> None:
    text = "Ethiopian and Egyptian ministers held talks in Addis Ababa on Monday."
    (ev,) = events(text, "en")
    assert ev.parties == ["EG", "ET"]
    text = "وعقد مسؤولون أذربيجانيون وأرمن محادثات في بروكسل يوم الاثنين."
    (ev,) = events(text)
    assert ev.parties == ["AM", "AZ"]


def people(text: str, language: str = "ar") -> set[str]:
    return {m.surface for m in extract(text, language, PUB).mentions if m.kind == "person"}


def test_a_person_after_a_delegation_cue_is_found() -> None:
    assert people("وصل إلى العاصمة وفد المعارضة برئاسة كريم منصوري.") == {"كريم منصوري"}
    assert people("ودفعت الحكومة بالعميد سامر خليفاوي رئيسا للوفد.") == {"سامر خليفاوي"}


def test_compound_given_names_and_coordinated_titles() -> None:
    assert people("وقال الرئيس عبد الرحمن الزبيدي إن المحادثات مثمرة.") == {"عبد الرحمن الزبيدي"}
    assert people("وشارك وزير الزراعة والموارد المائية بالسودان خالد ميرغني في الاجتماع.") == {"خالد ميرغني"}


def test_an_envoy_to_a_country_is_found() -> None:
    assert people("واجتمع الوفد مع مبعوث الأمم المتحدة إلى ليبيا هانس كوبلر.") == {"هانس كوبلر"}


def round_number(text: str, language: str = "ar") -> int | None:
    (ev,) = events(text, language)
    return ev.round_number


def test_round_numbers_in_words_and_digits() -> None:
    assert round_number("انطلقت الجولة السابعة عشرة من المحادثات بين مصر وإثيوبيا.") == 17
    assert round_number("بدأت الجولة الثالثة والعشرين من المحادثات بين مصر وإثيوبيا.") == 23
    assert round_number("عقدت الجولة الثلاثين من المحادثات بين مصر وإثيوبيا.") == 30
    assert round_number("انطلقت الجولة الـ12 من المحادثات بين مصر وإثيوبيا.") == 12
    assert round_number("انطلقت الجولة الرابعة من المحادثات بين مصر وإثيوبيا.") == 4
    assert round_number("The 16th round of talks between Egypt and Ethiopia opened.", "en") == 16
    assert round_number("The thirty-second round of talks between Egypt and Ethiopia opened.", "en") == 32
    assert round_number("The twelfth round of talks between Egypt and Ethiopia opened.", "en") == 12


def test_a_noun_with_a_possessive_pronoun_is_no_name() -> None:
    found = people("وأعلنت الحركة أن رئيس مكتبها السياسي سامي زهران وصل إلى القاهرة.")
    assert found == {"سامي زهران"}


def test_a_signing_with_its_signatories_and_place_is_a_held_meeting() -> None:
    text = "Delegations from Rwanda and the Democratic Republic of Congo signed a deal in Doha on Friday."
    (ev,) = events(text, "en")
    assert ev.parties == ["CD", "RW"] and ev.status == "held" and ev.location_key == "loc:city:doha"
    assert events("The agreement was signed last year.", "en") == []


def test_accusative_meeting_nouns_and_ministers_in_the_dual() -> None:
    (ev,) = events("عقد وزيرا خارجية صربيا وكوسوفو اجتماعاً في بروكسل يوم الاثنين.")
    assert ev.parties == ["RS", "XK"] and ev.location_key == "loc:city:brussels"


def test_venues_of_talks_beyond_one_region() -> None:
    (ev,) = events("انطلقت في الخرطوم محادثات بين وفدي جنوب السودان وإثيوبيا.")
    assert ev.location_key == "loc:city:khartoum" and ev.parties == ["ET", "SS"]
    (ev,) = events("بدأت في مدينة بوزنيقة جولة جديدة من الحوار بين مجلس النواب الليبي والمجلس الأعلى للدولة.")
    assert ev.location_key == "loc:city:bouznika" and ev.sides == ["org:libya-hcs", "org:libya-hor"]
    assert ev.parties == ["LY"] and ev.mediators == ["MA"]


def test_an_agreement_reached_by_two_named_sides_at_a_place_is_a_held_meeting() -> None:
    (ev,) = events("توصلت الحكومة الصومالية وحركة الشباب إلى اتفاق لوقف إطلاق النار في الدوحة.")
    assert ev.sides == ["SO", "org:al-shabaab"] and ev.status == "held" and ev.location_key == "loc:city:doha"
    (ev,) = events("The Yemeni government and the Houthis reached a prisoner swap deal in Muscat on Sunday.", "en")
    assert ev.sides == ["YE", "org:houthis"] and "prisoner_exchange" in ev.outcomes
    assert events("The delegation reached Doha on Sunday.", "en") == []


def test_a_side_named_as_a_country_is_not_the_venue() -> None:
    (ev,) = events("فشلت اليوم المحادثات بين صربيا وكوسوفو في تهدئة التوتر.")
    assert ev.parties == ["RS", "XK"] and ev.location_key is None
    (ev,) = events("Serbia and Kosovo held talks on Thursday.", "en")
    assert ev.location_key is None
    (ev,) = events("Sudan's army and the RSF held a new round of talks in Sudan on Monday.", "en")
    assert ev.location_key == "loc:country:SD"  # talks inside one country may be placed there


def test_one_countrys_rival_sides_named_together_are_a_collective_side() -> None:
    (ev,) = events("يستأنف ممثلو طرفي الصراع في السودان المحادثات في جدة اليوم.")
    assert ev.sides == ["org:sd-factions"] and ev.parties == ["SD"] and ev.mediators == ["SA"]
    (ev,) = events("انطلقت في جنيف جولة جديدة من الحوار بين الفرقاء اليمنيين.")
    assert ev.sides == ["org:ye-factions"] and ev.location_key == "loc:city:geneva"
    (ev,) = events("Palestinian factions met in Algiers on Tuesday for reconciliation talks.", "en")
    assert ev.sides == ["org:ps-factions"] and ev.parties == ["PS"] and ev.mediators == ["DZ"]
    (ev,) = events("Sudan's warring parties resumed talks in Jeddah on Sunday.", "en")
    assert ev.sides == ["org:sd-factions"]
    # a host country beside them hosts: «بمصر»
    (ev,) = events("ينطلق اجتماع الفصائل الفلسطينية اليوم في مدينة العلمين بمصر.")
    assert ev.sides == ["org:ps-factions"] and ev.mediators == ["EG"]


def test_a_name_written_with_a_hamza_is_no_article_word() -> None:
    # «ألـ» with a hamza never is the article: the title ends where the name starts
    assert people("وشارك رئيس وزراء كوسوفو ألفين بورغ في المحادثات.") == {"ألفين بورغ"}


def test_nationality_adjectives_in_the_accusative() -> None:
    (ev,) = events("تستضيف باريس اجتماعًا تشاديا سودانيًا غدًا الأربعاء.")
    assert ev.parties == ["SD", "TD"] and ev.mediators == ["FR"] and ev.status == "planned"
    assert ev.start_date == date(2024, 3, 13)


def test_states_listed_after_a_participation_cue_are_sides_however_far() -> None:
    text = (
        "انطلقت الجولة الحادية عشرة من محادثات السلام حول اليمن، أمس، في العاصمة الكازاخية، "
        "بمشاركة الدول الراعية السعودية وسلطنة عمان وإيران."
    )
    (ev,) = events(text)
    assert ev.parties == ["IR", "OM", "SA"] and ev.round_number == 11
    assert ev.location_key == "loc:city:astana" and ev.mediators == ["KZ"]


def test_a_signing_needs_the_agreement_it_signs() -> None:
    (ev,) = events("ووقع وفد صربي وكوسوفي على اتفاق خاص بشأن الطاقة في بروكسل.")
    assert ev.parties == ["RS", "XK"] and ev.status == "held" and ev.location_key == "loc:city:brussels"
    assert events("وقعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم السريع في الخرطوم أمس.") == []


def test_english_titles_with_a_proper_noun_complement_and_hyphened_names() -> None:
    text = "The EU Special Representative for the Horn of Africa, Annette Weber, arrived in Juba."
    assert people(text, "en") == {"Annette Weber"}
    text = "Delegates, including chief negotiator Ri Yong-ho, left Stockholm on Sunday."
    assert people(text, "en") == {"Ri Yong-ho"}


def test_the_two_delegations_of_one_country_are_its_rival_sides() -> None:
    text = "The two Yemeni delegations signed a prisoner exchange agreement in Geneva on Friday."
    (ev,) = events(text, "en")
    assert ev.sides == ["org:ye-factions"] and "prisoner_exchange" in ev.outcomes
    (ev,) = events("اجتمع الوفدان اليمنيان في جنيف أمس.")
    assert ev.sides == ["org:ye-factions"]
    (ev,) = events("اجتمع الطرفان الروسي والأوكراني في إسطنبول أمس.")
    assert ev.sides == ["RU", "UA"]


def test_a_place_the_sides_travelled_to_a_sentence_before() -> None:
    (ev,) = events("وصل وفدا تشاد والسودان إلى نجامينا مساء الأحد. وبدأت المحادثات بين الجانبين صباح الاثنين.")
    assert ev.parties == ["SD", "TD"] and ev.location_key is not None
    text = "Chadian and Sudanese delegations arrived in Doha on Sunday. Talks between Chad and Sudan began on Monday."
    (ev,) = events(text, "en")
    assert ev.location_key == "loc:city:doha" and ev.mediators == ["QA"]
    arrived = "Chadian and Sudanese delegations arrived in Doha on Sunday."
    began = "Talks between Chad and Sudan began."
    (ev,) = events(f"{arrived}\n\n{began}", "en")
    assert ev.location_key is None  # another paragraph


def test_a_joint_body_of_one_countrys_rival_sides_is_their_collective() -> None:
    (ev,) = events("تبدأ اللجنة الدستورية اليمنية اليوم اجتماعات جولتها الثالثة في جنيف.")
    assert ev.sides == ["org:ye-factions"] and ev.location_key == "loc:city:geneva"
    (ev,) = events("The Libyan Joint Military Commission met in Sirte on Monday.", "en")
    assert ev.sides == ["org:ly-factions"] and ev.location_key == "loc:city:sirte"


def test_the_round_number_after_a_meeting_noun_phrase() -> None:
    assert round_number("بدأت اجتماعات الجولة الثالثة بين مصر وإثيوبيا في القاهرة.") == 3


def test_a_mediation_cue_after_a_side_names_the_next_country() -> None:
    text = "انطلقت في الدوحة جولة جديدة من المحادثات بين باكستان وحكومة طالبان الأفغانية بوساطة قطرية وتركية."
    (ev,) = events(text)
    assert ev.sides == ["PK", "org:taliban"] and ev.mediators == ["QA", "TR"]
    text = "Israeli negotiators arrived in Doha on Monday for talks with Hamas brokered by Qatari mediators."
    (ev,) = events(text, "en")
    assert ev.sides == ["IL", "org:hamas"] and ev.mediators == ["QA"]
