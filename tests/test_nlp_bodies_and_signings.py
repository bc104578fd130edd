"""Joint bodies named without their country, signings in every tense, and nationalities behind an
adjective: mechanisms that hold across negotiations.

Every sentence here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.events.lexicon import bare_set, lexicon
from tasks.nlp.extract import extract
from tasks.nlp.text.charsets import bare
from tasks.nlp.types import Event

PUB = date(2024, 3, 12)  # a Tuesday


def events(text: str, language: str = "ar", published: date | None = PUB) -> list[Event]:
    return extract(text, language, published).events


def test_listed_words_are_found_whatever_bare_does_to_their_first_letter() -> None:
    # bare() drops a leading و/ف from a listed word («وثيقة» -> ثيقه) but not from the same word in
    # text after its article («الوثيقة» -> وثيقه): both forms must be looked up
    assert bare("الوثيقه") in lexicon().agreement_nouns
    assert bare("وثيقه") in lexicon().agreement_nouns
    assert bare_set(frozenset({"فريق"})) == frozenset({"فريق", "ريق"})


def test_signing_a_document_is_a_meeting_of_its_signatories() -> None:
    text = "ووقع وفدا كينيا والصومال في مدينة نيروبي يوم الأحد الوثيقة الخاصة بترسيم الحدود البحرية."
    (ev,) = events(text)
    assert ev.parties == ["KE", "SO"] and ev.status == "held"
    assert ev.location_key == "loc:city:nairobi" and ev.start_date == date(2024, 3, 10)


def test_a_signing_announced_in_the_future_tense_is_planned() -> None:
    text = "وأعلنت الخارجية أن كينيا والصومال ستوقعان في مدينة نيروبي يوم الجمعة الوثيقة النهائية للاتفاق."
    (ev,) = events(text)
    assert ev.parties == ["KE", "SO"] and ev.status == "planned"
    assert ev.start_date == date(2024, 3, 15)
    text = "وقال المتحدث إن الحكومة ستوقع مع المعارضة اتفاقا للسلام في لومي."
    assert all(ev.status != "held" for ev in events(text))


def test_a_joint_body_without_its_country_stands_for_the_country_the_article_is_about() -> None:
    text = (
        "تبدأ اللجنة العسكرية المشتركة اليوم في مدينة سرت اجتماعات جولتها الثالثة.\n"
        "وتضم اللجنة ضباطا من شرق ليبيا وغربها، وتعمل على تثبيت الهدنة في ليبيا منذ أشهر."
    )
    (ev,) = events(text)
    assert ev.sides == ["org:ly-factions"] and ev.parties == ["LY"]
    assert ev.round_number == 3 and ev.location_key == "loc:city:sirte" and ev.start_date == PUB
    text = (
        "The constitutional committee opened its fourth round in Geneva on Monday.\n"
        "Iraq's parliament named a third of its members; the rest come from Iraq's provinces."
    )
    (ev,) = events(text, "en")
    assert ev.parties == ["IQ"] and ev.round_number == 4


def test_a_joint_body_is_no_side_when_no_country_leads_the_article() -> None:
    text = "تبدأ اللجنة العسكرية المشتركة اليوم في جنيف اجتماعات جولتها الثالثة.\nوقالت مصر إن الأردن يدعم الجهود."
    assert not any(side.endswith("-factions") for ev in events(text) for side in ev.sides)


def test_a_nationality_behind_an_adjective_still_names_the_side() -> None:
    text = "ووقعت الحكومة الانتقالية الصومالية مع الحكومة الكينية اتفاقا للتعاون الأمني في نيروبي اليوم."
    (ev,) = events(text)
    assert ev.parties == ["KE", "SO"]
    (ev,) = events("والتقى الوفد العسكري الروسي والوفد الأوكراني في إسطنبول يوم الأحد.")
    assert ev.parties == ["RU", "UA"]
