"""People: a monarch's regnal number closes the name after a royal title; a name stops before a noun
with a pronoun («مطالعته») or a preposition's phrase («بداعي السفر») that follows it.

Every text here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract

PUB = date(2024, 3, 5)


def countries(text: str) -> dict[str, str | None]:
    """Each person's name as written, with the country found for them."""
    x = extract(text, "ar", PUB)
    ents = {e.key: e for e in x.entities}
    return {
        text[m.start : m.end]: (ents[m.key].country_code if m.key in ents else None)
        for m in x.mentions
        if m.kind == "person"
    }


def people(text: str) -> set[str]:
    return set(countries(text))


def test_a_regnal_number_closes_a_monarchs_name() -> None:
    assert countries("واستقبل العاهل الأردني الملك عبدالله الثاني وزير الخارجية في عمان.").get("عبدالله الثاني") == "JO"
    assert "عبد الله الثاني" in countries("وقال ملك الأردن عبد الله الثاني إن القمة ناجحة.")
    assert "حسن الثالث" in countries("ورحب السلطان حسن الثالث بالاتفاق.")


def test_an_ordinal_without_a_royal_title_is_no_name() -> None:
    assert not countries("وقال إن الفصل الثاني من الاتفاق يخص الحدود، وإن محمد الثاني في الترتيب.")


def test_a_name_stops_before_a_noun_with_a_pronoun() -> None:
    names = people("كما قدم رئيس مجلس النواب نبيه بري مطالعته حول الاستراتيجية الدفاعية.")
    assert names == {"نبيه بري"}
    # a family name in «ته» right after a given name stays the name's
    assert people("وقال الرئيس محمد شحاته إن المحادثات مهمة.") == {"محمد شحاته"}


def test_a_name_stops_before_a_prepositional_phrase() -> None:
    names = people("وتغيب عن الجلسة الوزير محمد الصفدي والدكتور سمير جعجع بداعي السفر.")
    assert "سمير جعجع" in names and not any("بداعي" in n for n in names)
    # a compound given name with «الدين» is a name's words
    assert people("وقال الشيخ محمد بهاء الدين إن المحادثات مهمة.") == {"محمد بهاء الدين"}


def test_a_compound_name_written_with_or_without_its_space_is_one_person() -> None:
    text = (
        "وقال رئيس الوزراء الأردني عبد الكريم العموري إن القمة ناجحة. وأكد رئيس الوزراء الأردني عبدالكريم العموري ذلك."
    )
    keys = {m.key for m in extract(text, "ar", PUB).mentions if m.kind == "person"}
    assert len(keys) == 1, keys


def test_another_known_given_name_before_a_known_surname_is_a_namesake() -> None:
    # people.yaml knows Joseph Aoun (President of Lebanon) and Josep Borrell
    keys = {m.key for m in extract("وقال النائب ميشال عون إن المحكمة غير دستورية.", "ar", PUB).mentions}
    assert "person:aoun" not in keys and "person:ar:ميشال عون" in keys
    # the known person's own given name, or the same one spelled a letter apart, stays the known person
    assert "person:aoun" in {m.key for m in extract("وقال الرئيس جوزيف عون إن المحكمة مهمة.", "ar", PUB).mentions}
    assert "person:borrell" in {
        m.key for m in extract("وقال جوزيف بوريل إن الاتحاد يدعم المحادثات.", "ar", PUB).mentions
    }
    # a name after «بن» is a father's: "Musaed bin Mohammed Al-Aiban" is still the known Musaed Al-Aiban
    text = "Saudi national security adviser Musaed bin Mohammed Al-Aiban attended the talks."
    assert "person:aiban" in {m.key for m in extract(text, "en", PUB).mentions}


def test_a_relative_pronoun_closes_a_name_after_a_title() -> None:
    # «صالح» is a given name too, and «برهم» has a verbal noun's shape: the relative clause closes the name
    assert people("حيث استقبله رئيس الجمهورية برهم صالح الذي شدد على أهمية التعاون.") == {"برهم صالح"}
