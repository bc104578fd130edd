"""English sides written inside the talks phrase or after "and the", and a hyphenated pair of
countries before a capitalised word.

Every sentence here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.entities import analyze
from tasks.nlp.extract import extract
from tasks.nlp.types import Event

PUB = date(2024, 3, 12)


def events(text: str) -> list[Event]:
    return extract(text, "en", PUB).events


def test_a_hyphenated_pair_of_countries_before_a_capitalised_word_is_two_countries() -> None:
    keys = {m.key for m in analyze("Kenya-Uganda Border Commission talks resumed.", "en").mentions}
    assert {"loc:country:KE", "loc:country:UG"} <= keys
    # a guard: a curated country before a capitalised name is still no country on its own
    assert not analyze("Chad Okello said the talks would resume.", "en").mentions


def test_the_countries_inside_a_round_of_talks_phrase_are_its_sides() -> None:
    (ev,) = events("The 7th round of Kenya-Uganda Joint Commission talks took place in Kampala today.")
    assert ev.parties == ["KE", "UG"] and ev.round_number == 7


def test_and_the_still_joins_a_list_of_sides() -> None:
    (ev,) = events("The third round of talks on the lake between Kenya and the US took place in Nairobi today.")
    assert ev.parties == ["KE", "US"] and ev.round_number == 3


def test_a_format_named_behind_a_preposition_sits_as_its_members() -> None:
    text = "انطلقت اليوم في مدينة نور سلطان الجولة الجديدة من المحادثات بصيغة أستانا."
    # the three guarantors and Syria (its government sits at every Astana round, with the opposition)
    (ev,) = extract(text, "ar", PUB).events
    assert ev.parties == ["IR", "RU", "SY", "TR"]
    (ev,) = events("A new round of Astana format talks opened in Tehran today.")
    assert ev.parties == ["IR", "RU", "SY", "TR"]
