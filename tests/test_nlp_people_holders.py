"""People nobody listed, by kind of error (third set): a glued ب or ل before a past-tense verb is a
name, "chief of / one of" the plural of a title, a name that opens its clause before a title whose
phrase names somebody else, a list item «، و<Name>» with an unknown given name, a title word inside a
name read backwards, surnames that start with W, theophoric given names (هيبة الله), delegation cues
with their pronouns and the future prefix, an ال-surname that is an adjective, the body a title is
of in English, and a name cut short by the end of the text (sentences written for these tests).
"""

from __future__ import annotations

import pytest

from tasks.nlp.entities import find_entities


def _people(text: str) -> list[tuple[str, str | None]]:
    mentions, entities = find_entities(text)
    roles = {e.key: e.role for e in entities}
    return [(m.surface, roles.get(m.key)) for m in mentions if m.kind == "person"]


def _surfaces(text: str) -> list[str]:
    return [s for s, _ in _people(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # «لبات» is a name, not ل + «بات»; «بقال» is no ب + «قال»: a preposition takes no past-tense verb
        ("وقع عليها رئيس لجنة الوساطة محمد حسن لبات، والوسيط الإثيوبي.", "محمد حسن لبات"),
        ("وقال الكاتب أحمد سالم بقال إن الحوار مستمر.", "أحمد سالم بقال"),
    ],
)
def test_a_preposition_glued_to_a_past_verb_is_a_name(text: str, name: str) -> None:
    assert name in _surfaces(text)


def test_a_stop_word_with_its_clitic_is_still_no_name() -> None:  # guard
    assert _surfaces("وقال رئيس الوفد ليقول كلمته إن المحادثات جرت.") == []


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("ودفع الوفد بالعميد سامر خالد وفارس النوري كبير المفاوضين إلى الجلسة.", "فارس النوري", "كبير المفاوضين"),
        ("وقال جمال توما ، كبير الوسطاء في تصريح للصحفيين.", "جمال توما", "كبير الوسطاء"),
        ("وكتب نادر حميدي أحد المفاوضين في تغريدة إن الجولة انتهت.", "نادر حميدي", "أحد المفاوضين"),
        ("وقال أحمد فرحان، كبير مستشاري الرئيس، إن الاتفاق قريب.", "أحمد فرحان", "كبير مستشاري الرئيس"),
    ],
)
def test_chief_of_or_one_of_the_holders_of_a_title(text: str, name: str, role: str) -> None:
    assert dict(_people(text)).get(name, "").startswith(role)


def test_one_of_the_talks_is_no_title() -> None:  # guard: «المفاوضات» is no plural of «مفاوض»
    assert _surfaces("وجرت إحدى المفاوضات السابقة في جنيف.") == []


def test_a_name_opening_its_clause_holds_the_title_before_the_name_the_title_is_of() -> None:
    people = _people("وقال كمال راجح الناطق باسم المبعوث الدولي إسماعيل ولد سالم إن الجولة تأجلت.")
    names = [n for n, _ in people]
    assert "كمال راجح" in names and "إسماعيل ولد سالم" in names
    assert dict(people)["كمال راجح"] == "الناطق باسم المبعوث الدولي"
    assert dict(people)["إسماعيل ولد سالم"] is None


def test_a_list_item_after_a_comma_with_an_unknown_given_name_before_its_title() -> None:
    text = "ستكون الجزائر ممثلة بالوزير، ثم كريم عيسى المستشار بالوزارة، وصبري بوعلام ممثل الجزائر لدى الأمم المتحدة."
    assert "صبري بوعلام" in _surfaces(text)


def test_a_title_word_inside_a_name_read_back_from_a_title() -> None:
    text = "واستقبل الوفد كل من حسن شيخ عمر، رئيس جمهورية الصومال، وآخرين."
    assert "حسن شيخ عمر" in _surfaces(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a W- surname after a lone known given name
        ("بحضور رئيسة البعثة الأممية ستيفاني وليامز، حيث تبحث اللجنة.", "ستيفاني وليامز"),
    ],
)
def test_a_surname_that_starts_with_w(text: str, name: str) -> None:
    assert name in _surfaces(text)


@pytest.mark.parametrize(
    "text",
    [
        "بحضور الأمين العام للحلف ورؤساء حكومات أوروبية.",
        "واستقبل الرئيس الكيني وزوجته الوفد.",
        "أتطلع لرؤية الزعيم كيم وتعزيز قضية السلام.",  # a verbal noun after «و»
        "واستقبل الرئيس الروسي وسيرغي لافروف الوفد.",  # «و» + a known given name is «and»
    ],
)
def test_and_after_a_title_is_still_and(text: str) -> None:  # guard
    assert "و" not in "".join(s[:1] for s in _surfaces(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال الزعيم الجديد للحركة الملا هيبة الله أخوند زاده في رسالة إن الحرب مستمرة.", "هيبة الله أخوند زاده"),
        ("وقال القيادي في الحركة عطا الله محمود سالم إن الحوار مستمر.", "عطا الله محمود سالم"),
    ],
)
def test_a_theophoric_given_name_is_one_name_word(text: str, name: str) -> None:
    assert any(s.endswith(name) for s in _surfaces(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("للتحاور مع المعارضة التي يقودها خوان لوبيز.", "خوان لوبيز"),
        ("وأضاف أن المفاوضات سيقودها أولوسيغون أديمي، بدعم من الاتحاد.", "أولوسيغون أديمي"),
        ("وتغيبت الحركة التى يقودها عبد الواحد محمد صالح في دارفور.", "عبد الواحد محمد صالح"),
        ("وحضرت الحركة الشعبية جناح مالك عقيل، وحركة العدل.", "مالك عقيل"),
    ],
)
def test_delegation_cues_with_pronouns_the_future_and_a_wing(text: str, name: str) -> None:
    assert name in _surfaces(text)


def test_a_wing_of_a_hotel_is_no_person() -> None:  # guard
    assert _surfaces("وأقام الوفد في جناح كبار الزوار بالفندق.") == []


def test_words_before_a_title_that_no_verb_or_given_name_opens_hold_no_title() -> None:  # guard
    names = _surfaces("واتفقوا على أجندة من سبع نقاط، لا تتضمن رحيل الرئيس كمال دياب.")
    assert "تتضمن رحيل" not in names


def test_a_known_surname_after_a_definite_noun_is_its_adjective() -> None:
    assert _surfaces("وسيجري الترتيب لحوار شامل بمشاركة كافة القوى الحية بالبلاد.") == []
    assert _surfaces("وقال الحية إن الحركة مستعدة.") == ["الحية"]  # guard: the surname alone


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Venezuelan President of the National Assembly Jorge Rodriguez shakes hands with the envoy.",
            "Jorge Rodriguez",
        ),
        ("Speaker of the Parliament Tomas Novak said on Monday.", "Tomas Novak"),
    ],
)
def test_the_body_a_title_is_of_is_no_part_of_the_name(text: str, name: str) -> None:
    assert name in _surfaces(text)


@pytest.mark.parametrize(
    "text",
    [
        "سيستضيف الرئيس رئيس الوزراء العراقي مصطفى الكاظمي غدا. وقال مسؤول إن الرئيس سيستضيف رئيس الوزراء مصطفى الكاظ",
        "The talks were chaired by Foreign Minister Tomas Novak on Monday. Officials said Foreign Minister Tomas Nova",
    ],
)
def test_a_name_cut_short_by_the_end_of_the_text_is_the_person_it_begins(text: str) -> None:
    mentions, _ = find_entities(text)
    assert len({m.key for m in mentions if m.kind == "person"}) == 1


def test_a_name_in_the_middle_of_the_text_that_begins_another_is_another_person() -> None:  # guard
    mentions, _ = find_entities("Foreign Minister Tomas Nova met Foreign Minister Tomas Novak on Monday.")
    assert len({m.key for m in mentions if m.kind == "person"}) == 2
