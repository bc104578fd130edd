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
