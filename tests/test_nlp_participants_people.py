"""People the title, list and nationality rules find, and who they are (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tasks.nlp.entities import analyze


def people(text: str) -> dict[str, str]:
    """Surface -> key of every person mention."""
    return {m.surface: m.key for m in analyze(text).mentions if m.kind == "person"}


def entity(text: str, key: str):
    return next(e for e in analyze(text).entities if e.key == key)


def test_a_surname_that_is_a_common_given_name_is_not_the_known_person():
    # «عباس» is Mahmoud Abbas's surname, but also a given name: «ياسر عباس» is somebody else
    found = people("وصل وزير الزراعة العراقي ياسر عباس إلى بغداد.")
    assert found == {"ياسر عباس": "person:ar:ياسر عباس"}
    assert entity("وصل وزير الزراعة العراقي ياسر عباس إلى بغداد.", "person:ar:ياسر عباس").country_code == "IQ"


def test_a_chain_of_given_names_is_one_person():
    found = people("وحضر اللقاء المستشار عمر محمد أحمد صالحين والوفد المرافق.")
    assert "person:abiy" not in found.values()
    assert "عمر محمد أحمد صالحين" in found


def test_an_adverb_in_the_accusative_closes_a_name():
    found = people("وبدا المتحدث باسم الحكومة الأوكرانية أندريه كوفالينكو متفائلاً بالنتائج.")
    assert "أندريه كوفالينكو" in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال وليد الحسيني عضو اللجنة التنفيذية إن الحوار سيستأنف.", "وليد الحسيني"),
        ("وأكد يوري تشيرنوف نائب وزير الخارجية الروسي أن الجولة انتهت.", "يوري تشيرنوف"),
    ],
)
def test_a_name_right_before_its_title_without_a_comma(text, name):
    assert name in people(text)


def test_a_title_running_through_an_organisation_and_a_general_title_word():
    found = people("ووقع الوثيقة رئيس وفد حماس خالد النجار عن الحركة.")
    assert "خالد النجار" in found
    assert "بسام العلي" in people("وأعلن أمين عام المبادرة الوطنية الفلسطينية بسام العلي تأجيل الحوار.")


def test_the_rest_of_an_arabic_list_of_names():
    found = people("ويضم الوفد نائب الرئيس سامي الحداد، وأعضاء اللجنة ماهر سلوم، وحسام قطيش، ونبيل دعاس.")
    assert {"حسام قطيش", "نبيل دعاس"} <= set(found)


def test_a_nationality_opens_a_list_item_and_gives_the_country():
    text = "اجتمع المبعوثان، الأذربيجاني إلهام رزاييف والجورجي ليفان تشيكوفاني، في فيينا."
    found = people(text)
    assert {"إلهام رزاييف", "ليفان تشيكوفاني"} <= set(found)
    assert entity(text, found["ليفان تشيكوفاني"]).country_code == "GE"


def test_a_korean_name_of_three_words():
    assert "كيم سونغ جين" in people("ويشارك المفاوض كيم سونغ جين في الجلسة.")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The special envoys Levan Chikovani and Elmar Razayev met in Vienna.", {"Levan Chikovani", "Elmar Razayev"}),
        ("Ambassador Mehmet Ağar and his Georgian counterpart Levan Chikovani met", {"Mehmet Ağar", "Levan Chikovani"}),
        ("Talks resumed after Dr. Ashraf Ghanem asked both sides to return.", {"Ashraf Ghanem"}),
        ("The envoy in Geneva, Pieter van Loon, did not comment.", {"Pieter van Loon"}),
        ("Gert Fischer, a WFP spokesperson, did not reply.", {"Gert Fischer"}),
        ("The mission is led by Special Envoy for Sudan Alexander Okonkwo and includes", {"Alexander Okonkwo"}),
    ],
)
def test_english_titles_and_lists(text, names):
    assert names <= set(people(text))


def test_a_us_title_gives_the_country():
    text = "He met his U.S. counterpart, Daniel Whitford, in Oslo."
    found = people(text)
    assert entity(text, found["Daniel Whitford"]).country_code == "US"


def test_a_speaker_after_an_apposition_is_a_reporter():
    from tasks.nlp.dates import find_dates
    from tasks.nlp.events import read_document
    from tasks.nlp.text.document import Document

    text = "Levan Chikovani, the head of the Georgian team, reported that the talks in Vienna went on."
    doc = Document(text, "en")
    a = analyze(doc)
    read_document(doc, a.mentions, a.entities, find_dates(doc, None))
    (p,) = [x for x in doc.args if x.kind == "person"]
    assert p.announcer
