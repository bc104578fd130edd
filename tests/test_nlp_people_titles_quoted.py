"""People after titles as newsrooms write them: a body's name quoted inside the title and a comma before
the holder, a doctor's honorific before an unknown first name, and the next holders' title right after a
name.

Every sentence here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract

PUB = date(2024, 3, 5)


def people(text: str) -> dict[str, str | None]:
    x = extract(text, "ar", PUB)
    roles = {e.key: e.role for e in x.entities}
    return {m.key: roles.get(m.key) for m in x.mentions if m.kind == "person"}


def test_a_quoted_bodys_name_stays_in_the_title_and_the_holder_follows_its_comma() -> None:
    found = people("وكان مكتب زعيم «التيار الوطني»، مقتدى الحكيم، في النجف أعلن عدم المشاركة.")
    assert found == {"person:ar:مقتدي الحكيم": "زعيم «التيار الوطني»"}
    # a quoted name right after a title is still the holder
    found = people('وقال مستشار الأمن القومي العراقي "ناجح زيدان" إن الاجتماع انتهى.')
    assert list(found) == ["person:ar:ناجح زيدان"]


def test_a_doctors_honorific_opens_the_name_and_the_next_title_closes_it() -> None:
    found = people("وشارك رئيس الجمهورية الدكتور برهم أحمد ورئيسي السلطتين التشريعية والقضائية في الاجتماع.")
    assert list(found) == ["person:ar:برهم احمد"]


def test_a_regional_bodys_officer_and_a_cleric_are_read_whole() -> None:
    x = extract(
        "Foreign Minister Omar Haddad and Secretary-General of the League of Arab States Karim Nassar discussed"
        " the outcomes on Monday. Influential Shia cleric Jawad al-Khalisi's party refused to join.",
        "en",
        PUB,
    )
    found = [m.key for m in x.mentions if m.kind == "person"]
    assert found == ["person:en:omar haddad", "person:en:karim nassar", "person:en:jawad al-khalisi"]
    assert "org:arab-league" in [m.key for m in x.mentions if m.kind == "org"]


def test_the_nationality_words_of_mediators_and_hosts_name_their_country() -> None:
    for text, lang, cc in (
        ("وقال وزير الخارجية النرويجي يوناس هالفورسن إن المحادثات مستمرة.", "ar", "NO"),
        ("Angolan Foreign Minister Tete Antonio said the talks would resume.", "en", "AO"),
        ("وقال الرئيس الموزمبيقي فيليب نيوزي إن الاتفاق صامد.", "ar", "MZ"),
        ("Senegalese mediator Abdou Diallo said the talks would resume.", "en", "SN"),
    ):
        x = extract(text, lang, PUB)
        (person,) = [e for e in x.entities if e.kind == "person"]
        assert person.country_code == cc, text
