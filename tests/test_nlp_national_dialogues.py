"""A country's own dialogue as newsrooms name it: a national dialogue, a parliament's blocs, a movement's
one-word name inside another body's, and the places that are no sides (a capital named as the venue, a
dateline's city); a delegation head named in apposition is a negotiator.

Every sentence here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.dates import find_dates
from tasks.nlp.entities import analyze
from tasks.nlp.events import read_document
from tasks.nlp.extract import extract
from tasks.nlp.text.document import Document
from tasks.nlp.types import Event

PUB = date(2024, 3, 5)  # a Tuesday


def events(text: str, language: str = "ar", pub: date = PUB) -> list[Event]:
    return extract(text, language, pub).events


def test_a_national_dialogue_is_its_countrys_rival_sides() -> None:
    for text, lang in (
        ("انعقد اجتماع الحوار الوطني الليبي في القصر الحكومي اليوم الثلاثاء بمشاركة قادة القوى السياسية.", "ar"),
        ("The Libyan national dialogue met at the government palace in Tripoli on Tuesday.", "en"),
    ):
        (e,) = events(text, lang)
        assert e.sides == ["org:ly-factions"] and e.parties == ["LY"] and e.status == "held", text
    # the country named right after it, when no nationality qualifies it
    (e,) = events("انطلقت جلسة الحوار الوطني في تونس يوم الاثنين بحضور ممثلي الأحزاب.")
    assert e.sides == ["org:tn-factions"] and e.location_key == "loc:city:tunis"
    # held in another country's capital, the dialogue stays that of the people it names most
    text = (
        "وأعلنت الفصائل الفلسطينية أن جلسات الحوار الوطني ستعقد في القاهرة يوم السبت المقبل بمشاركة الفصائل"
        " الفلسطينية كافة."
    )
    assert all(e.parties == ["PS"] for e in events(text))


def test_a_parliaments_blocs_are_its_countrys_rival_sides() -> None:
    (e,) = events("The leaders of the Libyan political blocs held a meeting in Tripoli on Tuesday.", "en")
    assert e.sides == ["org:ly-factions"] and e.location_key == "loc:city:tripoli-ly"


def test_a_known_movements_one_word_name_inside_another_body_is_not_that_movement() -> None:
    keys = [m.key for m in extract("The Fatah alliance said on Monday it would join the talks.", "en", PUB).mentions]
    assert "org:fatah" not in keys
    assert "org:fatah" in [m.key for m in extract("The Fatah movement said on Monday.", "en", PUB).mentions]
    # a descriptive name stays the movement's own («تحالف الجبهة الثورية» is the SRF)
    found = extract("ووقعت الحكومة السودانية مع تحالف الجبهة الثورية اتفاق السلام في جوبا أمس.", "ar", PUB)
    assert "org:srf" in [m.key for m in found.mentions]


def test_a_capital_named_as_the_venue_and_a_datelines_city_are_no_sides() -> None:
    # the talks Amman hosted are not Jordan's: with no sides named, Jordan is not one of them
    text = (
        "اختتمت اليوم المشاورات التي احتضنتها العاصمة الأردنية عمان حول فتح الطرق إلى مدينة تعز اليمنية دون إحراز تقدم."
    )
    assert all("JO" not in e.parties for e in events(text))
    # nor is Egypt, where the news was filed
    text = (
        "القاهرة (وكالات)\nوكان من المقترح إجراء المحادثات مطلع الأسبوع المقبل. وقالت إثيوبيا إنها تدعم الحوار،"
        " فيما أكد مسؤولون في أديس أبابا التزامهم."
    )
    assert all("EG" not in e.parties for e in events(text))


def test_a_delegation_head_in_apposition_is_a_negotiator() -> None:
    for text, lang in (
        ("Ahmed Nouri, head of the government delegation, said the talks were useful.", "en"),
        ("وقال أحمد نوري، رئيس الوفد الحكومي، إن المحادثات كانت مفيدة.", "ar"),
    ):
        doc = Document(text, lang)
        a = analyze(doc)
        nats = [(c.start, c.end, c.code) for c in a.cues if c.source == "nat"]
        read_document(doc, a.mentions, a.entities, find_dates(doc, PUB), nats)
        (p,) = [x for x in doc.args if x.kind == "person"]
        assert p.negotiator, text
    doc = Document("Ahmed Nouri, a spokesman for the ministry, said the talks were useful.", "en")
    a = analyze(doc)
    read_document(doc, a.mentions, a.entities, find_dates(doc, PUB), [])
    assert not next(x for x in doc.args if x.kind == "person").negotiator


def test_a_citys_country_and_an_embassys_country_are_no_sides_or_places() -> None:
    # "Switzerland's Geneva": Switzerland is where, not who
    text = (
        "The talks held in Switzerland's Geneva on Monday were constructive, the co-chairs said. Georgian"
        " officials and Russian officials welcomed the talks."
    )
    (e,) = events(text, "en")
    assert e.parties == ["GE", "RU"] and e.mediators == ["CH"] and e.location_key == "loc:city:geneva"
    text = "The talks held in Switzerland's Geneva on Monday were constructive, the co-chairs said."
    assert all("CH" not in e.parties for e in events(text, "en"))
    # the US embassy in Libya welcomed the talks: Libya is where the embassy is, not where the talks are
    text = "أعربت السفارة الأمريكية في ليبيا عن ترحيبها بالمفاوضات المباشرة بين الوفدين الليبيين التي بدأت أمس الاثنين."
    assert all(e.location_key != "loc:country:LY" for e in events(text))


def test_a_countrys_ministry_that_only_speaks_is_no_side_of_talks_that_name_none() -> None:
    text = (
        "وستعقد المحادثات في كوالالمبور الأحد المقبل. وقالت الخارجية الماليزية إن الجانبين وافقا على الحضور."
        " وأكدت الخارجية الماليزية أن تايلاند مستعدة، فيما قالت كمبوديا إنها ستشارك."
    )
    (e,) = events(text)
    assert e.parties == ["KH", "TH"] and e.mediators == ["MY"] and e.status == "planned"
