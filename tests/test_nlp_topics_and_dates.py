"""Countries discussed are topics, not sides; plural side nouns; a numbered or placed report dates its
meeting. Every sentence here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.events.lexicon import lexicon
from tasks.nlp.events.sides import side_noun
from tasks.nlp.extract import extract
from tasks.nlp.types import Event

PUB = date(2023, 6, 15)  # a Thursday


def events(text: str, language: str = "ar", published: date | None = PUB) -> list[Event]:
    return extract(text, language, published).events


def test_countries_whose_situation_is_discussed_are_topics() -> None:
    (ev,) = events("والتقى المسؤولون المصريون والأردنيون في عمان يوم الاثنين لبحث تطورات اليمن والسودان.")
    assert ev.parties == ["EG", "JO"]
    text = "Egyptian and Jordanian delegations met in Amman on Monday and discussed the situation in Yemen and Iraq."
    (ev,) = events(text, "en")
    assert ev.parties == ["EG", "JO"]


def test_plural_side_nouns_are_side_nouns() -> None:
    lex = lexicon()
    assert all(side_noun(lex, w) for w in ("دبلوماسيون", "الدبلوماسيون", "مبعوثون", "ممثلون"))


def test_a_numbered_placed_report_dates_the_meeting() -> None:
    text = (
        "اتفق دبلوماسيون كينيون وتنزانيون الأربعاء على مواصلة المشاورات.\n"
        "وجاء ذلك بعد اختتام الجولة الثانية من المشاورات التي عقدت يومي 11 و12 يونيو في أروشا."
    )
    evs = [ev for ev in events(text) if ev.round_number == 2]
    assert len(evs) == 1 and evs[0].start_date == date(2023, 6, 11)
    assert evs[0].location_key is not None and "arusha" in evs[0].location_key


def test_counted_rounds_take_their_places_in_turn() -> None:
    text = (
        "The first two rounds of talks between Kenya and Tanzania took place in Nairobi in March and Arusha in April."
    )
    evs = sorted(events(text, "en"), key=lambda ev: ev.round_number or 0)
    assert [ev.round_number for ev in evs] == [1, 2]
    assert [ev.location_key for ev in evs] == ["loc:city:nairobi", "loc:city:arusha"]


def test_a_dateline_with_a_slash_does_not_date_the_meeting() -> None:
    text = (
        "نيروبي 15 يونيو/ أعلنت الخارجية الكينية تأجيل الجولة الثالثة من المحادثات الكينية التنزانية إلى أجل غير مسمى."
    )
    (ev,) = events(text)
    assert ev.status == "cancelled" and ev.start_date is None


def test_the_day_a_titled_speaker_spoke_does_not_date_the_meeting() -> None:
    text = (
        "أعلن وزير الخارجية والهجرة وشؤون المصريين بالخارج سامح شكري، اليوم الخميس، تأجيل الجولة الثالثة من"
        " المحادثات بين مصر والسودان."
    )
    (ev,) = events(text)
    assert ev.status == "cancelled" and ev.start_date is None


def test_reaching_an_agreement_as_an_aim_is_no_signing() -> None:
    text = (
        "وأشار إلى أن جولة ثالثة من المحادثات من المقرر أن تبدأ في 17 يوليو بين كينيا وتنزانيا"
        " بهدف التوصل إلى اتفاق دائم."
    )
    (ev,) = events(text)
    assert ev.round_number == 3 and ev.start_date == date(2023, 7, 17) and ev.status == "planned"


def test_a_span_in_ordinal_day_words() -> None:
    text = (
        "وتعقد الجولة الثانية من المحادثات الكينية التنزانية في أروشا في الفترة من الثاني إلى الرابع من يوليو المقبل."
    )
    (ev,) = events(text)
    assert ev.start_date == date(2023, 7, 2) and ev.end_date == date(2023, 7, 4)


def test_ministers_of_countries_are_their_sides() -> None:
    text = (
        "The foreign ministers of Kenya, Uganda and Tanzania plan to meet in Kampala on June 20 to settle the dispute."
    )
    (ev,) = events(text, "en")
    assert ev.parties == ["KE", "TZ", "UG"] and ev.status == "planned"
    (ev,) = events("واجتمع وزراء خارجية كينيا وأوغندا وتنزانيا في كمبالا يوم الاثنين.")
    assert ev.parties == ["KE", "TZ", "UG"]


def test_the_day_a_newsroom_reported_does_not_date_the_meeting() -> None:
    text = (
        "أفادت قناة النيل الإخبارية الرسمية، الخميس، باجتماع وزراء خارجية كينيا وأوغندا وتنزانيا"
        " يومي 20 و21 يونيو الجاري في العاصمة الأوغندية كمبالا."
    )
    (ev,) = events(text)
    assert ev.start_date == date(2023, 6, 20) and ev.status == "planned"


def test_words_after_the_speakers_name_still_bound_the_day_of_saying() -> None:
    text = (
        "أعلن وزير الخارجية المصري سامح شكري، الخميس 15 يونيو، أنه سيتوجه إلى الخرطوم يوم الأحد المقبل"
        " للقاء نظيره السوداني."
    )
    evs = [ev for ev in events(text) if ev.start_date is not None]
    assert evs and all(ev.start_date == date(2023, 6, 18) for ev in evs)


def test_early_or_late_in_another_week() -> None:
    from tasks.nlp.dates import find_dates
    from tasks.nlp.text.document import Document

    def span(text: str, language: str) -> tuple[date, date]:
        (dm,) = find_dates(Document(text, language), date(2023, 6, 15))  # a Thursday
        return dm.start_date, dm.end_date

    assert span("ومن المقرر إجراء المحادثات في مطلع الأسبوع المقبل.", "ar") == (date(2023, 6, 19), date(2023, 6, 21))
    assert span("The talks are expected early next week.", "en") == (date(2023, 6, 19), date(2023, 6, 21))
    assert span("وكانت المحادثات قد جرت أواخر الأسبوع الماضي.", "ar") == (date(2023, 6, 9), date(2023, 6, 11))
    assert span("The envoys met earlier this week.", "en") == (date(2023, 6, 12), date(2023, 6, 15))
