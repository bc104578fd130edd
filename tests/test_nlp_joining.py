"""Who else takes part in a meeting already reported: «ويشارك في الاجتماعات ...», "Taking part in the talks
are ..." after the meeting is told adds a side and its people to it; observers who take part add none.

Every text here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract

PUB = date(2024, 3, 5)

MEETING = "انطلقت في العاصمة الكازاخية أمس الاثنين الجولة العاشرة من محادثات الدول الضامنة روسيا وتركيا وإيران."


def test_a_side_named_as_taking_part_joins_the_meeting() -> None:
    text = MEETING + " ويشارك في الاجتماعات نائب وزير الخارجية السوري سامر حداد."
    (e,) = extract(text, "ar", PUB).events
    assert e.parties == ["IR", "RU", "SY", "TR"] and e.round_number == 10
    assert "person:ar:سامر حداد" in [p.person_key for p in e.participants]


def test_observers_taking_part_join_no_side() -> None:
    text = MEETING + " كما تشارك في الاجتماعات وفود الدول المراقبة، وهي لبنان والعراق والأردن."
    (e,) = extract(text, "ar", PUB).events
    assert e.parties == ["IR", "RU", "TR"]
