"""Who sits at the table from a delegation's make-up: lists whose items carry long titles, names that
end in a word which is also a possessive noun, gazetteer roles that are of a president without being
one, and the verbs that give a delegation's make-up.

Every sentence here is written for the tests (none is taken from an evaluation article); apart from
the gazetteer's own people, the names are made up, so no list can know them."""

from __future__ import annotations

from datetime import date

from tasks.nlp.entities import analyze
from tasks.nlp.events.roles import role_heads
from tasks.nlp.extract import extract
from tasks.nlp.types import Event

PUB = date(2024, 3, 12)  # a Tuesday
OPENING = "انطلقت اليوم في أروشا الجولة الثالثة من المحادثات بين كينيا وتنزانيا. "


def events(text: str, language: str = "ar", published: date | None = PUB) -> list[Event]:
    return extract(text, language, published).events


def seated(text: str, language: str = "ar") -> set[str]:
    """Surfaces of the people seated at the one meeting the text reports."""
    x = extract(text, language, PUB)
    (ev,) = x.events
    surface = {m.key: m.surface for m in x.mentions if m.kind == "person"}
    return {surface.get(p.person_key, p.person_key) for p in ev.participants}


def test_a_long_conjoined_title_keeps_the_list_going() -> None:
    # the second item's title runs to six words: it opens with «و» and a title word, so it is one list
    text = OPENING + (
        "ومثل كينيا وزير الخارجية جون موانغي ورئيس لجنة الشؤون الخارجية والدفاع في البرلمان الكيني "
        "بيتر أوتينو والسفير الكيني لدى تنزانيا جوزيف كاماو."
    )
    assert {"جون موانغي", "بيتر أوتينو", "جوزيف كاماو"} <= seated(text)


def test_a_long_gap_without_a_conjoined_title_is_not_a_list() -> None:
    # the same words between the names, but opening with no «و»+title: a new clause, not a list item
    text = OPENING + (
        "ومثل كينيا وزير الخارجية جون موانغي، أما الملف الذي أعدته لجنة الشؤون الخارجية والدفاع "
        "فقد عرضه بيتر أوتينو على الصحفيين."
    )
    assert "بيتر أوتينو" not in seated(text)


def test_a_name_ending_in_a_possessive_noun_does_not_make_the_next_one_a_possessor() -> None:
    # «صديق» ends the first name; it does not govern the second («صديق عادل» would be "Adel's friend")
    text = OPENING + "وضم الوفد التنزاني المستشار خالد حسن صديق وعادل الطيب."
    assert {"خالد حسن صديق", "عادل الطيب"} <= seated(text)


def test_a_role_of_the_presidents_office_is_not_the_president() -> None:
    assert role_heads("Adviser to the Head of the Office of the President of Ukraine") == ["Adviser"]
    assert "Prime Minister" in role_heads("Crown Prince and Prime Minister of Saudi Arabia")
    # «مستشار مكتب الرئيس ميخايلو بودولاك»: the gazetteer knows him as an adviser, so he is no possessor
    text = (
        "انطلقت اليوم في إسطنبول جولة جديدة من المفاوضات بين روسيا وأوكرانيا. "
        "وضم الوفد الأوكراني مستشار مكتب الرئيس ميخايلو بودولاك ونائب وزير الخارجية سيرغي كوفال."
    )
    assert "person:podolyak" in {p.person_key for (ev,) in [events(text)] for p in ev.participants}


def test_the_president_after_his_envoy_is_still_a_possessor() -> None:
    # «مبعوث الرئيس فلاديمير بوتين»: Putin is the president; the envoy is at the table, not Putin
    text = (
        "انطلقت اليوم في إسطنبول جولة جديدة من المفاوضات بين روسيا وأوكرانيا. "
        "وضم الوفد الروسي مبعوث الرئيس فلاديمير بوتين ونائب وزير الخارجية سيرغي ماكاروف."
    )
    (ev,) = events(text)
    assert "person:putin" not in {p.person_key for p in ev.participants}


def test_a_delegation_made_up_of_ranked_members() -> None:
    # «يتكون وفد ... من»: the make-up verb seats the whole list, titles and ranks between the names
    # (guard: the delegation words near each name seated them before the verb was a cue too)
    text = OPENING + (
        "ويتكون وفد الحكومة الكينية من اللواء جوزيف كيبتو رئيسا للوفد والعميد ديفيد موانغي كبير "
        "المفاوضين والمقدم صامويل أوكيلو عضوا في الوفد."
    )
    assert {"جوزيف كيبتو", "ديفيد موانغي", "صامويل أوكيلو"} <= seated(text)


def test_an_english_delegation_comprising_its_members() -> None:
    # guard, as above: "delegation" right before the list seats it already
    text = (
        "A third round of talks between Kenya and Tanzania opened in Arusha on Tuesday. "
        "The Kenyan delegation, comprising Foreign Minister John Mwangi and Defence Secretary Peter Otieno, "
        "arrived on Monday."
    )
    assert {"John Mwangi", "Peter Otieno"} <= seated(text, "en")


def test_the_names_are_found_as_people_in_the_first_place() -> None:
    # guard: the seating tests above mean something only if the names are read as people at all
    doc = analyze(OPENING + "ومثل كينيا وزير الخارجية جون موانغي والسفير الكيني لدى تنزانيا جوزيف كاماو.")
    assert {"جون موانغي", "جوزيف كاماو"} <= {m.surface for m in doc.mentions if m.kind == "person"}
