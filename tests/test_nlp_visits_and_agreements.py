"""State visits and agreements as newsrooms tell them: two ministers named one after the other with their
titles, a host who receives «him» (the visitor of the sentence before), and two countries that agreed on
something during a meeting.

Every sentence here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract
from tasks.nlp.types import Event

PUB = date(2024, 3, 5)  # a Tuesday


def events(text: str, language: str = "ar", pub: date = PUB) -> list[Event]:
    return extract(text, language, pub).events


def test_two_titled_holders_in_a_row_are_two_people_of_two_countries() -> None:
    text = "عقد اجتماع في جدة أمس بين وزير الدفاع السوري مرهف قصار ووزير الدفاع اللبناني ميشال حداد."
    found = {m.key: m for m in extract(text, "ar", PUB).mentions if m.kind == "person"}
    assert set(found) == {"person:ar:مرهف قصار", "person:ar:ميشال حداد"}
    ents = {e.key: e for e in extract(text, "ar", PUB).entities}
    assert ents["person:ar:مرهف قصار"].country_code == "SY"
    assert ents["person:ar:ميشال حداد"].country_code == "LB"
    (e,) = events(text)
    assert e.parties == ["LB", "SY"] and e.location_key == "loc:city:jeddah"
    assert {p.person_key for p in e.participants} == set(found)


# commenting countries named more often than the sides: a meeting that names no sides of its own would
# take them as the article's main two
COMMENT = (
    " وكانت فرنسا والولايات المتحدة قد رحبتا بذلك، وقالت فرنسا إنها تدعم الحوار، فيما أكدت الولايات المتحدة دعمها."
)


def test_a_host_who_receives_him_receives_the_visitor_named_before() -> None:
    text = (
        "غادر رئيس الحكومة الأردنية سمير جمعة بيروت اليوم الثلاثاء في زيارة رسمية إلى العاصمة السورية دمشق."
        " ويرافقه وفد وزاري يضم وزيري الخارجية والداخلية."
        " ومن المقرر أن يستقبله الرئيس السوري في قصر الرئاسة، حيث يجريان مباحثات." + COMMENT
    )
    (e,) = events(text)
    assert e.parties == ["JO", "SY"] and e.location_key == "loc:city:damascus" and e.status == "planned"
    # with no visitor before, one side stays one side
    assert events("ومن المقرر أن يستقبله الرئيس السوري في قصر الرئاسة بدمشق، حيث يجريان مباحثات.") == []


def test_the_countries_that_agreed_during_a_meeting_are_its_sides_and_it_was_held() -> None:
    text = (
        "اتفق لبنان وسوريا على تشكيل لجنتين مختصتين لبحث ملفات اللاجئين والمعابر والتجارة والطاقة وقضايا"
        " الحدود البرية والبحرية، تمهيدا لعقد اتفاقين، وذلك خلال اجتماع رسمي في بيروت ضم مسؤولين من الجانبين."
    )
    (e,) = events(text + COMMENT)
    assert e.parties == ["LB", "SY"] and e.status == "held" and e.location_key == "loc:city:beirut"
    (e,) = events("Lebanon and Syria agreed on Monday to form two committees during a meeting in Beirut.", "en")
    assert e.parties == ["LB", "SY"] and e.status == "held" and e.location_key == "loc:city:beirut"
    # agreeing to hold a meeting is no agreement reached at one
    (e,) = events("اتفق لبنان وسوريا على عقد اجتماع في بيروت الأسبوع المقبل.")
    assert e.status == "planned"
