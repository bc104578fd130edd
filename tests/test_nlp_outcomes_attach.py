"""Outcomes reported apart from the trigger: a signing that founds no meeting, a following sentence that
says what the talks produced, an outcome before "following ... talks". Sentences written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.nlp.extract import extract

PUB = date(2025, 6, 3)


def outcomes(text: str, language: str) -> list[tuple[list[str], list[str]]]:
    return [(e.sides, e.outcomes) for e in extract(text, language, PUB).events]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a signing in the meeting's own sentence, after it and before it
        (
            "ar",
            "واختتمت في جوبا الجولة الثانية من المحادثات بين إثيوبيا وإريتريا، "
            "ووقعت فيها الحكومتان على وثيقة وقف إطلاق النار.",
            [(["ER", "ET"], ["ceasefire"])],
        ),
        (
            "en",
            "Armenian and Azerbaijani delegations signed on Friday a permanent ceasefire agreement following two weeks "
            "of talks in Vienna.",
            [(["AM", "AZ"], ["agreement", "ceasefire"])],
        ),
        # "agreed ... following peace talks": the outcome stands before the talks
        (
            "en",
            "Cambodia and Thailand agreed to a ceasefire following peace talks in Geneva.",
            [(["KH", "TH"], ["ceasefire"])],
        ),
        # «ينص على وقف شامل لإطلاق النار»: words inside the phrase
        (
            "ar",
            "وقعت أرمينيا وأذربيجان اتفاقا ينص على وقف شامل لإطلاق النار في ختام محادثات استمرت ثلاثة أيام في الدوحة.",
            [(["AM", "AZ"], ["agreement", "ceasefire"])],
        ),
        # the next sentence says what the talks produced (no trigger in it), in both languages
        (
            "en",
            "Russian and Ukrainian delegations met in Istanbul on Monday for a second round of talks.\n"
            "The two countries agreed to exchange all seriously wounded prisoners of war.",
            [(["RU", "UA"], ["prisoner_exchange"])],
        ),
        (
            "ar",
            "عقد الوفدان الروسي والأوكراني جولة ثانية من المحادثات في إسطنبول يوم الاثنين.\n"
            "ووافق الطرفان على تبادل جميع الأسرى المصابين بجروح خطيرة.",
            [(["RU", "UA"], ["prisoner_exchange"])],
        ),
    ],
)
def test_outcomes_reach_their_meeting(language: str, text: str, expected: list[tuple[list[str], list[str]]]) -> None:
    assert outcomes(text, language) == expected


def test_hoped_for_outcomes_and_far_sentences_are_not_outcomes() -> None:
    hoped = (
        "عقد الوفدان الروسي والأوكراني جولة ثانية من المحادثات في إسطنبول يوم الاثنين.\n"
        "ويأمل الطرفان التوصل إلى وقف إطلاق النار."
    )
    assert outcomes(hoped, "ar") == [(["RU", "UA"], [])]
    far = (
        "Russian and Ukrainian delegations met in Istanbul on Monday for a second round of talks.\n"
        "Markets in Moscow rose.\nOil prices fell.\nThe rouble was steady.\nAnalysts were cautious.\n"
        "In 2022 the two countries agreed to exchange prisoners in a deal brokered by Turkey."
    )
    assert outcomes(far, "en") == [(["RU", "UA"], [])]


def test_people_of_a_mention_that_founds_nothing_reach_the_meeting() -> None:
    text = (
        "Russian, Ukrainian and US delegations met in Geneva on Tuesday for a second day of talks led by "
        "Vladimir Medinsky.\nThe head of the Ukrainian delegation, Rustem Umerov, said the second day proceeded "
        "in the form of consultations between military and political groups."
    )
    (event,) = extract(text, "en", date(2026, 2, 18)).events
    assert {p.person_key for p in event.participants} == {"person:medinsky", "person:umerov"}


def test_an_agreement_reported_today_is_held_and_named_things_are_no_distance() -> None:
    # between «وافقت» and what was agreed stand the sides, the day, the talks and the place
    text = "وافقت أرمينيا وأذربيجان الاثنين خلال محادثات في فيينا على تبادل جميع الأسرى المصابين."
    assert [(e.status, e.outcomes) for e in extract(text, "ar", date(2025, 6, 2)).events] == [
        ("held", ["prisoner_exchange"])
    ]
